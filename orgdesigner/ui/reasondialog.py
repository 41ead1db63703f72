"""The dialog that asks why a rule is switched off for this model."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from orgdesigner import style
from orgdesigner.model import SHORT_TEXT_MAX_LENGTH
from orgdesigner.ui.accessibility import readable

MAX_REASON_LENGTH = SHORT_TEXT_MAX_LENGTH
"""The model stores the reason as a short text."""


class ReasonDialog(QDialog):
    """Asks why a rule is switched off for this model; the reason is required."""

    def __init__(self, title: str, reason: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Prüfregel ausschalten"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Warum wird „{0}“ für dieses Modell bewusst angenommen?").format(title))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        note = QLabel(self.tr("Die Begründung wird mit dem Modell gespeichert und im PDF-Anhang "
                              "aufgeführt, damit der Rat sieht, was bewusst so entschieden wurde."))  # fmt: skip
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {readable(style.MUTED_TEXT)}")
        layout.addWidget(note)
        self.edit = QLineEdit(reason)
        self.edit.setObjectName("reason")
        self.edit.setMaxLength(MAX_REASON_LENGTH)
        self.edit.setPlaceholderText(self.tr("z. B. Übergangslösung bis zur Besetzung der Stelle "
                                             "(Ratsbeschluss vom …)"))  # fmt: skip
        layout.addWidget(self.edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)  # fmt: skip
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Ausschalten"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Abbrechen"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(lambda t: ok.setEnabled(bool(t.strip())))
        ok.setEnabled(bool(reason.strip()))
        self.resize(460, self.sizeHint().height())

    def reason(self) -> str:
        return self.edit.text().strip()


def ask_reason(title: str, reason: str = "", parent: QWidget | None = None) -> str | None:
    """Ask why the rule ``title`` is switched off; ``None`` when cancelled."""
    dialog = ReasonDialog(title, reason, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.reason():
        return None
    return dialog.reason()
