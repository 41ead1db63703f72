"""The proposed relation type (DOMAIN.md §3): first matching row wins; a member municipality
is proposed the relations of a line department (DOMAIN.md §2)."""

from __future__ import annotations

import pytest

from orgdesigner.catalog import FORM_LEVEL
from orgdesigner.model import Node
from orgdesigner.relations import propose_relation


def _n(form: str) -> Node:
    return Node(id=form, level=FORM_LEVEL[form], form=form, label=form)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("expert_board", "council", "advises"),
        ("council", "ethics_board", "informs"),
        ("external_partner", "project_group", "cooperates"),
        ("member_municipality", "external_provider", "cooperates"),
        ("municipal_company", "staff_unit", "liaison"),
        ("office", "outsourced_entity", "liaison"),
        ("project_group", "staff_unit", "reports_to"),
        ("member_municipality", "staff_unit", "reports_to"),
        ("council", "administration_head", "mandates"),
        ("steering_committee", "member_municipality", "instructs"),
        ("staff_unit", "member_municipality", "coordinates"),
        ("line_departments", "project_group", "delegates"),
        ("member_municipality", "project_group", "delegates"),
        ("member_municipality", "digital_pilots", "delegates"),
        ("municipal_company", "matrix_team", "delegates"),
        ("member_municipality", "line_departments", "cooperates"),
        ("project_group", "line_departments", "cooperates"),
    ],
)
def test_the_proposal_follows_the_table(source: str, target: str, expected: str) -> None:
    assert propose_relation(_n(source), _n(target)) == expected


def test_a_member_municipality_is_proposed_what_a_department_is() -> None:
    for target in FORM_LEVEL:
        assert propose_relation(_n("member_municipality"), _n(target)) == propose_relation(
            _n("line_departments"), _n(target)
        ), target
