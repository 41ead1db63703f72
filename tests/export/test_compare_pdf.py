"""The „Gegenüberstellung“ PDF: bisher and künftig at one scale, the change markers, the
table „Was sich ändert“ and the verdict's change – read back as a reader and a checker
would (pdftotext, rasterised pages, pikepdf's structure tree, pdfua, qpdf)."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from orgdesigner.cli import main
from orgdesigner.compare import change_rows, compare, verdict_summary
from orgdesigner.drawing.page import PagePlan, PdfOptions
from orgdesigner.errors import ModelFileError
from orgdesigner.export.comparison import comparison_plan, render_comparison
from orgdesigner.fileformat import load, save
from orgdesigner.model import OrgModel
from tests.export.test_pdf import _rule_ids_in, _squash
from tests.export.test_tagged import _structure
from tests.helpers import proposal

DATE = dt.date(2026, 12, 2)
DPI = 200
PX = DPI / 72.0

pytestmark = pytest.mark.skipif(
    shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None,
    reason="pdftoppm and pdftotext (Debian package poppler-utils) read the pages back",
)


def _options(lang: str) -> PdfOptions:
    return PdfOptions(lang=lang, date=DATE, attachment="3", paper_number="0815/2026")


@cache
def _pdf(lang: str = "de") -> bytes:
    old, new = proposal()
    return render_comparison(old, new, _options(lang))[0]


def _without_lead() -> tuple[OrgModel, OrgModel]:
    """The proposal that also drops the Projektleitung: the verdict changes."""
    old, new = proposal()
    data = json.loads(new.model_dump_json())
    data["nodes"] = [n for n in data["nodes"] if n["id"] != "lead"]
    data["edges"] = [e for e in data["edges"] if "lead" not in (e["source"], e["target"])]
    return old, OrgModel.model_validate(data)


def _pdftotext(data: bytes, tmp_path: Path, page: int | None = None) -> str:
    path = tmp_path / "cmp.pdf"
    path.write_bytes(data)
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", *pages, str(path), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip


def _raster(data: bytes, tmp_path: Path, page: int) -> Image.Image:
    path = tmp_path / "cmp.pdf"
    path.write_bytes(data)
    subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-f", str(page), "-l", str(page),
                    "-singlefile", str(path), str(tmp_path / f"p{page}")], check=True)  # fmt: skip
    with Image.open(tmp_path / f"p{page}.png") as image:
        return image.convert("L")  # greyscale: what a photocopy keeps


def _px(plan: PagePlan, x: float, y: float) -> tuple[float, float]:
    px, py = plan.to_page(0, 0, x, y)
    return px * PX, py * PX


# ---------------------------------------------------------------------------
# what the document says
# ---------------------------------------------------------------------------
def test_both_versions_the_change_table_and_the_verdict_are_in_the_pdf(tmp_path: Path) -> None:
    old, new = proposal()
    data = _pdf("de")
    before = _squash(_pdftotext(data, tmp_path, 1))
    after = _squash(_pdftotext(data, tmp_path, 2))
    text = _pdftotext(data, tmp_path)
    assert before.startswith("Bisher:")
    assert "Künftig:" in after
    for n in old.nodes:
        assert _squash(n.label) in before, n.label
    for n in new.nodes:
        assert _squash(n.label) in after, n.label
    # the removed project group stands on the künftig page as a ghost with its old name
    assert _squash("Projektgruppe Bürgerservice") in after
    # the renamed unit is gone under its old name (it stays in the model's title only)
    assert _pdftotext(data, tmp_path, 2).count("Stabsstelle Smart City") == 1
    assert _pdftotext(data, tmp_path, 1).count("Stabsstelle Smart City") == 2
    assert "bisher" in text and "künftig" in text
    assert "Was sich ändert" in text and "Was sich an der Prüfung ändert" in text
    squashed = _squash(text)
    c = compare(old, new)
    for row in change_rows(c, "de"):
        for cell in (row.what, row.before, row.after):
            assert _squash(cell) in squashed, cell
    assert _squash(verdict_summary(c, "de")) in squashed
    assert "Seite 1 von 3" in text and "Seite 3 von 3" in text
    assert "Anlage 3 zur Vorlage 0815/2026" in text
    assert not _rule_ids_in(text)


def test_the_change_table_is_a_tagged_table() -> None:
    old, new = proposal()
    pdf = pikepdf.open(io.BytesIO(_pdf("de")))
    tree = _structure(pdf)
    (table,) = [n for n in tree.walk() if n.tag == "Table"]
    rows = [k for k in table.kids if k.tag == "TR"]
    assert len(rows) == len(change_rows(compare(old, new), "de")) + 1
    assert [k.tag for k in rows[0].kids] == ["TH", "TH", "TH"]
    assert all([k.tag for k in r.kids] == ["TH", "TD", "TD"] for r in rows[1:])
    figures = [n for n in tree.walk() if n.tag == "Figure"]
    assert len(figures) == 2
    assert "Markiert" in str(figures[1].obj.Alt) and "1 neue Einheit" in str(figures[1].obj.Alt)


def test_the_verdict_change_lists_findings_resolved_and_introduced(tmp_path: Path) -> None:
    old, new = _without_lead()
    c = compare(old, new)
    assert c.findings_resolved and c.findings_introduced
    for lang in ("de", "en"):
        text = _pdftotext(render_comparison(old, new, _options(lang))[0], tmp_path)
        squashed = _squash(text)
        assert _squash(verdict_summary(c, lang)) in squashed
        for f in (*c.findings_resolved, *c.findings_introduced):
            assert _squash(f.title(lang)) in squashed, f.title(lang)
            assert _squash(f.citation.format(lang)) in squashed
        assert not _rule_ids_in(text)
    assert "Befunde, die entfallen" in _pdftotext(render_comparison(old, new, _options("de"))[0],
                                                  tmp_path)  # fmt: skip


def test_english_export(tmp_path: Path) -> None:
    text = _pdftotext(_pdf("en"), tmp_path)
    assert "Before:" in text and "After:" in text and "What changes" in text
    assert "Unit or relation" in text and "Page 3 of 3" in text
    assert "bisher" not in text and "künftig" not in text and "Seite" not in text


# ---------------------------------------------------------------------------
# one scale, one frame; the markers where drawing/changes.py puts them
# ---------------------------------------------------------------------------
def test_both_charts_share_scale_and_frame(tmp_path: Path) -> None:
    old, new = proposal()
    plan = comparison_plan(old, new, _options("de"))
    assert plan.before.scale == plan.after.scale
    assert plan.before.chart.extent == plan.after.chart.extent
    assert plan.before.area == plan.after.area
    # a unit that stays where it was is drawn on the same spot of both pages
    rat = old.nodes[old.node_index("rat")]
    corner = _px(plan.before, rat.x + rat.width / 2, rat.y)
    assert corner == _px(plan.after, rat.x + rat.width / 2, rat.y)
    data = _pdf("de")
    for page in (1, 2):
        image = _raster(data, tmp_path, page)
        x, y = round(corner[0]), round(corner[1])
        assert min(image.getpixel((x, y + d)) for d in (-1, 0, 1)) < 200  # type: ignore[operator]


def _badge_words(data: bytes, tmp_path: Path) -> list[tuple[str, float, float]]:
    path = tmp_path / "bbox.pdf"
    path.write_bytes(data)
    html = subprocess.run(["pdftotext", "-bbox", "-f", "2", "-l", "2", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    from xml.etree import ElementTree

    words = []
    for el in ElementTree.fromstring(html).iter("{http://www.w3.org/1999/xhtml}word"):
        if el.text in ("+", "–", "Δ"):
            x = (float(el.get("xMin", 0)) + float(el.get("xMax", 0))) / 2
            y = (float(el.get("yMin", 0)) + float(el.get("yMax", 0))) / 2
            words.append((el.text, x, y))
    return words


def test_badges_are_drawn_where_the_markers_say(tmp_path: Path) -> None:
    old, new = proposal()
    plan = comparison_plan(old, new, _options("de"))
    markers = plan.markers
    assert {(b.change, b.subject, b.relation) for b in markers.badges} == {
        ("added", "eth", False), ("removed", "pg3", False), ("changed", "stab", False),
        ("added", "e30", True), ("removed", "e11", True), ("removed", "e15", True),
        ("changed", "e19", True),
    }  # fmt: skip
    words = _badge_words(_pdf("de"), tmp_path)
    for badge in markers.badges:
        x, y = plan.after.to_page(0, 0, *badge.centre)
        assert any(g == badge.glyph and abs(wx - x) < 3 and abs(wy - y) < 4
                   for g, wx, wy in words), (badge, words)  # fmt: skip


def _dark_runs(image: Image.Image, y: int, x0: int, x1: int) -> list[int]:
    """The lengths of the dark runs along row ``y`` from ``x0`` to ``x1``."""
    runs, current = [], 0
    for x in range(x0, x1):
        if image.getpixel((x, y)) < 160:  # type: ignore[operator]
            current += 1
        elif current:
            runs.append(current)
            current = 0
    if current:
        runs.append(current)
    return runs


def test_added_units_are_thick_and_removed_ones_dashed_ghosts(tmp_path: Path) -> None:
    old, new = proposal()
    plan = comparison_plan(old, new, _options("de"))
    image = _raster(_pdf("de"), tmp_path, 2)

    def border_thickness(node_id: str) -> int:
        box = plan.after.chart.units[node_id].box
        x, y = _px(plan.after, box[0] + box[2] * 0.4, box[1])
        return sum(1 for dy in range(-8, 9)
                   if image.getpixel((round(x), round(y) + dy)) < 160)  # type: ignore[operator]  # fmt: skip

    assert border_thickness("eth") >= 2 * border_thickness("beirat") >= 2
    # the ghost of the removed project group: a dashed outline at its old place
    ghost = next(u for u in plan.markers.ghost_units if u.id == "pg3")
    gx, gy, gw, _gh = ghost.box
    left, top = _px(plan.after, gx + 12, gy)
    right, _ = _px(plan.after, gx + gw - 12, gy)
    dashes = max((_dark_runs(image, round(top) + dy, round(left), round(right))
                  for dy in (-1, 0, 1)), key=len)  # fmt: skip
    assert len(dashes) >= 10, dashes
    # a unit that stays is drawn with a solid border
    kept = plan.after.chart.units["pg2"].box
    left, top = _px(plan.after, kept[0] + 12, kept[1])
    right, _ = _px(plan.after, kept[0] + kept[2] - 12, kept[1])
    solid = max((_dark_runs(image, round(top) + dy, round(left), round(right))
                 for dy in (-1, 0, 1)), key=lambda r: max(r, default=0))  # fmt: skip
    assert max(solid) >= right - left - 2


# ---------------------------------------------------------------------------
# a file a checker accepts, the same bytes each time
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["de", "en"])
def test_pdfua_passes_and_qpdf_is_clean(lang: str, tmp_path: Path) -> None:
    from pdfua import validate

    out = tmp_path / f"vergleich-{lang}.pdf"
    out.write_bytes(_pdf(lang))
    report = validate(str(out))
    assert [(f.rule_id, f.message) for f in report.findings] == []
    if shutil.which("qpdf") is not None:
        check = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr
        assert "No syntax or stream encoding errors found" in check.stdout


def test_same_input_gives_the_same_bytes() -> None:
    old, new = proposal()
    assert render_comparison(old, new, _options("de"))[0] == _pdf("de")


# ---------------------------------------------------------------------------
# the command line
# ---------------------------------------------------------------------------
def _files(tmp_path: Path) -> tuple[Path, Path]:
    old, new = proposal()
    a, b = tmp_path / "bisher.orgmodel", tmp_path / "kuenftig.orgmodel"
    save(old, a)
    save(new, b)
    return a, b


def test_cli_writes_the_comparison_and_leaves_both_models_alone(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    a, b = _files(tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    out = tmp_path / "vergleich.pdf"
    assert main(["--lang", "de", "export", str(b), "--compare", str(a), "-o", str(out),
                 "--date", "2026-12-02", "--anlage", "3", "--vorlage", "0815/2026"]) == 0  # fmt: skip
    assert "Gegenüberstellung, 3 Seiten" in capsys.readouterr().out
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p != out} == before
    assert out.read_bytes() == _pdf("de")


@pytest.mark.parametrize("broken", ['{"format": "orgdesigner-model", "format_version": 99}',
                                    "kein JSON"])  # fmt: skip
def test_cli_broken_old_file_exits_2_with_the_loaders_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], broken: str
) -> None:
    _, b = _files(tmp_path)
    bad = tmp_path / "kaputt.orgmodel"
    bad.write_text(broken, encoding="utf-8")
    with pytest.raises(ModelFileError) as caught:
        load(bad)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    out = tmp_path / "vergleich.pdf"
    assert main(["--lang", "de", "export", str(b), "--compare", str(bad), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert caught.value.message() in err and "Traceback" not in err
    assert not out.exists()
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_cli_compare_refuses_tiles_and_word(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = _files(tmp_path)
    for extra in (["-o", str(tmp_path / "v.docx")], ["-o", str(tmp_path / "v.pdf"), "--tiles", "2x1"]):
        assert main(["--lang", "de", "export", str(b), "--compare", str(a), *extra]) == 2
        assert "--compare" in capsys.readouterr().err
    assert not (tmp_path / "v.docx").exists() and not (tmp_path / "v.pdf").exists()


def test_equal_versions_and_an_empty_old_version_still_make_a_valid_document(tmp_path: Path) -> None:
    from pdfua import validate

    old, new = proposal()
    same = render_comparison(old, old.model_copy(deep=True), _options("de"))[0]
    text = _pdftotext(same, tmp_path)
    assert "Die beiden Fassungen sind gleich." in text
    assert "Die Prüfung bleibt unverändert." in text
    everything_new = render_comparison(OrgModel(), new, _options("de"))[0]
    squashed = _squash(_pdftotext(everything_new, tmp_path))
    assert all(_squash(f"+ {n.label}") in squashed for n in new.nodes)
    for data in (same, everything_new):
        out = tmp_path / "check.pdf"
        out.write_bytes(data)
        assert not validate(str(out)).findings


def test_every_mark_is_tagged_content_or_an_artifact() -> None:
    """Badges, ghosts and the marker legend included: nothing is drawn outside marked
    content, and nothing is both."""
    from collections import Counter

    from tests.export.test_tagged import TEXT_OPS, _content

    pdf = pikepdf.open(io.BytesIO(_pdf("de")))
    shown = _content(pdf)
    assert any(s.operator in TEXT_OPS and s.page == 1 for s in shown)
    assert [s for s in shown if s.mcid is None and not s.artifact] == []
    assert [s for s in shown if s.mcid is not None and s.artifact] == []
    referenced = Counter(m for node in _structure(pdf).walk() for m in node.marks)
    assert {(s.page, s.mcid) for s in shown if s.mcid is not None} <= set(referenced)
    assert [m for m, n in referenced.items() if n > 1] == []
