"""Autosave drafts and change detection, without Qt (the GUI supplies folder and timer).

A :class:`DraftStore` keeps one draft per open document in a folder of the user's
application data: ``<key>.orgmodel.json`` (the model, written atomically) and
``<key>.draft.json`` (the original file's path, the time, the number of units). After a
crash the program lists :meth:`DraftStore.recoverable` drafts — those newer than their
file, or of untitled models — and offers them. Drafts are removed after a clean save or a
discarded close.

:class:`FileStamp` tells whether a file on disk changed since it was opened or saved
(another colleague saved over it, it was moved or deleted).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

from orgdesigner import fileformat
from orgdesigner.model import OrgModel

_KEY = re.compile(r"^[0-9a-f]{32}$")


@dataclass(frozen=True)
class Draft:
    key: str
    original: Path | None
    saved_at: dt.datetime
    units: int
    title: str
    path: Path
    session: str = ""
    """The program run that wrote the draft (see ``orgdesigner.ui.autosave.Session``)."""
    base: FileStamp | None = None
    """The original file as the window had opened or last saved it."""

    def newer_than_original(self) -> bool:
        """True when the draft holds work the original file does not (or there is none).

        That is when the draft is newer than the file, and also when the file was changed
        by someone else after the window opened it (the draft's work is not in that file).
        """
        if self.original is None:
            return True
        try:
            mtime = self.original.stat().st_mtime
        except OSError:
            return True  # file gone: the draft is all there is
        if self.base is not None and self.base.changed(self.original) is not None:
            return True
        return self.saved_at.timestamp() > mtime

    def original_changed(self) -> bool:
        """True when the original file changed (or went) after the window opened it."""
        if self.original is None or self.base is None:
            return False
        return self.base.changed(self.original) is not None


class DraftStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @staticmethod
    def new_key() -> str:
        return uuid.uuid4().hex

    def _model_path(self, key: str) -> Path:
        return self.folder / f"{key}.orgmodel.json"

    def _info_path(self, key: str) -> Path:
        return self.folder / f"{key}.draft.json"

    def write(
        self,
        key: str,
        model: OrgModel,
        original: Path | None,
        now: dt.datetime | None = None,
        *,
        session: str = "",
        base: FileStamp | None = None,
    ) -> Path:
        """Write the draft of document ``key`` atomically; return its path.

        ``session`` names the program run that keeps the draft up to date; ``base`` is the
        original file as that window last read or wrote it.
        """
        if not _KEY.match(key):
            raise ValueError(f"invalid draft key {key!r}")
        self.folder.mkdir(parents=True, exist_ok=True)
        when = now or dt.datetime.now(dt.UTC)
        target = self._model_path(key)
        fileformat.write_atomic(target, fileformat.dumps(model), backup=False, private=True)
        info = {
            "original": str(original) if original is not None else None,
            "saved_at": when.isoformat(),
            "units": len(model.nodes),
            "title": model.meta.title,
            "session": session,
            "base": asdict(base) if base is not None else None,
        }
        data = (json.dumps(info, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        fileformat.write_atomic(self._info_path(key), data, backup=False, private=True)
        return target

    def drafts(self) -> list[Draft]:
        """All readable drafts, newest first; unreadable sidecars are ignored, not deleted."""
        found: list[Draft] = []
        if not self.folder.is_dir():
            return found
        for info_path in self.folder.glob("*.draft.json"):
            key = info_path.name.removesuffix(".draft.json")
            model_path = self._model_path(key)
            if not _KEY.match(key) or not model_path.is_file():
                continue
            try:
                info = json.loads(info_path.read_text(encoding="utf-8"))
                saved_at = dt.datetime.fromisoformat(info["saved_at"])
                original = Path(info["original"]) if info.get("original") else None
                found.append(
                    Draft(
                        key,
                        original,
                        saved_at,
                        int(info.get("units", 0)),
                        str(info.get("title", "")),
                        model_path,
                        str(info.get("session") or ""),
                        FileStamp.from_dict(info.get("base")),
                    )
                )
            except (OSError, ValueError, KeyError, TypeError):
                continue
        found.sort(key=lambda d: d.saved_at, reverse=True)
        return found

    def recoverable(self) -> list[Draft]:
        """Drafts that hold work not in their file (newest first)."""
        return [d for d in self.drafts() if d.newer_than_original()]

    def load(self, draft: Draft) -> OrgModel:
        """The draft's model; raises ``ModelFileError`` when it cannot be read."""
        return fileformat.load(draft.path)

    def discard(self, key: str) -> None:
        for path in (self._model_path(key), self._info_path(key)):
            path.unlink(missing_ok=True)


@dataclass(frozen=True)
class FileStamp:
    """What a file looked like when it was opened or saved."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, path: Path) -> FileStamp | None:
        """The file's stamp, or ``None`` when it does not exist (any more)."""
        try:
            st = path.stat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return None
        return cls(st.st_size, st.st_mtime_ns, digest)

    @classmethod
    def from_dict(cls, data: object) -> FileStamp | None:
        """The stamp stored in a draft's sidecar, or ``None`` when absent or unreadable."""
        if not isinstance(data, dict):
            return None
        size, mtime_ns, sha256 = data.get("size"), data.get("mtime_ns"), data.get("sha256")
        if isinstance(size, int) and isinstance(mtime_ns, int) and isinstance(sha256, str):
            return cls(size, mtime_ns, sha256)
        return None

    def changed(self, path: Path) -> str | None:
        """``None`` when unchanged, ``"deleted"`` when gone, ``"modified"`` when different.

        A touched file with the same content counts as unchanged.
        """
        try:
            st = path.stat()
        except OSError:
            return "deleted"
        if st.st_size == self.size and st.st_mtime_ns == self.mtime_ns:
            return None
        now = FileStamp.of(path)
        if now is None:
            return "deleted"
        return None if now.sha256 == self.sha256 else "modified"


__all__ = ["Draft", "DraftStore", "FileStamp"]
