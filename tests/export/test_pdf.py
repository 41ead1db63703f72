"""PDF export: parse the produced PDF (pypdf, pikepdf) and check what a council paper needs."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from orgdesigner import layout, style
from orgdesigner.catalog import LEVEL_IDS
from orgdesigner.cli import main
from orgdesigner.export import PdfOptions, export_pdf, render
from orgdesigner.export.pdfa import srgb_profile
from orgdesigner.fileformat import save
from orgdesigner.model import Edge, Meta, Node, OrgModel
from orgdesigner.templates import TEMPLATES
from tests.helpers import laid_out

DATE = dt.date(2026, 11, 26)
MM = 72 / 25.4


def _squash(text: str) -> str:
    """Text without any whitespace: node labels wrap over lines in the chart."""
    return re.sub(r"\s+", "", text)


def _text(data: bytes, pages: slice = slice(None)) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(p.extract_text() or "" for p in reader.pages[pages])


def _umlaut_model() -> OrgModel:
    m = TEMPLATES[0].build()
    first = m.nodes[0]
    nodes = [first.model_copy(update={"label": "Große Straßenbeleuchtung"}), *m.nodes[1:]]
    return OrgModel(
        meta=Meta(title="Smart-City-Organisation Müßighausen", author="Jürgen Öztürk",
                  municipality="Müßighausen", status="proposal", version="2", date=DATE),
        nodes=nodes,
        edges=m.edges,
    )  # fmt: skip


@pytest.fixture(scope="module")
def umlaut_pdf() -> bytes:
    data, _ = render(_umlaut_model(), PdfOptions(landscape=True))
    return data


# ---------------------------------------------------------------------------
# content
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.name)
def test_every_node_label_is_on_the_chart_page(template: object) -> None:
    model = template.build()  # type: ignore[attr-defined]
    data, report = render(model, PdfOptions(paper="a3", landscape=True, appendix=False))
    assert report.pages == 1
    text = _squash(_text(data))
    for node in model.nodes:
        assert _squash(node.label) in text, node.label


def test_umlauts_and_sharp_s_are_extractable(umlaut_pdf: bytes) -> None:
    chart = _text(umlaut_pdf, slice(0, 1))
    assert "Große Straßenbeleuchtung" in chart
    assert "Smart-City-Organisation Müßighausen" in chart
    assert "Beschlussvorlage" in chart
    assert "Stand: 26.11.2026" in chart
    assert (
        "Quelle: BBSR (2024): Organisation und Management in smarten Städten und Regionen" in chart
    )
    assert "Ebenen:" in chart and "Beziehungen:" in chart


def test_title_block_attachment_and_paper_number() -> None:
    data, _ = render(_umlaut_model(), PdfOptions(attachment="3", paper_number="0815/2026",
                                                 appendix=False))  # fmt: skip
    assert "Anlage 3 zur Vorlage 0815/2026" in _text(data)


def test_status_labels() -> None:
    for status, label in (("draft", "Entwurf"), ("proposal", "Beschlussvorlage"),
                          ("adopted", "beschlossen")):  # fmt: skip
        model = TEMPLATES[5].build()
        model.meta = model.meta.model_copy(update={"status": status})
        data, _ = render(model, PdfOptions(appendix=False, pdfa=False))
        assert label in _text(data)


def test_appendix_headings_german() -> None:
    model = _umlaut_model()
    model.suppressed_rules = {"no-advisory": "Ein Beirat ist erst für 2027 geplant."}
    model.reflection = {"B1.Q1": "Ja, der Rat hat am 1. März beschlossen & <b>zugestimmt</b>."}
    data, report = render(model, PdfOptions(date=DATE))
    assert report.pages > report.chart_pages == 1
    text = _text(data, slice(1, None))
    for heading in (
        "Prüfergebnisse",
        "Bewusst angenommene Befunde",
        "Vorzüge und Nachteile der verwendeten Organisationsformen (zitiert nach Tabelle",
        "Antworten auf die Leitfragen",
        "Gliederung",
    ):
        assert _squash(heading) in _squash(text), heading
    assert "Ein Beirat ist erst für 2027 geplant." in text
    assert "zugestimmt</b>" in _squash(text)
    assert "Kap." in text and "Tabelle 2" in text
    for level in ("Politische Ebene", "Koordinationsebene", "Umsetzungsebene"):
        assert level in text


def test_appendix_parts_are_optional() -> None:
    model = TEMPLATES[0].build()
    data, _ = render(model, PdfOptions(appendix_parts=("outline",), pdfa=False))
    text = _text(data)
    assert "Gliederung" in text and "Prüfergebnisse" not in text


def test_english() -> None:
    data, _ = render(TEMPLATES[0].build(), PdfOptions(lang="en", date=DATE))
    text = _text(data)
    for words in ("Levels:", "Relations:", "Check results", "Outline", "Draft", "Page 1 of"):
        assert words in text, words
    assert pikepdf.open(io.BytesIO(data)).Root.Lang == "en-US"


# ---------------------------------------------------------------------------
# page setup
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("paper", ["a4", "a3"])
@pytest.mark.parametrize("landscape", [False, True])
def test_page_size_and_orientation(paper: str, landscape: bool) -> None:
    data, report = render(TEMPLATES[1].build(),
                          PdfOptions(paper=paper, landscape=landscape, pdfa=False))  # type: ignore[arg-type]  # fmt: skip
    short, long_ = {"a4": (210, 297), "a3": (297, 420)}[paper]
    expected = (long_, short) if landscape else (short, long_)
    for page in PdfReader(io.BytesIO(data)).pages:
        w, h = float(page.mediabox.width) / MM, float(page.mediabox.height) / MM
        assert (round(w), round(h)) == expected
    assert report.page_size[0] > report.page_size[1] if landscape else True


def _big_model(n: int = 200) -> OrgModel:
    per_level = n // len(LEVEL_IDS)
    nodes = [
        Node(id=f"n{i}", level=LEVEL_IDS[i // per_level], label=f"Einheit {i} Größe",
             x=0, y=0)
        for i in range(n)
    ]  # fmt: skip
    edges = [Edge(id=f"e{i}", type="informs", source=f"n{i}", target=f"n{i + 1}")
             for i in range(n - 1)]  # fmt: skip
    model = OrgModel(nodes=nodes, edges=edges, meta=Meta(title="Großes Modell", date=DATE))
    positions = layout.auto_layout(model)
    model.nodes = [nd.model_copy(update={"x": positions.get(nd.id, (nd.x, nd.y))[0],
                                         "y": positions.get(nd.id, (nd.x, nd.y))[1]})
                   for nd in model.nodes]  # fmt: skip
    return model


def test_200_nodes_tiled_on_a4_keep_text_readable() -> None:
    model = _big_model()
    data, report = render(model, PdfOptions(tiles="auto", appendix=False))
    assert report.min_node_text_pt >= 6.0
    assert report.chart_pages == report.tiles[0] * report.tiles[1] > 1
    assert not report.messages
    text = _text(data)
    total = report.pages
    for i in range(1, total + 1):
        assert f"Seite {i} von {total}" in text
    squashed = _squash(text)
    for node in model.nodes:
        assert _squash(node.label) in squashed


def test_explicit_tiles_and_overlap() -> None:
    data, report = render(TEMPLATES[0].build(),
                          PdfOptions(tiles=(2, 1), appendix=False, pdfa=False))  # fmt: skip
    assert report.pages == report.chart_pages == 2
    text = _text(data)
    assert "Teil 1 von 2" in text and "Teil 2 von 2" in text and "Seite 2 von 2" in text


def test_fit_to_page_says_when_text_shrinks() -> None:
    _, report = render(_big_model(), PdfOptions(paper="a3", appendix=False, pdfa=False))
    assert report.tiles == (1, 1)
    assert report.min_node_text_pt < 6.0
    assert report.text_shrunk_below_minimum
    assert any("verkleinert die Schrift" in m for m in report.messages)
    _, small = render(TEMPLATES[5].build(), PdfOptions(paper="a3", landscape=True, pdfa=False))
    assert small.min_node_text_pt >= 6.0 and not small.messages


# ---------------------------------------------------------------------------
# fonts, metadata, PDF/A
# ---------------------------------------------------------------------------
def _fonts(pdf: pikepdf.Pdf) -> dict[str, pikepdf.Dictionary]:
    found: dict[str, pikepdf.Dictionary] = {}
    for page in pdf.pages:
        for font in page.Resources.get("/Font", {}).values():
            found[str(font.BaseFont)] = font
    return found


def test_every_font_is_embedded(umlaut_pdf: bytes) -> None:
    pdf = pikepdf.open(io.BytesIO(umlaut_pdf))
    fonts = _fonts(pdf)
    assert fonts, "no fonts found"
    for name, font in fonts.items():
        assert "DejaVuSans" in name, name
        descriptor = font.FontDescriptor
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), name


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="pdffonts not installed")
def test_pdffonts_reports_all_embedded(tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    export_pdf(_umlaut_model(), out)
    lines = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]  # fmt: skip
    assert lines
    for line in lines:
        assert line.split()[-5] == "yes", line  # the "emb" column


def test_metadata_and_pdfa_identification(umlaut_pdf: bytes) -> None:
    pdf = pikepdf.open(io.BytesIO(umlaut_pdf))
    info = pdf.docinfo
    assert str(info.Title) == "Smart-City-Organisation Müßighausen"
    assert str(info.Author) == "Jürgen Öztürk"
    assert "Müßighausen" in str(info.Subject)
    assert "Smart City" in str(info.Keywords)
    assert str(info.Creator).startswith("OrgDesigner")
    assert pdf.Root.Lang == "de-DE"
    assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
    meta = pdf.open_metadata()
    assert meta["pdfaid:part"] == "2"
    assert meta["pdfaid:conformance"] == "A"  # tagged by default: PDF/A-2a
    assert meta["pdfuaid:part"] == "1"
    assert meta["dc:title"] == str(info.Title)
    assert meta["pdf:Keywords"] == str(info.Keywords)
    assert meta["xmp:CreatorTool"] == str(info.Creator)
    assert meta["pdf:Producer"] == str(info.Producer)
    # the XMP packet must stay readable: no filter on the metadata stream
    assert "/Filter" not in pdf.Root.Metadata.stream_dict
    raw = pdf.Root.Metadata.read_raw_bytes()
    assert b"pdfaid" in raw
    intents = pdf.Root.OutputIntents
    assert len(intents) == 1
    assert intents[0].S == "/GTS_PDFA1"
    assert intents[0].DestOutputProfile.N == 3
    assert "sRGB" in str(intents[0].OutputConditionIdentifier)


def test_untagged_export_claims_pdfa_2b_only() -> None:
    data, _ = render(_umlaut_model(), PdfOptions(tagged=False, appendix=False))
    pdf = pikepdf.open(io.BytesIO(data))
    meta = pdf.open_metadata()
    assert meta["pdfaid:conformance"] == "B"
    assert "pdfuaid:part" not in meta
    assert "/StructTreeRoot" not in pdf.Root


def test_dates_come_from_the_model_or_the_option() -> None:
    model = _umlaut_model()
    data, _ = render(model, PdfOptions(appendix=False))
    pdf = pikepdf.open(io.BytesIO(data))
    assert str(pdf.docinfo.CreationDate) == "D:20261126000000Z"
    assert pdf.open_metadata()["xmp:CreateDate"].startswith("2026-11-26")
    data2, _ = render(model, PdfOptions(appendix=False, date=dt.date(2027, 1, 5)))
    assert str(pikepdf.open(io.BytesIO(data2)).docinfo.ModDate) == "D:20270105000000Z"
    assert "Stand: 05.01.2027" in _text(data2)


def test_srgb_profile_is_fixed() -> None:
    profile = srgb_profile()
    assert profile[36:40] == b"acsp"
    assert profile[16:20] == b"RGB "
    assert len(profile) > 400


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf not installed")
def test_qpdf_check_is_clean(tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    export_pdf(_umlaut_model(), out, PdfOptions(tiles=(2, 2)))
    result = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout


# ---------------------------------------------------------------------------
# deterministic bytes
# ---------------------------------------------------------------------------
def test_same_model_and_options_give_the_same_bytes() -> None:
    options = PdfOptions(tiles=(2, 1), date=DATE)
    first, _ = render(_umlaut_model(), options)
    second, _ = render(_umlaut_model(), options)
    assert first == second
    other, _ = render(_umlaut_model(), PdfOptions(tiles=(2, 1), date=dt.date(2026, 1, 1)))
    assert other != first


def test_deterministic_across_processes(tmp_path: Path) -> None:
    src = tmp_path / "m.orgmodel.json"
    save(_umlaut_model(), src)
    outs = []
    for i in range(2):
        out = tmp_path / f"o{i}.pdf"
        subprocess.run([sys.executable, "-m", "orgdesigner", "export", str(src), "-o", str(out)],
                       check=True, capture_output=True)  # fmt: skip
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


# ---------------------------------------------------------------------------
# hostile labels
# ---------------------------------------------------------------------------
HOSTILE = [
    "<b>x</b>",
    "&amp;",
    "</para>",
    "Lorem " * 1666 + "Ende",
    "مكتب المدينة الذكية",
    "Team 🚀 Digital 😀",  # DejaVu has 😀 but no 🚀: written as [U+1F680]
    "Ämter & <Öffentlichkeit> \"Zitat\" 'x' \\ ( ) %",
]


def test_hostile_labels_export_and_appear_literally() -> None:
    base = TEMPLATES[5].build()
    nodes = list(base.nodes)
    for i, label in enumerate(HOSTILE):
        nodes.append(Node(id=f"h{i}", level="implementation", label=label,
                          x=180 + 200 * i, y=400))  # fmt: skip
    edges = [*base.edges, Edge(id="eh", type="informs", source="h0", target="h1",
                               label="<i>&lt;kante&gt;</i>")]  # fmt: skip
    model = OrgModel(meta=Meta(title="<title> & </para>", author="<b>A&B</b>"), nodes=nodes,
                     edges=edges)  # fmt: skip
    data, report = render(model, PdfOptions(appendix_parts=("outline",)))
    text = _text(data)
    # the page footer ("Seite x von y" and the title) interrupts text that runs over a page
    squashed = re.sub(r"Seite\d+von\d+(<title>&</para>)?", "", _squash(text))
    for label in HOSTILE:
        if label.startswith("مكتب"):
            # no shaping/bidi in reportlab: the letters are there, drawn left to right
            assert all(ch in text for ch in label.replace(" ", "")), label
        else:
            expected = label.replace("🚀", "[U+1F680]")
            assert _squash(expected) in squashed, label[:40]
    assert report.missing_glyphs == ("🚀",)
    assert any("[U+1F680]" in m for m in report.messages)
    assert "<i>&lt;kante&gt;</i>" in text
    assert "<title> & </para>" in text
    assert str(pikepdf.open(io.BytesIO(data)).docinfo.Title) == "<title> & </para>"
    assert report.pages >= 2


# ---------------------------------------------------------------------------
# streams, command line, layering
# ---------------------------------------------------------------------------
def test_export_to_stream_and_path(tmp_path: Path) -> None:
    buf = io.BytesIO()
    report = export_pdf(TEMPLATES[2].build(), buf, PdfOptions(date=DATE))
    assert buf.getvalue().startswith(b"%PDF-")
    assert report.pages == len(PdfReader(io.BytesIO(buf.getvalue())).pages)
    out = tmp_path / "a.pdf"
    export_pdf(TEMPLATES[2].build(), out, PdfOptions(date=DATE))
    assert out.read_bytes() == buf.getvalue()
    assert not list(tmp_path.glob(".*.tmp"))


def test_cli_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "m.orgmodel.json"
    save(TEMPLATES[0].build(), src)
    out = tmp_path / "out.pdf"
    code = main(["export", str(src), "-o", str(out), "--paper", "a3", "--landscape",
                 "--date", "2026-11-26", "--anlage", "4", "--tiles", "2x1"])  # fmt: skip
    assert code == 0
    reader = PdfReader(str(out))
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height
    assert "Anlage 4" in reader.pages[0].extract_text()
    assert "Gespeichert" in capsys.readouterr().out
    out2 = tmp_path / "out2.pdf"
    assert main(["export", str(src), "-o", str(out2), "--no-appendix"]) == 0
    assert len(PdfReader(str(out2)).pages) == 1


def test_cli_export_errors(tmp_path: Path) -> None:
    src = tmp_path / "m.orgmodel.json"
    save(TEMPLATES[0].build(), src)
    out = str(tmp_path / "o.pdf")
    assert main(["export", str(src), "-o", out, "--tiles", "0x3"]) == 2
    assert main(["export", str(src), "-o", out, "--date", "26.11.2026"]) == 2
    assert main(["export", str(tmp_path / "missing.json"), "-o", out]) == 2


def test_cli_export_warns_when_text_shrinks(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    model = laid_out(TEMPLATES[0].build(), one_row=True)  # too wide for one A4 page
    src = tmp_path / "m.orgmodel.json"
    save(model, src)
    assert main(["export", str(src), "-o", str(tmp_path / "o.pdf"), "--portrait"]) == 0
    assert "verkleinert die Schrift" in capsys.readouterr().err


def test_export_never_imports_qt() -> None:
    code = (
        "import sys, orgdesigner.export, orgdesigner.export.appendix, orgdesigner.export.pdfa;"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))];"
        "sys.exit(1 if bad else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_style_is_the_single_source() -> None:
    """Colours are hex strings only in orgdesigner/style.py: the PDF, the canvas and the
    windows cannot drift apart (a colour changed in one place changes everywhere)."""
    package = Path(style.__file__).parent
    offenders = [
        f"{path.relative_to(package)}:{number}: {line.strip()}"
        for folder in ("export", "canvas", "ui")
        for path in sorted(package.joinpath(folder).glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"#[0-9A-Fa-f]{6}\b", line)
    ]
    assert offenders == []


def test_empty_meta_fields_are_left_out_of_info_and_xmp() -> None:
    data, _ = render(TEMPLATES[5].build(), PdfOptions(appendix=False))
    pdf = pikepdf.open(io.BytesIO(data))
    assert "/Author" not in pdf.docinfo
    assert "dc:creator" not in str(pdf.open_metadata())
    assert "/CreationDate" not in pdf.docinfo  # no date in the model, none given


# ---------------------------------------------------------------------------
# rules by title, never by id (DOMAIN.md §6d)
# ---------------------------------------------------------------------------
RULE_MODELS = Path(__file__).resolve().parents[1] / "data" / "rules"


def _rule_ids_in(text: str) -> list[str]:
    """The registry's rule ids in ``text``, also where a line break cut one."""
    from orgdesigner.rules import REGISTRY

    squashed = _squash(text)
    return [rule_id for rule_id in REGISTRY if rule_id in text or rule_id in squashed]


