"""The appendix of the PDF: the model as text, readable by screen readers and extraction.

Parts (each optional): ``findings`` (the rule engine's findings with citations),
``accepted`` (rules switched off with their reasons), ``pros_cons`` (Vorzüge/Nachteile of
the forms used, quoted from Tabelle 2–8, or the guide's characterisation), ``reflection``
(the officer's answers to the reflection questions) and ``outline`` (levels → units →
relations, with an overview table of the levels). Every user text is escaped for
reportlab's paragraph markup, so a label like ``<b>x</b>`` appears literally.

Each paragraph carries the structure element it is the content of (a heading, a list
item's paragraph, a table cell; :mod:`orgdesigner.export.tagged`); headings also give the
bookmarks. On wide pages the appendix is set in columns (:func:`frames`) so that a line
holds at most about as many characters as on an A4 portrait page.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Frame, Paragraph, Table, TableStyle

from orgdesigner import style
from orgdesigner.catalog import LEVEL_IDS, catalog, guide
from orgdesigner.drawing.page import MM, PAPER_SIZES
from orgdesigner.export import fonts, tagged
from orgdesigner.export.report import relation_text, unit_facts
from orgdesigner.export.tagged import Element
from orgdesigner.i18n import pick
from orgdesigner.model import Node, OrgModel
from orgdesigner.naming import subject_names

SEVERITY = {
    "warning": ("Warnung", "Warning"),
    "hint": ("Hinweis", "Hint"),
    "info": ("Information", "Information"),
}


def _styles() -> dict[str, ParagraphStyle]:
    fonts.register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=fonts.REGULAR,
        fontSize=style.PDF_BODY_PT,
        leading=style.PDF_BODY_PT * 1.3,
        spaceAfter=3,
        textColor=style.TEXT,
        bulletFontName=fonts.REGULAR,
        bulletFontSize=style.PDF_BODY_PT,
    )
    return {
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontName=fonts.BOLD,
            fontSize=style.PDF_TITLE_PT,
            leading=style.PDF_TITLE_PT * 1.3,
            spaceAfter=8,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=fonts.BOLD,
            fontSize=style.PDF_HEADING_PT,
            leading=style.PDF_HEADING_PT * 1.3,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "h3": ParagraphStyle("h3", parent=body, fontName=fonts.BOLD, spaceBefore=6, keepWithNext=1),
        "body": body,
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=14, bulletIndent=4),
        "th": ParagraphStyle("th", parent=body, fontName=fonts.BOLD, spaceAfter=0),
        "td": ParagraphStyle("td", parent=body, spaceAfter=0),
        "bullet2": ParagraphStyle("bullet2", parent=body, leftIndent=28, bulletIndent=18),
        "muted": ParagraphStyle(
            "muted",
            parent=body,
            textColor=style.MUTED_TEXT,
            leftIndent=14,
            fontSize=style.PDF_META_PT,
            leading=style.PDF_META_PT * 1.3,
        ),
    }


COLUMN_GAP = 20.0
MAX_COLUMN_WIDTH = PAPER_SIZES["a4"][0] - 2 * 12 * MM
"""the text width of an A4 portrait page (about 100 characters of body text): no column
of the appendix is wider"""


def columns(width: float) -> tuple[int, float]:
    """How many columns the appendix has in a text area ``width`` wide, and their width."""
    n = max(1, math.ceil((width + COLUMN_GAP) / (MAX_COLUMN_WIDTH + COLUMN_GAP) - 1e-9))
    return n, (width - (n - 1) * COLUMN_GAP) / n


def frames(x: float, y: float, width: float, height: float) -> list[Frame]:
    """The appendix's frames in the text area ``(x, y, width, height)`` (PDF space): as
    many columns as keep each at most :data:`MAX_COLUMN_WIDTH` wide – one on A4 portrait,
    two on A4 landscape and A3 portrait, three on A3 landscape."""
    n, column = columns(width)
    return [Frame(x + k * (column + COLUMN_GAP), y, column, height, id=f"text{k + 1}")
            for k in range(n)]  # fmt: skip


class TaggedParagraph(Paragraph):  # type: ignore[misc]
    """A paragraph that draws itself as the content of its structure element.

    Both parts of a paragraph split over two pages (or columns) belong to the same
    element; only the first part gives the heading's bookmark.
    """

    element: Element | None = None
    bookmark: int | None = None
    """the outline level of a heading's bookmark"""

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        parts: list[Any] = super().split(avail_width, avail_height)
        for k, part in enumerate(parts):
            part.element = self.element
            part.bookmark = self.bookmark if k == 0 else None
        return parts

    def drawOn(self, canv: Any, x: float, y: float, _sW: float = 0) -> None:
        tagger: tagged.Tagger | None = getattr(canv, "tagger", None)
        if tagger is None or self.element is None:
            super().drawOn(canv, x, y, _sW)
            return
        if self.bookmark is not None:
            text = "".join(getattr(f, "text", "") for f in self.frags)
            tagger.bookmark(canv, self.bookmark, text, y + self.height)
        with tagger.marked(canv, self.element):
            super().drawOn(canv, x, y, _sW)


