"""Relation routes: orthogonal, from border to border, never behind a foreign unit.

On every template and on generated models, and as a property over random box sets.
"""

from __future__ import annotations

import itertools
import math
import random
import time
from collections.abc import Mapping, Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.generate import generate
from orgdesigner.drawing import routing
from orgdesigner.drawing.routing import (
    CORNER_RADIUS,
    Box,
    Link,
    Point,
    Route,
    offset_polyline,
    quick_route,
    reroute,
    rounded,
    route_all,
)
from orgdesigner.model import OrgModel
from orgdesigner.templates import load_templates

EPS = 1e-6
ARROW = 11.0


# ---------------------------------------------------------------------------
# checks
# ---------------------------------------------------------------------------
def seg_meets_interior(a: Point, b: Point, box: Box, clearance: float = 0.0) -> bool:
    """Does the segment a–b meet the open box grown by ``clearance`` (minus a hair)?"""
    x, y, w, h = box
    c = clearance - EPS
    return routing._seg_meets(a, b, (x, y, x + w, y + h), c)


def on_border(p: Point, box: Box) -> str | None:
    """Which side of ``box`` the point lies on (None when not on the border)."""
    x, y, w, h = box
    px, py = p
    if abs(py - y) < EPS and x - EPS <= px <= x + w + EPS:
        return "top"
    if abs(py - (y + h)) < EPS and x - EPS <= px <= x + w + EPS:
        return "bottom"
    if abs(px - x) < EPS and y - EPS <= py <= y + h + EPS:
        return "left"
    if abs(px - (x + w)) < EPS and y - EPS <= py <= y + h + EPS:
        return "right"
    return None


def outward(side: str) -> tuple[int, int]:
    return {"top": (0, -1), "bottom": (0, 1), "left": (-1, 0), "right": (1, 0)}[side]


def foreign_hits(
    boxes: Mapping[str, Box], links: Sequence[Link], routes: Mapping[str, Route],
    clearance: float = 0.0,
) -> list[tuple[str, str]]:  # fmt: skip
    """(link id, box id) for every segment that meets a box the link does not connect."""
    hits = []
    for link in links:
        pts = routes[link.id].points
        for a, b in itertools.pairwise(pts):
            for k, box in boxes.items():
                if k in (link.source, link.target):
                    continue
                if seg_meets_interior(a, b, box, clearance):
                    hits.append((link.id, k))
    return hits


def own_box_violations(
    boxes: Mapping[str, Box], links: Sequence[Link], routes: Mapping[str, Route]
) -> list[str]:
    """Links whose middle segments enter their own boxes, or whose end segments do."""
    bad = []
    for link in links:
        pts = routes[link.id].points
        for i, (a, b) in enumerate(itertools.pairwise(pts)):
            for k in {link.source, link.target}:
                if seg_meets_interior(a, b, boxes[k]):
                    bad.append(f"{link.id} seg {i} enters {k}")
    return bad


def check_orthogonal_routes(
    boxes: Mapping[str, Box], links: Sequence[Link], routes: Mapping[str, Route]
) -> None:
    assert set(routes) >= {x.id for x in links}
    for link in links:
        pts = routes[link.id].points
        assert len(pts) >= 2, link
        for a, b in itertools.pairwise(pts):
            assert abs(a[0] - b[0]) < EPS or abs(a[1] - b[1]) < EPS, (link, pts)
        start, end = on_border(pts[0], boxes[link.source]), on_border(pts[-1], boxes[link.target])
        assert start is not None and end is not None, (link, pts)
        # first segment leaves perpendicular to its side, the last one enters perpendicular
        for p, nxt, side in ((pts[0], pts[1], start), (pts[-1], pts[-2], end)):
            dx, dy = outward(side)
            ux, uy = nxt[0] - p[0], nxt[1] - p[1]
            length = math.hypot(ux, uy)
            assert length > 0, (link, pts)
            # perpendicular to the side and pointing away from the box
            assert abs(ux * dy - uy * dx) < EPS * max(1.0, length), (link, side, pts)
            assert ux * dx + uy * dy > 0, (link, side, pts)
    assert not own_box_violations(boxes, links, routes)


