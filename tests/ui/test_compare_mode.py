"""Comparison mode on the canvas: „Vergleichen mit …“, the marks, the panel „Vergleich“.

The window shows the proposal (künftig) made from the Stabsstelle template like
``tests/core/test_compare.py`` makes it; the saved template file is „bisher“.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QDockWidget, QGraphicsItem, QTreeWidgetItem

from orgdesigner import style
from orgdesigner.canvas.badges import BADGE_RADIUS
from orgdesigner.canvas.changes import AddedFrame, ChangeBadge, RelationGhost, UnitGhost
from orgdesigner.fileformat import save
from orgdesigner.model import OrgModel
from orgdesigner.ui import translations
from orgdesigner.ui.mainwindow import MainWindow
from tests.core.test_compare import _proposal
from tests.ui.conftest import RecordingPrompter, make_window

MARKS = (ChangeBadge, AddedFrame, UnitGhost, RelationGhost)


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, OrgModel, OrgModel]:
    old, new = _proposal()
    folder = tmp_path / "fassungen"
    folder.mkdir()
    path = folder / "bisher.orgmodel.json"
    save(old, path, backup=False)
    return path, old, new


@pytest.fixture
def proposal_window(qtbot: Any, prompter: RecordingPrompter,
                    pair: tuple[Path, OrgModel, OrgModel]) -> Any:  # fmt: skip
    window = make_window(qtbot, prompter, pair[2])
    qtbot.waitUntil(lambda: not window.evaluator.pending(), timeout=10_000)
    yield window
    window.undo_stack.setClean()


def rows(window: MainWindow) -> list[str]:
    """The panel's list as a user reads it: groups, their rows and the rows' details."""
    out = []

    def walk(item: QTreeWidgetItem, depth: int) -> None:
        out.append("  " * depth + item.text(0))
        for i in range(item.childCount()):
            walk(item.child(i), depth + 1)

    tree = window.compare_panel.tree
    for i in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(i), 0)
    return out


def find_row(window: MainWindow, text: str) -> QTreeWidgetItem:
    found = window.compare_panel.tree.findItems(text, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
    assert found, (text, rows(window))
    return found[0]


def marks(window: MainWindow) -> list[QGraphicsItem]:
    return [i for i in window.scene.items() if isinstance(i, MARKS)]


def render(window: MainWindow, rect: QRectF) -> QImage:
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    window.scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    return image


PROPOSAL_ROWS = [
    "Einheiten (3)",
    "  – Projektgruppe Bürgerservice",
    "  + Ethikbeirat Daten",
    "  Δ Amt für Digitalisierung",
    "    Bezeichnung: Stabsstelle Smart City → Amt für Digitalisierung",
    "    Organisationsform: Stabsstelle → Amt / Fachbereich",
    "Beziehungen (4)",
    "  – Stabsstelle Smart City → Projektgruppe Bürgerservice (Koordiniert)",
    "  – Fachämter → Projektgruppe Bürgerservice (Entsendet Mitarbeitende)",
    "  + Ethikbeirat Daten → Oberbürgermeisterin (Berät)",
    "  Δ Fachbeirat Smart City → Lenkungskreis Smart City (Berät)",
    "    Nach: Oberbürgermeisterin → Lenkungskreis Smart City",
]


def test_the_panel_lists_exactly_the_proposals_changes(proposal_window: MainWindow,
                                                       pair: tuple[Path, OrgModel, OrgModel]) -> None:  # fmt: skip
    window = proposal_window
    path = pair[0]
    window.choose_compare_file = lambda start: path  # type: ignore[method-assign]
    window.action_map["compare_file"].trigger()
    assert window.compare_panel.active and window.compare_dock.isVisible()
    assert rows(window) == PROPOSAL_ROWS
    assert window.compare_panel.verdict.text() == "Die Prüfung bleibt unverändert."
    assert "bisher.orgmodel.json" in window.compare_panel.versions.text()
    assert window.action_map["compare_file"].text() == "Vergleich beenden"
    # the dock has no close button that would leave the marks without their list
    assert not window.compare_dock.features() & QDockWidget.DockWidgetFeature.DockWidgetClosable
    assert not window.session.is_modified()  # comparing is no edit


def test_the_verdict_change_heads_the_list(qtbot: Any, prompter: RecordingPrompter,
                                           tmp_path: Path) -> None:  # fmt: skip
    old, _ = _proposal()
    path = tmp_path / "mit-rat.orgmodel.json"
    save(old, path, backup=False)
    without_council = old.model_copy(deep=True)
    without_council.nodes = [n for n in old.nodes if n.id not in ("rat", "aus")]
    without_council.edges = [e for e in old.edges if not {e.source, e.target} & {"rat", "aus"}]
    window = make_window(qtbot, prompter, without_council)
    try:
        assert window.compare_with_file(path)
        assert window.compare_panel.verdict.text() == "Prüfung: 3 Warnungen kommen hinzu"
        listed = rows(window)
        assert listed[:4] == [
            "Kommt bei der Prüfung hinzu (3)",
            "  Aufgabe ohne Einheit: Grundsatzentscheidungen, Beschluss von Strategien",
            "  Aufgabe ohne Einheit: Bereitstellen von Ressourcen",
            "  Keine politische Ebene",
        ]
        assert listed[4] == "Einheiten (2)"
        # a click on a finding without subjects selects nothing and does no harm
        assert not window.compare_panel.reveal(find_row(window, "Keine politische Ebene"))
    finally:
        window.undo_stack.setClean()


def test_the_canvas_marks_each_change(proposal_window: MainWindow,
                                      pair: tuple[Path, OrgModel, OrgModel]) -> None:  # fmt: skip
    window = proposal_window
    path, old, _new = pair
    assert window.compare_with_file(path)
    scene = window.scene
    # the added unit: a thick solid frame and a „+“ badge on its corner
    eth = scene.nodes["eth"]
    (frame,) = [c for c in eth.childItems() if isinstance(c, AddedFrame)]
    assert frame.pen().style() == Qt.PenStyle.SolidLine and frame.pen().widthF() >= 3
    (plus,) = [c for c in eth.childItems() if isinstance(c, ChangeBadge)]
    assert plus.glyph == "+"
    assert eth.scene_box().adjusted(-10, -10, 0, 0).contains(plus.scenePos())
    # the changed unit: „Δ“, the tooltip says before → after
    (delta,) = [c for c in scene.nodes["stab"].childItems() if isinstance(c, ChangeBadge)]
    assert delta.glyph == "Δ"
    assert "Organisationsform: Stabsstelle → Amt / Fachbereich" in delta.toolTip()
    assert "Bezeichnung: Stabsstelle Smart City → Amt für Digitalisierung" in delta.toolTip()
    # the removed unit: a dashed ghost at its old place with „–“; not a unit of the model
    ghosts = [i for i in scene.items() if isinstance(i, UnitGhost)]
    assert [g.node.id for g in ghosts] == ["pg3"]
    ghost = ghosts[0]
    pg3 = next(n for n in old.nodes if n.id == "pg3")
    assert (ghost.pos().x(), ghost.pos().y()) == (pg3.x, pg3.y)  # the bands did not move
    assert ghost.pen().style() == Qt.PenStyle.DashLine
    assert ghost.badge.glyph == "–" and "Projektgruppe Bürgerservice" in ghost.toolTip()
    assert not ghost.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
    assert not ghost.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsMovable
    assert "pg3" not in scene.nodes
    # relations: the added one broad, the retargeted one with „Δ“, the removed ones as ghosts
    assert scene.edges["e30"].emphasis is not None
    badge = scene.edges["e19"].change_badge
    assert isinstance(badge, ChangeBadge) and badge.glyph == "Δ"
    assert "Nach: Oberbürgermeisterin → Lenkungskreis Smart City" in badge.toolTip()
    lines = {g.edge_id: g for g in scene.items() if isinstance(g, RelationGhost)}
    assert sorted(lines) == ["e11", "e15"]
    assert all(g.pen().style() == Qt.PenStyle.DashLine for g in lines.values())
    # the ghost is drawn: its place is not empty paper any more
    box = QRectF(pg3.x, pg3.y, pg3.width, pg3.height)
    marked = render(window, box)
    window.compare_panel.stop()
    plain = render(window, box)
    assert marked != plain
    dark = sum(1 for x in range(0, marked.width(), 2) for y in range(0, marked.height(), 2)
               if QColor(marked.pixel(x, y)).lightness() < 120)  # fmt: skip
    assert dark > 20  # outline, old name and badge


def test_clicking_a_change_selects_it(proposal_window: MainWindow, qtbot: Any,
                                      pair: tuple[Path, OrgModel, OrgModel]) -> None:  # fmt: skip
    window = proposal_window
    assert window.compare_with_file(pair[0])
    tree = window.compare_panel.tree

    def click(text: str) -> None:
        item = find_row(window, text)
        tree.scrollToItem(item)
        rect = tree.visualItemRect(item)
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        QApplication.processEvents()

    click("+ Ethikbeirat Daten")
    assert window.scene.selected_ids() == ["eth"]
    click("Δ Fachbeirat Smart City → Lenkungskreis Smart City (Berät)")
    assert window.scene.selected_ids() == ["e19"]
    click("Nach: Oberbürgermeisterin → Lenkungskreis Smart City")  # a detail row: its relation
    assert window.scene.selected_ids() == ["e19"]
    click("– Projektgruppe Bürgerservice")  # removed: its ghost is lit, nothing selected
    ghost = window.compare_panel.markers.unit_ghosts["pg3"]
    assert window.scene.selected_ids() == [] and ghost.highlighted
    assert ghost.pen().color() == QColor(style.SELECTION)
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert visible.contains(ghost.sceneBoundingRect().center())
    window.scene.select_ids(["stab"])  # choosing a unit on the canvas puts the ghost out
    assert not ghost.highlighted


def test_leaving_comparison_mode_removes_every_mark(proposal_window: MainWindow, qtbot: Any,
                                                    pair: tuple[Path, OrgModel, OrgModel]) -> None:  # fmt: skip
    window = proposal_window
    assert window.compare_with_file(pair[0])
    assert len(marks(window)) >= 10
    qtbot.mouseClick(window.compare_panel.stop_button, Qt.MouseButton.LeftButton)
    assert marks(window) == []
    assert all(e.emphasis is None and e.change_badge is None for e in window.scene.edges.values())
    assert not window.compare_panel.active and not window.compare_dock.isVisible()
    assert window.compare_panel.tree.topLevelItemCount() == 0
    assert window.action_map["compare_file"].text() == "&Vergleichen mit …"
    # the menu entry leaves it too
    assert window.compare_with_file(pair[0])
    window.action_map["compare_file"].trigger()
    assert marks(window) == [] and not window.compare_panel.active


def test_an_edit_in_comparison_mode_updates_panel_and_canvas(
        proposal_window: MainWindow, qtbot: Any, pair: tuple[Path, OrgModel, OrgModel]) -> None:  # fmt: skip
    window = proposal_window
    assert window.compare_with_file(pair[0])
    window.scene.select_ids(["eth"])
    window.controller.delete_selection()  # the ethics board and its relation go again
    qtbot.waitUntil(lambda: "  + Ethikbeirat Daten" not in rows(window), timeout=10_000)
    assert "  + Ethikbeirat Daten → Oberbürgermeisterin (Berät)" not in rows(window)
    assert rows(window)[0] == "Einheiten (2)"
    assert window.compare_panel.markers.badges.keys() == {"stab", "e19"}
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: rows(window) == PROPOSAL_ROWS, timeout=10_000)
    assert isinstance(window.compare_panel.markers.badges["eth"], ChangeBadge)
    # a move changes nothing in the list: it stays as the user left it (a group folded),
    # and the ghost line of a removed relation follows its unit that moved
    find_row(window, "Beziehungen (4)").setExpanded(False)
    line_before = window.compare_panel.markers.relation_ghosts["e11"].points
    stab = window.document.model.node("stab")
    window.controller.move_nodes(["stab"], {"stab": (stab.x, stab.y)}, {"stab": (stab.x + 100, stab.y)})
    qtbot.waitUntil(lambda: window.compare_panel.markers.relation_ghosts["e11"].points != line_before,
                    timeout=10_000)  # fmt: skip
    assert not find_row(window, "Beziehungen (4)").isExpanded()
    # editing a unit still works: renaming the Amt back removes that field from the list
    window.controller.rename_node("stab", "Stabsstelle Smart City")
    qtbot.waitUntil(lambda: "    Bezeichnung: Stabsstelle Smart City → Amt für Digitalisierung"
                    not in rows(window), timeout=10_000)  # fmt: skip
    assert "    Organisationsform: Stabsstelle → Amt / Fachbereich" in rows(window)


@pytest.mark.parametrize("content", [b"{ not json", b'{"format_version": 99, "nodes": []}'])
def test_a_broken_or_newer_file_is_reported_and_nothing_changes(
        proposal_window: MainWindow, prompter: RecordingPrompter, tmp_path: Path,
        content: bytes) -> None:  # fmt: skip
    window = proposal_window
    bad = tmp_path / "kaputt.orgmodel.json"
    bad.write_bytes(content)
    assert not window.compare_with_file(bad)
    ((text, detail),) = prompter.errors
    assert "Vergleich" in text and str(bad) in detail
    assert not window.compare_panel.active and marks(window) == []
    assert not window.compare_dock.isVisible()
    assert bad.read_bytes() == content


def test_the_compared_file_is_never_written(proposal_window: MainWindow, qtbot: Any,
                                            pair: tuple[Path, OrgModel, OrgModel]) -> None:  # fmt: skip
    window = proposal_window
    path = pair[0]
    before, stamp = path.read_bytes(), os.stat(path).st_mtime_ns
    assert window.compare_with_file(path)
    window.controller.rename_node("eth", "Ethikbeirat")
    qtbot.waitUntil(lambda: not window.evaluator.pending(), timeout=10_000)
    window.compare_panel.stop()
    assert path.read_bytes() == before and os.stat(path).st_mtime_ns == stamp
    assert sorted(p.name for p in path.parent.iterdir()) == ["bisher.orgmodel.json"]


def test_compare_with_the_saved_state(qtbot: Any, prompter: RecordingPrompter,
                                      pair: tuple[Path, OrgModel, OrgModel]) -> None:  # fmt: skip
    path, old, _new = pair
    window = make_window(qtbot, prompter, old)
    try:
        window.document.path = path
        window._update_title()
        assert not window.action_map["compare_saved"].isEnabled()  # nothing unsaved yet
        window.controller.rename_node("stab", "Digitalbüro")
        assert window.action_map["compare_saved"].isEnabled()
        window.action_map["compare_saved"].trigger()
        assert window.compare_panel.active
        assert "(gespeicherter Stand)" in window.compare_panel.versions.text()
        assert rows(window) == ["Einheiten (1)", "  Δ Digitalbüro",
                                "    Bezeichnung: Stabsstelle Smart City → Digitalbüro"]
    finally:
        window.undo_stack.setClean()


def test_the_panel_follows_the_language(proposal_window: MainWindow,
                                        pair: tuple[Path, OrgModel, OrgModel]) -> None:  # fmt: skip
    window = proposal_window
    assert window.compare_with_file(pair[0])
    try:
        translations.switch("en")
        QApplication.processEvents()
        listed = rows(window)
        assert listed[0] == "Units (3)" and "Relations (4)" in listed
        assert "    Organisation form: Staff unit → Office / department" in listed
        assert window.compare_panel.verdict.text() == "The verdict does not change."
        assert window.compare_panel.stop_button.text() == "End comparison"
        assert window.compare_dock.windowTitle() == "Comparison"
        delta = window.compare_panel.markers.badges["stab"]
        assert "Organisation form: Staff unit → Office / department" in delta.toolTip()
    finally:
        translations.switch("de")
        QApplication.processEvents()
    assert rows(window) == PROPOSAL_ROWS


def test_ghosts_of_a_moved_band_stay_in_their_band(qtbot: Any, prompter: RecordingPrompter,
                                                   pair: tuple[Path, OrgModel, OrgModel]) -> None:  # fmt: skip
    """When a band of the new version is taller, a removed unit's ghost keeps its place
    within its own band."""
    path, old, new = pair
    taller = new.model_copy(deep=True)
    i = next(k for k, n in enumerate(taller.nodes) if n.level == "political")
    taller.nodes[i] = taller.nodes[i].model_copy(update={"y": taller.nodes[i].y + 150})
    window = make_window(qtbot, prompter, taller)
    try:
        assert window.compare_with_file(path)
        ghost = window.compare_panel.markers.unit_ghosts["pg3"]
        band = window.scene.band_geometry()["implementation"]
        assert band.top <= ghost.pos().y() < band.top + band.height
        pg3 = next(n for n in old.nodes if n.id == "pg3")
        assert ghost.pos().y() > pg3.y  # moved down with its band
        assert ghost.pos() == QPointF(pg3.x, ghost.pos().y())
    finally:
        window.undo_stack.setClean()


def test_the_badges_read_in_a_greyscale_copy(proposal_window: MainWindow,
                                             pair: tuple[Path, OrgModel, OrgModel]) -> None:  # fmt: skip
    """A badge is a dark square with a white glyph: in grey, both are still there."""
    window = proposal_window
    assert window.compare_with_file(pair[0])
    badge = window.compare_panel.markers.badges["eth"]
    area = badge.sceneBoundingRect()
    scale = 4.0  # rendered large, so that the glyph has pixels of its own

    def grey() -> tuple[int, int]:
        image = QImage(int(area.width() * scale), int(area.height() * scale),
                       QImage.Format.Format_RGB32)  # fmt: skip
        image.fill(QColor("white"))
        painter = QPainter(image)
        window.scene.render(painter, QRectF(image.rect()), area)
        painter.end()
        image = image.convertToFormat(QImage.Format.Format_Grayscale8)
        c = image.rect().center()
        glyph = [QColor(image.pixel(c.x() + dx, c.y() + dy)).lightness()
                 for dx in range(-3, 4) for dy in range(-3, 4)]  # where the „+“ crosses
        off = round(0.55 * BADGE_RADIUS * scale)  # the square's corners, beside the arms
        square = [QColor(image.pixel(c.x() + sx * off, c.y() + sy * off)).lightness()
                  for sx in (-1, 1) for sy in (-1, 1)]  # fmt: skip
        return sum(v < 120 for v in square), sum(v > 200 for v in glyph)

    dark, light = grey()
    assert dark == 4 and light >= 40  # the dark square and the white „+“ on it
    window.compare_panel.stop()
    dark_after, _light = grey()
    assert dark_after == 0


def test_an_image_exported_while_comparing_has_no_comparison_marks(
    proposal_window: MainWindow, pair: tuple[Path, OrgModel, OrgModel]
) -> None:
    """PNG and SVG show the chart, not the editor's marks: the comparison's badges and
    ghosts are hidden while the picture is drawn, and back afterwards."""
    from orgdesigner.ui.imageexport import prepared_for_output, svg_bytes

    window = proposal_window
    assert window.compare_with_file(pair[0])
    shown = [m for m in marks(window) if m.isVisible()]
    assert shown
    with prepared_for_output(window.scene):
        assert not [m for m in marks(window) if m.isVisible()]
    assert [m for m in marks(window) if m.isVisible()] == shown
    svg = svg_bytes(window.scene).decode("utf-8")
    assert "Projektgruppe Bürgerservice" not in svg  # the removed unit's ghost label


def test_while_comparing_the_export_dialog_offers_the_gegenueberstellung(
    proposal_window: MainWindow, pair: tuple[Path, OrgModel, OrgModel], tmp_path: Path
) -> None:
    """The PDF dialog of a comparing window can write the Gegenüberstellung (bisher and
    künftig, the table of changes); without a comparison the option is not there."""
    from pypdf import PdfReader

    from orgdesigner.ui.exportdialog import ExportDialog

    window = proposal_window
    plain = ExportDialog(window.document.model, window, compare_with=window.comparison_base())
    assert plain.compare_check.isHidden()
    assert window.compare_with_file(pair[0])
    dialog = ExportDialog(window.document.model, window, compare_with=window.comparison_base())
    assert not dialog.compare_check.isHidden() and pair[0].name in dialog.compare_check.text()
    dialog.compare_check.setChecked(True)
    target = tmp_path / "gegenueberstellung.pdf"
    assert dialog.export_to(target) is not None
    text = " ".join(p.extract_text() for p in PdfReader(str(target)).pages)
    assert "Bisher" in text and "Künftig" in text and "Was sich ändert" in text
    dialog.compare_check.setChecked(False)
    assert dialog.export_to(target) is not None
    assert "Was sich ändert" not in " ".join(p.extract_text() for p in PdfReader(str(target)).pages)
