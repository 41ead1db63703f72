"""The error types of the core: one for unreadable model files, one for failed saves.

Each carries the file, the JSON path (where there is one) and a message in German and
English; ``str(error)`` gives the message in the current language.
"""

from __future__ import annotations

from pathlib import Path

from orgdesigner.i18n import current_language


class OrgDesignerError(Exception):
    """Base class of the errors the program reports to users."""

    def __init__(
        self,
        code: str,
        message_de: str,
        message_en: str,
        path: Path | None = None,
        json_path: str = "",
    ) -> None:
        super().__init__(message_de)
        self.code = code
        self.message_de = message_de
        self.message_en = message_en
        self.path = path
        self.json_path = json_path

    def message(self, lang: str | None = None) -> str:
        """The full message: file, JSON path (if any) and what is wrong."""
        en = (lang or current_language()) == "en"
        text = self.message_en if en else self.message_de
        where = []
        if self.path is not None:
            where.append(str(self.path))
        if self.json_path:
            where.append(("at " if en else "an der Stelle ") + self.json_path)
        return (", ".join(where) + ": " + text) if where else text

    def __str__(self) -> str:
        return self.message()


class ModelFileError(OrgDesignerError):
    """A model file cannot be read: too big, not JSON, wrong format or version, invalid."""


class SaveError(OrgDesignerError):
    """A model could not be saved; the previous file on disk is unchanged."""
