"""Datei → „Importieren …“: a list of units (CSV or Excel) becomes a new model.

The file is read by :func:`orgdesigner.importer.import_file` (no Qt). On success the model
opens in the window as a new document without a file, like one made from a template (after
the question about unsaved changes); nothing is saved until the user saves. When the file
cannot be imported, one calm message lists every problem with its row and column, and
nothing is opened.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from orgdesigner.errors import OrgDesignerError
from orgdesigner.i18n import current_language

if TYPE_CHECKING:
    from orgdesigner.ui.mainwindow import MainWindow

SHOWN_IN_MESSAGE = 8
"""Problems listed in the message itself; all of them are under „Details“."""


def choose_file(parent: QWidget, options: QFileDialog.Option) -> Path | None:
    """Ask for the list to import; ``None`` when cancelled."""
    name, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("ImportDialog", "Einheiten importieren"), "",
        QCoreApplication.translate("ImportDialog", "Einheitenlisten (*.csv *.xlsx);;CSV-Dateien (*.csv);;Excel-Dateien (*.xlsx)"),
        "", options)  # fmt: skip
    return Path(name) if name else None


def problem_lines(error: OrgDesignerError) -> list[str]:
    """Every problem of ``error`` in the current language, one a line („Zeile 5, Spalte
    Ebene: …“)."""
    lang = current_language()
    problems = getattr(error, "problems", ())
    if problems:
        return [p.text(lang) for p in problems]
    return [error.message(lang)]


def problem_box(parent: QWidget, path: Path, error: OrgDesignerError) -> QMessageBox:
    """The message for a file that cannot be imported: what happened, the first problems,
    and all of them under „Details“."""
    lines = problem_lines(error)
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("ImportDialog", "Importieren"),
                      QCoreApplication.translate("ImportDialog", "„{0}“ lässt sich so nicht importieren. Es wurde nichts geöffnet "
                          "und nichts verändert.").format(path.name),
                      QMessageBox.StandardButton.Ok, parent)  # fmt: skip
    box.setObjectName("import_problems")
    shown = lines[:SHOWN_IN_MESSAGE]
    info = "\n".join("• " + line for line in shown)  # one bullet a problem: wrapped lines stay apart
    if len(lines) > len(shown):
        info += "\n" + QCoreApplication.translate("ImportDialog", "… und {0} weitere (alle unter „Details“)").format(len(lines) - len(shown))
    info += "\n\n" + QCoreApplication.translate("ImportDialog", "Bitte korrigieren Sie die Datei (die Zeilen zählen wie in der "
                         "Tabelle, die Kopfzeile ist Zeile 1) und importieren Sie sie erneut.")
    box.setInformativeText(info)
    box.setDetailedText("\n".join(lines))
    return box


def import_units(window: MainWindow, path: Path | None = None) -> bool:
    """Import ``path`` (asked for when ``None``) into ``window`` as a new document.
    ``True`` when a model was opened."""
    from orgdesigner.importer import import_file

    if path is None:
        path = choose_file(window, window._dialog_options())
        if path is None:
            return False
    try:
        model = import_file(path)
    except OrgDesignerError as exc:
        problem_box(window, path, exc).exec()
        return False
    window.session.new_document(model)
    if window.document.model is not model:
        return False  # the user kept the unsaved model
    window.statusBar().showMessage(
        QCoreApplication.translate("ImportDialog", "Importiert aus {0}: {1} Einheiten, {2} Beziehungen – noch nicht gespeichert.").format(
            path.name, len(model.nodes), len(model.edges)), 10000)  # fmt: skip
    return True
