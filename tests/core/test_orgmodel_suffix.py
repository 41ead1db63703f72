"""``.orgmodel`` is the model files' own extension; ``.orgmodel.json`` and ``.json`` open too."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from orgdesigner import fileformat, templates
from orgdesigner.cli import main
from orgdesigner.templates import example_model, load_templates


def test_new_check_and_export_work_on_orgmodel_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.orgmodel"
    assert main(["new", "--template", "matrix", "-o", str(plan)]) == 0
    assert f"Gespeichert: {plan}" in capsys.readouterr().out
    document = json.loads(plan.read_text(encoding="utf-8"))  # still plain UTF-8 JSON
    assert document["format"] == "orgdesigner-model"
    assert fileformat.load(plan) == templates.available()["matrix"].build()
    assert main(["check", str(plan)]) == 0
    assert "plan.orgmodel" in capsys.readouterr().out
    pdf = tmp_path / "plan.pdf"
    assert main(["export", str(plan), "-o", str(pdf), "--no-appendix"]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("name", ["alt.orgmodel.json", "alt.json", "ALT.OrgModel"])
def test_older_names_keep_opening(tmp_path: Path, name: str,
                                  capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    path = tmp_path / name
    fileformat.save(example_model(), path)
    assert fileformat.load(path) == example_model()
    assert main(["check", str(path)]) == 0
    capsys.readouterr()


@pytest.mark.parametrize(
    ("typed", "saved"),
    [
        ("plan", "plan.orgmodel"),
        ("plan.orgmodel", "plan.orgmodel"),
        ("plan.orgmodel.json", "plan.orgmodel.json"),  # an older file keeps its name
        ("plan.json", "plan.orgmodel"),
        ("Plan 2026.v2", "Plan 2026.v2.orgmodel"),
    ],
)
def test_the_name_a_save_gets(typed: str, saved: str) -> None:
    assert fileformat.with_model_suffix(Path("/x") / typed) == Path("/x") / saved


@pytest.mark.parametrize(
    ("name", "stem"),
    [("plan.orgmodel", "plan"), ("plan.orgmodel.json", "plan"), ("plan.json", "plan"),
     ("plan.pdf", "plan.pdf"), (".orgmodel", ".orgmodel")],
)  # fmt: skip
def test_model_stem(name: str, stem: str) -> None:
    assert fileformat.model_stem(name) == stem


def _copy_templates(tmp_path: Path, suffix: str) -> Path:
    """The shipped templates with every file (and its entry in the list) renamed to
    ``suffix``, or only the files renamed when the list is kept as it is."""
    source = templates.TEMPLATES[0].path.parent
    folder = tmp_path / "templates"
    folder.mkdir()
    for path in source.iterdir():
        if fileformat.is_model_name(path.name):
            shutil.copy(path, folder / (fileformat.model_stem(path.name) + suffix))
    shutil.copy(source / templates.INDEX, folder / templates.INDEX)
    return folder


@pytest.mark.parametrize("suffix", [".orgmodel", ".orgmodel.json"])
def test_templates_are_found_under_either_name(tmp_path: Path, suffix: str) -> None:
    folder = _copy_templates(tmp_path, suffix)
    found = load_templates(folder)
    assert [t.name for t in found] == [t.name for t in templates.TEMPLATES]
    assert all(t.path.name.endswith(suffix) and t.path.is_file() for t in found)
    assert found[0].build() == templates.TEMPLATES[0].build()
    # the list may name the files either way, too
    index = json.loads((folder / templates.INDEX).read_text(encoding="utf-8"))
    for entry in index["templates"]:
        entry["file"] = fileformat.model_stem(entry["file"]) + ".orgmodel"
    (folder / templates.INDEX).write_text(json.dumps(index), encoding="utf-8")
    assert [t.path for t in load_templates(folder)] == [t.path for t in found]


def test_a_missing_template_file_is_reported_by_the_name_the_list_gives(tmp_path: Path) -> None:
    folder = _copy_templates(tmp_path, ".orgmodel")
    first = templates.TEMPLATES[0]
    (folder / (fileformat.model_stem(first.path.name) + ".orgmodel")).unlink()
    with pytest.raises(fileformat.ModelFileError) as info:
        load_templates(folder)
    assert info.value.code == "not_found"
