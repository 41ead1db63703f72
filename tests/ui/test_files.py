"""Files: save, save as, title with *, the unsaved-changes question, load errors, recent files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPointF, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from orgdesigner import fileformat
from orgdesigner.model import OrgModel
from orgdesigner.templates import example_model
from orgdesigner.ui.app import Application
from orgdesigner.ui.mainwindow import MainWindow
from tests.ui.conftest import Dialogs

Button = QMessageBox.StandardButton


def _edit(window: MainWindow) -> None:
    window.controller.rename_node("ob", "Bürgermeister")


def test_title_shows_name_and_star(window: MainWindow, tmp_path: Path) -> None:
    assert window.windowTitle().startswith("Unbenannt[*]")
    assert not window.isWindowModified()
    _edit(window)
    assert window.isWindowModified()
    target = tmp_path / "plan.orgmodel.json"
    assert window._save_to(target)
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
    assert window.recent_files() == [str(target.resolve())]


def test_save_as_uses_the_dialog_and_adds_the_suffix(
    window: MainWindow, tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "neu"), ""))  # fmt: skip
    window.action_map["save_as"].trigger()
    assert (tmp_path / "neu.orgmodel.json").is_file()
    assert window.document.path == tmp_path / "neu.orgmodel.json"


def test_save_error_is_shown(window: MainWindow, dialogs: Dialogs, tmp_path: Path) -> None:
    _edit(window)
    assert not window._save_to(tmp_path / "missing-folder" / "x.orgmodel.json")
    assert dialogs.errors and dialogs.errors[0][0] == "Das Modell wurde nicht gespeichert."
    assert window.isWindowModified()


def test_close_with_unsaved_changes_asks(window: MainWindow, dialogs: Dialogs,
                                         tmp_path: Path) -> None:  # fmt: skip
    _edit(window)
    dialogs.unsaved_answer = Button.Cancel
    assert not window.close()
    assert dialogs.asked == 1 and window.isVisible()
    dialogs.unsaved_answer = Button.Save
    window.document.path = tmp_path / "x.orgmodel.json"
    assert window.close()
    assert fileformat.load(tmp_path / "x.orgmodel.json").node("ob").label == "Bürgermeister"


def test_close_discard(window: MainWindow, dialogs: Dialogs) -> None:
    _edit(window)
    dialogs.unsaved_answer = Button.Discard
    assert window.close()


def test_close_without_changes_does_not_ask(window: MainWindow, dialogs: Dialogs) -> None:
    assert window.close()
    assert dialogs.asked == 0


def test_new_asks_then_empties(window: MainWindow, dialogs: Dialogs) -> None:
    _edit(window)
    dialogs.unsaved_answer = Button.Cancel
    window.action_map["new"].trigger()
    assert len(window.document.model.nodes) == 5
    dialogs.unsaved_answer = Button.Discard
    window.action_map["new"].trigger()
    assert window.document.model.nodes == [] and window.scene.nodes == {}
    assert window.undo_stack.count() == 0 and not window.isWindowModified()


def test_new_from_template(window: MainWindow) -> None:
    actions = [a for a in window.template_menu.actions() if a.objectName().startswith("template_")]
    assert actions
    actions[0].trigger()
    assert len(window.scene.nodes) == len(window.document.model.nodes) > 5
    assert window.document.path is None


def test_open_a_file_and_load_errors(window: MainWindow, dialogs: Dialogs, tmp_path: Path) -> None:
    good = tmp_path / "a.orgmodel.json"
    fileformat.save(example_model(), good)
    assert window.load_file(good)
    assert window.document.path == good
    assert set(window.scene.nodes) == {n.id for n in window.document.model.nodes}
    assert window.undo_stack.count() == 0
    bad = tmp_path / "b.orgmodel.json"
    bad.write_text('{"format": "orgdesigner-model", "format_version": 99}', encoding="utf-8")
    assert not window.load_file(bad)
    assert dialogs.errors
    text, detail = dialogs.errors[-1]
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
    window.add_recent(path)
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


def test_window_layout_and_grid_are_remembered(qtbot: Any, dialogs: Dialogs) -> None:
    from tests.ui.conftest import make_window

    first = make_window(qtbot, dialogs)
    first.action_map["grid"].setChecked(True)
    first.history_dock.raise_()
    assert first.close()
    second = make_window(qtbot, dialogs)
    assert second.action_map["grid"].isChecked()
    assert second.scene.grid_visible
    second.undo_stack.setClean()
