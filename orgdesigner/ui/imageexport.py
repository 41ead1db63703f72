"""Pictures and printouts of the canvas: PNG at a chosen resolution, SVG, and printing.

The scene draws itself (bands, units, relations) with ``QPainter``; the functions here
prepare it for output (:func:`prepared_for_output`: no selection, no connection handle,
no grid, no pixmap caches, so text stays text and lines stay vectors) and choose the
device.

Font sizes: the canvas paints text in model units whatever the device
(:func:`orgdesigner.canvas.paint.qfont` corrects for the device's resolution); the PNG is
still painted at the screen resolution and only labelled with the chosen dpi afterwards,
and the world transform does the scaling.

Printing paints the PDF's chart pages (:func:`orgdesigner.export.page_plan`, painted by
:func:`orgdesigner.canvas.paint.paint_page`, the export preview's painter): title block,
chart, legend and page numbers as in the PDF, as vectors at the printer's resolution,
without the editor's selection and finding badges. The appendix comes with the PDF.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QImageWriter,
    QPageLayout,
    QPageSize,
    QPainter,
)
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from orgdesigner import fileformat, style
from orgdesigner.canvas import paint
from orgdesigner.canvas.badges import Badge
from orgdesigner.canvas.items import NodeItem
from orgdesigner.canvas.scene import OrgScene
from orgdesigner.drawing.page import Paper
from orgdesigner.drawing.routing import Mode
from orgdesigner.errors import SaveError
from orgdesigner.export import PdfOptions, page_plan
from orgdesigner.i18n import current_language
from orgdesigner.model import OrgModel
from orgdesigner.ui.settings import Settings

if TYPE_CHECKING:
    from orgdesigner.ui.mainwindow import MainWindow

EXPORT_MARGIN = 12.0
"""white border around the drawing in PNG and SVG, in scene units (pt)"""
DPI_CHOICES = (96, 150, 300, 600)
DEFAULT_DPI = 300
MAX_PIXELS = 200_000_000
"""a bigger PNG (e.g. a very wide model at 600 dpi) is refused before memory runs out"""
PRINT_MARGIN_MM = 12.0


class ImageTooLargeError(Exception):
    """The picture would need more memory than we are willing to ask for."""


def layout_dpi() -> int:
    """The resolution the canvas lays its text out at (the screen's logical dpi)."""
    return QImage(1, 1, QImage.Format.Format_RGB32).logicalDpiY()


# ---------------------------------------------------------------------------
# preparing the scene
# ---------------------------------------------------------------------------
@contextmanager
def prepared_for_output(scene: OrgScene) -> Iterator[QRectF]:
    """Show the drawing as it should be printed while the block runs; yield its rect.

    Selection, the hover handle, finding badges, the grid and an open rename field are
    hidden; node
    caches are switched off (a cached node would be written as a bitmap). Everything is
    restored afterwards, without selection signals, so the window does not notice.
    """
    scene.cancel_rename()
    selected = scene.selectedItems()
    grid = scene.grid_visible
    nodes = list(scene.nodes.values())
    caches = [n.cacheMode() for n in nodes]
    hovers = [n._hover for n in nodes]  # the connection handle shows on hover
    # the findings' badges are the editor's marks, not part of the chart
    from orgdesigner.canvas.changes import AddedFrame, ChangeBadge, RelationGhost, UnitGhost

    marks = (Badge, ChangeBadge, AddedFrame, UnitGhost, RelationGhost)  # and the comparison's
    badges = [i for i in scene.items() if isinstance(i, marks) and i.isVisible()]
    blocked = scene.blockSignals(True)
    try:
        for badge in badges:
            badge.setVisible(False)
        scene.clearSelection()
        scene.grid_visible = False
        for node in nodes:
            node.setCacheMode(NodeItem.CacheMode.NoCache)
            node._hover = False
        rect = scene.itemsBoundingRect().adjusted(
            -EXPORT_MARGIN, -EXPORT_MARGIN, EXPORT_MARGIN, EXPORT_MARGIN
        )
        yield rect
    finally:
        for badge in badges:
            badge.setVisible(True)
        for node, cache, hover in zip(nodes, caches, hovers, strict=True):
            node._hover = hover
            node.setCacheMode(cache)
        scene.grid_visible = grid
        for item in selected:
            item.setSelected(True)
        scene.blockSignals(blocked)


def _render(scene: OrgScene, painter: QPainter, target: QRectF, source: QRectF) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)


def output_rect(scene: OrgScene) -> QRectF:
    """The part of the scene a picture shows (the drawing with a white border)."""
    with prepared_for_output(scene) as rect:
        return QRectF(rect)


