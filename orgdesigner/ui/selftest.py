"""The GUI step of ``orgdesigner --self-test``: build a main window and render it."""

from __future__ import annotations

import os

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from orgdesigner.model import OrgModel


def self_test_window(model: OrgModel) -> str:
    """Open a window on ``model`` (offscreen when there is no display), render it, close it.

    Returns a one-line summary; raises when the window cannot be built or renders empty.
    """
    if (
        not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and os.name == "posix"
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from orgdesigner.ui.mainwindow import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow(model.copy_model(), None)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    image = window.grab().toImage()
    items = len(window.scene.nodes)
    window.close()
    window.deleteLater()
    app.processEvents()
    if image.isNull() or image.width() < 100 or items != len(model.nodes):
        raise RuntimeError("the main window did not render the example model")
    return f"main window rendered {image.width()}×{image.height()} with {items} units (Qt {QGuiApplication.platformName()})"
