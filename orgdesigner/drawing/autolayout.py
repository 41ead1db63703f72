"""Auto-layout inside the fixed level bands (Sugiyama-style), without Qt.

A unit never changes its level: every level is one layer, and the bands stay in level
order top to bottom. The layout runs in four steps:

1. **Ordering** (few crossings): relations are undirected for this; a relation that skips
   bands gets a virtual node in every band in between, so long relations are ordered too.
   Layer-by-layer barycentre sweeps down and up, then adjacent transpositions that count
   the crossings between neighbouring layers exactly, until nothing improves. The total
   (counted with the Barth–Jünger–Mutzel accumulator tree) decides which ordering is kept;
   the user's current left-to-right order is the first candidate and breaks every tie, so
   a tidy drawing stays as it is. Relations inside one band count as crossings with the
   long relations passing between their ends, and their span (units in between) is kept
   short, so they connect near neighbours.
2. **Sub-rows**: a band wider than the target width wraps into sub-rows. The default target
   width is the one at which the whole chart prints largest on an A4 page
   (:data:`A4_PORTRAIT_AREA`, :data:`A4_LANDSCAPE_AREA`); among the splits that print as
   large, the one with the fewest drawn crossings is kept. Candidates: the band's order in
   columns (unit *i* of *k* rows goes to row ``i mod k``, so a wrapped band still reads left
   to right like the ordering), the same with the units related to the bands above at the
   top of each column, and contiguous chunks; small models then let units of the same size
   swap places while that saves crossings.
3. **Coordinates**: passes down and up over the rows; in each row every unit wants to be
   centred over its related units in the row above (below), long relations pass through
   virtual points that want to lie on the straight line, and the row is solved exactly as a
   weighted least-squares problem under "keep the order, keep ``H_GAP``" (pool adjacent
   violators). So chains stay straight and a unit is centred over the units it leads.
4. **Rows in bands**: the same band geometry as :mod:`orgdesigner.layout` (the topmost row
   ``PAD`` below the band's top, ``V_GAP`` between rows).

Every loop has a fixed cap, so hostile files (thousands of relations between two units,
units far outside their bands) take bounded time.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from orgdesigner import layout, style
from orgdesigner.catalog import LEVEL_IDS
from orgdesigner.drawing import page
from orgdesigner.export.fonts import MEASURE
from orgdesigner.layout import H_GAP, NODE_LEFT, PAD, V_GAP, Position
from orgdesigner.model import OrgModel

A4_PORTRAIT_AREA = page.chart_area("a4", False, MEASURE)
"""Chart area of an A4 portrait page in pt: the page less margins, title block, a legend of
three rows and the footer, as the page plan (:mod:`orgdesigner.drawing.page`) has it."""
A4_LANDSCAPE_AREA = page.chart_area("a4", True, MEASURE)
"""Chart area of an A4 landscape page in pt (as :data:`A4_PORTRAIT_AREA`)."""

MAX_SWEEPS = 24
"""Down-and-up barycentre sweep pairs of the ordering, per start ordering."""
STALE_SWEEPS = 2
"""The search from one start ordering stops after this many sweeps without improvement."""
MAX_TRANSPOSE_ROUNDS = 12
"""Rounds of adjacent transpositions over all layers (each stops early when nothing improves)."""
COORDINATE_PASSES = 8
"""Down/up passes of the coordinate assignment (fewer for very large drawings)."""
WORK = 12_000
"""Rough budget of unit visits of the coordinate passes: with more units and virtual
points, fewer passes (the 1,000-unit model then stays well under a second)."""
ORDER_WORK = 8_000
"""The same for the ordering's sweeps (each followed by transpositions)."""
MAX_SUBROW_SPAN = 4
"""In the coordinates of wrapped bands, relations inside one band that span more sub-rows
than this are left out (they cannot be drawn straight anyway)."""
MAX_PAIRS = 20_000
"""Distinct related pairs taken into account (the heaviest); more only in hostile files."""
MEASURED_PAIRS = 160
"""Up to this many related pairs, the sub-row split is chosen by counting the drawn
crossings of each candidate (columns by relation direction, plain columns, contiguous
chunks); above it the first is used: it crossed least on every generated benchmark model
(e.g. 10,151 against 12,965 for plain columns and 16,840 for chunks at 300 units)."""

MAX_MEASURED_SPLITS = 24
"""At most this many sub-row splits of the best scale are laid out and counted."""

SWAPPED_PAIRS = 48
"""Up to this many related pairs, units of a wrapped layout swap places where that
lowers the drawn crossings (at most :data:`MAX_SLOT_SWAPS` trials)."""
MAX_SLOT_SWAPS = 600

_CROSS = 1 << 24
"""Weight of a crossing against one unit of same-band span in the ordering's cost."""


@dataclass
class _Graph:
    ids: list[str]
    layer: list[int]
    width: list[float]
    height: list[float]
    x: list[float]
    y: list[float]
    pairs: dict[tuple[int, int], int]
    """undirected related pairs ``(a, b)`` with ``a < b`` → number of relations"""

    @property
    def n(self) -> int:
        return len(self.ids)