def check_ports_distinct(links: Sequence[Link], routes: Mapping[str, Route]) -> None:
    """Ends on one box are distinct points (ports spread along the side)."""
    ends: dict[tuple[str, float, float], str] = {}
    for link in links:
        pts = routes[link.id].points
        for box, p in ((link.source, pts[0]), (link.target, pts[-1])):
            key = (box, round(p[0], 3), round(p[1], 3))
            assert key not in ends, (link.id, ends.get(key), key)
            ends[key] = link.id


def check_labels(
    boxes: Mapping[str, Box], links: Sequence[Link], routes: Mapping[str, Route]
) -> int:
    """Every label sits centred on its route; returns how many cover a unit or a label.

    A label longer than every segment of its route (a short side-to-side relation) has no
    good place; the router takes the least bad one, not counted here."""
    labels = []
    bad: set[str] = set()
    for link in links:
        r = routes[link.id]
        if link.label_size is None:
            assert r.label_box is None
            continue
        assert r.label_box is not None
        x, y, w, h = r.label_box
        assert (w, h) == pytest.approx(link.label_size)
        # centred on the route
        cx, cy = x + w / 2, y + h / 2
        assert any(routing._seg_meets(a, b, (cx - 0.01, cy - 0.01, cx + 0.01, cy + 0.01), 0.0)
                   for a, b in itertools.pairwise(r.points)), link  # fmt: skip
        fits = any(abs(b[0] - a[0]) >= w or abs(b[1] - a[1]) >= h
                   for a, b in itertools.pairwise(r.points))  # fmt: skip
        for box in boxes.values():
            if fits and routing._overlap_area((x, y, x + w, y + h), _rect(box)) > 0:
                bad.add(link.id)
        labels.append((link.id, (x, y, x + w, y + h)))
    for (a, ra), (b, rb) in itertools.combinations(labels, 2):
        if routing._overlap_area(ra, rb) > 0:
            bad.update((a, b))
    return len(bad)


def _rect(b: Box) -> tuple[float, float, float, float]:
    return (b[0], b[1], b[0] + b[2], b[1] + b[3])


def boxes_links(model: OrgModel, label_h: float = 11.0) -> tuple[dict[str, Box], list[Link]]:
    boxes = {n.id: (n.x, n.y, n.width, n.height) for n in model.nodes}
    links = [
        Link(e.id, e.source, e.target, (len(e.label) * 5.0 + 6, label_h) if e.label else None)
        for e in model.edges
    ]
    return boxes, links


TEMPLATES = {t.name: t for t in load_templates()}


# ---------------------------------------------------------------------------
# templates and generated models
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_template_routes_avoid_units(name: str) -> None:
    boxes, links = boxes_links(TEMPLATES[name].build())
    routes = route_all(boxes, links)
    check_orthogonal_routes(boxes, links, routes)
    assert foreign_hits(boxes, links, routes, clearance=routing.CLEARANCE) == []
    check_ports_distinct(links, routes)
    labelled = sum(1 for x in links if x.label_size)
    assert check_labels(boxes, links, routes) <= labelled // 4
    # no small jogs: a middle segment is either absent or long enough to read as a bend
    for link in links:
        pts = routes[link.id].points
        for a, b in list(itertools.pairwise(pts))[1:-1]:
            assert math.dist(a, b) >= 10, (link.id, pts)


@pytest.mark.parametrize("n", [20, 80, 300])
def test_generated_model_routes_avoid_units(n: int) -> None:
    model = generate(n)
    # every tenth relation gets a label
    boxes, links = boxes_links(model)
    links = [Link(x.id, x.source, x.target, (60.0, 11.0) if i % 10 == 0 else None)
             for i, x in enumerate(links)]  # fmt: skip
    routes = route_all(boxes, links)
    check_orthogonal_routes(boxes, links, routes)
    assert foreign_hits(boxes, links, routes, clearance=routing.CLEARANCE) == []
    check_ports_distinct(links, routes)
    labelled = sum(1 for x in links if x.label_size)
    assert check_labels(boxes, links, routes) <= labelled // 10


