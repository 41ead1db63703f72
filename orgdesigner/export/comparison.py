"""The „Gegenüberstellung“: two versions of a model in one PDF for the council paper.

``render_comparison(old, new, PdfOptions(...)) -> (bytes, ExportReport)``; the command
line's ``orgdesigner export NEW --compare OLD -o OUT.pdf``. The document has the normal
export's title block, page numbering, tagging (PDF/UA-1, PDF/A-2a) and determinism:

1. the chart „bisher“ (the old version) on one page,
2. the chart „künftig“ (the new version) on the next, with the change markers of
   :mod:`orgdesigner.drawing.changes` and their legend,
3. the text: „Was sich ändert“ as a table (unit or relation | bisher | künftig, from
   :func:`orgdesigner.compare.change_rows`) and „Was sich an der Prüfung ändert“ (the
   verdict's change, the findings resolved and introduced with their titles, severity and
   citations – never a rule id).

Both charts are drawn at the same scale in the same frame (the union of both extents, the
ghosts of removed units included), so a unit that stays in place is at the same spot on
both pages and sizes can be compared by eye.
"""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path
from typing import IO, Any

from reportlab.platypus import BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageTemplate
from reportlab.platypus.flowables import PageBreak

from orgdesigner import __version__, fileformat, style
from orgdesigner.compare import Comparison, change_rows, compare, verdict_summary
from orgdesigner.drawing import changes, page
from orgdesigner.drawing.changes import ChangeMarkers
from orgdesigner.drawing.geometry import TextRun
from orgdesigner.drawing.page import LEGEND_ROW_H, MAX_SCALE, PagePlan, PdfOptions, title_of
from orgdesigner.export import alttext, appendix, chart, fonts, pdfa, tagged
from orgdesigner.export.pdf import (
    ChartTags,
    ExportReport,
    _numbered_canvas,
    _runs,
    draw_chart_page,
    keywords_of,
    language_tag,
    subject_of,
)
from orgdesigner.export.tagged import Element, artifact
from orgdesigner.i18n import current_language, pick
from orgdesigner.model import OrgModel
from orgdesigner.naming import subject_names

BEFORE = ("bisher", "before")
AFTER = ("künftig", "after")


def before_word(lang: str) -> str:
    return pick(*BEFORE, lang)


def after_word(lang: str) -> str:
    return pick(*AFTER, lang)


def document_title(new: OrgModel, lang: str) -> str:
    return pick("Gegenüberstellung: ", "Comparison: ", lang) + title_of(new, lang)


@dataclasses.dataclass(frozen=True)
class ComparisonPlan:
    """Both chart pages, at one scale, and the markers of the künftig page."""

    before: PagePlan
    after: PagePlan
    markers: ChangeMarkers
    comparison: Comparison

    @property
    def scale(self) -> float:
        return self.after.scale


def _fit(p: PagePlan) -> float:
    _ax, _ay, aw, ah = p.area
    ew, eh = p.chart.extent[2], p.chart.extent[3]
    return min(aw / max(ew, 1.0), ah / max(eh, 1.0), MAX_SCALE)


def comparison_plan(old: OrgModel, new: OrgModel, options: PdfOptions | None = None,
                    comparison: Comparison | None = None) -> ComparisonPlan:  # fmt: skip
    """Lay out both chart pages: one orientation, one frame, one scale (the smaller one
    that fits both), each page titled „Bisher: …“ / „Künftig: …“."""
    options = options or PdfOptions()
    lang = options.lang or current_language()
    c = comparison if comparison is not None else compare(old, new)
    old_chart = chart.chart_of(old, lang, options.routing)
    new_chart = chart.chart_of(new, lang, options.routing)
    marks = changes.markers(c, new_chart, old_chart)
    frame = changes.union_extent(marks.extent, old_chart.extent)
    old_chart = changes.with_extent(old_chart, frame)
    new_chart = changes.with_extent(new_chart, frame)
    marks = dataclasses.replace(marks, extent=frame)
    orientations = [options.landscape] if options.landscape is not None else [False, True]
    best: ComparisonPlan | None = None
    for landscape in orientations:
        one = dataclasses.replace(options, landscape=landscape, tiles=None)
        before = page.plan(old, one, fonts.MEASURE, lang, chart=old_chart)
        after = page.plan(new, one, fonts.MEASURE, lang, chart=new_chart)
        # the same drawing area on both pages; the künftig page's legend has one more row
        legend_h = max(before.legend_h, after.legend_h + LEGEND_ROW_H)
        before = dataclasses.replace(before, legend_h=legend_h)
        after = dataclasses.replace(after, legend_h=legend_h)
        scale = min(_fit(before), _fit(after))
        word = pick("Bisher: ", "Before: ", lang), pick("Künftig: ", "After: ", lang)
        before = dataclasses.replace(before, scale=scale,
                                     title=fonts.printable(word[0] + title_of(old, lang)))
        after = dataclasses.replace(after, scale=scale,
                                    title=fonts.printable(word[1] + title_of(new, lang)))
        candidate = ComparisonPlan(before, after, marks, c)
        if best is None or candidate.scale > best.scale + 1e-9:
            best = candidate
    assert best is not None
    return best


