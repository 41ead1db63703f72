"""The appendix of the PDF: the model as text, readable by screen readers and extraction.

Parts (each optional): ``findings`` (the rule engine's findings with citations),
``accepted`` (rules switched off with their reasons), ``pros_cons`` (Vorzüge/Nachteile of
the forms used, quoted from Tabelle 2–8, or the guide's characterisation), ``reflection``
(the officer's answers to the reflection questions) and ``outline`` (levels → units →
relations). Every user text is escaped for reportlab's paragraph markup, so a label like
``<b>x</b>`` appears literally.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from orgdesigner import style
from orgdesigner.catalog import LEVEL_IDS, catalog, guide
from orgdesigner.export import fonts
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


def _p(text: str, st: ParagraphStyle, bullet: str | None = None) -> Paragraph:
    """A paragraph of plain text (escaped), optionally with a bullet."""
    return Paragraph(escape(fonts.printable(text)), st, bulletText=bullet)


def _label(node: Node, lang: str) -> str:
    if node.label:
        return node.label
    if node.form is not None:
        return catalog().form(node.form).label.get(lang)
    return catalog().level(node.level).short.get(lang)


def build(model: OrgModel, lang: str, parts: Sequence[str], title: str) -> list[Any]:
    """Return the flowables of the appendix."""
    st = _styles()
    story: list[Any] = [_p(pick("Anhang: ", "Appendix: ", lang) + title, st["title"])]
    for part in parts:
        story.extend(_PARTS[part](model, lang, st))
    return story


def _findings(model: OrgModel, lang: str, st: dict[str, ParagraphStyle]) -> list[Any]:
    from orgdesigner.rules import evaluate

    out: list[Any] = [_p(pick("Prüfergebnisse", "Check results", lang), st["h2"])]
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
            )
        )
    labels = subject_names(model, lang=lang)
    for f in findings:
        de, en = SEVERITY[f.severity]
        concerns = ", ".join(labels.get(s, s) for s in f.subjects)
        text = f"{pick(de, en, lang)} – {f.title(lang)}: {f.message(lang)}"
        out.append(_p(text, st["bullet"], "•"))
        detail = pick("Quelle: ", "Source: ", lang) + f.citation.format(lang)
        if concerns:
            detail += pick(" · betrifft: ", " · concerns: ", lang) + concerns
        out.append(_p(detail, st["muted"]))
    return out


def _accepted(model: OrgModel, lang: str, st: dict[str, ParagraphStyle]) -> list[Any]:
    from orgdesigner.rules import all_rules, evaluate, rule_title

    out: list[Any] = [
        _p(pick("Bewusst angenommene Befunde", "Deliberately accepted findings", lang), st["h2"])
    ]
    if not model.suppressed_rules:
        out.append(
            _p(
                pick("Keine Prüfregel ist abgeschaltet.", "No rule is switched off.", lang),
                st["body"],
            )
        )
        return out
    rules = all_rules()
    findings = [f for f in evaluate(model) if f.accepted]
    for rule_id, reason in sorted(model.suppressed_rules.items()):
        rule = rules.get(rule_id)
        out.append(_p(rule_title(rule_id, lang), st["h3"]))
        out.append(_p(pick("Begründung: ", "Reason: ", lang) + (reason or "–"), st["body"]))
        if rule is not None:
            out.append(
                _p(pick("Quelle: ", "Source: ", lang) + rule.citation.format(lang), st["muted"])
            )
        for f in findings:
            if f.rule_id == rule_id:
                out.append(_p(f.message(lang), st["bullet"], "•"))
    return out


def _pros_cons(model: OrgModel, lang: str, st: dict[str, ParagraphStyle]) -> list[Any]:
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
    out: list[Any] = [_p(heading, st["h2"])]
    if not used:
        out.append(
            _p(
                pick(
                    "Das Modell nennt keine Organisationsform.",
                    "The model names no organisation form.",
                    lang,
                ),
                st["body"],
            )
        )
    for form_id in used:
        label = cat.form(form_id).label.get(lang)
        if form_id in content.pros_cons:
            pc = content.pros_cons[form_id]
            cite = pick("zitiert nach", "quoted from", lang)
            out.append(_p(f"{label} ({cite} {pc.citation.format(lang)})", st["h3"]))
            out.append(_p(pick("Vorzüge", "Pros", lang), st["body"]))
            out.extend(_p(b.get(lang), st["bullet"], "+") for b in pc.pros)
            out.append(_p(pick("Nachteile", "Cons", lang), st["body"]))
            out.extend(_p(b.get(lang), st["bullet"], "–") for b in pc.cons)
        else:
            ch = content.characterisations[form_id]
            summary = pick("Zusammenfassung der Arbeitshilfe", "summary of the guide", lang)
            out.append(_p(f"{label} ({summary}, {ch.citation.format(lang)})", st["h3"]))
            out.append(_p(ch.summary(lang), st["body"]))
    return out


def _reflection(model: OrgModel, lang: str, st: dict[str, ParagraphStyle]) -> list[Any]:
    out: list[Any] = [
        _p(
            pick("Antworten auf die Leitfragen", "Answers to the reflection questions", lang),
            st["h2"],
        )
    ]
    answered = {k: v for k, v in model.reflection.items() if v.strip()}
    if not answered:
        out.append(
            _p(pick("Es sind keine Antworten erfasst.", "No answers recorded.", lang), st["body"])
        )
        return out
    for b in guide().botschaften:
        qs = [q for q in b.questions if q.id in answered]
        if not qs:
            continue
        title = b.title_en if lang == "en" else b.title_de
        out.append(
            _p(
                pick(f"Botschaft {b.number}: ", f"Message {b.number}: ", lang)
                + title
                + f" ({pick('Kap.', 'Chapter', lang)} {b.section}, "
                f"{pick('S.', 'p.', lang)} {b.page})",
                st["h3"],
            )
        )
        for q in qs:
            out.append(_p(f"{q.id}: " + (q.en if lang == "en" else q.de), st["bullet"], "•"))
            for para in answered[q.id].split("\n"):
                if para.strip():
                    out.append(_p(para, st["bullet2"]))
    return out


def _outline(model: OrgModel, lang: str, st: dict[str, ParagraphStyle]) -> list[Any]:
    cat = catalog()
    out: list[Any] = [_p(pick("Gliederung", "Outline", lang), st["h2"])]
    labels = {n.id: _label(n, lang) for n in model.nodes}
    for level in LEVEL_IDS:
        members = sorted((n for n in model.nodes if n.level == level), key=lambda n: (n.y, n.x))
        if not members:
            continue
        out.append(_p(cat.level(level).label.get(lang), st["h3"]))
        for n in members:
            form = (
                cat.form(n.form).label.get(lang)
                if n.form is not None
                else cat.level(level).short.get(lang)
            )
            facts = [form]
            if n.lead:
                facts.append(pick("Leitung: ", "Lead: ", lang) + n.lead)
            if n.deputy:
                facts.append(pick("Vertretung: ", "Deputy: ", lang) + n.deputy)
            if n.persons is not None:
                facts.append(pick(f"{n.persons} Personen", f"{n.persons} persons", lang))
            if n.fte is not None:
                fte = f"{n.fte:g}"
                facts.append(pick(f"{fte.replace('.', ',')} VZÄ", f"{fte} FTE", lang))
            out.append(_p(f"{labels[n.id]} ({'; '.join(facts)})", st["bullet"], "•"))
            for e in model.edges:
                if e.source != n.id:
                    continue
                rel = cat.relation(e.type).label.get(lang)
                text = f"{rel} → {labels[e.target]}"
                if e.label:
                    text += f" ({e.label})"
                if e.contract:
                    text += pick(" – mit Vereinbarung", " – with agreement", lang)
                out.append(_p(text, st["bullet2"], "–"))
    if not model.nodes:
        out.append(_p(pick("Das Modell ist leer.", "The model is empty.", lang), st["body"]))
    return out


_PARTS = {
    "findings": _findings,
    "accepted": _accepted,
    "pros_cons": _pros_cons,
    "reflection": _reflection,
    "outline": _outline,
}
