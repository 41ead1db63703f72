"""A document: one model being edited, the file it came from, and change notification.

The document is the single source of truth. Edits go through :meth:`Document.execute`
(or ``apply``/``revert`` for an undo stack that owns the commands); after each, the
document emits ``changed`` with the :class:`~orgdesigner.commands.ChangeSet`, but only
when something really changed. The scene and the rule panel follow this signal.
"""

from __future__ import annotations

from pathlib import Path

from orgdesigner import fileformat
from orgdesigner.commands import ChangeSet, Command
from orgdesigner.events import Signal
from orgdesigner.model import OrgModel


class Document:
    def __init__(self, model: OrgModel | None = None, path: Path | None = None) -> None:
        self.model = model if model is not None else OrgModel()
        self.path = path
        self.changed: Signal[ChangeSet] = Signal()
        self.reset: Signal[OrgModel] = Signal()
        """Emitted when the whole model is replaced (reload, restore)."""

    # -- editing -----------------------------------------------------------------
    def apply(self, command: Command) -> ChangeSet:
        changes = command.apply(self.model)
        if not changes.is_empty():
            self.changed.emit(changes)
        return changes

    def revert(self, command: Command) -> ChangeSet:
        changes = command.revert(self.model)
        if not changes.is_empty():
            self.changed.emit(changes)
        return changes

    execute = apply

    def replace_model(self, model: OrgModel) -> None:
        self.model = model
        self.reset.emit(model)

    # -- files -----------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path) -> Document:
        p = Path(path)
        return cls(fileformat.load(p), p)

    def save(self, path: str | Path | None = None) -> Path:
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("no file name: use save(path)")
        fileformat.save(self.model, target)
        self.path = target
        return target
