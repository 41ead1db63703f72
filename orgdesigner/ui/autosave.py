"""Autosave: a draft of every window with unsaved changes, for recovery after a crash.

The drafts are written by :class:`orgdesigner.recovery.DraftStore` (no Qt); this module
supplies the timer and the folder. A draft is written a few seconds after the last edit
and removed when the window's model is saved or the window is closed on purpose, so a
draft that survives means the program ended unexpectedly.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal
from PySide6.QtGui import QUndoStack

from orgdesigner.document import Document
from orgdesigner.errors import OrgDesignerError
from orgdesigner.recovery import DraftStore

DELAY_MS = 3000
"""Wait this long after the last edit before writing the draft."""


def default_store() -> DraftStore:
    """Drafts live in the user's application data folder, under ``drafts``."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return DraftStore(Path(base) / "drafts")


class Autosaver(QObject):
    """Keeps the draft of one window's document up to date."""

    failed = Signal(str)
    """The draft could not be written (the message says why); editing goes on."""

    def __init__(self, document: Document, undo_stack: QUndoStack, store: DraftStore,
                 key: str | None = None, parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.document = document
        self.undo_stack = undo_stack
        self.store = store
        self.key = key or DraftStore.new_key()
        self.dirty = key is not None
        """True when the model holds work that is in no file (a recovered draft counts)."""
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.write)
        undo_stack.indexChanged.connect(self._edited)

    def _edited(self, _index: int = 0) -> None:
        if not shiboken6.isValid(self.undo_stack):
            return  # the window is being destroyed; closeEvent has dealt with the draft
        if self.undo_stack.isClean() and not self.dirty:
            self.timer.stop()
            self.discard()
        else:
            self.timer.start()

    def mark_dirty(self) -> None:
        self.dirty = True
        self.timer.start()

    def write(self) -> Path | None:
        """Write the draft now (normally the timer does this)."""
        self.timer.stop()
        try:
            return self.store.write(self.key, self.document.model, self.document.path)
        except (OSError, OrgDesignerError, ValueError) as exc:
            self.failed.emit(str(exc))
            return None

    def saved(self) -> None:
        """The model is in its file now: the draft is no longer needed."""
        self.dirty = False
        self.timer.stop()
        self.discard()

    def discard(self) -> None:
        self.timer.stop()
        try:
            self.store.discard(self.key)
        except OSError as exc:  # pragma: no cover - a read-only drafts folder
            self.failed.emit(str(exc))
