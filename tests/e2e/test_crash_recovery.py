"""A crash loses no work: the real program in a subprocess (offscreen), killed with SIGKILL.

1. Start the program (``tests/e2e/driver.py plan.orgmodel.json``, which runs it as
   ``orgdesigner`` does) with its settings and drafts in a
   temporary folder (``ORGDESIGNER_DATA_DIR``) and a one-second autosave interval.
   A test script (``tests/e2e/driver.py --script``, run after start-up) makes
   an edit through the window's controller, as a user's rename would.
2. Wait until the draft with the edit is on disk, then ``kill -9`` the program.
3. Start it again the same way. The recovery dialog appears before any window; the
   test script reads what it offers and presses „Wiederherstellen“ in it. The restored
   window (the file on the command line is the same, so it is the only window) reports
   its title and model, saves, and the program quits normally.
4. The saved file is the edited model; no draft is left; the program printed no error.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from orgdesigner import fileformat
from orgdesigner.commands import SetNodeProperties
from orgdesigner.recovery import DraftStore
from orgdesigner.templates import example_model

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).resolve().parent / "driver.py"

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

EDIT = r"""
from PySide6.QtCore import QTimer

def edit():
    if not manager.windows:
        QTimer.singleShot(50, edit)
        return
    manager.windows[0].controller.rename_node("ob", "Bürgermeister nach dem Absturz")
    print("edited", flush=True)

QTimer.singleShot(0, edit)
"""

RECOVER = r"""
import json, os
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from orgdesigner import fileformat
from orgdesigner.ui.app import RecoveryDialog

OUT = os.environ["CRASH_TEST_REPORT"]
report = {}

def write():
    with open(OUT + ".tmp", "w", encoding="utf-8") as fh:
        json.dump(report, fh, ensure_ascii=False)
    os.replace(OUT + ".tmp", OUT)

def answer():
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, RecoveryDialog):
        QTimer.singleShot(50, answer)
        return
    report["offered"] = [[item.text(c) for c in range(4)] for item in dialog.items.values()]
    dialog.restore_button.click()
    QTimer.singleShot(0, restored)

def restored():
    if not manager.windows:
        QTimer.singleShot(50, restored)
        return
    window = manager.windows[0]
    report["windows"] = len(manager.windows)
    report["title"] = window.windowTitle().replace("[*]", "*" if window.isWindowModified() else "")
    report["path"] = str(window.document.path)
    report["model"] = fileformat.to_document(window.document.model)
    report["saved"] = window.session.save()
    write()
    QApplication.closeAllWindows()

QTimer.singleShot(0, answer)
"""


def wait_for(what: str, check: Callable[[], Any], proc: subprocess.Popen[str],
             timeout: float = 60.0) -> Any:  # fmt: skip
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        if proc.poll() is not None:
            output = proc.stdout.read() if proc.stdout else ""
            raise AssertionError(f"the program ended while waiting for {what}:\n{output}")
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def _start(tmp_path: Path, target: Path, script: str, **extra: str) -> subprocess.Popen[str]:
    script_path = tmp_path / f"script-{len(list(tmp_path.glob('script-*')))}.py"
    script_path.write_text(script, encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "ORGDESIGNER_DATA_DIR": str(tmp_path / "data"),
        "ORGDESIGNER_AUTOSAVE_SECONDS": "1",
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
        **extra,
    }
    return subprocess.Popen([sys.executable, str(DRIVER), "--script", str(script_path),
                             "--lang", "de", str(target)],
                            cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)  # fmt: skip


def _stop(proc: subprocess.Popen[str]) -> str:
    if proc.poll() is None:
        proc.kill()
    output, _ = proc.communicate(timeout=30)
    return output or ""


def test_kill_9_after_an_autosave_then_restore(tmp_path: Path) -> None:
    target = tmp_path / "plan.orgmodel.json"
    fileformat.save(example_model(), target)
    original_bytes = target.read_bytes()
    expected = example_model()
    SetNodeProperties(["ob"], {"label": "Bürgermeister nach dem Absturz"}).apply(expected)
    store = DraftStore(tmp_path / "data" / "drafts")

    def draft_with_the_edit() -> bool:
        for draft in store.drafts():
            try:
                if store.load(draft) == expected:
                    return True
            except fileformat.ModelFileError:
                pass  # being written right now (atomic, but the sidecar comes second)
        return False

    # 1-2: edit, wait for the autosave, kill -9
    first = _start(tmp_path, target, EDIT)
    try:
        wait_for("the autosaved draft", draft_with_the_edit, first)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
    finally:
        output = _stop(first)
    assert first.returncode == -signal.SIGKILL
    assert "edited" in output and "Traceback" not in output, output
    assert target.read_bytes() == original_bytes  # the file itself was never touched
    (draft,) = store.recoverable()
    assert draft.original == target and draft.units == 14

    # 3: start again; the recovery dialog offers the draft, restoring gives the edited model
    report_path = tmp_path / "report.json"
    second = _start(tmp_path, target, RECOVER, CRASH_TEST_REPORT=str(report_path))
    try:
        wait_for("the report of the restored window", report_path.exists, second)
        second.wait(timeout=30)
    finally:
        output = _stop(second)
    assert second.returncode == 0, output
    assert "Traceback" not in output, output
    report = json.loads(report_path.read_text(encoding="utf-8"))
    (offered,) = report["offered"]
    name, when, units, _note = offered
    assert name.startswith("plan.orgmodel.json") and units == "14 Einheiten"
    assert when.endswith(" Uhr") and when[2] == "." and when[5] == "."  # 26.11.2026, 14:05 Uhr
    assert report["windows"] == 1  # the file on the command line is the restored window
    assert report["title"].startswith("plan.orgmodel.json*")  # an unsaved change of its file
    assert report["path"] == str(target)
    assert fileformat.loads(json.dumps(report["model"])) == expected
    # 4: saved from the restored window: the file is the edited model, no draft is left
    assert report["saved"] is True
    assert fileformat.load(target) == expected
    assert store.drafts() == []
