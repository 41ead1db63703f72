"""End to end under Xvfb: a second start (``python -m orgdesigner FILE``, as a double-click
on a model file runs it) hands the file to the running program and exits at once; the
running program shows the file and brings that window to the front (keyboard focus).

1. The first program starts without a file: the example window (``tests/e2e/driver.py
   --geometry`` reports its title).
2. ``python -m orgdesigner b.orgmodel`` from another folder exits 0; the first program's
   window now shows ``b.orgmodel`` (the untouched example gave way) and has the focus.
3. ``python -m orgdesigner a.orgmodel`` opens a second window; handing ``b.orgmodel`` over
   again brings its existing window back to the front instead of opening it twice.
4. SIGTERM ends the first program with exit code 0 and no session lock left behind.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from orgdesigner import fileformat
from orgdesigner.templates import example_model
from tests.ui.conftest import small_model

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).resolve().parent / "driver.py"

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed "
                       "(apt-get install xvfb)"),
    pytest.mark.skipif(shutil.which("xdotool") is None, reason="xdotool is not installed "
                       "(apt-get install xdotool)"),
]  # fmt: skip


def wait_for(what: str, check: Callable[[], Any], timeout: float = 30.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def display() -> Iterator[str]:
    number = next(n for n in range(120, 300) if not Path(f"/tmp/.X{n}-lock").exists()
                  and not Path(f"/tmp/.X11-unix/X{n}").exists())  # fmt: skip
    proc = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1366x768x24", "-nolisten",
                             "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        wait_for("Xvfb", lambda: Path(f"/tmp/.X11-unix/X{number}").exists(), 10)
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_second_start_opens_its_file_in_the_running_program(display: str,
                                                              tmp_path: Path) -> None:  # fmt: skip
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    shared = tmp_path / "Netzlaufwerk"
    shared.mkdir()
    a, b = shared / "a.orgmodel", shared / "b.orgmodel"
    fileformat.save(example_model(), a)
    fileformat.save(small_model(), b)
    geometry = tmp_path / "geometry.json"
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_RUNTIME_DIR": str(runtime),
        "ORGDESIGNER_DATA_DIR": str(tmp_path / "orgdesigner"),
    }

    def snapshot() -> dict[str, Any]:
        try:
            return dict(json.loads(geometry.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return {}

    def focused() -> str:
        out = subprocess.run(["xdotool", "getwindowfocus", "getwindowname"], env=env,
                             capture_output=True, text=True, timeout=20, check=False)  # fmt: skip
        return out.stdout.strip()

    def second_start(name: str) -> tuple[subprocess.CompletedProcess[str], float]:
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "orgdesigner", "--lang", "de", name],
                              cwd=shared, env=env, capture_output=True, text=True,
                              timeout=120)  # fmt: skip
        return done, time.monotonic() - started

    first = subprocess.Popen([sys.executable, str(DRIVER), "--geometry", str(geometry),
                              "--lang", "de"], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)  # fmt: skip
    try:
        # 1: the first program shows its example
        snap = wait_for("the first window", lambda: snapshot().get("palette") and snapshot(), 60)
        assert not snap["title"].startswith("b.orgmodel")
        wait_for("a socket to hand files to", lambda: list(runtime.glob("orgdesigner-*.sock")))
        # 2: a second start with a file (a name relative to its own folder)
        done, seconds = second_start("b.orgmodel")
        assert done.returncode == 0, done.stdout + done.stderr
        assert "OrgDesigner läuft bereits" in done.stdout
        print(f"second start handed its file over and ended after {seconds:.2f} s")
        assert first.poll() is None
        wait_for("the handed-over file in the first program's window",
                 lambda: snapshot().get("title", "").startswith("b.orgmodel"))  # fmt: skip
        assert sorted(snapshot()["nodes"]) == sorted(n.id for n in small_model().nodes)
        wait_for("b.orgmodel in front", lambda: focused().startswith("b.orgmodel"))
        # 3: another file opens a window of its own; b again brings its window back
        done, _ = second_start("a.orgmodel")
        assert done.returncode == 0, done.stdout + done.stderr
        wait_for("a.orgmodel in front", lambda: focused().startswith("a.orgmodel"))
        done, _ = second_start(str(b))
        assert done.returncode == 0, done.stdout + done.stderr
        wait_for("b.orgmodel in front again", lambda: focused().startswith("b.orgmodel"))
        listed = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", r"\.orgmodel"],
                                env=env, capture_output=True, text=True, timeout=20,
                                check=False).stdout.split()  # fmt: skip
        assert len(listed) == 2  # a and b, each once
        # 4: SIGTERM: a calm end, no lock left
        first.terminate()
        output, _ = first.communicate(timeout=60)
        assert first.returncode == 0, output
        assert "Traceback" not in output, output
        assert not list((tmp_path / "orgdesigner" / "drafts").glob("session-*.lock"))
    finally:
        if first.poll() is None:
            first.kill()
            first.communicate()
