"""End to end: Ansicht → Sprache → English with the real mouse under Xvfb. Every menu,
dock and toolbar text changes at once, without a restart, and no German is left in the
menus (each menu text is compared with the German texts the program showed before).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.test_window_e2e import DRIVER, ROOT, Desktop, display, pytestmark, wait_for

__all__ = ["display", "pytestmark"]

SCRIPT = Path(__file__).resolve().parent / "menus_script.py"
SAME_IN_BOTH = {"&Deutsch", "&English", "Deutsch", "English"}
"""The language menu names each language in itself."""


def _menus(path: Path) -> dict[str, Any]:
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}


def test_switching_to_english_through_the_menu_leaves_no_german(display: str,
                                                                tmp_path: Path) -> None:  # fmt: skip
    menus = tmp_path / "menus.json"
    geometry = tmp_path / "geometry.json"
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "ORGDESIGNER_E2E_MENUS": str(menus),
    }
    app = subprocess.Popen([sys.executable, str(DRIVER), "--geometry", str(geometry), "--script",
                            str(SCRIPT), "--lang", "de", str(tmp_path / "plan.orgmodel.json")],
                           cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)  # fmt: skip
    desk = Desktop(display, geometry)
    try:
        german = wait_for("the menus", lambda: _menus(menus).get("bar") and _menus(menus), 30)
        assert "&Ansicht" in german["bar"] and "&Sprache" in german["texts"]
        german_texts = set(german["texts"]) - SAME_IN_BOTH
        time.sleep(0.5)
        windows = desk.xdo("search", "--name", "OrgDesigner").split()
        if windows:
            desk.xdo("windowactivate", "--sync", windows[-1])
        desk.move(*german["bar"]["&Ansicht"])
        desk.xdo("click", 1)
        popup = wait_for("the Ansicht menu", lambda: "&Sprache" in _menus(menus).get("popup", {})
                         and _menus(menus)["popup"])  # fmt: skip
        desk.move(*popup["&Sprache"])  # hovering opens the submenu
        desk.xdo("click", 1)
        popup = wait_for("the Sprache menu", lambda: "&English" in _menus(menus).get("popup", {})
                         and _menus(menus)["popup"])  # fmt: skip
        desk.move(*popup["&English"])
        time.sleep(0.2)
        desk.xdo("click", 1)
        english = wait_for("English menus", lambda: "&View" in _menus(menus).get("bar", {})
                           and _menus(menus))  # fmt: skip
        left = [t for t in english["texts"] if t in german_texts]
        assert not left, f"German left in the menus: {left}"
        assert len(english["texts"]) == len(german["texts"])  # the same menus, all translated
        assert "Properties" in english["docks"] and "Eigenschaften" not in english["docks"]
        assert "Undo" in english["toolbar"] and "Rückgängig" not in english["toolbar"]
    finally:
        app.terminate()
        try:
            output, _ = app.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()
            output, _ = app.communicate()
        if output and "Traceback" in output:
            pytest.fail("the program raised an exception:\n" + output)
