"""Graphics items of the canvas: level bands, nodes (units) and edges (relations).

Items draw the model; they never change it. A node item asks its scene where it may go
(:meth:`OrgScene.constrain_node_position`) and tells its edges to follow while Qt moves it.
Colours, line styles and fonts come from :mod:`orgdesigner.style`.
"""

from __future__ import annotations

import math
from functools import cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from orgdesigner import style
from orgdesigner.catalog import catalog, form_name
from orgdesigner.model import Edge, Node

if TYPE_CHECKING:
    from orgdesigner.canvas.scene import OrgScene

HANDLE_RADIUS = 7.0
NODE_PADDING = 8.0
Z_BAND, Z_EDGE, Z_NODE, Z_TOP = -10.0, 0.0, 10.0, 100.0


def font(point_size: float, bold: bool = False) -> QFont:
    f = QFont(style.FONT_FAMILY)
    f.setPointSizeF(point_size)
    f.setBold(bold)
    return f


def colour(hex_colour: str) -> QColor:
    return QColor(hex_colour)


def wrap_lines(text: str, fnt: QFont, width: float, max_lines: int) -> list[str]:
    """Break ``text`` into at most ``max_lines`` lines of ``width``; elide the last one."""
    metrics = QFontMetricsF(fnt)
    layout = QTextLayout(text, fnt)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    lines: list[str] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        start, length = line.textStart(), line.textLength()
        if len(lines) == max_lines - 1:
            rest = text[start:].replace("\n", " ").strip()
            lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
            break
        lines.append(text[start : start + length].rstrip())
    layout.endLayout()
    return lines


@cache
def band_label_font(text: str, width: float) -> QFont:
    """The band label font, shrunk (down to 7 pt) until the longest word fits ``width``."""
    size = style.BAND_LABEL_PT
    while True:
        f = font(size, bold=True)
        metrics = QFontMetricsF(f)
        if size <= 7 or all(metrics.horizontalAdvance(w) <= width for w in text.split()):
            return f
        size -= 0.5


class BandItem(QGraphicsItem):
    """The background band of one level with its label on the left."""

    def __init__(self, level: str) -> None:
        super().__init__()
        self.level = level
        self._rect = QRectF()
        self.setZValue(Z_BAND)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_geometry(self, top: float, height: float, width: float) -> None:
        rect = QRectF(0.0, top, width, height)
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:  # fmt: skip
        ls = style.LEVEL_STYLES[self.level]
        painter.fillRect(self._rect, colour(ls.band))
        pen = QPen(colour(ls.border), 1.0)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.drawLine(self._rect.topLeft(), self._rect.topRight())
        label_rect = QRectF(self._rect.left() + 10, self._rect.top() + 10,
                            style.BAND_LABEL_WIDTH - 16, self._rect.height() - 20)  # fmt: skip
        painter.setPen(colour(ls.border))
        lv = catalog().level(self.level)
        labels = " ".join(catalog().level(level).label.get() for level in style.LEVEL_STYLES)
        painter.setFont(band_label_font(labels, label_rect.width()))
        painter.drawText(label_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                         | Qt.TextFlag.TextWordWrap, lv.label.get())  # fmt: skip
        painter.drawLine(QPointF(style.BAND_LABEL_WIDTH, self._rect.top() + 8),
                         QPointF(style.BAND_LABEL_WIDTH, self._rect.bottom() - 8))  # fmt: skip