def _p(text: str, st: ParagraphStyle, element: Element, bullet: str | None = None,
       bookmark: int | None = None) -> TaggedParagraph:  # fmt: skip
    """A paragraph of plain text (escaped), optionally with a bullet, that is the content
    of ``element``."""
    para = TaggedParagraph(escape(fonts.printable(text)), st, bulletText=bullet)
    para.element = element
    para.bookmark = bookmark
    return para


def _h(text: str, st: ParagraphStyle, parent: Element, level: int) -> TaggedParagraph:
    """A heading ``H<level>`` with its bookmark."""
    return _p(text, st, parent.add(f"H{level}"), bookmark=level)


class _List:
    """A bulleted list (``L``) created with its first item; :meth:`item` gives the new
    item's body (``LI`` → ``LBody``) that the item's paragraphs go into."""

    def __init__(self, parent: Element) -> None:
        self.parent = parent
        self.element: Element | None = None

    def item(self) -> Element:
        if self.element is None:
            self.element = self.parent.add("L")
        return self.element.add("LI").add("LBody")


def _label(node: Node, lang: str) -> str:
    if node.label:
        return node.label
    if node.form is not None:
        return catalog().form(node.form).label.get(lang)
    return catalog().level(node.level).short.get(lang)


def build(model: OrgModel, lang: str, parts: Sequence[str], title: str,
          root: Element | None = None, width: float = MAX_COLUMN_WIDTH) -> list[Any]:  # fmt: skip
    """Return the flowables of the appendix, their structure elements under ``root``;
    ``width``: the width of a text column (for the tables)."""
    st = _styles()
    root = root if root is not None else Element("Document")
    story: list[Any] = [_h(pick("Anhang: ", "Appendix: ", lang) + title, st["title"], root, 1)]
    for part in parts:
        story.extend(_PARTS[part](model, lang, st, root, width))
    return story


def _findings(model: OrgModel, lang: str, st: dict[str, ParagraphStyle], root: Element,
              width: float) -> list[Any]:  # fmt: skip
    from orgdesigner.rules import evaluate

    out: list[Any] = [_h(pick("Prüfergebnisse", "Check results", lang), st["h2"], root, 2)]
    findings = [f for f in evaluate(model) if not f.accepted]
    if not findings:
        out.append(
            _p(
                pick(
                    "Die Prüfung nach dem Leitfaden ergibt keine Befunde.",
                    "Checking against the guide gives no findings.",
                    lang,
                ),
                st["body"],
                root.add("P"),
            )
        )
    labels = subject_names(model, lang=lang)
    items = _List(root)
    for f in findings:
        de, en = SEVERITY[f.severity]
        concerns = ", ".join(labels.get(s, s) for s in f.subjects)
        text = f"{pick(de, en, lang)} – {f.title(lang)}: {f.message(lang)}"
        body = items.item()
        out.append(_p(text, st["bullet"], body.add("P"), "•"))
        detail = pick("Quelle: ", "Source: ", lang) + f.citation.format(lang)
        if concerns:
            detail += pick(" · betrifft: ", " · concerns: ", lang) + concerns
        out.append(_p(detail, st["muted"], body.add("P")))
    return out


def _accepted(model: OrgModel, lang: str, st: dict[str, ParagraphStyle], root: Element,
              width: float) -> list[Any]:  # fmt: skip
    from orgdesigner.rules import all_rules, evaluate, rule_title

    out: list[Any] = [
        _h(pick("Bewusst angenommene Befunde", "Deliberately accepted findings", lang), st["h2"],
           root, 2)
    ]
    if not model.suppressed_rules:
        out.append(
            _p(
                pick("Keine Prüfregel ist abgeschaltet.", "No rule is switched off.", lang),
                st["body"],
                root.add("P"),
            )
        )
        return out
    rules = all_rules()
    findings = [f for f in evaluate(model) if f.accepted]
    for rule_id, reason in sorted(model.suppressed_rules.items()):
        rule = rules.get(rule_id)
        out.append(_h(rule_title(rule_id, lang), st["h3"], root, 3))
        out.append(_p(pick("Begründung: ", "Reason: ", lang) + (reason or "–"), st["body"],
                      root.add("P")))  # fmt: skip
        if rule is not None:
            out.append(
                _p(pick("Quelle: ", "Source: ", lang) + rule.citation.format(lang), st["muted"],
                   root.add("P"))
            )
        items = _List(root)
        for f in findings:
            if f.rule_id == rule_id:
                out.append(_p(f.message(lang), st["bullet"], items.item().add("P"), "•"))
    return out


