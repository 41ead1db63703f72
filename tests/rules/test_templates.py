"""Templates built as the guide recommends produce no warnings; `rules` lists everything."""

from __future__ import annotations

import json
import re
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
def test_template_has_no_warnings_and_no_hints(template) -> None:  # type: ignore[no-untyped-def]
    """No warning, and no hint but one: a template without an advisory board (the level is
    optional, 4.4) is told that no unit gives external impulses."""
    model = template.build()
    flagged = [f for f in evaluate(model) if f.severity in ("warning", "hint")]
    boards = [n for n in model.nodes if n.level == "advisory"]
    expected = [] if boards else [("function-uncovered", "hint", {"function": "external_input"})]
    assert [(f.rule_id, f.severity, dict(f.details)) for f in flagged] == expected, [
        f.message_de for f in flagged
    ]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.name)
def test_template_cites_its_pages_and_marks_what_is_invented(template) -> None:  # type: ignore[no-untyped-def]
    """Each description names the guide pages its facts come from (pages of the guide's
    chapters 2 to 5, S. 10–63) and says that names and head counts are illustrative."""
    description = template.build().meta.description
    pages = [int(p) for p in re.findall(r"S\. (\d+)", description)]
    assert pages, description
    assert all(10 <= p <= 63 for p in pages), pages
    assert re.findall(r"S\. (\d+)", template.inspired("de")), template.inspired("de")
    assert re.findall(r"p\. (\d+)", template.inspired("en")), template.inspired("en")
    assert "zur Veranschaulichung erfunden" in description


def _template(name: str):  # type: ignore[no-untyped-def]
    return next(t for t in TEMPLATES if t.name == name).build()


def test_templates_tell_their_model_municipality_as_the_guide_does() -> None:
    # Eichenzell (S. 49): a Smart-City-Büro with a team, separate from the town hall
    small = _template("kleine-gemeinde")
    (buero,) = [n for n in small.nodes if n.form == "staff_unit"]
    assert "Smart-City-Büro" in buero.label and (buero.persons or 0) >= 2
    assert not any("Hauptamt" in n.label for n in small.nodes)
    # Mayen-Koblenz (S. 20, S. 51): the mayors' body is strategic, one pilot per Teilregion
    # with Jour Fixes for its member municipalities, and a CDO on the strategic level
    region = _template("smarte-region")
    levels = {n.label: n.level for n in region.nodes}
    assert levels["Bürgermeisterkonferenz"] == "strategic"
    assert not [n for n in region.nodes if n.form == "informal_round"]
    pilots = [n for n in region.nodes if n.form == "digital_pilots"]
    members = [n for n in region.nodes if n.form == "member_municipality"]
    assert len(pilots) == len(members) >= 2
    jour_fixe = [e for e in region.edges if e.type == "informs" and "Jour fixe" in e.label]
    assert {(e.source, e.target) for e in jour_fixe} == {
        (p.id, m.id) for p, m in zip(pilots, members, strict=True)
    }
    assert [n.level for n in region.nodes if n.form == "cdo"] == ["strategic"]
    # Kaiserslautern: no „Chief Digital Officer“ on the coordination level (4.2)
    agency = _template("stabsstelle-agentur")
    assert not [n for n in agency.nodes if n.level == "coordination"
                and "Chief Digital Officer" in (n.label + (n.lead or ""))]  # fmt: skip
    # Solingen's board is a Fachbeirat (S. 39)
    matrix = _template("matrix")
    assert [n.form for n in matrix.nodes if n.level == "advisory"] == ["expert_board"]


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


def test_rules_json_lists_38_rules_and_all_bullets(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert len(doc["rules"]) == 38
    assert len({r["id"] for r in doc["rules"]}) == 38
    for r in doc["rules"]:
        assert r["description"] and r["citation"].startswith("Kap.")
        assert r["citation"] == "; ".join(c["text"] for c in r["citations"])
    forms = {f["id"]: f for f in doc["forms"]}
    assert len(forms) == 24
    for form_id, pc in guide().pros_cons.items():
        assert forms[form_id]["kind"] == "table"
        assert forms[form_id]["pros"] == [b.de for b in pc.pros]
        assert forms[form_id]["cons"] == [b.de for b in pc.cons]
        assert f"Tabelle {pc.table}" in forms[form_id]["source"]
    assert sum(f["kind"] == "summary" for f in forms.values()) == 17


def test_templates_are_the_shipped_model_files() -> None:
    """Every file in resources/templates/ is a listed template and the other way round."""
    folder = resource("templates")
    assert {t.path.name for t in TEMPLATES} == {p.name for p in folder.glob("*.orgmodel")}
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
    broken = tmp_path / "t" / "matrix.orgmodel"
    broken.write_text(broken.read_text(encoding="utf-8").replace('"implementation"', '"galactic"', 1),
                      encoding="utf-8")  # fmt: skip
    with pytest.raises(ModelFileError) as caught:
        load_templates(tmp_path / "t")
    assert caught.value.path == broken
