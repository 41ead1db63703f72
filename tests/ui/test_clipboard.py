"""„Organigramm kopieren“ puts the chart on the clipboard as SVG, PNG and PDF."""

from __future__ import annotations

import io
from typing import Any

from PySide6.QtGui import QGuiApplication, QImage

from orgdesigner.ui.clipboard import PDF_MIME, PNG_MIME, SVG_MIME
from orgdesigner.ui.mainwindow import MainWindow


def _formats() -> Any:
    return QGuiApplication.clipboard().mimeData()


def test_the_whole_chart_is_copied_in_three_forms(window: MainWindow, qtbot: Any) -> None:
    window.scene.clearSelection()
    window.action_map["copy_chart"].trigger()
    data = _formats()
    assert {SVG_MIME, PNG_MIME, PDF_MIME} <= set(data.formats())
    svg = bytes(data.data(SVG_MIME)).decode("utf-8")
    for node in window.document.model.nodes:  # every unit's name as text in the SVG
        assert node.label.split()[0] in svg
    png = QImage.fromData(bytes(data.data(PNG_MIME)), "PNG")
    assert not png.isNull()
    # twice the screen's resolution: 1 pt of the drawing is 2 × 96/72 pixels
    from orgdesigner.ui.imageexport import output_rect

    rect = output_rect(window.scene)
    assert abs(png.width() - rect.width() * 2 * 96 / 72) <= 2
    pdf = bytes(data.data(PDF_MIME))
    assert pdf.startswith(b"%PDF")
    import pypdf

    text = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Stabsstelle Smart City" in text
    assert "Organigramm als Bild kopiert" in window.statusBar().currentMessage()


def test_with_units_selected_only_those_are_copied(window: MainWindow, qtbot: Any) -> None:
    window.scene.select_ids(["stab", "pg1"])
    window.action_map["copy_chart"].trigger()
    svg = bytes(_formats().data(SVG_MIME)).decode("utf-8")
    assert "Stabsstelle" in svg and "Mobilit" in svg
    assert "Stadtrat" not in svg and "Daten" not in svg
    assert "2 ausgewählte Einheiten" in window.statusBar().currentMessage()
    # the selection and the model are as before
    assert set(window.scene.selected_node_ids()) == {"stab", "pg1"}
    assert len(window.document.model.nodes) == 5
