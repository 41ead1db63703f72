"""Small widgets of general use."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QDialog, QLabel, QSizePolicy, QTreeWidget, QVBoxLayout, QWidget


class ElidedLabel(QLabel):
    """A one-line label that shortens its text with „…“ to the room it has."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_text = text
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(40)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight,
                                                   max(0, self.width())))  # fmt: skip


def intro_and_list(dialog: QDialog, intro: str, list_name: str,
                   headers: list[str]) -> tuple[QVBoxLayout, QTreeWidget]:  # fmt: skip
    """The top of a dialog that explains in a sentence and then shows a flat list."""
    layout = QVBoxLayout(dialog)
    label = QLabel(intro)
    label.setWordWrap(True)
    layout.addWidget(label)
    tree = QTreeWidget()
    tree.setObjectName(list_name)
    tree.setRootIsDecorated(False)
    tree.setHeaderLabels(headers)
    return layout, tree
