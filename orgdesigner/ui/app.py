"""Start the program: ``run(files, lang)`` opens one window per file (or the example).

A file name that does not exist yet (ending in ``.orgmodel`` or ``.orgmodel.json``) opens
an empty model that will be saved under that name.

One program runs per user session (:mod:`orgdesigner.ui.single_instance`): a second start
hands its files to the first and exits; so do the macOS Finder's open requests
(``QFileOpenEvent``). A file that arrives this way replaces a window that shows an
untouched model without a file (the example of a fresh start).

The program's session lock (:class:`~orgdesigner.ui.autosave.Session`) is removed however
the program ends on purpose: a normal quit, the desktop session ending (logout:
``commitDataRequest``, then ``aboutToQuit``) and ``SIGTERM``/``SIGHUP``. When the program
is told to end without being asked (a signal, or a logout that allows no questions),
every unsaved change is first written as a draft, which the next start offers to restore.

The environment variables ``ORGDESIGNER_DATA_DIR`` and ``ORGDESIGNER_AUTOSAVE_SECONDS``
are described in :mod:`orgdesigner.ui.settings`.
"""

from __future__ import annotations

import contextlib
import signal
import socket
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QSocketNotifier, Qt, QTimer
from PySide6.QtGui import QFileOpenEvent, QIcon, QSessionManager
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
from orgdesigner.i18n import current_language, pick, set_language, system_language
from orgdesigner.model import OrgModel
from orgdesigner.paths import resource
from orgdesigner.recovery import Draft, DraftStore, FileStamp
from orgdesigner.ui import single_instance, translations
from orgdesigner.ui.autosave import Session, default_store, orphaned
from orgdesigner.ui.session import Prompter
from orgdesigner.ui.settings import Settings
from orgdesigner.ui.widgets import intro_and_list

if TYPE_CHECKING:
    from orgdesigner.ui.mainwindow import MainWindow


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


