"""SIGTERM (what a logout or ``systemctl``/``kill`` sends) ends the real program calmly:
its unsaved work is kept as a draft, its session lock is removed, so the next start offers
the draft at once instead of taking the ended run for a running one.

The program runs in a subprocess (offscreen) with its settings and drafts in a temporary
folder and an autosave interval of an hour, so only the signal can have written the draft.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from orgdesigner import fileformat
from orgdesigner.recovery import DraftStore
from orgdesigner.templates import example_model
from orgdesigner.ui.autosave import orphaned
from tests.e2e.test_crash_recovery import wait_for

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).resolve().parent / "driver.py"

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name != "posix",
                                reason="needs POSIX signals")  # fmt: skip

EDIT = r"""
import os
from pathlib import Path
from PySide6.QtCore import QTimer

def edit():
    if not manager.windows:
        QTimer.singleShot(50, edit)
        return
    manager.windows[0].controller.rename_node("ob", "Bürgermeister vor dem Abmelden")
    Path(os.environ["EDITED_MARK"]).write_text("edited", encoding="utf-8")

QTimer.singleShot(0, edit)
"""


def test_sigterm_keeps_the_work_and_removes_the_lock(tmp_path: Path) -> None:
    target = tmp_path / "plan.orgmodel"
    fileformat.save(example_model(), target)
    before = target.read_bytes()
    script = tmp_path / "edit.py"
    script.write_text(EDIT, encoding="utf-8")
    mark = tmp_path / "edited"
    store = DraftStore(tmp_path / "data" / "drafts")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "ORGDESIGNER_DATA_DIR": str(tmp_path / "data"),
        "ORGDESIGNER_AUTOSAVE_SECONDS": "3600",
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
        "XDG_RUNTIME_DIR": str(tmp_path),
        "EDITED_MARK": str(mark),
    }
    proc = subprocess.Popen([sys.executable, str(DRIVER), "--script", str(script), "--lang", "de",
                             str(target)], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)  # fmt: skip
    try:
        wait_for("the edit", mark.exists, proc)
        (lock,) = wait_for("the session lock", lambda: list(store.folder.glob("session-*.lock")),
                           proc)  # fmt: skip
        assert store.drafts() == []  # the autosave has not run: only the signal writes one
        proc.send_signal(signal.SIGTERM)
        output, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, output
    assert "Traceback" not in output, output
    assert not lock.exists()
    assert not list(store.folder.glob("session-*.lock"))
    assert not list(tmp_path.glob("orgdesigner-*.sock"))  # the hand-over socket went too
    assert target.read_bytes() == before  # the file itself is untouched, as the user left it
    (draft,) = orphaned(store)  # offered at the next start
    assert draft.original == target
    assert store.load(draft).node("ob").label == "Bürgermeister vor dem Abmelden"
