"""The dock „Leitfragen“: the guide's reflection questions with the officer's answers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from orgdesigner import fileformat
from orgdesigner.catalog import guide
from orgdesigner.ui.mainwindow import MainWindow
from orgdesigner.ui.questions import QuestionsPanel, answered, question_ids
from tests.ui.conftest import RecordingPrompter, make_window


def panel(window: MainWindow) -> QuestionsPanel:
    return window.questions_panel


def test_the_ten_botschaften_and_their_41_questions(window: MainWindow) -> None:
    p = panel(window)
    assert p.combo.count() == 10
    assert len(question_ids()) == 41 == p.total
    assert p.progress_text() == "0 von 41 beantwortet"
    assert p.combo.itemText(3) == "4 – Digitallotsinnen und -lotsen als Multiplikatoren einsetzen (0/4)"
    p.show_botschaft(4)
    page = p.pages[3]
    assert list(page.rows) == ["B4.Q1", "B4.Q2", "B4.Q3", "B4.Q4"]
    assert guide().botschaften[3].questions[1].de in page.rows["B4.Q2"].label.text()


def test_typing_an_answer_stores_it_in_the_model_as_one_undo_step(window: MainWindow,
                                                                 qtbot: Any) -> None:  # fmt: skip
    p = panel(window)
    p.show_botschaft(4)
    edit = p.answer_edit("B4.Q2")
    edit.setFocus()
    qtbot.keyClicks(edit, "Freiwillige aus den Fachbereichen")  # QTest types ASCII only
    model = window.document.model
    assert model.reflection == {"B4.Q2": "Freiwillige aus den Fachbereichen"}
    assert window.undo_stack.count() == 1  # typed letter by letter, one step
    assert window.undo_stack.undoText() == "Antwort auf Leitfrage ändern"
    assert p.progress_text() == "1 von 41 beantwortet"
    assert p.combo.itemText(3).endswith("(1/4)")
    assert "✓" in p.pages[3].rows["B4.Q2"].label.text()
    # another question is another step
    other = p.answer_edit("B4.Q3")
    qtbot.keyClicks(other, "Digitalakademie")
    assert window.undo_stack.count() == 2
    # undo and redo, and the fields follow
    window.undo_stack.undo()
    assert "B4.Q3" not in window.document.model.reflection and other.toPlainText() == ""
    window.undo_stack.undo()
    assert window.document.model.reflection == {} and edit.toPlainText() == ""
    assert p.progress_text() == "0 von 41 beantwortet"
    window.undo_stack.redo()
    assert edit.toPlainText() == "Freiwillige aus den Fachbereichen"
    assert p.progress_text() == "1 von 41 beantwortet"


def test_clearing_an_answer_removes_it_and_blank_answers_do_not_count(window: MainWindow,
                                                                     qtbot: Any) -> None:  # fmt: skip
    p = panel(window)
    edit = p.answer_edit("B1.Q1")
    qtbot.keyClicks(edit, "ab")
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    assert window.document.model.reflection == {}
    assert window.undo_stack.count() == 0  # typed and deleted again: nothing to undo
    qtbot.keyClicks(edit, "   ")
    assert answered(window.document.model) == 0
    assert p.progress_text() == "0 von 41 beantwortet"


def test_answers_survive_saving_and_loading(window: MainWindow, qtbot: Any, tmp_path: Path,
                                           prompter: RecordingPrompter) -> None:  # fmt: skip
    p = panel(window)
    p.answer_edit("B9.Q1").insertPlainText("Die Projektleiterin und der OB")
    p.answer_edit("B2.Q3").insertPlainText("Smarte halbe Stunde für alle\nmit dem Verwaltungsvorstand")
    path = tmp_path / "antworten.orgmodel.json"
    assert window.session.save() if window.document.path else window.session.save_to(path)
    assert fileformat.load(path).reflection == {
        "B9.Q1": "Die Projektleiterin und der OB",
        "B2.Q3": "Smarte halbe Stunde für alle\nmit dem Verwaltungsvorstand",
    }
    # a save ends the merging: typing on is a new undo step
    count = window.undo_stack.count()
    p.answer_edit("B9.Q1").insertPlainText(" (Stellvertretung: Amt 10)")
    assert window.undo_stack.count() == count + 1
    window.undo_stack.undo()
    window.undo_stack.setClean()
    other = make_window(qtbot, prompter, fileformat.load(path))
    q = panel(other)
    assert q.progress_text() == "2 von 41 beantwortet"
    assert q.answer_edit("B2.Q3").toPlainText() == "Smarte halbe Stunde für alle\nmit dem Verwaltungsvorstand"
    assert q.answer_edit("B9.Q1").toPlainText() == "Die Projektleiterin und der OB"


def test_a_new_model_empties_the_fields(window: MainWindow, qtbot: Any) -> None:
    p = panel(window)
    qtbot.keyClicks(p.answer_edit("B5.Q1"), "Mobilitaet")
    window.undo_stack.setClean()
    window.session.new_document()
    assert p.answer_edit("B5.Q1").toPlainText() == ""
    assert p.progress_text() == "0 von 41 beantwortet"


def test_navigation_between_botschaften(window: MainWindow) -> None:
    p = panel(window)
    p.combo.setCurrentIndex(0)
    assert not p.previous.isEnabled()
    p.next.click()
    assert p.combo.currentIndex() == 1
    p.combo.setCurrentIndex(9)
    assert not p.next.isEnabled()
    assert p.stack.currentWidget() is p.pages[9]


def test_the_answer_field_grows_with_its_text(window: MainWindow, qtbot: Any) -> None:
    p = panel(window)
    p.show_botschaft(1)
    edit = p.answer_edit("B1.Q2")
    small = edit.height()
    edit.insertPlainText("\n".join(["Zeile"] * 6))
    edit.fit_height()
    assert edit.height() > small
