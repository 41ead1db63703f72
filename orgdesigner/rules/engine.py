"""The rule engine: one evaluation builds the graph once and runs every registered rule.

A rule is a function registered with :func:`rule` under its contract id (DOMAIN.md §6).
It receives a :class:`Context` and yields :class:`Hit` objects (subjects and a German and
English message that says what is wrong and what to do); the engine turns them into
:class:`Finding` objects carrying the rule's id, severity and guide citation. Rules are
pure functions over a snapshot of the model: no Qt, no I/O, no mutation.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from orgdesigner.catalog import LEVEL_RANK, Citation
from orgdesigner.i18n import current_language
from orgdesigner.model import Edge, Node, OrgModel

if TYPE_CHECKING:
    import networkx as nx

Severity = Literal["warning", "hint", "info"]
SEVERITIES: tuple[Severity, ...] = ("warning", "hint", "info")
SEVERITY_RANK: dict[str, int] = {"warning": 0, "hint": 1, "info": 2}


@dataclass(frozen=True)
class Hit:
    """What a rule reports; the engine adds id, citation and default severity."""

    subjects: tuple[str, ...]
    message_de: str
    message_en: str
    severity: Severity | None = None


@dataclass(frozen=True)
class Finding:
    """One finding of one rule on one model."""

    rule_id: str
    severity: Severity
    subjects: tuple[str, ...]
    message_de: str
    message_en: str
    citation: Citation
    accepted: bool = False
    """The model's officer switched this rule off (``suppressed_rules``) with a reason."""

    def message(self, lang: str | None = None) -> str:
        return self.message_en if (lang or current_language()) == "en" else self.message_de

    def to_json(self, lang: str | None = None) -> dict[str, Any]:
        """The documented JSON form (``docs/cli.md``)."""
        return {
            "rule_id": self.rule_id,
            "severity": self.severity,
            "subjects": list(self.subjects),
            "message": self.message(lang),
            "citation": self.citation.format(lang),
            "citation_parts": self.citation.model_dump(exclude_none=True),
            "accepted": self.accepted,
        }


RuleFunction = Callable[["Context"], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    citation: Citation
    title_de: str
    title_en: str
    function: RuleFunction = field(compare=False)

    @property
    def description(self) -> str:
        """Trigger, threshold and source, from the rule function's docstring."""
        return " ".join((self.function.__doc__ or "").split())

    def title(self, lang: str | None = None) -> str:
        return self.title_en if (lang or current_language()) == "en" else self.title_de


REGISTRY: dict[str, Rule] = {}


def rule(
    rule_id: str, severity: Severity, citation: Citation, title_de: str, title_en: str
) -> Callable[[RuleFunction], RuleFunction]:
    """Register a rule function under ``rule_id`` (its default severity and citation)."""

    def register(function: RuleFunction) -> RuleFunction:
        if rule_id in REGISTRY:
            raise ValueError(f"rule {rule_id} registered twice")
        REGISTRY[rule_id] = Rule(rule_id, severity, citation, title_de, title_en, function)
        return function

    return register


def cite(chapter: str, page: int, table: int | None = None, botschaft: int | None = None) -> Citation:
    return Citation(chapter=chapter, page=page, table=table, botschaft=botschaft)


class Context:
    """A snapshot of the model with the graph and the indexes every rule needs."""

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

    def label(self, node_id: str) -> str:
        """The node's label for messages (its id when it has none), quoted."""
        node = self.nodes[node_id]
        text = node.label.strip() or node_id
        if len(text) > 60:
            text = text[:59] + "…"
        return f"„{text}“"

    def label_en(self, node_id: str) -> str:
        return '"' + self.label(node_id)[1:-1] + '"'

    def is_top(self, node_id: str) -> bool:
        """True for the administration head and any node on the strategic or political level."""
        node = self.nodes[node_id]
        return node.level in ("strategic", "political")

    # -- helpers shared by the guide rules (checks.py) --------------------------
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


def evaluate(model: OrgModel, *, rules: Iterable[str] | None = None) -> list[Finding]:
    """Run the rules (all by default) on ``model`` and return the findings, sorted.

    Findings of rules the model lists in ``suppressed_rules`` are returned with
    ``accepted=True``. Sorted by severity, rule id, then subjects.
    """
    from orgdesigner.rules import checks  # noqa: F401  (registers the rules)

    ctx = Context(model)
    selected = REGISTRY if rules is None else {r: REGISTRY[r] for r in rules}
    findings: list[Finding] = []
    for rule_id, rule_ in selected.items():
        accepted = rule_id in model.suppressed_rules
        for hit in rule_.function(ctx):
            findings.append(
                Finding(
                    rule_id=rule_id,
                    severity=hit.severity or rule_.severity,
                    subjects=hit.subjects,
                    message_de=hit.message_de,
                    message_en=hit.message_en,
                    citation=rule_.citation,
                    accepted=accepted,
                )
            )
    findings.sort(key=lambda f: (SEVERITY_RANK[f.severity], f.rule_id, f.subjects))
    return findings


def all_rules() -> dict[str, Rule]:
    """Every registered rule by id, in registration order."""
    from orgdesigner.rules import checks  # noqa: F401

    return dict(REGISTRY)


def count(findings: Iterable[Finding]) -> dict[str, int]:
    """Number of findings per severity, not counting accepted ones."""
    result: dict[str, int] = dict.fromkeys(SEVERITIES, 0)
    for f in findings:
        if not f.accepted:
            result[f.severity] += 1
    return result


def iter_hits(*hits: Hit | None) -> Iterator[Hit]:
    return (h for h in hits if h is not None)