def test_labels_avoid_units_and_each_other_where_there_is_room() -> None:
    boxes = {"a": (0.0, 0.0, 180.0, 64.0), "b": (0.0, 200.0, 180.0, 64.0),
             "c": (400.0, 200.0, 180.0, 64.0), "d": (600.0, 0.0, 180.0, 64.0)}  # fmt: skip
    links = [Link("ab", "a", "b", (120.0, 12.0)), Link("ac", "a", "c", (120.0, 12.0)),
             Link("ac2", "a", "c", (120.0, 12.0)), Link("dc", "d", "c", (60.0, 12.0)),
             Link("ba", "b", "a", (120.0, 12.0))]  # fmt: skip
    routes = route_all(boxes, links)
    assert check_labels(boxes, links, routes) == 0


def test_straight_lines_in_the_generated_model_do_cross_units() -> None:
    """The baseline the orthogonal router is measured against (and a check of the check)."""
    boxes, links = boxes_links(generate(80))
    straight = route_all(boxes, links, mode="straight")
    assert len(foreign_hits(boxes, links, straight)) > 10


def test_last_segment_leaves_room_for_the_arrowhead() -> None:
    boxes, links = boxes_links(generate(80))
    routes = route_all(boxes, links)
    short = [x.id for x in links
             if math.dist(routes[x.id].points[-1], routes[x.id].points[-2]) < ARROW]  # fmt: skip
    assert len(short) <= len(links) // 20, short


def test_a_box_between_two_units_of_a_row_is_routed_around() -> None:
    boxes = {"a": (0.0, 0.0, 100.0, 50.0), "m": (150.0, 0.0, 100.0, 50.0),
             "b": (300.0, 0.0, 100.0, 50.0)}  # fmt: skip
    links = [Link("ab", "a", "b")]
    routes = route_all(boxes, links)
    check_orthogonal_routes(boxes, links, routes)
    assert foreign_hits(boxes, links, routes, routing.CLEARANCE) == []
    pts = routes["ab"].points
    assert on_border(pts[0], boxes["a"]) == on_border(pts[-1], boxes["b"]) in ("top", "bottom")


def test_side_by_side_units_are_joined_straight() -> None:
    boxes = {"a": (0.0, 0.0, 100.0, 50.0), "b": (200.0, 0.0, 100.0, 50.0)}
    routes = route_all(boxes, [Link("ab", "a", "b")])
    assert routes["ab"].points == ((100.0, 25.0), (200.0, 25.0))


def test_units_above_each_other_are_joined_straight() -> None:
    boxes = {"a": (0.0, 0.0, 180.0, 64.0), "b": (0.0, 120.0, 180.0, 64.0)}
    routes = route_all(boxes, [Link("ab", "a", "b")])
    assert routes["ab"].points == ((90.0, 64.0), (90.0, 120.0))


def test_skip_band_relation_finds_a_corridor() -> None:
    row = {f"m{i}": (i * 215.0, 120.0, 180.0, 64.0) for i in range(5)}
    boxes = {"top": (430.0, 0.0, 180.0, 64.0), "bottom": (430.0, 240.0, 180.0, 64.0), **row}
    links = [Link("x", "top", "bottom"), Link("y", "bottom", "top")]
    routes = route_all(boxes, links)
    check_orthogonal_routes(boxes, links, routes)
    assert foreign_hits(boxes, links, routes, routing.CLEARANCE) == []
    for r in routes.values():  # down a corridor: no more than four bends
        assert len(r.points) <= 6


def test_a_wall_wider_than_the_search_window_is_gone_round() -> None:
    boxes = {"a": (900.0, 0.0, 180.0, 64.0), "b": (900.0, 400.0, 180.0, 64.0),
             "wall": (0.0, 150.0, 2000.0, 100.0), "post": (-500.0, 100.0, 100.0, 400.0)}  # fmt: skip
    links = [Link("ab", "a", "b"), Link("ba", "b", "a", (40.0, 10.0))]
    routes = route_all(boxes, links)
    check_orthogonal_routes(boxes, links, routes)
    assert foreign_hits(boxes, links, routes, routing.CLEARANCE) == []


