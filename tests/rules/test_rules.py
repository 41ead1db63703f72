"""The 38 rules of DOMAIN.md §6 (33 of the first version, 5 added later): contract ids,
severities, citations, and one model per rule on which it fires and a close variant on which
it does not (``tests/data/rules/``, written by ``tests/data/rules/make_cases.py``)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from orgdesigner.fileformat import load
from orgdesigner.model import OrgModel
from orgdesigner.rules import Finding, all_rules, evaluate
from orgdesigner.rules.context import Context
from orgdesigner.rules.understanding import UNDERSTANDINGS, understanding

DATA = Path(__file__).resolve().parents[1] / "data" / "rules"
CASES: dict[str, dict[str, Any]] = json.loads((DATA / "cases.json").read_text(encoding="utf-8"))

CONTRACT_IDS = [
    "cycle-in-authority",
    "isolated-node",
    "upward-instruction",
    "no-political-body",
    "no-mandate",
    "no-strategic-body",
    "no-coordination",
    "no-coordination-lead",
    "coordination-lead-no-deputy",
    "coordination-not-reporting",
    "coordination-understaffed",
    "staff-unit-instructs",
    "staff-unit-not-at-top",
    "office-without-backing",
    "office-without-cross-links",
    "outsourced-no-mirror",
    "outsourced-instructs-admin",
    "departments-without-integration",
    "project-groups-uncoordinated",
    "matrix-without-commitment",
    "matrix-dual-authority",
    "pilots-missing-tie",
    "pilots-without-resources",
    "board-unconnected",
    "board-not-at-top",
    "regional-without-regional-coordination",
    "regional-without-agreement",
    "external-provider-coordinates",
    "company-not-in-steering",
    "single-point-of-failure",
    "strategic-cadence",
    "no-advisory",
    "coordination-understanding",
    # added in the second version of the contract
    "politics-not-informed",
    "board-instructed",
    "cdo-on-coordination-level",
    "steering-without-coordination",
    "function-uncovered",
]

# Default severities as DOMAIN.md §6 lists them.
SEVERITIES = {
    "cycle-in-authority": "warning", "isolated-node": "hint", "upward-instruction": "warning",
    "no-political-body": "warning", "no-mandate": "hint", "no-strategic-body": "warning",
    "no-coordination": "warning", "no-coordination-lead": "warning",
    "coordination-lead-no-deputy": "hint", "coordination-not-reporting": "warning",
    "coordination-understaffed": "warning", "staff-unit-instructs": "warning",
    "staff-unit-not-at-top": "hint", "office-without-backing": "warning",
    "office-without-cross-links": "hint", "outsourced-no-mirror": "warning",
    "outsourced-instructs-admin": "warning", "departments-without-integration": "warning",
    "project-groups-uncoordinated": "warning", "matrix-without-commitment": "warning",
    "matrix-dual-authority": "hint", "pilots-missing-tie": "warning",
    "pilots-without-resources": "hint", "board-unconnected": "warning",
    "board-not-at-top": "hint", "regional-without-regional-coordination": "warning",
    "regional-without-agreement": "hint", "external-provider-coordinates": "warning",
    "company-not-in-steering": "hint", "single-point-of-failure": "hint",
    "strategic-cadence": "hint", "no-advisory": "info", "coordination-understanding": "info",
    "politics-not-informed": "hint", "board-instructed": "warning",
    "cdo-on-coordination-level": "hint", "steering-without-coordination": "hint",
    "function-uncovered": "warning",
}  # fmt: skip

# Citations as DOMAIN.md §6 and §6d give them, as users read them: a Botschaft on its own
# page from the table of contents, a passage inside a chapter on the section's first page
# with "ff.", and both sources where a rule has two.
CITATIONS: dict[str, str] = {
    "cycle-in-authority": "Kap. 3, S. 13 ff.",
    "isolated-node": "Kap. 4.5, S. 40 ff.",
    "upward-instruction": "Kap. 3, Tabelle 1, S. 13 ff.",
    "no-political-body": "Kap. 4.1, S. 19 ff.",
    "no-mandate": "Kap. 2.1, S. 10 ff.; Kap. 3, S. 13 ff.",
    "no-strategic-body": "Kap. 4.1, S. 19 ff.; Kap. 5.2, Botschaft 2, S. 46",
    "strategic-cadence": "Kap. 4.1, S. 19 ff.",
    "no-coordination": "Kap. 4.2, S. 22 ff.",
    "no-coordination-lead": "Kap. 4.2, S. 22 ff.",
    "coordination-lead-no-deputy": "Kap. 5.9, Botschaft 9, S. 60",
    "coordination-not-reporting": "Kap. 3, S. 13 ff.; Kap. 4.1, S. 19 ff.",
    "coordination-understaffed": "Kap. 4.2, S. 22 ff.",
    "staff-unit-instructs": "Kap. 4.2, Tabelle 2, S. 22 ff.",
    "staff-unit-not-at-top": "Kap. 4.2, S. 22 ff.",
    "office-without-backing": "Kap. 4.2, Tabelle 3, S. 22 ff.",
    "office-without-cross-links": "Kap. 4.2, S. 22 ff.",
    "outsourced-no-mirror": "Kap. 4.2, Tabelle 4, S. 22 ff.; Kap. 5.10, Botschaft 10, S. 62",
    "outsourced-instructs-admin": "Kap. 4.2, Tabelle 4, S. 22 ff.",
    "departments-without-integration": "Kap. 4.3, Tabelle 5, S. 30 ff.",
    "project-groups-uncoordinated": "Kap. 4.3, Tabelle 7, S. 30 ff.",
    "matrix-without-commitment": "Kap. 4.3, S. 30 ff.",
    "matrix-dual-authority": "Kap. 4.3, Tabelle 6, S. 30 ff.",
    "pilots-missing-tie": "Kap. 4.3, S. 30 ff.; Kap. 5.4, Botschaft 4, S. 50",
    "pilots-without-resources": "Kap. 4.3, S. 30 ff.; Kap. 5.4, Botschaft 4, S. 50",
    "external-provider-coordinates": "Kap. 5.6, Botschaft 6, S. 54; Kap. 5.9, Botschaft 9, S. 60",
    "company-not-in-steering": "Kap. 4.1, S. 19 ff.",
    "single-point-of-failure": "Kap. 5.9, Botschaft 9, S. 60; Kap. 4.3, S. 30 ff.",
    "board-unconnected": "Kap. 4.4, S. 39 ff.",
    "board-not-at-top": "Kap. 5.8, Botschaft 8, S. 58",
    "no-advisory": "Kap. 4.4, S. 39 ff.",
    "regional-without-regional-coordination": "Kap. 3, S. 13 ff.; Kap. 4.5, S. 40 ff.",
    "regional-without-agreement": "Kap. 4.1, S. 19 ff.",
    "coordination-understanding": "Kap. 4.2, S. 22 ff.; Kap. 4.3, S. 30 ff.",
    "politics-not-informed": "Kap. 4.1, S. 19 ff.; Kap. 5.2, Botschaft 2, S. 46",
    "board-instructed": "Kap. 4.4, S. 39 ff.; Kap. 5.8, Botschaft 8, S. 58",
    "cdo-on-coordination-level": "Kap. 4.2, S. 22 ff.",
    "steering-without-coordination": "Kap. 4.1, S. 19 ff.",
    "function-uncovered": "Kap. 3, Tabelle 1, S. 13 ff.",
}


# A finding whose case is judged by another passage than the rule's own source.
FINDING_CITATIONS = {
    # the fires model's instructing unit is a municipal company (Tabelle 8), not an agency
    "outsourced-instructs-admin": "Kap. 4.3, Tabelle 8, S. 30 ff.",
    # a function is cited with Tabelle 1 and its own passage (strategic decisions: 4.1)
    "function-uncovered": "Kap. 3, Tabelle 1, S. 13 ff.; Kap. 4.1, S. 19 ff.",
}


def _of(findings: list[Finding], rule_id: str) -> list[Finding]:
    return [f for f in findings if f.rule_id == rule_id]


def _model(nodes: list[dict[str, Any]], edges: list[dict[str, Any]] | None = None,
           **meta: Any) -> OrgModel:  # fmt: skip
    return OrgModel.model_validate({"meta": meta, "nodes": nodes, "edges": edges or []})


def _n(node_id: str, level: str, form: str | None = None, **attrs: Any) -> dict[str, Any]:
    return {"id": node_id, "level": level, "form": form, "label": node_id.title(), **attrs}


def _e(edge_id: str, kind: str, source: str, target: str, **attrs: Any) -> dict[str, Any]:
    return {"id": edge_id, "type": kind, "source": source, "target": target, **attrs}


# ---------------------------------------------------------------------------
# the contract
# ---------------------------------------------------------------------------


def test_exactly_the_contract_rules_are_registered() -> None:
    rules = all_rules()
    assert len(rules) == 38
    assert sorted(rules) == sorted(CONTRACT_IDS)
    assert len(set(CONTRACT_IDS)) == 38


def test_every_rule_has_a_case() -> None:
    assert sorted(CASES) == sorted(CONTRACT_IDS)
    for rule_id in CONTRACT_IDS:
        assert (DATA / f"{rule_id}.fires.orgmodel.json").is_file()
        assert (DATA / f"{rule_id}.passes.orgmodel.json").is_file()
        assert CASES[rule_id]["description"].strip()


@pytest.mark.parametrize("rule_id", CONTRACT_IDS)
def test_default_severity_and_citation(rule_id: str) -> None:
    rule = all_rules()[rule_id]
    assert rule.severity == SEVERITIES[rule_id]
    assert rule.citation.format("de") == CITATIONS[rule_id]
    assert rule.title_de.strip() and rule.title_en.strip() and rule.title_de != rule.title_en


@pytest.mark.parametrize("rule_id", CONTRACT_IDS)
def test_docstring_states_trigger_and_source(rule_id: str) -> None:
    rule = all_rules()[rule_id]
    doc = rule.description
    assert "Trigger:" in doc
    assert "Source:" in doc
    source = doc.split("Source:", 1)[1]
    for citation in rule.citation:
        cited = (
            f"Botschaft {citation.botschaft}" in source
            if citation.botschaft is not None
            else citation.chapter in source
        )
        assert cited, f"{rule_id}: the docstring's source does not name {citation.format('en')}"
    assert "Threshold:" in doc


# ---------------------------------------------------------------------------
# one model per rule: fires / passes
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("rule_id", CONTRACT_IDS)
def test_rule_fires_on_its_model(rule_id: str) -> None:
    case = CASES[rule_id]
    hits = _of(evaluate(load(DATA / f"{rule_id}.fires.orgmodel.json")), rule_id)
    assert len(hits) == case.get("count", 1), [h.subjects for h in hits]
    finding = hits[0]
    assert finding.severity == case["severity"]
    assert list(finding.subjects) == case["subjects"]
    assert finding.citation.format("de") == FINDING_CITATIONS.get(rule_id, CITATIONS[rule_id])
    assert not finding.accepted


@pytest.mark.parametrize("rule_id", CONTRACT_IDS)
def test_rule_passes_on_the_close_variant(rule_id: str) -> None:
    case = CASES[rule_id]
    hits = _of(evaluate(load(DATA / f"{rule_id}.passes.orgmodel.json")), rule_id)
    if case.get("always_fires"):
        assert len(hits) == 1
    else:
        assert hits == [], [h.message_en for h in hits]


VARIANTS: dict[str, dict[str, Any]] = json.loads(
    (DATA / "variants.json").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("key", sorted(VARIANTS))
def test_variant_fires_and_its_close_variant_passes(key: str) -> None:
    """Further fires/passes pairs for the triggers DOMAIN.md §6c counts precisely."""
    case = VARIANTS[key]
    rule_id = case["rule_id"]
    assert key.startswith(rule_id + ".") and case["description"].strip()
    if case.get("always_fires"):
        fires = load(DATA / f"{key}.fires.orgmodel.json")
        passes_model = load(DATA / f"{key}.passes.orgmodel.json")
        assert understanding(fires)[0] == case["fires_key"]
        assert understanding(passes_model)[0] == case["passes_key"]
        for model in (fires, passes_model):
            assert [f.rule_id for f in evaluate(model) if f.severity == "warning"] == []
        return
    hits = _of(evaluate(load(DATA / f"{key}.fires.orgmodel.json")), rule_id)
    assert [(h.severity, list(h.subjects)) for h in hits] == [(case["severity"], case["subjects"])]
    passes = evaluate(load(DATA / f"{key}.passes.orgmodel.json"))
    assert _of(passes, rule_id) == []
    assert [f.rule_id for f in passes if f.severity == "warning"] == []


def test_an_informal_round_alone_is_no_political_body() -> None:
    findings = evaluate(load(DATA / "no-political-body.informal-round.fires.orgmodel.json"))
    assert {f.rule_id: f.subjects for f in findings if f.rule_id.startswith("no-")} == {
        "no-political-body": ("stammtisch",), "no-mandate": ("stammtisch",)}  # fmt: skip
    [finding] = _of(findings, "no-political-body")
    assert "„Smart-City-Stammtisch der Fraktionen“" in finding.message_de
    assert "informal round is no democratically legitimised body" in finding.message_en


def test_understanding_keys_of_its_case_files() -> None:
    case = CASES["coordination-understanding"]
    fires = load(DATA / "coordination-understanding.fires.orgmodel.json")
    passes = load(DATA / "coordination-understanding.passes.orgmodel.json")
    assert understanding(fires)[0] == case["fires_key"]
    assert understanding(passes)[0] == case["passes_key"]


def _all_case_models() -> list[Path]:
    return sorted(DATA.glob("*.orgmodel.json"))


def test_messages_are_complete_in_both_languages() -> None:
    seen: set[str] = set()
    for path in _all_case_models():
        for f in evaluate(load(path)):
            seen.add(f.rule_id)
            assert f.message_de.strip() and f.message_en.strip(), (path.name, f.rule_id)
            assert f.message_de != f.message_en, (path.name, f.rule_id)
            assert f.message("de") == f.message_de and f.message("en") == f.message_en
            # German uses typographic quotes, never straight double quotes.
            assert '"' not in f.message_de, (path.name, f.rule_id, f.message_de)
            assert "„" not in f.message_en, (path.name, f.rule_id, f.message_en)
            assert f.message_de.rstrip().endswith((".", "!")), (path.name, f.rule_id)
            assert f.message_en.rstrip().endswith((".", "!")), (path.name, f.rule_id)
            # Every subject exists in the model.
            model = load(path)
            assert set(f.subjects) <= model.ids(), (path.name, f.rule_id)
    assert seen == set(CONTRACT_IDS)


def test_guide_recommended_model_has_no_warnings_or_hints() -> None:
    findings = evaluate(load(DATA / "guide-recommended.orgmodel.json"))
    assert [(f.rule_id, f.severity) for f in findings] == [("coordination-understanding", "info")]


@pytest.mark.parametrize("rule_id", CONTRACT_IDS)
def test_passes_variants_have_no_warnings_beyond_their_subject(rule_id: str) -> None:
    """The close variants are sensible models: apart from the deliberately varied part
    (e.g. a missing body), the other rules stay quiet too."""
    findings = evaluate(load(DATA / f"{rule_id}.passes.orgmodel.json"))
    warnings = [f.rule_id for f in findings if f.severity == "warning"]
    assert warnings == [], warnings


# ---------------------------------------------------------------------------
# special cases named in DOMAIN.md
# ---------------------------------------------------------------------------


def test_no_coordination_is_info_in_the_pilot_phase() -> None:
    model = load(DATA / "no-coordination.fires.orgmodel.json")
    pilot = model.model_copy(update={"meta": model.meta.model_copy(update={"phase": "pilot"})})
    assert [f.severity for f in _of(evaluate(pilot), "no-coordination")] == ["info"]
    for phase in ("strategy", "implementation", "consolidation", None):
        other = model.model_copy(update={"meta": model.meta.model_copy(update={"phase": phase})})
        assert [f.severity for f in _of(evaluate(other), "no-coordination")] == ["warning"]


def test_strategic_cadence_is_info_without_cadence() -> None:
    nodes = [
        _n("lk", "strategic", "steering_committee"),
        _n("op", "strategic", "operational_steering", cadence="weekly"),
        _n("vs", "strategic", "steering_committee", cadence="half_yearly"),
        _n("ob", "strategic", "administration_head"),
    ]
    found = {f.subjects[0]: f.severity for f in _of(evaluate(_model(nodes)), "strategic-cadence")}
    assert found == {"lk": "info", "op": "hint"}


def test_strategic_cadence_fires_weekly_only() -> None:
    for cadence in ("biweekly", "monthly", "bimonthly", "quarterly", "half_yearly", "yearly"):
        nodes = [_n("lk", "strategic", "steering_committee", cadence=cadence)]
        assert _of(evaluate(_model(nodes)), "strategic-cadence") == []


def test_cycle_in_authority_ignores_report_and_instruction_between_the_same_pair() -> None:
    model = _model(
        [_n("ob", "strategic", "administration_head"), _n("stab", "coordination", "staff_unit")],
        [_e("e1", "reports_to", "stab", "ob"), _e("e2", "instructs", "ob", "stab")],
    )
    assert _of(evaluate(model), "cycle-in-authority") == []
    reversed_report = _model(
        [_n("ob", "strategic", "administration_head"), _n("stab", "coordination", "staff_unit")],
        [_e("e1", "reports_to", "ob", "stab"), _e("e2", "instructs", "ob", "stab")],
    )
    assert len(_of(evaluate(reversed_report), "cycle-in-authority")) == 1


def test_cycle_in_authority_reports_each_cycle_once_with_its_relations() -> None:
    nodes = [_n(f"n{i}", "implementation") for i in range(7)]
    edges = [
        _e("a1", "instructs", "n0", "n1"), _e("a2", "reports_to", "n0", "n1"),  # n0 ⇄ n1
        _e("b1", "instructs", "n4", "n2"), _e("b2", "instructs", "n2", "n3"),
        _e("b3", "reports_to", "n4", "n3"),  # n2 → n3 → n4 → n2
        _e("c1", "instructs", "n5", "n6"), _e("c2", "reports_to", "n6", "n5"),  # no cycle
        _e("x1", "instructs", "n1", "n2"),  # links two cycles one way only
    ]  # fmt: skip
    hits = _of(evaluate(_model(nodes, edges)), "cycle-in-authority")
    assert sorted(h.subjects for h in hits) == [
        ("n0", "n1", "a1", "a2"),
        ("n2", "n3", "n4", "b1", "b2", "b3"),
    ]


def test_cycle_in_authority_reads_instructs_and_reports_to_only() -> None:
    """A matrix's dual subordination (DOMAIN.md §6c): personnel authority (``supervises``)
    and sent staff (``delegates``) beside the team's instructions form no cycle."""
    nodes = [_n("amt", "implementation", "line_departments"),
             _n("team", "implementation", "matrix_team")]  # fmt: skip
    for kind in ("supervises", "delegates"):
        edges = [_e("e1", kind, "amt", "team"), _e("e2", "instructs", "team", "amt")]
        assert _of(evaluate(_model(nodes, edges)), "cycle-in-authority") == [], kind
    edges = [_e("e1", "instructs", "amt", "team"), _e("e2", "instructs", "team", "amt")]
    assert len(_of(evaluate(_model(nodes, edges)), "cycle-in-authority")) == 1


