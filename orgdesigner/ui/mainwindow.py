"""The main window: canvas, palette, inspector, undo history and menus.

What happens to its file (new, open, save, conflicts, reload, recent files) is in
:mod:`orgdesigner.ui.session`; the window composes it with the widgets.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMenuBar,
    QStyle,
    QTabBar,
    QToolBar,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from orgdesigner import fileformat
from orgdesigner.canvas.items import EdgeItem, NodeItem, set_show_lead
from orgdesigner.canvas.scene import OrgScene
from orgdesigner.canvas.view import OrgView, model_files
from orgdesigner.catalog import LEVEL_IDS, RELATION_IDS, catalog
from orgdesigner.document import Document
from orgdesigner.errors import ModelFileError
from orgdesigner.i18n import system_language
from orgdesigner.model import OrgModel
from orgdesigner.paths import resource
from orgdesigner.recovery import DraftStore
from orgdesigner.ui import accessibility, helpviewer, imageexport, keyboard, translations
from orgdesigner.ui.autosave import Session
from orgdesigner.ui.comparepanel import ComparePanel, choose_compare_file
from orgdesigner.ui.connectdialog import ConnectDialog
from orgdesigner.ui.controller import Controller
from orgdesigner.ui.coverage import CoveragePanel
from orgdesigner.ui.docks import tabify_when_shown
from orgdesigner.ui.evaluator import RuleEvaluator
from orgdesigner.ui.findings import badge_marks, badge_names, canvas_badges
from orgdesigner.ui.hints import HintsPanel
from orgdesigner.ui.infobar import InfoBar
from orgdesigner.ui.inspector import Inspector
from orgdesigner.ui.palette import Palette
from orgdesigner.ui.questions import QuestionsPanel
from orgdesigner.ui.rulecounts import RuleCountsButton
from orgdesigner.ui.rulepanel import RulePanel
from orgdesigner.ui.session import DocumentSession, Prompter, QtPrompter
from orgdesigner.ui.settings import MAX_AUTOSAVE_MINUTES, MIN_AUTOSAVE_MINUTES, Settings
from orgdesigner.ui.undo import UndoAdapter

TOOLBAR_ICONS = {
    "new": "document-new", "open": "document-open", "save": "document-save",
    "undo": "edit-undo", "redo": "edit-redo", "delete": "edit-delete",
    "zoom_out": "zoom-out", "zoom_in": "zoom-in", "fit": "zoom-fit-best",
    "auto_layout": "orgdesigner-auto-layout",
}  # fmt: skip
"""Toolbar action -> icon name of the freedesktop theme (our SVG in resources/icons/ when
the desktop has none)."""


DOCK_BUTTON_TEXTS = {
    "qt_dockwidget_floatbutton": ("Float", "Undocks and re-attaches the dock widget"),
    "qt_dockwidget_closebutton": ("Close", "Closes the dock widget"),
}
"""Qt's own texts for a dock's buttons (translated by Qt's catalogue, not ours)."""


def themed_icon(name: str) -> QIcon:
    """The desktop theme's icon ``name``, else the bundled ``resources/icons/<name>.svg``."""
    return QIcon.fromTheme(name, QIcon(str(resource("icons", f"{name}.svg"))))


def refresh_canvas(scene: OrgScene) -> None:
    """Draw the units and relations again (another language, the lead shown or not)."""
    for item in scene.nodes.values():
        item.set_node(item.node)
    for edge in scene.edges.values():
        edge.set_edge(edge.edge)
    for band in scene.items():
        band.update()

if TYPE_CHECKING:
    from orgdesigner.templates import Template


def same_file(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` name the same file (links and ``..`` resolved)."""
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return os.path.normcase(a.resolve()) == os.path.normcase(b.resolve())


class MainWindow(QMainWindow):
    """One window edits one document."""

    open_in_new_window = Signal(str)
    closed = Signal()
    """The window was closed on purpose (its unsaved changes were saved or discarded)."""
    use_native_dialogs = True
    find_window: Callable[[Path], MainWindow | None] | None = None
    """Set by the application: the window that already shows a file, if any."""

    def __init__(self, model: OrgModel | None = None, path: Path | None = None,
                 parent: QWidget | None = None, drafts: DraftStore | None = None,
                 draft_key: str | None = None, session: Session | None = None,
                 prompter: Prompter | None = None) -> None:  # fmt: skip
        """``drafts``: where to autosave (none in tests); ``draft_key``: a recovered draft;
        ``session``: the program run that owns the drafts; ``prompter``: asks the file
        life cycle's questions (default: the real dialogs)."""
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self._example: Template | None = None
        """The template shown as the example at the start (see :meth:`mark_example`)."""
        self.document = Document(model, path)
        self.undo_stack = QUndoStack(self)
        self.scene = OrgScene(self.document, self)
        self.view = OrgView(self.scene, self)
        self.view.setObjectName("canvas")
        self.controller = Controller(self.document, self.scene, self.undo_stack, self)
        self.info_bar = InfoBar()  # notes such as "changed by someone else", above the canvas
        self.prompter: Prompter = prompter or QtPrompter(self, self._dialog_options)
        self.session = DocumentSession(self.document, self.undo_stack, self.prompter,
                                       info_bar=self.info_bar, elsewhere=self._other_window,
                                       drafts=drafts, draft_key=draft_key, run=session,
                                       parent=self)  # fmt: skip
        self.autosaver = self.session.autosaver
        self.session.message.connect(self.statusBar().showMessage)
        self.session.state_changed.connect(self._update_title)
        self.session.about_to_replace.connect(self.scene.clearSelection)
        self.session.replaced.connect(lambda: QTimer.singleShot(0, self.view.show_start))
        self.session.replaced.connect(self._model_replaced)
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.info_bar)
        central_layout.addWidget(self.view, 1)
        self.setCentralWidget(central)
        self.setAcceptDrops(True)
        self.form_palette = Palette()
        self.inspector = Inspector(self.document, self.controller)
        self.palette_dock = self._dock("palette", self.form_palette,
                                       Qt.DockWidgetArea.LeftDockWidgetArea)  # fmt: skip
        self.inspector_dock = self._dock("inspector", self.inspector,
                                         Qt.DockWidgetArea.RightDockWidgetArea)  # fmt: skip
        self.undo_view = QUndoView(self.undo_stack)
        self.undo_view.setEmptyLabel(self.tr("<Ausgangszustand>"))
        self.history_dock = self._dock("history", self.undo_view,
                                       Qt.DockWidgetArea.RightDockWidgetArea)  # fmt: skip
        self.tabifyDockWidget(self.inspector_dock, self.history_dock)
        self.inspector_dock.raise_()
        # the guide's advice: findings and questions under the canvas, hints beside the inspector
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        # one rule evaluator for the window: the panels, the badges and the counts follow it
        self.evaluator = RuleEvaluator(self.document, self)
        self.rule_panel = RulePanel(self.document, self.controller, self.evaluator, self.view)
        self.rule_dock = self._dock("rules", self.rule_panel,
                                    Qt.DockWidgetArea.BottomDockWidgetArea)  # fmt: skip
        self.questions_panel = QuestionsPanel(self.document, self.controller)
        self.questions_dock = self._dock("questions", self.questions_panel,
                                         Qt.DockWidgetArea.BottomDockWidgetArea)  # fmt: skip
        tabify_when_shown(self, self.rule_dock, self.questions_dock)
        self.hints_panel = HintsPanel(self.document, self.scene, self.evaluator)
        self.hints_dock = self._dock("hints", self.hints_panel,
                                     Qt.DockWidgetArea.RightDockWidgetArea)  # fmt: skip
        self.tabifyDockWidget(self.inspector_dock, self.hints_dock)
        self.coverage_panel = CoveragePanel(self.document, self.controller)
        self.coverage_dock = self._dock("coverage", self.coverage_panel,
                                        Qt.DockWidgetArea.RightDockWidgetArea)  # fmt: skip
        self.tabifyDockWidget(self.inspector_dock, self.coverage_dock)
        self.inspector_dock.raise_()
        self.hints_panel.botschaft_requested.connect(self.questions_panel.show_botschaft)
        self.finding_badges = canvas_badges(self.evaluator, self.scene)
        # bisher / künftig: the dock shows only while comparing (see „Vergleichen mit …“)
        self.compare_panel = ComparePanel(self.document, self.scene, self.view, self.evaluator)
        self.compare_dock = self._dock("compare", self.compare_panel,
                                       Qt.DockWidgetArea.BottomDockWidgetArea)  # fmt: skip
        # no close button: the marks would stay without their list; „Vergleich beenden“ ends it
        self.compare_dock.setFeatures(self.compare_dock.features()
                                      & ~QDockWidget.DockWidgetFeature.DockWidgetClosable)  # fmt: skip
        self.compare_panel.active_changed.connect(self._comparing_changed)
        self.session.replaced.connect(self.compare_panel.stop)  # another model: nothing to compare
        self.rule_counts = RuleCountsButton(self.evaluator)
        self.rule_counts.clicked.connect(self.rule_panel.raise_dock)
        self.statusBar().insertPermanentWidget(0, self.rule_counts)
        self.zoom_label = QLabel("100 %")
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.action_map: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        for signal in (self.undo_stack.canUndoChanged, self.undo_stack.canRedoChanged,
                       self.undo_stack.undoTextChanged, self.undo_stack.redoTextChanged):  # fmt: skip
            signal.connect(self._name_undo_steps)
        if self.autosaver is not None:
            self.autosaver.written.connect(self._show_autosaved)
        self._selection_order: list[str] = []
        self.form_palette.form_activated.connect(self.insert_form)
        accessibility.describe_panels(self)
        self.evaluator.evaluated.connect(lambda _r: self._describe_current())
        self.scene.selectionChanged.connect(self._selection_changed)
        self.scene.context_menu_requested.connect(self._context_menu)
        self.scene.level_clicked.connect(self.inspector.show_level)
        self.view.zoom_changed.connect(lambda z: self.zoom_label.setText(f"{round(z * 100)} %"))
        self.view.files_dropped.connect(self._open_dropped)
        self.controller.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.scene.notice.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.form_palette.set_card_scale(lambda: self.view.transform().m11())
        self.resize(1280, 800)
        self.resizeDocks([self.palette_dock, self.inspector_dock], [self._palette_width(), 320],
                         Qt.Orientation.Horizontal)  # fmt: skip
        self._restore_layout()
        self.compare_dock.hide()  # also when the saved layout had it open
        self._update_title()
        self._update_actions()
        QTimer.singleShot(0, self.view.show_start)

    def _dock_title(self, name: str) -> str:
        return {
            "palette": self.tr("Organisationsformen"), "inspector": self.tr("Eigenschaften"),
            "history": self.tr("Verlauf"), "rules": self.tr("Prüfung"),
            "questions": self.tr("Leitfragen"), "hints": self.tr("Hinweise"),
            "coverage": self.tr("Aufgaben"),
            "compare": self.tr("Vergleich"),
        }[name]  # fmt: skip

    def _dock(self, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(f"dock_{name}")
        dock.setWidget(widget)
        self._title_dock(dock)
        self.addDockWidget(area, dock)
        return dock

    def _title_dock(self, dock: QDockWidget) -> None:
        title = self._dock_title(dock.objectName().removeprefix("dock_"))
        dock.setWindowTitle(title)
        dock.setAccessibleName(title)
        widget = dock.widget()
        if widget is not None:
            widget.setAccessibleName(title)
        # Qt names its own float and close buttons once, when it makes them; name them again
        # in the language chosen now (Qt's translations, context QDockWidget)
        for name, texts in DOCK_BUTTON_TEXTS.items():
            button = dock.findChild(QAbstractButton, name)
            if button is not None:
                label, description = (QCoreApplication.translate("QDockWidget", t) for t in texts)
                button.setAccessibleName(label)
                button.setAccessibleDescription(description)
                button.setToolTip(label)

    # -- actions -----------------------------------------------------------------
    def _action(self, name: str, text: str, slot: Any = None,
                shortcut: QKeySequence.StandardKey | str | list[Any] | None = None,
                checkable: bool = False, tip: str = "", short: str = "") -> QAction:  # fmt: skip
        """The action ``name``: made on the first call; a later call (after a change of
        language) only gives it its texts again. ``short``: its stable text on the
        toolbar (the full text goes into the tooltip)."""
        action = self.action_map.get(name)
        if action is None:
            action = QAction(self)
            action.setObjectName(f"action_{name}")
            if isinstance(shortcut, list):
                action.setShortcuts([QKeySequence(s) for s in shortcut])
            elif shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            action.setCheckable(checkable)
            if slot is not None:
                (action.toggled if checkable else action.triggered).connect(slot)
            self.action_map[name] = action
            self.addAction(action)
        action.setText(text)
        if short:
            action.setIconText(short)
            tip = tip or text.replace("&", "").removesuffix(" …")
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        return action

    def _build_actions(self) -> None:
        sk = QKeySequence.StandardKey
        a = self._action
        a("new", self.tr("&Neu"), self.session.new_document, sk.New, tip=self.tr("Ein leeres Modell beginnen"),
          short=self.tr("Neu"))  # fmt: skip
        a("guided", self.tr("&Geführter Start …"), self.start_guided,
          tip=self.tr("Ein erstes Modell aus Fragen zur Kommune erstellen"))  # fmt: skip
        a("open", self.tr("Ö&ffnen …"), self.session.open_file, sk.Open, short=self.tr("Öffnen"))
        a("import_units", self.tr("&Importieren …"), self._import_units,
          tip=self.tr("Eine Liste der Einheiten (CSV oder Excel) als neues Modell übernehmen"))
        a("save", self.tr("&Speichern"), self.session.save, sk.Save, short=self.tr("Speichern"))
        a("save_as", self.tr("Speichern &unter …"), self.session.save_as, sk.SaveAs)
        comparing = hasattr(self, "compare_panel") and self.compare_panel.active
        a("compare_file", self.tr("Vergleich beenden") if comparing else self.tr("&Vergleichen mit …"),
          self.toggle_compare,
          tip=self.tr("Die Markierungen des Vergleichs entfernen") if comparing else
          self.tr("Eine andere Fassung (bisher) mit diesem Modell (künftig) vergleichen: was "
                  "hinzukommt, entfällt und sich ändert, und was das für die Prüfung bedeutet"))  # fmt: skip
        a("compare_saved", self.tr("Vergleichen mit dem &gespeicherten Stand"), self.compare_with_saved,
          tip=self.tr("Die ungespeicherten Änderungen gegenüber der gespeicherten Datei zeigen"))  # fmt: skip
        a("autosave_interval", self.tr("Automatische Sicherung …"), self.ask_autosave_interval,
          tip=self.tr("Wie oft ungespeicherte Arbeit automatisch gesichert wird"))  # fmt: skip
        a("export_pdf", self.tr("Als &PDF exportieren …"), self._export_pdf,
          "Ctrl+Shift+E", tip=self.tr("Das Organigramm als Anlage zur Ratsvorlage ausgeben"))  # fmt: skip
        a("export_image", self.tr("Als B&ild exportieren (PNG/SVG) …"),
          lambda: imageexport.export_image(self))  # fmt: skip
        a("print_preview", self.tr("Druckv&orschau …"), lambda: imageexport.print_preview(self))
        a("print", self.tr("&Drucken …"), lambda: imageexport.print_with_dialog(self), sk.Print)
        a("close", self.tr("Fenster s&chließen"), self.close, sk.Close)
        a("quit", self.tr("&Beenden"), QApplication.closeAllWindows, sk.Quit)
        a("undo", self.tr("&Rückgängig"), self.undo_stack.undo, sk.Undo, short=self.tr("Rückgängig"))
        a("redo", self.tr("&Wiederholen"), self.undo_stack.redo, [sk.Redo, "Ctrl+Y"],
          short=self.tr("Wiederholen"))  # fmt: skip
        self._name_undo_steps()
        a("cut", self.tr("&Ausschneiden"), self.cut, sk.Cut)
        a("copy", self.tr("&Kopieren"), self.copy, sk.Copy)
        a("copy_chart", self.tr("Organi&gramm kopieren"), self.copy_chart, "Ctrl+Shift+C",
          tip=self.tr("Das Organigramm (oder die ausgewählten Einheiten) als Bild in die "
                      "Zwischenablage legen: SVG, PNG und PDF, zum Einfügen in Word, "
                      "PowerPoint oder LibreOffice"))  # fmt: skip
        a("paste", self.tr("&Einfügen"), self.paste, sk.Paste)
        a("duplicate", self.tr("&Duplizieren"), self.duplicate, "Ctrl+D")
        a("delete", self.tr("&Löschen"), lambda: self.controller.delete_selection(),
          [sk.Delete, "Backspace"], short=self.tr("Löschen"))  # fmt: skip
        a("select_all", self.tr("Alles &auswählen"), self.select_all, sk.SelectAll)
        a("rename", self.tr("&Umbenennen"), self.rename_selected, "F2")
        a("zoom_in", self.tr("Ver&größern"), self.view.zoom_in, [sk.ZoomIn, "Ctrl+="],
          short=self.tr("Größer"))  # fmt: skip
        a("zoom_out", self.tr("Ver&kleinern"), self.view.zoom_out, sk.ZoomOut, short=self.tr("Kleiner"))
        a("zoom_100", self.tr("Originalgröße (100 %)"), self.view.zoom_reset, "Ctrl+1")
        a("fit", self.tr("Ganzes Modell zeigen"), self.view.fit_all, "Ctrl+0", short=self.tr("Alles"))
        a("grid", self.tr("Raster anzeigen"), self.scene.set_grid_visible, "Ctrl+'", checkable=True)
        a("snap", self.tr("Am Raster einrasten"), self._set_snap, "Ctrl+Shift+'", checkable=True)
        a("straight", self.tr("Beziehungen als gerade Linien"), self._set_straight, checkable=True,
          tip=self.tr("Beziehungen gerade von Einheit zu Einheit zeichnen statt rechtwinklig um "
                      "die Einheiten herum (auch im PDF und beim Drucken)"))  # fmt: skip
        a("show_lead", self.tr("&Leitung auf den Einheiten zeigen"), self._set_show_lead,
          checkable=True, tip=self.tr("Unter dem Namen jeder Einheit die eingetragene Leitung "
                                      "zeigen (nur in der Zeichenfläche)"))  # fmt: skip
        a("align_left", self.tr("Links ausrichten"), lambda: self.controller.align("left"))
        a("align_hcenter", self.tr("Mittig ausrichten"), lambda: self.controller.align("hcenter"))
        a("align_right", self.tr("Rechts ausrichten"), lambda: self.controller.align("right"))
        a("align_top", self.tr("Oben ausrichten (je Ebene)"), lambda: self.controller.align("top"))
        a("distribute", self.tr("Gleichmäßig verteilen"), self.controller.distribute)
        a("auto_layout", self.tr("Automatisch &anordnen"), self.controller.auto_layout, "Ctrl+L",
          tip=self.tr("Einheiten in ihren Ebenen ordnen, mit wenigen Überschneidungen"),
          short=self.tr("Anordnen"))  # fmt: skip
        a("tidy_keep_order", self.tr("Ordnen, &Reihenfolge behalten"), self.controller.tidy_keep_order,
          "Ctrl+Shift+L", tip=self.tr("Zeilen ausrichten und Überlappungen auflösen; die Reihenfolge "
                                      "der Einheiten in jeder Ebene bleibt"))  # fmt: skip
        a("connect", self.tr("Ver&binden"), self.connect_selected, "Ctrl+K",
          tip=self.tr("Eine ausgewählte Einheit mit einer Einheit aus einer Liste verbinden, oder "
                      "zwei ausgewählte Einheiten (von der zuerst gewählten zur zweiten); die Art "
                      "wird wie beim Ziehen vorgeschlagen"))  # fmt: skip
        a("connect_to", self.tr("Verbinden &mit …"), self.connect_to_chosen,
          tip=self.tr("Die ausgewählte Einheit mit einer Einheit aus einer Liste verbinden"))
        a("find_form", self.tr("Organisationsform &suchen …"), self.focus_palette, "Ctrl+F",
          tip=self.tr("Zur Suche der Palette; Eingabe fügt die Form in der Mitte der Ansicht ein"))
        a("focus_canvas", self.tr("Zur &Zeichenfläche"), self.focus_canvas, "Ctrl+E")
        a("user_guide", self.tr("&Benutzerhandbuch"), lambda: helpviewer.show_user_guide(self),
          sk.HelpContents, tip=self.tr("Das Handbuch zum Programm, auch ohne Internet"))  # fmt: skip
        a("shortcuts", self.tr("&Tastenkürzel …"), self.show_shortcuts, "Ctrl+F1")
        for lang, text in (("", self.tr("Wie das &System")), ("de", "&Deutsch"),
                           ("en", "&English")):  # fmt: skip
            a(f"language_{lang or 'system'}", text, lambda _c=False, x=lang: self.choose_language(x),
              checkable=False)  # fmt: skip

    def _build_menus(self) -> None:
        bar = self.menuBar()
        act = self.action_map
        file_menu = self._menu(bar, "file")
        file_menu.addAction(act["new"])
        self.template_menu = self._menu(file_menu, "template")
        self._fill_template_menu()
        file_menu.addAction(act["guided"])
        file_menu.addAction(act["open"])
        file_menu.addAction(act["import_units"])
        self.recent_menu = self._menu(file_menu, "recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        for name in ("save", "save_as"):
            file_menu.addAction(act[name])
        file_menu.addAction(act["autosave_interval"])
        file_menu.addSeparator()
        self._fill(file_menu, ("compare_file", "compare_saved", None))
        self._fill(file_menu, ("export_pdf", "export_image", None, "print_preview", "print", None))
        file_menu.addAction(act["close"])
        file_menu.addAction(act["quit"])
        edit = self._menu(bar, "edit")
        self._fill(edit, ("undo", "redo", None, "cut", "copy", "copy_chart", "paste", "duplicate",
                          "delete", None,
                          "select_all", "rename", "connect", "connect_to", None, "find_form",
                          "focus_canvas"))  # fmt: skip
        view = self._menu(bar, "view")
        self._fill(view, ("zoom_in", "zoom_out", "zoom_100", "fit", None, "grid", "snap", "straight",
                          "show_lead"))  # fmt: skip
        view.addSeparator()
        for dock in (self.palette_dock, self.inspector_dock, self.history_dock):
            view.addAction(dock.toggleViewAction())
        for dock in (self.rule_dock, self.hints_dock, self.questions_dock, self.coverage_dock):
            view.addAction(dock.toggleViewAction())
        view.addSeparator()
        self.language_menu = self._menu(view, "language")
        group = QActionGroup(self)
        for lang in ("system", "de", "en"):
            action = self.action_map[f"language_{lang}"]
            action.setCheckable(True)  # ticked by _restore_layout, from the settings
            group.addAction(action)
            self.language_menu.addAction(action)
        arrange = self._menu(bar, "arrange")
        self._fill(arrange, ("align_left", "align_hcenter", "align_right", "align_top",
                             "distribute", None, "auto_layout", "tidy_keep_order"))  # fmt: skip
        self.help_menu = self._menu(bar, "help")
        self.help_menu.addAction(act["user_guide"])
        self.help_menu.addAction(act["shortcuts"])

    def _menu_title(self, name: str) -> str:
        return {
            "file": self.tr("&Datei"), "template": self.tr("Neu aus &Vorlage"),
            "recent": self.tr("&Zuletzt geöffnet"), "edit": self.tr("&Bearbeiten"),
            "view": self.tr("&Ansicht"), "language": self.tr("&Sprache"),
            "arrange": self.tr("A&nordnen"), "help": self.tr("&Hilfe"),
        }[name]  # fmt: skip

    def _menu(self, parent: QMenu | QMenuBar, name: str) -> QMenu:
        """A menu whose title follows the language (:meth:`retranslate`)."""
        menu = parent.addMenu(self._menu_title(name))
        menu.setObjectName(f"menu_{name}")
        self.menus[name] = menu
        return menu

    def _fill(self, target: QMenu | QToolBar, names: tuple[str | None, ...]) -> None:
        for name in names:
            if name is None:
                target.addSeparator()
            else:
                target.addAction(self.action_map[name])

    def _build_toolbar(self) -> None:
        """Icons (the desktop's theme, else our own) with short texts that never change;
        what a button would do in full („Rückgängig: Einheit hinzufügen“) is its tooltip."""
        tb = self.addToolBar(self.tr("Werkzeuge"))
        tb.setObjectName("toolbar_main")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        tb.setIconSize(QSize(20, 20))
        self.toolbar = tb
        for name, icon in TOOLBAR_ICONS.items():
            self.action_map[name].setIcon(themed_icon(icon))
        self._fill(tb, ("new", "open", "save", None, "undo", "redo", None, "delete", None,
                        "zoom_out", "zoom_in", "fit", None, "auto_layout"))  # fmt: skip

    def _name_undo_steps(self, *_args: object) -> None:
        """Undo and redo name the step they would take („Rückgängig: Umbenennen: …“) in
        the menu and the tooltip; on the toolbar they keep their short text."""
        stack = self.undo_stack
        for name, can, step, text in (
            ("undo", stack.canUndo(), stack.undoText(), self.tr("&Rückgängig")),
            ("redo", stack.canRedo(), stack.redoText(), self.tr("&Wiederholen")),
        ):
            action = self.action_map[name]
            full = f"{text}: {step}" if step else text
            action.setEnabled(can)
            action.setText(full)
            action.setToolTip(full.replace("&", ""))
            action.setStatusTip(full.replace("&", ""))

    def _fill_template_menu(self) -> None:
        try:
            from orgdesigner import templates
        except ImportError:  # pragma: no cover - templates arrive with another issue
            self.template_menu.setEnabled(False)
            return
        for name, template in templates.available().items():
            action = self.template_menu.addAction(template.title())
            action.setObjectName(f"template_{name}")
            action.setToolTip(template.inspired())
            action.triggered.connect(lambda _c=False, t=template: self.session.new_document(t.build()))

    def start_guided(self) -> None:
        """Datei → „Geführter Start …“: the wizard (application-modal, see
        :mod:`orgdesigner.ui.wizard`); „Fertigstellen“ opens its model like a template."""
        from orgdesigner.ui.wizard import GuidedWizard

        wizard = GuidedWizard(self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.guided_wizard = wizard

        def finished() -> None:
            model = wizard.result_model()
            if model is not None:
                self.session.new_document(model)

        wizard.accepted.connect(finished)
        wizard.open()

    def _set_straight(self, on: bool) -> None:
        self.scene.set_routing("straight" if on else "orthogonal")

    def _set_show_lead(self, on: bool) -> None:
        set_show_lead(on)
        Settings().set_show_lead(on)
        for widget in QApplication.topLevelWidgets():  # the option holds for every window
            if isinstance(widget, MainWindow):
                if widget.action_map["show_lead"].isChecked() != on:
                    widget.action_map["show_lead"].setChecked(on)
                refresh_canvas(widget.scene)

    def _show_autosaved(self) -> None:
        """Say quietly that a draft was written: „Automatisch gesichert 14:32“."""
        stamp = datetime.datetime.now().strftime("%H:%M")
        self.statusBar().showMessage(self.tr("Automatisch gesichert {0}").format(stamp), 10000)

    def _set_snap(self, on: bool) -> None:
        self.scene.snap_to_grid = on

    # -- selection -------------------------------------------------------------------
    def _selection_changed(self) -> None:
        nodes, edges = self.scene.selected_node_ids(), self.scene.selected_edge_ids()
        chosen = set(nodes)
        kept = [i for i in self._selection_order if i in chosen]
        order = {n.id: k for k, n in enumerate(self.document.model.nodes)}
        added = sorted(chosen - set(kept), key=lambda i: order.get(i, 0))
        self._selection_order = kept + added
        if len(nodes) == 1 and self.view.current_node != nodes[0] and not edges:
            self.view.current_node = nodes[0]
        self._describe_current()
        self.inspector.show_selection(nodes, edges)
        self._update_actions()
        parts = []
        if len(nodes) == 1:
            parts.append(self.tr("1 Einheit"))
        elif nodes:
            parts.append(self.tr("{0} Einheiten").format(len(nodes)))
        if len(edges) == 1:
            parts.append(self.tr("1 Beziehung"))
        elif edges:
            parts.append(self.tr("{0} Beziehungen").format(len(edges)))
        if parts:
            self.statusBar().showMessage(self.tr("Ausgewählt: {0}").format(", ".join(parts)), 4000)

    def _update_actions(self) -> None:
        has_nodes = bool(self.scene.selected_node_ids())
        has_any = has_nodes or bool(self.scene.selected_edge_ids())
        for name in ("cut", "copy", "duplicate"):
            self.action_map[name].setEnabled(has_nodes)
        self.action_map["delete"].setEnabled(has_any)
        self.action_map["rename"].setEnabled(len(self.scene.selected_node_ids()) == 1)
        self.action_map["connect_to"].setEnabled(len(self.scene.selected_node_ids()) == 1)
        count = len(self.scene.selected_node_ids())
        for name in ("align_left", "align_hcenter", "align_right", "align_top"):
            self.action_map[name].setEnabled(count >= 2)  # aligning one unit does nothing
        self.action_map["distribute"].setEnabled(count >= 3)

    # -- without a mouse -------------------------------------------------------------
    def insert_form(self, form: str) -> str | None:
        """Insert a unit of ``form`` at the centre of the view; the canvas gets the focus."""
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        node_id = self.controller.drop_form(form, centre, free=True)
        if node_id is not None:
            self.view.current_node = node_id
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return node_id

    def connect_selected(self) -> str | None:
        """Ctrl+K: two selected units are connected, from the one selected first to the
        other; with one selected, the list of units to connect it to opens."""
        ids = [i for i in self._selection_order if i in set(self.scene.selected_node_ids())]
        if len(ids) == 1:
            return self.connect_to_chosen()
        if len(ids) != 2:
            self.statusBar().showMessage(self.tr("Zum Verbinden eine Einheit auswählen (Tab) und "
                                                 "die andere aus der Liste wählen, oder zwei "
                                                 "Einheiten (Tab, dann Strg+Tab)."), 8000)  # fmt: skip
            return None
        return self.controller.connect_nodes(ids[0], ids[1])

    def connect_to_chosen(self) -> str | None:
        """„Verbinden mit …“: connect the selected unit to one chosen from a searchable list."""
        ids = self.scene.selected_node_ids()
        if len(ids) != 1:
            return None
        dialog = ConnectDialog(self.document.model, ids[0], self)
        target = dialog.target() if dialog.exec() == ConnectDialog.DialogCode.Accepted else None
        dialog.deleteLater()
        if target is None:
            return None
        edge = self.controller.connect_nodes(ids[0], target)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)  # back on the canvas, as before
        return edge

    def focus_palette(self) -> None:
        self.palette_dock.show()
        self.palette_dock.raise_()
        self.form_palette.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.form_palette.search.selectAll()

    def focus_canvas(self) -> None:
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_shortcuts(self) -> None:
        keyboard.ShortcutsDialog(list(self.action_map.values()), self).exec()

    def choose_language(self, lang: str) -> None:
        """Store the language (``""``: follow the system) and switch every open window to
        it at once (Qt sends each widget a ``LanguageChange`` event)."""
        settings = Settings()
        settings.set_language(lang or None)
        settings.sync()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow):
                for code in ("system", "de", "en"):
                    widget.action_map[f"language_{code}"].setChecked(code == (lang or "system"))
        translations.switch(lang or system_language())

    def retranslate(self) -> None:
        """Every text of the window in the language chosen now (menus, toolbar, docks,
        the history, the canvas); the panels retranslate themselves."""
        self._build_actions()  # gives the existing actions their texts again
        self._name_undo_steps()
        for name, menu in self.menus.items():
            menu.setTitle(self._menu_title(name))
        self.template_menu.clear()
        self._fill_template_menu()
        self.toolbar.setWindowTitle(self.tr("Werkzeuge"))
        for dock in (self.palette_dock, self.inspector_dock, self.history_dock, self.rule_dock,
                     self.questions_dock, self.hints_dock, self.coverage_dock,
                     self.compare_dock):  # fmt: skip
            self._title_dock(dock)
        self.undo_view.setEmptyLabel(self.tr("<Ausgangszustand>"))
        for bar in self.findChildren(QTabBar):  # the docks' tabs: Qt names their arrows once
            for name, text in (("ScrollLeftButton", "Scroll Left"), ("ScrollRightButton", "Scroll Right")):
                button = bar.findChild(QAbstractButton, name)
                if button is not None:
                    button.setAccessibleName(QCoreApplication.translate("QTabBar", text))
        for i in range(self.undo_stack.count()):
            step = self.undo_stack.command(i)
            if isinstance(step, UndoAdapter):
                step.retranslate()
        self._name_undo_steps()
        self._replace_palette()
        refresh_canvas(self.scene)
        self.finding_badges.names = badge_names()
        if self.evaluator.latest is not None:
            self.finding_badges.show(badge_marks(self.evaluator.latest))
        self.statusBar().clearMessage()
        self._update_title()
        accessibility.describe_panels(self)
        self._describe_current()

    def _palette_width(self) -> int:
        """Wide enough for the longest entry of the palette in its language (the English
        „Implementation in the departments“ is longer than any German entry)."""
        tree = self.form_palette.tree
        scroll = tree.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return max(250, tree.sizeHintForColumn(0) + scroll + 2 * tree.frameWidth() + 16)

    def _replace_palette(self) -> None:
        """A palette in the new language (its entries are the catalog's texts); the search
        text stays."""
        old = self.form_palette
        palette = Palette()
        palette.form_activated.connect(self.insert_form)
        palette.search.setText(old.search.text())
        self.form_palette = palette
        self.palette_dock.setWidget(palette)
        self._title_dock(self.palette_dock)
        old.deleteLater()
        if not self.palette_dock.isFloating() and self.palette_dock.width() < self._palette_width():
            self.resizeDocks([self.palette_dock], [self._palette_width()], Qt.Orientation.Horizontal)

    def _describe_current(self) -> None:
        """Say what is selected on the canvas (for screen readers: the view's description)."""
        accessibility.describe_canvas(self)

    def _import_units(self) -> None:
        from orgdesigner.ui import importdialog

        importdialog.import_units(self)

    def _export_pdf(self) -> None:
        # imported on first use: reportlab and pikepdf cost ~0.3 s of the start-up
        from orgdesigner.ui import exportdialog

        exportdialog.export_pdf(self)

    def select_all(self) -> None:
        for item in [*self.scene.nodes.values(), *self.scene.edges.values()]:
            item.setSelected(True)

    def rename_selected(self) -> None:
        ids = self.scene.selected_node_ids()
        if len(ids) == 1:
            self.scene.start_rename(ids[0])

    def _context_menu(self, screen_pos: Any, scene_pos: QPointF) -> None:
        menu = self.build_context_menu(scene_pos)
        menu.exec(screen_pos)

    def build_context_menu(self, scene_pos: QPointF) -> QMenu:
        menu = QMenu(self)
        edges = self.scene.selected_edge_ids()
        nodes = self.scene.selected_node_ids()
        if edges:
            types = menu.addMenu(self.tr("Art der Beziehung"))
            model = self.document.model
            current = {model.edge(i).type for i in edges}
            for rel in RELATION_IDS:
                action = types.addAction(catalog().relation(rel).label.get())
                action.setObjectName(f"relation_{rel}")
                action.setCheckable(True)
                action.setChecked(current == {rel})
                action.triggered.connect(lambda _c=False, r=rel, ids=list(edges):
                                         self.controller.set_edge_properties(ids, {"type": r}))  # fmt: skip
        if len(nodes) == 1:
            menu.addAction(self.action_map["connect_to"])
        if nodes:
            levels = menu.addMenu(self.tr("Ebene ändern"))
            levels.setObjectName("menu_change_level")
            model = self.document.model
            current_levels = {model.node(i).level for i in nodes}
            for level in LEVEL_IDS:
                action = levels.addAction(catalog().level(level).label.get())
                action.setObjectName(f"level_{level}")
                action.setCheckable(True)
                action.setChecked(current_levels == {level})
                action.triggered.connect(lambda _c=False, lv=level, ids=list(nodes):
                                         self.controller.change_level(ids, lv))  # fmt: skip
        if nodes:
            menu.addAction(self.action_map["rename"])
            menu.addAction(self.action_map["duplicate"])
            menu.addAction(self.action_map["copy"])
            menu.addAction(self.action_map["cut"])
        if nodes or edges:
            menu.addAction(self.action_map["delete"])
            menu.addSeparator()
        menu.addAction(self.action_map["paste"])
        menu.addAction(self.action_map["select_all"])
        menu.addAction(self.action_map["auto_layout"])
        menu.addAction(self.action_map["tidy_keep_order"])
        return menu

    # -- clipboard ---------------------------------------------------------------------
    def copy_chart(self) -> None:
        """Bearbeiten → Organigramm kopieren: the chart, or the selected units, as a picture."""
        from orgdesigner.ui.clipboard import copy_chart

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            text = copy_chart(self.document.model, self.scene.selected_node_ids(),
                              self.scene.routing_mode)  # fmt: skip
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.statusBar().showMessage(text, 8000)

    def copy(self) -> None:
        data = self.controller.copy_mime()
        if data is not None:
            QGuiApplication.clipboard().setMimeData(data)

    def cut(self) -> None:
        data = self.controller.copy_mime()
        if data is not None:
            QGuiApplication.clipboard().setMimeData(data)
            self.controller.delete_selection(cut=True)

    def paste(self) -> None:
        self.controller.paste_mime(QGuiApplication.clipboard().mimeData())

    def duplicate(self) -> None:
        self.controller.paste_mime(self.controller.copy_mime())

    # -- the example at the start ------------------------------------------------------
    def mark_example(self) -> None:
        """This window shows the built-in example (the program started without a file):
        „Beispiel: …“ in the title, a note offering Neu / Vorlage / Öffnen, all of it in
        view. Saving it asks for a file name, as for every model without a file."""
        from orgdesigner import templates

        self._example = templates.TEMPLATES[0]
        self._update_title()
        self.info_bar.show_message(
            self.tr("Das ist ein Beispiel zum Ansehen und Ausprobieren, nicht Ihr Modell. Für "
                    "Ihre eigene Organisation beginnen Sie neu, mit einer Vorlage oder öffnen "
                    "Ihre Datei."),
            [("example_new", self.tr("Neu"), self.session.new_document),
             ("example_template", self.tr("Vorlage"), self.template_menu),
             ("example_open", self.tr("Öffnen …"), self.session.open_file)],
            self.tr("Ausblenden"), kind="example", keep=True)  # fmt: skip
        QTimer.singleShot(0, self.view.show_whole)

    def is_example(self) -> bool:
        """Whether the window still shows the built-in example (not yet saved as a file)."""
        return self._example is not None and self.document.path is None

    def _model_replaced(self) -> None:
        self._example = None  # a new, template or opened model: no longer the example
        self.session.untitled_name = ""
        self._update_title()

    # -- files: the session does the work; the window shows it ---------------------
    def _update_title(self, *_args: object) -> None:
        if self._example is not None and self.document.path is None:
            self.session.untitled_name = self.tr("Beispiel: {0}").format(self._example.title())
        else:
            self.session.untitled_name = ""
            if self.info_bar.kind == "example":
                self.info_bar.clear()  # saved under a name: it is the user's model now
        self.setWindowTitle(f"{self.session.display_name()}[*] – OrgDesigner")
        self.setWindowModified(self.session.is_modified())
        if "compare_saved" in self.action_map:
            self.action_map["compare_saved"].setEnabled(
                self.document.path is not None and self.session.is_modified())  # fmt: skip

    # -- comparison: bisher (another file, the saved state) / künftig (this model) -----------
    def toggle_compare(self) -> None:
        """„Vergleichen mit …“ asks for the other file; in comparison mode the same entry
        („Vergleich beenden“) leaves it."""
        if self.compare_panel.active:
            self.compare_panel.stop()
            return
        start = str(self.document.path.parent) if self.document.path else ""
        path = self.choose_compare_file(start)
        if path is not None:
            self.compare_with_file(path)

    def choose_compare_file(self, start: str) -> Path | None:
        """Which file is „bisher“ (a file dialog; tests give the answer instead)."""
        return choose_compare_file(self, start, self._dialog_options())

    def compare_with_file(self, path: Path, name: str | None = None) -> bool:
        """Compare the model in ``path`` (bisher) with this one (künftig). The file is only
        read; one that cannot be read is reported and nothing changes."""
        try:
            old = fileformat.load(path)
        except ModelFileError as exc:
            self.prompter.show_error(self.tr("Die Datei kann nicht zum Vergleich geöffnet "
                                             "werden."), exc.message())  # fmt: skip
            return False
        self.compare_panel.start(old, name or path.name)
        return True

    def comparison_base(self) -> tuple[OrgModel, str] | None:
        """(bisher, its name) while this window compares, else ``None``."""
        panel = self.compare_panel
        if panel.old is None:
            return None
        return panel.old, panel.old_name

    def compare_with_saved(self) -> bool:
        """Compare the file as last saved (bisher) with the unsaved changes (künftig)."""
        path = self.document.path
        if path is None:
            return False
        return self.compare_with_file(path, self.tr("{0} (gespeicherter Stand)").format(path.name))

    def _comparing_changed(self, on: bool) -> None:
        self._build_actions()  # „Vergleichen mit …“ ↔ „Vergleich beenden“
        dock = self.compare_dock
        if on:
            if (not dock.isFloating() and self.dockWidgetArea(dock) == self.dockWidgetArea(self.rule_dock)
                    and dock not in self.tabifiedDockWidgets(self.rule_dock)):  # fmt: skip
                self.tabifyDockWidget(self.rule_dock, dock)
            dock.show()
            dock.raise_()
        else:
            dock.hide()
            self.statusBar().showMessage(self.tr("Vergleich beendet"), 4000)

    def _dialog_options(self) -> QFileDialog.Option:
        if self.use_native_dialogs:
            return QFileDialog.Option(0)
        return QFileDialog.Option.DontUseNativeDialog

    def _open_dropped(self, files: list[str]) -> None:
        if files:
            self.session.load_file(Path(files[0]))
            for extra in files[1:]:
                self.open_in_new_window.emit(extra)

    def _other_window(self, path: Path) -> MainWindow | None:
        """Another window that shows ``path`` already (a file is open in one window only)."""
        other = self.find_window(path) if self.find_window is not None else None
        return other if other is not self else None

    # -- several windows ------------------------------------------------------------------
    def shows_file(self, path: Path) -> bool:
        own = self.document.path
        return own is not None and same_file(own, path)

    def bring_forward(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def ask_autosave_interval(self) -> None:
        settings = Settings()
        minutes, ok = QInputDialog.getInt(
            self, self.tr("Automatische Sicherung"),
            self.tr("Ungespeicherte Arbeit automatisch sichern alle … Minuten:"),
            settings.autosave_minutes(), MIN_AUTOSAVE_MINUTES, MAX_AUTOSAVE_MINUTES, 1)  # fmt: skip
        if ok:
            self.set_autosave_interval(minutes * 60)

    @staticmethod
    def set_autosave_interval(seconds: int) -> None:
        """Store the interval and apply it to every open window."""
        settings = Settings()
        settings.set_autosave_seconds(seconds)
        ms = settings.autosave_seconds() * 1000
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.autosaver is not None:
                widget.autosaver.set_interval(ms)

    # -- recent files ---------------------------------------------------------------------
    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.session.recent_files()
        if not files:
            empty = self.recent_menu.addAction(self.tr("(keine)"))
            empty.setEnabled(False)
            return
        for f in files:
            action = self.recent_menu.addAction(f)
            action.triggered.connect(lambda _c=False, p=f: self.session.load_file(Path(p)))

    # -- window layout -------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        settings = Settings()
        geometry, state = settings.geometry(), settings.window_state()
        if geometry is not None and not self.restoreGeometry(geometry):
            settings.notes.append(self.tr("Die gespeicherte Fenstergröße war unbrauchbar; "
                                          "es gilt die Standardgröße."))  # fmt: skip
        if state is not None and not self.restoreState(state):
            settings.notes.append(self.tr("Die gespeicherte Anordnung der Bereiche war "
                                          "unbrauchbar; es gilt die Standardanordnung."))  # fmt: skip
        self.action_map["grid"].setChecked(settings.grid())
        self.action_map["snap"].setChecked(settings.snap())
        self.action_map["straight"].setChecked(settings.straight_lines())
        set_show_lead(settings.show_lead())
        self.action_map["show_lead"].setChecked(settings.show_lead())
        refresh_canvas(self.scene)
        self.action_map[f"language_{settings.language() or 'system'}"].setChecked(True)
        self.show_settings_notes(settings.notes)

    def show_settings_notes(self, notes: list[str]) -> None:
        """Tell calmly (status bar) that settings had to be repaired."""
        if notes:
            self.statusBar().showMessage(" ".join(dict.fromkeys(notes)), 20000)

    def _save_layout(self) -> None:
        settings = Settings()
        settings.set_layout(self.saveGeometry(), self.saveState())
        settings.set_grid(self.action_map["grid"].isChecked())
        settings.set_snap(self.action_map["snap"].isChecked())
        settings.set_straight_lines(self.action_map["straight"].isChecked())
        settings.set_show_lead(self.action_map["show_lead"].isChecked())

    # -- window events ----------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self.scene.cancel_rename()
        if self.session.close():
            self._save_layout()
            event.accept()
            self.closed.emit()
        else:
            event.ignore()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "menus"):
            self.retranslate()
        if (event.type() == QEvent.Type.ActivationChange and self.isActiveWindow()
                and hasattr(self, "session")):  # fmt: skip
            self.session.check_disk()  # back in the window: did someone change the file meanwhile?

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if model_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = model_files(event)
        if files:
            event.acceptProposedAction()
            self._open_dropped(files)
        else:
            event.ignore()

    # -- for tests and the e2e geometry dump ---------------------------------------------------
    def node_item(self, node_id: str) -> NodeItem:
        return self.scene.nodes[node_id]

    def edge_item(self, edge_id: str) -> EdgeItem:
        return self.scene.edges[edge_id]
