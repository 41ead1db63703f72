"""What happens on Save: the life cycle of the file behind one window's document.

:class:`DocumentSession` owns

- new, open, save and save as; saving is atomic and keeps a backup of the previous file
  (:func:`orgdesigner.fileformat.save` through :meth:`Document.save`); a failed save keeps
  the previous file and the unsaved changes, brings the autosave draft up to date and
  offers to save elsewhere;
- files changed elsewhere: each save first compares the file with the
  :class:`~orgdesigner.recovery.FileStamp` taken when this window read or wrote it, and
  asks before overwriting a colleague's version (save as, reload, overwrite, cancel);
  :meth:`DocumentSession.check_disk` notes such a change calmly in the window's info bar;
- the unsaved-changes question before the document is closed or replaced;
- the recent-files list (through :mod:`orgdesigner.ui.settings` only);
- what the window title shows: the file name and whether there is unsaved work;
- the hand-off to autosave: the session creates the window's
  :class:`~orgdesigner.ui.autosave.Autosaver` and tells it when the model is in its file
  (draft removed), when a save failed (draft written now) and when the window closes on
  purpose (draft removed).

Every question the life cycle asks and every error it reports goes through a
:class:`Prompter`: :class:`QtPrompter` shows the real message boxes and file dialogs;
tests pass one with scripted answers (``RecordingPrompter`` in ``tests/ui/conftest.py``).

The main window only composes: it creates the session, connects its menu actions to it and
shows what the session announces (``state_changed``: the title; ``message``: the status
bar; ``about_to_replace``/``replaced``: the canvas's selection and first view).

The texts keep the translation context ``MainWindow`` in which they were first written,
so the translations in ``resources/translations`` apply unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from orgdesigner import fileformat
from orgdesigner.document import Document
from orgdesigner.errors import ModelFileError, SaveError
from orgdesigner.model import OrgModel
from orgdesigner.recovery import DraftStore, FileStamp
from orgdesigner.ui.autosave import Autosaver, Session
from orgdesigner.ui.infobar import InfoBar
from orgdesigner.ui.settings import Settings

OPEN_FILTER = " ".join("*" + suffix for suffix in fileformat.OPEN_SUFFIXES)
"""The open dialog lists ``*.orgmodel`` files and the older ``*.orgmodel.json`` and ``*.json``."""
SAVE_FILTER = "*" + fileformat.SUFFIX

UnsavedAnswer = Literal["save", "discard", "cancel"]
DiskAnswer = Literal["save_as", "reload", "overwrite", "cancel"]


class Prompter(Protocol):
    """Every question and message of the file life cycle, one method each."""

    def ask_unsaved(self, name: str) -> UnsavedAnswer:
        """``name`` has unsaved changes: save them, discard them, or cancel?"""
        ...

    def ask_changed_on_disk(self, change: str, path: Path) -> DiskAnswer:
        """Saving would overwrite ``path``, which was ``"modified"`` or ``"deleted"``
        elsewhere: save under a new name, reload (only when modified), overwrite (or
        create again), or cancel?"""
        ...

    def confirm_reload(self, name: str) -> bool:
        """Reloading drops the unsaved changes of ``name``: go on?"""
        ...

    def confirm_replace(self, path: Path) -> bool:
        """``path`` exists (the dialog could not ask: ``.orgmodel`` was added to the typed
        name afterwards): replace it?"""
        ...

    def ask_save_failed(self, path: Path, error: SaveError) -> bool:
        """Saving to ``path`` failed (nothing is lost); ``True``: save under another name."""
        ...

    def show_error(self, text: str, detail: str) -> None:
        """Report an error: ``text`` says what failed, ``detail`` why."""
        ...

    def choose_open_file(self, start: str) -> Path | None:
        """The model file to open (``start``: a folder), ``None`` when cancelled."""
        ...

    def choose_save_file(self, start: str) -> Path | None:
        """The file to save to (``start``: the current name), ``None`` when cancelled."""
        ...


class QtPrompter:
    """The real dialogs, modal over ``parent``."""

    def __init__(self, parent: QWidget,
                 dialog_options: Callable[[], QFileDialog.Option] | None = None) -> None:  # fmt: skip
        """``dialog_options``: for the file dialogs (e.g. no native dialog in the e2e test)."""
        self.parent = parent
        self.dialog_options = dialog_options or (lambda: QFileDialog.Option(0))

    def ask_unsaved(self, name: str) -> UnsavedAnswer:
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("MainWindow", "Ungespeicherte Änderungen"))
        box.setText(QCoreApplication.translate(
            "MainWindow", "„{0}“ hat Änderungen, die noch nicht gespeichert sind.").format(name))  # fmt: skip
        box.setInformativeText(QCoreApplication.translate(
            "MainWindow", "Möchten Sie die Änderungen speichern?"))  # fmt: skip
        buttons = QMessageBox.StandardButton
        box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
        box.button(buttons.Save).setText(QCoreApplication.translate("MainWindow", "Speichern"))
        box.button(buttons.Discard).setText(QCoreApplication.translate("MainWindow", "Verwerfen"))
        box.button(buttons.Cancel).setText(QCoreApplication.translate("MainWindow", "Abbrechen"))
        box.setDefaultButton(buttons.Save)
        box.setEscapeButton(buttons.Cancel)
        answer = buttons(box.exec())
        if answer == buttons.Save:
            return "save"
        return "discard" if answer == buttons.Discard else "cancel"

    def ask_changed_on_disk(self, change: str, path: Path) -> DiskAnswer:
        name = path.name
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("MainWindow", "Datei wurde verändert"))
        role = QMessageBox.ButtonRole
        save_as = box.addButton(QCoreApplication.translate(
            "MainWindow", "Unter neuem Namen speichern …"), role.AcceptRole)  # fmt: skip
        save_as.setObjectName("answer_save_as")
        if change == "deleted":
            box.setText(QCoreApplication.translate(
                "MainWindow", "„{0}“ ist nicht mehr da: Die Datei wurde gelöscht oder "
                "verschoben, oder das Netzlaufwerk ist nicht verbunden.").format(name))  # fmt: skip
            box.setInformativeText(QCoreApplication.translate(
                "MainWindow", "Ihr Modell ist weiterhin in diesem Fenster. Sie können es unter "
                "dem bisherigen Namen wieder anlegen oder unter einem neuen Namen "
                "speichern.\n\n{0}").format(path))  # fmt: skip
            overwrite = box.addButton(QCoreApplication.translate("MainWindow", "Wieder anlegen"),
                                      role.DestructiveRole)  # fmt: skip
            reload = None
        else:
            box.setText(QCoreApplication.translate(
                "MainWindow", "„{0}“ wurde seit dem Öffnen außerhalb dieses Fensters geändert, "
                "zum Beispiel von einer Kollegin oder einem Kollegen.").format(name))  # fmt: skip
            box.setInformativeText(QCoreApplication.translate(
                "MainWindow", "Speichern würde diese Fassung überschreiben. Sie können Ihr "
                "Modell unter einem neuen Namen speichern und beide Fassungen vergleichen, oder "
                "die Fassung vom Datenträger neu laden – dabei gehen Ihre ungespeicherten "
                "Änderungen verloren.\n\n{0}").format(path))  # fmt: skip
            reload = box.addButton(QCoreApplication.translate("MainWindow", "Neu laden"),
                                   role.ResetRole)  # fmt: skip
            reload.setObjectName("answer_reload")
            overwrite = box.addButton(QCoreApplication.translate("MainWindow", "Überschreiben"),
                                      role.DestructiveRole)  # fmt: skip
        overwrite.setObjectName("answer_overwrite")
        cancel = box.addButton(QCoreApplication.translate("MainWindow", "Abbrechen"),
                               role.RejectRole)  # fmt: skip
        cancel.setObjectName("answer_cancel")
        box.setDefaultButton(save_as)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save_as:
            return "save_as"
        if reload is not None and clicked is reload:
            return "reload"
        if clicked is overwrite:
            return "overwrite"
        return "cancel"

    def _yes_or_no(self, icon: QMessageBox.Icon, title: str, text: str, informative: str,
                   yes: tuple[str, QMessageBox.ButtonRole], no: str, default_yes: bool) -> bool:  # fmt: skip
        """A box with two buttons; ``True`` when ``yes`` was clicked (escape: ``no``)."""
        box = QMessageBox(self.parent)
        box.setIcon(icon)
        box.setWindowTitle(title)
        box.setText(text)
        box.setInformativeText(informative)
        accept = box.addButton(*yes)
        reject = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(accept if default_yes else reject)
        box.setEscapeButton(reject)
        box.exec()
        return box.clickedButton() is accept

    def confirm_replace(self, path: Path) -> bool:
        return self._yes_or_no(
            QMessageBox.Icon.Warning, QCoreApplication.translate("MainWindow", "Speichern unter"),
            QCoreApplication.translate("MainWindow", "„{0}“ gibt es schon.").format(path.name),
            QCoreApplication.translate(
                "MainWindow", "Soll die vorhandene Datei ersetzt werden? Die bisherige Fassung "
                "bleibt als Sicherungskopie (.bak) erhalten."),
            (QCoreApplication.translate("MainWindow", "Ersetzen"),
             QMessageBox.ButtonRole.DestructiveRole),
            QCoreApplication.translate("MainWindow", "Abbrechen"), default_yes=False)  # fmt: skip

    def confirm_reload(self, name: str) -> bool:
        return self._yes_or_no(
            QMessageBox.Icon.Warning, QCoreApplication.translate("MainWindow", "Neu laden"),
            QCoreApplication.translate(
                "MainWindow", "Ihre ungespeicherten Änderungen an „{0}“ gehen beim Neuladen "
                "verloren.").format(name),
            QCoreApplication.translate(
                "MainWindow", "Wenn Sie sie behalten möchten, speichern Sie sie zuerst unter "
                "einem neuen Namen."),
            (QCoreApplication.translate("MainWindow", "Neu laden"),
             QMessageBox.ButtonRole.DestructiveRole),
            QCoreApplication.translate("MainWindow", "Abbrechen"), default_yes=False)  # fmt: skip

    def ask_save_failed(self, path: Path, error: SaveError) -> bool:
        return self._yes_or_no(
            QMessageBox.Icon.Critical, QCoreApplication.translate("MainWindow", "Nicht gespeichert"),
            QCoreApplication.translate(
                "MainWindow", "„{0}“ konnte nicht gespeichert werden. Ihre Änderungen sind noch "
                "da.").format(path.name),
            error.message(),
            (QCoreApplication.translate("MainWindow", "Speichern unter …"),
             QMessageBox.ButtonRole.AcceptRole),
            QCoreApplication.translate("MainWindow", "Schließen"), default_yes=True)  # fmt: skip

    def show_error(self, text: str, detail: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical,
                          QCoreApplication.translate("MainWindow", "OrgDesigner"), text,
                          QMessageBox.StandardButton.Ok, self.parent)  # fmt: skip
        box.setInformativeText(detail)
        box.exec()

    @staticmethod
    def _file_filter(patterns: str) -> str:
        return QCoreApplication.translate("MainWindow", "Organisationsmodelle ({0})").format(
            patterns)  # fmt: skip

    def choose_open_file(self, start: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self.parent, QCoreApplication.translate("MainWindow", "Modell öffnen"), start,
            self._file_filter(OPEN_FILTER), "", self.dialog_options())  # fmt: skip
        return Path(name) if name else None

    def choose_save_file(self, start: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self.parent, QCoreApplication.translate("MainWindow", "Modell speichern unter"),
            start, self._file_filter(SAVE_FILTER), "", self.dialog_options())  # fmt: skip
        return Path(name) if name else None


class OtherWindow(Protocol):
    """Another window that already shows a file."""

    def bring_forward(self) -> None: ...


class DocumentSession(QObject):
    """The file life cycle of one document (one window): see the module's description."""

    state_changed = Signal()
    """The file name or the unsaved-work flag may have changed (the title follows)."""
    message = Signal(str, int)
    """A note for the status bar, and for how many milliseconds to show it."""
    about_to_replace = Signal()
    """A new or loaded model is about to replace the document's model."""
    replaced = Signal()
    """A new or loaded model has replaced the document's model; the undo history is new."""

    def __init__(self, document: Document, undo_stack: QUndoStack, prompter: Prompter, *,
                 info_bar: InfoBar | None = None,
                 elsewhere: Callable[[Path], OtherWindow | None] | None = None,
                 drafts: DraftStore | None = None, draft_key: str | None = None,
                 run: Session | None = None, parent: QObject | None = None) -> None:  # fmt: skip
        """``info_bar``: where a change on disk is noted; ``elsewhere(path)``: the other
        window that already shows ``path``, if any; ``drafts``: where to autosave (none in
        most tests), ``draft_key``: a recovered draft, ``run``: the program run that owns
        the drafts."""
        super().__init__(parent)
        self.document = document
        self.undo_stack = undo_stack
        self.prompter = prompter
        self.info_bar = info_bar
        self.elsewhere = elsewhere
        path = document.path
        self.disk_stamp: FileStamp | None = FileStamp.of(path) if path is not None else None
        """The file as this session last read or wrote it (to notice changes by others)."""
        self._reported_disk: object = None
        self.untitled_name = ""
        """What a document without a file is called (empty: „Unbenannt“), e.g. the example."""
        self.autosaver: Autosaver | None = None
        if drafts is not None:
            self.autosaver = Autosaver(document, undo_stack, drafts, draft_key, self,
                                       session=run, base=lambda: self.disk_stamp)  # fmt: skip
            self.autosaver.failed.connect(lambda text: self.message.emit(
                QCoreApplication.translate(
                    "MainWindow", "Die automatische Sicherung ist gerade nicht möglich ({0}). "
                    "Bitte speichern Sie selbst.").format(text), 15000))  # fmt: skip
        undo_stack.cleanChanged.connect(self._state_changed)
        undo_stack.indexChanged.connect(self._state_changed)

    def _state_changed(self, *_args: object) -> None:
        self.state_changed.emit()

    # -- what the title shows -----------------------------------------------------------
    def display_name(self) -> str:
        path = self.document.path
        if path is None and self.untitled_name:
            return self.untitled_name
        return path.name if path is not None else QCoreApplication.translate(
            "MainWindow", "Unbenannt")  # fmt: skip

    def is_modified(self) -> bool:
        """Unsaved work: edits since the last save, or a recovered draft not yet saved."""
        recovered = self.autosaver is not None and self.autosaver.dirty
        return recovered or not self.undo_stack.isClean()

    # -- new, open ----------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask what to do with unsaved changes; ``False`` means the user cancelled."""
        if not self.is_modified():
            return True
        answer = self.prompter.ask_unsaved(self.display_name())
        if answer == "save":
            return self.save()
        return answer == "discard"

    def set_model(self, model: OrgModel, path: Path | None) -> None:
        """Show ``model`` (a new or loaded document); the undo history starts afresh."""
        self.about_to_replace.emit()
        self.undo_stack.clear()
        self.document.path = path
        self.document.replace_model(model)
        self.undo_stack.setClean()
        if self.autosaver is not None:
            self.autosaver.saved()
        self.disk_stamp = FileStamp.of(path) if path is not None else None
        self._reported_disk = None
        if self.info_bar is not None:
            self.info_bar.clear()
        self.state_changed.emit()
        self.replaced.emit()

    def new_document(self, model: OrgModel | None = None) -> None:
        """An empty model (or ``model``, e.g. from a template), after the unsaved question."""
        if isinstance(model, bool) or model is None:  # an action's ``triggered(checked)``
            model = OrgModel()
        if self.maybe_save():
            self.set_model(model, None)

    def open_file(self) -> None:
        """Ask about unsaved changes, then which file to open, and open it."""
        if not self.maybe_save():
            return
        start = str(self.document.path.parent) if self.document.path else ""
        path = self.prompter.choose_open_file(start)
        if path is not None:
            self.load_file(path, ask=False)

    def load_file(self, path: Path, ask: bool = True) -> bool:
        """Open ``path`` here (``ask``: first the unsaved question); errors are reported.

        A file that another window already shows is not opened twice: that window comes
        to the front instead.
        """
        other = self.elsewhere(path) if self.elsewhere is not None else None
        if other is not None:
            other.bring_forward()
            return True
        if ask and not self.maybe_save():
            return False
        stamp = FileStamp.of(path)  # before reading: a change while loading is noticed later
        try:
            model = fileformat.load(path)
        except ModelFileError as exc:
            self.report_unreadable(exc)
            return False
        self.set_model(model, path)
        self.disk_stamp = stamp
        self.add_recent(path)
        self.message.emit(QCoreApplication.translate("MainWindow", "Geöffnet: {0}").format(path),
                          5000)  # fmt: skip
        return True

    def report_unreadable(self, error: ModelFileError) -> None:
        """Say that a model file cannot be opened, and why."""
        self.prompter.show_error(QCoreApplication.translate(
            "MainWindow", "Die Datei kann nicht geöffnet werden."), error.message())  # fmt: skip

    # -- save ---------------------------------------------------------------------------
    def save(self) -> bool:
        """Save to the document's file; ask first when someone else changed or removed it."""
        path = self.document.path
        if path is None:
            return self.save_as()
        change = self.disk_change()
        if change is not None:
            self._reported_disk = self._disk_state(path)  # asked now: no second note for it
            if self.info_bar is not None:
                self.info_bar.clear()
            answer = self.prompter.ask_changed_on_disk(change, path)
            if answer == "save_as":
                return self.save_as()
            if answer == "reload":
                self.load_file(path, ask=False)  # the question said that changes are dropped
                return False
            if answer != "overwrite":
                return False
        return self.save_to(path)

    def save_as(self) -> bool:
        """Ask for a file name (``.orgmodel`` is added unless the name ends in ``.orgmodel``
        or ``.orgmodel.json``) and save there."""
        current = self.document.path
        start = str(current) if current else QCoreApplication.translate(
            "MainWindow", "Organisationsmodell")  # fmt: skip
        path = self.prompter.choose_save_file(start)
        if path is None:
            return False
        chosen, path = path, fileformat.with_model_suffix(path)
        if path != chosen and path.exists() and path != current and not (
            self.prompter.confirm_replace(path)
        ):  # the dialog asked about the typed name, not about this one
            return False
        if self.elsewhere is not None and self.elsewhere(path) is not None:
            self.prompter.show_error(
                QCoreApplication.translate(
                    "MainWindow", "Die Datei ist bereits in einem anderen Fenster geöffnet."),
                QCoreApplication.translate(
                    "MainWindow", "„{0}“ ist in einem anderen OrgDesigner-Fenster geöffnet. "
                    "Wählen Sie einen anderen Namen, oder schließen Sie zuerst das andere "
                    "Fenster.").format(path))  # fmt: skip
            return False
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        """Write the model to ``path`` (atomically, with a backup of the previous file).

        When that fails, the previous file is unchanged, the document stays unsaved, its
        draft is brought up to date, and the user is offered to save elsewhere.
        """
        try:
            self.document.save(path)
        except SaveError as exc:
            if self.autosaver is not None:
                self.autosaver.write()  # meanwhile the work is safe in a draft
            if self.prompter.ask_save_failed(path, exc):
                return self.save_as()
            return False
        self.undo_stack.setClean()
        if self.autosaver is not None:
            self.autosaver.saved()
        self.disk_stamp = FileStamp.of(path)
        self._reported_disk = None
        if self.info_bar is not None and self.info_bar.kind == "disk":
            self.info_bar.clear()
        self.add_recent(path)
        self.state_changed.emit()
        self.message.emit(QCoreApplication.translate("MainWindow", "Gespeichert: {0}")
                          .format(path), 5000)  # fmt: skip
        return True

    def close(self) -> bool:
        """The window is closing: the unsaved question; ``False`` when the user cancelled.

        Closed on purpose (changes saved or discarded), the draft is no longer needed.
        """
        if not self.maybe_save():
            return False
        if self.autosaver is not None:
            self.autosaver.discard()
        return True

    # -- the file on disk changed elsewhere -------------------------------------------------
    def disk_change(self) -> str | None:
        """``"modified"`` or ``"deleted"`` when the file changed on disk since this session
        read or wrote it (a colleague saved over it, it was moved, the drive is gone)."""
        path = self.document.path
        if path is None or self.disk_stamp is None:
            return None
        return self.disk_stamp.changed(path)

    @staticmethod
    def _disk_state(path: Path) -> object:
        return FileStamp.of(path) or "deleted"

    def check_disk(self) -> None:
        """Note in the info bar (once per change) that the file changed or went elsewhere."""
        bar = self.info_bar
        if bar is None:
            return
        path = self.document.path
        change = self.disk_change()
        if path is None or change is None:
            self._reported_disk = None
            if bar.kind == "disk":
                bar.clear()
            return
        state = self._disk_state(path)
        if state == self._reported_disk:
            return
        self._reported_disk = state
        save_as = QCoreApplication.translate("MainWindow", "Unter neuem Namen speichern …")
        actions: list[tuple[str, str, Callable[[], object]]]
        if change == "deleted":
            text = QCoreApplication.translate(
                "MainWindow", "„{0}“ ist nicht mehr da: gelöscht, verschoben, oder das "
                "Netzlaufwerk ist nicht verbunden. Ihr Modell ist weiterhin in diesem "
                "Fenster.").format(path.name)  # fmt: skip
            actions = [("recreate", QCoreApplication.translate("MainWindow", "Wieder anlegen"),
                        lambda: self.save_to(path)), ("save_as", save_as, self.save_as)]  # fmt: skip
        else:
            text = QCoreApplication.translate(
                "MainWindow", "„{0}“ wurde außerhalb dieses Fensters geändert, zum Beispiel "
                "von einer Kollegin oder einem Kollegen.").format(path.name)  # fmt: skip
            if self.is_modified():
                text += " " + QCoreApplication.translate(
                    "MainWindow", "Ihre Änderungen hier sind noch nicht gespeichert.")  # fmt: skip
            actions = [("reload", QCoreApplication.translate("MainWindow", "Neu laden"),
                        self.reload_from_disk), ("save_as", save_as, self.save_as)]  # fmt: skip
        bar.show_message(text, actions, QCoreApplication.translate("MainWindow", "Ausblenden"),
                         kind="disk")  # fmt: skip

    def reload_from_disk(self) -> bool:
        """Load the file's current content; unsaved changes are dropped after a question."""
        path = self.document.path
        if path is None:
            return False
        if self.is_modified() and not self.prompter.confirm_reload(self.display_name()):
            return False
        return self.load_file(path, ask=False)

    # -- recent files -------------------------------------------------------------------
    @staticmethod
    def recent_files() -> list[str]:
        return Settings().recent_files()

    @staticmethod
    def add_recent(path: Path) -> None:
        Settings().add_recent(path)
