"""Painting the chart's geometry with a ``QPainter``: canvas items, preview and printing.

Nothing is placed here: boxes, text lines, routes, heads and labels come from
:mod:`orgdesigner.drawing.geometry` and the pages from :mod:`orgdesigner.drawing.page`;
these functions only turn them into ``QPainter`` calls, so the canvas, the export
preview and a printout show what the PDF shows. Text sizes are in the painter's user
units (model units, i.e. points in print), whatever the device's resolution.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from orgdesigner import style
from orgdesigner.drawing import arrows
from orgdesigner.drawing.geometry import (
    BandGeometry,
    Chart,
    RelationGeometry,
    TextRun,
    UnitGeometry,
)
from orgdesigner.drawing.page import PageDrawing, PagePlan
from orgdesigner.drawing.routing import PathOp


@lru_cache(maxsize=256)
def qcolour(hex_colour: str) -> QColor:
    return QColor(hex_colour)


@lru_cache(maxsize=256)
def qfont(size: float, bold: bool, dpi: int) -> QFont:
    """The shipped font ``size`` user units high on a device of ``dpi`` (unhinted, so
    text keeps its design width at every zoom, as in the PDF)."""
    f = QFont(style.FONT_FAMILY)
    f.setPointSizeF(size * 72.0 / max(dpi, 1))
    f.setBold(bold)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    f.setKerning(False)  # reportlab does not kern: same widths on screen and paper
    return f


def _dpi(painter: QPainter) -> int:
    device = painter.device()
    return device.logicalDpiY() if device is not None else 96


SCREEN_DPI = QImage(1, 1, QImage.Format.Format_RGB32).logicalDpiY()


class QtMeasure:
    """Qt's font metrics for the shipped font in model units (the canvas's measure)."""

    def __init__(self, dpi: int = SCREEN_DPI) -> None:
        self.dpi = dpi
        self._metrics: dict[tuple[float, bool], QFontMetricsF] = {}
        self._widths: dict[tuple[str, float, bool], float] = {}

    def _m(self, size: float, bold: bool) -> QFontMetricsF:
        key = (size, bold)
        m = self._metrics.get(key)
        if m is None:
            m = self._metrics[key] = QFontMetricsF(qfont(size, bold, self.dpi))
        return m

    def width(self, text: str, size: float, bold: bool = False) -> float:
        key = (text, size, bold)
        w = self._widths.get(key)
        if w is None:
            if len(self._widths) > 50_000:
                self._widths.clear()
            w = self._widths[key] = self._m(size, bold).horizontalAdvance(text)
        return w

    def ascent(self, size: float, bold: bool = False) -> float:
        return self._m(size, bold).ascent()

    def line_height(self, size: float, bold: bool = False) -> float:
        return self._m(size, bold).lineSpacing()

    def printable(self, text: str) -> str:
        return text


# ---------------------------------------------------------------------------
# chart parts
# ---------------------------------------------------------------------------
def paint_text(painter: QPainter, runs: Sequence[TextRun], colour: str | None = None) -> None:
    dpi = _dpi(painter)
    for run in runs:
        painter.setFont(qfont(run.size, run.bold, dpi))
        painter.setPen(qcolour(colour or run.colour))
        painter.drawText(QPointF(run.x, run.baseline), run.text)


def paint_band(painter: QPainter, band: BandGeometry) -> None:
    rect = QRectF(0.0, band.top, band.width, band.height)
    painter.fillRect(rect, qcolour(band.fill))
    pen = QPen(qcolour(band.border), 0.8)
    painter.setPen(pen)
    painter.drawLine(rect.topLeft(), rect.topRight())
    painter.drawLine(QPointF(band.separator_x, band.top + 8),
                     QPointF(band.separator_x, band.bottom - 8))  # fmt: skip
    paint_text(painter, band.label)


def paint_unit(painter: QPainter, unit: UnitGeometry, border: str | None = None,
               border_width: float = 1.2) -> None:  # fmt: skip
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(qcolour(border or unit.border), border_width))
    painter.setBrush(QBrush(qcolour(unit.fill)))
    x, y, w, h = unit.box
    painter.drawRoundedRect(QRectF(x, y, w, h), unit.radius, unit.radius)
    paint_text(painter, (unit.form, *unit.lines, *((unit.lead,) if unit.lead else ())))


def path_of(ops: Sequence[PathOp]) -> QPainterPath:
    path = QPainterPath()
    for op, args in ops:
        if op == "move":
            path.moveTo(args[0], args[1])
        elif op == "line":
            path.lineTo(args[0], args[1])
        else:
            path.quadTo(args[0], args[1], args[2], args[3])
    return path


def relation_pen(g: RelationGeometry, colour: str = style.EDGE_COLOUR) -> QPen:
    pen = QPen(qcolour(colour), g.width)
    if g.dash:
        pen.setDashPattern([float(d) for d in g.dash])
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def head_path(head: arrows.Head) -> QPainterPath:
    path = QPainterPath()
    if head.circle is not None:
        cx, cy, r = head.circle
        path.addEllipse(QPointF(cx, cy), r, r)
    if head.polygon:
        points = [QPointF(x, y) for x, y in head.polygon]
        if head.fill != "none":
            path.addPolygon(QPolygonF([*points, points[0]]))
        else:
            path.moveTo(points[0])
            for p in points[1:]:
                path.lineTo(p)
    if head.bar is not None:
        (x1, y1), (x2, y2) = head.bar
        path.moveTo(x1, y1)
        path.lineTo(x2, y2)
    return path


def paint_relation(painter: QPainter, g: RelationGeometry, colour: str = style.EDGE_COLOUR,
                   paths: Sequence[QPainterPath] | None = None,
                   heads: Sequence[QPainterPath] | None = None) -> None:  # fmt: skip
    """Stroke ``g``'s lines and heads and its label; ``paths``/``heads``: prebuilt."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(relation_pen(g, colour))
    for path in paths if paths is not None else [path_of(s) for s in g.strokes]:
        painter.drawPath(path)
    head_pen = QPen(qcolour(colour), g.head_width)
    head_pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(head_pen)
    built = heads if heads is not None else [head_path(h) for h in g.heads]
    for head, path in zip(g.heads, built, strict=True):
        if head.fill == "line":
            painter.setBrush(qcolour(colour))
        elif head.fill == "paper":
            painter.setBrush(qcolour(style.HEAD_FILL_OPEN))
        else:
            painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
    if g.label is not None and g.label_box is not None:
        x, y, w, h = g.label_box
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(qcolour(style.EDGE_LABEL_BACKGROUND))
        painter.drawRoundedRect(QRectF(x, y, w, h), 3, 3)
        paint_text(painter, (g.label,))


