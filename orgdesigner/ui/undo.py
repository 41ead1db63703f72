"""The thin adapter between core commands and Qt's undo stack.

``redo`` applies the command to the document, ``undo`` reverts it; nothing else. The
document announces the change and the scene follows, so a command never touches items.
Adapters pushed with the same ``merge_id`` (not -1) merge as their core commands say
(:meth:`~orgdesigner.commands.Command.merged`): typing on in one answer field is one step.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from orgdesigner.commands import Command
from orgdesigner.document import Document


class UndoAdapter(QUndoCommand):
    def __init__(self, document: Document, command: Command, merge_id: int = -1) -> None:
        super().__init__(command.text())
        self.document = document
        self.command = command
        self._merge_id = merge_id

    def id(self) -> int:
        return self._merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, UndoAdapter):
            return False
        combined = self.command.merged(other.command)
        if combined is None:
            return False
        self.command = combined
        self.setText(combined.text())
        if combined.changes_nothing():
            self.setObsolete(True)  # typed and deleted again: no step is left
        return True

    def redo(self) -> None:
        self.document.apply(self.command)
        self.setText(self.command.text())  # names the unit, known once applied

    def retranslate(self) -> None:
        """Name the step in the language chosen now."""
        self.setText(self.command.text())

    def undo(self) -> None:
        self.document.revert(self.command)
