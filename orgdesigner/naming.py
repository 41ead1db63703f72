"""The names users read for units and relations, everywhere the program names them.

A unit is named by its label, or by what it is (its form, else its level) when it has none.
Two units with the same name would make a finding ambiguous („Projektgruppe“ – which
one?), so a shared name gets what tells the units apart in brackets: the form (or level)
where that differs, else a number in model order. A relation is named by its ends and its
type. The rule messages, the rule panel, the hints, ``orgdesigner check`` and the PDF
appendix all take their names from here (no Qt).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from orgdesigner.catalog import catalog, form_name
from orgdesigner.i18n import current_language
from orgdesigner.model import Node, OrgModel


def _base(node: Node, lang: str) -> str:
    return " ".join(node.label.split()) or form_name(node.level, node.form, lang)


def unit_names(nodes: Iterable[Node], lang: str | None = None) -> dict[str, str]:
    """Every node's name in ``lang`` (default: the current language), unique among
    ``nodes``: „Projektgruppe (Projekt-/Arbeitsgruppe)“ beside „Projektgruppe
    (Umsetzung in der Ämterstruktur)“, „Fachamt (Nr. 2)“ beside „Fachamt (Nr. 1)“."""
    lang = lang or current_language()
    nodes = list(nodes)
    names = {n.id: _base(n, lang) for n in nodes}
    groups: dict[str, list[Node]] = defaultdict(list)
    for n in nodes:
        groups[names[n.id].casefold()].append(n)
    number = "no." if lang == "en" else "Nr."
    for group in groups.values():
        if len(group) < 2:
            continue
        kinds: dict[str, list[Node]] = defaultdict(list)
        for n in group:
            kinds[form_name(n.level, n.form, lang)].append(n)
        for kind, members in kinds.items():
            for k, n in enumerate(members, start=1):
                base = names[n.id]
                parts = [kind] if kind.casefold() != base.casefold() else []
                if len(members) > 1:
                    parts.append(f"{number} {k}")
                names[n.id] = f"{base} ({', '.join(parts)})"
    return names


def subject_names(
    model: OrgModel, ids: Iterable[str] | None = None, lang: str | None = None
) -> dict[str, str]:
    """Names of the nodes and relations ``ids`` (all by default): units as
    :func:`unit_names`, a relation as „A → B (Berichtet an)“. Unknown ids are left out."""
    lang = lang or current_language()
    units = unit_names(model.nodes, lang)
    edges = {e.id: e for e in model.edges}
    wanted = list(units) + list(edges) if ids is None else list(ids)
    cat = catalog()
    names: dict[str, str] = {}
    for i in wanted:
        if i in units:
            names[i] = units[i]
        elif i in edges:
            e = edges[i]
            kind = cat.relation(e.type).label.get(lang)
            names[i] = f"{units[e.source]} → {units[e.target]} ({kind})"
    return names