def paint_chart(painter: QPainter, chart: Chart) -> None:
    """The whole chart in model units (the caller sets the transformation)."""
    for band in chart.bands:
        paint_band(painter, band)
    for relation in chart.relations.values():
        paint_relation(painter, relation)
    for unit in chart.units.values():
        paint_unit(painter, unit)


# ---------------------------------------------------------------------------
# pages (preview and printing)
# ---------------------------------------------------------------------------
def paint_furniture(painter: QPainter, furniture: PageDrawing) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for rule in furniture.rules:
        painter.setPen(QPen(qcolour(style.RULE_LINE), rule.width))
        painter.drawLine(QPointF(rule.x1, rule.y1), QPointF(rule.x2, rule.y2))
    for sw in furniture.swatches:
        painter.setPen(QPen(qcolour(sw.border), 0.8))
        painter.setBrush(qcolour(sw.fill))
        painter.drawRoundedRect(QRectF(*sw.box), 2, 2)
    for sample in furniture.samples:
        painter.save()
        painter.translate(*sample.origin)
        painter.scale(sample.scale, sample.scale)
        paint_relation(painter, sample.relation)
        painter.restore()
    paint_text(painter, furniture.texts)
    if furniture.tile_frame is not None:
        pen = QPen(qcolour(style.RULE_LINE), 0.4)
        pen.setDashPattern([5.0, 5.0])
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(*furniture.tile_frame))


def paint_page(painter: QPainter, plan: PagePlan, col: int, row: int, number: int,
               total: int | None) -> None:  # fmt: skip
    """Chart page ``(col, row)`` of ``plan`` in page points (``y`` down), numbered."""
    painter.save()
    ax, ay, aw, ah = plan.area
    painter.setClipRect(QRectF(ax, ay, aw, ah))
    ox, oy = plan.origin(col, row)
    painter.translate(ox, oy)
    painter.scale(plan.scale, plan.scale)
    painter.translate(-plan.chart.extent[0], -plan.chart.extent[1])
    paint_chart(painter, plan.chart)
    painter.restore()
    paint_furniture(painter, plan.drawing(col, row))
    paint_text(painter, plan.page_number(number, total))
