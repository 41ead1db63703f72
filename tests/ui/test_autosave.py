"""Autosave drafts and recovery after a crash: unsaved work survives."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from orgdesigner import fileformat
from orgdesigner.commands import SetMeta
from orgdesigner.recovery import DraftStore, FileStamp
from orgdesigner.ui import autosave
from orgdesigner.ui.app import DISCARD, LATER, RESTORE, Application, RecoveryDialog
from orgdesigner.ui.autosave import Session
from orgdesigner.ui.mainwindow import MainWindow
from orgdesigner.ui.settings import DEFAULT_AUTOSAVE_SECONDS, Settings
from tests.ui.conftest import RecordingPrompter, small_model

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def store(tmp_path: Path) -> DraftStore:
    return DraftStore(tmp_path / "drafts")


def _window(qtbot: Any, prompter: RecordingPrompter, store: DraftStore,
            **kwargs: Any) -> MainWindow:  # fmt: skip
    window = MainWindow(small_model(), drafts=store, prompter=prompter, **kwargs)
    qtbot.addWidget(window)
    return window


def _discarding() -> RecordingPrompter:
    prompter = RecordingPrompter()
    prompter.unsaved = "discard"
    return prompter


def _manager(store: DraftStore, qtbot: Any) -> Application:
    manager = Application(QApplication.instance(), store, prompter=_discarding)  # type: ignore[arg-type]
    original = manager.open_window

    def open_window(*args: Any, **kwargs: Any) -> MainWindow:
        window = original(*args, **kwargs)
        qtbot.addWidget(window)
        return window

    manager.open_window = open_window  # type: ignore[method-assign]
    return manager


# ---------------------------------------------------------------------------
# writing drafts
# ---------------------------------------------------------------------------
def test_a_draft_is_written_after_an_edit_and_removed_on_save(
    qtbot: Any, prompter: RecordingPrompter, store: DraftStore, tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setattr(autosave, "interval_ms", lambda: 50)
    window = _window(qtbot, prompter, store)
    window.controller.rename_node("ob", "Bürgermeister")
    qtbot.waitUntil(lambda: len(store.drafts()) == 1, timeout=3000)
    draft = store.drafts()[0]
    assert store.load(draft).node("ob").label == "Bürgermeister"
    assert draft.original is None  # untitled models are autosaved too
    assert window.session.save_to(tmp_path / "plan.orgmodel.json")
    assert store.drafts() == []


def test_editing_without_pause_does_not_postpone_the_draft(
    qtbot: Any, prompter: RecordingPrompter, store: DraftStore, monkeypatch: Any
) -> None:
    """Every N seconds of unsaved changes, not N seconds after the last edit."""
    monkeypatch.setattr(autosave, "interval_ms", lambda: 300)
    window = _window(qtbot, prompter, store)
    for i in range(20):  # an edit every 50 ms for a second: never a 300 ms pause
        window.controller.rename_node("ob", f"Name {i}")
        qtbot.wait(50)
        if store.drafts():
            break
    assert store.drafts(), "no draft while editing continuously"
    assert i < 19
    label = store.load(store.drafts()[0]).node("ob").label
    assert label.startswith("Name ")
    window.undo_stack.setClean()


def test_the_interval_comes_from_the_settings(qtbot: Any, prompter: RecordingPrompter,
                                              store: DraftStore) -> None:  # fmt: skip
    window = _window(qtbot, prompter, store)
    assert window.autosaver is not None
    assert window.autosaver.timer.interval() == DEFAULT_AUTOSAVE_SECONDS * 1000 == 60_000
    MainWindow.set_autosave_interval(120)  # what "Datei → Automatische Sicherung …" does
    assert Settings().autosave_seconds() == 120
    assert window.autosaver.timer.interval() == 120_000  # open windows follow at once
    second = _window(qtbot, prompter, store)
    assert second.autosaver is not None and second.autosaver.timer.interval() == 120_000


def _window_with_a_draft(qtbot: Any, prompter: RecordingPrompter, store: DraftStore) -> MainWindow:
    """A window with an unsaved rename whose draft is already written."""
    window = _window(qtbot, prompter, store)
    window.controller.rename_node("ob", "Bürgermeister")
    assert window.autosaver is not None
    window.autosaver.write()
    return window


def test_undo_to_the_saved_state_removes_the_draft(qtbot: Any, prompter: RecordingPrompter,
                                                  store: DraftStore) -> None:  # fmt: skip
    window = _window_with_a_draft(qtbot, prompter, store)
    assert len(store.drafts()) == 1
    window.undo_stack.undo()
    assert store.drafts() == []


def test_closing_on_purpose_removes_the_draft(qtbot: Any, prompter: RecordingPrompter,
                                             store: DraftStore) -> None:  # fmt: skip
    window = _window_with_a_draft(qtbot, prompter, store)
    prompter.unsaved = "cancel"
    assert not window.close()
    assert len(store.drafts()) == 1  # still editing: the draft stays
    prompter.unsaved = "discard"
    assert window.close()
    assert store.drafts() == []


def test_a_failing_draft_folder_is_reported_once_not_fatal(qtbot: Any, prompter: RecordingPrompter,
                                                           tmp_path: Path) -> None:  # fmt: skip
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    window = _window(qtbot, prompter, DraftStore(blocker / "drafts"))
    reports: list[str] = []
    assert window.autosaver is not None
    window.autosaver.failed.connect(reports.append)
    window.controller.rename_node("ob", "Bürgermeister")
    assert window.autosaver.write() is None
    assert "automatische Sicherung" in window.statusBar().currentMessage()
    assert window.autosaver.write() is None
    assert len(reports) == 1  # no nagging at every attempt
    assert window.autosaver.timer.isActive()  # it keeps trying
    window.undo_stack.setClean()


# ---------------------------------------------------------------------------
# recovery
# ---------------------------------------------------------------------------
def test_recovery_after_a_crash(qtbot: Any, store: DraftStore, tmp_path: Path) -> None:
    original = tmp_path / "stadt.orgmodel.json"
    fileformat.save(small_model(), original)
    crashed = small_model()
    crashed.nodes.pop()  # work that is only in the draft
    crashed.edges.pop()
    key = DraftStore.new_key()
    store.write(key, crashed, original, base=FileStamp.of(original))
    manager = _manager(store, qtbot)
    asked: list[list[str]] = []
    manager.ask_recover = lambda drafts: (asked.append([d.key for d in drafts])  # type: ignore[method-assign]
                                          or {key: RESTORE})  # fmt: skip
    assert manager.recover() == 1
    assert asked == [[key]]
    window = manager.windows[0]
    assert window.document.path == original
    assert len(window.document.model.nodes) == 4
    assert window.session.is_modified() and window.isWindowModified()
    assert window.windowTitle().startswith("stadt.orgmodel.json[*]")
    (draft,) = store.drafts()  # the draft stays until the model is saved
    assert draft.key == key and draft.session == manager.session.id  # type: ignore[union-attr]
    assert window.session.save()
    assert not window.session.is_modified()
    assert len(fileformat.load(original).nodes) == 4
    assert store.drafts() == []


def test_a_restored_draft_that_is_discarded_on_close_is_gone(qtbot: Any,
                                                            store: DraftStore) -> None:  # fmt: skip
    key = DraftStore.new_key()
    store.write(key, small_model(), None)
    manager = _manager(store, qtbot)
    manager.ask_recover = lambda drafts: {key: RESTORE}  # type: ignore[method-assign]
    assert manager.recover() == 1
    window = manager.windows[0]
    assert window.windowTitle().startswith("Unbenannt[*]") and window.isWindowModified()
    prompter = window.prompter
    assert isinstance(prompter, RecordingPrompter)
    prompter.unsaved = "cancel"
    assert not window.close()
    assert prompter.asked == [("ask_unsaved", "Unbenannt")]  # a restored draft is unsaved work
    assert len(store.drafts()) == 1
    prompter.unsaved = "discard"
    assert window.close()
    assert store.drafts() == []


def test_discard_and_later(qtbot: Any, store: DraftStore) -> None:
    gone, kept = DraftStore.new_key(), DraftStore.new_key()
    store.write(gone, small_model(), None)
    store.write(kept, small_model(), None)
    manager = _manager(store, qtbot)
    manager.ask_recover = lambda drafts: {gone: DISCARD, kept: LATER}  # type: ignore[method-assign]
    assert manager.recover() == 0
    assert manager.windows == []
    assert [d.key for d in store.drafts()] == [kept]
    again = _manager(store, qtbot)  # the next start offers it again
    offered: list[str] = []
    again.ask_recover = lambda drafts: (offered.extend(d.key for d in drafts)  # type: ignore[method-assign]
                                        or {})  # fmt: skip
    again.recover()
    assert offered == [kept]


def test_a_draft_changed_elsewhere_after_the_crash_is_still_offered(
    qtbot: Any, store: DraftStore, tmp_path: Path, monkeypatch: Any
) -> None:
    """A colleague saved the file after the crash: the draft's work is in no file."""
    original = tmp_path / "stadt.orgmodel.json"
    fileformat.save(small_model(), original)
    base = FileStamp.of(original)
    mine = small_model()
    SetMeta({"title": "Meine Arbeit"}).apply(mine)
    key = DraftStore.new_key()
    past = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
    store.write(key, mine, original, now=past, base=base)
    theirs = small_model()
    SetMeta({"title": "Kollegin"}).apply(theirs)
    fileformat.save(theirs, original)  # newer than the draft
    (draft,) = store.recoverable()
    assert draft.original_changed()
    dialog = RecoveryDialog([draft])
    assert "anderweitig geändert" in dialog.items[key].text(3)
    manager = _manager(store, qtbot)
    manager.ask_recover = lambda drafts: {key: RESTORE}  # type: ignore[method-assign]
    assert manager.recover() == 1
    window = manager.windows[0]
    assert window.document.model.meta.title == "Meine Arbeit"
    prompter = window.prompter
    assert isinstance(prompter, RecordingPrompter)
    prompter.on_disk = "cancel"
    assert not window.session.save()  # saving would overwrite the colleague's version: it asks
    assert prompter.asked == [("ask_changed_on_disk", "modified", original)]
    assert fileformat.load(original).meta.title == "Kollegin"


