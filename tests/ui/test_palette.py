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


def test_search_folds_case_and_umlauts_and_finds_parts_of_words(window: MainWindow) -> None:
    palette = window.form_palette
    for typed in ("amt", "aemter", "ÄMTER", "ämterstr", "struktur umsetzung"):
        palette.search.setText(typed)
        assert "line_departments" in palette.visible_forms(), typed
    palette.search.setText("struktur ämter")  # every word, in any order
    assert palette.visible_forms() == ["line_departments"]
    palette.search.setText("grossstadt-fremdwort")
    assert palette.visible_forms() == []
    palette.search.setText("stabsstelle")
    assert palette.visible_forms()[0] == "staff_unit"
    palette.search.clear()
    assert len(palette.visible_forms()) == len(palette.items)


def test_down_from_the_search_enters_the_list_and_headings_are_no_stops(window: MainWindow) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from orgdesigner.ui.palette import FORM_ROLE

    palette = window.form_palette
    window.focus_palette()
    QTest.keyClicks(palette.search, "aemter")
    QTest.keyClick(palette.search, Qt.Key.Key_Down)
    QApplication.processEvents()
    assert palette.tree.hasFocus()
    assert palette.selected_form() == "line_departments"  # the entry whose name matches
    palette.search.clear()
    palette.tree.setCurrentItem(palette.tree.topLevelItem(0).child(0))
    stops = [palette.selected_form()]
    for _ in range(len(palette.items) + 3):  # Down through the whole list and beyond
        QTest.keyClick(palette.tree, Qt.Key.Key_Down)
        stops.append(palette.selected_form())
    assert None not in stops  # never on a level heading
    assert len(set(stops)) == len(palette.items)  # every entry, the last one stays
    for _ in range(len(palette.items) - 1):  # back up to the first entry
        QTest.keyClick(palette.tree, Qt.Key.Key_Up)
        assert palette.tree.currentItem().data(0, FORM_ROLE)
    assert palette.tree.hasFocus()
    QTest.keyClick(palette.tree, Qt.Key.Key_Up)  # above the first entry: the search field
    QApplication.processEvents()
    assert palette.search.hasFocus()


def test_the_dragged_card_looks_like_the_unit_it_adds(window: MainWindow) -> None:
    from PySide6.QtGui import QColor

    from orgdesigner import style
    from orgdesigner.ui.palette import card_pixmap

    scale = window.view.transform().m11()
    pix = card_pixmap("staff_unit", scale)
    assert pix is not None
    image = pix.toImage()
    # the card's size on the canvas (180 × 64 model units and its outline), not a 22 px icon
    assert abs(image.width() - 184 * scale) <= 1 and abs(image.height() - 68 * scale) <= 1
    fill = QColor(style.LEVEL_STYLES["coordination"].fill)
    inside = image.pixelColor(int(image.width() * 0.9), int(image.height() * 0.85))
    assert max(abs(inside.red() - fill.red()), abs(inside.green() - fill.green()),
               abs(inside.blue() - fill.blue())) < 30  # fmt: skip
    dark = sum(1 for x in range(image.width()) for y in range(image.height())
               if image.pixelColor(x, y).alpha() > 200 and image.pixelColor(x, y).lightness() < 90)
    assert dark > 50  # the form's name and the label are written on it
    assert card_pixmap("no_such_form", scale) is None
