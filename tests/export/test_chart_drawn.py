"""The PDF chart shows what the model holds: each unit's box and each relation's line,
where the page plan puts them. Checked on the rasterised page (pdftoppm), not on calls."""

from __future__ import annotations

import itertools
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from orgdesigner import style
from orgdesigner.export import PagePlan, PdfOptions, page_plan, render
from orgdesigner.model import Edge, Node, OrgModel

DPI = 100
PX = DPI / 72.0

pytestmark = pytest.mark.skipif(
    shutil.which("pdftoppm") is None,
    reason="pdftoppm (Debian package poppler-utils) rasterises the pages; .ci/run installs it",
)

TOP = Node(id="a", level="political", form="council", label="Rat", x=300, y=28)
BOTTOM = Node(id="b", level="implementation", label="Amt", x=300, y=388)
BARE = OrgModel(nodes=[TOP, BOTTOM])
OPTIONS = PdfOptions(appendix=False, pdfa=False)


def rasterise(model: OrgModel, tmp_path: Path, name: str) -> Image.Image:
    data, _ = render(model, OPTIONS)
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(data)
    subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(tmp_path / name)], check=True)  # fmt: skip
    with Image.open(tmp_path / f"{name}.png") as image:
        return image.convert("RGB")


def to_pixels(plan: PagePlan, x: float, y: float) -> tuple[int, int]:
    """Model point → pixel of chart page 1 (where the page plan puts it)."""
    px, py = plan.to_page(0, 0, x, y)
    return round(px * PX), round(py * PX)


def differs(a: Image.Image, b: Image.Image, xy: tuple[int, int],
            other: tuple[int, int] | None = None) -> bool:
    """Whether pixel ``xy`` of ``a`` and pixel ``other`` (default ``xy``) of ``b`` differ."""
    pa, pb = a.getpixel(xy), b.getpixel(other or xy)
    return sum(abs(u - v) for u, v in zip(pa, pb, strict=True)) > 60  # type: ignore[arg-type]


def hex_rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


@pytest.mark.parametrize("kind", sorted(style.RELATION_STYLES))
def test_every_relation_is_drawn_between_its_units(tmp_path: Path, kind: str) -> None:
    """Along the route in the gap between the units the page is inked; beside it, the
    band's background is untouched."""
    linked = BARE.model_copy(update={"edges": [Edge(id="e", type=kind, source="a", target="b")]})  # type: ignore[arg-type]
    plan = page_plan(linked, OPTIONS)
    page = rasterise(linked, tmp_path, "linked")
    cx = TOP.x + TOP.width / 2
    gap_top, gap_bottom = TOP.y + TOP.height, BOTTOM.y
    y0 = to_pixels(plan, cx, gap_top + (gap_bottom - gap_top) * 0.25)[1]
    y1 = to_pixels(plan, cx, gap_bottom - (gap_bottom - gap_top) * 0.25)[1]
    x = to_pixels(plan, cx, gap_top)[0]
    side = round(40 * plan.scale * PX)
    rows = range(y0, y1)
    assert len(rows) > 10 and side > 10
    inked = [y for y in rows
             if any(differs(page, page, (x + d, y), (x + side, y)) for d in range(-3, 4))]  # fmt: skip
    # solid lines ink every row; dashed and dotted ones at least a quarter of them
    assert len(inked) >= len(rows) / 4, f"{kind}: drawn on {len(inked)} of {len(rows)} rows"
    beside = [y for y in rows if differs(page, page, (x - side, y), (x - 2 * side, y))
              or differs(page, page, (x + side, y), (x + 2 * side, y))]  # fmt: skip
    assert beside == [], f"{kind}: ink beside the route"


def test_units_are_drawn_in_their_level_colour(tmp_path: Path) -> None:
    plan = page_plan(BARE, OPTIONS)
    page = rasterise(BARE, tmp_path, "bare")
    for node in (TOP, BOTTOM):
        # inside the box, clear of the centred label
        xy = to_pixels(plan, node.x + 6, node.y + node.height / 2)
        want = hex_rgb(style.LEVEL_STYLES[node.level].fill)
        got = page.getpixel(xy)
        assert sum(abs(u - v) for u, v in zip(got, want, strict=True)) < 40, (node.id, got, want)  # type: ignore[arg-type]
    paper = page.getpixel(to_pixels(plan, TOP.x + TOP.width + 60, TOP.y + TOP.height / 2))
    assert paper != page.getpixel(to_pixels(plan, TOP.x + 6, TOP.y + TOP.height / 2))



BLOCKER = Node(id="m", level="strategic", form="steering_committee", label="Lenkungskreis",
               x=300, y=148)  # fmt: skip
ASIDE = [Node(id="p", level="advisory", label="Beirat", x=560, y=508),
         Node(id="q", level="advisory", label="Forum", x=800, y=508)]  # fmt: skip
ASIDE_EDGE = Edge(id="pq", type="mandates", source="p", target="q")


def test_a_relation_is_drawn_around_a_unit_in_its_way(tmp_path: Path) -> None:
    """Rat → Amt with the Lenkungskreis between them: the page shows the line along the
    geometry's route and none of it touches the Lenkungskreis."""
    nodes = [TOP, BLOCKER, BOTTOM, *ASIDE]
    # the same legend (relation types) on both pages, so the same scale and placement
    bare = OrgModel(nodes=nodes, edges=[ASIDE_EDGE])
    linked = bare.model_copy(update={"edges": [ASIDE_EDGE, Edge(id="e", type="mandates", source="a", target="b")]})
    plan = page_plan(linked, OPTIONS)
    before = page_plan(bare, OPTIONS)
    assert (before.scale, before.origin(0, 0)) == (plan.scale, plan.origin(0, 0))
    drawn = rasterise(linked, tmp_path, "linked")
    without = rasterise(bare, tmp_path, "bare")
    route = plan.chart.relations["e"].points
    samples = []
    for (x1, y1), (x2, y2) in itertools.pairwise(route):
        for t in (0.2, 0.35, 0.5, 0.65, 0.8):
            x, y = x1 + (x2 - x1) * t, y1 + (y2 - y1) * t
            if not any(n.x - 4 <= x <= n.x + n.width + 4 and n.y - 4 <= y <= n.y + n.height + 4
                       for n in nodes):  # fmt: skip
                samples.append((x, y))
    assert len(samples) >= 5
    for x, y in samples:
        px, py = to_pixels(plan, x, y)
        assert any(differs(drawn, without, (px + dx, py + dy))
                   for dx in range(-2, 3) for dy in range(-2, 3)), (x, y)  # fmt: skip
    x0, y0 = to_pixels(plan, BLOCKER.x - 1, BLOCKER.y - 1)
    x1, y1 = to_pixels(plan, BLOCKER.x + BLOCKER.width + 1, BLOCKER.y + BLOCKER.height + 1)
    touching = [(x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)
                if differs(drawn, without, (x, y))]  # fmt: skip
    assert touching == [], f"the relation runs into the Lenkungskreis at {touching[:5]}"
