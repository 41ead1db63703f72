"""Several windows: a file is open in at most one window; each window has its own undo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from orgdesigner import fileformat
from orgdesigner.templates import example_model
from orgdesigner.ui.app import Application
from orgdesigner.ui.mainwindow import same_file
from tests.ui.conftest import RecordingPrompter, small_model


def discarding() -> RecordingPrompter:
    prompter = RecordingPrompter()
    prompter.unsaved = "discard"
    return prompter


@pytest.fixture
def manager(qtbot: Any) -> Iterator[Application]:
    app = Application(QApplication.instance(), prompter=discarding)  # type: ignore[arg-type]
    yield app
    for window in app.windows:
        qtbot.addWidget(window)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.orgmodel.json", tmp_path / "b.orgmodel.json"
    fileformat.save(small_model(), a)
    fileformat.save(example_model(), b)
    return a, b


def test_opening_the_same_file_twice_gives_one_window(manager: Application,
                                                      files: tuple[Path, Path]) -> None:  # fmt: skip
    a, _b = files
    first = manager.open_file(str(a))
    assert first is not None
    first.controller.rename_node("ob", "Bürgermeister")  # unsaved work in that window
    again = manager.open_file(str(a.parent / "." / ".." / a.parent.name / a.name))
    assert again is first
    assert len(manager.windows) == 1
    assert first.document.model.node("ob").label == "Bürgermeister"  # not reloaded


def test_the_same_file_through_a_link_is_the_same_file(manager: Application,
                                                       files: tuple[Path, Path]) -> None:  # fmt: skip
    a, _b = files
    link = a.parent / "verknuepfung.orgmodel.json"
    try:
        link.symlink_to(a)
    except OSError:
        pytest.skip("symbolic links are not available here")
    assert same_file(link, a)
    first = manager.open_file(str(a))
    assert manager.open_file(str(link)) is first


def test_different_files_get_their_own_windows_and_undo_stacks(manager: Application,
                                                               files: tuple[Path, Path]) -> None:  # fmt: skip
    a, b = files
    wa, wb = manager.open_file(str(a)), manager.open_file(str(b))
    assert wa is not None and wb is not None and wa is not wb
    assert wa.undo_stack is not wb.undo_stack
    wa.controller.rename_node("ob", "Bürgermeister")
    assert wa.undo_stack.count() == 1 and wb.undo_stack.count() == 0
    assert wa.isWindowModified() and not wb.isWindowModified()
    wb.undo_stack.undo()  # nothing to undo there: the other window is untouched
    assert wa.document.model.node("ob").label == "Bürgermeister"
    wa.undo_stack.undo()
    assert wa.document.model.node("ob").label == "Oberbürgermeisterin"


def test_opening_inside_a_window_brings_the_other_window_forward(
    manager: Application, files: tuple[Path, Path], qtbot: Any
) -> None:
    a, b = files
    wa, wb = manager.open_file(str(a)), manager.open_file(str(b))
    assert wa is not None and wb is not None
    wb.activateWindow()
    qtbot.waitUntil(wb.isActiveWindow, timeout=3000)
    assert wb.session.load_file(a)  # e.g. from the recent-files menu of window b
    qtbot.waitUntil(wa.isActiveWindow, timeout=3000)  # window a came forward
    assert wb.document.path == b  # window b still shows its own file
    assert wb.prompter.asked == []  # type: ignore[attr-defined]  # a RecordingPrompter


def test_save_as_onto_a_file_open_in_another_window_is_refused(
    manager: Application, files: tuple[Path, Path]
) -> None:
    a, b = files
    wa, wb = manager.open_file(str(a)), manager.open_file(str(b))
    assert wa is not None and wb is not None
    before = a.read_bytes()
    prompter = wb.prompter
    assert isinstance(prompter, RecordingPrompter)
    prompter.save_path = a
    assert not wb.session.save_as()
    assert prompter.errors and "bereits in einem anderen Fenster" in prompter.errors[0][0]
    assert a.read_bytes() == before


def test_a_closed_window_no_longer_holds_its_file(manager: Application,
                                                  files: tuple[Path, Path]) -> None:  # fmt: skip
    a, _b = files
    first = manager.open_file(str(a))
    assert first is not None and first.close()
    assert manager.windows == [] and manager.window_for(a) is None
    second = manager.open_file(str(a))
    assert second is not None and second is not first and manager.windows == [second]
    assert second.isVisible()


def test_dropping_several_files_opens_the_others_in_their_own_windows(
    manager: Application, files: tuple[Path, Path]
) -> None:
    a, b = files
    wa = manager.open_file(str(a))
    assert wa is not None
    wa._open_dropped([str(a), str(b)])  # a is already shown here, b gets a window
    assert len(manager.windows) == 2
    assert {w.document.path for w in manager.windows} == {a, b}
