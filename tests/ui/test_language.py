"""German and English: the translation files are current, and no string stays behind.

The walk collects every text a user or a screen reader meets in the main window and its
dialogs (window titles, menu and action texts, tooltips, dock titles, labels, buttons,
placeholders, headers, accessible names) and looks for words of the other language.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSizeF
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTreeWidget,
    QWidget,
)

from orgdesigner import templates
from orgdesigner.i18n import set_language
from orgdesigner.model import OrgModel
from orgdesigner.recovery import Draft
from orgdesigner.ui import translations
from orgdesigner.ui.app import RecoveryDialog
from orgdesigner.ui.exportdialog import ExportDialog
from orgdesigner.ui.imageexport import ImageExportDialog
from orgdesigner.ui.keyboard import ShortcutsDialog
from orgdesigner.ui.mainwindow import MainWindow
from orgdesigner.ui.reasondialog import ReasonDialog
from orgdesigner.ui.settings import Settings
from tests.ui.conftest import RecordingPrompter, make_window

# words that give German away, and words that give English away (whole words, any case)
GERMAN = {
    "und", "oder", "der", "die", "das", "nicht", "mit", "für", "von", "nach", "ein", "eine",
    "einheit", "einheiten", "ebene", "beziehung", "speichern", "datei", "öffnen", "prüfung",
    "hinweis", "hinweise", "warnung", "abbrechen", "schließen", "bearbeiten", "ansicht",
    "hilfe", "sprache", "suchen", "einfügen", "löschen", "seite", "seiten", "modell",
    "zeichenfläche", "eigenschaften", "verlauf", "leitfragen", "auswahl", "befunde",
    "organisationsformen", "organisationsform", "einstellungen", "bild", "drucken",
}  # fmt: skip
ENGLISH = {
    "the", "and", "or", "of", "with", "for", "from", "to", "not", "unit", "units", "level",
    "relation", "save", "file", "open", "check", "cancel", "close", "edit", "view", "help",
    "language", "search", "insert", "delete", "page", "pages", "model", "canvas",
    "properties", "history", "selection", "findings", "image", "print", "settings", "hint",
}  # fmt: skip
UMLAUT = re.compile("[äöüÄÖÜß]")
ALLOWED = {
    "Deutsch",  # the language menu names each language in itself
    "English",
    "OrgDesigner",
    "BBSR",
    "PDF/A-2b",
    "Esc",
}
"""Proper names that are the same (or deliberately untranslated) in both languages."""


def _clean(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text)  # rich text
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    for name in ALLOWED:
        text = text.replace(name, " ")
    return text


def leftovers(text: str, lang: str) -> list[str]:
    """Words of the other language in ``text`` (which should be in ``lang``)."""
    clean = _clean(text)
    words = {w.casefold() for w in re.findall(r"[\wäöüÄÖÜß]+", clean)}
    if lang == "en":
        found = sorted(words & GERMAN)
        if UMLAUT.search(clean):
            found.append("umlaut")
        return found
    return sorted(words & ENGLISH)


def _action_texts(action: QAction, where: str) -> Iterator[tuple[str, str]]:
    for kind, text in (("text", action.text()), ("tooltip", action.toolTip()),
                       ("status tip", action.statusTip())):  # fmt: skip
        if text:
            yield f"{where} action {action.objectName() or action.text()!r} {kind}", text
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield from _menu_texts(menu, where)


def _menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    yield f"{where} menu", menu.title()
    for action in menu.actions():
        yield from _action_texts(action, f"{where} > {menu.title()}")


def ui_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """``(where, text)`` for everything a user reads in ``root`` and its children."""
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        name = f"{type(w).__name__} {w.objectName()!r}"
        if w.isWindow():
            yield f"{name} window title", w.windowTitle().replace("[*]", "")
        for kind, text in (("tooltip", w.toolTip()), ("status tip", w.statusTip()),
                           ("accessible name", w.accessibleName()),
                           ("accessible description", w.accessibleDescription())):  # fmt: skip
            if text:
                yield f"{name} {kind}", text
        if isinstance(w, QLabel | QAbstractButton):
            yield f"{name} text", w.text()
        elif isinstance(w, QDockWidget):
            yield f"{name} title", w.windowTitle()
        elif isinstance(w, QGroupBox):
            yield f"{name} title", w.title()
        elif isinstance(w, QLineEdit | QPlainTextEdit):
            yield f"{name} placeholder", w.placeholderText()
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                yield f"{name} item {i}", w.itemText(i)
        elif isinstance(w, QTreeWidget):
            header = w.headerItem()
            if header is not None and not w.isHeaderHidden():
                for c in range(header.columnCount()):
                    yield f"{name} header {c}", header.text(c)
        if isinstance(w, QMenu):
            yield from _menu_texts(w, name)
        for action in w.actions():
            yield from _action_texts(action, name)


def _walk_findings(root: QWidget, lang: str) -> list[str]:
    return [f"{where}: {text!r} ({', '.join(bad)})" for where, text in ui_texts(root)
            if text and (bad := leftovers(text, lang))]  # fmt: skip


@pytest.fixture
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    lang = request.param
    set_language(lang)
    assert translations.install(lang)
    yield lang
    set_language("de")
    translations.install("de")


def _dialogs(window: MainWindow, tmp_path: Path) -> list[QWidget]:
    draft = Draft(key="k", original=tmp_path / "plan.orgmodel.json", title="Plan",
                  saved_at=dt.datetime.now().astimezone(), units=3,
                  path=tmp_path / "d.json")  # fmt: skip
    return [
        ExportDialog(window.document.model, window),
        ImageExportDialog(QSizeF(800, 600), window),
        ShortcutsDialog(list(window.action_map.values()), window),
        ReasonDialog("Regel", "", window),
        RecoveryDialog([draft], window),
    ]


@pytest.mark.parametrize("language", ["en", "de"], indirect=True)
def test_no_string_of_the_other_language_is_left(qtbot: Any, language: str,
                                                  tmp_path: Path) -> None:  # fmt: skip
    window = MainWindow(OrgModel())
    qtbot.addWidget(window)
    window.show()
    QApplication.processEvents()
    for menu in window.menuBar().findChildren(QMenu):
        menu.aboutToShow.emit()  # fill menus filled on demand ("Zuletzt geöffnet")
    assert len(list(ui_texts(window))) > 150  # the walk reaches menus, docks and panels
    found = _walk_findings(window, language)
    # the context menu of a selection, and the dialogs
    node = window.controller.drop_form("staff_unit", window.view.mapToScene(0, 0))
    assert node is not None
    found += _walk_findings(window.build_context_menu(window.view.mapToScene(0, 0)), language)
    for dialog in _dialogs(window, tmp_path):
        qtbot.addWidget(dialog)
        found += _walk_findings(dialog, language)
    window.undo_stack.setClean()
    assert not found, "\n".join(found)


def test_the_walk_finds_a_german_leftover(qtbot: Any) -> None:
    """The check itself: a German string in an English window is caught."""
    set_language("en")
    try:
        label = QLabel("Speichern unter …")
        qtbot.addWidget(label)
        assert _walk_findings(label, "en")
        assert not _walk_findings(QLabel("Save as …"), "en")
        assert _walk_findings(QLabel("Save as …"), "de")
    finally:
        set_language("de")


def test_translation_files_are_current() -> None:
    """Every string in the code is in the .ts file and translated, and the .qm is built
    from the .ts file as it is (``python -m orgdesigner.ui.translations --update``)."""
    assert translations.problems() == []


def test_translation_tools_come_from_the_running_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``.venv/bin/python -m pytest`` does not put ``.venv/bin`` on PATH: the tools of the
    interpreter's own environment are found anyway, and no other Qt's tools before them."""
    import sys
    import sysconfig

    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    found = Path(translations._tool("lupdate"))
    assert found.parent in {Path(sysconfig.get_path("scripts")), Path(sys.executable).parent}
    assert translations.problems() == []