class NodeItem(QGraphicsItem):
    """A unit: a rounded box in its level's colour with the form name and the label."""

    def __init__(self, node: Node) -> None:
        super().__init__()
        self.node = node
        self.edges: list[EdgeItem] = []
        self._lines: list[str] = []
        self._form_text = ""
        self._hover = False
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setZValue(Z_NODE)
        self.setAcceptHoverEvents(True)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.set_node(node)

    @property
    def node_id(self) -> str:
        return self.node.id

    def set_node(self, node: Node) -> None:
        """Show ``node`` (the model's new value); the caller moves the item."""
        if node.width != self.node.width or node.height != self.node.height:
            self.prepareGeometryChange()
        self.node = node
        self._box = QRectF(0.0, 0.0, node.width, node.height)
        m = HANDLE_RADIUS + 2
        self._bounds = self._box.adjusted(-2, -2, m, 2)
        inner = node.width - 2 * NODE_PADDING
        self._form_text = QFontMetricsF(font(style.NODE_FORM_PT)).elidedText(
            form_name(node.level, node.form), Qt.TextElideMode.ElideRight, inner
        )
        title_font = font(style.NODE_TITLE_PT, bold=True)
        line_height = QFontMetricsF(title_font).lineSpacing()
        form_height = QFontMetricsF(font(style.NODE_FORM_PT)).lineSpacing()
        room = node.height - 2 * NODE_PADDING + 2 - form_height
        max_lines = max(1, int(room // line_height))
        label = node.label or form_name(node.level, node.form)
        self._lines = wrap_lines(label, title_font, inner, max_lines)
        tip = f"<b>{label}</b><br>{form_name(node.level, node.form)}"
        self.setToolTip(tip)
        self.update()

    # -- geometry ------------------------------------------------------------
    def box(self) -> QRectF:
        return QRectF(self._box)

    def handle_center(self) -> QPointF:
        return QPointF(self.node.width, self.node.height / 2)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)
        path.addRoundedRect(self.box(), style.NODE_RADIUS, style.NODE_RADIUS)
        path.addEllipse(self.handle_center(), HANDLE_RADIUS, HANDLE_RADIUS)
        return path

    def on_handle(self, local: QPointF) -> bool:
        d = local - self.handle_center()
        return math.hypot(d.x(), d.y()) <= HANDLE_RADIUS + 2

    def scene_box(self) -> QRectF:
        return self._box.translated(self.pos())

    # -- painting ------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:  # fmt: skip
        ls = style.LEVEL_STYLES[self.node.level]
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = self.isSelected()
        pen = QPen(colour(style.SELECTION if selected else ls.border), 2.5 if selected else 1.2)
        painter.setPen(pen)
        painter.setBrush(QBrush(colour(ls.fill)))
        painter.drawRoundedRect(self.box(), style.NODE_RADIUS, style.NODE_RADIUS)
        inner = self.box().adjusted(NODE_PADDING, NODE_PADDING - 2, -NODE_PADDING, -NODE_PADDING)
        painter.setPen(colour(style.MUTED_TEXT))
        form_font = font(style.NODE_FORM_PT)
        painter.setFont(form_font)
        form_h = QFontMetricsF(form_font).lineSpacing()
        painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), form_h),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         self._form_text)  # fmt: skip
        title_font = font(style.NODE_TITLE_PT, bold=True)
        painter.setFont(title_font)
        painter.setPen(colour(style.TEXT))
        lh = QFontMetricsF(title_font).lineSpacing()
        y = inner.top() + form_h + 1
        for line in self._lines:
            painter.drawText(QRectF(inner.left(), y, inner.width(), lh),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)  # fmt: skip
            y += lh
        if not (self.isSelected() or self._hover):
            return
        # connection handle: drag from it to another unit to draw a relation
        painter.setPen(QPen(colour(ls.border), 1.2))
        painter.setBrush(QBrush(colour(style.PAPER)))
        painter.drawEllipse(self.handle_center(), HANDLE_RADIUS - 2, HANDLE_RADIUS - 2)

    # -- behaviour -----------------------------------------------------------
    def hoverEnterEvent(self, event: Any) -> None:
        self._hover = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverMoveEvent(self, event: Any) -> None:
        on = self.on_handle(event.pos())
        self.setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor)
        super().hoverMoveEvent(event)

    def hoverLeaveEvent(self, event: Any) -> None:
        self._hover = False
        self.unsetCursor()
        self.update()
        super().hoverLeaveEvent(event)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        scene: OrgScene | None = self.scene()  # type: ignore[assignment]
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange and scene is not None:
            return scene.constrain_node_position(self, value)
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            if scene is not None and scene.dragging:
                scene.edges_to_update.update(self.edges)  # once per mouse move, not per end
            else:
                for edge in self.edges:
                    edge.update_geometry()
        elif change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.setZValue(Z_NODE + (1 if value else 0))
        return super().itemChange(change, value)


def _border_xy(cx: float, cy: float, hw: float, hh: float, tx: float,
               ty: float) -> tuple[float, float]:  # fmt: skip
    """Where the line from the centre ``(cx, cy)`` of a box towards ``(tx, ty)`` leaves it."""
    dx, dy = tx - cx, ty - cy
    if dx == 0 and dy == 0:
        return cx, cy
    scale = min(hw / abs(dx) if dx else math.inf, hh / abs(dy) if dy else math.inf)
    return cx + dx * scale, cy + dy * scale


_PENS: dict[tuple[str, bool], QPen] = {}


def relation_pen(relation: str, selected: bool = False) -> QPen:
    """The pen of a relation type's line (cached: painting is hot while dragging)."""
    key = (relation, selected)
    pen = _PENS.get(key)
    if pen is None:
        rs = style.RELATION_STYLES[relation]
        pen = QPen(colour(style.SELECTION if selected else style.EDGE_COLOUR), rs.width)
        if rs.dash:
            pen.setDashPattern(list(rs.dash))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        _PENS[key] = pen
    return pen