def _run_dialog(dialog: RecoveryDialog, button: str) -> None:
    def click() -> None:
        getattr(dialog, button).click()

    QTimer.singleShot(0, click)
    dialog.exec()


def test_the_recovery_dialog_lists_and_answers(qapp: Any, store: DraftStore,
                                               tmp_path: Path) -> None:  # fmt: skip
    original = tmp_path / "kreis.orgmodel.json"
    when = dt.datetime(2026, 3, 4, 9, 5, tzinfo=dt.UTC)
    a, b = DraftStore.new_key(), DraftStore.new_key()
    store.write(a, small_model(), original, now=when)
    store.write(b, small_model(), None, now=when)
    drafts = store.drafts()
    dialog = RecoveryDialog(drafts)
    rows = {k: [item.text(c) for c in range(4)] for k, item in dialog.items.items()}
    local = when.astimezone().strftime("%d.%m.%Y, %H:%M Uhr")
    assert rows[a][0].startswith("kreis.orgmodel.json")
    assert rows[b][0].startswith("Unbenanntes Modell")
    assert rows[a][1] == local and rows[a][2] == "5 Einheiten"
    assert rows[a][3] == "Datei nicht mehr vorhanden"
    dialog.items[b].setCheckState(0, Qt.CheckState.Unchecked)
    _run_dialog(dialog, "restore_button")
    assert dialog.choices() == {a: RESTORE, b: LATER}
    later = RecoveryDialog(drafts)
    _run_dialog(later, "later_button")
    assert later.choices() == {a: LATER, b: LATER}


