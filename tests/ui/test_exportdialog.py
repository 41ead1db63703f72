"""The PDF export dialog: options, preview, what the export will do, writing the file."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from orgdesigner.export import APPENDIX_PARTS, PdfOptions, page_plan, render
from orgdesigner.i18n import set_language
from orgdesigner.model import OrgModel
from orgdesigner.templates import example_model
from orgdesigner.ui import exportdialog
from orgdesigner.ui.exportdialog import ExportDialog, empty_tiles
from orgdesigner.ui.mainwindow import MainWindow
from tests.helpers import laid_out
from tests.ui.conftest import RecordingPrompter, small_model


@pytest.fixture(autouse=True)
def _german() -> Iterator[None]:
    set_language("de")
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(before)


def make_dialog(qtbot: Any, model: OrgModel | None = None, **kwargs: Any) -> ExportDialog:
    dialog = ExportDialog(small_model() if model is None else model, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def wide_model() -> OrgModel:
    """The example model with every band in one row: too wide for A4 portrait."""
    return laid_out(example_model(), one_row=True)


def pt(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def a4_portrait_dialog(qtbot: Any) -> ExportDialog:
    """The dialog for a wide model, set to A4 portrait (where its text gets small)."""
    d = make_dialog(qtbot, wide_model())
    d.a4_radio.setChecked(True)
    d.portrait_radio.setChecked(True)
    return d


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


# -- options ---------------------------------------------------------------------------------
def test_defaults(qtbot: Any) -> None:
    model = small_model()
    model = model.model_copy(
        update={"meta": model.meta.model_copy(update={"date": dt.date(2025, 3, 1)})}
    )
    options = make_dialog(qtbot, model).options()
    assert options.paper == "a4"
    assert options.tiles is None
    assert options.appendix and options.appendix_parts == APPENDIX_PARTS
    assert options.pdfa
    assert options.date == dt.date(2025, 3, 1)  # the model's date
    assert options.attachment == "" and options.paper_number == ""


def test_date_defaults_to_today_without_a_model_date(qtbot: Any) -> None:
    assert make_dialog(qtbot).options().date == dt.date.today()


def test_orientation_follows_the_chart(qtbot: Any) -> None:
    # the small model is wider than tall: landscape; a tall model: portrait
    assert make_dialog(qtbot).options().landscape
    from orgdesigner.model import Node

    tall = OrgModel(nodes=[Node(id="a", level="advisory", label="A", x=160, y=1500)])
    assert not make_dialog(qtbot, tall).options().landscape


def test_controls_map_to_pdf_options(qtbot: Any) -> None:
    d = make_dialog(qtbot)
    d.a3_radio.setChecked(True)
    d.portrait_radio.setChecked(True)
    d.tiles_radio.setChecked(True)
    d.cols_spin.setValue(3)
    d.rows_spin.setValue(2)
    d.part_checks["findings"].setChecked(False)
    d.part_checks["reflection"].setChecked(False)
    d.date_edit.setDate(dt.date(2025, 6, 30))
    d.attachment_edit.setText(" 3 ")
    d.paper_number_edit.setText("2025/0123")
    d.pdfa_check.setChecked(False)
    o = d.options()
    assert (o.paper, o.landscape, o.tiles) == ("a3", False, (3, 2))
    assert o.appendix and o.appendix_parts == ("accepted", "functions", "pros_cons", "outline")
    assert (o.date, o.attachment, o.paper_number, o.pdfa) == (
        dt.date(2025, 6, 30),
        "3",
        "2025/0123",
        False,
    )
    d.auto_radio.setChecked(True)
    assert d.options().tiles == "auto"
    d.fit_radio.setChecked(True)
    assert d.options().tiles is None
    for check in d.part_checks.values():
        check.setChecked(False)
    o = d.options()
    assert not o.appendix and o.appendix_parts == ()


def test_changing_a_tile_count_chooses_tiling(qtbot: Any) -> None:
    d = make_dialog(qtbot)
    assert d.fit_radio.isChecked()
    d.cols_spin.setValue(3)
    assert d.tiles_radio.isChecked() and d.options().tiles == (3, 1)


def test_choices_are_remembered(qtbot: Any, tmp_path: Path) -> None:
    d = make_dialog(qtbot)
    d.a3_radio.setChecked(True)
    d.tiles_radio.setChecked(True)
    d.cols_spin.setValue(2)
    d.rows_spin.setValue(2)
    for part in ("findings", "accepted", "functions", "pros_cons", "reflection", "outline"):
        d.part_checks[part].setChecked(part == "outline")
    d.pdfa_check.setChecked(False)
    d.remember()
    again = make_dialog(qtbot).options()
    assert (again.paper, again.tiles, again.appendix_parts, again.pdfa) == (
        "a3",
        (2, 2),
        ("outline",),
        False,
    )
    for check in d.part_checks.values():
        check.setChecked(False)
    d.remember()
    assert make_dialog(qtbot).options().appendix_parts == ()
    assert QSettings().value("pdf_export/paper") == "a3"


# -- preview and what the export will do --------------------------------------------------------
def test_preview_follows_paper_and_orientation(qtbot: Any) -> None:
    d = make_dialog(qtbot)
    d.a4_radio.setChecked(True)
    d.landscape_radio.setChecked(True)
    plan = d.preview.plan
    assert plan is not None
    w, h = plan.page_size
    assert w > h
    before = d.preview.grab().toImage()
    sheet = d.preview.sheet_rects()[0][2]
    assert sheet.width() > sheet.height()

    d.portrait_radio.setChecked(True)
    plan = d.preview.plan
    assert plan is not None and plan.page_size == (h, w)
    sheet = d.preview.sheet_rects()[0][2]
    assert sheet.height() > sheet.width()
    assert d.preview.grab().toImage() != before

    d.a3_radio.setChecked(True)
    plan = d.preview.plan
    assert plan is not None and plan.page_size == pytest.approx((w, w * 2**0.5), rel=0.01)


def test_preview_draws_the_units_and_relations_where_the_pdf_puts_them(qtbot: Any) -> None:
    """The preview shows the chart: unit boxes in their level colour, the relation's
    line in the gap between them, at the page plan's positions (scaled to the sheet)."""
    from PySide6.QtGui import QColor

    from orgdesigner import style
    from orgdesigner.export import page_plan
    from orgdesigner.model import Edge, Node
    from orgdesigner.ui.exportdialog import PagePreview

    top = Node(id="a", level="political", form="council", label="Rat", x=300, y=28)
    bottom = Node(id="b", level="implementation", label="Amt", x=300, y=388)
    model = OrgModel(nodes=[top, bottom],
                     edges=[Edge(id="e", type="reports_to", source="b", target="a")])  # fmt: skip
    options = PdfOptions(appendix=False, pdfa=False)
    plan = page_plan(model, options)
    preview = PagePreview()
    qtbot.addWidget(preview)
    preview.resize(900, 1100)
    preview.set_content(plan)
    image = preview.grab().toImage()
    sheet = preview.sheet_rects()[0][2]
    k = sheet.width() / plan.page_size[0]

    def at(x: float, y: float) -> QColor:
        px, py = plan.to_page(0, 0, x, y)
        return image.pixelColor(round(sheet.x() + k * px), round(sheet.y() + k * py))

    def distance(a: QColor, b: QColor) -> int:
        return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())

    for node in (top, bottom):
        fill = QColor(style.LEVEL_STYLES[node.level].fill)
        assert distance(at(node.x + 6, node.y + node.height / 2), fill) < 40, node.id
    # along the route the geometry gives, the sheet is inked; 40 units beside it, not
    route = plan.chart.relations["e"].points
    steps = [d / k / plan.scale for d in (-1, 0, 1)]  # one pixel either side
    checked = 0
    for (x1, y1), (x2, y2) in itertools.pairwise(route):
        vertical = abs(x1 - x2) < 1e-6
        for t in (0.3, 0.4, 0.5, 0.6):
            x, y = x1 + (x2 - x1) * t, y1 + (y2 - y1) * t
            if any(n.x - 2 <= x <= n.x + n.width + 2 and n.y - 2 <= y <= n.y + n.height + 2
                   for n in (top, bottom)):  # fmt: skip
                continue
            dx, dy = (40.0, 0.0) if vertical else (0.0, 40.0)
            background = at(x + dx, y + dy)
            ink = max(distance(at(x + (s if vertical else 0), y + (0 if vertical else s)),
                               background) for s in steps)  # fmt: skip
            assert ink > 60, (x, y)
            assert distance(at(x - dx, y - dy), background) < 20
            checked += 1
    assert checked >= 4


