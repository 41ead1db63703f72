"""The installers register the model files' own extension ``.orgmodel`` (and still open the
older ``.orgmodel.json``): the Linux MIME type as the desktop resolves it, the desktop
entry, the Windows registry keys and the macOS document type."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
MIME = "application/x-orgdesigner-model+json"


@pytest.mark.skipif(shutil.which("update-mime-database") is None,
                    reason="update-mime-database is not installed (shared-mime-info)")  # fmt: skip
def test_the_desktop_types_model_files_by_the_installed_mime_type(tmp_path: Path) -> None:
    pytest.importorskip("PySide6")
    packages = tmp_path / "share" / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(PACKAGING / "linux" / "orgdesigner-mime.xml", packages)
    subprocess.run(["update-mime-database", str(tmp_path / "share" / "mime")], check=True,
                   capture_output=True)  # fmt: skip
    code = (
        "import sys\n"
        "from PySide6.QtCore import QMimeDatabase\n"
        "db = QMimeDatabase()\n"
        "for name in sys.argv[1:]:\n"
        "    t = db.mimeTypeForFile(name, QMimeDatabase.MatchMode.MatchExtension)\n"
        "    print(name, t.name(), t.inherits('application/json'))\n"
    )
    system = os.environ.get("XDG_DATA_DIRS", "/usr/local/share:/usr/share")
    env = {**os.environ, "XDG_DATA_DIRS": f"{tmp_path / 'share'}:{system}",
           "XDG_DATA_HOME": str(tmp_path / "home")}  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code, "plan.orgmodel", "alt.orgmodel.json"],
                         env=env, capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert out.splitlines() == [f"plan.orgmodel {MIME} True", f"alt.orgmodel.json {MIME} True"]


def test_the_desktop_entry_opens_model_files() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "linux" / "orgdesigner.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert MIME in section["MimeType"].split(";")
    assert section["Exec"] == "orgdesigner %F"  # files, handed to the running program


def test_the_windows_installer_owns_orgmodel() -> None:
    iss = (PACKAGING / "windows" / "orgdesigner.iss").read_text(encoding="utf-8")
    keys = re.findall(r'Subkey: "([^"]+)"; ValueType: string; ValueName: "([^"]*)"; '
                      r'ValueData: "((?:[^"]|"")*)"', iss)  # fmt: skip
    assert ("Software\\Classes\\.orgmodel", "", "OrgDesigner.Model") in keys
    assert ("Software\\Classes\\.orgmodel", "Content Type", MIME) in keys
    command = dict(((k, n), v) for k, n, v in keys)[
        ("Software\\Classes\\OrgDesigner.Model\\shell\\open\\command", "")]
    assert command == '""{app}\\orgdesigner.exe"" ""%1""'
    assert ("Software\\Classes\\.json\\OpenWithProgids", "OrgDesigner.Model", "") in keys


def test_the_mac_bundle_declares_and_owns_orgmodel() -> None:
    spec = (PACKAGING / "orgdesigner.spec").read_text(encoding="utf-8")
    assert '"public.filename-extension": ["orgmodel"]' in spec
    assert re.search(r'"LSHandlerRank": "Owner",\s*"LSItemContentTypes": \["de\.orgdesigner\.model"\]',
                     spec)  # fmt: skip
    assert '"UTTypeIdentifier": "de.orgdesigner.model"' in spec
    assert '"PySide6.QtNetwork"' in spec.split("excludes = [")[0]  # bundled, not excluded
