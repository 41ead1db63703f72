"""Bisher und künftig: what changes between two versions of an organisation model (no Qt).

An officer copies the model file, edits the copy into the proposal and needs the changes for
the council paper. :func:`compare` matches the units of the two versions – by id (a copied
file keeps its ids), then, among the units left over, by level, form and label (an imported
or rebuilt model) – and reports units and relations added, removed and changed field by
field, the changes of the model's meta data, and what the change does to the guide's
verdict: findings resolved, introduced and unchanged. A finding is the same in both versions
when its rule and its subjects (matched across the versions) are the same.

The canvas's comparison mode, ``orgdesigner diff`` and the PDF's „Gegenüberstellung“ all read
one :class:`Comparison`. Linear in the size of the models (dictionaries, no pairwise search).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from orgdesigner.catalog import form_name
from orgdesigner.fields import field_name, value_text
from orgdesigner.i18n import current_language
from orgdesigner.model import Edge, Meta, Node, OrgModel
from orgdesigner.naming import subject_names
from orgdesigner.rules import Finding, evaluate
from orgdesigner.rules.engine import SEVERITY_RANK
from orgdesigner.rules.text import Text

GEOMETRY = ("x", "y", "width", "height")
"""Node fields that only place a unit; reported only on request (``positions=True``)."""
_FIRST = ("label", "form", "level")
UNIT_FIELDS: tuple[str, ...] = _FIRST + tuple(
    f for f in Node.model_fields if f not in ("id", *_FIRST, *GEOMETRY)
)
"""What a unit change reports, in this order: label, form, level, persons, fte, lead, …
(every field the model has, so a field added later is compared too)."""
RELATION_FIELDS: tuple[str, ...] = tuple(f for f in Edge.model_fields if f != "id")
"""type, source, target, label, contract."""
META_FIELDS: tuple[str, ...] = tuple(Meta.model_fields)

Value = Any
"""A field's value as the model holds it (str, int, float, bool, None, a date)."""


@dataclass(frozen=True)
class UnitChange:
    """A unit in both versions whose fields differ (``fields``: name → (bisher, künftig))."""

    old_id: str
    new_id: str
    fields: dict[str, tuple[Value, Value]]


@dataclass(frozen=True)
class RelationChange:
    """A relation in both versions whose type, ends, label or contract differ. The ends are
    given as the ids of each version (``source``: (old id, new id)) when they differ after
    matching the units."""

    old_id: str
    new_id: str
    fields: dict[str, tuple[Value, Value]]


@dataclass(frozen=True)
class Comparison:
    old: OrgModel
    new: OrgModel
    units_added: tuple[Node, ...]
    units_removed: tuple[Node, ...]
    units_changed: tuple[UnitChange, ...]
    relations_added: tuple[Edge, ...]
    relations_removed: tuple[Edge, ...]
    relations_changed: tuple[RelationChange, ...]
    meta: dict[str, tuple[Value, Value]]
    findings_resolved: tuple[Finding, ...]
    findings_introduced: tuple[Finding, ...]
    findings_unchanged: int
    unit_match: dict[str, str] = field(repr=False)
    """old unit id → new unit id, for every unit in both versions"""
    relation_match: dict[str, str] = field(repr=False)
    """old relation id → new relation id"""
    notes: tuple[Text, ...] = ()
    """What the matching could not take at face value (one id for two different units)."""

    @property
    def equal(self) -> bool:
        """No unit, relation or meta data differs (the verdict then cannot differ either)."""
        return not (
            self.units_added
            or self.units_removed
            or self.units_changed
            or self.relations_added
            or self.relations_removed
            or self.relations_changed
            or self.meta
        )

    def change_of_unit(self, new_id: str) -> UnitChange | None:
        return next((c for c in self.units_changed if c.new_id == new_id), None)

    def change_of_relation(self, new_id: str) -> RelationChange | None:
        return next((c for c in self.relations_changed if c.new_id == new_id), None)


# -- matching --------------------------------------------------------------------------------
def _label_key(node: Node) -> tuple[str, str | None, str]:
    return node.level, node.form, " ".join(node.label.split()).casefold()


def _same_unit(a: Node, b: Node) -> bool:
    """Two nodes with one id are the same unit unless they share nothing: a unit moved to
    another level keeps its label or its form; a different unit that happens to have the id
    (a file built elsewhere) differs in level, form and label at once."""
    if a.level == b.level:
        return True
    return _label_key(a)[2] == _label_key(b)[2] or (a.form is not None and a.form == b.form)


