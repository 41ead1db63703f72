"""What the window saves and exports is readable by colleagues on a shared drive: new files
get the umask's mode (0644 under umask 022), overwritten ones keep theirs (0664 stays)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from orgdesigner import fileformat
from orgdesigner.ui import imageexport
from orgdesigner.ui.exportdialog import ExportDialog
from orgdesigner.ui.mainwindow import MainWindow
from tests.ui.conftest import RecordingPrompter

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def _umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _rename(window: MainWindow, label: str) -> None:
    window.controller.rename_node("ob", label)


def test_save_as_then_save_over_a_group_writable_file(
    window: MainWindow, prompter: RecordingPrompter, tmp_path: Path
) -> None:
    prompter.save_path = tmp_path / "plan"
    _rename(window, "Bürgermeister")
    window.action_map["save_as"].trigger()
    target = tmp_path / "plan.orgmodel"
    assert window.document.path == target
    assert oct(mode(target)) == oct(0o644)
    target.chmod(0o664)  # the team's drive: group members may save too
    _rename(window, "Oberbürgermeisterin")
    window.action_map["save"].trigger()
    assert fileformat.load(target).node("ob").label == "Oberbürgermeisterin"
    assert oct(mode(target)) == oct(0o664)
    assert oct(mode(fileformat.backup_path(target))) == oct(0o664)


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_image_export(window: MainWindow, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"plan.{fmt}"
    imageexport.write_image(window.scene, target, fmt, 96)
    assert oct(mode(target)) == oct(0o644)
    target.chmod(0o664)
    imageexport.write_image(window.scene, target, fmt, 96)
    assert oct(mode(target)) == oct(0o664)
    assert sorted(p.name for p in tmp_path.glob("*plan*")) == [target.name]  # no temp file


def test_pdf_from_the_export_dialog(window: MainWindow, qtbot: Any, tmp_path: Path) -> None:
    dialog = ExportDialog(window.document.model)
    qtbot.addWidget(dialog)
    target = tmp_path / "plan.pdf"
    assert dialog.export_to(target) is not None
    assert oct(mode(target)) == oct(0o644) and target.read_bytes().startswith(b"%PDF")
    target.chmod(0o664)
    assert dialog.export_to(target) is not None
    assert oct(mode(target)) == oct(0o664)
