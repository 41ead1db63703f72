"""Autosave: a draft of every window with unsaved changes, for recovery after a crash.

The drafts are written by :class:`orgdesigner.recovery.DraftStore` (no Qt); this module
supplies the timer, the folder and the session lock. While a window has unsaved changes
its draft is rewritten every N seconds (the autosave interval from the settings, 60 by
default): the first edit after a draft starts the timer, further edits do not restart it,
so at most N seconds of work can be lost even while someone edits without pause. The
draft is removed when the model is saved, when the edits are undone back to the saved
state, and when the window is closed on purpose; a draft that survives means the program
ended unexpectedly.

Each running program holds a :class:`Session` lock file in the drafts folder and writes
its id into its drafts. At start-up only drafts whose session is no longer running are
offered, so a second program started next to the first never offers (or discards) the
first one's drafts. A crash (or ``kill -9``) leaves a stale lock that Qt recognises.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QLockFile, QObject, QStandardPaths, QTimer, Signal
from PySide6.QtGui import QUndoStack

from orgdesigner.document import Document
from orgdesigner.errors import OrgDesignerError
from orgdesigner.recovery import Draft, DraftStore, FileStamp
from orgdesigner.ui.settings import Settings, data_dir

if TYPE_CHECKING:
    from collections.abc import Callable


def default_store() -> DraftStore:
    """Drafts live in the user's application data folder, under ``drafts``.

    ``ORGDESIGNER_DATA_DIR`` (tests, portable installations) replaces that folder.
    """
    folder = data_dir()
    if folder is None:
        base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        folder = Path(base)
    return DraftStore(folder / "drafts")


def interval_ms() -> int:
    """The autosave interval from the settings, in milliseconds."""
    return Settings().autosave_seconds() * 1000


class Session:
    """This program run's claim on its drafts: a lock file that a crash leaves stale."""

    def __init__(self, store: DraftStore) -> None:
        self.id = uuid.uuid4().hex
        self.store = store
        self.lock: QLockFile | None = None
        try:
            store.folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return  # no drafts folder: the autosaver reports that when it writes
        lock = QLockFile(str(self._lock_path(store, self.id)))
        lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        if lock.tryLock(0):
            self.lock = lock

    @staticmethod
    def _lock_path(store: DraftStore, session_id: str) -> Path:
        return store.folder / f"session-{session_id}.lock"

    @classmethod
    def is_running(cls, store: DraftStore, session_id: str) -> bool:
        """True when the program run ``session_id`` is still alive (its lock is held)."""
        if not session_id or not session_id.isalnum():
            return False
        path = cls._lock_path(store, session_id)
        if not path.exists():
            return False
        probe = QLockFile(str(path))
        probe.setStaleLockTime(0)
        if probe.tryLock(0):  # the owner is gone: Qt removed its stale lock
            probe.unlock()  # and removes ours
            return False
        return probe.error() == QLockFile.LockError.LockFailedError

    @classmethod
    def prune(cls, store: DraftStore, own: Session | None = None) -> None:
        """Remove the lock files that ended runs left behind (live ones are kept)."""
        if not store.folder.is_dir():
            return
        for path in store.folder.glob("session-*.lock"):
            session_id = path.name.removeprefix("session-").removesuffix(".lock")
            if own is None or session_id != own.id:
                cls.is_running(store, session_id)  # probing removes a stale lock

    def release(self) -> None:
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None


def orphaned(store: DraftStore, session: Session | None = None) -> list[Draft]:
    """Recoverable drafts whose program run has ended (not this one, not a running one)."""
    own = session.id if session is not None else ""
    return [
        d
        for d in store.recoverable()
        if d.session != own and not Session.is_running(store, d.session)
    ]


class Autosaver(QObject):
    """Keeps the draft of one window's document up to date."""

    failed = Signal(str)
    """The draft could not be written (the message says why); editing goes on.
    Emitted once per run of failures, not at every attempt."""
    written = Signal()
    """A draft was written (the window says so quietly in its status bar)."""

    def __init__(self, document: Document, undo_stack: QUndoStack, store: DraftStore,
                 key: str | None = None, parent: QObject | None = None, *,
                 session: Session | None = None, interval: int | None = None,
                 base: Callable[[], FileStamp | None] | None = None) -> None:  # fmt: skip
        """``key``: the draft of a recovered document; ``interval`` in milliseconds
        (default: from the settings); ``base``: the window's stamp of its file."""
        super().__init__(parent)
        self.document = document
        self.undo_stack = undo_stack
        self.store = store
        self.session = session
        self.base = base
        self.key = key or DraftStore.new_key()
        self.dirty = key is not None
        """True when the model holds work that is in no file (a recovered draft counts)."""
        self.pending = False
        """Edits not yet in the draft."""
        self.failing = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(interval if interval is not None else interval_ms())
        self.timer.timeout.connect(self.write)
        undo_stack.indexChanged.connect(self._edited)

    def set_interval(self, ms: int) -> None:
        self.timer.setInterval(ms)

    def _edited(self, _index: int = 0) -> None:
        if not shiboken6.isValid(self.undo_stack):
            return  # the window is being destroyed; closeEvent has dealt with the draft
        if self.undo_stack.isClean() and not self.dirty:
            self.pending = False
            self.discard()
        else:
            self.pending = True
            if not self.timer.isActive():  # started by the first edit, not restarted
                self.timer.start()

    def mark_dirty(self) -> None:
        self.dirty = True
        self.pending = True
        if not self.timer.isActive():
            self.timer.start()

    def write(self) -> Path | None:
        """Write the draft now (normally the timer does this); ``None`` when it failed."""
        self.timer.stop()
        base = self.base() if self.base is not None else None
        try:
            path = self.store.write(self.key, self.document.model, self.document.path,
                                    session=self.session.id if self.session else "",
                                    base=base)  # fmt: skip
        except (OSError, OrgDesignerError, ValueError) as exc:
            if not self.failing:
                self.failing = True
                self.failed.emit(str(exc))
            self.timer.start()  # try again after the next interval (a drive may return)
            return None
        self.failing = False
        self.pending = False
        self.written.emit()
        return path

    def saved(self) -> None:
        """The model is in its file now: the draft is no longer needed."""
        self.dirty = False
        self.pending = False
        self.discard()

    def discard(self) -> None:
        self.timer.stop()
        try:
            self.store.discard(self.key)
        except OSError as exc:  # pragma: no cover - a read-only drafts folder
            self.failed.emit(str(exc))
