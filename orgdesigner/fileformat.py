"""The ``.orgmodel`` file format (version 1), see ``docs/file-format.md``.

Loading runs in this order and stops at the first problem, raising
:class:`~orgdesigner.errors.ModelFileError` with the file, the JSON path and a German and
English message: size limit → UTF-8 decoding (a BOM is accepted) → JSON parsing (depth,
duplicate keys) → ``format`` tag → ``format_version`` → migrations to the current
version → pydantic validation → references (ids unique, relation ends exist).

Saving writes stable, indented UTF-8 JSON with a trailing newline (the same model gives
the same bytes), atomically: a temporary file in the same folder is written, flushed and
synced, the previous file is copied to ``<name>.bak``, then the temporary file replaces
the target. A failed save raises :class:`~orgdesigner.errors.SaveError` and leaves the
previous file untouched.

Saved files are for colleagues too (a shared drive): a new file gets the permissions the
user's umask and the folder's default ACL give any new file (``0666 & ~umask``, so 0644
under umask 022), an overwritten file and its ``.bak`` copy keep the previous file's mode
and, where the system permits, its group. Only ``private=True`` (the autosave drafts in
the user's own data folder) writes files that only their owner can read.

Model files are named ``*.orgmodel`` (:data:`SUFFIX`); ``*.orgmodel.json`` (the name
before version 0.2) and ``*.json`` open as well (:data:`OPEN_SUFFIXES`).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import secrets
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from orgdesigner import FORMAT_NAME, FORMAT_VERSION
from orgdesigner.errors import ModelFileError, SaveError
from orgdesigner.model import Edge, Meta, Node, OrgModel, find_reference_problem

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Files above 20 MB are refused: a realistic model of 10,000 units is about 3 MB."""

MAX_DEPTH = sys.getrecursionlimit()
"""JSON nested deeper than the parser's recursion limit is refused as "too deep"; shallower
oddities (a valid file is 4 levels deep) fail validation at their JSON path."""

SUFFIX = ".orgmodel"
"""The extension of model files: one of its own, so that Windows and macOS, which type a
file by its last extension only, open a model by double-click."""
LEGACY_SUFFIX = ".orgmodel.json"
"""The extension used before: such files keep opening (and keep their name when saved)."""
OPEN_SUFFIXES = (SUFFIX, LEGACY_SUFFIX, ".json")
"""Names the open dialog offers; longest-first matching is done by :func:`model_stem`."""
BACKUP_SUFFIX = ".bak"


def model_stem(name: str) -> str:
    """``name`` without its model extension (``plan.orgmodel.json`` → ``plan``)."""
    lower = name.lower()
    for suffix in (LEGACY_SUFFIX, SUFFIX, ".json"):
        if lower.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def is_model_name(name: str) -> bool:
    """True when ``name`` carries a model extension (``.orgmodel`` or ``.orgmodel.json``)."""
    return name.lower().endswith((SUFFIX, LEGACY_SUFFIX))


def with_model_suffix(path: Path) -> Path:
    """``path`` as a model file name: kept when it already ends in ``.orgmodel`` or
    ``.orgmodel.json``, else ``.json`` is replaced by or ``.orgmodel`` is added."""
    if is_model_name(path.name):
        return path
    return path.with_name(model_stem(path.name) + SUFFIX)


# ---------------------------------------------------------------------------
# loading
# ---------------------------------------------------------------------------
def load(path: str | os.PathLike[str]) -> OrgModel:
    """Read, check and return the model stored at ``path``."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _error("too_large", p, size=_mb(size), limit=_mb(MAX_FILE_BYTES))
        with p.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise _error("not_found", p) from None
    except IsADirectoryError:
        raise _error("is_directory", p) from None
    except PermissionError:
        raise _error("no_permission", p) from None
    except OSError as exc:
        raise _error("os_error", p, reason=exc.strerror or str(exc)) from None
    return loads(data, p)


def loads(data: bytes | str, path: Path | None = None) -> OrgModel:
    """Check and return the model in ``data`` (the bytes of a file); ``path`` names it."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > MAX_FILE_BYTES:
        raise _error("too_large", path, size=_mb(len(data)), limit=_mb(MAX_FILE_BYTES))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data":
            raise _error("truncated", path, line=data.count(b"\n") + 1) from None
        raise _error("not_utf8", path, pos=exc.start) from None
    if not text.strip():
        raise _error("empty", path)
    document = _parse_json(text, path)
    return _from_document(document, path)