def _calls_for_cycle_pairs(pairs: int) -> int:
    """Python function calls made by cycle-in-authority on ``pairs`` contradictory pairs."""
    nodes = [_n(f"n{i}", "implementation") for i in range(2 * pairs)]
    edges = [e for i in range(pairs) for e in (
        _e(f"i{i}", "instructs", f"n{2 * i}", f"n{2 * i + 1}"),
        _e(f"r{i}", "reports_to", f"n{2 * i}", f"n{2 * i + 1}"))]  # fmt: skip
    model = _model(nodes, edges)
    calls = 0

    def count(_frame: object, event: str, _arg: object) -> None:
        nonlocal calls
        if event == "call":
            calls += 1

    sys.setprofile(count)
    try:
        hits = _of(evaluate(model, rules=["cycle-in-authority"]), "cycle-in-authority")
    finally:
        sys.setprofile(None)
    assert len(hits) == pairs
    return calls


def test_cycle_in_authority_stays_linear_with_many_cycles() -> None:
    """5,000 contradictory pairs took 23 s with a per-cycle scan (quadratic).

    Counted in function calls, not seconds (no timed assertions): ten times the pairs
    must cost about ten times the calls, not a hundred.
    """
    small, large = _calls_for_cycle_pairs(300), _calls_for_cycle_pairs(3_000)
    assert large < 12 * small


