"""The chart's alternative text: what a screen reader says instead of the drawing.

A few sentences – how many units on which levels (with the top level's units by name),
how many relations and which kinds are most common – and where the full structure is
written out: the appendix's „Gliederung“.
"""

from __future__ import annotations

from collections import Counter

from orgdesigner.catalog import LEVEL_IDS, catalog
from orgdesigner.i18n import pick
from orgdesigner.model import OrgModel
from orgdesigner.naming import subject_names

NAMED_UNITS = 3
"""units of the top level named in the text; more are counted"""
NAMED_RELATION_TYPES = 3


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _and(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + pick(" und ", " and ", lang) + items[-1]


def chart_alt(model: OrgModel, lang: str, title: str, outline: bool) -> str:
    """The ``/Alt`` text of the chart of ``model`` titled ``title``.

    ``outline``: the appendix has the outline („Gliederung“) to point to.
    """
    cat = catalog()
    sentences: list[str] = []
    q = pick("„{}“", "“{}”", lang)
    if not model.nodes:
        sentences.append(
            pick(f"Organigramm {q.format(title)}: ", f"Organisation chart {q.format(title)}: ",
                 lang)
            + pick("Das Modell enthält noch keine Einheiten.", "The model has no units yet.", lang)
        )
        return " ".join(sentences)
    names = subject_names(model, lang=lang)
    levels = [lv for lv in LEVEL_IDS if any(n.level == lv for n in model.nodes)]
    parts: list[str] = []
    for lv in levels:
        members = sorted((n for n in model.nodes if n.level == lv), key=lambda n: (n.y, n.x))
        label = cat.level(lv).label.get(lang)
        part = pick(f"{label} mit {len(members)}", f"{label} with {len(members)}", lang)
        if lv == levels[0]:
            shown = [names.get(n.id, n.id) for n in members[:NAMED_UNITS]]
            more = len(members) - len(shown)
            listed = ", ".join(shown)
            if more:
                listed += pick(f" und {more} weitere", f" and {more} more", lang)
            part += f" ({listed})"
        parts.append(part)
    units = _count(len(model.nodes), pick("Einheit", "unit", lang), pick("Einheiten", "units", lang))
    on = _count(len(levels), pick("Ebene", "level", lang), pick("Ebenen", "levels", lang))
    sentences.append(
        pick(f"Organigramm {q.format(title)} mit {units} auf {on}: ",
             f"Organisation chart {q.format(title)} with {units} on {on}: ", lang)
        + "; ".join(parts)
        + "."
    )
    if model.edges:
        counts = Counter(e.type for e in model.edges)
        common = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:NAMED_RELATION_TYPES]
        kinds = [f"{q.format(cat.relation(t).label.get(lang))} ({n})" for t, n in common]
        rels = _count(len(model.edges), pick("Beziehung", "relation", lang),
                      pick("Beziehungen", "relations", lang))  # fmt: skip
        sentences.append(
            pick(f"Linien zeigen {rels}, am häufigsten {_and(kinds, lang)}.",
                 f"Lines show {rels}, most often {_and(kinds, lang)}.", lang)
        )
    else:
        sentences.append(pick("Es sind keine Beziehungen eingezeichnet.",
                              "No relations are drawn.", lang))  # fmt: skip
    if outline:
        sentences.append(
            pick(
                "Die vollständige Struktur mit allen Einheiten und Beziehungen steht als Text im "
                "Anhang unter „Gliederung“.",
                "The full structure with every unit and relation is written out in the "
                "appendix under “Outline”.",
                lang,
            )
        )
    else:
        sentences.append(
            pick("Die Legende unter dem Organigramm nennt Ebenen und Beziehungsarten.",
                 "The legend below the chart names the levels and kinds of relation.", lang)
        )
    return " ".join(sentences)
