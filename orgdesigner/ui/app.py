"""Start the program: ``run(files, lang)`` opens one window per file (or the example).

A file name that does not exist yet (ending in ``.orgmodel.json``) opens an empty model
that will be saved under that name.

When the environment variable ``ORGDESIGNER_TEST_GEOMETRY`` names a file, the program
writes the screen positions of the palette entries, the canvas and the nodes to it as
JSON (refreshed after every change); the end-to-end test drives the window with them.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QPoint, QPointF, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from orgdesigner import __version__, fileformat
from orgdesigner.errors import ModelFileError
from orgdesigner.i18n import current_language, set_language, system_language
from orgdesigner.model import OrgModel
from orgdesigner.recovery import Draft, DraftStore
from orgdesigner.ui.autosave import default_store
from orgdesigner.ui.mainwindow import MainWindow

GEOMETRY_ENV = "ORGDESIGNER_TEST_GEOMETRY"


def example_model() -> OrgModel:
    """The built-in example (an empty model if the templates are not available)."""
    try:
        from orgdesigner import templates
    except ImportError:  # pragma: no cover
        return OrgModel()
    return templates.example_model()


class Application:
    """Keeps the open windows alive and opens new ones; offers drafts after a crash."""

    def __init__(self, app: QApplication, drafts: DraftStore | None = None) -> None:
        self.app = app
        self.drafts = drafts
        self.windows: list[MainWindow] = []

    def open_window(self, model: OrgModel | None = None, path: Path | None = None,
                    draft_key: str | None = None) -> MainWindow:  # fmt: skip
        window = MainWindow(model, path, drafts=self.drafts, draft_key=draft_key)
        window.open_in_new_window.connect(self.open_file)
        window.destroyed.connect(lambda _o=None, w=window: self._forget(w))
        self.windows.append(window)
        window.show()
        return window

    def _forget(self, window: MainWindow) -> None:
        if window in self.windows:
            self.windows.remove(window)

    def open_file(self, name: str) -> MainWindow | None:
        path = Path(name)
        if not path.exists() and path.name.endswith(fileformat.SUFFIX):
            window = self.open_window(OrgModel(), path)
            window.statusBar().showMessage(
                window.tr("Neue Datei – sie wird beim Speichern angelegt."), 8000)  # fmt: skip
            return window
        try:
            model = fileformat.load(path)
        except ModelFileError as exc:
            window = self.windows[0] if self.windows else self.open_window(OrgModel())
            window.show_error(window.tr("Die Datei kann nicht geöffnet werden."), exc.message())
            return None
        window = self.open_window(model, path)
        window.add_recent(path)
        return window


    def recover(self) -> int:
        """Offer the drafts left by a session that ended unexpectedly; return windows opened."""
        if self.drafts is None:
            return 0
        drafts = self.drafts.recoverable()
        if not drafts:
            return 0
        if not self.ask_recover(drafts):
            for draft in drafts:
                self.drafts.discard(draft.key)
            return 0
        opened = 0
        for draft in drafts:
            try:
                model = self.drafts.load(draft)
            except ModelFileError:
                continue  # an unreadable draft stays in its folder; it is never deleted here
            window = self.open_window(model, draft.original, draft_key=draft.key)
            window.statusBar().showMessage(window.tr("Wiederhergestellt – bitte speichern."), 10000)
            opened += 1
        return opened

    def ask_recover(self, drafts: list[Draft]) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, "OrgDesigner",
                          QCoreApplication.translate("Application", "OrgDesigner wurde beim letzten "
                                                     "Mal nicht regulär beendet."))  # fmt: skip
        lines = []
        for d in drafts:
            name = d.original.name if d.original else QCoreApplication.translate(
                "Application", "Unbenannt")  # fmt: skip
            when = d.saved_at.astimezone().strftime("%d.%m.%Y %H:%M")
            lines.append(f"• {name} ({d.title or '–'}, {when})")
        box.setInformativeText(QCoreApplication.translate(
            "Application", "Nicht gespeicherte Arbeit wurde automatisch gesichert:") + "\n"
            + "\n".join(lines) + "\n\n" + QCoreApplication.translate(
            "Application", "Möchten Sie sie wiederherstellen?"))  # fmt: skip
        restore = box.addButton(QCoreApplication.translate("Application", "Wiederherstellen"),
                                QMessageBox.ButtonRole.AcceptRole)  # fmt: skip
        box.addButton(QCoreApplication.translate("Application", "Verwerfen"),
                      QMessageBox.ButtonRole.DestructiveRole)  # fmt: skip
        box.setDefaultButton(restore)
        box.exec()
        return box.clickedButton() is restore


def _global(widget: Any, point: QPoint) -> list[int]:
    p = widget.mapToGlobal(point)
    return [p.x(), p.y()]


def geometry_snapshot(window: MainWindow) -> dict[str, Any]:
    """Screen positions of what the end-to-end test needs to click on."""
    tree = window.form_palette.tree
    palette: dict[str, list[int]] = {}
    for form, item in window.form_palette.items.items():
        rect = tree.visualItemRect(item)
        if rect.isValid() and not item.isHidden():
            palette[form] = _global(tree.viewport(), rect.center())
    view = window.view
    vp = view.viewport()
    nodes: dict[str, Any] = {}
    for node_id, node_item in window.scene.nodes.items():
        centre = view.mapFromScene(node_item.mapToScene(node_item.box().center()))
        handle = view.mapFromScene(node_item.mapToScene(node_item.handle_center() - QPointF(2, 0)))
        nodes[node_id] = {"center": _global(vp, centre), "handle": _global(vp, handle)}
    top_left = vp.mapToGlobal(QPoint(0, 0))
    return {
        "title": window.windowTitle().replace("[*]", "*" if window.isWindowModified() else ""),
        "palette": palette,
        "canvas": [top_left.x(), top_left.y(), vp.width(), vp.height()],
        "nodes": nodes,
        "edges": sorted(window.scene.edges),
    }


def _install_geometry_dump(window: MainWindow, target: str) -> None:
    def dump() -> None:
        data = json.dumps(geometry_snapshot(window))
        tmp = target + ".tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(data)
        os.replace(tmp, target)

    timer = QTimer(window)
    timer.setInterval(200)
    timer.timeout.connect(dump)
    timer.start()


def apply_locale() -> None:
    """Numbers and dates in the user's language (German: 62.000; 1,5)."""
    if current_language() == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    # Qt translations (.qm files) are installed here once they exist (another issue)


def run(files: list[str], lang: str | None = None) -> int:
    """Open the program's windows and run the event loop; return the exit code."""
    set_language(lang or system_language())
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName("OrgDesigner")
    app.setApplicationName("OrgDesigner")
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName("OrgDesigner")
    apply_locale()
    manager = Application(app, default_store())
    manager.recover()
    if files:
        for name in files:
            manager.open_file(name)
    if not manager.windows:
        manager.open_window(example_model())
    target = os.environ.get(GEOMETRY_ENV)
    if target and manager.windows:
        window = manager.windows[0]
        window.use_native_dialogs = False
        _install_geometry_dump(window, target)
    return app.exec()
