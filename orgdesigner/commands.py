"""Every edit of a model is a command with pure-Python ``apply`` and ``revert``.

Commands store ids and before/after values, never GUI objects. ``apply`` and ``revert``
return a :class:`ChangeSet` naming what changed, which the document announces to its
observers (the scene, the rule panel). The GUI wraps commands in a thin ``QUndoCommand``
adapter; the command line and the tests use them directly.

Rules every command keeps:

* ``apply`` after ``revert`` restores exactly the state after the first ``apply``;
  ``revert`` restores exactly the state before it (objects compare equal, list order too).
* A command checks its preconditions in ``apply`` and raises :class:`CommandError`
  without having changed anything when they do not hold.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from orgdesigner.catalog import form_name
from orgdesigner.i18n import pick
from orgdesigner.model import QUESTION_ID, RULE_ID, Edge, Meta, Node, OrgModel


class CommandError(ValueError):
    """An edit that cannot be carried out (unknown id, invalid value, …)."""


@dataclass
class ChangeSet:
    """What a command changed: ids of nodes/edges added, removed or changed."""

    nodes_added: set[str] = field(default_factory=set)
    nodes_removed: set[str] = field(default_factory=set)
    nodes_changed: set[str] = field(default_factory=set)
    edges_added: set[str] = field(default_factory=set)
    edges_removed: set[str] = field(default_factory=set)
    edges_changed: set[str] = field(default_factory=set)
    meta: bool = False
    reflection: set[str] = field(default_factory=set)
    suppressed_rules: set[str] = field(default_factory=set)

    def merge(self, other: ChangeSet) -> ChangeSet:
        for name in ("nodes", "edges"):
            added = getattr(self, f"{name}_added")
            removed = getattr(self, f"{name}_removed")
            changed = getattr(self, f"{name}_changed")
            for i in getattr(other, f"{name}_added"):
                if i in removed:
                    removed.discard(i)
                    changed.add(i)
                else:
                    added.add(i)
            for i in getattr(other, f"{name}_removed"):
                if i in added:
                    added.discard(i)
                else:
                    removed.add(i)
                changed.discard(i)
            changed.update(i for i in getattr(other, f"{name}_changed") if i not in added)
        self.meta = self.meta or other.meta
        self.reflection |= other.reflection
        self.suppressed_rules |= other.suppressed_rules
        return self

    def is_empty(self) -> bool:
        return not any(
            (
                self.nodes_added,
                self.nodes_removed,
                self.nodes_changed,
                self.edges_added,
                self.edges_removed,
                self.edges_changed,
                self.meta,
                self.reflection,
                self.suppressed_rules,
            )
        )


class Command:
    """Base class: an undoable edit of an :class:`OrgModel`."""

    text_de = "Bearbeiten"
    text_en = "Edit"
    subject: Node | None = None
    """The one unit the edit concerns, once applied (the history names it: „Umbenennen:
    Projektgruppe Mobilität“); ``None`` when it concerns several or none."""

    def apply(self, model: OrgModel) -> ChangeSet:
        raise NotImplementedError

    def revert(self, model: OrgModel) -> ChangeSet:
        raise NotImplementedError

    def text(self, lang: str | None = None) -> str:
        """The name of the edit as the undo history shows it, with the unit it concerns."""
        text = pick(self.text_de, self.text_en, lang)
        return f"{text}: {unit_name(self.subject, lang)}" if self.subject is not None else text

    def merged(self, later: Command) -> Command | None:
        """A new command doing what this one and then ``later`` do, as one undo step, or
        ``None`` when the two do not merge (the default). Neither command is changed."""
        return None

    def changes_nothing(self) -> bool:
        """Whether applying this command (as last applied) left the model as it was."""
        return False


def unit_name(node: Node, lang: str | None = None) -> str:
    """How the undo history names a unit: its label on one line, else its form's name."""
    if node.label.strip():
        name = " ".join(node.label.split())
        return name if len(name) <= 60 else name[:59] + "…"
    return form_name(node.level, node.form, lang)


def _validated(
    cls: type[Node] | type[Edge] | type[Meta], old: Any, changes: Mapping[str, Any]
) -> Any:
    data = old.model_dump()
    unknown = set(changes) - set(data)
    if unknown:
        raise CommandError(f"unknown property: {', '.join(sorted(unknown))}")
    data.update(changes)
    try:
        return cls.model_validate(data)
    except ValidationError as exc:
        raise CommandError(str(exc)) from exc