def _graph(model: OrgModel) -> _Graph:
    index = {n.id: i for i, n in enumerate(model.nodes)}
    layer_of = {lv: k for k, lv in enumerate(LEVEL_IDS)}
    pairs: dict[tuple[int, int], int] = {}
    for e in model.edges:
        a, b = index.get(e.source), index.get(e.target)
        if a is None or b is None or a == b:
            continue
        key = (a, b) if a < b else (b, a)
        pairs[key] = pairs.get(key, 0) + 1
    if len(pairs) > MAX_PAIRS:
        heaviest = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_PAIRS]
        pairs = dict(heaviest)
    nodes = model.nodes
    return _Graph(
        ids=[n.id for n in nodes],
        layer=[layer_of.get(n.level, 0) for n in nodes],
        width=[n.width for n in nodes],
        height=[n.height for n in nodes],
        x=[n.x for n in nodes],
        y=[n.y for n in nodes],
        pairs=pairs,
    )


# ---------------------------------------------------------------------------
# reading the user's drawing
# ---------------------------------------------------------------------------
def _user_rows(g: _Graph, members: list[int]) -> list[list[int]]:
    """A band's current rows (top to bottom), each left to right."""
    rows: list[list[int]] = []
    row_top = row_half = 0.0
    for v in sorted(members, key=lambda v: (g.y[v], g.x[v], v)):
        if rows and g.y[v] < row_top + row_half:
            rows[-1].append(v)
        else:
            rows.append([v])
            row_top, row_half = g.y[v], g.height[v] / 2
    return [sorted(r, key=lambda v: (g.x[v], v)) for r in rows]


def _user_order(g: _Graph, members: list[int]) -> list[int]:
    """A band's current left-to-right order (by box centre; rows by height)."""
    return sorted(members, key=lambda v: (g.x[v] + g.width[v] / 2, g.y[v], v))


# ---------------------------------------------------------------------------
# 1. ordering
# ---------------------------------------------------------------------------
class _Layered:
    """Layers of real and virtual nodes with the links between neighbouring layers."""

    def __init__(self, n_real: int, layer: list[int], n_layers: int,
                 heights: Sequence[float] | None = None, node_y: Sequence[float] | None = None) -> None:  # fmt: skip
        self.n_real = n_real
        self.layer = list(layer)
        self.up: list[list[tuple[int, int]]] = [[] for _ in range(n_real)]
        self.down: list[list[tuple[int, int]]] = [[] for _ in range(n_real)]
        self.flat: list[list[tuple[int, int]]] = [[] for _ in range(n_real)]
        self.key: list[float] = [0.0] * n_real
        self.chains: list[tuple[int, int, list[int], int]] = []
        """long relations: (upper end, lower end, virtual nodes top to bottom, weight)"""
        self.n_layers = n_layers
        self.heights = heights
        """``y`` of each layer and of each real node's centre: a virtual node starts where
        the straight line between the relation's ends passes its layer"""
        self.node_y = node_y

    def add_virtual(self, layer: int, key: float) -> int:
        self.layer.append(layer)
        self.up.append([])
        self.down.append([])
        self.flat.append([])
        self.key.append(key)
        return len(self.layer) - 1

    def link(self, a: int, b: int, w: int) -> None:
        """Link ``a`` to ``b`` one layer (row) below."""
        self.down[a].append((b, w))
        self.up[b].append((a, w))

    def connect(self, a: int, b: int, w: int) -> None:
        la, lb = self.layer[a], self.layer[b]
        if la == lb:
            self.flat[a].append((b, w))
            self.flat[b].append((a, w))
            return
        if la > lb:
            a, b, la, lb = b, a, lb, la
        prev, chain = a, []
        ka, kb = self.key[a], self.key[b]
        for k in range(la + 1, lb):
            t = (k - la) / (lb - la)
            if self.heights is not None and self.node_y is not None:
                ya, yb = self.node_y[a], self.node_y[b]
                t = (self.heights[k] - ya) / (yb - ya) if yb != ya else t
            d = self.add_virtual(k, ka + (kb - ka) * t)
            self.link(prev, d, w)
            chain.append(d)
            prev = d
        self.link(prev, b, w)
        if chain:
            self.chains.append((a, b, chain, w))


def _layered(g: _Graph, layer: list[int], n_layers: int, key: list[float],
             heights: Sequence[float], node_y: Sequence[float],
             pairs: Mapping[tuple[int, int], int] | None = None) -> _Layered:  # fmt: skip
    lay = _Layered(g.n, layer, n_layers, heights, node_y)
    lay.key[: g.n] = key
    for (a, b), w in (g.pairs if pairs is None else pairs).items():
        lay.connect(a, b, w)
    return lay


def _inversions(seq: list[tuple[int, int]], size: int) -> int:
    """Weighted inversions of ``seq`` (values in ``range(size)``): accumulator tree."""
    first = 1
    while first < size:
        first *= 2
    tree = [0] * (2 * first)
    total = 0
    for value, w in seq:
        i = value + first
        tree[i] += w
        while i > 1:
            if i % 2 == 0:
                total += tree[i + 1] * w
            i //= 2
            tree[i] += w
    return total


