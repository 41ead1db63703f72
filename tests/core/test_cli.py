"""The command line: documented output, exit codes, no Qt."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from orgdesigner import __version__
from orgdesigner.cli import main
from orgdesigner.fileformat import save
from orgdesigner.model import Node, OrgModel

DATA = Path(__file__).resolve().parents[1] / "data"
EXAMPLE = DATA / "example.orgmodel.json"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_example_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(EXAMPLE), "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["orgdesigner"] == __version__
    (result,) = doc["files"]
    assert result["ok"] is True and result["error"] is None
    assert result["summary"]["nodes"] == 14 and result["summary"]["warning"] == 0
    for finding in result["findings"]:
        assert set(finding) == {
            "rule_id",
            "title",
            "severity",
            "subjects",
            "message",
            "citation",
            "citations",
            "accepted",
            "details",
        }
    (understanding,) = [f for f in result["findings"] if f["rule_id"] == "coordination-understanding"]
    assert understanding["details"]["understanding"] in ("organising", "extended", "involved", "none")
    assert all(f["details"] == {} for f in result["findings"] if f is not understanding)


def test_check_broken_file_exit_2_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "kaputt.orgmodel.json"
    bad.write_text('{"format": "orgdesigner-model", "format_version": 1, "nodes": [{"id": "a"}]}')
    code, out, err = run(capsys, "check", str(bad))
    assert code == 2
    assert "kaputt.orgmodel.json" in err and "nodes[0].level" in err and "Pflichtangabe" in err
    assert "Traceback" not in err + out
    code, out, _ = run(capsys, "--lang", "en", "check", str(bad), "--format", "json")
    assert code == 2
    error = json.loads(out)["files"][0]["error"]
    assert error["code"] == "invalid" and error["json_path"] == "nodes[0].level"
    assert "required value is missing" in error["message"]


def test_check_exit_codes_follow_fail_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "leer.orgmodel.json"
    save(OrgModel(nodes=[Node(id="n1", level="implementation", form="project_group")]), path)
    assert run(capsys, "check", str(path))[0] == 1  # no political body etc.: warnings
    assert run(capsys, "check", str(path), "--fail-on", "never")[0] == 0
    assert run(capsys, "check", str(EXAMPLE), "--fail-on", "warning")[0] == 0


def test_check_several_files_worst_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "x.orgmodel.json"
    bad.write_text("[]")
    code, out, err = run(capsys, "check", str(EXAMPLE), str(bad))
    assert code == 2
    assert "example.orgmodel.json" in out and "x.orgmodel.json" in err


def test_check_text_lang(capsys: pytest.CaptureFixture[str]) -> None:
    _, out_de, _ = run(capsys, "check", str(EXAMPLE))
    _, out_en, _ = run(capsys, "--lang", "en", "check", str(EXAMPLE))
    assert "Einheiten" in out_de and "units" in out_en


def _many_findings(tmp_path: Path) -> Path:
    """A model with warnings, hints and infos, and one rule accepted with a reason."""
    model = OrgModel(nodes=[
        Node(id="pg1", level="implementation", form="project_group"),
        Node(id="lead", level="coordination", form="staff_unit", lead="Frau Adler"),
    ])  # fmt: skip
    model.suppressed_rules["no-advisory"] = "Ein Beirat ist im ersten Jahr nicht vorgesehen."
    path = tmp_path / "viele.orgmodel.json"
    save(model, path)
    return path


@pytest.mark.parametrize("lang", ["de", "en"])
def test_check_json_gives_each_findings_title(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from orgdesigner.rules import REGISTRY

    path = _many_findings(tmp_path)
    _, out, _ = run(capsys, "--lang", lang, "check", str(path), "--format", "json")
    findings = json.loads(out)["files"][0]["findings"]
    assert any(f["accepted"] for f in findings) and len(findings) > 3
    for f in findings:
        assert f["title"] == REGISTRY[f["rule_id"]].title(lang)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_check_text_shows_titles_not_ids(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from orgdesigner.fileformat import load
    from orgdesigner.rules import REGISTRY, evaluate

    path = _many_findings(tmp_path)
    _, out, _ = run(capsys, "--lang", lang, "check", str(path))
    for f in evaluate(load(path)):
        assert f"- {f.title(lang)}: {f.message(lang)}" in out
    assert not [rule_id for rule_id in REGISTRY if rule_id in out]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_rules_json_gives_titles(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    from orgdesigner.rules import REGISTRY

    _, out, _ = run(capsys, "--lang", lang, "rules", "--format", "json")
    rules = json.loads(out)["rules"]
    assert [r["id"] for r in rules] == list(REGISTRY)
    assert [r["title"] for r in rules] == [r.title(lang) for r in REGISTRY.values()]


def test_schema_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0 and json.loads(out)["title"].startswith("OrgDesigner model file")
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_new_from_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "neu.orgmodel.json"
    assert run(capsys, "new", "--template", "matrix", "-o", str(target))[0] == 0
    assert run(capsys, "check", str(target))[0] == 0
    assert run(capsys, "new", "--template", "matrix", "-o", str(target))[0] == 2  # exists
    assert run(capsys, "new", "--template", "nope", "-o", str(tmp_path / "y.json"))[0] == 2
    code, out, _ = run(capsys, "new", "--list")
    assert code == 0 and "matrix" in out and "Bochum" in out


def test_cli_never_imports_qt() -> None:
    code = (
        "import sys, orgdesigner.cli as c;"
        "c.main(['check', sys.argv[1], '--format', 'json']);"
        "c.main(['rules', '--format', 'json']);"
        "c.main(['schema']);"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))];"
        "sys.stderr.write(repr(bad)); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(EXAMPLE)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr


def test_layout_writes_the_laid_out_model(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from orgdesigner.fileformat import load
    from tests.core.test_autolayout import _assert_tidy

    messy = load(EXAMPLE)
    messy.nodes[1] = messy.nodes[1].model_copy(update={"x": messy.nodes[0].x + 10})  # overlapping
    source = tmp_path / "plan.orgmodel.json"
    save(messy, source)
    target = tmp_path / "geordnet.orgmodel.json"
    code, out, err = run(capsys, "layout", str(source), "-o", str(target))
    assert code == 0, err
    assert "Gespeichert" in out and "pt" in out
    laid = load(target)
    _assert_tidy(laid)
    assert [n.id for n in laid.nodes] == [n.id for n in messy.nodes]  # nothing else changed
    assert laid.edges == messy.edges and laid.meta == messy.meta
    # in place, one row per band; the previous version is kept as the backup
    code, _, _ = run(capsys, "layout", str(target), "-o", str(target), "--one-row")
    assert code == 0
    one_row = load(target)
    for level in {n.level for n in one_row.nodes}:
        assert len({n.y for n in one_row.nodes if n.level == level}) == 1
    assert load(target.with_name(target.name + ".bak")) == laid
    code, _, _ = run(capsys, "layout", str(source), "-o", str(target), "--keep-order")
    assert code == 0
    _assert_tidy(load(target))


def test_layout_of_an_unreadable_file_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "layout", str(tmp_path / "fehlt.orgmodel.json"), "-o",
                         str(tmp_path / "x.orgmodel.json"))  # fmt: skip
    assert code == 2 and "fehlt.orgmodel.json" in err and "Fehler" in err
    assert "Traceback" not in out + err and not (tmp_path / "x.orgmodel.json").exists()
    code, _, err = run(capsys, "--lang", "en", "layout", str(EXAMPLE), "-o",
                       str(tmp_path / "no" / "such" / "folder.json"))  # fmt: skip
    assert code == 2 and err.startswith("Error: ")


def test_layout_never_imports_qt(tmp_path: Path) -> None:
    code = (
        "import sys, orgdesigner.cli as c;"
        "c.main(['layout', sys.argv[1], '-o', sys.argv[2]]);"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))];"
        "sys.stderr.write(repr(bad)); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code, str(EXAMPLE), str(tmp_path / "o.json")],
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr
