"""The one geometry every output draws (drawing/geometry.py, drawing/page.py), without Qt."""

from __future__ import annotations

import itertools
import json
import math
import time

import pytest

from orgdesigner import layout, style
from orgdesigner.cli import main
from orgdesigner.drawing import geometry, page
from orgdesigner.drawing.text import wrap
from orgdesigner.export import fonts
from orgdesigner.model import Edge, Node, OrgModel
from orgdesigner.templates import available

M = fonts.MEASURE


def _segments(points):
    return list(itertools.pairwise(points))


def template(name: str) -> OrgModel:
    return available()[name].build()


@pytest.mark.parametrize("name", available())
def test_units_and_bands_are_where_the_model_has_them(name: str) -> None:
    model = template(name)
    chart = geometry.compute(model, M, "de")
    bands = layout.band_rects(model)
    assert [(b.level, b.top, b.height) for b in chart.bands] == [
        (b.level, b.top, b.height) for b in bands.values()
    ]
    for n in model.nodes:
        u = chart.units[n.id]
        assert u.box == (n.x, n.y, n.width, n.height)
        inner = n.width - 2 * style.NODE_PADDING
        for run in (u.form, *u.lines):
            # every line fits the box, measured with the fonts it is drawn with
            assert M.width(run.text, run.size, run.bold) <= inner + 0.01, run.text
            assert n.x <= run.x and run.baseline <= n.y + n.height
        assert u.lines, n.id
    x, _y, w, _h = chart.extent
    assert x <= min(n.x for n in model.nodes) and x + w >= max(n.x + n.width for n in model.nodes)


def test_relation_drawing_ends_at_the_borders_with_its_heads() -> None:
    a = Node(id="a", level="political", form="council", label="Rat", x=300, y=28)
    b = Node(id="b", level="implementation", label="Amt", x=300, y=388)
    for kind, rs in style.RELATION_STYLES.items():
        model = OrgModel(nodes=[a, b], edges=[Edge(id="e", type=kind, source="a", target="b")])  # type: ignore[arg-type]
        g = geometry.compute(model, M, "de").relations["e"]
        (_sx, sy), (_tx, ty) = g.points[0], g.points[-1]
        assert sy == pytest.approx(a.y + a.height) and ty == pytest.approx(b.y), kind
        assert len(g.strokes) == (2 if rs.double else 1)
        kinds = [h.kind for h in g.heads]
        assert kinds == [k for k in (rs.head, rs.tail) if k != "none"], kind
        # the shaft stops short of a head so that it does not poke through
        last = g.strokes[0][-1][1]
        if rs.head not in ("none",):
            assert last[1] < ty - 0.1, kind


def test_a_label_gets_a_box_on_its_route() -> None:
    a = Node(id="a", level="political", form="council", label="Rat", x=300, y=28)
    b = Node(id="b", level="implementation", label="Amt", x=300, y=388)
    model = OrgModel(nodes=[a, b],
                     edges=[Edge(id="e", type="mandates", source="a", target="b", label="Beschluss")])  # fmt: skip
    g = geometry.compute(model, M, "de").relations["e"]
    assert g.label is not None and g.label_box is not None
    x, y, w, h = g.label_box
    assert g.label.text == "Beschluss" and x <= g.label.x and g.label.x + g.label.width <= x + w
    # the box sits on the route: some segment passes through it
    assert any(
        min(p[0], q[0]) <= x + w and max(p[0], q[0]) >= x
        and min(p[1], q[1]) <= y + h and max(p[1], q[1]) >= y
        for p, q in _segments(g.points)
    )


def test_wrap_breaks_long_words_and_elides() -> None:
    lines = wrap(M, "Donaudampfschifffahrtsgesellschaftskapitän " * 3, 10, 120, 2, bold=True)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert all(M.width(line, 10, True) <= 120 for line in lines)


# -- hostile input: bounded time, no crash ---------------------------------------------------
def test_a_ten_thousand_character_label_is_cheap() -> None:
    node = Node(id="a", level="coordination", label="Wort " * 2000, x=200, y=260)
    t = time.perf_counter()
    chart = geometry.compute(OrgModel(nodes=[node]), M, "de")
    assert time.perf_counter() - t < 5.0  # generous: a hang would take minutes
    u = chart.units["a"]
    assert 1 <= len(u.lines) <= 3 and u.lines[-1].text.endswith("…")


def test_thousands_of_relations_between_two_units() -> None:
    a = Node(id="a", level="political", form="council", x=200, y=28)
    b = Node(id="b", level="implementation", x=200, y=388)
    edges = [Edge(id=f"e{i}", type="mandates", source="a", target="b") for i in range(3000)]
    t = time.perf_counter()
    chart = geometry.compute(OrgModel(nodes=[a, b], edges=edges), M, "de")
    assert time.perf_counter() - t < 30.0
    assert len(chart.relations) == 3000
    assert all(len(g.points) >= 2 for g in chart.relations.values())


