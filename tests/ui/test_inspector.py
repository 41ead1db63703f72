"""Inspector edits: each changes the model as one undoable step."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QDateEdit, QDoubleSpinBox, QLineEdit, QSpinBox

from orgdesigner.ui.inspector import Inspector
from orgdesigner.ui.mainwindow import MainWindow


def field(inspector: Inspector, page: str, name: str) -> object:
    widget = getattr(inspector, f"{page}_page").fields[name].widget
    return widget


def edit_text(widget: object, text: str) -> None:
    assert isinstance(widget, QLineEdit)
    widget.setText(text)
    widget.setModified(True)
    widget.editingFinished.emit()


def set_number(widget: object, value: float) -> None:
    """Type a number into a spin box field (whole or decimal), as the user would."""
    assert isinstance(widget, (QSpinBox, QDoubleSpinBox))
    widget.setValue(value)  # type: ignore[arg-type]


def choose(widget: object, value: object) -> None:
    assert isinstance(widget, QComboBox)
    index = widget.findData(value)
    assert index >= 0, value
    widget.setCurrentIndex(index)
    widget.activated.emit(index)


def test_nothing_selected_shows_and_edits_meta(window: MainWindow) -> None:
    inspector = window.inspector
    assert inspector.stack.currentIndex() == 0
    edit_text(field(inspector, "meta", "municipality"), "Musterhausen")
    set_number(field(inspector, "meta", "population"), 48_000)
    choose(field(inspector, "meta", "phase"), "pilot")
    date = field(inspector, "meta", "date")
    assert isinstance(date, QDateEdit)
    from PySide6.QtCore import QDate

    date.setDate(QDate(2026, 3, 1))
    meta = window.document.model.meta
    assert (meta.municipality, meta.population, meta.phase) == ("Musterhausen", 48_000, "pilot")
    assert meta.date == dt.date(2026, 3, 1)
    assert window.undo_stack.count() == 4
    for _ in range(4):
        window.undo_stack.undo()
    meta = window.document.model.meta
    assert (meta.municipality, meta.population, meta.phase, meta.date) == ("", None, None, None)
    window.undo_stack.redo()
    assert window.document.model.meta.municipality == "Musterhausen"
    # the page follows undo/redo
    widget = field(inspector, "meta", "municipality")
    assert isinstance(widget, QLineEdit) and widget.text() == "Musterhausen"


def test_node_properties_are_undoable(window: MainWindow) -> None:
    window.scene.select_ids(["stab"])
    inspector = window.inspector
    assert inspector.stack.currentIndex() == 1
    edit_text(field(inspector, "node", "label"), "Stabsstelle Digitales")
    set_number(field(inspector, "node", "persons"), 3)
    set_number(field(inspector, "node", "fte"), 2.5)
    edit_text(field(inspector, "node", "lead"), "Frau A.")
    choose(field(inspector, "node", "scope"), "regional")
    choose(field(inspector, "node", "form"), "office")
    node = window.document.model.node("stab")
    assert (node.label, node.persons, node.fte, node.lead, node.scope, node.form) == (
        "Stabsstelle Digitales", 3, 2.5, "Frau A.", "regional", "office")
    assert window.node_item("stab").node == node  # the canvas follows
    assert window.undo_stack.count() == 6
    window.undo_stack.undo()
    assert window.document.model.node("stab").form == "staff_unit"
    for _ in range(5):
        window.undo_stack.undo()
    node = window.document.model.node("stab")
    assert (node.label, node.persons, node.fte, node.lead, node.scope) == (
        "Stabsstelle Smart City", None, None, "", None)
    window.undo_stack.redo()
    assert window.document.model.node("stab").label == "Stabsstelle Digitales"
    # clearing a number ("—") stores "not given"
    window.undo_stack.redo()
    set_number(field(inspector, "node", "persons"), -1)
    assert window.document.model.node("stab").persons is None


def test_fields_shown_where_they_apply(window: MainWindow) -> None:
    inspector = window.inspector
    window.scene.select_ids(["stab"])
    form = inspector.node_page.form
    assert form.isRowVisible(field(inspector, "node", "scope"))
    assert not form.isRowVisible(field(inspector, "node", "cadence"))
    assert not form.isRowVisible(field(inspector, "node", "pilot_type"))
    window.scene.select_ids(["rat"])
    assert form.isRowVisible(field(inspector, "node", "cadence"))
    assert not form.isRowVisible(field(inspector, "node", "scope"))


def test_several_nodes_at_once(window: MainWindow) -> None:
    inspector = window.inspector
    window.scene.select_ids(["pg1", "pg2"])
    label = field(inspector, "node", "label")
    assert isinstance(label, QLineEdit)
    assert label.text() == "" and label.placeholderText() == "(verschiedene Werte)"
    cadence = field(inspector, "node", "cadence")
    assert isinstance(cadence, QComboBox) and cadence.currentData() is None  # shared: none
    choose(cadence, "monthly")
    edit_text(field(inspector, "node", "lead"), "Team Digital")
    model = window.document.model
    assert [model.node(i).cadence for i in ("pg1", "pg2")] == ["monthly", "monthly"]
    assert [model.node(i).lead for i in ("pg1", "pg2")] == ["Team Digital"] * 2
    # labels stay different: the field was not edited
    assert model.node("pg1").label != model.node("pg2").label
    assert window.undo_stack.count() == 2
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert [model.node(i).cadence for i in ("pg1", "pg2")] == [None, None]
    window.undo_stack.redo()
    assert [model.node(i).cadence for i in ("pg1", "pg2")] == ["monthly", "monthly"]


def test_several_levels_cannot_share_a_form(window: MainWindow) -> None:
    window.scene.select_ids(["stab", "pg1"])
    form = field(window.inspector, "node", "form")
    assert isinstance(form, QComboBox) and not form.isEnabled()
    level = field(window.inspector, "node", "level")
    assert "Koordinationsebene" in level.text()  # type: ignore[attr-defined]


def test_relation_properties(window: MainWindow) -> None:
    window.scene.select_ids(["e2"])
    inspector = window.inspector
    assert inspector.stack.currentIndex() == 2
    choose(field(inspector, "edge", "type"), "cooperates")
    assert inspector.edge_page.form.isRowVisible(field(inspector, "edge", "contract"))
    choose(field(inspector, "edge", "contract"), True)
    edit_text(field(inspector, "edge", "label"), "Quartalsbericht")
    edge = window.document.model.edge("e2")
    assert (edge.type, edge.contract, edge.label) == ("cooperates", True, "Quartalsbericht")
    for _ in range(3):
        window.undo_stack.undo()
    edge = window.document.model.edge("e2")
    assert (edge.type, edge.contract, edge.label) == ("reports_to", None, "")
    window.undo_stack.redo()
    assert window.document.model.edge("e2").type == "cooperates"


def test_unchanged_value_records_no_step(window: MainWindow) -> None:
    window.scene.select_ids(["stab"])
    edit_text(field(window.inspector, "node", "label"), "Stabsstelle Smart City")
    choose(field(window.inspector, "node", "form"), "staff_unit")
    assert window.undo_stack.count() == 0


def test_clicking_a_band_label_shows_the_level_from_tabelle_1(window: MainWindow) -> None:
    from PySide6.QtCore import QPointF

    from tests.ui.conftest import click

    band = window.scene.band_geometry()["coordination"]
    click(window, QPointF(40, band.top + 50))
    inspector = window.inspector
    assert inspector.stack.currentIndex() == 3
    assert "Koordinationsebene" in inspector.level_page.title.text()
    tasks = inspector.level_page.fields["tasks"].widget
    assert "Koordination des Gesamtprozesses" in tasks.text()  # type: ignore[attr-defined]
    window.scene.select_ids(["stab"])
    assert inspector.stack.currentIndex() == 1
