"""Who does what (DOMAIN.md §7): the functions, their defaults and ``function-uncovered``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from orgdesigner.catalog import FORM_IDS, FUNCTION_IDS, catalog
from orgdesigner.cli import main
from orgdesigner.fileformat import load
from orgdesigner.model import Node
from orgdesigner.rules import evaluate

DATA = Path(__file__).resolve().parents[1] / "data" / "rules"
ESSENTIAL = {"basic_decisions", "resource_provision", "strategic_decisions",
             "cross_department_links", "network_coordination", "process_coordination",
             "measure_coordination", "resource_coordination", "reporting", "measure_design",
             "measure_delivery"}  # fmt: skip
"""DOMAIN.md §7, the column „essential“."""


def _uncovered(model) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {dict(f.details)["function"]: f.severity for f in evaluate(model)
            if f.rule_id == "function-uncovered"}  # fmt: skip


def test_the_catalog_holds_the_18_functions_of_the_contract() -> None:
    functions = catalog().functions
    assert [f.id for f in functions] == list(FUNCTION_IDS) and len(functions) == 18
    assert {f.id for f in functions if f.essential} == ESSENTIAL
    for f in functions:
        assert f.label.de != f.label.en and f.description.de and f.description.en
        assert f.citation.format("de").startswith("Kap. ")


def test_forms_hold_the_functions_the_guide_gives_them() -> None:
    cat = catalog()
    assert set(cat.default_functions("council")) >= {"basic_decisions", "resource_provision"}
    four_fields = {"network_coordination", "process_coordination", "measure_coordination",
                   "resource_coordination"}  # fmt: skip
    for form in ("staff_unit", "office", "coordination_lead"):
        assert set(cat.default_functions(form)) >= four_fields | {"reporting", "strategy_development"}
    assert cat.default_functions(None) == ()
    for form_id in FORM_IDS:  # every function a form holds belongs to the contract
        assert set(cat.default_functions(form_id)) <= set(FUNCTION_IDS)


def test_the_guide_recommended_model_has_every_function() -> None:
    assert _uncovered(load(DATA / "guide-recommended.orgmodel.json")) == {}


def test_without_a_strategic_unit_its_functions_are_uncovered() -> None:
    model = load(DATA / "guide-recommended.orgmodel.json")
    model.nodes = [n for n in model.nodes if n.level != "strategic"]
    model.edges = [e for e in model.edges if {e.source, e.target} <= {n.id for n in model.nodes}]
    found = _uncovered(model)
    assert found == {"strategic_decisions": "warning", "cross_department_links": "warning",
                     "conflict_resolution": "hint"}  # fmt: skip
    model.meta = model.meta.model_copy(update={"phase": "pilot"})
    assert set(_uncovered(model).values()) == {"hint"}
    (f,) = [f for f in evaluate(model) if dict(f.details).get("function") == "strategic_decisions"]
    assert "In der Erprobungsphase ist das ein Hinweis" in f.message("de")
    assert "„Verwaltungsspitze“" in f.message("de")  # who usually holds it
    assert "Kap. 4.1, S. 19 ff." in f.citation.format("de")


def test_a_unit_that_gives_up_a_function_leaves_it_uncovered() -> None:
    model = load(DATA / "guide-recommended.orgmodel.json")
    holders = [i for i, n in enumerate(model.nodes) if "reporting" in n.held_functions()]
    for i in holders:
        node = model.nodes[i]
        model.nodes[i] = Node.model_validate(
            {**node.model_dump(), "functions": [f for f in node.held_functions() if f != "reporting"]}
        )
    assert _uncovered(model) == {"reporting": "warning"}


def test_check_json_carries_the_function(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(DATA / "function-uncovered.fires.orgmodel.json"), "--format", "json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    found = [f for f in doc["files"][0]["findings"] if f["rule_id"] == "function-uncovered"]
    assert {f["details"]["function"] for f in found} == {
        "strategic_decisions", "cross_department_links", "conflict_resolution"}
