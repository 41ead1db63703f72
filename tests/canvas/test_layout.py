"""The Qt-free band geometry and auto-layout (orgdesigner/layout.py)."""

from __future__ import annotations

from orgdesigner import layout, style
from orgdesigner.catalog import LEVEL_IDS
from orgdesigner.model import Edge, Node, OrgModel
from orgdesigner.templates import available


def _node(i: str, level: str, x: float, y: float) -> Node:
    return Node(id=i, level=level, x=x, y=y)  # type: ignore[arg-type]


def test_empty_model_has_five_bands_of_default_height() -> None:
    bands = layout.band_rects(OrgModel())
    assert list(bands) == list(LEVEL_IDS)
    tops = [b.top for b in bands.values()]
    assert tops == [i * style.BAND_HEIGHT for i in range(5)]
    assert all(b.height == style.BAND_HEIGHT for b in bands.values())


def test_a_band_grows_to_hold_its_nodes_and_pushes_the_lower_ones() -> None:
    model = OrgModel(nodes=[_node("a", "strategic", 200, 148), _node("b", "strategic", 200, 230)])
    bands = layout.band_rects(model)
    assert bands["strategic"].bottom == 230 + 64 + layout.PAD
    assert bands["coordination"].top == bands["strategic"].bottom


def test_clamp_keeps_a_node_in_its_band() -> None:
    band = layout.band_rects(OrgModel())["coordination"]
    assert layout.clamp_y(band, 64, -500) == band.top + layout.PAD
    _low, high = layout.y_range(band, 64)
    assert layout.clamp_y(band, 64, 10_000) == high
    assert high + 64 <= band.bottom + 64 + layout.V_GAP  # one extra row at most
    assert layout.clamp_x(0) == layout.NODE_LEFT


def test_settle_pushes_lower_bands_down_and_pulls_them_up_again() -> None:
    bands = layout.band_rects(OrgModel())
    row = bands["strategic"].top + layout.PAD  # where a band's first row sits
    below = bands["coordination"].top + layout.PAD
    second = row + 64 + layout.V_GAP
    model = OrgModel(nodes=[_node("a", "strategic", 200, row), _node("b", "strategic", 420, row),
                            _node("c", "coordination", 200, below)])  # fmt: skip
    assert layout.settle(model, {}) == {}  # tidy as it is
    moves = layout.settle(model, {"b": (420, second)})  # a second row in the strategic band
    assert moves["b"] == (420, second)
    assert moves["c"][1] == below + (second - row)  # pushed down with its band
    for node_id, (x, y) in moves.items():
        model.nodes[model.node_index(node_id)] = model.node(node_id).model_copy(update={"x": x, "y": y})
    back = layout.settle(model, {"b": (420, row)})
    assert back["c"] == (200, below)


def test_settle_of_a_tidy_model_changes_nothing_else() -> None:
    model = available()[next(iter(available()))].build()
    first = model.nodes[0]
    assert layout.settle(model, {first.id: (first.x + 30, first.y)}) == {
        first.id: (first.x + 30, first.y)
    }


def test_auto_layout_puts_every_node_in_its_band_in_one_row() -> None:
    for template in available().values():
        model = template.build()
        moves = layout.auto_layout(model)
        for node_id, (x, y) in moves.items():
            i = model.node_index(node_id)
            model.nodes[i] = model.nodes[i].model_copy(update={"x": x, "y": y})
        bands = layout.band_rects(model)
        for n in model.nodes:
            band = bands[n.level]
            assert band.top <= n.y and n.y + n.height <= band.bottom, (template.name, n.id)
            assert n.x >= layout.NODE_LEFT
        # no two nodes overlap
        boxes = [(n.x, n.y, n.x + n.width, n.y + n.height) for n in model.nodes]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
        assert layout.auto_layout(model) == {}  # stable: a second run changes nothing


def test_auto_layout_keeps_the_users_order_without_relations() -> None:
    model = OrgModel(nodes=[_node("right", "implementation", 900, 400),
                            _node("left", "implementation", 300, 390),
                            _node("mid", "implementation", 600, 420)])  # fmt: skip
    moves = layout.auto_layout(model, one_row=True)
    xs = {i: moves.get(i, (model.node(i).x, 0))[0] for i in ("left", "mid", "right")}
    assert xs["left"] < xs["mid"] < xs["right"]


def test_auto_layout_reduces_crossings() -> None:
    # a above b; a's child drawn right, b's child drawn left: the children swap
    model = OrgModel(
        nodes=[_node("a", "coordination", 200, 268), _node("b", "coordination", 420, 268),
               _node("ca", "implementation", 420, 388), _node("cb", "implementation", 200, 388)],
        edges=[Edge(id="e1", type="coordinates", source="a", target="ca"),
               Edge(id="e2", type="coordinates", source="b", target="cb")],
    )  # fmt: skip
    moves = layout.auto_layout(model, one_row=True)
    x = {i: moves.get(i, (model.node(i).x, 0.0))[0] for i in ("ca", "cb")}
    assert x["ca"] < x["cb"]


def test_many_nodes_wrap_into_rows_and_print_larger_on_a4() -> None:
    from orgdesigner.drawing.autolayout import a4_scale, chart_size

    model = OrgModel(nodes=[_node(f"n{i}", "implementation", 200 + i * 10, 388) for i in range(12)])
    moves = layout.auto_layout(model)
    rows = {y for _x, y in moves.values()}
    assert len(rows) >= 2
    one_row = layout.auto_layout(model, one_row=True)
    assert len({y for _x, y in one_row.values()}) == 1
    assert a4_scale(*chart_size(model, moves))[0] > a4_scale(*chart_size(model, one_row))[0]