def arrowhead_path(kind: str, tip: QPointF, direction: QLineF, size: float) -> QPainterPath:
    """The arrowhead ``kind`` at ``tip``; ``direction`` points along the line into the tip."""
    path = QPainterPath()
    if kind == "none":
        return path
    angle = math.atan2(direction.dy(), direction.dx())
    back = QPointF(-math.cos(angle), -math.sin(angle))
    side = QPointF(-back.y(), back.x())
    if kind in ("filled", "open"):
        p1 = tip + back * size + side * (size * 0.5)
        p2 = tip + back * size - side * (size * 0.5)
        if kind == "filled":
            path.addPolygon(QPolygonF([tip, p1, p2, tip]))
        else:
            path.moveTo(p1)
            path.lineTo(tip)
            path.lineTo(p2)
    elif kind == "diamond":
        mid = tip + back * (size * 0.75)
        path.addPolygon(QPolygonF([tip, mid + side * (size * 0.4), tip + back * (size * 1.5),
                                   mid - side * (size * 0.4), tip]))  # fmt: skip
    elif kind == "circle":
        c = tip + back * (size * 0.4)
        path.addEllipse(c, size * 0.4, size * 0.4)
    elif kind == "bar":
        p1 = tip + back * size + side * (size * 0.5)
        p2 = tip + back * size - side * (size * 0.5)
        path.addPolygon(QPolygonF([tip, p1, p2, tip]))
        b = tip + back * (size * 1.3)
        path.moveTo(b + side * (size * 0.6))
        path.lineTo(b - side * (size * 0.6))
    return path


def clip_line(line: QLineF, rect: QRectF) -> tuple[float, QLineF] | None:
    """The part of ``line`` inside ``rect`` and its distance from the start (Liang–Barsky)."""
    x0, y0, dx, dy = line.x1(), line.y1(), line.dx(), line.dy()
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x0 - rect.left()), (dx, rect.right() - x0),
                 (-dy, y0 - rect.top()), (dy, rect.bottom() - y0)):  # fmt: skip
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return None
    if t0 == 0.0 and t1 == 1.0:
        return 0.0, line
    part = QLineF(x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy)
    return t0 * line.length(), part