def test_english_is_loaded_and_german_is_the_source(qtbot: Any) -> None:
    translate = QCoreApplication.translate
    try:
        assert translations.install("en")
        assert translate("MainWindow", "&Datei") == "&File"
        assert translate("Accessibility", "Zeichenfläche") == "Canvas"
        translations.install("de")
        assert translate("MainWindow", "&Datei") == "&Datei"
    finally:
        translations.install("de")


def test_catalog_and_rule_texts_follow_the_core_language() -> None:
    from orgdesigner.catalog import catalog
    from orgdesigner.rules import all_rules

    rule = next(iter(all_rules().values()))
    try:
        set_language("en")
        english = (catalog().level("political").label.get(), rule.title())
        set_language("de")
        german = (catalog().level("political").label.get(), rule.title())
    finally:
        set_language("de")
    assert english != german
    assert not leftovers(" ".join(english), "en")


def test_language_setting_is_stored_and_shown_after_restart(qtbot: Any) -> None:
    window = MainWindow(OrgModel())
    qtbot.addWidget(window)
    assert Settings().language() is None
    assert window.action_map["language_system"].isChecked()
    window.action_map["language_en"].trigger()
    assert Settings().language() == "en"
    assert window.action_map["language_en"].isChecked()
    window.action_map["language_system"].trigger()
    assert Settings().language() is None
    translations.switch("de")


def test_start_up_picks_the_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """--lang beats the setting, the setting beats the system locale; German by default."""
    from orgdesigner.ui.app import startup_language

    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    assert startup_language(None, Settings()) == "de"
    Settings().set_language("en")
    assert startup_language(None, Settings()) == "en"
    assert startup_language("de", Settings()) == "de"
    Settings().set_language(None)
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert startup_language(None, Settings()) == "en"
    monkeypatch.setenv("LC_ALL", "fr_FR.UTF-8")
    assert startup_language(None, Settings()) == "de"


