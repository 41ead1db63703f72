"""Routes of the relation lines: orthogonal polylines that never pass behind a foreign unit.

Pure Python, no Qt: the canvas, the PDF and the preview draw the same routes.

* :func:`route_all` routes every relation of a chart. Each relation leaves its source box
  perpendicular to one side and enters its target box perpendicular to one side; the ends on
  one box side are spread along it, sorted by where the other end lies, so parallel
  relations neither overlap nor cross near the box. Between the two ports the router tries
  cheap shapes first (straight line, one Z through the channel between the boxes, a route
  down a free corridor between the units of intermediate rows, a U through the channel
  beside both boxes), each checked against a uniform-grid index of the boxes with a
  clearance of :data:`CLEARANCE`; horizontal and vertical middle segments of different
  relations are put on separate tracks where the channel allows. Only when all of these
  meet a box does it search a sparse orthogonal visibility grid (A* with a bend penalty,
  bounded window and expansion cap). If nothing is free it returns the least bad route.
* :func:`quick_route` is the cheap route drawn live while a unit is dragged.
* :func:`reroute` recomputes only the relations an edit affects.
* :func:`rounded` turns a polyline into painter-neutral path operations with small rounded
  corners, :func:`offset_polyline` gives the parallel line of double-line styles.

Coordinates are model points (pt), y grows downwards, a box is ``(x, y, width, height)``.
Deterministic: links are processed in a fixed order (length, then id), never in hash order;
the result does not depend on the order of ``boxes`` or ``links``.

Guarantees (tested): every orthogonal route starts on its source box's border and ends on
its target box's border, its first and last segments are perpendicular to those sides and
point away from the box, no segment enters the two boxes it connects, and no segment comes
within :data:`CLEARANCE` of any other box, or, where no such route exists, within
:data:`MIN_CLEARANCE`. Only when none is found (a box walled in, or the bounded search
gives up) does a route cross boxes: the simple one crossing fewest. Ends on one box side
are distinct points.

Limits: a track conflict is a preference, not a guarantee (a 20 pt gap between two rows
holds three tracks; more parallel segments than that share one). ``reroute`` keeps the
routes it does not touch, so the tracks of its new routes may differ from what
``route_all`` would pick.

Labels (tested): each label box is placed once its route is known, in the links' fixed
order, centred on a segment of its route, else beside one (touching the line), at the
free spot nearest the segment's middle, longest segments first; "free" means, grown by
:data:`LABEL_CLEARANCE`, meeting no unit (its own two included) and no label placed
before. A segment is swept exactly, so whenever a free box centred on or beside the
route exists, one is found; the arrowhead or marker at either end of the route counts
as an obstacle at first. Only then is the box pushed across a segment out of the way (up
to :data:`LABEL_REACH`, e.g. two units in a row 35 pt apart), then a box on or beside the
route may cover the route's own ends, then one clear of the units is taken even if it
meets a label, and last the least overlapping box. ``reroute``
places the labels of the links it routes again clear of the labels it keeps. Labels do
not avoid other relations' lines, and routes do not avoid labels. Past
:data:`LABEL_WORK` looked-at boxes (thousands of labels on one spot) labels only avoid
units.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import math
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

Point = tuple[float, float]
Box = tuple[float, float, float, float]
"""x, y of the top-left corner, width, height (y points down)."""
Mode = Literal["orthogonal", "straight"]
PathOp = tuple[Literal["move", "line", "quad"], tuple[float, ...]]
"""``("move", (x, y))``, ``("line", (x, y))`` or ``("quad", (cx, cy, x, y))``."""

CORNER_RADIUS = 6.0
"""Radius of the rounded corners of orthogonal routes (pt)."""
CLEARANCE = 4.0
"""Distance a route keeps from every unit it does not connect (pt)."""
MIN_CLEARANCE = 0.5
"""Clearance of the second attempt when no route keeps :data:`CLEARANCE`."""
LAST_MIN = 16.0
"""Wanted length of the last segment, where the arrowhead is drawn."""
ARROW_ROOM = 12.0
"""Shortest last segment tracks may push a route to while the channel has room for more:
the arrowhead (11 pt) stays straight."""
STUB = 12.0
"""Wanted length of the first segment."""
PORT_GAP = 14.0
"""Largest distance between neighbouring ports on one box side."""
PORT_MARGIN = 8.0
"""Distance of the outermost ports from the corners of a side."""
TRACK = 6.0
"""Distance between parallel tracks of middle segments in one channel."""
TRACK_SEP = 3.0
"""Parallel segments closer than this (and overlapping) count as lying on each other."""
LOOP = 18.0
"""Reach of a relation from a unit to itself beyond the box."""
BEND_PENALTY = 40.0
CORRIDORS = 2
"""Free corridors looked at per relation (the first one both channels reach is taken)."""
MIN_JOG = 10.0
"""A bend between two ports that almost line up is at least this wide."""
MIN_PORT_GAP = 6.0
"""Ports moved to line up keep at least this distance from the side's other ports."""
MAX_EXPANSIONS = 30_000
"""A* steps one link may take over all its attempts (bounds the worst case to ~0.3 s)."""
TOTAL_EXPANSIONS = 40_000
"""A* steps one call of :func:`route_all` or :func:`reroute` may take over all its links
(about a second in the worst case). Units dragged onto each other can leave hundreds of
links without a cheap route; past this budget they get the least bad route at once
instead of a search each, so that letting go of a drag never freezes the window."""

LABEL_CLEARANCE = 2.0
"""Distance a label keeps from every unit and every other label where it can (pt)."""
LABEL_REACH = 48.0
"""How far a label may be pushed off its line when no box on or beside it is free (pt)."""
LABEL_WORK = 4_000_000
"""Boxes the label placement of one chart may look at; beyond that labels only avoid the
units (thousands of labels piled onto one spot stay fast)."""
_LABEL_SPOTS = (0.5, 0.3, 0.7, 0.15, 0.85)
"""Where along a segment labels are tried when the spots are sampled (fractions)."""
_LABEL_SEGMENTS = 12
"""Segments of one route its label tries (the longest)."""
_PUSH_STEPS = 6
_HEAD_HALF = 4.0
"""Half the width of an arrowhead or end marker, which labels keep off where they can."""
_LAST_RESORT_SEGMENTS = 4
"""Segments a label is pushed off and whose sampled boxes the last resort compares (the
longest)."""

_DIR: dict[str, tuple[int, int]] = {
    "top": (0, -1),
    "bottom": (0, 1),
    "left": (-1, 0),
    "right": (1, 0),
}
_ORIENT = {"bottom": 0, "top": 1, "right": 2, "left": 3}
_Rect = tuple[float, float, float, float]  # x0, y0, x1, y1
_OCC_CELL = 400.0
_CROWDED = 48
"""A track cell holding more segments counts as fully taken without a look."""


@dataclass(frozen=True)
class Link:
    id: str
    source: str
    """key into the boxes"""
    target: str
    label_size: tuple[float, float] | None = None
    """width, height of the relation's label box, or None"""


@dataclass(frozen=True)
class Route:
    points: tuple[Point, ...]
    """polyline from a point on the source box's border to a point on the target box's border"""
    label_box: Box | None
    """where the label goes (None when the link has no label)"""


# ---------------------------------------------------------------------------
# canonical orientation: every case is solved as if the route left its source downwards
# ---------------------------------------------------------------------------
def _to_c(o: int, p: Point) -> Point:
    x, y = p
    if o == 0:
        return (x, y)
    if o == 1:
        return (x, -y)
    if o == 2:
        return (y, x)
    return (y, -x)


def _from_c(o: int, p: Point) -> Point:
    x, y = p
    if o == 0:
        return (x, y)
    if o == 1:
        return (x, -y)
    if o == 2:
        return (y, x)
    return (-y, x)