def test_coordinates_at_the_file_format_limits() -> None:
    nodes = [
        Node(id="a", level="political", x=-1_000_000, y=-1_000_000, width=2000, height=2000),
        Node(id="b", level="advisory", x=1_000_000, y=1_000_000, width=40, height=24),
        Node(id="c", level="strategic", x=0, y=0),
        Node(id="d", level="strategic", x=0, y=0),  # on top of each other
    ]
    edges = [Edge(id="ab", type="advises", source="b", target="a"),
             Edge(id="cd", type="cooperates", source="c", target="d")]  # fmt: skip
    chart = geometry.compute(OrgModel(nodes=nodes, edges=edges), M, "de")
    for g in chart.relations.values():
        assert all(math.isfinite(v) for p in g.points for v in p)
    assert all(math.isfinite(v) for v in chart.extent)


# -- pages ---------------------------------------------------------------------------------
def _row_model(n: int, level: str = "implementation") -> OrgModel:
    return OrgModel(nodes=[Node(id=f"n{i}", level=level, x=180 + i * 215, y=388) for i in range(n)])


def test_the_orientation_follows_the_chart_unless_chosen() -> None:
    wide = _row_model(8)
    tall = OrgModel(nodes=[Node(id=f"n{i}", level="implementation", x=180, y=388 + i * 84)
                           for i in range(12)])  # fmt: skip
    assert page.plan(wide, page.PdfOptions(), M, "de").landscape is True
    assert page.plan(tall, page.PdfOptions(), M, "de").landscape is False
    assert page.plan(wide, page.PdfOptions(landscape=False), M, "de").landscape is False
    chosen = page.plan(wide, page.PdfOptions(), M, "de")
    assert chosen.scale >= page.plan(wide, page.PdfOptions(landscape=False), M, "de").scale


def test_one_page_chart_is_centred_in_the_area() -> None:
    p = page.plan(_row_model(3), page.PdfOptions(), M, "de")
    ax, ay, aw, ah = p.area
    ox, oy = p.origin(0, 0)
    w, h = p.chart.extent[2] * p.scale, p.chart.extent[3] * p.scale
    assert ox - ax == pytest.approx(ax + aw - (ox + w))
    assert oy - ay == pytest.approx(ay + ah - (oy + h))


def test_page_furniture_holds_title_legend_source_and_number() -> None:
    model = template("matrix")
    p = page.plan(model, page.PdfOptions(attachment="3", paper_number="2026/17"), M, "de")
    texts = [r.text for r in p.drawing(0, 0).texts]
    assert model.meta.title in texts and "Anlage 3 zur Vorlage 2026/17" in texts
    assert "Ebenen:" in texts and "Beziehungen:" in texts
    assert any(t.startswith("Quelle: BBSR (2024)") for t in texts)
    assert [r.text for r in p.page_number(2, 5)] == ["Seite 2 von 5"]
    assert len(p.drawing(0, 0).samples) == len({e.type for e in model.edges})


# -- the command line ----------------------------------------------------------------------
def test_geometry_command_prints_what_the_outputs_draw(tmp_path, capsys) -> None:
    from orgdesigner.fileformat import save

    model = template("matrix")
    path = tmp_path / "m.orgmodel.json"
    save(model, path)
    assert main(["--lang", "de", "geometry", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    chart = geometry.compute(model, M, "de")
    assert [u["id"] for u in data["units"]] == [n.id for n in model.nodes]
    assert [r["id"] for r in data["relations"]] == [e.id for e in model.edges]
    for r in data["relations"]:
        want = chart.relations[r["id"]].points
        assert [tuple(p) for p in r["points"]] == [(round(x, 2), round(y, 2)) for x, y in want]
    assert {b["level"] for b in data["bands"]} == set(layout.LEVEL_IDS)
    assert main(["--lang", "de", "geometry", str(path)]) == 0
    assert "rat:" in capsys.readouterr().out
    assert main(["--lang", "de", "geometry", str(tmp_path / "missing.json")]) == 2


def test_a_long_title_keeps_its_line_and_the_attachment_moves_below() -> None:
    model = template("matrix")
    for landscape in (False, True):
        p = page.plan(model, page.PdfOptions(attachment="3", paper_number="2026/17",
                                             landscape=landscape), M, "de")  # fmt: skip
        runs = {r.text: r for r in p.drawing(0, 0).texts}
        assert model.meta.title in runs, landscape  # never elided for the attachment number
        right = runs["Anlage 3 zur Vorlage 2026/17"]
        assert right.x + right.width == pytest.approx(p.page_size[0] - p.margin)
        meta = next(r for r in runs.values() if r.text.startswith("Musterstadt ·"))
        assert meta.x + meta.width < right.x or right.baseline < meta.baseline
