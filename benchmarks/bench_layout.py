"""Auto-layout benchmark: time and edge crossings, side by side with graphviz ``dot``.

Run from the repository root: ``python benchmarks/bench_layout.py [--sizes 20,40,80,150,300]
[--timing 1000] [--runs 3]`` (or ``python -m benchmarks --only layout``).

For every template and each size the model (``benchmarks/generate.py``) is laid out by
``orgdesigner.layout.auto_layout`` – one row per band (``one_row=True``, as dot draws it)
and the default, wrapped into sub-rows for the largest print on A4 – and, as the peer, by
``dot -Tplain`` on the same graph
with the level as rank (one ``rank=same`` subgraph per level, the levels top to bottom
held in order by an invisible chain, every relation drawn from the upper level to the
lower so that dot never has to reverse one). Both drawings are then counted with the same
function (:mod:`benchmarks.crossings`: straight lines from centre to centre), so the
figures compare how each orders the units within the bands. Goals: one-row crossings ≤
dot's on every line; ≤ 100 ms at 300 units and ≤ 1 s at 1,000. The wrapped layout's line
shows its crossings and the scale at which the chart fits an A4 page with the smallest unit
text in pt (8 pt at 100 %).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.crossings import count_crossings
from benchmarks.generate import generate
from orgdesigner import layout, style
from orgdesigner.catalog import LEVEL_IDS
from orgdesigner.drawing.autolayout import a4_scale, chart_size
from orgdesigner.model import OrgModel

Point = tuple[float, float]
SIZES = (20, 40, 80, 150, 300)
TIMING = (1_000,)


def edges_of(model: OrgModel) -> list[tuple[str, str]]:
    return [(e.source, e.target) for e in model.edges]


def layout_centres(model: OrgModel, moved: dict[str, Point] | None = None) -> dict[str, Point]:
    """Node centres after ``auto_layout`` (it returns only the nodes that move)."""
    moved = layout.auto_layout(model) if moved is None else moved
    out = {}
    for n in model.nodes:
        x, y = moved.get(n.id, (n.x, n.y))
        out[n.id] = (x + n.width / 2, y + n.height / 2)
    return out


def dot_source(model: OrgModel) -> str:
    """The model as a DOT graph for ``dot``: levels as ranks, same box sizes and gaps."""
    rank = {lv: i for i, lv in enumerate(LEVEL_IDS)}
    level = {n.id: n.level for n in model.nodes}
    lines = ["digraph G {",
             f"  graph [nodesep={layout.H_GAP / 72:.3f}, ranksep=0.5, splines=false];",
             '  node [shape=box, fixedsize=true, label=""];',
             "  edge [arrowhead=none];"]  # fmt: skip
    for i, lv in enumerate(LEVEL_IDS):
        members = " ".join(
            f'"{n.id}" [width={n.width / 72:.3f}, height={n.height / 72:.3f}];'
            for n in model.nodes if n.level == lv
        )  # fmt: skip
        lines.append(f"  subgraph level{i} {{ rank=same; _level{i} [style=invis, width=0.01]; "
                     f"{members} }}")  # fmt: skip
    chain = " -> ".join(f"_level{i}" for i in range(len(LEVEL_IDS)))
    lines.append(f"  {chain} [style=invis, weight=100];")
    for e in model.edges:
        a, b = e.source, e.target
        if rank[level[a]] > rank[level[b]]:
            a, b = b, a
        lines.append(f'  "{a}" -> "{b}";')  # quoted: ids may hold "-"
    lines.append("}")
    return "\n".join(lines)


def run_dot(source: str, timeout: float = 300.0) -> tuple[float, dict[str, Point]]:
    """Run ``dot -Tplain``; return its wall time in ms and the node centres it chose."""
    dot = shutil.which("dot")
    if dot is None:
        raise FileNotFoundError("graphviz dot is not installed (apt-get install graphviz)")
    t = time.perf_counter()
    out = subprocess.run([dot, "-Tplain"], input=source, capture_output=True, text=True,
                         check=True, timeout=timeout).stdout  # fmt: skip
    elapsed = (time.perf_counter() - t) * 1000
    centres = {}
    for line in out.splitlines():
        parts = line.split()
        if parts and parts[0] == "node" and not parts[1].startswith("_level"):
            centres[parts[1].strip('"')] = (float(parts[2]), float(parts[3]))
    return elapsed, centres


def measure(model: OrgModel, runs: int, with_dot: bool = True,
            warmup: bool = True) -> dict[str, object]:  # fmt: skip
    """Times in ms (``runs`` each) and crossings of our auto-layout (default and one row
    per band), its A4 scale, and dot's time and crossings."""
    if warmup:
        layout.auto_layout(model)
    ours, one = [], []
    for _ in range(runs):
        t = time.perf_counter()
        wrapped = layout.auto_layout(model)
        ours.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        one_row = layout.auto_layout(model, one_row=True)
        one.append((time.perf_counter() - t) * 1000)
    edges = edges_of(model)
    scale, landscape = a4_scale(*chart_size(model, wrapped))
    result: dict[str, object] = {
        "layout": ours,
        "one-row layout": one,
        "layout crossings": count_crossings(layout_centres(model, wrapped), edges),
        "one-row crossings": count_crossings(layout_centres(model, one_row), edges),
        "a4 scale": scale,
        "a4 landscape": landscape,
        "min text pt": style.NODE_FORM_PT * scale,
    }
    if with_dot:  # the model's own drawing, for reference (seconds at 10,000 units)
        result["input crossings"] = count_crossings(
            {n.id: (n.x + n.width / 2, n.y + n.height / 2) for n in model.nodes}, edges)
    if with_dot and shutil.which("dot"):
        source = dot_source(model)
        dot_times, centres = [], {}
        for _ in range(runs):
            elapsed, centres = run_dot(source)
            dot_times.append(elapsed)
        result["dot"] = dot_times
        result["dot crossings"] = count_crossings(centres, edges)
    return result


