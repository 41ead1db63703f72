"""Desktop integration in one process: files handed over by a second start or the macOS
Finder, one program per user, the end of the desktop session, the bundled user guide."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QUrl
from PySide6.QtGui import QFileOpenEvent, QTextDocument
from PySide6.QtNetwork import QLocalServer
from PySide6.QtWidgets import QApplication

from orgdesigner import fileformat
from orgdesigner.i18n import set_language
from orgdesigner.recovery import DraftStore
from orgdesigner.templates import example_model
from orgdesigner.ui import helpviewer, single_instance
from orgdesigner.ui.app import Application
from orgdesigner.ui.autosave import Session, orphaned
from orgdesigner.ui.mainwindow import MainWindow
from tests.ui.conftest import RecordingPrompter, small_model

ROOT = Path(__file__).resolve().parents[2]


def _discarding() -> RecordingPrompter:
    prompter = RecordingPrompter()
    prompter.unsaved = "discard"
    return prompter


@pytest.fixture
def store(tmp_path: Path) -> DraftStore:
    return DraftStore(tmp_path / "drafts")


@pytest.fixture
def manager(qtbot: Any, store: DraftStore) -> Iterator[Application]:
    app = Application(QApplication.instance(), store, prompter=_discarding)  # type: ignore[arg-type]
    yield app
    for window in list(app.windows):
        window.undo_stack.setClean()
        qtbot.addWidget(window)
    app.release_session()


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.orgmodel"
    fileformat.save(small_model(), path)
    return path


def titles(manager: Application) -> list[str]:
    return [w.windowTitle().replace("[*]", "") for w in manager.windows if w.isVisible()]


# -- files from outside ------------------------------------------------------------------
def test_a_handed_over_file_replaces_the_untouched_example(
    manager: Application, plan: Path, qtbot: Any
) -> None:
    example = manager.open_window(example_model())
    shown = manager.open_from_outside([str(plan)])
    assert shown is not None and shown.document.path == plan
    qtbot.waitUntil(lambda: not example.isVisible())
    assert manager.windows == [shown]
    assert titles(manager)[0].startswith("plan.orgmodel")


def test_a_window_with_work_stays_when_a_file_arrives(manager: Application, plan: Path) -> None:
    mine = manager.open_window(example_model())
    mine.controller.rename_node("ob", "Bürgermeister")  # unsaved work: never closed for a file
    shown = manager.open_from_outside([str(plan)])
    assert shown is not None and shown is not mine
    assert mine.isVisible() and len(manager.windows) == 2


def test_handing_over_a_file_that_is_open_brings_its_window_forward(
    manager: Application, plan: Path
) -> None:
    first = manager.open_file(str(plan))
    assert first is not None
    first.controller.rename_node("ob", "Bürgermeister")
    assert manager.open_from_outside([str(plan)]) is first
    assert len(manager.windows) == 1
    assert first.document.model.node("ob").label == "Bürgermeister"  # not reloaded


def test_a_file_opened_from_the_finder(manager: Application, plan: Path, qtbot: Any) -> None:
    """macOS sends a QFileOpenEvent to the application (double-click in the Finder)."""
    app = QApplication.instance()
    app.installEventFilter(manager)
    try:
        manager.open_window(example_model())
        QCoreApplication.sendEvent(app, QFileOpenEvent(str(plan)))
        qtbot.waitUntil(lambda: [w.document.path for w in manager.windows] == [plan])
        other = plan.with_name("zweiter.orgmodel")
        fileformat.save(example_model(), other)
        QCoreApplication.sendEvent(app, QFileOpenEvent(QUrl.fromLocalFile(str(other))))
        qtbot.waitUntil(lambda: [w.document.path for w in manager.windows] == [plan, other])
    finally:
        app.removeEventFilter(manager)


def test_a_second_start_hands_its_files_to_the_first(plan: Path, tmp_path: Path, qtbot: Any,
                                                     monkeypatch: Any) -> None:  # fmt: skip
    """The second start is a real second process; this one serves from its event loop."""
    name = single_instance.server_name(tmp_path / "daten")
    server = single_instance.InstanceServer(name)
    received: list[list[str]] = []
    server.files_received.connect(received.append)
    assert server.listen()
    try:
        second = _second_start(name, plan.name, cwd=plan.parent)  # a name relative to its folder
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=30000)
        output = second.communicate()[0]
        assert second.returncode == 0, output
        assert output.strip() == "True"
        assert received == [[str(plan)]]  # absolute: the first program's folder differs
        # the desktop's permission to take the front travels with the files (Wayland)
        monkeypatch.setenv("XDG_ACTIVATION_TOKEN", "")  # restored after the test
        monkeypatch.delenv("XDG_ACTIVATION_TOKEN")
        second = _second_start(name, plan.name, cwd=plan.parent,
                               XDG_ACTIVATION_TOKEN="token-der-arbeitsflaeche")  # fmt: skip
        qtbot.waitUntil(lambda: second.poll() is not None and len(received) == 2, timeout=30000)
        assert os.environ.get("XDG_ACTIVATION_TOKEN") == "token-der-arbeitsflaeche"
    finally:
        server.close()
    assert single_instance.hand_over(name, [str(plan)], connect_ms=200) is False  # nobody


def _second_start(name: str, *files: str, cwd: Path, **extra: str) -> subprocess.Popen[str]:
    code = ("import sys; from orgdesigner.ui.single_instance import hand_over; "
            "print(hand_over(sys.argv[1], sys.argv[2:]))")  # fmt: skip
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
           **extra}  # fmt: skip
    return subprocess.Popen([sys.executable, "-c", code, name, *files], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)  # fmt: skip


def test_a_program_that_does_not_answer_is_not_waited_for(tmp_path: Path) -> None:
    """A running program that hangs (it accepts, but never answers): the second start gives
    up after a short wait and starts on its own, without taking the hanging one's socket."""
    name = single_instance.server_name(tmp_path / "daten")
    hanging = QLocalServer()
    assert hanging.listen(name)
    try:
        assert single_instance.hand_over(name, ["plan.orgmodel"], answer_ms=300) is False
        assert not single_instance.InstanceServer(name).listen()
    finally:
        hanging.close()


