"""„Verbinden mit …“: any two units are connected by keyboard, not only neighbours."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from orgdesigner.catalog import catalog
from orgdesigner.relations import propose_relation
from orgdesigner.ui.connectdialog import ConnectDialog
from orgdesigner.ui.mainwindow import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def _in_dialog(step: Callable[[ConnectDialog], None], seen: list[ConnectDialog]) -> None:
    """Run ``step`` on the connect dialog as soon as it is open (it is modal)."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ConnectDialog):
            QTimer.singleShot(10, run)
            return
        seen.append(dialog)
        try:
            step(dialog)
        finally:
            if dialog.isVisible():  # a failed step must not leave the test waiting
                dialog.reject()

    QTimer.singleShot(0, run)


focus: list[bool] = []
"""Whether the filter field had the focus when the dialog opened (one entry per dialog)."""
shown: list[list[str]] = []
"""The units the list showed after typing (one entry per dialog)."""


def _type_and_enter(text: str) -> Callable[[ConnectDialog], None]:
    def step(dialog: ConnectDialog) -> None:
        focus.append(dialog.focusWidget() is dialog.filter)
        QTest.keyClicks(dialog.filter, text)
        shown.append(dialog.visible())
        QTest.keyClick(dialog.filter, Qt.Key.Key_Return)

    return step


def test_ctrl_k_with_one_unit_connects_it_to_a_unit_chosen_by_name(window: MainWindow) -> None:
    model = window.document.model
    window.view.setFocus()
    window.view.select_node("rat")  # Stadtrat, far from Projektgruppe Daten
    before = list(model.edges)
    index = window.undo_stack.index()
    seen: list[ConnectDialog] = []
    _in_dialog(_type_and_enter("daten"), seen)
    QTest.keyClick(window.view, Qt.Key.Key_K, CTRL)
    QApplication.processEvents()
    assert seen, "Ctrl+K with one selected unit opens the list"
    assert focus[-1]  # typing goes straight into the filter field
    assert shown[-1] == ["pg2"]  # typing filtered the list
    (edge,) = [e for e in model.edges if e not in before]
    assert (edge.source, edge.target) == ("rat", "pg2")
    assert edge.type == propose_relation(model.node("rat"), model.node("pg2"))
    assert window.undo_stack.index() == index + 1  # one undo step
    assert catalog().relation(edge.type).label.get() in window.statusBar().currentMessage()
    window.undo_stack.undo()
    assert model.edges == before


def test_the_list_filters_folds_umlauts_and_moves_with_the_arrow_keys(window: MainWindow) -> None:
    dialog = ConnectDialog(window.document.model, "pg1", window)
    assert "pg1" not in dialog.items  # not to itself
    assert dialog.visible() == ["rat", "ob", "stab", "pg2"]  # top to bottom, level by level
    assert [dialog.items[i].text(2) for i in ("rat", "stab")] == [
        catalog().relation(propose_relation(window.document.model.node("pg1"),
                                            window.document.model.node(i))).label.get()
        for i in ("rat", "stab")]  # fmt: skip
    dialog.filter.setText("oberburg")  # ü typed as u
    assert dialog.visible() == ["ob"]
    dialog.filter.setText("OBERBUERG")
    assert dialog.visible() == ["ob"]
    dialog.filter.setText("umsetzung")  # the level's name finds its units
    assert dialog.visible() == ["pg2"]
    dialog.filter.setText("keine solche einheit")
    assert dialog.visible() == [] and not dialog.connect_button.isEnabled()
    dialog.filter.clear()
    assert dialog.target() == "rat"
    QTest.keyClick(dialog.filter, Qt.Key.Key_Down)  # into the list
    assert dialog.focusWidget() is dialog.list
    QTest.keyClick(dialog.list, Qt.Key.Key_Down)
    QTest.keyClick(dialog.list, Qt.Key.Key_Down)
    assert dialog.target() == "stab"
    dialog.deleteLater()


def test_two_units_with_the_same_name_are_told_apart(window: MainWindow) -> None:
    window.controller.rename_node("pg2", "Projektgruppe Mobilität")
    window.controller.rename_node("stab", "Projektgruppe Mobilität")
    dialog = ConnectDialog(window.document.model, "rat", window)
    names = [dialog.items[i].text(0) for i in ("stab", "pg1", "pg2")]
    assert names == ["Projektgruppe Mobilität (Stabsstelle)",
                     "Projektgruppe Mobilität (Projekt-/Arbeitsgruppe, 1)",
                     "Projektgruppe Mobilität (Projekt-/Arbeitsgruppe, 2)"]  # fmt: skip
    assert dialog.items["ob"].text(0) == "Oberbürgermeisterin"  # unique: as it is
    dialog.deleteLater()


def test_escape_connects_nothing(window: MainWindow) -> None:
    window.view.select_node("rat")
    before = list(window.document.model.edges)
    seen: list[ConnectDialog] = []
    _in_dialog(lambda d: QTest.keyClick(d.filter, Qt.Key.Key_Escape), seen)
    assert window.connect_to_chosen() is None
    assert seen and window.document.model.edges == before


def test_the_unit_context_menu_offers_verbinden_mit(window: MainWindow, qtbot: Any) -> None:
    window.view.select_node("stab")
    pos = window.node_item("stab").sceneBoundingRect().center()
    menu = window.build_context_menu(pos)
    action = window.action_map["connect_to"]
    assert action in menu.actions() and action.isEnabled()
    assert action.text().replace("&", "") == "Verbinden mit …"
    seen: list[ConnectDialog] = []
    _in_dialog(_type_and_enter("projektgruppe daten"), seen)
    action.trigger()
    QApplication.processEvents()
    assert any((e.source, e.target) == ("stab", "pg2") for e in window.document.model.edges[4:])
    window.scene.select_ids(["stab", "pg1"])
    assert window.action_map["connect_to"] not in window.build_context_menu(pos).actions()
