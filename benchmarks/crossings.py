"""Count edge crossings of a drawing: straight segments from node centre to node centre.

The same function counts the crossings of OrgDesigner's auto-layout and of graphviz dot, so
the two figures compare the ordering of the units, not how each tool routes its lines.
Two segments cross when each one's end points lie strictly on both sides of the other
(a proper crossing); segments that share a unit, touch or overlap on one line do not count.
The count is invariant under scaling and mirroring, so dot's inches with y up compare
directly with OrgDesigner's points with y down.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

try:
    import numpy as np
except ImportError:  # pragma: no cover - numpy is not a dependency of the program
    np = None

Point = tuple[float, float]


def count_crossings(centres: Mapping[str, Point], edges: Iterable[tuple[str, str]],
                    block: int = 256) -> int:  # fmt: skip
    """Number of pairs of edges whose centre-to-centre segments properly cross.

    Vectorised with numpy when it is installed, else :func:`count_crossings_naive`."""
    if np is None:
        return count_crossings_naive(centres, edges)
    ids: dict[str, int] = {}
    pairs = []
    for a, b in edges:
        if a == b or a not in centres or b not in centres:
            continue
        pairs.append((ids.setdefault(a, len(ids)), ids.setdefault(b, len(ids))))
    if len(pairs) < 2:
        return 0
    xy = np.zeros((len(ids), 2))
    for name, i in ids.items():
        xy[i] = centres[name]
    ends = np.array(pairs, dtype=np.int64)
    p, q = xy[ends[:, 0]], xy[ends[:, 1]]
    lo, hi = np.minimum(p, q), np.maximum(p, q)  # bounding boxes prune most pairs at once
    total = 0
    m = len(pairs)
    for start in range(0, m, block):
        i = np.arange(start, min(start + block, m))[:, None]
        j = np.arange(m)[None, :]
        cand = (j > i) & (lo[i, 0] <= hi[j, 0]) & (lo[j, 0] <= hi[i, 0]) \
            & (lo[i, 1] <= hi[j, 1]) & (lo[j, 1] <= hi[i, 1])  # fmt: skip
        # no crossing between relations of the same unit
        shared = (ends[i, 0] == ends[j, 0]) | (ends[i, 0] == ends[j, 1]) \
            | (ends[i, 1] == ends[j, 0]) | (ends[i, 1] == ends[j, 1])  # fmt: skip
        ii, jj = np.nonzero(cand & ~shared)
        if not len(ii):
            continue
        ii += start
        total += int(np.count_nonzero(_proper(p[ii], q[ii], p[jj], q[jj])))
    return total


def _orient(a: Any, b: Any, c: Any) -> Any:
    return np.sign((b[:, 0] - a[:, 0]) * (c[:, 1] - a[:, 1])
                   - (b[:, 1] - a[:, 1]) * (c[:, 0] - a[:, 0]))  # fmt: skip


def _proper(p1: Any, p2: Any, p3: Any, p4: Any) -> Any:
    return (_orient(p3, p4, p1) * _orient(p3, p4, p2) < 0) \
        & (_orient(p1, p2, p3) * _orient(p1, p2, p4) < 0)  # fmt: skip


def count_crossings_naive(centres: Mapping[str, Point], edges: Iterable[tuple[str, str]]) -> int:
    """The same count in plain Python, O(E²): a check of :func:`count_crossings`."""
    def orient(a: Point, b: Point, c: Point) -> float:
        v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
        return (v > 0) - (v < 0)

    segs = [(a, b) for a, b in edges if a != b and a in centres and b in centres]
    total = 0
    for k, (a, b) in enumerate(segs):
        for c, d in segs[k + 1:]:
            if {a, b} & {c, d}:
                continue
            pa, pb, pc, pd = centres[a], centres[b], centres[c], centres[d]
            if orient(pc, pd, pa) * orient(pc, pd, pb) < 0 and \
                    orient(pa, pb, pc) * orient(pa, pb, pd) < 0:  # fmt: skip
                total += 1
    return total
