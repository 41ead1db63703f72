"""End to end: a real window under Xvfb, driven by xdotool like a user's mouse and keyboard.

Drag two palette entries onto the canvas, connect the two new units, press Ctrl+S, and
check the saved file. The program is started with the name of a file that does not exist
yet, so Ctrl+S saves there without a dialog. The program writes the screen positions of
what we click on to a JSON file (``tests/e2e/driver.py --geometry``).
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

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).resolve().parent / "driver.py"

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed "
                       "(apt-get install xvfb)"),
    pytest.mark.skipif(shutil.which("xdotool") is None, reason="xdotool is not installed "
                       "(apt-get install xdotool)"),
]  # fmt: skip


def _free_display() -> int:
    for n in range(90, 200):
        if not Path(f"/tmp/.X{n}-lock").exists() and not Path(f"/tmp/.X11-unix/X{n}").exists():
            return n
    raise RuntimeError("no free X display number")


def wait_for(what: str, check: Callable[[], Any], timeout: float = 20.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def display() -> Iterator[str]:
    number = _free_display()
    proc = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1600x1000x24", "-nolisten",
                             "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        wait_for("Xvfb", lambda: Path(f"/tmp/.X11-unix/X{number}").exists(), 10)
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


class Desktop:
    def __init__(self, display: str, geometry: Path) -> None:
        self.env = {**os.environ, "DISPLAY": display}
        self.geometry = geometry

    def xdo(self, *args: object) -> str:
        out = subprocess.run(["xdotool", *map(str, args)], env=self.env, capture_output=True,
                             text=True, timeout=20, check=False)  # fmt: skip
        return out.stdout

    def snapshot(self) -> dict[str, Any]:
        try:
            return dict(json.loads(self.geometry.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return {}

    def move(self, x: float, y: float) -> None:
        self.xdo("mousemove", int(x), int(y))
        time.sleep(0.05)

    def drag(self, start: list[int], end: list[int], steps: int = 15) -> None:
        self.move(*start)
        time.sleep(0.2)
        self.xdo("mousedown", 1)
        time.sleep(0.2)
        for i in range(1, steps + 1):
            f = i / steps
            self.move(start[0] + (end[0] - start[0]) * f, start[1] + (end[1] - start[1]) * f)
        time.sleep(0.3)
        self.xdo("mouseup", 1)
        time.sleep(0.3)


def test_drag_drop_connect_and_save(display: str, tmp_path: Path) -> None:
    target = tmp_path / "e2e.orgmodel.json"
    geometry = tmp_path / "geometry.json"
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    app = subprocess.Popen([sys.executable, str(DRIVER), "--geometry", str(geometry),
                            "--lang", "de", str(target)],
                           cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)  # fmt: skip
    desk = Desktop(display, geometry)
    try:
        snap = wait_for("the window", lambda: desk.snapshot().get("palette") and desk.snapshot(), 30)
        assert snap["title"].startswith("e2e.orgmodel.json")
        time.sleep(0.5)  # let the first layout settle
        snap = desk.snapshot()
        cx, cy, cw, ch = snap["canvas"]
        desk.drag(snap["palette"]["staff_unit"], [cx + int(cw * 0.35), cy + int(ch * 0.3)])
        wait_for("the first unit", lambda: len(desk.snapshot().get("nodes", {})) == 1)
        snap = desk.snapshot()
        desk.drag(snap["palette"]["project_group"], [cx + int(cw * 0.7), cy + int(ch * 0.6)])
        snap = wait_for("the second unit",
                        lambda: len(desk.snapshot().get("nodes", {})) == 2 and desk.snapshot())  # fmt: skip
        first, second = sorted(snap["nodes"].values(), key=lambda n: n["center"][1])
        desk.move(*first["center"])  # hovering shows the connection handle
        desk.drag(first["handle"], second["center"])
        wait_for("the relation", lambda: len(desk.snapshot().get("edges", [])) == 1)
        windows = desk.xdo("search", "--name", "OrgDesigner").split()
        if windows:
            desk.xdo("windowfocus", "--sync", windows[-1])
        desk.move(cx + 20, cy + 20)
        desk.xdo("key", "--clearmodifiers", "ctrl+s")

        def saved() -> Any:
            try:
                return fileformat.load(target)
            except fileformat.ModelFileError:
                return None

        model = wait_for("the saved file", saved)
        assert sorted((n.level, n.form) for n in model.nodes) == [
            ("coordination", "staff_unit"), ("implementation", "project_group")]
        assert len(model.edges) == 1
        edge = model.edges[0]
        by_id = {n.id: n for n in model.nodes}
        assert (by_id[edge.source].form, by_id[edge.target].form) == ("staff_unit", "project_group")
        assert edge.type == "coordinates"  # proposed: coordination → implementation
        wait_for("the title without *", lambda: "*" not in desk.snapshot().get("title", "*"))
    finally:
        app.terminate()
        try:
            output, _ = app.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()
            output, _ = app.communicate()
        if output and "Traceback" in output:
            pytest.fail("the program raised an exception:\n" + output)
