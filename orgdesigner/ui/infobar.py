"""A calm, non-modal note above the canvas with a few buttons (like an editor's info bar).

Used for things the user should know without being interrupted, e.g. "the file was
changed by someone else". It stays until a button is pressed or it is hidden.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu, QPushButton, QWidget

from orgdesigner import style


class InfoBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("info_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"#info_bar {{ background: {style.NOTICE_BACKGROUND}; "
            f"border: 1px solid {style.NOTICE_BORDER}; }}"
            f" #info_bar QLabel {{ color: {style.NOTICE_TEXT}; }}"
        )
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setObjectName("info_bar_text")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(10, 6, 10, 6)
        self._layout.addWidget(self.label, 1)
        self.buttons: dict[str, QPushButton] = {}
        self.kind = ""
        """What the shown note is about (empty when hidden)."""
        self.hide()

    def show_message(self, text: str,
                     actions: Sequence[tuple[str, str, Callable[[], object] | QMenu]],
                     dismiss: str, kind: str = "", keep: bool = False) -> None:  # fmt: skip
        """Show ``text`` with buttons ``(name, label, slot)`` and a button that only hides.

        A button whose slot is a menu opens it. ``keep``: the note stays when a button's
        action is done (or cancelled); whoever showed it clears it when it no longer holds.
        """
        self.clear()
        self.kind = kind
        self.label.setText(text)
        dismiss_action: tuple[str, str, Callable[[], object] | QMenu] = (
            "dismiss", dismiss, lambda: None)  # fmt: skip
        for name, label, slot in [*actions, dismiss_action]:
            button = QPushButton(label, self)
            button.setObjectName(f"info_{name}")
            if isinstance(slot, QMenu):
                button.setMenu(slot)
            else:
                stays = keep and name != "dismiss"
                button.clicked.connect(lambda _c=False, s=slot, k=stays: self._run(s, k))
            self._layout.addWidget(button)
            self.buttons[name] = button
        self.show()

    def _run(self, slot: Callable[[], object], keep: bool = False) -> None:
        if not keep:
            self.clear()
        slot()

    def clear(self) -> None:
        self.hide()
        for button in self.buttons.values():
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        self.kind = ""
        self.label.clear()