def match_units(old: OrgModel, new: OrgModel) -> tuple[dict[str, str], list[Text]]:
    """old id → new id: by id first, then by level + form + label among the rest (in model
    order when several units share level, form and label)."""
    new_by_id = {n.id: n for n in new.nodes}
    match: dict[str, str] = {}
    notes: list[Text] = []
    for a in old.nodes:
        b = new_by_id.get(a.id)
        if b is None:
            continue
        if _same_unit(a, b):
            match[a.id] = b.id
        else:
            notes.append(
                Text(
                    "Die Kennung „{id}“ steht in beiden Fassungen für verschiedene Einheiten "
                    "(„{old}“ auf einer anderen Ebene als „{new}“); sie werden als entfernt und "
                    "neu geführt.",
                    'The id "{id}" stands for different units in the two versions ("{old}" on '
                    'another level than "{new}"); they are listed as removed and added.',
                ).format(id=a.id, old=a.label or a.id, new=b.label or b.id)
            )
    taken = set(match.values())
    waiting: dict[tuple[str, str | None, str], list[Node]] = defaultdict(list)
    for b in new.nodes:
        if b.id not in taken:
            waiting[_label_key(b)].append(b)
    for a in old.nodes:
        if a.id in match:
            continue
        candidates = waiting.get(_label_key(a))
        if candidates:
            match[a.id] = candidates.pop(0).id
    return match, notes


def _ends(edge: Edge, units: dict[str, str]) -> tuple[str | None, str | None]:
    return units.get(edge.source), units.get(edge.target)


def match_relations(old: OrgModel, new: OrgModel, units: dict[str, str]) -> dict[str, str]:
    """old relation id → new relation id: by id (its ends may have changed: it is then a
    changed relation), then by type and matched ends among the rest."""
    new_ids = {e.id for e in new.edges}
    match = {e.id: e.id for e in old.edges if e.id in new_ids}
    taken = set(match.values())
    waiting: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for e in new.edges:
        if e.id not in taken:
            waiting[(e.type, e.source, e.target)].append(e.id)
    for e in old.edges:
        if e.id in match:
            continue
        source, target = _ends(e, units)
        if source is None or target is None:
            continue
        candidates = waiting.get((e.type, source, target))
        if candidates:
            match[e.id] = candidates.pop(0)
    return match


# -- the verdict -------------------------------------------------------------------------------
def _finding_key(
    f: Finding, ids: dict[str, str] | None = None
) -> tuple[str, frozenset[str], object]:
    """Rule, matched subjects – and the function of a ``function-uncovered`` finding, which
    has no subjects: two uncovered functions are two findings."""
    subjects = f.subjects if ids is None else tuple(ids.get(s, "\x00" + s) for s in f.subjects)
    return f.rule_id, frozenset(subjects), dict(f.details).get("function")


def _verdict(
    old_findings: Iterable[Finding], new_findings: Iterable[Finding], ids: dict[str, str]
) -> tuple[tuple[Finding, ...], tuple[Finding, ...], int]:
    old_open = [f for f in old_findings if not f.accepted]
    new_open = [f for f in new_findings if not f.accepted]
    old_keys = {_finding_key(f, ids) for f in old_open}
    new_keys = {_finding_key(f) for f in new_open}
    resolved = tuple(f for f in old_open if _finding_key(f, ids) not in new_keys)
    introduced = tuple(f for f in new_open if _finding_key(f) not in old_keys)
    return resolved, introduced, len(new_open) - len(introduced)


# -- the comparison ----------------------------------------------------------------------------
def _value(item: Any, name: str) -> Value:
    # a unit's functions as it holds them: its form's defaults count (DOMAIN.md §7)
    return item.held_functions() if name == "functions" else getattr(item, name)


def _field_changes(a: Any, b: Any, names: Iterable[str]) -> dict[str, tuple[Value, Value]]:
    return {n: (_value(a, n), _value(b, n)) for n in names if _value(a, n) != _value(b, n)}


