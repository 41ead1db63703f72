"""For ``driver.py --script``: every 200 ms, write the first window's menus as JSON to the
file named by ``ORGDESIGNER_E2E_MENUS``: each menu's title and action texts (submenus
included), where the menu bar's titles and the open popup's entries are on the screen,
and the dock titles (what the end-to-end test clicks on and reads)."""

from __future__ import annotations

import json
import os
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDockWidget, QMenu

TARGET = os.environ["ORGDESIGNER_E2E_MENUS"]
manager: Any = globals()["manager"]  # given by the driver (runpy init_globals)


def _texts(menu: QMenu) -> list[str]:
    out = [menu.title()]
    for action in menu.actions():
        if action.isSeparator():
            continue
        sub = action.menu()
        if isinstance(sub, QMenu):
            out += _texts(sub)
        elif action.text():
            out.append(action.text())
    return out


def _centre(widget: Any, rect: Any) -> list[int]:
    p = widget.mapToGlobal(rect.center())
    return [p.x(), p.y()]


def dump() -> None:
    if not manager.windows:
        return
    window = manager.windows[0]
    bar = window.menuBar()
    titles = {}
    texts: list[str] = []
    for action in bar.actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            titles[action.text()] = _centre(bar, bar.actionGeometry(action))
            texts += _texts(menu)
    popup = QApplication.activePopupWidget()
    entries = {}
    if isinstance(popup, QMenu):
        for action in popup.actions():
            if not action.isSeparator():
                entries[action.text()] = _centre(popup, popup.actionGeometry(action))
    docks = [d.windowTitle() for d in window.findChildren(QDockWidget)]
    data = {"bar": titles, "texts": texts, "popup": entries, "docks": docks,
            "toolbar": [a.iconText() for a in window.toolbar.actions() if not a.isSeparator()]}
    with open(TARGET + ".tmp", "w", encoding="utf-8") as fh:
        json.dump(data, fh)
    os.replace(TARGET + ".tmp", TARGET)


timer = QTimer(manager.app)
timer.setInterval(200)
timer.timeout.connect(dump)
timer.start()
