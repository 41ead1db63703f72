"""Files in a window: save, save as, title with *, the unsaved-changes question, load errors,
recent files; safe saving (a failed save loses nothing) and files changed elsewhere.

The window's questions are answered by a ``RecordingPrompter`` (``tests/ui/conftest.py``);
the real dialogs' texts and buttons are tested in ``test_prompter.py``.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from orgdesigner import fileformat
from orgdesigner.commands import SetMeta
from orgdesigner.model import OrgModel
from orgdesigner.templates import example_model
from orgdesigner.ui.app import Application
from orgdesigner.ui.mainwindow import MainWindow
from tests.ui.conftest import RecordingPrompter, small_model
from tests.ui.test_prompter import answer_next_dialog


def _edit(window: MainWindow) -> None:
    window.controller.rename_node("ob", "Bürgermeister")


def test_title_shows_name_and_star(window: MainWindow, tmp_path: Path) -> None:
    assert window.windowTitle().startswith("Unbenannt[*]")
    assert not window.isWindowModified()
    _edit(window)
    assert window.isWindowModified()
    target = tmp_path / "plan.orgmodel.json"
    assert window.session.save_to(target)
    assert window.windowTitle().startswith("plan.orgmodel.json")
    assert not window.isWindowModified()
    window.undo_stack.undo()
    assert window.isWindowModified()  # differs from the saved file again
    window.undo_stack.redo()
    assert not window.isWindowModified()


def test_save_writes_the_model(window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "plan.orgmodel.json"
    window.document.path = target
    _edit(window)
    window.action_map["save"].trigger()
    assert fileformat.load(target) == window.document.model
    assert window.session.recent_files() == [str(target.resolve())]


def test_save_as_asks_for_a_name_and_adds_the_suffix(
    window: MainWindow, prompter: RecordingPrompter, tmp_path: Path
) -> None:
    prompter.save_path = tmp_path / "neu"
    window.action_map["save_as"].trigger()
    assert prompter.asked == [("choose_save_file", "Organisationsmodell")]
    assert (tmp_path / "neu.orgmodel").is_file()
    assert window.document.path == tmp_path / "neu.orgmodel"
    assert window.windowTitle().startswith("neu.orgmodel[*]")


def test_save_as_asks_before_replacing_the_file_the_added_suffix_names(
    window: MainWindow, prompter: RecordingPrompter, tmp_path: Path
) -> None:
    """„plan“ typed where „plan.orgmodel“ exists: the dialog could not know, so the program
    asks; no means nothing is written."""
    existing = tmp_path / "plan.orgmodel"
    fileformat.save(example_model(), existing, backup=False)
    before = existing.read_bytes()
    prompter.save_path = tmp_path / "plan"
    window.action_map["save_as"].trigger()
    assert prompter.questions("confirm_replace") == [(existing,)]
    assert existing.read_bytes() == before and window.document.path != existing
    prompter.replace = True
    window.action_map["save_as"].trigger()
    assert window.document.path == existing
    assert fileformat.load(existing) == window.document.model


def test_open_asks_for_a_file_in_the_folder_of_the_current_one(
    window: MainWindow, prompter: RecordingPrompter, tmp_path: Path
) -> None:
    current, other = tmp_path / "a.orgmodel.json", tmp_path / "b.orgmodel.json"
    _open(window, current)
    fileformat.save(example_model(), other)
    prompter.open_path = other
    window.action_map["open"].trigger()
    assert prompter.asked == [("choose_open_file", str(tmp_path))]
    assert window.document.path == other
    assert window.document.model == example_model()
    assert window.statusBar().currentMessage() == f"Geöffnet: {other}"


def test_close_with_unsaved_changes_asks(window: MainWindow, prompter: RecordingPrompter,
                                         tmp_path: Path) -> None:  # fmt: skip
    _edit(window)
    prompter.unsaved = "cancel"
    assert not window.close()
    assert prompter.asked == [("ask_unsaved", "Unbenannt")] and window.isVisible()
    prompter.unsaved = "save"
    window.document.path = tmp_path / "x.orgmodel.json"
    assert window.close()
    assert fileformat.load(tmp_path / "x.orgmodel.json").node("ob").label == "Bürgermeister"


def test_close_discard(window: MainWindow, prompter: RecordingPrompter) -> None:
    _edit(window)
    prompter.unsaved = "discard"
    assert window.close()


def test_close_without_changes_does_not_ask(window: MainWindow, prompter: RecordingPrompter) -> None:
    assert window.close()
    assert prompter.asked == []


def test_new_asks_then_empties(window: MainWindow, prompter: RecordingPrompter) -> None:
    _edit(window)
    prompter.unsaved = "cancel"
    window.action_map["new"].trigger()
    assert len(window.document.model.nodes) == 5
    assert prompter.questions("ask_unsaved") == [("Unbenannt",)]
    prompter.unsaved = "discard"
    window.action_map["new"].trigger()
    assert window.document.model.nodes == [] and window.scene.nodes == {}
    assert window.undo_stack.count() == 0 and not window.isWindowModified()


def test_new_from_template(window: MainWindow) -> None:
    actions = [a for a in window.template_menu.actions() if a.objectName().startswith("template_")]
    assert actions
    actions[0].trigger()
    assert len(window.scene.nodes) == len(window.document.model.nodes) > 5
    assert window.document.path is None


def test_open_a_file_and_load_errors(window: MainWindow, prompter: RecordingPrompter,
                                     tmp_path: Path) -> None:  # fmt: skip
    good = tmp_path / "a.orgmodel.json"
    fileformat.save(example_model(), good)
    assert window.session.load_file(good)
    assert window.document.path == good
    assert set(window.scene.nodes) == {n.id for n in window.document.model.nodes}
    assert window.undo_stack.count() == 0
    bad = tmp_path / "b.orgmodel.json"
    bad.write_text('{"format": "orgdesigner-model", "format_version": 99}', encoding="utf-8")
    assert not window.session.load_file(bad)
    assert prompter.errors
    text, detail = prompter.errors[-1]
    assert text == "Die Datei kann nicht geöffnet werden."
    try:
        fileformat.load(bad)
    except fileformat.ModelFileError as exc:
        assert detail == exc.message()
    assert window.document.path == good  # the open model is untouched


def test_dropping_a_model_file_opens_it(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "drop.orgmodel.json"
    fileformat.save(example_model(), path)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    from PySide6.QtCore import Qt

    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)  # fmt: skip
    window.view.dropEvent(event)
    assert window.document.path == path


def test_recent_files_menu(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "r.orgmodel.json"
    fileformat.save(OrgModel(), path)
    window.session.add_recent(path)
    window._fill_recent_menu()
    assert [a.text() for a in window.recent_menu.actions()] == [str(path.resolve())]


def test_application_opens_new_and_missing_files(qtbot: Any, tmp_path: Path) -> None:
    manager = Application(QApplication.instance())  # type: ignore[arg-type]
    new = manager.open_file(str(tmp_path / "kommt-noch.orgmodel.json"))
    assert new is not None
    qtbot.addWidget(new)
    assert new.document.model.nodes == [] and new.document.path == tmp_path / "kommt-noch.orgmodel.json"
    assert new.windowTitle().startswith("kommt-noch.orgmodel.json")
    default = manager.open_window(example_model())
    qtbot.addWidget(default)
    assert len(default.scene.nodes) == len(example_model().nodes)


def test_window_layout_and_grid_are_remembered(qtbot: Any, prompter: RecordingPrompter) -> None:
    from tests.ui.conftest import make_window

    first = make_window(qtbot, prompter)
    first.action_map["grid"].setChecked(True)
    first.history_dock.raise_()
    assert first.close()
    second = make_window(qtbot, prompter)
    assert second.action_map["grid"].isChecked()
    assert second.scene.grid_visible
    second.undo_stack.setClean()


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------
def _open(window: MainWindow, path: Path, model: OrgModel | None = None) -> None:
    fileformat.save(model or small_model(), path)
    assert window.session.load_file(path, ask=False)


def _colleague_saves(path: Path, title: str) -> OrgModel:
    theirs = small_model()
    SetMeta({"title": title}).apply(theirs)
    fileformat.save(theirs, path)
    return theirs


# ---------------------------------------------------------------------------
# safe save: a failed save keeps the old file and the changes, and offers Save As
# ---------------------------------------------------------------------------
FAILURES = {
    "read-only": (PermissionError(errno.EACCES, "Permission denied"), "no_permission",
                  "Keine Schreibberechtigung"),
    "disk full": (OSError(errno.ENOSPC, "No space left on device"), "disk_full",
                  "kein Platz"),
    "drive gone": (FileNotFoundError(errno.ENOENT, "No such file or directory"), "no_folder",
                   "Netzlaufwerk"),
}  # fmt: skip


@pytest.mark.parametrize("case", list(FAILURES))
def test_a_failed_save_keeps_the_old_file_and_the_changes(
    window: MainWindow, prompter: RecordingPrompter, tmp_path: Path, monkeypatch: Any, case: str
) -> None:
    error, code, words = FAILURES[case]
    netz, lokal = tmp_path / "netz", tmp_path / "lokal"
    netz.mkdir()
    lokal.mkdir()
    target = netz / "plan.orgmodel.json"
    _open(window, target)
    old = target.read_bytes()
    _edit(window)
    real_create = fileformat._create_temporary

    def create(folder: Path, name: str, mode: int) -> Any:
        if Path(folder) == netz:
            raise error
        return real_create(folder, name, mode)

    monkeypatch.setattr(fileformat, "_create_temporary", create)
    prompter.save_elsewhere = False
    window.action_map["save"].trigger()
    failures = [exc for path, exc in prompter.questions("ask_save_failed")]
    assert [e.code for e in failures] == [code]
    assert words in failures[0].message("de")
    assert prompter.questions("ask_save_failed")[0][0] == target
    assert target.read_bytes() == old  # the old file is intact
    assert window.isWindowModified() and window.session.is_modified()  # still unsaved
    assert window.document.path == target
    assert window.document.model.node("ob").label == "Bürgermeister"
    # the message offers Save As: choosing it saves elsewhere
    prompter.save_elsewhere = True
    prompter.save_path = lokal / "plan"
    assert window.session.save()
    assert prompter.questions("choose_save_file") == [(str(target),)]
    assert window.document.path == lokal / "plan.orgmodel"
    assert fileformat.load(lokal / "plan.orgmodel").node("ob").label == "Bürgermeister"
    assert not window.isWindowModified()
    assert target.read_bytes() == old


def test_the_failed_save_message_names_the_file_and_offers_save_as(
    qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    """A window made without a prompter shows the real dialog (QtPrompter)."""
    window = MainWindow(small_model())
    qtbot.addWidget(window)
    target = _opened_and_edited(window, tmp_path)

    def denied(*_a: Any, **_k: Any) -> Any:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(fileformat, "_create_temporary", denied)
    names: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda parent, title, start, *a: names.append(start) or ("", ""))  # fmt: skip
    seen: list[str] = []
    answer_next_dialog("Speichern unter …", seen)
    assert not window.session.save()
    assert names == [str(target)]  # "Speichern unter …" asked for another name
    assert (
        "„plan.orgmodel.json“ konnte nicht gespeichert werden. Ihre Änderungen sind noch da."
        in seen[0]
    )
    assert "Keine Schreibberechtigung" in seen[0]
    assert window.isWindowModified()
    window.undo_stack.setClean()


def test_a_missing_network_drive_is_noticed_and_save_as_offered(
    window: MainWindow, prompter: RecordingPrompter, tmp_path: Path
) -> None:
    """The folder goes away for real: the save first says so, then fails calmly."""
    drive = tmp_path / "laufwerk"
    drive.mkdir()
    target = drive / "plan.orgmodel.json"
    _open(window, target)
    _edit(window)
    shutil.rmtree(drive)
    prompter.on_disk = "overwrite"
    assert not window.session.save()
    assert [q[0] for q in prompter.asked] == ["ask_changed_on_disk", "ask_save_failed"]
    assert prompter.questions("ask_changed_on_disk") == [("deleted", target)]
    assert prompter.questions("ask_save_failed")[0][1].code == "no_folder"
    assert window.isWindowModified()


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="root ignores file permissions; the simulated read-only tests above "
                    "cover this case when running as root (CI)")  # fmt: skip
def test_a_read_only_folder_for_real(window: MainWindow, prompter: RecordingPrompter,
                                     tmp_path: Path) -> None:  # fmt: skip
    folder = tmp_path / "nur-lesen"
    folder.mkdir()
    target = folder / "plan.orgmodel.json"
    _open(window, target)
    old = target.read_bytes()
    _edit(window)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        assert not window.session.save()
    finally:
        folder.chmod(stat.S_IRWXU)
    assert [exc.code for _path, exc in prompter.questions("ask_save_failed")] == ["no_permission"]
    assert target.read_bytes() == old
    assert window.isWindowModified()


def _opened_and_edited(window: MainWindow, tmp_path: Path) -> Path:
    """Open plan.orgmodel.json in the window and change it (unsaved)."""
    target = tmp_path / "plan.orgmodel.json"
    _open(window, target)
    _edit(window)
    return target


def _edited_here_and_saved_elsewhere(window: MainWindow, tmp_path: Path) -> Path:
    """Open plan.orgmodel.json, change it here, and let a colleague save it meanwhile."""
    target = _opened_and_edited(window, tmp_path)
    _colleague_saves(target, "Fassung der Kollegin")
    return target


# ---------------------------------------------------------------------------
# the file changed on disk: saving asks first
# ---------------------------------------------------------------------------
def test_a_file_changed_on_disk_is_not_overwritten_without_asking(
    window: MainWindow, prompter: RecordingPrompter, tmp_path: Path
) -> None:
    target = _edited_here_and_saved_elsewhere(window, tmp_path)
    prompter.on_disk = "cancel"
    assert not window.session.save()
    assert prompter.asked == [("ask_changed_on_disk", "modified", target)]
    assert fileformat.load(target).meta.title == "Fassung der Kollegin"
    assert window.isWindowModified()
    # saving under a new name keeps both versions
    prompter.on_disk = "save_as"
    prompter.save_path = tmp_path / "meine-fassung"
    assert window.session.save()
    mine = tmp_path / "meine-fassung.orgmodel"
    assert window.document.path == mine and not window.isWindowModified()
    assert fileformat.load(mine).node("ob").label == "Bürgermeister"
    assert fileformat.load(target).meta.title == "Fassung der Kollegin"


def test_a_changed_file_asks_with_the_real_dialog(qtbot: Any, tmp_path: Path) -> None:
    """The default prompter of a window: a message box over the window."""
    window = MainWindow(small_model())
    qtbot.addWidget(window)
    target = _edited_here_and_saved_elsewhere(window, tmp_path)
    seen: list[str] = []
    answer_next_dialog("Abbrechen", seen)
    assert not window.session.save()
    assert "„plan.orgmodel.json“ wurde seit dem Öffnen außerhalb dieses Fensters geändert" in seen[0]
    assert fileformat.load(target).meta.title == "Fassung der Kollegin"
    window.undo_stack.setClean()


def test_overwriting_a_changed_file_keeps_the_colleagues_version_as_backup(
    window: MainWindow, prompter: RecordingPrompter, tmp_path: Path
) -> None:
    target = _opened_and_edited(window, tmp_path)
    theirs = _colleague_saves(target, "Fassung der Kollegin")
    prompter.on_disk = "overwrite"
    assert window.session.save()
    assert fileformat.load(target).node("ob").label == "Bürgermeister"
    assert fileformat.load(fileformat.backup_path(target)) == theirs
    assert window.session.disk_change() is None  # saved: the stamp is ours again
    window.controller.rename_node("ob", "Noch einmal")
    assert window.session.save()
    assert len(prompter.questions("ask_changed_on_disk")) == 1  # not asked again


def test_reloading_a_changed_file(window: MainWindow, prompter: RecordingPrompter,
                                  tmp_path: Path) -> None:  # fmt: skip
    target = _opened_and_edited(window, tmp_path)
    theirs = _colleague_saves(target, "Fassung der Kollegin")
    prompter.on_disk = "reload"
    assert not window.session.save()  # not saved: the colleague's version is shown instead
    assert prompter.asked == [("ask_changed_on_disk", "modified", target)]  # no second question
    assert window.document.model == theirs
    assert not window.isWindowModified() and window.undo_stack.count() == 0


def test_a_deleted_file_is_noticed_before_saving(window: MainWindow, prompter: RecordingPrompter,
                                                 tmp_path: Path) -> None:  # fmt: skip
    target = _opened_and_edited(window, tmp_path)
    target.unlink()
    prompter.on_disk = "overwrite"  # the button "Wieder anlegen"
    assert window.session.save()
    assert prompter.asked == [("ask_changed_on_disk", "deleted", target)]
    assert fileformat.load(target).node("ob").label == "Bürgermeister"


def test_an_unchanged_or_only_touched_file_saves_without_asking(
    window: MainWindow, prompter: RecordingPrompter, tmp_path: Path
) -> None:
    target = _opened_and_edited(window, tmp_path)
    assert window.session.save()
    time.sleep(0.01)
    os.utime(target)  # a backup program touched it: same content
    window.controller.rename_node("ob", "Noch einmal")
    assert window.session.save()
    assert prompter.asked == []
    assert fileformat.load(target).node("ob").label == "Noch einmal"


# ---------------------------------------------------------------------------
# the file changed on disk: a calm note when the window is active again
# ---------------------------------------------------------------------------
def test_a_change_on_disk_is_noted_once_when_the_window_is_active_again(
    window: MainWindow, prompter: RecordingPrompter, qtbot: Any, tmp_path: Path
) -> None:
    target = tmp_path / "plan.orgmodel.json"
    _open(window, target)
    bar = window.info_bar
    window.session.check_disk()
    assert not bar.isVisible()
    other = QWidget()  # the user switches to another window …
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow(), timeout=3000)
    _colleague_saves(target, "Erste Fassung der Kollegin")  # … a colleague saves …
    window.activateWindow()  # … and the user comes back
    qtbot.waitUntil(bar.isVisible, timeout=3000)
    assert "„plan.orgmodel.json“ wurde außerhalb dieses Fensters geändert" in bar.label.text()
    assert set(bar.buttons) == {"reload", "save_as", "dismiss"}
    bar.buttons["dismiss"].click()
    assert not bar.isVisible()
    window.session.check_disk()  # the same change again: no second note
    assert not bar.isVisible()
    theirs = _colleague_saves(target, "Zweite Fassung der Kollegin")
    window.session.check_disk()  # a new change: a new note
    assert bar.isVisible()
    _edit(window)
    prompter.reload = True
    bar.buttons["reload"].click()
    assert prompter.asked == [("confirm_reload", "plan.orgmodel.json")]
    assert window.document.model == theirs and not window.isWindowModified()
    assert not bar.isVisible()


def test_reloading_from_the_note_asks_before_dropping_changes(
    window: MainWindow, prompter: RecordingPrompter, tmp_path: Path
) -> None:
    _edited_here_and_saved_elsewhere(window, tmp_path)
    window.session.check_disk()
    assert "Ihre Änderungen hier sind noch nicht gespeichert" in window.info_bar.label.text()
    prompter.reload = False
    window.info_bar.buttons["reload"].click()
    assert prompter.asked == [("confirm_reload", "plan.orgmodel.json")]
    assert window.document.model.node("ob").label == "Bürgermeister"  # kept


def test_a_deleted_file_is_noted_and_can_be_written_again(window: MainWindow,
                                                          tmp_path: Path) -> None:  # fmt: skip
    target = tmp_path / "plan.orgmodel.json"
    _open(window, target)
    target.unlink()
    window.session.check_disk()
    bar = window.info_bar
    assert bar.isVisible() and "ist nicht mehr da" in bar.label.text()
    assert set(bar.buttons) == {"recreate", "save_as", "dismiss"}
    bar.buttons["recreate"].click()
    assert fileformat.load(target) == window.document.model
    window.session.check_disk()
    assert not bar.isVisible()
