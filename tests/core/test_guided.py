"""The guided start without the window: answers → a model that raises no warnings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesigner.cli import main
from orgdesigner.fileformat import load
from orgdesigner.guided import COORDINATIONS, AnswersError, build, parse_answers
from orgdesigner.rules import evaluate

BASE: dict[str, Any] = {
    "municipality": "Musterstadt", "municipality_kind": "city", "population": 48_000,
    "phase": "strategy", "scope": "municipal", "member_municipalities": 0,
    "political": ["council", "committee"], "strategic": ["administration_head", "steering_committee"],
    "coordination": "staff_unit",
    "implementation": ["line_departments", "project_group", "digital_pilots"],
    "pilot_type": "qualified_volunteer", "advisory": ["expert_board"],
}  # fmt: skip

CASES: dict[str, dict[str, Any]] = {
    "mid-sized city with a Stabsstelle": BASE,
    "large city with Stabsstelle and agency": {
        **BASE, "population": 310_000, "phase": "implementation",
        "strategic": ["administration_head", "steering_committee", "operational_steering", "cdo"],
        "coordination": "staff_unit+outsourced_entity",
        "implementation": ["line_departments", "project_group", "municipal_company",
                           "external_partner", "external_provider"],
        "advisory": ["expert_board", "ethics_board"],
    },
    "Amt with a matrix": {
        **BASE, "population": 180_000, "coordination": "office",
        "implementation": ["line_departments", "matrix_team", "municipal_company"],
        "advisory": [],
    },
    "small municipality, pilot phase, no coordination": {
        **BASE, "municipality": "Musterdorf", "municipality_kind": "municipality",
        "population": 6_500, "phase": "pilot", "political": ["council"],
        "strategic": ["administration_head"], "coordination": "none",
        "implementation": ["line_departments", "municipal_company"], "pilot_type": None,
        "advisory": [],
    },
    "Landkreis as a smart region": {
        **BASE, "municipality": "Landkreis Musterkreis", "municipality_kind": "district",
        "population": 215_000, "phase": "implementation", "scope": "regional",
        "member_municipalities": 9, "political": ["council"],
        "implementation": ["digital_pilots", "project_group", "external_partner"],
        "pilot_type": "full_time", "advisory": ["participation_board"],
    },
}  # fmt: skip


@pytest.mark.parametrize("name", list(CASES))
def test_each_answer_set_gives_a_model_without_warnings_and_with_the_chosen_forms(name: str) -> None:
    answers = parse_answers(CASES[name])
    model = build(answers).model
    warnings = [f for f in evaluate(model) if f.severity == "warning"]
    assert warnings == [], [f.message_de for f in warnings]
    forms = {n.form for n in model.nodes}
    chosen = set(answers.political) | set(answers.strategic) | set(answers.implementation)
    chosen |= set(answers.advisory)
    chosen |= set(answers.coordination.split("+")) - {"none"}
    assert chosen <= forms
    assert (model.meta.municipality, model.meta.population, model.meta.phase, model.meta.scope) == (
        answers.municipality, answers.population, answers.phase, answers.scope)
    # laid out: no two units on one spot, every unit related
    assert len({(n.x, n.y) for n in model.nodes}) == len(model.nodes)
    related = {e.source for e in model.edges} | {e.target for e in model.edges}
    assert {n.id for n in model.nodes} <= related


def test_a_region_groups_many_member_municipalities_and_coordinates_regionally() -> None:
    model = build(parse_answers(CASES["Landkreis as a smart region"])).model
    members = [n for n in model.nodes if n.form == "member_municipality"]
    assert len(members) == 3  # nine municipalities in three sub-regions
    assert all(n.scope == "regional" for n in model.nodes if n.level == "coordination")
    assert any(e.type == "cooperates" and e.contract for e in model.edges)


def test_the_pilot_phase_without_coordination_stays_without_one() -> None:
    model = build(parse_answers(CASES["small municipality, pilot phase, no coordination"])).model
    assert not [n for n in model.nodes if n.level == "coordination"]
    assert {f.rule_id for f in evaluate(model)} >= {"no-coordination"}


def test_what_the_answers_leave_out_is_added_with_a_note() -> None:
    answers = parse_answers({**BASE, "political": [], "strategic": [], "coordination": "none"})
    guided = build(answers)
    forms = {n.form for n in guided.model.nodes}
    assert {"council", "administration_head", "steering_committee", "coordination_lead"} <= forms
    notes = " ".join(n.de for n in guided.notes)
    assert "Der Rat ist ergänzt" in notes and "Lenkungskreis ist ergänzt" in notes
    assert "Projektleitung Smart City ist ergänzt" in notes
    assert [f for f in evaluate(guided.model) if f.severity == "warning"] == []


@settings(max_examples=120, deadline=None)
@given(
    kind=st.sampled_from(["city", "municipality", "district", "association"]),
    population=st.integers(0, 2_000_000),
    phase=st.sampled_from(["pilot", "strategy", "implementation", "consolidation"]),
    scope=st.sampled_from(["municipal", "regional"]),
    members=st.integers(0, 40),
    political=st.lists(st.sampled_from(["council", "committee", "informal_round"]), unique=True),
    strategic=st.lists(st.sampled_from(["administration_head", "steering_committee",
                                        "operational_steering", "cdo"]), unique=True),
    coordination=st.sampled_from(COORDINATIONS),
    implementation=st.lists(st.sampled_from(["line_departments", "matrix_team", "project_group",
                                             "municipal_company", "digital_pilots",
                                             "external_provider", "external_partner",
                                             "member_municipality"]), unique=True),
    pilot_type=st.sampled_from([None, "volunteer", "qualified_volunteer", "full_time"]),
    advisory=st.lists(st.sampled_from(["expert_board", "ethics_board", "network_board",
                                       "participation_board"]), unique=True),
)  # fmt: skip
def test_any_answers_give_a_model_without_warnings(**answers: Any) -> None:
    data = {"municipality": "Muster", "municipality_kind": answers["kind"],
            "population": answers["population"], "phase": answers["phase"],
            "scope": answers["scope"], "member_municipalities": answers["members"],
            **{k: answers[k] for k in ("political", "strategic", "coordination",
                                       "implementation", "pilot_type", "advisory")}}  # fmt: skip
    model = build(parse_answers(data)).model
    warnings = [f for f in evaluate(model) if f.severity == "warning"]
    assert warnings == [], (data, [f.message_de for f in warnings])


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"population": -5}, "population"),
        ({"coordination": "Stabsstelle"}, "coordination"),
        ({"political": ["council", "parliament"]}, "political.1"),
        ({"phase": "later"}, "phase"),
        ({"favourite_colour": "blue"}, "favourite_colour"),
    ],
)
def test_a_wrong_answer_names_its_key(change: dict[str, Any], key: str) -> None:
    with pytest.raises(AnswersError) as caught:
        parse_answers({**BASE, **change})
    assert f"„{key}“" in caught.value.message("de")


def test_cli_new_guided(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = tmp_path / "antworten.json"
    answers.write_text(json.dumps(CASES["Amt with a matrix"]), encoding="utf-8")
    out = tmp_path / "plan.orgmodel"
    assert main(["--lang", "de", "new", "--guided", str(answers), "-o", str(out)]) == 0
    model = load(out)
    assert "office" in {n.form for n in model.nodes}
    missing = dict(CASES["Amt with a matrix"])
    del missing["phase"]
    answers.write_text(json.dumps(missing), encoding="utf-8")
    other = tmp_path / "zwei.orgmodel"
    assert main(["--lang", "de", "new", "--guided", str(answers), "-o", str(other)]) == 2
    assert "Antwort „phase“: die Antwort fehlt" in capsys.readouterr().err
    assert not other.exists()
    answers.write_text("{ kein JSON", encoding="utf-8")
    assert main(["new", "--guided", str(answers), "-o", str(other)]) == 2
    assert not other.exists()
