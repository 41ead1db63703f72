"""The dock „Hinweise“: what the guide says about the selected unit, relation or level."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPointF, QUrl

from orgdesigner import style
from orgdesigner.catalog import FORM_IDS, FORM_LEVEL, catalog, guide
from orgdesigner.commands import AddNode, SetReflectionAnswer
from orgdesigner.i18n import set_language
from orgdesigner.model import Node
from orgdesigner.ui.hints import HintsPanel, botschaften_for
from orgdesigner.ui.mainwindow import MainWindow
from tests.ui.conftest import click


@pytest.fixture(autouse=True)
def _german() -> Iterator[None]:
    set_language("de")
    yield
    set_language("de")


def hints(window: MainWindow) -> HintsPanel:
    return window.hints_panel


def test_nothing_selected_explains_the_dock(window: MainWindow) -> None:
    text = hints(window).text()
    assert "Hinweise der Arbeitshilfe" in text
    assert "klicken Sie links auf den Namen einer Ebene" in text


def test_a_staff_unit_shows_every_bullet_of_table_2(window: MainWindow) -> None:
    window.scene.select_ids(["stab"])
    text = hints(window).text()
    table = guide().pros_cons["staff_unit"]
    assert table.table == 2
    assert "Vorzüge und Nachteile – Tabelle 2" in text
    assert "Zitiert aus Tabelle 2: Koordinierung durch Stabsstelle" in text
    for bullet in (*table.pros, *table.cons):
        assert f"„{bullet.de}“" in text, bullet.de  # quoted, each one
    assert catalog().form("staff_unit").description.de in text
    # the typical tasks and actors of the coordination level (Tabelle 1), quoted
    row = guide().levels["coordination"]
    assert "Koordinationsebene – Tabelle 1 (Stadt)" in text
    assert f"Typische Aufgaben: „{row.tasks_de}“" in text
    assert f"Typische Akteure: „{row.actors_de}“" in text
    # the Botschaften that concern it, with the answered questions
    assert "Botschaft 3: Smart City breit in den Fachverwaltungen verankern" in text
    assert "Botschaft 5:" in text and "0 von 4 Leitfragen beantwortet" in text


def test_a_regional_coordination_unit_shows_the_region_row(window: MainWindow) -> None:
    window.controller.set_node_properties(["stab"], {"scope": "regional"})
    window.scene.select_ids(["stab"])
    text = hints(window).text()
    assert "Koordinationsebene – Tabelle 1 (Region)" in text
    assert guide().coordination_regional.tasks_de in text


def test_a_form_without_a_table_shows_the_summary_marked_as_such(window: MainWindow) -> None:
    window.scene.select_ids(["rat"])
    text = hints(window).text()
    ch = guide().characterisations["council"]
    assert "Zusammenfassung" in text
    assert "Zusammenfassung der Arbeitshilfe in eigenen Worten, kein Zitat – Kap. 4.1, S. 19" in text
    assert ch.summary_de in text
    assert "Tabelle 2" not in text
    assert "Politische Ebene – Tabelle 1" in text


def test_digital_pilots_show_the_three_role_types(window: MainWindow) -> None:
    node = Node(id="lotsen", level="implementation", form="digital_pilots", label="Lotsennetz",
                x=660, y=388, pilot_type="volunteer")  # fmt: skip
    assert window.controller.push(AddNode(node))
    window.scene.select_ids(["lotsen"])
    text = hints(window).text()
    roles = guide().pilot_roles
    for role in (roles.volunteer, roles.qualified_volunteer, roles.full_time):
        assert role.label_de in text
    assert f"{roles.volunteer.label_de} ◀ so im Modell" in text
    assert "Botschaft 4: Digitallotsinnen und -lotsen als Multiplikatoren einsetzen" in text


def test_selecting_the_coordination_band_shows_its_table_1_row(window: MainWindow) -> None:
    band = window.scene.band_geometry()["coordination"]
    click(window, QPointF(style.BAND_LABEL_WIDTH / 2, band.top + 20))
    text = hints(window).text()
    lv = catalog().level("coordination")
    row = guide().levels["coordination"]
    assert text.startswith(lv.label.de)
    assert "Zitiert aus Kap. 3, Tabelle 1, S. 13 ff." in text
    for value in (row.tasks_de, row.actors_de, row.names_de):
        assert f"„{value}“" in text
    assert "Koordinationsebene – Tabelle 1 (Region)" in text  # Stadt or Region (Tabelle 1)
    assert guide().coordination_regional.names_de in text
    # the inspector shows the level too (the same signal)
    assert window.inspector.level == "coordination"


def test_a_relation_shows_what_its_type_means(window: MainWindow) -> None:
    window.scene.select_ids(["e2"])
    text = hints(window).text()
    rel = catalog().relation("reports_to")
    assert text.startswith(rel.label.de)
    assert "Stabsstelle Smart City → Oberbürgermeisterin" in text
    assert rel.description.de in text and rel.citation.format("de") in text
    assert "Typische Richtung: untere Ebene → höhere Ebene" in text


def test_a_unit_with_a_relation_shows_the_unit_several_units_a_note(window: MainWindow) -> None:
    window.scene.select_ids(["stab", "e2"])  # as clicking a finding selects them
    assert hints(window).text().startswith("Stabsstelle Smart City")
    window.scene.select_ids(["stab", "pg1"])
    assert "2 Elemente ausgewählt" in hints(window).text()
    window.scene.clearSelection()
    assert "Hinweise der Arbeitshilfe" in hints(window).text()


def test_findings_on_the_unit_are_listed(window: MainWindow, qtbot: Any) -> None:
    window.scene.select_ids(["stab"])
    qtbot.waitUntil(lambda: "Prüfung" in hints(window).text(), timeout=2000)
    text = hints(window).text()
    assert "Warnung: Keine Leitung der Koordination" in text
    assert "Information: Organisationsverständnis der Koordination" in text


def test_findings_on_the_unit_name_rules_by_title_never_by_id(
    window: MainWindow, qtbot: Any
) -> None:
    from orgdesigner.commands import SetRuleSuppressed
    from orgdesigner.rules import REGISTRY

    window.controller.push(SetRuleSuppressed("no-coordination-lead", "Wird im Mai besetzt"))
    window.scene.select_ids(["stab"])
    qtbot.waitUntil(lambda: "bewusst angenommen – Keine Leitung der Koordination"
                    in hints(window).text(), timeout=2000)  # fmt: skip
    text = hints(window).text()
    assert "Organisationsverständnis der Koordination" in text
    assert not [rule_id for rule_id in REGISTRY if rule_id in text]


def test_the_hints_follow_edits_and_answers(window: MainWindow, qtbot: Any) -> None:
    window.scene.select_ids(["stab"])
    window.controller.set_node_properties(["stab"], {"form": "office"})
    text = hints(window).text()
    assert "Vorzüge und Nachteile – Tabelle 3" in text
    window.controller.push(SetReflectionAnswer("B3.Q1", "Mit dem Tiefbauamt"))
    qtbot.waitUntil(lambda: "1 von 4 Leitfragen beantwortet" in hints(window).text(), timeout=2000)
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert "Vorzüge und Nachteile – Tabelle 2" in hints(window).text()


def test_a_botschaft_link_opens_its_questions(window: MainWindow, qtbot: Any) -> None:
    window.questions_dock.hide()
    hints(window).browser.anchorClicked.emit(QUrl("botschaft:8"))
    assert window.questions_dock.isVisible()
    assert window.questions_panel.combo.currentIndex() == 7


@pytest.mark.parametrize("form", FORM_IDS)
def test_every_form_has_hints_and_botschaften(window: MainWindow, form: str) -> None:
    node = Node(id="x", level=FORM_LEVEL[form], form=form, label="Neu")  # type: ignore[arg-type]
    numbers = [b.number for b in botschaften_for(node)]
    assert numbers and numbers == sorted(set(numbers))
    assert set(catalog().form(form).botschaften.numbers) <= set(numbers)
    # the Botschaften the form's own citation names are among them
    assert set(catalog().form(form).citation.botschaften) <= set(numbers)
    html = hints(window)._node_html(node)
    if form in guide().pros_cons:
        assert f"Vorzüge und Nachteile – Tabelle {guide().pros_cons[form].table}" in html  # type: ignore[index]
    else:
        assert "Zusammenfassung der Arbeitshilfe in eigenen Worten, kein Zitat" in html
    assert "Botschaften der Arbeitshilfe" in html


def test_english_guide_text_when_the_program_is_english(window: MainWindow) -> None:
    set_language("en")
    window.scene.select_ids(["stab"])
    text = hints(window).text()
    table = guide().pros_cons["staff_unit"]
    for bullet in (*table.pros, *table.cons):
        assert f"“{bullet.en}”" in text
    assert guide().levels["coordination"].tasks_en in text
