"""Screen readers and dark palettes: names and descriptions are set, in both languages,
and text stays readable (contrast at least 4.5)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel

from orgdesigner import style
from orgdesigner.catalog import catalog
from orgdesigner.i18n import set_language
from orgdesigner.ui import translations
from orgdesigner.ui.accessibility import contrast, node_description, readable
from orgdesigner.ui.mainwindow import MainWindow
from tests.ui.conftest import small_model
from tests.ui.test_language import leftovers


@pytest.fixture(params=["de", "en"])
def lang(request: pytest.FixtureRequest) -> Iterator[str]:
    set_language(request.param)
    translations.install(request.param)
    yield request.param
    set_language("de")
    translations.install("de")


@pytest.fixture
def window(qtbot: Any, lang: str) -> Iterator[MainWindow]:
    w = MainWindow(small_model())
    qtbot.addWidget(w)
    w.show()
    QApplication.processEvents()
    yield w
    w.undo_stack.setClean()


def _check(text: str, lang: str, what: str) -> None:
    assert text.strip(), f"{what}: empty"
    assert not leftovers(text, lang), f"{what}: {text!r} is not {lang}"


def test_docks_have_names_and_descriptions(window: MainWindow, lang: str) -> None:
    docks = window.findChildren(QDockWidget)
    assert len(docks) == 8  # with „Aufgaben“ and „Vergleich“ (shown while comparing)
    for dock in docks:
        _check(dock.accessibleName(), lang, dock.objectName())
        _check(dock.accessibleDescription(), lang, dock.objectName())
        assert dock.widget() is not None
        _check(dock.widget().accessibleName(), lang, f"{dock.objectName()} widget")
    _check(window.view.accessibleName(), lang, "canvas")


def test_palette_entries_are_named_and_described(window: MainWindow, lang: str) -> None:
    palette = window.form_palette
    _check(palette.search.accessibleName(), lang, "search")
    _check(palette.tree.accessibleName(), lang, "tree")
    for form, item in palette.items.items():
        name = item.data(0, Qt.ItemDataRole.AccessibleTextRole)
        assert name and item.text(0) in name, form
        assert item.data(0, Qt.ItemDataRole.AccessibleDescriptionRole), form
    staff = palette.items["staff_unit"].data(0, Qt.ItemDataRole.AccessibleTextRole)
    assert catalog().level("coordination").label.get() in staff


def test_inspector_fields_are_named_after_their_labels(window: MainWindow, lang: str) -> None:
    for node_ids, edge_ids in ((["stab"], []), ([], ["e1"]), ([], [])):
        window.inspector.show_selection(node_ids, edge_ids)
        fields = [w for w in window.inspector.findChildren(QLabel.__mro__[1])
                  if w.objectName().startswith("field_")]  # fmt: skip
        assert fields
        for field in fields:
            _check(field.accessibleName(), lang, field.objectName())


def test_rule_entries_say_their_severity(window: MainWindow, lang: str, qtbot: Any) -> None:
    panel = window.rule_panel
    qtbot.waitUntil(lambda: window.evaluator.latest is not None, timeout=5000)
    QApplication.processEvents()
    model = panel.findings_model
    names = []
    for r in range(model.rowCount()):
        group = model.index(r, 0)
        for c in range(model.rowCount(group)):
            names.append(model.index(c, 0, group).data(Qt.ItemDataRole.AccessibleTextRole))
    names = [n for n in names if n]
    assert names, "the example has findings"
    severity = {"de": ("Warnung", "Hinweis", "Information"),
                "en": ("Warning", "Hint", "Information")}[lang]  # fmt: skip
    assert all(n.startswith(severity) for n in names), names


def test_the_canvas_describes_the_selected_unit(window: MainWindow, lang: str,
                                                qtbot: Any) -> None:  # fmt: skip
    qtbot.waitUntil(lambda: window.evaluator.latest is not None, timeout=5000)
    window.scene.select_ids(["stab"])
    text = window.view.accessibleDescription()
    node = window.document.model.node("stab")
    assert text == node_description(window, "stab")
    assert node.label in text
    assert catalog().level(node.level).label.get() in text
    assert node.form is not None and catalog().form(node.form).label.get() in text
    assert ("Befund" if lang == "de" else "finding") in text
    _check(text.replace(node.label, ""), lang, "canvas description")
    window.scene.select_ids(["e1"])
    described = window.view.accessibleDescription()
    for n in window.document.model.nodes:  # the units' names are the user's words
        described = described.replace(n.label, "")
    _check(described, lang, "relation description")
    window.scene.clearSelection()
    _check(window.view.accessibleDescription(), lang, "empty selection")


def test_level_colours_keep_dark_text_readable() -> None:
    """Units are light tints with dark text on every palette (the canvas stays light)."""
    for level, ls in style.LEVEL_STYLES.items():
        assert contrast(style.TEXT, ls.fill) >= 4.5, level
        assert contrast(style.MUTED_TEXT, ls.fill) >= 4.5, level
        assert contrast(ls.border, ls.band) >= 4.5, level  # palette group headings


def test_a_dark_palette_keeps_panel_text_readable(qtbot: Any) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    old = QGuiApplication.palette()
    dark = QPalette(old)
    for role, colour in ((QPalette.ColorRole.Window, "#202124"), (QPalette.ColorRole.Base, "#1b1b1b"),
                         (QPalette.ColorRole.WindowText, "#f0f0f0"),
                         (QPalette.ColorRole.Text, "#f0f0f0")):  # fmt: skip
        dark.setColor(role, QColor(colour))
    app.setPalette(dark)
    try:
        for colour in (style.MUTED_TEXT, style.ACCEPTED, style.TEXT, style.SELECTION):
            assert contrast(readable(colour), "#1b1b1b") >= 4.5, colour
        set_language("de")
        window = MainWindow(small_model())
        qtbot.addWidget(window)
        window.show()
        QApplication.processEvents()
        for label in window.findChildren(QLabel):
            sheet = label.styleSheet()
            if "color:" in sheet and "background" not in sheet:
                colour = sheet.split("color:")[1].split(";")[0].split("}")[0].strip()
                assert contrast(colour, "#1b1b1b") >= 4.5, (label.objectName(), colour)
        window.undo_stack.setClean()
    finally:
        app.setPalette(old)


def test_focus_is_visible_on_the_canvas(window: MainWindow) -> None:
    assert window.view.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert ":focus" in window.view.styleSheet()