def _layer_crossings(lay: _Layered, upper: list[int], lower_size: int, pos: list[int]) -> int:
    """Crossings between layer ``upper`` and the next one (Barth–Jünger–Mutzel)."""
    links: list[tuple[int, int, int]] = []
    for u in upper:
        pu = pos[u]
        for v, w in lay.down[u]:
            links.append((pu, pos[v], w))
    if len(links) < 2:
        return 0
    links.sort()
    return _inversions([(q, w) for _p, q, w in links], lower_size)


def _flat_cost(lay: _Layered, order: list[int], pos: list[int]) -> int:
    """Same-band relations: crossings with long relations between their ends, and span."""
    if not any(lay.flat[v] for v in order):
        return 0
    virtual_before = [0]
    for v in order:
        virtual_before.append(virtual_before[-1] + (v >= lay.n_real))
    cost = 0
    for v in order:
        for u, w in lay.flat[v]:
            if u > v:
                p, q = sorted((pos[u], pos[v]))
                virtual = virtual_before[q] - virtual_before[p + 1]
                cost += w * (_CROSS * virtual + (q - p - 1 - virtual))
    return cost


def _cost(lay: _Layered, layers: list[list[int]], pos: list[int]) -> int:
    total = 0
    for k in range(len(layers) - 1):
        total += _CROSS * _layer_crossings(lay, layers[k], len(layers[k + 1]), pos)
    for order in layers:
        total += _flat_cost(lay, order, pos)
    return total


def _set_pos(order: list[int], pos: list[int]) -> None:
    for i, v in enumerate(order):
        pos[v] = i


def _sweep_layer(lay: _Layered, order: list[int], pos: list[int], side: str) -> None:
    """Sort one layer by the barycentre of its links to the layer just placed (``side``
    ``"up"`` or ``"down"``, or ``"both"``) and to its same-band relations."""
    keys: list[tuple[float, int, int]] = []
    for v in order:
        links = lay.up[v] if side == "up" else lay.down[v] if side == "down" else lay.up[v] + lay.down[v]
        total = sum(w for _u, w in links)
        acc = sum(pos[u] * w for u, w in links)
        flat = lay.flat[v]
        if flat:
            ft = sum(w for _u, w in flat)
            total += ft
            acc += sum(pos[u] * w for u, w in flat)
        bary = acc / total if total else float(pos[v])
        keys.append((bary, pos[v], v))
    keys.sort()
    order[:] = [v for _b, _p, v in keys]
    _set_pos(order, pos)


def _pair_crossings(pu: list[tuple[int, int]], pv: list[tuple[int, int]]) -> int:
    """Crossings of u's and v's links to one layer when u is left of v."""
    if not pu or not pv:
        return 0
    total = 0
    j = 0
    acc = 0
    # count pairs (a, b) with pos a > pos b: walk pu ascending, v's below it accumulate
    for a, wa in pu:
        while j < len(pv) and pv[j][0] < a:
            acc += pv[j][1]
            j += 1
        total += wa * acc
    return total


def _transpose(lay: _Layered, layers: list[list[int]], pos: list[int]) -> None:
    """Swap neighbours in a layer while that lowers the cost (exact local counts)."""
    up, down, flat, n_real = lay.up, lay.down, lay.flat, lay.n_real
    size = len(lay.layer)
    dirty = [len(order) >= 2 for order in layers]
    """a layer is looked at again only when a neighbouring layer changed"""
    for _round in range(MAX_TRANSPOSE_ROUNDS):
        if not any(dirty):
            return
        for k, order in enumerate(layers):
            if not dirty[k]:
                continue
            dirty[k] = False
            changed = False
            # the neighbouring layers stay put while this one is transposed
            none: list[tuple[int, int]] = []
            ups = [none] * size
            downs = [none] * size
            right = [0] * size
            left = [0] * size
            between: dict[tuple[int, int], int] = {}
            for v in order:
                if up[v]:
                    ups[v] = sorted([(pos[u], w) for u, w in up[v]])
                if down[v]:
                    downs[v] = sorted([(pos[u], w) for u, w in down[v]])
                # same-band relations: weight to the right and to the left of each unit; a
                # swap of neighbours changes only the pair's own relation
                for x, w in flat[v]:
                    if pos[x] > pos[v]:
                        right[v] += w
                    else:
                        left[v] += w
                    between[(v, x)] = between.get((v, x), 0) + w
            # a worklist of neighbour pairs: after a swap only the pairs beside it change
            todo = list(range(len(order) - 2, -1, -1))
            queued = [True] * len(order)
            budget = MAX_TRANSPOSE_ROUNDS * len(order)
            while todo and budget:
                budget -= 1
                j = todo.pop()
                queued[j] = False
                u, v = order[j], order[j + 1]
                uu, ud, vu, vd = ups[u], downs[u], ups[v], downs[v]
                delta = 0
                if (uu and vu) or (ud and vd):
                    keep = _pair_crossings(uu, vu) + _pair_crossings(ud, vd)
                    swap = _pair_crossings(vu, uu) + _pair_crossings(vd, ud)
                    delta = _CROSS * (swap - keep)
                w_uv = 0
                if flat[u] or flat[v]:
                    # u passes v rightwards: its relations to the right get shorter
                    w_uv = between.get((u, v), 0)
                    weight_v = _CROSS if v >= n_real else 1
                    weight_u = _CROSS if u >= n_real else 1
                    delta += weight_v * (left[u] - (right[u] - w_uv))
                    delta += weight_u * (right[v] - (left[v] - w_uv))
                if delta < 0:
                    order[j], order[j + 1] = v, u
                    pos[u], pos[v] = j + 1, j
                    if w_uv:
                        right[u] -= w_uv
                        left[u] += w_uv
                        left[v] -= w_uv
                        right[v] += w_uv
                    changed = True
                    for q in (j + 1, j - 1):
                        if 0 <= q < len(order) - 1 and not queued[q]:
                            queued[q] = True
                            todo.append(q)
            if changed:
                for near in (k - 1, k + 1):
                    if 0 <= near < len(layers) and len(layers[near]) >= 2:
                        dirty[near] = True


