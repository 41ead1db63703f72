"""Small helpers for the window's docks."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget, QWidget


def raise_enclosing_dock(widget: QWidget) -> None:
    """Show and raise the dock that holds ``widget`` (if it sits in one)."""
    dock = widget.parentWidget()
    while dock is not None and not isinstance(dock, QDockWidget):
        dock = dock.parentWidget()
    if dock is not None:
        dock.show()
        dock.raise_()