def _pros_cons(model: OrgModel, lang: str, st: dict[str, ParagraphStyle], root: Element,
               width: float) -> list[Any]:  # fmt: skip
    content = guide()
    cat = catalog()
    used = [f.id for f in cat.forms if any(n.form == f.id for n in model.nodes)]
    tables = sorted({content.pros_cons[f].table for f in used if f in content.pros_cons})
    heading = pick(
        "Vorzüge und Nachteile der verwendeten Organisationsformen",
        "Pros and cons of the organisation forms used",
        lang,
    )
    if tables:
        nums = ", ".join(str(t) for t in tables)
        word = pick(
            "Tabelle" if len(tables) == 1 else "Tabellen",
            "table" if len(tables) == 1 else "tables",
            lang,
        )
        heading += pick(f" (zitiert nach {word} {nums})", f" (quoted from {word} {nums})", lang)
    out: list[Any] = [_h(heading, st["h2"], root, 2)]
    if not used:
        out.append(
            _p(
                pick(
                    "Das Modell nennt keine Organisationsform.",
                    "The model names no organisation form.",
                    lang,
                ),
                st["body"],
                root.add("P"),
            )
        )
    for form_id in used:
        label = cat.form(form_id).label.get(lang)
        if form_id in content.pros_cons:
            pc = content.pros_cons[form_id]
            cite = pick("zitiert nach", "quoted from", lang)
            out.append(_h(f"{label} ({cite} {pc.citation.format(lang)})", st["h3"], root, 3))
            out.append(_p(pick("Vorzüge", "Pros", lang), st["body"], root.add("P")))
            pros = _List(root)
            out.extend(_p(b.get(lang), st["bullet"], pros.item().add("P"), "+") for b in pc.pros)
            out.append(_p(pick("Nachteile", "Cons", lang), st["body"], root.add("P")))
            cons = _List(root)
            out.extend(_p(b.get(lang), st["bullet"], cons.item().add("P"), "–") for b in pc.cons)
        else:
            ch = content.characterisations[form_id]
            summary = pick("Zusammenfassung der Arbeitshilfe", "summary of the guide", lang)
            out.append(_h(f"{label} ({summary}, {ch.citation.format(lang)})", st["h3"], root, 3))
            out.append(_p(ch.summary(lang), st["body"], root.add("P")))
    return out


def _reflection(model: OrgModel, lang: str, st: dict[str, ParagraphStyle], root: Element,
                width: float) -> list[Any]:  # fmt: skip
    out: list[Any] = [
        _h(
            pick("Antworten auf die Leitfragen", "Answers to the reflection questions", lang),
            st["h2"],
            root,
            2,
        )
    ]
    answered = {k: v for k, v in model.reflection.items() if v.strip()}
    if not answered:
        out.append(
            _p(pick("Es sind keine Antworten erfasst.", "No answers recorded.", lang), st["body"],
               root.add("P"))
        )
        return out
    for b in guide().botschaften:
        qs = [q for q in b.questions if q.id in answered]
        if not qs:
            continue
        title = b.title_en if lang == "en" else b.title_de
        out.append(
            _h(
                pick(f"Botschaft {b.number}: ", f"Message {b.number}: ", lang)
                + title
                + f" ({pick('Kap.', 'Chapter', lang)} {b.section}, "
                f"{pick('S.', 'p.', lang)} {b.page})",
                st["h3"],
                root,
                3,
            )
        )
        items = _List(root)
        for q in qs:
            body = items.item()
            out.append(_p(f"{q.id}: " + (q.en if lang == "en" else q.de), st["bullet"],
                          body.add("P"), "•"))  # fmt: skip
            for para in answered[q.id].split("\n"):
                if para.strip():
                    out.append(_p(para, st["bullet2"], body.add("P")))
    return out


def _table_artifacts(table: Any, kind: str, *args: Any) -> None:
    """A table's background and rules are artifacts; its cells mark themselves."""
    tagger: tagged.Tagger | None = getattr(table.canv, "tagger", None)
    if tagger is None:
        return
    if kind in ("startBG", "startLines"):
        table.canv._code.append(tagged.ARTIFACT_LAYOUT)
    elif kind in ("endBG", "endLines"):
        table.canv._code.append("EMC")


