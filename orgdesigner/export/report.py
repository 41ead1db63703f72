"""The written part of a council paper's attachment, as plain blocks (no reportlab, no Qt).

The Word export renders these blocks with Word's own styles (Heading 1–3, List Bullet,
tables), so that the council's template restyles them: findings with their citations, the
deliberately accepted findings with their reasons, who does what (functions × units), the
pros and cons of the forms used (quoted with their table), the answers to the reflection
questions and the outline of the model. One model gives the same blocks every time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from orgdesigner.catalog import LEVEL_IDS, catalog, guide
from orgdesigner.i18n import pick
from orgdesigner.model import Edge, Node, OrgModel
from orgdesigner.naming import subject_names

SEVERITY = {"warning": ("Warnung", "Warning"), "hint": ("Hinweis", "Hint"),
            "info": ("Information", "Information")}  # fmt: skip
PARTS = ("findings", "accepted", "functions", "pros_cons", "reflection", "outline")


@dataclass(frozen=True)
class Heading:
    text: str
    level: int


@dataclass(frozen=True)
class Para:
    text: str
    muted: bool = False
    """a source line or other secondary text"""
    lang: str | None = None
    """the passage's language where it differs from the document's"""


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    mark: str = "•"
    """„+“ for a pro, „–“ for a con: the table's own marks"""
    level: int = 1


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""
    widths: tuple[float, ...] = field(default=())
    """relative column widths (empty: equal)"""


Block = Heading | Para | Bullets | Table


def blocks(model: OrgModel, lang: str, parts: Sequence[str] = PARTS) -> list[Block]:
    """The blocks of ``parts`` (in this order) for ``model`` in ``lang``."""
    out: list[Block] = []
    for part in parts:
        out.extend(_PARTS[part](model, lang))
    return out


def _findings(model: OrgModel, lang: str) -> list[Block]:
    from orgdesigner.rules import evaluate

    out: list[Block] = [Heading(pick("Prüfergebnisse", "Check results", lang), 1)]
    findings = [f for f in evaluate(model) if not f.accepted]
    if not findings:
        out.append(Para(pick("Die Prüfung nach dem Leitfaden ergibt keine Befunde.",
                             "Checking against the guide gives no findings.", lang)))  # fmt: skip
        return out
    names = subject_names(model, lang=lang)
    for severity in ("warning", "hint", "info"):
        group = [f for f in findings if f.severity == severity]
        if not group:
            continue
        de, en = SEVERITY[severity]
        out.append(Heading(f"{pick(de, en, lang)} ({len(group)})", 2))
        for f in group:
            out.append(Heading(f.title(lang), 3))
            out.append(Para(f.message(lang)))
            detail = pick("Quelle: ", "Source: ", lang) + f.citation.format(lang)
            concerns = ", ".join(names.get(s, s) for s in f.subjects)
            if concerns:
                detail += pick(" · betrifft: ", " · concerns: ", lang) + concerns
            out.append(Para(detail, muted=True))
    return out


def _accepted(model: OrgModel, lang: str) -> list[Block]:
    from orgdesigner.rules import all_rules, evaluate, rule_title

    out: list[Block] = [Heading(pick("Bewusst angenommene Befunde",
                                     "Deliberately accepted findings", lang), 1)]  # fmt: skip
    if not model.suppressed_rules:
        out.append(Para(pick("Keine Prüfregel ist abgeschaltet.", "No rule is switched off.", lang)))
        return out
    rules = all_rules()
    findings = [f for f in evaluate(model) if f.accepted]
    for rule_id, reason in sorted(model.suppressed_rules.items()):
        out.append(Heading(rule_title(rule_id, lang), 2))
        out.append(Para(pick("Begründung: ", "Reason: ", lang) + (reason or "–")))
        rule = rules.get(rule_id)
        if rule is not None:
            out.append(Para(pick("Quelle: ", "Source: ", lang) + rule.citation.format(lang), muted=True))
        messages = tuple(f.message(lang) for f in findings if f.rule_id == rule_id)
        if messages:
            out.append(Bullets(messages))
    return out


def function_matrix(model: OrgModel, lang: str) -> Table:
    """Functions × units: who holds which function (DOMAIN.md §7), uncovered ones marked."""
    cat = catalog()
    units = [n for level in LEVEL_IDS for n in model.nodes if n.level == level]
    names = subject_names(model, [n.id for n in units], lang)
    held = {n.id: set(n.held_functions()) for n in units}
    rows = []
    for function in cat.functions:
        holders = [names[n.id] for n in units if function.id in held[n.id]]
        label = function.label.get(lang)
        if function.essential:
            label += pick(" (wesentlich)", " (essential)", lang)
        rows.append((label, ", ".join(holders) if holders else
                     pick("– keine Einheit –", "– no unit –", lang)))  # fmt: skip
    return Table(
        (pick("Aufgabe", "Function", lang), pick("wahrgenommen von", "held by", lang)),
        tuple(rows),
        caption=pick("Aufgaben nach Kap. 3, Tabelle 1, und Kap. 4.2 (vier Felder der Koordination)",
                     "Functions after ch. 3, table 1, and ch. 4.2 (four fields of coordination)",
                     lang),
        widths=(2.0, 3.0),
    )


def _functions(model: OrgModel, lang: str) -> list[Block]:
    return [Heading(pick("Wer macht was: Aufgaben und Einheiten", "Who does what: functions and units",
                         lang), 1), function_matrix(model, lang)]  # fmt: skip


