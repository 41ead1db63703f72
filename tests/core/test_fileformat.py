"""The .orgmodel format: round trips, stable bytes, every kind of bad input."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgdesigner import fileformat
from orgdesigner.commands import remove_node
from orgdesigner.errors import ModelFileError, SaveError
from orgdesigner.i18n import set_language
from orgdesigner.model import OrgModel
from orgdesigner.paths import resource
from orgdesigner.templates import TEMPLATES, example_model

DATA = Path(__file__).resolve().parents[1] / "data"
EXAMPLE = DATA / "example.orgmodel.json"


def test_load_save_load_equal_and_bytes_stable(tmp_path: Path) -> None:
    model = fileformat.load(EXAMPLE)
    a, b = tmp_path / "a.orgmodel.json", tmp_path / "b.orgmodel.json"
    fileformat.save(model, a)
    fileformat.save(fileformat.load(a), b)
    assert fileformat.load(a) == model
    assert a.read_bytes() == b.read_bytes() == EXAMPLE.read_bytes()


def test_saved_text_is_stable_json() -> None:
    data = fileformat.dumps(example_model())
    text = data.decode("utf-8")
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert "Oberbürgermeisterin" in text  # UTF-8, not \u escapes
    doc = json.loads(text)
    assert list(doc)[:2] == ["format", "format_version"]
    assert list(doc) == [
        "format",
        "format_version",
        "meta",
        "nodes",
        "edges",
        "reflection",
        "suppressed_rules",
    ]
    assert fileformat.dumps(example_model()) == data


def test_reflection_keys_sorted_naturally() -> None:
    model = OrgModel(reflection={"B10.Q1": "c", "B2.Q10": "b", "B2.Q2": "a"})
    doc = json.loads(fileformat.dumps(model))
    assert list(doc["reflection"]) == ["B2.Q2", "B2.Q10", "B10.Q1"]


def test_shipped_schema_is_current() -> None:
    shipped = resource("schema", fileformat.SCHEMA_FILE).read_text(encoding="utf-8")
    assert shipped == fileformat.schema_text(), (
        "regenerate: orgdesigner schema > resources/schema/orgmodel-v2.schema.json"
    )


MODEL_FILES = sorted(
    p
    for pattern in ("*.orgmodel", "*.orgmodel.json")
    for p in Path(__file__).resolve().parents[1].rglob(pattern)
)
"""every model file under tests/: examples, format versions, the rules' fires/passes pairs"""


def test_every_model_file_under_tests_is_checked_against_the_schema() -> None:
    assert EXAMPLE in MODEL_FILES and len(MODEL_FILES) >= 70
    assert len({p.name for p in MODEL_FILES if "rules" in p.parts}) >= 60


@pytest.mark.parametrize("path", MODEL_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_model_files_validate_against_schema(path: Path) -> None:
    """A file of the current format validates as it is; an older one once migrated, in
    the form the program saves it."""
    schema = json.loads(resource("schema", fileformat.SCHEMA_FILE).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    doc = json.loads(path.read_text(encoding="utf-8"))
    if doc.get("format_version") != fileformat.FORMAT_VERSION:
        doc = json.loads(fileformat.dumps(fileformat.load(path)))
    jsonschema.validate(doc, schema)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.name)
def test_templates_validate_against_schema(template) -> None:  # type: ignore[no-untyped-def]
    schema = json.loads(resource("schema", fileformat.SCHEMA_FILE).read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(fileformat.dumps(template.build())), schema)


def test_schema_rejects_what_the_loader_rejects() -> None:
    schema = json.loads(resource("schema", fileformat.SCHEMA_FILE).read_text(encoding="utf-8"))
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    doc["nodes"][0]["level"] = "galactic"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, schema)


def test_migration_from_version_0() -> None:
    model = fileformat.load(DATA / "formats" / "v0.orgmodel.json")
    assert model.node("n2").level == "coordination"
    assert (model.node("n2").x, model.node("n2").y) == (180, 268)
    assert model.edge("e1").source == "n2" and model.edge("e1").type == "reports_to"
    assert model.reflection == {"B1.Q1": "Nachhaltigkeitsstrategie 2030"}
    # saved again, it is a current-version file
    assert json.loads(fileformat.dumps(model))["format_version"] == fileformat.FORMAT_VERSION


def test_every_format_version_has_an_example() -> None:
    for version in range(0, fileformat.FORMAT_VERSION + 1):
        assert (DATA / "formats" / f"v{version}.orgmodel.json").is_file()


