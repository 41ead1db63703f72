"""Run the benchmarks: ``python -m benchmarks [--sizes 100,1000,10000] [--runs 5] [--quick]
[--only load,save,rules,layout,routing,export,scene,drag,panel,coldstart] [--markdown docs/performance.md]``.

Prints one table: per measurement and size the median and the spread (min–max) of several
runs, the peer measured in the same run on the same data (bare ``json.loads`` of the same
file, graphviz ``neato -n2 -Tpdf`` for the PDF, graphviz ``dot`` for the layout) with the
ratio, and the goal of ISSUE 9 with "met" or "MISSED". Figures only; nothing here asserts
a time. ``--markdown`` rewrites the results table in that file between its markers.

The Qt measurements (scene, drag, panel) run offscreen in this process after the headless
ones; cold start starts the program in fresh processes. See docs/performance.md.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.generate import SIZES, generate  # noqa: E402

SECTIONS = ("load", "save", "rules", "compare", "layout", "routing", "export", "scene", "drag",
            "panel", "coldstart")  # fmt: skip
GUI_SIZES = (100, 1_000)
"""Sizes of the Qt measurements (drag, panel): the goals are at 1,000 units; 10,000 units
in a window are measured with ``--gui-sizes``."""
BEGIN, END = "<!-- benchmarks:begin -->", "<!-- benchmarks:end -->"


def measure(fn: Callable[[], Any], runs: int, warmup: bool = True) -> list[float]:
    """Run ``fn`` ``runs`` times (after one warm-up); return the times in ms."""
    if warmup:
        fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return times


@dataclass
class Row:
    name: str
    size: int | str
    times: list[float]
    peer: str = ""
    goal: str = ""
    unit: str = "ms"

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    def cells(self) -> list[str]:
        if self.unit == "ms":
            med = f"{self.median:.2f}" if self.median < 100 else f"{self.median:.0f}"
            lo, hi = min(self.times), max(self.times)
            spread = f"{lo:.2f}–{hi:.2f}" if hi < 100 else f"{lo:.0f}–{hi:.0f}"
        else:
            med, spread = f"{self.median:.0f} {self.unit}", ""
        size = f"{self.size:,}" if isinstance(self.size, int) else self.size
        return [self.name, size, med, spread, str(len(self.times)), self.peer, self.goal]


HEADER = ["measurement", "units", "median ms", "spread ms", "runs", "peer (same run)", "goal"]


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)

    def add(self, row: Row) -> Row:
        self.rows.append(row)
        print(f"  … {row.name} @ {row.size}: {row.cells()[2]} ms {row.peer} {row.goal}",
              file=sys.stderr, flush=True)  # fmt: skip
        return row

    def text(self) -> str:
        cells = [HEADER, *(r.cells() for r in self.rows)]
        widths = [max(len(c[i]) for c in cells) for i in range(len(HEADER))]
        right = {1, 2, 3, 4}
        lines = []
        for k, c in enumerate(cells):
            lines.append("  ".join(v.rjust(w) if i in right else v.ljust(w)
                                   for i, (v, w) in enumerate(zip(c, widths, strict=True))).rstrip())  # fmt: skip
            if k == 0:
                lines.append("-" * len(lines[0]))
        return "\n".join(lines)

    def markdown(self) -> str:
        lines = ["| " + " | ".join(HEADER) + " |",
                 "|" + "|".join(["---", "--:", "--:", "--:", "--:", "---", "---"]) + "|"]  # fmt: skip
        for r in self.rows:
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in r.cells()) + " |")
        return "\n".join(lines)


def goal(value: float, limit: float, text: str) -> str:
    return f"{text}: {'met' if value <= limit else 'MISSED'}"


def load_average() -> str:
    try:
        return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:  # pragma: no cover - not on every system
        return "load average n/a"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return (f"{platform.platform()}, {cpu}, {os.cpu_count()} CPUs, "
            f"Python {platform.python_version()}")  # fmt: skip


# ---------------------------------------------------------------------------
# headless: load, save, rules, layout, export
# ---------------------------------------------------------------------------
def core(table: Table, sizes: list[int], runs: int, only: set[str], tmp: Path) -> None:
    from orgdesigner import fileformat
    from orgdesigner.rules import evaluate

    for n in sizes:
        model = generate(n)
        path = tmp / f"m{n}.orgmodel.json"
        fileformat.save(model, path, backup=False)
        data = path.read_bytes()
        if "load" in only:
            floor = statistics.median(measure(lambda: json.loads(data), runs))
            load = table.add(Row("load + validate", n, measure(lambda: fileformat.load(path), runs)))
            ratio = load.median / floor
            load.peer = f"json.loads {floor:.2f} ms: {ratio:.1f} ×"
            load.goal = goal(ratio, 3, "≤ 3 × json.loads")
        if "save" in only:
            table.add(Row("save (atomic, with backup)", n,
                          measure(lambda: fileformat.save(model, path), runs),
                          peer=f"{len(data) / 1e6:.2f} MB file"))  # fmt: skip
        if "rules" in only:
            limit = {100: 5, 1_000: 50, 10_000: 1000}.get(n)
            row = table.add(Row("rule evaluation (all rules)", n,
                                measure(lambda: evaluate(model), runs)))  # fmt: skip
            row.peer = f"{len(evaluate(model))} findings"
            if limit:
                row.goal = goal(row.median, limit, f"≤ {limit:,} ms")
        if "compare" in only:
            compare_rows(table, model, runs)


def compare_rows(table: Table, model: Any, runs: int) -> None:
    """Bisher/künftig (ISSUE 17): a proposal made from the model, compared with it, once
    with the findings the window already has (as the canvas compares) and once evaluating
    both versions (as ``orgdesigner diff`` does); peer: one rule evaluation."""
    from benchmarks.generate import proposal
    from orgdesigner.compare import compare
    from orgdesigner.rules import evaluate

    n = len(model.nodes)
    new = proposal(model)
    old_f, new_f = evaluate(model), evaluate(new)
    one = statistics.median(measure(lambda: evaluate(new), runs))
    row = table.add(Row("comparison bisher/künftig (findings given)", n,
                        measure(lambda: compare(model, new, old_findings=old_f,
                                                new_findings=new_f), runs)))  # fmt: skip
    c = compare(model, new, old_findings=old_f, new_findings=new_f)
    changes = (len(c.units_added) + len(c.units_removed) + len(c.units_changed)
               + len(c.relations_added) + len(c.relations_removed) + len(c.relations_changed))  # fmt: skip
    row.peer = f"{changes} changes; one rule evaluation {one:.1f} ms: {row.median / one:.2f} ×"
    if n == 1_000:
        row.goal = goal(row.median, 100, "≤ 100 ms")
    full = table.add(Row("comparison with both verdicts (orgdesigner diff)", n,
                         measure(lambda: compare(model, new), runs)))  # fmt: skip
    full.peer = f"2 rule evaluations {2 * one:.1f} ms: {full.median / (2 * one):.2f} ×"


def layout_rows(table: Table, sizes: list[int], runs: int, quick: bool = False) -> None:
    """Per template and model of 20–300 units: crossings of the one-row layout against dot's,
    the wrapped (default) layout's crossings and A4 print size, times; then the timing sizes."""
    from benchmarks import bench_layout

    for name, model in bench_layout.models(() if quick else bench_layout.SIZES):
        r = bench_layout.measure(model, runs)
        size = len(model.nodes) if name.isdigit() else f"{name} ({len(model.nodes)})"
        ours = r["one-row crossings"]
        one = table.add(Row("auto-layout crossings, one row per band", size, [float(ours)],  # type: ignore[arg-type]
                            unit="crossings"))  # fmt: skip
        if "dot" in r:
            theirs = r["dot crossings"]
            one.peer = f"dot {theirs:,}: {ours / max(1, theirs):.2f} ×"  # type: ignore[operator]
            one.goal = goal(ours, theirs, "≤ dot's crossings")  # type: ignore[arg-type]
        orient = "landscape" if r["a4 landscape"] else "portrait"
        table.add(Row("auto-layout crossings, wrapped for A4 (default)", size,
                      [float(r["layout crossings"])], unit="crossings",  # type: ignore[arg-type]
                      peer=f"A4 {orient} at {r['a4 scale']:.2f}: unit text {r['min text pt']:.1f} pt"))  # fmt: skip
        timing = table.add(Row("auto-layout (default)", size, r["layout"]))  # type: ignore[arg-type]
        if "dot" in r:
            dot_ms = statistics.median(r["dot"])  # type: ignore[arg-type]
            timing.peer = f"dot {dot_ms:.0f} ms: {timing.median / dot_ms:.2f} ×"
        if name == "300":
            timing.goal = goal(timing.median, 100, "≤ 100 ms")
    for n in sizes:
        model = generate(n)
        big = n >= 10_000
        # auto-layout at 10,000 units takes seconds and dot minutes: once, without dot
        r = bench_layout.measure(model, 1 if big else runs, with_dot=not big, warmup=not big)
        row = table.add(Row("auto-layout (default)", n, r["layout"]))  # type: ignore[arg-type]
        table.add(Row("auto-layout, one row per band", n, r["one-row layout"]))  # type: ignore[arg-type]
        ours = r["one-row crossings"]
        cross = Row("auto-layout crossings, one row per band", n, [float(ours)], unit="crossings")  # type: ignore[arg-type]
        if "dot" in r:
            dot_ms = statistics.median(r["dot"])  # type: ignore[arg-type]
            theirs = r["dot crossings"]
            row.peer = f"dot {dot_ms:.0f} ms: {row.median / dot_ms:.2f} ×"
            cross.peer = f"dot {theirs:,}: {ours / max(1, theirs):.2f} ×"  # type: ignore[operator]
            cross.goal = goal(ours, theirs, "≤ dot's crossings")  # type: ignore[arg-type]
        else:
            row.peer = "dot not run at this size (minutes)"
        if n == 1_000:
            row.goal = goal(row.median, 1000, "≤ 1,000 ms")
        table.add(cross)


