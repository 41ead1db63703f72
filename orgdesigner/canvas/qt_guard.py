"""Guard against a reference-counting defect of some PySide6 builds on Python 3.11.

PySide6 6.12.0 on CPython 3.11 drops one reference to ``None`` on every Qt call that
returns nothing (``setPos``, ``update``, ``setToolTip`` …): its wheels assume an
"immortal" ``None`` (PEP 683, Python 3.12+). On 3.11 ``None``'s count falls to zero after
some ten thousand such calls and the interpreter aborts ("none_dealloc") – the program
would crash while a user drags a node, losing unsaved work.

:func:`install` detects the defect at start-up (it measures ``None``'s count across a
hundred harmless Qt calls) and only then gives ``None`` a very large reference count, as
Python 3.12 does. On Python 3.12+ or a PySide6 without the defect it does nothing.
"""

from __future__ import annotations

import ctypes
import sys

_IMMORTAL_BOOST = 1 << 40
_installed = False


def pyside_drops_none() -> bool:
    """Whether Qt calls that return nothing lose a reference to ``None``."""
    if sys.version_info >= (3, 12):
        return False
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(100):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 50


def install() -> bool:
    """Apply the guard if needed; return ``True`` when it was applied (once per process)."""
    global _installed
    if _installed or not pyside_drops_none():
        return _installed
    ctypes.c_ssize_t.from_address(id(None)).value += _IMMORTAL_BOOST
    _installed = True
    return True