def test_the_socket_of_a_crashed_program_is_taken_over(tmp_path: Path) -> None:
    name = single_instance.server_name(tmp_path / "daten")
    first = single_instance.InstanceServer(name)
    assert first.listen()
    # a second server while the first listens: refused, the first is running
    second = single_instance.InstanceServer(name)
    assert not second.listen()
    first.close()
    assert second.listen()
    second.close()


def test_server_names_are_per_data_folder_and_private(tmp_path: Path,
                                                      monkeypatch: Any) -> None:  # fmt: skip
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    a = single_instance.server_name(tmp_path / "a")
    assert a == single_instance.server_name(tmp_path / "a")
    assert a != single_instance.server_name(tmp_path / "b")
    assert Path(a).parent == tmp_path and Path(a).name.startswith("orgdesigner-")


# -- the end of the program --------------------------------------------------------------
def test_terminate_keeps_unsaved_work_as_a_draft_and_removes_the_lock(
    manager: Application, store: DraftStore, plan: Path, monkeypatch: Any
) -> None:
    window = manager.open_file(str(plan))
    assert window is not None and manager.session is not None
    window.controller.rename_node("ob", "Bürgermeister beim Abmelden")
    lock = store.folder / f"session-{manager.session.id}.lock"
    assert lock.exists() and store.drafts() == []
    ended: list[int] = []
    monkeypatch.setattr(manager, "app", type("App", (), {"exit": lambda _s, c: ended.append(c)})())
    manager.terminate()  # the real app would leave its event loop (the tests' one: kept)
    assert ended == [0]
    assert not lock.exists()
    (draft,) = orphaned(store)  # the next start offers it
    assert draft.original == plan
    assert store.load(draft).node("ob").label == "Bürgermeister beim Abmelden"
    assert not Session.is_running(store, manager.session.id)