def test_units_placed_anywhere_are_routed_around() -> None:
    """Not in rows: scattered boxes of all sizes (the A* fallback takes part)."""
    rng = random.Random(11)
    boxes: dict[str, Box] = {}
    while len(boxes) < 40:
        w, h = rng.uniform(40, 250), rng.uniform(40, 120)
        x, y = rng.uniform(0, 1400), rng.uniform(0, 900)
        grown = (x - 15, y - 15, x + w + 15, y + h + 15)
        if all(routing._overlap_area(grown, _rect(b)) == 0 for b in boxes.values()):
            boxes[f"b{len(boxes)}"] = (x, y, w, h)
    names = sorted(boxes)
    links = [Link(f"l{i}", rng.choice(names), rng.choice(names)) for i in range(60)]
    routes = route_all(boxes, links)
    check_orthogonal_routes(boxes, links, routes)
    assert foreign_hits(boxes, links, routes) == []


def test_parallel_relations_between_the_same_pair_are_drawn_apart() -> None:
    boxes = {"a": (0.0, 0.0, 180.0, 64.0), "b": (300.0, 200.0, 180.0, 64.0)}
    links = [Link(f"l{i}", "a", "b") for i in range(4)] + [Link("back", "b", "a")]
    routes = route_all(boxes, links)
    check_orthogonal_routes(boxes, links, routes)
    check_ports_distinct(links, routes)
    # no two routes share a piece of a segment
    segs = [(lid, a, b) for lid, r in routes.items() for a, b in itertools.pairwise(r.points)]
    for (l1, a1, b1), (l2, a2, b2) in itertools.combinations(segs, 2):
        if l1 == l2:
            continue
        assert not _collinear_overlap(a1, b1, a2, b2), (l1, l2, a1, b1, a2, b2)


def _collinear_overlap(a1: Point, b1: Point, a2: Point, b2: Point) -> bool:
    if a1[1] == b1[1] == a2[1] == b2[1]:
        return (
            min(max(a1[0], b1[0]), max(a2[0], b2[0])) - max(min(a1[0], b1[0]), min(a2[0], b2[0]))
            > 0.5
        )
    if a1[0] == b1[0] == a2[0] == b2[0]:
        return (
            min(max(a1[1], b1[1]), max(a2[1], b2[1])) - max(min(a1[1], b1[1]), min(a2[1], b2[1]))
            > 0.5
        )
    return False


def test_ports_line_up_with_the_facing_ports_of_a_busier_side() -> None:
    boxes = {"a": (0.0, 0.0, 180.0, 64.0), "b": (0.0, 200.0, 180.0, 64.0),
             "c": (400.0, 0.0, 180.0, 64.0)}  # fmt: skip
    links = [Link("ab1", "a", "b"), Link("ab2", "a", "b"), Link("cb", "c", "b")]
    routes = route_all(boxes, links)
    assert len(routes["ab1"].points) == len(routes["ab2"].points) == 2  # straight down


def test_ports_on_a_side_are_sorted_by_the_other_end() -> None:
    boxes = {"p": (400.0, 0.0, 180.0, 64.0)}
    boxes.update({f"c{i}": (i * 215.0, 200.0, 180.0, 64.0) for i in range(5)})
    links = [Link(f"l{i}", "p", f"c{i}") for i in (3, 0, 4, 1, 2)]
    routes = route_all(boxes, links)
    xs = [routes[f"l{i}"].points[0][0] for i in range(5)]
    assert xs == sorted(xs) and len(set(xs)) == 5


def test_loop_is_a_small_orthogonal_loop() -> None:
    boxes = {"a": (0.0, 0.0, 180.0, 64.0)}
    links = [Link("self", "a", "a", (40.0, 10.0))]
    routes = route_all(boxes, links)
    check_orthogonal_routes(boxes, links, routes)
    pts = routes["self"].points
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    assert max(xs) - min(xs) < 200 and max(ys) - min(ys) < 120


