"""What every rule reads: a snapshot of the model with its graph, indexes and names."""

from __future__ import annotations

from collections import defaultdict, deque
from functools import cached_property
from typing import TYPE_CHECKING

from orgdesigner.catalog import LEVEL_RANK
from orgdesigner.model import Edge, Node, OrgModel
from orgdesigner.naming import unit_names
from orgdesigner.rules.text import Text

if TYPE_CHECKING:
    import networkx as nx

MAX_NAMES = 5
"""Messages name at most this many units and summarise the rest ("und 7 weitere")."""

ADMIN_OUTSIDE = frozenset({"outsourced_entity", "municipal_company", "external_provider",
                           "external_partner"})  # fmt: skip
"""Forms that are not part of the administration (4.2 Tabelle 4, 4.3 Tabelle 8)."""


class Context:
    """A snapshot of the model with the graph and the indexes every rule needs.

    Rules about something missing from the whole model stay quiet on an empty one
    (``not ctx.nodes``).
    """

    def __init__(self, model: OrgModel) -> None:
        self.model = model
        self.meta = model.meta
        self.nodes: dict[str, Node] = {n.id: n for n in model.nodes}
        self.edges: list[Edge] = list(model.edges)
        import networkx  # on first evaluation, not at program start (~0.25 s of imports)

        self.graph: nx.MultiDiGraph[str] = networkx.MultiDiGraph()
        self.by_level: dict[str, list[Node]] = defaultdict(list)
        self.by_form: dict[str | None, list[Node]] = defaultdict(list)
        self.by_type: dict[str, list[Edge]] = defaultdict(list)
        self._out: dict[str, list[Edge]] = defaultdict(list)
        self._in: dict[str, list[Edge]] = defaultdict(list)
        for node in model.nodes:
            self.graph.add_node(node.id)
            self.by_level[node.level].append(node)
            self.by_form[node.form].append(node)
        for edge in model.edges:
            self.graph.add_edge(edge.source, edge.target, key=edge.id, type=edge.type)
            self.by_type[edge.type].append(edge)
            self._out[edge.source].append(edge)
            self._in[edge.target].append(edge)

    # -- queries used by many rules ---------------------------------------------
    def rank(self, node_id: str) -> int:
        """Level rank: 0 political … 3 implementation, 4 advisory."""
        return LEVEL_RANK[self.nodes[node_id].level]

    def out_edges(self, node_id: str, *types: str) -> list[Edge]:
        return [e for e in self._out[node_id] if not types or e.type in types]

    def in_edges(self, node_id: str, *types: str) -> list[Edge]:
        return [e for e in self._in[node_id] if not types or e.type in types]

    def edges_at(self, node_id: str, *types: str) -> list[Edge]:
        return self.out_edges(node_id, *types) + self.in_edges(node_id, *types)

    def neighbours(self, node_id: str, *types: str) -> set[str]:
        """Ids of the nodes related to ``node_id`` in either direction."""
        out = {e.target for e in self.out_edges(node_id, *types)}
        return out | {e.source for e in self.in_edges(node_id, *types)}

    def is_top(self, node_id: str) -> bool:
        """True for the administration head and any node on the strategic or political level."""
        node = self.nodes[node_id]
        return node.level in ("strategic", "political")

    def in_administration(self, node_id: str) -> bool:
        """A unit of the administration itself: strategic, coordination or implementation
        level, and not an outsourced entity, company or external."""
        node = self.nodes[node_id]
        return node.level in ("strategic", "coordination", "implementation") and (
            node.form not in ADMIN_OUTSIDE
        )

    # -- names in messages --------------------------------------------------------
    @cached_property
    def _unit_names(self) -> tuple[dict[str, str], dict[str, str]]:
        return unit_names(self.model.nodes, "de"), unit_names(self.model.nodes, "en")

    def name(self, node_id: str) -> Text:
        """The unit's name quoted: „A“ in German, "A" in English. Its label, or its form
        when it has none; two units of the same name are told apart in brackets
        (:mod:`orgdesigner.naming`), so a finding never leaves open which one it means."""
        de, en = (names[node_id] for names in self._unit_names)
        de, en = (t if len(t) <= 80 else t[:79] + "…" for t in (de, en))
        return Text(f"„{de}“", f'"{en}"')

    def names(self, ids: list[str] | tuple[str, ...]) -> Text:
        """„A“, „B“ und „C“ (German) or "A", "B" and "C" (English); long lists shortened."""
        labels = [self.name(i) for i in ids[:MAX_NAMES]]
        rest = len(ids) - len(labels)
        if rest:
            labels.append(Text(f"{rest} weitere", f"{rest} more"))
        if len(labels) <= 1:
            return labels[0] if labels else Text("", "")
        return Text.join(labels[:-1]) + Text(" und ", " and ") + labels[-1]

    # -- helpers shared by the guide rules ----------------------------------------
    @cached_property
    def coordination_units(self) -> list[Node]:
        """The nodes that carry the coordination: every node on the coordination level
        except the extended circle, which only complements a core team (4.2 Exkurs)."""
        return [n for n in self.by_level["coordination"] if n.form != "extended_circle"]

    @cached_property
    def reporting_to_top(self) -> frozenset[str]:
        """Ids of the nodes with a ``reports_to`` path (one or more steps) to a node on the
        strategic or political level, those top nodes included. One reverse breadth-first
        search from all top nodes over ``reports_to`` relations: linear in the model."""
        seen = {n.id for level in ("political", "strategic") for n in self.by_level[level]}
        queue = deque(seen)
        while queue:
            for e in self._in[queue.popleft()]:
                if e.type == "reports_to" and e.source not in seen:
                    seen.add(e.source)
                    queue.append(e.source)
        return frozenset(seen)

    def related_to_level(self, node_id: str, *levels: str) -> bool:
        """True if ``node_id`` has a relation of any type (either direction) with a node
        on one of ``levels``."""
        nodes = self.nodes
        return any(nodes[e.target].level in levels for e in self._out[node_id]) or any(
            nodes[e.source].level in levels for e in self._in[node_id]
        )

    def with_lead_role(self, node_id: str) -> list[str]:
        """``node_id`` followed by the ``coordination_lead`` role nodes related to it.

        A coordination unit and the role that leads it are one team: when the model draws
        the lead role separately, the team's ties may start at either of them."""
        roles = [
            other
            for other in sorted(self.neighbours(node_id))
            if self.nodes[other].form == "coordination_lead"
        ]
        return [node_id, *roles]

    @staticmethod
    def person_key(name: str) -> str:
        """A ``lead``/``deputy`` value normalised for comparison (case, spaces)."""
        return " ".join(name.split()).casefold()