# -- nodes ---------------------------------------------------------------------
class AddNode(Command):
    text_de, text_en = "Einheit hinzufügen", "Add unit"

    def __init__(self, node: Node, index: int | None = None) -> None:
        self.node = node
        self.index = index

    def apply(self, model: OrgModel) -> ChangeSet:
        if model.has_id(self.node.id):
            raise CommandError(f"id {self.node.id} is already in use")
        index = len(model.nodes) if self.index is None else self.index
        model.nodes.insert(index, self.node)
        self.index = index
        self.subject = self.node
        return ChangeSet(nodes_added={self.node.id})

    def revert(self, model: OrgModel) -> ChangeSet:
        del model.nodes[model.node_index(self.node.id)]
        return ChangeSet(nodes_removed={self.node.id})


class _RemoveNodeOnly(Command):
    """Remove a node that has no relations left (child of :func:`remove_items`)."""

    def __init__(self, node_id: str) -> None:
        self.node_id = node_id
        self.node: Node | None = None
        self.index = -1

    def apply(self, model: OrgModel) -> ChangeSet:
        index = model.node_index(self.node_id)
        if model.edges_of(self.node_id):
            raise CommandError(f"node {self.node_id} still has relations")
        self.node, self.index = model.nodes.pop(index), index
        return ChangeSet(nodes_removed={self.node_id})

    def revert(self, model: OrgModel) -> ChangeSet:
        assert self.node is not None
        model.nodes.insert(self.index, self.node)
        return ChangeSet(nodes_added={self.node_id})


class MoveNodes(Command):
    """Move nodes to new positions: ``{id: (x, y)}``; old positions are recorded."""

    text_de, text_en = "Verschieben", "Move"

    def __init__(
        self,
        new: Mapping[str, tuple[float, float]],
        old: Mapping[str, tuple[float, float]] | None = None,
    ) -> None:
        self.new = dict(new)
        self.old = dict(old) if old is not None else None

    def apply(self, model: OrgModel) -> ChangeSet:
        positions = {i: model.node(i) for i in self.new}  # raises KeyError before any change
        if self.old is None:
            self.old = {i: (n.x, n.y) for i, n in positions.items()}
        self.subject = next(iter(positions.values())) if len(positions) == 1 else None
        return self._set(model, self.new)

    def revert(self, model: OrgModel) -> ChangeSet:
        assert self.old is not None
        return self._set(model, self.old)

    @staticmethod
    def _set(model: OrgModel, where: Mapping[str, tuple[float, float]]) -> ChangeSet:
        index = {n.id: i for i, n in enumerate(model.nodes)}
        replaced = []
        for node_id, (x, y) in where.items():
            old = model.nodes[index[node_id]]
            replaced.append((index[node_id], _validated(Node, old, {"x": x, "y": y})))
        changed = set()
        for i, node in replaced:
            if model.nodes[i] != node:
                model.nodes[i] = node
                changed.add(node.id)
        return ChangeSet(nodes_changed=changed)


class SetNodeProperties(Command):
    """Set properties on one or several nodes (``changes`` applies to each of them)."""

    text_de, text_en = "Eigenschaften ändern", "Change properties"

    def __init__(self, node_ids: Iterable[str], changes: Mapping[str, Any]) -> None:
        self.node_ids = list(dict.fromkeys(node_ids))
        self.changes = dict(changes)
        if "id" in self.changes:
            raise CommandError("the id of a unit cannot be changed")
        if set(self.changes) == {"label"}:
            self.text_de, self.text_en = "Umbenennen", "Rename"
        elif set(self.changes) == {"form"}:
            self.text_de, self.text_en = "Organisationsform ändern", "Change form"
        elif set(self.changes) == {"functions"}:
            self.text_de, self.text_en = "Aufgaben ändern", "Change functions"
        self.before: dict[str, Node] = {}

    def apply(self, model: OrgModel) -> ChangeSet:
        index = {n.id: i for i, n in enumerate(model.nodes)}
        missing = [i for i in self.node_ids if i not in index]
        if missing:
            raise CommandError(f"unknown unit: {', '.join(missing)}")
        new = {i: _validated(Node, model.nodes[index[i]], self.changes) for i in self.node_ids}
        self.before = {i: model.nodes[index[i]] for i in self.node_ids}
        for i, node in new.items():
            model.nodes[index[i]] = node
        # a renamed unit is named as it is called now; other edits by the name it keeps
        self.subject = next(iter(new.values())) if len(new) == 1 else None
        return ChangeSet(nodes_changed={i for i in new if new[i] != self.before[i]})

    def revert(self, model: OrgModel) -> ChangeSet:
        index = {n.id: i for i, n in enumerate(model.nodes)}
        changed = {i for i, node in self.before.items() if model.nodes[index[i]] != node}
        for i, node in self.before.items():
            model.nodes[index[i]] = node
        return ChangeSet(nodes_changed=changed)


