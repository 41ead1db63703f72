"""The document model: an organisation model of a smart-city programme (DOMAIN.md §4).

Pydantic v2, no Qt. ``Meta``, ``Node`` and ``Edge`` are frozen values: an edit replaces
one by a validated copy (see ``orgdesigner.commands``), so a snapshot of the lists is a
consistent snapshot of the model. ``OrgModel`` enforces the invariants that span objects:
ids are unique across nodes and relations, relation ends exist.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from orgdesigner.catalog import (
    FORM_LEVEL,
    FUNCTION_IDS,
    FormId,
    FunctionId,
    LevelId,
    RelationId,
    catalog,
)

Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.:-]{1,64}$")]
SHORT_TEXT_MAX_LENGTH = 300
"""Longest short text (titles, names, the reason a rule is switched off)."""
ShortText = Annotated[str, StringConstraints(max_length=SHORT_TEXT_MAX_LENGTH)]
Label = Annotated[str, StringConstraints(max_length=10_000)]
LongText = Annotated[str, StringConstraints(max_length=100_000)]
Coordinate = Annotated[float, Field(ge=-1_000_000, le=1_000_000, allow_inf_nan=False)]

QUESTION_ID = re.compile(r"^B([1-9]|10)\.Q[1-9][0-9]?$")
RULE_ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")

MunicipalityKind = Literal["city", "municipality", "district", "association"]
Phase = Literal["pilot", "strategy", "implementation", "consolidation"]
Scope = Literal["municipal", "regional"]
Status = Literal["draft", "proposal", "adopted"]
Cadence = Literal[
    "weekly", "biweekly", "monthly", "bimonthly", "quarterly", "half_yearly", "yearly"
]
PilotType = Literal["volunteer", "qualified_volunteer", "full_time"]

DEFAULT_NODE_WIDTH = 180.0
DEFAULT_NODE_HEIGHT = 64.0


class _Value(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, allow_inf_nan=False, str_strip_whitespace=False
    )


class Meta(_Value):
    """Data about the model as a whole; several rules read it."""

    title: ShortText = ""
    municipality: ShortText = ""
    municipality_kind: MunicipalityKind | None = None
    population: Annotated[int, Field(ge=0, le=100_000_000)] | None = None
    phase: Phase | None = None
    scope: Scope = "municipal"
    author: ShortText = ""
    status: Status = "draft"
    version: ShortText = ""
    date: dt.date | None = None
    description: LongText = ""


class Node(_Value):
    """One unit, body or role of the organisation, placed on its level."""

    id: Id
    level: LevelId
    form: FormId | None = None
    label: Label = ""
    x: Coordinate = 0.0
    y: Coordinate = 0.0
    width: Annotated[float, Field(ge=40, le=2000, allow_inf_nan=False)] = DEFAULT_NODE_WIDTH
    height: Annotated[float, Field(ge=24, le=2000, allow_inf_nan=False)] = DEFAULT_NODE_HEIGHT
    persons: Annotated[int, Field(ge=0, le=1_000_000)] | None = None
    fte: Annotated[float, Field(ge=0, le=1_000_000, allow_inf_nan=False)] | None = None
    lead: ShortText = ""
    deputy: ShortText = ""
    cadence: Cadence | None = None
    scope: Scope | None = None
    pilot_type: PilotType | None = None
    notes: LongText = ""
    functions: tuple[FunctionId, ...] | None = None
    """The functions this unit holds (DOMAIN.md §7), in catalog order, where they differ
    from its form's defaults; ``None``: the form's defaults (:meth:`held_functions`)."""

    def held_functions(self) -> tuple[FunctionId, ...]:
        """The functions the unit holds: its own list, else its form's defaults."""
        if self.functions is not None:
            return self.functions
        return catalog().default_functions(self.form)

    @model_validator(mode="after")
    def _functions_normalised(self) -> Node:
        """Functions in catalog order without repeats; the form's defaults as ``None``, so
        the file stores a unit's functions only where they differ from its form's."""
        if self.functions is not None:
            ordered = tuple(f for f in FUNCTION_IDS if f in self.functions)
            if set(ordered) == set(catalog().default_functions(self.form)):
                object.__setattr__(self, "functions", None)
            elif ordered != self.functions:
                object.__setattr__(self, "functions", ordered)
        return self

    @model_validator(mode="after")
    def _form_on_its_level(self) -> Node:
        if self.form is not None and FORM_LEVEL[self.form] != self.level:
            raise PydanticCustomError(
                "form_level_mismatch",
                "form {form} belongs to level {form_level}, not {level}",
                {"form": self.form, "form_level": FORM_LEVEL[self.form], "level": self.level},
            )
        return self


