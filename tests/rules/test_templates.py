"""Templates built as the guide recommends produce no warnings; `rules` lists everything."""

from __future__ import annotations

import json

import pytest

from orgdesigner.catalog import guide
from orgdesigner.cli import main
from orgdesigner.fileformat import dumps, loads
from orgdesigner.rules import evaluate
from orgdesigner.templates import TEMPLATES


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.name)
def test_template_has_no_warnings(template) -> None:  # type: ignore[no-untyped-def]
    model = template.build()
    warnings = [f for f in evaluate(model) if f.severity == "warning"]
    assert warnings == [], [f.message_de for f in warnings]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.name)
def test_template_is_neutral_and_names_its_inspiration(template) -> None:  # type: ignore[no-untyped-def]
    model = template.build()
    assert model.meta.municipality.startswith(("Muster", "Landkreis Muster"))
    # "Angeregt durch <Kommune>" for a named example of the guide; "Angelehnt an" for the
    # one template that follows the guide's most frequent form instead of one municipality
    phrase = "Angelehnt an" if template.name == "stabsstelle" else "Angeregt durch"
    assert phrase in model.meta.description
    assert "Kap." in template.inspired("de")
    assert loads(dumps(model)) == model  # saves and loads back equal


def test_templates_cover_the_guide_cases() -> None:
    forms = {t.name: {n.form for n in t.build().nodes} for t in TEMPLATES}
    assert {"staff_unit", "project_group"} <= forms["stabsstelle"]
    assert {"office", "digital_pilots"} <= forms["amt-lotsen"]
    assert {"staff_unit", "outsourced_entity"} <= forms["stabsstelle-agentur"]
    assert {"matrix_team", "municipal_company", "steering_committee"} <= forms["matrix"]
    region = next(t for t in TEMPLATES if t.name == "smarte-region").build()
    assert region.meta.scope == "regional" and region.meta.municipality_kind == "district"
    assert any(e.type == "cooperates" and e.contract for e in region.edges)
    pilot = next(t for t in TEMPLATES if t.name == "kleine-gemeinde").build()
    assert pilot.meta.phase == "pilot"


def test_rules_json_lists_33_rules_and_all_bullets(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert len(doc["rules"]) == 33
    assert len({r["id"] for r in doc["rules"]}) == 33
    for r in doc["rules"]:
        assert r["description"] and r["citation"].startswith("Kap.")
    forms = {f["id"]: f for f in doc["forms"]}
    assert len(forms) == 23
    for form_id, pc in guide().pros_cons.items():
        assert forms[form_id]["kind"] == "table"
        assert forms[form_id]["pros"] == [b.de for b in pc.pros]
        assert forms[form_id]["cons"] == [b.de for b in pc.cons]
        assert f"Tabelle {pc.table}" in forms[form_id]["source"]
    assert sum(f["kind"] == "summary" for f in forms.values()) == 16
