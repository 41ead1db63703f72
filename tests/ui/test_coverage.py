"""Who does what: the inspector's „Aufgaben“ and the dock „Aufgaben“ (functions × units)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from orgdesigner import style
from orgdesigner.catalog import catalog
from orgdesigner.i18n import set_language
from orgdesigner.model import OrgModel
from orgdesigner.rules import evaluate
from orgdesigner.ui import translations
from orgdesigner.ui.coverage import TICK, CoverageModel
from orgdesigner.ui.mainwindow import MainWindow
from tests.ui.conftest import make_window, small_model


def _select(window: MainWindow, *ids: str) -> None:
    window.scene.select_ids(list(ids))
    QApplication.processEvents()


def _row(model: CoverageModel, function_id: str) -> int:
    return next(r for r, row in enumerate(model.rows)
                if row.function is not None and row.function.id == function_id)  # fmt: skip


def _column(model: CoverageModel, node_id: str) -> int:
    return next(c for c, n in enumerate(model.units) if n.id == node_id)


def _uncovered_rows(model: CoverageModel) -> set[str]:
    return {row.function.id for r, row in enumerate(model.rows)
            if row.function is not None and model.is_uncovered(r)}  # fmt: skip


def _without_strategy() -> OrgModel:
    model = small_model()
    model.nodes = [n for n in model.nodes if n.level != "strategic"]
    model.edges = [e for e in model.edges if "ob" not in (e.source, e.target)]
    return model


# -- the inspector's section -------------------------------------------------------------
def test_inspector_check_box_toggles_a_function_and_undo_restores_it(window: MainWindow) -> None:
    _select(window, "stab")
    section = window.inspector.functions_section
    assert section.body.isVisibleTo(window.inspector)
    box = section.boxes["external_input"]
    assert not box.isChecked()
    box.click()
    node = window.document.model.node("stab")
    assert "external_input" in node.held_functions()
    assert node.functions is not None  # differs from the Stabsstelle's defaults now
    assert window.undo_stack.count() == 1
    assert window.undo_stack.undoText() == "Aufgaben ändern: Stabsstelle Smart City"
    # clicking the wrapping label is the same as clicking the box
    section.labels["reporting"].mousePressEvent(_left_press())
    assert "reporting" not in window.document.model.node("stab").held_functions()
    assert not section.boxes["reporting"].isChecked()
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert window.document.model.node("stab").functions is None
    assert section.boxes["reporting"].isChecked() and not box.isChecked()


def _left_press() -> Any:
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent

    return QMouseEvent(QEvent.Type.MouseButtonPress, QPointF(2, 2), QPointF(2, 2),
                       Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)  # fmt: skip


def test_inspector_marks_the_defaults_and_the_essential_functions(window: MainWindow) -> None:
    _select(window, "stab")
    section = window.inspector.functions_section
    defaults = set(catalog().default_functions("staff_unit"))
    for function in catalog().functions:
        text = section.labels[function.id].text()
        assert text.startswith(function.label.get())
        assert ("Standard" in text) == (function.id in defaults), text
        assert ("wesentlich" in text) == function.essential, text
        assert section.boxes[function.id].isChecked() == (function.id in defaults)
        assert function.citation.format() in section.boxes[function.id].toolTip()
    # level headings group the boxes
    assert section.findChild(type(section.heading), "functions_level_coordination").text() == \
        "Koordinationsebene"


def test_restore_defaults_and_multi_selection(window: MainWindow) -> None:
    _select(window, "stab")
    section = window.inspector.functions_section
    assert not section.restore.isEnabled()
    section.boxes["evaluation"].click()
    assert section.restore.isEnabled()
    section.restore.click()
    assert window.document.model.node("stab").functions is None
    assert not section.restore.isEnabled()
    assert window.undo_stack.count() == 2
    _select(window, "stab", "pg1")
    assert not section.body.isVisibleTo(window.inspector)
    assert "einzelne Einheit" in section.note.text()


# -- the dock ---------------------------------------------------------------------------
def test_dock_ticks_every_held_function(window: MainWindow) -> None:
    panel = window.coverage_panel
    model = panel.model
    doc = window.document.model
    assert model.columnCount() == len(doc.nodes)
    # columns by level, headers named as everywhere else
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "Stadtrat", "Oberbürgermeisterin", "Stabsstelle Smart City", "Projektgruppe Mobilität",
        "Projektgruppe Daten"]  # fmt: skip
    ticks = 0
    for r, row in enumerate(model.rows):
        for c, node in enumerate(model.units):
            text = model.data(model.index(r, c))
            if row.function is None:
                assert not text
                continue
            assert (text == TICK) == (row.function.id in node.held_functions())
            ticks += text == TICK
    assert ticks == sum(len(n.held_functions()) for n in doc.nodes)
    assert not _uncovered_rows(model)


def test_dock_highlights_exactly_the_uncovered_functions(qtbot: Any) -> None:
    window = make_window(qtbot, model=_without_strategy())
    model = window.coverage_panel.model
    uncovered = _uncovered_rows(model)
    findings = [f for f in evaluate(window.document.model) if f.rule_id == "function-uncovered"]
    assert uncovered == {dict(f.details)["function"] for f in findings}
    assert {"strategic_decisions", "cross_department_links"} <= uncovered
    warned = {dict(f.details)["function"] for f in findings if f.severity == "warning"}
    essential = {f for f in uncovered if catalog().function(f).essential}
    assert warned == essential
    # what the user reads and sees: the marker in the header, the tint in the cells
    row = _row(model, "strategic_decisions")
    header = model.headerData(row, Qt.Orientation.Vertical)
    assert header.endswith("(wesentlich) – nicht besetzt")
    assert "nicht besetzt" not in model.headerData(_row(model, "reporting"), Qt.Orientation.Vertical)
    table = window.coverage_panel.table
    window.coverage_dock.show()
    window.coverage_dock.raise_()
    QApplication.processEvents()
    image = table.viewport().grab().toImage()

    def colour(r: int) -> QColor:
        rect = table.visualRect(model.index(r, 0))
        table.scrollTo(model.index(r, 0))
        return image.pixelColor(rect.left() + 4, rect.top() + 4)

    assert colour(row) == QColor(style.SEVERITY_TINTS["warning"])
    assert colour(_row(model, "reporting")) != QColor(style.SEVERITY_TINTS["warning"])
    assert "nicht besetzt" in window.coverage_panel.summary.text()
    window.undo_stack.setClean()


def test_cell_click_toggles_and_undo_restores(window: MainWindow) -> None:
    window.coverage_dock.show()
    window.coverage_dock.raise_()
    QApplication.processEvents()
    panel = window.coverage_panel
    model, table = panel.model, panel.table
    index = model.index(_row(model, "evaluation"), _column(model, "pg1"))
    table.scrollTo(index)
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    assert "evaluation" in window.document.model.node("pg1").held_functions()
    assert model.data(index) == TICK
    assert window.undo_stack.undoText() == "Aufgaben ändern: Projektgruppe Mobilität"
    # and a held one is taken away
    held = model.index(_row(model, "measure_design"), _column(model, "pg1"))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(held).center())
    assert "measure_design" not in window.document.model.node("pg1").held_functions()
    assert model.data(held) == ""
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert window.document.model.node("pg1").functions is None
    assert model.data(index) == "" and model.data(held) == TICK
    # without a mouse: Space on the current cell
    table.setFocus()
    table.setCurrentIndex(index)
    QTest.keyClick(table, Qt.Key.Key_Space)
    assert "evaluation" in window.document.model.node("pg1").held_functions()


def test_function_header_click_selects_its_holders(window: MainWindow) -> None:
    window.coverage_dock.show()
    window.coverage_dock.raise_()
    QApplication.processEvents()
    panel = window.coverage_panel
    header = panel.table.verticalHeader()
    row = _row(panel.model, "measure_delivery")
    panel.table.scrollTo(panel.model.index(row, 0))
    QApplication.processEvents()
    y = header.sectionViewportPosition(row) + header.sectionSize(row) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(10, y))
    assert sorted(window.scene.selected_node_ids()) == ["pg1", "pg2"]
    # a unit's header selects that unit
    top = panel.table.horizontalHeader()
    column = _column(panel.model, "stab")
    x = top.sectionViewportPosition(column) + top.sectionSize(column) // 2
    QTest.mouseClick(top.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 10))
    assert window.scene.selected_node_ids() == ["stab"]


def test_dock_follows_edits_undo_and_a_new_model(window: MainWindow) -> None:
    model = window.coverage_panel.model
    window.controller.delete_selection()  # nothing selected: nothing happens
    _select(window, "ob")
    window.controller.delete_selection()
    assert "Oberbürgermeisterin" not in [model.headerData(c, Qt.Orientation.Horizontal)
                                         for c in range(model.columnCount())]  # fmt: skip
    assert "strategic_decisions" in _uncovered_rows(model)
    window.undo_stack.undo()
    assert not _uncovered_rows(model)
    window.session.new_document(OrgModel())
    assert model.columnCount() == 0
    assert "Noch keine Einheiten" in window.coverage_panel.summary.text()


def test_dock_and_section_follow_the_language(window: MainWindow) -> None:
    _select(window, "stab")
    try:
        translations.switch("en")
        QApplication.processEvents()
        assert window.coverage_dock.windowTitle() == "Functions"
        model = window.coverage_panel.model
        assert model.headerData(_row(model, "reporting"), Qt.Orientation.Vertical).endswith(
            "(essential)")
        assert model.headerData(0, Qt.Orientation.Vertical) == "Political level"
        text = window.inspector.functions_section.labels["reporting"].text()
        assert text.endswith("(essential, default)"), text
        assert window.inspector.functions_section.restore.text() == "Restore defaults"
    finally:
        translations.switch("de")
        set_language("de")
        QApplication.processEvents()
    assert window.coverage_dock.windowTitle() == "Aufgaben"
