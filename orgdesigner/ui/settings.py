"""The program's settings (QSettings) with a schema version, migrations and safe defaults.

Stored: window geometry and dock layout, recent files, the autosave interval, the
language, grid and snap, the last choices of the PDF and image exports and their folders,
and which severities the rule panel shows. Every part of the program reads and writes
settings through :class:`Settings` (never a bare ``QSettings()``), so that all of them
live in the same file – also the portable one of ``ORGDESIGNER_DATA_DIR`` – and a broken
value falls back to its default instead of stopping a dialog. The settings carry ``schema_version``; settings written by an
older program are migrated step by step (:data:`MIGRATIONS`), settings written by a newer
one are read as far as they are understood and never downgraded.

Nothing in a settings file can stop the program: a file Qt cannot parse is copied to
``<name>.corrupt`` and replaced by the defaults, a single unusable value (wrong type, out
of range) is replaced by its default. Each such repair leaves a short German note in
:attr:`Settings.notes` (the window shows it in the status bar) and in the log.

Environment variables, for tests and portable installations:

``ORGDESIGNER_DATA_DIR``
    keep the settings (``settings.ini``) and the autosave drafts (``drafts/``) in this
    folder instead of the user's configuration and application-data folders.
``ORGDESIGNER_AUTOSAVE_SECONDS``
    override the autosave interval (the end-to-end crash test uses one second).
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
DATA_DIR_ENV = "ORGDESIGNER_DATA_DIR"
AUTOSAVE_ENV = "ORGDESIGNER_AUTOSAVE_SECONDS"

DEFAULT_AUTOSAVE_SECONDS = 60
MIN_AUTOSAVE_SECONDS = 10
MAX_AUTOSAVE_SECONDS = 3600
MIN_AUTOSAVE_MINUTES = 1
MAX_AUTOSAVE_MINUTES = MAX_AUTOSAVE_SECONDS // 60
MAX_RECENT = 8
LANGUAGES = ("de", "en")

KEY_VERSION = "schema_version"
KEY_RECENT = "files/recent"
KEY_GEOMETRY = "window/geometry"
KEY_STATE = "window/state"
KEY_AUTOSAVE = "autosave/interval_seconds"
KEY_LANGUAGE = "ui/language"
KEY_GRID = "canvas/grid"
KEY_SNAP = "canvas/snap"
KEY_STRAIGHT = "canvas/straight_lines"
KEY_SHOW_LEAD = "canvas/show_lead"
KEY_PDF = "pdf_export"
KEY_IMAGE = "image_export"
KEY_SHOW_SEVERITY = "rules/show_{0}"

PAPERS = ("a4", "a3")
IMAGE_FORMATS = ("png", "svg")


def data_dir() -> Path | None:
    """The folder named by ``ORGDESIGNER_DATA_DIR``, or ``None`` (use the system folders)."""
    value = os.environ.get(DATA_DIR_ENV, "").strip()
    return Path(value) if value else None


def new_qsettings() -> QSettings:
    """The program's QSettings: the usual place, or ``ORGDESIGNER_DATA_DIR/settings.ini``."""
    folder = data_dir()
    if folder is not None:
        return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings()


# ---------------------------------------------------------------------------
# migrations
# ---------------------------------------------------------------------------
def _migrate_0_to_1(q: QSettings) -> None:
    """Version 0 (the first program, unversioned) kept the recent files in ``recent_files``."""
    if q.contains("recent_files"):
        value = q.value("recent_files")
        q.remove("recent_files")
        if not q.contains(KEY_RECENT):
            q.setValue(KEY_RECENT, value)


MIGRATIONS: dict[int, Callable[[QSettings], None]] = {0: _migrate_0_to_1}
"""``MIGRATIONS[v]`` turns version-``v`` settings into version ``v + 1`` settings."""


# ---------------------------------------------------------------------------
# plain-value checks (ini files store everything as text)
# ---------------------------------------------------------------------------
def _as_bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "1", "0"):
        return value.strip().lower() in ("true", "1")
    return None


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None


