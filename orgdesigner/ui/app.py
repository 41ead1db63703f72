"""Start the program: ``run(files, lang)`` opens one window per file (or the example).

A file name that does not exist yet (ending in ``.orgmodel.json``) opens an empty model
that will be saved under that name.

The environment variables ``ORGDESIGNER_DATA_DIR`` and ``ORGDESIGNER_AUTOSAVE_SECONDS``
are described in :mod:`orgdesigner.ui.settings`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTreeWidgetItem,
    QWidget,
)

from orgdesigner import __version__, fileformat
from orgdesigner.errors import ModelFileError
from orgdesigner.i18n import current_language, set_language, system_language
from orgdesigner.model import OrgModel
from orgdesigner.paths import resource
from orgdesigner.recovery import Draft, DraftStore, FileStamp
from orgdesigner.ui import translations
from orgdesigner.ui.autosave import Session, default_store, orphaned
from orgdesigner.ui.mainwindow import MainWindow
from orgdesigner.ui.session import Prompter
from orgdesigner.ui.settings import Settings
from orgdesigner.ui.widgets import intro_and_list


def example_model() -> OrgModel:
    """The built-in example (an empty model if the templates are not available)."""
    try:
        from orgdesigner import templates
    except ImportError:  # pragma: no cover
        return OrgModel()
    return templates.example_model()


RESTORE, DISCARD, LATER = "restore", "discard", "later"


class RecoveryDialog(QDialog):
    """Lists the drafts a crashed session left; restore, discard or keep them for later.

    Every draft is a row (file name or "Unbenanntes Modell", time, number of units) with a
    tick; the buttons act on the ticked rows, unticked drafts stay for the next start.
    """

    def __init__(self, drafts: list[Draft], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drafts = drafts
        self.setObjectName("recovery_dialog")
        self.setWindowTitle(self.tr("Nicht gespeicherte Arbeit wiederherstellen"))
        self.choice = LATER
        layout, self.tree = intro_and_list(
            self,
            self.tr("OrgDesigner wurde beim letzten Mal nicht regulär beendet. Diese Arbeit war "
                    "noch nicht gespeichert und wurde automatisch gesichert:"),
            "recovery_drafts",
            [self.tr("Modell"), self.tr("Gesichert am"), self.tr("Einheiten"), self.tr("Hinweis")],
        )  # fmt: skip
        self.items: dict[str, QTreeWidgetItem] = {}
        for draft in drafts:
            item = QTreeWidgetItem([self.draft_name(draft), self.draft_time(draft),
                                    self.draft_units(draft), self.draft_note(draft)])  # fmt: skip
            item.setCheckState(0, Qt.CheckState.Checked)
            where = str(draft.original) if draft.original else self.tr(
                "Das Modell war noch nie gespeichert.")  # fmt: skip
            item.setToolTip(0, f"{draft.title}\n{where}" if draft.title else where)
            self.tree.addTopLevelItem(item)
            self.items[draft.key] = item
        for column in range(4):
            self.tree.resizeColumnToContents(column)
        layout.addWidget(self.tree)
        explain = QLabel(self.tr("„Wiederherstellen“ öffnet die angehakten Sicherungen als "
                                 "ungespeicherte Änderungen Ihrer Datei – speichern Sie sie danach. "
                                 "„Verwerfen“ löscht sie endgültig. „Später“ behält alle Sicherungen "
                                 "bis zum nächsten Start."))  # fmt: skip
        explain.setWordWrap(True)
        layout.addWidget(explain)
        buttons = QDialogButtonBox()
        role = QDialogButtonBox.ButtonRole
        self.restore_button = buttons.addButton(self.tr("Wiederherstellen"), role.AcceptRole)
        self.discard_button = buttons.addButton(self.tr("Verwerfen"), role.DestructiveRole)
        self.later_button = buttons.addButton(self.tr("Später"), role.RejectRole)
        self.restore_button.setObjectName("recovery_restore")
        self.discard_button.setObjectName("recovery_discard")
        self.later_button.setObjectName("recovery_later")
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(lambda: self._finish(RESTORE))
        self.discard_button.clicked.connect(self._discard)
        self.later_button.clicked.connect(lambda: self._finish(LATER))
        layout.addWidget(buttons)
        self.resize(720, 320)

    def draft_name(self, draft: Draft) -> str:
        return draft.original.name if draft.original else self.tr("Unbenanntes Modell")

    def draft_time(self, draft: Draft) -> str:
        return draft.saved_at.astimezone().strftime(self.tr("%d.%m.%Y, %H:%M Uhr"))

    def draft_units(self, draft: Draft) -> str:
        return self.tr("1 Einheit") if draft.units == 1 else self.tr("{0} Einheiten").format(
            draft.units)  # fmt: skip

    def draft_note(self, draft: Draft) -> str:
        if draft.original is None:
            return ""
        if not draft.original.exists():
            return self.tr("Datei nicht mehr vorhanden")
        if draft.original_changed():
            return self.tr("Datei wurde inzwischen anderweitig geändert")
        return ""

    def checked(self) -> list[str]:
        return [k for k, item in self.items.items()
                if item.checkState(0) == Qt.CheckState.Checked]  # fmt: skip

    def confirm_discard(self, count: int) -> bool:
        answer = QMessageBox.warning(
            self, self.tr("Sicherungen verwerfen"),
            self.tr("{0} automatische Sicherung(en) werden endgültig gelöscht. Die Arbeit darin "
                    "geht verloren.").format(count),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)  # fmt: skip
        return answer == QMessageBox.StandardButton.Discard

    def _discard(self) -> None:
        if self.checked() and self.confirm_discard(len(self.checked())):
            self._finish(DISCARD)

    def _finish(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def choices(self) -> dict[str, str]:
        """What to do with each draft: ``restore``, ``discard`` or ``later``."""
        checked = set(self.checked())
        return {d.key: (self.choice if d.key in checked else LATER) for d in self.drafts}


class Application:
    """Keeps the open windows alive and opens new ones; offers drafts after a crash.

    A file is shown in at most one window: opening it again brings that window forward.
    Each window has its own document and undo stack.
    """

    def __init__(self, app: QApplication, drafts: DraftStore | None = None,
                 prompter: Callable[[], Prompter] | None = None) -> None:  # fmt: skip
        """``prompter``: makes each window's prompter (default: the real dialogs)."""
        self.app = app
        self.drafts = drafts
        self.make_prompter = prompter
        self.session = Session(drafts) if drafts is not None else None
        self.windows: list[MainWindow] = []
        self._closed: list[MainWindow] = []
        """Closed windows, kept alive until the next window opens: a window must not be
        deleted while Qt is still inside its close event."""

    def open_window(self, model: OrgModel | None = None, path: Path | None = None,
                    draft_key: str | None = None) -> MainWindow:  # fmt: skip
        self._closed.clear()
        window = MainWindow(model, path, drafts=self.drafts, draft_key=draft_key,
                            session=self.session,
                            prompter=self.make_prompter() if self.make_prompter else None)  # fmt: skip
        window.find_window = self.window_for
        window.open_in_new_window.connect(self.open_file)
        window.closed.connect(lambda w=window: self._forget(w))
        window.destroyed.connect(lambda _o=None, w=window: self._forget(w))
        self.windows.append(window)
        window.show()
        return window

    def _forget(self, window: MainWindow) -> None:
        if window in self.windows:
            self.windows.remove(window)
            self._closed.append(window)

    def window_for(self, path: Path) -> MainWindow | None:
        """The open window that shows ``path``, if any."""
        for window in self.windows:
            if shiboken6.isValid(window) and window.isVisible() and window.shows_file(path):
                return window
        return None

    def open_file(self, name: str) -> MainWindow | None:
        path = Path(name)
        existing = self.window_for(path)
        if existing is not None:
            existing.bring_forward()
            return existing
        if not path.exists() and path.name.endswith(fileformat.SUFFIX):
            window = self.open_window(OrgModel(), path)
            window.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Neue Datei – sie wird beim Speichern angelegt."), 8000)  # fmt: skip
            return window
        stamp = FileStamp.of(path)
        try:
            model = fileformat.load(path)
        except ModelFileError as exc:
            window = self.windows[0] if self.windows else self.open_window(OrgModel())
            window.session.report_unreadable(exc)
            return None
        window = self.open_window(model, path)
        window.session.disk_stamp = stamp
        window.session.add_recent(path)
        return window

    def recover(self) -> int:
        """Offer the drafts left by a session that ended unexpectedly; return windows opened.

        Only drafts of program runs that are no longer running are offered. Restored
        drafts open as unsaved changes of their file and stay until saved or discarded.
        """
        if self.drafts is None:
            return 0
        drafts = orphaned(self.drafts, self.session)
        Session.prune(self.drafts, self.session)
        if not drafts:
            return 0
        choices = self.ask_recover(drafts)
        opened = 0
        unreadable: list[str] = []
        for draft in drafts:
            choice = choices.get(draft.key, LATER)
            if choice == DISCARD:
                self.drafts.discard(draft.key)
            elif choice == RESTORE:
                try:
                    model = self.drafts.load(draft)
                except ModelFileError as exc:
                    unreadable.append(exc.message())  # it stays in its folder, never deleted
                    continue
                window = self.open_window(model, draft.original, draft_key=draft.key)
                window.session.disk_stamp = draft.base if draft.base is not None else (
                    FileStamp.of(draft.original) if draft.original else None)  # fmt: skip
                if window.autosaver is not None:
                    window.autosaver.write()  # now owned by this run (and its stamp)
                window._update_title()
                window.statusBar().showMessage(QCoreApplication.translate(
                    "MainWindow", "Wiederhergestellt – bitte speichern Sie das Modell."), 15000)  # fmt: skip
                opened += 1
        if unreadable:
            self.report_unreadable(unreadable)
        return opened

    def ask_recover(self, drafts: list[Draft]) -> dict[str, str]:
        """Ask what to do with each draft: ``{key: "restore" | "discard" | "later"}``."""
        dialog = RecoveryDialog(drafts)
        dialog.exec()
        return dialog.choices()

    def report_unreadable(self, messages: list[str]) -> None:
        folder = self.drafts.folder if self.drafts is not None else ""
        box = QMessageBox(QMessageBox.Icon.Warning, "OrgDesigner", QCoreApplication.translate(
            "Application", "Eine automatische Sicherung konnte nicht gelesen werden. Sie bleibt "
            "im Ordner {0} erhalten.").format(folder))  # fmt: skip
        box.setInformativeText("\n".join(messages))
        box.exec()