def test_templates_have_english_titles() -> None:
    try:
        set_language("en")
        titles = [t.title() for t in templates.available().values()]
    finally:
        set_language("de")
    assert titles and all(not leftovers(t, "en") for t in titles)


@pytest.fixture
def back_to_german() -> Iterator[None]:
    yield
    translations.switch("de")


def _palette_texts(window: MainWindow) -> list[tuple[str, str]]:
    tree = window.form_palette.tree
    out = []
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        assert group is not None
        out.append(("palette level", group.text(0)))
        for j in range(group.childCount()):
            child = group.child(j)
            assert child is not None
            out += [("palette entry", child.text(0)), ("palette tooltip", child.toolTip(0))]
    return out


def _switched_texts(window: MainWindow) -> list[tuple[str, str]]:
    """What a user reads after a switch, beyond the widgets' own texts: the palette's
    entries, the rule panel's entries, the history and the canvas's cards."""
    texts = _palette_texts(window)
    for group in ("warning", "hint", "info", "accepted"):
        texts += [(f"rule panel {group}", text) for text in window.rule_panel.entry_texts(group)]
    stack = window.undo_stack
    texts += [("history", stack.text(i)) for i in range(stack.count())]
    texts += [("card", " ".join(item.geometry.text)) for item in window.scene.nodes.values()
              if not item.node.label]  # fmt: skip
    return texts


def test_switching_the_language_retranslates_the_open_window_at_once(
    qtbot: Any, back_to_german: None
) -> None:
    """Ansicht → Sprache → English: menus, toolbar, docks, panels, palette, history and
    the canvas are English without a restart; back to Deutsch, all German again."""
    window = make_window(qtbot, RecordingPrompter(), templates.example_model())
    try:
        _switch_and_check(qtbot, window)
    finally:
        window.undo_stack.setClean()


def _switch_and_check(qtbot: Any, window: MainWindow) -> None:
    from orgdesigner.commands import AddNode
    from orgdesigner.model import Node

    window.controller.push(AddNode(Node(id="neu", level="coordination", form="staff_unit")))
    window.scene.select_ids(["neu"])  # the inspector shows a unit, the hints its form
    qtbot.waitUntil(lambda: window.evaluator.latest is not None and not window.evaluator.pending(),
                    timeout=10_000)  # fmt: skip
    QApplication.processEvents()
    german_menus = {text for _where, text in _menu_walk(window)}
    assert "&Ansicht" in german_menus and "Einheit hinzufügen: Stabsstelle" in {
        window.undo_stack.text(i) for i in range(window.undo_stack.count())}

    window.action_map["language_en"].trigger()
    qtbot.waitUntil(lambda: window.menus["view"].title() == "&View", timeout=5_000)
    QApplication.processEvents()
    found = _leftovers_in(window, "en")
    assert not found, "\n".join(found)
    english_menus = [(where, text) for where, text in _menu_walk(window)]
    still_german = [f"{where}: {text!r}" for where, text in english_menus
                    if text in german_menus and _clean(text).strip()]  # fmt: skip
    assert not still_german, "\n".join(still_german)
    assert window.rule_panel.entry_texts("info")  # the findings are there, in English
    tree = window.form_palette.tree  # no palette entry is cut off („Implementation in the …“)
    assert tree.sizeHintForColumn(0) <= tree.viewport().width()
    assert window.action_map["undo"].toolTip() == "Undo: Add unit: Staff unit"

    window.action_map["language_de"].trigger()
    qtbot.waitUntil(lambda: window.menus["view"].title() == "&Ansicht", timeout=5_000)
    QApplication.processEvents()
    found = _leftovers_in(window, "de")
    assert not found, "\n".join(found)


def _leftovers_in(window: MainWindow, lang: str) -> list[str]:
    """Words of the other language anywhere in the window; the names of the model's units
    are the user's and stay as they were typed."""
    labels = sorted({n.label for n in window.document.model.nodes if n.label}, key=len, reverse=True)

    def bad(text: str) -> list[str]:
        for label in [*labels, "Innovation Unit"]:  # the guide's own (English) term
            text = text.replace(label, " ")
        return leftovers(text, lang)

    texts = [*ui_texts(window), *_switched_texts(window)]
    return [f"{where}: {text!r} ({', '.join(b)})" for where, text in texts if text and (b := bad(text))]


def _menu_walk(window: MainWindow) -> list[tuple[str, str]]:
    """Every menu title and menu action text of the menu bar (submenus included)."""
    out: list[tuple[str, str]] = []
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            out += [(w, t) for w, t in _menu_texts(menu, "menu bar") if t]
    return out