def test_preview_shows_one_sheet_per_tile(qtbot: Any) -> None:
    d = make_dialog(qtbot)
    assert len(d.preview.sheet_rects()) == 1
    d.tiles_radio.setChecked(True)
    d.cols_spin.setValue(3)
    d.rows_spin.setValue(2)
    sheets = d.preview.sheet_rects()
    assert [(c, r) for c, r, _ in sheets] == [(c, r) for r in range(2) for c in range(3)]
    rects = [rect for _c, _r, rect in sheets]
    assert all(a.intersected(b).isEmpty() for i, a in enumerate(rects) for b in rects[i + 1 :])


def test_summary_says_pages_and_text_size(qtbot: Any) -> None:
    d = make_dialog(qtbot)
    report = d.report()
    assert report is not None
    appendix = report.pages - report.chart_pages
    assert appendix > 0
    size = f"{report.min_node_text_pt:.1f}".replace(".", ",")
    assert d.summary_label.text() == (
        f"Organigramm auf 1 Seite + {appendix} Seiten Anhang · Schrift der Einheiten {size} pt"
    )
    for check in d.part_checks.values():
        check.setChecked(False)
    d.report()
    assert d.summary_label.text() == f"Organigramm auf 1 Seite · Schrift der Einheiten {size} pt"
    assert d.warning_label.isHidden()  # the small model prints large enough on A4
    d.a3_radio.setChecked(True)
    assert d.warning_label.isHidden()  # A3 keeps the text readable


