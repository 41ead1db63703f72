"""The guard against PySide6 builds that drop references to None (see qt_guard.py)."""

from __future__ import annotations

import sys
from typing import Any

import orgdesigner.canvas  # noqa: F401  (installs the guard)
from orgdesigner.canvas import qt_guard


def test_many_qt_calls_cannot_exhaust_none(qapp: Any) -> None:
    from PySide6.QtCore import QObject

    if qt_guard.pyside_drops_none():
        assert qt_guard._installed
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(20_000):
        probe.setObjectName("x")
    # with the defect and without the guard, None would now be 20,000 references short;
    # with it, None's count stays far above anything a session can use up
    if qt_guard._installed:
        assert sys.getrefcount(None) > 1_000_000
    else:  # a build without the defect: the calls did not lose references
        assert sys.getrefcount(None) >= before - 100
