"""The tagged PDF (PDF/UA-1 with PDF/A-2a): what a screen reader gets from the export.

Read back with pikepdf (content streams, structure tree), pdfua (the machine-checkable
part of PDF/UA-1), pdftotext and pdffonts as a municipality's checker would.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pikepdf
import pytest

from orgdesigner.drawing.page import MM
from orgdesigner.export import PdfOptions, render
from orgdesigner.export.appendix import COLUMN_GAP, MAX_COLUMN_WIDTH
from orgdesigner.export.appendix import columns as columns_of
from orgdesigner.model import OrgModel
from orgdesigner.templates import TEMPLATES

DATE = dt.date(2026, 11, 26)
LANGS = ("de", "en")
TEXT_OPS = {"Tj", "TJ", "'", '"'}
PAINT_OPS = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do"}
"""operators that put something visible on the page"""


@cache
def _export(name: str, lang: str, **options: Any) -> bytes:
    template = next(t for t in TEMPLATES if t.name == name)
    data, _ = render(template.build(), PdfOptions(lang=lang, date=DATE, **options))
    return data


def _pdf(data: bytes) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(data))


CASES = [(t.name, lang) for t in TEMPLATES for lang in LANGS]
IDS = [f"{name}-{lang}" for name, lang in CASES]


# ---------------------------------------------------------------------------
# reading the structure back
# ---------------------------------------------------------------------------
@dataclass
class Node:
    tag: str
    obj: Any
    kids: list[Node] = field(default_factory=list)
    marks: list[tuple[int, int]] = field(default_factory=list)
    """(page index, MCID) of the content this element holds itself"""

    def walk(self) -> Iterator[Node]:
        yield self
        for kid in self.kids:
            yield from kid.walk()


def _structure(pdf: pikepdf.Pdf) -> Node:
    page_index = {p.obj.objgen: i for i, p in enumerate(pdf.pages)}

    def read(elem: Any) -> Node:
        node = Node(str(elem.S)[1:], elem)
        pg = elem.get("/Pg")
        kids = elem.get("/K")
        if kids is None:
            kids = []
        elif not isinstance(kids, pikepdf.Array):
            kids = [kids]
        for kid in kids:
            if isinstance(kid, int):
                node.marks.append((page_index[pg.objgen], int(kid)))
            elif kid.get("/Type") == "/MCR":
                node.marks.append((page_index[kid.Pg.objgen], int(kid.MCID)))
            else:
                node.kids.append(read(kid))
        return node

    root = pdf.Root.StructTreeRoot
    top = root.K
    assert not isinstance(top, pikepdf.Array), "one Document element"
    return read(top)


@dataclass
class Shown:
    """A text or painting operator and the marked content it lies in."""

    page: int
    operator: str
    mcid: int | None
    artifact: bool
    text: str = ""


def _content(pdf: pikepdf.Pdf) -> list[Shown]:
    shown: list[Shown] = []
    for index, page in enumerate(pdf.pages):
        stack: list[tuple[int | None, bool]] = []
        for operands, op in pikepdf.parse_content_stream(page):
            name = str(op)
            if name in ("BDC", "BMC"):
                tag = str(operands[0])
                mcid = None
                if name == "BDC" and isinstance(operands[1], pikepdf.Dictionary):
                    mcid = int(operands[1].MCID) if "/MCID" in operands[1] else None
                stack.append((mcid, tag == "/Artifact"))
            elif name == "EMC":
                assert stack, f"page {index + 1}: EMC without BDC"
                stack.pop()
            elif name in TEXT_OPS or name in PAINT_OPS:
                mcid = next((m for m, _ in reversed(stack) if m is not None), None)
                in_artifact = any(a for _, a in stack)
                text = ""
                if name in TEXT_OPS:
                    text = str(operands[-1]) if name != "TJ" else ""
                shown.append(Shown(index, name, mcid, in_artifact, text))
        assert not stack, f"page {index + 1}: BDC without EMC"
    return shown


# ---------------------------------------------------------------------------
# pdfua: the machine-checkable part of PDF/UA-1
# ---------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "lang"), CASES, ids=IDS)
def test_every_template_passes_pdfua_check(name: str, lang: str, tmp_path: Path) -> None:
    from pdfua import validate

    out = tmp_path / f"{name}-{lang}.pdf"
    out.write_bytes(_export(name, lang))
    report = validate(str(out))
    assert [(f.rule_id, f.message) for f in report.findings] == []
    assert report.exit_code == 0


def test_pdfua_check_fails_on_the_untagged_export(tmp_path: Path) -> None:
    """The check is not toothless: the old untagged PDF/A-2b fails it."""
    from pdfua import validate

    out = tmp_path / "untagged.pdf"
    out.write_bytes(_export(TEMPLATES[0].name, "de", tagged=False))
    rules = {f.rule_id for f in validate(str(out)).findings}
    assert {"UA-01-005", "UA-01-002", "UA-28-004"} <= rules


# ---------------------------------------------------------------------------
# every piece of content is tagged or an artifact, every MCID referenced once
# ---------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "lang"), CASES, ids=IDS)
def test_all_content_is_tagged_or_an_artifact(name: str, lang: str) -> None:
    pdf = _pdf(_export(name, lang))
    shown = _content(pdf)
    assert any(s.operator in TEXT_OPS for s in shown)
    loose = [s for s in shown if s.mcid is None and not s.artifact]
    assert loose == [], loose[:5]
    # content inside an Artifact is never also the content of an element
    assert [s for s in shown if s.mcid is not None and s.artifact] == []
    tree = _structure(pdf)
    referenced = Counter(m for node in tree.walk() for m in node.marks)
    assert [m for m, n in referenced.items() if n > 1] == []
    used = {(s.page, s.mcid) for s in shown if s.mcid is not None}
    assert used <= set(referenced), sorted(used - set(referenced))[:5]
    # every marked sequence in the content (also one without a painting operator)
    declared = set()
    for index, page in enumerate(pdf.pages):
        for operands, op in pikepdf.parse_content_stream(page):
            props = operands[1] if str(op) == "BDC" else None
            if isinstance(props, pikepdf.Dictionary) and "/MCID" in props:
                mcid = int(props.MCID)
                assert (index, mcid) not in declared, "an MCID used twice on a page"
                declared.add((index, mcid))
    assert declared == set(referenced)


def test_parent_tree_points_back_to_the_referencing_element() -> None:
    pdf = _pdf(_export("stabsstelle", "de"))
    tree = _structure(pdf)
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    for node in tree.walk():
        for page, mcid in node.marks:
            assert int(pdf.pages[page].obj.StructParents) == page
            assert parents[page][mcid].objgen == node.obj.objgen
    assert int(pdf.Root.StructTreeRoot.ParentTreeNextKey) == len(pdf.pages)


# ---------------------------------------------------------------------------
# the structure: headings, lists, tables, the Figure and its alt text
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_structure_has_headings_lists_tables_and_a_figure(lang: str) -> None:
    pdf = _pdf(_export("stabsstelle", lang))
    tree = _structure(pdf)
    assert tree.tag == "Document"
    tags = Counter(node.tag for node in tree.walk())
    assert tags["H1"] == 2  # the chart's title, the appendix's title
    assert tags["H2"] == 6  # findings, accepted, who does what, pros and cons, answers, outline
    assert tags["H3"] >= 3
    assert tags["L"] >= 3 and tags["LI"] >= 10 and tags["LI"] == tags["LBody"]
    # who does what (19 rows), the outline's overview
    assert tags["Table"] == 2 and tags["TR"] >= 21 and tags["TH"] >= 21 and tags["TD"] >= 20
    assert tags["Figure"] == 1
    for node in tree.walk():
        if node.tag == "LI":
            assert [k.tag for k in node.kids] == ["LBody"]
        if node.tag == "L":
            assert {k.tag for k in node.kids} == {"LI"}
        if node.tag == "Table":
            assert {k.tag for k in node.kids} == {"TR"}
        if node.tag == "TR":
            assert {k.tag for k in node.kids} <= {"TH", "TD"}
        if node.tag == "TH":
            assert str(node.obj.A.Scope) in ("/Column", "/Row")
    functions, overview = [n for n in tree.walk() if n.tag == "Table"]
    assert [k.tag for k in functions.kids[0].kids] == ["TH", "TH"]  # function | held by
    assert [k.tag for k in functions.kids[1].kids] == ["TH", "TD"]  # a function's row
    assert len(functions.kids) == 19  # the header row and the 18 functions
    assert [k.tag for k in overview.kids[0].kids] == ["TH", "TH", "TH"]  # the header row
    assert [k.tag for k in overview.kids[1].kids] == ["TH", "TD", "TD"]  # a level's row


@pytest.mark.parametrize(("name", "lang"), CASES, ids=IDS)
def test_the_figure_says_what_the_chart_shows(name: str, lang: str) -> None:
    from orgdesigner.catalog import catalog

    model = next(t for t in TEMPLATES if t.name == name).build()
    pdf = _pdf(_export(name, lang))
    figures = [n for n in _structure(pdf).walk() if n.tag == "Figure"]
    assert len(figures) == 1
    alt = str(figures[0].obj.Alt)
    assert len(re.findall(r"[.!?](\s|$)", alt)) >= 3, alt  # a few sentences
    units = {"de": "Einheiten", "en": "units"}[lang]
    assert f"{len(model.nodes)} {units}" in alt
    for level in {n.level for n in model.nodes}:
        assert catalog().level(level).label.get(lang) in alt
    if model.edges:
        relations = {"de": "Beziehung", "en": "relation"}[lang]
        assert f"{len(model.edges)} {relations}" in alt
    assert {"de": "„Gliederung“", "en": "“Outline”"}[lang] in alt
    assert len(figures[0].obj.A.BBox) == 4


def test_without_the_outline_the_alt_text_points_to_the_legend() -> None:
    data = _export("stabsstelle", "de", appendix_parts=("findings",))
    pdf = _pdf(data)
    figure = next(n for n in _structure(pdf).walk() if n.tag == "Figure")
    assert "Gliederung" not in str(figure.obj.Alt)
    assert "Legende" in str(figure.obj.Alt)


def test_reading_order_of_the_structure_tree() -> None:
    pdf = _pdf(_export("stabsstelle", "de"))
    top = [k.tag for k in _structure(pdf).kids]
    # title, meta line, the chart, its legend, the source; then the appendix
    assert top[:3] == ["H1", "P", "Figure"]
    assert top.index("Legend") == 3
    assert top[4:6] == ["P", "H1"]
    legend = next(k for k in _structure(pdf).kids if k.tag == "Legend")
    assert [k.tag for k in legend.kids] == ["P", "L", "P", "L"]  # levels, relations


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed")
@pytest.mark.parametrize("lang", LANGS)
def test_pdftotext_reads_the_pages_in_reading_order(lang: str, tmp_path: Path) -> None:
    model = next(t for t in TEMPLATES if t.name == "stabsstelle").build()
    model.reflection = {"B1.Q1": "Der Rat hat die Strategie am 1. März beschlossen."}
    data, _ = render(model, PdfOptions(lang=lang, date=DATE))
    out = tmp_path / "x.pdf"
    out.write_bytes(data)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    unit = model.nodes[0].label.split()[0]
    de = ["Stabsstelle Smart City mit Projektgruppen", unit, "Ebenen:", "Beziehungen:",
          "Prüfergebnisse", "Vorzüge und Nachteile", "Antworten auf die Leitfragen",
          "Der Rat hat die Strategie", "Gliederung", "Politische Ebene"]  # fmt: skip
    en = ["Stabsstelle Smart City mit Projektgruppen", unit, "Levels:", "Relations:",
          "Check results", "Pros and cons", "Answers to the reflection questions",
          "Der Rat hat die Strategie", "Outline", "Political level"]  # fmt: skip
    expected = de if lang == "de" else en
    at = -1
    for words in expected:
        found = text.find(words, at + 1)
        assert found > at, f"{words!r} not after the previous item"
        at = found


# ---------------------------------------------------------------------------
# document entries, languages, bookmarks, XMP
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_document_and_page_entries(lang: str) -> None:
    pdf = _pdf(_export("stabsstelle", lang))
    assert str(pdf.Root.Lang) == {"de": "de-DE", "en": "en-US"}[lang]
    assert pdf.Root.MarkInfo.Marked is True
    assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
    assert str(pdf.Root.StructTreeRoot.RoleMap.Legend) == "/Div"
    for page in pdf.pages:
        assert page.obj.Tabs == "/S"
        assert "/StructParents" in page.obj


def test_the_german_guide_title_in_an_english_export_is_marked_german() -> None:
    pdf = _pdf(_export("stabsstelle", "en"))
    spans = [n for n in _structure(pdf).walk() if "/Lang" in n.obj]
    assert [str(n.obj.Lang) for n in spans] == ["de-DE"]
    assert spans[0].tag == "Span"
    shown = [s for s in _content(pdf) if (s.page, s.mcid) in spans[0].marks]
    assert [s.operator for s in shown if s.operator in TEXT_OPS]


def test_bookmarks_for_every_section() -> None:
    pdf = _pdf(_export("stabsstelle", "de"))
    with pdf.open_outline() as outline:
        top = [(item.title, [c.title for c in item.children]) for item in outline.root]
    assert top[0][0] == "Musterstadt – Stabsstelle Smart City mit Projektgruppen"
    assert top[1][0].startswith("Anhang: ")
    assert top[1][1] == ["Prüfergebnisse", "Bewusst angenommene Befunde",
                         "Wer macht was: Aufgaben und Einheiten",
                         next(t for t in top[1][1] if t.startswith("Vorzüge")),
                         "Antworten auf die Leitfragen", "Gliederung"]  # fmt: skip
    assert str(pdf.Root.PageMode) == "/UseOutlines"


@pytest.mark.parametrize("lang", LANGS)
def test_xmp_claims_pdfua_1_and_pdfa_2a(lang: str) -> None:
    pdf = _pdf(_export("stabsstelle", lang))
    meta = pdf.open_metadata()
    assert meta["pdfuaid:part"] == "1"
    assert meta["pdfaid:part"] == "2"
    assert meta["pdfaid:conformance"] == "A"
    raw = pdf.Root.Metadata.read_bytes().decode()
    ElementTree.fromstring(raw[raw.index("<x:xmpmeta"):raw.rindex("</x:xmpmeta>") + 12])
    # PDF/A accepts pdfuaid only with its extension schema described in the packet
    assert "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>" in raw
    assert "/Filter" not in pdf.Root.Metadata.stream_dict


@pytest.mark.skipif(shutil.which("qpdf") is None or shutil.which("pdffonts") is None,
                    reason="qpdf or pdffonts not installed")  # fmt: skip
@pytest.mark.parametrize("lang", LANGS)
def test_qpdf_check_is_clean_and_fonts_embedded(lang: str, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    out.write_bytes(_export("smarte-region", lang, tiles=(2, 1)))
    check = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    lines = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]  # fmt: skip
    assert lines
    for line in lines:
        assert line.split()[-5] == "yes", line  # embedded
        assert line.split()[-3] == "yes", line  # ToUnicode map


# ---------------------------------------------------------------------------
# tiles: one Figure over all pages, furniture repeated as artifacts
# ---------------------------------------------------------------------------
def test_tiled_chart_is_one_figure_and_repeated_furniture_is_an_artifact() -> None:
    pdf = _pdf(_export("smarte-region", "de", tiles=(2, 2), appendix=False))
    assert len(pdf.pages) == 4
    tree = _structure(pdf)
    figure = next(n for n in tree.walk() if n.tag == "Figure")
    assert sorted({page for page, _ in figure.marks}) == [0, 1, 2, 3]
    assert [n.tag for n in tree.walk()].count("H1") == 1
    for s in _content(pdf):
        if s.page > 0 and s.operator in TEXT_OPS:
            assert s.artifact or (s.page, s.mcid) in figure.marks


def test_tagged_export_stays_deterministic() -> None:
    first, _ = render(TEMPLATES[2].build(), PdfOptions(lang="en", date=DATE, tiles=(2, 1)))
    second, _ = render(TEMPLATES[2].build(), PdfOptions(lang="en", date=DATE, tiles=(2, 1)))
    assert first == second


# ---------------------------------------------------------------------------
# item 5: a readable appendix on wide pages
# ---------------------------------------------------------------------------
def _appendix_lines(data: bytes, tmp_path: Path,
                    first_text_page: int) -> list[tuple[float, float, str]]:  # fmt: skip
    """(width and height in pt, text) of every line pdftotext finds on the appendix
    pages."""
    out = tmp_path / "a.pdf"
    out.write_bytes(data)
    html = subprocess.run(["pdftotext", "-bbox-layout", "-f", str(first_text_page),
                           str(out), "-"], capture_output=True, text=True, check=True).stdout  # fmt: skip
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    root = ElementTree.fromstring(html)
    lines = []
    for line in root.iterfind(".//x:line", ns):
        words = [w.text or "" for w in line.iterfind("x:word", ns)]
        width = float(line.get("xMax", 0)) - float(line.get("xMin", 0))
        height = float(line.get("yMax", 0)) - float(line.get("yMin", 0))
        lines.append((width, height, " ".join(words)))
    return lines


def _big_model() -> OrgModel:
    from benchmarks.generate import generate

    return generate(60)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed")
@pytest.mark.parametrize(("paper", "landscape", "columns"),
                         [("a3", True, 3), ("a4", True, 2), ("a3", False, 2), ("a4", False, 1)])  # fmt: skip
def test_appendix_lines_stay_readable_on_wide_pages(paper: str, landscape: bool, columns: int,
                                                    tmp_path: Path) -> None:  # fmt: skip
    model = _big_model()
    data, report = render(model, PdfOptions(paper=paper, landscape=landscape, lang="de",  # type: ignore[arg-type]
                                            date=DATE))  # fmt: skip
    lines = _appendix_lines(data, tmp_path, report.chart_pages + 1)
    text = [(w, h, t) for w, h, t in lines if not t.startswith("Seite ")]
    assert len(text) > 50
    widest = max(w for w, _, _ in text)
    assert widest <= MAX_COLUMN_WIDTH + 1, (widest, paper, landscape)
    # body text (9.5 pt: pdftotext's line box is the font size) holds about 100
    # characters a line at most; the smaller source lines (8.5 pt) a few more
    body = [t for _, h, t in text if abs(h - 9.5) < 0.2]
    assert len(body) > 30
    assert max(len(t) for t in body) <= 110, max(body, key=len)
    assert max(len(t) for _, _, t in text) <= 125
    # the columns are used: on the first appendix page text starts in every column
    n, width = columns_of(report.page_size[0] - 2 * 12 * MM)
    assert n == columns
    out = tmp_path / "a.pdf"
    html = subprocess.run(["pdftotext", "-bbox-layout", "-f", str(report.chart_pages + 1),
                           "-l", str(report.chart_pages + 1), str(out), "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    starts = [float(b.get("xMin", 0))
              for b in ElementTree.fromstring(html).iterfind(".//x:line", ns)]  # fmt: skip
    for k in range(n):
        left = 12 * MM + k * (width + COLUMN_GAP)
        assert any(left - 1 <= x <= left + 40 for x in starts), (k, sorted(set(starts))[:20])


def test_an_empty_model_exports_tagged_and_says_so(tmp_path: Path) -> None:
    from pdfua import validate

    data, _ = render(OrgModel(), PdfOptions(lang="de", date=DATE))
    out = tmp_path / "empty.pdf"
    out.write_bytes(data)
    assert not validate(str(out)).findings
    pdf = _pdf(data)
    figure = next(n for n in _structure(pdf).walk() if n.tag == "Figure")
    assert "keine Einheiten" in str(figure.obj.Alt)
    assert "Das Modell ist leer." in subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout


def test_without_pdfa_the_file_stays_pdfua(tmp_path: Path) -> None:
    """``--no-pdfa`` drops the archive claim, not the accessibility."""
    from pdfua import validate

    data = _export("matrix", "en", pdfa=False)
    out = tmp_path / "x.pdf"
    out.write_bytes(data)
    assert not validate(str(out)).findings
    pdf = _pdf(data)
    meta = pdf.open_metadata()
    assert meta["pdfuaid:part"] == "1"
    assert "pdfaid:part" not in meta
    assert "/OutputIntents" not in pdf.Root
