"""The scene follows the document: items appear, move and vanish only with the model."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage, QPainter

from orgdesigner.canvas.scene import OrgScene
from orgdesigner.commands import AddEdge, AddNode, MoveNodes, SetEdgeProperties, remove_items
from orgdesigner.document import Document
from orgdesigner.model import Edge, Node, OrgModel
from orgdesigner.relations import propose_relation
from orgdesigner.style import RELATION_STYLES
from orgdesigner.templates import example_model


@pytest.fixture
def scene(qapp: Any) -> OrgScene:
    return OrgScene(Document(example_model()))


def test_one_item_per_model_object(scene: OrgScene) -> None:
    model = scene.document.model
    assert set(scene.nodes) == {n.id for n in model.nodes}
    assert set(scene.edges) == {e.id for e in model.edges}
    for n in model.nodes:
        assert scene.nodes[n.id].pos() == QPointF(n.x, n.y)


def test_items_follow_commands_and_their_reverts(scene: OrgScene) -> None:
    doc = scene.document
    node = Node(id="x1", level="advisory", form="ethics_board", label="Ethikbeirat", x=400, y=508)
    add = AddNode(node)
    doc.apply(add)
    assert scene.nodes["x1"].node == node
    edge = Edge(id="x2", type=propose_relation(node, doc.model.nodes[0]), source="x1",
                target=doc.model.nodes[0].id)  # fmt: skip
    doc.apply(AddEdge(edge))
    assert scene.edges["x2"].source is scene.nodes["x1"]
    move = MoveNodes({"x1": (600.0, 508.0)})
    doc.apply(move)
    assert scene.nodes["x1"].pos() == QPointF(600, 508)
    assert scene.edges["x2"].line().p1().x() >= 600 - 1
    doc.revert(move)
    assert scene.nodes["x1"].pos() == QPointF(400, 508)
    retype = SetEdgeProperties(["x2"], {"type": "informs", "label": "jährlich"})
    doc.apply(retype)
    assert scene.edges["x2"].edge.type == "informs"
    remove = remove_items(doc.model, ["x1"])
    doc.apply(remove)
    assert "x1" not in scene.nodes and "x2" not in scene.edges
    assert all(scene.edges[e].source.scene() is scene for e in scene.edges)
    doc.revert(remove)
    assert "x1" in scene.nodes and scene.edges["x2"].edge.label == "jährlich"


def test_moving_an_item_does_not_touch_the_model(scene: OrgScene) -> None:
    node = scene.document.model.nodes[0]
    scene.nodes[node.id].setPos(QPointF(700, node.y))
    assert scene.document.model.nodes[0] == node


def test_reset_rebuilds(scene: OrgScene) -> None:
    scene.document.replace_model(OrgModel())
    assert scene.nodes == {} and scene.edges == {}
    assert len(scene.bands) == 5
    scene.document.replace_model(example_model())
    assert len(scene.nodes) == len(example_model().nodes)


def _render(scene: OrgScene, width: int, height: int) -> QImage:
    """The scene's top-left ``width`` × ``height`` units at one pixel per unit."""
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, width, height), QRectF(0, 0, width, height))
    painter.end()
    return image


def _differs(a: QImage, b: QImage, x: int, y: int) -> bool:
    ca, cb = a.pixelColor(x, y), b.pixelColor(x, y)
    return abs(ca.red() - cb.red()) + abs(ca.green() - cb.green()) + abs(ca.blue() - cb.blue()) > 60


@pytest.mark.parametrize("kind", sorted(RELATION_STYLES))
def test_every_relation_style_is_drawn_between_its_units(qapp: Any, kind: str) -> None:
    """The line is on screen, in the gap between the two units, and nowhere beside it."""
    top = Node(id="a", level="political", form="council", label="Rat", x=300, y=28)
    bottom = Node(id="b", level="implementation", label="Amt", x=300, y=388)
    bare = OrgModel(nodes=[top, bottom])
    linked = bare.model_copy(update={"edges": [Edge(id="e", type=kind, source="a", target="b")]})  # type: ignore[arg-type]
    without = _render(OrgScene(Document(bare)), 900, 560)
    scene = OrgScene(Document(linked))
    scene.clearSelection()
    drawn = _render(scene, 900, 560)
    cx = int(top.x + top.width / 2)
    gap_top, gap_bottom = top.y + top.height, bottom.y
    rows = range(int(gap_top + (gap_bottom - gap_top) * 0.25), int(gap_bottom - (gap_bottom - gap_top) * 0.25))
    inked = [y for y in rows if any(_differs(drawn, without, x, y) for x in range(cx - 6, cx + 7))]
    # solid lines ink every row; dashed and dotted ones at least a quarter of them
    assert len(inked) >= len(rows) / 4, f"{kind}: drawn on {len(inked)} of {len(rows)} rows"
    beside = [y for y in rows if any(_differs(drawn, without, x, y) for x in (cx - 60, cx + 60))]
    assert beside == [], f"{kind}: ink 60 px beside the route"


def test_node_item_elides_long_labels(scene: OrgScene) -> None:
    doc = scene.document
    long = "Sehr lange Bezeichnung einer Einheit " * 10
    doc.apply(AddNode(Node(id="long", level="implementation", label=long, x=300, y=388)))
    lines = [line.text for line in scene.nodes["long"].geometry.lines]
    assert 1 <= len(lines) <= 3
    assert lines[-1].endswith("…")


