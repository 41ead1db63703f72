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

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

from reportlab.lib.pagesizes import A3, A4, landscape, portrait
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageTemplate
from reportlab.platypus.flowables import PageBreak

from orgdesigner import __version__, style
from orgdesigner.catalog import LEVEL_IDS, catalog
from orgdesigner.export import chart, fonts
from orgdesigner.i18n import current_language, pick
from orgdesigner.model import Edge, Node, OrgModel

MM = 72 / 25.4
Paper = Literal["a4", "a3"]
PAPER_SIZES: dict[str, tuple[float, float]] = {"a4": A4, "a3": A3}
APPENDIX_PARTS: tuple[str, ...] = ("findings", "accepted", "pros_cons", "reflection", "outline")
MAX_SCALE = 1.5
"""a small model is enlarged at most this much on a big page"""
MAX_TILES = 12
SOURCE_DE = "Quelle: BBSR (2024): Organisation und Management in smarten Städten und Regionen"
SOURCE_EN = (
    "Source: BBSR (2024): Organisation und Management in smarten Städten und Regionen "
    "(Organisation and management in smart cities and regions)"
)
STATUS = {
    "draft": ("Entwurf", "Draft"),
    "proposal": ("Beschlussvorlage", "Proposal for decision"),
    "adopted": ("beschlossen", "Adopted"),
}

TileSpec = tuple[int, int] | Literal["auto"] | None


@dataclass(frozen=True)
class PdfOptions:
    """What the PDF looks like; every field has a sensible default."""

    paper: Paper = "a4"
    landscape: bool = False
    tiles: TileSpec = None
    """``None``: fit to one page; ``(columns, rows)``: tile over N×M pages;
    ``"auto"``: the fewest tiles that keep node text at ``min_text_pt``"""
    overlap_mm: float = 10.0
    margin_mm: float = 12.0
    appendix: bool = True
    appendix_parts: tuple[str, ...] = APPENDIX_PARTS
    lang: str | None = None
    """``de`` or ``en``; default: the current language"""
    date: dt.date | None = None
    """"Stand" and the file's dates; default: the model's ``meta.date``"""
    attachment: str = ""
    """the "Anlage" number in the council paper"""
    paper_number: str = ""
    """the council paper's number (Vorlage/Drucksache)"""
    pdfa: bool = True
    min_text_pt: float = style.MIN_PRINT_TEXT_PT


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
# page geometry
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class _Layout:
    page_w: float
    page_h: float
    margin: float
    header_h: float
    legend_h: float
    footer_h: float

    @property
    def area(self) -> tuple[float, float, float, float]:
        """Drawing area (x, y, w, h) in page points, y up."""
        x = self.margin
        y = self.margin + self.footer_h + self.legend_h
        w = self.page_w - 2 * self.margin
        h = self.page_h - self.margin - self.header_h - y
        return x, y, w, h


def page_size(options: PdfOptions) -> tuple[float, float]:
    size = PAPER_SIZES[options.paper]
    result = landscape(size) if options.landscape else portrait(size)
    return float(result[0]), float(result[1])


def _scale_for(
    ext: chart.Extent, aw: float, ah: float, cols: int, rows: int, overlap: float
) -> float:
    total_w = cols * aw - (cols - 1) * overlap
    total_h = rows * ah - (rows - 1) * overlap
    return min(total_w / max(ext.width, 1.0), total_h / max(ext.height, 1.0), MAX_SCALE)


def _min_node_text(scale: float) -> float:
    return min(style.NODE_TITLE_PT, style.NODE_FORM_PT, style.EDGE_LABEL_PT) * scale


def choose_tiles(ext: chart.Extent, aw: float, ah: float, options: PdfOptions) -> tuple[int, int]:
    """The tiling asked for, or for ``"auto"`` the fewest pages keeping text readable."""
    if options.tiles is None:
        return 1, 1
    if options.tiles != "auto":
        cols, rows = options.tiles
        if not (1 <= cols <= MAX_TILES and 1 <= rows <= MAX_TILES):
            raise ValueError(f"tiles must be between 1x1 and {MAX_TILES}x{MAX_TILES}")
        return cols, rows
    overlap = options.overlap_mm * MM
    best: tuple[int, int, int] | None = None
    for cols in range(1, MAX_TILES + 1):
        for rows in range(1, MAX_TILES + 1):
            scale = _scale_for(ext, aw, ah, cols, rows, overlap)
            if _min_node_text(scale) + 1e-9 >= options.min_text_pt:
                # fewest pages, then the squarer arrangement
                key = (cols * rows, abs(cols - rows), rows)
                if best is None or key < best:
                    best = key
                    chosen = (cols, rows)
    if best is None:
        return MAX_TILES, MAX_TILES
    return chosen


