"""The guided start in the window (Datei → „Geführter Start …“): the pages filled as a user
would, „Fertigstellen“ opens a new unsaved model without warnings; the coordination page
shows the guide's Vorzüge und Nachteile side by side; English with the UI language."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QWizard

from orgdesigner.catalog import catalog, guide
from orgdesigner.guided import parse_answers
from orgdesigner.i18n import set_language
from orgdesigner.rules import evaluate
from orgdesigner.ui import translations
from orgdesigner.ui.mainwindow import MainWindow
from orgdesigner.ui.wizard import GuidedWizard
from tests.core.test_guided import CASES
from tests.ui.conftest import RecordingPrompter, make_window
from tests.ui.test_language import leftovers, ui_texts


def fill(wizard: GuidedWizard, answers: dict[str, Any]) -> None:
    """Set the pages' widgets to ``answers``, page by page, as a user would click them."""
    m = wizard.municipality_page
    m.name.setText(answers["municipality"])
    m.kind.setCurrentIndex(m.kind.findData(answers["municipality_kind"]))
    m.population.setValue(answers["population"])
    m.scope[answers["scope"]].setChecked(True)
    if answers["scope"] == "regional":
        assert m.members.isEnabled()
        m.members.setValue(answers["member_municipalities"])
    else:
        assert not m.members.isEnabled()
    m.phase[answers["phase"]].setChecked(True)
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    for form, box in wizard.bodies_page.political.items():
        box.setChecked(form in answers["political"])
    for form, box in wizard.bodies_page.strategic.items():
        box.setChecked(form in answers["strategic"])
    wizard.next()
    wizard.coordination_page.options[answers["coordination"]].setChecked(True)
    wizard.next()
    impl = wizard.implementation_page
    for form, box in impl.forms.items():
        box.setChecked(form in answers["implementation"])
    if "digital_pilots" in answers["implementation"]:
        assert impl.pilot_type.isEnabled()
        impl.pilot_type.setCurrentIndex(impl.pilot_type.findData(answers["pilot_type"]))
    else:
        assert not impl.pilot_type.isEnabled()
    wizard.next()
    for form, box in wizard.advisory_page.forms.items():
        box.setChecked(form in answers["advisory"])
    wizard.next()
    assert wizard.currentPage() is wizard.summary_page


def open_wizard(window: MainWindow) -> GuidedWizard:
    window.action_map["guided"].trigger()
    wizard = window.guided_wizard
    assert wizard.isVisible() and wizard.isModal()
    return wizard


LISTS = ("political", "strategic", "implementation", "advisory")
WINDOW_CASES = ("mid-sized city with a Stabsstelle", "large city with Stabsstelle and agency",
                "small municipality, pilot phase, no coordination", "Amt with a matrix",
                "Landkreis as a smart region")  # fmt: skip


@pytest.mark.parametrize("name", WINDOW_CASES)
def test_finishing_opens_a_new_unsaved_model_with_the_chosen_forms_and_no_warnings(
    qtbot: Any, name: str
) -> None:
    expected = dict(CASES[name])
    if "digital_pilots" not in expected["implementation"]:
        expected["pilot_type"] = None  # the wizard asks for the type only with pilots
    window = make_window(qtbot, RecordingPrompter())
    wizard = open_wizard(window)
    fill(wizard, expected)
    answers = wizard.answers()
    # exactly the keys and values of ``new --guided`` (lists in the wizard's order)
    def ordered(a: dict[str, Any]) -> dict[str, Any]:
        return {k: sorted(v) if k in LISTS else v for k, v in a.items()}

    assert ordered(answers) == ordered(expected)
    parsed = parse_answers(answers)
    summary = wizard.summary_page.text.toPlainText()
    assert expected["municipality"] in summary
    wizard.button(QWizard.WizardButton.FinishButton).click()
    QApplication.processEvents()

    model = window.document.model
    assert window.document.path is None  # unsaved, a new document
    assert model.meta.municipality == expected["municipality"]
    assert (model.meta.population, model.meta.phase, model.meta.scope) == (
        parsed.population, parsed.phase, parsed.scope)
    forms = {n.form for n in model.nodes}
    chosen = set(parsed.political) | set(parsed.strategic) | set(parsed.implementation)
    chosen |= set(parsed.advisory) | (set(parsed.coordination.split("+")) - {"none"})
    assert chosen <= forms
    warnings = [f for f in evaluate(model) if f.severity == "warning"]
    assert warnings == [], [f.message_de for f in warnings]
    # the canvas shows every unit of the new model
    assert set(window.scene.nodes) == {n.id for n in model.nodes}
    for n in model.nodes:
        if n.label:
            assert n.label in summary  # the summary named what was created
    window.undo_stack.undo()  # nothing to undo: the model is the starting point
    assert window.document.model.nodes == model.nodes