def _with_findings() -> list[tuple[str, OrgModel]]:
    """Every template and, for each rule, a model on which it fires (tests/data/rules)."""
    from orgdesigner.fileformat import load

    models = [(t.name, t.build()) for t in TEMPLATES]
    for path in sorted(RULE_MODELS.glob("*.fires.orgmodel.json")):
        models.append((path.name.removesuffix(".fires.orgmodel.json"), load(path)))
    return models


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize(("name", "model"), _with_findings(), ids=[n for n, _ in _with_findings()])
def test_pdf_names_rules_by_title_never_by_id(name: str, model: OrgModel, lang: str) -> None:
    """Findings and accepted findings (a rule switched off with a reason) appear by title."""
    from orgdesigner.rules import evaluate

    found = evaluate(model)
    if found:  # accept the first finding's rule, keep the others as findings
        model.suppressed_rules[found[0].rule_id] = "Im Rat am 3. März so beschlossen."
    found = evaluate(model)
    data, _ = render(model, PdfOptions(lang=lang, date=DATE, pdfa=False))  # type: ignore[arg-type]
    text = _text(data)
    assert not _rule_ids_in(text)
    for f in found:
        assert _squash(f.title(lang)) in _squash(text), f.title(lang)
    if found:
        assert "Im Rat am 3. März so beschlossen." in text


def test_exported_templates_pdftotext_show_no_rule_id(tmp_path: Path) -> None:
    """``orgdesigner export`` of each template, read back by pdftotext as a reader would."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    for template in TEMPLATES:
        model = template.build()
        model.suppressed_rules["no-advisory"] = "Ein Beirat folgt 2027."
        source = tmp_path / f"{template.name}.orgmodel.json"
        save(model, source)
        out = tmp_path / f"{template.name}.pdf"
        assert main(["export", str(source), "-o", str(out), "--date", "2026-11-26"]) == 0
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                              check=True).stdout  # fmt: skip
        assert "Kein Beirat" in text and "Ein Beirat folgt 2027." in text
        assert not _rule_ids_in(text), template.name