# ---------------------------------------------------------------------------
# texts
# ---------------------------------------------------------------------------
def _date_text(date: dt.date | None, lang: str) -> str:
    if date is None:
        return ""
    return date.strftime("%d.%m.%Y") if lang == "de" else date.isoformat()


def title_of(model: OrgModel, lang: str) -> str:
    return model.meta.title or pick("Organisationsmodell", "Organisation model", lang)


def _meta_line(model: OrgModel, options: PdfOptions, lang: str) -> str:
    m = model.meta
    parts: list[str] = []
    if m.municipality:
        parts.append(m.municipality)
    de, en = STATUS[m.status]
    parts.append(pick(de, en, lang))
    if m.version:
        parts.append(pick("Version ", "Version ", lang) + m.version)
    date = options.date or m.date
    if date is not None:
        parts.append(pick("Stand: ", "As of: ", lang) + _date_text(date, lang))
    if m.author:
        parts.append(pick("Verfasst von ", "Author: ", lang) + m.author)
    return " · ".join(parts)


# ---------------------------------------------------------------------------
# the chart page (a flowable that fills the page)
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class _LegendItem:
    kind: Literal["level", "relation", "heading"]
    key: str
    text: str
    width: float


def _legend_items(model: OrgModel, lang: str) -> list[_LegendItem]:
    size = style.PDF_LEGEND_PT
    cat = catalog()
    items: list[_LegendItem] = []
    levels = [lv for lv in LEVEL_IDS if any(n.level == lv for n in model.nodes)]
    relations = [r.id for r in cat.relations if any(e.type == r.id for e in model.edges)]
    if levels:
        text = pick("Ebenen:", "Levels:", lang)
        items.append(_LegendItem("heading", "", text, fonts.width(text, fonts.BOLD, size) + 6))
        for lv in levels:
            label = cat.level(lv).label.get(lang)
            items.append(
                _LegendItem("level", lv, label, 16 + fonts.width(label, fonts.REGULAR, size) + 12)
            )
    if relations:
        text = pick("Beziehungen:", "Relations:", lang)
        items.append(_LegendItem("heading", "", text, fonts.width(text, fonts.BOLD, size) + 6))
        for rel in relations:
            label = cat.relation(rel).label.get(lang)
            items.append(
                _LegendItem(
                    "relation", rel, label, 40 + fonts.width(label, fonts.REGULAR, size) + 12
                )
            )
    return items


def _legend_rows(items: Sequence[_LegendItem], room: float) -> list[list[_LegendItem]]:
    rows: list[list[_LegendItem]] = []
    current: list[_LegendItem] = []
    used = 0.0
    for item in items:
        # a heading starts a new row; an item that does not fit wraps
        if current and (item.kind == "heading" or used + item.width > room):
            rows.append(current)
            current, used = [], 0.0
        current.append(item)
        used += item.width
    if current:
        rows.append(current)
    return rows


LEGEND_ROW_H = 13.0


class _ChartPage(Flowable):  # type: ignore[misc]
    """One page of the chart: title block, the (tile of the) drawing, legend, source."""

    def __init__(self, job: _Job, col: int, row: int) -> None:
        super().__init__()
        self.job = job
        self.col = col
        self.row = row

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.job.layout.page_w, self.job.layout.page_h

    def draw(self) -> None:
        job = self.job
        c = self.canv
        lay = job.layout
        _draw_header(c, job, self.col, self.row)
        ax, ay, aw, ah = lay.area
        c.saveState()
        path = c.beginPath()
        path.rect(ax, ay, aw, ah)
        c.clipPath(path, stroke=0, fill=0)
        step_x = aw - job.overlap
        step_y = ah - job.overlap
        cols, rows = job.tiles
        total_w = job.ext.width * job.scale
        # centre the drawing on the tiled area
        span_w = cols * aw - (cols - 1) * job.overlap
        off_x = (span_w - total_w) / 2 - self.col * step_x
        off_y = -self.row * step_y  # top-aligned: the legend follows below
        c.translate(ax + off_x, ay + ah - off_y)
        c.scale(job.scale, job.scale)
        c.translate(-job.ext.left, job.ext.top)
        chart.draw_chart(c, job.model, job.lang)
        c.restoreState()
        if cols * rows > 1:
            c.setStrokeColorRGB(*chart.rgb(style.RULE_LINE))
            c.setLineWidth(0.4)
            c.setDash([2, 2], 0)
            c.rect(ax, ay, aw, ah, stroke=1, fill=0)
            c.setDash()
        _draw_legend(c, job)