def png_size(rect: QRectF | QSizeF, dpi: int) -> QSize:
    """Pixel size of a picture of ``rect`` (scene units = pt) at ``dpi``."""
    factor = dpi / 72.0
    return QSize(math.ceil(rect.width() * factor), math.ceil(rect.height() * factor))


# ---------------------------------------------------------------------------
# PNG and SVG
# ---------------------------------------------------------------------------
def render_png(scene: OrgScene, dpi: int = DEFAULT_DPI) -> QImage:
    """The drawing as an image at ``dpi`` (1 pt of the drawing = ``dpi/72`` pixels)."""
    with prepared_for_output(scene) as rect:
        size = png_size(rect, dpi)
        if size.width() * size.height() > MAX_PIXELS:
            raise ImageTooLargeError(f"{size.width()} × {size.height()}")
        image = QImage(size, QImage.Format.Format_RGB32)
        if image.isNull():
            raise ImageTooLargeError(f"{size.width()} × {size.height()}")
        image.fill(QColor(style.PAPER))
        painter = QPainter(image)
        try:
            _render(scene, painter, QRectF(0, 0, size.width(), size.height()), rect)
        finally:
            painter.end()
    # painted at the screen's resolution (see the module text), labelled with the real one
    dpm = round(dpi / 0.0254)
    image.setDotsPerMeterX(dpm)
    image.setDotsPerMeterY(dpm)
    title = _title(scene.document.model)
    image.setText("Title", title)
    image.setText("Software", "OrgDesigner")
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if not writer.write(image):
        raise OSError(writer.errorString())
    buffer.close()
    return bytes(data.data())


def svg_bytes(scene: OrgScene) -> bytes:
    """The drawing as SVG: vectors and text, 1 unit = 1 pt, on a white background."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    dpi = layout_dpi()
    with prepared_for_output(scene) as rect:
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setResolution(dpi)
        # physical size = the drawing's size in pt; painting happens in viewBox units (pt)
        generator.setSize(
            QSize(math.ceil(rect.width() * dpi / 72), math.ceil(rect.height() * dpi / 72))
        )
        generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
        generator.setTitle(_title(scene.document.model))
        generator.setDescription(
            QCoreApplication.translate("ImageExport", "Organigramm, erstellt mit OrgDesigner")
        )
        painter = QPainter(generator)
        try:
            target = QRectF(0, 0, rect.width(), rect.height())
            painter.fillRect(target, QColor(style.PAPER))
            _render(scene, painter, target, rect)
        finally:
            painter.end()
    buffer.close()
    return bytes(data.data())


def write_image(scene: OrgScene, path: Path, fmt: str, dpi: int = DEFAULT_DPI) -> None:
    """Write the drawing as ``fmt`` (``png`` or ``svg``) to ``path``, atomically.

    Raises :class:`SaveError` (cannot write), :class:`ImageTooLargeError`.
    """
    data = png_bytes(render_png(scene, dpi)) if fmt == "png" else svg_bytes(scene)
    fileformat.write_atomic(path, data, backup=False)


# ---------------------------------------------------------------------------
# printing
# ---------------------------------------------------------------------------
def _title(model: OrgModel) -> str:
    return model.meta.title or QCoreApplication.translate("ImageExport", "Organisationsmodell")




def print_options(printer: QPrinter | None = None, routing: Mode = "orthogonal") -> PdfOptions:
    """The PDF's options for a printout: the printer's paper (A3 or else A4) and, once
    the user has chosen one in the print dialog, its orientation."""
    paper: Paper = "a4"
    landscape: bool | None = None
    if printer is not None:
        size = printer.pageLayout().pageSize().id()
        paper = "a3" if size == QPageSize.PageSizeId.A3 else "a4"
        landscape = printer.pageLayout().orientation() == QPageLayout.Orientation.Landscape
    return PdfOptions(paper=paper, landscape=landscape, appendix=False, lang=current_language(),
                      routing=routing)  # fmt: skip


def setup_printer(printer: QPrinter, model: OrgModel, routing: Mode = "orthogonal") -> None:
    """A4 in the orientation that shows the chart largest (as the PDF chooses it)."""
    plan = page_plan(model, print_options(None, routing))
    orientation = (
        QPageLayout.Orientation.Landscape if plan.landscape else QPageLayout.Orientation.Portrait
    )
    printer.setPageOrientation(orientation)
    printer.setDocName(plan.title)


def print_chart(model: OrgModel, printer: QPrinter, routing: Mode = "orthogonal") -> bool:
    """Print the chart pages as the PDF has them (title block, legend, page numbers; no
    selection or finding badges); ``False`` if the printer could not start."""
    plan = page_plan(model, print_options(printer, routing))
    printer.setFullPage(True)  # the plan keeps its own 12 mm margins from the paper's edge
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        per_pt = printer.resolution() / 72.0
        cols, rows = plan.tiles
        pages = [(r, c) for r in range(rows) for c in range(cols)]
        for number, (row, col) in enumerate(pages, start=1):
            if number > 1:
                printer.newPage()
            painter.save()
            painter.scale(per_pt, per_pt)
            paint.paint_page(painter, plan, col, row, number, plan.chart_pages)
            painter.restore()
    finally:
        painter.end()
    return True


def new_printer(scene: OrgScene) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    setup_printer(printer, scene.document.model, scene.routing_mode)
    return printer


def print_with_dialog(window: MainWindow) -> bool:
    """Datei → Drucken: the system's print dialog, then the drawing fitted to one page."""
    printer = new_printer(window.scene)
    dialog = QPrintDialog(printer, window)
    dialog.setWindowTitle(QCoreApplication.translate("ImageExport", "Organigramm drucken"))
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintSelection, False)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, False)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    if not print_chart(window.document.model, printer, window.scene.routing_mode):
        window.prompter.show_error(
            QCoreApplication.translate("ImageExport", "Das Organigramm wurde nicht gedruckt."),
            QCoreApplication.translate("ImageExport", "Der Drucker ist nicht bereit."),
        )
        return False
    window.statusBar().showMessage(
        QCoreApplication.translate("ImageExport", "Zum Drucker gesendet: {0}").format(
            printer.printerName() or printer.outputFileName()
        ),
        6000,
    )
    return True


