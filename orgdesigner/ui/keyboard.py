"""Working without a mouse: the list of keyboard shortcuts (Hilfe → Tastenkürzel)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QTreeWidgetItem,
    QWidget,
)

from orgdesigner.ui.widgets import intro_and_list


def canvas_keys() -> list[tuple[str, str]]:
    """Keys that are not menu actions (the canvas and the palette handle them)."""
    return [
        (QCoreApplication.translate("ShortcutsDialog", "Eingabe"),
         QCoreApplication.translate("ShortcutsDialog", "Gewählte Organisationsform in der Mitte der Ansicht einfügen")),
        (QCoreApplication.translate("ShortcutsDialog", "Pfeil ab (im Suchfeld der Palette)"),
         QCoreApplication.translate("ShortcutsDialog", "In die Liste der Organisationsformen wechseln")),
        (QCoreApplication.translate("ShortcutsDialog", "Tab / Umschalt+Tab"), QCoreApplication.translate("ShortcutsDialog", "Nächste / vorige Einheit auswählen")),
        (QCoreApplication.translate("ShortcutsDialog", "Pos1 / Ende"),
         QCoreApplication.translate("ShortcutsDialog", "Erste / letzte Einheit auswählen")),
        (QCoreApplication.translate("ShortcutsDialog", "Strg+Tab / Strg+Umschalt+Tab"),
         QCoreApplication.translate("ShortcutsDialog", "Nächste / vorige Einheit zur Auswahl hinzufügen")),
        (QCoreApplication.translate("ShortcutsDialog", "Pfeiltasten"),
         QCoreApplication.translate("ShortcutsDialog", "Auswahl verschieben (10 Punkte)")),
        (QCoreApplication.translate("ShortcutsDialog", "Umschalt+Pfeiltasten"),
         QCoreApplication.translate("ShortcutsDialog", "Auswahl in großen Schritten verschieben (50 Punkte)")),
        (QCoreApplication.translate("ShortcutsDialog", "Alt+Pfeiltasten"),
         QCoreApplication.translate("ShortcutsDialog", "Auswahl fein verschieben (1 Punkt)")),
        (QCoreApplication.translate("ShortcutsDialog", "Menütaste / Umschalt+F10"),
         QCoreApplication.translate("ShortcutsDialog", "Kontextmenü der Auswahl öffnen")),
        (QCoreApplication.translate("ShortcutsDialog", "Esc"), QCoreApplication.translate("ShortcutsDialog", "Auswahl aufheben")),
        (QCoreApplication.translate("ShortcutsDialog", "Leertaste + Ziehen"), QCoreApplication.translate("ShortcutsDialog", "Ansicht verschieben")),
    ]  # fmt: skip


def native(seq: QKeySequence | str) -> str:
    return QKeySequence(seq).toString(QKeySequence.SequenceFormat.NativeText)


class ShortcutsDialog(QDialog):
    """Every shortcut of the window's actions, plus the canvas keys, in a list."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(self.tr("Tastenkürzel"))
        layout, self.tree = intro_and_list(
            self,
            self.tr("Alle Bearbeitungen gehen auch ohne Maus. Mit Tab wechseln Sie zwischen den "
                    "Bereichen; auf der Zeichenfläche wählt Tab die Einheiten nacheinander aus."),
            "shortcuts_list",
            [self.tr("Taste"), self.tr("Wirkung")],
        )  # fmt: skip
        self.tree.setAccessibleName(self.tr("Tastenkürzel"))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for action in actions:
            keys = [native(s) for s in action.shortcuts() if not s.isEmpty()]
            if not keys:
                continue
            text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            self._add(" / ".join(keys), text.removesuffix(" …"))
        for key, what in canvas_keys():
            self._add(key, what)
        self.tree.resizeColumnToContents(0)
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Schließen"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 680)

    def _add(self, key: str, what: str) -> None:
        item = QTreeWidgetItem([key, what])
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{key}: {what}")
        self.tree.addTopLevelItem(item)

    def rows(self) -> list[tuple[str, str]]:
        return [(it.text(0), it.text(1)) for it in
                (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
                if it is not None]  # fmt: skip
