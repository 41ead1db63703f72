"""Templates built as the guide recommends produce no warnings; `rules` lists everything."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from orgdesigner import fileformat
from orgdesigner.catalog import guide
from orgdesigner.cli import main
from orgdesigner.errors import ModelFileError
from orgdesigner.fileformat import dumps, loads
from orgdesigner.paths import resource
from orgdesigner.rules import evaluate
from orgdesigner.templates import TEMPLATES, TemplateError, example_model, load_templates


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


def test_templates_are_the_shipped_model_files() -> None:
    """Every file in resources/templates/ is a listed template and the other way round."""
    folder = resource("templates")
    assert {t.path.name for t in TEMPLATES} == {p.name for p in folder.glob("*.orgmodel.json")}
    assert [t.name for t in load_templates(folder)] == [t.name for t in TEMPLATES]
    assert example_model() == fileformat.load(TEMPLATES[0].path)


def test_a_template_copy_can_be_changed_without_changing_the_template() -> None:
    model = example_model()
    model.meta = model.meta.model_copy(update={"title": "geändert"})
    model.nodes.pop()
    assert example_model().meta.title != "geändert"
    assert len(example_model().nodes) == len(model.nodes) + 1


def test_a_broken_template_list_or_file_is_reported_with_its_file(tmp_path: Path) -> None:
    shutil.copytree(resource("templates"), tmp_path / "t")
    index = tmp_path / "t" / "templates.json"
    good = index.read_text(encoding="utf-8")
    index.write_text(good.replace('"name": "matrix"', '"name": "Matrix!"'), encoding="utf-8")
    with pytest.raises(TemplateError, match=r"templates\.json"):
        load_templates(tmp_path / "t")
    index.write_text(good, encoding="utf-8")
    broken = tmp_path / "t" / "matrix.orgmodel.json"
    broken.write_text(broken.read_text(encoding="utf-8").replace('"implementation"', '"galactic"', 1),
                      encoding="utf-8")  # fmt: skip
    with pytest.raises(ModelFileError) as caught:
        load_templates(tmp_path / "t")
    assert caught.value.path == broken
