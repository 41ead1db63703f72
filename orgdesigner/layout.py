"""Geometry of the drawing, without Qt: level bands, keeping nodes in them, auto-layout.

The canvas and the PDF export both draw from these functions, so both show the same
bands. Model coordinates: a node's ``x``/``y`` is the top-left corner of its box in scene
units (1 unit = 1 pt at 100 %).

Bands are stacked top to bottom in the order of the levels (DOMAIN.md §1). A band is at
least :data:`~orgdesigner.style.BAND_HEIGHT` high and grows to hold its nodes.
:func:`settle` is what edits use to keep that picture tidy: every level's nodes are
shifted as a group so that the topmost sits :data:`~orgdesigner.style.BAND_PADDING` below
its band's top; a band that grows pushes the bands below down with their nodes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from orgdesigner import style
from orgdesigner.catalog import LEVEL_IDS
from orgdesigner.model import DEFAULT_NODE_HEIGHT, Node, OrgModel

Position = tuple[float, float]

PAD = (style.BAND_HEIGHT - DEFAULT_NODE_HEIGHT) / 2
"""Space between a band's top edge and its topmost node, and below its lowest node: a
band with one row of nodes of the default height holds them centred."""
NODE_LEFT = style.BAND_LABEL_WIDTH + 20.0
"""Smallest ``x`` of a node: the band labels on the left stay readable."""
MIN_BAND_WIDTH = 560.0
H_GAP = 35.0
"""Horizontal gap between two nodes placed by auto-layout."""
V_GAP = 20.0
"""Vertical gap between two rows of one band."""


@dataclass(frozen=True)
class Band:
    level: str
    top: float
    height: float

    @property
    def bottom(self) -> float:
        return self.top + self.height


def band_rects(
    model: OrgModel | Iterable[Node], positions: Mapping[str, Position] | None = None
) -> dict[str, Band]:
    """Return the band of every level, in level order, from the nodes' geometry.

    ``positions`` overrides the position of some nodes (a proposed edit).
    """
    nodes = model.nodes if isinstance(model, OrgModel) else list(model)
    pos = positions or {}
    bottoms: dict[str, float] = {}
    for n in nodes:
        y = pos[n.id][1] if n.id in pos else n.y
        bottoms[n.level] = max(bottoms.get(n.level, float("-inf")), y + n.height)
    bands: dict[str, Band] = {}
    top = 0.0
    for level in LEVEL_IDS:
        height = style.BAND_HEIGHT
        if level in bottoms:
            height = max(height, bottoms[level] + PAD - top)
        bands[level] = Band(level, top, height)
        top += height + style.BAND_GAP
    return bands


def band_width(model: OrgModel | Iterable[Node]) -> float:
    """Width of all bands: wide enough for the rightmost node."""
    nodes = model.nodes if isinstance(model, OrgModel) else list(model)
    right = max((n.x + n.width for n in nodes), default=0.0)
    return max(MIN_BAND_WIDTH, right + PAD * 2)


def y_range(band: Band, node_height: float, grow: bool = True) -> tuple[float, float]:
    """Allowed ``y`` of a node's top in ``band``; with ``grow`` one extra row below."""
    low = band.top + PAD
    high = band.bottom - PAD - node_height
    if grow:
        high += node_height + V_GAP
    return low, max(low, high)


def clamp_y(band: Band, node_height: float, y: float, grow: bool = True) -> float:
    """Return ``y`` moved into the band (see :func:`y_range`)."""
    low, high = y_range(band, node_height, grow)
    return min(max(y, low), high)


def clamp_x(x: float) -> float:
    return max(x, NODE_LEFT)


def settle(model: OrgModel, proposed: Mapping[str, Position]) -> dict[str, Position]:
    """Return the positions to record for an edit that proposes ``proposed`` positions.

    The proposed nodes are kept out of the label column; then, band by band from the top,
    every level's nodes are shifted as a group so that the topmost sits ``PAD`` below its
    band's top (a grown band pushes the lower bands down, an emptied row lets them move
    up). The result holds every node whose position differs from the model, including
    the proposed ones.
    """
    pos: dict[str, Position] = {n.id: (n.x, n.y) for n in model.nodes}
    for node_id, (x, y) in proposed.items():
        pos[node_id] = (clamp_x(x), y)
    by_level: dict[str, list[Node]] = {}
    for n in model.nodes:
        by_level.setdefault(n.level, []).append(n)
    top = 0.0
    for level in LEVEL_IDS:
        members = by_level.get(level, [])
        height = style.BAND_HEIGHT
        if members:
            first = min(pos[n.id][1] for n in members)
            shift = top + PAD - first
            if shift:
                for n in members:
                    x, y = pos[n.id]
                    pos[n.id] = (x, y + shift)
            bottom = max(pos[n.id][1] + n.height for n in members)
            height = max(height, bottom + PAD - top)
        top += height + style.BAND_GAP
    return {
        n.id: pos[n.id]
        for n in model.nodes
        if pos[n.id] != (n.x, n.y) or n.id in proposed
    }


def place_new(model: OrgModel, level: str, x: float, y: float, height: float) -> Position:
    """Where a new node of ``level`` goes when dropped with its top-left at ``(x, y)``."""
    band = band_rects(model)[level]
    return clamp_x(x), clamp_y(band, height, y, grow=True)


def auto_layout(model: OrgModel, *, keep_order: bool = False, one_row: bool = False,
                target_width: float | None = None) -> dict[str, Position]:  # fmt: skip
    """Return tidy positions for all nodes; only the ones that change are included.

    The algorithm lives in :func:`orgdesigner.drawing.autolayout.auto_layout` (ordering
    with few crossings inside the fixed bands, sub-rows, coordinates); this is its old
    address.
    """
    from orgdesigner.drawing import autolayout

    return autolayout.auto_layout(model, keep_order=keep_order, one_row=one_row,
                                  target_width=target_width)  # fmt: skip