# ---------------------------------------------------------------------------
# the chart pages
# ---------------------------------------------------------------------------
class _Page(Flowable):  # type: ignore[misc]
    def __init__(self, plan: PagePlan, tags: ChartTags, markers: ChangeMarkers | None,
                 lang: str) -> None:  # fmt: skip
        super().__init__()
        self.plan = plan
        self.tags = tags
        self.markers = markers
        self.lang = lang

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.plan.page_size

    def draw(self) -> None:
        draw_chart_page(self.canv, self.plan, 0, 0, self.tags, self.markers)
        if self.markers is not None:
            draw_marker_legend(self.canv, self.plan, self.tags, self.lang)


def marker_legend_runs(plan: PagePlan, lang: str) -> tuple[list[TextRun], list[tuple[float, float, str]]]:
    """The marker legend's texts and its badge samples ``(x, y, glyph)`` in page
    coordinates: one row below the plan's own legend rows."""
    m = plan.measure
    ph = plan.page_size[1]
    size = style.PDF_LEGEND_PT
    legend_top = ph - plan.margin - plan.footer_h - plan.legend_h
    base = legend_top + 4 + LEGEND_ROW_H * (len(plan.legend_rows) + 1) - 3
    x = plan.margin
    heading = changes.legend_heading(lang)
    runs = [TextRun(heading, x, base, size, True, style.TEXT, m.width(heading, size, True))]
    x += runs[0].width + 8
    samples: list[tuple[float, float, str]] = []
    for _change, glyph, text in changes.legend_entries(lang):
        samples.append((x + 5, base - 3, glyph))
        runs.append(TextRun(text, x + 14, base, size, False, style.TEXT,
                            m.width(text, size)))  # fmt: skip
        x += 14 + runs[-1].width + 14
    return runs, samples


LEGEND_BADGE_RADIUS = 5.0


def draw_marker_legend(c: Any, plan: PagePlan, tags: ChartTags, lang: str) -> None:
    """„Änderungen: (+) neu … (–) entfällt … (Δ) geändert“ under the künftig chart's
    legend: its words are a list in the Legend element, the badges decoration."""
    ph = plan.page_size[1]
    runs, samples = marker_legend_runs(plan, lang)
    with artifact(c):
        for x, y, glyph in samples:
            c.saveState()
            c.translate(x, ph - y)
            c.scale(LEGEND_BADGE_RADIUS / changes.BADGE_RADIUS, LEGEND_BADGE_RADIUS / changes.BADGE_RADIUS)
            chart.draw_badge(c, (0.0, 0.0), changes.BADGE_RADIUS, glyph)
            c.restoreState()
    tagger: tagged.Tagger | None = getattr(c, "tagger", None)
    if tagger is None:
        with artifact(c):
            _runs(c, runs, ph)
        return
    with tagger.marked(c, tags.legend.add("P")):
        _runs(c, runs[:1], ph)
    items = tags.legend.add("L")
    for run in runs[1:]:
        # the badge before each word is decoration: the word says what it means
        with tagger.marked(c, items.add("LI").add("LBody")):
            _runs(c, (run,), ph)