def test_degenerate_inputs_never_crash() -> None:
    boxes = {
        "a": (0.0, 0.0, 100.0, 60.0),
        "b": (50.0, 30.0, 100.0, 60.0),  # overlaps a
        "c": (50.0, 30.0, 100.0, 60.0),  # on top of b
        "far": (1_000_000.0, -1_000_000.0, 2000.0, 2000.0),
        "neg": (-1_000_000.0, 1_000_000.0, 40.0, 40.0),
        # enclosed: a ring of boxes around "in"
        "in": (5000.0, 5000.0, 40.0, 40.0),
        "r1": (4950.0, 4950.0, 140.0, 45.0),
        "r2": (4950.0, 5045.0, 140.0, 45.0),
        "r3": (4950.0, 4995.0, 50.0, 50.0),
        "r4": (5040.0, 4995.0, 50.0, 50.0),
    }
    links = [Link("ab", "a", "b", (30.0, 10.0)), Link("bc", "b", "c"), Link("cb", "c", "b"),
             Link("far", "far", "neg", (50.0, 10.0)), Link("in", "in", "a"),
             Link("loop", "in", "in"), Link("missing", "a", "nowhere")]  # fmt: skip
    for mode in ("orthogonal", "straight"):
        t = time.perf_counter()
        routes = route_all(boxes, links, mode=mode)  # type: ignore[arg-type]
        assert time.perf_counter() - t < 5
        assert "missing" not in routes and len(routes) == len(links) - 1
        for r in routes.values():
            assert len(r.points) >= 2 and all(math.isfinite(v) for p in r.points for v in p)
    routes = route_all(boxes, links)
    check_orthogonal_routes(boxes, [x for x in links if x.id in ("far", "in", "loop")], routes)


def test_thousands_of_links_between_the_same_two_boxes() -> None:
    boxes = {"a": (0.0, 0.0, 180.0, 64.0), "b": (0.0, 200.0, 180.0, 64.0)}
    links = [Link(f"l{i:04}", "a", "b") for i in range(2000)]
    t = time.perf_counter()
    routes = route_all(boxes, links)
    assert time.perf_counter() - t < 10
    check_orthogonal_routes(boxes, links, routes)
    assert len({r.points[0] for r in routes.values()}) == 2000


def test_deterministic_and_independent_of_link_order() -> None:
    boxes, links = boxes_links(generate(80))
    first = route_all(boxes, links)
    shuffled = list(links)
    random.Random(3).shuffle(shuffled)
    assert route_all(dict(reversed(list(boxes.items()))), shuffled) == first


# ---------------------------------------------------------------------------
# straight mode, quick routes, drawing helpers
# ---------------------------------------------------------------------------
def test_straight_mode_clips_the_centre_line_at_both_borders() -> None:
    boxes = {"a": (0.0, 0.0, 100.0, 50.0), "b": (300.0, 200.0, 100.0, 50.0)}
    routes = route_all(boxes, [Link("ab", "a", "b", (20.0, 10.0))], mode="straight")
    (x0, y0), (x1, y1) = routes["ab"].points
    assert on_border((x0, y0), boxes["a"]) and on_border((x1, y1), boxes["b"])
    # on the line between the centres (50, 25) and (350, 225)
    for x, y in ((x0, y0), (x1, y1)):
        assert (x - 50) * 200 == pytest.approx((y - 25) * 300)
    lx, ly, lw, lh = routes["ab"].label_box or (0, 0, 0, 0)
    assert (lx + lw / 2, ly + lh / 2) == pytest.approx(((x0 + x1) / 2, (y0 + y1) / 2))


