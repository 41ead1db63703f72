"""Each interaction on the canvas: check the model, then undo, then redo."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from orgdesigner import layout
from orgdesigner.canvas.scene import FORM_MIME
from orgdesigner.ui.mainwindow import MainWindow
from tests.ui.conftest import centre, click, drag, handle, view_point


def _in_band(window: MainWindow, node_id: str) -> bool:
    node = window.document.model.node(node_id)
    band = layout.band_rects(window.document.model)[node.level]
    return band.top <= node.y and node.y + node.height <= band.bottom


def _drop(window: MainWindow, form: str, at: QPointF, accepted: bool = True) -> None:
    """Drop a palette payload onto the canvas through Qt's drag-and-drop events
    (``accepted``: whether the canvas takes the drag)."""
    data = QMimeData()
    data.setData(FORM_MIME, QByteArray(form.encode()))
    vp = window.view.viewport()
    pos = QPointF(view_point(window, at))
    copy = Qt.DropAction.CopyAction
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    # QDragEnterEvent/QDragMoveEvent take a QPoint (QPointF only since Qt 6.12)
    enter = QDragEnterEvent(pos.toPoint(), copy, data, left, none)
    QApplication.sendEvent(vp, enter)
    move = QDragMoveEvent(pos.toPoint(), copy, data, left, none)
    QApplication.sendEvent(vp, move)
    assert move.isAccepted() == accepted
    QApplication.sendEvent(vp, QDropEvent(pos, copy, data, left, none))
    QApplication.processEvents()


def test_drop_creates_node_in_its_band_at_the_drop_point(window: MainWindow) -> None:
    model = window.document.model
    before = list(model.nodes)
    _drop(window, "staff_unit", QPointF(700, 60))  # pointer over the political band
    assert len(model.nodes) == len(before) + 1
    new = model.nodes[-1]
    assert (new.form, new.level, new.label) == ("staff_unit", "coordination", "Stabsstelle")
    assert _in_band(window, new.id)
    assert new.x == 700 - new.width / 2
    assert window.scene.selected_node_ids() == [new.id]
    assert new.id in window.scene.nodes

    window.undo_stack.undo()
    assert window.document.model.nodes == before
    assert new.id not in window.scene.nodes
    window.undo_stack.redo()
    assert window.document.model.nodes[-1] == new
    assert window.scene.nodes[new.id].pos() == QPointF(new.x, new.y)


def test_drop_of_generic_unit_and_unknown_payload(window: MainWindow) -> None:
    model = window.document.model
    _drop(window, "level:advisory", QPointF(400, 520))
    new = model.nodes[-1]
    assert (new.level, new.form) == ("advisory", None)
    assert _in_band(window, new.id)
    count = len(model.nodes)
    _drop(window, "no_such_form", QPointF(400, 520), accepted=False)  # refused while dragging
    assert len(model.nodes) == count


def test_drag_moves_selected_nodes_and_one_undo_restores(window: MainWindow) -> None:
    model = window.document.model
    click(window, centre(window, "pg1"))
    click(window, centre(window, "pg2"), Qt.KeyboardModifier.ControlModifier)
    assert sorted(window.scene.selected_node_ids()) == ["pg1", "pg2"]
    before = {i: (model.node(i).x, model.node(i).y) for i in ("pg1", "pg2", "stab")}
    steps = window.undo_stack.count()
    drag(window, centre(window, "pg1"), centre(window, "pg1") + QPointF(150, 0))
    assert window.undo_stack.count() == steps + 1
    assert model.node("pg1").x == before["pg1"][0] + 150
    assert model.node("pg2").x == before["pg2"][0] + 150
    assert model.node("stab").x == before["stab"][0]
    # the relation followed the node
    line = window.edge_item("e3").line()
    assert window.node_item("pg1").scene_box().contains(line.p2()) or line.p2().x() > 300

    window.undo_stack.undo()
    assert {i: (model.node(i).x, model.node(i).y) for i in before} == before
    assert window.node_item("pg1").pos() == QPointF(*before["pg1"])
    window.undo_stack.redo()
    assert model.node("pg1").x == before["pg1"][0] + 150
    assert window.node_item("pg2").pos().x() == before["pg2"][0] + 150


def test_a_node_stays_in_its_band(window: MainWindow) -> None:
    model = window.document.model
    start = centre(window, "stab")
    drag(window, start, start + QPointF(40, 400))  # far down into the advisory band
    node = model.node("stab")
    assert node.level == "coordination"
    assert _in_band(window, "stab")
    assert node.x == 180 + 40
    drag(window, centre(window, "stab"), centre(window, "stab") + QPointF(-400, -300))
    assert _in_band(window, "stab")
    assert model.node("stab").x == layout.NODE_LEFT  # the band labels stay free


def test_a_click_without_moving_records_nothing(window: MainWindow) -> None:
    click(window, centre(window, "ob"))
    assert window.undo_stack.count() == 0


def test_connect_proposes_the_type_from_the_levels(window: MainWindow) -> None:
    model = window.document.model
    edges = list(model.edges)
    click(window, centre(window, "rat"))  # hover/selection shows the handle
    drag(window, handle(window, "rat"), centre(window, "stab"))
    assert len(model.edges) == len(edges) + 1
    new = model.edges[-1]
    assert (new.source, new.target, new.type) == ("rat", "stab", "mandates")
    assert new.id in window.scene.edges
    window.undo_stack.undo()
    assert model.edges == edges
    assert new.id not in window.scene.edges
    window.undo_stack.redo()
    assert model.edges[-1] == new

    drag(window, handle(window, "pg2"), centre(window, "ob"))
    assert model.edges[-1].type == "reports_to"
    drag(window, handle(window, "pg1"), centre(window, "pg2"))
    assert model.edges[-1].type == "cooperates"


def test_connect_onto_empty_space_or_itself_adds_nothing(window: MainWindow) -> None:
    count = len(window.document.model.edges)
    drag(window, handle(window, "rat"), QPointF(900, 60))
    drag(window, handle(window, "rat"), centre(window, "rat"))
    assert len(window.document.model.edges) == count
    assert window.undo_stack.count() == 0


def test_delete_takes_relations_and_undo_restores_them_in_order(window: MainWindow) -> None:
    model = window.document.model
    nodes, edges = list(model.nodes), list(model.edges)
    window.scene.select_ids(["stab"])
    window.action_map["delete"].trigger()
    assert [n.id for n in model.nodes] == ["rat", "ob", "pg1", "pg2"]
    assert [e.id for e in model.edges] == ["e1"]
    assert set(window.scene.edges) == {"e1"}
    assert window.undo_stack.undoText() == "Einheit löschen: Stabsstelle Smart City"
    window.undo_stack.undo()
    assert model.nodes == nodes
    assert model.edges == edges
    assert set(window.scene.edges) == {e.id for e in edges}
    assert window.edge_item("e3").source is window.node_item("stab")
    window.undo_stack.redo()
    assert [e.id for e in model.edges] == ["e1"]


def test_delete_a_relation_alone(window: MainWindow) -> None:
    window.scene.select_ids(["e2"])
    window.action_map["delete"].trigger()
    assert [e.id for e in window.document.model.edges] == ["e1", "e3", "e4"]
    assert len(window.document.model.nodes) == 5
    window.undo_stack.undo()
    assert [e.id for e in window.document.model.edges] == ["e1", "e2", "e3", "e4"]


def test_copy_paste_creates_new_ids(window: MainWindow) -> None:
    model = window.document.model
    old_ids = model.ids()
    window.scene.select_ids(["stab", "pg1", "e3"])
    window.action_map["copy"].trigger()
    window.action_map["paste"].trigger()
    new_nodes = [n for n in model.nodes if n.id not in old_ids]
    new_edges = [e for e in model.edges if e.id not in old_ids]
    assert sorted(n.label for n in new_nodes) == ["Projektgruppe Mobilität", "Stabsstelle Smart City"]
    assert len(new_edges) == 1  # e3 runs between the two copied units
    ids = {n.id for n in new_nodes}
    assert {new_edges[0].source, new_edges[0].target} == ids
    assert all(_in_band(window, i) for i in ids)
    assert set(window.scene.selected_node_ids()) == ids
    window.undo_stack.undo()
    assert model.ids() == old_ids
    window.undo_stack.redo()
    assert {n.id for n in model.nodes} >= ids
    # pasting again gives yet other ids
    window.action_map["paste"].trigger()
    assert len(model.nodes) == 9


def test_cut_and_duplicate(window: MainWindow) -> None:
    model = window.document.model
    window.scene.select_ids(["pg2"])
    window.action_map["duplicate"].trigger()
    assert len(model.nodes) == 6
    copy = model.nodes[-1]
    assert copy.id != "pg2" and copy.label == "Projektgruppe Daten"
    window.scene.select_ids(["pg2"])
    window.action_map["cut"].trigger()
    assert "pg2" not in {n.id for n in model.nodes}
    assert window.undo_stack.undoText() == "Ausschneiden"
    window.action_map["paste"].trigger()
    assert sum(n.label == "Projektgruppe Daten" for n in model.nodes) == 2


def test_paste_between_two_windows(window: MainWindow, qtbot: object, prompter: object) -> None:
    from tests.ui.conftest import make_window

    other = make_window(qtbot, prompter, None)  # type: ignore[arg-type]
    try:
        window.scene.select_ids(["stab"])
        window.action_map["copy"].trigger()
        count = len(other.document.model.nodes)
        other.action_map["paste"].trigger()
        assert len(other.document.model.nodes) == count + 1
        assert other.document.model.nodes[-1].label == "Stabsstelle Smart City"
    finally:
        other.undo_stack.setClean()


def test_auto_layout_keeps_bands_and_is_one_undo_step(window: MainWindow) -> None:
    model = window.document.model
    # make a mess first: pg2 left of pg1, overlapping
    window.controller.push(
        __import__("orgdesigner.commands", fromlist=["MoveNodes"]).MoveNodes(
            {"pg2": (150.0, 400.0), "pg1": (600.0, 388.0)}
        )
    )
    before = {n.id: (n.x, n.y) for n in model.nodes}
    steps = window.undo_stack.count()
    window.action_map["auto_layout"].trigger()
    assert window.undo_stack.count() == steps + 1
    assert window.undo_stack.undoText() == "Automatisch anordnen"
    for n in model.nodes:
        assert _in_band(window, n.id), n.id
    pg1, pg2 = model.node("pg1"), model.node("pg2")
    assert pg2.x + pg2.width <= pg1.x or pg1.x + pg1.width <= pg2.x or pg1.y != pg2.y  # apart
    assert (pg2.y, pg2.x) < (pg1.y, pg1.x)  # the user's order is kept (in reading order)
    window.undo_stack.undo()
    assert {n.id: (n.x, n.y) for n in model.nodes} == before
    window.undo_stack.redo()
    assert (model.node("pg2").y, model.node("pg2").x) < (model.node("pg1").y, model.node("pg1").x)


def test_rename_in_place(window: MainWindow, qtbot: object) -> None:
    window.scene.select_ids(["ob"])
    window.action_map["rename"].trigger()
    editor = window.scene.rename_editor()
    assert editor is not None
    editor.setText("Oberbürgermeister")
    from PySide6.QtTest import QTest

    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert window.document.model.node("ob").label == "Oberbürgermeister"
    assert window.scene.rename_editor() is None
    window.undo_stack.undo()
    assert window.document.model.node("ob").label == "Oberbürgermeisterin"
    window.undo_stack.redo()
    assert window.document.model.node("ob").label == "Oberbürgermeister"


def test_rename_escape_cancels(window: MainWindow) -> None:
    window.scene.start_rename("ob")
    editor = window.scene.rename_editor()
    assert editor is not None
    editor.setText("Etwas anderes")
    from PySide6.QtTest import QTest

    QTest.keyClick(editor, Qt.Key.Key_Escape)
    assert window.document.model.node("ob").label == "Oberbürgermeisterin"
    assert window.undo_stack.count() == 0


def test_relation_type_from_context_menu(window: MainWindow) -> None:
    window.scene.select_ids(["e2"])
    menu = window.build_context_menu(QPointF(0, 0))
    action = menu.findChild(type(window.action_map["copy"]), "relation_informs")
    assert action is not None
    action.trigger()
    assert window.document.model.edge("e2").type == "informs"
    assert window.undo_stack.undoText() == "Beziehungstyp ändern"
    window.undo_stack.undo()
    assert window.document.model.edge("e2").type == "reports_to"
    window.undo_stack.redo()
    assert window.document.model.edge("e2").type == "informs"


def test_select_all_and_rubber_band(window: MainWindow) -> None:
    window.action_map["select_all"].trigger()
    assert len(window.scene.selectedItems()) == 9
    window.scene.clearSelection()
    # rubber band over the implementation band from empty space
    band = window.scene.band_geometry()["implementation"]
    drag(window, QPointF(170, band.top + 6), QPointF(700, band.bottom - 6))
    assert sorted(window.scene.selected_node_ids()) == ["pg1", "pg2"]
    assert window.undo_stack.count() == 0


def test_align_and_distribute(window: MainWindow) -> None:
    model = window.document.model
    window.scene.select_ids(["ob", "stab"])
    window.controller.push(
        __import__("orgdesigner.commands", fromlist=["MoveNodes"]).MoveNodes({"stab": (300.0, 268.0)})
    )
    window.action_map["align_left"].trigger()
    assert model.node("stab").x == model.node("ob").x == 180
    window.undo_stack.undo()
    assert model.node("stab").x == 300
    window.scene.select_ids(["rat", "ob", "stab"])
    window.controller.push(
        __import__("orgdesigner.commands", fromlist=["MoveNodes"]).MoveNodes({"stab": (700.0, 268.0)})
    )
    window.action_map["distribute"].trigger()
    xs = sorted(model.node(i).x for i in ("rat", "ob", "stab"))
    assert xs[1] - xs[0] == xs[2] - xs[1]


def test_zoom_actions(window: MainWindow) -> None:
    window.view.zoom_reset()
    window.action_map["zoom_in"].trigger()
    assert window.view.zoom() > 1.0
    window.action_map["zoom_out"].trigger()
    window.action_map["zoom_out"].trigger()
    assert window.view.zoom() < 1.0
    window.action_map["fit"].trigger()
    assert 0.1 <= window.view.zoom() <= 1.0
    assert window.zoom_label.text().endswith("%")


def test_snap_to_grid(window: MainWindow) -> None:
    window.action_map["snap"].setChecked(True)
    before = window.document.model.node("pg2")
    recorded = window.undo_stack.count()
    drag(window, centre(window, "pg2"), centre(window, "pg2") + QPointF(33, 0))
    after = window.document.model.node("pg2")
    # the drag is recorded as one undoable step, lands on the grid, near where it was let go
    assert window.undo_stack.count() == recorded + 1
    first_row = window.scene.band_geometry()["implementation"].top + layout.PAD
    assert after.x % 10 == 0 and abs(after.x - (before.x + 33)) <= 5
    assert (after.y - first_row) % 10 == 0 and abs(after.y - before.y) <= 5
    window.undo_stack.undo()
    assert window.document.model.node("pg2") == before
    QApplication.processEvents()


def test_arrow_keys_move_the_selection(window: MainWindow) -> None:
    from PySide6.QtTest import QTest

    model = window.document.model
    window.scene.select_ids(["pg1", "pg2"])
    window.view.setFocus()
    before = {i: model.node(i).x for i in ("pg1", "pg2")}
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Right)
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert {i: model.node(i).x for i in before} == {i: x + 11 for i, x in before.items()}
    assert window.undo_stack.count() == 2
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert {i: model.node(i).x for i in before} == before
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Up)  # already at the band's top
    assert window.undo_stack.index() == 0 and window.undo_stack.canRedo()
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Escape)
    assert window.scene.selectedItems() == []
