"""PDF export of an organisation model: the chart as "Anlage" of a council paper.

``export_pdf(model, target, PdfOptions(...)) -> ExportReport``. No Qt: reportlab draws
the chart as vectors from the model's geometry (:mod:`orgdesigner.export.chart`), an
optional appendix follows as text (findings, accepted findings, pros and cons, reflection
answers, outline), and :mod:`orgdesigner.export.pdfa` turns the file into PDF/A.

By default the file is tagged (PDF/UA-1 with PDF/A-2a): while reportlab draws, the
:mod:`orgdesigner.export.tagged` tagger marks every piece of content as part of a
structure element – the title a heading, the chart a Figure with a text alternative
(:mod:`orgdesigner.export.alttext`), the legend a list, the appendix headings,
paragraphs, lists and a table – and everything else (rules, colour swatches, band
backgrounds, page numbers, furniture repeated on tiled pages) as an artifact.

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
from orgdesigner.drawing.changes import ChangeMarkers
from orgdesigner.drawing.geometry import TextRun
from orgdesigner.drawing.page import (
    APPENDIX_PARTS,
    MAX_TILES,
    PagePlan,
    PdfOptions,
    TileSpec,
    title_of,
)
from orgdesigner.export import chart, fonts, tagged
from orgdesigner.export.tagged import Element, artifact, marked
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
@dataclass
class ChartTags:
    """The structure elements of the chart pages, in reading order: the title, the meta
    line, the attachment note, the chart, its legend and the source."""

    title: Element
    meta: Element
    header_right: Element
    figure: Element
    legend: Element
    source: Element

    @classmethod
    def under(cls, parent: Element, alt: str) -> ChartTags:
        return cls(
            title=parent.add("H1"),
            meta=parent.add("P"),
            header_right=parent.add("P"),
            figure=parent.add("Figure", alt=alt),
            legend=parent.add("Legend"),
            source=parent.add("P"),
        )


class _ChartPage(Flowable):  # type: ignore[misc]
    """One page of the chart: title block, the (tile of the) drawing, legend, source."""

    def __init__(self, plan: PagePlan, col: int, row: int, tags: ChartTags | None = None) -> None:
        super().__init__()
        self.plan = plan
        self.col = col
        self.row = row
        self.tags = tags

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.plan.page_size

    def draw(self) -> None:
        draw_chart_page(self.canv, self.plan, self.col, self.row, self.tags)


def draw_chart_page(c: Any, plan: PagePlan, col: int, row: int,
                    tags: ChartTags | None = None,
                    markers: ChangeMarkers | None = None) -> None:  # fmt: skip
    """Paint chart page ``(col, row)`` of ``plan`` on reportlab canvas ``c``.

    With ``tags`` (and a tagging canvas) the drawing is the content of the Figure on
    every tile; title block, legend and source are content on the first page and
    artifacts (repeated furniture) on the others. ``markers``: the change markers of a
    comparison, drawn as part of the Figure (ghosts under the chart, badges over it).
    """
    ph = plan.page_size[1]
    ax, ay, aw, ah = plan.area
    first = (col, row) == (0, 0)
    c.saveState()
    path = c.beginPath()
    path.rect(ax, ph - ay - ah, aw, ah)
    c.clipPath(path, stroke=0, fill=0)
    ox, oy = plan.origin(col, row)
    c.translate(ox, ph - oy)
    c.scale(plan.scale, plan.scale)
    c.translate(-plan.chart.extent[0], plan.chart.extent[1])
    with artifact(c, tagged.ARTIFACT_BACKGROUND):
        chart.draw_band_backgrounds(c, plan.chart)
    figure = tags.figure if tags is not None else None
    if figure is not None and first:
        figure.bbox = (round(ax, 2), round(ph - ay - ah, 2), round(ax + aw, 2), round(ph - ay, 2))
    with marked(c, figure):
        if markers is not None:
            chart.draw_ghosts(c, markers)
        chart.draw_content(c, plan.chart)
        if markers is not None:
            chart.draw_markers(c, markers)
    c.restoreState()
    furniture = plan.drawing(col, row)
    if furniture.tile_frame is not None:
        x, y, w, h = furniture.tile_frame
        with artifact(c):
            c.setStrokeColorRGB(*chart.rgb(style.RULE_LINE))
            c.setLineWidth(0.4)
            c.setDash([2, 2], 0)
            c.rect(x, ph - y - h, w, h, stroke=1, fill=0)
            c.setDash()
    draw_furniture(c, furniture, ph, tags if first else None)


def draw_furniture(c: Any, furniture: page.PageDrawing, ph: float,
                   tags: ChartTags | None = None) -> None:  # fmt: skip
    """Title block, legend and source line (page coordinates, ``y`` down).

    Rules, swatches and line samples are decoration (their meaning is in the legend's
    words); the texts are the content of ``tags``' elements, or artifacts without.
    """
    with artifact(c):
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
    tagger: tagged.Tagger | None = getattr(c, "tagger", None)
    if tags is None or tagger is None or len(furniture.roles) != len(furniture.texts):
        with artifact(c, tagged.ARTIFACT_PAGINATION_HEADER):
            _runs(c, furniture.texts, ph)
        return
    items: Element | None = None
    for run, role in zip(furniture.texts, furniture.roles, strict=True):
        if role == "title":
            tagger.bookmark(c, 1, run.text, ph - run.baseline + run.size)
            element = tags.title
        elif role == "meta":
            element = tags.meta
        elif role == "header_right":
            element = tags.header_right
        elif role == "legend_heading":
            element = tags.legend.add("P")
            items = tags.legend.add("L")
        elif role == "legend_item":
            if items is None:
                items = tags.legend.add("L")
            element = items.add("LI").add("LBody")
        else:
            _source(c, tagger, tags.source, run, ph)
            continue
        with tagger.marked(c, element):
            _runs(c, (run,), ph)


GUIDE_TITLE = "Organisation und Management in smarten Städten und Regionen"
"""the guide's German title, quoted in the English source line"""