# ---------------------------------------------------------------------------
# the text: what changes, what it does to the verdict
# ---------------------------------------------------------------------------
def marker_alt(c: Comparison, lang: str) -> str:
    """The sentence the künftig chart's text alternative adds about its markers."""
    def count(n: int, de1: str, den: str, en1: str, enn: str) -> str:
        return f"{n} " + pick(de1 if n == 1 else den, en1 if n == 1 else enn, lang)

    parts = [
        count(len(c.units_added), "neue Einheit", "neue Einheiten", "new unit", "new units"),
        count(len(c.units_removed), "entfallende Einheit", "entfallende Einheiten",
              "removed unit", "removed units"),
        count(len(c.units_changed), "geänderte Einheit", "geänderte Einheiten",
              "changed unit", "changed units"),
        count(len(c.relations_added), "neue Beziehung", "neue Beziehungen",
              "new relation", "new relations"),
        count(len(c.relations_removed), "entfallende Beziehung", "entfallende Beziehungen",
              "removed relation", "removed relations"),
        count(len(c.relations_changed), "geänderte Beziehung", "geänderte Beziehungen",
              "changed relation", "changed relations"),
    ]  # fmt: skip
    return pick(
        "Markiert (+ neu, – entfällt, Δ geändert): " + ", ".join(parts)
        + ". Die Tabelle „Was sich ändert“ nennt jede Änderung.",
        "Marked (+ new, – removed, Δ changed): " + ", ".join(parts)
        + ". The table “What changes” lists every change.",
        lang,
    )


def _text(c: Comparison, lang: str, title: str, root: Element, width: float,
          options: PdfOptions) -> list[Any]:  # fmt: skip
    st = appendix._styles()
    p, h = appendix._p, appendix._h
    out: list[Any] = [h(title, st["title"], root, 1)]
    versions = [
        f"{before_word(lang)}: {title_of(c.old, lang)} ({page.meta_line(c.old, options, lang)})",
        f"{after_word(lang)}: {title_of(c.new, lang)} ({page.meta_line(c.new, options, lang)})",
    ]
    for line in versions:
        out.append(p(line, st["body"], root.add("P")))
    out.append(h(pick("Was sich ändert", "What changes", lang), st["h2"], root, 2))
    rows = change_rows(c, lang)
    if not rows:
        out.append(p(pick("Die beiden Fassungen sind gleich.", "The two versions are the same.",
                          lang), st["body"], root.add("P")))  # fmt: skip
    else:
        header = [pick("Einheit oder Beziehung", "Unit or relation", lang), before_word(lang),
                  after_word(lang)]  # fmt: skip
        body = [[f"{changes.GLYPHS[r.change]} {r.what}", r.before, r.after] for r in rows]
        out.append(appendix._table(header, body, [width * 0.3, width * 0.35, width * 0.35], st,
                                   root))  # fmt: skip
    for note in c.notes:
        out.append(p(pick(note.de, note.en, lang), st["muted"], root.add("P")))
    out.append(h(pick("Was sich an der Prüfung ändert", "What changes in the check", lang),
                 st["h2"], root, 2))  # fmt: skip
    out.append(p(verdict_summary(c, lang), st["body"], root.add("P")))
    old_names = subject_names(c.old, lang=lang)
    new_names = subject_names(c.new, lang=lang)
    groups = (
        (pick("Befunde, die entfallen", "Findings resolved", lang), c.findings_resolved,
         old_names, pick(" · betraf: ", " · concerned: ", lang)),
        (pick("Befunde, die hinzukommen", "Findings introduced", lang), c.findings_introduced,
         new_names, pick(" · betrifft: ", " · concerns: ", lang)),
    )  # fmt: skip
    for heading, findings, names, concerns_word in groups:
        if not findings:
            continue
        out.append(h(heading, st["h3"], root, 3))
        items = appendix._List(root)
        for f in findings:
            de, en = appendix.SEVERITY[f.severity]
            item = items.item()
            out.append(p(f"{pick(de, en, lang)} – {f.title(lang)}", st["bullet"], item.add("P"),
                         "•"))  # fmt: skip
            detail = pick("Quelle: ", "Source: ", lang) + f.citation.format(lang)
            concerns = ", ".join(names.get(s, s) for s in f.subjects)
            if concerns:
                detail += concerns_word + concerns
            out.append(p(detail, st["muted"], item.add("P")))
    n = c.findings_unchanged
    out.append(p(pick(f"Unverändert offen: {n} " + ("Befund" if n == 1 else "Befunde") + ".",
                      f"Still open, unchanged: {n} " + ("finding" if n == 1 else "findings") + ".",
                      lang), st["body"], root.add("P")))  # fmt: skip
    return out


