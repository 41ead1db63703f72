"""Graphics items of the canvas: level bands, nodes (units) and edges (relations).

Items draw the model; they never change it. A node item asks its scene where it may go
(:meth:`OrgScene.constrain_node_position`) and tells its edges to follow while Qt moves it.
Colours, line styles and fonts come from :mod:`orgdesigner.style`.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QFocusEvent,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QTextOption,
)
from PySide6.QtWidgets import QGraphicsItem, QPlainTextEdit, QStyleOptionGraphicsItem, QWidget

from orgdesigner import layout, style
from orgdesigner.canvas import paint
from orgdesigner.canvas.paint import QtMeasure
from orgdesigner.catalog import catalog, form_name
from orgdesigner.drawing import geometry, routing
from orgdesigner.drawing.geometry import BandGeometry, RelationGeometry
from orgdesigner.drawing.routing import Box, Mode, Point
from orgdesigner.i18n import current_language
from orgdesigner.model import Edge, Node

if TYPE_CHECKING:
    from orgdesigner.canvas.scene import OrgScene

HANDLE_RADIUS = 7.0
DRAG_SLACK = 60.0
"""room around a relation's line while its units are dragged (see EdgeItem.set_route)"""
Z_BAND, Z_EDGE, Z_NODE, Z_TOP = -10.0, 0.0, 10.0, 100.0

_MEASURE: QtMeasure | None = None
_SHOW_LEAD = False


def set_show_lead(on: bool) -> None:
    """Whether unit cards show their lead person („Leitung“) under the name (a view option
    of the canvas; the PDF stays as it is). Items made or refreshed afterwards follow."""
    global _SHOW_LEAD
    _SHOW_LEAD = bool(on)


def show_lead() -> bool:
    return _SHOW_LEAD


def canvas_measure() -> QtMeasure:
    """The canvas's text measure (created once a Qt application exists)."""
    global _MEASURE
    if _MEASURE is None:
        _MEASURE = QtMeasure()
    return _MEASURE


class BandItem(QGraphicsItem):
    """The background band of one level with its label on the left."""

    def __init__(self, level: str) -> None:
        super().__init__()
        self.level = level
        self._rect = QRectF()
        self._geometry: BandGeometry | None = None
        self._lang = ""
        self.setZValue(Z_BAND)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_geometry(self, top: float, height: float, width: float) -> None:
        rect = QRectF(0.0, top, width, height)
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
            self._geometry = None

    def geometry(self) -> BandGeometry:
        lang = current_language()
        if self._geometry is None or lang != self._lang:
            r = self._rect
            band = layout.Band(self.level, r.top(), r.height())
            self._geometry = geometry.band_geometry(band, r.width(), canvas_measure(), lang)
            self._lang = lang
        return self._geometry

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:  # fmt: skip
        paint.paint_band(painter, self.geometry())


class NodeItem(QGraphicsItem):
    """A unit: a rounded box in its level's colour with the form name and the label.

    Box and text come from :func:`orgdesigner.drawing.geometry.unit_geometry`, in the
    item's own coordinates (the item's position is the unit's top-left corner).
    """

    def __init__(self, node: Node) -> None:
        super().__init__()
        self.node = node
        self.edges: list[EdgeItem] = []
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
        self.geometry = geometry.unit_geometry(node, canvas_measure(), at=(0.0, 0.0),
                                               lead=_SHOW_LEAD)  # fmt: skip
        form = form_name(node.level, node.form)
        lead = f"<br>{html.escape(node.lead)}" if node.lead else ""
        self.setToolTip(f"<b>{html.escape(node.label or form)}</b><br>{html.escape(form)}{lead}")
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

    def box_tuple(self) -> tuple[float, float, float, float]:
        """The unit's box where the item is now (during a drag: not yet the model's)."""
        p = self.pos()
        return p.x(), p.y(), self.node.width, self.node.height

    # -- painting ------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:  # fmt: skip
        selected = self.isSelected()
        paint.paint_unit(painter, self.geometry, style.SELECTION if selected else None,
                         2.5 if selected else 1.2)  # fmt: skip
        if not (selected or self._hover):
            return
        # connection handle: drag from it to another unit to draw a relation
        ls = style.LEVEL_STYLES[self.node.level]
        painter.setPen(QPen(paint.qcolour(ls.border), 1.2))
        painter.setBrush(QBrush(paint.qcolour(style.PAPER)))
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
            elif scene is None or not scene.following_model:
                for edge in self.edges:
                    edge.update_geometry()
            # moved by the model: the scene routes the relations once all have moved
        elif change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.setZValue(Z_NODE + (1 if value else 0))
        return super().itemChange(change, value)

