"""The Arrange menu in the window: enabled only when it can do something, one undo step
each, and nothing lands on another unit (what the user sees on the canvas)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from orgdesigner.commands import MoveNodes
from orgdesigner.model import OrgModel
from orgdesigner.templates import example_model
from orgdesigner.ui.mainwindow import MainWindow
from tests.helpers import laid_out
from tests.ui.conftest import make_window


def one_row_example() -> OrgModel:
    """The example model with every band in one row (six project units side by side)."""
    return laid_out(example_model(), one_row=True)


@pytest.fixture
def window(qtbot: Any) -> Iterator[MainWindow]:
    """The window on the example model (six project units in one row)."""
    w = make_window(qtbot, model=one_row_example())
    yield w
    w.undo_stack.setClean()


def _row_y(window: MainWindow) -> float:
    return window.document.model.node("pg1").y

ALIGN = ("align_left", "align_hcenter", "align_right", "align_top")


def _drawn_overlaps(window: MainWindow) -> list[tuple[str, str]]:
    """Pairs of unit items whose drawn boxes overlap on the canvas."""
    items = sorted(window.scene.nodes.items())
    out = []
    for i, (a, item_a) in enumerate(items):
        box = item_a.sceneBoundingRect().adjusted(1, 1, -1, -1)  # touching is fine
        for b, item_b in items[i + 1 :]:
            if box.intersects(item_b.sceneBoundingRect().adjusted(1, 1, -1, -1)):
                out.append((a, b))
    return out


def _enabled(window: MainWindow) -> dict[str, bool]:
    return {name: window.action_map[name].isEnabled() for name in (*ALIGN, "distribute")}


def test_align_needs_two_selected_units_and_distribute_three(window: MainWindow) -> None:
    window.scene.clearSelection()
    QApplication.processEvents()
    assert not any(_enabled(window).values())
    window.scene.select_ids(["pg1"])
    assert not any(_enabled(window).values())
    window.scene.select_ids(["pg1", "pg2"])
    enabled = _enabled(window)
    assert all(enabled[name] for name in ALIGN) and not enabled["distribute"]
    window.scene.select_ids(["pg1", "pg2", "pg3"])
    assert all(_enabled(window).values())
    menu = window.menuBar().actions()
    arrange = next(a.menu() for a in menu if a.menu() is not None
                   and window.action_map["distribute"] in a.menu().actions())  # fmt: skip
    assert window.action_map["tidy_keep_order"] in arrange.actions()  # next to auto-layout
    context = window.build_context_menu(window.view.mapToScene(0, 0)).actions()
    assert window.action_map["auto_layout"] in context
    assert window.action_map["tidy_keep_order"] in context


def test_align_centre_of_one_row_stacks_the_units_visibly(window: MainWindow) -> None:
    window.scene.select_ids(["pg1", "pg2", "pg3"])
    steps = window.undo_stack.count()
    window.action_map["align_hcenter"].trigger()
    assert window.undo_stack.count() == steps + 1
    assert _drawn_overlaps(window) == []
    centres = {round(window.scene.nodes[i].sceneBoundingRect().center().x()) for i in ("pg1", "pg2", "pg3")}
    assert len(centres) == 1
    window.undo_stack.undo()
    assert [window.document.model.node(i).y for i in ("pg1", "pg2", "pg3")] == [_row_y(window)] * 3


def test_tidy_keep_order_removes_overlaps_in_one_undo_step(window: MainWindow) -> None:
    # a mess: pg2 dropped onto pg1, pg3 far right; that order is what the user wants
    model = window.document.model
    y, pg1 = _row_y(window), model.node("pg1")
    order = [n.id for n in sorted((n for n in model.nodes if n.level == "implementation"),
                                  key=lambda n: n.x) if n.id not in ("pg2", "pg3")]  # fmt: skip
    order.insert(order.index("pg1") + 1, "pg2")
    order.append("pg3")
    window.controller.push(MoveNodes({"pg2": (pg1.x + 20, y + 4), "pg3": (3000.0, y + 2)}))
    assert _drawn_overlaps(window)
    steps = window.undo_stack.count()
    window.action_map["tidy_keep_order"].trigger()
    assert window.undo_stack.count() == steps + 1
    assert window.undo_stack.undoText() == "Ordnen, Reihenfolge behalten"
    assert _drawn_overlaps(window) == []
    row = [n.id for n in sorted((n for n in model.nodes if n.level == "implementation"),
                                key=lambda n: n.x)]  # fmt: skip
    assert row == order  # the user's order, pg3 last
    assert len({model.node(i).y for i in row}) == 1  # one row, aligned
    assert model.node("pg3").x < 3000  # and the gap closed


def test_tidy_keep_order_has_its_shortcut(window: MainWindow, qtbot: Any) -> None:
    pg1 = window.document.model.node("pg1")
    window.controller.push(MoveNodes({"pg2": (pg1.x + 20, _row_y(window) + 4)}))
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    QApplication.processEvents()
    assert window.undo_stack.undoText() == "Ordnen, Reihenfolge behalten"
    assert _drawn_overlaps(window) == []