# -- routes around units ----------------------------------------------------------------------
BLOCKED_TOP = Node(id="a", level="political", form="council", label="Rat", x=300, y=28)
BLOCKER = Node(id="m", level="strategic", form="steering_committee", label="Lenkungskreis",
               x=300, y=148)  # fmt: skip
BLOCKED_BOTTOM = Node(id="b", level="implementation", label="Amt", x=300, y=388)


def _route_samples(points: Any, boxes: list[Node], step: float = 6.0) -> list[tuple[float, float]]:
    """Points every ``step`` units along the route, outside every unit's box (± 4)."""
    out = []
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        length = max(abs(x2 - x1), abs(y2 - y1))
        n = max(1, int(length // step))
        for i in range(1, n):
            x, y = x1 + (x2 - x1) * i / n, y1 + (y2 - y1) * i / n
            if not any(b.x - 4 <= x <= b.x + b.width + 4 and b.y - 4 <= y <= b.y + b.height + 4
                       for b in boxes):  # fmt: skip
                out.append((x, y))
    return out


def test_a_relation_is_drawn_around_a_unit_in_its_way(qapp: Any) -> None:
    """Rat → Amt with the Lenkungskreis between them: the canvas shows the line along the
    route the geometry gives, and none of it touches the Lenkungskreis (a line running
    into a unit and out again reads as a connection to it)."""
    nodes = [BLOCKED_TOP, BLOCKER, BLOCKED_BOTTOM]
    bare = OrgModel(nodes=nodes)
    linked = bare.model_copy(update={"edges": [Edge(id="e", type="mandates", source="a", target="b")]})
    without = _render(OrgScene(Document(bare)), 900, 560)
    scene = OrgScene(Document(linked))
    scene.clearSelection()
    drawn = _render(scene, 900, 560)
    route = scene.route_of("e").points
    assert route == scene.edges["e"].points  # the item draws the router's route
    samples = _route_samples(route, nodes)
    assert len(samples) > 10
    missed = [(x, y) for x, y in samples
              if not any(_differs(drawn, without, round(x) + dx, round(y) + dy)
                         for dx in range(-2, 3) for dy in range(-2, 3))]  # fmt: skip
    assert missed == [], f"route not drawn at {missed[:5]}"
    touching = [(x, y) for x in range(int(BLOCKER.x) - 2, int(BLOCKER.x + BLOCKER.width) + 3)
                for y in range(int(BLOCKER.y) - 2, int(BLOCKER.y + BLOCKER.height) + 3)
                if _differs(drawn, without, x, y)]  # fmt: skip
    assert touching == [], f"the relation runs into the Lenkungskreis at {touching[:5]}"


def test_routes_follow_a_drag_and_are_routed_again_on_release(scene: OrgScene) -> None:
    doc = scene.document
    edge = doc.model.edges[0]
    item = scene.edges[edge.id]
    before = item.points
    source = scene.nodes[edge.source]
    scene.dragging = True
    source.setPos(source.pos() + QPointF(120, 0))
    scene.flush_edges()
    live = item.points
    assert live != before and live[0][0] > before[0][0]  # followed live
    xs, ys = [p[0] for p in live], [p[1] for p in live]
    # painted within the item's rectangle (the roomy one of a drag): nothing is clipped
    assert item.boundingRect().contains(QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))
    for _ in range(30):  # many small moves: the rectangle keeps up
        source.setPos(source.pos() + QPointF(7, 0))
        scene.flush_edges()
        xs, ys = [p[0] for p in item.points], [p[1] for p in item.points]
        assert item.boundingRect().contains(QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))
    scene.dragging = False
    doc.apply(MoveNodes({edge.source: (source.pos().x(), source.pos().y())}))
    assert item.points == scene.route_of(edge.id).points  # routed again from the model


def test_an_edit_routes_again_only_what_it_changes(scene: OrgScene, monkeypatch: Any) -> None:
    """Renaming a unit or retyping a relation keeps every route (no routing on the UI
    thread for them); a new label is routed so that its box is placed."""
    from orgdesigner.commands import SetNodeProperties
    from orgdesigner.drawing import routing

    calls: list[set[str]] = []
    real = routing.reroute

    def spy(previous: Any, boxes: Any, links: Any, moved: Any, **kw: Any) -> Any:
        calls.append(set(moved))
        return real(previous, boxes, links, moved, **kw)

    monkeypatch.setattr(routing, "reroute", spy)
    doc = scene.document
    node = doc.model.nodes[0]
    edge = doc.model.edges[0]
    before = scene.edges[edge.id].points
    doc.apply(SetNodeProperties([node.id], {"label": "Neuer Name"}))
    new_type = "informs" if edge.type != "informs" else "advises"
    doc.apply(SetEdgeProperties([edge.id], {"type": new_type}))
    assert calls == [] and scene.edges[edge.id].points == before
    assert scene.edges[edge.id].drawing().type == new_type  # drawn in its new style
    doc.apply(SetEdgeProperties([edge.id], {"label": "jährlicher Bericht"}))
    assert calls and {edge.source, edge.target} <= calls[-1]
    assert scene.edges[edge.id].label_box is not None