class PrintPreview(QPrintPreviewDialog):
    """The print preview; it owns its printer (a dialog must not outlive its printer)."""

    def __init__(self, scene: OrgScene, parent: QWidget | None = None) -> None:
        self.owned_printer = new_printer(scene)
        super().__init__(self.owned_printer, parent)
        self.setWindowTitle(self.tr("Druckvorschau"))
        self.paintRequested.connect(
            lambda p: print_chart(scene.document.model, p, scene.routing_mode)
        )
        self.resize(960, 720)


def print_preview(window: MainWindow) -> bool:
    """Datei → Druckvorschau: the page as it will be printed, with a print button."""
    dialog = PrintPreview(window.scene, window)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


# ---------------------------------------------------------------------------
# file names shared by the image and PDF export
# ---------------------------------------------------------------------------
def suggested_path(window: MainWindow, suffix: str, settings_key: str) -> Path:
    """Where an export of the window's model goes by default: next to the model file,
    else in the folder of the last export, named after the file or the title."""
    path = window.document.path
    if path is not None:
        stem = fileformat.model_stem(path.name)
        return path.with_name(stem + suffix)
    base = Settings().export_folder(settings_key) or Path.home()
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", _title(window.document.model)).strip(" .-")
    return base / ((name[:80] or "Organigramm") + suffix)


def remember_folder(settings_key: str, path: Path) -> None:
    Settings().set_export_folder(settings_key, path.parent)


def with_suffix(name: str, suffix: str) -> Path:
    return Path(name if name.lower().endswith(suffix) else name + suffix)


