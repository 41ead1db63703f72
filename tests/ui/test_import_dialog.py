"""Datei → „Importieren …“: a unit list opens as a new model; a broken one opens nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from orgdesigner.ui.mainwindow import MainWindow
from tests.ui.conftest import RecordingPrompter

ROWS = [
    ["Name", "Ebene", "Organisationsform", "Leitung", "Stellvertretung", "Personen", "VZÄ",
     "Berichtet an"],
    ["Stadtrat", "Politische Ebene", "Rat", "", "", "", "", ""],
    ["Oberbürgermeisterin", "Strategie", "Verwaltungsspitze", "", "", "", "", "Stadtrat"],
    ["Stabsstelle Smart City", "Koordination", "Stabsstelle", "Jana Becker", "", "3", "2,5",
     "Oberbürgermeisterin"],
    ["Tiefbauamt", "Umsetzung", "Ämterstruktur", "", "", "", "", "Stabsstelle Smart City"],
]  # fmt: skip


def _csv(path: Path, rows: list[list[str]]) -> Path:
    path.write_bytes("\r\n".join(";".join(r) for r in rows).encode("cp1252") + b"\r\n")
    return path


def _choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[tuple[Any, ...]]:
    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *args: calls.append(args) or (str(path), ""))  # fmt: skip
    return calls


def _record_boxes(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox]:
    boxes: list[QMessageBox] = []

    def exec_(box: QMessageBox) -> int:
        boxes.append(box)
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return boxes


def test_import_opens_the_units_as_a_new_unsaved_model(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls = _choose(monkeypatch, _csv(tmp_path / "einheiten.csv", ROWS))
    boxes = _record_boxes(monkeypatch)
    window.action_map["import_units"].trigger()
    assert not boxes
    (_parent, title, _start, filters, _sel, _opt), = calls
    assert title == "Einheiten importieren" and "*.csv *.xlsx" in filters
    model = window.document.model
    assert [(n.label, n.level, n.form) for n in model.nodes] == [
        ("Stadtrat", "political", "council"),
        ("Oberbürgermeisterin", "strategic", "administration_head"),
        ("Stabsstelle Smart City", "coordination", "staff_unit"),
        ("Tiefbauamt", "implementation", "line_departments"),
    ]
    label = {n.id: n.label for n in model.nodes}
    assert ("Stabsstelle Smart City", "Oberbürgermeisterin") in {
        (label[e.source], label[e.target]) for e in model.edges if e.type == "reports_to"}
    assert model.node(next(i for i, t in label.items() if t.startswith("Stab"))).fte == 2.5
    # a new document without a file, on the canvas and in the dock
    assert window.document.path is None
    assert sorted(i.node.label for i in window.scene.nodes.values()) == sorted(label.values())
    assert window.coverage_panel.model.columnCount() == 4
    assert "4 Einheiten" in window.statusBar().currentMessage()


def test_import_asks_about_unsaved_changes_first(
    window: MainWindow, prompter: RecordingPrompter, monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:  # fmt: skip
    window.controller.rename_node("stab", "Geändert")
    before = window.document.model.copy_model()
    _choose(monkeypatch, _csv(tmp_path / "einheiten.csv", ROWS))
    prompter.unsaved = "cancel"
    window.action_map["import_units"].trigger()
    assert prompter.questions("ask_unsaved")
    assert window.document.model == before  # the user kept the work


def test_broken_file_lists_every_problem_and_opens_nothing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = [row[:] for row in ROWS]
    broken[2][1] = "Strategisch-operative Ebene"  # row 3 as the spreadsheet numbers it
    broken[4][6] = "viel"  # row 5: not a number
    before = window.document.model.copy_model()
    _choose(monkeypatch, _csv(tmp_path / "kaputt.csv", broken))
    boxes = _record_boxes(monkeypatch)
    window.action_map["import_units"].trigger()
    (box,) = boxes
    assert "„kaputt.csv“" in box.text() and "nichts geöffnet" in box.text()
    info = box.informativeText()
    assert "Zeile 3, Spalte Ebene: „Strategisch-operative Ebene“" in info
    assert "Zeile 5, Spalte VZÄ" in info
    assert box.detailedText().count("Zeile ") == 2
    assert window.document.model == before
    assert window.undo_stack.count() == 0


def test_many_problems_are_summed_up_and_all_listed_in_the_details(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    rows = [ROWS[0]] + [[f"Einheit {k}", "Nirgendwo", "", "", "", "", "", ""] for k in range(12)]
    _choose(monkeypatch, _csv(tmp_path / "viele.csv", rows))
    boxes = _record_boxes(monkeypatch)
    window.action_map["import_units"].trigger()
    (box,) = boxes
    assert "… und 4 weitere" in box.informativeText()
    assert box.detailedText().count("Spalte Ebene") == 12
    assert "Zeile 13, Spalte Ebene" in box.detailedText()


def test_cancelled_file_dialog_changes_nothing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: ("", ""))
    before = window.document.model.copy_model()
    window.action_map["import_units"].trigger()
    assert window.document.model == before


def test_excel_list_with_german_headers_opens_too(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Einheiten"
    for row in ROWS:
        sheet.append([int(c) if c.isdigit() else c for c in row])
    path = tmp_path / "einheiten.xlsx"
    book.save(path)
    _choose(monkeypatch, path)
    boxes = _record_boxes(monkeypatch)
    window.action_map["import_units"].trigger()
    assert not boxes
    assert [n.label for n in window.document.model.nodes] == [r[0] for r in ROWS[1:]]
    stab = next(n for n in window.document.model.nodes if n.form == "staff_unit")
    assert (stab.persons, stab.fte, stab.lead) == (3, 2.5, "Jana Becker")
