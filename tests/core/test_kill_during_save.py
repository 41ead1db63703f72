"""Killing a process while it saves never leaves a broken file (issue: never lose work).

A child process saves two different models alternately into the same file as fast as
it can; it is killed with SIGKILL at a random moment. After each round the target loads
as one of the two models, and so does the backup.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from orgdesigner import fileformat
from orgdesigner.commands import remove_node
from orgdesigner.templates import example_model

CHILD = r"""
import sys
from orgdesigner import fileformat
from orgdesigner.commands import remove_node
from orgdesigner.templates import example_model
a = example_model()
b = example_model()
remove_node(b, "beirat").apply(b)
target = sys.argv[1]
print("ready", flush=True)
i = 0
while True:
    fileformat.save(a if i % 2 else b, target)
    i += 1
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_kill_during_save_leaves_old_or_new_file(tmp_path: Path) -> None:
    a = example_model()
    b = example_model()
    remove_node(b, "beirat").apply(b)
    target = tmp_path / "plan.orgmodel.json"
    fileformat.save(a, target)
    rng = random.Random(20261126)
    for _round in range(50):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(target)], stdout=subprocess.PIPE, text=True
        )
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.05))
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        assert fileformat.load(target) in (a, b)
        backup = fileformat.backup_path(target)
        if backup.exists():
            assert fileformat.load(backup) in (a, b)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    # a killed save may leave its temporary file behind; it never replaces the target
    assert all(name.startswith(".plan.orgmodel.json") for name in leftovers)
