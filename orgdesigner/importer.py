"""Import the list of units an officer already has, from a CSV or an Excel file (no Qt).

One row per unit, with the columns ``Name``, ``Ebene``, ``Organisationsform`` (optional),
``Leitung``, ``Stellvertretung``, ``Personen``, ``VZÄ`` and ``Berichtet an`` (the name of
another row, which becomes a „Berichtet an“ relation) – or the English headers ``Name``,
``Level``, ``Form``, ``Lead``, ``Deputy``, ``Persons``, ``FTE``, ``Reports to`` – in any
order. Levels and forms are recognised the way people write them: German or English label,
any case, with or without umlauts, „Ebene“ left out, a unique beginning or a word of the
label, or a usual name of the form („Lenkungskreis“, „Stadtwerke“, „Fachamt“; see the
catalog's ``aliases``). A form is looked for among the forms of the row's level first.

CSV: the delimiter is sniffed (German Excel writes ``;``), UTF-8 with or without BOM or
Windows-1252, decimal comma or point. XLSX: read with openpyxl in read-only mode (no
formulas evaluated, no macros run), the sheet „Einheiten“/„Units“ or else the first.

Every problem names the row as the spreadsheet numbers it (the header is row 1) and the
column, and all problems of a file are reported at once (:class:`ImportFileError`); nothing
is written then. Files over :data:`MAX_BYTES` or :data:`MAX_ROWS` rows are refused.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from orgdesigner.catalog import FORM_LEVEL, LEVEL_IDS, catalog
from orgdesigner.errors import OrgDesignerError
from orgdesigner.model import Edge, Meta, Node, OrgModel

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 10_000
MAX_PROBLEMS_SHOWN = 50
"""A file with more problems lists the first of them and how many more there are."""

COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("Name", "Bezeichnung", "Einheit", "Unit"),
    "level": ("Ebene", "Level"),
    "form": ("Organisationsform", "Form", "Organisation form", "Organization form"),
    "lead": ("Leitung", "Lead", "Leiter", "Leiterin"),
    "deputy": ("Stellvertretung", "Deputy", "Vertretung"),
    "persons": ("Personen", "Persons", "Anzahl Personen", "Mitarbeitende"),
    "fte": ("VZÄ", "FTE", "Vollzeitäquivalente", "Stellen"),
    "reports_to": ("Berichtet an", "Reports to"),
}
"""Column key → the headers that mean it (German first; matched folded, see :func:`fold`)."""
COLUMN_NAMES = {key: names[0] for key, names in COLUMNS.items()}
"""How the messages name a column (the German header), whatever the file calls it."""
REQUIRED = ("name", "level")
SHEETS = ("einheiten", "units")


@dataclass(frozen=True)
class Problem:
    """One problem of the file: where (spreadsheet row, column header) and what, in both
    languages."""

    row: int | None
    column: str | None
    de: str
    en: str

    def text(self, lang: str) -> str:
        en = lang == "en"
        where = []
        if self.row is not None:
            where.append(("Row " if en else "Zeile ") + str(self.row))
        if self.column is not None:
            where.append(("column " if en else "Spalte ") + self.column)
        message = self.en if en else self.de
        return (", ".join(where) + ": " + message) if where else message


class ImportFileError(OrgDesignerError):
    """The file cannot be imported; :attr:`problems` lists every problem found."""

    def __init__(self, path: Path, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        shown = self.problems[:MAX_PROBLEMS_SHOWN]
        rest = len(self.problems) - len(shown)

        def lines(lang: str) -> str:
            out = [p.text(lang) for p in shown]
            if rest:
                out.append(f"… and {rest} more" if lang == "en" else f"… und {rest} weitere")
            return "\n".join(out)

        head_de = "Die Datei lässt sich nicht importieren"
        head_en = "The file cannot be imported"
        super().__init__(
            "import", f"{head_de}:\n{lines('de')}", f"{head_en}:\n{lines('en')}", path
        )


# -- words ------------------------------------------------------------------------------------
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def fold(text: str) -> str:
    """Lower case, umlauts as ae/oe/ue/ss, other accents dropped, anything but letters and
    digits as single spaces: „Ämter-Struktur“ → „aemter struktur“."""
    text = unicodedata.normalize("NFC", text).casefold().translate(_UMLAUTS)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


_SUSPENDED = re.compile(r"(\w+)-\s*/\s*(\w+)")
"""A German suspended compound: „Lenkungs-/Steuerungskreis“ = Lenkungskreis, Steuerungskreis."""


@dataclass(frozen=True)
class _Phrase:
    folded: str
    words: tuple[str, ...]
    stems: tuple[tuple[str, str], ...]
    """(first stem, second word) of each suspended compound, folded"""


def _phrase(text: str) -> _Phrase:
    stems = tuple((fold(a), fold(b)) for a, b in _SUSPENDED.findall(text))
    folded = fold(text)
    return _Phrase(folded, tuple(w for w in folded.split() if len(w) >= 3), stems)


class Vocabulary:
    """Candidates (an id with the phrases that name it) and the tolerant lookup."""

    def __init__(self, candidates: dict[str, Iterable[str]], drop: Iterable[str] = ()) -> None:
        self.drop = tuple(fold(d) for d in drop)
        self.phrases = {key: [_phrase(self._strip(t)) for t in texts]
                        for key, texts in candidates.items()}  # fmt: skip

    def _strip(self, text: str) -> str:
        words = [w for w in text.split() if fold(w) not in self.drop]
        return " ".join(words) if words else text

    def find(self, value: str, among: Iterable[str] | None = None) -> list[str]:
        """The ids ``value`` names, best kind of match first: the whole label or name, a word
        of it (also the parts of „X-/Ykreis“), else a unique beginning. More than one id means
        ``value`` is ambiguous; none that it names nothing known."""
        keys = list(self.phrases if among is None else among)
        v = fold(self._strip(value))
        if not v:
            return []
        for test in (self._exact, self._word, self._prefix):
            hits = [k for k in keys if any(test(v, p) for p in self.phrases[k])]
            if hits:
                return hits
        return []

    @staticmethod
    def _exact(v: str, p: _Phrase) -> bool:
        return v == p.folded

    @staticmethod
    def _word(v: str, p: _Phrase) -> bool:
        if " " not in v and v in p.words:
            return True
        return any(
            v.startswith(stem) and len(v) - len(stem) >= 3 and tail.endswith(v[len(stem):])
            for stem, tail in p.stems
        )

    @staticmethod
    def _prefix(v: str, p: _Phrase) -> bool:
        return len(v) >= 3 and (p.folded.startswith(v) or any(w.startswith(v) for w in p.words))


def level_vocabulary() -> Vocabulary:
    cat = catalog()
    return Vocabulary(
        {lv.id: (lv.id, lv.label.de, lv.label.en, lv.short.de, lv.short.en) for lv in cat.levels},
        drop=("Ebene", "level"),
    )


def form_vocabulary() -> Vocabulary:
    cat = catalog()
    return Vocabulary(
        {
            f.id: (f.id.replace("_", " "), f.label.de, f.label.en, *f.aliases.de, *f.aliases.en)
            for f in cat.forms
        }
    )


# -- reading the table --------------------------------------------------------------------------
def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _csv_rows(data: bytes) -> list[list[str]]:
    text = _decode(data)
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=";,\t|")
    except csv.Error:
        first = sample.splitlines()[0] if sample else ""
        dialect = csv.excel
        for d in (";", "\t", ","):
            if d in first:
                dialect = type("Sniffed", (csv.excel,), {"delimiter": d})
                break
    return [list(row) for row in csv.reader(io.StringIO(text, newline=""), dialect)]


def _xlsx_rows(path: Path) -> list[list[Any]]:
    import openpyxl  # only when an Excel file is imported

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        names = {fold(n): n for n in book.sheetnames}
        sheet = next((book[names[s]] for s in SHEETS if s in names), book.worksheets[0])
        rows: list[list[Any]] = []
        for row in sheet.iter_rows(values_only=True):
            rows.append(list(row))
            if len(rows) > MAX_ROWS + 1:
                break
        return rows
    finally:
        book.close()


def read_rows(path: Path) -> list[list[Any]]:
    """The file's cells, row by row (header first). Raises :class:`ImportFileError` for a
    file that is missing, too big, of an unknown kind or unreadable."""
    def fail(de: str, en: str) -> ImportFileError:
        return ImportFileError(path, [Problem(None, None, de, en)])

    try:
        size = path.stat().st_size
    except OSError as exc:
        raise fail(f"Die Datei lässt sich nicht öffnen ({exc.strerror}).",
                   f"The file cannot be opened ({exc.strerror}).") from exc  # fmt: skip
    if size > MAX_BYTES:
        raise fail(f"Die Datei ist größer als {MAX_BYTES // 2**20} MB.",
                   f"The file is larger than {MAX_BYTES // 2**20} MB.")  # fmt: skip
    suffix = path.suffix.casefold()
    try:
        if suffix in (".xlsx", ".xlsm"):
            rows = _xlsx_rows(path)
        elif suffix in (".csv", ".txt", ".tsv"):
            rows = _csv_rows(path.read_bytes())
        else:
            raise fail("Importiert werden CSV-Dateien (.csv) und Excel-Dateien (.xlsx).",
                       "CSV files (.csv) and Excel files (.xlsx) can be imported.")  # fmt: skip
    except ImportFileError:
        raise
    except Exception as exc:  # a broken zip, XML or CSV: the reader's reason, never a crash
        raise fail(f"Die Datei lässt sich nicht lesen: {exc}",
                   f"The file cannot be read: {exc}") from exc  # fmt: skip
    if len(rows) > MAX_ROWS + 1:
        raise fail(f"Die Datei hat mehr als {MAX_ROWS:,} Zeilen.".replace(",", "."),
                   f"The file has more than {MAX_ROWS:,} rows.")  # fmt: skip
    return rows


# -- cells --------------------------------------------------------------------------------------
def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        return float(value)
    text = _cell(value).replace("\u00a0", "").replace(" ", "")
    if text in ("", "-", "—", "–"):
        return None
    if "," in text and "." in text:  # 1.234,5 (German) or 1,234.5 (English)
        text = text.replace(".", "").replace(",", ".") if text.rfind(",") > text.rfind(".") \
            else text.replace(",", "")
    else:
        text = text.replace(",", ".")
    return float(text)


@dataclass
class _Row:
    number: int
    cells: dict[str, str]
    raw: dict[str, Any]


def _header(rows: list[list[Any]], problems: list[Problem]) -> dict[int, str]:
    """Column index → column key."""
    wanted = {fold(name): key for key, names in COLUMNS.items() for name in names}
    found: dict[int, str] = {}
    seen: dict[str, str] = {}
    header = [_cell(v) for v in rows[0]] if rows else []
    for i, name in enumerate(header):
        key = wanted.get(fold(name))
        if key is None:
            continue
        if key in seen:
            problems.append(Problem(1, name, f"Die Spalte steht doppelt in der Kopfzeile (auch „{seen[key]}“).",
                                    f"The column appears twice in the header (also “{seen[key]}”)."))  # fmt: skip
            continue
        seen[key] = name
        found[i] = key
    for key in REQUIRED:
        if key not in seen:
            names = " / ".join(f"„{n}“" for n in COLUMNS[key][:2])
            problems.append(Problem(1, None,
                                    f"Die Kopfzeile hat keine Spalte {names}.",
                                    f"The header has no column {names.replace('„', '“')}."))  # fmt: skip
    return found


def build_model(rows: list[list[Any]], path: Path, title: str = "") -> OrgModel:
    """The model the rows describe, laid out; raises :class:`ImportFileError` with every
    problem of the file."""
    problems: list[Problem] = []
    if not rows or not any(_cell(v) for v in rows[0]):
        raise ImportFileError(path, [Problem(1, None, "Die Datei ist leer oder hat keine Kopfzeile.",
                                             "The file is empty or has no header row.")])  # fmt: skip
    columns = _header(rows, problems)
    if problems:
        raise ImportFileError(path, problems)
    header = [_cell(v) for v in rows[0]]
    table: list[_Row] = []
    for row_number, line in enumerate(rows[1:], start=2):
        raw = {columns[i]: v for i, v in enumerate(line) if i in columns}
        cells = {k: _cell(v) for k, v in raw.items()}
        if not any(cells.values()):
            continue
        table.append(_Row(row_number, cells, raw))
    if not table:
        raise ImportFileError(path, [Problem(None, None, "Die Datei enthält keine Einheiten.",
                                             "The file contains no units.")])  # fmt: skip
    column_of = {columns[i]: header[i] for i in columns}
    levels, forms = level_vocabulary(), form_vocabulary()
    cat = catalog()
    nodes: list[Node] = []
    by_name: dict[str, list[tuple[int, str]]] = {}
    pending_reports: list[tuple[_Row, str]] = []
    for k, row in enumerate(table, start=1):
        def problem(key: str, de: str, en: str, _row: _Row = row) -> None:
            problems.append(Problem(_row.number, column_of.get(key, COLUMN_NAMES[key]), de, en))

        name = row.cells.get("name", "")
        if not name:
            problem("name", "Der Name fehlt.", "The name is missing.")
        level_text, form_text = row.cells.get("level", ""), row.cells.get("form", "")
        level: str | None = None
        form: str | None = None
        if level_text:
            hits = levels.find(level_text)
            if len(hits) == 1:
                level = hits[0]
            elif hits:
                problem("level", f"„{level_text}“ ist mehrdeutig ({_labels(hits, 'de')}).",
                        f"“{level_text}” is ambiguous ({_labels(hits, 'en')}).")  # fmt: skip
            else:
                problem("level", f"„{level_text}“ ist keine Ebene. Möglich: {_labels(LEVEL_IDS, 'de')}.",
                        f"“{level_text}” is not a level. Possible: {_labels(LEVEL_IDS, 'en')}.")  # fmt: skip
        if form_text:
            own = [f.id for f in cat.forms_of(level)] if level else None
            hits = forms.find(form_text, own) if own else []
            if not hits:
                hits = forms.find(form_text)
            if len(hits) > 1 and level is None:
                problem("form", f"„{form_text}“ ist mehrdeutig ({_forms(hits, 'de')}); geben Sie die Ebene an.",
                        f"“{form_text}” is ambiguous ({_forms(hits, 'en')}); give the level.")  # fmt: skip
            elif len(hits) > 1:
                problem("form", f"„{form_text}“ ist mehrdeutig ({_forms(hits, 'de')}).",
                        f"“{form_text}” is ambiguous ({_forms(hits, 'en')}).")  # fmt: skip
            elif not hits:
                problem("form", f"„{form_text}“ ist keine Organisationsform.",
                        f"“{form_text}” is not an organisation form.")  # fmt: skip
            elif level is not None and FORM_LEVEL[hits[0]] != level:
                form_label = cat.form(hits[0]).label
                problem("form",
                        f"„{form_label.de}“ gehört zur {cat.level(FORM_LEVEL[hits[0]]).label.de}, "
                        f"nicht zur {cat.level(level).label.de}.",
                        f"“{form_label.en}” belongs to the {cat.level(FORM_LEVEL[hits[0]]).label.en}, "
                        f"not the {cat.level(level).label.en}.")  # fmt: skip
            else:
                form = hits[0]
                level = level or FORM_LEVEL[form]
        if not level_text and form is None:
            problem("level", "Die Ebene fehlt.", "The level is missing.")
        values: dict[str, Any] = {}
        for key, whole in (("persons", True), ("fte", False)):
            if key not in row.raw or not row.cells.get(key):
                continue
            try:
                amount = _number(row.raw[key])
            except ValueError:
                problem(key, f"„{row.cells[key]}“ ist keine Zahl.", f"“{row.cells[key]}” is not a number.")
                continue
            if amount is None:
                continue
            if amount < 0 or (whole and not amount.is_integer()):
                what = ("eine ganze Zahl ab 0", "a whole number from 0") if whole else (
                    "eine Zahl ab 0", "a number from 0")
                problem(key, f"„{row.cells[key]}“ ist nicht {what[0]}.",
                        f"“{row.cells[key]}” is not {what[1]}.")  # fmt: skip
                continue
            values[key] = int(amount) if whole else amount
        for key in ("lead", "deputy"):
            if row.cells.get(key):
                values[key] = row.cells[key][:300]
        if row.cells.get("reports_to"):
            pending_reports.append((row, row.cells["reports_to"]))
        if name and level is not None:
            node_id = f"n{k}"
            nodes.append(Node(id=node_id, level=level, form=form, label=name, **values))
            by_name.setdefault(fold(name), []).append((row.number, node_id))
    edges: list[Edge] = []
    row_node = {row.number: f"n{k}" for k, row in enumerate(table, start=1)}
    made = {n.id for n in nodes}
    for row, target_name in pending_reports:
        column = column_of.get("reports_to", COLUMN_NAMES["reports_to"])
        targets = by_name.get(fold(target_name), [])
        source = row_node[row.number]
        if not targets:
            problems.append(Problem(row.number, column,
                                    f"„{target_name}“ ist keine Einheit dieser Datei (kein Name in der Spalte „{column_of.get('name', 'Name')}“).",
                                    f"“{target_name}” is not a unit of this file (no such name in the column “{column_of.get('name', 'Name')}”)."))  # fmt: skip
        elif len(targets) > 1:
            rows_text = ", ".join(str(r) for r, _ in targets)
            problems.append(Problem(row.number, column,
                                    f"„{target_name}“ steht in mehreren Zeilen ({rows_text}); die Namen müssen eindeutig sein.",
                                    f"“{target_name}” is in several rows ({rows_text}); the names must be unique."))  # fmt: skip
        elif targets[0][1] == source:
            problems.append(Problem(row.number, column, "Eine Einheit kann nicht an sich selbst berichten.",
                                    "A unit cannot report to itself."))  # fmt: skip
        elif source in made and targets[0][1] in made:
            edges.append(Edge(id=f"r{len(edges) + 1}", type="reports_to", source=source,
                              target=targets[0][1]))  # fmt: skip
    if problems:
        problems.sort(key=lambda p: (p.row or 0))
        raise ImportFileError(path, problems)
    model = OrgModel(meta=Meta(title=title or path.stem), nodes=nodes, edges=edges)
    from orgdesigner.drawing.autolayout import auto_layout

    positions = auto_layout(model)
    model.nodes = [
        n.model_copy(update=dict(zip(("x", "y"), positions[n.id], strict=True)))
        if n.id in positions else n
        for n in model.nodes
    ]  # fmt: skip
    return model


def _labels(level_ids: Iterable[str], lang: str) -> str:
    cat = catalog()
    return ", ".join(cat.level(i).label.get(lang) for i in level_ids)


def _forms(form_ids: Iterable[str], lang: str) -> str:
    cat = catalog()
    return ", ".join(cat.form(i).label.get(lang) for i in form_ids)


def import_file(path: Path, title: str = "") -> OrgModel:
    """Read ``path`` (CSV or XLSX) into a laid-out model; :class:`ImportFileError` with every
    problem otherwise. Reads only; never writes."""
    return build_model(read_rows(path), path, title or path.stem)