def _rect_to_c(o: int, r: _Rect) -> _Rect:
    ax, ay = _to_c(o, (r[0], r[1]))
    bx, by = _to_c(o, (r[2], r[3]))
    return (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


def _rect_from_c(o: int, r: _Rect) -> _Rect:
    ax, ay = _from_c(o, (r[0], r[1]))
    bx, by = _from_c(o, (r[2], r[3]))
    return (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


# ---------------------------------------------------------------------------
# spatial index: uniform grid buckets
# ---------------------------------------------------------------------------
class _Index:
    """Rectangles in uniform grid cells; queries by segment or rectangle."""

    def __init__(self, cell: float, pad: float) -> None:
        self.cell = cell
        self.pad = pad
        self.rects: list[_Rect] = []
        self.cells: dict[tuple[int, int], list[int]] = {}

    def add(self, r: _Rect) -> int:
        k = len(self.rects)
        self.rects.append(r)
        f = self.cell
        p = self.pad
        cells = self.cells
        for i in range(math.floor((r[0] - p) / f), math.floor((r[2] + p) / f) + 1):
            for j in range(math.floor((r[1] - p) / f), math.floor((r[3] + p) / f) + 1):
                bucket = cells.get((i, j))
                if bucket is None:
                    cells[(i, j)] = [k]
                else:
                    bucket.append(k)
        return k

    def near(self, x0: float, y0: float, x1: float, y1: float) -> set[int]:
        """Indices of rectangles that may lie within ``pad`` of the rectangle."""
        f = self.cell
        out: set[int] = set()
        cells = self.cells
        i0, i1 = math.floor(x0 / f), math.floor(x1 / f)
        j0, j1 = math.floor(y0 / f), math.floor(y1 / f)
        if (i1 - i0 + 1) * (j1 - j0 + 1) > 4 * len(cells) + 16:
            return set(range(len(self.rects)))
        for i in range(i0, i1 + 1):
            for j in range(j0, j1 + 1):
                bucket = cells.get((i, j))
                if bucket:
                    out.update(bucket)
        return out

    def query(self, r: _Rect, c: float = 0.0) -> list[int]:
        """Sorted indices of rectangles whose interior, grown by ``c``, meets ``r``."""
        rects = self.rects
        return sorted(
            k
            for k in self.near(r[0], r[1], r[2], r[3])
            if rects[k][0] - c < r[2]
            and rects[k][2] + c > r[0]
            and rects[k][1] - c < r[3]
            and rects[k][3] + c > r[1]
        )


def _seg_meets(a: Point, b: Point, r: _Rect, c: float) -> bool:
    """Does segment a–b meet the open rectangle ``r`` grown by ``c``?"""
    x0, y0, x1, y1 = r[0] - c, r[1] - c, r[2] + c, r[3] + c
    ax, ay = a
    bx, by = b
    if max(ax, bx) <= x0 or min(ax, bx) >= x1 or max(ay, by) <= y0 or min(ay, by) >= y1:
        return False
    if ax == bx or ay == by:
        return True
    # Liang–Barsky clipping for slanted segments (straight mode)
    t0, t1 = 0.0, 1.0
    dx, dy = bx - ax, by - ay
    for p, q in ((-dx, ax - x0), (dx, x1 - ax), (-dy, ay - y0), (dy, y1 - ay)):
        if p == 0:
            if q <= 0:
                return False
        else:
            t = q / p
            if p < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
    return t1 - t0 > 1e-9


def _overlap_area(a: _Rect, b: _Rect) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _clean(points: Iterable[Point]) -> tuple[Point, ...]:
    """Drop repeated points and middle points of straight runs."""
    out: list[Point] = []
    for p in points:
        if out and abs(p[0] - out[-1][0]) < 1e-9 and abs(p[1] - out[-1][1]) < 1e-9:
            continue
        if len(out) >= 2:
            a, b = out[-2], out[-1]
            if (abs(a[0] - b[0]) < 1e-9 and abs(b[0] - p[0]) < 1e-9
                    and (b[1] - a[1]) * (p[1] - b[1]) >= 0) or (
                    abs(a[1] - b[1]) < 1e-9 and abs(b[1] - p[1]) < 1e-9
                    and (b[0] - a[0]) * (p[0] - b[0]) >= 0):  # fmt: skip
                out[-1] = p
                continue
        out.append(p)
    if len(out) == 1:
        out.append(out[0])
    return tuple(out)


# ---------------------------------------------------------------------------
# the router
# ---------------------------------------------------------------------------
@dataclass
class _Plan:
    link: Link
    s: int
    t: int
    ss: str
    ts: str
    p: Point = (0.0, 0.0)
    q: Point = (0.0, 0.0)


class _Router:
    def __init__(self, boxes: Mapping[str, Box], mode: Mode) -> None:
        self.mode = mode
        self.names = sorted(boxes)
        self.pos = {n: i for i, n in enumerate(self.names)}
        self.rects: list[_Rect] = []
        for n in self.names:
            x, y, w, h = boxes[n]
            self.rects.append((x, y, x + max(w, 0.0), y + max(h, 0.0)))
        sizes = sorted((r[2] - r[0] + r[3] - r[1]) / 2 for r in self.rects) or [100.0]
        cell = max(48.0, min(sizes[len(sizes) // 2] * 3.0, 1000.0))
        self.index = _Index(cell, CLEARANCE + 1)
        for r in self.rects:
            self.index.add(r)
        self.labels = _Index(cell, LABEL_CLEARANCE + 1)
        self.label_work = 0
        self._ends: list[_Rect] = []
        self.budget = MAX_EXPANSIONS
        self.total_budget = TOTAL_EXPANSIONS
        self.hocc: dict[tuple[int, int], list[tuple[float, float, float]]] = {}
        self.vocc: dict[tuple[int, int], list[tuple[float, float, float]]] = {}
        self._edges: dict[tuple[int, float], list[float]] = {}
        self._slabs: dict[tuple[int, float, int], tuple[list[float], list[float]]] = {}
        x0 = min((r[0] for r in self.rects), default=0.0) - 1000.0
        y0 = min((r[1] for r in self.rects), default=0.0) - 1000.0
        x1 = max((r[2] for r in self.rects), default=0.0) + 1000.0
        y1 = max((r[3] for r in self.rects), default=0.0) + 1000.0
        self.extent = [(x0, x1), (x0, x1), (y0, y1), (y0, y1)]
        self.crects = [[_rect_to_c(o, r) for r in self.rects] for o in range(4)]
        """the boxes in each canonical orientation"""
        """canonical x range of the chart per orientation"""

    # -- obstacle tests ----------------------------------------------------
    def seg_free(self, a: Point, b: Point, c: float, skip: Collection[int] = (),
                 own: Collection[int] = ()) -> bool:  # fmt: skip
        """No foreign box within ``c`` of a–b; boxes in ``own`` only without clearance."""
        rects = self.rects
        for k in self.index.near(min(a[0], b[0]) - c, min(a[1], b[1]) - c,
                                 max(a[0], b[0]) + c, max(a[1], b[1]) + c):  # fmt: skip
            if k in skip:
                continue
            if _seg_meets(a, b, rects[k], 0.0 if k in own else c):
                return False
        return True

    def seg_hits(self, a: Point, b: Point, skip: Collection[int]) -> int:
        rects = self.rects
        near = self.index.near(min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))
        return sum(1 for k in near if k not in skip and _seg_meets(a, b, rects[k], 0.0))

    def path_free(self, pts: Sequence[Point], s: int, t: int, c: float,
                  ends_only: bool = False) -> bool:  # fmt: skip
        """No segment meets a foreign box within ``c`` (nor an own box, except at the ends).

        ``ends_only``: the middle segments are known to be free (they were built inside a
        channel :meth:`free_run` found free), only the first and the last are tested."""
        n = len(pts) - 1
        for i in range(n):
            if ends_only and 0 < i < n - 1:
                continue
            if i == 0 and n == 1:
                skip: Collection[int] = (s, t)
                own: Collection[int] = ()
            elif i == 0:
                skip, own = (s,), (t,)
            elif i == n - 1:
                skip, own = (t,), (s,)
            else:
                skip, own = (), ()
            if not self.seg_free(pts[i], pts[i + 1], c, skip, own):
                return False
        return True

    def path_hits(self, pts: Sequence[Point], s: int, t: int) -> int:
        n = len(pts) - 1
        total = 0
        for i in range(n):
            skip = {s, t} if i in (0, n - 1) else set()
            total += self.seg_hits(pts[i], pts[i + 1], skip)
        return total

    def free_run(self, o: int, y: float, sign: int, xa: float, xb: float, c: float,
                 skip: Collection[int], limit: float) -> tuple[float, float]:  # fmt: skip
        """Canonical: the free channel from ``y`` in direction ``sign`` over x in [xa, xb].

        Returns ``(start, end)``: ``start`` is past the boxes (grown by ``c``) that reach
        across ``y`` (``y`` when none), ``end`` where the next box begins (``y + sign*limit``
        when none within ``limit``); the channel is empty when start is past end. Read from
        the cached slabs; the boxes a route connects count too (``skip`` is not needed:
        the own box only reaches ``c`` across its side, and every caller keeps ``c``)."""
        ys = self._ys(o, c)
        n = len(ys) - 1

        def blocked(i: int) -> bool:
            if i < 0 or i >= n:
                return False
            starts, ends = self._slab(o, c, i)
            j = bisect.bisect_left(starts, xb) - 1
            return j >= 0 and ends[j] > xa

        if sign > 0:
            stop = y + limit
            i = bisect.bisect_right(ys, y) - 1
            start = y
            while blocked(i) and start < stop:
                start = ys[i + 1]
                i += 1
            k = i + 1
            while 0 <= k < n and ys[k] < stop and not blocked(k):
                k += 1
            end = ys[k] if 0 <= k < n and ys[k] < stop else stop
            return start, max(end, y)
        stop = y - limit
        i = bisect.bisect_left(ys, y) - 1
        start = y
        while blocked(i) and start > stop:
            start = ys[i]
            i -= 1
        k = i - 1
        while 0 <= k < n and ys[k + 1] > stop and not blocked(k):
            k -= 1
        end = ys[k + 1] if 0 <= k < n and ys[k + 1] > stop else stop
        return start, min(end, y)

    # -- tracks ---------------------------------------------------------------
    def conflicts(self, pts: Sequence[Point], first: bool = False) -> float:
        """How long the route runs on tracks other routes already use (the end segments
        too: facing ports of two other boxes may line up); ``first``: any at all?"""
        n = 0.0
        for i in range(len(pts) - 1):
            n += self._seg_conflicts(pts[i], pts[i + 1], first)
            if n and first:
                return n
        return n

    def conflict_c(self, o: int, a: Point, b: Point) -> float:
        return self._seg_conflicts(_from_c(o, a), _from_c(o, b), True)

    def _seg_conflicts(self, a: Point, b: Point, first: bool = False) -> float:
        """The longest stretch of a–b lying on a stored segment (0: none); ``first``:
        stop at the first one found."""
        if a[1] == b[1]:
            occ, v, lo, hi = self.hocc, a[1], min(a[0], b[0]), max(a[0], b[0])
        elif a[0] == b[0]:
            occ, v, lo, hi = self.vocc, a[0], min(a[1], b[1]), max(a[1], b[1])
        else:
            return 0.0
        worst = 1.0  # shorter shared stretches are crossings, not overlaps
        key = math.floor(v / TRACK_SEP)
        for cell in range(math.floor(lo / _OCC_CELL), math.floor(hi / _OCC_CELL) + 1):
            for kk in (key - 1, key, key + 1):
                bucket = occ.get((kk, cell))
                if not bucket:
                    continue
                if len(bucket) > _CROWDED:  # taken; do not scan thousands of duplicates
                    return hi - lo
                for w, l2, h2 in bucket:
                    if -TRACK_SEP < w - v < TRACK_SEP:
                        shared = (hi if hi < h2 else h2) - (lo if lo > l2 else l2)
                        if shared > worst:
                            worst = shared
                            if first or worst >= hi - lo:  # it cannot get worse
                                return worst
        return worst if worst > 1.0 else 0.0

    def occupy(self, pts: Sequence[Point]) -> None:
        for a, b in itertools.pairwise(pts):
            if a[1] == b[1]:
                occ, v, lo, hi = self.hocc, a[1], min(a[0], b[0]), max(a[0], b[0])
            elif a[0] == b[0]:
                occ, v, lo, hi = self.vocc, a[0], min(a[1], b[1]), max(a[1], b[1])
            else:
                continue
            key = math.floor(v / TRACK_SEP)
            for cell in range(math.floor(lo / _OCC_CELL), math.floor(hi / _OCC_CELL) + 1):
                occ.setdefault((key, cell), []).append((v, lo, hi))

    # -- sides and ports ----------------------------------------------------
    def centre(self, k: int) -> Point:
        r = self.rects[k]
        return ((r[0] + r[2]) / 2, (r[1] + r[3]) / 2)

    def sides(self, s: int, t: int, check: bool = True) -> tuple[str, str]:
        a, b = self.rects[s], self.rects[t]
        if s == t:
            return self.loop_sides(s) if check else ("right", "top")
        gap = 2 * CLEARANCE + 4
        if b[1] - a[3] >= gap:
            return "bottom", "top"
        if a[1] - b[3] >= gap:
            return "top", "bottom"
        for right, (ss, ts) in ((b[0] - a[2] >= gap, ("right", "left")),
                                (a[0] - b[2] >= gap, ("left", "right"))):  # fmt: skip
            if not right:
                continue
            if not check:
                return ss, ts
            lo, hi = max(a[1], b[1]), min(a[3], b[3])
            lo, hi = min(lo, hi), max(lo, hi)
            x0, x1 = (a[2], b[0]) if ss == "right" else (b[2], a[0])
            between = [k for k in self.index.query((x0, lo, x1, hi), CLEARANCE) if k not in (s, t)]
            if not between:
                return ss, ts
            top = min(a[1], b[1])
            bottom = max(a[3], b[3])
            span0, span1 = min(a[0], b[0]), max(a[2], b[2])
            above = self.index.query((span0, top - 3 * CLEARANCE, span1, top), 0.0)
            below = self.index.query((span0, bottom, span1, bottom + 3 * CLEARANCE), 0.0)
            na = sum(1 for k in above if k not in (s, t))
            nb = sum(1 for k in below if k not in (s, t))
            return ("bottom", "bottom") if nb < na else ("top", "top")
        # overlapping or touching boxes: by the direction between the centres
        (ax, ay), (bx, by) = self.centre(s), self.centre(t)
        dx, dy = bx - ax, by - ay
        if abs(dx) * (a[3] - a[1] + b[3] - b[1]) > abs(dy) * (a[2] - a[0] + b[2] - b[0]):
            return ("right", "left") if dx >= 0 else ("left", "right")
        return ("bottom", "top") if dy >= 0 else ("top", "bottom")

    def loop_sides(self, k: int) -> tuple[str, str]:
        r = self.rects[k]
        reach = LOOP + CLEARANCE
        for a, b in (("right", "top"), ("left", "top"), ("right", "bottom"), ("left", "bottom")):
            x0, x1 = (r[2], r[2] + reach) if a == "right" else (r[0] - reach, r[0])
            y0, y1 = (r[1] - reach, r[1]) if b == "top" else (r[3], r[3] + reach)
            xs0, xs1 = (
                (r[0] + (r[2] - r[0]) / 2, x1) if a == "right" else (x0, r[2] - (r[2] - r[0]) / 2)
            )
            ys0, ys1 = (
                (y0, r[1] + (r[3] - r[1]) / 2) if b == "top" else (r[3] - (r[3] - r[1]) / 2, y1)
            )
            zone = (min(x0, xs0), min(y0, ys0), max(x1, xs1), max(y1, ys1))
            if all(q == k for q in self.index.query(zone, 0.0)):
                return a, b
        return "right", "top"

    def assign_ports(self, plans: Sequence[_Plan]) -> None:
        groups: dict[tuple[int, str], list[tuple[float, int, int, int]]] = {}
        for rank, pl in enumerate(plans):
            for end, (box, side, other, other_side) in enumerate(
                ((pl.s, pl.ss, pl.t, pl.ts), (pl.t, pl.ts, pl.s, pl.ss))
            ):
                axis = 0 if side in ("top", "bottom") else 1
                if pl.s == pl.t:
                    near = other_side in ("top", "left")
                    key = -math.inf if near else math.inf
                else:
                    key = self.centre(other)[axis]
                sign = 1
                if side == other_side and box != other:
                    mine, theirs = self.centre(box)[axis], self.centre(other)[axis]
                    if (mine, box) > (theirs, other):
                        sign = -1
                groups.setdefault((box, side), []).append((key, sign * rank, rank, end))
        pos: dict[tuple[int, int], float] = {}
        size = {k: len(v) for k, v in groups.items()}
        singles: list[tuple[int, str, int, int]] = []
        for (box, side), items in sorted(groups.items()):
            items.sort()
            lo, hi = self.side_range(box, side)
            n = len(items)
            if n == 1:
                singles.append((box, side, items[0][2], items[0][3]))
                continue
            margin = min(PORT_MARGIN, (hi - lo) / 4)
            spacing = min(PORT_GAP, (hi - lo - 2 * margin) / (n - 1))
            mid = (lo + hi) / 2
            for i, (_k, _k2, rank, end) in enumerate(items):
                pos[(rank, end)] = mid + (i - (n - 1) / 2) * spacing
        opposite = {"top": "bottom", "bottom": "top", "left": "right", "right": "left"}
        # line the ports of a side up with the facing ends of a larger side (straight lines
        # instead of small jogs): the largest sides keep their spread, smaller ones follow,
        # in their order and at least their spacing apart
        final: set[tuple[int, str]] = set()
        for gkey in sorted((k for k in groups if size[k] > 1), key=lambda k: (-size[k], k)):
            box, side = gkey
            items = groups[gkey]
            lo, hi = self.side_range(box, side)
            margin = min(PORT_MARGIN, (hi - lo) / 4)
            spacing = min(PORT_GAP, (hi - lo - 2 * margin) / (len(items) - 1))
            targets = []
            follows = False
            for _k, _k2, rank, end in items:
                pl = plans[rank]
                other, oside = (pl.t, pl.ts) if end == 0 else (pl.s, pl.ss)
                value = pos[(rank, end)]
                if other != box and oside == opposite[side] and (other, oside) in final:
                    there = pos[(rank, 1 - end)]
                    if lo + margin <= there <= hi - margin:
                        value, follows = there, True
                targets.append(value)
            if follows:
                fitted = _fit(targets, spacing, lo + margin, hi - margin)
                for (_k, _k2, rank, end), value in zip(items, fitted, strict=True):
                    pos[(rank, end)] = value
            final.add(gkey)
        for box, side, rank, end in singles:
            pl = plans[rank]
            other, oside = (pl.t, pl.ts) if end == 0 else (pl.s, pl.ss)
            lo, hi = self.side_range(box, side)
            margin = min(PORT_MARGIN, (hi - lo) / 4)
            value = (lo + hi) / 2
            if other != box and oside == opposite[side]:
                olo, ohi = self.side_range(other, oside)
                if size[(other, oside)] == 1:
                    omargin = min(PORT_MARGIN, (ohi - olo) / 4)
                    a, b = max(lo + margin, olo + omargin), min(hi - margin, ohi - omargin)
                    # the boxes overlap: one straight line; else lean towards the other box
                    lean = hi - margin if olo > lo else lo + margin
                    value = (a + b) / 2 if a <= b else lean
                else:
                    # the other end sits among spread ports: line up with it when possible
                    other_pos = pos[(rank, 1 - end)]
                    value = min(max(other_pos, lo + margin), hi - margin)
            pos[(rank, end)] = value
        # two facing ends a few points apart would give a jog that reads as a drawing
        # error: line the end on the less crowded side up with the other, or, where its
        # neighbours leave no room, make the bend a clear one
        for rank, pl in enumerate(plans):
            if pl.s == pl.t or pl.ts != opposite[pl.ss]:
                continue
            if not 0 < abs(pos[(rank, 0)] - pos[(rank, 1)]) < MIN_JOG:
                continue
            end = 0 if size[(pl.s, pl.ss)] <= size[(pl.t, pl.ts)] else 1
            box, side = (pl.s, pl.ss) if end == 0 else (pl.t, pl.ts)
            lo, hi = self.side_range(box, side)
            margin = min(PORT_MARGIN, (hi - lo) / 4)
            others = [pos[(r, e)] for _k, _k2, r, e in groups[(box, side)] if (r, e) != (rank, end)]
            target, now = pos[(rank, 1 - end)], pos[(rank, end)]
            for value in sorted((target, target - MIN_JOG, target + MIN_JOG),
                                key=lambda v: (v != target, abs(v - now))):  # fmt: skip
                if lo + margin <= value <= hi - margin and all(
                    abs(value - o) >= MIN_PORT_GAP for o in others
                ):
                    pos[(rank, end)] = value
                    break
        for rank, pl in enumerate(plans):
            pl.p = self.port(pl.s, pl.ss, pos[(rank, 0)])
            pl.q = self.port(pl.t, pl.ts, pos[(rank, 1)])

    def side_range(self, k: int, side: str) -> tuple[float, float]:
        r = self.rects[k]
        return (r[0], r[2]) if side in ("top", "bottom") else (r[1], r[3])

    def port(self, k: int, side: str, v: float) -> Point:
        r = self.rects[k]
        if side == "top":
            return (v, r[1])
        if side == "bottom":
            return (v, r[3])
        if side == "left":
            return (r[0], v)
        return (r[2], v)

    # -- one route ------------------------------------------------------------
    def route(self, pl: _Plan) -> tuple[Point, ...]:
        # A* steps for this link, over all its attempts, within what the call has left
        self.budget = min(MAX_EXPANSIONS, self.total_budget)
        for c in (CLEARANCE, MIN_CLEARANCE):
            pts = self.cheap(pl, c)
            if pts is None:
                pts = self.astar(pl, c)
            if pts is not None:
                return pts
        return self.least_bad(pl)

    def cheap(self, pl: _Plan, c: float) -> tuple[Point, ...] | None:
        if pl.s == pl.t:
            pts = _loop_shape(pl.p, pl.ss, pl.q, pl.ts)
            return pts if self.path_free(pts, pl.s, pl.t, c) else None
        o = _ORIENT[pl.ss]
        dt = _to_c(o, _DIR[pl.ts])
        p, q = _to_c(o, pl.p), _to_c(o, pl.q)
        stages: Iterable[Iterable[list[Point]]] = ()
        if dt == (0, -1) and q[1] - p[1] >= 2 * c:
            stages = self.opposite_cands(o, pl, p, q, c)
        elif dt == (0, 1):
            stages = [self.u_cands(o, pl, p, q, c)]
        # stage by stage (fewer bends first): the first free candidate without a track
        # conflict wins; else the stage's free one with the fewest conflicts
        for cands in stages:
            later: list[tuple[tuple[Point, ...], bool]] = []
            for cand in cands:
                pts = _clean(_from_c(o, x) for x in cand)
                ends_only = len(pts) == len(cand) > 2
                if self.conflicts(pts, True):
                    later.append((pts, ends_only))
                elif self.path_free(pts, pl.s, pl.t, c, ends_only):
                    return pts
            # no free track: of the first few free candidates, the one sharing least
            best: tuple[Point, ...] | None = None
            best_n = math.inf
            tried = 0
            for pts, ends_only in later:
                if tried == 6:
                    break
                if self.path_free(pts, pl.s, pl.t, c, ends_only):
                    tried += 1
                    n = self.conflicts(pts)
                    if n < best_n:
                        best, best_n = pts, n
            if best is not None:
                return best
        return None

    @staticmethod
    def tracks(pref: float, lo: float, hi: float, count: int = 7) -> list[float]:
        """Track coordinates in [lo, hi] (the range already keeps the clearance), the
        preferred one first, then alternately farther away; the outer tracks keep up to
        another clearance from the boxes (lines hugging a border look like part of it)."""
        if lo > hi:
            return []
        pref = min(max(pref, lo), hi)
        out = [pref]
        e = min(CLEARANCE, (hi - lo) / 4)
        lo, hi = min(lo + e, pref), max(hi - e, pref)
        for k in range(1, count):
            for v in (pref + k * TRACK, pref - k * TRACK):
                if lo <= v <= hi:
                    out.append(v)
        if len(out) >= 5:
            return out
        # a narrow channel: the tracks in between too (still TRACK_SEP apart)
        for k in range(count):
            for v in (pref + (k + 0.5) * TRACK, pref - (k + 0.5) * TRACK):
                if lo <= v <= hi:
                    out.append(v)
        return out

    def _ys(self, o: int, c: float) -> list[float]:
        """Canonical: the sorted y edges of all boxes grown by ``c`` (slab bounds)."""
        ys = self._edges.get((o, c))
        if ys is None:
            ys = sorted({v for r in self.crects[o] for v in (r[1] - c, r[3] + c)})
            self._edges[(o, c)] = ys
        return ys

    def _slab(self, o: int, c: float, i: int) -> tuple[list[float], list[float]]:
        """Canonical: the merged x intervals (starts, ends) the boxes grown by ``c`` block
        in the elementary slab ``i`` (between the slab bounds i and i + 1); cached."""
        key = (o, c, i)
        hit = self._slabs.get(key)
        if hit is None:
            ys = self._ys(o, c)
            y0, y1 = ys[i], ys[i + 1]
            ym = (y0 + y1) / 2
            w0, w1 = self.extent[o]
            crects = self.crects[o]
            spans = sorted(
                (crects[k][0] - c, crects[k][2] + c)
                for k in self.index.query(_rect_from_c(o, (w0, y0, w1, y1)), c)
                if crects[k][1] - c < ym < crects[k][3] + c
            )
            starts: list[float] = []
            ends: list[float] = []
            for a, b in spans:
                if ends and a < ends[-1]:
                    ends[-1] = max(ends[-1], b)
                else:
                    starts.append(a)
                    ends.append(b)
            hit = (starts, ends)
            self._slabs[key] = hit
        return hit

    def _slab_lists(self, o: int, band0: float, band1: float,
                    c: float) -> list[tuple[list[float], list[float]]]:  # fmt: skip
        """Canonical: the blocked intervals of every slab overlapping ``band0``..``band1``."""
        ys = self._ys(o, c)
        if not ys:
            return []
        i0 = max(0, bisect.bisect_right(ys, band0) - 1)
        i1 = min(len(ys) - 1, bisect.bisect_left(ys, band1))
        out = []
        for i in range(i0, i1):
            hit = self._slab(o, c, i)
            if hit[0]:
                out.append(hit)
        return out

    def corridors(self, o: int, band0: float, band1: float, c: float, ideal: float,
                  lo: float, hi: float, count: int = 3) -> list[tuple[float, float]]:  # fmt: skip
        """Canonical: up to ``count`` x intervals on each side of ``ideal`` (within lo..hi)
        free of boxes grown by ``c`` over the whole height ``band0``..``band1``."""
        lists = self._slab_lists(o, band0, band1, c)
        out: list[tuple[float, float]] = []

        def interval(x: float) -> tuple[float, float]:
            a, b = -math.inf, math.inf
            for starts, ends in lists:
                j = bisect.bisect_left(starts, x) - 1  # the last blocked start left of x
                if j >= 0:
                    a = max(a, ends[j])
                if j + 1 < len(starts):
                    b = min(b, starts[j + 1])
            return a, b

        for sign in (1, -1):
            x = ideal
            found = 0
            while found < count and lo <= x <= hi:
                moved = True
                while moved:
                    moved = False
                    for starts, ends in lists:
                        j = bisect.bisect_right(starts, x) - 1
                        if j >= 0 and starts[j] < x < ends[j]:
                            x = ends[j] if sign > 0 else starts[j]
                            moved = True
                if not lo - 1e-3 <= x <= hi + 1e-3:
                    break
                a, b = interval(x)
                if b - a > 2e-6 and (a, b) not in out:
                    out.append((a, b))
                found += 1
                x = b + 1e-6 if sign > 0 else a - 1e-6
        return out

    def opposite_cands(
        self, o: int, pl: _Plan, p: Point, q: Point, c: float
    ) -> Iterator[Iterable[list[Point]]]:
        """Canonical: leave p downwards, enter q (below) downwards. Stages of candidates:
        straight and Z through the channel below the source, then one per corridor."""
        cands: list[list[Point]] = []
        if abs(p[0] - q[0]) < 1e-9:
            cands.append([p, q])
        xa, xb = min(p[0], q[0]), max(p[0], q[0])
        limit = q[1] - p[1]
        # the channel right below the source (a long last segment is checked on its own)
        st, g = self.free_run(o, p[1], 1, xa, xb, c, (pl.s,), min(limit, 96.0))
        below: tuple[float, float] | None = (st, g)
        above: tuple[float, float] | None = None
        lo = max(p[1] + c, st)
        # every Z of this channel ends with the stretch from g down to q: test it once
        if g >= lo and (g >= q[1] - c or self.seg_free(
                _from_c(o, (q[0], g)), pl.q, c, (pl.t,), (pl.s,))):  # fmt: skip
            full = g + c  # where the first thing below begins (the target at the latest)
            mid = (p[1] + full) / 2
            pref = max(min(mid, q[1] - LAST_MIN), p[1] + max(c, 0.3 * (full - p[1])))
            hi = _room(g, lo, q[1] - ARROW_ROOM, -1)
            cands += [[p, (p[0], m), (q[0], m), q] for m in self.tracks(pref, lo, hi)]
        # or through the channel right above the target (a long first segment)
        if limit > 96.0:
            st2, g2 = self.free_run(o, q[1], -1, xa, xb, c, (pl.t,), 96.0)
            above = (st2, g2)
            hi2 = min(q[1] - c, st2)
            if g2 <= hi2 and self.seg_free(pl.p, _from_c(o, (p[0], g2)), c, (pl.s,), (pl.t,)):
                mid = (g2 - c + q[1]) / 2
                pref = min(mid, q[1] - LAST_MIN)
                hi2 = _room(hi2, g2, q[1] - ARROW_ROOM, -1)
                cands += [[p, (p[0], m), (q[0], m), q] for m in self.tracks(pref, g2, hi2)]
        yield cands
        # through a corridor between the units in between
        band0, band1 = p[1] + c, q[1] - c
        if band1 <= band0:
            return
        yield self._corridor_cands(o, pl, p, q, c, band0, band1, below, above)

    def _corridor_cands(self, o: int, pl: _Plan, p: Point, q: Point, c: float,
                        band0: float, band1: float, below: tuple[float, float] | None,
                        above: tuple[float, float] | None) -> Iterator[list[Point]]:  # fmt: skip
        """Canonical: the route down the nearest free corridor that the channels below the
        source and above the target reach, its three middle segments each on the first
        free track."""
        xa, xb = min(p[0], q[0]), max(p[0], q[0])
        limit = q[1] - p[1]
        ideal = (p[0] + q[0]) / 2
        reach = 400.0
        free = self.corridors(o, band0, band1, c, ideal, xa - reach, xb + reach, 1)
        corridors: list[tuple[float, float, float, float, float]] = []
        for a, b in free:
            margin = min((b - a) / 2, 20.0)
            x = min(max(ideal, a + margin), b - margin)
            corridors.append((abs(p[0] - x) + abs(x - q[0]), abs(x - ideal), x, a, b))
        corridors.sort()
        for _cost, _d, x, fa, fb in corridors[:CORRIDORS]:
            # the channel right below the source and the one above the target; within
            # the Z's span the Z's free runs hold (they looked at a wider span)
            near = min(limit, 64.0)
            inner = xa <= x <= xb
            run1 = below if inner and below else None
            if run1 is None or max(p[1] + c, run1[0]) > run1[1]:
                run1 = self.free_run(o, p[1], 1, min(p[0], x), max(p[0], x), c, (pl.s,), near)
            run2 = above if inner and above else None
            if run2 is None or min(q[1] - c, run2[0]) < run2[1]:
                run2 = self.free_run(o, q[1], -1, min(q[0], x), max(q[0], x), c, (pl.t,), near)
            (st1, g1), (st2, g2) = run1, run2
            lo1, hi2 = max(p[1] + c, st1), min(q[1] - c, st2)
            if g1 < lo1 or hi2 < g2:
                continue
            f1 = g1 + c
            m1p = p[1] + min(max(c, (f1 - p[1]) / 2), 24.0)
            f2 = g2 - c
            gap2 = q[1] - f2
            m2p = q[1] - max(min(24.0, gap2 / 2), min(ARROW_ROOM + 2, gap2 - c - 2))
            m1s = self.tracks(m1p, lo1, g1, 3)
            m2s = self.tracks(m2p, g2, _room(hi2, g2, q[1] - ARROW_ROOM, -1), 3)
            # each middle segment on the first free track (conflicts are per segment)
            m1, m2 = m1s[0], m2s[0]
            xs = self.tracks(x, fa, fb, 2)
            xx = next((v for v in xs if not self.conflict_c(o, (v, m1), (v, m2))), x)
            m1 = next((m for m in m1s if not self.conflict_c(o, (p[0], m), (xx, m))), m1)
            m2 = next((m for m in m2s if not self.conflict_c(o, (xx, m), (q[0], m))), m2)
            if m2 <= m1:
                continue
            yield [p, (p[0], m1), (xx, m1), (xx, m2), (q[0], m2), q]
            return  # the next corridor only when this one has no channel to reach it

    def u_cands(self, o: int, pl: _Plan, p: Point, q: Point, c: float) -> list[list[Point]]:
        """Canonical: leave p downwards, enter q upwards (both below their boxes)."""
        start = max(p[1], q[1])
        xa, xb = min(p[0], q[0]), max(p[0], q[0])
        st, g = self.free_run(o, start, 1, xa, xb, c, (pl.s, pl.t), 400.0)
        lo = max(start + c, st)
        if g < lo:
            return []
        lo = _room(lo, g, q[1] + ARROW_ROOM, 1)
        gap = g + c - start
        pref = start + max(min(gap / 2, 24.0), min(ARROW_ROOM + 2, gap - c - 2))
        return [[p, (p[0], m), (q[0], m), q] for m in self.tracks(pref, lo, g)]

    # -- fallback: A* on a sparse orthogonal visibility grid ----------------
    def astar(self, pl: _Plan, c: float) -> tuple[Point, ...] | None:
        """Search a window around both boxes; when that fails, grow it over every box it
        meets (a wall wider than the window is gone round), three times at most."""
        if self.total_budget <= 0:
            return None  # the call's search budget is spent: the least bad route follows
        ra, rb = self.rects[pl.s], self.rects[pl.t]
        m = 150.0
        w = (min(ra[0], rb[0]) - m, min(ra[1], rb[1]) - m,
             max(ra[2], rb[2]) + m, max(ra[3], rb[3]) + m)  # fmt: skip
        for _ in range(3):
            pts = self._astar(pl, c, w)
            if pts is not None or self.budget < 0:
                return pts
            inside = [self.rects[k] for k in self.index.query(w, 0.0)]
            grown = (min([w[0]] + [r[0] for r in inside]) - 60.0,
                     min([w[1]] + [r[1] for r in inside]) - 60.0,
                     max([w[2]] + [r[2] for r in inside]) + 60.0,
                     max([w[3]] + [r[3] for r in inside]) + 60.0)  # fmt: skip
            if grown == (w[0] - 60.0, w[1] - 60.0, w[2] + 60.0, w[3] + 60.0):
                return None  # nothing reaches out of the window: more room will not help
            w = grown
        return None

    def _stub(self, p: Point, side: str, own: int, want: float, c: float) -> Point:
        dx, dy = _DIR[side]
        o = _ORIENT[side]
        cp = _to_c(o, p)
        free = self.free_run(o, cp[1], 1, cp[0], cp[0], c, (own,), want * 2 + c)[1] - cp[1]
        length = want if free >= want + c else max(free / 2, 0.25)
        return (p[0] + dx * length, p[1] + dy * length)

    def _astar(self, pl: _Plan, c: float, w: _Rect) -> tuple[Point, ...] | None:
        s, t = pl.s, pl.t
        start = self._stub(pl.p, pl.ss, s, STUB, c)
        goal = self._stub(pl.q, pl.ts, t, LAST_MIN, c)
        inside = self.index.query(w, 0.0)
        ex: set[float] = set()
        ey: set[float] = set()
        for k in inside:
            r = self.rects[k]
            ex.update((r[0], r[2]))
            ey.update((r[1], r[3]))
        ex.update((w[0], w[2]))
        ey.update((w[1], w[3]))
        sx, sy = sorted(ex), sorted(ey)
        xs = {(a + b) / 2 for a, b in itertools.pairwise(sx)}
        ys = {(a + b) / 2 for a, b in itertools.pairwise(sy)}
        xs.update((start[0], goal[0], w[0], w[2]))
        ys.update((start[1], goal[1], w[1], w[3]))
        X, Y = sorted(xs), sorted(ys)
        xi = {v: i for i, v in enumerate(X)}
        yi = {v: i for i, v in enumerate(Y)}
        si, sj = xi[start[0]], yi[start[1]]
        gi, gj = xi[goal[0]], yi[goal[1]]
        own = (s, t)
        if not (
            self.seg_free(pl.p, start, c, (s,), (t,)) and self.seg_free(goal, pl.q, c, (t,), (s,))
        ):
            return None
        dirs = ((1, 0), (-1, 0), (0, 1), (0, -1))
        sd = dirs.index(_DIR[pl.ss])
        gd = dirs.index((-_DIR[pl.ts][0], -_DIR[pl.ts][1]))
        away = gd ^ 1
        edge_ok: dict[tuple[int, int, int], bool] = {}
        best: dict[tuple[int, int, int], float] = {(si, sj, sd): 0.0}
        came: dict[tuple[int, int, int], tuple[int, int, int] | None] = {(si, sj, sd): None}
        gx, gy = goal

        def h(i: int, j: int) -> float:
            return float(abs(X[i] - gx) + abs(Y[j] - gy))

        heap: list[tuple[float, float, int, int, int]] = [(h(si, sj), 0.0, si, sj, sd)]
        found: tuple[int, int, int] | None = None
        while heap:
            _f, g, i, j, d = heapq.heappop(heap)
            if g > best.get((i, j, d), math.inf):
                continue
            if i == gi and j == gj:
                found = (i, j, d)
                break
            self.budget -= 1
            self.total_budget -= 1
            if self.budget < 0:
                return None
            for nd, (di, dj) in enumerate(dirs):
                if (nd ^ 1) == d and nd // 2 == d // 2:  # no U-turn on the spot
                    continue
                ni, nj = i + di, j + dj
                if not (0 <= ni < len(X) and 0 <= nj < len(Y)):
                    continue
                if ni == gi and nj == gj and nd == away:
                    continue  # would end in a spike back to the port
                key = (min(i, ni), min(j, nj), nd // 2)
                ok = edge_ok.get(key)
                if ok is None:
                    ok = self.seg_free((X[i], Y[j]), (X[ni], Y[nj]), c, (), own)
                    edge_ok[key] = ok
                if not ok:
                    continue
                ng = g + abs(X[ni] - X[i]) + abs(Y[nj] - Y[j]) + (BEND_PENALTY if nd != d else 0.0)
                if ni == gi and nj == gj and nd != gd:
                    ng += BEND_PENALTY
                state = (ni, nj, nd)
                if ng < best.get(state, math.inf):
                    best[state] = ng
                    came[state] = (i, j, d)
                    heapq.heappush(heap, (ng + h(ni, nj), ng, ni, nj, nd))
        if found is None:
            return None
        chain: list[Point] = []
        node: tuple[int, int, int] | None = found
        while node is not None:
            chain.append((X[node[0]], Y[node[1]]))
            node = came[node]
        chain.reverse()
        return _clean([pl.p, *chain, pl.q])

    def least_bad(self, pl: _Plan) -> tuple[Point, ...]:
        cands = [_simple_shape(pl.p, pl.ss, pl.q, pl.ts, pl.s == pl.t)]
        o = _ORIENT[pl.ss]
        p, q = _to_c(o, pl.p), _to_c(o, pl.q)
        dt = _to_c(o, _DIR[pl.ts])
        if dt == (0, -1) and q[1] > p[1]:
            for f in (0.25, 0.5, 0.75):
                m = p[1] + (q[1] - p[1]) * f
                cands.append(_clean(_from_c(o, x) for x in [p, (p[0], m), (q[0], m), q]))
        return min(cands, key=lambda pts: (self.path_hits(pts, pl.s, pl.t), len(pts)))

    # -- labels ---------------------------------------------------------------
    def place_label(self, pts: Sequence[Point], size: tuple[float, float]) -> Box:
        """The label box of a route: on or beside the route, clear of units and labels.

        Tried in this order, the first free box taken ("free": grown by
        :data:`LABEL_CLEARANCE` it meets no unit and no label placed before): centred on
        a segment, then beside one (touching the line), segments longest and middle
        first, each at the free spot nearest its middle; then pushed off a segment, up to
        :data:`LABEL_REACH` away (two units in a row with a narrow gap); then the same
        boxes on or beside the route allowed to cover the route's own ends (arrowheads and
        markers are avoided before); then a box on or beside the route clear of the units;
        last the least overlapping of the tried boxes.
        """
        w, h = max(size[0], 0.0), max(size[1], 0.0)
        n = len(pts) - 1
        segs = []
        for i in range(n):
            a, b = pts[i], pts[i + 1]
            length = math.hypot(b[0] - a[0], b[1] - a[1])
            if length > 0:
                segs.append((-length, abs(i - (n - 1) / 2), i))
        if not segs:
            x, y = pts[0]
            return self._take((x - w / 2, y - h / 2, x + w / 2, y + h / 2))
        segs.sort()
        order = [i for _l, _m, i in segs[:_LABEL_SEGMENTS]]
        self._ends = [_end_zone(pts[0], pts[1]), _end_zone(pts[-1], pts[-2])]
        use_labels = self.label_work < LABEL_WORK
        tried: list[_Rect] = []
        # the first box, in the order tried, clear of: everything / units and labels /
        # units only
        found: list[_Rect | None] = [None, None, None]
        for sides in ((0,), (-1, 1)):  # centred, then beside
            for i in order:
                a, b = pts[i], pts[i + 1]
                for side in sides:
                    if a[0] == b[0] or a[1] == b[1]:
                        got = self._sweep(a, b, w, h, side, use_labels)
                    else:
                        got = self._sample(a, b, w, h, side, use_labels, tried)
                    if got[0] is not None:
                        return self._take(got[0])
                    for k in (1, 2):
                        found[k] = found[k] or got[k]
        pushed: tuple[float, int, _Rect] | None = None
        k = 0
        for i in order[:_LAST_RESORT_SEGMENTS]:
            a, b = pts[i], pts[i + 1]
            for f in _LABEL_SPOTS[:3]:
                for sign in (-1, 1):
                    k += 1
                    moved = self._push(a, b, f, sign, w, h, use_labels)
                    if moved is not None and (pushed is None or moved[0] < pushed[0]):
                        pushed = (moved[0], k, moved[1])
        if pushed is not None:
            return self._take(pushed[2])
        if found[1] is not None:  # on the route's own end rather than on a unit or label
            return self._take(found[1])
        if found[2] is not None:
            tried.insert(0, found[2])
        for f in _LABEL_SPOTS:
            for i in order[:_LAST_RESORT_SEGMENTS]:
                a, b = pts[i], pts[i + 1]
                for side in (0, -1, 1):
                    tried.append(_label_at(a, b, f, side, w, h))
        best = min(tried, key=lambda r: self._badness(r, use_labels))
        return self._take(best)

    def _take(self, r: _Rect) -> Box:
        self.labels.add(r)
        return (r[0], r[1], r[2] - r[0], r[3] - r[1])

    def _near(self, r: _Rect, c: float,
              use_labels: bool) -> tuple[list[_Rect], list[_Rect], list[_Rect]]:  # fmt: skip
        """Units, (with ``use_labels``) labels and end zones of the route being labelled
        (its arrowheads and markers) whose box meets ``r`` grown by ``c``."""
        x0, y0, x1, y1 = r[0] - c, r[1] - c, r[2] + c, r[3] + c
        out: tuple[list[_Rect], list[_Rect], list[_Rect]] = ([], [], [])
        for idx, dest in ((self.index, out[0]), (self.labels, out[1])):
            if idx is self.labels and not use_labels:
                continue
            near = idx.near(x0, y0, x1, y1)
            self.label_work += len(near) + 1
            for j in near:  # (a set of ints: the same order on every run)
                q = idx.rects[j]
                if q[0] < x1 and q[2] > x0 and q[1] < y1 and q[3] > y0:
                    dest.append(q)
        out[2].extend(q for q in self._ends
                      if q[0] < x1 and q[2] > x0 and q[1] < y1 and q[3] > y0)  # fmt: skip
        return out

    def _sweep(self, a: Point, b: Point, w: float, h: float, side: int,
               use_labels: bool) -> tuple[_Rect | None, _Rect | None, _Rect | None]:  # fmt: skip
        """The box on (side 0) or beside (side -1: above / left, 1: below / right) the
        axis-parallel segment a–b whose centre is nearest the segment's middle, clear of
        units, labels and the route's ends; of units and labels; of units (None where
        there is none)."""
        c = LABEL_CLEARANCE
        vertical = a[0] == b[0]
        # u runs along the segment, v across it
        if vertical:
            lo, hi, v, along, across = min(a[1], b[1]), max(a[1], b[1]), a[0], h, w
        else:
            lo, hi, v, along, across = min(a[0], b[0]), max(a[0], b[0]), a[1], w, h
        v0 = v - across / 2 + side * across / 2
        v1 = v0 + across
        sweep = (lo - along / 2, v0, hi + along / 2, v1)
        near = self._near(_swap(sweep) if vertical else sweep, c, use_labels)
        blocked: list[list[tuple[float, float]]] = [[], [], []]
        for dest, rects in zip(blocked, near, strict=True):
            for q in rects:
                q0, q1 = (q[1], q[3]) if vertical else (q[0], q[2])
                dest.append((q0 - c - along / 2, q1 + c + along / 2))
        mid = (lo + hi) / 2

        def box(u: float | None) -> _Rect | None:
            if u is None:
                return None
            r = (u - along / 2, v0, u + along / 2, v1)
            return _swap(r) if vertical else r

        units = _nearest_free(lo, hi, mid, blocked[0])
        if units is None:
            return None, None, None
        both = _nearest_free(lo, hi, mid, blocked[0] + blocked[1]) if blocked[1] else units
        if both is None:
            return None, None, box(units)
        every: float | None = both
        if blocked[2]:
            every = _nearest_free(lo, hi, mid, blocked[0] + blocked[1] + blocked[2])
        return box(every), box(both), box(units)

    def _sample(self, a: Point, b: Point, w: float, h: float, side: int, use_labels: bool,
                tried: list[_Rect]) -> tuple[_Rect | None, _Rect | None, _Rect | None]:  # fmt: skip
        """Like :meth:`_sweep` for a slanted segment (straight mode), at a few spots."""
        found: list[_Rect | None] = [None, None, None]
        for f in _LABEL_SPOTS:
            r = _label_at(a, b, f, side, w, h)
            tried.append(r)
            units, labels, ends = self._near(r, LABEL_CLEARANCE, use_labels)
            if not units:
                found[2] = found[2] or r
                if not labels:
                    found[1] = found[1] or r
                    if not ends:
                        return r, found[1], found[2]
        return None, found[1], found[2]

    def _push(self, a: Point, b: Point, f: float, sign: int, w: float, h: float,
              use_labels: bool) -> tuple[float, _Rect] | None:  # fmt: skip
        """The box centred at ``f`` along a–b moved across the segment (``sign`` -1: up /
        left, 1: down / right) just past what it meets, until free; with the distance
        moved, or None when not free within :data:`LABEL_REACH`."""
        c = LABEL_CLEARANCE
        r = _label_at(a, b, f, 0, w, h)
        ax = 0 if abs(b[0] - a[0]) < abs(b[1] - a[1]) else 1  # the axis moved along
        start = r[ax]
        for _ in range(_PUSH_STEPS):
            units, labels, ends = self._near(r, c, use_labels)
            hits = units + labels + ends
            if not hits:
                return abs(r[ax] - start), r
            size = r[ax + 2] - r[ax]
            if sign > 0:
                lo = max(q[ax + 2] for q in hits) + c + 1e-6
            else:
                lo = min(q[ax] for q in hits) - c - 1e-6 - size
            if abs(lo - start) > LABEL_REACH:
                return None
            r = (lo, r[1], lo + size, r[3]) if ax == 0 else (r[0], lo, r[2], lo + size)
        return None

    def _badness(self, r: _Rect, use_labels: bool) -> tuple[float, float]:
        """How much a box covers units, then labels and its route's ends (area plus one
        per box met)."""
        units, labels, ends = self._near(r, 0.0, use_labels)
        return (sum(_overlap_area(r, q) + 1.0 for q in units),
                sum(_overlap_area(r, q) + 1.0 for q in labels + ends))  # fmt: skip

    # -- straight mode -------------------------------------------------------
    def straight(self, s: int, t: int) -> tuple[Point, ...]:
        if s == t:
            side_a, side_b = "right", "top"
            lo, hi = self.side_range(s, side_a)
            a = self.port(s, side_a, lo + min(PORT_MARGIN * 2, (hi - lo) / 3))
            lo, hi = self.side_range(s, side_b)
            b = self.port(s, side_b, hi - min(PORT_MARGIN * 2, (hi - lo) / 3))
            return _loop_shape(a, side_a, b, side_b)
        return _straight_line(self.rects[s], self.rects[t])


def _swap(r: _Rect) -> _Rect:
    return (r[1], r[0], r[3], r[2])


def _end_zone(p: Point, q: Point) -> _Rect:
    """Where the arrowhead or marker at the end ``p`` of segment p–q is drawn."""
    length = math.hypot(q[0] - p[0], q[1] - p[1]) or 1.0
    k = min(ARROW_ROOM, length) / length
    e = (p[0] + (q[0] - p[0]) * k, p[1] + (q[1] - p[1]) * k)
    half = _HEAD_HALF
    return (min(p[0], e[0]) - half, min(p[1], e[1]) - half,
            max(p[0], e[0]) + half, max(p[1], e[1]) + half)  # fmt: skip


def _label_at(a: Point, b: Point, f: float, side: int, w: float, h: float) -> _Rect:
    """The w × h box at ``f`` along a–b: centred on it (side 0) or beside it, touching it
    (side -1: above or left, 1: below or right)."""
    x, y = a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f
    if side:
        dx, dy = b[0] - a[0], b[1] - a[1]
        length = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / length, dx / length
        if (nx if abs(nx) > abs(ny) else ny) < 0:
            nx, ny = -nx, -ny
        d = side * (abs(nx) * w / 2 + abs(ny) * h / 2)
        x, y = x + nx * d, y + ny * d
    return (x - w / 2, y - h / 2, x + w / 2, y + h / 2)


def _nearest_free(lo: float, hi: float, target: float,
                  blocked: Iterable[tuple[float, float]]) -> float | None:  # fmt: skip
    """The point of lo..hi outside every open interval of ``blocked`` nearest ``target``
    (the lower one on a tie), or None."""
    best: float | None = None
    cur = lo
    frees: list[tuple[float, float]] = []
    for s, e in sorted(blocked):
        if s > hi:
            break
        if e <= cur:
            continue
        if s >= cur:
            frees.append((cur, s))
        cur = e
        if cur > hi:
            break
    if cur <= hi:
        frees.append((cur, hi))
    for s, e in frees:
        u = min(max(target, s), e)
        if best is None or abs(u - target) < abs(best - target):
            best = u
    return best


def _fit(targets: Sequence[float], gap: float, lo: float, hi: float) -> list[float]:
    """Positions closest to ``targets`` (least squares) in their order, at least ``gap``
    apart, within lo..hi (pool adjacent violators on the targets shifted by i * gap)."""
    blocks: list[list[float]] = []  # [sum, count] of pooled shifted targets
    for i, t in enumerate(targets):
        blocks.append([t - i * gap, 1.0])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            total, count = blocks.pop()
            blocks[-1][0] += total
            blocks[-1][1] += count
    top = max(lo, hi - (len(targets) - 1) * gap)
    out: list[float] = []
    for total, count in blocks:
        out += [min(max(total / count, lo), top)] * int(count)
    return [v + i * gap for i, v in enumerate(out)]


def _room(bound: float, other: float, want: float, sign: int) -> float:
    """Tighten ``bound`` towards ``want`` (sign +1: raise a lower bound, -1: lower an upper
    bound) as long as the range to ``other`` stays non-empty."""
    if sign > 0:
        return max(bound, min(want, other))
    return min(bound, max(want, other))


def _loop_shape(p: Point, ps: str, q: Point, qs: str) -> tuple[Point, ...]:
    (ax, ay), (bx, by) = _DIR[ps], _DIR[qs]
    p1 = (p[0] + ax * LOOP, p[1] + ay * LOOP)
    q1 = (q[0] + bx * LOOP, q[1] + by * LOOP)
    corner = (p1[0], q1[1]) if ax != 0 else (q1[0], p1[1])
    return _clean([p, p1, corner, q1, q])


def _simple_shape(p: Point, ps: str, q: Point, qs: str, loop: bool = False) -> tuple[Point, ...]:
    """An orthogonal route between two ports that ignores every obstacle."""
    if loop:
        return _loop_shape(p, ps, q, qs)
    o = _ORIENT[ps]
    cp, cq = _to_c(o, p), _to_c(o, q)
    dt = _to_c(o, _DIR[qs])
    if dt == (0, -1) and cq[1] >= cp[1]:
        m = (cp[1] + cq[1]) / 2
        pts = [cp, (cp[0], m), (cq[0], m), cq]
    elif dt == (0, 1):
        m = max(cp[1], cq[1]) + LOOP
        pts = [cp, (cp[0], m), (cq[0], m), cq]
    elif dt == (0, -1):  # the target lies above: around, in an S
        m1, m2 = cp[1] + LOOP, cq[1] - LOOP
        x = (cp[0] + cq[0]) / 2
        pts = [cp, (cp[0], m1), (x, m1), (x, m2), (cq[0], m2), cq]
    else:  # the target side is perpendicular
        m = cp[1] + LOOP
        q1 = (cq[0] + dt[0] * LOOP, cq[1])
        pts = [cp, (cp[0], max(m, cq[1])) if cq[1] >= m else (cp[0], m)]
        if cq[1] >= m and (cp[0] - cq[0]) * dt[0] >= 0:
            pts = [cp, (cp[0], cq[1]), cq]
        else:
            pts = [cp, (cp[0], m), (q1[0], m), q1, cq]
    return _clean(_from_c(o, x) for x in pts)


def _straight_line(a: _Rect, b: _Rect) -> tuple[Point, ...]:
    """The line between the centres of two boxes, clipped at both borders."""
    ca = ((a[0] + a[2]) / 2, (a[1] + a[3]) / 2)
    cb = ((b[0] + b[2]) / 2, (b[1] + b[3]) / 2)
    dx, dy = cb[0] - ca[0], cb[1] - ca[1]
    if dx == 0 and dy == 0:
        p = (a[2], ca[1])
        return (p, p)

    def exit_point(c: Point, r: _Rect, ux: float, uy: float) -> Point:
        hw, hh = (r[2] - r[0]) / 2, (r[3] - r[1]) / 2
        k = min(hw / abs(ux) if ux else math.inf, hh / abs(uy) if uy else math.inf)
        return (c[0] + ux * k, c[1] + uy * k)

    return (exit_point(ca, a, dx, dy), exit_point(cb, b, -dx, -dy))


# ---------------------------------------------------------------------------
# public API
# ---------------------------------------------------------------------------
def _order(router: _Router, links: Sequence[Link]) -> list[Link]:
    def key(link: Link) -> tuple[float, str]:
        a, b = router.centre(router.pos[link.source]), router.centre(router.pos[link.target])
        return (abs(a[0] - b[0]) + abs(a[1] - b[1]), link.id)

    return sorted((x for x in links if x.source in router.pos and x.target in router.pos), key=key)


def _plans(router: _Router, ordered: Sequence[Link]) -> list[_Plan]:
    plans = []
    for link in ordered:
        s, t = router.pos[link.source], router.pos[link.target]
        ss, ts = router.sides(s, t)
        plans.append(_Plan(link, s, t, ss, ts))
    router.assign_ports(plans)
    return plans


def _finish(router: _Router, pl: _Plan, pts: tuple[Point, ...]) -> Route:
    label = router.place_label(pts, pl.link.label_size) if pl.link.label_size else None
    return Route(pts, label)


def route_all(boxes: Mapping[str, Box], links: Sequence[Link], *,
              mode: Mode = "orthogonal") -> dict[str, Route]:  # fmt: skip
    """Route every link whose two boxes exist (links to unknown boxes are left out); the
    keys are the link ids. ``mode="straight"``: the centre line clipped at both borders
    (a loop is still a small orthogonal loop), label at its middle."""
    router = _Router(boxes, mode)
    ordered = _order(router, links)
    out: dict[str, Route] = {}
    if mode == "straight":
        for link in ordered:
            pts = router.straight(router.pos[link.source], router.pos[link.target])
            out[link.id] = Route(
                pts, router.place_label(pts, link.label_size) if link.label_size else None
            )
        return out
    for pl in _plans(router, ordered):
        pts = router.route(pl)
        router.occupy(pts)
        out[pl.link.id] = _finish(router, pl, pts)
    return out


def quick_route(source: Box, target: Box, *, mode: Mode = "orthogonal") -> tuple[Point, ...]:
    """A cheap route for live dragging: orthogonal (or straight), from border to border,
    without obstacle avoidance."""
    a = (source[0], source[1], source[0] + source[2], source[1] + source[3])
    b = (target[0], target[1], target[0] + target[2], target[1] + target[3])
    if mode == "straight":
        return _straight_line(a, b)
    router = _Router.__new__(_Router)
    router.rects = [a, b]
    ss, ts = router.sides(0, 1, check=False)
    alo, ahi = router.side_range(0, ss)
    blo, bhi = router.side_range(1, ts)
    pa, pb = (alo + ahi) / 2, (blo + bhi) / 2
    if {ss, ts} in ({"top", "bottom"}, {"left", "right"}):
        lo, hi = max(alo, blo), min(ahi, bhi)
        if lo <= hi:
            pa = pb = (lo + hi) / 2
    return _simple_shape(router.port(0, ss, pa), ss, router.port(1, ts, pb), ts)


def reroute(previous: Mapping[str, Route], boxes: Mapping[str, Box], links: Sequence[Link],
            moved: Collection[str], *, mode: Mode = "orthogonal") -> dict[str, Route]:  # fmt: skip
    """Routes after boxes moved or changed: only the affected links are routed again.

    Affected are links touching a moved box, links whose previous route or label meets a
    moved box, links new or without a previous route, links whose label was added, removed,
    resized or covers a unit, and links whose ports moved because the ends on a box side
    were spread anew. The others keep their previous route; the labels of the affected
    links are placed clear of the kept ones."""
    router = _Router(boxes, mode)
    ordered = _order(router, links)
    moved_idx = {router.pos[m] for m in moved if m in router.pos}
    mindex = _Index(router.index.cell, CLEARANCE + 1)
    for k in sorted(moved_idx):
        mindex.add(router.rects[k])

    def meets_moved(link: Link, route: Route) -> bool:
        # (only called for links not touching a moved box; within the clearance counts)
        c = CLEARANCE - 1e-6
        for a, b in itertools.pairwise(route.points):
            for j in mindex.near(min(a[0], b[0]) - CLEARANCE, min(a[1], b[1]) - CLEARANCE,
                                 max(a[0], b[0]) + CLEARANCE, max(a[1], b[1]) + CLEARANCE):  # fmt: skip
                if _seg_meets(a, b, mindex.rects[j], c):
                    return True
        if route.label_box is not None:
            x, y, w, h = route.label_box
            if mindex.query((x, y, x + w, y + h), 0.0):
                return True
        return False

    def label_stale(link: Link, route: Route) -> bool:
        # a label added, removed or resized, or one that had to cover a unit (a unit moved
        # away may have freed a spot)
        if route.label_box is None or link.label_size is None:
            return (route.label_box is None) != (link.label_size is None)
        x, y, w, h = route.label_box
        if abs(w - link.label_size[0]) > 1e-6 or abs(h - link.label_size[1]) > 1e-6:
            return True
        return bool(router.index.query((x, y, x + w, y + h), 0.0))

    affected: set[str] = set()
    relabel: set[str] = set()  # the route kept, the label placed again
    for link in ordered:
        old = previous.get(link.id)
        if (old is None or router.pos[link.source] in moved_idx
                or router.pos[link.target] in moved_idx or meets_moved(link, old)):  # fmt: skip
            affected.add(link.id)
        elif label_stale(link, old):
            relabel.add(link.id)
    out: dict[str, Route] = {}
    if mode == "straight":
        for link in ordered:
            if link.id not in affected:
                old = previous[link.id]
                out[link.id] = old
                if old.label_box is not None and link.id not in relabel:
                    x, y, w, h = old.label_box
                    router.labels.add((x, y, x + w, y + h))
        for link in ordered:
            if link.id in affected or link.id in relabel:
                pts = (router.straight(router.pos[link.source], router.pos[link.target])
                       if link.id in affected else previous[link.id].points)  # fmt: skip
                lab = router.place_label(pts, link.label_size) if link.label_size else None
                out[link.id] = Route(pts, lab)
        return {link.id: out[link.id] for link in ordered}
    plans = _plans(router, ordered)
    for pl in plans:
        old = previous.get(pl.link.id)
        if (
            old is not None
            and pl.link.id not in affected
            and (not _same(old.points[0], pl.p) or not _same(old.points[-1], pl.q))
        ):
            affected.add(pl.link.id)
    for pl in plans:
        if pl.link.id not in affected:
            old = previous[pl.link.id]
            router.occupy(old.points)
            if old.label_box is not None and pl.link.id not in relabel:
                x, y, w, h = old.label_box
                router.labels.add((x, y, x + w, y + h))
    for pl in plans:
        if pl.link.id in affected:
            pts = router.route(pl)
            router.occupy(pts)
            out[pl.link.id] = _finish(router, pl, pts)
        elif pl.link.id in relabel:
            out[pl.link.id] = _finish(router, pl, previous[pl.link.id].points)
        else:
            out[pl.link.id] = previous[pl.link.id]
    return {link.id: out[link.id] for link in ordered}


def _same(a: Point, b: Point) -> bool:
    return abs(a[0] - b[0]) < 1e-6 and abs(a[1] - b[1]) < 1e-6


# ---------------------------------------------------------------------------
# drawing helpers
# ---------------------------------------------------------------------------
def rounded(points: Sequence[Point], radius: float = CORNER_RADIUS) -> list[PathOp]:
    """Path operations for a polyline with its corners rounded (quadratic curves).

    The radius at a corner is clipped to half the shorter of its two segments."""
    pts = list(_clean(points)) if len(points) >= 2 else list(points)
    if not pts:
        return []
    ops: list[PathOp] = [("move", (pts[0][0], pts[0][1]))]
    for i in range(1, len(pts) - 1):
        a, v, b = pts[i - 1], pts[i], pts[i + 1]
        lin = math.hypot(v[0] - a[0], v[1] - a[1])
        lout = math.hypot(b[0] - v[0], b[1] - v[1])
        r = min(radius, lin / 2, lout / 2)
        if r <= 0:
            ops.append(("line", (v[0], v[1])))
            continue
        p1 = (v[0] - (v[0] - a[0]) / lin * r, v[1] - (v[1] - a[1]) / lin * r)
        p2 = (v[0] + (b[0] - v[0]) / lout * r, v[1] + (b[1] - v[1]) / lout * r)
        ops.append(("line", p1))
        ops.append(("quad", (v[0], v[1], p2[0], p2[1])))
    if len(pts) >= 2:
        ops.append(("line", (pts[-1][0], pts[-1][1])))
    return ops


def offset_polyline(points: Sequence[Point], d: float) -> tuple[Point, ...]:
    """The polyline at distance ``d`` beside ``points`` (positive: to the left of the
    direction of travel on screen, i.e. normal (dy, -dx) with y down; corners mitred)."""
    pts = list(_clean(points)) if len(points) >= 2 else list(points)
    if len(pts) < 2:
        return tuple(pts)
    normals: list[Point] = []
    for a, b in itertools.pairwise(pts):
        length = math.hypot(b[0] - a[0], b[1] - a[1])
        if length == 0:
            normals.append((0.0, 0.0))
        else:
            normals.append(((b[1] - a[1]) / length, -(b[0] - a[0]) / length))
    out = [(pts[0][0] + normals[0][0] * d, pts[0][1] + normals[0][1] * d)]
    for i in range(1, len(pts) - 1):
        n1, n2 = normals[i - 1], normals[i]
        dot = n1[0] * n2[0] + n1[1] * n2[1]
        v = pts[i]
        if 1 + dot < 1e-9:
            out.append((v[0] + n1[0] * d, v[1] + n1[1] * d))
        else:
            k = d / (1 + dot)
            out.append((v[0] + (n1[0] + n2[0]) * k, v[1] + (n1[1] + n2[1]) * k))
    out.append((pts[-1][0] + normals[-1][0] * d, pts[-1][1] + normals[-1][1] * d))
    return tuple(out)
