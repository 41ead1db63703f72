"""Render the main window with the example model at 1280×800 to docs/screenshots/.

Run from the repository root:  QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from orgdesigner.i18n import set_language

OUT = Path(__file__).resolve().parent / "screenshots"


def main(lang: str = "de") -> list[Path]:
    set_language(lang)
    app = QApplication.instance() or QApplication([])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    app.setOrganizationName("OrgDesignerScreenshots")
    from orgdesigner.ui.app import apply_locale, example_model
    from orgdesigner.ui.mainwindow import MainWindow

    apply_locale()
    OUT.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    window = MainWindow(example_model())
    window.resize(1280, 800)
    window.show()
    for _ in range(5):
        app.processEvents()
    window.view.show_start()
    app.processEvents()
    path = OUT / f"main-window-{lang}.png"
    window.grab().save(str(path))
    written.append(path)
    # a unit selected: the inspector shows its properties
    first = next(iter(window.scene.nodes))
    for node_id, item in window.scene.nodes.items():
        if item.node.level == "coordination":
            first = node_id
            break
    window.scene.select_ids([first])
    app.processEvents()
    path = OUT / f"main-window-selection-{lang}.png"
    window.grab().save(str(path))
    written.append(path)
    # the canvas at 100 %
    window.view.zoom_reset()
    window.view.horizontalScrollBar().setValue(window.view.horizontalScrollBar().minimum())
    window.view.verticalScrollBar().setValue(window.view.verticalScrollBar().minimum())
    app.processEvents()
    path = OUT / f"canvas-100-{lang}.png"
    window.view.grab().save(str(path))
    written.append(path)
    window.undo_stack.setClean()
    window.close()
    return written


if __name__ == "__main__":
    for p in main(sys.argv[1] if len(sys.argv) > 1 else "de"):
        print(p)