def test_logout_with_questions_asks_each_window(manager: Application, plan: Path,
                                                store: DraftStore) -> None:  # fmt: skip
    window = manager.open_file(str(plan))
    assert window is not None and manager.session is not None
    window.controller.rename_node("ob", "Bürgermeister")
    prompter = window.session.prompter
    assert isinstance(prompter, RecordingPrompter)
    prompter.unsaved = "cancel"
    assert manager.end_of_session(interactive=True) is False  # the logout is cancelled
    assert window.isVisible() and manager.session.lock is not None
    prompter.unsaved = "save"
    assert manager.end_of_session(interactive=True) is True
    assert fileformat.load(plan).node("ob").label == "Bürgermeister"
    assert manager.session.lock is None and not list(store.folder.glob("session-*.lock"))


def test_about_to_quit_removes_the_lock(manager: Application, store: DraftStore) -> None:
    app = QApplication.instance()
    app.aboutToQuit.connect(manager.release_session)
    try:
        assert list(store.folder.glob("session-*.lock"))
        app.aboutToQuit.emit()
        assert not list(store.folder.glob("session-*.lock"))
    finally:
        app.aboutToQuit.disconnect(manager.release_session)


# -- Hilfe → Benutzerhandbuch -------------------------------------------------------------
@pytest.fixture
def viewer(qtbot: Any) -> Iterator[helpviewer.HelpViewer]:
    yield helpviewer.show_user_guide()
    if helpviewer._viewer is not None:
        helpviewer._viewer.close()


def test_f1_opens_the_german_guide(qtbot: Any) -> None:
    window = MainWindow(small_model(), prompter=RecordingPrompter())
    qtbot.addWidget(window)
    action = window.action_map["user_guide"]
    assert action in window.help_menu.actions() and action.shortcut().toString() == "F1"
    action.trigger()
    viewer = helpviewer._viewer
    assert viewer is not None and viewer.isVisible()
    try:
        text = viewer.browser.toPlainText()
        assert "Das erste Modell in fünf Minuten" in text
        chapters = [viewer.contents.item(i).text().strip() for i in range(viewer.contents.count())]
        assert "4. Automatische Sicherung und Wiederherstellung" in chapters
        # the screenshots are there, not broken-image boxes
        image = viewer.browser.document().resource(
            QTextDocument.ResourceType.ImageResource, QUrl("screenshots/main-window-de.png"))
        assert image is not None and not image.isNull()
        assert image.width() <= helpviewer.MAX_IMAGE_WIDTH
        # a chapter in the list scrolls there
        item = viewer.contents.item(chapters.index("4. Automatische Sicherung und Wiederherstellung"))
        viewer.go_to(item)
        assert viewer.browser.verticalScrollBar().value() > 0
        assert viewer.browser.textCursor().block().text().startswith("4. Automatische Sicherung")
        # a second F1 brings the same window forward
        action.trigger()
        assert helpviewer._viewer is viewer
    finally:
        viewer.close()


def test_the_guide_follows_the_language(viewer: helpviewer.HelpViewer, qtbot: Any) -> None:
    assert "Benutzerhandbuch" in viewer.browser.toPlainText()
    set_language("en")
    QCoreApplication.sendEvent(viewer, QEvent(QEvent.Type.LanguageChange))
    qtbot.waitUntil(lambda: "Your first model in five minutes" in viewer.browser.toPlainText())
    assert viewer.lang == "en"


def test_searching_the_guide(viewer: helpviewer.HelpViewer) -> None:
    viewer.search.setText("Wiederherstellen")
    assert viewer.find_next()
    assert viewer.browser.textCursor().selectedText().lower() == "wiederherstellen"
    viewer.search.setText("Quantencomputer")
    assert not viewer.find_next()
    assert viewer.not_found.text() == "Nicht gefunden"
