"""Importing an officer's unit list from CSV or Excel (``orgdesigner import``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgdesigner.cli import main
from orgdesigner.fileformat import load
from orgdesigner.importer import MAX_ROWS, ImportFileError, import_file
from orgdesigner.rules import evaluate

GERMAN = [
    ["Name", "Ebene", "Organisationsform", "Leitung", "Stellvertretung", "Personen", "VZÄ",
     "Berichtet an"],
    ["Stadtrat", "Politik", "Rat", "", "", "", "", ""],
    ["Oberbürgermeisterin", "strategische Ebene", "Verwaltungsspitze", "Dr. Lange", "", "", "",
     "Stadtrat"],
    ["Lenkungskreis Smart City", "Strategie", "Lenkungskreis", "", "", "", "",
     "Oberbürgermeisterin"],
    ["Stabsstelle Smart City", "Koordinationsebene", "Stabsstelle", "Jana Becker", "Tobias Wolf",
     "3", "2,5", "Oberbürgermeisterin"],
    ["Amt für Digitalisierung", "Koordination", "Fachbereich", "", "", "", "", "Lenkungskreis Smart City"],
    ["Tiefbauamt", "Umsetzung", "Ämterstruktur", "", "", "", "", "Stabsstelle Smart City"],
    ["Ordnungsamt", "umsetzungsebene", "aemter", "", "", "", "", ""],
    ["Projektgruppe Mobilität", "Umsetzungsebene", "Projektgruppe", "", "", "6", "0,75",
     "Stabsstelle Smart City"],
    ["Stadtwerke", "", "Stadtwerke", "", "", "", "1.234,5", ""],
    ["Fachbeirat Digitalisierung", "Beiräte", "Fach-/Expertenbeirat", "", "", "", "", ""],
]  # fmt: skip


def _write_csv(path: Path, rows: list[list[str]], delimiter: str = ";",
               encoding: str = "cp1252") -> Path:  # fmt: skip
    path.write_bytes("\r\n".join(delimiter.join(r) for r in rows).encode(encoding) + b"\r\n")
    return path


def _check_german(model) -> None:  # type: ignore[no-untyped-def]
    units = {n.label: n for n in model.nodes}
    assert [(n.label, n.level, n.form) for n in model.nodes] == [
        ("Stadtrat", "political", "council"),
        ("Oberbürgermeisterin", "strategic", "administration_head"),
        ("Lenkungskreis Smart City", "strategic", "steering_committee"),
        ("Stabsstelle Smart City", "coordination", "staff_unit"),
        ("Amt für Digitalisierung", "coordination", "office"),  # Fachbereich on this level
        ("Tiefbauamt", "implementation", "line_departments"),
        ("Ordnungsamt", "implementation", "line_departments"),
        ("Projektgruppe Mobilität", "implementation", "project_group"),
        ("Stadtwerke", "implementation", "municipal_company"),  # level from the form
        ("Fachbeirat Digitalisierung", "advisory", "expert_board"),
    ]
    stab = units["Stabsstelle Smart City"]
    assert (stab.persons, stab.fte, stab.lead, stab.deputy) == (3, 2.5, "Jana Becker", "Tobias Wolf")
    assert units["Projektgruppe Mobilität"].fte == 0.75
    assert units["Stadtwerke"].fte == 1234.5
    label = {n.id: n.label for n in model.nodes}
    assert sorted((label[e.source], label[e.target]) for e in model.edges if e.type == "reports_to") == sorted([
        ("Oberbürgermeisterin", "Stadtrat"),
        ("Lenkungskreis Smart City", "Oberbürgermeisterin"),
        ("Stabsstelle Smart City", "Oberbürgermeisterin"),
        ("Amt für Digitalisierung", "Lenkungskreis Smart City"),
        ("Tiefbauamt", "Stabsstelle Smart City"),
        ("Projektgruppe Mobilität", "Stabsstelle Smart City"),
    ])  # fmt: skip
    # laid out: every unit in its band, no two on one spot
    assert len({(n.x, n.y) for n in model.nodes}) == len(model.nodes)
    evaluate(model)  # the imported model is a model like any other


def test_windows_1252_semicolon_csv(tmp_path: Path) -> None:
    path = _write_csv(tmp_path / "einheiten.csv", GERMAN)
    assert b"\xe4" in path.read_bytes()  # „ä“ in Windows-1252
    _check_german(import_file(path))


def test_utf8_bom_comma_csv_with_english_headers_in_any_order(tmp_path: Path) -> None:
    rows = [["Level", "Name", "Reports to", "FTE", "Form"],
            ["Political level", "City council", "", "", "council"],
            ["Strategy", "Mayor", "City council", "", "mayor"],
            ["coordination", "Smart city office", "Mayor", "1.5", "staff unit"]]  # fmt: skip
    path = tmp_path / "units.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "\n".join(",".join(r) for r in rows).encode("utf-8"))
    model = import_file(path)
    assert [(n.label, n.level, n.form, n.fte) for n in model.nodes] == [
        ("City council", "political", "council", None),
        ("Mayor", "strategic", "administration_head", None),
        ("Smart city office", "coordination", "staff_unit", 1.5),
    ]
    assert len(model.edges) == 2


def test_xlsx_with_german_headers(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "Notizen"
    book.active.append(["nicht diese Tabelle"])
    sheet = book.create_sheet("Einheiten")
    sheet.append(GERMAN[0])
    for r in GERMAN[1:]:  # numbers as Excel stores them: number cells, not text
        sheet.append([float(v.replace(",", ".")) if k in (5, 6) and v and "." not in v else v
                      for k, v in enumerate(r)])  # fmt: skip
    sheet.cell(row=10, column=7, value=1234.5)  # Stadtwerke's FTE as a number cell
    path = tmp_path / "einheiten.xlsx"
    book.save(path)
    _check_german(import_file(path))


def test_a_wrong_level_names_row_and_column_exit_2_and_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [r[:] for r in GERMAN]
    rows[4][1] = "Strategisch-operative Ebene"  # spreadsheet row 5
    path = _write_csv(tmp_path / "einheiten.csv", rows)
    out = tmp_path / "plan.orgmodel"
    assert main(["--lang", "de", "import", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "Zeile 5, Spalte Ebene: „Strategisch-operative Ebene“ ist keine Ebene" in err
    assert not out.exists()


def test_every_problem_of_a_file_is_reported_at_once(tmp_path: Path) -> None:
    rows = [["Name", "Ebene", "Personen", "Berichtet an"],
            ["A", "Galaxie", "", ""],
            ["", "Politik", "", ""],
            ["B", "Politik", "drei", "Niemand"],
            ["C", "Politik", "-2", "C"]]  # fmt: skip
    with pytest.raises(ImportFileError) as caught:
        import_file(_write_csv(tmp_path / "x.csv", rows))
    found = [(p.row, p.column) for p in caught.value.problems]
    assert found == [(2, "Ebene"), (3, "Name"), (4, "Personen"), (4, "Berichtet an"),
                     (5, "Personen"), (5, "Berichtet an")]  # fmt: skip
    text = caught.value.message("en")
    assert "Row 4, column Berichtet an: “Niemand” is not a unit of this file" in text


@pytest.mark.parametrize(
    ("level", "form", "expected"),
    [
        ("Strategie", "Lenkungskreis", "steering_committee"),  # a part of „Lenkungs-/Steuerungskreis“
        ("Strategische Ebene", "steuerungskreis", "steering_committee"),
        ("Umsetzung", "Ämterstruktur", "line_departments"),
        ("Umsetzung", "aemter", "line_departments"),
        ("Umsetzung", "Fachbereich", "line_departments"),
        ("Koordination", "Fachbereich", "office"),
        ("Beiratsebene", "Fachbeirat", "expert_board"),
        ("", "Projekt-/Arbeitsgruppe", "project_group"),
        ("", "Digitallotsinnen", "digital_pilots"),
        ("implementation", "Member municipality", "member_municipality"),
        ("Koordination", "Digitalagentur", "outsourced_entity"),
        ("Umsetzung", "GmbH", "municipal_company"),
    ],
)
def test_levels_and_forms_are_recognised_tolerantly(tmp_path: Path, level: str, form: str,
                                                     expected: str) -> None:  # fmt: skip
    path = _write_csv(tmp_path / "x.csv", [["Name", "Ebene", "Organisationsform"], ["X", level, form]],
                      encoding="utf-8")  # fmt: skip
    (node,) = import_file(path).nodes
    assert node.form == expected


def test_an_ambiguous_form_without_level_is_an_error(tmp_path: Path) -> None:
    path = _write_csv(tmp_path / "x.csv", [["Name", "Ebene", "Form"], ["X", "", "GmbH"]], encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        import_file(path)
    assert "mehrdeutig" in caught.value.message("de") and "Zeile 2, Spalte Form" in caught.value.message("de")


def test_a_form_of_another_level_is_an_error(tmp_path: Path) -> None:
    path = _write_csv(tmp_path / "x.csv", [["Name", "Ebene", "Organisationsform"], ["X", "Politik", "Stabsstelle"]],
                      encoding="utf-8")  # fmt: skip
    with pytest.raises(ImportFileError) as caught:
        import_file(path)
    assert "„Stabsstelle“ gehört zur Koordinationsebene, nicht zur Politische Ebene" in caught.value.message("de")


def test_too_many_rows_or_bytes_are_refused(tmp_path: Path) -> None:
    rows = [["Name", "Ebene"]] + [[f"E{i}", "Umsetzung"] for i in range(MAX_ROWS + 1)]
    with pytest.raises(ImportFileError, match=r"mehr als 10\.000 Zeilen"):
        import_file(_write_csv(tmp_path / "gross.csv", rows, encoding="utf-8"))
    huge = tmp_path / "riesig.csv"
    with huge.open("wb") as f:
        f.truncate(21 * 1024 * 1024)
    with pytest.raises(ImportFileError, match="größer als 20 MB"):
        import_file(huge)


@pytest.mark.parametrize("name", ["kaputt.xlsx", "liste.ods", "leer.csv"])
def test_unreadable_files_give_a_message(tmp_path: Path, name: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    path = tmp_path / name
    path.write_bytes(b"PK\x03\x04 nicht wirklich ein Zip" if name.endswith("xlsx") else b"")
    assert main(["--lang", "de", "import", str(path), "-o", str(tmp_path / "o.orgmodel")]) == 2
    err = capsys.readouterr().err
    assert name in err and "Traceback" not in err
    assert not (tmp_path / "o.orgmodel").exists()


def test_the_cli_writes_a_model_that_loads(tmp_path: Path) -> None:
    path = _write_csv(tmp_path / "einheiten.csv", GERMAN)
    out = tmp_path / "plan.orgmodel"
    assert main(["import", str(path), "-o", str(out)]) == 0
    _check_german(load(out))
    assert main(["import", str(path), "-o", str(out)]) == 2  # exists: needs --force
    assert main(["import", str(path), "-o", str(out), "--force"]) == 0
