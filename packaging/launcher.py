"""Entry point of the frozen application (PyInstaller).

Besides starting OrgDesigner (``orgdesigner.cli.main``), it offers one check that only
makes sense in a built app and is therefore not part of the program itself:

    orgdesigner --packaging-check

It checks what ``--self-test`` does not reach: the shipped resources (catalog, schema, fonts,
icons, translations, the user guides), the Qt plugins (svg image format and icon engine, png), Qt's German
standard texts and OrgDesigner's English translation. ``packaging/build.sh`` runs it after
``--self-test``. Exit code 0 when everything is there, 1 otherwise.
"""

from __future__ import annotations

import os
import sys


def _ensure_streams() -> None:
    # A windowed Windows build (console=False) has no stdout/stderr; printing would raise.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


def packaging_check() -> int:
    from orgdesigner.paths import resources_dir

    problems: list[str] = []
    lines: list[str] = []
    res = resources_dir()
    lines.append(f"resources: {res}")
    for part in (
        "catalog/catalog.json",
        "catalog/guide_content.json",
        "schema/orgmodel-v2.schema.json",
        "fonts/DejaVuSans.ttf",
        "fonts/DejaVuSans-Bold.ttf",
        "icons/orgdesigner.png",
        "icons/orgdesigner.svg",
    ):
        if not (res / part).is_file():
            problems.append(f"missing resource {part}")
    from orgdesigner.paths import guide_file

    for lang in ("de", "en"):
        guide = guide_file(lang)
        if not guide.is_file():
            problems.append(f"missing user guide {guide}")
    lines.append(f"user guides: {guide_file('de').parent}")
    translations = sorted(p.name for p in (res / "translations").glob("*.qm"))
    lines.append(f"translations: {', '.join(translations) or 'none'}")

    if (
        os.name == "posix"
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QLibraryInfo, QLocale, QSize, QTranslator
    from PySide6.QtGui import QGuiApplication, QIcon, QImageReader
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([])  # kept alive until the end
    formats = sorted(bytes(f.data()).decode() for f in QImageReader.supportedImageFormats())
    lines.append(f"image formats: {' '.join(formats)}")
    for fmt in ("png", "svg"):
        if fmt not in formats:
            problems.append(f"image format {fmt} missing (imageformats plugin)")
    icon = QIcon(str(res / "icons" / "orgdesigner.svg"))
    if icon.isNull() or icon.pixmap(QSize(64, 64)).isNull():
        problems.append("svg icon does not render (iconengines/svg plugin)")
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_de = QTranslator()
    if not qt_de.load(QLocale("de"), "qtbase", "_", qt_dir):
        problems.append(f"Qt's German texts (qtbase_de.qm) not found in {qt_dir}")
    lines.append(f"Qt translations: {qt_dir}")
    for qm in translations:
        if not QTranslator().load(str(res / "translations" / qm)):
            problems.append(f"translation {qm} does not load")
    if not (res / "translations").is_dir():
        lines.append("note: no resources/translations folder in this build")
    QPrinter()  # print support library present
    lines.append(f"Qt platform: {QGuiApplication.platformName()}")

    for line in lines:
        print(f"     {line}")
    for problem in problems:
        print(f"FAIL {problem}")
    print("packaging check " + ("passed" if not problems else "failed"))
    return 0 if not problems else 1


if __name__ == "__main__":
    _ensure_streams()
    if sys.argv[1:] == ["--packaging-check"]:
        sys.exit(packaging_check())
    from orgdesigner.cli import main

    sys.exit(main())