def test_empty_model_yields_only_the_understanding() -> None:
    findings = evaluate(OrgModel())
    assert [(f.rule_id, f.severity, f.subjects) for f in findings] == [
        ("coordination-understanding", "info", ())
    ]


# ---------------------------------------------------------------------------
# the four understandings (4.2 Exkurs)
# ---------------------------------------------------------------------------

_TOP = [_n("ob", "strategic", "administration_head"), _n("lk", "strategic", "steering_committee")]


def _understanding_of(model: OrgModel) -> tuple[str, str, str]:
    result = understanding(model)
    assert understanding(Context(model)) == result
    findings = _of(evaluate(model), "coordination-understanding")
    assert len(findings) == 1
    number, name_de, name_en = UNDERSTANDINGS[result[0]]
    assert f"Organisationsverständnis {number}" in findings[0].message_de
    assert name_de in findings[0].message_de and result[1] in findings[0].message_de
    assert name_en in findings[0].message_en and result[2] in findings[0].message_en
    return result


def test_understanding_none() -> None:
    model = _model([*_TOP, _n("tba", "implementation", "line_departments")],
                   [_e("e1", "reports_to", "tba", "ob")])  # fmt: skip
    key, de, en = _understanding_of(model)
    assert key == "none"
    assert "keine Einheit auf der Koordinationsebene" in de and "no unit" in en