def test_discarding_in_the_dialog_asks_first(qapp: Any, store: DraftStore) -> None:
    key = DraftStore.new_key()
    store.write(key, small_model(), None)
    dialog = RecoveryDialog(store.drafts())
    answers = [False, True]
    asked: list[int] = []

    def confirm(count: int) -> bool:
        asked.append(count)
        return answers.pop(0)

    dialog.confirm_discard = confirm  # type: ignore[method-assign]

    def click() -> None:
        dialog.discard_button.click()  # "no, keep it": the dialog stays open
        assert dialog.isVisible()
        dialog.discard_button.click()  # "yes, discard"

    QTimer.singleShot(0, click)
    dialog.exec()
    assert asked == [1, 1]
    assert dialog.choices() == {key: DISCARD}


def test_drafts_of_a_running_program_are_not_offered(qtbot: Any, store: DraftStore) -> None:
    running = Session(store)  # another program window, still open
    assert running.lock is not None
    live = DraftStore.new_key()
    store.write(live, small_model(), None, session=running.id)
    manager = _manager(store, qtbot)
    manager.ask_recover = lambda drafts: pytest.fail("offered a live draft")  # type: ignore[method-assign]
    assert manager.recover() == 0
    assert len(store.drafts()) == 1  # and not touched
    running.release()
    offered: list[str] = []
    manager.ask_recover = lambda drafts: (offered.extend(d.key for d in drafts)  # type: ignore[method-assign]
                                          or {})  # fmt: skip
    manager.recover()
    assert offered == [live]


def test_drafts_of_a_crashed_program_are_offered(qtbot: Any, store: DraftStore) -> None:
    """A program that died without cleaning up leaves a stale lock; its drafts are offered."""
    child = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from orgdesigner.recovery import DraftStore\n"
        "from orgdesigner.ui.autosave import Session\n"
        "from tests.ui.conftest import small_model\n"
        "store = DraftStore(Path(sys.argv[1]))\n"
        "session = Session(store)\n"
        "store.write(DraftStore.new_key(), small_model(), None, session=session.id)\n"
        "os._exit(0)  # no clean-up, like a crash\n"
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    subprocess.run([sys.executable, "-c", child, str(store.folder)], check=True, env=env,
                   cwd=ROOT, timeout=60)  # fmt: skip
    assert list(store.folder.glob("session-*.lock"))
    manager = _manager(store, qtbot)
    offered: list[str] = []
    manager.ask_recover = lambda drafts: (offered.extend(d.session for d in drafts)  # type: ignore[method-assign]
                                          or {})  # fmt: skip
    manager.recover()
    assert len(offered) == 1 and offered[0]
    assert [p.name for p in store.folder.glob("session-*.lock")] == [
        f"session-{manager.session.id}.lock"  # type: ignore[union-attr]
    ]  # the crashed run's stale lock is cleaned up, the draft stays ("later")
    assert len(store.drafts()) == 1
