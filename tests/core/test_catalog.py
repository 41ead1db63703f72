"""The catalog is the DOMAIN.md contract; a broken catalog fails here, never for a user."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from orgdesigner.catalog import FORM_LEVEL, Catalog, catalog, guide
from orgdesigner.paths import resource

LEVELS = ["political", "strategic", "coordination", "implementation", "advisory"]
FORMS = {
    "political": ["council", "committee", "informal_round"],
    "strategic": ["administration_head", "steering_committee", "operational_steering", "cdo"],
    "coordination": [
        "coordination_lead",
        "staff_unit",
        "office",
        "outsourced_entity",
        "extended_circle",
    ],
    "implementation": [
        "line_departments",
        "matrix_team",
        "project_group",
        "municipal_company",
        "digital_pilots",
        "external_provider",
        "external_partner",
        "member_municipality",
    ],
    "advisory": ["expert_board", "ethics_board", "network_board", "participation_board"],
}
RELATIONS = [
    "mandates",
    "reports_to",
    "instructs",
    "supervises",
    "coordinates",
    "advises",
    "delegates",
    "cooperates",
    "liaison",
    "informs",
]


def test_contract_ids() -> None:
    cat = catalog()
    assert [lv.id for lv in sorted(cat.levels, key=lambda lv: lv.order)] == LEVELS
    assert len(cat.forms) == 24
    for level, forms in FORMS.items():
        assert [f.id for f in cat.forms_of(level)] == forms
    assert [r.id for r in cat.relations] == RELATIONS


def test_form_level_table_matches_catalog() -> None:
    assert {f.id: f.level for f in catalog().forms} == FORM_LEVEL


def test_every_entry_has_both_languages_and_a_citation() -> None:
    cat = catalog()
    for item in (*cat.levels, *cat.forms, *cat.relations):
        assert item.label.de and item.label.en
        assert item.description.de != item.description.en
        assert len(item.citation) >= 1
        assert all(c.page >= 10 for c in item.citation)
        assert item.citation.format("de").startswith("Kap. ")


def test_table_forms_cite_their_table() -> None:
    tables = {
        "staff_unit": 2,
        "office": 3,
        "outsourced_entity": 4,
        "line_departments": 5,
        "matrix_team": 6,
        "project_group": 7,
        "municipal_company": 8,
    }
    for form_id, table in tables.items():
        assert [c.table for c in catalog().form(form_id).citation] == [table]
        assert guide().pros_cons[form_id].table == table  # type: ignore[index]


def _raw() -> dict:  # type: ignore[type-arg]
    return json.loads(resource("catalog", "catalog.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: d["forms"].pop(),
        lambda d: d["levels"][0].update(id="politics"),
        lambda d: d["relations"][0]["label"].pop("en"),
        lambda d: d["forms"][0]["citation"][0].update(page=0),
        lambda d: d["forms"][0].update(colour="red"),
    ],
    ids=["missing-form", "renamed-level", "missing-english", "bad-page", "unknown-key"],
)
def test_broken_catalog_is_rejected(breakage) -> None:  # type: ignore[no-untyped-def]
    data = _raw()
    breakage(data)
    with pytest.raises(ValidationError):
        Catalog.model_validate(data)
