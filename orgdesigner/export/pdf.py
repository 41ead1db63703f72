"""PDF export of an organisation model: the chart as "Anlage" of a council paper.

``export_pdf(model, target, PdfOptions(...)) -> ExportReport``. No Qt: reportlab draws
the chart as vectors from the model's geometry (:mod:`orgdesigner.export.chart`), an
optional appendix follows as text (findings, accepted findings, pros and cons, reflection
answers, outline), and :mod:`orgdesigner.export.pdfa` turns the file into PDF/A-2b.

The same model and options give the same bytes: reportlab runs in invariant mode, the
only date used is ``options.date`` or the model's ``meta.date``, and the file id is
derived from the content.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageTemplate
from reportlab.platypus.flowables import PageBreak

from orgdesigner import __version__, fileformat, style
from orgdesigner.drawing import page
from orgdesigner.drawing.geometry import TextRun
from orgdesigner.drawing.page import (
    APPENDIX_PARTS,
    MAX_TILES,
    PagePlan,
    PdfOptions,
    TileSpec,
    title_of,
)
from orgdesigner.export import chart, fonts
from orgdesigner.i18n import current_language, pick
from orgdesigner.model import OrgModel

__all__ = [
    "APPENDIX_PARTS",
    "MAX_TILES",
    "ExportReport",
    "PagePlan",
    "PdfOptions",
    "TileSpec",
    "export_pdf",
    "page_plan",
    "render",
    "title_of",
]


@dataclass(frozen=True)
class ExportReport:
    """What the export did, for the CLI and a dialog ("fit-to-page shrinks text to …")."""

    pages: int
    chart_pages: int
    tiles: tuple[int, int]
    scale: float
    min_node_text_pt: float
    page_size: tuple[float, float]
    messages: tuple[str, ...] = field(default=())
    missing_glyphs: tuple[str, ...] = field(default=())

    @property
    def text_shrunk_below_minimum(self) -> bool:
        return self.min_node_text_pt < style.MIN_PRINT_TEXT_PT - 1e-9


# ---------------------------------------------------------------------------
# painting a page plan with reportlab (page coordinates: y down, flipped here)
# ---------------------------------------------------------------------------
class _ChartPage(Flowable):  # type: ignore[misc]
    """One page of the chart: title block, the (tile of the) drawing, legend, source."""

    def __init__(self, plan: PagePlan, col: int, row: int) -> None:
        super().__init__()
        self.plan = plan
        self.col = col
        self.row = row

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.plan.page_size

    def draw(self) -> None:
        draw_chart_page(self.canv, self.plan, self.col, self.row)


def draw_chart_page(c: Any, plan: PagePlan, col: int, row: int) -> None:
    """Paint chart page ``(col, row)`` of ``plan`` on reportlab canvas ``c``."""
    ph = plan.page_size[1]
    ax, ay, aw, ah = plan.area
    c.saveState()
    path = c.beginPath()
    path.rect(ax, ph - ay - ah, aw, ah)
    c.clipPath(path, stroke=0, fill=0)
    ox, oy = plan.origin(col, row)
    c.translate(ox, ph - oy)
    c.scale(plan.scale, plan.scale)
    c.translate(-plan.chart.extent[0], plan.chart.extent[1])
    chart.draw_chart(c, plan.chart)
    c.restoreState()
    furniture = plan.drawing(col, row)
    if furniture.tile_frame is not None:
        x, y, w, h = furniture.tile_frame
        c.setStrokeColorRGB(*chart.rgb(style.RULE_LINE))
        c.setLineWidth(0.4)
        c.setDash([2, 2], 0)
        c.rect(x, ph - y - h, w, h, stroke=1, fill=0)
        c.setDash()
    draw_furniture(c, furniture, ph)


def draw_furniture(c: Any, furniture: page.PageDrawing, ph: float) -> None:
    """Title block, legend and source line (page coordinates, ``y`` down)."""
    c.setStrokeColorRGB(*chart.rgb(style.RULE_LINE))
    for rule in furniture.rules:
        c.setLineWidth(rule.width)
        c.line(rule.x1, ph - rule.y1, rule.x2, ph - rule.y2)
    for sw in furniture.swatches:
        x, y, w, h = sw.box
        c.setFillColorRGB(*chart.rgb(sw.fill))
        c.setStrokeColorRGB(*chart.rgb(sw.border))
        c.setLineWidth(0.8)
        c.setDash()
        c.roundRect(x, ph - y - h, w, h, 2, stroke=1, fill=1)
    for sample in furniture.samples:
        c.saveState()
        c.translate(sample.origin[0], ph - sample.origin[1])
        c.scale(sample.scale, sample.scale)
        chart.draw_relation(c, sample.relation)
        c.restoreState()
    _runs(c, furniture.texts, ph)


def _runs(c: Any, runs: Sequence[TextRun], ph: float) -> None:
    for run in runs:
        c.setFillColorRGB(*chart.rgb(run.colour))
        c.setFont(fonts.BOLD if run.bold else fonts.REGULAR, run.size)
        c.drawString(run.x, ph - run.baseline, run.text)


def _numbered_canvas(plan: PagePlan) -> type:
    class NumberedCanvas(Canvas):  # type: ignore[misc]
        """Draws "Seite x von y" once the number of pages is known."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                runs = plan.page_number(number, total, footer_left=number > plan.chart_pages)
                _runs(self, runs, plan.page_size[1])
                super().showPage()
            super().save()

    return NumberedCanvas


def page_plan(model: OrgModel, options: PdfOptions | None = None) -> PagePlan:
    """The chart pages for ``options`` as :func:`render` lays them out (for a preview)."""
    options = options or PdfOptions()
    lang = options.lang or current_language()
    return page.plan(model, options, fonts.MEASURE, lang)