def test_the_summary_says_what_was_added_and_why(qtbot: Any) -> None:
    answers = {**CASES["mid-sized city with a Stabsstelle"], "political": [], "strategic": []}
    wizard = GuidedWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    fill(wizard, answers)
    text = wizard.summary_page.text.toPlainText()
    assert "Der Rat ist ergänzt" in text
    assert "Die Verwaltungsspitze ist ergänzt" in text
    assert "Lenkungskreis" in text


def test_cancelling_creates_nothing(qtbot: Any) -> None:
    window = make_window(qtbot, RecordingPrompter())
    before = window.document.model
    wizard = open_wizard(window)
    fill(wizard, CASES["mid-sized city with a Stabsstelle"])
    wizard.button(QWizard.WizardButton.CancelButton).click()
    QApplication.processEvents()
    assert window.document.model is before
    assert window.undo_stack.count() == 0 and window.undo_stack.isClean()
    assert wizard.result_model() is None


def test_a_name_is_needed_before_going_on(qtbot: Any) -> None:
    wizard = GuidedWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.municipality_page.name.setText("Musterstadt")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_the_coordination_page_shows_the_guides_pros_and_cons_side_by_side(qtbot: Any) -> None:
    set_language("de")
    wizard = GuidedWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.coordination_page
    for key in ("staff_unit", "office", "outsourced_entity"):
        pc = guide().pros_cons[key]
        html = page.column_text[key].text()
        for bullet in (*pc.pros, *pc.cons):
            assert f"„{bullet.de}“" in html
        assert pc.citation.format() in html
        assert catalog().form(key).label.de in html
    none = guide().understandings.none
    assert none.summary_de in page.column_text["none"].text()
    # side by side: the columns share one row, left to right
    wizard.municipality_page.name.setText("Musterstadt")
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is page
    QApplication.processEvents()
    frames = [page.columns[k] for k in ("staff_unit", "office", "outsourced_entity", "none")]
    tops = {f.geometry().top() for f in frames}
    assert len(tops) == 1
    lefts = [f.geometry().left() for f in frames]
    assert lefts == sorted(lefts) and len(set(lefts)) == 4
    # the chosen option's column is highlighted, both for the combination
    assert page.highlighted() == ("staff_unit",)
    page.options["office"].setChecked(True)
    assert page.highlighted() == ("office",)
    page.options["staff_unit+outsourced_entity"].setChecked(True)
    assert page.highlighted() == ("staff_unit", "outsourced_entity")
    page.options["none"].setChecked(True)
    assert page.highlighted() == ("none",)


@pytest.fixture
def english() -> Any:
    set_language("en")
    assert translations.install("en")
    yield
    set_language("de")
    translations.install("de")


def test_the_wizard_speaks_english_with_the_ui_language(qtbot: Any, english: None) -> None:
    wizard = GuidedWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    fill(wizard, CASES["large city with Stabsstelle and agency"])
    assert wizard.windowTitle() == "Guided start"
    assert [p.title() for p in (wizard.municipality_page, wizard.bodies_page, wizard.coordination_page,
                                wizard.implementation_page, wizard.advisory_page,
                                wizard.summary_page)] == [
        "Municipality", "Politics and top", "Coordination", "Implementation", "Advisory boards",
        "Summary"]  # fmt: skip
    pc = guide().pros_cons["staff_unit"]
    assert f"“{pc.cons[0].en}”" in wizard.coordination_page.column_text["staff_unit"].text()
    assert wizard.implementation_page.forms["matrix_team"].text() == catalog().form("matrix_team").label.en
    assert "Smart city" in wizard.summary_page.text.toPlainText()
    bad = [f"{where}: {text!r}" for where, text in ui_texts(wizard) if text and leftovers(text, "en")]
    assert bad == []
    assert wizard.build().model.nodes[0].label == "City council"
