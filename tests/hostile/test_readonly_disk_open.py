"""A portfolio on a read-only disk, opened to be changed (sa2030 import, merge, ministry):
the refusal names the disk – „liegt auf einem schreibgeschützten Datenträger“ – not
„ist schreibgeschützt geöffnet“, which the user never asked for. The file is opened read-only
on its own (nothing can be written beside it), so the refusal comes from the store's write;
it asks the file system's read-only flag (infrastructure/disks.py, as every writer does)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.hostile.conftest import assert_german, sha256
from tests.hostile.test_readonly_disk import readonly_bind  # noqa: F401 (fixture)

ON_READONLY_DISK = "liegt auf einem schreibgeschützten Datenträger; Änderungen sind nicht möglich"


@pytest.fixture
def on_readonly_disk(demo, readonly_bind):  # noqa: F811
    """The demo portfolio seen through a read-only bind mount."""
    folder, view = readonly_bind
    shutil.copy(demo, folder / "portfolio.sa2030")
    return view / "portfolio.sa2030"


def _refused(cli, *args) -> str:
    code, _, err = cli(*args)
    assert code == 1, err
    assert_german(err)
    assert "schreibgeschützt geöffnet" not in err and "Traceback" not in err
    return err


def test_import_into_a_portfolio_on_a_read_only_disk(cli, demo, on_readonly_disk, tmp_path):
    source = tmp_path / "quelle.json"
    assert cli("export", demo, source)[0] == 0
    before = sha256(on_readonly_disk)
    err = _refused(cli, "import", on_readonly_disk, source)
    assert f"„{on_readonly_disk}“ {ON_READONLY_DISK}" in err
    assert sha256(on_readonly_disk) == before


def test_merge_and_ministry_rename_on_a_read_only_disk(cli, demo, on_readonly_disk, tmp_path):
    other = tmp_path / "andere.sa2030"
    assert cli("copy", demo, other)[0] == 0
    rename = ("--name", "Finanzen neu", "--effective", "2027-01-01")
    assert cli("ministry", "rename", other, "MF", "MFX", *rename)[0] == 0
    before = sha256(on_readonly_disk)
    err = _refused(cli, "merge", on_readonly_disk, other, "--theirs")
    assert f"„{on_readonly_disk}“ {ON_READONLY_DISK}" in err
    err = _refused(cli, "ministry", "rename", on_readonly_disk, "MF", "MFY", *rename)
    assert f"„{on_readonly_disk}“ {ON_READONLY_DISK}" in err
    assert sha256(on_readonly_disk) == before


def test_a_file_opened_read_only_on_a_writable_disk_still_says_so(demo):
    from sa2030_desktop.domain.errors import FileRefusedError
    from sa2030_desktop.messages import format_error
    from sa2030_desktop.services.portfolio import open_portfolio

    store = open_portfolio(demo, readonly=True)
    try:
        with pytest.raises(FileRefusedError) as info, store.transaction("x"):
            pass
    finally:
        store.close()
    assert info.value.code == "readonly"
    assert "ist schreibgeschützt geöffnet" in format_error(info.value)


OLDER_SHOWN_READONLY = (
    "hat ein älteres Dateiformat und lässt sich hier nicht umstellen (schreibgeschützte Datei, "
    "schreibgeschützter Ordner oder Datenträger). Sie wird deshalb nur zum Lesen gezeigt"
)
SAVE_UNDER_NEW_NAME = "Zum Bearbeiten bitte unter neuem Namen speichern"


@pytest.fixture
def older_on_readonly_disk(readonly_bind):  # noqa: F811
    """A portfolio of an earlier schema (needs migration) seen through a read-only bind mount."""
    from tests.support.schemas import file_at_revision

    folder, view = readonly_bind
    file_at_revision(folder / "alt.sa2030", "0004")
    return folder, view / "alt.sa2030"


def test_an_older_file_on_a_read_only_disk_is_read_from_a_migrated_copy(
    cli, demo, older_on_readonly_disk, tmp_path
):
    """An older file on a read-only disk cannot be migrated in place: reading commands read a
    migrated temporary copy and say so (save under a new name to edit); a change (import) is
    refused naming the disk; the file and its folder stay as they were (no backup, no -wal,
    no lock) and the temporary copy is gone afterwards."""
    import tempfile

    folder, path = older_on_readonly_disk
    source = tmp_path / "quelle.json"
    assert cli("export", demo, source)[0] == 0
    before, files = sha256(path), sorted(p.name for p in folder.iterdir())
    copies = set(Path(tempfile.gettempdir()).glob("sa2030-lesekopie-*"))
    exported = tmp_path / "aus-alt.json"
    for args in (("stats", path), ("goal", path, "Z005"), ("export", path, exported)):
        code, out, err = cli(*args)  # the quick reader, a read-only store
        assert code == 0 and out, (args, code, out, err)
        assert f"Hinweis: „{path}“ {OLDER_SHOWN_READONLY}" in err
        assert SAVE_UNDER_NEW_NAME in err and "Traceback" not in err
    assert '"key": "Z005"' in exported.read_text(encoding="utf-8")
    err = _refused(cli, "import", path, source)
    assert f"„{path}“ {ON_READONLY_DISK}" in err
    assert sha256(path) == before
    assert sorted(p.name for p in folder.iterdir()) == files
    assert set(Path(tempfile.gettempdir()).glob("sa2030-lesekopie-*")) == copies


def test_the_window_shows_an_older_file_on_a_read_only_disk_read_only(
    qtbot, older_on_readonly_disk
):
    """Datei > Öffnen and the start (gui/safety/opening.py) open it read-only with the hint."""
    from sa2030_desktop.gui.safety.opening import open_interactively

    folder, path = older_on_readonly_disk
    before = sha256(path)
    asked = []
    store = open_interactively(None, path, ask=lambda *a: asked.append(a) or "ok")
    try:
        assert store.readonly and len(store.snapshot().goals) == 160
        copy = store.shown_copy
        assert copy is not None and copy.parent != folder
    finally:
        store.close()
    assert [(kind, text[: len(str(path)) + 2]) for kind, text, _ in asked] == [
        ("readonly", f"„{path}“")
    ]
    assert OLDER_SHOWN_READONLY in asked[0][1] and SAVE_UNDER_NEW_NAME in asked[0][1]
    assert not copy.parent.exists()
    assert sha256(path) == before
