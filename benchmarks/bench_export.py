"""Benchmark: PDF export time at 100 and 1,000 nodes, side by side with graphviz.

Run: ``python benchmarks/bench_export.py [--sizes 100 1000] [--repeat 3]``

For each size the same generated model (``benchmarks/generate.py``) is drawn by
``orgdesigner.export`` (chart only, and chart + appendix + PDF/A) and by graphviz
``neato -n2 -Tpdf`` from a DOT file with the same node positions (``pos="x,y!"`` in points)
and similar line styles. Reported: best wall time of ``--repeat`` runs, pages and size, and
what tagging costs: the default tagged export (PDF/UA-1 + PDF/A-2a) against the same export
untagged (PDF/A-2b, ``PdfOptions(tagged=False)``), measured alternately in the same run.
graphviz is the apt package ``graphviz``; without it its column says "n/a".
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generate
from orgdesigner.export import PdfOptions, render
from orgdesigner.model import OrgModel

DOT_STYLE = {
    "mandates": "style=bold, arrowhead=normal",
    "reports_to": "arrowhead=vee",
    "instructs": "arrowhead=teetee",
    "supervises": "style=dashed, arrowhead=odiamond",
    "coordinates": "style=dashed, arrowhead=vee",
    "advises": "style=dotted, arrowhead=vee",
    "delegates": "style=dashed, arrowhead=odot",
    "cooperates": 'color="#333333:#333333", arrowhead=none',
    "liaison": 'style=dashed, color="#333333:#333333", dir=both, arrowhead=odiamond, arrowtail=odiamond',
    "informs": "style=dotted, arrowhead=normal",
}


def make_model(n: int) -> OrgModel:
    """The realistic generated model (``benchmarks/generate.py``), positions in the bands."""
    return generate(n)


def to_dot(model: OrgModel) -> str:
    bottom = max(n.y + n.height for n in model.nodes)
    lines = [
        "digraph G {",
        '  graph [splines=false, outputorder=edgesfirst, fontname="DejaVu Sans"];',
        '  node [shape=box, style="rounded,filled", fixedsize=true, fontname="DejaVu Sans", '
        "fontsize=10];",
    ]
    from orgdesigner import style

    for nd in model.nodes:
        cx = nd.x + nd.width / 2
        cy = bottom - (nd.y + nd.height / 2)  # graphviz: y up
        ls = style.LEVEL_STYLES[nd.level]
        label = nd.label.replace('"', '\\"')
        lines.append(
            f'  {nd.id} [pos="{cx:.1f},{cy:.1f}!", width={nd.width / 72:.3f}, '
            f'height={nd.height / 72:.3f}, label="{label}", fillcolor="{ls.fill}", '
            f'color="{ls.border}"];'
        )
    for e in model.edges:
        lines.append(f"  {e.source} -> {e.target} [{DOT_STYLE[e.type]}];")
    lines.append("}")
    return "\n".join(lines)


CHART = PdfOptions(paper="a3", landscape=True, appendix=False, pdfa=False)
"""The chart alone on one A3 page: what neato -n2 -Tpdf draws too."""
FULL = PdfOptions(paper="a3", landscape=True)
"""What the program exports by default: chart, appendix (findings, guide), tagged
PDF/UA-1 with PDF/A-2a."""
UNTAGGED = PdfOptions(paper="a3", landscape=True, tagged=False)
"""The same without tags: PDF/A-2b, the export before tagging"""
TAGGED_GOAL = 1.5
"""the tagged export takes at most 1.5 × the untagged one (issue 16)"""


def tagged_vs_untagged(model: OrgModel, runs: int) -> tuple[list[float], list[float]]:
    """Times in ms of the tagged (:data:`FULL`) and the untagged (:data:`UNTAGGED`) export
    of ``model``, ``runs`` each, alternating so both see the same machine load."""
    tagged: list[float] = []
    untagged: list[float] = []
    render(model, FULL)
    render(model, UNTAGGED)
    for _ in range(runs):
        for options, times in ((FULL, tagged), (UNTAGGED, untagged)):
            t = time.perf_counter()
            render(model, options)
            times.append((time.perf_counter() - t) * 1000)
    return tagged, untagged


def run_neato(dot: Path, out: Path) -> float:
    """Draw ``dot`` with ``neato -n2 -Tpdf`` (positions as given); return the wall time in ms."""
    neato = shutil.which("neato")
    if neato is None:
        raise FileNotFoundError("graphviz neato is not installed (apt-get install graphviz)")
    t = time.perf_counter()
    subprocess.run([neato, "-n2", "-Tpdf", str(dot), "-o", str(out)], check=True,
                   capture_output=True)  # fmt: skip
    return (time.perf_counter() - t) * 1000


def best_of(repeat: int, fn: object) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    neato = shutil.which("neato")
    render(make_model(10), PdfOptions())  # warm-up: font loading, catalog
    print(f"{'nodes':>6} {'edges':>6} | {'orgdesigner chart':>18} {'+appendix, tagged':>17} "
          f"{'untagged':>9} {'ratio':>6} {'pages':>5} {'KiB':>6} | {'neato -n2 -Tpdf':>16} "
          f"{'KiB':>6}")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            model = make_model(n)
            chart_opts = PdfOptions(paper="a3", landscape=True, appendix=False, pdfa=False)
            t_chart = best_of(args.repeat, lambda m=model, o=chart_opts: render(m, o))
            tagged, untagged = tagged_vs_untagged(model, args.repeat)
            t_full, t_plain = min(tagged) / 1000, min(untagged) / 1000
            data, report = render(model, chart_opts)
            dot = Path(tmp) / f"g{n}.dot"
            dot.write_text(to_dot(model), encoding="utf-8")
            out = Path(tmp) / f"g{n}.pdf"
            if neato:
                t_gv = best_of(
                    args.repeat,
                    lambda d=dot, o=out: subprocess.run(
                        [neato, "-n2", "-Tpdf", str(d), "-o", str(o)], check=True,
                        capture_output=True,
                    ),
                )  # fmt: skip
                gv = f"{t_gv * 1000:>14.0f}ms {out.stat().st_size / 1024:>6.0f}"
            else:
                gv = f"{'n/a':>16} {'':>6}"
            size = len(io.BytesIO(data).getvalue()) / 1024
            print(
                f"{n:>6} {len(model.edges):>6} | {t_chart * 1000:>16.0f}ms "
                f"{t_full * 1000:>15.0f}ms {t_plain * 1000:>7.0f}ms {t_full / t_plain:>5.2f}× "
                f"{report.pages:>5} {size:>6.0f} | {gv}"
            )


if __name__ == "__main__":
    main()
