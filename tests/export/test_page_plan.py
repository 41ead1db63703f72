"""page_plan(): the chart pages' geometry without rendering, as render() lays them out."""

from __future__ import annotations

import pytest

from orgdesigner.export import PdfOptions, page_plan, render
from orgdesigner.templates import example_model


@pytest.mark.parametrize(
    "options",
    [
        PdfOptions(appendix=False, pdfa=False),
        PdfOptions(paper="a3", landscape=True, appendix=False, pdfa=False),
        PdfOptions(tiles="auto", appendix=False, pdfa=False),
        PdfOptions(tiles=(2, 3), appendix=False, pdfa=False),
    ],
)
def test_plan_matches_the_report(options: PdfOptions) -> None:
    model = example_model()
    plan = page_plan(model, options)
    _data, report = render(model, options)
    assert plan.page_size == report.page_size
    assert plan.tiles == report.tiles
    assert plan.scale == report.scale
    assert plan.min_node_text_pt == report.min_node_text_pt


def test_plan_geometry() -> None:
    model = example_model()
    plan = page_plan(model, PdfOptions(tiles=(2, 1), landscape=True))
    pw, ph = plan.page_size
    ax, ay, aw, ah = plan.area
    assert ax == plan.margin and ax + aw == pytest.approx(pw - plan.margin)
    assert ay + ah == pytest.approx(ph - plan.margin - plan.header_h)
    assert plan.overlap > 0
    # the drawing is centred on the two pages together
    width = plan.extent.width * plan.scale
    left = plan.offset_x(0)
    right = plan.offset_x(1) + (aw - plan.overlap) + width
    assert left == pytest.approx(2 * aw - plan.overlap - right)
    assert plan.title == model.meta.title
    kinds = {item[0] for row in plan.legend_rows for item in row}
    assert kinds == {"heading", "level", "relation"}