class EdgeItem(QGraphicsItem):
    """A relation: a line from box to box in its type's line style, with arrowheads.

    The shaft and the heads are computed when the geometry changes, not in ``paint``:
    while a node is dragged, every relation in the exposed area is repainted per frame.
    """

    HEAD_SIZE = 11.0

    def __init__(self, edge: Edge, source: NodeItem, target: NodeItem) -> None:
        super().__init__()
        self.edge = edge
        self.source = source
        self.target = target
        self._line = QLineF()
        self._ends: tuple[tuple[float, float], tuple[float, float]] | None = None
        self._bounds = QRectF()
        self._shape: QPainterPath | None = None
        self._shafts: list[QLineF] = []
        self._drawing_stale = True
        self._heads: list[tuple[QPainterPath, str]] = []
        self.badge: QGraphicsItem | None = None
        """a finding badge (``canvas/badges.py``): kept on the line as the ends move"""
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # fmt: skip
        self.setZValue(Z_EDGE)
        self.set_edge(edge)

    @property
    def edge_id(self) -> str:
        return self.edge.id

    def set_edge(self, edge: Edge) -> None:
        restyle = edge.type != self.edge.type or edge.label != self.edge.label
        self.edge = edge
        rel = catalog().relation(edge.type)
        tip = rel.label.get() + (f": {edge.label}" if edge.label else "")
        self.setToolTip(tip)
        self.update_geometry(force=restyle or self._ends is None)
        self.update()

    def update_geometry(self, force: bool = False) -> None:
        # plain floats: this runs for every relation of every dragged unit on each move
        sp, tp = self.source.pos(), self.target.pos()
        sn, tn = self.source.node, self.target.node
        shw, shh, thw, thh = sn.width / 2, sn.height / 2, tn.width / 2, tn.height / 2
        ax, ay = sp.x() + shw, sp.y() + shh
        bx, by = tp.x() + thw, tp.y() + thh
        ends = (_border_xy(ax, ay, shw, shh, bx, by), _border_xy(bx, by, thw, thh, ax, ay))
        if ends == self._ends and not force:
            return
        self._ends = ends
        (x1, y1), (x2, y2) = ends
        line = QLineF(x1, y1, x2, y2)
        self.prepareGeometryChange()
        self._line = line
        self._shape = None
        m = self.HEAD_SIZE * 1.6
        self._bounds = QRectF(min(x1, x2) - m, min(y1, y2) - m, abs(x2 - x1) + 2 * m,
                              abs(y2 - y1) + 2 * m)  # fmt: skip
        if self.edge.label:
            self._bounds = self._bounds.united(self._label_rect())
        self._drawing_stale = True  # built on the next paint: most moved edges are off screen
        if self.badge is not None:
            self.badge.setPos(self.badge_anchor())

    def _build_drawing(self) -> None:
        self._drawing_stale = False
        rs = style.RELATION_STYLES[self.edge.type]
        line, size = self._line, self.HEAD_SIZE
        self._shafts, self._heads = [], []
        if line.length() < 1:
            return
        # shorten the shaft where a head is drawn so the line does not poke through it
        shaft = QLineF(line)
        if rs.head != "none" and shaft.length() > size:
            shaft.setLength(shaft.length() - size * (0.2 if rs.head == "open" else 0.9))
        if rs.tail != "none" and shaft.length() > size:
            rev = QLineF(shaft.p2(), shaft.p1())
            rev.setLength(rev.length() - size * 0.9)
            shaft = QLineF(rev.p2(), rev.p1())
        if rs.double:
            normal = shaft.normalVector().unitVector()
            off = QPointF(normal.dx(), normal.dy()) * (rs.width + 1.2)
            self._shafts = [shaft.translated(off), shaft.translated(-off)]
        else:
            self._shafts = [shaft]
        for kind, tip, direction in ((rs.head, line.p2(), line),
                                     (rs.tail, line.p1(), QLineF(line.p2(), line.p1()))):  # fmt: skip
            if kind != "none":
                self._heads.append((arrowhead_path(kind, tip, direction, size), kind))

    def line(self) -> QLineF:
        return self._line

    def badge_anchor(self) -> QPointF:
        """Where a finding badge sits: the line's middle, or just right of its label."""
        if self.edge.label:
            rect = self._label_rect()
            return QPointF(rect.right() + 10, rect.center().y())
        return self._line.center()

    def _label_rect(self) -> QRectF:
        metrics = QFontMetricsF(font(style.EDGE_LABEL_PT))
        w = min(metrics.horizontalAdvance(self.edge.label) + 8, 220.0)
        h = metrics.lineSpacing() + 4
        c = self._line.center()
        return QRectF(c.x() - w / 2, c.y() - h / 2, w, h)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            path = QPainterPath(self._line.p1())
            path.lineTo(self._line.p2())
            stroker = QPainterPathStroker()
            stroker.setWidth(10.0)
            self._shape = stroker.createStroke(path)
        return self._shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:  # fmt: skip
        if self._drawing_stale:
            self._build_drawing()
        if not self._shafts:
            return
        # on screen while units are dragged: no antialiasing (each frame repaints many
        # relations); an image export or print has no widget and is always smooth
        scene = self.scene()
        fast = widget is not None and scene is not None and bool(getattr(scene, "dragging", False))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, not fast)
        pen = relation_pen(self.edge.type, self.isSelected())
        painter.setBrush(Qt.BrushStyle.NoBrush)
        exposed = option.exposedRect.adjusted(-4, -4, 4, 4)
        for shaft in self._shafts:
            # a long dashed line is dashed along its whole length even where it is
            # clipped away: draw only the exposed part, with the dash phase kept
            part = clip_line(shaft, exposed)
            if part is None:
                continue
            start, visible = part
            if pen.style() == Qt.PenStyle.CustomDashLine and start > 0:
                phased = QPen(pen)
                phased.setDashOffset(start / max(pen.widthF(), 1e-6))
                painter.setPen(phased)
            else:
                painter.setPen(pen)
            painter.drawLine(visible)
        if self._heads:
            width = style.RELATION_STYLES[self.edge.type].width
            head_pen = QPen(pen.color(), max(1.2, width * 0.8))
            head_pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(head_pen)
            for path, kind in self._heads:
                if kind in ("filled", "bar"):
                    painter.setBrush(pen.color())
                elif kind == "open":
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                else:
                    painter.setBrush(_WHITE)
                painter.drawPath(path)
        if self.edge.label:
            rect = self._label_rect()
            painter.setPen(Qt.PenStyle.NoPen)
            background = colour(style.PAPER)
            background.setAlpha(230)
            painter.setBrush(QBrush(background))
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(colour(style.TEXT))
            painter.setFont(font(style.EDGE_LABEL_PT))
            text = QFontMetricsF(painter.font()).elidedText(
                self.edge.label, Qt.TextElideMode.ElideRight, rect.width() - 6
            )
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


_WHITE = QColor(style.PAPER)