def compare(
    old: OrgModel,
    new: OrgModel,
    *,
    positions: bool = False,
    old_findings: Iterable[Finding] | None = None,
    new_findings: Iterable[Finding] | None = None,
) -> Comparison:
    """Compare ``old`` (bisher) with ``new`` (künftig). Position changes are reported only
    with ``positions`` (a unit that changes its level is reported by its ``level``). The
    findings are evaluated here unless given (the canvas passes the panel's)."""
    units, notes = match_units(old, new)
    relations = match_relations(old, new, units)
    unit_fields = UNIT_FIELDS + (GEOMETRY if positions else ())
    old_nodes = {n.id: n for n in old.nodes}
    new_nodes = {n.id: n for n in new.nodes}
    units_changed = []
    for a_id, b_id in units.items():
        changes = _field_changes(old_nodes[a_id], new_nodes[b_id], unit_fields)
        if changes:
            units_changed.append(UnitChange(a_id, b_id, changes))
    matched_new = set(units.values())
    old_edges = {e.id: e for e in old.edges}
    new_edges = {e.id: e for e in new.edges}
    relations_changed = []
    for a_id, b_id in relations.items():
        a, b = old_edges[a_id], new_edges[b_id]
        changes = _field_changes(a, b, ("type", "label", "contract"))
        source, target = _ends(a, units)
        if source != b.source:
            changes["source"] = (a.source, b.source)
        if target != b.target:
            changes["target"] = (a.target, b.target)
        if changes:
            ordered = {k: changes[k] for k in RELATION_FIELDS if k in changes}
            relations_changed.append(RelationChange(a_id, b_id, ordered))
    matched_relations = set(relations.values())
    if old_findings is None:
        old_findings = evaluate(old)
    if new_findings is None:
        new_findings = evaluate(new)
    resolved, introduced, unchanged = _verdict(old_findings, new_findings, {**units, **relations})
    return Comparison(
        old=old,
        new=new,
        units_added=tuple(n for n in new.nodes if n.id not in matched_new),
        units_removed=tuple(n for n in old.nodes if n.id not in units),
        units_changed=tuple(units_changed),
        relations_added=tuple(e for e in new.edges if e.id not in matched_relations),
        relations_removed=tuple(e for e in old.edges if e.id not in relations),
        relations_changed=tuple(relations_changed),
        meta=_field_changes(old.meta, new.meta, META_FIELDS),
        findings_resolved=resolved,
        findings_introduced=introduced,
        findings_unchanged=unchanged,
        unit_match=units,
        relation_match=relations,
        notes=tuple(notes),
    )


# -- what a reader reads -----------------------------------------------------------------------
@dataclass(frozen=True)
class ChangeRow:
    """One line of „Was sich ändert“: what (a unit, a relation, the model), bisher, künftig."""

    kind: str
    """``unit``, ``relation`` or ``meta``"""
    change: str
    """``added``, ``removed`` or ``changed``"""
    what: str
    before: str
    after: str
    old_id: str | None
    new_id: str | None


def _pick(text: Text, lang: str) -> str:
    return text.en if lang == "en" else text.de


def change_rows(c: Comparison, lang: str | None = None) -> list[ChangeRow]:
    """Every change as a row, units first, then relations, then the model's data; each
    unit and relation named as the findings name it (labels, twins told apart)."""
    lang = lang or current_language()
    old_names = subject_names(c.old, lang=lang)
    new_names = subject_names(c.new, lang=lang)
    none = _pick(Text("(nicht vorhanden)", "(not there)"), lang)

    def unit_text(name: str, n: Node) -> str:
        kind = form_name(n.level, n.form, lang)
        return name if kind.casefold() in name.casefold() else f"{name} ({kind})"

    rows: list[ChangeRow] = []
    for n in c.units_removed:
        rows.append(ChangeRow("unit", "removed", old_names[n.id],
                              unit_text(old_names[n.id], n), none, n.id, None))  # fmt: skip
    for n in c.units_added:
        rows.append(ChangeRow("unit", "added", new_names[n.id], none,
                              unit_text(new_names[n.id], n), None, n.id))  # fmt: skip
    for u in c.units_changed:
        before = "; ".join(
            f"{field_name(k, lang)}: {value_text(k, a, lang)}" for k, (a, _b) in u.fields.items()
        )
        after = "; ".join(
            f"{field_name(k, lang)}: {value_text(k, b, lang)}" for k, (_a, b) in u.fields.items()
        )
        rows.append(ChangeRow("unit", "changed", new_names[u.new_id], before, after,
                              u.old_id, u.new_id))  # fmt: skip
    for e in c.relations_removed:
        rows.append(ChangeRow("relation", "removed", old_names[e.id], old_names[e.id], none,
                              e.id, None))  # fmt: skip
    for e in c.relations_added:
        rows.append(ChangeRow("relation", "added", new_names[e.id], none, new_names[e.id],
                              None, e.id))  # fmt: skip
    for r in c.relations_changed:
        parts_before, parts_after = [], []
        for k, (a, b) in r.fields.items():
            if k in ("source", "target"):
                a_text, b_text = old_names.get(a, a), new_names.get(b, b)
            else:
                a_text, b_text = value_text(k, a, lang), value_text(k, b, lang)
            parts_before.append(f"{field_name(k, lang)}: {a_text}")
            parts_after.append(f"{field_name(k, lang)}: {b_text}")
        rows.append(ChangeRow("relation", "changed", new_names[r.new_id],
                              "; ".join(parts_before), "; ".join(parts_after),
                              r.old_id, r.new_id))  # fmt: skip
    model = _pick(Text("Angaben zum Modell", "Model data"), lang)
    for k, (a, b) in c.meta.items():
        rows.append(ChangeRow("meta", "changed", f"{model}: {field_name(k, lang)}",
                              value_text(k, a, lang), value_text(k, b, lang), None, None))  # fmt: skip
    return rows


