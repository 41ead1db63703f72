"""``orgdesigner --self-test`` is the smoke test of a built app: it must pass here too."""

from __future__ import annotations

import os
import subprocess
import sys


def test_self_test_passes_offscreen() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("DISPLAY", None)
    result = subprocess.run(
        [sys.executable, "-m", "orgdesigner", "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[:4]] == [
        "ok   model",
        "ok   rules",
        "ok   pdf",
        "ok   window",
    ]
    assert "14 units" in lines[3]
    assert lines[-1].startswith("self-test passed")
