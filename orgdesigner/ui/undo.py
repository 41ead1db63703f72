"""The thin adapter between core commands and Qt's undo stack.

``redo`` applies the command to the document, ``undo`` reverts it; nothing else. The
document announces the change and the scene follows, so a command never touches items.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from orgdesigner.commands import Command
from orgdesigner.document import Document


class UndoAdapter(QUndoCommand):
    def __init__(self, document: Document, command: Command) -> None:
        super().__init__(command.text())
        self.document = document
        self.command = command

    def redo(self) -> None:
        self.document.apply(self.command)

    def undo(self) -> None:
        self.document.revert(self.command)
