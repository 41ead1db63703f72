"""The relation type the program proposes when a user connects two nodes (DOMAIN.md §3)."""

from __future__ import annotations

from orgdesigner.catalog import EXTERNAL_FORMS, LEVEL_RANK, RelationId
from orgdesigner.model import Node

_OUTSOURCED = {"outsourced_entity", "municipal_company"}
_IN_ADMIN = {"staff_unit", "office"}
_SENDS_STAFF = {"line_departments", "municipal_company", "member_municipality"}
_RECEIVES_STAFF = {"project_group", "matrix_team", "digital_pilots"}


def propose_relation(source: Node, target: Node) -> RelationId:
    """Return the most plausible relation type from ``source`` to ``target``.

    The first matching row of DOMAIN.md §3 wins; the user can change the type.
    """
    if source.level == "advisory":
        return "advises"
    if target.level == "advisory":
        return "informs"
    if source.form in EXTERNAL_FORMS or target.form in EXTERNAL_FORMS:
        return "cooperates"
    if (source.form in _OUTSOURCED and target.form in _IN_ADMIN) or (
        source.form in _IN_ADMIN and target.form in _OUTSOURCED
    ):
        return "liaison"
    src, dst = LEVEL_RANK[source.level], LEVEL_RANK[target.level]
    if src > dst:
        return "reports_to"
    if source.level == "political" and dst > src:
        return "mandates"
    if source.level == "strategic" and target.level in ("coordination", "implementation"):
        return "instructs"
    if source.level == "coordination" and target.level == "implementation":
        return "coordinates"
    if source.form in _SENDS_STAFF and target.form in _RECEIVES_STAFF:
        return "delegates"
    return "cooperates"