def render(model: OrgModel, options: PdfOptions | None = None) -> tuple[bytes, ExportReport]:
    """Return the PDF bytes and the report."""
    from orgdesigner.export import appendix, pdfa

    options = options or PdfOptions()
    lang = options.lang or current_language()
    plan = page.plan(model, options, fonts.MEASURE, lang)
    title = plan.title
    date = options.date or model.meta.date
    pw, ph = plan.page_size
    margin = plan.margin
    buf = io.BytesIO()
    with fonts.embedded_defaults():
        full = Frame(
            0,
            0,
            pw,
            ph,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="chart",
        )
        text_frame = Frame(
            margin,
            margin + plan.footer_h,
            pw - 2 * margin,
            ph - 2 * margin - plan.footer_h,
            id="text",
        )
        doc = BaseDocTemplate(
            buf,
            pagesize=(pw, ph),
            invariant=1,
            pageCompression=1,
            initialFontName=fonts.REGULAR,
            title=title,
            author=model.meta.author,
            subject=subject_of(model, lang),
            keywords=keywords_of(model, lang),
            creator=f"OrgDesigner {__version__}",
            lang=pick("de-DE", "en-GB", lang),
            pageTemplates=[
                PageTemplate(id="chart", frames=[full]),
                PageTemplate(id="text", frames=[text_frame]),
            ],
        )
        story: list[Any] = []
        cols, rows = plan.tiles
        for r in range(rows):
            for col in range(cols):
                if story:
                    story.append(PageBreak())
                story.append(_ChartPage(plan, col, r))
        parts = options.appendix_parts if options.appendix else ()
        if parts:
            story.append(NextPageTemplate("text"))
            story.append(PageBreak())
            story.extend(appendix.build(model, lang, parts, title))
        doc.build(story, canvasmaker=_numbered_canvas(plan))
    data = buf.getvalue()
    pages = doc.page
    data = pdfa.convert(
        data,
        pdfa.DocInfo(
            title=title,
            author=model.meta.author,
            subject=subject_of(model, lang),
            keywords=keywords_of(model, lang),
            creator=f"OrgDesigner {__version__}",
            date=date,
            lang=pick("de-DE", "en-GB", lang),
        ),
        pdfa=options.pdfa,
    )
    messages: list[str] = []
    if plan.min_node_text_pt < options.min_text_pt - 1e-9:
        size = f"{plan.min_node_text_pt:.1f}"
        de_how, en_how = (
            ("Anpassen an eine Seite", "Fitting to one page")
            if plan.tiles == (1, 1)
            else (f"Kacheln {cols}×{rows}", f"Tiling {cols}×{rows}")
        )
        messages.append(
            pick(
                f"{de_how} verkleinert die Schrift der Einheiten auf "
                f"{size.replace('.', ',')} pt (empfohlen: mindestens "
                f"{options.min_text_pt:g} pt). Größeres Papier oder mehr Kacheln (--tiles) "
                "wählen.",
                f"{en_how} shrinks the text of the units to {size} pt (recommended: at least "
                f"{options.min_text_pt:g} pt). Choose larger paper or more tiles (--tiles).",
                lang,
            )
        )
    missing = sorted(_missing_glyphs(model))
    if missing:
        messages.append(
            pick(
                "Für diese Zeichen hat die eingebettete Schrift kein Zeichenbild; sie erscheinen "
                "als Code, z. B. [U+1F680]: ",
                "The embedded font has no glyph for these characters; they are written as their "
                "code point, e.g. [U+1F680]: ",
                lang,
            )
            + " ".join(missing)
        )
    report = ExportReport(
        pages=pages,
        chart_pages=cols * rows,
        tiles=plan.tiles,
        scale=plan.scale,
        min_node_text_pt=plan.min_node_text_pt,
        page_size=plan.page_size,
        messages=tuple(messages),
        missing_glyphs=tuple(missing),
    )
    return data, report


def _missing_glyphs(model: OrgModel) -> set[str]:
    m = model.meta
    texts = [m.title, m.municipality, m.author, m.version]
    texts += [t for n in model.nodes for t in (n.label, n.lead, n.deputy)]
    texts += [e.label for e in model.edges]
    texts += list(model.reflection.values()) + list(model.suppressed_rules.values())
    missing: set[str] = set()
    for text in texts:
        missing |= fonts.missing_glyphs(text)
    return missing


def subject_of(model: OrgModel, lang: str) -> str:
    where = model.meta.municipality
    base = pick(
        "Organisationsmodell des Smart-City-Vorhabens",
        "Organisation model of the smart-city programme",
        lang,
    )
    return f"{base} – {where}" if where else base


def keywords_of(model: OrgModel, lang: str) -> str:
    words = [
        "Smart City",
        pick("Organisation", "Organisation", lang),
        "BBSR",
        pick("Ratsvorlage", "council paper", lang),
    ]
    if model.meta.municipality:
        words.append(model.meta.municipality)
    return ", ".join(words)


def export_pdf(
    model: OrgModel, target: str | Path | IO[bytes], options: PdfOptions | None = None
) -> ExportReport:
    """Write ``model`` as PDF to a path or a binary stream and return the report.

    A path is written atomically (temporary file in the same folder, then replaced), with
    the permissions a new file gets or those of the file it replaces; a failure raises
    :class:`~orgdesigner.errors.SaveError` and leaves a previous file unchanged.
    """
    data, report = render(model, options)
    if isinstance(target, (str, Path)):
        fileformat.write_atomic(Path(target), data, backup=False)
    else:
        target.write(data)
    return report
