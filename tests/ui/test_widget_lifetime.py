"""Dialogs must not depend on the garbage collector to go away.

A dialog caught in a reference cycle of its own (a bound method of itself kept as an
attribute, say) lives on after its last owner drops it, until the cycle collector runs –
and that may happen in the middle of one of its paint events. Qt then deletes the widget
being painted and the program crashes (``QPaintDevice: Cannot destroy paint device that is
being painted``). This happened in ``python -m pytest tests/export
tests/ui/test_exportdialog.py``: the PDF tests shifted the collector's schedule into the
preview's paint event.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSizeF
from PySide6.QtWidgets import QApplication, QWidget

from orgdesigner.templates import example_model
from orgdesigner.ui.exportdialog import ExportDialog
from orgdesigner.ui.imageexport import ImageExportDialog

ROOT = Path(__file__).resolve().parents[2]

DIALOGS: dict[str, Callable[[], QWidget]] = {
    "pdf-export": lambda: ExportDialog(example_model()),
    "image-export": lambda: ImageExportDialog(QSizeF(800, 600)),
}


@pytest.fixture
def no_collector() -> Iterator[None]:
    gc.collect()
    gc.disable()
    yield
    gc.enable()


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_a_dropped_dialog_goes_at_once(qtbot: Any, no_collector: None, name: str) -> None:
    dialog = DIALOGS[name]()
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    alive = weakref.ref(dialog)
    del dialog
    # with the collector off, only reference counting can free it: a cycle keeps it here
    assert alive() is None, [type(r).__name__ for r in gc.get_referrers(alive())]


PAINT_WITH_COLLECTION = """
import gc, os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
from orgdesigner.templates import example_model
from orgdesigner.ui import exportdialog
app = QApplication([])
original = exportdialog.PagePreview.paintEvent
def paint_with_collection(self, event):
    gc.collect()  # the collector running at the worst moment
    original(self, event)
exportdialog.PagePreview.paintEvent = paint_with_collection
dialog = exportdialog.ExportDialog(example_model())
dialog.show()
for _ in range(5):
    app.processEvents()
dialog.hide()
dialog.show()
del dialog
for _ in range(5):
    app.processEvents()
print("painted")
"""


def _run(args: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONFAULTHANDLER": "1"}
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=timeout)  # fmt: skip


def test_collector_in_a_paint_event_does_not_crash() -> None:
    result = _run([sys.executable, "-c", PAINT_WITH_COLLECTION], 120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "painted" in result.stdout


def test_export_tests_then_export_dialog_tests() -> None:
    """The order that crashed: the PDF tests first, then the export dialog's."""
    result = _run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                   "tests/export", "tests/ui/test_exportdialog.py"], 900)  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
