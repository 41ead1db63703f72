"""Rule-panel benchmark: time from an edit to the updated panel „Prüfung“.

Run from the repository root:

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_panel.py [--sizes 100,1000] [--edits 12]

For each size the program window opens on a generated model (``benchmarks/generate.py``:
realistic proportions, about 1.5 relations per unit), waits for the first evaluation,
then makes edits through the controller as a user would – renaming a unit that findings
name (so their texts change), adding and removing a relation that breaks a rule – and
measures, per edit:

* **edit**: the edit itself on the GUI thread (command, scene, inspector, hints) – what a
  user typing in the inspector feels; the rules do not run here;
* **edit → panel**: from the edit to the moment the panel, the canvas badges and the
  status-bar counts show the new findings; it includes the debounce
  (``evaluator.DEBOUNCE_MS``) during which further edits would be collected;
* **edit → panel painted**: the same, until the panel has been laid out and repainted;
* its parts: the rules' evaluation on the snapshot, and showing the result in the panel.

Goal: edit → panel painted ≤ 200 ms at 1,000 units. From ``evaluator.WORKER_NODES`` units
the rules run in a worker thread; a second round of edits then reports the longest pause
of the event loop while they run (a 5 ms timer measures how late it fires): what a user
typing or dragging meanwhile would feel.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from benchmarks.generate import generate
from orgdesigner.commands import AddEdge, Command, SetNodeProperties, remove_items
from orgdesigner.model import Edge
from orgdesigner.ui import evaluator as rule_evaluator


def wait_for_panel(window: object, since: float, timeout: float = 30.0) -> float:
    """Run the event loop until the panel shows an evaluation made after ``since``.

    The loop idles as the program does (no polling that would compete with a worker
    thread for the interpreter); it stops when the panel has shown the result."""
    from orgdesigner.ui.mainwindow import MainWindow

    assert isinstance(window, MainWindow)
    panel, evaluator = window.rule_panel, window.evaluator

    def current() -> bool:
        latest = evaluator.latest
        return (latest is not None and latest.generation == evaluator.generation
                and panel.updated_at >= since and panel.shown is latest)  # fmt: skip

    deadline = time.perf_counter() + timeout
    if not current():
        loop = QEventLoop()
        evaluator.evaluated.connect(loop.quit)  # called after the window's own slots
        QTimer.singleShot(int(timeout * 1000), loop.quit)
        while not current() and time.perf_counter() < deadline:
            loop.exec()
        evaluator.evaluated.disconnect(loop.quit)
    if not current():
        raise TimeoutError("the panel did not update")
    return panel.updated_at


class Gaps:
    """The longest pause of the event loop (a 5 ms timer that reports how late it is)."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.clock = QElapsedTimer()
        self.longest = 0.0
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.longest = 0.0
        self.clock.start()
        self.timer.start()

    def _tick(self) -> None:
        self.longest = max(self.longest, self.clock.restart())

    def stop(self) -> float:
        self.timer.stop()
        return self.longest


def make_edit(window: object, i: int) -> Command:
    """The ``i``-th edit a user makes: rename a unit that findings name (its texts change),
    let a staff unit instruct a group (a warning appears), remove that relation again."""
    from orgdesigner.ui.mainwindow import MainWindow

    assert isinstance(window, MainWindow)
    model = window.document.model
    shown = window.rule_panel.shown
    assert shown is not None
    node_ids = {n.id for n in model.nodes}
    named = [s for f in shown.findings for s in f.subjects if s in node_ids]
    if i % 3 == 0:
        return SetNodeProperties([named[0] if named else model.nodes[0].id],
                                 {"label": f"Umbenannt {i}"})  # fmt: skip
    if i % 3 == 1:
        staff = next((n.id for n in model.nodes if n.form == "staff_unit"), model.nodes[0].id)
        group = next(n.id for n in model.nodes if n.level == "implementation")
        return AddEdge(Edge(id=f"bench{i}", type="instructs", source=staff, target=group))
    return remove_items(model, [f"bench{i - 1}"])


def run(size: int, edits: int) -> dict[str, list[float]]:
    from orgdesigner.ui.mainwindow import MainWindow

    model = generate(size)
    window = MainWindow(model)
    window.resize(1280, 800)
    window.show()
    start = time.perf_counter()
    wait_for_panel(window, 0.0)
    first = (time.perf_counter() - start) * 1000
    settle = QEventLoop()  # the window's first layout and paint, before the first edit
    QTimer.singleShot(500, settle.quit)
    settle.exec()
    worker = size >= window.evaluator.worker_nodes
    gaps = Gaps()
    results: dict[str, list[float]] = {"edit": [], "edit → panel": [], "edit → panel painted": [],
                                       "evaluation": [], "showing": [], "longest pause": []}  # fmt: skip
    for i in range(2 * edits if worker else edits):
        command = make_edit(window, i)
        measure_gaps = i >= edits  # a second round watches the event loop instead
        t0 = time.perf_counter()
        assert window.controller.push(command)
        if measure_gaps:
            gaps.start()
            wait_for_panel(window, t0)
            results["longest pause"].append(gaps.stop())
            continue
        results["edit"].append((time.perf_counter() - t0) * 1000)
        t1 = wait_for_panel(window, t0)
        results["edit → panel"].append((t1 - t0) * 1000)
        QCoreApplication.processEvents()  # the layout and paint that follow
        window.rule_panel.tree.viewport().repaint()
        results["edit → panel painted"].append((time.perf_counter() - t0) * 1000)
        latest = window.evaluator.latest
        assert latest is not None
        results["evaluation"].append(latest.elapsed_ms)
        results["showing"].append(window.rule_panel.update_ms)
        QCoreApplication.processEvents()
    findings = len(window.rule_panel.shown.findings) if window.rule_panel.shown else 0
    print(f"\n{size} units, {len(model.edges)} relations, {findings} findings"
          f"{' (rules in a worker thread)' if worker else ''}; "
          f"first evaluation shown {first:.0f} ms after opening")  # fmt: skip
    for name, times in results.items():
        if not times:
            continue
        print(f"  {name:<26} median {statistics.median(times):7.1f} ms   "
              f"min {min(times):7.1f}   max {max(times):7.1f}")  # fmt: skip
    window.undo_stack.setClean()
    window.close()
    window.deleteLater()
    QCoreApplication.processEvents()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_panel")
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--edits", type=int, default=12)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    app.setOrganizationName("OrgDesignerBenchmarks")
    print(f"debounce {rule_evaluator.DEBOUNCE_MS} ms; worker thread from {rule_evaluator.WORKER_NODES} units")
    ok = True
    for size in (int(s) for s in args.sizes.split(",")):
        results = run(size, args.edits)
        if size == 1000:
            ok = statistics.median(results["edit → panel painted"]) <= 200
    print("\ngoal edit → panel painted ≤ 200 ms at 1,000 units (median):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
