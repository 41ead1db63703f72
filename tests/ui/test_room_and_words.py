"""What an officer meets in a first session (issue 15, items 6 and 8): nothing cut off,
room for the findings, a toolbar that stands still, an undo history that names the
unit, a quiet autosave note, the lead person on the cards, a rename editor as large as
the card."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QToolButton,
)

from orgdesigner import templates
from orgdesigner.commands import AddEdge, AddNode, MoveNodes
from orgdesigner.drawing import geometry
from orgdesigner.export.fonts import MEASURE
from orgdesigner.model import Edge, Node
from orgdesigner.recovery import DraftStore
from orgdesigner.ui.findings import GROUPS
from orgdesigner.ui.mainwindow import MainWindow
from orgdesigner.ui.settings import Settings
from tests.ui.conftest import RecordingPrompter, make_window, small_model


# -- the rule panel has room -------------------------------------------------------------
def _with_findings() -> Any:
    """The small model with relations that break several rules (six findings or more)."""
    model = small_model()
    model.nodes.append(Node(id="lose", level="implementation", form="project_group",
                            label="Projektgruppe ohne Anbindung", x=660, y=model.node("pg1").y))  # fmt: skip
    model.edges.append(Edge(id="e5", type="instructs", source="stab", target="pg1"))
    return model


def test_the_rule_panel_shows_at_least_four_findings_at_1366_by_768(qtbot: Any) -> None:
    window = make_window(qtbot, RecordingPrompter(), _with_findings())
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.rule_panel.shown is not None
                    and sum(window.rule_panel.findings_model.counts[s] for s in
                            ("warning", "hint", "info")) >= 4, timeout=10_000)  # fmt: skip
    QApplication.processEvents()
    qtbot.wait(50)  # the dock under the canvas gets its height from the event loop
    tree = window.rule_panel.tree
    viewport = tree.viewport().rect()
    visible = 0
    for row, group in enumerate(GROUPS):
        parent = window.rule_panel.findings_model.index(row, 0, QModelIndex())
        for r in range(window.rule_panel.findings_model.rowCount(parent)):
            rect = tree.visualRect(window.rule_panel.findings_model.index(r, 0, parent))
            if group != "accepted" and rect.isValid() and viewport.contains(rect):
                visible += 1
    assert visible >= 4, f"only {visible} findings fit into {viewport.height()} px"
    window.undo_stack.setClean()


def test_the_current_finding_opens_to_its_full_text(window: MainWindow, qtbot: Any) -> None:
    panel = window.rule_panel
    window.controller.push(AddEdge(Edge(id="e5", type="instructs", source="stab", target="pg1")))
    qtbot.waitUntil(lambda: "staff-unit-instructs" in [e.rule_id for e in panel.entries("warning")],
                    timeout=10_000)  # fmt: skip
    index = panel.entry_index("warning", "staff-unit-instructs")
    compact = panel.tree.visualRect(index).height()
    panel.tree.setCurrentIndex(index)
    QApplication.processEvents()
    assert panel.tree.visualRect(index).height() > 2 * compact  # message, units, citation


# -- the toolbar stands still ------------------------------------------------------------------
def _toolbar_buttons(window: MainWindow) -> dict[str, QToolButton]:
    out = {}
    for name in ("new", "open", "save", "undo", "redo", "delete", "zoom_out", "zoom_in", "fit",
                 "auto_layout"):  # fmt: skip
        button = window.toolbar.widgetForAction(window.action_map[name])
        assert isinstance(button, QToolButton)
        out[name] = button
    return out


def test_toolbar_buttons_keep_their_width_and_the_tooltip_says_it_in_full(
    window: MainWindow,
) -> None:
    buttons = _toolbar_buttons(window)
    assert all(not b.icon().isNull() for b in buttons.values())  # theme icon or our SVG
    QApplication.processEvents()
    before = {n: (b.x(), b.width()) for n, b in buttons.items()}
    assert buttons["undo"].text() == "Rückgängig"
    window.controller.push(AddNode(Node(id="neu", level="coordination", form="staff_unit",
                                        label="Digitalagentur mit sehr langem Namen")))  # fmt: skip
    QApplication.processEvents()
    assert buttons["undo"].text() == "Rückgängig"
    assert buttons["undo"].toolTip() == ("Rückgängig: Einheit hinzufügen: Digitalagentur mit "
                                         "sehr langem Namen")  # fmt: skip
    assert window.action_map["undo"].text() == ("&Rückgängig: Einheit hinzufügen: "
                                                "Digitalagentur mit sehr langem Namen")  # fmt: skip
    window.undo_stack.undo()
    QApplication.processEvents()
    assert buttons["redo"].toolTip().startswith("Wiederholen: Einheit hinzufügen")
    after = {n: (b.x(), b.width()) for n, b in buttons.items()}
    assert after == before


# -- the history names the unit -------------------------------------------------------------------
def test_the_history_names_the_unit_of_each_step(window: MainWindow) -> None:
    stack = window.undo_stack
    window.controller.rename_node("pg1", "Projektgruppe Mobilität 2030")
    assert stack.undoText() == "Umbenennen: Projektgruppe Mobilität 2030"
    pg2 = window.document.model.node("pg2")
    window.controller.push(MoveNodes({"pg2": (pg2.x + 40, pg2.y)}))
    assert stack.undoText() == "Verschieben: Projektgruppe Daten"
    window.controller.set_node_properties(["stab"], {"form": "office"})
    assert stack.undoText() == "Organisationsform ändern: Stabsstelle Smart City"
    window.scene.select_ids(["pg2"])
    window.action_map["delete"].trigger()
    assert stack.undoText() == "Einheit löschen: Projektgruppe Daten"
    window.controller.set_node_properties(["pg1", "ob"], {"persons": 3})
    assert stack.undoText() == "Eigenschaften ändern"  # two units: no single name
    # the history dock shows the same words (its first row is the starting point)
    assert window.undo_view.model().index(2, 0).data() == "Verschieben: Projektgruppe Daten"


# -- autosave ---------------------------------------------------------------------------------------
def test_each_autosave_says_so_quietly_in_the_status_bar(qtbot: Any, tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts")
    window = MainWindow(small_model(), drafts=store, prompter=RecordingPrompter())
    qtbot.addWidget(window)
    assert window.statusBar().currentMessage() == ""
    window.controller.rename_node("ob", "Bürgermeister")
    assert window.autosaver is not None
    assert window.autosaver.write() is not None  # what the timer does
    message = window.statusBar().currentMessage()
    assert message.startswith("Automatisch gesichert ")
    hh, mm = message.removeprefix("Automatisch gesichert ").split(":")
    assert len(hh) == 2 and len(mm) == 2 and 0 <= int(hh) < 24 and 0 <= int(mm) < 60
    window.undo_stack.setClean()


def test_the_autosave_interval_is_offered_in_minutes(window: MainWindow, qtbot: Any,
                                                     monkeypatch: Any) -> None:  # fmt: skip
    from PySide6.QtWidgets import QInputDialog

    asked: list[tuple[Any, ...]] = []

    def get_int(*args: Any) -> tuple[int, bool]:
        asked.append(args)
        return 5, True

    monkeypatch.setattr(QInputDialog, "getInt", staticmethod(get_int))
    window.ask_autosave_interval()
    _parent, _title, label, value, low, high, _step = asked[0]
    assert "Minuten" in label and (value, low, high) == (1, 1, 60)
    assert Settings().autosave_seconds() == 300


# -- the inspector cuts nothing off ---------------------------------------------------------------------
def _field_text_fits(combo: QComboBox) -> bool:
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    room = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                        QStyle.SubControl.SC_ComboBoxEditField, combo)  # fmt: skip
    return combo.fontMetrics().horizontalAdvance(combo.currentText()) <= room.width()


def test_inspector_labels_and_values_are_not_cut_off(qtbot: Any) -> None:
    window = make_window(qtbot, RecordingPrompter(), templates.example_model())
    window.resize(1366, 768)
    QApplication.processEvents()
    steering = next(n.id for n in window.document.model.nodes if n.form == "steering_committee")
    staff = next(n.id for n in window.document.model.nodes if n.form == "staff_unit")
    window.scene.select_ids([steering])
    QApplication.processEvents()
    page = window.inspector.node_page
    combo = page.fields["form"].widget
    assert isinstance(combo, QComboBox) and combo.currentText() == "Lenkungs-/Steuerungskreis"
    assert _field_text_fits(combo)
    for name, field in page.fields.items():
        if not page.form.isRowVisible(field.widget):
            continue
        label = page.form.labelForField(field.widget)
        assert isinstance(label, QLabel)
        assert label.width() >= label.sizeHint().width() or label.wordWrap(), name
        assert label.height() >= label.heightForWidth(label.width()), name
    # several units on two levels: the "Ebene" line wraps instead of running out of the dock
    window.scene.select_ids([steering, staff])
    QApplication.processEvents()
    level = page.fields["level"].widget
    assert isinstance(level, QLabel) and "," in level.text()
    assert level.wordWrap() and level.height() >= level.heightForWidth(level.width())
    assert level.geometry().right() <= page.width()
    row = page.form.getWidgetPosition(level)
    assert row[1] == QFormLayout.ItemRole.FieldRole  # below its label, the whole width
    window.undo_stack.setClean()


# -- the lead on the card -------------------------------------------------------------------------
def _card(window: MainWindow, node_id: str) -> QImage:
    item = window.node_item(node_id)
    rect = window.view.mapFromScene(item.sceneBoundingRect()).boundingRect()
    return window.view.viewport().grab(rect).toImage()


def test_the_view_option_shows_the_lead_on_the_cards_and_is_remembered(
    window: MainWindow, qtbot: Any
) -> None:
    window.controller.set_node_properties(["stab"], {"lead": "Frau Dr. Meyer"})
    action = window.action_map["show_lead"]
    assert action in window.menus["view"].actions() and not action.isChecked()
    assert "Frau Dr. Meyer" not in window.node_item("stab").geometry.text
    before = _card(window, "stab")
    action.trigger()
    QApplication.processEvents()
    assert window.node_item("stab").geometry.text[-1] == "Frau Dr. Meyer"
    assert _card(window, "stab") != before  # drawn, not only computed
    assert Settings().show_lead()
    second = make_window(qtbot, RecordingPrompter(), small_model())
    assert second.action_map["show_lead"].isChecked()
    action.trigger()
    assert not Settings().show_lead()
    assert "Frau Dr. Meyer" not in window.node_item("stab").geometry.text
    # the PDF draws the card without the lead whatever the view shows
    node = window.document.model.node("stab")
    assert "Frau Dr. Meyer" not in geometry.unit_geometry(node, MEASURE).text
    window.undo_stack.setClean()


# -- renaming in place ------------------------------------------------------------------------------
def test_the_rename_editor_covers_the_card_and_wraps(window: MainWindow) -> None:
    window.scene.start_rename("stab")
    editor = window.scene.rename_editor()
    assert editor is not None
    item = window.node_item("stab")
    proxy = editor.graphicsProxyWidget()
    assert proxy is not None
    box = proxy.sceneBoundingRect()
    card = item.sceneBoundingRect()
    assert abs(box.left() - item.pos().x()) < 1 and abs(box.top() - item.pos().y()) < 1
    assert box.width() == item.node.width and box.height() >= item.node.height
    assert card.intersects(box)
    editor.setText("Stabsstelle Digitalisierung und Smart City der Stadtverwaltung")
    QApplication.processEvents()
    assert editor.document().lineCount() >= 2 or editor.document().size().height() > 1  # wraps
    QTest.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.document.model.node("stab").label == (
        "Stabsstelle Digitalisierung und Smart City der Stadtverwaltung")  # fmt: skip
    assert window.scene.rename_editor() is None
    # a long name is shortened in the history
    assert window.undo_stack.undoText() == ("Umbenennen: Stabsstelle Digitalisierung und Smart "
                                            "City der Stadtverwalt…")  # fmt: skip
    assert QPointF(window.node_item("stab").pos()) == item.pos()