# ---------------------------------------------------------------------------
# bad input: each a clear message naming the file and the JSON path
# ---------------------------------------------------------------------------
def _valid() -> dict:  # type: ignore[type-arg]
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def _with(change) -> bytes:  # type: ignore[no-untyped-def]
    doc = _valid()
    change(doc)
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


BAD = {
    "empty": (b"", "empty", ""),
    "whitespace": (b"  \n ", "empty", ""),
    "not-json": (b"hello world", "not_json", ""),
    "invalid-utf8": (b'{"format": "\xff\xfe"}', "not_utf8", ""),
    "list": (b"[1, 2]", "not_object", ""),
    "string": (b'"orgdesigner"', "not_object", ""),
    "truncated": (EXAMPLE.read_bytes()[:300], "truncated", ""),
    "wrong-format": (_with(lambda d: d.update(format="drawio")), "wrong_format", "format"),
    "version-string": (
        _with(lambda d: d.update(format_version="1")),
        "bad_version",
        "format_version",
    ),
    "newer-version": (_with(lambda d: d.update(format_version=7)), "too_new", "format_version"),
    "duplicate-id": (
        _with(lambda d: d["nodes"].append(dict(d["nodes"][0]))),
        "invalid",
        "nodes[14].id",
    ),
    "missing-node": (
        _with(lambda d: d["edges"][0].update(target="ghost")),
        "invalid",
        "edges[0].target",
    ),
    "unknown-level": (
        _with(lambda d: d["nodes"][0].update(level="galactic")),
        "invalid",
        "nodes[0].level",
    ),
    "unknown-form": (
        _with(lambda d: d["nodes"][0].update(form="kingdom")),
        "invalid",
        "nodes[0].form",
    ),
    "unknown-relation": (
        _with(lambda d: d["edges"][1].update(type="loves")),
        "invalid",
        "edges[1].type",
    ),
    "form-wrong-level": (
        _with(lambda d: d["nodes"][0].update(form="staff_unit")),
        "invalid",
        "nodes[0]",
    ),
    "negative-fte": (_with(lambda d: d["nodes"][6].update(fte=-2)), "invalid", "nodes[6].fte"),
    "nan-fte": (
        _with(lambda d: d["nodes"][6].update(fte=0)).replace(b'"fte": 0', b'"fte": NaN'),
        "invalid",
        "nodes[6].fte",
    ),
    "huge-coordinate": (_with(lambda d: d["nodes"][1].update(x=1e308)), "invalid", "nodes[1].x"),
    "long-label": (
        _with(lambda d: d["nodes"][2].update(label="x" * 100_000)),
        "invalid",
        "nodes[2].label",
    ),
    "self-relation": (
        _with(lambda d: d["edges"][0].update(target=d["edges"][0]["source"])),
        "invalid",
        "edges[0]",
    ),
    "unknown-key": (_with(lambda d: d["meta"].update(colour="blue")), "invalid", "meta.colour"),
    "duplicate-key": (b'{"format": "orgdesigner-model", "format": "x"}', "duplicate_key", ""),
    "deep-nesting": (b"[" * 10_000 + b"]" * 10_000, "too_deep", ""),
    "deep-object": (
        b'{"format": "orgdesigner-model", "format_version": 1, "meta": {"title": '
        + b'{"a":' * 900
        + b"1"
        + b"}" * 900
        + b"}}",
        "invalid",
        "meta.title",
    ),
    "bad-question-id": (
        _with(lambda d: d["reflection"].update({"Frage 1": "x"})),
        "invalid",
        "reflection.Frage 1",
    ),
}


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_gives_clear_error(case: str, lang: str, tmp_path: Path) -> None:
    data, code, json_path = BAD[case]
    path = tmp_path / f"{case}.orgmodel.json"
    path.write_bytes(data)
    set_language(lang)
    try:
        with pytest.raises(ModelFileError) as info:
            fileformat.load(path)
    finally:
        set_language("de")
    err = info.value
    assert err.code == code
    assert err.json_path == json_path
    message = err.message(lang)
    assert str(path) in message
    assert "Traceback" not in message and len(message) < 600
    if json_path:
        assert json_path in message


def test_messages_are_german_and_english() -> None:
    with pytest.raises(ModelFileError) as info:
        fileformat.loads(_with(lambda d: d.update(format_version=7)))
    assert "neueren OrgDesigner-Version" in info.value.message("de")
    assert "bitte aktualisieren" in info.value.message("de").lower()
    assert "newer OrgDesigner" in info.value.message("en")


