"""The chart pages: paper, orientation, tiles, scale, title block, legend and footer.

:func:`plan` computes everything a chart page shows, without drawing: the PDF
(:mod:`orgdesigner.export.pdf`), the export dialog's preview and printing paint the same
:class:`PagePlan`, so the preview shows the PDF and the printout equals it. Page
coordinates are points with the origin at the page's top-left corner and ``y`` pointing
down; the PDF painter flips them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from orgdesigner import style
from orgdesigner.catalog import LEVEL_IDS, catalog
from orgdesigner.drawing import geometry
from orgdesigner.drawing.geometry import Chart, RelationGeometry, TextRun
from orgdesigner.drawing.routing import Box, Mode
from orgdesigner.drawing.text import TextMeasure, elide
from orgdesigner.i18n import pick
from orgdesigner.model import OrgModel

MM = 72 / 25.4
Paper = Literal["a4", "a3"]
PAPER_SIZES: dict[str, tuple[float, float]] = {
    "a4": (210 * MM, 297 * MM),
    "a3": (297 * MM, 420 * MM),
}
"""portrait width and height in points (ISO 216)"""
APPENDIX_PARTS: tuple[str, ...] = (
    "findings", "accepted", "functions", "pros_cons", "reflection", "outline"
)  # fmt: skip
MAX_SCALE = 1.5
"""a small model is enlarged at most this much on a big page"""
MAX_TILES = 12
LEGEND_ROW_H = 13.0
FOOTER_H = 14.0
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
TextRole = Literal["title", "meta", "header_right", "legend_heading", "legend_item", "source"]


@dataclass(frozen=True)
class PdfOptions:
    """What the chart pages look like; every field has a sensible default."""

    paper: Paper = "a4"
    landscape: bool | None = None
    """``None``: the orientation that shows the chart largest; else as chosen"""
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
    tagged: bool = True
    """a tagged, accessible PDF (PDF/UA-1, with ``pdfa`` PDF/A-2a); ``False``: untagged
    (with ``pdfa`` PDF/A-2b), kept to measure what tagging costs"""
    min_text_pt: float = style.MIN_PRINT_TEXT_PT
    routing: Mode = "orthogonal"
    """relations as orthogonal routes or straight lines (the view option)"""


# ---------------------------------------------------------------------------
# texts
# ---------------------------------------------------------------------------
def date_text(date: dt.date | None, lang: str) -> str:
    if date is None:
        return ""
    return date.strftime("%d.%m.%Y") if lang == "de" else date.isoformat()


def title_of(model: OrgModel, lang: str) -> str:
    return model.meta.title or pick("Organisationsmodell", "Organisation model", lang)


def meta_line(model: OrgModel, options: PdfOptions, lang: str) -> str:
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
        parts.append(pick("Stand: ", "As of: ", lang) + date_text(date, lang))
    if m.author:
        parts.append(pick("Verfasst von ", "Author: ", lang) + m.author)
    return " · ".join(parts)


def header_right(options: PdfOptions, lang: str) -> str:
    parts: list[str] = []
    if options.attachment:
        parts.append(pick("Anlage ", "Attachment ", lang) + options.attachment)
    if options.paper_number:
        parts.append(pick("zur Vorlage ", "to paper ", lang) + options.paper_number)
    return " ".join(parts)


def part_text(col: int, row: int, tiles: tuple[int, int], lang: str) -> str:
    cols, rows = tiles
    n, total = row * cols + col + 1, cols * rows
    return pick(
        f"Teil {n} von {total} (Zeile {row + 1}, Spalte {col + 1})",
        f"Part {n} of {total} (row {row + 1}, column {col + 1})",
        lang,
    )


def page_number_text(number: int, total: int | None, lang: str) -> str:
    """"Seite 2 von 5"; "Seite 2" while the number of pages is not known yet."""
    if total is None:
        return pick(f"Seite {number}", f"Page {number}", lang)
    return pick(f"Seite {number} von {total}", f"Page {number} of {total}", lang)


def source_text(lang: str) -> str:
    return pick(SOURCE_DE, SOURCE_EN, lang)


# ---------------------------------------------------------------------------
# legend
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class LegendItem:
    kind: Literal["level", "relation", "heading"]
    key: str
    text: str
    width: float


LEVEL_SWATCH_W = 16.0
RELATION_SAMPLE_W = 40.0
RELATION_SAMPLE_SCALE = 0.55
RELATION_SAMPLE_LENGTH = 60.0
"""the legend draws a relation's line 60 model units long at 0.55 (33 pt)"""


