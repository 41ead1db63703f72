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
    assert ay == pytest.approx(plan.margin + plan.header_h)
    assert ay + ah == pytest.approx(ph - plan.margin - plan.footer_h - plan.legend_h)
    assert plan.overlap > 0
    # the drawing is centred on the two pages together: page 2 continues page 1
    width = plan.chart.extent[2] * plan.scale
    left = plan.origin(0, 0)[0] - ax
    assert plan.origin(1, 0)[0] == pytest.approx(plan.origin(0, 0)[0] - (aw - plan.overlap))
    assert left == pytest.approx((2 * aw - plan.overlap - width) / 2)
    assert plan.title == model.meta.title
    kinds = {item.kind for row in plan.legend_rows for item in row}
    assert kinds == {"heading", "level", "relation"}
