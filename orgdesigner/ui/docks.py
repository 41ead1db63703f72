"""Small helpers for the window's docks."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

DOCK_HEIGHT = 300
"""Height of a dock under the canvas („Prüfung“, „Leitfragen“) in the default layout (px):
at 1366 × 768 the rule panel shows at least four findings in their compact rows."""


def raise_enclosing_dock(widget: QWidget) -> None:
    """Show and raise the dock that holds ``widget`` (if it sits in one)."""
    dock = widget.parentWidget()
    while dock is not None and not isinstance(dock, QDockWidget):
        dock = dock.parentWidget()
    if dock is not None:
        dock.show()
        dock.raise_()


def tabify_when_shown(window: QMainWindow, first: QDockWidget, second: QDockWidget,
                      height: int = DOCK_HEIGHT) -> None:  # fmt: skip
    """Put ``second`` in a tab behind ``first`` once the window runs, raise ``first`` and
    give the pair ``height`` (a dock under the canvas).

    Qt 6.11 leaves a stray, visible tab bar behind when a second group of tabbed docks is
    made before the window is shown; tabifying from the event loop avoids it. A layout
    the user arranged (restored from the settings) is left alone unless both docks are
    still side by side in the same area.
    """

    def tabify() -> None:
        area = window.dockWidgetArea(first)
        if (first.isFloating() or second.isFloating() or area != window.dockWidgetArea(second)
                or second in window.tabifiedDockWidgets(first)):  # fmt: skip
            return
        window.tabifyDockWidget(first, second)
        first.raise_()
        window.resizeDocks([first], [height], Qt.Orientation.Vertical)

    QTimer.singleShot(0, window, tabify)  # dropped if the window is gone by then
