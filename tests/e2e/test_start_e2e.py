"""End to end, real input under Xvfb: a palette drag onto another level's band, and a
relation between two units that are not neighbours, made with the keyboard only."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from orgdesigner import fileformat
from tests.e2e.test_window_e2e import (  # noqa: F401  (display is a fixture)
    DRIVER,
    ROOT,
    Desktop,
    display,
    pytestmark,
    wait_for,
)
from tests.ui.conftest import small_model


def focus_main(desk: Desktop) -> None:
    """Give the main window the keyboard (there is no window manager under Xvfb to do it;
    Qt's hidden 1 × 1 "OrgDesigner" leader window must not get the keys)."""
    (main,) = desk.xdo("search", "--name", "– OrgDesigner$").split()
    desk.xdo("windowfocus", "--sync", main)


@pytest.fixture
def program(display: str, tmp_path: Path) -> Iterator[tuple[Desktop, Path]]:  # noqa: F811
    """The real program on a saved copy of a small model (five units on four levels)."""
    target = tmp_path / "plan.orgmodel.json"
    fileformat.save(small_model(), target)
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
        wait_for("the window", lambda: len(desk.snapshot().get("nodes", {})) == 5, 30)
        time.sleep(0.5)  # let the first layout settle
        focus_main(desk)
        yield desk, target
    finally:
        app.terminate()
        try:
            output, _ = app.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()
            output, _ = app.communicate()
        if output and "Traceback" in output:
            pytest.fail("the program raised an exception:\n" + output)


def _saved(target: Path, check: Any) -> Any:
    def load() -> Any:
        try:
            model = fileformat.load(target)
        except fileformat.ModelFileError:
            return None
        return model if check(model) else None

    return load


def test_a_unit_dropped_on_another_levels_band_lands_in_its_own_and_says_why(
        program: tuple[Desktop, Path]) -> None:  # fmt: skip
    desk, _target = program
    snap = desk.snapshot()
    top, bottom = snap["bands"]["political"]
    cx, _cy, cw, _ch = snap["canvas"]
    # a staff unit (coordination) dragged onto the political band, right of the council
    desk.drag(snap["palette"]["staff_unit"], [cx + int(cw * 0.75), (top + bottom) // 2])
    snap = wait_for("the new unit", lambda: len(desk.snapshot().get("nodes", {})) == 6
                    and desk.snapshot())  # fmt: skip
    (new,) = set(snap["nodes"]) - {"rat", "ob", "stab", "pg1", "pg2"}
    assert snap["levels"][new] == "coordination"
    band_top, band_bottom = snap["bands"]["coordination"]
    assert band_top <= snap["nodes"][new]["center"][1] <= band_bottom  # drawn in its own band
    status = wait_for("the status message", lambda: desk.snapshot().get("status"))
    assert "„Stabsstelle“ gehört zur Ebene „Koordination“" in status
    assert "Ebene ändern" in status


def test_two_units_that_are_not_neighbours_are_connected_with_the_keyboard_only(
        program: tuple[Desktop, Path]) -> None:  # fmt: skip
    desk, target = program
    desk.xdo("key", "--clearmodifiers", "ctrl+e")  # to the canvas
    time.sleep(0.3)
    desk.xdo("key", "--clearmodifiers", "Home")  # the first unit: the council
    wait_for("one unit selected", lambda: "1 Einheit" in desk.snapshot().get("status", ""))
    desk.xdo("key", "--clearmodifiers", "ctrl+k")  # „Verbinden mit …“
    time.sleep(0.8)
    assert "Verbinden mit" in desk.xdo("getwindowfocus", "getwindowname")  # the list is open
    desk.xdo("type", "--delay", "60", "daten")  # Projektgruppe Daten, three levels down
    time.sleep(0.3)
    desk.xdo("key", "Return")
    wait_for("the relation", lambda: len(desk.snapshot().get("edges", [])) == 5)
    focus_main(desk)  # the closed dialog leaves the focus nowhere without a window manager
    desk.xdo("key", "--clearmodifiers", "ctrl+s")
    model = wait_for("the saved file", _saved(target, lambda m: len(m.edges) == 5))
    (edge,) = [e for e in model.edges if e.id not in {"e1", "e2", "e3", "e4"}]
    assert (edge.source, edge.target) == ("rat", "pg2")
    assert edge.type == "mandates"  # proposed for council → implementation, as when dragging