def _source(c: Any, tagger: tagged.Tagger, element: Element, run: TextRun, ph: float) -> None:
    """The source line; in an English export the guide's German title is a passage
    marked ``/Lang de-DE`` (a screen reader switches its voice)."""
    at = run.text.find(GUIDE_TITLE)
    if at < 0 or not run.text.startswith("Source"):
        with tagger.marked(c, element):
            _runs(c, (run,), ph)
        return
    pieces = (run.text[:at], run.text[at:at + len(GUIDE_TITLE)], run.text[at + len(GUIDE_TITLE):])
    x = run.x
    for k, text in enumerate(pieces):
        if not text:
            continue
        piece = TextRun(text, x, run.baseline, run.size, run.bold, run.colour,
                        fonts.width(text, fonts.REGULAR, run.size))  # fmt: skip
        target = element.add("Span", lang="de-DE") if k == 1 else element
        with tagger.marked(c, target):
            _runs(c, (piece,), ph)
        x += piece.width


def _runs(c: Any, runs: Sequence[TextRun], ph: float) -> None:
    for run in runs:
        c.setFillColorRGB(*chart.rgb(run.colour))
        c.setFont(fonts.BOLD if run.bold else fonts.REGULAR, run.size)
        c.drawString(run.x, ph - run.baseline, run.text)


def _numbered_canvas(plan: PagePlan, tagger: tagged.Tagger | None = None,
                     chart_pages: int | None = None) -> type:  # fmt: skip
    """``chart_pages``: the pages before the text pages (default: the plan's)."""
    first_text_page = (plan.chart_pages if chart_pages is None else chart_pages) + 1

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        """Draws "Seite x von y" once the number of pages is known; carries the tagger
        that flowables mark their content with."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            self.tagger = tagger

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                runs = plan.page_number(number, total, footer_left=number >= first_text_page)
                with artifact(self, tagged.ARTIFACT_PAGINATION_FOOTER):
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
    from orgdesigner.export import alttext, appendix, pdfa

    options = options or PdfOptions()
    lang = options.lang or current_language()
    plan = page.plan(model, options, fonts.MEASURE, lang)
    title = plan.title
    doc_lang = language_tag(lang)
    parts = options.appendix_parts if options.appendix else ()
    tagger = tagged.Tagger() if options.tagged else None
    root = tagger.root if tagger is not None else Element("Document")
    chart_tags = ChartTags.under(root, alttext.chart_alt(model, lang, title, "outline" in parts))
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
        text_frames = appendix.frames(margin, margin + plan.footer_h, pw - 2 * margin,
                                      ph - 2 * margin - plan.footer_h)  # fmt: skip
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
            lang=doc_lang,
            pageTemplates=[
                PageTemplate(id="chart", frames=[full]),
                PageTemplate(id="text", frames=text_frames),
            ],
        )
        story: list[Any] = []
        cols, rows = plan.tiles
        for r in range(rows):
            for col in range(cols):
                if story:
                    story.append(PageBreak())
                story.append(_ChartPage(plan, col, r, chart_tags))
        if parts:
            story.append(NextPageTemplate("text"))
            story.append(PageBreak())
            column = appendix.columns(pw - 2 * margin)[1]
            story.extend(appendix.build(model, lang, parts, title, root, column))
        doc.build(story, canvasmaker=_numbered_canvas(plan, tagger))
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
            lang=doc_lang,
        ),
        pdfa=options.pdfa,
        tagger=tagger,
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


def language_tag(lang: str) -> str:
    """The document's ``/Lang``: ``de-DE`` or ``en-US``."""
    return pick("de-DE", "en-US", lang)


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
