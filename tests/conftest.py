"""Shared fixtures: Qt runs offscreen, and every test gets its own fresh QSettings."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _fresh_settings(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Point QSettings and the app data folder (autosave drafts) at per-test folders."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    try:
        from PySide6.QtCore import QCoreApplication, QSettings
    except ImportError:  # core tests may run without PySide6
        yield
        return
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(tmp_path / "settings"))
    QCoreApplication.setOrganizationName("OrgDesignerTest")
    QCoreApplication.setApplicationName(f"test-{request.node.name}"[:60])
    yield


@pytest.fixture(autouse=True)
def _german_by_default() -> Iterator[None]:
    """Every test starts with German core texts (the default), whatever an earlier test
    chose: a CLI test's ``--lang en`` must not decide the language of the next test."""
    from orgdesigner.i18n import set_language

    set_language("de")
    yield
    set_language("de")


@pytest.fixture(scope="session", autouse=True)
def _clear_clipboard_at_exit() -> Iterator[None]:
    """Empty the clipboard before the interpreter exits.

    The clipboard owns the QMimeData our copy puts there; Qt deletes it in a static
    destructor after Python has finalised, which crashes the process at exit.
    """
    yield
    try:
        from PySide6.QtGui import QGuiApplication
    except ImportError:
        return
    if QGuiApplication.instance() is not None:
        QGuiApplication.clipboard().clear()