def test_bom_is_accepted() -> None:
    assert fileformat.loads(b"\xef\xbb\xbf" + EXAMPLE.read_bytes()) == fileformat.load(EXAMPLE)


def test_file_larger_than_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.orgmodel.json"
    with big.open("wb") as fh:
        fh.truncate(fileformat.MAX_FILE_BYTES + 1)
    with pytest.raises(ModelFileError) as info:
        fileformat.load(big)
    assert info.value.code == "too_large" and "20.0 MB" in info.value.message()


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ModelFileError) as info:
        fileformat.load(tmp_path / "nope.orgmodel.json")
    assert info.value.code == "not_found"
    with pytest.raises(ModelFileError):
        fileformat.load(tmp_path)


# ---------------------------------------------------------------------------
# mutation fuzzing: loading succeeds or raises ModelFileError, nothing else
# ---------------------------------------------------------------------------
def _mutate_doc(doc: object, draw: st.DrawFn) -> object:
    """Delete, duplicate or retype one value somewhere in the document."""
    containers = []

    def walk(value: object) -> None:
        if isinstance(value, dict):
            containers.append(value)
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            containers.append(value)
            for v in value:
                walk(v)

    walk(doc)
    target = draw(st.sampled_from(containers))
    keys = list(target) if isinstance(target, dict) else list(range(len(target)))
    if not keys:
        return doc
    key = draw(st.sampled_from(keys))
    action = draw(st.sampled_from(["delete", "duplicate", "retype"]))
    replacement = draw(
        st.one_of(
            st.none(),
            st.booleans(),
            st.integers(-(10**20), 10**20),
            st.floats(),
            st.text(max_size=5),
            st.just([]),
            st.just({}),
        )
    )
    if action == "delete":
        del target[key]  # type: ignore[index,union-attr]
    elif action == "duplicate" and isinstance(target, list):
        target.append(target[key])
    elif action == "duplicate":
        target[f"{key}_copy"] = target[key]  # type: ignore[index]
    else:
        target[key] = replacement  # type: ignore[index]
    return doc


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_files_never_crash_the_loader(data: st.DataObject) -> None:
    doc = _valid()
    for _ in range(data.draw(st.integers(1, 3))):
        doc = _mutate_doc(doc, data.draw)  # type: ignore[assignment]
    raw = json.dumps(doc, ensure_ascii=False, allow_nan=True).encode("utf-8")
    how = data.draw(st.sampled_from(["as-is", "truncate", "flip"]))
    if how == "truncate" and raw:
        raw = raw[: data.draw(st.integers(0, len(raw) - 1))]
    elif how == "flip" and raw:
        pos = data.draw(st.integers(0, len(raw) - 1))
        raw = raw[:pos] + bytes([raw[pos] ^ (1 << data.draw(st.integers(0, 7)))]) + raw[pos + 1 :]
    try:
        model = fileformat.loads(raw)
    except ModelFileError as exc:
        assert exc.message("de") and exc.message("en")
    else:
        assert isinstance(model, OrgModel)
        assert fileformat.loads(fileformat.dumps(model)) == model


# ---------------------------------------------------------------------------
# atomic save with backup
# ---------------------------------------------------------------------------
def test_save_keeps_previous_file_as_backup(tmp_path: Path) -> None:
    target = tmp_path / "plan.orgmodel.json"
    first = example_model()
    fileformat.save(first, target)
    assert not fileformat.backup_path(target).exists()
    second = first.copy_model()
    remove_node(second, "beirat").apply(second)
    fileformat.save(second, target)
    assert fileformat.load(target) == second
    assert fileformat.load(fileformat.backup_path(target)) == first
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "plan.orgmodel.json",
        "plan.orgmodel.json.bak",
    ]


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root ignores file permissions"
)
def test_failed_save_keeps_old_file_readonly_folder(tmp_path: Path) -> None:
    target = tmp_path / "plan.orgmodel.json"
    fileformat.save(example_model(), target)
    old = target.read_bytes()
    tmp_path.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(SaveError) as info:
            fileformat.save(OrgModel(), target)
    finally:
        tmp_path.chmod(stat.S_IRWXU)
    assert info.value.code == "no_permission"
    assert target.read_bytes() == old


