"""Pictures and printouts of the canvas: PNG at a chosen dpi, SVG with text, printing to PDF."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from array import array
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor, QImage
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from orgdesigner import style
from orgdesigner.ui import imageexport
from orgdesigner.ui.imageexport import (
    ImageExportDialog,
    PrintPreview,
    output_rect,
    print_chart,
    render_png,
    svg_bytes,
    write_image,
)
from orgdesigner.ui.mainwindow import MainWindow
from tests.ui.conftest import RecordingPrompter

LABELS = ("Stadtrat", "Oberbürgermeisterin", "Projektgruppe Mobilität")


def colour_counts(image: QImage, step: int = 1) -> dict[str, int]:
    """How many pixels (every ``step``-th) have each colour (``#rrggbb``)."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = array("I", bytes(image.constBits()))[::step]
    return {f"#{value & 0xFFFFFF:06x}": n for value, n in Counter(pixels).items()}


def pdf_printer(
    path: Path, mode: QPrinter.PrinterMode = QPrinter.PrinterMode.HighResolution
) -> QPrinter:
    printer = QPrinter(mode)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


# -- PNG ----------------------------------------------------------------------------------
def test_png_at_300_dpi_has_the_size_and_colours(window: MainWindow, tmp_path: Path) -> None:
    rect = output_rect(window.scene)
    target = tmp_path / "chart.png"
    write_image(window.scene, target, "png", 300)
    image = QImage(str(target))
    assert (image.width(), image.height()) == (
        math.ceil(rect.width() * 300 / 72),
        math.ceil(rect.height() * 300 / 72),
    )
    assert round(image.dotsPerMeterX() * 0.0254) == 300
    counts = colour_counts(image)
    total = sum(counts.values())
    assert counts.get(style.PAPER.lower(), 0) < total  # not blank
    for level in ("political", "strategic", "coordination", "implementation"):
        ls = style.LEVEL_STYLES[level]
        assert counts.get(ls.band.lower(), 0) > total / 100, f"band of {level}"
        assert counts.get(ls.fill.lower(), 0) > total / 500, f"units of {level}"
    assert image.pixelColor(0, 0).name() == style.PAPER.lower()  # white border


def test_png_sizes_follow_the_dpi(window: MainWindow) -> None:
    small, big = render_png(window.scene, 150), render_png(window.scene, 300)
    assert big.width() == pytest.approx(2 * small.width(), abs=2)
    assert big.height() == pytest.approx(2 * small.height(), abs=2)


def test_png_is_sharp_text_scales_with_the_boxes(window: MainWindow) -> None:
    """Text stays in its box at any dpi (fonts follow the device's dpi, see the module)."""
    low, high = render_png(window.scene, 150), render_png(window.scene, 300)

    def dark_share(image: QImage) -> float:
        counts = colour_counts(image)
        dark = sum(n for name, n in counts.items() if QColor(name).lightness() < 100)
        return dark / sum(counts.values())

    # the same picture, twice as fine: about the same share of dark (text) pixels; were
    # the fonts sized by the device's dpi, the text would be 2 × 2 times as big
    assert 0.7 < dark_share(high) / dark_share(low) < 1.4


def test_output_hides_editing_state_and_restores_it(window: MainWindow, qtbot: Any) -> None:
    scene = window.scene
    qtbot.waitUntil(lambda: bool(window.finding_badges.badges), timeout=10_000)
    badge = next(iter(window.finding_badges.badges.values()))
    assert badge.isVisible()
    warning = style.SEVERITY_COLOURS[badge.mark.severity].lower()
    assert colour_counts(render_png(scene, 150)).get(warning, 0) == 0  # no finding badges
    assert badge.isVisible()
    scene.select_ids(["ob"])
    window.action_map["grid"].setChecked(True)
    selection_changes: list[int] = []
    scene.selectionChanged.connect(lambda: selection_changes.append(1))
    image = render_png(scene, 150)
    counts = colour_counts(image)
    assert counts.get(style.SELECTION.lower(), 0) == 0  # no blue selection frame
    assert counts.get(style.GRID.lower(), 0) == 0  # no grid dots
    assert scene.selected_node_ids() == ["ob"] and scene.grid_visible
    assert not selection_changes  # the window did not notice
    node = window.node_item("ob")
    assert node.cacheMode() == node.CacheMode.DeviceCoordinateCache


def test_too_large_a_picture_is_refused(window: MainWindow, monkeypatch: Any) -> None:
    monkeypatch.setattr(imageexport, "MAX_PIXELS", 1000)
    with pytest.raises(imageexport.ImageTooLargeError):
        render_png(window.scene, 300)


# -- SVG ----------------------------------------------------------------------------------
def test_svg_contains_the_labels_as_text(window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "chart.svg"
    write_image(window.scene, target, "svg")
    data = target.read_bytes()
    root = ET.fromstring(data)
    texts = " ".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text"))
    for label in (*LABELS, "Politische Ebene"):
        assert label in texts
    rect = output_rect(window.scene)
    assert root.get("viewBox") == f"0 0 {rect.width():g} {rect.height():g}"
    # the physical size is the drawing's size in pt
    assert float(root.get("width", "0").removesuffix("mm")) == pytest.approx(
        rect.width() / 72 * 25.4, rel=0.01
    )
    assert b"<image" not in data  # vectors, no embedded bitmaps


def test_svg_fill_colours_are_the_levels(window: MainWindow) -> None:
    data = svg_bytes(window.scene).decode("utf-8").lower()
    for level in ("political", "coordination", "implementation"):
        assert style.LEVEL_STYLES[level].fill.lower() in data


# -- printing -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "mode", [QPrinter.PrinterMode.HighResolution, QPrinter.PrinterMode.ScreenResolution]
)
def test_printing_to_a_pdf_printer(
    window: MainWindow, tmp_path: Path, mode: QPrinter.PrinterMode
) -> None:
    target = tmp_path / "print.pdf"
    printer = pdf_printer(target, mode)
    imageexport.setup_printer(printer, window.document.model)
    assert print_chart(window.document.model, printer)
    reader = PdfReader(str(target))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    text = " ".join(page.extract_text().split())  # Qt writes words apart, with tabs
    # the PDF's chart page: title block, chart, legend, source and page number
    for label in (*LABELS, "Politische Ebene", "Ebenen:", "Beziehungen:", "Quelle: BBSR (2024)",
                  "Seite 1 von 1"):  # fmt: skip
        assert label in text
    # sharp: text and vectors, no bitmaps (a cached unit would be a JPEG)
    xobjects = page["/Resources"].get("/XObject", {})
    assert not any(xobjects[name].get_object().get("/Subtype") == "/Image" for name in xobjects)
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert width > height  # the small model is wide: landscape


def test_print_menu_uses_the_system_dialog(
    window: MainWindow, prompter: RecordingPrompter, tmp_path: Path, monkeypatch: Any
) -> None:
    action = window.action_map["print"]
    assert not action.shortcut().isEmpty()
    target = tmp_path / "menu.pdf"
    real = imageexport.new_printer

    def to_pdf(scene: Any) -> QPrinter:
        printer = real(scene)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return printer

    monkeypatch.setattr(imageexport, "new_printer", to_pdf)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    action.trigger()
    assert "Stadtrat" in PdfReader(str(target)).pages[0].extract_text()
    assert not prompter.errors

    target.unlink()
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    action.trigger()
    assert not target.exists()


def test_print_preview_draws_the_page(window: MainWindow, qtbot: Any) -> None:
    preview = PrintPreview(window.scene, window)
    qtbot.addWidget(preview)
    painted: list[QPrinter] = []
    preview.paintRequested.connect(painted.append)
    preview.show()
    qtbot.waitUntil(lambda: bool(painted))
    assert preview.owned_printer.pageLayout().orientation().name == "Landscape"
    preview.close()


# -- the image dialog and the menu entry ---------------------------------------------------------
def test_image_dialog_shows_the_pixel_size(window: MainWindow, qtbot: Any) -> None:
    rect = output_rect(window.scene)
    dialog = ImageExportDialog(rect.size(), window)
    qtbot.addWidget(dialog)
    assert dialog.fmt() == "png" and dialog.dpi() == 300
    w = math.ceil(rect.width() * 300 / 72)
    assert dialog.locale().toString(w) in dialog.size_label.text()
    dialog.dpi_combo.setCurrentIndex(dialog.dpi_combo.findData(150))
    assert dialog.locale().toString(math.ceil(rect.width() * 150 / 72)) in dialog.size_label.text()
    dialog.svg_radio.setChecked(True)
    assert not dialog.dpi_combo.isEnabled()
    assert "Text bleibt Text" in dialog.size_label.text()
    dialog.remember()
    again = ImageExportDialog(rect.size(), window)
    qtbot.addWidget(again)
    assert (again.fmt(), again.dpi()) == ("svg", 150)


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_image_menu_entry_writes_the_file(
    window: MainWindow, prompter: RecordingPrompter, tmp_path: Path, monkeypatch: Any, fmt: str
) -> None:
    def accept(self: ImageExportDialog) -> int:
        (self.svg_radio if fmt == "svg" else self.png_radio).setChecked(True)
        self.dpi_combo.setCurrentIndex(self.dpi_combo.findData(150))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImageExportDialog, "exec", accept)
    asked: list[str] = []

    def save_name(*args: Any) -> tuple[str, str]:
        asked.append(args[2])
        return str(tmp_path / "bild"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    window.action_map["export_image"].trigger()
    target = tmp_path / f"bild.{fmt}"
    assert target.is_file()
    assert asked and asked[0].endswith(f".{fmt}")
    if fmt == "png":
        assert round(QImage(str(target)).dotsPerMeterX() * 0.0254) == 150
    else:
        assert "Stadtrat" in target.read_text("utf-8")
    assert "Bild gespeichert" in window.statusBar().currentMessage()
    assert not prompter.errors


def test_image_write_error_is_shown(window: MainWindow, prompter: RecordingPrompter, tmp_path: Path) -> None:
    ok = imageexport.write_image_reporting(window, tmp_path / "fehlt" / "a.png", "png", 96)
    assert not ok
    assert prompter.errors and prompter.errors[0][0] == "Das Bild wurde nicht gespeichert."


def test_suggested_names(window: MainWindow, tmp_path: Path) -> None:
    assert (
        imageexport.suggested_path(window, ".png", "image_export").name == "Organisationsmodell.png"
    )
    window.document.path = tmp_path / "plan.orgmodel.json"
    assert imageexport.suggested_path(window, ".pdf", "pdf_export") == tmp_path / "plan.pdf"


def test_a_printout_has_the_words_and_page_of_the_pdf(window: MainWindow, tmp_path: Path) -> None:
    """Printing paints the PDF's chart page: the same paper and orientation, the same words
    (title block, unit texts, legend, source, page number) as the PDF without appendix."""
    from io import BytesIO

    from orgdesigner.export import render

    model = window.document.model
    printer = pdf_printer(tmp_path / "print.pdf")
    imageexport.setup_printer(printer, model)
    assert print_chart(model, printer)
    printed = PdfReader(str(tmp_path / "print.pdf")).pages[0]
    options = imageexport.print_options(printer)
    data, _report = render(model, options)
    exported = PdfReader(BytesIO(data)).pages[0]
    assert round(float(printed.mediabox.width)) == round(float(exported.mediabox.width))
    assert round(float(printed.mediabox.height)) == round(float(exported.mediabox.height))
    words_printed = printed.extract_text().split()
    words_exported = exported.extract_text().split()
    assert sorted(words_printed) == sorted(words_exported)