def test_understanding_none_with_only_an_extended_circle() -> None:
    model = _model([_n("kreis", "coordination", "extended_circle")])
    key, de, _ = _understanding_of(model)
    assert key == "none" and "erweiterter Kreis" in de


def test_understanding_organising() -> None:
    model = _model(
        [*_TOP, _n("stab", "coordination", "staff_unit", persons=3, lead="A"),
                _n("pg", "implementation", "project_group", lead="B")],
        [_e("e1", "reports_to", "stab", "ob"), _e("e2", "coordinates", "stab", "pg")],
    )  # fmt: skip
    key, de, en = _understanding_of(model)
    assert key == "organising"
    assert "Kernteam mit 3 Personen" in de and "keine Projektleitung in der Umsetzung" in de
    assert "core team of 3 people" in en


def test_understanding_organising_needs_fewer_than_five_persons() -> None:
    four = _model([_n("amt", "coordination", "office", persons=4)])
    key, de, _ = _understanding_of(four)
    assert key == "organising" and "4 Personen" in de
    five = _model([_n("amt", "coordination", "office", persons=5)])
    key, de, en = _understanding_of(five)
    assert key == "extended" and "5 Personen" in de and "weniger als fünf" in de
    assert "fewer than five" in en
    partial = _model([_n("amt", "coordination", "office", persons=5),
                      _n("stab", "coordination", "staff_unit")])  # fmt: skip
    assert _understanding_of(partial)[0] == "extended"
    unknown = _model([_n("amt", "coordination", "office")])
    key, de, _ = _understanding_of(unknown)
    assert key == "organising" and "Personenzahl nicht angegeben" in de


