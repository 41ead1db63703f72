"""Run the benchmarks: ``python -m benchmarks [--sizes 100,1000] [--runs 5] [--quick]``.

Prints one table of medians and spreads (min–max) per measurement and size, with the
peers measured in the same run as ratios. Figures only; nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.generate import SIZES, generate


def measure(fn: Callable[[], Any], runs: int) -> list[float]:
    """Run ``fn`` ``runs`` times after one warm-up; return the times in ms."""
    fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return times


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, int, list[float], str]] = []

    def add(self, name: str, size: int, times: list[float], note: str = "") -> float:
        self.rows.append((name, size, times, note))
        return statistics.median(times)

    def print(self) -> None:
        print(f"\n{'measurement':<42} {'size':>7} {'median ms':>11} {'spread ms':>19}  note")
        print("-" * 110)
        for name, size, times, note in self.rows:
            med = statistics.median(times)
            spread = f"{min(times):.2f}–{max(times):.2f}"
            print(f"{name:<42} {size:>7} {med:>11.2f} {spread:>19}  {note}")


def core_benchmarks(table: Table, sizes: list[int], runs: int) -> None:
    from orgdesigner import fileformat
    from orgdesigner.rules import evaluate

    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            model = generate(n)
            path = Path(tmp) / f"m{n}.orgmodel.json"
            fileformat.save(model, path, backup=False)
            data = path.read_bytes()
            floor = table.add(
                "json.loads (peer: floor for loading)", n, measure(lambda: json.loads(data), runs)
            )
            load = statistics.median(measure(lambda: fileformat.load(path), runs))
            table.rows.append(
                (
                    "load + validate",
                    n,
                    measure(lambda: fileformat.load(path), runs),
                    f"{load / floor:.1f} × json.loads (goal ≤ 3 ×), {len(data) / 1e6:.2f} MB",
                )
            )
            table.add(
                "save (atomic, with backup)", n, measure(lambda: fileformat.save(model, path), runs)
            )
            goal = {100: 5, 1_000: 50, 10_000: 1000}.get(n)
            rules = table.add(
                "rule evaluation (all 33 rules)", n, measure(lambda: evaluate(model), runs)
            )
            if goal:
                table.rows[-1] = (
                    *table.rows[-1][:3],
                    f"goal ≤ {goal} ms: {'met' if rules <= goal else 'MISSED'}",
                )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="smallest size, 2 runs (smoke test)")
    args = parser.parse_args(argv)
    sizes = [100] if args.quick else [int(s) for s in args.sizes.split(",")]
    runs = 2 if args.quick else args.runs
    print(
        f"OrgDesigner benchmarks – {platform.platform()}, Python {platform.python_version()}, "
        f"{platform.processor() or platform.machine()}"
    )
    table = Table()
    core_benchmarks(table, sizes, runs)
    table.print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
