"""The real dialogs of the file life cycle (``QtPrompter``): texts, buttons, answers.

Each test opens the dialog as the session would and clicks a button as a user would.
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from orgdesigner.errors import SaveError
from orgdesigner.i18n import set_language
from orgdesigner.ui import translations
from orgdesigner.ui.session import QtPrompter


def answer_next_dialog(label: str, seen: list[str]) -> None:
    """Click the button ``label`` in the next modal message box; record what it said."""
    attempts = [0]

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            attempts[0] += 1
            if attempts[0] < 250:
                QTimer.singleShot(20, click)
            return
        seen.append(box.windowTitle() + "\n" + box.text() + "\n" + box.informativeText() + "\n"
                    + "|".join(b.text() for b in box.buttons()))  # fmt: skip
        buttons = [b for b in box.buttons() if b.text() == label]
        assert buttons, f"no button {label!r} in {[b.text() for b in box.buttons()]}"
        buttons[0].click()

    QTimer.singleShot(0, click)


@pytest.fixture
def qt_prompter(qtbot: Any) -> QtPrompter:
    set_language("de")
    parent = QWidget()
    qtbot.addWidget(parent)
    return QtPrompter(parent)


@pytest.mark.parametrize(("label", "answer"), [("Speichern", "save"), ("Verwerfen", "discard"),
                                               ("Abbrechen", "cancel")])  # fmt: skip
def test_the_unsaved_question(qt_prompter: QtPrompter, label: str, answer: str) -> None:
    seen: list[str] = []
    answer_next_dialog(label, seen)
    assert qt_prompter.ask_unsaved("plan.orgmodel.json") == answer
    title, text, info, buttons = seen[0].split("\n")
    assert title == "Ungespeicherte Änderungen"
    assert text == "„plan.orgmodel.json“ hat Änderungen, die noch nicht gespeichert sind."
    assert info == "Möchten Sie die Änderungen speichern?"
    assert set(buttons.split("|")) == {"Speichern", "Verwerfen", "Abbrechen"}


@pytest.mark.parametrize(("label", "answer"), [
    ("Unter neuem Namen speichern …", "save_as"), ("Neu laden", "reload"),
    ("Überschreiben", "overwrite"), ("Abbrechen", "cancel")])  # fmt: skip
def test_a_file_changed_elsewhere(qt_prompter: QtPrompter, tmp_path: Path, label: str,
                                  answer: str) -> None:  # fmt: skip
    path = tmp_path / "plan.orgmodel.json"
    seen: list[str] = []
    answer_next_dialog(label, seen)
    assert qt_prompter.ask_changed_on_disk("modified", path) == answer
    assert seen[0].startswith("Datei wurde verändert\n„plan.orgmodel.json“ wurde seit dem Öffnen "
                              "außerhalb dieses Fensters geändert")  # fmt: skip
    assert f"gehen Ihre ungespeicherten Änderungen verloren.\n\n{path}" in seen[0]


@pytest.mark.parametrize(("label", "answer"), [
    ("Unter neuem Namen speichern …", "save_as"), ("Wieder anlegen", "overwrite"),
    ("Abbrechen", "cancel")])  # fmt: skip
def test_a_file_deleted_elsewhere(qt_prompter: QtPrompter, tmp_path: Path, label: str,
                                  answer: str) -> None:  # fmt: skip
    path = tmp_path / "plan.orgmodel.json"
    seen: list[str] = []
    answer_next_dialog(label, seen)
    assert qt_prompter.ask_changed_on_disk("deleted", path) == answer
    assert "„plan.orgmodel.json“ ist nicht mehr da" in seen[0]
    assert "Neu laden" not in seen[0].split("\n")[-1]  # nothing to reload


@pytest.mark.parametrize(("label", "answer"), [("Neu laden", True), ("Abbrechen", False)])
def test_confirm_reload(qt_prompter: QtPrompter, label: str, answer: bool) -> None:
    seen: list[str] = []
    answer_next_dialog(label, seen)
    assert qt_prompter.confirm_reload("plan.orgmodel.json") is answer
    assert ("Ihre ungespeicherten Änderungen an „plan.orgmodel.json“ gehen beim Neuladen "
            "verloren.") in seen[0]  # fmt: skip


@pytest.mark.parametrize(("label", "answer"), [("Speichern unter …", True), ("Schließen", False)])
def test_save_failed(qt_prompter: QtPrompter, tmp_path: Path, label: str, answer: bool) -> None:
    from orgdesigner.fileformat import _save_error

    path = tmp_path / "plan.orgmodel.json"
    error = _save_error(PermissionError(errno.EACCES, "Permission denied"), path)
    assert isinstance(error, SaveError)
    seen: list[str] = []
    answer_next_dialog(label, seen)
    assert qt_prompter.ask_save_failed(path, error) is answer
    assert seen[0].startswith("Nicht gespeichert\n„plan.orgmodel.json“ konnte nicht gespeichert "
                              "werden. Ihre Änderungen sind noch da.")  # fmt: skip
    assert "Keine Schreibberechtigung" in seen[0]


def test_show_error(qt_prompter: QtPrompter) -> None:
    seen: list[str] = []
    answer_next_dialog("OK", seen)
    qt_prompter.show_error("Die Datei kann nicht geöffnet werden.", "kaputt")
    assert seen == ["OrgDesigner\nDie Datei kann nicht geöffnet werden.\nkaputt\nOK"]


def test_the_file_dialogs(qt_prompter: QtPrompter, tmp_path: Path, monkeypatch: Any) -> None:
    calls: list[tuple[Any, ...]] = []

    def dialog(answer: str) -> Any:
        return lambda *args: calls.append(args) or (answer, "")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog(str(tmp_path / "a.orgmodel.json")))
    assert qt_prompter.choose_open_file(str(tmp_path)) == tmp_path / "a.orgmodel.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog(""))
    assert qt_prompter.choose_save_file("Organisationsmodell") is None  # cancelled
    (parent, title, start, filters, _sel, _opt), (_p, title2, start2, filters2, _s, _o) = calls
    assert parent is qt_prompter.parent
    # the open dialog lists the model files of every name they had, the save dialog .orgmodel
    assert (title, start, filters) == (
        "Modell öffnen", str(tmp_path), "Organisationsmodelle (*.orgmodel *.orgmodel.json *.json)")
    assert (title2, start2, filters2) == (
        "Modell speichern unter", "Organisationsmodell", "Organisationsmodelle (*.orgmodel)")


def test_the_dialogs_speak_english_with_the_existing_translations(qt_prompter: QtPrompter) -> None:
    """The texts kept their translation context: the English .qm file still applies."""
    assert translations.install("en")
    try:
        seen: list[str] = []
        answer_next_dialog("Cancel", seen)
        assert qt_prompter.ask_unsaved("plan.orgmodel.json") == "cancel"
    finally:
        set_language("de")
        translations.install("de")
    assert "Unsaved changes" in seen[0] and "“plan.orgmodel.json”" in seen[0]
    assert "Ungespeichert" not in seen[0] and "Speichern" not in seen[0]