class Application(QObject):
    """Keeps the open windows alive and opens new ones; offers drafts after a crash.

    A file is shown in at most one window: opening it again brings that window forward.
    Each window has its own document and undo stack. Files from outside (a second start,
    the Finder) arrive through :meth:`open_from_outside`; the program's end through
    :meth:`terminate` and :meth:`end_of_session`.
    """

    def __init__(self, app: QApplication, drafts: DraftStore | None = None,
                 prompter: Callable[[], Prompter] | None = None) -> None:  # fmt: skip
        """``prompter``: makes each window's prompter (default: the real dialogs)."""
        super().__init__()
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
        # imported here: a second start that only hands its files over never needs the
        # window's modules (a third of its start-up time)
        from orgdesigner.ui.mainwindow import MainWindow

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
        if not path.exists() and fileformat.is_model_name(path.name):
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

    # -- files from outside: a second start, the Finder ------------------------------------
    def open_from_outside(self, files: Sequence[str]) -> MainWindow | None:
        """Open ``files`` handed over by a second start or the desktop; bring the (last)
        window to the front. Without files, the front window comes forward.

        A window that shows an untouched model without a file (the example of a fresh
        start, an empty new model) gives way to the files.
        """
        untouched = [w for w in self.windows if self._untouched(w)]
        shown: MainWindow | None = None
        for name in files:
            window = self.open_file(name)
            shown = window or shown
        if shown is not None:
            for window in untouched:
                if window is not shown and shiboken6.isValid(window):
                    window.close()
        elif self.windows:
            shown = self.windows[-1]
        else:
            shown = self.open_window(example_model())
            shown.mark_example()
        if shiboken6.isValid(shown):
            shown.bring_forward()
        return shown

    @staticmethod
    def _untouched(window: MainWindow) -> bool:
        return (shiboken6.isValid(window) and window.document.path is None
                and window.undo_stack.count() == 0 and not window.session.is_modified())  # fmt: skip

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        """macOS: a file opened from the Finder (or dropped on the Dock icon)."""
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            name = event.file() or event.url().toLocalFile()
            if name:
                QTimer.singleShot(0, lambda: self.open_from_outside([name]))
                return True
        return False

    # -- the end of the program -------------------------------------------------------------
    def write_drafts(self) -> int:
        """Write the draft of every window with unsaved work now; return how many."""
        written = 0
        for window in list(self.windows):
            saver = window.autosaver if shiboken6.isValid(window) else None
            if saver is not None and window.session.is_modified() and saver.write() is not None:
                written += 1
        return written

    def release_session(self) -> None:
        """Give up this run's lock: its drafts become offerable to the next start."""
        if self.session is not None:
            self.session.release()

    def terminate(self) -> None:
        """Told to end without questions (``SIGTERM``, a logout without interaction): keep
        the unsaved work as drafts, remove the session lock, leave the event loop."""
        self.write_drafts()
        self.release_session()
        self.app.exit(0)  # not quit(): that would ask each window about unsaved changes

    def end_of_session(self, interactive: bool) -> bool:
        """The desktop session ends (logout, shutdown); ``False`` cancels that.

        With questions allowed, each window asks as when it is closed (save, discard,
        cancel); without, the unsaved work is kept as drafts. Either way the lock goes.
        """
        if not interactive:
            self.terminate()
            return True
        for window in list(self.windows):
            if shiboken6.isValid(window) and window.isVisible() and not window.close():
                return False
        self.release_session()
        return True

    def _commit_data(self, manager: QSessionManager) -> None:
        interactive = manager.allowsInteraction()
        ended = self.end_of_session(interactive)
        if interactive:
            manager.release()
        if not ended:
            manager.cancel()

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
    store = default_store()
    instance_name = single_instance.server_name(store.folder)
    if single_instance.hand_over(instance_name, files):
        sys.stdout.write(pick("OrgDesigner läuft bereits; dort geht es weiter.\n",
                              "OrgDesigner is already running; it continues there.\n"))  # fmt: skip
        return 0
    apply_locale()
    manager = Application(app, store)
    server = single_instance.InstanceServer(instance_name, manager)
    ready = False
    waiting: list[list[str]] = []

    def received(names: list[str]) -> None:  # opened once the start-up is complete
        if ready:
            QTimer.singleShot(0, lambda: manager.open_from_outside(names))
        else:
            waiting.append(names)

    server.files_received.connect(received)
    server.listen()
    app.installEventFilter(manager)
    app.commitDataRequest.connect(manager._commit_data, Qt.ConnectionType.DirectConnection)
    app.aboutToQuit.connect(manager.release_session)
    restore_signals = _end_on_signals(manager)
    try:
        if on_start is not None:
            on_start(manager)
        manager.recover()
        if files:
            for name in files:
                manager.open_file(name)
        if not manager.windows:
            manager.open_window(example_model()).mark_example()  # marked: not the user's model
        manager.windows[0].show_settings_notes(settings.notes)
        ready = True
        for names in waiting:
            QTimer.singleShot(0, lambda n=names: manager.open_from_outside(n))
        return app.exec()
    finally:
        server.close()
        restore_signals()
        app.removeEventFilter(manager)
        manager.release_session()  # a normal end: no draft of this run is left over
        # the clipboard owns the QMimeData of a copy; Qt would delete it in a static
        # destructor after Python has finalised and crash the process at exit
        QApplication.clipboard().clear()


def _end_on_signals(manager: Application) -> Callable[[], None]:
    """End the program calmly on ``SIGTERM`` and ``SIGHUP`` (:meth:`Application.terminate`);
    return the function that restores the previous handlers.

    A Python signal handler runs only when Python code runs, which an idle Qt event loop
    does not; so the signal also wakes the event loop through a socket pair
    (``signal.set_wakeup_fd``) that a ``QSocketNotifier`` watches.
    """
    wanted = [getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n)]
    try:
        receiver, sender = socket.socketpair()
    except OSError:  # pragma: no cover - no socket pair: the signals keep their default
        return lambda: None
    receiver.setblocking(False)
    sender.setblocking(False)
    try:
        previous_fd = signal.set_wakeup_fd(sender.fileno(), warn_on_full_buffer=False)
    except ValueError:  # not the main thread
        receiver.close()
        sender.close()
        return lambda: None
    arrived: list[int] = []

    def note(signum: int, _frame: Any) -> None:
        arrived.append(signum)

    previous = {n: signal.signal(n, note) for n in wanted}
    notifier = QSocketNotifier(receiver.fileno(), QSocketNotifier.Type.Read, manager)

    def woken() -> None:
        with contextlib.suppress(OSError):
            receiver.recv(64)  # the signal numbers; the handler above has noted them
        if arrived:
            arrived.clear()
            manager.terminate()

    notifier.activated.connect(woken)

    def restore() -> None:
        notifier.setEnabled(False)
        signal.set_wakeup_fd(previous_fd)
        for number, handler in previous.items():
            signal.signal(number, handler)
        receiver.close()
        sender.close()

    return restore