def test_quick_route_is_orthogonal_from_border_to_border_and_fast() -> None:
    rng = random.Random(5)
    pairs = []
    for _ in range(100):
        a = (
            rng.uniform(-500, 500),
            rng.uniform(-500, 500),
            rng.uniform(40, 300),
            rng.uniform(40, 100),
        )
        b = (
            rng.uniform(-500, 500),
            rng.uniform(-500, 500),
            rng.uniform(40, 300),
            rng.uniform(40, 100),
        )
        pairs.append((a, b))
    t = time.perf_counter()
    for a, b in pairs:
        quick_route(a, b)
    elapsed = time.perf_counter() - t
    assert elapsed < 0.05  # 2 ms is the goal on an idle machine (see the benchmark)
    for a, b in pairs:
        pts = quick_route(a, b)
        assert on_border(pts[0], a) and on_border(pts[-1], b), (a, b, pts)
        for p, q in itertools.pairwise(pts):
            assert abs(p[0] - q[0]) < EPS or abs(p[1] - q[1]) < EPS
        straight = quick_route(a, b, mode="straight")
        assert len(straight) == 2


def test_rounded_corners_clip_the_radius() -> None:
    ops = rounded([(0.0, 0.0), (0.0, 100.0), (4.0, 100.0), (4.0, 200.0)], CORNER_RADIUS)
    assert ops[0] == ("move", (0.0, 0.0))
    assert ops[-1] == ("line", (4.0, 200.0))
    quads = [o for o in ops if o[0] == "quad"]
    assert len(quads) == 2
    assert quads[0][1] == (0.0, 100.0, 2.0, 100.0)  # radius clipped to half of 4
    assert rounded([(0.0, 0.0), (10.0, 0.0)], 6) == [("move", (0.0, 0.0)), ("line", (10.0, 0.0))]


def test_offset_polyline_keeps_the_distance() -> None:
    pts = [(0.0, 0.0), (0.0, 100.0), (50.0, 100.0)]
    off = offset_polyline(pts, 3.0)
    assert len(off) == 3
    for (a, b), (c, d) in zip(itertools.pairwise(pts), itertools.pairwise(off), strict=True):
        # parallel at distance 3
        if a[0] == b[0]:
            assert c[0] == d[0] and abs(c[0] - a[0]) == pytest.approx(3)
        else:
            assert c[1] == d[1] and abs(c[1] - a[1]) == pytest.approx(3)
    back = offset_polyline(off, -3.0)
    assert [v for p in back for v in p] == pytest.approx([v for p in pts for v in p])


# ---------------------------------------------------------------------------
# reroute
# ---------------------------------------------------------------------------
def test_reroute_after_moving_units_keeps_the_guarantees() -> None:
    boxes, links = boxes_links(generate(80))
    routes = route_all(boxes, links)
    rng = random.Random(7)
    moved = rng.sample(sorted(boxes), 8)
    new = dict(boxes)
    bottom = max(y + h for _x, y, _w, h in boxes.values())
    for i, k in enumerate(moved):  # into a new row below the chart, off every other unit
        _x, _y, w, h = new[k]
        new[k] = (180.0 + i * 215.0, bottom + 100.0, w, h)
    again = reroute(routes, new, links, moved)
    check_orthogonal_routes(new, links, again)
    assert foreign_hits(new, links, again, routing.CLEARANCE) == []
    check_ports_distinct(links, again)
    # route_all itself moves more routes than the edit touches (a route taking another
    # track lets later ones keep theirs or not): equal for most links, not all
    fresh = route_all(new, links)
    same = sum(1 for x in links if again[x.id] == fresh[x.id])
    assert same >= 0.7 * len(links)
    # links far from the moved units keep their route
    untouched = [x for x in links if x.source not in moved and x.target not in moved]
    assert sum(1 for x in untouched if again[x.id] == routes[x.id]) >= 0.5 * len(untouched)