def legend_items(model: OrgModel, lang: str, measure: TextMeasure) -> list[LegendItem]:
    size = style.PDF_LEGEND_PT
    cat = catalog()
    items: list[LegendItem] = []
    levels = [lv for lv in LEVEL_IDS if any(n.level == lv for n in model.nodes)]
    relations = [r.id for r in cat.relations if any(e.type == r.id for e in model.edges)]
    if levels:
        text = pick("Ebenen:", "Levels:", lang)
        items.append(LegendItem("heading", "", text, measure.width(text, size, True) + 6))
        for lv in levels:
            label = cat.level(lv).label.get(lang)
            w = LEVEL_SWATCH_W + measure.width(label, size) + 12
            items.append(LegendItem("level", lv, label, w))
    if relations:
        text = pick("Beziehungen:", "Relations:", lang)
        items.append(LegendItem("heading", "", text, measure.width(text, size, True) + 6))
        for rel in relations:
            label = cat.relation(rel).label.get(lang)
            w = RELATION_SAMPLE_W + measure.width(label, size) + 12
            items.append(LegendItem("relation", rel, label, w))
    return items


def legend_rows(items: Sequence[LegendItem], room: float) -> list[list[LegendItem]]:
    rows: list[list[LegendItem]] = []
    current: list[LegendItem] = []
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


# ---------------------------------------------------------------------------
# the plan
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Rule:
    """A thin line on the page (title block, legend)."""

    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.6


@dataclass(frozen=True)
class Swatch:
    """A level's colour sample in the legend."""

    box: Box
    fill: str
    border: str


@dataclass(frozen=True)
class Sample:
    """A relation type's line sample in the legend: ``relation`` drawn at ``origin``,
    scaled by ``scale`` (the relation runs from model ``(0, 0)`` to ``(60, 0)``)."""

    origin: tuple[float, float]
    scale: float
    relation: RelationGeometry


@dataclass(frozen=True)
class PageDrawing:
    """Everything on one chart page apart from the chart itself."""

    texts: tuple[TextRun, ...]
    rules: tuple[Rule, ...]
    swatches: tuple[Swatch, ...]
    samples: tuple[Sample, ...]
    tile_frame: Box | None
    """the dashed frame of the drawing area on tiled pages"""
    roles: tuple[TextRole, ...] = ()
    """what each of ``texts`` is (the tagged PDF's structure follows it)"""


