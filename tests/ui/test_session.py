"""The file life cycle without a window: a DocumentSession over a document and an undo stack,
its questions answered by a RecordingPrompter."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QUndoStack

from orgdesigner import fileformat
from orgdesigner.commands import SetMeta
from orgdesigner.document import Document
from orgdesigner.model import OrgModel
from orgdesigner.ui.session import DocumentSession
from tests.ui.conftest import RecordingPrompter, small_model


@pytest.fixture
def session(qapp: Any, prompter: RecordingPrompter) -> DocumentSession:
    return DocumentSession(Document(small_model()), QUndoStack(), prompter)


def _edit(session: DocumentSession, title: str = "Meine Fassung") -> None:
    """An unsaved edit. Not pushed as a command: freeing a parentless QUndoStack that
    holds a Python command crashes PySide at the end of a test."""
    session.document.execute(SetMeta({"title": title}))
    session.undo_stack.resetClean()


def _opened(session: DocumentSession, tmp_path: Path) -> Path:
    """The session shows ``plan.orgmodel.json`` (the small model), freshly opened."""
    target = tmp_path / "plan.orgmodel.json"
    fileformat.save(small_model(), target)
    assert session.load_file(target, ask=False)
    return target


def test_save_then_load_back_is_equal(session: DocumentSession, prompter: RecordingPrompter,
                                      tmp_path: Path) -> None:  # fmt: skip
    _edit(session)
    target = tmp_path / "plan.orgmodel.json"
    messages: list[tuple[str, int]] = []
    session.message.connect(lambda text, ms: messages.append((text, ms)))
    assert session.save_to(target)
    assert not session.is_modified() and session.display_name() == "plan.orgmodel.json"
    assert messages == [(f"Gespeichert: {target}", 5000)]
    again = DocumentSession(Document(), QUndoStack(), prompter)
    assert again.load_file(target)
    assert again.document.model == session.document.model
    assert again.document.model.meta.title == "Meine Fassung"
    assert again.document.path == target and not again.is_modified()
    assert prompter.asked == []
    assert session.recent_files() == [str(target.resolve())]


def test_a_failed_save_keeps_the_previous_file_and_reports_it(
    session: DocumentSession, prompter: RecordingPrompter, tmp_path: Path, monkeypatch: Any
) -> None:
    target = tmp_path / "plan.orgmodel.json"
    assert session.save_to(target)
    before = target.read_bytes()
    _edit(session)

    def full(*_a: Any, **_k: Any) -> Any:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fileformat, "_create_temporary", full)
    prompter.save_elsewhere = False
    assert not session.save()
    (question,) = prompter.asked
    assert question[:2] == ("ask_save_failed", target) and question[2].code == "disk_full"
    assert target.read_bytes() == before  # the previous file is intact
    assert session.is_modified() and session.document.path == target


def test_unsaved_changes_and_cancel_keep_the_document(session: DocumentSession,
                                                      prompter: RecordingPrompter,
                                                      tmp_path: Path) -> None:  # fmt: skip
    _edit(session)
    model = session.document.model
    other = tmp_path / "anderes.orgmodel.json"
    fileformat.save(OrgModel(), other)
    prompter.unsaved = "cancel"
    assert not session.load_file(other)
    session.new_document()
    assert not session.close()
    assert prompter.asked == [("ask_unsaved", "Unbenannt")] * 3
    assert session.document.model is model and model.meta.title == "Meine Fassung"
    assert session.document.path is None and session.is_modified()
    prompter.unsaved = "discard"
    assert session.load_file(other)
    assert session.document.path == other and not session.is_modified()


def test_unsaved_changes_and_save_saves_first(session: DocumentSession,
                                              prompter: RecordingPrompter,
                                              tmp_path: Path) -> None:  # fmt: skip
    _edit(session)
    prompter.unsaved = "save"
    prompter.save_path = tmp_path / "erst-sichern"
    session.new_document()
    assert [q[0] for q in prompter.asked] == ["ask_unsaved", "choose_save_file"]
    saved = fileformat.load(tmp_path / "erst-sichern.orgmodel")
    assert saved.meta.title == "Meine Fassung"
    assert session.document.model.nodes == [] and session.document.path is None


def test_changed_on_disk_asks_and_reloads(session: DocumentSession, prompter: RecordingPrompter,
                                          tmp_path: Path) -> None:  # fmt: skip
    target = _opened(session, tmp_path)
    replaced: list[bool] = []
    session.replaced.connect(lambda: replaced.append(True))
    _edit(session)
    theirs = small_model()
    SetMeta({"title": "Fassung der Kollegin"}).apply(theirs)
    fileformat.save(theirs, target)
    assert session.disk_change() == "modified"
    prompter.on_disk = "reload"
    assert not session.save()
    assert prompter.asked == [("ask_changed_on_disk", "modified", target)]
    assert session.document.model == theirs and replaced == [True]
    assert not session.is_modified() and session.undo_stack.count() == 0
    assert session.disk_change() is None


def test_changed_on_disk_and_cancel_writes_nothing(session: DocumentSession,
                                                   prompter: RecordingPrompter,
                                                   tmp_path: Path) -> None:  # fmt: skip
    target = _opened(session, tmp_path)
    _edit(session)
    target.write_bytes(target.read_bytes() + b"\n")  # another program rewrote it
    theirs = target.read_bytes()
    prompter.on_disk = "cancel"
    assert not session.save()
    assert target.read_bytes() == theirs and session.is_modified()


def test_reload_from_disk_asks_only_with_unsaved_changes(session: DocumentSession,
                                                         prompter: RecordingPrompter,
                                                         tmp_path: Path) -> None:  # fmt: skip
    _opened(session, tmp_path)
    assert session.reload_from_disk() and prompter.asked == []
    _edit(session)
    prompter.reload = False
    assert not session.reload_from_disk()
    assert session.document.model.meta.title == "Meine Fassung"
    prompter.reload = True
    assert session.reload_from_disk()
    assert prompter.asked == [("confirm_reload", "plan.orgmodel.json")] * 2
    assert session.document.model == small_model()


def test_an_unreadable_file_is_reported_and_the_document_kept(session: DocumentSession,
                                                              prompter: RecordingPrompter,
                                                              tmp_path: Path) -> None:  # fmt: skip
    bad = tmp_path / "kaputt.orgmodel.json"
    bad.write_text("{", encoding="utf-8")
    model = session.document.model
    assert not session.load_file(bad)
    ((text, detail),) = prompter.errors
    assert text == "Die Datei kann nicht geöffnet werden." and str(bad) in detail
    assert session.document.model is model and session.recent_files() == []


def test_save_as_refuses_a_file_open_in_another_window(qapp: Any, prompter: RecordingPrompter,
                                                       tmp_path: Path) -> None:  # fmt: skip
    taken = tmp_path / "belegt.orgmodel"

    class Other:
        def bring_forward(self) -> None: ...

    session = DocumentSession(Document(small_model()), QUndoStack(), prompter,
                              elsewhere=lambda p: Other() if p == taken else None)  # fmt: skip
    prompter.save_path = tmp_path / "belegt"
    assert not session.save_as()
    assert [q[0] for q in prompter.asked] == ["choose_save_file", "show_error"]
    assert "bereits in einem anderen Fenster" in prompter.errors[0][0]
    assert not taken.exists()