# ---------------------------------------------------------------------------
# the document
# ---------------------------------------------------------------------------
def render_comparison(old: OrgModel, new: OrgModel,
                      options: PdfOptions | None = None) -> tuple[bytes, ExportReport]:  # fmt: skip
    """The „Gegenüberstellung“ of ``old`` (bisher) and ``new`` (künftig) as PDF bytes and
    the report. ``options.tiles`` and the appendix options are not used: each version
    is one page, followed by the changes."""
    options = options or PdfOptions()
    lang = options.lang or current_language()
    cplan = comparison_plan(old, new, options)
    c = cplan.comparison
    title = fonts.printable(document_title(new, lang))
    doc_lang = language_tag(lang)
    tagger = tagged.Tagger() if options.tagged else None
    root = tagger.root if tagger is not None else Element("Document")
    before_tags = ChartTags.under(root, alttext.chart_alt(old, lang, cplan.before.title, False))
    after_alt = alttext.chart_alt(new, lang, cplan.after.title, False) + " " + marker_alt(c, lang)
    after_tags = ChartTags.under(root, after_alt)
    date = options.date or new.meta.date
    numbering = dataclasses.replace(cplan.after, title=title)
    pw, ph = cplan.after.page_size
    margin = cplan.after.margin
    info = {
        "title": title,
        "author": new.meta.author,
        "subject": subject_of(new, lang),
        "keywords": keywords_of(new, lang),
        "creator": f"OrgDesigner {__version__}",
    }
    buf = io.BytesIO()
    with fonts.embedded_defaults():
        full = Frame(0, 0, pw, ph, leftPadding=0, rightPadding=0, topPadding=0,
                     bottomPadding=0, id="chart")  # fmt: skip
        text_frames = appendix.frames(margin, margin + cplan.after.footer_h, pw - 2 * margin,
                                      ph - 2 * margin - cplan.after.footer_h)  # fmt: skip
        doc = BaseDocTemplate(
            buf, pagesize=(pw, ph), invariant=1, pageCompression=1,
            initialFontName=fonts.REGULAR, lang=doc_lang,
            pageTemplates=[PageTemplate(id="chart", frames=[full]),
                           PageTemplate(id="text", frames=text_frames)],
            **info,
        )  # fmt: skip
        column = appendix.columns(pw - 2 * margin)[1]
        story: list[Any] = [
            _Page(cplan.before, before_tags, None, lang),
            PageBreak(),
            _Page(cplan.after, after_tags, cplan.markers, lang),
            NextPageTemplate("text"),
            PageBreak(),
            *_text(c, lang, title, root, column, options),
        ]
        doc.build(story, canvasmaker=_numbered_canvas(numbering, tagger, chart_pages=2))
    pages = doc.page
    data = pdfa.convert(
        buf.getvalue(),
        pdfa.DocInfo(date=date, lang=doc_lang, **info),
        pdfa=options.pdfa,
        tagger=tagger,
    )
    messages: list[str] = []
    if cplan.after.min_node_text_pt < options.min_text_pt - 1e-9:
        size = f"{cplan.after.min_node_text_pt:.1f}"
        messages.append(pick(
            f"Beide Fassungen auf je einer Seite im selben Maßstab: die Schrift der Einheiten "
            f"wird {size.replace('.', ',')} pt klein (empfohlen: mindestens "
            f"{options.min_text_pt:g} pt). Größeres Papier (--paper a3) wählen.",
            f"Both versions on one page each at one scale: the text of the units shrinks to "
            f"{size} pt (recommended: at least {options.min_text_pt:g} pt). Choose larger "
            "paper (--paper a3).",
            lang,
        ))  # fmt: skip
    report = ExportReport(
        messages=tuple(messages),
        pages=pages,
        chart_pages=2,
        tiles=(1, 1),
        scale=cplan.scale,
        min_node_text_pt=cplan.after.min_node_text_pt,
        page_size=cplan.after.page_size,
    )
    return data, report


def export_comparison(old: OrgModel, new: OrgModel, target: str | Path | IO[bytes],
                      options: PdfOptions | None = None) -> ExportReport:  # fmt: skip
    """Write the „Gegenüberstellung“ to a path (atomically) or a binary stream."""
    data, report = render_comparison(old, new, options)
    if isinstance(target, (str, Path)):
        fileformat.write_atomic(Path(target), data, backup=False)
    else:
        target.write(data)
    return report