def _draw_header(c: Any, job: _Job, col: int, row: int) -> None:
    lay = job.layout
    lang = job.lang
    x0 = lay.margin
    x1 = lay.page_w - lay.margin
    top = lay.page_h - lay.margin
    right_parts: list[str] = []
    if job.options.attachment:
        right_parts.append(pick("Anlage ", "Attachment ", lang) + job.options.attachment)
    if job.options.paper_number:
        right_parts.append(pick("zur Vorlage ", "to paper ", lang) + job.options.paper_number)
    right = " ".join(right_parts)
    right_w = fonts.width(right, fonts.BOLD, style.PDF_HEADING_PT) if right else 0.0
    room = x1 - x0 - (right_w + 18 if right else 0)
    c.setFillColorRGB(*chart.rgb(style.TEXT))
    c.setFont(fonts.BOLD, style.PDF_TITLE_PT)
    title = fonts.elide(job.title, fonts.BOLD, style.PDF_TITLE_PT, room)
    c.drawString(x0, top - style.PDF_TITLE_PT * fonts.ASCENT, title)
    if right:
        c.setFont(fonts.BOLD, style.PDF_HEADING_PT)
        c.drawRightString(x1, top - style.PDF_HEADING_PT * fonts.ASCENT, right)
    meta = job.meta_line
    cols, rows = job.tiles
    if cols * rows > 1:
        part = pick(
            f"Teil {row * cols + col + 1} von {cols * rows} (Zeile {row + 1}, Spalte {col + 1})",
            f"Part {row * cols + col + 1} of {cols * rows} (row {row + 1}, column {col + 1})",
            lang,
        )
        meta = f"{meta} · {part}" if meta else part
    c.setFillColorRGB(*chart.rgb(style.MUTED_TEXT))
    c.setFont(fonts.REGULAR, style.PDF_META_PT)
    y = top - style.PDF_TITLE_PT * fonts.LINE_SPACING - 3 - style.PDF_META_PT * fonts.ASCENT
    c.drawString(x0, y, fonts.elide(meta, fonts.REGULAR, style.PDF_META_PT, x1 - x0))
    c.setStrokeColorRGB(*chart.rgb(style.RULE_LINE))
    c.setLineWidth(0.6)
    line_y = lay.page_h - lay.margin - lay.header_h + 6
    c.line(x0, line_y, x1, line_y)


def _draw_legend(c: Any, job: _Job) -> None:
    lay = job.layout
    size = style.PDF_LEGEND_PT
    x0 = lay.margin
    y = lay.margin + lay.footer_h + lay.legend_h - 4
    c.setStrokeColorRGB(*chart.rgb(style.RULE_LINE))
    c.setLineWidth(0.6)
    c.line(x0, y, lay.page_w - lay.margin, y)
    for row in job.legend_rows:
        y -= LEGEND_ROW_H
        x = x0
        base = y + 3
        for item in row:
            if item.kind == "heading":
                c.setFillColorRGB(*chart.rgb(style.TEXT))
                c.setFont(fonts.BOLD, size)
                c.drawString(x, base, item.text)
            elif item.kind == "level":
                ls = style.LEVEL_STYLES[item.key]
                c.setFillColorRGB(*chart.rgb(ls.fill))
                c.setStrokeColorRGB(*chart.rgb(ls.border))
                c.setLineWidth(0.8)
                c.setDash()
                c.roundRect(x, base - 2, 12, 9, 2, stroke=1, fill=1)
                c.setFillColorRGB(*chart.rgb(style.TEXT))
                c.setFont(fonts.REGULAR, size)
                c.drawString(x + 16, base, item.text)
            else:
                _legend_relation(c, item.key, x, base + 2.5)
                c.setFillColorRGB(*chart.rgb(style.TEXT))
                c.setFont(fonts.REGULAR, size)
                c.drawString(x + 40, base, item.text)
            x += item.width
    c.setFillColorRGB(*chart.rgb(style.MUTED_TEXT))
    c.setFont(fonts.REGULAR, style.PDF_FOOTER_PT)
    source = pick(SOURCE_DE, SOURCE_EN, job.lang)
    room = lay.page_w - 2 * lay.margin - 90
    c.drawString(x0, lay.margin + 2, fonts.elide(source, fonts.REGULAR, style.PDF_FOOTER_PT, room))