def _pros_cons(model: OrgModel, lang: str) -> list[Block]:
    content, cat = guide(), catalog()
    used = [f.id for f in cat.forms if any(n.form == f.id for n in model.nodes)]
    out: list[Block] = [Heading(pick("Vorzüge und Nachteile der verwendeten Organisationsformen",
                                     "Pros and cons of the organisation forms used", lang), 1)]  # fmt: skip
    if not used:
        out.append(Para(pick("Das Modell nennt keine Organisationsform.",
                             "The model names no organisation form.", lang)))  # fmt: skip
    for form_id in used:
        label = cat.form(form_id).label.get(lang)
        if form_id in content.pros_cons:
            pc = content.pros_cons[form_id]
            out.append(Heading(label, 2))
            out.append(Para(pick("Zitiert nach ", "Quoted from ", lang) + pc.citation.format(lang), muted=True))
            out.append(Table((pick("Vorzüge", "Pros", lang), pick("Nachteile", "Cons", lang)),
                             _side_by_side([b.get(lang) for b in pc.pros],
                                           [b.get(lang) for b in pc.cons]),
                             caption=getattr(pc, "caption_en" if lang == "en" else "caption_de")))  # fmt: skip
        else:
            ch = content.characterisations[form_id]
            out.append(Heading(label, 2))
            out.append(Para(pick("Zusammenfassung der Arbeitshilfe in eigenen Worten, kein Zitat – ",
                                 "Summary of the guide in our own words, not a quotation – ", lang)
                            + ch.citation.format(lang), muted=True))  # fmt: skip
            out.append(Para(ch.summary(lang)))
    return out


def _side_by_side(left: list[str], right: list[str]) -> tuple[tuple[str, ...], ...]:
    n = max(len(left), len(right))
    return tuple((f"+ {left[i]}" if i < len(left) else "", f"– {right[i]}" if i < len(right) else "")
                 for i in range(n))  # fmt: skip


def _reflection(model: OrgModel, lang: str) -> list[Block]:
    out: list[Block] = [Heading(pick("Antworten auf die Leitfragen",
                                     "Answers to the reflection questions", lang), 1)]  # fmt: skip
    answered = {k: v for k, v in model.reflection.items() if v.strip()}
    if not answered:
        out.append(Para(pick("Es sind keine Antworten erfasst.", "No answers recorded.", lang)))
        return out
    for b in guide().botschaften:
        qs = [q for q in b.questions if q.id in answered]
        if not qs:
            continue
        title = b.title_en if lang == "en" else b.title_de
        out.append(Heading(pick(f"Botschaft {b.number}: ", f"Message {b.number}: ", lang) + title, 2))
        for q in qs:
            out.append(Para(f"{q.id}: " + (q.en if lang == "en" else q.de), muted=True))
            for para in answered[q.id].split("\n"):
                if para.strip():
                    out.append(Para(para))
    return out


def unit_facts(n: Node, lang: str) -> str:
    """What the outline says of a unit: its form, lead, deputy, persons, FTE (the PDF
    appendix and the Word export say it alike)."""
    cat = catalog()
    facts = [cat.form(n.form).label.get(lang) if n.form else cat.level(n.level).short.get(lang)]
    if n.lead:
        facts.append(pick("Leitung: ", "Lead: ", lang) + n.lead)
    if n.deputy:
        facts.append(pick("Vertretung: ", "Deputy: ", lang) + n.deputy)
    if n.persons is not None:
        facts.append(pick(f"{n.persons} Personen", f"{n.persons} persons", lang))
    if n.fte is not None:
        fte = f"{n.fte:g}"
        facts.append(pick(f"{fte.replace('.', ',')} VZÄ", f"{fte} FTE", lang))
    return "; ".join(facts)


def relation_text(e: Edge, target: str, lang: str) -> str:
    """A relation as the outline lists it under its source: „Berichtet an → Stadtrat
    (label) – mit Vereinbarung“."""
    text = f"{catalog().relation(e.type).label.get(lang)} → {target}"
    if e.label:
        text += f" ({e.label})"
    if e.contract:
        text += pick(" – mit Vereinbarung", " – with agreement", lang)
    return text


def _outline(model: OrgModel, lang: str) -> list[Block]:
    cat = catalog()
    out: list[Block] = [Heading(pick("Gliederung", "Outline", lang), 1)]
    if not model.nodes:
        out.append(Para(pick("Das Modell ist leer.", "The model is empty.", lang)))
        return out
    names = subject_names(model, lang=lang)
    for level in LEVEL_IDS:
        members = sorted((n for n in model.nodes if n.level == level), key=lambda n: (n.y, n.x))
        if not members:
            continue
        out.append(Heading(cat.level(level).label.get(lang), 2))
        for n in members:
            out.append(Bullets((f"{names[n.id]} ({unit_facts(n, lang)})",)))
            relations = [relation_text(e, names[e.target], lang)
                         for e in model.edges if e.source == n.id]  # fmt: skip
            if relations:
                out.append(Bullets(tuple(relations), mark="–", level=2))
    return out


_PARTS = {
    "findings": _findings,
    "accepted": _accepted,
    "functions": _functions,
    "pros_cons": _pros_cons,
    "reflection": _reflection,
    "outline": _outline,
}
