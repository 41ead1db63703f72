"""Autosave drafts and recovery after a crash: unsaved work survives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from orgdesigner import fileformat
from orgdesigner.recovery import DraftStore
from orgdesigner.ui import autosave
from orgdesigner.ui.app import Application
from orgdesigner.ui.mainwindow import MainWindow
from tests.ui.conftest import Dialogs, small_model


@pytest.fixture
def store(tmp_path: Path) -> DraftStore:
    return DraftStore(tmp_path / "drafts")


def _window(qtbot: Any, dialogs: Dialogs, store: DraftStore, **kwargs: Any) -> MainWindow:
    window = MainWindow(small_model(), drafts=store, **kwargs)
    window.ask_unsaved = lambda: dialogs.unsaved_answer  # type: ignore[method-assign]
    qtbot.addWidget(window)
    return window


def test_a_draft_is_written_after_an_edit_and_removed_on_save(
    qtbot: Any, dialogs: Dialogs, store: DraftStore, tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setattr(autosave, "DELAY_MS", 50)
    window = _window(qtbot, dialogs, store)
    window.controller.rename_node("ob", "Bürgermeister")
    qtbot.waitUntil(lambda: len(store.drafts()) == 1, timeout=3000)
    draft = store.drafts()[0]
    assert store.load(draft).node("ob").label == "Bürgermeister"
    assert draft.original is None
    assert window._save_to(tmp_path / "plan.orgmodel.json")
    assert store.drafts() == []


def test_undo_to_the_saved_state_removes_the_draft(qtbot: Any, dialogs: Dialogs,
                                                  store: DraftStore) -> None:  # fmt: skip
    window = _window(qtbot, dialogs, store)
    window.controller.rename_node("ob", "Bürgermeister")
    assert window.autosaver is not None
    window.autosaver.write()
    assert len(store.drafts()) == 1
    window.undo_stack.undo()
    assert store.drafts() == []


def test_closing_on_purpose_removes_the_draft(qtbot: Any, dialogs: Dialogs,
                                             store: DraftStore) -> None:  # fmt: skip
    window = _window(qtbot, dialogs, store)
    window.controller.rename_node("ob", "Bürgermeister")
    assert window.autosaver is not None
    window.autosaver.write()
    dialogs.unsaved_answer = QMessageBox.StandardButton.Cancel
    assert not window.close()
    assert len(store.drafts()) == 1  # still editing: the draft stays
    dialogs.unsaved_answer = QMessageBox.StandardButton.Discard
    assert window.close()
    assert store.drafts() == []


def test_recovery_after_a_crash(qtbot: Any, dialogs: Dialogs, store: DraftStore,
                                tmp_path: Path) -> None:  # fmt: skip
    original = tmp_path / "stadt.orgmodel.json"
    fileformat.save(small_model(), original)
    crashed = small_model()
    crashed.nodes.pop()  # work that is only in the draft
    crashed.edges.pop()
    store.write(DraftStore.new_key(), crashed, original)
    manager = Application(QApplication.instance(), store)  # type: ignore[arg-type]
    manager.ask_recover = lambda drafts: True  # type: ignore[method-assign]
    assert manager.recover() == 1
    window = manager.windows[0]
    qtbot.addWidget(window)
    assert window.document.path == original
    assert len(window.document.model.nodes) == 4
    assert window.is_modified() and window.isWindowModified()
    assert window.windowTitle().startswith("stadt.orgmodel.json")
    assert window.save()
    assert not window.is_modified()
    assert len(fileformat.load(original).nodes) == 4
    assert store.drafts() == []


def test_declining_recovery_discards_the_drafts(store: DraftStore, qapp: Any) -> None:
    store.write(DraftStore.new_key(), small_model(), None)
    manager = Application(qapp, store)
    manager.ask_recover = lambda drafts: False  # type: ignore[method-assign]
    assert manager.recover() == 0
    assert manager.windows == [] and store.drafts() == []


def test_a_failing_draft_folder_is_reported_not_fatal(qtbot: Any, dialogs: Dialogs,
                                                     tmp_path: Path) -> None:  # fmt: skip
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    window = _window(qtbot, dialogs, DraftStore(blocker / "drafts"))
    window.controller.rename_node("ob", "Bürgermeister")
    assert window.autosaver is not None
    assert window.autosaver.write() is None
    assert "Automatische Sicherung" in window.statusBar().currentMessage()
    window.undo_stack.setClean()
