"""Fixtures for main-window tests: a window with the example model, and mouse gestures."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from orgdesigner.i18n import set_language
from orgdesigner.model import OrgModel
from orgdesigner.templates import example_model
from orgdesigner.ui.mainwindow import MainWindow


class Dialogs:
    """Records the dialogs a test window would show, and answers them."""

    def __init__(self) -> None:
        self.unsaved_answer = QMessageBox.StandardButton.Cancel
        self.asked = 0
        self.errors: list[tuple[str, str]] = []


@pytest.fixture
def dialogs() -> Dialogs:
    return Dialogs()


def make_window(qtbot: Any, dialogs: Dialogs, model: OrgModel | None = None) -> MainWindow:
    set_language("de")
    window = MainWindow(example_model() if model is None else model)

    def ask() -> QMessageBox.StandardButton:
        dialogs.asked += 1
        return dialogs.unsaved_answer

    window.ask_unsaved = ask  # type: ignore[method-assign]
    window.show_error = lambda text, detail: dialogs.errors.append((text, detail))  # type: ignore[method-assign]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()  # the window's first "show the model" step
    window.view.zoom_reset()
    return window


def small_model() -> OrgModel:
    """Five units on four levels with four relations; positions as the layout keeps them."""
    from orgdesigner.model import Edge, Node

    def node(i: str, level: str, form: str | None, label: str, x: float, row: int) -> Node:
        return Node(id=i, level=level, form=form, label=label, x=x, y=row * 120 + 28)  # type: ignore[arg-type]

    return OrgModel(
        nodes=[
            node("rat", "political", "council", "Stadtrat", 180, 0),
            node("ob", "strategic", "administration_head", "Oberbürgermeisterin", 180, 1),
            node("stab", "coordination", "staff_unit", "Stabsstelle Smart City", 180, 2),
            node("pg1", "implementation", "project_group", "Projektgruppe Mobilität", 180, 3),
            node("pg2", "implementation", "project_group", "Projektgruppe Daten", 420, 3),
        ],
        edges=[
            Edge(id="e1", type="mandates", source="rat", target="ob"),
            Edge(id="e2", type="reports_to", source="stab", target="ob"),
            Edge(id="e3", type="coordinates", source="stab", target="pg1"),
            Edge(id="e4", type="coordinates", source="stab", target="pg2"),
        ],
    )


@pytest.fixture
def window(qtbot: Any, dialogs: Dialogs) -> Iterator[MainWindow]:
    w = make_window(qtbot, dialogs, small_model())
    yield w
    w.undo_stack.setClean()


def view_point(window: MainWindow, scene_pos: QPointF) -> QPoint:
    """Make ``scene_pos`` visible and return it in viewport coordinates."""
    window.view.ensureVisible(scene_pos.x() - 5, scene_pos.y() - 5, 10, 10, 60, 60)
    QApplication.processEvents()
    return window.view.mapFromScene(scene_pos)


def _send(widget: Any, kind: QEvent.Type, pos: QPoint, button: Qt.MouseButton,
          buttons: Qt.MouseButton, modifiers: Qt.KeyboardModifier) -> None:  # fmt: skip
    local = QPointF(pos)
    event = QMouseEvent(kind, local, QPointF(widget.mapToGlobal(pos)), button, buttons, modifiers)
    QApplication.sendEvent(widget, event)


def drag(window: MainWindow, start: QPointF, end: QPointF, steps: int = 8,
         modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # fmt: skip
    """Press the left button at scene ``start``, move in steps to ``end``, release."""
    vp = window.view.viewport()
    p0 = view_point(window, start)
    p1 = window.view.mapFromScene(end)
    left = Qt.MouseButton.LeftButton
    _send(vp, QEvent.Type.MouseButtonPress, p0, left, left, modifiers)
    for i in range(1, steps + 1):
        p = p0 + (p1 - p0) * (i / steps)
        _send(vp, QEvent.Type.MouseMove, p, Qt.MouseButton.NoButton, left, modifiers)
    _send(vp, QEvent.Type.MouseButtonRelease, p1, left, Qt.MouseButton.NoButton, modifiers)
    QApplication.processEvents()


def click(window: MainWindow, at: QPointF,
          modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # fmt: skip
    vp = window.view.viewport()
    p = view_point(window, at)
    left = Qt.MouseButton.LeftButton
    _send(vp, QEvent.Type.MouseButtonPress, p, left, left, modifiers)
    _send(vp, QEvent.Type.MouseButtonRelease, p, left, Qt.MouseButton.NoButton, modifiers)
    QApplication.processEvents()


def centre(window: MainWindow, node_id: str) -> QPointF:
    item = window.node_item(node_id)
    return item.mapToScene(item.box().center())


def handle(window: MainWindow, node_id: str) -> QPointF:
    item = window.node_item(node_id)
    return item.mapToScene(item.handle_center() - QPointF(2, 0))
