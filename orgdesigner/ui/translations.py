"""Qt translations of the user interface: loading them, and rebuilding them.

The interface is written with German source texts (``self.tr("…")`` and
``QCoreApplication.translate(context, "…")``), so German shows when no translation is
loaded. English comes from ``resources/translations/orgdesigner_en.qm``, built from
``orgdesigner_en.ts``. Rebuild after changing UI strings::

    python -m orgdesigner.ui.translations --update   # lupdate (keeps translations) + lrelease
    python -m orgdesigner.ui.translations --check    # exit 1 when .ts or .qm are not current

New strings arrive in the .ts file as ``type="unfinished"``; translate them (Qt Linguist
or any text editor) and run ``--update`` again. ``tests/ui/test_language.py`` fails
while a string is untranslated or the .qm file is older than its .ts file.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from orgdesigner.i18n import current_language, set_language
from orgdesigner.paths import resources_dir

PACKAGE = Path(__file__).resolve().parent.parent
SOURCE_DIRS = ("ui", "canvas")
"""Package folders whose ``*.py`` files carry UI strings."""
TARGETS = ("en",)
"""Languages with a translation file (German is the source language)."""

_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return resources_dir() / "translations"


def ts_file(lang: str) -> Path:
    return translations_dir() / f"orgdesigner_{lang}.ts"


def qm_file(lang: str) -> Path:
    return translations_dir() / f"orgdesigner_{lang}.qm"


def install(lang: str, app: QCoreApplication | None = None) -> bool:
    """Install the translators for ``lang`` (``"de"`` or ``"en"``) on the application.

    Replaces translators installed before. English loads OrgDesigner's own .qm file;
    German needs none of its own, but loads Qt's German texts for standard dialogs
    (file dialog, standard buttons). Returns ``False`` when a needed file is missing.
    """
    app = app or QCoreApplication.instance()
    if app is None:
        return False
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    ok = True
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(QLocale(lang), "qtbase", "_", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    if lang in TARGETS:
        own = QTranslator(app)
        if own.load(str(qm_file(lang))):
            app.installTranslator(own)
            _installed.append(own)
        else:
            ok = False
    return ok


def switch(lang: str) -> None:
    """Change the language while the program runs: the core's texts (catalog, findings),
    numbers and dates, and the translators. Installing them makes Qt send every widget a
    ``LanguageChange`` event; each window and panel then sets its texts again."""
    set_language(lang)
    if current_language() == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    install(current_language())


# ---------------------------------------------------------------------------
# rebuilding (developer tools: pyside6-lupdate / pyside6-lrelease)
# ---------------------------------------------------------------------------
def source_files() -> list[Path]:
    return sorted(p for d in SOURCE_DIRS for p in (PACKAGE / d).glob("*.py"))


def _tool(name: str) -> str:
    """The path of ``pyside6-<name>``: the running interpreter's environment first.

    ``.venv/bin/python -m pytest`` does not put ``.venv/bin`` on ``PATH``, so a lookup on
    ``PATH`` alone finds nothing on a fresh machine (or, worse, a tool of another Qt
    version installed user-wide). The scripts folder of this interpreter (``sysconfig``)
    and the folder beside ``sys.executable`` come first; ``PATH`` is the last resort.
    """
    exe = f"pyside6-{name}"
    folders = [sysconfig.get_path("scripts"), str(Path(sys.executable).parent)]
    for folder in folders:
        found = shutil.which(exe, path=folder)
        if found is not None:
            return found
    found = shutil.which(exe)
    if found is None:
        raise SystemExit(f"{exe} not found (it comes with PySide6-Essentials); looked in "
                         f"{', '.join(dict.fromkeys(folders))} and on PATH")  # fmt: skip
    return found


def lupdate(ts: Path, lang: str) -> None:
    """Bring ``ts`` up to date with the strings in the code (existing translations stay)."""
    files = [str(p) for p in source_files()]
    cmd = [_tool("lupdate"), *files, "-source-language", "de", "-target-language", lang,
           "-no-obsolete", "-locations", "none", "-ts", str(ts)]  # fmt: skip
    subprocess.run(cmd, check=True, capture_output=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)


def messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """``(context, source) -> translation`` (``None`` while unfinished)."""
    out: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            tr = message.find("translation")
            done = tr is not None and tr.get("type") not in ("unfinished", "obsolete", "vanished")
            out[(name, source)] = (tr.text or "") if done and tr is not None else None
    return out


def update() -> None:
    translations_dir().mkdir(parents=True, exist_ok=True)
    for lang in TARGETS:
        lupdate(ts_file(lang), lang)
        lrelease(ts_file(lang), qm_file(lang))
        missing = [s for s, t in messages(ts_file(lang)).items() if t is None]
        print(f"{ts_file(lang).name}: {len(messages(ts_file(lang)))} strings, "
              f"{len(missing)} untranslated")  # fmt: skip


def problems() -> list[str]:
    """What is not current: strings missing from a .ts file, untranslated ones, a stale .qm."""
    found: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in TARGETS:
            ts, qm = ts_file(lang), qm_file(lang)
            if not ts.is_file() or not qm.is_file():
                found.append(f"{ts.name} or {qm.name} is missing")
                continue
            fresh = Path(tmp) / ts.name
            shutil.copyfile(ts, fresh)
            lupdate(fresh, lang)
            have, want = messages(ts), messages(fresh)
            found += [f"{ts.name}: not in the file: {c}: {s!r}" for c, s in want.keys() - have.keys()]
            found += [f"{ts.name}: no longer in the code: {c}: {s!r}"
                      for c, s in have.keys() - want.keys()]  # fmt: skip
            found += [f"{ts.name}: untranslated: {c}: {s!r}" for (c, s), t in have.items()
                      if t is None]  # fmt: skip
            built = Path(tmp) / qm.name
            lrelease(ts, built)
            if not filecmp.cmp(built, qm, shallow=False):
                found.append(f"{qm.name} is older than {ts.name}: run --update")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m orgdesigner.ui.translations",
                                     description="Rebuild or check the UI translations.")  # fmt: skip
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--update", action="store_true", help="run lupdate and lrelease")
    group.add_argument("--check", action="store_true", help="exit 1 when not current")
    args = parser.parse_args(argv)
    if args.update:
        update()
        return 0
    issues = problems()
    for line in issues:
        print(line)
    return 1 if issues else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
