"""„Organigramm kopieren“: the chart on the clipboard, for Word, PowerPoint and LibreOffice.

The chart – or, with units selected, those units and the relations between them – goes on
the clipboard in three forms at once, and the program it is pasted into takes the best one
it reads: SVG (``image/svg+xml``: sharp at any size in Word 365, PowerPoint and LibreOffice),
a PNG at twice the screen's resolution (``image/png`` and the platform's bitmap format, which
every program takes) and PDF (``application/pdf``, which macOS programs prefer). All three
are drawn from the same geometry as the canvas and the PDF export, without the editor's
marks (selection, badges, grid).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QByteArray, QCoreApplication, QMimeData
from PySide6.QtGui import QGuiApplication, QImage

from orgdesigner.document import Document
from orgdesigner.model import OrgModel

SVG_MIME = "image/svg+xml"
PNG_MIME = "image/png"
PDF_MIME = "application/pdf"
SCREEN_DPI = 96.0
"""The logical resolution of a desktop screen; the PNG has twice that."""


def part_of(model: OrgModel, node_ids: Iterable[str]) -> OrgModel:
    """The units ``node_ids`` and the relations between them (the rest of the model left out)."""
    keep = set(node_ids)
    return OrgModel(
        meta=model.meta,
        nodes=[n for n in model.nodes if n.id in keep],
        edges=[e for e in model.edges if e.source in keep and e.target in keep],
    )


def chart_mime(model: OrgModel, routing: str = "orthogonal") -> QMimeData:
    """The chart of ``model`` as SVG, PNG (2 × screen resolution) and PDF."""
    from orgdesigner.canvas.scene import OrgScene
    from orgdesigner.export.pdf import PdfOptions, render
    from orgdesigner.ui.imageexport import png_bytes, render_png, svg_bytes

    scene = OrgScene(Document(model))
    try:
        if routing != scene.routing_mode:
            scene.set_routing(routing)  # type: ignore[arg-type]
        svg = svg_bytes(scene)
        image = render_png(scene, round(2 * _screen_dpi()))
        png = png_bytes(image)
    finally:
        scene.deleteLater()
    pdf, _report = render(model, PdfOptions(appendix=False, pdfa=False, routing=routing))  # type: ignore[arg-type]
    data = QMimeData()
    data.setData(SVG_MIME, QByteArray(svg))
    data.setData(PNG_MIME, QByteArray(png))
    data.setImageData(QImage.fromData(png))  # the platform's own bitmap format
    data.setData(PDF_MIME, QByteArray(pdf))
    return data


def _screen_dpi() -> float:
    screen = QGuiApplication.primaryScreen()
    return float(screen.logicalDotsPerInch()) if screen is not None else SCREEN_DPI


def copy_chart(model: OrgModel, selected: Iterable[str] = (), routing: str = "orthogonal") -> str:
    """Put the chart (or the selected units) on the clipboard; the status text to show."""
    ids = list(selected)
    part = part_of(model, ids) if ids else model
    QGuiApplication.clipboard().setMimeData(chart_mime(part, routing))
    if ids:
        return QCoreApplication.translate(
            "Clipboard", "{0} ausgewählte Einheiten als Bild kopiert (SVG, PNG, PDF) – in Word "
            "oder PowerPoint einfügen").format(len(ids))  # fmt: skip
    return QCoreApplication.translate(
        "Clipboard", "Organigramm als Bild kopiert (SVG, PNG, PDF) – in Word oder PowerPoint "
        "einfügen")  # fmt: skip
