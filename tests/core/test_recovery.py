"""Autosave drafts and change detection (the Qt-free half of 'never lose work')."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

from orgdesigner import fileformat
from orgdesigner.commands import SetMeta
from orgdesigner.recovery import DraftStore, FileStamp
from orgdesigner.templates import example_model


def test_draft_of_untitled_model_is_recoverable(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts")
    key = store.new_key()
    model = example_model()
    store.write(key, model, None)
    (draft,) = store.recoverable()
    assert draft.original is None and draft.units == 14
    assert store.load(draft) == model
    store.discard(key)
    assert store.drafts() == []


def test_draft_newer_than_its_file(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts")
    original = tmp_path / "plan.orgmodel.json"
    fileformat.save(example_model(), original)
    past = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
    old_key, new_key = store.new_key(), store.new_key()
    store.write(old_key, example_model(), original, now=past)  # older than the file
    edited = example_model()
    SetMeta({"title": "Nach dem Absturz"}).apply(edited)
    store.write(new_key, edited, original)
    recoverable = store.recoverable()
    assert [d.key for d in recoverable] == [new_key]
    assert store.load(recoverable[0]).meta.title == "Nach dem Absturz"
    assert [d.key for d in store.drafts()] == [new_key, old_key]  # newest first


def test_draft_of_deleted_file_is_recoverable(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "d")
    original = tmp_path / "weg.orgmodel.json"
    key = store.new_key()
    store.write(key, example_model(), original, now=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    assert [d.key for d in store.recoverable()] == [key]


def test_broken_sidecar_is_ignored_not_fatal(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    key = store.new_key()
    store.write(key, example_model(), None)
    (tmp_path / f"{key}.draft.json").write_text("{kaputt")
    (tmp_path / "junk.draft.json").write_text("{}")
    assert store.drafts() == []
    assert (tmp_path / f"{key}.orgmodel.json").exists()  # the work itself is kept


def test_file_stamp_detects_change_touch_and_delete(tmp_path: Path) -> None:
    path = tmp_path / "plan.orgmodel.json"
    fileformat.save(example_model(), path)
    stamp = FileStamp.of(path)
    assert stamp is not None and stamp.changed(path) is None
    time.sleep(0.01)
    os.utime(path)  # touched, same content
    assert stamp.changed(path) is None
    other = example_model()
    SetMeta({"title": "Kollegin hat gespeichert"}).apply(other)
    fileformat.save(other, path)
    assert stamp.changed(path) == "modified"
    path.unlink()
    assert stamp.changed(path) == "deleted"
    assert FileStamp.of(path) is None
