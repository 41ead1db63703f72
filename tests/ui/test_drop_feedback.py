"""While dragging, the canvas says where a unit will land and why it stays in its band."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QImage,
    QPainter,
)
from PySide6.QtWidgets import QApplication

from orgdesigner import layout
from orgdesigner.canvas.scene import FORM_MIME
from orgdesigner.ui.mainwindow import MainWindow
from tests.ui.conftest import centre, drag, view_point

COPY = Qt.DropAction.CopyAction
LEFT, NONE = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


def _payload(form: str) -> QMimeData:
    data = QMimeData()
    data.setData(FORM_MIME, QByteArray(form.encode()))
    return data


def _drag_over(window: MainWindow, data: QMimeData, at: QPointF) -> None:
    """A palette drag enters the canvas and moves to scene ``at`` (not dropped yet)."""
    vp = window.view.viewport()
    pos = view_point(window, at)
    QApplication.sendEvent(vp, QDragEnterEvent(pos, COPY, data, LEFT, NONE))
    QApplication.sendEvent(vp, QDragMoveEvent(pos, COPY, data, LEFT, NONE))
    QApplication.processEvents()


def _band_image(window: MainWindow, level: str) -> QImage:
    """The band of ``level`` as the scene paints it."""
    band = window.scene.band_geometry()[level]
    rect = QRectF(0, band.top, layout.band_width(window.document.model), band.height)
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    window.scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    return image


def _tinted(before: QImage, after: QImage) -> float:
    """Share of pixels that became bluer (the highlight is the selection colour)."""
    changed = total = 0
    for x in range(0, before.width(), 7):
        for y in range(0, before.height(), 7):
            a, b = before.pixelColor(x, y), after.pixelColor(x, y)
            total += 1
            changed += b.blue() - b.red() > a.blue() - a.red() + 8
    return changed / total


def test_the_band_under_the_cursor_is_highlighted_while_dragging(window: MainWindow) -> None:
    plain = {lv: _band_image(window, lv) for lv in ("coordination", "political")}
    band = window.scene.band_geometry()["coordination"]
    data = _payload("staff_unit")
    _drag_over(window, data, QPointF(600, band.top + band.height / 2))
    assert _tinted(plain["coordination"], _band_image(window, "coordination")) > 0.8
    assert _tinted(plain["political"], _band_image(window, "political")) == 0
    assert window.statusBar().currentMessage() == ""  # the right band: nothing to explain
    QApplication.sendEvent(window.view.viewport(), QDragLeaveEvent())
    QApplication.processEvents()
    assert window.scene.drop_highlight() is None
    assert _tinted(plain["coordination"], _band_image(window, "coordination")) == 0


def test_over_another_levels_band_its_own_band_lights_up_and_the_status_bar_says_why(
        window: MainWindow) -> None:  # fmt: skip
    plain = {lv: _band_image(window, lv) for lv in ("coordination", "political")}
    data = _payload("staff_unit")
    political = window.scene.band_geometry()["political"]
    _drag_over(window, data, QPointF(700, political.top + 40))
    # where the unit will land is highlighted, not the band it cannot go to
    assert _tinted(plain["coordination"], _band_image(window, "coordination")) > 0.8
    assert _tinted(plain["political"], _band_image(window, "political")) == 0
    message = window.statusBar().currentMessage()
    assert "„Stabsstelle“" in message and "„Koordination“" in message
    assert "Ebene ändern" in message  # how to change a unit's level
    window.statusBar().clearMessage()
    before = len(window.document.model.nodes)
    pos = view_point(window, QPointF(700, political.top + 40))
    QApplication.sendEvent(window.view.viewport(), QDropEvent(QPointF(pos), COPY, data, LEFT, NONE))
    QApplication.processEvents()
    new = window.document.model.nodes[-1]
    assert len(window.document.model.nodes) == before + 1
    assert new.level == "coordination"
    band = layout.band_rects(window.document.model)["coordination"]
    assert band.top <= new.y and new.y + new.height <= band.bottom
    message = window.statusBar().currentMessage()
    assert "gehört zur Ebene „Koordination“" in message and "Ebene ändern" in message
    assert window.scene.drop_highlight() is None


def test_a_drop_on_its_own_band_explains_nothing(window: MainWindow) -> None:
    band = window.scene.band_geometry()["implementation"]
    at = QPointF(700, band.top + band.height / 2)
    data = _payload("project_group")
    _drag_over(window, data, at)
    pos = view_point(window, at)
    QApplication.sendEvent(window.view.viewport(), QDropEvent(QPointF(pos), COPY, data, LEFT, NONE))
    QApplication.processEvents()
    assert window.document.model.nodes[-1].level == "implementation"
    assert "Ebene" not in window.statusBar().currentMessage()


def test_dragging_a_unit_beyond_its_band_says_why_it_stays(window: MainWindow) -> None:
    window.statusBar().clearMessage()
    start = centre(window, "stab")
    y = window.document.model.node("stab").y
    drag(window, start, start + QPointF(0, -250))  # up into the strategic/political bands
    assert window.document.model.node("stab").y == y  # still in its band
    message = window.statusBar().currentMessage()
    assert "„Stabsstelle Smart City“ bleibt in der Ebene „Koordination“" in message
    assert "Ebene ändern" in message


def test_a_small_drag_inside_the_band_says_nothing(window: MainWindow) -> None:
    window.statusBar().clearMessage()
    start = centre(window, "pg1")
    drag(window, start, start + QPointF(0, 12))
    assert "Ebene" not in window.statusBar().currentMessage()


def test_an_arrow_key_at_the_band_edge_says_why_nothing_moves(window: MainWindow) -> None:
    window.statusBar().clearMessage()
    window.scene.select_ids(["stab"])
    y = window.document.model.node("stab").y
    window.scene.nudge(0, -10)  # the unit sits in its band's first row: it cannot go up
    assert window.document.model.node("stab").y == y
    assert "bleibt in der Ebene „Koordination“" in window.statusBar().currentMessage()


def test_the_context_menu_changes_a_units_level_in_one_undo_step(window: MainWindow) -> None:
    model = window.document.model
    window.scene.select_ids(["pg1"])
    before = list(model.nodes)
    menu = window.build_context_menu(centre(window, "pg1"))
    (levels,) = [a.menu() for a in menu.actions() if a.menu() is not None
                 and a.menu().objectName() == "menu_change_level"]  # fmt: skip
    actions = {a.objectName(): a for a in levels.actions()}
    assert actions["level_implementation"].isChecked()
    actions["level_coordination"].trigger()
    moved = window.document.model.node("pg1")
    assert (moved.level, moved.form, moved.label) == ("coordination", None,
                                                     "Projektgruppe Mobilität")  # fmt: skip
    bands = layout.band_rects(window.document.model)
    band = bands["coordination"]
    assert band.top <= moved.y and moved.y + moved.height <= band.bottom
    stab = window.document.model.node("stab")
    assert not QRectF(moved.x, moved.y, moved.width, moved.height).intersects(
        QRectF(stab.x, stab.y, stab.width, stab.height))  # not on top of the unit there
    assert window.node_item("pg1").pos() == QPointF(moved.x, moved.y)
    window.undo_stack.undo()
    assert window.document.model.nodes == before
