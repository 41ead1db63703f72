"""Bisher und künftig: the comparison of two versions of a model and ``orgdesigner diff``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from orgdesigner.cli import main
from orgdesigner.compare import change_rows, compare, to_json, verdict_summary
from orgdesigner.fileformat import save
from orgdesigner.model import Node, OrgModel
from orgdesigner.rules import evaluate
from tests.helpers import proposal

_proposal = proposal
"""The stabsstelle template and a proposal made from it (tests/helpers.py)."""


def test_the_proposal_reports_exactly_its_changes() -> None:
    old, new = _proposal()
    c = compare(old, new)
    assert not c.equal
    assert [n.id for n in c.units_added] == ["eth"]
    assert [n.id for n in c.units_removed] == ["pg3"]
    assert [(u.new_id, u.fields) for u in c.units_changed] == [
        ("stab", {"label": ("Stabsstelle Smart City", "Amt für Digitalisierung"),
                  "form": ("staff_unit", "office")}),
    ]  # fmt: skip
    assert [e.id for e in c.relations_added] == ["e30"]
    assert sorted(e.id for e in c.relations_removed) == ["e11", "e15"]  # pg3's two relations
    assert [(r.new_id, r.fields) for r in c.relations_changed] == [("e19", {"target": ("ob", "lk")})]
    assert c.meta == {}


def test_a_model_compared_with_itself_is_equal() -> None:
    old, _ = _proposal()
    c = compare(old, old.model_copy(deep=True))
    assert c.equal and c.findings_resolved == c.findings_introduced == ()
    assert verdict_summary(c, "de") == "Die Prüfung bleibt unverändert."


def test_rebuilt_ids_are_matched_by_level_form_and_label() -> None:
    old, _ = _proposal()
    rename = {n.id: f"x{i}" for i, n in enumerate(old.nodes)}
    rebuilt = OrgModel(
        meta=old.meta,
        nodes=[n.model_copy(update={"id": rename[n.id]}) for n in old.nodes],
        edges=[e.model_copy(update={"id": f"r{i}", "source": rename[e.source],
                                    "target": rename[e.target]})
               for i, e in enumerate(old.edges)],
    )  # fmt: skip
    c = compare(old, rebuilt)
    assert c.equal, change_rows(c, "de")
    assert c.unit_match == rename
    assert c.findings_resolved == c.findings_introduced == ()


def test_one_id_for_two_different_units_is_removed_and_added_with_a_note() -> None:
    old = OrgModel(nodes=[Node(id="n1", level="political", form="council", label="Rat")])
    new = OrgModel(nodes=[Node(id="n1", level="advisory", form="ethics_board", label="Ethikbeirat")])
    c = compare(old, new)
    assert [n.label for n in c.units_removed] == ["Rat"]
    assert [n.label for n in c.units_added] == ["Ethikbeirat"]
    assert c.units_changed == ()
    (note,) = c.notes
    assert "„n1“" in note.de and "entfernt und neu" in note.de
    assert to_json(c, "en")["notes"] == [note.en]


def test_a_unit_moved_to_another_level_is_changed() -> None:
    old = OrgModel(nodes=[Node(id="n1", level="coordination", label="Digitalbüro")])
    new = OrgModel(nodes=[Node(id="n1", level="implementation", label="Digitalbüro")])
    (change,) = compare(old, new).units_changed
    assert change.fields == {"level": ("coordination", "implementation")}


def test_positions_only_when_asked() -> None:
    old, _ = _proposal()
    moved = old.model_copy(deep=True)
    moved.nodes[0] = moved.nodes[0].model_copy(update={"x": moved.nodes[0].x + 200})
    assert compare(old, moved).equal
    (change,) = compare(old, moved, positions=True).units_changed
    assert set(change.fields) == {"x"}


def test_the_verdict_change_names_resolved_and_introduced_findings() -> None:
    old, _ = _proposal()
    data = json.loads(old.model_dump_json())
    data["nodes"] = [n for n in data["nodes"] if n["id"] not in ("rat", "aus")]
    data["edges"] = [e for e in data["edges"]
                     if not {e["source"], e["target"]} & {"rat", "aus"}]  # fmt: skip
    without_council = OrgModel.model_validate(data)
    c = compare(old, without_council)
    # without a council nobody takes the basic decisions or provides the resources
    assert sorted((f.rule_id, dict(f.details).get("function")) for f in c.findings_introduced) == [
        ("function-uncovered", "basic_decisions"), ("function-uncovered", "resource_provision"),
        ("no-political-body", None),
    ]  # fmt: skip
    assert verdict_summary(c, "de") == "3 Warnungen kommen hinzu"
    back = compare(without_council, old)
    assert sorted(f.rule_id for f in back.findings_resolved) == [
        "function-uncovered", "function-uncovered", "no-political-body"]
    assert verdict_summary(back, "en") == "3 warnings are resolved"
    # unchanged: the findings both versions share (here: all of the template's but none new)
    shared = [f for f in evaluate(old) if not f.accepted]
    assert back.findings_introduced == () and back.findings_unchanged == len(shared) > 0


def _files(tmp_path: Path) -> tuple[Path, Path]:
    old, new = _proposal()
    a, b = tmp_path / "bisher.orgmodel.json", tmp_path / "kuenftig.orgmodel.json"
    save(old, a, backup=False)
    save(new, b, backup=False)
    return a, b


def test_diff_text_lists_the_changes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = _files(tmp_path)
    assert main(["--lang", "de", "diff", str(a), str(b)]) == 1
    out = capsys.readouterr().out
    assert "– Projektgruppe Bürgerservice (Projekt-/Arbeitsgruppe)" in out
    assert "+ Ethikbeirat Daten" in out
    assert ("Δ Amt für Digitalisierung: Bezeichnung: Stabsstelle Smart City; Organisationsform: "
            "Stabsstelle  →  Bezeichnung: Amt für Digitalisierung; Organisationsform: "
            "Amt / Fachbereich") in out  # fmt: skip
    assert "Δ Fachbeirat Smart City → Lenkungskreis Smart City (Berät): Nach: Oberbürgermeisterin" in out
    assert "Prüfung: " in out


def test_diff_json_is_documented_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = _files(tmp_path)
    assert main(["--lang", "en", "diff", str(a), str(b), "--format", "json"]) == 1
    doc: dict[str, Any] = json.loads(capsys.readouterr().out)
    assert set(doc) == {"old", "new", "language", "equal", "units", "relations", "meta",
                        "findings", "notes"}  # fmt: skip
    assert [u["id"] for u in doc["units"]["added"]] == ["eth"]
    assert [u["id"] for u in doc["units"]["removed"]] == ["pg3"]
    assert doc["units"]["changed"] == [{
        "id": "stab", "old_id": "stab", "label": "Amt für Digitalisierung",
        "fields": {"label": ["Stabsstelle Smart City", "Amt für Digitalisierung"],
                   "form": ["staff_unit", "office"]},
    }]  # fmt: skip
    assert doc["relations"]["changed"] == [
        {"id": "e19", "old_id": "e19", "fields": {"target": ["ob", "lk"]}}
    ]
    assert set(doc["findings"]) == {"summary", "resolved", "introduced", "unchanged"}


def test_diff_of_a_file_with_itself_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, _ = _files(tmp_path)
    assert main(["--lang", "de", "diff", str(a), str(a)]) == 0
    assert "Die beiden Fassungen sind gleich." in capsys.readouterr().out
    assert main(["diff", str(a), str(a), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["equal"] is True and doc["units"] == {"added": [], "removed": [], "changed": []}


@pytest.mark.parametrize("broken", ['{"format": "orgdesigner-model", "format_version": 1, "nodes": [{"id": "a"}]}',
                                    '{"format": "orgdesigner-model", "format_version": 99}',
                                    "kein JSON"])  # fmt: skip
def test_diff_of_a_broken_file_exits_2_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], broken: str
) -> None:
    a, _ = _files(tmp_path)
    bad = tmp_path / "kaputt.orgmodel.json"
    bad.write_text(broken, encoding="utf-8")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert main(["--lang", "de", "diff", str(a), str(bad)]) == 2
    err = capsys.readouterr().err
    assert "kaputt.orgmodel.json" in err and "Traceback" not in err
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_relation_rows_name_units_by_their_names(tmp_path: Path) -> None:
    old, new = _proposal()
    rows = change_rows(compare(old, new), "en")
    (retarget,) = [r for r in rows if r.kind == "relation" and r.change == "changed"]
    assert retarget.before == "To: Oberbürgermeisterin" and retarget.after == "To: Lenkungskreis Smart City"
    assert all("pg3" not in r.before + r.after for r in rows)


def test_a_changed_function_is_reported_with_its_name() -> None:
    old, _ = _proposal()
    new = old.model_copy(deep=True)
    i = new.node_index("stab")
    held = [f for f in new.nodes[i].held_functions() if f != "funding_management"]
    new.nodes[i] = Node.model_validate({**new.nodes[i].model_dump(), "functions": held})
    (change,) = compare(old, new).units_changed
    assert set(change.fields) == {"functions"}
    (row,) = change_rows(compare(old, new), "de")
    assert "Fördermittelmanagement" in row.before and "Fördermittelmanagement" not in row.after
    # a form change that brings other default functions shows them too
    other = old.model_copy(deep=True)
    other.nodes[i] = other.nodes[i].model_copy(update={"form": "office"})
    assert "functions" not in compare(old, other).units_changed[0].fields  # same defaults


def test_two_uncovered_functions_are_two_findings() -> None:
    """function-uncovered has no subjects: the function tells its findings apart."""
    base = OrgModel(nodes=[Node(id="r", level="political", form="council", label="Rat")])
    other = OrgModel(nodes=[Node(id="r", level="political", form="council", label="Rat"),
                            Node(id="b", level="advisory", form="ethics_board", label="Ethikbeirat")])  # fmt: skip
    c = compare(base, other)
    assert [dict(f.details)["function"] for f in c.findings_resolved
            if f.rule_id == "function-uncovered"] == ["external_input"]  # fmt: skip
    assert not [f for f in c.findings_introduced if f.rule_id == "function-uncovered"]