def _search_order(lay: _Layered, layers: list[list[int]], pos: list[int],
                  best_cost: int) -> tuple[int, list[list[int]] | None]:  # fmt: skip
    """Sweeps and transpositions from ``layers``; the best ordering met if it beats
    ``best_cost``."""
    best: list[list[int]] | None = None
    stale = 0
    for sweep in range(max(3, min(MAX_SWEEPS, ORDER_WORK // max(1, len(lay.layer))))):
        sides = ("up", "down") if sweep % 3 != 2 else ("both", "both")
        for k in range(1, len(layers)):
            _sweep_layer(lay, layers[k], pos, sides[0])
        for k in range(len(layers) - 2, -1, -1):
            _sweep_layer(lay, layers[k], pos, sides[1])
        _transpose(lay, layers, pos)
        cost = _cost(lay, layers, pos)
        if cost < best_cost:
            best, best_cost, stale = [list(o) for o in layers], cost, 0
        else:
            stale += 1
            if stale >= STALE_SWEEPS:
                break
    return best_cost, best


def _dfs_layers(lay: _Layered, layers: list[list[int]]) -> list[list[int]]:
    """A start ordering as dot makes it: depth-first from the top, each unit appended to
    its layer when first reached (related units start near each other). It depends on the
    model's order of units only, not on the drawing, so a second layout starts the same."""
    out: list[list[int]] = [[] for _ in layers]
    seen = [False] * len(lay.layer)
    for order in layers:
        for root in sorted(order):
            if seen[root]:
                continue
            stack = [root]
            seen[root] = True
            while stack:
                v = stack.pop()
                out[lay.layer[v]].append(v)
                for u, _w in reversed(lay.up[v] + lay.flat[v] + lay.down[v]):
                    if not seen[u]:
                        seen[u] = True
                        stack.append(u)
    return out


def _order(lay: _Layered, initial: list[list[int]]) -> list[list[int]]:
    """The ordering with the fewest crossings found; the initial one wins ties."""
    layers = [list(o) for o in initial]
    pos = [0] * len(lay.layer)
    for order in layers:
        _set_pos(order, pos)
    if not any(lay.down[v] or lay.flat[v] for order in layers for v in order):
        return layers
    best = [list(o) for o in layers]
    best_cost = _cost(lay, layers, pos)
    starts = [layers] if len(lay.layer) > ORDER_WORK // 8 else [layers, _dfs_layers(lay, initial)]
    for start in starts:
        work = [list(o) for o in start]
        for order in work:
            _set_pos(order, pos)
        best_cost, found = _search_order(lay, work, pos, best_cost)
        if found is not None:
            best = found
    # until the search from the best finds nothing better: then a second layout of this
    # result, which starts there, keeps it
    for _again in range(max(1, min(MAX_SWEEPS, ORDER_WORK // max(1, len(lay.layer))))):
        work = [list(o) for o in best]
        for order in work:
            _set_pos(order, pos)
        best_cost, found = _search_order(lay, work, pos, best_cost)
        if found is None:
            break
        best = found
    return best


# ---------------------------------------------------------------------------
# 2. sub-rows
# ---------------------------------------------------------------------------
def _row_width(g: _Graph, row: Sequence[int]) -> float:
    return sum(g.width[v] for v in row) + H_GAP * max(0, len(row) - 1)


def _fits(g: _Graph, rows: list[list[int]], content: float) -> bool:
    return all(len(r) <= 1 or _row_width(g, r) <= content for r in rows)


def _wrap(g: _Graph, order: list[int], content: float, method: str,
          updown: Mapping[int, int]) -> list[list[int]]:  # fmt: skip
    """Split one band's ``order`` into rows no wider than ``content`` (if possible)."""
    if not order:
        return []
    if method == "one" or _row_width(g, order) <= content:
        return [list(order)]
    if method == "chunks":
        rows: list[list[int]] = [[]]
        for v in order:
            if rows[-1] and _row_width(g, [*rows[-1], v]) > content:
                rows.append([])
            rows[-1].append(v)
        return rows
    start = max(2, math.ceil((_row_width(g, order) + H_GAP) / (content + H_GAP)))
    for k in range(start, len(order) + 1):
        if method == "links":
            columns = [order[i:i + k] for i in range(0, len(order), k)]
            columns = [sorted(c, key=lambda v: (updown.get(v, 0), c.index(v))) for c in columns]
            rows = [[c[r] for c in columns if r < len(c)] for r in range(k)]
        else:
            rows = [order[r::k] for r in range(k)]
        if _fits(g, rows, content):
            return rows
    return [[v] for v in order]


# ---------------------------------------------------------------------------
# 3. coordinates
# ---------------------------------------------------------------------------
def _fit_row(targets: list[float], weights: list[float], offsets: list[float],
             lo: float, hi: float) -> list[float]:  # fmt: skip
    """Left edges closest (weighted least squares) to ``targets`` keeping the offsets.

    ``x[i+1] - x[i] >= offsets[i+1] - offsets[i]``: substitute ``y = x - offset`` and fit
    a non-decreasing ``y`` by pooling adjacent violators; then clamp into ``[lo, hi]``."""
    bw: list[float] = []  # per block: weight sum, weighted sum, count
    bs: list[float] = []
    bc: list[int] = []
    for t, w, o in zip(targets, weights, offsets, strict=True):
        cw, cs, cc = w, w * (t - o), 1
        while bw and bs[-1] * cw >= cs * bw[-1]:  # the previous block's mean >= this one's
            cw += bw.pop()
            cs += bs.pop()
            cc += bc.pop()
        bw.append(cw)
        bs.append(cs)
        bc.append(cc)
    out: list[float] = []
    for w, s_, c in zip(bw, bs, bc, strict=True):
        y = min(max(s_ / w, lo), hi)
        out.extend([y] * c)
    return [y + o for y, o in zip(out, offsets, strict=True)]


def _flatten(g: _Graph, band_rows: list[list[list[int]]]) -> tuple[list[list[int]], list[float]]:
    """All rows top to bottom (an empty band is one empty row, for relations passing it)
    and the centre line ``y`` of each."""
    rows: list[list[int]] = []
    centres: list[float] = []
    top = 0.0
    for band in band_rows:
        y = top + PAD
        bottom = top
        for row in band:
            h = max(g.height[v] for v in row)
            rows.append(row)
            centres.append(y + h / 2)
            bottom = y + h
            y += h + V_GAP
        if not band:
            rows.append([])
            centres.append(top + style.BAND_HEIGHT / 2)
        top += max(style.BAND_HEIGHT, bottom + PAD - top if band else 0.0) + style.BAND_GAP
    return rows, centres


def _coordinates(g: _Graph, band_rows: list[list[list[int]]],
                 ordered: tuple[_Layered, list[list[int]]] | None = None,
                 limit: float | None = None) -> list[float]:  # fmt: skip
    """Left edge of every real unit.

    ``ordered``: the ordering's layers with their virtual nodes, when every band is one row
    (then the long relations pass exactly where the ordering put them). ``limit``: the
    widest the rows may grow (units and gaps), at least the widest row; else unlimited."""
    rows, row_y = _flatten(g, band_rows)
    row_of = [0] * g.n
    for r, row in enumerate(rows):
        for v in row:
            row_of[v] = r
    span = max((_row_width(g, r) for r in rows), default=0.0)
    # initial centres: each row packed and centred in the widest
    centre = [0.0] * g.n
    for row in rows:
        x = NODE_LEFT + (span - _row_width(g, row)) / 2
        for v in row:
            centre[v] = x + g.width[v] / 2
            x += g.width[v] + H_GAP
    if ordered is not None:
        lay, layers = ordered
        members = [list(o) for o in layers]
        for o in members:  # virtual nodes start between their real neighbours
            real = [centre[v] for v in o if v < g.n]
            last = NODE_LEFT + span / 2 if not real else real[0]
            for v in o:
                if v < g.n:
                    last = centre[v]
                else:
                    lay.key[v] = last
    else:
        # a relation across many sub-rows of one band pulls no unit: its virtual points
        # would cost more time than the placement gains
        pairs = {(a, b): w for (a, b), w in g.pairs.items()
                 if g.layer[a] != g.layer[b] or abs(row_of[a] - row_of[b]) <= MAX_SUBROW_SPAN}  # fmt: skip
        lay = _layered(g, row_of, len(rows), centre, row_y, [row_y[r] for r in row_of], pairs)
        members = [list(r) for r in rows]
        for v in range(g.n, len(lay.layer)):
            members[lay.layer[v]].append(v)
    n_all = len(lay.layer)
    ends: dict[int, tuple[int, int]] = {}
    for a, b, chain, _w in lay.chains:
        for d in chain:
            ends[d] = (a, b)
    width = [*g.width, *([0.0] * (n_all - g.n))]
    cx = [*centre, *lay.key[g.n:]]
    if ordered is None:
        for row in members:
            row.sort(key=lambda v: (cx[v], v >= g.n, v))

    def gap(prev: int, v: int) -> float:
        if prev < g.n and v < g.n:
            return H_GAP
        if prev < g.n or v < g.n:  # virtual points sit in the gaps, or beside the row
            return H_GAP / 2
        return 0.0

    row_offsets: list[list[float]] = []
    for row in members:
        offset, offsets = 0.0, []
        for i, v in enumerate(row):
            if i:
                offset += width[row[i - 1]] + gap(row[i - 1], v)
            offsets.append(offset)
        row_offsets.append(offsets)
    right_end = math.inf if limit is None else NODE_LEFT + max(limit, span)
    n = g.n
    # per virtual point: its relation's ends and where between them its row lies
    line: dict[int, tuple[int, int, float, float]] = {}
    for v, (a, b) in ends.items():
        ya, yb = row_y[row_of[a]], row_y[row_of[b]]
        t = (row_y[lay.layer[v]] - ya) / (yb - ya) if yb != ya else 0.5
        line[v] = (a, b, t, 100.0 * sum(w for _u, w in lay.up[v]))
    # per unit and pass kind: its related points and their total weight
    kinds = {"up": lay.up, "down": lay.down}
    pulls: dict[str, list[tuple[list[tuple[int, int]], float]]] = {}
    for name, side in kinds.items():
        pulls[name] = [(side[v], float(sum(w for _u, w in side[v]))) for v in range(n)]
    pulls["both"] = [(lay.up[v] + lay.down[v], float(sum(w for _u, w in lay.up[v] + lay.down[v])))
                     for v in range(n)]  # fmt: skip
    passes = max(2, min(COORDINATE_PASSES, WORK // max(1, n_all)))
    for p in range(passes + 2):
        downward = p % 2 == 0
        kind = pulls["both" if p >= passes else "up" if downward else "down"]
        sequence = range(len(members)) if downward else range(len(members) - 1, -1, -1)
        for r in sequence:
            row = members[r]
            if not row:
                continue
            targets, weights = [], []
            for v in row:
                if v >= n:  # on the straight line between the relation's ends
                    a, b, t, weight = line[v]
                    targets.append(cx[a] + (cx[b] - cx[a]) * t)
                    weights.append(weight)
                    continue
                links, total = kind[v]
                if total:
                    targets.append(sum(cx[u] * w for u, w in links) / total - width[v] / 2)
                    weights.append(total)
                else:
                    targets.append(cx[v] - width[v] / 2)
                    weights.append(1e-3)
            offsets = row_offsets[r]
            hi = right_end - offsets[-1] - width[row[-1]]
            lefts = _fit_row(targets, weights, offsets, NODE_LEFT, max(NODE_LEFT, hi))
            for v, left, w in zip(row, lefts, [width[v] for v in row], strict=True):
                cx[v] = left + w / 2
    # the leftmost unit at the label column (nothing holds a drawing that drifted right)
    shift = min(cx[v] - g.width[v] / 2 for v in range(n)) - NODE_LEFT
    lefts_real = [cx[v] - g.width[v] / 2 - shift for v in range(n)]
    # whole points, the gaps kept
    for row in rows:
        right = -math.inf
        for v in row:
            x = max(float(round(lefts_real[v])), right + H_GAP, NODE_LEFT)
            lefts_real[v] = x
            right = x + g.width[v]
    return lefts_real


# ---------------------------------------------------------------------------
# 4. rows in bands, and the page
# ---------------------------------------------------------------------------
def _row_tops(g: _Graph, band_rows: list[list[list[int]]]) -> list[float]:
    """``y`` of every real unit: rows stacked in their bands as :mod:`layout` does."""
    ys = [0.0] * g.n
    top = 0.0
    for rows in band_rows:
        y = top + PAD
        bottom = top
        for row in rows:
            h = max(g.height[v] for v in row)
            for v in row:
                ys[v] = y
            bottom = y + h
            y += h + V_GAP
        height = style.BAND_HEIGHT
        if rows:
            height = max(height, bottom + PAD - top)
        top += height + style.BAND_GAP
    return ys


def chart_size(model: OrgModel, positions: Mapping[str, Position] | None = None) -> tuple[float, float]:
    """Width and height of the drawn chart (label column and all bands) in pt."""
    pos = positions or {}
    moved = [n.model_copy(update=dict(zip(("x", "y"), pos[n.id], strict=True)))
             if n.id in pos else n for n in model.nodes]  # fmt: skip
    bands = layout.band_rects(moved)
    return layout.band_width(moved), bands[LEVEL_IDS[-1]].bottom


def a4_scale(width: float, height: float) -> tuple[float, bool]:
    """The largest scale at which a chart of ``width`` × ``height`` fits an A4 page's chart
    area, and whether that is in landscape orientation."""
    portrait = min(A4_PORTRAIT_AREA[0] / width, A4_PORTRAIT_AREA[1] / height)
    landscape = min(A4_LANDSCAPE_AREA[0] / width, A4_LANDSCAPE_AREA[1] / height)
    return (landscape, True) if landscape > portrait else (portrait, False)


def _size_of(g: _Graph, band_rows: list[list[list[int]]], limit: float) -> tuple[float, float]:
    """The chart's size when its rows are at most ``limit`` wide."""
    width = max(layout.MIN_BAND_WIDTH, NODE_LEFT + max(limit, _widest(g, band_rows)) + 2 * PAD)
    height = 0.0
    for rows in band_rows:
        inner = sum(max(g.height[v] for v in r) for r in rows) + V_GAP * max(0, len(rows) - 1)
        height += max(style.BAND_HEIGHT, inner + 2 * PAD) + style.BAND_GAP
    return width, height


def _drawn_crossings(g: _Graph, xs: Sequence[float], ys: Sequence[float]) -> int:
    """Crossings of straight centre-to-centre lines (weighted by relations per pair)."""
    segs = []
    for (a, b), w in g.pairs.items():
        p = (xs[a] + g.width[a] / 2, ys[a] + g.height[a] / 2)
        q = (xs[b] + g.width[b] / 2, ys[b] + g.height[b] / 2)
        segs.append((min(p[0], q[0]), max(p[0], q[0]), p, q, a, b, w))
    segs.sort(key=lambda s: s[0])

    def orient(a: Position, b: Position, c: Position) -> int:
        v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
        return (v > 0) - (v < 0)

    total = 0
    for i, (_lo, hi, p, q, a, b, w) in enumerate(segs):
        for lo2, _hi2, r, s, c, d, w2 in segs[i + 1:]:
            if lo2 > hi:
                break
            if a in (c, d) or b in (c, d):
                continue
            if orient(r, s, p) * orient(r, s, q) < 0 and orient(p, q, r) * orient(p, q, s) < 0:
                total += w * w2
    return total


# ---------------------------------------------------------------------------
# the entry point
# ---------------------------------------------------------------------------
def auto_layout(model: OrgModel, *, keep_order: bool = False, one_row: bool = False,
                target_width: float | None = None) -> dict[str, Position]:  # fmt: skip
    """Return tidy positions for the units; only the ones that change are included.

    ``keep_order``: keep each band's rows and their left-to-right order (remove overlaps,
    align the rows). ``one_row``: every band in one row. ``target_width``: the chart's
    width (label column included) that wrapped bands keep to; by default the one at which
    the chart prints largest on A4.
    """
    if not model.nodes:
        return {}
    g = _graph(model)
    bands: list[list[int]] = [[] for _ in LEVEL_IDS]
    for v in range(g.n):
        bands[g.layer[v]].append(v)
    if keep_order:
        band_rows = [_user_rows(g, members) for members in bands]
        return _result(g, band_rows, _coordinates(g, band_rows))
    band_y = [b.top + b.height / 2 for b in layout.band_rects(model).values()]
    lay, layers = _ordering(g, bands, band_y)
    if one_row:
        band_rows = [[o] if o else [] for o in ([v for v in o if v < g.n] for o in layers)]
        xs = _coordinates(g, band_rows, (lay, layers))
    else:
        band_rows, xs = _wrapped(g, lay, layers, target_width)
    if target_width is None and len(g.pairs) <= MEASURED_PAIRS:
        # a tidy drawing that is as good stays as it is (and a second layout changes nothing)
        now = [_user_rows(g, members) for members in bands]
        if _tidy(g, now) and (not one_row or all(len(r) <= 1 for r in now)):
            ys = _row_tops(g, band_rows)
            if _quality(g, g.x, g.y) <= _quality(g, xs, ys) and (
                one_row or _scale_of(g, now, g.x) >= _scale_of(g, band_rows, xs) - 1e-9
            ):
                return {}
    return _result(g, band_rows, xs)


def _wrapped(g: _Graph, lay: _Layered, layers: list[list[int]],
             target_width: float | None) -> tuple[list[list[list[int]]], list[float]]:  # fmt: skip
    """Sub-rows and coordinates: the largest A4 scale, then the fewest crossings."""
    order = [[v for v in o if v < g.n] for o in layers]
    updown = _updown(g)
    candidates = [target_width] if target_width is not None else _candidate_widths(g, order)
    measured = len(g.pairs) <= MEASURED_PAIRS
    options: list[tuple[tuple[float, int, float], list[list[list[int]]], float]] = []
    for chart_w in candidates:
        content = max(chart_w - NODE_LEFT - 2 * PAD, max(g.width))
        for method in ("links", "columns", "chunks") if measured else ("links",):
            band_rows = [_wrap(g, o, content, method, updown) for o in order]
            limit = max(content, _widest(g, band_rows))
            scale = a4_scale(*_size_of(g, band_rows, limit))[0]
            options.append(((-round(scale, 4), sum(len(r) for r in band_rows), -limit), band_rows, limit))
    options.sort(key=lambda o: o[0])
    top_scale = options[0][0][0]
    best: tuple[tuple[int, int], list[list[list[int]]], list[float]] | None = None
    tried: list[tuple[list[list[list[int]]], float]] = []
    for rank, band_rows, limit in options:
        if rank[0] != top_scale or (band_rows, limit) in tried:
            continue
        tried.append((band_rows, limit))
        one_per_band = all(len(r) <= 1 for r in band_rows)
        xs = _coordinates(g, band_rows, (lay, layers) if one_per_band else None, limit)
        if not measured:
            return band_rows, xs
        score = _quality(g, xs, _row_tops(g, band_rows))
        if best is None or score < best[0]:
            best = (score, band_rows, xs)
        if len(tried) >= MAX_MEASURED_SPLITS:
            break
    assert best is not None
    score, band_rows, xs = best
    if score != (0, 0) and len(g.pairs) <= SWAPPED_PAIRS:
        band_rows, xs = _swap_slots(g, band_rows, xs, score)
    return band_rows, xs


def _swap_slots(g: _Graph, band_rows: list[list[list[int]]], xs: list[float],
                score: tuple[int, int]) -> tuple[list[list[list[int]]], list[float]]:  # fmt: skip
    """Exchange the places of two units of the same size in a band while that lowers the
    drawn crossings (wrapped bands: which unit goes to which sub-row)."""
    rows = [[list(r) for r in band] for band in band_rows]
    xs = list(xs)
    where: dict[int, tuple[int, int, int]] = {}
    for b, band in enumerate(rows):
        for r, row in enumerate(band):
            for i, v in enumerate(row):
                where[v] = (b, r, i)
    ys = _row_tops(g, rows)
    budget = MAX_SLOT_SWAPS
    improved = True
    while improved and budget > 0:
        improved = False
        for band in rows:
            members = [v for row in band for v in row]
            for i, u in enumerate(members):
                for v in members[i + 1:]:
                    if budget <= 0:
                        break
                    if (g.width[u], g.height[u]) != (g.width[v], g.height[v]):
                        continue
                    budget -= 1
                    xs[u], xs[v], ys[u], ys[v] = xs[v], xs[u], ys[v], ys[u]
                    trial = _quality(g, xs, ys)
                    if trial < score:
                        score, improved = trial, True
                        (bu, ru, iu), (bv, rv, iv) = where[u], where[v]
                        rows[bu][ru][iu], rows[bv][rv][iv] = v, u
                        where[u], where[v] = (bv, rv, iv), (bu, ru, iu)
                        members[i] = v
                        u = v
                    else:
                        xs[u], xs[v], ys[u], ys[v] = xs[v], xs[u], ys[v], ys[u]
    return rows, xs


def _quality(g: _Graph, xs: Sequence[float], ys: Sequence[float]) -> tuple[int, int]:
    """Drawn crossings, then how many units lie between units related within a row."""
    between = 0
    for (a, b), w in g.pairs.items():
        if g.layer[a] == g.layer[b] and ys[a] == ys[b]:
            lo, hi = sorted((xs[a], xs[b]))
            between += w * sum(1 for v in range(g.n) if ys[v] == ys[a] and lo < xs[v] < hi)
    return _drawn_crossings(g, xs, ys), between


def _tidy(g: _Graph, band_rows: list[list[list[int]]]) -> bool:
    """Whether the drawing has these rows stacked as the layout stacks them, each row left
    to right with at least ``H_GAP`` between boxes and right of the label column."""
    ys = _row_tops(g, band_rows)
    for rows in band_rows:
        for row in rows:
            right = -math.inf
            for v in row:
                if g.y[v] != ys[v] or g.x[v] < NODE_LEFT or g.x[v] < right + H_GAP - 1e-6:
                    return False
                right = g.x[v] + g.width[v]
    return True


def _scale_of(g: _Graph, band_rows: list[list[list[int]]], xs: Sequence[float]) -> float:
    right = max(xs[v] + g.width[v] for v in range(g.n))
    return a4_scale(*_size_of(g, band_rows, right - NODE_LEFT))[0]


def _widest(g: _Graph, band_rows: list[list[list[int]]]) -> float:
    return max((_row_width(g, r) for rows in band_rows for r in rows), default=0.0)


def _ordering(g: _Graph, bands: list[list[int]],
              band_y: Sequence[float]) -> tuple[_Layered, list[list[int]]]:  # fmt: skip
    """The ordering of every level's layer, with the virtual nodes of long relations.

    The first candidate is the drawing as it is: units by their centres, and the long
    relations where their straight lines pass the bands in between (``band_y``), so its
    cost is the drawing's own crossings and a layout that is already as good stays."""
    initial = [_user_order(g, members) for members in bands]
    key = [g.x[v] + g.width[v] / 2 for v in range(g.n)]
    node_y = [g.y[v] + g.height[v] / 2 for v in range(g.n)]
    lay = _layered(g, g.layer, len(LEVEL_IDS), key, band_y, node_y)
    layers: list[list[int]] = [list(o) for o in initial]
    for v in range(g.n, len(lay.layer)):
        layers[lay.layer[v]].append(v)
    for k, order in enumerate(layers):
        rank = {v: i for i, v in enumerate(initial[k])}
        order.sort(key=lambda v: (lay.key[v], v >= g.n, rank.get(v, 0)))
    return lay, _order(lay, layers)


def _updown(g: _Graph) -> dict[int, int]:
    """Per unit: relations to lower bands minus relations to upper bands."""
    out: dict[int, int] = {}
    for (a, b), w in g.pairs.items():
        la, lb = g.layer[a], g.layer[b]
        if la == lb:
            continue
        hi, lo = (a, b) if la < lb else (b, a)
        out[hi] = out.get(hi, 0) + w
        out[lo] = out.get(lo, 0) - w
    return out


def _candidate_widths(g: _Graph, order: list[list[int]]) -> list[float]:
    """Chart widths worth trying: from the narrowest useful to every band in one row."""
    one_row = max(_row_width(g, o) for o in order if o)
    narrow = max(g.width)
    full = NODE_LEFT + one_row + 2 * PAD
    step = max(40.0, (one_row - narrow) / 24)
    widths = {full}
    w = narrow
    while w < one_row:
        widths.add(NODE_LEFT + w + 2 * PAD)
        w += step
    return sorted(widths)


def _result(g: _Graph, band_rows: list[list[list[int]]], xs: list[float]) -> dict[str, Position]:
    ys = _row_tops(g, band_rows)
    return {
        g.ids[v]: (xs[v], ys[v])
        for v in range(g.n)
        if (xs[v], ys[v]) != (g.x[v], g.y[v])
    }
