"""Start the real program for an end-to-end test, with what the test needs added from
outside (the program itself has no test hooks).

    python tests/e2e/driver.py [--geometry FILE] [--script FILE] [--lang de] [MODEL...]

``--geometry FILE``: every 200 ms, write the screen positions of the palette entries, the
canvas, the level bands and the units of the first window, the units' levels and the status
bar's message as JSON (what xdotool clicks on and the test checks); Qt's own file dialogs
instead of the desktop's.
``--script FILE``: run this Python file once, before the recovery question, with
``manager`` (the program's :class:`~orgdesigner.ui.app.Application`) in its globals.
Everything else is :func:`orgdesigner.ui.app.run`, as ``orgdesigner`` starts it.
"""

from __future__ import annotations

import argparse
import json
import os
import runpy
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QPoint, QPointF, QTimer  # noqa: E402

from orgdesigner.ui.app import Application, run  # noqa: E402
from orgdesigner.ui.mainwindow import MainWindow  # noqa: E402


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
    bands = {}
    for level, band in window.scene.band_geometry().items():
        top = view.mapFromScene(QPointF(0, band.top))
        bottom = view.mapFromScene(QPointF(0, band.bottom))
        bands[level] = [vp.mapToGlobal(top).y(), vp.mapToGlobal(bottom).y()]
    return {
        "title": window.windowTitle().replace("[*]", "*" if window.isWindowModified() else ""),
        "status": window.statusBar().currentMessage(),
        "levels": {n.id: n.level for n in window.document.model.nodes},
        "bands": bands,
        "palette": palette,
        "canvas": [top_left.x(), top_left.y(), vp.width(), vp.height()],
        "nodes": nodes,
        "edges": sorted(window.scene.edges),
    }


def dump_geometry(manager: Application, target: str) -> None:
    def dump() -> None:
        if not manager.windows:
            return
        window = manager.windows[0]
        window.use_native_dialogs = False
        data = json.dumps(geometry_snapshot(window))
        with open(target + ".tmp", "w", encoding="utf-8") as fh:
            fh.write(data)
        os.replace(target + ".tmp", target)

    timer = QTimer(manager.app)
    timer.setInterval(200)
    timer.timeout.connect(dump)
    timer.start()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--geometry")
    parser.add_argument("--script")
    parser.add_argument("--lang", choices=("de", "en"))
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()

    def on_start(manager: Application) -> None:
        if args.geometry:
            dump_geometry(manager, args.geometry)
        if args.script:
            runpy.run_path(args.script, init_globals={"manager": manager}, run_name="__e2e__")

    return run(args.files, args.lang, on_start=on_start)


if __name__ == "__main__":
    sys.exit(main())
