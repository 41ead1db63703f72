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