# ---------------------------------------------------------------------------
# the image export dialog
# ---------------------------------------------------------------------------
class ImageExportDialog(QDialog):
    """Format (PNG or SVG) and, for PNG, the resolution, with the resulting pixel size."""

    def __init__(self, drawing: QSizeF, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ImageExportDialog")
        self.setWindowTitle(self.tr("Als Bild exportieren"))
        self._drawing = drawing
        self.png_radio = QRadioButton(
            self.tr("PNG-Bild – für Präsentationen, E-Mails und Textverarbeitung")
        )
        self.svg_radio = QRadioButton(
            self.tr("SVG-Grafik – verlustfrei skalierbar, zum Weiterbearbeiten")
        )
        self._format = QButtonGroup(self)
        self._format.addButton(self.png_radio)
        self._format.addButton(self.svg_radio)
        self.dpi_combo = QComboBox()
        names = {
            96: self.tr("96 dpi (Bildschirm)"),
            150: self.tr("150 dpi"),
            300: self.tr("300 dpi (Druck)"),
            600: self.tr("600 dpi (Großformat)"),
        }
        for dpi in DPI_CHOICES:
            self.dpi_combo.addItem(names[dpi], dpi)
        self.size_label = QLabel()
        self.size_label.setObjectName("image_size")
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.png_radio)
        form.addRow("", self.svg_radio)
        form.addRow(self.tr("Auflösung:"), self.dpi_combo)
        form.addRow(self.tr("Bildgröße:"), self.size_label)
        buttons, self.export_button = export_buttons(self, self.accept)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(buttons)
        settings = Settings()
        (self.svg_radio if settings.image_format() == "svg" else self.png_radio).setChecked(True)
        self.dpi_combo.setCurrentIndex(
            DPI_CHOICES.index(settings.image_dpi(DPI_CHOICES, DEFAULT_DPI))
        )
        self._format.buttonToggled.connect(self._update)
        self.dpi_combo.currentIndexChanged.connect(self._update)
        self._update()

    def fmt(self) -> str:
        return "svg" if self.svg_radio.isChecked() else "png"

    def dpi(self) -> int:
        return int(self.dpi_combo.currentData())

    def _update(self, *_args: object) -> None:
        png = self.fmt() == "png"
        self.dpi_combo.setEnabled(png)
        w_cm = self._drawing.width() / 72 * 2.54
        h_cm = self._drawing.height() / 72 * 2.54
        loc = self.locale()
        cm = self.tr("{0} × {1} cm").format(loc.toString(w_cm, "f", 1), loc.toString(h_cm, "f", 1))
        if png:
            size = png_size(self._drawing, self.dpi())
            self.size_label.setText(
                self.tr("{0} × {1} Pixel ({2})").format(
                    loc.toString(size.width()), loc.toString(size.height()), cm
                )
            )
        else:
            self.size_label.setText(self.tr("{0}, Text bleibt Text").format(cm))

    def remember(self) -> None:
        Settings().set_image_choices(self.fmt(), self.dpi())


def export_buttons(
    dialog: QDialog, on_export: Callable[[], object]
) -> tuple[QDialogButtonBox, QPushButton]:
    """„Exportieren …“ (the default: Enter exports) and „Abbrechen“ of an export dialog."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    export = buttons.addButton(
        QCoreApplication.translate("ExportButtons", "Exportieren …"),
        QDialogButtonBox.ButtonRole.AcceptRole,
    )
    export.setObjectName("export_button")
    export.setDefault(True)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setText(QCoreApplication.translate("ExportButtons", "Abbrechen"))
    cancel.setAutoDefault(False)
    buttons.accepted.connect(on_export)
    buttons.rejected.connect(dialog.reject)
    return buttons, export


def export_image(window: MainWindow) -> Path | None:
    """Datei → Als Bild exportieren: format and resolution, file name, then write."""
    scene = window.scene
    dialog = ImageExportDialog(output_rect(scene).size(), window)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        dialog.remember()
        fmt, dpi = dialog.fmt(), dialog.dpi()
    finally:
        dialog.deleteLater()  # a child of the window: without this every export stays
    suffix = "." + fmt
    filters = {
        "png": QCoreApplication.translate("ImageExport", "PNG-Bilder (*.png)"),
        "svg": QCoreApplication.translate("ImageExport", "SVG-Grafiken (*.svg)"),
    }
    start = suggested_path(window, suffix, "image_export")
    name, _ = QFileDialog.getSaveFileName(
        window,
        QCoreApplication.translate("ImageExport", "Bild speichern unter"),
        str(start),
        filters[fmt],
        "",
        window._dialog_options(),
    )
    if not name:
        return None
    path = with_suffix(name, suffix)
    return path if write_image_reporting(window, path, fmt, dpi) else None


def write_image_reporting(window: MainWindow, path: Path, fmt: str, dpi: int) -> bool:
    """Write the picture; errors appear calmly in the window's error dialog."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        write_image(window.scene, path, fmt, dpi)
    except SaveError as exc:
        error: tuple[str, str] | None = (
            QCoreApplication.translate("ImageExport", "Das Bild wurde nicht gespeichert."),
            exc.message(),
        )
    except ImageTooLargeError as exc:
        error = (
            QCoreApplication.translate("ImageExport", "Das Bild wäre zu groß."),
            QCoreApplication.translate(
                "ImageExport",
                "Bei dieser Auflösung hätte es {0} Pixel. "
                "Wählen Sie eine kleinere Auflösung oder SVG.",
            ).format(exc),
        )
    except OSError as exc:  # the image could not be encoded
        error = (
            QCoreApplication.translate("ImageExport", "Das Bild wurde nicht gespeichert."),
            str(exc),
        )
    else:
        error = None
    finally:
        QGuiApplication.restoreOverrideCursor()
    if error is not None:
        window.prompter.show_error(*error)
        return False
    remember_folder("image_export", path)
    window.statusBar().showMessage(
        QCoreApplication.translate("ImageExport", "Bild gespeichert: {0}").format(path), 6000
    )
    return True
