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
from orgdesigner.drawing import geometry, routing
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
from orgdesigner.export import fonts
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


def _rect_dist(r: tuple[float, float, float, float], a: Point, b: Point) -> float:
    """Distance between the rectangle ``r`` and the segment a–b (0 where they meet)."""
    if routing._seg_meets(a, b, r, 1e-9):
        return 0.0

    def point_rect(p: Point) -> float:
        return math.hypot(max(r[0] - p[0], 0.0, p[0] - r[2]), max(r[1] - p[1], 0.0, p[1] - r[3]))

    def point_seg(p: Point) -> float:
        dx, dy = b[0] - a[0], b[1] - a[1]
        d = dx * dx + dy * dy
        t = min(max(((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / d, 0.0), 1.0) if d else 0.0
        return math.dist(p, (a[0] + dx * t, a[1] + dy * t))

    corners = [(r[0], r[1]), (r[2], r[1]), (r[0], r[3]), (r[2], r[3])]
    return min([point_rect(a), point_rect(b)] + [point_seg(c) for c in corners])


def label_overlaps(
    boxes: Mapping[str, Box], links: Sequence[Link], routes: Mapping[str, Route]
) -> tuple[set[str], set[tuple[str, str]]]:
    """Checks that every label has its size and lies at its route (touching it, or pushed
    at most ``LABEL_REACH`` off it); returns the labels covering a unit and the pairs of
    labels covering each other."""
    labels: list[tuple[str, tuple[float, float, float, float]]] = []
    on_unit: set[str] = set()
    for link in links:
        r = routes[link.id]
        if link.label_size is None:
            assert r.label_box is None
            continue
        assert r.label_box is not None
        x, y, w, h = r.label_box
        assert (w, h) == pytest.approx(link.label_size)
        rect = (x, y, x + w, y + h)
        reach = min(_rect_dist(rect, a, b) for a, b in itertools.pairwise(r.points))
        assert reach <= routing.LABEL_REACH + 0.01, (link, r)
        if any(routing._overlap_area(rect, _rect(box)) > 0 for box in boxes.values()):
            on_unit.add(link.id)
        labels.append((link.id, rect))
    pairs = {(a, b) for (a, ra), (b, rb) in itertools.combinations(labels, 2)
             if routing._overlap_area(ra, rb) > 0}  # fmt: skip
    return on_unit, pairs


def check_labels(
    boxes: Mapping[str, Box], links: Sequence[Link], routes: Mapping[str, Route]
) -> int:
    """How many labels cover a unit or another label (see :func:`label_overlaps`)."""
    on_unit, pairs = label_overlaps(boxes, links, routes)
    return len(on_unit | {k for p in pairs for k in p})


def has_free_spot(
    pts: Sequence[Point], size: tuple[float, float],
    obstacles: Sequence[tuple[float, float, float, float]],
) -> bool:  # fmt: skip
    """Is a box of ``size`` centred on or beside (touching) an axis-parallel segment of
    ``pts``, at one of many sampled spots, clear of every obstacle by the label clearance?"""
    w, h = size
    c = routing.LABEL_CLEARANCE + 0.01
    for a, b in itertools.pairwise(pts):
        if a == b or (a[0] != b[0] and a[1] != b[1]):
            continue
        near = [q for q in obstacles
                if q[0] - c - w < max(a[0], b[0]) + w and q[2] + c + w > min(a[0], b[0]) - w
                and q[1] - c - h < max(a[1], b[1]) + h and q[3] + c + h > min(a[1], b[1]) - h]  # fmt: skip
        steps = 60
        for k in range(steps + 1):
            x = a[0] + (b[0] - a[0]) * k / steps
            y = a[1] + (b[1] - a[1]) * k / steps
            if a[1] == b[1]:  # horizontal: centred, above, below
                spots = [(x - w / 2, y + d, x + w / 2, y + d + h) for d in (-h / 2, -h, 0.0)]
            else:
                spots = [(x + d, y - h / 2, x + d + w, y + h / 2) for d in (-w / 2, -w, 0.0)]
            for r in spots:
                if not any(q[0] - c < r[2] and q[2] + c > r[0] and q[1] - c < r[3]
                           and q[3] + c > r[1] for q in near):  # fmt: skip
                    return True
    return False


def check_labels_where_free(
    boxes: Mapping[str, Box], links: Sequence[Link], routes: Mapping[str, Route]
) -> None:
    """A label covers a unit only when no spot on or beside its route is clear of the
    units; two labels cover each other only when one of them (the later placed) had no
    spot clear of the units and of every other label."""
    on_unit, pairs = label_overlaps(boxes, links, routes)
    units = [_rect(b) for b in boxes.values()]
    sizes = {x.id: x.label_size for x in links if x.label_size}
    for k in sorted(on_unit):
        assert not has_free_spot(routes[k].points, sizes[k], units), (k, routes[k])
    rects = {k: _rect(routes[k].label_box or (0, 0, 0, 0)) for k in sizes}

    def free(k: str) -> bool:
        others = units + [r for j, r in rects.items() if j != k]
        return has_free_spot(routes[k].points, sizes[k], others)

    for a, b in sorted(pairs):
        assert not (free(a) and free(b)), (a, b, routes[a], routes[b])


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
    assert check_labels(boxes, links, routes) == 0
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
    assert check_labels(boxes, links, routes) == 0


def test_labels_avoid_units_and_each_other_where_there_is_room() -> None:
    boxes = {"a": (0.0, 0.0, 180.0, 64.0), "b": (0.0, 200.0, 180.0, 64.0),
             "c": (400.0, 200.0, 180.0, 64.0), "d": (600.0, 0.0, 180.0, 64.0)}  # fmt: skip
    links = [Link("ab", "a", "b", (120.0, 12.0)), Link("ac", "a", "c", (120.0, 12.0)),
             Link("ac2", "a", "c", (120.0, 12.0)), Link("dc", "d", "c", (60.0, 12.0)),
             Link("ba", "b", "a", (120.0, 12.0))]  # fmt: skip
    routes = route_all(boxes, links)
    assert check_labels(boxes, links, routes) == 0


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_template_labels_as_drawn_cover_no_unit_and_no_label(name: str) -> None:
    model = TEMPLATES[name].build()
    chart = geometry.compute(model, fonts.MEASURE, "de")
    labels = {k: _rect(g.label_box) for k, g in chart.relations.items() if g.label_box}
    assert labels or name not in ("matrix", "stabsstelle-agentur")
    for k, r in labels.items():
        for u, unit in chart.units.items():
            assert routing._overlap_area(r, _rect(unit.box)) == 0, (k, u)
        reach = min(_rect_dist(r, a, b) for a, b in itertools.pairwise(chart.relations[k].points))
        assert reach <= routing.LABEL_REACH
    for (a, ra), (b, rb) in itertools.combinations(sorted(labels.items()), 2):
        assert routing._overlap_area(ra, rb) == 0, (a, b)


def test_labels_between_two_units_in_a_row_leave_both_units_free() -> None:
    """The short side-to-side relation of the templates: 35 pt between two units, the
    label wider than the gap. It goes beside the gap, close to its line."""
    boxes = {"a": (180.0, 388.0, 180.0, 64.0), "b": (395.0, 388.0, 180.0, 64.0),
             "c": (610.0, 388.0, 180.0, 64.0), "up": (395.0, 148.0, 180.0, 64.0)}  # fmt: skip
    links = [Link("ab", "a", "b", (46.5, 13.3)), Link("ba", "b", "a", (69.3, 13.3)),
             Link("bc", "b", "c", (120.0, 13.3)), Link("upb", "up", "b", (39.1, 13.3))]  # fmt: skip
    routes = route_all(boxes, links)
    on_unit, pairs = label_overlaps(boxes, links, routes)
    assert on_unit == set() and pairs == set()
    # route_all places the labels in a fixed order: the same again, whatever the input order
    assert route_all(dict(reversed(boxes.items())), links[::-1]) == routes


def test_a_free_spot_is_found_however_narrow() -> None:
    """A long segment whose only free spot is one gap between the units beside it."""
    boxes = {"a": (0.0, 0.0, 60.0, 60.0), "b": (1000.0, 0.0, 60.0, 60.0)}
    # a row of units just above and below the line, one 50 pt gap at x 700
    for i in range(20):
        x = 70.0 + i * 46.0
        if 680 <= x <= 740:
            continue
        boxes[f"u{i}"] = (x, -40.0, 40.0, 65.0)
        boxes[f"d{i}"] = (x, 35.0, 40.0, 60.0)
    router = routing._Router(boxes, "orthogonal")
    x, y, w, h = router.place_label(((60.0, 30.0), (1000.0, 30.0)), (40.0, 10.0))
    assert (w, h) == (40.0, 10.0) and y <= 30.0 <= y + h  # on the line
    assert all(routing._overlap_area((x, y, x + w, y + h), _rect(b)) == 0 for b in boxes.values())
    assert x >= 700 and x + w <= 760


def test_a_label_keeps_off_the_arrowhead_where_it_can() -> None:
    """The only free stretch of the longest segment ends at the target: the label goes to
    the other segment rather than onto the arrowhead (the last ``ARROW_ROOM`` pt)."""
    boxes = {"a": (0.0, 0.0, 60.0, 60.0), "b": (300.0, 120.0, 60.0, 60.0),
             "u": (40.0, 90.0, 210.0, 55.0), "d": (40.0, 155.0, 210.0, 60.0)}  # fmt: skip
    router = routing._Router(boxes, "orthogonal")
    x, y, w, h = router.place_label(((30.0, 60.0), (30.0, 150.0), (300.0, 150.0)), (40.0, 10.0))
    rect = (x, y, x + w, y + h)
    assert all(routing._overlap_area(rect, _rect(b)) == 0 for b in boxes.values())
    assert x + w <= 300.0 - routing.ARROW_ROOM
    assert x <= 30.0 <= x + w  # on the first segment


def test_a_label_covers_its_own_arrowhead_rather_than_another_label() -> None:
    """Walls on both sides, another label on most of the line: the one free spot is at the
    arrowhead, and it is taken."""
    boxes = {"a": (0.0, 0.0, 60.0, 60.0), "b": (0.0, 200.0, 60.0, 60.0),
             "l": (-100.0, 60.0, 95.0, 140.0), "r": (65.0, 60.0, 95.0, 140.0)}  # fmt: skip
    router = routing._Router(boxes, "orthogonal")
    other = (0.0, 70.0, 60.0, 180.0)
    router.labels.add(other)
    x, y, w, h = router.place_label(((30.0, 60.0), (30.0, 200.0)), (40.0, 10.0))
    rect = (x, y, x + w, y + h)
    assert routing._overlap_area(rect, other) == 0
    assert all(routing._overlap_area(rect, _rect(b)) == 0 for b in boxes.values())
    assert x <= 30.0 <= x + w


def test_thousands_of_labelled_links_between_two_units_stay_fast() -> None:
    """Labels as wide as the caller allows (a 10,000-character label is cut to 220 pt)."""
    boxes = {"a": (0.0, 0.0, 180.0, 64.0), "b": (0.0, 200.0, 180.0, 64.0)}
    links = [Link(f"l{i:04}", "a", "b", (220.0, 13.3)) for i in range(2000)]
    t = time.perf_counter()
    routes = route_all(boxes, links)
    assert time.perf_counter() - t < 10
    on_unit, _pairs = label_overlaps(boxes, links, routes)
    assert on_unit == set()
    t = time.perf_counter()
    again = reroute(routes, {**boxes, "b": (0.0, 260.0, 180.0, 64.0)}, links, ["b"])
    assert time.perf_counter() - t < 10
    assert len(again) == 2000


def test_reroute_places_new_labels_clear_of_the_kept_ones() -> None:
    boxes = {"a": (0.0, 0.0, 180.0, 64.0), "b": (0.0, 200.0, 180.0, 64.0),
             "p": (800.0, 0.0, 100.0, 40.0), "q": (800.0, 200.0, 100.0, 40.0)}  # fmt: skip
    old = route_all(boxes, [Link("pq", "p", "q", (60.0, 12.0))])
    # a kept label lying where the new label would go (the middle of a–b's line)
    pq = Route(old["pq"].points, (30.0, 120.0, 120.0, 24.0))
    links = [Link("pq", "p", "q", (120.0, 24.0)), Link("ab", "a", "b", (120.0, 12.0)),
             Link("ab2", "a", "b", (80.0, 12.0))]  # fmt: skip
    again = reroute({"pq": pq}, boxes, links, [])
    assert again["pq"] == pq
    rects = [_rect(r.label_box) for r in again.values() if r.label_box]
    for ra, rb in itertools.combinations(rects + [_rect(b) for b in boxes.values()], 2):
        assert routing._overlap_area(ra, rb) == 0
    # a resized label is placed again, its route kept
    resized = [Link("pq", "p", "q", (150.0, 24.0)), *links[1:]]
    third = reroute(again, boxes, resized, [])
    assert third["pq"].points == pq.points and third["ab"] == again["ab"]
    assert third["pq"].label_box is not None and third["pq"].label_box[2:] == (150.0, 24.0)
    assert label_overlaps(boxes, resized, third) == (set(), set())


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
    links = [Link(x.id, x.source, x.target, (30.0 + i % 7 * 30, 13.3) if i % 3 == 0 else None)
             for i, x in enumerate(links)]  # fmt: skip
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
    check_labels_where_free(boxes, links, routes)
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
    check_labels_where_free(new, links, again)


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