class RenameEditor(QPlainTextEdit):
    """The in-place editor of a unit's name, as large as the unit's card and wrapping its
    text like the card does: Enter commits (also with Shift – the card wraps a name by
    itself, so a name has no line breaks; pasted ones become spaces), Escape cancels,
    leaving the editor commits."""

    def __init__(self, scene: OrgScene, node_id: str, text: str) -> None:
        super().__init__()
        self._scene = scene
        self.node_id = node_id
        self._done = False
        self.setObjectName("rename_editor")
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTabChangesFocus(True)
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        self.setStyleSheet(f"QPlainTextEdit {{ border: 2px solid {style.SELECTION}; "
                           f"border-radius: {style.NODE_RADIUS}px; background: {style.PAPER}; }}")  # fmt: skip
        self.setPlainText(text)
        self.selectAll()

    def text(self) -> str:
        """The name as typed, line breaks as spaces."""
        return " ".join(self.toPlainText().splitlines()) if "\n" in self.toPlainText() else (
            self.toPlainText())  # fmt: skip

    def setText(self, text: str) -> None:
        self.setPlainText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish(commit=True)
        elif event.key() == Qt.Key.Key_Escape:
            self.finish(commit=False)
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.finish(commit=True)

    def finish(self, commit: bool) -> None:
        if self._done:
            return
        self._done = True
        self._scene.end_rename(self, commit)


