"""Canvas benchmark: 1,000 units and 1,500 relations; time per mouse move while dragging.

Run from the repository root:

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_canvas.py

Reports the time to build the scene, and the time per mouse move (event handling plus
the repaint it causes) while dragging one node and while dragging 50 selected nodes,
and the time to record the move (the undo step) on release. Goal: ≤ 16 ms per move.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from orgdesigner import layout
from orgdesigner.catalog import FORM_IDS, FORM_LEVEL
from orgdesigner.model import Edge, Node, OrgModel
from orgdesigner.relations import propose_relation

N_NODES, N_EDGES, MOVES = 1000, 1500, 60
CPU_TIMES: list[float] = []


def big_model(seed: int = 1, local: bool = True) -> OrgModel:
    """1,000 units laid out in their bands and 1,500 relations.

    ``local``: relations join units that are near each other (within about two columns
    and two rows), as in a drawn organisation chart; otherwise they join random units
    anywhere in the drawing (a worst case: nearly every relation crosses the screen).
    """
    rng = random.Random(seed)
    nodes = []
    for i in range(N_NODES):
        form = FORM_IDS[i % len(FORM_IDS)]
        nodes.append(Node(id=f"n{i}", level=FORM_LEVEL[form], form=form, label=f"Einheit {i}",
                          x=200 + rng.random() * 3000, y=0))  # fmt: skip
    model = OrgModel(nodes=nodes)
    for node_id, (x, y) in layout.auto_layout(model).items():
        i = model.node_index(node_id)
        model.nodes[i] = model.nodes[i].model_copy(update={"x": x, "y": y})
    edges = []
    while len(edges) < N_EDGES:
        a, b = rng.sample(model.nodes, 2)
        if local and (abs(a.x - b.x) > 450 or abs(a.y - b.y) > 200):
            continue
        edges.append(Edge(id=f"e{len(edges)}", type=propose_relation(a, b), source=a.id, target=b.id))
    model.edges = edges
    return model


def send(widget: object, kind: QEvent.Type, pos: QPoint, button: Qt.MouseButton,
         buttons: Qt.MouseButton) -> None:  # fmt: skip
    event = QMouseEvent(kind, QPointF(pos), QPointF(widget.mapToGlobal(pos)), button, buttons,  # type: ignore[attr-defined]
                        Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(widget, event)  # type: ignore[arg-type]


def drag_timing(window: object, node_ids: list[str]) -> tuple[list[float], float]:
    from orgdesigner.ui.mainwindow import MainWindow

    assert isinstance(window, MainWindow)
    scene, view = window.scene, window.view
    scene.select_ids(node_ids)
    item = scene.nodes[node_ids[0]]
    start_scene = item.mapToScene(item.box().center())
    view.centerOn(start_scene)
    QApplication.processEvents()
    vp = view.viewport()
    p0 = view.mapFromScene(start_scene)
    left = Qt.MouseButton.LeftButton
    send(vp, QEvent.Type.MouseButtonPress, p0, left, left)
    # Ctrl was not held: the press on a selected item keeps the whole selection
    times = []
    cpu = []
    for i in range(1, MOVES + 1):
        p = p0 + QPoint(3 * i, 0)
        t, c = time.perf_counter(), time.process_time()
        send(vp, QEvent.Type.MouseMove, p, Qt.MouseButton.NoButton, left)
        QApplication.processEvents()  # Qt repaints what changed: the frame the user sees
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    CPU_TIMES.append(statistics.median(cpu))
    t = time.perf_counter()
    send(vp, QEvent.Type.MouseButtonRelease, p0 + QPoint(3 * MOVES, 0), left, Qt.MouseButton.NoButton)
    QApplication.processEvents()
    release = (time.perf_counter() - t) * 1000
    moved = sum(1 for n in node_ids if window.document.model.node(n).x != scene.nodes[n].node.x - 0)
    assert moved == 0  # the model follows the items after the release
    return times, release


def run_case(local: bool) -> dict[str, list[float]]:
    from orgdesigner.ui.mainwindow import MainWindow

    model = big_model(local=local)
    t = time.perf_counter()
    window = MainWindow(model)
    window.resize(1280, 800)
    window.show()
    QApplication.processEvents()
    build = (time.perf_counter() - t) * 1000
    window.view.zoom_reset()
    QApplication.processEvents()
    kind = "relations between neighbouring units" if local else "relations between random units"
    print(f"\n{len(model.nodes)} units, {len(model.edges)} {kind} "
          f"(window 1280×800, zoom 100 %): scene built and shown in {build:.0f} ms")  # fmt: skip
    rng = random.Random(2)
    impl = [n.id for n in model.nodes if n.level == "implementation"]
    results = {}
    for label, ids in (("1 node", [impl[0]]), ("50 nodes", [impl[0], *rng.sample(impl[1:], 49)])):
        times, release = drag_timing(window, ids)
        results[label] = times
        print(f"  drag {label:>8}: per move median {statistics.median(times):6.2f} ms, "
              f"95th pct {sorted(times)[int(len(times) * 0.95)]:6.2f} ms, "
              f"max {max(times):6.2f} ms (median CPU time {CPU_TIMES[-1]:5.2f} ms); "
              f"release (one undo step) {release:6.1f} ms")  # fmt: skip
    window.undo_stack.setClean()
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    return results


def main() -> int:
    _app = QApplication.instance() or QApplication([])
    realistic = run_case(local=True)
    run_case(local=False)
    ok = all(statistics.median(t) <= 16 for t in realistic.values())
    print("\ngoal ≤ 16 ms per move (median, neighbouring relations):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