# -- edges ---------------------------------------------------------------------
class AddEdge(Command):
    text_de, text_en = "Beziehung hinzufügen", "Add relation"

    def __init__(self, edge: Edge, index: int | None = None) -> None:
        self.edge = edge
        self.index = index

    def apply(self, model: OrgModel) -> ChangeSet:
        if model.has_id(self.edge.id):
            raise CommandError(f"id {self.edge.id} is already in use")
        node_ids = {n.id for n in model.nodes}
        for end in (self.edge.source, self.edge.target):
            if end not in node_ids:
                raise CommandError(f"unknown unit: {end}")
        index = len(model.edges) if self.index is None else self.index
        model.edges.insert(index, self.edge)
        self.index = index
        return ChangeSet(edges_added={self.edge.id})

    def revert(self, model: OrgModel) -> ChangeSet:
        del model.edges[model.edge_index(self.edge.id)]
        return ChangeSet(edges_removed={self.edge.id})


class RemoveEdge(Command):
    text_de, text_en = "Beziehung löschen", "Delete relation"

    def __init__(self, edge_id: str) -> None:
        self.edge_id = edge_id
        self.edge: Edge | None = None
        self.index = -1

    def apply(self, model: OrgModel) -> ChangeSet:
        try:
            index = model.edge_index(self.edge_id)
        except KeyError as exc:
            raise CommandError(f"unknown relation: {self.edge_id}") from exc
        self.edge, self.index = model.edges.pop(index), index
        return ChangeSet(edges_removed={self.edge_id})

    def revert(self, model: OrgModel) -> ChangeSet:
        assert self.edge is not None
        model.edges.insert(self.index, self.edge)
        return ChangeSet(edges_added={self.edge_id})


class SetEdgeProperties(Command):
    """Set properties (type, label, contract) on one or several relations."""

    text_de, text_en = "Beziehung ändern", "Change relation"

    def __init__(self, edge_ids: Iterable[str], changes: Mapping[str, Any]) -> None:
        self.edge_ids = list(dict.fromkeys(edge_ids))
        self.changes = dict(changes)
        if {"id", "source", "target"} & set(self.changes):
            raise CommandError("id and ends of a relation cannot be changed; add a new one")
        if set(self.changes) == {"type"}:
            self.text_de, self.text_en = "Beziehungstyp ändern", "Change relation type"
        self.before: dict[str, Edge] = {}

    def apply(self, model: OrgModel) -> ChangeSet:
        index = {e.id: i for i, e in enumerate(model.edges)}
        missing = [i for i in self.edge_ids if i not in index]
        if missing:
            raise CommandError(f"unknown relation: {', '.join(missing)}")
        new = {i: _validated(Edge, model.edges[index[i]], self.changes) for i in self.edge_ids}
        self.before = {i: model.edges[index[i]] for i in self.edge_ids}
        for i, edge in new.items():
            model.edges[index[i]] = edge
        return ChangeSet(edges_changed={i for i in new if new[i] != self.before[i]})

    def revert(self, model: OrgModel) -> ChangeSet:
        index = {e.id: i for i, e in enumerate(model.edges)}
        changed = {i for i, edge in self.before.items() if model.edges[index[i]] != edge}
        for i, edge in self.before.items():
            model.edges[index[i]] = edge
        return ChangeSet(edges_changed=changed)


# -- model-level ---------------------------------------------------------------
class SetMeta(Command):
    text_de, text_en = "Modelldaten ändern", "Change model data"

    def __init__(self, changes: Mapping[str, Any]) -> None:
        self.changes = dict(changes)
        self.before: Meta | None = None

    def apply(self, model: OrgModel) -> ChangeSet:
        new = _validated(Meta, model.meta, self.changes)
        self.before, model.meta = model.meta, new
        return ChangeSet(meta=new != self.before)

    def revert(self, model: OrgModel) -> ChangeSet:
        assert self.before is not None
        changed = model.meta != self.before
        model.meta = self.before
        return ChangeSet(meta=changed)