def export_rows(table: Table, sizes: list[int], runs: int, tmp: Path) -> None:
    from benchmarks import bench_export
    from orgdesigner.export import render

    render(generate(20), bench_export.FULL)  # warm-up: fonts, catalog
    for n in sizes:
        model = generate(n)
        big = n >= 10_000
        k = 1 if big else runs
        chart = table.add(Row("PDF export, chart (A3, 1 page)", n,
                              measure(lambda: render(model, bench_export.CHART), k, warmup=not big)))  # fmt: skip
        dot = tmp / f"g{n}.dot"
        dot.write_text(bench_export.to_dot(model), encoding="utf-8")
        if shutil.which("neato"):
            neato = statistics.median(
                [bench_export.run_neato(dot, tmp / f"g{n}.pdf") for _ in range(k)]
            )
            chart.peer = f"neato -n2 -Tpdf {neato:.0f} ms: {chart.median / neato:.2f} ×"
            if n == 1_000:
                chart.goal = goal(chart.median, neato, "faster than neato -n2")
        if not big:  # the appendix lists every unit: 800 pages at 10,000 units, minutes
            tagged, untagged = bench_export.tagged_vs_untagged(model, k)
            full = table.add(Row("PDF export, chart + appendix, tagged PDF/UA + PDF/A-2a", n,
                                 tagged))  # fmt: skip
            plain = table.add(Row("PDF export, chart + appendix, untagged PDF/A-2b", n,
                                  untagged))  # fmt: skip
            ratio = full.median / plain.median
            full.peer = f"untagged {plain.median:.0f} ms: {ratio:.2f} ×"
            if n == 1_000:
                full.goal = goal(ratio, bench_export.TAGGED_GOAL, "≤ 1.5 × untagged")