def test_understanding_involved_when_a_unit_runs_implementation_work() -> None:
    agency = _n("agentur", "coordination", "outsourced_entity", persons=3,
                label="Digitalagentur GmbH")  # fmt: skip
    teams = _n("pg", "implementation", "project_group", lead="digitalagentur")
    key, de, en = _understanding_of(_model([agency, teams]))
    assert key == "involved" and "„Digitalagentur GmbH“ leitet selbst" in de
    assert '"Digitalagentur GmbH" itself leads' in en
    other = _n("pg", "implementation", "project_group", lead="Digitalagenturen Nord")
    assert _understanding_of(_model([agency, other]))[0] == "organising"
    stab = _n("stab", "coordination", "staff_unit", persons=2)
    pg = _n("pg", "implementation", "project_group")
    supervised = _model([stab, pg], [_e("e1", "supervises", "stab", "pg")])
    key, de, _ = _understanding_of(supervised)
    assert key == "involved" and "führt das Umsetzungsprojekt „Pg“ personell" in de
    company = _n("sw", "implementation", "municipal_company")
    coordinating = _model([stab, pg, company], [_e("e1", "coordinates", "sw", "pg")])
    key, de, _ = _understanding_of(coordinating)
    assert key == "involved" and "umsetzende Unternehmen „Sw“ koordiniert zugleich „Pg“" in de
    cooperating = _model([stab, pg, company], [_e("e1", "cooperates", "sw", "pg")])
    assert _understanding_of(cooperating)[0] == "organising"


