"""The scene follows the document; its items emit requests, never edits.

:class:`OrgScene` owns the id → item maps. Items are created, moved and removed only in
:meth:`OrgScene.on_changed` and :meth:`OrgScene.rebuild`, in response to
``Document.changed`` and ``Document.reset``. User gestures become signals
(``drop_requested``, ``move_finished``, ``connect_requested``, ``rename_requested``)
which the controller (:mod:`orgdesigner.ui.controller`) turns into commands.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsProxyWidget,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneDragDropEvent,
    QGraphicsSceneMouseEvent,
)

from orgdesigner import layout, style
from orgdesigner.canvas.items import (
    Z_EDGE,
    Z_TOP,
    BandItem,
    EdgeItem,
    NodeItem,
    RenameEditor,
    canvas_measure,
)
from orgdesigner.catalog import FORM_LEVEL, LEVEL_IDS, catalog, form_name
from orgdesigner.commands import ChangeSet
from orgdesigner.document import Document
from orgdesigner.drawing import geometry, routing
from orgdesigner.drawing.routing import Mode, Route
from orgdesigner.model import Edge, Node, OrgModel

FORM_MIME = "application/x-orgdesigner-form"
"""Drag payload of a palette entry: a form id, or ``level:<level id>`` for a generic unit."""

GRID = 10.0


def form_of(key: str) -> tuple[str, str | None] | None:
    """``(level, form)`` of a palette payload (a form id or ``level:<id>``), or ``None``."""
    if key.startswith("level:"):
        level, form = key.split(":", 1)[1], None
    else:
        level, form = FORM_LEVEL.get(key, ""), key
    return (level, form) if level in LEVEL_IDS else None


def new_unit(key: str, node_id: str, x: float = 0.0, y: float = 0.0) -> Node | None:
    """The unit a palette entry adds (what the drag shows and the drop creates)."""
    found = form_of(key)
    if found is None:
        return None
    level, form = found
    label = catalog().form(form).label.get() if form else catalog().level(level).short.get()
    return Node.model_validate({"id": node_id, "level": level, "form": form, "label": label,
                                "x": x, "y": y})  # fmt: skip


class OrgScene(QGraphicsScene):
    drop_requested = Signal(str, QPointF)
    """(form id or ``level:<id>``, scene position of the drop)"""
    move_finished = Signal(object, object, object)
    """(ids, old positions, new positions) after the user released dragged nodes"""
    connect_requested = Signal(str, str)
    """(source node id, target node id)"""
    rename_requested = Signal(str, str)
    """(node id, new label)"""
    level_clicked = Signal(str)
    """A click on a band's label: the window shows what the guide says about the level."""
    context_menu_requested = Signal(object, QPointF)
    """(global screen position as QPoint, scene position)"""
    notice = Signal(str)
    """A short explanation for the status bar (e.g. why a unit stays in its band)."""

    def __init__(self, document: Document, parent: Any = None) -> None:
        super().__init__(parent)
        self.document = document
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[str, EdgeItem] = {}
        self.bands: dict[str, BandItem] = {}
        self._band_geometry: dict[str, layout.Band] = {}
        self._drag_start: dict[str, tuple[float, float]] = {}
        self._connect_from: NodeItem | None = None
        self._connect_line: QGraphicsLineItem | None = None
        self._rename: QGraphicsProxyWidget | None = None
        self.dragging = False
        """True while the user drags units: edges are then updated once per mouse move."""
        self.edges_to_update: set[EdgeItem] = set()
        self.following_model = False
        """True while items are moved to the model's positions: no band constraint, and the
        relations are routed once all have moved"""
        self.routing_mode: Mode = "orthogonal"
        self._routes: dict[str, Route] = {}
        self.grid_visible = False
        self.snap_to_grid = False
        self._drop_band = QGraphicsRectItem()
        """During a palette drag: the band where the unit will land, highlighted."""
        self._drop_card = QGraphicsRectItem()
        """During a palette drag: the outline of the card where it will land."""
        self._drop_band.setPen(QPen(QColor(style.SELECTION), 2.0))
        fill = QColor(style.SELECTION)
        fill.setAlpha(36)
        self._drop_band.setBrush(fill)
        self._drop_band.setZValue(Z_EDGE - 1)  # over the band, under relations and units
        self._drop_card.setPen(QPen(QColor(style.SELECTION), 1.5, Qt.PenStyle.DashLine))
        self._drop_card.setZValue(Z_TOP)
        for marker in (self._drop_band, self._drop_card):
            marker.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            marker.hide()
            self.addItem(marker)
        self._drop_notice = ""
        self._told_band = False
        """The "stays in its band" note was given during this drag."""
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        for level in LEVEL_IDS:
            band = BandItem(level)
            self.bands[level] = band
            self.addItem(band)
        document.changed.connect(self.on_changed)
        document.reset.connect(self.rebuild)
        self.rebuild(document.model)

    # -- following the model -------------------------------------------------
    def rebuild(self, model: OrgModel) -> None:
        """Recreate all node and edge items from ``model``."""
        self.cancel_rename()
        for item in [*self.edges.values(), *self.nodes.values()]:
            self.removeItem(item)
        self.edges.clear()
        self.nodes.clear()
        for node in model.nodes:
            self._add_node(node)
        for edge in model.edges:
            self._add_edge(edge)
        self._update_bands()
        self._route(None)

    # -- routing ---------------------------------------------------------------
    def set_routing(self, mode: Mode) -> None:
        """Relations as orthogonal routes or straight lines (a view option)."""
        if mode != self.routing_mode:
            self.routing_mode = mode
            self._route(None)

    def _route(self, moved: set[str] | None) -> None:
        """Route the relations again after an edit; ``moved``: the units whose box or
        relations changed (``None``: route everything)."""
        model = self.document.model
        measure = canvas_measure()
        boxes = geometry.obstacles(model)
        links = [geometry.link_of(e, measure) for e in model.edges]
        if moved is None or not self._routes:
            self._routes = routing.route_all(boxes, links, mode=self.routing_mode)
        else:
            self._routes = routing.reroute(self._routes, boxes, links, moved,
                                           mode=self.routing_mode)  # fmt: skip
        for edge_id, item in self.edges.items():
            route = self._routes.get(edge_id)
            if route is not None:
                item.mode = self.routing_mode
                item.set_route(route.points, route.label_box)

    def route_of(self, edge_id: str) -> Route:
        """The route of a relation as the router computed it from the model."""
        return self._routes[edge_id]

    def on_changed(self, changes: ChangeSet) -> None:
        model = self.document.model
        # one index per change instead of a linear search per changed item
        node_of = {n.id: n for n in model.nodes} if changes.nodes_added or changes.nodes_changed else {}
        # the units whose box changed or whose relations come, go or change ends or label:
        # only their relations are routed again (a renamed unit keeps every route)
        moved: set[str] = set(changes.nodes_added) | set(changes.nodes_removed)
        for node_id in changes.nodes_changed:
            before, after = self.nodes[node_id].node, node_of[node_id]
            if (before.x, before.y, before.width, before.height) != (
                after.x, after.y, after.width, after.height
            ):
                moved.add(node_id)
        for edge_id in changes.edges_removed:
            old = self.edges.get(edge_id)
            if old is not None:
                moved.update((old.source.node_id, old.target.node_id))
        edge_of = {e.id: e for e in model.edges} if changes.edges_added or changes.edges_changed else {}
        for edge_id in changes.edges_removed:
            gone_edge = self.edges.pop(edge_id, None)
            if gone_edge is not None:
                self._detach_edge(gone_edge)
        for node_id in changes.nodes_removed:
            item = self.nodes.pop(node_id, None)
            if item is not None:
                if self._rename is not None and self._rename.widget().node_id == node_id:  # type: ignore[attr-defined]
                    self.cancel_rename()
                self.removeItem(item)
        for node_id in changes.nodes_added:
            self._add_node(node_of[node_id])
        for node_id in changes.nodes_changed:
            node_item = self.nodes[node_id]
            node = node_of[node_id]
            if node != node_item.node:
                node_item.set_node(node)
            self._sync_pos(node_item)
        for edge_id in changes.edges_added:
            edge = edge_of[edge_id]
            self._add_edge(edge)
            moved.update((edge.source, edge.target))
        for edge_id in changes.edges_changed:
            edge, item_before = edge_of[edge_id], self.edges[edge_id].edge
            if (edge.source, edge.target, edge.label) != (
                item_before.source, item_before.target, item_before.label
            ):
                moved.update((item_before.source, item_before.target, edge.source, edge.target))
            self.edges[edge_id].set_edge(edge)
        if changes.nodes_added or changes.nodes_removed or changes.nodes_changed:
            self._update_bands()
        if moved:
            self._route(moved)

    def _add_node(self, node: Node) -> None:
        item = NodeItem(node)
        self.nodes[node.id] = item
        self.addItem(item)
        self._sync_pos(item)

    def follow_model_positions(self, ids: Iterable[str]) -> None:
        """Put the units ``ids`` back where the model has them, with their relations.

        Qt moves items live during a drag; when the move is refused or only partly
        recorded (out of the band, a no-op), the items must show the model again.
        """
        for node_id in ids:
            item = self.nodes.get(node_id)
            if item is not None:
                self._sync_pos(item)
                for edge in item.edges:
                    route = self._routes.get(edge.edge_id)
                    if route is not None:
                        edge.set_route(route.points, route.label_box)

    def _sync_pos(self, item: NodeItem) -> None:
        target = QPointF(item.node.x, item.node.y)
        if item.pos() != target:
            self.following_model = True
            try:
                item.setPos(target)
            finally:
                self.following_model = False

    def _add_edge(self, edge: Edge) -> None:
        item = EdgeItem(edge, self.nodes[edge.source], self.nodes[edge.target])
        item.source.edges.append(item)
        item.target.edges.append(item)
        self.edges[edge.id] = item
        self.addItem(item)

    def _detach_edge(self, item: EdgeItem) -> None:
        for end in (item.source, item.target):
            if item in end.edges:
                end.edges.remove(item)
        self.removeItem(item)

    def _update_bands(self) -> None:
        model = self.document.model
        self._band_geometry = layout.band_rects(model)
        width = layout.band_width(model)
        for level, band in self._band_geometry.items():
            self.bands[level].set_geometry(band.top, band.height, width)
        last = self._band_geometry[LEVEL_IDS[-1]]
        self.setSceneRect(QRectF(-40, -40, width + 80, last.bottom + 80))

    def level_at(self, y: float) -> str | None:
        for level, band in self._band_geometry.items():
            if band.top <= y < band.bottom:
                return level
        return None

    def band_geometry(self) -> dict[str, layout.Band]:
        return dict(self._band_geometry)

    # -- where a node may go ---------------------------------------------------
    def constrain_node_position(self, item: NodeItem, value: QPointF) -> QPointF:
        """Keep a node that the user moves in its band (and on the grid when snapping)."""
        if self.following_model:
            return value
        x, y = value.x(), value.y()
        band = self._band_geometry.get(item.node.level)
        if self.snap_to_grid:
            # rows stay on the grid counted from the band's first row, so a snapped unit
            # still lines up with the units auto-layout put in the band
            first = band.top + layout.PAD if band is not None else 0.0
            x, y = round(x / GRID) * GRID, first + round((y - first) / GRID) * GRID
        else:  # whole units keep the saved file tidy
            x, y = float(round(x)), float(round(y))
        if band is None:
            return QPointF(x, y)
        clamped = layout.clamp_y(band, item.node.height, y)
        if self.dragging and abs(clamped - y) > item.node.height / 2 and not self._told_band:
            self._told_band = True  # pulled half a card beyond the band: say why it stays
            self.notice.emit(self.level_notice(item.node.label or form_name(item.node.level,
                                                                            item.node.form),
                                               item.node.level, moved=True))  # fmt: skip
        return QPointF(layout.clamp_x(x), clamped)

    def level_notice(self, name: str, level: str, moved: bool) -> str:
        """Why a unit stays in its level's band, and how its level is changed."""
        level_name = catalog().level(level).short.get()
        if moved:
            text = self.tr("„{0}“ bleibt in der Ebene „{1}“.").format(name, level_name)
        else:
            text = self.tr("„{0}“ gehört zur Ebene „{1}“ und steht deshalb dort.").format(
                name, level_name)  # fmt: skip
        return text + " " + self.tr("Die Ebene einer Einheit ändern Sie in ihrem Kontextmenü "
                                    "(„Ebene ändern“).")  # fmt: skip

    # -- selection helpers -----------------------------------------------------
    def selected_node_ids(self) -> list[str]:
        return [i.node_id for i in self.selectedItems() if isinstance(i, NodeItem)]

    def selected_edge_ids(self) -> list[str]:
        return [i.edge_id for i in self.selectedItems() if isinstance(i, EdgeItem)]

    def selected_ids(self) -> list[str]:
        """Selected nodes and relations, in model order."""
        chosen = {*self.selected_node_ids(), *self.selected_edge_ids()}
        model = self.document.model
        return [n.id for n in model.nodes if n.id in chosen] + [
            e.id for e in model.edges if e.id in chosen
        ]

    def select_ids(self, ids: set[str] | list[str]) -> None:
        wanted = set(ids)
        self.clearSelection()
        for i in wanted:
            item: QGraphicsItem | None = self.nodes.get(i) or self.edges.get(i)
            if item is not None:
                item.setSelected(True)

    def node_at(self, pos: QPointF) -> NodeItem | None:
        for item in self.items(pos, Qt.ItemSelectionMode.IntersectsItemShape,
                               Qt.SortOrder.DescendingOrder, QTransform()):  # fmt: skip
            if isinstance(item, NodeItem):
                return item
        return None

    # -- mouse: moving and connecting -------------------------------------------
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            node = self.node_at(event.scenePos())
            if node is not None and node.on_handle(node.mapFromScene(event.scenePos())):
                self._start_connect(node, event.scenePos())
                event.accept()
                return
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and event.scenePos().x() < style.BAND_LABEL_WIDTH:
            level = self.level_at(event.scenePos().y())
            if level is not None and self.node_at(event.scenePos()) is None:
                self.level_clicked.emit(level)
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag_start = {
                i.node_id: (i.pos().x(), i.pos().y())
                for i in self.selectedItems()
                if isinstance(i, NodeItem)
            }
            self.dragging = bool(self._drag_start)
            self._told_band = False

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._connect_line is not None and self._connect_from is not None:
            line = self._connect_line.line()
            self._connect_line.setLine(QLineF(line.p1(), event.scenePos()))
            event.accept()
            return
        super().mouseMoveEvent(event)
        self.flush_edges()

    def flush_edges(self) -> None:
        """Redraw the relations of the units moved since the last call."""
        pending, self.edges_to_update = self.edges_to_update, set()
        for edge in pending:
            edge.update_geometry()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._connect_line is not None:
            self._finish_connect(event.scenePos())
            event.accept()
            return
        super().mouseReleaseEvent(event)
        was_dragging, self.dragging = self.dragging, False
        self.flush_edges()
        if was_dragging:
            self.update()  # the relations again with antialiasing
        if event.button() == Qt.MouseButton.LeftButton and self._drag_start:
            self.finish_move()

    def finish_move(self) -> None:
        """Report the nodes the user has moved since the mouse press (one request)."""
        start, self._drag_start = self._drag_start, {}
        old: dict[str, tuple[float, float]] = {}
        new: dict[str, tuple[float, float]] = {}
        for node_id, before in start.items():
            item = self.nodes.get(node_id)
            if item is None:
                continue
            now = (item.pos().x(), item.pos().y())
            if now != before:
                old[node_id], new[node_id] = before, now
        if new:
            self.move_finished.emit(list(new), old, new)

    def _start_connect(self, node: NodeItem, pos: QPointF) -> None:
        self._connect_from = node
        start = node.mapToScene(node.handle_center())
        line = QGraphicsLineItem(QLineF(start, pos))
        pen = QPen(QColor(style.SELECTION), 1.5, Qt.PenStyle.DashLine)
        line.setPen(pen)
        line.setZValue(Z_TOP)
        self._connect_line = line
        self.addItem(line)

    def _finish_connect(self, pos: QPointF) -> None:
        source = self._connect_from
        if self._connect_line is not None:
            self.removeItem(self._connect_line)
        self._connect_line, self._connect_from = None, None
        target = self.node_at(pos)
        if source is not None and target is not None and target is not source:
            self.connect_requested.emit(source.node_id, target.node_id)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        node = self.node_at(event.scenePos())
        if node is not None and event.button() == Qt.MouseButton.LeftButton:
            self.start_rename(node.node_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        item = self.itemAt(event.scenePos(), QTransform())
        while item is not None and not isinstance(item, NodeItem | EdgeItem):
            item = item.parentItem()
        if isinstance(item, NodeItem | EdgeItem) and not item.isSelected():
            self.clearSelection()
            item.setSelected(True)
        self.context_menu_requested.emit(event.screenPos(), event.scenePos())
        event.accept()

    # -- keyboard ------------------------------------------------------------------
    _ARROWS: ClassVar[dict[Qt.Key, tuple[int, int]]] = {
        Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
        Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1),
    }  # fmt: skip

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Arrow keys move the selected units (Shift: big steps, Alt: finely), Escape clears
        the selection. Every key press is one undo step."""
        focus = self.focusItem()
        if self._rename is not None or (focus is not None and not isinstance(focus, NodeItem)):
            super().keyPressEvent(event)
            return
        step = self._ARROWS.get(Qt.Key(event.key()))
        if step is not None and self.selected_node_ids():
            mods = event.modifiers()
            distance = GRID
            if mods & Qt.KeyboardModifier.ShiftModifier:
                distance = GRID * 5
            elif mods & Qt.KeyboardModifier.AltModifier:
                distance = 1.0
            self.nudge(step[0] * distance, step[1] * distance)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and self.selectedItems():
            self.clearSelection()
            event.accept()
            return
        super().keyPressEvent(event)

    def nudge(self, dx: float, dy: float) -> None:
        """Ask to move the selected units by ``(dx, dy)``, each kept in its band."""
        old: dict[str, tuple[float, float]] = {}
        new: dict[str, tuple[float, float]] = {}
        stuck: NodeItem | None = None
        for node_id in self.selected_node_ids():
            item = self.nodes[node_id]
            band = self._band_geometry[item.node.level]
            x = layout.clamp_x(item.node.x + dx)
            y = layout.clamp_y(band, item.node.height, item.node.y + dy)
            if dy and y == item.node.y:
                stuck = item
            if (x, y) != (item.node.x, item.node.y):
                old[node_id], new[node_id] = (item.node.x, item.node.y), (x, y)
        if new:
            self.move_finished.emit(list(new), old, new)
        elif stuck is not None:  # at the band's edge: say why instead of doing nothing
            node = stuck.node
            self.notice.emit(self.level_notice(node.label or form_name(node.level, node.form),
                                               node.level, moved=True))  # fmt: skip

    # -- renaming in place -----------------------------------------------------
    def start_rename(self, node_id: str) -> None:
        item = self.nodes.get(node_id)
        if item is None:
            return
        self.cancel_rename()
        edit = RenameEditor(self, node_id, item.node.label)
        edit.setFixedSize(int(item.node.width), int(max(item.node.height, 48)))  # over the card
        proxy = self.addWidget(edit)
        proxy.setPos(item.pos())
        proxy.setZValue(Z_TOP)
        self._rename = proxy
        edit.setFocus()
        proxy.setFocus()

    def end_rename(self, edit: RenameEditor, commit: bool) -> None:
        proxy, self._rename = self._rename, None
        text = edit.text()
        if proxy is not None:
            proxy.hide()
            proxy.deleteLater()
        if commit:
            item = self.nodes.get(edit.node_id)
            if item is not None and text != item.node.label:
                self.rename_requested.emit(edit.node_id, text)

    def cancel_rename(self) -> None:
        if self._rename is not None:
            edit = self._rename.widget()
            if isinstance(edit, RenameEditor):
                edit.finish(commit=False)
            self._rename = None

    def rename_editor(self) -> RenameEditor | None:
        if self._rename is None:
            return None
        widget = self._rename.widget()
        return widget if isinstance(widget, RenameEditor) else None

    # -- drops from the palette --------------------------------------------------
    def dragEnterEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        if self._palette_unit(event) is not None:
            event.acceptProposedAction()
            self._show_drop_target(event)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        if self._palette_unit(event) is not None:
            event.acceptProposedAction()
            self._show_drop_target(event)
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self.hide_drop_target()
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self.hide_drop_target()
        data = event.mimeData()
        if data.hasFormat(FORM_MIME):
            form = bytes(data.data(FORM_MIME).data()).decode("utf-8")
            event.acceptProposedAction()
            self.drop_requested.emit(form, event.scenePos())
        else:
            event.ignore()

    @staticmethod
    def _palette_unit(event: QGraphicsSceneDragDropEvent) -> Node | None:
        data = event.mimeData()
        if not data.hasFormat(FORM_MIME):
            return None
        return new_unit(bytes(data.data(FORM_MIME).data()).decode("utf-8"), "drop")

    def drop_target(self, unit: Node, pos: QPointF) -> tuple[str, QRectF]:
        """Where a unit dragged from the palette lands when dropped at ``pos``: its level's
        band (whatever band is under the cursor) and its box there."""
        x = float(round(pos.x() - unit.width / 2))
        y = float(round(pos.y() - unit.height / 2))
        x, y = layout.place_new(self.document.model, unit.level, x, y, unit.height)
        return unit.level, QRectF(x, y, unit.width, unit.height)

    def _show_drop_target(self, event: QGraphicsSceneDragDropEvent) -> None:
        unit = self._palette_unit(event)
        if unit is None:
            return
        pos = event.scenePos()
        level, card = self.drop_target(unit, pos)
        band = self._band_geometry[level]
        # the band grows to the right when the unit lands beyond its end
        width = max(layout.band_width(self.document.model), card.right() + layout.PAD * 2)
        self._drop_band.setRect(QRectF(1.0, band.top + 1.0, width - 2.0, band.height - 2.0))
        self._drop_card.setRect(card)
        self._drop_band.show()
        self._drop_card.show()
        under = self.level_at(pos.y())
        notice = "" if under == level else self.level_notice(unit.label, level, moved=False)
        if notice and notice != self._drop_notice:
            self.notice.emit(notice)  # once per band the cursor enters, not per mouse move
        self._drop_notice = notice

    def drop_highlight(self) -> QRectF | None:
        """The highlighted band during a palette drag (``None``: no drag in progress)."""
        return self._drop_band.rect() if self._drop_band.isVisible() else None

    def hide_drop_target(self) -> None:
        self._drop_band.hide()
        self._drop_card.hide()
        self._drop_notice = ""

    # -- grid -------------------------------------------------------------------
    def set_grid_visible(self, on: bool) -> None:
        self.grid_visible = on
        self.update()

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # type: ignore[override]
        if not self.grid_visible:
            return
        pen = QPen(QColor(style.GRID), 0)
        painter.setPen(pen)
        step = GRID * 2
        left = int(rect.left() // step) * step
        top = int(rect.top() // step) * step
        x = left
        while x < rect.right():
            y = top
            while y < rect.bottom():
                painter.drawPoint(QPointF(x, y))
                y += step
            x += step
