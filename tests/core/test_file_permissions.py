"""Colleagues can open what the program saves: files get the permissions a new file gets
(``0666 & ~umask``), an overwritten file keeps its mode and group; only the autosave drafts
in the user's own data folder are private. Core save, ``.bak``, drafts and the CLI."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from orgdesigner import fileformat
from orgdesigner.cli import main
from orgdesigner.export import PdfOptions, export_pdf
from orgdesigner.model import OrgModel
from orgdesigner.recovery import DraftStore
from orgdesigner.templates import example_model

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def umask_002() -> Iterator[None]:
    old = os.umask(0o002)
    try:
        yield
    finally:
        os.umask(old)


def test_a_new_model_file_and_its_backup_are_readable_by_others(
    tmp_path: Path, umask_022: None
) -> None:
    target = tmp_path / "plan.orgmodel"
    fileformat.save(example_model(), target)
    assert oct(mode(target)) == oct(0o644)
    fileformat.save(OrgModel(), target)
    assert oct(mode(target)) == oct(0o644)
    assert oct(mode(fileformat.backup_path(target))) == oct(0o644)


def test_a_new_file_follows_the_umask(tmp_path: Path, umask_002: None) -> None:
    target = tmp_path / "plan.orgmodel"
    fileformat.save(example_model(), target)
    assert oct(mode(target)) == oct(0o664)  # group-writable when the umask says so


@pytest.mark.parametrize("existing", [0o664, 0o640, 0o600])
def test_overwriting_keeps_the_file_mode(tmp_path: Path, umask_022: None, existing: int) -> None:
    target = tmp_path / "plan.orgmodel"
    fileformat.save(example_model(), target)
    target.chmod(existing)
    fileformat.save(OrgModel(), target)
    assert oct(mode(target)) == oct(existing)
    assert oct(mode(fileformat.backup_path(target))) == oct(existing)  # the copy of it too
    assert fileformat.load(target) == OrgModel()


def _other_group() -> int | None:
    """A group other than the user's default one that this process may give a file."""
    if os.geteuid() == 0:
        return os.getgid() + 4242  # root may give any group id
    others = [g for g in os.getgroups() if g != os.getegid()]
    return others[0] if others else None


def test_overwriting_keeps_the_group(tmp_path: Path, umask_022: None) -> None:
    group = _other_group()
    if group is None:
        pytest.skip("the user is in only one group")
    target = tmp_path / "plan.orgmodel"
    fileformat.save(example_model(), target)
    os.chown(target, -1, group)
    target.chmod(0o664)
    fileformat.save(OrgModel(), target)
    assert target.stat().st_gid == group and mode(target) == 0o664
    assert fileformat.backup_path(target).stat().st_gid == group


def test_drafts_stay_private(tmp_path: Path, umask_022: None) -> None:
    store = DraftStore(tmp_path / "drafts")
    key = store.new_key()
    store.write(key, example_model(), None)
    files = sorted((tmp_path / "drafts").iterdir())
    assert [p.name for p in files] == [f"{key}.draft.json", f"{key}.orgmodel.json"]
    assert [oct(mode(p)) for p in files] == [oct(0o600)] * 2


def test_no_temporary_file_is_left_and_its_name_is_hidden(tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "plan.orgmodel"
    for _ in range(3):
        fileformat.save(example_model(), target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.orgmodel", "plan.orgmodel.bak"]


def test_pdf_export_gets_the_umask_mode_and_keeps_an_existing_one(
    tmp_path: Path, umask_022: None
) -> None:
    pdf = tmp_path / "plan.pdf"
    export_pdf(example_model(), pdf, PdfOptions(appendix=False, pdfa=False))
    assert oct(mode(pdf)) == oct(0o644) and pdf.read_bytes().startswith(b"%PDF")
    pdf.chmod(0o664)
    export_pdf(example_model(), pdf, PdfOptions(appendix=False, pdfa=False))
    assert oct(mode(pdf)) == oct(0o664)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf"]  # no backup of a PDF


# -- the command line -------------------------------------------------------------------
def test_cli_new_layout_and_export_keep_permissions(
    tmp_path: Path, umask_022: None, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.orgmodel"
    assert main(["new", "--template", "matrix", "-o", str(plan)]) == 0
    assert oct(mode(plan)) == oct(0o644)
    plan.chmod(0o664)
    assert main(["new", "--template", "stabsstelle", "-o", str(plan), "--force"]) == 0
    assert oct(mode(plan)) == oct(0o664)
    assert main(["layout", str(plan), "-o", str(plan)]) == 0
    assert oct(mode(plan)) == oct(0o664)
    pdf = tmp_path / "plan.pdf"
    assert main(["export", str(plan), "-o", str(pdf), "--no-appendix"]) == 0
    assert oct(mode(pdf)) == oct(0o644)
    pdf.chmod(0o664)
    assert main(["export", str(plan), "-o", str(pdf), "--no-appendix"]) == 0
    assert oct(mode(pdf)) == oct(0o664)
    capsys.readouterr()