def test_understanding_details_in_the_json() -> None:
    for path, key in (("coordination-understanding.fires", "involved"),
                      ("guide-recommended", "extended")):  # fmt: skip
        [finding] = _of(
            evaluate(load(DATA / f"{path}.orgmodel.json")), "coordination-understanding"
        )
        details = finding.to_json()["details"]
        assert details == {"understanding": key, "core_team_persons": 3,
                           "reason_de": understanding(load(DATA / f"{path}.orgmodel.json"))[1],
                           "reason_en": understanding(load(DATA / f"{path}.orgmodel.json"))[2]}  # fmt: skip
    [empty] = evaluate(OrgModel())
    details = empty.to_json()["details"]
    assert (details["understanding"], details["core_team_persons"]) == ("none", None)
    assert details["reason_en"] == "no unit on the coordination level"
    other = _of(evaluate(load(DATA / "no-advisory.fires.orgmodel.json")), "no-advisory")
    assert other[0].to_json()["details"] == {}


def test_understanding_extended_by_circle() -> None:
    model = _model(
        [*_TOP, _n("stab", "coordination", "staff_unit", persons=2),
                _n("kreis", "coordination", "extended_circle", persons=9)],
        [_e("e1", "reports_to", "stab", "ob"), _e("e2", "cooperates", "kreis", "stab")],
    )  # fmt: skip
    key, de, en = _understanding_of(model)
    assert key == "extended"
    assert "Kernteam mit 2 Personen" in de and "erweiterten Kreis" in de
    assert "extended circle" in en