class _SetMapping(Command):
    """Set or clear (empty text) one entry of a string-to-string mapping of the model."""

    attribute = ""
    pattern = QUESTION_ID

    def __init__(self, key: str, text: str) -> None:
        if not self.pattern.match(key):
            raise CommandError(f"invalid key: {key}")
        self.key, self.value = key, text
        self.before: str | None = None

    def _map(self, model: OrgModel) -> dict[str, str]:
        mapping: dict[str, str] = getattr(model, self.attribute)
        return mapping

    def _write(self, model: OrgModel, value: str | None) -> ChangeSet:
        mapping = self._map(model)
        if mapping.get(self.key) == (value or None):
            return ChangeSet()
        if value:
            mapping[self.key] = value
        else:
            mapping.pop(self.key, None)
        if self.attribute == "reflection":
            return ChangeSet(reflection={self.key})
        return ChangeSet(suppressed_rules={self.key})

    def apply(self, model: OrgModel) -> ChangeSet:
        self.before = self._map(model).get(self.key)
        return self._write(model, self.value)

    def revert(self, model: OrgModel) -> ChangeSet:
        return self._write(model, self.before)

    def merged(self, later: Command) -> Command | None:
        """Typing on in the same answer: one step from the first ``before`` to the last text."""
        if type(later) is not type(self) or not isinstance(later, _SetMapping):
            return None
        if later.key != self.key:
            return None
        combined = type(self)(self.key, later.value)
        combined.before = self.before
        return combined

    def changes_nothing(self) -> bool:
        return (self.value or None) == (self.before or None)


class SetReflectionAnswer(_SetMapping):
    """Set the officer's answer to one reflection question (empty text clears it)."""

    text_de, text_en = "Antwort auf Leitfrage ändern", "Change answer to guiding question"
    attribute = "reflection"
    pattern = QUESTION_ID


class SetRuleSuppressed(_SetMapping):
    """Accept a rule's findings for this model with a reason (empty reason re-enables)."""

    text_de, text_en = "Prüfregel annehmen", "Accept rule"
    attribute = "suppressed_rules"
    pattern = RULE_ID


# -- compound ------------------------------------------------------------------
class Compound(Command):
    """Several commands as one undo step; reverted in reverse order."""

    def __init__(self, children: Sequence[Command], text_de: str, text_en: str) -> None:
        self.children = list(children)
        self.text_de, self.text_en = text_de, text_en

    def apply(self, model: OrgModel) -> ChangeSet:
        changes = ChangeSet()
        done: list[Command] = []
        try:
            for child in self.children:
                changes.merge(child.apply(model))
                done.append(child)
        except Exception:
            for child in reversed(done):
                child.revert(model)
            raise
        return changes

    def revert(self, model: OrgModel) -> ChangeSet:
        changes = ChangeSet()
        for child in reversed(self.children):
            changes.merge(child.revert(model))
        return changes


def remove_items(model: OrgModel, ids: Iterable[str], *, cut: bool = False) -> Compound:
    """Delete nodes and relations; a node takes its relations along (``cut``: named
    "Ausschneiden" in the undo history, as the edit the user chose).

    Relations are removed first, from the last to the first in model order, so that
    undo re-inserts each at its original index and the order is restored exactly.
    """
    wanted = set(ids)
    node_ids = [n.id for n in model.nodes if n.id in wanted]
    doomed = set(node_ids)
    edge_ids = [
        e.id for e in model.edges if e.id in wanted or e.source in doomed or e.target in doomed
    ]
    children: list[Command] = [RemoveEdge(i) for i in reversed(edge_ids)]
    children += [_RemoveNodeOnly(i) for i in reversed(node_ids)]
    if cut:
        de, en = "Ausschneiden", "Cut"
    elif len(node_ids) == 1 and not (wanted - doomed):
        de, en = "Einheit löschen", "Delete unit"
        compound = Compound(children, de, en)
        compound.subject = model.node(node_ids[0])
        return compound
    elif not node_ids and len(edge_ids) == 1:
        de, en = "Beziehung löschen", "Delete relation"
    else:
        de, en = "Auswahl löschen", "Delete selection"
    return Compound(children, de, en)


def remove_node(model: OrgModel, node_id: str) -> Compound:
    """Delete one node with its relations (one undo step)."""
    model.node(node_id)
    return remove_items(model, [node_id])


def add_items(nodes: Sequence[Node], edges: Sequence[Edge], text_de: str, text_en: str) -> Compound:
    """Add nodes, then the relations between them, as one step (paste, duplicate, template)."""
    children: list[Command] = [AddNode(n) for n in nodes]
    children += [AddEdge(e) for e in edges]
    return Compound(children, text_de, text_en)