def test_reroute_moves_the_routes_a_moved_unit_now_covers() -> None:
    boxes = {"a": (0.0, 0.0, 180.0, 64.0), "b": (0.0, 400.0, 180.0, 64.0),
             "c": (400.0, 0.0, 180.0, 64.0), "d": (400.0, 400.0, 180.0, 64.0),
             "m": (800.0, 200.0, 100.0, 40.0)}  # fmt: skip
    links = [Link("ab", "a", "b", (60.0, 10.0)), Link("cd", "c", "d"), Link("ma", "m", "a")]
    routes = route_all(boxes, links)
    for spot in ((40.0, 200.0), (92.0, 200.0)):  # onto the line, beside it
        new = {**boxes, "m": (spot[0], spot[1], 100.0, 40.0)}
        again = reroute(routes, new, links, ["m"])
        check_orthogonal_routes(new, links, again)
        assert foreign_hits(new, links, again, routing.CLEARANCE) == []
        assert again["cd"] == routes["cd"]  # far away, no side shared: kept
        assert again["ab"] != routes["ab"]


def test_reroute_without_moves_changes_nothing() -> None:
    boxes, links = boxes_links(TEMPLATES["stabsstelle"].build())
    routes = route_all(boxes, links)
    assert reroute(routes, boxes, links, []) == routes


# ---------------------------------------------------------------------------
# the property: random non-overlapping boxes, random links
# ---------------------------------------------------------------------------
@st.composite
def charts(draw: st.DrawFn) -> tuple[dict[str, Box], list[Link]]:
    cols = draw(st.integers(1, 6))
    rows = draw(st.integers(1, 5))
    pitch_x = draw(st.sampled_from([260.0, 320.0, 2100.0]))
    pitch_y = draw(st.sampled_from([110.0, 150.0, 700.0]))
    boxes: dict[str, Box] = {}
    for r in range(rows):
        for c in range(cols):
            if not draw(st.booleans()) and len(boxes) > 1:
                continue
            w = draw(st.floats(40, pitch_x - 30))
            h = draw(st.floats(40, pitch_y - 30))
            jx = draw(st.floats(0, pitch_x - 20 - w))
            jy = draw(st.floats(0, pitch_y - 20 - h))
            boxes[f"b{r}_{c}"] = (c * pitch_x + jx, r * pitch_y + jy, w, h)
    names = sorted(boxes)
    n = draw(st.integers(1, 25))
    links = []
    for i in range(n):
        a = draw(st.sampled_from(names))
        b = draw(st.sampled_from(names))
        dup = draw(st.integers(1, 3))  # same-pair duplicates
        label = (draw(st.floats(10, 80)), 10.0) if draw(st.booleans()) else None
        links += [Link(f"l{i}_{k}", a, b, label) for k in range(dup)]
    return boxes, links


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(charts(), st.randoms(use_true_random=False))
def test_property_no_route_crosses_a_foreign_box(
    chart: tuple[dict[str, Box], list[Link]], rnd: random.Random
) -> None:
    boxes, links = chart
    routes = route_all(boxes, links)
    check_orthogonal_routes(boxes, links, routes)
    assert foreign_hits(boxes, links, routes) == []
    check_ports_distinct([x for x in links if x.source != x.target], routes)
    # move some boxes by whole grid steps (they stay apart) and reroute
    # move some boxes together beside, below or across the chart: they stay apart
    names = sorted(boxes)
    moved = rnd.sample(names, max(1, len(names) // 3))
    width = max(x + w for x, _y, w, _h in boxes.values()) + 100
    height = max(y + h for _x, y, _w, h in boxes.values()) + 100
    shift = rnd.choice([(width, 0.0), (0.0, height), (-width, 0.0), (width, -height)])
    new = dict(boxes)
    for k in moved:
        x, y, w, h = new[k]
        new[k] = (x + shift[0], y + shift[1], w, h)
    again = reroute(routes, new, links, moved)
    check_orthogonal_routes(new, links, again)
    assert foreign_hits(new, links, again) == []


@settings(max_examples=40, deadline=None)
@given(charts())
def test_property_straight_mode_ends_on_the_borders(
    chart: tuple[dict[str, Box], list[Link]],
) -> None:
    boxes, links = chart
    routes = route_all(boxes, links, mode="straight")
    for link in links:
        pts = routes[link.id].points
        assert on_border(pts[0], boxes[link.source]) and on_border(pts[-1], boxes[link.target])