def test_understanding_extended_by_pilots_only_when_tied() -> None:
    nodes = [*_TOP, _n("stab", "coordination", "staff_unit", persons=2),
                    _n("lotsen", "implementation", "digital_pilots")]  # fmt: skip
    tied = _model(nodes, [_e("e1", "coordinates", "stab", "lotsen")])
    assert _understanding_of(tied)[0] == "extended"
    loose = _model(nodes)
    assert _understanding_of(loose)[0] == "organising"


def test_understanding_involved_by_shared_lead() -> None:
    model = _model(
        [*_TOP, _n("stab", "coordination", "staff_unit", persons=4, lead="Jana Becker"),
                _n("kreis", "coordination", "extended_circle"),
                _n("pg", "implementation", "project_group", lead="  jana   becker ")],
    )  # fmt: skip
    key, de, en = _understanding_of(model)
    assert key == "involved"  # involved wins over the extended circle
    assert "„Jana Becker“ leitet „Stab“" in de and "„Pg“" in de
    assert '"Jana Becker" leads "Stab"' in en


def test_understanding_involved_by_delegation() -> None:
    model = _model(
        [*_TOP, _n("stab", "coordination", "staff_unit"),
                _n("pg", "implementation", "project_group")],
        [_e("e1", "delegates", "stab", "pg")],
    )  # fmt: skip
    key, de, _ = _understanding_of(model)
    assert key == "involved" and "entsendet Mitarbeitende" in de