# ---------------------------------------------------------------------------
# Qt, offscreen: scene build, drag, edit → rule panel; cold start in subprocesses
# ---------------------------------------------------------------------------
def qt_app(tmp: Path) -> Any:
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(tmp / "settings"))
    QCoreApplication.setOrganizationName("OrgDesignerBenchmarks")
    return app


def scene_rows(table: Table, sizes: list[int], runs: int) -> None:
    from PySide6.QtWidgets import QApplication

    from orgdesigner.canvas.scene import OrgScene
    from orgdesigner.document import Document

    for n in sizes:
        model = generate(n)
        scenes = []

        def build(m: Any = model, keep: list[Any] = scenes) -> None:
            keep.append(OrgScene(Document(m)))

        big = n >= 10_000  # tens of seconds per build at 10,000 units: once
        table.add(Row("scene build (all items)", n, measure(build, 1 if big else runs, warmup=not big)))
        for scene in scenes:
            scene.deleteLater()
        QApplication.processEvents()


def open_window(model: Any) -> Any:
    from PySide6.QtWidgets import QApplication

    from orgdesigner.ui.mainwindow import MainWindow

    window = MainWindow(model)
    window.resize(1280, 800)
    window.show()
    QApplication.processEvents()
    window.view.zoom_reset()
    QApplication.processEvents()
    return window


