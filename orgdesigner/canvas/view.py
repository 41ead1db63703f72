"""The view on the canvas: zoom (Ctrl+wheel), pan (middle mouse or space-drag), drops."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView

from orgdesigner.canvas.scene import OrgScene

MIN_ZOOM, MAX_ZOOM = 0.1, 4.0
START_ZOOM = 0.75


def model_files(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[str]:
    """Local model files carried by a drag: ``.orgmodel``, the older ``.orgmodel.json``
    and ``.json`` (as the open dialog lists them)."""
    from orgdesigner.fileformat import is_model_name

    data = event.mimeData()
    if not data.hasUrls():
        return []
    return [u.toLocalFile() for u in data.urls()
            if u.isLocalFile() and is_model_name(u.toLocalFile())]  # fmt: skip


class OrgView(QGraphicsView):
    zoom_changed = Signal(float)
    files_dropped = Signal(list)

    def __init__(self, scene: OrgScene, parent: Any = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setAcceptDrops(True)
        self.scale(self.true_size(), self.true_size())  # starts at 100 %
        self._space = False
        self._panning = False
        self._pan_from = QPointF()
        self._keep_fitted = False
        self.current_node: str | None = None
        """The unit Tab last moved to (the start for the next Tab)."""
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # focus is always visible: a frame in the highlight colour while the canvas has it
        self.setStyleSheet("OrgView { border: 2px solid transparent; }"
                           "OrgView:focus { border: 2px solid palette(highlight); }")  # fmt: skip

    def org_scene(self) -> OrgScene:
        scene = self.scene()
        assert isinstance(scene, OrgScene)
        return scene

    # -- zoom ----------------------------------------------------------------
    def true_size(self) -> float:
        """Pixels per model unit at 100 %: the chart at its printed size (1 unit = 1 pt),
        as a PDF viewer shows a page at 100 %."""
        return max(self.logicalDpiX(), 1) / 72.0

    def zoom(self) -> float:
        """The zoom as the user sees it: 1.0 = 100 % = the printed size."""
        return self.transform().m11() / self.true_size()

    def set_zoom(self, factor: float) -> None:
        factor = min(max(factor, MIN_ZOOM), MAX_ZOOM)
        current = self.zoom()
        if current and abs(factor - current) > 1e-9:
            self.scale(factor / current, factor / current)
            self.zoom_changed.emit(self.zoom())

    def zoom_in(self) -> None:
        self.keep_fitted = False
        self.set_zoom(self.zoom() * 1.25)

    def zoom_out(self) -> None:
        self.keep_fitted = False
        self.set_zoom(self.zoom() / 1.25)

    def zoom_reset(self) -> None:
        self.keep_fitted = False
        self.set_zoom(1.0)

    def fit_all(self) -> None:
        """Show the whole drawing (never larger than 100 %)."""
        rect = self.org_scene().itemsBoundingRect()
        if rect.isEmpty():
            return
        self.fitInView(rect.adjusted(-20, -20, 20, 20), Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > 1.0:
            self.set_zoom(1.0)
        self.zoom_changed.emit(self.zoom())

    @property
    def keep_fitted(self) -> bool:
        """The whole model stays in view, centred, when the window's size changes, until
        the user zooms or pans (the example at the start)."""
        return self._keep_fitted

    @keep_fitted.setter
    def keep_fitted(self, on: bool) -> None:
        if on != self._keep_fitted:
            self._keep_fitted = on
            self.setAlignment(Qt.AlignmentFlag.AlignCenter if on else
                              Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)  # fmt: skip

    def show_whole(self) -> None:
        """All of the model, centred, also after the window is resized (until the user
        zooms)."""
        self.keep_fitted = True
        self.fit_all()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.keep_fitted:
            self.fit_all()

    def show_start(self) -> None:
        """The first view of a model: all of it if that stays readable, else its top left."""
        self.keep_fitted = False
        self.fit_all()
        if self.zoom() < START_ZOOM:
            self.set_zoom(START_ZOOM)
            rect = self.org_scene().itemsBoundingRect()
            self.ensureVisible(QRectF(rect.topLeft(), QSizeF(10, 10)), 20, 20)
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
            self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.keep_fitted = False
                self.set_zoom(self.zoom() * (1.15**steps))
            event.accept()
            return
        super().wheelEvent(event)

    # -- keyboard: Tab through the units, the context-menu key ---------------------
    def reading_order(self) -> list[str]:
        """Node ids top to bottom (level by level), left to right."""
        nodes = self.org_scene().nodes
        return sorted(nodes, key=lambda i: (round(nodes[i].node.y), nodes[i].node.x, i))

    def step_selection(self, forward: bool, extend: bool = False) -> bool:
        """Select the next (previous) unit after the current one; ``extend`` keeps the others.

        Returns ``False`` past the last (before the first) unit, so that Tab leaves the canvas.
        """
        scene = self.org_scene()
        order = self.reading_order()
        if not order:
            return False
        current = self.current_node if self.current_node in order else None
        if current is None:
            selected = scene.selected_node_ids()
            current = selected[-1] if selected else None
        if current is None:
            index = 0 if forward else len(order) - 1
        else:
            index = order.index(current) + (1 if forward else -1)
            if not 0 <= index < len(order):
                if extend:
                    return True  # stay on the canvas while extending the selection
                self.current_node = None
                scene.clearSelection()
                return False
        self.select_node(order[index], extend)
        return True

    def select_node(self, node_id: str, extend: bool = False) -> None:
        """Make ``node_id`` the current unit: select it (``extend``: add it) and show it."""
        scene = self.org_scene()
        if extend:
            scene.nodes[node_id].setSelected(True)
        else:
            scene.select_ids([node_id])
        self.current_node = node_id
        self.ensureVisible(scene.nodes[node_id].sceneBoundingRect(), 40, 40)

    def reveal(self, ids: Iterable[str]) -> bool:
        """Select the units and relations ``ids`` and centre them (a finding's subjects).

        When they do not fit in the visible area at the current zoom, the view zooms out
        until they do (never in). Returns False when none of them is on the canvas.
        """
        ids = list(ids)
        scene = self.org_scene()
        items = [scene.nodes.get(i) or scene.edges.get(i) for i in ids]
        present = [i for i in items if i is not None]
        if not present:
            return False
        self.keep_fitted = False
        scene.select_ids([i for i in ids if i in scene.nodes or i in scene.edges])
        rect = QRectF()
        for item in present:
            rect = rect.united(item.sceneBoundingRect())
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        if rect.width() > visible.width() * 0.9 or rect.height() > visible.height() * 0.9:
            factor = min(visible.width() * 0.9 / max(rect.width(), 1),
                         visible.height() * 0.9 / max(rect.height(), 1))  # fmt: skip
            self.set_zoom(self.zoom() * factor)
        self.centerOn(rect.center())
        return True

    def focusNextPrevChild(self, next: bool) -> bool:
        if self.hasFocus() and not self._editing() and self.step_selection(next):
            return True
        return super().focusNextPrevChild(next)

    def open_context_menu(self) -> None:
        """The context menu of the selection, as the right mouse button would open it."""
        scene = self.org_scene()
        items: list[QGraphicsItem] = [scene.nodes[i] for i in scene.selected_node_ids()]
        items += [scene.edges[i] for i in scene.selected_edge_ids()]
        if items:
            pos = items[0].sceneBoundingRect().center()
        else:
            pos = self.mapToScene(self.viewport().rect().center())
        view_pos = self.mapFromScene(pos)
        scene.context_menu_requested.emit(self.viewport().mapToGlobal(view_pos), pos)

    # -- pan -------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if not self._editing():
            if key == Qt.Key.Key_Menu or (key == Qt.Key.Key_F10
                                          and mods & Qt.KeyboardModifier.ShiftModifier):  # fmt: skip
                self.open_context_menu()
                event.accept()
                return
            if key in (Qt.Key.Key_Home, Qt.Key.Key_End) and not ctrl:
                order = self.reading_order()
                if order:
                    self.select_node(order[0 if key == Qt.Key.Key_Home else -1])
                event.accept()
                return
            if ctrl and key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                self.step_selection(key == Qt.Key.Key_Tab
                                    and not mods & Qt.KeyboardModifier.ShiftModifier, extend=True)  # fmt: skip
                event.accept()
                return
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and not self._editing():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self._space:
            self._space = False
            self.viewport().unsetCursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def _editing(self) -> bool:
        return self.org_scene().rename_editor() is not None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton or (
            self._space and event.button() == Qt.MouseButton.LeftButton
        ):
            self._panning = True
            self.keep_fitted = False
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._panning:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            h, v = self.horizontalScrollBar(), self.verticalScrollBar()
            h.setValue(h.value() - int(delta.x()))
            v.setValue(v.value() - int(delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._panning:
            self._panning = False
            if self._space:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            else:
                self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    # -- dropping model files ----------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if model_files(event):
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if model_files(event):
            event.acceptProposedAction()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        files = model_files(event)
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)
            return
        super().dropEvent(event)
