"""Without a file the program shows the example – marked as one, whole, never saved over."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from orgdesigner import fileformat
from orgdesigner.i18n import set_language
from orgdesigner.templates import TEMPLATES, example_model
from orgdesigner.ui.mainwindow import MainWindow
from tests.ui.conftest import RecordingPrompter


def _example_window(qtbot: Any, prompter: RecordingPrompter) -> MainWindow:
    set_language("de")
    window = MainWindow(example_model(), prompter=prompter)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.mark_example()  # what the program does when it starts without a file
    qtbot.waitExposed(window)
    QApplication.processEvents()
    return window


def test_the_example_is_marked_in_the_title_and_an_info_bar(qtbot: Any,
                                                             prompter: RecordingPrompter) -> None:  # fmt: skip
    window = _example_window(qtbot, prompter)
    assert window.windowTitle().startswith(f"Beispiel: {TEMPLATES[0].title('de')}")
    assert "Unbenannt" not in window.windowTitle()
    bar = window.info_bar
    assert bar.isVisible() and bar.kind == "example"
    assert "Beispiel" in bar.label.text()
    assert set(bar.buttons) == {"example_new", "example_template", "example_open", "dismiss"}
    assert bar.buttons["example_template"].menu() is window.template_menu
    assert window.is_example()


def test_the_example_is_fitted_to_the_window(qtbot: Any, prompter: RecordingPrompter) -> None:
    window = _example_window(qtbot, prompter)
    view = window.view
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    for item in window.scene.nodes.values():
        assert visible.contains(item.sceneBoundingRect()), item.node.label
    window.resize(1000, 640)  # the window is made smaller: the example still fits
    QApplication.processEvents()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert all(visible.contains(i.sceneBoundingRect()) for i in window.scene.nodes.values())
    fitted = view.zoom()
    view.zoom_in()  # once the user zooms, the view stays as they chose
    chosen = view.zoom()
    assert chosen > fitted
    window.resize(1366, 768)
    QApplication.processEvents()
    assert abs(view.zoom() - chosen) < 1e-6


def test_saving_the_example_asks_for_a_new_file(qtbot: Any, prompter: RecordingPrompter,
                                                tmp_path: Path) -> None:  # fmt: skip
    window = _example_window(qtbot, prompter)
    target = tmp_path / "unser-modell.orgmodel.json"
    prompter.save_path = target
    window.action_map["save"].trigger()
    assert prompter.questions("choose_save_file"), "Save on the example asks for a file name"
    assert fileformat.load(target).nodes == window.document.model.nodes
    assert window.windowTitle().startswith("unser-modell.orgmodel.json")
    assert not window.info_bar.isVisible() and not window.is_example()


def test_cancelling_the_save_dialog_writes_nothing(qtbot: Any, prompter: RecordingPrompter,
                                                   tmp_path: Path) -> None:  # fmt: skip
    window = _example_window(qtbot, prompter)
    prompter.save_path = None
    window.action_map["save"].trigger()
    assert prompter.questions("choose_save_file")
    assert window.is_example() and window.info_bar.isVisible()  # still the marked example


def test_neu_in_the_info_bar_starts_an_empty_model(qtbot: Any, prompter: RecordingPrompter) -> None:
    window = _example_window(qtbot, prompter)
    window.controller.rename_node(window.document.model.nodes[0].id, "Geändert")
    prompter.unsaved = "discard"
    window.info_bar.buttons["example_new"].click()
    assert prompter.questions("ask_unsaved")[0][0].startswith("Beispiel: ")  # named as such
    assert window.document.model.nodes == []
    assert window.windowTitle().startswith("Unbenannt")
    assert not window.info_bar.isVisible() and not window.is_example()


def test_oeffnen_cancelled_keeps_the_note(qtbot: Any, prompter: RecordingPrompter,
                                          tmp_path: Path) -> None:  # fmt: skip
    window = _example_window(qtbot, prompter)
    prompter.open_path = None
    window.info_bar.buttons["example_open"].click()
    assert prompter.questions("choose_open_file")
    assert window.info_bar.isVisible() and window.is_example()
    path = tmp_path / "plan.orgmodel.json"
    fileformat.save(example_model(), path)
    prompter.open_path = path
    window.info_bar.buttons["example_open"].click()
    assert window.document.path == path and not window.info_bar.isVisible()
    assert window.windowTitle().startswith("plan.orgmodel.json")
