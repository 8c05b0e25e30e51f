"""A target on a read-only disk (a write-protected USB stick, a share mounted read-only) is
named as such – „liegt auf einem schreibgeschützten Datenträger“ – for every writer, not as
missing permission: os.access() says only „no“ for both, the file system's flag tells them
apart (export/atomic.py). Real read-only mounts (tmpfs, bind mount): needs root, else skipped."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.hostile.conftest import assert_german, sha256
from tests.hostile.test_output_path import IDS, REPLACING, WRITERS, _args

READONLY_DISK = "liegt auf einem schreibgeschützten Datenträger; es wurde nichts geschrieben."


def _mount(*args: str) -> bool:
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@pytest.fixture
def readonly_tmpfs(tmp_path):
    """An empty tmpfs mounted read-only (mount -t tmpfs -o ro)."""
    point = tmp_path / f"ro-{uuid.uuid4().hex[:6]}"
    point.mkdir()
    if not _mount("-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(point)):
        pytest.skip("kein schreibgeschütztes tmpfs einhängbar (nur als root)")
    yield point
    subprocess.run(["umount", "-l", str(point)], capture_output=True)


@pytest.fixture
def readonly_bind(tmp_path):
    """A folder with files in it, seen again through a read-only bind mount: (folder, view)."""
    folder, view = tmp_path / "daten", tmp_path / "nur-lesen"
    folder.mkdir()
    view.mkdir()
    if not _mount("--bind", str(folder), str(view)):
        pytest.skip("kein bind mount möglich (nur als root)")
    if not _mount("-o", "remount,bind,ro", str(view)):
        subprocess.run(["umount", "-l", str(view)], capture_output=True)
        pytest.skip("bind mount lässt sich nicht schreibgeschützt machen")
    yield folder, view
    subprocess.run(["umount", "-l", str(view)], capture_output=True)


@pytest.mark.parametrize("writer", WRITERS, ids=IDS)
def test_a_new_file_on_a_read_only_disk_is_named_as_such(cli, demo, readonly_tmpfs, writer):
    _, name, spec = writer
    out = readonly_tmpfs / name
    before = sha256(demo)
    code, _, err = cli(*_args(spec, demo, out))
    assert code == 1
    assert f"„{out}“ {READONLY_DISK}" in err
    assert "keine Berechtigung" not in err
    assert_german(err)
    assert list(readonly_tmpfs.iterdir()) == []
    assert sha256(demo) == before


@pytest.mark.parametrize("writer", REPLACING, ids=[w[0] for w in REPLACING])
def test_an_existing_file_on_a_read_only_disk_stays_as_it_was(cli, demo, readonly_bind, writer):
    _, name, spec = writer
    folder, view = readonly_bind
    (folder / name).write_bytes(b"alte Fassung")
    code, _, err = cli(*_args(spec, demo, view / name))
    assert code == 1
    # the disk is the reason, not the file's own protection („ist schreibgeschützt“) or rights
    assert f"„{view / name}“ {READONLY_DISK}" in err
    assert_german(err)
    assert (folder / name).read_bytes() == b"alte Fassung"
    assert sorted(p.name for p in folder.iterdir()) == [name]


def test_the_csv_folder_and_a_new_portfolio_on_a_read_only_disk(cli, demo, readonly_tmpfs):
    code, _, err = cli("export", demo, readonly_tmpfs / "csv")
    assert code == 1 and f"„{readonly_tmpfs / 'csv'}“ {READONLY_DISK}" in err
    code, _, err = cli("new", readonly_tmpfs / "neu.sa2030")
    assert code == 1 and f"„{readonly_tmpfs / 'neu.sa2030'}“ {READONLY_DISK}" in err
    assert list(readonly_tmpfs.iterdir()) == []


def test_sa2030_export_to_a_read_only_disk_in_a_real_process(demo, readonly_tmpfs):
    out = readonly_tmpfs / "aus.json"
    run = subprocess.run(
        [sys.executable, "-m", "sa2030_desktop.cli.main", "export", str(demo), str(out)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode == 1
    assert run.stderr == f"sa2030 export: „{out}“ {READONLY_DISK}\n"


def test_a_folder_without_permission_is_still_named_as_such(demo):
    """The other half of EROFS vs EACCES: a writable disk, a folder the user may not write
    (run as the user nobody, in a folder outside pytest's private tmp_path)."""
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("braucht root, um als anderer Benutzer zu laufen")
    base = Path(f"/tmp/sa2030-rechte-{uuid.uuid4().hex[:8]}")
    base.mkdir(mode=0o755)
    try:
        base.chmod(0o755)
        portfolio = base / "lesbar.sa2030"
        shutil.copy(demo, portfolio)
        portfolio.chmod(0o644)
        closed = base / "fremd"
        closed.mkdir()
        closed.chmod(0o755)  # root's folder: nobody may read it, not write into it
        home = base / "daten"
        home.mkdir()
        home.chmod(0o777)
        out = closed / "aus.json"
        run = subprocess.run(
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable,
             "-m", "sa2030_desktop.cli.main", "export", str(portfolio), str(out)],
            capture_output=True, text=True, timeout=120,
            env={**os.environ, "SA2030_DATA_DIR": str(home), "HOME": str(home)},
        )  # fmt: skip
        if "ModuleNotFoundError" in run.stderr or "Permission denied" in run.stderr:
            pytest.skip("der Benutzer nobody kann das Paket nicht lesen")
        assert run.returncode == 1, run.stderr
        assert run.stderr == (
            f"sa2030 export: In „{out}“ kann nicht geschrieben werden (keine Berechtigung).\n"
        )
        assert not out.exists()
    finally:
        shutil.rmtree(base, ignore_errors=True)