def _legend_relation(c: Any, relation: str, x: float, y: float) -> None:
    """A 34 pt sample of the relation's line style, drawn at half size (y up)."""
    c.saveState()
    c.translate(x, y)
    c.scale(0.55, 0.55)
    # in the legend's own model units (y down, drawn at -y): from (0,0) to (60,0)
    fake_src = _point_node("a", 0.0)
    fake_dst = _point_node("b", 60.0)
    edge = Edge(id="legend", type=relation, source="a", target="b")
    chart.draw_edge(c, edge, fake_src, fake_dst)
    c.restoreState()


def _point_node(node_id: str, x: float) -> Node:
    # a degenerate box: the line runs from its centre (box 40 x 24 around the point)
    return Node.model_construct(
        id=node_id, level="coordination", x=x - 20.0, y=-12.0, width=40.0, height=24.0
    )


# ---------------------------------------------------------------------------
# the job
# ---------------------------------------------------------------------------
class _Job:
    """Everything computed once for one export."""

    def __init__(self, model: OrgModel, options: PdfOptions) -> None:
        self.model = model
        self.options = options
        self.lang = options.lang or current_language()
        self.title = fonts.printable(title_of(model, self.lang))
        self.meta_line = fonts.printable(_meta_line(model, options, self.lang))
        self.date = options.date or model.meta.date
        pw, ph = page_size(options)
        margin = options.margin_mm * MM
        self.ext = chart.extent(model)
        items = _legend_items(model, self.lang)
        self.legend_rows = _legend_rows(items, pw - 2 * margin)
        legend_h = (len(self.legend_rows) * LEGEND_ROW_H + 8) if self.legend_rows else 4.0
        header_h = style.PDF_TITLE_PT * fonts.LINE_SPACING + style.PDF_META_PT * 1.6 + 14
        self.layout = _Layout(pw, ph, margin, header_h, legend_h, 14.0)
        _, _, aw, ah = self.layout.area
        self.overlap = options.overlap_mm * MM if options.tiles is not None else 0.0
        self.tiles = choose_tiles(self.ext, aw, ah, options)
        self.scale = _scale_for(self.ext, aw, ah, *self.tiles, self.overlap)

    @property
    def min_node_text(self) -> float:
        return _min_node_text(self.scale)


def _numbered_canvas(lang: str, footer_left: str, layout: _Layout, chart_pages: int) -> type:
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
                self.setFillColorRGB(*chart.rgb(style.MUTED_TEXT))
                self.setFont(fonts.REGULAR, style.PDF_FOOTER_PT)
                self.drawRightString(
                    layout.page_w - layout.margin,
                    layout.margin + 2,
                    pick(f"Seite {number} von {total}", f"Page {number} of {total}", lang),
                )
                if footer_left and number > chart_pages:
                    self.drawString(layout.margin, layout.margin + 2, footer_left)
                super().showPage()
            super().save()

    return NumberedCanvas