def _parse_json(text: str, path: Path | None) -> Any:
    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(items)
        if len(result) != len(items):  # only then look for the key that came twice
            seen: set[str] = set()
            for key, _value in items:
                if key in seen:
                    raise _DuplicateKeyError(key)
                seen.add(key)
        return result

    def constant(name: str) -> float:
        return float(name)  # NaN/Infinity: rejected later with the JSON path

    try:
        document = json.loads(text, object_pairs_hook=pairs, parse_constant=constant)
    except _DuplicateKeyError as exc:
        raise _error("duplicate_key", path, key=exc.key) from None
    except RecursionError:
        raise _error("too_deep", path, limit=MAX_DEPTH) from None
    except json.JSONDecodeError as exc:
        at_end = exc.pos >= len(text.rstrip()) - 1 and exc.msg.startswith("Expecting")
        if at_end or exc.msg.startswith("Unterminated string"):
            raise _error("truncated", path, line=exc.lineno) from None
        raise _error("not_json", path, line=exc.lineno, column=exc.colno) from None
    return document


class _DuplicateKeyError(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _from_document(document: Any, path: Path | None) -> OrgModel:
    if not isinstance(document, dict):
        kind_de, kind_en = _json_kind(document)
        raise _error("not_object", path, kind_de=kind_de, kind_en=kind_en)
    fmt = document.get("format")
    if fmt != FORMAT_NAME:
        raise _error("wrong_format", path, json_path="format", found=_short(fmt))
    version = document.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise _error("bad_version", path, json_path="format_version", found=_short(version))
    if version > FORMAT_VERSION:
        raise _error(
            "too_new", path, json_path="format_version", found=version, supported=FORMAT_VERSION
        )
    if version < min(MIGRATIONS):
        raise _error("bad_version", path, json_path="format_version", found=_short(version))
    document = migrate(document)
    body = {k: v for k, v in document.items() if k not in ("format", "format_version")}
    try:
        return OrgModel.model_validate(body)
    except ValidationError as exc:
        raise _validation_error(exc.errors()[0], path) from None


# ---------------------------------------------------------------------------
# migrations
# ---------------------------------------------------------------------------
def _migrate_0_to_1(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 0, the prototype format: ``kind`` for the level, ``pos: [x, y]``,
    relations with ``from``/``to``/``relation``, reflection answers under ``answers``."""
    out = {k: v for k, v in doc.items() if k not in ("answers",)}
    nodes = []
    for node in _as_list(doc.get("nodes", [])):
        if isinstance(node, dict):
            node = dict(node)
            if "kind" in node:
                node["level"] = node.pop("kind")
            pos = node.pop("pos", None)
            if isinstance(pos, list) and len(pos) == 2:
                node["x"], node["y"] = pos
        nodes.append(node)
    edges = []
    for edge in _as_list(doc.get("edges", [])):
        if isinstance(edge, dict):
            edge = dict(edge)
            for old, new in (("from", "source"), ("to", "target"), ("relation", "type")):
                if old in edge:
                    edge[new] = edge.pop(old)
        edges.append(edge)
    out["nodes"], out["edges"] = nodes, edges
    if "answers" in doc:
        out["reflection"] = doc["answers"]
    out["format_version"] = 1
    return out


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _migrate_1_to_2(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 2 adds a unit's ``functions`` (DOMAIN.md §7), stored only where they differ
    from its form's defaults. A version-1 unit holds its form's defaults: nothing to change.
    The version number is what tells an older program that it cannot read a ``functions``
    list, instead of a message about an unknown field."""
    return dict(doc)


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    0: _migrate_0_to_1,
    1: _migrate_1_to_2,
}
"""``MIGRATIONS[v]`` turns a version-``v`` document into a version ``v + 1`` document."""


def migrate(document: dict[str, Any]) -> dict[str, Any]:
    """Apply the migrations from the document's version up to the current one."""
    version = int(document["format_version"])
    while version < FORMAT_VERSION:
        document = MIGRATIONS[version](document)
        version += 1
        document["format_version"] = version
    return document


# ---------------------------------------------------------------------------
# saving
# ---------------------------------------------------------------------------
_ALWAYS = {"id", "level", "x", "y", "type", "source", "target"}


def _compact(value: Node | Edge) -> dict[str, Any]:
    full = value.model_dump(mode="json")
    set_ = value.model_dump(mode="json", exclude_defaults=True)
    return {k: v for k, v in full.items() if k in set_ or k in _ALWAYS}


def _question_key(key: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", key))


def to_document(model: OrgModel) -> dict[str, Any]:
    """Return the JSON document of ``model`` with the stable key order of the format."""
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "meta": model.meta.model_dump(mode="json", exclude_none=True),
        "nodes": [_compact(n) for n in model.nodes],
        "edges": [_compact(e) for e in model.edges],
        "reflection": {k: model.reflection[k] for k in sorted(model.reflection, key=_question_key)},
        "suppressed_rules": dict(sorted(model.suppressed_rules.items())),
    }


def dumps(model: OrgModel) -> bytes:
    """Return the file content for ``model``: indented UTF-8 JSON, trailing newline."""
    text = json.dumps(to_document(model), ensure_ascii=False, indent=2, allow_nan=False)
    return (text + "\n").encode("utf-8")


def backup_path(path: str | os.PathLike[str]) -> Path:
    p = Path(path)
    return p.with_name(p.name + BACKUP_SUFFIX)


def save(model: OrgModel, path: str | os.PathLike[str], *, backup: bool = True) -> None:
    """Save ``model`` to ``path`` atomically; keep the previous file as ``<name>.bak``.

    A model whose references are broken (a program error, never a user's) is refused
    with ``ValueError`` before anything is written.
    """
    problem = find_reference_problem(model)
    if problem is not None:
        raise ValueError(f"refusing to save an inconsistent model: {problem}")
    write_atomic(Path(path), dumps(model), backup=backup)


def write_atomic(target: Path, data: bytes, *, backup: bool = True, private: bool = False) -> None:
    """Write ``data`` to ``target`` so that ``target`` is always complete (old or new).

    The new file gets the permissions of the file it replaces (mode, and group where
    permitted); a file that did not exist gets what the umask gives a new file, or
    owner-only permissions when ``private``.
    """
    folder = target.parent if str(target.parent) else Path(".")
    tmp_name = ""
    try:
        if target.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(target))
        fd, tmp_name = _create_temporary(folder, target.name, 0o600 if private else 0o666)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            _copy_permissions(target, Path(tmp_name))
            if backup:
                _copy_atomic(target, backup_path(target))
        os.replace(tmp_name, target)
        tmp_name = ""
        _fsync_dir(folder)
    except OSError as exc:
        raise _save_error(exc, target) from None
    finally:
        if tmp_name:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


_CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def _create_temporary(folder: Path, name: str, mode: int) -> tuple[int, str]:
    """Create a new temporary file next to the target; the system applies the umask (and a
    default ACL of the folder) to ``mode``, as for any new file. ``tempfile.mkstemp``
    would always create it owner-only."""
    for _attempt in range(100):
        path = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(path, _CREATE_FLAGS, mode), path
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(folder))


def _copy_permissions(source: Path, dest: Path) -> None:
    """Give ``dest`` the mode and (where permitted) the group of ``source``."""
    st = source.stat()
    if hasattr(os, "chown") and st.st_gid != dest.stat().st_gid:
        with contextlib.suppress(OSError):  # only a member of the group may set it
            os.chown(dest, -1, st.st_gid)
    os.chmod(dest, st.st_mode & 0o777)


def _copy_atomic(source: Path, dest: Path) -> None:
    fd, tmp = _create_temporary(dest.parent, dest.name, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(source.read_bytes())
            fh.flush()
            os.fsync(fh.fileno())
        _copy_permissions(source, Path(tmp))  # the copy is as readable as the original
        os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# ---------------------------------------------------------------------------
# messages
# ---------------------------------------------------------------------------
_MESSAGES: dict[str, tuple[str, str]] = {
    "not_found": ("Die Datei wurde nicht gefunden.", "The file was not found."),
    "is_directory": (
        "Das ist ein Ordner, keine Modelldatei.",
        "This is a folder, not a model file.",
    ),
    "no_permission": ("Keine Berechtigung, die Datei zu lesen.", "No permission to read the file."),
    "os_error": (
        "Die Datei kann nicht gelesen werden ({reason}).",
        "The file cannot be read ({reason}).",
    ),
    "too_large": (
        "Die Datei ist mit {size} zu groß; Modelldateien dürfen höchstens {limit} groß sein.",
        "The file is too large ({size}); model files may be at most {limit}.",
    ),
    "not_utf8": (
        "Die Datei ist nicht UTF-8-kodiert (ungültiges Byte an Position {pos}). Ist es wirklich eine OrgDesigner-Modelldatei?",
        "The file is not UTF-8 encoded (invalid byte at position {pos}). Is it really an OrgDesigner model file?",
    ),
    "empty": ("Die Datei ist leer.", "The file is empty."),
    "truncated": (
        "Die Datei endet unerwartet in Zeile {line} – sie ist vermutlich unvollständig (abgebrochene Übertragung oder Speicherung). Versuchen Sie die Sicherungskopie (.bak).",
        "The file ends unexpectedly at line {line} – it is probably incomplete (interrupted transfer or save). Try the backup copy (.bak).",
    ),
    "not_json": (
        "Die Datei ist kein gültiges JSON (Fehler in Zeile {line}, Spalte {column}).",
        "The file is not valid JSON (error at line {line}, column {column}).",
    ),
    "duplicate_key": (
        "Der Schlüssel „{key}“ kommt in einem Objekt doppelt vor.",
        "The key '{key}' occurs twice in one object.",
    ),
    "too_deep": (
        "Die Datei ist zu tief verschachtelt (mehr als {limit} Ebenen); das ist keine Modelldatei.",
        "The file is nested too deeply (more than {limit} levels); it is not a model file.",
    ),
    "not_object": (
        "Die Datei enthält {kind_de} statt eines JSON-Objekts; das ist keine OrgDesigner-Modelldatei.",
        "The file holds {kind_en} instead of a JSON object; it is not an OrgDesigner model file.",
    ),
    "wrong_format": (
        "Das ist keine OrgDesigner-Modelldatei (Formatkennung {found} statt „orgdesigner-model“).",
        "This is not an OrgDesigner model file (format tag {found} instead of 'orgdesigner-model').",
    ),
    "bad_version": (
        "Ungültige Formatversion {found}.",
        "Invalid format version {found}.",
    ),
    "too_new": (
        "Die Datei wurde mit einer neueren OrgDesigner-Version erstellt (Formatversion {found}; dieses Programm kennt bis Version {supported}). Bitte aktualisieren Sie OrgDesigner.",
        "The file was created with a newer OrgDesigner (format version {found}; this program reads up to version {supported}). Please update OrgDesigner.",
    ),
    "invalid": ("Ungültiger Inhalt: {detail}", "Invalid content: {detail}"),
}

_SAVE_MESSAGES: dict[str, tuple[str, str]] = {
    "no_permission": (
        "Keine Schreibberechtigung. Die bisherige Datei ist unverändert. Speichern Sie unter einem anderen Namen oder in einem anderen Ordner.",
        "No permission to write. The previous file is unchanged. Save under another name or in another folder.",
    ),
    "no_folder": (
        "Der Ordner existiert nicht (mehr) – ist das Netzlaufwerk verbunden? Speichern Sie unter einem anderen Namen.",
        "The folder does not exist (any more) – is the network drive connected? Save under another name.",
    ),
    "disk_full": (
        "Auf dem Datenträger ist kein Platz mehr. Die bisherige Datei ist unverändert.",
        "The disk is full. The previous file is unchanged.",
    ),
    "is_directory": ("Das Ziel ist ein Ordner.", "The target is a folder."),
    "os_error": (
        "Speichern fehlgeschlagen ({reason}). Die bisherige Datei ist unverändert.",
        "Saving failed ({reason}). The previous file is unchanged.",
    ),
}


def _error(code: str, path: Path | None, json_path: str = "", **params: Any) -> ModelFileError:
    de, en = _MESSAGES[code]
    return ModelFileError(code, de.format(**params), en.format(**params), path, json_path)


def _save_error(exc: OSError, target: Path) -> SaveError:
    if isinstance(exc, PermissionError):
        code = "no_permission"
    elif isinstance(exc, FileNotFoundError):
        code = "no_folder"
    elif isinstance(exc, IsADirectoryError):
        code = "is_directory"
    elif exc.errno in (errno.ENOSPC, errno.EDQUOT):
        code = "disk_full"
    else:
        code = "os_error"
    de, en = _SAVE_MESSAGES[code]
    reason = exc.strerror or str(exc)
    return SaveError(code, de.format(reason=reason), en.format(reason=reason), target)


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def _short(value: Any, limit: int = 60) -> str:
    if isinstance(value, str):
        text = f"„{value}“"
    else:
        try:
            text = json.dumps(value, ensure_ascii=False)
        except (RecursionError, ValueError, TypeError):
            text = "[…]" if isinstance(value, list) else "{…}"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _json_kind(value: Any) -> tuple[str, str]:
    kinds = {
        list: ("eine Liste", "a list"),
        str: ("einen Text", "a string"),
        int: ("eine Zahl", "a number"),
        float: ("eine Zahl", "a number"),
        bool: ("einen Wahrheitswert", "a boolean"),
        type(None): ("null", "null"),
    }
    return kinds.get(type(value), ("einen Wert", "a value"))


def _json_path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _validation_error(err: ErrorDetails, path: Path | None) -> ModelFileError:
    ctx: dict[str, Any] = dict(err.get("ctx") or {})
    loc = err["loc"]
    json_path = ctx.pop("path", None) or _json_path(loc)
    kind = err["type"]
    value = _short(err.get("input"))
    de_en = _TYPE_TEXTS.get(kind)
    if de_en is None:
        de, en = f"ungültiger Wert {value} ({err['msg']})", f"invalid value {value} ({err['msg']})"
    else:
        params = {"value": value, **{k: _plain(v) for k, v in ctx.items()}}
        if kind == "string_too_long":
            params["length"] = len(err["input"]) if isinstance(err.get("input"), str) else "?"
        de, en = (t.format(**params) for t in de_en)
    return ModelFileError("invalid", de, en, path, json_path)


def _plain(value: Any) -> Any:
    return value if isinstance(value, int | float | str) else str(value)


_WHOLE_NUMBER = (
    "Ganze Zahl erwartet, gefunden: {value}.",
    "Whole number expected, found: {value}.",
)
_NUMBER = ("Zahl erwartet, gefunden: {value}.", "Number expected, found: {value}.")
_TRUE_OR_FALSE = (
    "true oder false erwartet, gefunden: {value}.",
    "true or false expected, found: {value}.",
)
_OBJECT = ("Objekt erwartet, gefunden: {value}.", "Object expected, found: {value}.")
_DATE = (
    "Datum im Format JJJJ-MM-TT erwartet.",
    "Date in the format YYYY-MM-DD expected.",
)

_TYPE_TEXTS: dict[str, tuple[str, str]] = {
    "missing": ("Pflichtangabe fehlt.", "A required value is missing."),
    "extra_forbidden": (
        "Unbekannter Schlüssel – die Datei passt nicht zu diesem Format.",
        "Unknown key – the file does not match this format.",
    ),
    "literal_error": (
        "Unbekannter Wert {value}; erlaubt sind: {expected}.",
        "Unknown value {value}; allowed: {expected}.",
    ),
    "string_too_long": (
        "Text zu lang ({length} Zeichen; höchstens {max_length}).",
        "Text too long ({length} characters; at most {max_length}).",
    ),
    "string_pattern_mismatch": (
        "Ungültige Kennung {value} (erlaubt: Buchstaben, Ziffern, _ . : -, höchstens 64 Zeichen).",
        "Invalid id {value} (allowed: letters, digits, _ . : -, at most 64 characters).",
    ),
    "string_type": ("Text erwartet, gefunden: {value}.", "Text expected, found: {value}."),
    "int_type": _WHOLE_NUMBER,
    "int_parsing": _WHOLE_NUMBER,
    "int_from_float": _WHOLE_NUMBER,
    "float_type": _NUMBER,
    "float_parsing": _NUMBER,
    "finite_number": (
        "Die Zahl muss endlich sein (nicht NaN oder unendlich).",
        "The number must be finite (not NaN or infinity).",
    ),
    "greater_than_equal": (
        "Der Wert {value} ist zu klein (mindestens {ge}).",
        "The value {value} is too small (at least {ge}).",
    ),
    "less_than_equal": (
        "Der Wert {value} ist zu groß (höchstens {le}).",
        "The value {value} is too large (at most {le}).",
    ),
    "bool_type": _TRUE_OR_FALSE,
    "bool_parsing": _TRUE_OR_FALSE,
    "model_type": _OBJECT,
    "model_attributes_type": (
        "Objekt erwartet, gefunden: {value}.",
        "Object expected, found: {value}.",
    ),
    "dict_type": _OBJECT,
    "list_type": ("Liste erwartet, gefunden: {value}.", "List expected, found: {value}."),
    "date_parsing": _DATE,
    "date_from_datetime_parsing": _DATE,
    "date_type": _DATE,
    "form_level_mismatch": (
        "Die Organisationsform {form} gehört zur Ebene {form_level}, nicht zu {level}.",
        "The form {form} belongs to the level {form_level}, not to {level}.",
    ),
    "self_relation": (
        "Die Beziehung {id} verbindet die Einheit {node} mit sich selbst.",
        "The relation {id} connects the unit {node} with itself.",
    ),
    "duplicate_id": ("Die Kennung {id} kommt mehrfach vor.", "The id {id} occurs more than once."),
    "missing_node": (
        "Die Beziehung {edge} verweist auf die Einheit {node}, die es nicht gibt.",
        "The relation {edge} refers to the unit {node}, which does not exist.",
    ),
    "bad_question_id": (
        "{key} ist keine Kennung einer Leitfrage (wie B4.Q2).",
        "{key} is not a guiding-question id (like B4.Q2).",
    ),
    "bad_rule_id": ("{key} ist keine Kennung einer Prüfregel.", "{key} is not a rule id."),
}


# ---------------------------------------------------------------------------
# JSON Schema
# ---------------------------------------------------------------------------
class ModelFile(OrgModel):
    """The whole file of the current format version (used to generate the JSON Schema)."""

    format: Literal["orgdesigner-model"]
    format_version: Literal[2]


SCHEMA_FILE = f"orgmodel-v{FORMAT_VERSION}.schema.json"
"""The shipped JSON Schema of the current version, in ``resources/schema/``."""


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema of the current format version (shipped as ``resources/schema``)."""
    schema = ModelFile.model_json_schema(mode="validation")
    order = ["format", "format_version", "meta", "nodes", "edges", "reflection", "suppressed_rules"]
    schema["properties"] = {k: schema["properties"][k] for k in order}
    schema["required"] = ["format", "format_version"]
    schema["properties"]["reflection"]["propertyNames"] = {
        "pattern": r"^B([1-9]|10)\.Q[1-9][0-9]?$"
    }
    schema["properties"]["suppressed_rules"]["propertyNames"] = {
        "pattern": r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
    }
    schema.pop("description", None)
    schema.pop("title", None)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://orgdesigner.example/schema/{SCHEMA_FILE}",
        "title": f"OrgDesigner model file, format version {FORMAT_VERSION}",
        "description": "An organisation model of a smart-city programme (.orgmodel).",
        **schema,
    }


def schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


__all__ = [
    "MAX_FILE_BYTES",
    "OPEN_SUFFIXES",
    "SUFFIX",
    "Meta",
    "backup_path",
    "dumps",
    "is_model_name",
    "json_schema",
    "load",
    "loads",
    "model_stem",
    "save",
    "with_model_suffix",
]
