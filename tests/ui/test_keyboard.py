"""Every editing action without a mouse: only key events in these tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from orgdesigner.catalog import catalog
from orgdesigner.i18n import set_language
from orgdesigner.model import OrgModel
from orgdesigner.relations import propose_relation
from orgdesigner.ui.keyboard import ShortcutsDialog
from orgdesigner.ui.mainwindow import MainWindow
from tests.ui.conftest import RecordingPrompter

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _window(qtbot: Any, model: OrgModel | None = None, path: Path | None = None) -> MainWindow:
    set_language("de")
    prompter = RecordingPrompter()
    prompter.unsaved = "discard"
    window = MainWindow(model or OrgModel(), path, prompter=prompter)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    return window


def _key(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press ``key`` on whatever has the keyboard focus (as a user would)."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    QTest.keyClick(target, key, modifiers)
    QApplication.processEvents()


def _insert(window: MainWindow, form: str) -> str:
    """Ctrl+F, type the form's name, Enter: a new unit at the view centre."""
    before = {n.id for n in window.document.model.nodes}
    _key(Qt.Key.Key_F, CTRL)
    assert window.form_palette.search.hasFocus()
    QTest.keyClicks(window.form_palette.search, catalog().form(form).label.get())
    _key(Qt.Key.Key_Return)
    (new,) = {n.id for n in window.document.model.nodes} - before
    assert window.view.hasFocus()  # ready to move, rename, connect
    return new


def test_build_three_units_with_two_relations_and_save_with_keys_only(qtbot: Any,
                                                                       tmp_path: Path) -> None:  # fmt: skip
    target = tmp_path / "tastatur.orgmodel.json"
    window = _window(qtbot, path=target)  # started with a target path, as `orgdesigner FILE`
    window.view.setFocus()
    QApplication.processEvents()
    ids = [_insert(window, form) for form in ("administration_head", "staff_unit", "project_group")]
    model = window.document.model
    assert [model.node(i).form for i in ids] == ["administration_head", "staff_unit",
                                                  "project_group"]  # fmt: skip
    order = window.view.reading_order()
    a, b, c = order
    # Home selects the first unit, Ctrl+Tab adds the next, Ctrl+K connects them
    _key(Qt.Key.Key_Home)
    assert window.scene.selected_node_ids() == [a]
    _key(Qt.Key.Key_Tab, CTRL)
    assert set(window.scene.selected_node_ids()) == {a, b}
    _key(Qt.Key.Key_K, CTRL)
    # Tab moves on to the third; Ctrl+Shift+Tab adds the second; Ctrl+K connects
    _key(Qt.Key.Key_Tab)
    assert window.scene.selected_node_ids() == [c]
    _key(Qt.Key.Key_Tab, CTRL | SHIFT)
    assert set(window.scene.selected_node_ids()) == {b, c}
    _key(Qt.Key.Key_K, CTRL)
    model = window.document.model
    assert [(e.source, e.target) for e in model.edges] == [(a, b), (c, b)]
    for edge in model.edges:  # the type is proposed as when dragging with the mouse
        assert edge.type == propose_relation(model.node(edge.source), model.node(edge.target))
    # move the third unit one big step right, then save
    _key(Qt.Key.Key_End)
    x = model.node(c).x
    _key(Qt.Key.Key_Right, SHIFT)
    assert window.document.model.node(c).x == x + 50
    _key(Qt.Key.Key_S, CTRL)
    assert not window.session.is_modified()
    saved = json.loads(target.read_text(encoding="utf-8"))
    assert len(saved["nodes"]) == 3 and len(saved["edges"]) == 2


def test_enter_in_the_palette_inserts_the_selected_form_at_the_view_centre(qtbot: Any) -> None:
    window = _window(qtbot)
    tree = window.form_palette.tree
    tree.setFocus()
    tree.setCurrentItem(window.form_palette.items["staff_unit"])
    _key(Qt.Key.Key_Return)
    (node,) = window.document.model.nodes
    assert node.form == "staff_unit"
    centre = window.view.mapToScene(window.view.viewport().rect().center())
    item = window.node_item(node.id)
    assert abs(item.sceneBoundingRect().center().x() - centre.x()) < node.width
    assert window.scene.selected_node_ids() == [node.id]


