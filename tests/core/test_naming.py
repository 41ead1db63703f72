"""Findings name units so a reader knows which one is meant: labels, the form for an
unlabelled unit, and a bracket that tells two units of the same name apart."""

from __future__ import annotations

from typing import Any

import pytest

from orgdesigner.cli import main
from orgdesigner.fileformat import save
from orgdesigner.model import OrgModel
from orgdesigner.naming import subject_names, unit_names
from orgdesigner.rules import evaluate


def _model(*nodes: dict[str, Any], edges: list[dict[str, Any]] | None = None) -> OrgModel:
    return OrgModel.model_validate({"meta": {}, "nodes": list(nodes), "edges": edges or []})


def _n(node_id: str, level: str, form: str | None, label: str) -> dict[str, Any]:
    return {"id": node_id, "level": level, "form": form, "label": label}


TWINS = _model(
    _n("pg", "implementation", "project_group", "Mobilität"),
    _n("amt", "implementation", "line_departments", "Mobilität"),
    _n("pg2", "implementation", "project_group", "mobilität "),
    _n("lone", "implementation", "project_group", "Bürgerservice"),
    _n("blank", "advisory", "ethics_board", ""),
)


def test_a_shared_name_gets_the_form_and_if_needed_a_number() -> None:
    assert unit_names(TWINS.nodes, "de") == {
        "pg": "Mobilität (Projekt-/Arbeitsgruppe, Nr. 1)",
        "amt": "Mobilität (Umsetzung in der Ämterstruktur)",
        "pg2": "mobilität (Projekt-/Arbeitsgruppe, Nr. 2)",
        "lone": "Bürgerservice",
        "blank": "Ethikbeirat",
    }
    en = unit_names(TWINS.nodes, "en")
    assert en["amt"] == "Mobilität (Implementation in the departments)"
    assert en["pg2"] == "mobilität (Project / working group, no. 2)"


def test_unlabelled_units_of_one_form_are_numbered_not_doubled() -> None:
    model = _model(_n("a", "advisory", "ethics_board", ""), _n("b", "advisory", "ethics_board", ""))
    assert unit_names(model.nodes, "de") == {"a": "Ethikbeirat (Nr. 1)", "b": "Ethikbeirat (Nr. 2)"}


def test_a_relation_is_named_by_its_ends_and_type() -> None:
    model = _model(
        _n("pg", "implementation", "project_group", "Mobilität"),
        _n("amt", "implementation", "line_departments", "Mobilität"),
        edges=[{"id": "e1", "type": "delegates", "source": "amt", "target": "pg"}],
    )
    assert subject_names(model, ["e1"], "de") == {
        "e1": "Mobilität (Umsetzung in der Ämterstruktur) → Mobilität (Projekt-/Arbeitsgruppe) "
        "(Entsendet Mitarbeitende)"
    }


def test_the_rule_messages_tell_twins_apart_and_never_show_an_id() -> None:
    findings = [f for f in evaluate(TWINS) if f.rule_id == "isolated-node"]
    by_subject = {f.subjects[0]: f.message("de") for f in findings}
    assert "„Mobilität (Projekt-/Arbeitsgruppe, Nr. 1)“" in by_subject["pg"]
    assert "„Mobilität (Umsetzung in der Ämterstruktur)“" in by_subject["amt"]
    assert '"Mobilität (Implementation in the departments)"' in by_subject_en(findings)["amt"]
    for f in evaluate(TWINS):
        for text in (f.message("de"), f.message("en")):
            assert "„blank“" not in text and '"blank"' not in text


def by_subject_en(findings: list[Any]) -> dict[str, str]:
    return {f.subjects[0]: f.message("en") for f in findings}


def test_check_text_names_units_not_ids(tmp_path: Any, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "zwillinge.orgmodel.json"
    save(TWINS, path, backup=False)
    main(["--lang", "de", "check", str(path), "--fail-on", "never"])
    out = capsys.readouterr().out
    assert "betrifft: Mobilität (Umsetzung in der Ämterstruktur)" in out
    assert "betrifft: pg" not in out and "betrifft: amt" not in out