def test_failed_save_keeps_old_file_permission_denied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same as the read-only folder, simulated so that it also runs as root (CI)."""
    target = tmp_path / "plan.orgmodel.json"
    fileformat.save(example_model(), target)
    old = target.read_bytes()

    def denied(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(fileformat, "_create_temporary", denied)
    with pytest.raises(SaveError) as info:
        fileformat.save(OrgModel(), target)
    assert info.value.code == "no_permission"
    assert "Schreibberechtigung" in info.value.message("de")
    assert target.read_bytes() == old


def test_failed_save_keeps_old_file_when_writing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.orgmodel.json"
    fileformat.save(example_model(), target)
    old = target.read_bytes()

    def disk_full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileformat.os, "fsync", disk_full)
    with pytest.raises(SaveError) as info:
        fileformat.save(OrgModel(), target)
    assert info.value.code == "disk_full"
    assert "unverändert" in info.value.message("de")
    assert target.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir()] == ["plan.orgmodel.json"]  # no temp file left


def test_inconsistent_model_is_never_written(tmp_path: Path) -> None:
    model = example_model()
    model.nodes.pop()  # leaves a relation pointing nowhere (a program error)
    with pytest.raises(ValueError, match="beirat"):
        fileformat.save(model, tmp_path / "x.orgmodel.json")
    assert not list(tmp_path.iterdir())


def test_save_into_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(SaveError) as info:
        fileformat.save(example_model(), tmp_path / "gone" / "plan.orgmodel.json")
    assert info.value.code == "no_folder"


# ---------------------------------------------------------------------------
# format version 2: a unit's functions, stored only where they differ (DOMAIN.md §7)
# ---------------------------------------------------------------------------
def test_a_version_1_file_opens_unchanged_with_the_forms_default_functions() -> None:
    v1 = fileformat.load(DATA / "formats" / "v1.orgmodel.json")
    assert all(n.functions is None for n in v1.nodes)
    stab = v1.node("stab")
    assert "resource_coordination" in stab.held_functions()
    assert v1.node("rat").held_functions() == ("basic_decisions", "resource_provision", "representation")
    doc = json.loads(fileformat.dumps(v1))
    assert doc["format_version"] == 2 and all("functions" not in n for n in doc["nodes"])


def test_functions_that_differ_from_the_defaults_are_saved_and_load_back(tmp_path: Path) -> None:
    model = fileformat.load(DATA / "formats" / "v2.orgmodel.json")
    assert model.node("lotsen").functions == ("network_coordination", "public_participation")
    assert "funding_management" not in model.node("stab").held_functions()
    path = tmp_path / "again.orgmodel"
    fileformat.save(model, path, backup=False)
    assert fileformat.load(path) == model
    doc = json.loads(path.read_text(encoding="utf-8"))
    stored = {n["id"]: n.get("functions") for n in doc["nodes"]}
    assert stored["lotsen"] == ["network_coordination", "public_participation"]
    assert stored["rat"] is None  # the defaults are not written


def test_functions_equal_to_the_defaults_are_not_stored() -> None:
    from orgdesigner.catalog import catalog
    from orgdesigner.model import Node

    defaults = catalog().default_functions("staff_unit")
    node = Node(id="s", level="coordination", form="staff_unit", functions=tuple(reversed(defaults)))
    assert node.functions is None and node.held_functions() == defaults
    mixed = Node(id="t", level="coordination", form="staff_unit",
                 functions=("reporting", "network_coordination", "reporting"))  # fmt: skip
    assert mixed.functions == ("network_coordination", "reporting")


def test_an_unknown_function_is_rejected_with_its_path() -> None:
    doc = json.loads((DATA / "formats" / "v2.orgmodel.json").read_text(encoding="utf-8"))
    index = next(i for i, n in enumerate(doc["nodes"]) if n["id"] == "lotsen")
    doc["nodes"][index]["functions"] = ["network_coordination", "weltherrschaft"]
    with pytest.raises(ModelFileError) as caught:
        fileformat.loads(json.dumps(doc).encode("utf-8"))
    assert caught.value.json_path == f"nodes[{index}].functions[1]"


def test_a_version_1_program_would_refuse_a_version_2_file_as_too_new() -> None:
    doc = json.loads((DATA / "formats" / "v2.orgmodel.json").read_text(encoding="utf-8"))
    doc["format_version"] = fileformat.FORMAT_VERSION + 1
    with pytest.raises(ModelFileError) as caught:
        fileformat.loads(json.dumps(doc).encode("utf-8"))
    assert caught.value.code == "too_new"