def render(model: OrgModel, options: PdfOptions | None = None) -> tuple[bytes, ExportReport]:
    """Return the PDF bytes and the report."""
    from orgdesigner.export import appendix, pdfa

    options = options or PdfOptions()
    job = _Job(model, options)
    buf = io.BytesIO()
    lay = job.layout
    with fonts.embedded_defaults():
        full = Frame(
            0,
            0,
            lay.page_w,
            lay.page_h,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="chart",
        )
        text_frame = Frame(
            lay.margin,
            lay.margin + lay.footer_h,
            lay.page_w - 2 * lay.margin,
            lay.page_h - 2 * lay.margin - lay.footer_h,
            id="text",
        )
        doc = BaseDocTemplate(
            buf,
            pagesize=(lay.page_w, lay.page_h),
            invariant=1,
            pageCompression=1,
            initialFontName=fonts.REGULAR,
            title=job.title,
            author=model.meta.author,
            subject=subject_of(model, job.lang),
            keywords=keywords_of(model, job.lang),
            creator=f"OrgDesigner {__version__}",
            lang=pick("de-DE", "en-GB", job.lang),
            pageTemplates=[
                PageTemplate(id="chart", frames=[full]),
                PageTemplate(id="text", frames=[text_frame]),
            ],
        )
        story: list[Any] = []
        cols, rows = job.tiles
        for r in range(rows):
            for col in range(cols):
                if story:
                    story.append(PageBreak())
                story.append(_ChartPage(job, col, r))
        parts = options.appendix_parts if options.appendix else ()
        if parts:
            story.append(NextPageTemplate("text"))
            story.append(PageBreak())
            story.extend(appendix.build(model, job.lang, parts, job.title))
        canvas_class = _numbered_canvas(
            job.lang,
            fonts.elide(job.title, fonts.REGULAR, style.PDF_FOOTER_PT, lay.page_w / 2),
            lay,
            cols * rows,
        )
        doc.build(story, canvasmaker=canvas_class)
    data = buf.getvalue()
    pages = doc.page
    data = pdfa.convert(
        data,
        pdfa.DocInfo(
            title=job.title,
            author=model.meta.author,
            subject=subject_of(model, job.lang),
            keywords=keywords_of(model, job.lang),
            creator=f"OrgDesigner {__version__}",
            date=job.date,
            lang=pick("de-DE", "en-GB", job.lang),
        ),
        pdfa=options.pdfa,
    )
    messages: list[str] = []
    if job.min_node_text < options.min_text_pt - 1e-9:
        size = f"{job.min_node_text:.1f}"
        de_how, en_how = (
            ("Anpassen an eine Seite", "Fitting to one page")
            if job.tiles == (1, 1)
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
                job.lang,
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
                job.lang,
            )
            + " ".join(missing)
        )
    report = ExportReport(
        pages=pages,
        chart_pages=cols * rows,
        tiles=job.tiles,
        scale=job.scale,
        min_node_text_pt=job.min_node_text,
        page_size=(lay.page_w, lay.page_h),
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

    A path is written atomically (temporary file in the same folder, then replaced).
    """
    data, report = render(model, options)
    if isinstance(target, (str, Path)):
        path = Path(target)
        tmp = path.with_name(f".{path.name}.tmp")
        with open(tmp, "wb") as fh:
            fh.write(data)
        tmp.replace(path)
    else:
        target.write(data)
    return report


@dataclass(frozen=True)
class PagePlan:
    """Where the chart goes on its pages and what the title block and legend say,
    computed without rendering (for a preview).

    Lengths are in PDF points; ``area`` is the drawing area ``(x, y, w, h)`` with ``y``
    up, as on the page. Model point ``(x, y)`` lands on chart page ``(col, row)`` at
    ``area_x + offset_x(col) + scale * (x - extent.left)`` and, measured down from the
    top of the area, at ``scale * (y - extent.top) - row * (area_h - overlap)``.
    """

    page_size: tuple[float, float]
    area: tuple[float, float, float, float]
    margin: float
    header_h: float
    legend_h: float
    footer_h: float
    tiles: tuple[int, int]
    overlap: float
    scale: float
    extent: chart.Extent
    min_node_text_pt: float
    title: str
    meta_line: str
    legend_rows: tuple[tuple[tuple[str, str, str, float], ...], ...]
    """rows of ``(kind, key, text, width)``: kind ``heading``, ``level`` or ``relation``"""

    def offset_x(self, col: int) -> float:
        """Horizontal offset of the drawing on chart page column ``col`` (centred)."""
        cols = self.tiles[0]
        aw = self.area[2]
        span_w = cols * aw - (cols - 1) * self.overlap
        return (span_w - self.extent.width * self.scale) / 2 - col * (aw - self.overlap)


def page_plan(model: OrgModel, options: PdfOptions | None = None) -> PagePlan:
    """The chart pages' geometry for ``options``, as :func:`render` would lay them out."""
    job = _Job(model, options or PdfOptions())
    lay = job.layout
    return PagePlan(
        page_size=(lay.page_w, lay.page_h),
        area=lay.area,
        margin=lay.margin,
        header_h=lay.header_h,
        legend_h=lay.legend_h,
        footer_h=lay.footer_h,
        tiles=job.tiles,
        overlap=job.overlap,
        scale=job.scale,
        extent=job.ext,
        min_node_text_pt=job.min_node_text,
        title=job.title,
        meta_line=job.meta_line,
        legend_rows=tuple(
            tuple((i.kind, i.key, i.text, i.width) for i in row) for row in job.legend_rows
        ),
    )