SEVERITY_WORDS = {
    "warning": (Text("Warnung", "warning"), Text("Warnungen", "warnings")),
    "hint": (Text("Hinweis", "hint"), Text("Hinweise", "hints")),
    "info": (Text("Information", "information"), Text("Informationen", "information")),
}


def verdict_summary(c: Comparison, lang: str | None = None) -> str:
    """„2 Warnungen entfallen, 1 Hinweis kommt hinzu“ – or that the verdict stays."""
    lang = lang or current_language()
    parts: list[str] = []
    for findings, gone in ((c.findings_resolved, True), (c.findings_introduced, False)):
        counts: dict[str, int] = {}
        for f in findings:
            counts[f.severity] = counts.get(f.severity, 0) + 1
        for severity in sorted(counts, key=SEVERITY_RANK.__getitem__):
            n = counts[severity]
            one, many = SEVERITY_WORDS[severity]
            noun = _pick(one if n == 1 else many, lang)
            if lang == "en":
                verb = ("is resolved" if n == 1 else "are resolved") if gone else (
                    "is added" if n == 1 else "are added")
            else:
                verb = ("entfällt" if n == 1 else "entfallen") if gone else (
                    "kommt hinzu" if n == 1 else "kommen hinzu")
            parts.append(f"{n} {noun} {verb}")
    if not parts:
        return _pick(Text("Die Prüfung bleibt unverändert.", "The verdict does not change."), lang)
    return ", ".join(parts)


def _json_value(value: Value) -> Value:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _fields_json(fields: dict[str, tuple[Value, Value]]) -> dict[str, list[Value]]:
    def plain(v: Value) -> Value:
        return list(v) if isinstance(v, tuple) else _json_value(v)

    return {k: [plain(a), plain(b)] for k, (a, b) in fields.items()}


def _finding_json(f: Finding, lang: str) -> dict[str, Any]:
    return {"rule_id": f.rule_id, "title": f.title(lang), "severity": f.severity,
            "subjects": list(f.subjects), "citation": f.citation.format(lang)}  # fmt: skip


def to_json(c: Comparison, lang: str | None = None) -> dict[str, Any]:
    """The documented JSON form of ``orgdesigner diff`` (``docs/cli.md``)."""
    lang = lang or current_language()

    def unit(n: Node) -> dict[str, Any]:
        return {"id": n.id, "label": n.label, "level": n.level, "form": n.form}

    def relation(e: Edge) -> dict[str, Any]:
        return {"id": e.id, "type": e.type, "source": e.source, "target": e.target,
                "label": e.label}  # fmt: skip

    new_nodes = {n.id: n for n in c.new.nodes}
    return {
        "equal": c.equal,
        "units": {
            "added": [unit(n) for n in c.units_added],
            "removed": [unit(n) for n in c.units_removed],
            "changed": [
                {
                    "id": u.new_id,
                    "old_id": u.old_id,
                    "label": new_nodes[u.new_id].label,
                    "fields": _fields_json(u.fields),
                }
                for u in c.units_changed
            ],
        },
        "relations": {
            "added": [relation(e) for e in c.relations_added],
            "removed": [relation(e) for e in c.relations_removed],
            "changed": [
                {"id": r.new_id, "old_id": r.old_id, "fields": _fields_json(r.fields)}
                for r in c.relations_changed
            ],
        },
        "meta": _fields_json(c.meta),
        "findings": {
            "summary": verdict_summary(c, lang),
            "resolved": [_finding_json(f, lang) for f in c.findings_resolved],
            "introduced": [_finding_json(f, lang) for f in c.findings_introduced],
            "unchanged": c.findings_unchanged,
        },
        "notes": [_pick(t, lang) for t in c.notes],
    }