def test_enter_in_the_palette_never_drops_the_unit_onto_another(qtbot: Any) -> None:
    """Three times Enter on the same form, the view unmoved: three units side by side."""
    window = _window(qtbot)
    window.view.setFocus()
    QApplication.processEvents()
    ids = [_insert(window, "project_group") for _ in range(3)]
    boxes = [window.node_item(i).sceneBoundingRect().adjusted(1, 1, -1, -1) for i in ids]
    for k, box in enumerate(boxes):
        for other in boxes[k + 1 :]:
            assert not box.intersects(other)
    bands = window.scene.band_geometry()
    for i in ids:
        node = window.document.model.node(i)
        band = bands[node.level]
        assert band.top <= node.y and node.y + node.height <= band.bottom
    assert window.undo_stack.count() == 3  # one step per insertion


def test_arrow_keys_one_undo_step_per_press_shift_for_big_steps(qtbot: Any) -> None:
    from tests.ui.conftest import small_model

    window = _window(qtbot, small_model())
    window.view.setFocus()
    window.scene.select_ids(["pg2"])
    x = window.document.model.node("pg2").x
    _key(Qt.Key.Key_Right)
    _key(Qt.Key.Key_Right, SHIFT)
    assert window.document.model.node("pg2").x == x + 60
    assert window.undo_stack.count() == 2
    _key(Qt.Key.Key_Z, CTRL)
    assert window.document.model.node("pg2").x == x + 10
    window.undo_stack.setClean()


def test_tab_walks_through_the_units_and_then_leaves_the_canvas(qtbot: Any) -> None:
    from tests.ui.conftest import small_model

    window = _window(qtbot, small_model())
    window.view.setFocus()
    seen = []
    for _ in range(5):
        _key(Qt.Key.Key_Tab)
        (selected,) = window.scene.selected_node_ids()
        seen.append(selected)
        assert window.view.hasFocus()
    assert seen == window.view.reading_order()
    assert seen[0] == "rat"
    _key(Qt.Key.Key_Tab, SHIFT)
    assert window.scene.selected_node_ids() == [seen[3]]
    _key(Qt.Key.Key_Tab)
    _key(Qt.Key.Key_Tab)  # past the last unit: the focus moves on
    assert not window.view.hasFocus()
    assert window.scene.selected_node_ids() == []


def test_the_context_menu_key_opens_the_context_menu(qtbot: Any) -> None:
    from tests.ui.conftest import small_model

    window = _window(qtbot, small_model())
    requests: list[Any] = []
    window.scene.context_menu_requested.disconnect()  # record instead of a modal menu
    window.scene.context_menu_requested.connect(lambda screen, pos: requests.append(pos))
    window.view.setFocus()
    _key(Qt.Key.Key_Tab)
    _key(Qt.Key.Key_Menu)
    _key(Qt.Key.Key_F10, SHIFT)
    assert len(requests) == 2
    (selected,) = window.scene.selected_node_ids()
    assert window.node_item(selected).sceneBoundingRect().contains(requests[0])
    menu = window.build_context_menu(requests[0])  # what the request opens
    assert window.action_map["rename"] in menu.actions()


def test_connect_without_a_selected_unit_says_how(qtbot: Any) -> None:
    from tests.ui.conftest import small_model

    window = _window(qtbot, small_model())
    window.view.setFocus()
    window.scene.clearSelection()
    edges = len(window.document.model.edges)
    _key(Qt.Key.Key_K, CTRL)
    assert len(window.document.model.edges) == edges
    assert "eine Einheit auswählen" in window.statusBar().currentMessage()


def test_the_help_menu_lists_the_shortcuts(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[ShortcutsDialog] = []
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda self: opened.append(self) or 0)
    window = _window(qtbot)
    assert window.action_map["shortcuts"] in window.help_menu.actions()
    window.action_map["shortcuts"].trigger()
    (dialog,) = opened
    qtbot.addWidget(dialog)
    rows = dict((what, key) for key, what in dialog.rows())
    assert "Verbinden" in rows and "K" in rows["Verbinden"]
    assert "Speichern" in rows
    assert any("Tab" in key for key in rows.values())
    assert any("Kontextmenü" in what for what in rows)