def close_window(window: Any) -> None:
    from PySide6.QtWidgets import QApplication

    window.undo_stack.setClean()
    window.close()
    window.deleteLater()
    QApplication.processEvents()


def drag_rows(table: Table, sizes: list[int], runs: int) -> None:
    import random

    from benchmarks import bench_canvas

    for n in sizes:
        window = open_window(generate(n))
        impl = [x.id for x in window.document.model.nodes if x.level == "implementation"]
        rng = random.Random(2)
        for label, ids in (("1 unit", [impl[0]]), ("50 units", [impl[0], *rng.sample(impl[1:], 49)])):
            times: list[float] = []
            for _ in range(max(1, runs // 2)):  # each drag is 60 moves
                moves, _release = bench_canvas.drag_timing(window, ids)
                times.extend(moves)
            p95 = sorted(times)[int(len(times) * 0.95)]
            row = table.add(Row(f"drag {label}, per mouse move", n, times,
                                peer=f"95th percentile {p95:.1f} ms"))  # fmt: skip
            if n == 1_000:
                row.goal = goal(row.median, 16, "≤ 16 ms")
        close_window(window)
        compare_drag_row(table, n, runs)


def compare_drag_row(table: Table, n: int, runs: int) -> None:
    """Comparison mode (ISSUE 17): the open model compared with a proposal made from it
    (units renamed, removed, added; relations retargeted), so that the canvas carries
    badges, frames and ghosts; dragging one unit."""
    from benchmarks import bench_canvas
    from benchmarks.generate import proposal

    model = generate(n)
    window = open_window(proposal(model))
    window.compare_panel.start(model, "bisher")
    marks = window.compare_panel.markers.count()
    impl = [x.id for x in window.document.model.nodes if x.level == "implementation"]
    times: list[float] = []
    for _ in range(max(1, runs // 2)):
        moves, _release = bench_canvas.drag_timing(window, [impl[0]])
        times.extend(moves)
    p95 = sorted(times)[int(len(times) * 0.95)]
    row = table.add(Row("drag 1 unit in comparison mode, per mouse move", n, times,
                        peer=f"{marks} marks and ghosts; 95th percentile {p95:.1f} ms"))  # fmt: skip
    if n == 1_000:
        row.goal = goal(row.median, 16, "≤ 16 ms")
    close_window(window)


def panel_rows(table: Table, sizes: list[int], runs: int) -> None:
    bench_panel = _bench_panel()
    if bench_panel is None:
        return
    for n in sizes:
        with contextlib.redirect_stdout(io.StringIO()):
            results = bench_panel.run(n, max(3, runs))
        painted = table.add(Row("edit → rule panel updated and painted", n,
                                results["edit → panel painted"]))  # fmt: skip
        parts = [f"debounce {bench_panel.rule_evaluator.DEBOUNCE_MS} ms",
                 f"evaluation {statistics.median(results['evaluation']):.0f} ms"]  # fmt: skip
        if results["longest pause"]:
            parts.append(f"longest UI pause {statistics.median(results['longest pause']):.0f} ms")
        painted.peer = ", ".join(parts)
        if n == 1_000:
            painted.goal = goal(painted.median, 200, "≤ 200 ms (panel issue)")


def _bench_panel() -> Any:
    try:
        from benchmarks import bench_panel
    except ImportError as exc:  # the panel benchmark needs the rule panel's evaluator
        print(f"panel benchmark not available: {exc}", file=sys.stderr)
        return None
    return bench_panel


def coldstart_rows(table: Table, runs: int) -> None:
    from benchmarks.bench_coldstart import cold_start

    row = table.add(Row("cold start to shown window (example model)", "example",
                        cold_start(runs)))  # fmt: skip
    row.peer = "new process, offscreen"
    row.goal = goal(row.median, 1500, "≤ 1,500 ms")


# ---------------------------------------------------------------------------
def write_markdown(path: Path, table: Table, header: str) -> None:
    block = f"{BEGIN}\n{header}\n\n{table.markdown()}\n{END}"
    text = path.read_text(encoding="utf-8") if path.exists() else f"# Performance\n\n{BEGIN}\n{END}\n"
    if BEGIN in text and END in text:
        before, rest = text.split(BEGIN, 1)
        after = rest.split(END, 1)[1]
        text = before + block + after
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)),
                        help="model sizes of the headless measurements (default 100,1000,10000)")  # fmt: skip
    parser.add_argument("--gui-sizes", default=",".join(map(str, GUI_SIZES)),
                        help="model sizes of drag and panel (default 100,1000)")  # fmt: skip
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (default 5)")
    parser.add_argument("--quick", action="store_true",
                        help="smallest size, 2 runs: the smoke test")  # fmt: skip
    parser.add_argument("--only", default=",".join(SECTIONS),
                        help=f"comma-separated subset of {','.join(SECTIONS)}")  # fmt: skip
    parser.add_argument("--markdown", type=Path,
                        help="rewrite the results table in this file between its markers")  # fmt: skip
    args = parser.parse_args(argv)
    sizes = [100] if args.quick else [int(s) for s in args.sizes.split(",")]
    gui_sizes = [100] if args.quick else [int(s) for s in args.gui_sizes.split(",")]
    runs = 2 if args.quick else args.runs
    only = set(args.only.split(","))
    unknown = only - set(SECTIONS)
    if unknown:
        parser.error(f"unknown measurement(s): {', '.join(sorted(unknown))}")
    started = time.perf_counter()
    load_before = load_average()
    print(f"OrgDesigner benchmarks – {machine()}", flush=True)
    print(f"sizes {sizes}, Qt sizes {gui_sizes}, {runs} runs; {load_before} at start", flush=True)
    table = Table()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        os.environ["XDG_DATA_HOME"] = str(tmp / "data")  # no drafts in the user's folders
        if only & {"load", "save", "rules", "compare"}:
            core(table, sizes, runs, only, tmp)
        if "layout" in only:
            layout_rows(table, sizes, runs, quick=args.quick)
        if "routing" in only:
            from benchmarks import bench_routing

            bench_routing.rows(table, sizes, runs, Row, goal)
        if "export" in only:
            export_rows(table, sizes, runs, tmp)
        if only & {"scene", "drag", "panel"}:
            qt_app(tmp)
            if "scene" in only:
                scene_rows(table, sizes, runs)
            if "drag" in only:
                drag_rows(table, gui_sizes, runs)
            if "panel" in only:
                panel_rows(table, gui_sizes, runs)
        if "coldstart" in only:
            coldstart_rows(table, runs)
    elapsed = time.perf_counter() - started
    footer = f"whole run {elapsed:.0f} s; {load_before} at start, {load_average()} at end"
    print()
    print(table.text())
    print(footer)
    if args.markdown:
        stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        command = "python -m benchmarks " + " ".join(argv if argv is not None else sys.argv[1:])
        header = (f"Measured {stamp} on {machine()}; `{command.strip()}`; {footer}.")
        write_markdown(args.markdown, table, header)
        print(f"results table written to {args.markdown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