def test_report_matches_the_export(qtbot: Any) -> None:
    d = a4_portrait_dialog(qtbot)
    d.auto_radio.setChecked(True)
    shown = d.report()
    _data, real = render(d.model, d.options())
    assert shown is not None
    assert (shown.pages, shown.tiles, shown.scale) == (real.pages, real.tiles, real.scale)
    cols, rows = real.tiles
    assert cols * rows > 1
    assert f"Organigramm auf {cols * rows} Seiten ({cols} × {rows} Kacheln)" in d.summary_label.text()


def test_warning_when_fitting_shrinks_text(qtbot: Any) -> None:
    d = a4_portrait_dialog(qtbot)
    d.fit_radio.setChecked(True)
    assert not d.warning_label.isHidden()
    text = d.warning_label.text()
    fitted = page_plan(d.model, d.options()).min_node_text_pt
    assert fitted < 6
    assert f"Das Anpassen an eine Seite verkleinert die Schrift der Einheiten auf {pt(fitted)} pt" in text
    assert "mindestens 6 pt" in text
    d.warning_label.linkActivated.emit("#auto")  # the link in the warning
    assert d.options().tiles == "auto"
    assert d.warning_label.isHidden()
    tiled = page_plan(d.model, d.options()).min_node_text_pt
    assert tiled >= 6 and f"Schrift der Einheiten {pt(tiled)} pt" in d.summary_label.text()


def test_warning_about_empty_tiles(qtbot: Any) -> None:
    d = a4_portrait_dialog(qtbot)
    d.tiles_radio.setChecked(True)
    d.cols_spin.setValue(2)
    d.rows_spin.setValue(3)  # a wide chart: the lower rows of pages stay empty
    plan = d.preview.plan
    assert plan is not None and empty_tiles(plan) >= 2
    empty = empty_tiles(plan)
    assert f"{empty} von 6 Seiten des Organigramms bleiben leer" in d.warning_label.text()
    d.rows_spin.setValue(1)
    assert d.preview.plan is not None and empty_tiles(d.preview.plan) == 0


