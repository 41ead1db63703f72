"""Small helpers the tests of several layers share."""

from __future__ import annotations

from typing import Any

from orgdesigner import layout
from orgdesigner.model import OrgModel


def laid_out(model: OrgModel, **options: Any) -> OrgModel:
    """``model`` with the positions auto-layout gives it (``one_row=True``: every band in
    one row, too wide for an A4 page for the example model)."""
    model = model.model_copy(deep=True)
    for node_id, (x, y) in layout.auto_layout(model, **options).items():
        i = model.node_index(node_id)
        model.nodes[i] = model.nodes[i].model_copy(update={"x": x, "y": y})
    return model


def proposal() -> tuple[OrgModel, OrgModel]:
    """The stabsstelle template and a proposal made from a copy of it, shared by the
    comparison tests (the new unit placed in its band): the Stabsstelle becomes an Amt, a project group is removed, an ethics board is added
    with its relation, the expert board advises the steering committee instead of the
    mayor."""
    import json

    from orgdesigner.templates import available

    old = available()["stabsstelle"].build()
    data = json.loads(old.model_dump_json())
    for n in data["nodes"]:
        if n["id"] == "stab":
            n.update(form="office", label="Amt für Digitalisierung")
    data["nodes"] = [n for n in data["nodes"] if n["id"] != "pg3"]
    data["edges"] = [e for e in data["edges"] if "pg3" not in (e["source"], e["target"])]
    data["nodes"].append({"id": "eth", "level": "advisory", "form": "ethics_board",
                          "label": "Ethikbeirat Daten", "x": 460, "y": 652})  # fmt: skip
    data["edges"].append({"id": "e30", "type": "advises", "source": "eth", "target": "ob"})
    for e in data["edges"]:
        if e["id"] == "e19":  # beirat → ob becomes beirat → lk
            e["target"] = "lk"
    return old, OrgModel.model_validate(data)
