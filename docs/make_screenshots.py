"""Render the main window with the example model at 1366 × 768 (a common laptop screen)
to docs/screenshots/, in German and in English.

Run from the repository root:  QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py [de|en]
(without an argument: both languages).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from orgdesigner.i18n import set_language
from orgdesigner.model import OrgModel

OUT = Path(__file__).resolve().parent / "screenshots"


def main(lang: str = "de") -> list[Path]:
    set_language(lang)
    app = QApplication.instance() or QApplication([])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    # fresh settings every run: a window layout saved by an earlier run would be restored
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    app.setOrganizationName("OrgDesignerScreenshots")
    from orgdesigner.ui.app import apply_locale, example_model
    from orgdesigner.ui.mainwindow import MainWindow

    apply_locale()
    OUT.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    window = MainWindow(example_model())
    window.resize(1366, 768)
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
    # Ansicht → Leitung auf den Einheiten zeigen
    window.action_map["show_lead"].setChecked(True)
    window.scene.clearSelection()
    window.view.horizontalScrollBar().setValue(window.view.horizontalScrollBar().minimum())
    window.view.centerOn(window.view.mapToScene(window.view.viewport().rect().center()).x(),
                         window.scene.nodes[first].sceneBoundingRect().center().y())
    app.processEvents()
    path = OUT / f"canvas-lead-{lang}.png"
    window.view.grab().save(str(path))
    written.append(path)
    window.action_map["show_lead"].setChecked(False)
    window.undo_stack.setClean()
    window.close()
    written += findings_screenshots(lang)
    written += compare_screenshots(lang)
    return written


def proposal_pair() -> tuple[OrgModel, OrgModel]:
    """The Stabsstelle template (bisher) and a proposal made from a copy of it (künftig):
    the Stabsstelle becomes an Amt, a project group goes, an ethics board comes with its
    relation, the expert board advises the steering committee instead of the mayor (as
    ``tests/core/test_compare.py`` builds it)."""
    from orgdesigner.templates import available

    old = available()["stabsstelle"].build()
    new = old.model_copy(deep=True)
    new.nodes = [n.model_copy(update={"form": "office", "label": "Amt für Digitalisierung"})
                 if n.id == "stab" else n for n in new.nodes if n.id != "pg3"]  # fmt: skip
    new.edges = [e.model_copy(update={"target": "lk"}) if e.id == "e19" else e
                 for e in new.edges if "pg3" not in (e.source, e.target)]  # fmt: skip
    data = new.model_dump()
    data["nodes"].append({"id": "eth", "level": "advisory", "form": "ethics_board",
                          "label": "Ethikbeirat Daten", "x": 600, "y": 500})  # fmt: skip
    data["edges"].append({"id": "e30", "type": "advises", "source": "eth", "target": "ob"})
    return old, OrgModel.model_validate(data)


def compare_screenshots(lang: str = "de") -> list[Path]:
    """Comparison mode: the proposal compared with the saved template file."""
    from PySide6.QtCore import QRectF

    from orgdesigner.fileformat import save
    from orgdesigner.ui.mainwindow import MainWindow

    app = QApplication.instance()
    old, new = proposal_pair()
    folder = Path(tempfile.mkdtemp())
    path = folder / ("musterstadt-bisher.orgmodel.json" if lang == "de" else
                     "model-current.orgmodel.json")  # fmt: skip
    save(old, path, backup=False)
    window = MainWindow(new)
    window.resize(1366, 768)
    window.show()
    for _ in range(5):
        app.processEvents()
    window.compare_with_file(path)
    for _ in range(10):
        app.processEvents()
    scene = window.scene
    rect = QRectF()
    for item_id in ("stab", "eth", "e19"):
        item = scene.nodes.get(item_id) or scene.edges[item_id]
        rect = rect.united(item.sceneBoundingRect())
    for ghost in window.compare_panel.markers.unit_ghosts.values():
        rect = rect.united(ghost.sceneBoundingRect())
    window.view.set_zoom(0.62)
    window.view.centerOn(rect.center())
    for _ in range(5):
        app.processEvents()
    out = OUT / f"compare-{lang}.png"
    window.grab().save(str(out))
    window.undo_stack.setClean()
    window.close()
    return [out]


def model_with_findings() -> OrgModel:
    """The example model with a few departures from the guide (for the rule panel)."""
    from orgdesigner import layout
    from orgdesigner.model import Edge, Node
    from orgdesigner.ui.app import example_model

    model = example_model()

    def change(node_id: str, **values: object) -> None:
        i = model.node_index(node_id)
        model.nodes[i] = model.nodes[i].model_copy(update=values)

    change("lead", deputy="", fte=0.3)  # no deputy: accepted below with a reason
    change("stab", deputy="", fte=0.5)  # coordination-understaffed (62,000 inhabitants)
    change("lk", cadence="weekly")  # strategic-cadence
    model.edges.append(Edge(id="e20", type="instructs", source="stab", target="pg1",
                            label="Weisung"))  # staff-unit-instructs  # fmt: skip
    ethics = Node(id="ethik", level="advisory", form="ethics_board", label="Ethikbeirat")
    x, y = layout.place_new(model, "advisory", 395, 508, ethics.height)  # board-unconnected
    model.nodes.append(ethics.model_copy(update={"x": x, "y": y}))
    for node_id, (x, y) in layout.settle(model, {}).items():
        change(node_id, x=x, y=y)
    model.suppressed_rules["coordination-lead-no-deputy"] = (
        "Stellvertretung wird zum 1. Juli besetzt (Ratsbeschluss vom 12. März)")  # fmt: skip
    return model


def findings_screenshots(lang: str = "de") -> list[Path]:
    """The window with a model that has warnings: the rule panel, badges, hints, questions."""
    from PySide6.QtCore import QEventLoop, QTimer

    from orgdesigner.ui.mainwindow import MainWindow

    app = QApplication.instance()
    assert app is not None

    def settle(ms: int = 300) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    written: list[Path] = []
    window = MainWindow(model_with_findings())
    window.resize(1366, 768)
    window.show()
    settle()
    window.view.set_zoom(0.6)
    window.view.centerOn(window.node_item("stab").sceneBoundingRect().center())
    settle()
    path = OUT / f"rule-panel-{lang}.png"
    window.grab().save(str(path))
    written.append(path)
    # a finding clicked: its unit is selected and centred; the hints show the staff unit
    panel = window.rule_panel
    index = panel.entry_index("warning", "staff-unit-instructs")
    panel.tree.setCurrentIndex(index)
    panel.tree.clicked.emit(index)
    window.hints_dock.raise_()
    settle()
    path = OUT / f"hints-staff-unit-{lang}.png"
    window.grab().save(str(path))
    written.append(path)
    # the reflection questions of Botschaft 4 with two answers
    questions = window.questions_panel
    questions.set_answer("B4.Q1", "Lotsinnen und Lotsen sollen Smart City in jedes Fachamt tragen "
                                  "und Bedarfe zurückmelden.")  # fmt: skip
    questions.set_answer("B4.Q2", "Freiwillige aus den Fachämtern, Aufruf im Intranet.")
    questions.show_botschaft(4)
    window.scene.clearSelection()
    settle()
    path = OUT / f"leitfragen-{lang}.png"
    window.grab().save(str(path))
    written.append(path)
    window.undo_stack.setClean()
    window.close()
    return written


def export_screenshots(lang: str = "de") -> list[Path]:
    """The PDF export dialog with its page preview, and the chart as a PNG export."""
    from orgdesigner.templates import example_model
    from orgdesigner.ui.exportdialog import ExportDialog
    from orgdesigner.ui.imageexport import write_image
    from orgdesigner.ui.mainwindow import MainWindow

    app = QApplication.instance()
    assert app is not None
    dialog = ExportDialog(example_model())
    dialog.show()
    dialog.report()
    app.processEvents()
    dialog_path = OUT / f"export-dialog-{lang}.png"
    dialog.grab().save(str(dialog_path))
    dialog.close()
    window = MainWindow(example_model())
    image_path = OUT / f"image-export-{lang}.png"
    write_image(window.scene, image_path, "png", 150)
    window.undo_stack.setClean()
    window.close()
    return [dialog_path, image_path]


def coverage_screenshots(lang: str = "de") -> list[Path]:
    """Who does what: the dock „Aufgaben“ (one function left to no unit, so its row shows
    „nicht besetzt“) and the inspector's „Aufgaben“ of the Stabsstelle."""
    from PySide6.QtCore import Qt

    from orgdesigner.ui.app import apply_locale, example_model
    from orgdesigner.ui.coverage import functions_with
    from orgdesigner.ui.mainwindow import MainWindow

    set_language(lang)
    app = QApplication.instance() or QApplication([])
    apply_locale()
    model = example_model()
    for node in model.nodes:
        if "resource_coordination" in node.held_functions():
            index = model.node_index(node.id)
            model.nodes[index] = node.model_copy(
                update={"functions": functions_with(node, "resource_coordination", False)})
    window = MainWindow(model)
    window.resize(1366, 768)
    window.show()
    for _ in range(5):
        app.processEvents()
    window.resizeDocks([window.inspector_dock], [640], Qt.Orientation.Horizontal)
    window.coverage_dock.raise_()
    window.view.show_start()
    for _ in range(5):
        app.processEvents()
    written = [OUT / f"coverage-{lang}.png", OUT / f"coverage-inspector-{lang}.png"]
    window.grab().save(str(written[0]))
    window.inspector_dock.raise_()
    stab = next(n.id for n in window.document.model.nodes if n.form == "staff_unit")
    window.scene.select_ids([stab])
    app.processEvents()
    section = window.inspector.functions_section
    scroll = window.inspector.stack.currentWidget()
    scroll.ensureWidgetVisible(section.labels["measure_design"], 0, 0)  # type: ignore[attr-defined]
    app.processEvents()
    window.grab().save(str(written[1]))
    window.undo_stack.setClean()
    window.close()
    return written


if __name__ == "__main__":
    for language in sys.argv[1:] or ["de", "en"]:
        for p in [*main(language), *export_screenshots(language), *coverage_screenshots(language)]:
            print(p)