class EdgeItem(QGraphicsItem):
    """A relation: its route from box to box in its type's line style, with arrowheads.

    The route comes from the router (:mod:`orgdesigner.drawing.routing`, set by the
    scene with :meth:`set_route`); while its units are dragged the item follows with the
    router's quick route (:meth:`update_geometry`) and the scene routes it properly on
    release. The drawing (strokes, heads, label) is
    :func:`orgdesigner.drawing.geometry.relation_geometry`, built on the next paint.
    """

    def __init__(self, edge: Edge, source: NodeItem, target: NodeItem) -> None:
        super().__init__()
        self.edge = edge
        self.source = source
        self.target = target
        self.mode: Mode = "orthogonal"
        self.points: tuple[Point, ...] = ()
        self.label_box: Box | None = None
        self._bounds = QRectF()
        self._shape: QPainterPath | None = None
        self._drawing: RelationGeometry | None = None
        self._paths: list[QPainterPath] = []
        self._head_paths: list[QPainterPath] = []
        self.badge: QGraphicsItem | None = None
        """a finding badge (``canvas/badges.py``): kept on the line as the ends move"""
        self.change_badge: QGraphicsItem | None = None
        """comparison mode's „+“/„Δ“ badge (``canvas/changes.py``): kept on the line too"""
        self.emphasis: tuple[float, str] | None = None
        """comparison mode: (width, colour) of a band drawn under the line (an added relation)"""
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # fmt: skip
        self.setZValue(Z_EDGE)
        self.set_edge(edge)

    @property
    def edge_id(self) -> str:
        return self.edge.id

    def set_edge(self, edge: Edge) -> None:
        """Show ``edge``; a new type restyles the route, new ends or label are routed by
        the scene (until then, and for a new item, the quick route)."""
        restyle = edge.type != self.edge.type or edge.label != self.edge.label
        self.edge = edge
        rel = catalog().relation(edge.type)
        tip = rel.label.get() + (f": {edge.label}" if edge.label else "")
        self.setToolTip(html.escape(tip))
        if not self.points:
            self.update_geometry()
        elif restyle:
            self.prepareGeometryChange()
            self._drawing = None
            self._shape = None
        self.update()

    def label_size(self) -> tuple[float, float] | None:
        return geometry.label_size(self.edge.label, canvas_measure())

    def update_geometry(self) -> None:
        """Follow the units where the items are now, with the router's quick route."""
        points = routing.quick_route(self.source.box_tuple(), self.target.box_tuple(),
                                     mode=self.mode)  # fmt: skip
        self.set_route(points, geometry.label_on(points, self.label_size()))

    def set_route(self, points: Sequence[Point], label_box: Box | None) -> None:
        points = tuple(points)
        if points == self.points and label_box == self.label_box:
            return
        bounds = QRectF()
        if points:
            xs = [p[0] for p in points]
            ys = [p[1] for p in points]
            m = style.HEAD_SIZE * 1.6
            bounds = QRectF(min(xs) - m, min(ys) - m, max(xs) - min(xs) + 2 * m,
                            max(ys) - min(ys) + 2 * m)  # fmt: skip
        if label_box is not None:
            bounds = bounds.united(QRectF(*label_box))
        scene = self.scene()
        dragging = scene is not None and bool(getattr(scene, "dragging", False))
        if dragging and self._bounds.contains(bounds):
            # while units are dragged, the item keeps a roomy rectangle: the scene's index
            # is updated when the line leaves it, not on every mouse move
            self.update()
        else:
            self.prepareGeometryChange()
            if dragging and self._bounds.contains(bounds):
                bounds = bounds.adjusted(-DRAG_SLACK, -DRAG_SLACK, DRAG_SLACK, DRAG_SLACK)
            self._bounds = bounds
        self.points = points
        self.label_box = label_box
        self._shape = None
        self._drawing = None
        if self.badge is not None:
            self.badge.setPos(self.badge_anchor())
        if self.change_badge is not None:
            self.change_badge.setPos(self.change_anchor())

    def drawing(self) -> RelationGeometry:
        if self._drawing is None:
            self._drawing = geometry.relation_geometry(self.edge, self.points, self.label_box,
                                                       canvas_measure())  # fmt: skip
            self._paths = [paint.path_of(s) for s in self._drawing.strokes]
            self._head_paths = [paint.head_path(h) for h in self._drawing.heads]
        return self._drawing

    def line(self) -> QLineF:
        """From the route's first to its last point."""
        if not self.points:
            return QLineF()
        return QLineF(QPointF(*self.points[0]), QPointF(*self.points[-1]))

    def badge_anchor(self) -> QPointF:
        """Where a finding badge sits: just right of the label, or the route's middle."""
        if self.label_box is not None:
            x, y, w, h = self.label_box
            return QPointF(x + w + 10, y + h / 2)
        return QPointF(*geometry.midpoint(self.points)) if self.points else QPointF()

    def change_anchor(self) -> QPointF:
        """Where a comparison badge sits: just left of the label, else on the route's
        middle (above it when a finding badge has the middle)."""
        if self.label_box is not None:
            x, y, _w, h = self.label_box
            return QPointF(x - 10, y + h / 2)
        if not self.points:
            return QPointF()
        x, y = geometry.midpoint(self.points)
        return QPointF(x, y - 22) if self.badge is not None else QPointF(x, y)

    def set_emphasis(self, width: float, colour: str = "") -> None:
        """Draw a band of ``width`` under the line (0: none)."""
        emphasis = (width, colour) if width > 0 else None
        if emphasis != self.emphasis:
            self.emphasis = emphasis
            self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            path = QPainterPath()
            if self.points:
                path.moveTo(*self.points[0])
                for p in self.points[1:]:
                    path.lineTo(*p)
            stroker = QPainterPathStroker()
            stroker.setWidth(10.0)
            self._shape = stroker.createStroke(path)
            if self.label_box is not None:
                self._shape.addRect(QRectF(*self.label_box))
        return self._shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:  # fmt: skip
        g = self.drawing()
        colour = style.SELECTION if self.isSelected() else style.EDGE_COLOUR
        if self.emphasis is not None:
            width, band = self.emphasis
            pen = QPen(paint.qcolour(band), width)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(pen)
            painter.setOpacity(0.45)
            for path in self._paths:
                painter.drawPath(path)
            painter.setOpacity(1.0)
        paint.paint_relation(painter, g, colour, self._paths, self._head_paths)
