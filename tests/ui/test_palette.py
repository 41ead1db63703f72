"""The palette lists every form grouped by level, with tooltips and a search field."""

from __future__ import annotations

from orgdesigner.catalog import FORM_IDS, LEVEL_IDS, catalog
from orgdesigner.ui.mainwindow import MainWindow


def test_every_form_and_a_generic_unit_per_level(window: MainWindow) -> None:
    items = window.form_palette.items
    assert set(items) == set(FORM_IDS) | {f"level:{lv}" for lv in LEVEL_IDS}
    tree = window.form_palette.tree
    assert [tree.topLevelItem(i).text(0) for i in range(5)] == [
        catalog().level(lv).label.get() for lv in LEVEL_IDS
    ]
    staff = items["staff_unit"]
    assert staff.text(0) == "Stabsstelle"
    assert catalog().form("staff_unit").description.get() in staff.toolTip(0)
    assert not staff.icon(0).isNull()


def test_search_filters_entries_and_hides_empty_levels(window: MainWindow) -> None:
    palette = window.form_palette
    palette.search.setText("beirat")
    visible = [f for f, item in palette.items.items() if not item.isHidden()]
    assert set(visible) == {"expert_board", "ethics_board", "network_board", "participation_board"}
    assert palette.tree.topLevelItem(0).isHidden()
    assert not palette.tree.topLevelItem(4).isHidden()
    palette.search.clear()
    assert not any(item.isHidden() for item in palette.items.values())