def models(sizes: tuple[int, ...] = SIZES) -> list[tuple[str, OrgModel]]:
    """Every template, then the generated models of ``sizes``."""
    from orgdesigner.templates import available

    return [(name, t.build()) for name, t in available().items()] + [
        (str(n), generate(n)) for n in sizes
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_layout")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--timing", default=",".join(map(str, TIMING)),
                        help="sizes measured for time only (no dot)")  # fmt: skip
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    sizes = tuple(int(s) for s in args.sizes.split(",") if s)
    print(f"{'model':>20} {'units':>5} {'edges':>5} | {'one row':>7} {'dot':>5} | "
          f"{'wrapped':>7} {'A4 scale':>10} {'text pt':>7} | {'ms':>6} {'1 row ms':>8} {'dot ms':>6}")  # fmt: skip
    for name, model in models(sizes):
        r = measure(model, args.runs)
        dot_ms = statistics.median(r["dot"]) if "dot" in r else float("nan")  # type: ignore[arg-type]
        orient = "L" if r["a4 landscape"] else "P"
        print(f"{name:>20} {len(model.nodes):>5} {len(model.edges):>5} | "
              f"{r['one-row crossings']:>7} {r.get('dot crossings', 'n/a'):>5} | "
              f"{r['layout crossings']:>7} {r['a4 scale']:>8.3f} {orient} {r['min text pt']:>7.1f} | "
              f"{statistics.median(r['layout']):>6.1f} {statistics.median(r['one-row layout']):>8.1f} "  # type: ignore[arg-type]
              f"{dot_ms:>6.0f}")  # fmt: skip
    for n in (int(s) for s in args.timing.split(",") if s):
        r = measure(generate(n), args.runs, with_dot=False)
        print(f"{n:>6} units: auto-layout {statistics.median(r['layout']):.0f} ms, "  # type: ignore[arg-type]
              f"one row {statistics.median(r['one-row layout']):.0f} ms")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