class Edge(_Value):
    """A typed relation between two nodes."""

    id: Id
    type: RelationId
    source: Id
    target: Id
    label: Label = ""
    contract: bool | None = None

    @model_validator(mode="after")
    def _not_self(self) -> Edge:
        if self.source == self.target:
            raise PydanticCustomError(
                "self_relation",
                "relation {id} connects node {node} with itself",
                {"id": self.id, "node": self.source},
            )
        return self


class OrgModel(BaseModel):
    """An organisation model: meta data, nodes, relations, reflection answers.

    ``reflection`` maps a question id such as ``B4.Q2`` to the officer's answer;
    ``suppressed_rules`` maps a rule id to the reason why its findings are accepted.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=False)

    meta: Meta = Field(default_factory=Meta)
    nodes: list[Node] = Field(default_factory=list)
    edges: list[Edge] = Field(default_factory=list)
    reflection: dict[str, LongText] = Field(default_factory=dict)
    suppressed_rules: dict[str, ShortText] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _references(self) -> OrgModel:
        problem = find_reference_problem(self)
        if problem is not None:
            path, code, ctx = problem
            raise PydanticCustomError(
                code, "{path}: " + _REFERENCE_TEXT[code], {"path": path, **ctx}
            )
        return self

    # -- lookups ---------------------------------------------------------------
    def node(self, node_id: str) -> Node:
        for node in self.nodes:
            if node.id == node_id:
                return node
        raise KeyError(node_id)

    def edge(self, edge_id: str) -> Edge:
        for edge in self.edges:
            if edge.id == edge_id:
                return edge
        raise KeyError(edge_id)

    def node_index(self, node_id: str) -> int:
        for i, node in enumerate(self.nodes):
            if node.id == node_id:
                return i
        raise KeyError(node_id)

    def edge_index(self, edge_id: str) -> int:
        for i, edge in enumerate(self.edges):
            if edge.id == edge_id:
                return i
        raise KeyError(edge_id)

    def has_id(self, any_id: str) -> bool:
        return any(n.id == any_id for n in self.nodes) or any(e.id == any_id for e in self.edges)

    def ids(self) -> set[str]:
        return {n.id for n in self.nodes} | {e.id for e in self.edges}

    def edges_of(self, node_id: str) -> list[Edge]:
        """Return the relations that start or end at ``node_id``, in model order."""
        return [e for e in self.edges if node_id in (e.source, e.target)]

    def new_id(self, prefix: str, taken: set[str] | None = None) -> str:
        """Return an unused id ``<prefix><n>`` (e.g. ``n7``)."""
        used = self.ids() if taken is None else taken
        n = len(used) + 1
        while f"{prefix}{n}" in used:
            n += 1
        return f"{prefix}{n}"

    def copy_model(self) -> OrgModel:
        """Return an independent copy (nodes and edges are immutable and shared)."""
        return OrgModel.model_construct(
            meta=self.meta,
            nodes=list(self.nodes),
            edges=list(self.edges),
            reflection=dict(self.reflection),
            suppressed_rules=dict(self.suppressed_rules),
        )


_REFERENCE_TEXT = {
    "duplicate_id": "id {id} is used more than once",
    "missing_node": "relation {edge} refers to node {node}, which does not exist",
    "bad_question_id": "{key} is not a reflection question id (like B4.Q2)",
    "bad_rule_id": "{key} is not a rule id",
}


def find_reference_problem(model: OrgModel) -> tuple[str, str, dict[str, Any]] | None:
    """Return the first broken reference as (JSON path, code, context), or ``None``.

    Checks ids unique across nodes and relations, relation ends exist, and the keys of
    ``reflection`` and ``suppressed_rules`` are well-formed.
    """
    seen: set[str] = set()
    for i, node in enumerate(model.nodes):
        if node.id in seen:
            return f"nodes[{i}].id", "duplicate_id", {"id": node.id}
        seen.add(node.id)
    node_ids = set(seen)
    for j, edge in enumerate(model.edges):
        if edge.id in seen:
            return f"edges[{j}].id", "duplicate_id", {"id": edge.id}
        seen.add(edge.id)
        for end in ("source", "target"):
            ref = getattr(edge, end)
            if ref not in node_ids:
                return f"edges[{j}].{end}", "missing_node", {"edge": edge.id, "node": ref}
    for key in model.reflection:
        if not QUESTION_ID.match(key):
            return f"reflection.{key}", "bad_question_id", {"key": key}
    for key in model.suppressed_rules:
        if not RULE_ID.match(key):
            return f"suppressed_rules.{key}", "bad_rule_id", {"key": key}
    return None