def test_reports_are_computed_once_per_layout(qtbot: Any, monkeypatch: Any) -> None:
    d = make_dialog(qtbot)
    calls: list[PdfOptions] = []
    real = exportdialog.render

    def counting(model: OrgModel, options: PdfOptions) -> Any:
        calls.append(options)
        return real(model, options)

    monkeypatch.setattr(exportdialog, "render", counting)
    d.report()
    d.a3_radio.setChecked(True)
    d.report()
    d.a4_radio.setChecked(True)
    d.attachment_edit.setText("7")  # text does not change the layout
    d.report()
    assert len(calls) <= 2
    assert all(not o.pdfa for o in calls)  # the preview skips the PDF/A step


def test_report_follows_after_a_pause(qtbot: Any) -> None:
    d = make_dialog(qtbot)
    d.a3_radio.setChecked(True)
    # "+ 1 Seite Anhang" or "+ N Seiten Anhang": on A3 the appendix runs in columns
    qtbot.waitUntil(
        lambda: "Anhang ·" in d.summary_label.text()
        and re.search(r"\+ \d+ Seiten? Anhang", d.summary_label.text()) is not None
    )


# -- exporting -----------------------------------------------------------------------------------
def test_export_writes_a_pdf_with_the_labels(qtbot: Any, tmp_path: Path) -> None:
    d = make_dialog(qtbot)
    d.attachment_edit.setText("3")
    d.paper_number_edit.setText("2025/0123")
    target = tmp_path / "out" / "anlage.pdf"
    target.parent.mkdir()
    report = d.export_to(target)
    assert report is not None and d.exported_path == target
    text = pdf_text(target)
    for label in (
        "Stadtrat",
        "Oberbürgermeisterin",
        "Stabsstelle Smart City",
        "Projektgruppe Daten",
    ):
        assert label in text
    assert "Anlage 3" in text and "zur Vorlage 2025/0123" in text
    assert len(PdfReader(str(target)).pages) == report.pages
    assert [p.name for p in target.parent.iterdir()] == ["anlage.pdf"]  # no temporary, no backup


def test_export_without_appendix_is_one_page(qtbot: Any, tmp_path: Path) -> None:
    d = make_dialog(qtbot)
    for check in d.part_checks.values():
        check.setChecked(False)
    report = d.export_to(tmp_path / "a.pdf")
    assert report is not None and report.pages == 1
    assert len(PdfReader(str(tmp_path / "a.pdf")).pages) == 1