def _grid(rows: list[list[Any]], widths: list[float]) -> Table:
    """A table in the appendix's look: a rule grid (an artifact), a tinted header row."""
    grid = HexColor(style.RULE_LINE)
    flowable = Table(
        rows,
        colWidths=widths,
        hAlign="LEFT",
        repeatRows=1,
        renderCB=_table_artifacts,
        style=TableStyle([
            # reportlab's cell style names Helvetica; the cells' paragraphs set their own
            ("FONT", (0, 0), (-1, -1), fonts.REGULAR, style.PDF_BODY_PT),
            ("GRID", (0, 0), (-1, -1), 0.4, grid),
            ("BACKGROUND", (0, 0), (-1, 0), HexColor(style.ACCEPTED_TINT)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]),
    )  # fmt: skip
    flowable.spaceAfter = 6
    return flowable


def _table(header: Sequence[str], body: Sequence[Sequence[str]], widths: list[float],
           st: dict[str, ParagraphStyle], root: Element) -> Table:  # fmt: skip
    """A table with a header row and the first column as row headers, tagged Table/TR/TH/TD."""
    table = root.add("Table")
    head = table.add("TR")
    rows: list[list[Any]] = [[_p(text, st["th"], head.add("TH", scope="Column")) for text in header]]
    for line in body:
        tr = table.add("TR")
        first, *rest = line
        rows.append([_p(first, st["th"], tr.add("TH", scope="Row")),
                     *(_p(text, st["td"], tr.add("TD")) for text in rest)])  # fmt: skip
    return _grid(rows, widths)


def _overview(model: OrgModel, lang: str, st: dict[str, ParagraphStyle], root: Element,
              width: float) -> Table | None:  # fmt: skip
    """The levels at a glance: units and organisation forms per level (a table with a
    header row and the level names as row headers)."""
    cat = catalog()
    levels = [lv for lv in LEVEL_IDS if any(n.level == lv for n in model.nodes)]
    if not levels:
        return None
    header = [pick("Ebene", "Level", lang), pick("Einheiten", "Units", lang),
              pick("Organisationsformen", "Organisation forms", lang)]  # fmt: skip
    body = []
    for lv in levels:
        members = [n for n in model.nodes if n.level == lv]
        forms = Counter(n.form for n in members if n.form is not None)
        named = ", ".join(
            f"{cat.form(f).label.get(lang)} ({forms[f]})" for f in sorted(forms, key=str)
        )
        body.append([cat.level(lv).label.get(lang), str(len(members)), named or "–"])
    return _table(header, body, [width * 0.32, width * 0.14, width * 0.54], st, root)


def _functions(model: OrgModel, lang: str, st: dict[str, ParagraphStyle], root: Element,
               width: float) -> list[Any]:  # fmt: skip
    """Who does what: each function of DOMAIN.md §7 with the units that hold it (the same
    table the Word export has, from :func:`report.function_matrix`)."""
    from orgdesigner.export.report import function_matrix

    matrix = function_matrix(model, lang)
    out: list[Any] = [
        _h(pick("Wer macht was: Aufgaben und Einheiten", "Who does what: functions and units", lang),
           st["h2"], root, 2),
        _p(matrix.caption, st["muted"], root.add("P")),
    ]  # fmt: skip
    out.append(_table(matrix.header, matrix.rows, [width * 0.4, width * 0.6], st, root))
    return out


def _outline(model: OrgModel, lang: str, st: dict[str, ParagraphStyle], root: Element,
             width: float) -> list[Any]:  # fmt: skip
    cat = catalog()
    out: list[Any] = [_h(pick("Gliederung", "Outline", lang), st["h2"], root, 2)]
    overview = _overview(model, lang, st, root, width)
    if overview is not None:
        out.append(overview)
    labels = {n.id: _label(n, lang) for n in model.nodes}
    for level in LEVEL_IDS:
        members = sorted((n for n in model.nodes if n.level == level), key=lambda n: (n.y, n.x))
        if not members:
            continue
        out.append(_h(cat.level(level).label.get(lang), st["h3"], root, 3))
        units = _List(root)
        for n in members:
            body = units.item()
            out.append(_p(f"{labels[n.id]} ({unit_facts(n, lang)})", st["bullet"], body.add("P"),
                          "•"))  # fmt: skip
            relations = _List(body)
            for e in model.edges:
                if e.source == n.id:
                    out.append(_p(relation_text(e, labels[e.target], lang), st["bullet2"],
                                  relations.item().add("P"), "–"))  # fmt: skip
    if not model.nodes:
        out.append(_p(pick("Das Modell ist leer.", "The model is empty.", lang), st["body"],
                      root.add("P")))  # fmt: skip
    return out


_PARTS = {
    "findings": _findings,
    "accepted": _accepted,
    "functions": _functions,
    "pros_cons": _pros_cons,
    "reflection": _reflection,
    "outline": _outline,
}
