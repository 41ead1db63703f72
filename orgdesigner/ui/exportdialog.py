"""Datei → Als PDF exportieren: page setup with a live preview, then the PDF for the council.

The dialog maps its controls to :class:`orgdesigner.export.PdfOptions` (:meth:`options`).
The preview (:class:`PagePreview`) draws the chart pages schematically from
:func:`orgdesigner.export.page_plan`, which computes where the PDF export puts the chart
without rendering it: paper, margins, title block, the drawing (bands, units, relations)
scaled and cut into tiles, legend and footer. QtPdf, which could show the real PDF, is
not part of PySide6-Essentials.

The line below the preview says what the export will do ("5 Seiten (1 Organigramm,
4 Anhang) · Schrift der Einheiten 6,0 pt") and warns calmly when fitting to a page
shrinks the units' text below 6 pt. The page count needs the appendix laid out, so a
full render (without the PDF/A step) runs shortly after the last change; its reports are
kept per layout so switching back is instant. Exporting renders to bytes and writes them
with :func:`orgdesigner.fileformat.write_atomic`.

Texts *on* the previewed page (title block, legend, footer) mirror the PDF and come from
the export in the PDF's language (``pick``); the dialog's own texts go through ``tr``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QRectF,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from orgdesigner import fileformat, style
from orgdesigner.canvas import paint
from orgdesigner.drawing.routing import Mode
from orgdesigner.errors import SaveError
from orgdesigner.export import APPENDIX_PARTS, ExportReport, PagePlan, PdfOptions, page_plan, render
from orgdesigner.export.docx import DocxReport
from orgdesigner.export.pdf import MAX_TILES, TileSpec
from orgdesigner.i18n import current_language
from orgdesigner.model import OrgModel
from orgdesigner.ui.imageexport import (
    export_buttons,
    remember_folder,
    suggested_path,
    with_suffix,
)
from orgdesigner.ui.settings import Settings

if TYPE_CHECKING:
    from orgdesigner.ui.mainwindow import MainWindow

SETTINGS = "pdf_export"
REPORT_DELAY_MS = 200
LayoutKey = tuple[str, bool | None, TileSpec, tuple[str, ...]]


def _layout_key(options: PdfOptions) -> LayoutKey:
    parts = options.appendix_parts if options.appendix else ()
    return (options.paper, options.landscape, options.tiles, parts)


def empty_tiles(plan: PagePlan) -> int:
    """How many chart pages the drawing does not reach (a tiling with too many rows)."""
    ax, ay, aw, ah = plan.area
    width = plan.chart.extent[2] * plan.scale
    height = plan.chart.extent[3] * plan.scale
    cols, rows = plan.tiles
    empty = 0
    for row in range(rows):
        for col in range(cols):
            ox, oy = plan.origin(col, row)
            left, top = ox - ax, oy - ay  # the drawing's corner, from the area's corner
            if left + width <= 1.0 or left >= aw - 1.0 or top + height <= 1.0 or top >= ah - 1.0:
                empty += 1
    return empty


def _qdate(date: dt.date) -> QDate:
    return QDate(date.year, date.month, date.day)


# ---------------------------------------------------------------------------
# the preview
# ---------------------------------------------------------------------------
class PagePreview(QWidget):
    """The chart pages as they will come out: paper, margins, title, drawing, legend."""

    PAD = 14.0
    GAP = 10.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_preview")
        self.setMinimumSize(340, 340)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Vorschau der Seiten"))
        self.plan: PagePlan | None = None
        self.total_pages: int | None = None
        """all pages of the PDF, once known (the footer says "Seite 1 von 5")"""

    def sizeHint(self) -> QSize:
        return QSize(440, 440)

    def set_content(self, plan: PagePlan) -> None:
        """Show ``plan`` – the PDF's own page plan, measured with the PDF's fonts."""
        self.plan = plan
        self.update()

    def sheet_rects(self) -> list[tuple[int, int, QRectF]]:
        """(column, row, rectangle in widget pixels) of every chart page."""
        if self.plan is None:
            return []
        pw, ph = self.plan.page_size
        cols, rows = self.plan.tiles
        room_w = self.width() - 2 * self.PAD - (cols - 1) * self.GAP
        room_h = self.height() - 2 * self.PAD - (rows - 1) * self.GAP
        k = max(min(room_w / (cols * pw), room_h / (rows * ph)), 0.01)
        total_w = cols * pw * k + (cols - 1) * self.GAP
        total_h = rows * ph * k + (rows - 1) * self.GAP
        x0 = (self.width() - total_w) / 2
        y0 = (self.height() - total_h) / 2
        return [
            (
                c,
                r,
                QRectF(x0 + c * (pw * k + self.GAP), y0 + r * (ph * k + self.GAP), pw * k, ph * k),
            )
            for r in range(rows)
            for c in range(cols)
        ]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(self.rect(), QColor(style.PREVIEW_DESK))
        for col, row, rect in self.sheet_rects():
            self._paint_sheet(painter, rect, col, row)
        painter.end()

    def _paint_sheet(self, p: QPainter, rect: QRectF, col: int, row: int) -> None:
        """One page as the PDF draws it (the same page plan and painter as printing)."""
        plan = self.plan
        assert plan is not None
        pw, ph = plan.page_size
        k = rect.width() / pw
        p.fillRect(rect.translated(1.5, 2.0), QColor(0, 0, 0, 45))
        p.fillRect(rect, QColor(style.PAPER))
        p.save()
        p.translate(rect.topLeft())
        p.scale(k, k)
        m = plan.margin
        p.setPen(QPen(QColor(style.PREVIEW_MARGIN), 0, Qt.PenStyle.DotLine))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(m, m, pw - 2 * m, ph - 2 * m))
        number = row * plan.tiles[0] + col + 1
        paint.paint_page(p, plan, col, row, number, self.total_pages)
        p.restore()
        p.setPen(QPen(QColor(style.PREVIEW_SHEET_EDGE), 0))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(rect)


# ---------------------------------------------------------------------------
# the dialog
# ---------------------------------------------------------------------------
class ExportDialog(QDialog):
    """Page setup, council-paper data and appendix parts; exports on "Exportieren …"."""

    def __init__(
        self,
        model: OrgModel,
        parent: QWidget | None = None,
        *,
        suggested: Path | None = None,
        dialog_options: QFileDialog.Option | None = None,
        show_error: Callable[[str, str], None] | None = None,
        routing: Mode = "orthogonal",
        compare_with: tuple[OrgModel, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ExportDialog")
        self.compare_with = compare_with
        """(bisher, its name) while the window compares: the PDF can be the Gegenüberstellung"""
        self.routing: Mode = routing
        """the canvas's view option: the PDF draws relations as the canvas does"""
        self.setWindowTitle(self.tr("Als PDF exportieren"))
        self.model = model
        self.suggested = suggested or Path.home() / "Organigramm.pdf"
        self.dialog_options = dialog_options or QFileDialog.Option(0)
        # not ``show_error or self._error_box``: a bound method of its own kept on the
        # dialog is a reference cycle, and a cycle leaves the dialog's lifetime to the
        # garbage collector, which may then delete a shown dialog in the middle of a
        # paint event (a crash). Without cycles the dialog goes when its last owner does.
        self._show_error = show_error
        self.exported_path: Path | None = None
        self.export_report: ExportReport | None = None
        self._reports: dict[LayoutKey, ExportReport | str] = {}
        self._report_timer = QTimer(self)
        self._report_timer.setSingleShot(True)
        self._report_timer.setInterval(REPORT_DELAY_MS)
        self._report_timer.timeout.connect(self._compute_report)
        self._build()
        self._restore()
        self._connect()
        self._update()

    # -- building ---------------------------------------------------------------
    def _build(self) -> None:
        page = QGroupBox(self.tr("Seite"))
        self.a4_radio = QRadioButton(self.tr("A4"))
        self.a3_radio = QRadioButton(self.tr("A3"))
        self.portrait_radio = QRadioButton(self.tr("Hochformat"))
        self.landscape_radio = QRadioButton(self.tr("Querformat"))
        self.fit_radio = QRadioButton(self.tr("Auf eine Seite anpassen"))
        self.auto_radio = QRadioButton(
            self.tr("Automatisch kacheln (Schrift mindestens {0} pt)").format(
                self.locale().toString(style.MIN_PRINT_TEXT_PT, "g")
            )
        )
        self.tiles_radio = QRadioButton(self.tr("Kacheln:"))
        self.cols_spin = QSpinBox()
        self.rows_spin = QSpinBox()
        for spin in (self.cols_spin, self.rows_spin):
            spin.setRange(1, MAX_TILES)
        self.cols_spin.setAccessibleName(self.tr("Spalten (Seiten nebeneinander)"))
        self.rows_spin.setAccessibleName(self.tr("Zeilen (Seiten untereinander)"))
        self.cols_spin.setToolTip(self.cols_spin.accessibleName())
        self.rows_spin.setToolTip(self.rows_spin.accessibleName())
        self._groups: list[QButtonGroup] = []
        for choices in (
            (self.a4_radio, self.a3_radio),
            (self.portrait_radio, self.landscape_radio),
            (self.fit_radio, self.auto_radio, self.tiles_radio),
        ):
            group = QButtonGroup(self)
            for b in choices:
                group.addButton(b)
            self._groups.append(group)
        paper_row = QHBoxLayout()
        paper_row.addWidget(self.a4_radio)
        paper_row.addWidget(self.a3_radio)
        paper_row.addStretch(1)
        orient_row = QHBoxLayout()
        orient_row.addWidget(self.portrait_radio)
        orient_row.addWidget(self.landscape_radio)
        orient_row.addStretch(1)
        tiles_row = QHBoxLayout()
        tiles_row.addWidget(self.tiles_radio)
        tiles_row.addWidget(self.cols_spin)
        tiles_row.addWidget(QLabel("×"))
        tiles_row.addWidget(self.rows_spin)
        tiles_hint = QLabel(self.tr("Spalten × Zeilen"))
        tiles_hint.setEnabled(False)
        tiles_row.addWidget(tiles_hint)
        tiles_row.addStretch(1)
        split = QVBoxLayout()
        split.setSpacing(2)
        split.addWidget(self.fit_radio)
        split.addWidget(self.auto_radio)
        split.addLayout(tiles_row)
        page_form = QFormLayout(page)
        page_form.addRow(self.tr("Papier:"), paper_row)
        page_form.addRow(self.tr("Ausrichtung:"), orient_row)
        page_form.addRow(self.tr("Aufteilung:"), split)

        paper = QGroupBox(self.tr("Angaben für die Ratsvorlage"))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(self.tr("dd.MM.yyyy"))
        self.date_edit.setDate(_qdate(self.model.meta.date or dt.date.today()))
        self.attachment_edit = QLineEdit()
        self.attachment_edit.setPlaceholderText(self.tr("z. B. 3"))
        self.paper_number_edit = QLineEdit()
        self.paper_number_edit.setPlaceholderText(self.tr("z. B. 2025/0123"))
        paper_form = QFormLayout(paper)
        paper_form.addRow(self.tr("Stand:"), self.date_edit)
        paper_form.addRow(self.tr("Anlage-Nr.:"), self.attachment_edit)
        paper_form.addRow(self.tr("Vorlage-Nr.:"), self.paper_number_edit)

        appendix = QGroupBox(self.tr("Anhang"))
        texts = {
            "findings": self.tr("Prüfergebnisse"),
            "accepted": self.tr("Bewusst angenommene Befunde"),
            "functions": self.tr("Wer macht was (Aufgaben)"),
            "pros_cons": self.tr("Vorzüge und Nachteile"),
            "reflection": self.tr("Antworten auf die Leitfragen"),
            "outline": self.tr("Gliederung"),
        }
        tips = {
            "findings": self.tr("Was die Prüfung nach dem BBSR-Leitfaden ergibt, mit Fundstellen"),
            "accepted": self.tr("Abgeschaltete Prüfregeln mit ihrer Begründung"),
            "functions": self.tr(
                "Welche Einheit welche Aufgabe der Steuerung, Koordination und Umsetzung "
                "wahrnimmt (Tabelle 1 des Leitfadens)"
            ),
            "pros_cons": self.tr(
                "Vorzüge und Nachteile der verwendeten Organisationsformen "
                "(Tabellen 2–8 des Leitfadens)"
            ),
            "reflection": self.tr("Ihre Antworten auf die Leitfragen des Leitfadens"),
            "outline": self.tr("Ebenen, Einheiten und Beziehungen als Text (barrierearm)"),
        }
        self.part_checks: dict[str, QCheckBox] = {}
        appendix_box = QVBoxLayout(appendix)
        appendix_box.setSpacing(2)
        for part in APPENDIX_PARTS:
            check = QCheckBox(texts[part])
            check.setObjectName(f"part_{part}")
            check.setToolTip(tips[part])
            self.part_checks[part] = check
            appendix_box.addWidget(check)

        self.pdfa_check = QCheckBox(self.tr("PDF/A-2a (für die Langzeitarchivierung)"))
        self.pdfa_check.setToolTip(
            self.tr(
                "Schriften eingebettet, Farbprofil und Metadaten, "
                "wie es Ratsinformationssysteme verlangen"
            )
        )

        self.compare_check = QCheckBox()
        self.compare_check.setObjectName("compare")
        self.compare_check.setVisible(self.compare_with is not None)
        if self.compare_with is not None:
            self.compare_check.setText(self.tr(
                "Als Gegenüberstellung mit „{0}“ (bisher / künftig)").format(self.compare_with[1]))
            self.compare_check.setToolTip(self.tr(
                "Beide Fassungen im selben Maßstab, die künftige mit den Änderungen markiert, "
                "dazu die Tabelle „Was sich ändert“ und was sich an der Prüfung ändert"))  # fmt: skip

        left = QVBoxLayout()
        left.addWidget(page)
        left.addWidget(paper)
        left.addWidget(appendix)
        left.addWidget(self.pdfa_check)
        left.addWidget(self.compare_check)
        left.addStretch(1)

        self.preview = PagePreview()
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summary")
        self.summary_label.setWordWrap(True)
        self.warning_label = QLabel()
        self.warning_label.setObjectName("warning")
        self.warning_label.setWordWrap(True)
        self.warning_label.setTextFormat(Qt.TextFormat.RichText)
        self.warning_label.setStyleSheet(
            f"QLabel#warning {{ background: {style.NOTICE_BACKGROUND}; color: {style.TEXT}; "
            f"border: 1px solid {style.NOTICE_BORDER}; border-radius: 4px; padding: 6px; }}"
        )
        self.warning_label.hide()
        right = QVBoxLayout()
        right.addWidget(self.preview, 1)
        right.addWidget(self.summary_label)
        right.addWidget(self.warning_label)

        buttons, self.export_button = export_buttons(self, self.export_clicked)

        grid = QGridLayout(self)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(1, 1)
        grid.addWidget(buttons, 1, 0, 1, 2)
        self.resize(900, 620)

    def _restore(self) -> None:
        """Last choices (paper, split, appendix, PDF/A); orientation follows the chart."""
        s = Settings()
        (self.a3_radio if s.pdf_paper() == "a3" else self.a4_radio).setChecked(True)
        # the orientation that shows the chart largest, as the command line chooses it
        wide = page_plan(self.model, PdfOptions()).landscape
        (self.landscape_radio if wide else self.portrait_radio).setChecked(True)
        split = s.pdf_split()
        cols, rows = 2, 1
        if "x" in split:
            cols, rows = (max(1, min(MAX_TILES, int(v))) for v in split.split("x", 1))
        self.cols_spin.setValue(cols)
        self.rows_spin.setValue(rows)
        radio = {"fit": self.fit_radio, "auto": self.auto_radio}.get(split, self.tiles_radio)
        radio.setChecked(True)
        stored = s.pdf_parts()
        parts = set(APPENDIX_PARTS) if stored is None else stored
        for part, check in self.part_checks.items():
            check.setChecked(part in parts)
        self.pdfa_check.setChecked(s.pdf_pdfa())

    def _connect(self) -> None:
        for group in self._groups:
            group.buttonToggled.connect(self._update)
        for spin in (self.cols_spin, self.rows_spin):
            spin.valueChanged.connect(self._tiles_spun)
        for check in self.part_checks.values():
            check.toggled.connect(self._update)
        for edit in (self.attachment_edit, self.paper_number_edit):
            edit.textChanged.connect(self._update)
        self.date_edit.dateChanged.connect(self._update)
        self.warning_label.linkActivated.connect(self._link)

    def _tiles_spun(self, _value: int) -> None:
        if not self.tiles_radio.isChecked():
            self.tiles_radio.setChecked(True)  # toggling updates
        else:
            self._update()

    def _link(self, target: str) -> None:
        if target == "#auto":
            self.auto_radio.setChecked(True)
        elif target == "#a3":
            self.a3_radio.setChecked(True)

    # -- options ---------------------------------------------------------------------
    def options(self) -> PdfOptions:
        """The dialog's choices as the PDF export's options."""
        tiles: TileSpec = None
        if self.auto_radio.isChecked():
            tiles = "auto"
        elif self.tiles_radio.isChecked():
            tiles = (self.cols_spin.value(), self.rows_spin.value())
        parts = tuple(p for p in APPENDIX_PARTS if self.part_checks[p].isChecked())
        d = self.date_edit.date()
        return PdfOptions(
            paper="a3" if self.a3_radio.isChecked() else "a4",
            landscape=self.landscape_radio.isChecked(),
            tiles=tiles,
            appendix=bool(parts),
            appendix_parts=parts,
            lang=current_language(),
            date=dt.date(d.year(), d.month(), d.day()),
            attachment=self.attachment_edit.text().strip(),
            paper_number=self.paper_number_edit.text().strip(),
            pdfa=self.pdfa_check.isChecked(),
            routing=self.routing,
        )

    # -- what the export will do ---------------------------------------------------------
    def _update(self, *_args: object) -> None:
        options = self.options()
        plan = page_plan(self.model, options)
        self.plan = plan
        self.preview.set_content(plan)
        key = _layout_key(options)
        if key not in self._reports:
            self._report_timer.start()
        self._show_summary()

    def _compute_report(self) -> None:
        options = self.options()
        key = _layout_key(options)
        if key in self._reports:
            return
        try:
            _data, report = render(self.model, dataclasses.replace(options, pdfa=False))
        except Exception as exc:  # a preview must never take the dialog down
            self._reports[key] = str(exc) or exc.__class__.__name__
        else:
            self._reports[key] = report
        self._show_summary()

    def report(self) -> ExportReport | None:
        """The report for the current choices (computed now if it is still pending)."""
        key = _layout_key(self.options())
        if key not in self._reports:
            self._report_timer.stop()
            self._compute_report()
        result = self._reports.get(key)
        return result if isinstance(result, ExportReport) else None

    def _size_text(self, pt: float) -> str:
        if pt < style.MIN_PRINT_TEXT_PT - 1e-9:  # 5.96 is not "6,0", it is too small
            pt = math.floor(pt * 10) / 10
        return self.locale().toString(pt, "f", 1)

    def _show_summary(self) -> None:
        plan = self.plan
        result = self._reports.get(_layout_key(self.options()))
        cols, rows = plan.tiles
        if cols * rows == 1:
            text = self.tr("Organigramm auf 1 Seite")
        else:
            text = self.tr("Organigramm auf {0} Seiten ({1} × {2} Kacheln)").format(
                cols * rows, cols, rows
            )
        if isinstance(result, ExportReport):
            appendix = result.pages - result.chart_pages
            if appendix == 1:
                text += self.tr(" + 1 Seite Anhang")
            elif appendix > 1:
                text += self.tr(" + {0} Seiten Anhang").format(appendix)
        elif isinstance(result, str):
            text += self.tr(" + Anhang (Seitenzahl unbekannt: {0})").format(result)
        elif any(c.isChecked() for c in self.part_checks.values()):
            text += self.tr(" + Anhang")
        total = result.pages if isinstance(result, ExportReport) else None
        if total != self.preview.total_pages:
            self.preview.total_pages = total
            self.preview.update()
        size = self._size_text(plan.min_node_text_pt)
        self.summary_label.setText(self.tr("{0} · Schrift der Einheiten {1} pt").format(text, size))
        self._show_warning(result if isinstance(result, ExportReport) else None)

    def _show_warning(self, report: ExportReport | None) -> None:
        plan = self.plan
        lines: list[str] = []
        if plan.min_node_text_pt < style.MIN_PRINT_TEXT_PT - 1e-9:
            minimum = self.locale().toString(style.MIN_PRINT_TEXT_PT, "g")
            how = (
                self.tr("Das Anpassen an eine Seite")
                if plan.tiles == (1, 1)
                else self.tr("Diese Aufteilung")
            )
            text = self.tr(
                "{0} verkleinert die Schrift der Einheiten auf {1} pt; für den Druck "
                "werden mindestens {2} pt empfohlen."
            ).format(how, self._size_text(plan.min_node_text_pt), minimum)
            ways = []
            if not self.a3_radio.isChecked():
                a3 = self.tr("A3")
                ways.append(f'<a href="#a3">{a3}</a>')
            if not self.auto_radio.isChecked():
                auto = self.tr("automatisch kacheln")
                ways.append(f'<a href="#auto">{auto}</a>')
            if ways:
                text += " " + self.tr("Abhilfe: {0}.").format(self.tr(" oder ").join(ways))
            lines.append(text)
        empty = empty_tiles(plan)
        if empty:
            total = plan.tiles[0] * plan.tiles[1]
            lines.append(
                self.tr(
                    "{0} von {1} Seiten des Organigramms bleiben leer; weniger Kacheln genügen."
                ).format(empty, total)
            )
        if report is not None and report.missing_glyphs:
            lines.append(
                self.tr(
                    "Für diese Zeichen hat die eingebettete Schrift kein Zeichenbild; "
                    "sie erscheinen als Code: {0}"
                ).format(" ".join(report.missing_glyphs))
            )
        self.warning_label.setText("<br>".join(lines))
        self.warning_label.setVisible(bool(lines))

    # -- exporting ------------------------------------------------------------------------
    def export_clicked(self) -> None:
        path = self.ask_path()
        if path is not None and self.export_to(path) is not None:
            self.remember()
            self.accept()

    def ask_path(self) -> Path | None:
        """The file to write: a PDF, or a Word document when that file type is chosen (the
        same chart and appendix, in Word's styles for the council's template)."""
        pdf, word = self.tr("PDF-Dokumente (*.pdf)"), self.tr("Word-Dokumente (*.docx)")
        name, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Speichern unter"),
            str(self.suggested),
            f"{pdf};;{word}",
            "",
            self.dialog_options,
        )
        if not name:
            return None
        if name.casefold().endswith(".docx") or (chosen == word and not name.casefold().endswith(".pdf")):
            return with_suffix(name, ".docx")
        return with_suffix(name, ".pdf")

    def export_to(self, path: Path) -> ExportReport | DocxReport | None:
        """Render with the dialog's options and write ``path`` atomically (a ``.docx`` path:
        the Word document)."""
        word_path = path.suffix.casefold() == ".docx"
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if word_path:
                from orgdesigner.export.docx import export_docx

                word = export_docx(self.model, path, self.options())
                self.exported_path, self.export_report = path, None
                remember_folder(SETTINGS, path)
                return word
            if self.compare_with is not None and self.compare_check.isChecked():
                from orgdesigner.export.comparison import render_comparison

                data, report = render_comparison(self.compare_with[0], self.model, self.options())
            else:
                data, report = render(self.model, self.options())
            fileformat.write_atomic(path, data, backup=False)
        except SaveError as exc:
            error = (self.tr("Das Word-Dokument wurde nicht gespeichert.") if word_path
                     else self.tr("Das PDF wurde nicht gespeichert."), exc.message())  # fmt: skip
        except Exception as exc:  # reportlab, pikepdf, python-docx: say so, keep the dialog open
            error = (
                self.tr("Das Word-Dokument konnte nicht erzeugt werden.") if word_path
                else self.tr("Das PDF konnte nicht erzeugt werden."),
                str(exc) or exc.__class__.__name__,
            )  # fmt: skip
        else:
            self.exported_path, self.export_report = path, report
            remember_folder(SETTINGS, path)
            return report
        finally:
            QGuiApplication.restoreOverrideCursor()
        (self._show_error or self._error_box)(*error)
        return None

    def _error_box(self, text: str, detail: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.windowTitle(), text, QMessageBox.StandardButton.Ok, self
        )
        box.setInformativeText(detail)
        box.exec()

    def remember(self) -> None:
        options = self.options()
        tiles = options.tiles
        if tiles is None:
            split = "fit"
        elif isinstance(tiles, str):
            split = tiles
        else:
            split = f"{tiles[0]}x{tiles[1]}"
        Settings().set_pdf_choices(options.paper, split, list(options.appendix_parts), options.pdfa)


def export_pdf(window: MainWindow) -> Path | None:
    """Datei → Als PDF exportieren: the dialog for the window's model."""
    dialog = ExportDialog(
        window.document.model,
        window,
        suggested=suggested_path(window, ".pdf", SETTINGS),
        dialog_options=window._dialog_options(),
        show_error=window.prompter.show_error,
        routing=window.scene.routing_mode,
        compare_with=window.comparison_base(),
    )
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        path, report = dialog.exported_path, dialog.export_report
    finally:
        dialog.deleteLater()  # a child of the window: without this every export stays
    if not accepted or path is None:
        return None
    if path.suffix.casefold() == ".docx":
        text = QCoreApplication.translate("ExportDialog", "Word-Dokument gespeichert: {0}")
        window.statusBar().showMessage(text.format(path), 8000)
        return path
    pages = report.pages if report is not None else 0
    if pages == 1:
        text = QCoreApplication.translate("ExportDialog", "PDF gespeichert: {0} (1 Seite)")
    else:
        text = QCoreApplication.translate("ExportDialog", "PDF gespeichert: {0} ({1} Seiten)")
    window.statusBar().showMessage(text.format(path, pages), 8000)
    return path
