"""Zoom, pan, double-click rename, and the program's start."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from orgdesigner.ui.mainwindow import MainWindow
from tests.ui.conftest import _send, centre, view_point


def _wheel(window: MainWindow, steps: int, modifiers: Qt.KeyboardModifier) -> None:
    vp = window.view.viewport()
    pos = QPointF(vp.width() / 2, vp.height() / 2)
    event = QWheelEvent(pos, QPointF(vp.mapToGlobal(pos.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton, modifiers,
                        Qt.ScrollPhase.NoScrollPhase, False)  # fmt: skip
    QApplication.sendEvent(vp, event)


def test_ctrl_wheel_zooms_and_plain_wheel_scrolls(window: MainWindow) -> None:
    _wheel(window, 2, Qt.KeyboardModifier.ControlModifier)
    assert window.view.zoom() > 1.2
    zoom = window.view.zoom()
    _wheel(window, -1, Qt.KeyboardModifier.NoModifier)
    assert window.view.zoom() == zoom
    assert window.zoom_label.text() == f"{round(zoom * 100)} %"


def test_middle_mouse_and_space_drag_pan(window: MainWindow) -> None:
    window.view.set_zoom(3.0)
    QApplication.processEvents()
    bar = window.view.horizontalScrollBar()
    bar.setValue(bar.maximum() // 2)
    vp = window.view.viewport()
    start = bar.value()
    mid, none = Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier
    _send(vp, QEvent.Type.MouseButtonPress, QPoint(300, 200), mid, mid, none)
    _send(vp, QEvent.Type.MouseMove, QPoint(200, 200), Qt.MouseButton.NoButton, mid, none)
    _send(vp, QEvent.Type.MouseButtonRelease, QPoint(200, 200), mid, Qt.MouseButton.NoButton, none)
    assert bar.value() == start + 100
    QApplication.sendEvent(window.view, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Space, none))
    left = Qt.MouseButton.LeftButton
    _send(vp, QEvent.Type.MouseButtonPress, QPoint(300, 200), left, left, none)
    _send(vp, QEvent.Type.MouseMove, QPoint(350, 200), Qt.MouseButton.NoButton, left, none)
    _send(vp, QEvent.Type.MouseButtonRelease, QPoint(350, 200), left, Qt.MouseButton.NoButton, none)
    QApplication.sendEvent(window.view, QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_Space, none))
    assert bar.value() == start + 50
    assert window.undo_stack.count() == 0  # panning never moves units


def test_double_click_renames_in_place(window: MainWindow) -> None:
    point = view_point(window, centre(window, "stab"))
    QTest.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    editor = window.scene.rename_editor()
    assert editor is not None and editor.text() == "Stabsstelle Smart City"
    editor.setText("Stabsstelle Digitalisierung")
    QTest.keyClick(editor, Qt.Key.Key_Enter)
    assert window.document.model.node("stab").label == "Stabsstelle Digitalisierung"
    window.undo_stack.undo()
    assert window.document.model.node("stab").label == "Stabsstelle Smart City"


def test_run_opens_the_example_without_files(qapp: Any, monkeypatch: Any) -> None:
    from orgdesigner.templates import example_model
    from orgdesigner.ui import app as app_module

    opened: list[MainWindow] = []
    real = app_module.Application.open_window

    def spy(self: Any, *args: Any, **kwargs: Any) -> MainWindow:
        window = real(self, *args, **kwargs)
        opened.append(window)
        return window

    monkeypatch.setattr(app_module.Application, "open_window", spy)
    QTimer.singleShot(200, QApplication.closeAllWindows)
    # closing the last window ends run(); the quit is only a safety net and must not
    # outlive this test (a late quit would stop the event loops of later tests)
    fallback = QTimer()
    fallback.setSingleShot(True)
    fallback.timeout.connect(QApplication.quit)
    fallback.start(10_000)
    try:
        assert app_module.run([], lang="de") == 0
    finally:
        fallback.stop()
    assert len(opened) == 1
    assert len(opened[0].document.model.nodes) == len(example_model().nodes)
