"""A portfolio on a read-only disk, opened to be changed (sa2030 import, merge, ministry):
the refusal names the disk – „liegt auf einem schreibgeschützten Datenträger“ – not
„ist schreibgeschützt geöffnet“, which the user never asked for. The file is opened read-only
on its own (nothing can be written beside it), so the refusal comes from the store's write;
it asks the file system's read-only flag (infrastructure/disks.py, as every writer does)."""

from __future__ import annotations

import shutil

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


OLDER_ON_READONLY_DISK = (
    "liegt auf einem schreibgeschützten Datenträger und hat ein älteres Dateiformat"
)


@pytest.fixture
def older_on_readonly_disk(readonly_bind):  # noqa: F811
    """A portfolio of an earlier schema (needs migration) seen through a read-only bind mount."""
    from tests.support.schemas import file_at_revision

    folder, view = readonly_bind
    file_at_revision(folder / "alt.sa2030", "0004")
    return folder, view / "alt.sa2030"


def test_an_older_file_on_a_read_only_disk_names_the_disk_not_the_migration(
    cli, demo, older_on_readonly_disk, tmp_path
):
    """Opened for changes (import) or to read (stats), an older file on a read-only disk cannot
    be migrated: the refusal says so – not „Bitte die Datei einmal in der Anwendung öffnen“,
    which cannot help there – and nothing is written (no backup, no -wal, no lock)."""
    folder, path = older_on_readonly_disk
    source = tmp_path / "quelle.json"
    assert cli("export", demo, source)[0] == 0
    before, files = sha256(path), sorted(p.name for p in folder.iterdir())
    for args in (("import", path, source), ("stats", path), ("check", path)):
        err = _refused(cli, *args)
        assert f"„{path}“ {OLDER_ON_READONLY_DISK}" in err, err
        assert "einmal in der Anwendung öffnen" not in err
        assert "auf einen beschreibbaren Datenträger kopieren" in err
    assert sha256(path) == before
    assert sorted(p.name for p in folder.iterdir()) == files


def test_the_window_shows_the_read_only_disk_for_an_older_file(qtbot, older_on_readonly_disk):
    """Datei > Öffnen and the start (gui/safety/opening.py) show the same refusal."""
    from sa2030_desktop.domain.errors import FileRefusedError
    from sa2030_desktop.gui.safety.opening import open_interactively
    from sa2030_desktop.messages import format_error

    _, path = older_on_readonly_disk
    asked = []
    with pytest.raises(FileRefusedError) as info:
        open_interactively(None, path, ask=lambda *a: asked.append(a) or "cancel")
    assert asked == []  # nothing offered that could not work
    assert format_error(info.value).startswith(f"„{path}“ {OLDER_ON_READONLY_DISK}")