def apply_locale() -> None:
    """Numbers and dates in the user's language (German: 62.000; 1,5)."""
    if current_language() == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    translations.install(current_language())  # the UI's .qm file and Qt's own texts


def startup_language(lang: str | None, settings: Settings) -> str:
    """``--lang``, else the language chosen in the program, else the system's (German
    unless the system speaks English)."""
    return lang or settings.language() or system_language()


def run(
    files: list[str],
    lang: str | None = None,
    *,
    on_start: Callable[[Application], None] | None = None,
) -> int:
    """Open the program's windows and run the event loop; return the exit code.

    ``on_start`` is called with the :class:`Application` once it exists, before the
    recovery question and before any window opens (a program embedding OrgDesigner, or
    the end-to-end tests' driver, adds its own behaviour there).
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName("OrgDesigner")
    app.setApplicationName("OrgDesigner")
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName("OrgDesigner")
    app.setDesktopFileName("orgdesigner")  # lets Wayland docks match packaging/linux/*.desktop
    app.setWindowIcon(QIcon(str(resource("icons", "orgdesigner.svg"))))
    settings = Settings()  # checks (and repairs) the settings file before anything reads it
    set_language(startup_language(lang, settings))
    apply_locale()
    manager = Application(app, default_store())
    if on_start is not None:
        on_start(manager)
    manager.recover()
    if files:
        for name in files:
            manager.open_file(name)
    if not manager.windows:
        manager.open_window(example_model())
    manager.windows[0].show_settings_notes(settings.notes)
    try:
        return app.exec()
    finally:
        if manager.session is not None:
            manager.session.release()  # a normal end: no draft of this run is left over
        # the clipboard owns the QMimeData of a copy; Qt would delete it in a static
        # destructor after Python has finalised and crash the process at exit
        QApplication.clipboard().clear()