@dataclass(frozen=True)
class PagePlan:
    """Where the chart goes on its pages and what the title block and legend say.

    Model point ``(x, y)`` lands on chart page ``(col, row)`` at
    :meth:`to_page` (page points, ``y`` down).
    """

    lang: str
    page_size: tuple[float, float]
    landscape: bool
    margin: float
    header_h: float
    legend_h: float
    footer_h: float
    tiles: tuple[int, int]
    overlap: float
    scale: float
    chart: Chart
    title: str
    meta_line: str
    header_right: str
    legend_rows: tuple[tuple[LegendItem, ...], ...]
    measure: TextMeasure = field(compare=False, repr=False)

    @property
    def area(self) -> Box:
        """The drawing area ``(x, y, w, h)`` on the page, ``y`` down."""
        w, h = self.page_size
        x, y = self.margin, self.margin + self.header_h
        return x, y, w - 2 * self.margin, h - y - self.margin - self.footer_h - self.legend_h

    @property
    def min_node_text_pt(self) -> float:
        return min_node_text(self.scale)

    @property
    def chart_pages(self) -> int:
        return self.tiles[0] * self.tiles[1]

    def origin(self, col: int, row: int) -> tuple[float, float]:
        """Where the chart's top-left corner (``extent`` left/top) lies on page (col, row)."""
        ax, ay, aw, ah = self.area
        cols, rows = self.tiles
        ew, eh = self.chart.extent[2] * self.scale, self.chart.extent[3] * self.scale
        span_w = cols * aw - (cols - 1) * self.overlap
        span_h = rows * ah - (rows - 1) * self.overlap
        off_x = (span_w - ew) / 2 - col * (aw - self.overlap)
        # one page: centred in the area; tiles: from the top, the next row continues it
        off_y = (span_h - eh) / 2 if rows == 1 else -row * (ah - self.overlap)
        return ax + off_x, ay + off_y

    def to_page(self, col: int, row: int, x: float, y: float) -> tuple[float, float]:
        ox, oy = self.origin(col, row)
        left, top = self.chart.extent[0], self.chart.extent[1]
        return ox + self.scale * (x - left), oy + self.scale * (y - top)

    # -- the page furniture --------------------------------------------------
    def drawing(self, col: int, row: int) -> PageDrawing:
        """Title block, legend and source line of chart page ``(col, row)``."""
        m = self.measure
        pw, ph = self.page_size
        x0, x1 = self.margin, pw - self.margin
        top = self.margin
        texts: list[TextRun] = []
        roles: list[TextRole] = []
        size, msize = style.PDF_TITLE_PT, style.PDF_META_PT
        meta_y = top + m.line_height(size, True) + 3 + m.ascent(msize)
        right = self.header_right
        title_w = m.width(self.title, size, True)
        meta_room = x1 - x0
        if right:
            # "Anlage 3 zur Vorlage …" beside the title; where the title needs the whole
            # line (a long title on a portrait page), at the right end of the line below
            hsize = style.PDF_HEADING_PT
            right_w = m.width(right, hsize, True)
            if title_w + 18 + right_w <= x1 - x0:
                texts.append(TextRun(right, x1 - right_w, top + m.ascent(hsize, True), hsize,
                                     True, style.TEXT, right_w))  # fmt: skip
                roles.append("header_right")
            else:
                right_w = m.width(right, msize, True)
                texts.append(TextRun(right, x1 - right_w, meta_y, msize, True, style.TEXT,
                                     right_w))  # fmt: skip
                roles.append("header_right")
                meta_room -= right_w + 12
        title = elide(m, self.title, size, x1 - x0, bold=True)
        texts.append(TextRun(title, x0, top + m.ascent(size, True), size, True, style.TEXT,
                             m.width(title, size, True)))  # fmt: skip
        roles.append("title")
        meta = self.meta_line
        if self.chart_pages > 1:
            part = part_text(col, row, self.tiles, self.lang)
            meta = f"{meta} · {part}" if meta else part
        meta = elide(m, meta, msize, meta_room)
        texts.append(TextRun(meta, x0, meta_y, msize, False, style.MUTED_TEXT,
                             m.width(meta, msize)))  # fmt: skip
        roles.append("meta")
        rules = [Rule(x0, self.margin + self.header_h - 6, x1, self.margin + self.header_h - 6)]
        # legend
        legend_top = ph - self.margin - self.footer_h - self.legend_h
        rules.append(Rule(x0, legend_top + 4, x1, legend_top + 4))
        lsize = style.PDF_LEGEND_PT
        swatches: list[Swatch] = []
        samples: list[Sample] = []
        for k, items in enumerate(self.legend_rows, start=1):
            base = legend_top + 4 + LEGEND_ROW_H * k - 3
            x = x0
            for item in items:
                if item.kind == "heading":
                    texts.append(TextRun(item.text, x, base, lsize, True, style.TEXT,
                                         m.width(item.text, lsize, True)))  # fmt: skip
                    roles.append("legend_heading")
                elif item.kind == "level":
                    ls = style.LEVEL_STYLES[item.key]
                    swatches.append(Swatch((x, base - 7, 12, 9), ls.fill, ls.border))
                    texts.append(TextRun(item.text, x + LEVEL_SWATCH_W, base, lsize, False,
                                         style.TEXT, m.width(item.text, lsize)))  # fmt: skip
                    roles.append("legend_item")
                else:
                    sample = geometry.legend_sample(item.key, RELATION_SAMPLE_LENGTH, m)
                    samples.append(Sample((x, base - 2.5), RELATION_SAMPLE_SCALE, sample))
                    texts.append(TextRun(item.text, x + RELATION_SAMPLE_W, base, lsize, False,
                                         style.TEXT, m.width(item.text, lsize)))  # fmt: skip
                    roles.append("legend_item")
                x += item.width
        fsize = style.PDF_FOOTER_PT
        source = elide(m, source_text(self.lang), fsize, pw - 2 * self.margin - 90)
        texts.append(TextRun(source, x0, ph - self.margin - 2, fsize, False, style.MUTED_TEXT,
                             m.width(source, fsize)))  # fmt: skip
        roles.append("source")
        frame = self.area if self.chart_pages > 1 else None
        return PageDrawing(tuple(texts), tuple(rules), tuple(swatches), tuple(samples), frame,
                           tuple(roles))  # fmt: skip

    def page_number(self, number: int, total: int | None, footer_left: bool = False) -> list[TextRun]:
        """The footer's page number (and, on text pages, the title on the left)."""
        m = self.measure
        pw, ph = self.page_size
        size = style.PDF_FOOTER_PT
        text = page_number_text(number, total, self.lang)
        w = m.width(text, size)
        base = ph - self.margin - 2
        runs = [TextRun(text, pw - self.margin - w, base, size, False, style.MUTED_TEXT, w)]
        if footer_left:
            title = elide(m, self.title, size, pw / 2)
            runs.append(TextRun(title, self.margin, base, size, False, style.MUTED_TEXT,
                                m.width(title, size)))  # fmt: skip
        return runs


