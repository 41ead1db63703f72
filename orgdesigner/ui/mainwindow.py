"""The main window: canvas, palette, inspector, undo history, menus and files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QPointF, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QToolBar,
    QUndoView,
    QWidget,
)

from orgdesigner import fileformat
from orgdesigner.canvas.items import EdgeItem, NodeItem
from orgdesigner.canvas.scene import OrgScene
from orgdesigner.canvas.view import OrgView, model_files
from orgdesigner.catalog import RELATION_IDS, catalog
from orgdesigner.document import Document
from orgdesigner.errors import ModelFileError, SaveError
from orgdesigner.model import OrgModel
from orgdesigner.recovery import DraftStore
from orgdesigner.ui.autosave import Autosaver
from orgdesigner.ui.controller import Controller
from orgdesigner.ui.inspector import Inspector
from orgdesigner.ui.palette import Palette

MAX_RECENT = 8
FILE_FILTER_SUFFIX = "*.orgmodel.json"


class MainWindow(QMainWindow):
    """One window edits one document."""

    open_in_new_window = Signal(str)
    use_native_dialogs = True

    def __init__(self, model: OrgModel | None = None, path: Path | None = None,
                 parent: QWidget | None = None, drafts: DraftStore | None = None,
                 draft_key: str | None = None) -> None:  # fmt: skip
        """``drafts``: where to autosave (none in tests); ``draft_key``: a recovered draft."""
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.document = Document(model, path)
        self.undo_stack = QUndoStack(self)
        self.autosaver: Autosaver | None = None
        if drafts is not None:
            self.autosaver = Autosaver(self.document, self.undo_stack, drafts, draft_key, self)
            self.autosaver.failed.connect(lambda text: self.statusBar().showMessage(
                self.tr("Automatische Sicherung nicht möglich: {0}").format(text), 8000))  # fmt: skip
        self.scene = OrgScene(self.document, self)
        self.view = OrgView(self.scene, self)
        self.view.setObjectName("canvas")
        self.controller = Controller(self.document, self.scene, self.undo_stack, self)
        self.setCentralWidget(self.view)
        self.setAcceptDrops(True)
        self.form_palette = Palette()
        self.inspector = Inspector(self.document, self.controller)
        self.palette_dock = self._dock("palette", self.tr("Organisationsformen"), self.form_palette,
                                       Qt.DockWidgetArea.LeftDockWidgetArea)  # fmt: skip
        self.inspector_dock = self._dock("inspector", self.tr("Eigenschaften"), self.inspector,
                                         Qt.DockWidgetArea.RightDockWidgetArea)  # fmt: skip
        self.undo_view = QUndoView(self.undo_stack)
        self.undo_view.setEmptyLabel(self.tr("<Ausgangszustand>"))
        self.history_dock = self._dock("history", self.tr("Verlauf"), self.undo_view,
                                       Qt.DockWidgetArea.RightDockWidgetArea)  # fmt: skip
        self.tabifyDockWidget(self.inspector_dock, self.history_dock)
        self.inspector_dock.raise_()
        self.zoom_label = QLabel("100 %")
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.action_map: dict[str, QAction] = {}
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.scene.selectionChanged.connect(self._selection_changed)
        self.scene.context_menu_requested.connect(self._context_menu)
        self.scene.level_clicked.connect(self.inspector.show_level)
        self.view.zoom_changed.connect(lambda z: self.zoom_label.setText(f"{round(z * 100)} %"))
        self.view.files_dropped.connect(self._open_dropped)
        self.controller.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.undo_stack.cleanChanged.connect(self._update_title)
        self.undo_stack.indexChanged.connect(self._update_title)
        self.resize(1280, 800)
        self.resizeDocks([self.palette_dock, self.inspector_dock], [250, 320],
                         Qt.Orientation.Horizontal)  # fmt: skip
        self._restore_layout()
        self._update_title()
        self._update_actions()
        QTimer.singleShot(0, self.view.show_start)

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{name}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    # -- actions -----------------------------------------------------------------
    def _action(self, name: str, text: str, slot: Any = None,
                shortcut: QKeySequence.StandardKey | str | list[Any] | None = None,
                checkable: bool = False, tip: str = "") -> QAction:  # fmt: skip
        action = QAction(text, self)
        action.setObjectName(f"action_{name}")
        if isinstance(shortcut, list):
            action.setShortcuts([QKeySequence(s) for s in shortcut])
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        if slot is not None:
            (action.toggled if checkable else action.triggered).connect(slot)
        self.action_map[name] = action
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        sk = QKeySequence.StandardKey
        a = self._action
        a("new", self.tr("&Neu"), self.new_document, sk.New, tip=self.tr("Ein leeres Modell beginnen"))
        a("open", self.tr("Ö&ffnen …"), self.open_dialog, sk.Open)
        a("save", self.tr("&Speichern"), self.save, sk.Save)
        a("save_as", self.tr("Speichern &unter …"), self.save_as, sk.SaveAs)
        a("close", self.tr("Fenster s&chließen"), self.close, sk.Close)
        a("quit", self.tr("&Beenden"), QApplication.closeAllWindows, sk.Quit)
        undo = self.undo_stack.createUndoAction(self, self.tr("&Rückgängig"))
        undo.setShortcut(QKeySequence(sk.Undo))
        redo = self.undo_stack.createRedoAction(self, self.tr("&Wiederholen"))
        redo.setShortcuts([QKeySequence(sk.Redo), QKeySequence("Ctrl+Y")])
        for name, action in (("undo", undo), ("redo", redo)):
            action.setObjectName(f"action_{name}")
            self.action_map[name] = action
            self.addAction(action)
        a("cut", self.tr("&Ausschneiden"), self.cut, sk.Cut)
        a("copy", self.tr("&Kopieren"), self.copy, sk.Copy)
        a("paste", self.tr("&Einfügen"), self.paste, sk.Paste)
        a("duplicate", self.tr("&Duplizieren"), self.duplicate, "Ctrl+D")
        a("delete", self.tr("&Löschen"), lambda: self.controller.delete_selection(),
          [sk.Delete, "Backspace"])
        a("select_all", self.tr("Alles &auswählen"), self.select_all, sk.SelectAll)
        a("rename", self.tr("&Umbenennen"), self.rename_selected, "F2")
        a("zoom_in", self.tr("Ver&größern"), self.view.zoom_in, [sk.ZoomIn, "Ctrl+="])
        a("zoom_out", self.tr("Ver&kleinern"), self.view.zoom_out, sk.ZoomOut)
        a("zoom_100", self.tr("Originalgröße (100 %)"), self.view.zoom_reset, "Ctrl+1")
        a("fit", self.tr("Ganzes Modell zeigen"), self.view.fit_all, "Ctrl+0")
        a("grid", self.tr("Raster anzeigen"), self.scene.set_grid_visible, "Ctrl+'", checkable=True)
        a("snap", self.tr("Am Raster einrasten"), self._set_snap, "Ctrl+Shift+'", checkable=True)
        a("align_left", self.tr("Links ausrichten"), lambda: self.controller.align("left"))
        a("align_hcenter", self.tr("Mittig ausrichten"), lambda: self.controller.align("hcenter"))
        a("align_right", self.tr("Rechts ausrichten"), lambda: self.controller.align("right"))
        a("align_top", self.tr("Oben ausrichten (je Ebene)"), lambda: self.controller.align("top"))
        a("distribute", self.tr("Gleichmäßig verteilen"), self.controller.distribute)
        a("auto_layout", self.tr("Automatisch &anordnen"), self.controller.auto_layout, "Ctrl+L",
          tip=self.tr("Einheiten in ihren Ebenen ordnen, mit wenigen Überschneidungen"))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        act = self.action_map
        file_menu = bar.addMenu(self.tr("&Datei"))
        file_menu.addAction(act["new"])
        self.template_menu = file_menu.addMenu(self.tr("Neu aus &Vorlage"))
        self._fill_template_menu()
        file_menu.addAction(act["open"])
        self.recent_menu = file_menu.addMenu(self.tr("&Zuletzt geöffnet"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        for name in ("save", "save_as"):
            file_menu.addAction(act[name])
        file_menu.addSeparator()
        file_menu.addAction(act["close"])
        file_menu.addAction(act["quit"])
        edit = bar.addMenu(self.tr("&Bearbeiten"))
        self._fill(edit, ("undo", "redo", None, "cut", "copy", "paste", "duplicate", "delete", None,
                          "select_all", "rename"))  # fmt: skip
        view = bar.addMenu(self.tr("&Ansicht"))
        self._fill(view, ("zoom_in", "zoom_out", "zoom_100", "fit", None, "grid", "snap"))
        view.addSeparator()
        for dock in (self.palette_dock, self.inspector_dock, self.history_dock):
            view.addAction(dock.toggleViewAction())
        arrange = bar.addMenu(self.tr("A&nordnen"))
        self._fill(arrange, ("align_left", "align_hcenter", "align_right", "align_top",
                             "distribute", None, "auto_layout"))  # fmt: skip

    def _fill(self, target: QMenu | QToolBar, names: tuple[str | None, ...]) -> None:
        for name in names:
            if name is None:
                target.addSeparator()
            else:
                target.addAction(self.action_map[name])

    def _build_toolbar(self) -> None:
        tb = self.addToolBar(self.tr("Werkzeuge"))
        tb.setObjectName("toolbar_main")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._fill(tb, ("new", "open", "save", None, "undo", "redo", None, "delete", None,
                        "zoom_out", "zoom_in", "fit", None, "auto_layout"))  # fmt: skip

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
            action.triggered.connect(lambda _c=False, t=template: self.new_document(t.build()))

    def _set_snap(self, on: bool) -> None:
        self.scene.snap_to_grid = on

    # -- selection -------------------------------------------------------------------
    def _selection_changed(self) -> None:
        nodes, edges = self.scene.selected_node_ids(), self.scene.selected_edge_ids()
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
        return menu

    # -- clipboard ---------------------------------------------------------------------
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

    # -- files ----------------------------------------------------------------------
    def display_name(self) -> str:
        path = self.document.path
        return path.name if path is not None else self.tr("Unbenannt")

    def _update_title(self, *_args: object) -> None:
        self.setWindowTitle(f"{self.display_name()}[*] – OrgDesigner")
        self.setWindowModified(self.is_modified())

    def is_modified(self) -> bool:
        """Unsaved work: edits since the last save, or a recovered draft not yet saved."""
        recovered = self.autosaver is not None and self.autosaver.dirty
        return recovered or not self.undo_stack.isClean()

    def maybe_save(self) -> bool:
        """Ask what to do with unsaved changes; ``False`` means the user cancelled."""
        if not self.is_modified():
            return True
        answer = self.ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        """Ask Save / Discard / Cancel for unsaved changes."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Ungespeicherte Änderungen"))
        box.setText(self.tr("„{0}“ hat Änderungen, die noch nicht gespeichert sind.")
                    .format(self.display_name()))  # fmt: skip
        box.setInformativeText(self.tr("Möchten Sie die Änderungen speichern?"))
        buttons = QMessageBox.StandardButton
        box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
        box.button(buttons.Save).setText(self.tr("Speichern"))
        box.button(buttons.Discard).setText(self.tr("Verwerfen"))
        box.button(buttons.Cancel).setText(self.tr("Abbrechen"))
        box.setDefaultButton(buttons.Save)
        box.setEscapeButton(buttons.Cancel)
        return buttons(box.exec())

    def set_model(self, model: OrgModel, path: Path | None) -> None:
        """Show ``model`` (a new or loaded document); the undo history starts afresh."""
        self.scene.clearSelection()
        self.undo_stack.clear()
        self.document.path = path
        self.document.replace_model(model)
        self.undo_stack.setClean()
        if self.autosaver is not None:
            self.autosaver.saved()
        self._update_title()
        QTimer.singleShot(0, self.view.show_start)

    def new_document(self, model: OrgModel | None = None) -> None:
        if isinstance(model, bool) or model is None:
            model = OrgModel()
        if self.maybe_save():
            self.set_model(model, None)

    def _dialog_options(self) -> QFileDialog.Option:
        if self.use_native_dialogs:
            return QFileDialog.Option(0)
        return QFileDialog.Option.DontUseNativeDialog

    def _file_filter(self) -> str:
        return self.tr("Organisationsmodelle ({0})").format(FILE_FILTER_SUFFIX)

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        start = str(self.document.path.parent) if self.document.path else ""
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Modell öffnen"), start,
                                              self._file_filter(), "", self._dialog_options())  # fmt: skip
        if name:
            self.load_file(Path(name), ask=False)

    def load_file(self, path: Path, ask: bool = True) -> bool:
        """Open ``path`` in this window; load errors appear in a dialog."""
        if ask and not self.maybe_save():
            return False
        try:
            model = fileformat.load(path)
        except ModelFileError as exc:
            self.show_error(self.tr("Die Datei kann nicht geöffnet werden."), exc.message())
            return False
        self.set_model(model, path)
        self.add_recent(path)
        self.statusBar().showMessage(self.tr("Geöffnet: {0}").format(path), 5000)
        return True

    def _open_dropped(self, files: list[str]) -> None:
        if files:
            self.load_file(Path(files[0]))
            for extra in files[1:]:
                self.open_in_new_window.emit(extra)

    def show_error(self, text: str, detail: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("OrgDesigner"), text,
                          QMessageBox.StandardButton.Ok, self)  # fmt: skip
        box.setInformativeText(detail)
        box.exec()

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        start = str(self.document.path) if self.document.path else self.tr("Organisationsmodell")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Modell speichern unter"), start,
                                              self._file_filter(), "", self._dialog_options())  # fmt: skip
        if not name:
            return False
        if not name.endswith(fileformat.SUFFIX):
            name = name.removesuffix(".json") + fileformat.SUFFIX
        return self._save_to(Path(name))

    def _save_to(self, path: Path) -> bool:
        try:
            self.document.save(path)
        except SaveError as exc:
            self.show_error(self.tr("Das Modell wurde nicht gespeichert."), exc.message())
            return False
        self.undo_stack.setClean()
        if self.autosaver is not None:
            self.autosaver.saved()
        self.add_recent(path)
        self._update_title()
        self.statusBar().showMessage(self.tr("Gespeichert: {0}").format(path), 5000)
        return True

    # -- recent files ---------------------------------------------------------------------
    @staticmethod
    def recent_files() -> list[str]:
        value: Any = QSettings().value("recent_files", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value or []]

    def add_recent(self, path: Path) -> None:
        name = str(path.resolve())
        files = [f for f in self.recent_files() if f != name]
        QSettings().setValue("recent_files", [name, *files][:MAX_RECENT])

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.recent_files()
        if not files:
            empty = self.recent_menu.addAction(self.tr("(keine)"))
            empty.setEnabled(False)
            return
        for f in files:
            action = self.recent_menu.addAction(f)
            action.triggered.connect(lambda _c=False, p=f: self.load_file(Path(p)))

    # -- window layout -------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry, state = settings.value("window/geometry"), settings.value("window/state")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        self.action_map["grid"].setChecked(bool(settings.value("canvas/grid", False, bool)))
        self.action_map["snap"].setChecked(bool(settings.value("canvas/snap", False, bool)))

    def _save_layout(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("canvas/grid", self.action_map["grid"].isChecked())
        settings.setValue("canvas/snap", self.action_map["snap"].isChecked())

    # -- window events ----------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self.scene.cancel_rename()
        if self.maybe_save():
            self._save_layout()
            if self.autosaver is not None:
                self.autosaver.discard()
            event.accept()
        else:
            event.ignore()

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
