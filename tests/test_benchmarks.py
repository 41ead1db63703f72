"""Smoke test of the benchmark command: it runs at the smallest size and prints its table.

No timing is asserted here (the figures live in docs/performance.md); this only keeps
``python -m benchmarks`` working as the program changes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_benchmark_command_runs_at_the_smallest_size(tmp_path: Path) -> None:
    pytest.importorskip("PySide6")
    only = ["load", "save", "rules", "compare", "layout", "export", "scene", "drag", "panel", "coldstart"]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"))  # fmt: skip
    md = tmp_path / "performance.md"
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--only", ",".join(only),
         "--markdown", str(md)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert out.returncode == 0, out.stdout + out.stderr
    assert "measurement" in out.stdout and "median ms" in out.stdout and "peer" in out.stdout
    assert "json.loads" in out.stdout  # the peers: always the floor for loading,
    if shutil.which("dot") and shutil.which("neato"):  # graphviz when it is installed
        assert "neato -n2" in out.stdout and "dot " in out.stdout
    assert "<!-- benchmarks:begin -->" in md.read_text(encoding="utf-8")