class Settings:
    """Typed, checked access to the program's settings.

    Create one where settings are read or written; creating it checks the file (and
    migrates it once). ``notes`` lists what had to be repaired, in German.
    """

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.q = qsettings if qsettings is not None else new_qsettings()
        self.notes: list[str] = []
        self._check_file()
        self._check_version()

    # -- file-level checks ------------------------------------------------------------
    def _note(self, text: str) -> None:
        self.notes.append(text)
        log.warning("%s", text)

    def _check_file(self) -> None:
        self.q.allKeys()  # reading the file is what reveals a format error
        if self.q.status() != QSettings.Status.FormatError:
            return
        self._reset(QCoreApplication.translate(
            "Settings", "Die Einstellungsdatei war beschädigt und wurde durch die "
            "Standardeinstellungen ersetzt."))  # fmt: skip

    def _reset(self, why: str) -> None:
        """Keep a copy of the unusable file, then start again from the defaults."""
        name = self.q.fileName()
        saved = ""
        if name and Path(name).is_file():
            copy = Path(name + ".corrupt")
            try:
                shutil.copyfile(name, copy)
                saved = " " + QCoreApplication.translate(
                    "Settings", "Die alte Datei liegt unter {0}.").format(copy)  # fmt: skip
            except OSError:
                pass
        self.q.clear()
        self.q.setValue(KEY_VERSION, SCHEMA_VERSION)
        self.q.sync()
        self.q = QSettings(name, self.q.format()) if name else new_qsettings()
        self._note(why + saved)

    def _check_version(self) -> None:
        keys = [k for k in self.q.allKeys() if k]
        if not self.q.contains(KEY_VERSION):
            version = 0 if keys else SCHEMA_VERSION  # no version: the first program, or new
        else:
            found = _as_int(self.q.value(KEY_VERSION))
            if found is None or found < 0:
                self._reset(QCoreApplication.translate(
                    "Settings", "Die Einstellungen hatten eine unbekannte Fassung und wurden "
                    "auf die Standardwerte zurückgesetzt."))  # fmt: skip
                return
            version = found
        if version > SCHEMA_VERSION:
            log.info("settings schema %s is newer than %s: read as far as known",
                     version, SCHEMA_VERSION)  # fmt: skip
            return
        while version < SCHEMA_VERSION:
            MIGRATIONS[version](self.q)
            version += 1
        self.q.setValue(KEY_VERSION, SCHEMA_VERSION)

    @property
    def schema_version(self) -> int | None:
        return _as_int(self.q.value(KEY_VERSION))

    # -- checked values ---------------------------------------------------------------
    def _invalid(self, key: str) -> None:
        """A value that cannot be used: note it once and remove it (the default applies)."""
        self.q.remove(key)
        self._note(QCoreApplication.translate(
            "Settings", "Eine Einstellung war ungültig und wurde auf den Standardwert "
            "zurückgesetzt ({0}).").format(key))  # fmt: skip

    def _bool(self, key: str, default: bool) -> bool:
        if not self.q.contains(key):
            return default
        value = _as_bool(self.q.value(key))
        if value is None:
            self._invalid(key)
            return default
        return value

    def _bytes(self, key: str) -> QByteArray | None:
        if not self.q.contains(key):
            return None
        value = self.q.value(key)
        if isinstance(value, QByteArray):
            return value if not value.isEmpty() else None
        self._invalid(key)
        return None

    def recent_files(self) -> list[str]:
        if not self.q.contains(KEY_RECENT):
            return []
        value = self.q.value(KEY_RECENT)
        if isinstance(value, str):
            value = [value] if value else []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self._invalid(KEY_RECENT)
            return []
        return [v for v in value if v][:MAX_RECENT]

    def set_recent_files(self, files: list[str]) -> None:
        self.q.setValue(KEY_RECENT, list(files[:MAX_RECENT]))

    def add_recent(self, path: Path) -> None:
        name = str(path.resolve())
        self.set_recent_files([name, *(f for f in self.recent_files() if f != name)])

    def geometry(self) -> QByteArray | None:
        return self._bytes(KEY_GEOMETRY)

    def window_state(self) -> QByteArray | None:
        return self._bytes(KEY_STATE)

    def set_layout(self, geometry: QByteArray, state: QByteArray) -> None:
        self.q.setValue(KEY_GEOMETRY, geometry)
        self.q.setValue(KEY_STATE, state)

    def grid(self) -> bool:
        return self._bool(KEY_GRID, False)

    def snap(self) -> bool:
        return self._bool(KEY_SNAP, False)

    def set_grid(self, on: bool) -> None:
        self.q.setValue(KEY_GRID, bool(on))

    def set_snap(self, on: bool) -> None:
        self.q.setValue(KEY_SNAP, bool(on))

    def straight_lines(self) -> bool:
        """Relations as straight lines instead of orthogonal routes (canvas, PDF, print)."""
        return self._bool(KEY_STRAIGHT, False)

    def set_straight_lines(self, on: bool) -> None:
        self.q.setValue(KEY_STRAIGHT, bool(on))

    def show_lead(self) -> bool:
        """Unit cards on the canvas show the lead person (Ansicht menu)."""
        return self._bool(KEY_SHOW_LEAD, False)

    def set_show_lead(self, on: bool) -> None:
        self.q.setValue(KEY_SHOW_LEAD, bool(on))

    def autosave_seconds(self) -> int:
        """Seconds between drafts while there are unsaved changes (the variable overrides)."""
        override = _as_int(os.environ.get(AUTOSAVE_ENV))
        if override is not None and override > 0:
            return override
        if not self.q.contains(KEY_AUTOSAVE):
            return DEFAULT_AUTOSAVE_SECONDS
        value = _as_int(self.q.value(KEY_AUTOSAVE))
        if value is None or not MIN_AUTOSAVE_SECONDS <= value <= MAX_AUTOSAVE_SECONDS:
            self._invalid(KEY_AUTOSAVE)
            return DEFAULT_AUTOSAVE_SECONDS
        return value

    def autosave_minutes(self) -> int:
        """The interval as the settings dialog offers it: whole minutes, at least one."""
        return max(MIN_AUTOSAVE_MINUTES, min(MAX_AUTOSAVE_MINUTES, round(self.autosave_seconds() / 60)))

    def set_autosave_minutes(self, minutes: int) -> None:
        minutes = max(MIN_AUTOSAVE_MINUTES, min(MAX_AUTOSAVE_MINUTES, int(minutes)))
        self.set_autosave_seconds(minutes * 60)

    def set_autosave_seconds(self, seconds: int) -> None:
        seconds = max(MIN_AUTOSAVE_SECONDS, min(MAX_AUTOSAVE_SECONDS, int(seconds)))
        self.q.setValue(KEY_AUTOSAVE, seconds)

    def language(self) -> str | None:
        """``"de"`` or ``"en"``, or ``None`` to follow the system."""
        if not self.q.contains(KEY_LANGUAGE):
            return None
        value = self.q.value(KEY_LANGUAGE)
        if value in ("", None):
            return None
        if value not in LANGUAGES:
            self._invalid(KEY_LANGUAGE)
            return None
        return str(value)

    def set_language(self, lang: str | None) -> None:
        if lang in LANGUAGES:
            self.q.setValue(KEY_LANGUAGE, lang)
        else:
            self.q.remove(KEY_LANGUAGE)

    # -- exports ----------------------------------------------------------------------
    def _choice(self, key: str, allowed: tuple[str, ...], default: str) -> str:
        if not self.q.contains(key):
            return default
        value = self.q.value(key)
        if value not in allowed:
            self._invalid(key)
            return default
        return str(value)

    def export_folder(self, kind: str) -> Path | None:
        """The folder of the last export of ``kind`` (``pdf_export``, ``image_export``)."""
        key = f"{kind}/folder"
        value = self.q.value(key, "")
        if not isinstance(value, str):
            self._invalid(key)
            return None
        return Path(value) if value else None

    def set_export_folder(self, kind: str, folder: Path) -> None:
        self.q.setValue(f"{kind}/folder", str(folder))

    def pdf_paper(self) -> str:
        return self._choice(f"{KEY_PDF}/paper", PAPERS, "a4")

    def pdf_split(self) -> str:
        """``"fit"``, ``"auto"`` or ``"<cols>x<rows>"`` as stored (the dialog bounds it)."""
        key = f"{KEY_PDF}/tiles"
        value = self.q.value(key, "fit")
        if value in ("fit", "auto"):
            return str(value)
        cols, sep, rows = str(value).partition("x")
        if sep and cols.isdigit() and rows.isdigit():
            return f"{int(cols)}x{int(rows)}"
        self._invalid(key)
        return "fit"

    def pdf_parts(self) -> set[str] | None:
        """The appendix parts last chosen, or ``None`` when never chosen (all of them)."""
        key = f"{KEY_PDF}/parts"
        if not self.q.contains(key):
            return None
        value = self.q.value(key)
        if isinstance(value, list):  # an INI file reads "a,b" back as a list
            value = ",".join(str(v) for v in value)
        if not isinstance(value, str):
            self._invalid(key)
            return None
        return {part for part in value.split(",") if part}

    def pdf_pdfa(self) -> bool:
        return self._bool(f"{KEY_PDF}/pdfa", True)

    def set_pdf_choices(self, paper: str, split: str, parts: list[str], pdfa: bool) -> None:
        self.q.setValue(f"{KEY_PDF}/paper", paper)
        self.q.setValue(f"{KEY_PDF}/tiles", split)
        self.q.setValue(f"{KEY_PDF}/parts", ",".join(parts))
        self.q.setValue(f"{KEY_PDF}/pdfa", bool(pdfa))

    def image_format(self) -> str:
        return self._choice(f"{KEY_IMAGE}/format", IMAGE_FORMATS, "png")

    def image_dpi(self, allowed: tuple[int, ...], default: int) -> int:
        key = f"{KEY_IMAGE}/dpi"
        if not self.q.contains(key):
            return default
        value = _as_int(self.q.value(key))
        if value not in allowed:
            self._invalid(key)
            return default
        return value

    def set_image_choices(self, fmt: str, dpi: int) -> None:
        self.q.setValue(f"{KEY_IMAGE}/format", fmt)
        self.q.setValue(f"{KEY_IMAGE}/dpi", int(dpi))

    # -- rule panel -------------------------------------------------------------------
    def show_severity(self, severity: str) -> bool:
        return self._bool(KEY_SHOW_SEVERITY.format(severity), True)

    def set_show_severity(self, severity: str, visible: bool) -> None:
        self.q.setValue(KEY_SHOW_SEVERITY.format(severity), bool(visible))

    def sync(self) -> None:
        self.q.sync()
