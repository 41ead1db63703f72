"""Invariants of the document model (DOMAIN.md §4)."""

from __future__ import annotations

import math

import pytest
from pydantic import ValidationError

from orgdesigner.model import Edge, Meta, Node, OrgModel


def _nodes() -> list[Node]:
    return [Node(id="a", level="strategic"), Node(id="b", level="coordination", form="staff_unit")]


def test_valid_model() -> None:
    m = OrgModel(nodes=_nodes(), edges=[Edge(id="e1", type="reports_to", source="b", target="a")])
    assert m.node("b").form == "staff_unit"
    assert m.edges_of("a")[0].id == "e1"


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        (
            {"nodes": [Node(id="a", level="strategic"), Node(id="a", level="advisory")]},
            "duplicate_id",
        ),
        (
            {"nodes": _nodes(), "edges": [Edge(id="a", type="informs", source="a", target="b")]},
            "duplicate_id",
        ),
        (
            {"nodes": _nodes(), "edges": [Edge(id="e", type="informs", source="a", target="zz")]},
            "missing_node",
        ),
        ({"reflection": {"B11.Q1": "x"}}, "bad_question_id"),
        ({"suppressed_rules": {"Not A Rule": "x"}}, "bad_rule_id"),
    ],
)
def test_cross_object_invariants(kwargs, code) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as info:
        OrgModel(**kwargs)
    assert info.value.errors()[0]["type"] == code


def test_form_must_belong_to_level() -> None:
    with pytest.raises(ValidationError) as info:
        Node(id="a", level="political", form="staff_unit")
    assert info.value.errors()[0]["type"] == "form_level_mismatch"


def test_no_self_relation() -> None:
    with pytest.raises(ValidationError):
        Edge(id="e", type="informs", source="a", target="a")


@pytest.mark.parametrize(
    "bad",
    [
        {"fte": -1},
        {"fte": math.nan},
        {"fte": math.inf},
        {"x": 1e308},
        {"persons": -2},
        {"level": "galactic"},
        {"form": "kingdom"},
        {"cadence": "hourly"},
        {"label": "x" * 100_000},
        {"id": "has space"},
        {"id": ""},
    ],
)
def test_enumerations_and_numbers_are_checked(bad) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        Node(**{"id": "a", "level": "strategic", **bad})


def test_meta_values() -> None:
    with pytest.raises(ValidationError):
        Meta(phase="forever")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Meta(population=-5)
    assert Meta(population=15000, phase="pilot").phase == "pilot"


def test_values_are_frozen() -> None:
    node = Node(id="a", level="strategic")
    with pytest.raises(ValidationError):
        node.label = "x"  # type: ignore[misc]
