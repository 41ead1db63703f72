"""Cold start: from a new Python process to the program window shown with the example model.

Run from the repository root: ``python benchmarks/bench_coldstart.py [--runs 5]``

Each run starts ``python -c`` in a fresh process (offscreen Qt, empty settings and data
folders in a temporary directory) that starts the program as ``orgdesigner`` does
(:func:`orgdesigner.ui.app.run`, no file: the built-in example model). Its ``on_start``
queues a zero-time timer; it fires once the event loop runs,
i.e. after the window was shown; the child then paints the window once more to be sure a
frame exists, prints the wall-clock time and quits. The figure is that time minus the
wall-clock time just before the parent started the process: interpreter start, imports,
building the window, first evaluation of the rules, first paint. Goal: ≤ 1.5 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from orgdesigner.ui.app import run


def on_start(manager):
    def shown():
        window = manager.windows[0]
        assert window.isVisible()
        window.repaint()
        print("SHOWN", repr(time.time()), flush=True)
        QApplication.instance().quit()

    QTimer.singleShot(0, shown)


sys.exit(run([], on_start=on_start))
"""


def cold_start(runs: int) -> list[float]:
    """Start the program ``runs`` times; return the times to the shown window in ms."""
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
                   XDG_CONFIG_HOME=str(Path(tmp) / "config"), XDG_DATA_HOME=str(Path(tmp) / "data"),
                   ORGDESIGNER_DATA_DIR=str(Path(tmp) / "drafts"),
                   PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))  # fmt: skip
        for _ in range(runs):
            start = time.time()
            out = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True,
                                 text=True, timeout=120, cwd=tmp)  # fmt: skip
            shown = [line for line in out.stdout.splitlines() if line.startswith("SHOWN ")]
            if out.returncode != 0 or not shown:
                raise RuntimeError(f"the program did not start (exit {out.returncode}):\n"
                                   f"{out.stdout}\n{out.stderr}")  # fmt: skip
            times.append((float(shown[0].split()[1]) - start) * 1000)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_coldstart")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    times = cold_start(args.runs)
    med = statistics.median(times)
    print(f"cold start to the shown window ({args.runs} runs): median {med:.0f} ms, "
          f"min {min(times):.0f}, max {max(times):.0f}; goal ≤ 1500 ms: "
          f"{'met' if med <= 1500 else 'missed'}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
