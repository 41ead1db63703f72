"""Align and distribute units without ever making them overlap, and find a free place.

The functions return proposed top-left positions; the caller records them through
:func:`orgdesigner.layout.settle` (which keeps the bands stacked), as every edit does.
A unit that would land on another one (selected or not) is moved the least possible
distance to a free spot in its own band: sideways in its row or into a neighbouring
row, keeping the normal gaps (:data:`~orgdesigner.layout.H_GAP` beside,
:data:`~orgdesigner.layout.V_GAP` above and below). Only units of the same level can
collide: the bands never overlap.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from orgdesigner import layout
from orgdesigner.layout import H_GAP, NODE_LEFT, PAD, V_GAP, Position
from orgdesigner.model import Node, OrgModel

VERTICAL_FIRST = 3.0
"""When aligning on a vertical line, a sideways step costs this many times a step into
another row: units that collide stack in a column rather than leave the line."""

AlignMode = Literal["left", "right", "hcenter", "top"]
ALIGN_MODES: tuple[AlignMode, ...] = ("left", "right", "hcenter", "top")


@dataclass(frozen=True)
class _Box:
    x: float
    y: float
    w: float
    h: float


def _overlap(a: _Box, b: _Box) -> bool:
    """Whether the boxes overlap (touching edges do not)."""
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


def _free_x(x: float, y: float, w: float, h: float, obstacles: Sequence[_Box],
            min_x: float, only_right: bool = False) -> float:  # fmt: skip
    """The ``x`` nearest to ``x`` (not below ``min_x``) where a ``w`` × ``h`` box at ``y``
    keeps ``H_GAP`` from every obstacle beside it in that row."""
    blocked: list[tuple[float, float]] = []
    for o in obstacles:
        if o.y < y + h + V_GAP and y - V_GAP < o.y + o.h:
            blocked.append((o.x - H_GAP - w, o.x + o.w + H_GAP))
    blocked.sort()
    merged: list[list[float]] = []
    for lo, hi in blocked:
        if merged and lo < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    start = max(x, min_x)
    candidates = [start]
    for lo, hi in merged:
        if lo < start < hi:
            candidates = [hi]
            if not only_right and lo >= min_x:
                candidates.append(lo)
            break
    return min(candidates, key=lambda c: (abs(c - x), c))


def _rows_of(obstacles: Iterable[_Box]) -> list[float]:
    return sorted({o.y for o in obstacles})


def _place(box: _Box, obstacles: Sequence[_Box], band: layout.Band, *, sideways_only: bool,
           min_x: float = NODE_LEFT, only_right: bool = False, x_weight: float = 1.0) -> Position:  # fmt: skip
    """The free spot nearest to ``box`` in its band (Manhattan distance, a sideways step
    counting ``x_weight`` times)."""
    top = band.top + PAD
    y0 = max(box.y, top)
    if box.x >= min_x and not any(_overlap(_Box(box.x, y0, box.w, box.h), o) for o in obstacles):
        return box.x, y0
    ys = [y0]
    if not sideways_only:
        rows = [r for r in _rows_of(obstacles) if r >= top]
        lowest = max((o.y + o.h for o in obstacles), default=top - V_GAP)
        ys += [*rows, max(top, lowest + V_GAP)]
        # just above or below each obstacle the box collides with
        for o in obstacles:
            if _overlap(_Box(box.x, y0, box.w, box.h), o):
                ys += [o.y + o.h + V_GAP, o.y - V_GAP - box.h]
    best: tuple[float, Position] | None = None
    for y in dict.fromkeys(ys):
        if y < top:
            continue
        x = _free_x(box.x, y, box.w, box.h, obstacles, min_x, only_right)
        cost = x_weight * abs(x - box.x) + abs(y - box.y)
        if best is None or cost < best[0]:
            best = (cost, (x, y))
    assert best is not None  # the row below the band's lowest unit is always free
    return best[1]


def _box(n: Node, x: float | None = None, y: float | None = None) -> _Box:
    return _Box(n.x if x is None else x, n.y if y is None else y, n.width, n.height)


def _resolve(model: OrgModel, proposed: dict[str, Position], order: Sequence[str], *,
             sideways_only: bool, keep_order: bool = False,
             x_weight: float = 1.0) -> dict[str, Position]:  # fmt: skip
    """Place the units of ``order`` one after another at the free spot nearest to their
    proposed position; the other units stay where they are."""
    bands = layout.band_rects(model)
    moving = set(order)
    placed: dict[str, list[_Box]] = {}
    for n in model.nodes:
        if n.id not in moving:
            placed.setdefault(n.level, []).append(_box(n))
    out: dict[str, Position] = {}
    min_x = NODE_LEFT
    for node_id in order:
        n = model.node(node_id)
        x, y = proposed[node_id]
        obstacles = placed.setdefault(n.level, [])
        pos = _place(_box(n, max(x, NODE_LEFT), y), obstacles, bands[n.level],
                     sideways_only=sideways_only, min_x=min_x, only_right=keep_order,
                     x_weight=x_weight)  # fmt: skip
        out[node_id] = pos
        obstacles.append(_box(n, *pos))
        if keep_order:
            min_x = pos[0] + n.width + H_GAP
    return out


def align(model: OrgModel, ids: Iterable[str], how: AlignMode) -> dict[str, Position]:
    """Proposed positions of the units ``ids`` aligned ``how``; none overlaps another unit.

    ``left``/``right``/``hcenter`` line their left edges, right edges or centres up with
    the leftmost, rightmost or mean; ``top`` puts each unit in the top row of its band.
    Units that would collide are moved the least: for a vertical line into the row above
    or below or sideways, for ``top`` sideways in the row.
    """
    nodes = [model.node(i) for i in dict.fromkeys(ids)]
    if len(nodes) < 2:
        return {}
    bands = layout.band_rects(model)
    if how == "left":
        x0 = min(n.x for n in nodes)
        proposed = {n.id: (x0, n.y) for n in nodes}
    elif how == "right":
        x1 = max(n.x + n.width for n in nodes)
        proposed = {n.id: (x1 - n.width, n.y) for n in nodes}
    elif how == "hcenter":
        c = sum(n.x + n.width / 2 for n in nodes) / len(nodes)
        proposed = {n.id: (c - n.width / 2, n.y) for n in nodes}
    elif how == "top":
        proposed = {n.id: (n.x, bands[n.level].top + PAD) for n in nodes}
    else:
        raise ValueError(f"unknown alignment {how!r}")
    if how == "top":
        order = sorted(proposed, key=lambda i: (proposed[i][0], i))
    else:  # the one in the top row keeps the line, the others stack below it
        order = [n.id for n in sorted(nodes, key=lambda n: (n.y, n.x, n.id))]
    # a vertical line is the point of left/right/centre: stacking beats stepping aside
    return _resolve(model, proposed, order, sideways_only=how == "top", x_weight=VERTICAL_FIRST)


def distribute(model: OrgModel, ids: Iterable[str]) -> dict[str, Position]:
    """Proposed positions spacing the units ``ids`` evenly from left to right.

    The left-to-right order is kept and neighbours are at least ``H_GAP`` apart: when the
    span from the leftmost to the rightmost is too short for that, the units to the right
    move further right. None lands on a unit that is not selected (it moves right past it).
    """
    nodes = sorted((model.node(i) for i in dict.fromkeys(ids)), key=lambda n: (n.x, n.y, n.id))
    if len(nodes) < 3:
        return {}
    first, last = nodes[0], nodes[-1]
    total = sum(n.width for n in nodes)
    gap = max(H_GAP, (last.x + last.width - first.x - total) / (len(nodes) - 1))
    x = max(first.x, NODE_LEFT)
    proposed: dict[str, Position] = {}
    for n in nodes:
        proposed[n.id] = (x, n.y)
        x += n.width + gap
    return _resolve(model, proposed, [n.id for n in nodes], sideways_only=True, keep_order=True)


def free_place(model: OrgModel, level: str, width: float, height: float,
               near: Position | None = None) -> Position:  # fmt: skip
    """A top-left position in ``level``'s band where a ``width`` × ``height`` unit overlaps
    no other unit: the free spot nearest to ``near`` (default: the band's first row, left).

    ``near`` outside the band is taken to the band's nearest row first.
    """
    band = layout.band_rects(model)[level]
    others = [_box(n) for n in model.nodes if n.level == level]
    x, y = (float(near[0]), float(near[1])) if near is not None else (NODE_LEFT, band.top + PAD)
    y = layout.clamp_y(band, height, y, grow=False)
    rows = _rows_of(others)
    if rows:  # snap to the nearest existing row of the band, so the unit lines up
        y = min(rows, key=lambda r: (abs(r - y), r))
    return _place(_Box(max(x, NODE_LEFT), y, width, height), others, band, sideways_only=False)
