"""Fixtures for main-window tests: a window with the example model whose file questions a
recording prompter answers, and mouse gestures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from orgdesigner.errors import SaveError
from orgdesigner.i18n import set_language
from orgdesigner.model import OrgModel
from orgdesigner.templates import example_model
from orgdesigner.ui.mainwindow import MainWindow
from orgdesigner.ui.session import DiskAnswer, UnsavedAnswer


class RecordingPrompter:
    """A :class:`~orgdesigner.ui.session.Prompter` with scripted answers that records
    what the file life cycle asked, in order, as ``(question, *arguments)`` in ``asked``.

    Set the answer attributes before the action; each is given every time its question
    comes. Errors are also collected in ``errors`` as ``(text, detail)``.
    """

    def __init__(self) -> None:
        self.unsaved: UnsavedAnswer = "cancel"
        self.on_disk: DiskAnswer = "cancel"
        self.reload = False
        self.replace = False
        """The answer to "the file exists – replace it?"."""
        self.save_elsewhere = False
        """The answer to "not saved – save under another name?"."""
        self.open_path: Path | None = None
        self.save_path: Path | None = None
        self.asked: list[tuple[Any, ...]] = []
        self.errors: list[tuple[str, str]] = []

    def questions(self, name: str) -> list[tuple[Any, ...]]:
        """The arguments of each ``name`` question asked so far."""
        return [q[1:] for q in self.asked if q[0] == name]

    def ask_unsaved(self, name: str) -> UnsavedAnswer:
        self.asked.append(("ask_unsaved", name))
        return self.unsaved

    def ask_changed_on_disk(self, change: str, path: Path) -> DiskAnswer:
        self.asked.append(("ask_changed_on_disk", change, path))
        return self.on_disk

    def confirm_reload(self, name: str) -> bool:
        self.asked.append(("confirm_reload", name))
        return self.reload

    def confirm_replace(self, path: Path) -> bool:
        self.asked.append(("confirm_replace", path))
        return self.replace

    def ask_save_failed(self, path: Path, error: SaveError) -> bool:
        self.asked.append(("ask_save_failed", path, error))
        return self.save_elsewhere

    def show_error(self, text: str, detail: str) -> None:
        self.asked.append(("show_error", text, detail))
        self.errors.append((text, detail))

    def choose_open_file(self, start: str) -> Path | None:
        self.asked.append(("choose_open_file", start))
        return self.open_path

    def choose_save_file(self, start: str) -> Path | None:
        self.asked.append(("choose_save_file", start))
        return self.save_path


@pytest.fixture
def prompter() -> RecordingPrompter:
    return RecordingPrompter()


def make_window(qtbot: Any, prompter: RecordingPrompter | None = None,
                model: OrgModel | None = None) -> MainWindow:  # fmt: skip
    set_language("de")
    window = MainWindow(example_model() if model is None else model,
                        prompter=prompter if prompter is not None else RecordingPrompter())  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()  # the window's first "show the model" step
    window.view.zoom_reset()
    return window


def small_model() -> OrgModel:
    """Five units on four levels with four relations; positions as the layout keeps them."""
    from orgdesigner import layout, style
    from orgdesigner.model import Edge, Node

    def node(i: str, level: str, form: str | None, label: str, x: float, row: int) -> Node:
        y = row * style.BAND_HEIGHT + layout.PAD  # the band's first row
        return Node(id=i, level=level, form=form, label=label, x=x, y=y)  # type: ignore[arg-type]

    return OrgModel(
        nodes=[
            node("rat", "political", "council", "Stadtrat", 180, 0),
            # the mayor also links the departments and takes in outside advice, so that the
            # five units leave no function uncovered (DOMAIN.md §7) and the panel tests count
            # only the findings they are about
            node("ob", "strategic", "administration_head", "Oberbürgermeisterin", 180, 1).model_copy(
                update={"functions": ("representation", "strategic_decisions",
                                      "cross_department_links", "conflict_resolution",
                                      "external_input")}),
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
def window(qtbot: Any, prompter: RecordingPrompter) -> Iterator[MainWindow]:
    w = make_window(qtbot, prompter, small_model())
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
