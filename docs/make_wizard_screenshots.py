"""Render every page of the guided start (Datei → „Geführter Start …“) at 900 × 640 to
docs/screenshots/wizard-<page>-<lang>.png, filled in for a mid-sized city with a Stabsstelle.

Run from the repository root:  QT_QPA_PLATFORM=offscreen python docs/make_wizard_screenshots.py [de|en]
(without an argument: German, and the Koordination page in English too).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from orgdesigner.i18n import set_language

OUT = Path(__file__).resolve().parent / "screenshots"
PAGES = ("kommune", "politik", "koordination", "umsetzung", "beiraete", "zusammenfassung")


def main(lang: str = "de", pages: tuple[str, ...] = PAGES) -> list[Path]:
    set_language(lang)
    app = QApplication.instance() or QApplication([])
    from orgdesigner.ui.app import apply_locale
    from orgdesigner.ui.wizard import GuidedWizard

    apply_locale()
    OUT.mkdir(parents=True, exist_ok=True)
    wizard = GuidedWizard()
    wizard.municipality_page.name.setText("Musterstadt")
    wizard.municipality_page.population.setValue(120_000)
    wizard.implementation_page.forms["project_group"].setChecked(True)
    wizard.implementation_page.forms["digital_pilots"].setChecked(True)
    wizard.advisory_page.forms["expert_board"].setChecked(True)
    wizard.resize(900, 640)
    wizard.show()
    written: list[Path] = []
    for name in PAGES:
        app.processEvents()
        if name in pages:
            path = OUT / f"wizard-{name}-{lang}.png"
            wizard.grab().save(str(path))
            written.append(path)
        wizard.next()
    wizard.close()
    return written


if __name__ == "__main__":
    if sys.argv[1:]:
        for language in sys.argv[1:]:
            print(*main(language), sep="\n")
    else:
        print(*main("de"), sep="\n")
        print(*main("en", ("koordination",)), sep="\n")