def test_understanding_ignores_a_shared_lead_with_an_external() -> None:
    model = _model(
        [_n("stab", "coordination", "staff_unit", persons=2, lead="Kim"),
         _n("ext", "implementation", "external_partner", lead="Kim")],
    )  # fmt: skip
    assert _understanding_of(model)[0] == "organising"


# ---------------------------------------------------------------------------
# thresholds at their edges
# ---------------------------------------------------------------------------


def test_understaffed_threshold_edges() -> None:
    def hits(population: int | None, fte: float | None) -> list[Finding]:
        model = _model([_n("stab", "coordination", "staff_unit", fte=fte)],
                       population=population)  # fmt: skip
        return _of(evaluate(model), "coordination-understaffed")

    assert hits(15_000, 0.9) and not hits(14_999, 0.0) and not hits(15_000, 1.0)
    assert not hits(None, 0.0)
    missing = hits(20_000, None)
    assert missing and "kein Wert eingetragen" in missing[0].message_de


def test_single_point_of_failure_thresholds() -> None:
    def hits(population: int | None, *units: tuple[str, str]) -> list[Finding]:
        nodes = [_n(f"u{i}", level, form, lead="Kim Lee") for i, (level, form) in enumerate(units)]
        return _of(evaluate(_model(nodes, population=population)), "single-point-of-failure")

    coord, impl = ("coordination", "staff_unit"), ("implementation", "project_group")
    assert hits(10_000, coord, impl) and not hits(9_999, coord, impl)
    assert not hits(None, coord, impl)
    assert hits(None, impl, impl, impl) and not hits(None, impl, impl)
    # bodies at the top are chaired by the head by design and do not count
    top = ("strategic", "steering_committee")
    assert not hits(50_000, top, top, coord)
    # the lead role and the team it heads are one lead, not two units
    role, circle = ("coordination", "coordination_lead"), ("coordination", "extended_circle")
    assert not hits(50_000, role, coord, circle)
    assert hits(50_000, role, impl)


def test_project_groups_need_three() -> None:
    groups = [_n(f"pg{i}", "implementation", "project_group") for i in range(2)]
    assert _of(evaluate(_model(groups)), "project-groups-uncoordinated") == []
    groups.append(_n("pg2", "implementation", "project_group"))
    hits = _of(evaluate(_model(groups)), "project-groups-uncoordinated")
    assert [h.subjects for h in hits] == [("pg0", "pg1", "pg2")]


def test_board_not_at_top_allows_one_intermediate_unit_only() -> None:
    nodes = [_n("ob", "strategic", "administration_head"), _n("stab", "coordination", "staff_unit"),
             _n("pg", "implementation", "project_group"), _n("beirat", "advisory", "expert_board")]  # fmt: skip
    one = [_e("e1", "advises", "beirat", "stab"), _e("e2", "reports_to", "stab", "ob")]
    assert _of(evaluate(_model(nodes, one)), "board-not-at-top") == []
    two = [_e("e1", "advises", "beirat", "pg"), _e("e2", "reports_to", "pg", "stab"),
           _e("e3", "reports_to", "stab", "ob")]  # fmt: skip
    assert len(_of(evaluate(_model(nodes, two)), "board-not-at-top")) == 1


def test_long_name_lists_are_shortened() -> None:
    departments = [_n(f"amt{i}", "implementation", "line_departments") for i in range(12)]
    hits = _of(evaluate(_model(departments)), "departments-without-integration")
    assert len(hits) == 1 and len(hits[0].subjects) == 12
    assert "und 7 weitere" in hits[0].message_de and "and 7 more" in hits[0].message_en
    assert re.search(r"„Amt4“", hits[0].message_de)
