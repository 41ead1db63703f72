"""Relation routing benchmark: time of the router and segments behind foreign units.

Run from the repository root: ``python benchmarks/bench_routing.py [--sizes 100,300,1000]
[--runs 5]``

For each size the generated model (``benchmarks/generate.py``) is routed by
``orgdesigner.drawing.routing.route_all`` (orthogonal) and, as the peer, in straight mode
(today's centre-to-centre lines clipped at the borders). Both are counted with the same
function: route segments that meet the interior of a unit the relation does not connect.
With every fifth relation labelled (widths 30–220 pt) it counts labels covering a unit
and pairs of labels covering each other (goal: none on a unit).
Further: ``reroute`` after moving 50 units of the 1,000-unit model, and ``quick_route``
(the live route while dragging) for 100 links. Goals: route_all at 1,000 units ≤ 300 ms,
quick_route for 100 links ≤ 2 ms, and no segment through a foreign unit.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generate
from orgdesigner.drawing import routing
from orgdesigner.drawing.routing import Box, Link, Route
from orgdesigner.model import OrgModel

SIZES = (100, 300, 1_000)


def boxes_links(model: OrgModel) -> tuple[dict[str, Box], list[Link]]:
    boxes = {n.id: (n.x, n.y, n.width, n.height) for n in model.nodes}
    links = [Link(e.id, e.source, e.target, (len(e.label) * 5.5 + 6, 11.0) if e.label else None)
             for e in model.edges]  # fmt: skip
    return boxes, links


def foreign_segments(boxes: dict[str, Box], links: list[Link], routes: dict[str, Route]) -> int:
    """Segments meeting the interior of a box their relation does not connect."""
    index = routing._Index(256.0, 0.0)
    names = sorted(boxes)
    for k in names:
        x, y, w, h = boxes[k]
        index.add((x, y, x + w, y + h))
    count = 0
    for link in links:
        own = {names.index(link.source), names.index(link.target)}
        for a, b in itertools.pairwise(routes[link.id].points):
            near = index.near(min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))
            if any(k not in own and routing._seg_meets(a, b, index.rects[k], 0.0) for k in near):
                count += 1
    return count


def labelled(links: list[Link], every: int = 5) -> list[Link]:
    """Every ``every``-th link with a label of a width between 30 and 220 pt."""
    return [Link(x.id, x.source, x.target, (30.0 + (i * 37) % 190, 13.3) if i % every == 0
                 else None) for i, x in enumerate(links)]  # fmt: skip


def label_overlaps(boxes: dict[str, Box], routes: dict[str, Route]) -> tuple[int, int]:
    """Labels overlapping a unit, pairs of labels overlapping each other."""
    units = routing._Index(256.0, 0.0)
    for k in sorted(boxes):
        x, y, w, h = boxes[k]
        units.add((x, y, x + w, y + h))
    labels = routing._Index(256.0, 0.0)
    on_unit = pairs = 0
    for k in sorted(routes):
        if routes[k].label_box is None:
            continue
        x, y, w, h = routes[k].label_box or (0.0, 0.0, 0.0, 0.0)
        r = (x, y, x + w, y + h)
        on_unit += bool(units.query(r))
        pairs += len(labels.query(r))
        labels.add(r)
    return on_unit, pairs


def timed(fn: Any, runs: int) -> list[float]:
    fn()
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def moved_model(
    boxes: dict[str, Box], count: int, seed: int = 2
) -> tuple[dict[str, Box], list[str]]:
    """``count`` units moved by one column to the right where that place is free."""
    rng = random.Random(seed)
    names = sorted(boxes)
    taken = {(round(x), round(y)) for x, y, _w, _h in boxes.values()}
    moved: list[str] = []
    new = dict(boxes)
    for k in rng.sample(names, len(names)):
        x, y, w, h = new[k]
        for dx in (215.0, -215.0, 430.0, -430.0):
            spot = (round(x + dx), round(y))
            if spot not in taken:
                taken.discard((round(x), round(y)))
                taken.add(spot)
                new[k] = (x + dx, y, w, h)
                moved.append(k)
                break
        if len(moved) == count:
            break
    return new, moved


def measure(
    sizes: tuple[int, ...] | list[int], runs: int
) -> list[tuple[str, int | str, list[float], str]]:
    """Rows (name, size, times in ms, note)."""
    rows: list[tuple[str, int | str, list[float], str]] = []
    for n in sizes:
        boxes, links = boxes_links(generate(n))
        k = max(1, runs if n <= 300 else runs // 2 + 1)
        ortho = timed(lambda: routing.route_all(boxes, links), k)
        straight = timed(lambda: routing.route_all(boxes, links, mode="straight"), k)
        routes = routing.route_all(boxes, links)
        lines = routing.route_all(boxes, links, mode="straight")
        bad_o = foreign_segments(boxes, links, routes)
        bad_s = foreign_segments(boxes, links, lines)
        rows.append(("route_all orthogonal", n, ortho,
                     f"{len(links):,} links; {bad_o} segments through foreign units "
                     f"(straight: {bad_s}, {statistics.median(straight):.1f} ms)"))  # fmt: skip
        with_labels = labelled(links)
        lab = timed(lambda: routing.route_all(boxes, with_labels), k)
        on_unit, pairs = label_overlaps(boxes, routing.route_all(boxes, with_labels))
        rows.append(("labels: route_all, every 5th", n, lab,
                     f"{sum(1 for x in with_labels if x.label_size)} labels: {on_unit} on a "
                     f"unit, {pairs} label pairs overlapping"))  # fmt: skip
        if n == max(sizes):
            new, moved = moved_model(boxes, 50)
            again = routing.reroute(routes, new, links, moved)
            changed = sum(1 for x in links if again[x.id] != routes[x.id])
            rer = timed(lambda: routing.reroute(routes, new, links, moved), k)
            full = timed(lambda: routing.route_all(new, links), k)
            bad_r = foreign_segments(new, links, again)
            rows.append((f"reroute, {len(moved)} units moved", n, rer,
                         f"{changed} routes changed, {bad_r} through foreign units; "
                         f"route_all on the same {statistics.median(full):.0f} ms"))  # fmt: skip
    rng = random.Random(4)
    pairs = []
    for _ in range(100):
        a = (rng.uniform(0, 3000), rng.uniform(0, 1000), 180.0, 64.0)
        b = (rng.uniform(0, 3000), rng.uniform(0, 1000), 180.0, 64.0)
        pairs.append((a, b))

    def quick() -> None:
        for a, b in pairs:
            routing.quick_route(a, b)

    rows.append(("quick_route, 100 links", "-", timed(quick, max(runs, 5)), "goal ≤ 2 ms"))
    return rows


def rows(table: Any, sizes: list[int], runs: int, row: Any, goal: Any) -> None:
    """Add the measurements to the table of ``python -m benchmarks`` (its ``Row`` class and
    ``goal`` function passed in: that module runs as ``__main__``)."""
    small = [s for s in sizes if s <= 1_000] or [100]  # 10,000 units: minutes, no goal
    if max(small) >= 1_000:
        small = sorted({*small, 300})
    for name, size, times, note in measure(small, runs):
        r = table.add(row(f"routing: {name}", size, times, peer=note))
        if name.startswith("route_all") and size == 1_000:
            r.goal = goal(r.median, 300, "≤ 300 ms")
        elif name.startswith("quick_route"):
            r.goal = goal(r.median, 2, "≤ 2 ms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    for name, size, times, note in measure(sizes, args.runs):
        print(f"{name:32} {size!s:>6}  median {statistics.median(times):8.2f} ms  "
              f"(min {min(times):.2f}, max {max(times):.2f}, {len(times)} runs)  {note}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
