"""The project phase changes the verdict (DOMAIN.md §6b): the severities of the phase table,
shown on the fires model of each rule (phase ``strategy``) and its twins in other phases
(``tests/data/rules/<rule-id>.<phase>.orgmodel.json``, written by ``make_cases.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgdesigner.fileformat import load
from orgdesigner.model import OrgModel
from orgdesigner.rules import Finding, all_rules, evaluate
from orgdesigner.rules.phase import PHASE_SEVERITIES

DATA = Path(__file__).resolve().parents[1] / "data" / "rules"

# DOMAIN.md §6b, copied here on purpose: the code's table is checked against the contract.
TABLE: dict[str, dict[str | None, str]] = {
    "no-coordination":                 {"pilot": "info", "strategy": "warning", "implementation": "warning", "consolidation": "warning"},
    "departments-without-integration": {"pilot": "info", "strategy": "warning", "implementation": "warning", "consolidation": "warning"},
    "no-strategic-body":               {"pilot": "hint", "strategy": "warning", "implementation": "warning", "consolidation": "warning"},
    "company-not-in-steering":         {"pilot": "info", "strategy": "hint",    "implementation": "hint",    "consolidation": "hint"},
    "external-provider-coordinates":   {"pilot": "hint", "strategy": "warning", "implementation": "warning", "consolidation": "warning"},
    "regional-without-agreement":      {"pilot": "hint", "strategy": "hint",    "implementation": "hint",    "consolidation": "warning"},
    "board-not-at-top":                {"pilot": "info", "strategy": "hint",    "implementation": "hint",    "consolidation": "hint"},
}  # fmt: skip
PHASES = ("pilot", "strategy", "implementation", "consolidation")
NAMES = {
    "pilot": ("In der Erprobungsphase", "In the trial phase"),
    "consolidation": ("In der Verstetigungsphase", "In the consolidation phase"),
}


def _of(model: OrgModel, rule_id: str) -> list[Finding]:
    return [f for f in evaluate(model) if f.rule_id == rule_id]


def _in_phase(model: OrgModel, phase: str | None) -> OrgModel:
    return model.model_copy(update={"meta": model.meta.model_copy(update={"phase": phase})})


def test_the_rules_table_is_the_contracts() -> None:
    assert {r: dict(zip(PHASES, row, strict=True)) for r, row in PHASE_SEVERITIES.items()} == TABLE
    for rule_id, row in TABLE.items():
        assert all_rules()[rule_id].severity == row["strategy"], rule_id


@pytest.mark.parametrize("rule_id", sorted(TABLE))
def test_pilot_twin_and_strategy_model(rule_id: str) -> None:
    strategy = load(DATA / f"{rule_id}.fires.orgmodel.json")
    pilot = load(DATA / f"{rule_id}.pilot.orgmodel.json")
    assert (strategy.meta.phase, pilot.meta.phase) == ("strategy", "pilot")
    assert _in_phase(strategy, "pilot") == pilot  # twins: only the phase differs
    usual = _of(strategy, rule_id)
    trial = _of(pilot, rule_id)
    assert usual and [f.severity for f in usual] == [TABLE[rule_id]["strategy"]] * len(usual)
    assert [f.severity for f in trial] == [TABLE[rule_id]["pilot"]] * len(usual)
    assert [f.subjects for f in trial] == [f.subjects for f in usual]
    for before, after in zip(usual, trial, strict=True):
        if TABLE[rule_id]["pilot"] == TABLE[rule_id]["strategy"]:
            assert (after.message_de, after.message_en) == (before.message_de, before.message_en)
        else:
            assert after.message_de.startswith(before.message_de + " In der Erprobungsphase ")
            assert after.message_en.startswith(before.message_en + " In the trial phase ")
            assert "S. 22 ff." in after.message_de and "p. 22 ff." in after.message_en
            assert after.message_de.endswith(("daher nur ein Hinweis.",
                                              "daher nur eine Information."))  # fmt: skip
            assert after.message_en.endswith(("hence only a hint.", "hence only information."))


def test_consolidation_raises_the_missing_regional_agreement() -> None:
    rule_id = "regional-without-agreement"
    model = load(DATA / f"{rule_id}.consolidation.orgmodel.json")
    assert model.meta.phase == "consolidation"
    [finding] = _of(model, rule_id)
    assert finding.severity == "warning"
    assert "In der Verstetigungsphase" in finding.message_de
    assert "Kap. 4.1, S. 19 ff." in finding.message_de
    assert finding.message_de.endswith("daher eine Warnung.")
    assert finding.message_en.endswith("hence a warning.")


@pytest.mark.parametrize("rule_id", sorted(TABLE))
@pytest.mark.parametrize("phase", [*PHASES, None])
def test_every_cell_of_the_table(rule_id: str, phase: str | None) -> None:
    """A missing phase behaves like ``strategy``; the message names the phase exactly
    when the severity differs from the ``strategy`` one."""
    model = _in_phase(load(DATA / f"{rule_id}.fires.orgmodel.json"), phase)
    expected = TABLE[rule_id][phase or "strategy"]
    findings = _of(model, rule_id)
    assert findings and {f.severity for f in findings} == {expected}
    changed = expected != TABLE[rule_id]["strategy"]
    for f in findings:
        for name_de, name_en in NAMES.values():
            mentioned = name_de in f.message_de
            assert mentioned == (changed and NAMES[phase or "strategy"][0] == name_de)
            assert (name_en in f.message_en) == mentioned


def test_other_rules_ignore_the_phase() -> None:
    model = load(DATA / "guide-recommended.orgmodel.json")
    for phase in PHASES:
        findings = evaluate(_in_phase(model, phase))
        assert [(f.rule_id, f.severity) for f in findings] == [("coordination-understanding", "info")]
    cycle = load(DATA / "cycle-in-authority.fires.orgmodel.json")
    assert [f.severity for f in _of(_in_phase(cycle, "pilot"), "cycle-in-authority")] == ["warning"]