def test_export_button_asks_for_the_file(qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    asked: list[str] = []

    def save_name(*args: Any) -> tuple[str, str]:
        asked.append(args[2])
        return str(tmp_path / "vorlage"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    d = make_dialog(qtbot, suggested=tmp_path / "plan.pdf")
    d.export_button.click()
    assert asked == [str(tmp_path / "plan.pdf")]
    assert (tmp_path / "vorlage.pdf").is_file()  # the suffix is added
    assert d.result() == QDialog.DialogCode.Accepted
    assert QSettings().value("pdf_export/folder") == str(tmp_path)


def test_cancelled_file_dialog_keeps_the_dialog(qtbot: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    d = make_dialog(qtbot)
    d.export_button.click()
    assert d.isVisible() and d.exported_path is None


def test_write_error_is_shown_calmly(qtbot: Any, tmp_path: Path) -> None:
    errors: list[tuple[str, str]] = []
    d = make_dialog(qtbot, show_error=lambda text, detail: errors.append((text, detail)))
    assert d.export_to(tmp_path / "fehlt" / "a.pdf") is None
    assert errors and errors[0][0] == "Das PDF wurde nicht gespeichert."
    assert "fehlt" in errors[0][1]
    assert d.isVisible()


# -- the main window -------------------------------------------------------------------------------
def test_menu_entry_exports(
    window: MainWindow, prompter: RecordingPrompter, tmp_path: Path, monkeypatch: Any
) -> None:
    action = window.action_map["export_pdf"]
    assert action.shortcut().toString() == "Ctrl+Shift+E"
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions()
    window.document.path = tmp_path / "plan.orgmodel.json"
    seen: dict[str, Any] = {}

    def fake_exec(self: ExportDialog) -> int:
        seen["suggested"] = self.suggested
        seen["model"] = self.model
        self.export_to(tmp_path / "plan.pdf")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", fake_exec)
    action.trigger()
    assert seen["suggested"] == tmp_path / "plan.pdf"  # next to the model file
    assert seen["model"] == window.document.model
    assert (tmp_path / "plan.pdf").is_file()
    assert "PDF gespeichert" in window.statusBar().currentMessage()
    assert not prompter.errors


def test_preview_has_room_in_the_dialog(qtbot: Any) -> None:
    """The preview gets at least its minimum size next to the options (a picture of the
    dialog for a human look: ``python docs/make_screenshots.py``)."""
    d = make_dialog(qtbot, example_model())
    d.report()
    QApplication.processEvents()
    assert d.preview.width() >= 340 and d.preview.height() >= 340


def test_preview_draws_a_relation_around_a_unit_in_its_way(qtbot: Any) -> None:
    """The preview shows the PDF's route: ink along it, none on the unit in between."""
    from orgdesigner.export import page_plan
    from orgdesigner.model import Edge, Node
    from orgdesigner.ui.exportdialog import PagePreview

    nodes = [Node(id="a", level="political", form="council", label="Rat", x=300, y=28),
             Node(id="m", level="strategic", form="steering_committee", label="Lenkungskreis",
                  x=300, y=148),
             Node(id="b", level="implementation", label="Amt", x=300, y=388),
             Node(id="p", level="advisory", label="Beirat", x=560, y=508),
             Node(id="q", level="advisory", label="Forum", x=800, y=508)]  # fmt: skip
    # the same legend (relation types) on both sheets, so the same scale and placement
    aside = Edge(id="pq", type="mandates", source="p", target="q")
    bare = OrgModel(nodes=nodes, edges=[aside])
    linked = bare.model_copy(update={"edges": [aside, Edge(id="e", type="mandates", source="a", target="b")]})
    options = PdfOptions(appendix=False, pdfa=False)
    images = []
    for model in (bare, linked):
        preview = PagePreview()
        qtbot.addWidget(preview)
        preview.resize(1100, 1400)
        plan = page_plan(model, options)
        preview.set_content(plan)
        images.append(preview.grab().toImage())
        sheet = preview.sheet_rects()[0][2]
    without, drawn = images
    k = sheet.width() / plan.page_size[0]

    def pixel(x: float, y: float) -> tuple[int, int]:
        px, py = plan.to_page(0, 0, x, y)
        return round(sheet.x() + k * px), round(sheet.y() + k * py)

    def differs(x: int, y: int) -> bool:
        a, b = drawn.pixelColor(x, y), without.pixelColor(x, y)
        return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) > 60

    route = plan.chart.relations["e"].points
    checked = 0
    for (x1, y1), (x2, y2) in itertools.pairwise(route):
        for t in (0.25, 0.5, 0.75):
            x, y = x1 + (x2 - x1) * t, y1 + (y2 - y1) * t
            if any(n.x - 4 <= x <= n.x + n.width + 4 and n.y - 4 <= y <= n.y + n.height + 4
                   for n in nodes):  # fmt: skip
                continue
            px, py = pixel(x, y)
            assert any(differs(px + dx, py + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)), (x, y)
            checked += 1
    assert checked >= 3
    m = nodes[1]
    (x0, y0), (x1_, y1_) = pixel(m.x - 1, m.y - 1), pixel(m.x + m.width + 1, m.y + m.height + 1)
    touching = [(x, y) for x in range(x0, x1_ + 1) for y in range(y0, y1_ + 1) if differs(x, y)]
    assert touching == [], f"the relation runs into the Lenkungskreis at {touching[:5]}"


def test_the_dialog_writes_a_word_document_when_that_type_is_chosen(
    qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    """The save dialog offers PDF and Word; with Word chosen, the same chart and appendix
    are written as a .docx in Word's styles."""
    pytest.importorskip("docx")
    d = make_dialog(qtbot)
    target = tmp_path / "anlage"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a: (str(target), "Word-Dokumente (*.docx)"))  # fmt: skip
    path = d.ask_path()
    assert path == tmp_path / "anlage.docx"
    assert d.export_to(path) is not None
    import docx

    document = docx.Document(str(path))
    assert "Prüfergebnisse" in [p.text for p in document.paragraphs]
    assert len(document.inline_shapes) == 1
