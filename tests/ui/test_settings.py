"""Settings: schema version, migration, and broken settings files that never stop the program."""

from __future__ import annotations

import os
import random
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QSettings

from orgdesigner.ui import settings as settings_module
from orgdesigner.ui.mainwindow import MainWindow
from orgdesigner.ui.settings import (
    AUTOSAVE_ENV,
    DATA_DIR_ENV,
    DEFAULT_AUTOSAVE_SECONDS,
    SCHEMA_VERSION,
    Settings,
)
from tests.ui.conftest import RecordingPrompter, make_window


def _file() -> Path:
    return Path(QSettings().fileName())


def _write(text: str | bytes) -> Path:
    path = _file()
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def test_fresh_settings_have_defaults_and_the_schema_version() -> None:
    s = Settings()
    assert s.notes == []
    assert s.schema_version == SCHEMA_VERSION
    assert s.recent_files() == [] and s.geometry() is None and s.window_state() is None
    assert s.autosave_seconds() == DEFAULT_AUTOSAVE_SECONDS == 60
    assert s.language() is None and not s.grid() and not s.snap()


def test_values_round_trip(tmp_path: Path) -> None:
    s = Settings()
    s.set_grid(True)
    s.set_snap(True)
    s.set_autosave_seconds(90)
    s.set_language("en")
    s.add_recent(tmp_path / "a.orgmodel.json")
    s.add_recent(tmp_path / "b.orgmodel.json")
    s.add_recent(tmp_path / "a.orgmodel.json")
    s.sync()
    again = Settings()
    assert again.grid() and again.snap() and again.autosave_seconds() == 90
    assert again.language() == "en"
    assert again.recent_files() == [str((tmp_path / n).resolve()) for n in ("a.orgmodel.json",
                                                                            "b.orgmodel.json")]  # fmt: skip
    assert again.notes == []


def test_settings_of_the_first_program_are_migrated() -> None:
    """Version 0 had no version and kept the recent files under ``recent_files``."""
    _write("[General]\nrecent_files=/daten/a.orgmodel.json, /daten/b.orgmodel.json\n"
           "\n[canvas]\ngrid=true\n")  # fmt: skip
    s = Settings()
    assert s.schema_version == SCHEMA_VERSION
    assert s.recent_files() == ["/daten/a.orgmodel.json", "/daten/b.orgmodel.json"]
    assert s.grid()
    assert not s.q.contains("recent_files")
    assert s.notes == []


def test_settings_of_a_newer_program_are_read_not_downgraded() -> None:
    _write(f"[General]\nschema_version={SCHEMA_VERSION + 5}\n\n[canvas]\nsnap=true\n"
           "\n[zukunft]\netwas=1\n")  # fmt: skip
    s = Settings()
    assert s.snap() and s.notes == []
    assert s.schema_version == SCHEMA_VERSION + 5


def test_wrong_values_fall_back_to_defaults_with_a_note() -> None:
    _write(f"[General]\nschema_version={SCHEMA_VERSION}\n\n[canvas]\ngrid=banane\nsnap=7\n\n"
           "[autosave]\ninterval_seconds=abc\n\n[ui]\nlanguage=klingonisch\n\n"
           "[window]\ngeometry=kaputt\nstate=@ByteArray(\n\n[files]\nrecent=@Variant(\\0\\0)\n")  # fmt: skip
    s = Settings()
    assert not s.grid() and not s.snap()
    assert s.autosave_seconds() == DEFAULT_AUTOSAVE_SECONDS
    assert s.language() is None
    assert s.geometry() is None
    assert s.recent_files() == []
    assert s.notes and all("zurückgesetzt" in n for n in s.notes)
    s.sync()
    assert Settings().notes == []  # repaired once, quiet afterwards


def test_an_autosave_interval_out_of_range_falls_back() -> None:
    _write(f"[General]\nschema_version={SCHEMA_VERSION}\n\n[autosave]\ninterval_seconds=0\n")
    s = Settings()
    assert s.autosave_seconds() == DEFAULT_AUTOSAVE_SECONDS and s.notes
    s.set_autosave_seconds(1)  # clamped: never hammer the disk
    assert s.autosave_seconds() == settings_module.MIN_AUTOSAVE_SECONDS


def test_the_environment_can_override_interval_and_folder(monkeypatch: Any,
                                                          tmp_path: Path) -> None:  # fmt: skip
    monkeypatch.setenv(AUTOSAVE_ENV, "2")
    assert Settings().autosave_seconds() == 2
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "portabel"))
    s = Settings()
    assert Path(s.q.fileName()) == tmp_path / "portabel" / "settings.ini"
    from orgdesigner.ui.autosave import default_store

    assert default_store().folder == tmp_path / "portabel" / "drafts"


def test_an_unreadable_version_resets_to_defaults() -> None:
    path = _write("[General]\nschema_version=zwei\n\n[canvas]\ngrid=true\n")
    s = Settings()
    assert s.notes and not s.grid() and s.schema_version == SCHEMA_VERSION
    assert Path(str(path) + ".corrupt").is_file()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_garbage_settings_file_starts_a_window_with_defaults_and_a_note(
    qtbot: Any, prompter: RecordingPrompter, seed: int
) -> None:
    rng = random.Random(seed)
    garbage = bytes(rng.randrange(256) for _ in range(4000))
    path = _write(garbage + b"\n[window]\ngeometry=@ByteArray(\x00\x01)\nstate=@Variant(\\0\\0)\n")
    window = make_window(qtbot, prompter)
    assert isinstance(window, MainWindow) and window.isVisible()
    message = window.statusBar().currentMessage()
    assert "Einstellung" in message, message
    assert not window.action_map["grid"].isChecked()
    assert window.session.recent_files() == []
    assert window.close()  # and saving the layout works again
    s = Settings()
    assert s.notes == [] and s.schema_version == SCHEMA_VERSION
    assert isinstance(s.geometry(), QByteArray)
    if Path(str(path) + ".corrupt").exists():
        assert Path(str(path) + ".corrupt").read_bytes().startswith(garbage[:100])


def test_a_settings_file_that_cannot_be_written_does_not_stop_the_window(
    qtbot: Any, prompter: RecordingPrompter
) -> None:
    path = _file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.mkdir()  # a folder where the file should be: nothing can be read or written
    window = make_window(qtbot, prompter)
    window.action_map["grid"].setChecked(True)
    assert window.close()
    assert os.path.isdir(path)


def test_export_choices_survive_broken_values_and_keep_to_the_portable_file(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The export dialogs read their last choices through Settings: a hand-edited value
    they cannot use gives the default (no crash), and a portable installation
    (ORGDESIGNER_DATA_DIR) keeps them in its own settings.ini."""
    from PySide6.QtCore import QSizeF

    from orgdesigner.templates import example_model
    from orgdesigner.ui.exportdialog import ExportDialog
    from orgdesigner.ui.imageexport import DEFAULT_DPI, ImageExportDialog

    monkeypatch.setenv(settings_module.DATA_DIR_ENV, str(tmp_path / "portable"))
    (tmp_path / "portable").mkdir()
    ini = tmp_path / "portable" / "settings.ini"
    ini.write_text("[image_export]\nformat=gif\ndpi=abc\n[pdf_export]\npaper=a5\ntiles=9xq\n"
                   "pdfa=vielleicht\n", encoding="utf-8")  # fmt: skip
    image = ImageExportDialog(QSizeF(800, 600))
    qtbot.addWidget(image)
    assert image.fmt() == "png" and image.dpi() == DEFAULT_DPI
    pdf = ExportDialog(example_model())
    qtbot.addWidget(pdf)
    options = pdf.options()
    assert options.paper == "a4" and options.tiles is None and options.pdfa

    image.svg_radio.setChecked(True)
    image.remember()
    pdf.a3_radio.setChecked(True)
    pdf.remember()
    again = Settings()
    assert again.image_format() == "svg" and again.pdf_paper() == "a3"
    assert "a3" in ini.read_text(encoding="utf-8")
    system = _file().read_text(encoding="utf-8") if _file().exists() else ""
    assert "a3" not in system