def header_height(measure: TextMeasure) -> float:
    return measure.line_height(style.PDF_TITLE_PT, True) + style.PDF_META_PT * 1.6 + 14


def legend_height(rows: int) -> float:
    return (rows * LEGEND_ROW_H + 8) if rows else 4.0


def chart_area(paper: str, landscape: bool, measure: TextMeasure, legend_rows: int = 3,
               options: PdfOptions | None = None) -> tuple[float, float]:  # fmt: skip
    """Width and height of a one-page chart's drawing area: the page less the margins,
    the title block, a legend of ``legend_rows`` rows and the footer (what the layout
    aims the chart at before the legend is known)."""
    margin = (options or PdfOptions()).margin_mm * MM
    pw, ph = page_size(paper, landscape)
    return (pw - 2 * margin,
            ph - 2 * margin - header_height(measure) - FOOTER_H - legend_height(legend_rows))  # fmt: skip


def page_size(paper: str, landscape: bool) -> tuple[float, float]:
    w, h = PAPER_SIZES[paper]
    return (h, w) if landscape else (w, h)


def min_node_text(scale: float) -> float:
    return min(style.NODE_TITLE_PT, style.NODE_FORM_PT, style.EDGE_LABEL_PT) * scale


def _scale_for(extent: Box, aw: float, ah: float, cols: int, rows: int, overlap: float) -> float:
    total_w = cols * aw - (cols - 1) * overlap
    total_h = rows * ah - (rows - 1) * overlap
    return min(total_w / max(extent[2], 1.0), total_h / max(extent[3], 1.0), MAX_SCALE)


def choose_tiles(extent: Box, aw: float, ah: float, options: PdfOptions) -> tuple[int, int]:
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
    chosen = (MAX_TILES, MAX_TILES)
    for cols in range(1, MAX_TILES + 1):
        for rows in range(1, MAX_TILES + 1):
            scale = _scale_for(extent, aw, ah, cols, rows, overlap)
            if min_node_text(scale) + 1e-9 >= options.min_text_pt:
                # fewest pages, then the squarer arrangement
                key = (cols * rows, abs(cols - rows), rows)
                if best is None or key < best:
                    best = key
                    chosen = (cols, rows)
    return chosen


def plan(
    model: OrgModel,
    options: PdfOptions,
    measure: TextMeasure,
    lang: str,
    chart: Chart | None = None,
) -> PagePlan:
    """The chart pages for ``options``; ``chart`` when the caller has computed it."""
    if chart is None:
        chart = geometry.compute(model, measure, lang, mode=options.routing)
    title = measure.printable(title_of(model, lang))
    meta = measure.printable(meta_line(model, options, lang))
    margin = options.margin_mm * MM
    header_h = header_height(measure)
    items = legend_items(model, lang, measure)
    orientations = [options.landscape] if options.landscape is not None else [False, True]
    best: PagePlan | None = None
    for landscape in orientations:
        pw, ph = page_size(options.paper, landscape)
        rows = legend_rows(items, pw - 2 * margin)
        legend_h = legend_height(len(rows))
        overlap = options.overlap_mm * MM if options.tiles is not None else 0.0
        aw = pw - 2 * margin
        ah = ph - 2 * margin - header_h - FOOTER_H - legend_h
        tiles = choose_tiles(chart.extent, aw, ah, options)
        scale = _scale_for(chart.extent, aw, ah, *tiles, overlap)
        candidate = PagePlan(
            lang, (pw, ph), landscape, margin, header_h, legend_h, FOOTER_H, tiles, overlap,
            scale, chart, title, meta, header_right(options, lang),
            tuple(tuple(r) for r in rows), measure,
        )  # fmt: skip
        # the orientation with fewer pages, then the larger chart; portrait on a tie
        if best is None or candidate.chart_pages < best.chart_pages or (
            candidate.chart_pages == best.chart_pages and candidate.scale > best.scale + 1e-9
        ):
            best = candidate
    assert best is not None
    return best
