"""Auto-layout benchmark: time and edge crossings, side by side with graphviz ``dot``.

Run from the repository root: ``python benchmarks/bench_layout.py [--sizes 100,1000] [--runs 3]``

For each size the generated model (``benchmarks/generate.py``) is laid out by
``orgdesigner.layout.auto_layout`` and, as the peer, by ``dot -Tplain`` on the same graph
with the level as rank (one ``rank=same`` subgraph per level, the levels top to bottom
held in order by an invisible chain, every relation drawn from the upper level to the
lower so that dot never has to reverse one). Both drawings are then counted with the same
function (:mod:`benchmarks.crossings`: straight lines from centre to centre), so the
figures compare how each orders the units within the bands. Goal at 1,000 units: ≤ 1 s
and no more crossings than dot.
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
from orgdesigner import layout
from orgdesigner.catalog import LEVEL_IDS
from orgdesigner.model import OrgModel

Point = tuple[float, float]


def edges_of(model: OrgModel) -> list[tuple[str, str]]:
    return [(e.source, e.target) for e in model.edges]


def layout_centres(model: OrgModel) -> dict[str, Point]:
    """Node centres after ``auto_layout`` (it returns only the nodes that move)."""
    moved = layout.auto_layout(model)
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
            f'{n.id} [width={n.width / 72:.3f}, height={n.height / 72:.3f}];'
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
        lines.append(f"  {a} -> {b};")
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
            centres[parts[1]] = (float(parts[2]), float(parts[3]))
    return elapsed, centres


def measure(model: OrgModel, runs: int, with_dot: bool = True,
            warmup: bool = True) -> dict[str, object]:  # fmt: skip
    """Times in ms (``runs`` each) and crossings of our auto-layout and of dot."""
    if warmup:
        layout_centres(model)
    ours = []
    for _ in range(runs):
        t = time.perf_counter()
        layout.auto_layout(model)
        ours.append((time.perf_counter() - t) * 1000)
    edges = edges_of(model)
    result: dict[str, object] = {"layout": ours,
                                 "layout crossings": count_crossings(layout_centres(model), edges)}  # fmt: skip
    if with_dot:  # the generator's own rows, for reference (seconds at 10,000 units)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_layout")
    parser.add_argument("--sizes", default="100,1000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"{'units':>6} {'edges':>6} | {'auto_layout ms':>14} {'crossings':>10} | "
          f"{'dot ms':>9} {'crossings':>10} | {'generator':>10}")  # fmt: skip
    for n in (int(s) for s in args.sizes.split(",")):
        model = generate(n)
        r = measure(model, args.runs)
        dot_ms = statistics.median(r["dot"]) if "dot" in r else float("nan")  # type: ignore[arg-type]
        print(f"{n:>6} {len(model.edges):>6} | {statistics.median(r['layout']):>14.1f} "  # type: ignore[arg-type]
              f"{r['layout crossings']:>10} | {dot_ms:>9.0f} {r.get('dot crossings', 'n/a'):>10} | "
              f"{r.get('input crossings', 'n/a'):>10}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
