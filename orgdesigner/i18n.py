"""Language selection for texts produced outside Qt (core messages, catalog, rules).

German is the primary language, English the second. The GUI sets the language once at
start-up (from the settings or the system locale); the command line from ``--lang``.
Qt widgets translate their own strings through Qt's translation system.
"""

from __future__ import annotations

import locale
import os
from typing import Literal

Language = Literal["de", "en"]
LANGUAGES: tuple[Language, ...] = ("de", "en")

_current: Language = "de"


def set_language(lang: str) -> None:
    """Select the language for core messages; unknown values fall back to German."""
    global _current
    _current = "en" if lang == "en" else "de"


def current_language() -> Language:
    return _current


def system_language() -> Language:
    """Return ``en`` when the system locale is English, else German (the default)."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "en" if value.lower().startswith("en") else "de"
    loc = locale.getlocale()[0] or ""
    return "en" if loc.lower().startswith("en") else "de"


def pick(de: str, en: str, lang: str | None = None) -> str:
    """Return the text for ``lang`` (default: the current language)."""
    return en if (lang or _current) == "en" else de
