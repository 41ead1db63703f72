"""Align and distribute that never overlap, and the free place for a new unit
(orgdesigner/drawing/arrange.py), recorded as the controller records them (settle)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgdesigner import layout
from orgdesigner.drawing.arrange import ALIGN_MODES, AlignMode, align, distribute, free_place
from orgdesigner.drawing.autolayout import auto_layout
from orgdesigner.model import Node, OrgModel
from orgdesigner.templates import available
from tests.core.test_autolayout import _apply, _assert_tidy, models


def _record(model: OrgModel, proposed: dict[str, tuple[float, float]]) -> OrgModel:
    """The model after the edit, as the window records it (through ``layout.settle``)."""
    return _apply(model, layout.settle(model, proposed))


def _row(n: int, level: str = "implementation", y: float = 388) -> list[Node]:
    return [Node(id=f"u{i}", level=level, x=180 + 215 * i, y=y) for i in range(n)]  # type: ignore[arg-type]


def test_aligning_units_of_one_row_on_a_vertical_line_stacks_them() -> None:
    model = OrgModel(nodes=_row(4))
    for how in ("left", "hcenter", "right"):
        after = _record(model, align(model, ["u0", "u1", "u2", "u3"], how))  # type: ignore[arg-type]
        _assert_tidy(after)
        edges = {"left": lambda n: n.x, "right": lambda n: n.x + n.width,
                 "hcenter": lambda n: n.x + n.width / 2}[how]  # fmt: skip
        assert len({edges(n) for n in after.nodes}) == 1, how  # all on one line
        assert len({n.y for n in after.nodes}) == 4, how  # one above the other


def test_align_does_not_land_on_a_unit_that_is_not_selected() -> None:
    nodes = [*_row(3), Node(id="other", level="implementation", x=180, y=472)]
    model = OrgModel(nodes=nodes)
    after = _record(model, align(model, ["u0", "u1", "u2"], "left"))
    _assert_tidy(after)
    assert after.node("other").x == 180 and after.node("other").y == model.node("other").y
    assert {after.node(i).x for i in ("u0", "u1", "u2")} == {180}


def test_align_top_puts_every_unit_in_its_bands_top_row_side_by_side() -> None:
    nodes = [Node(id="a", level="implementation", x=180, y=388),
             Node(id="b", level="implementation", x=200, y=472),
             Node(id="c", level="implementation", x=190, y=556),
             Node(id="s", level="strategic", x=600, y=232),
             Node(id="t", level="strategic", x=180, y=148)]  # fmt: skip
    model = OrgModel(nodes=nodes)
    after = _record(model, align(model, ["a", "b", "c", "s", "t"], "top"))
    _assert_tidy(after)
    bands = layout.band_rects(after)
    for n in after.nodes:
        assert n.y == bands[n.level].top + layout.PAD, n.id
    assert after.node("a").x < after.node("c").x < after.node("b").x  # left to right as before


def test_distribute_keeps_the_order_and_at_least_the_normal_gap() -> None:
    nodes = [Node(id="a", level="implementation", x=180, y=388),
             Node(id="b", level="implementation", x=300, y=388),  # overlaps a
             Node(id="c", level="implementation", x=380, y=472),
             Node(id="d", level="implementation", x=1400, y=388)]  # fmt: skip
    model = OrgModel(nodes=nodes)
    after = _record(model, distribute(model, ["a", "b", "c", "d"]))
    _assert_tidy(after)
    xs = [after.node(i) for i in "abcd"]
    gaps = [q.x - (p.x + p.width) for p, q in itertools.pairwise(xs)]
    assert all(g >= layout.H_GAP for g in gaps)
    assert max(gaps) - min(gaps) < 1e-6  # evenly: there is room between a and d
    tight = OrgModel(nodes=[Node(id=f"t{i}", level="advisory", x=180 + 20 * i, y=508)
                            for i in range(3)])  # fmt: skip
    after = _record(tight, distribute(tight, ["t0", "t1", "t2"]))
    t = [after.node(f"t{i}") for i in range(3)]
    assert t[0].x < t[1].x < t[2].x
    assert all(q.x - (p.x + p.width) >= layout.H_GAP for p, q in itertools.pairwise(t))


def test_distribute_steps_over_a_unit_that_is_not_selected() -> None:
    nodes = [*_row(3), Node(id="middle", level="implementation", x=500, y=388)]
    nodes[1] = nodes[1].model_copy(update={"x": 250.0})
    nodes[2] = nodes[2].model_copy(update={"x": 800.0})
    model = OrgModel(nodes=nodes)
    after = _record(model, distribute(model, ["u0", "u1", "u2"]))
    _assert_tidy(after)
    assert after.node("u0").x < after.node("u1").x < after.node("u2").x


def test_too_few_units_change_nothing() -> None:
    model = OrgModel(nodes=_row(2))
    assert distribute(model, ["u0", "u1"]) == {}
    assert align(model, ["u0"], "left") == {}


def test_free_place_for_a_new_unit_overlaps_nothing_and_stays_in_its_band() -> None:
    model = available()["stabsstelle"].build()
    for level in ("implementation", "political", "advisory"):
        band = layout.band_rects(model)[level]
        centre = ((band.top + band.bottom) / 2, 500.0)
        x, y = free_place(model, level, 180, 64, near=(500, centre[0]))
        new = Node(id="new", level=level, x=x, y=y)  # type: ignore[arg-type]
        after = _record(model.model_copy(update={"nodes": [*model.nodes, new]}), {"new": (x, y)})
        _assert_tidy(after)
    empty = OrgModel()
    x, y = free_place(empty, "coordination", 180, 64)
    assert (x, y) == (layout.NODE_LEFT, layout.band_rects(empty)["coordination"].top + layout.PAD)


@pytest.mark.parametrize("how", ALIGN_MODES)
def test_align_mode_names(how: AlignMode) -> None:
    model = OrgModel(nodes=_row(3))
    _assert_tidy(_record(model, align(model, ["u0", "u2"], how)))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models(), st.data())
def test_align_and_distribute_never_overlap(model: OrgModel, data: st.DataObject) -> None:
    model = _apply(model, auto_layout(model, keep_order=True))  # a drawing without overlaps
    ids = [n.id for n in model.nodes]
    chosen = data.draw(st.lists(st.sampled_from(ids), min_size=1, unique=True))
    for how in ALIGN_MODES:
        after = _record(model, align(model, chosen, how))
        _assert_tidy(after)
    after = _record(model, distribute(model, chosen))
    _assert_tidy(after)
    if len(chosen) >= 3:
        placed = sorted((after.node(i) for i in chosen), key=lambda n: n.x)
        before = sorted(chosen, key=lambda i: (model.node(i).x, model.node(i).y, i))
        assert [n.id for n in placed] == before
        assert all(q.x - (p.x + p.width) >= layout.H_GAP - 1e-6
                   for p, q in itertools.pairwise(placed))  # fmt: skip
