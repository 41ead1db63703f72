"""Severity badges on the canvas: a small mark on every unit and relation with findings.

The badges follow the window's rule evaluator (``orgdesigner.ui.evaluator``): after
every evaluation ``orgdesigner.ui.findings.canvas_badges`` hands :meth:`FindingBadges.show`
one :class:`Mark` per item id: the worst severity and the lines of its tooltip. The canvas does not import the rule engine (layers: ``ui`` →
``canvas`` → core); a badge is a child item of its unit or relation, so it moves with
it, and it is never part of the document.

Severities are told apart by shape as well as colour (greyscale copies, colour-blind
readers): a warning is a triangle with "!", a hint a circle with "!", an information a
circle with "i". :func:`paint_mark` draws the same mark in the rule panel.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from orgdesigner import style
from orgdesigner.canvas.items import Z_TOP, EdgeItem, NodeItem
from orgdesigner.canvas.scene import OrgScene

BADGE_RADIUS = 8.0
MAX_TOOLTIP_LINES = 8
SEVERITY_ORDER = ("warning", "hint", "info")


@dataclass(frozen=True)
class Mark:
    """What one item's badge shows: its worst severity and its findings as text lines."""

    severity: str
    lines: tuple[tuple[str, str], ...]
    """(severity, text) per finding, worst first"""


def mark_path(severity: str, centre: QPointF, radius: float) -> QPainterPath:
    """The outline of a severity mark: a triangle for warnings, else a circle."""
    path = QPainterPath()
    if severity == "warning":
        r = radius * 1.12
        top = QPointF(centre.x(), centre.y() - r)
        left = QPointF(centre.x() - r * 0.98, centre.y() + r * 0.72)
        right = QPointF(centre.x() + r * 0.98, centre.y() + r * 0.72)
        path.moveTo(top)
        path.lineTo(right)
        path.lineTo(left)
        path.closeSubpath()
    else:
        path.addEllipse(centre, radius, radius)
    return path


def paint_mark(painter: QPainter, severity: str, centre: QPointF, radius: float,
               outline: bool = True) -> None:  # fmt: skip
    """Draw the mark of ``severity`` (shape, colour and glyph) centred at ``centre``."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = mark_path(severity, centre, radius)
    pen = QPen(QColor(style.PAPER), max(1.0, radius / 6)) if outline else Qt.PenStyle.NoPen
    painter.setPen(pen)
    painter.setBrush(QBrush(QColor(style.SEVERITY_COLOURS[severity])))
    painter.drawPath(path)
    glyph = "i" if severity == "info" else "!"
    font = QFont(style.FONT_FAMILY)
    font.setBold(True)
    font.setPixelSize(max(6, round(radius * 1.25)))
    painter.setFont(font)
    painter.setPen(QColor(style.BADGE_GLYPH))
    box = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
    if severity == "warning":
        box.translate(0, radius * 0.18)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, glyph)
    painter.restore()


def mark_pixmap(severity: str, size: int = 16, ratio: float = 1.0) -> QPixmap:
    """The mark as a small picture (for buttons and headings of the rule panel)."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint_mark(painter, severity, QPointF(size / 2, size / 2), size / 2 - 1, outline=False)
    painter.end()
    return pixmap


def tooltip_html(mark: Mark, heading: str, names: Mapping[str, str]) -> str:
    """The badge's tooltip: the item's name, then one line per finding (at most a few)."""
    rows = []
    for severity, text in mark.lines[:MAX_TOOLTIP_LINES]:
        colour = style.SEVERITY_COLOURS[severity]
        rows.append(f"<li><span style='color:{colour}'><b>{html.escape(names[severity])}:</b>"
                    f"</span> {html.escape(text)}</li>")  # fmt: skip
    more = len(mark.lines) - MAX_TOOLTIP_LINES
    if more > 0:
        rows.append(f"<li>… {html.escape(names['more'].format(more))}</li>")
    return (f"<p style='white-space:pre-wrap'><b>{html.escape(heading)}</b></p>"
            f"<ul style='margin-left:12px; -qt-list-indent:0'>{''.join(rows)}</ul>")  # fmt: skip


class Badge(QGraphicsItem):
    """A severity mark on a unit's top-right corner or on a relation's middle."""

    def __init__(self, parent: QGraphicsItem, mark: Mark) -> None:
        super().__init__(parent)
        self.mark = mark
        self.tip_for: tuple[Mark, str] | None = None
        r = BADGE_RADIUS + 1.5
        self._bounds = QRectF(-r, -r, 2 * r, 2 * r)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # clicks select the unit below
        self.setZValue(Z_TOP)

    def set_mark(self, mark: Mark) -> None:
        if mark.severity != self.mark.severity:
            self.update()
        self.mark = mark

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:  # fmt: skip
        paint_mark(painter, self.mark.severity, QPointF(0, 0), BADGE_RADIUS)


def node_anchor(item: NodeItem) -> QPointF:
    """Where a unit's badge sits: on its top-right corner, a little inside."""
    return QPointF(item.node.width - 3, 3)


class FindingBadges:
    """Keeps one badge per unit or relation with findings, and none on the others."""

    def __init__(self, scene: OrgScene) -> None:
        self.scene = scene
        self.badges: dict[str, Badge] = {}
        self.names: dict[str, str] = {"warning": "Warnung", "hint": "Hinweis",
                                      "info": "Information", "more": "{0} weitere"}  # fmt: skip
        """severity names for tooltips; ``ui.findings.canvas_badges`` sets translated ones"""

    def show(self, marks: Mapping[str, Mark]) -> None:
        """Show ``marks`` (item id → mark); remove the badges of every other item."""
        for item_id in [i for i in self.badges if i not in marks]:
            self._remove(item_id)
        for item_id, mark in marks.items():
            parent: NodeItem | EdgeItem | None = self.scene.nodes.get(item_id) or self.scene.edges.get(item_id)
            if parent is None:
                self._remove(item_id)
                continue
            badge = self.badges.get(item_id)
            if badge is not None and (not shiboken6.isValid(badge) or badge.parentItem() is not parent):
                self.badges.pop(item_id)  # its unit was rebuilt; the old badge went with it
                badge = None
            if badge is None:
                badge = Badge(parent, mark)
                self.badges[item_id] = badge
                if isinstance(parent, EdgeItem):
                    parent.badge = badge
            elif badge.mark != mark:
                badge.set_mark(mark)
            anchor = node_anchor(parent) if isinstance(parent, NodeItem) else parent.badge_anchor()
            if badge.pos() != anchor:
                badge.setPos(anchor)
            heading = self._heading(parent)
            if badge.tip_for != (mark, heading):  # tooltips are rebuilt only when they change
                badge.tip_for = (mark, heading)
                badge.setToolTip(tooltip_html(mark, heading, self.names))

    def clear(self) -> None:
        self.show({})

    @staticmethod
    def _heading(item: NodeItem | EdgeItem) -> str:
        if isinstance(item, NodeItem):
            return item.node.label or item.node.id
        ends = f"{item.source.node.label or item.source.node_id} → {item.target.node.label or item.target.node_id}"
        return f"{item.toolTip()} ({ends})"

    def _remove(self, item_id: str) -> None:
        badge = self.badges.pop(item_id, None)
        if badge is None or not shiboken6.isValid(badge):
            return
        parent = badge.parentItem()
        if isinstance(parent, EdgeItem) and parent.badge is badge:
            parent.badge = None
        scene = badge.scene()
        if scene is not None:
            scene.removeItem(badge)
