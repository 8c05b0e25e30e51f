"""Network shares and sync folders are recognised; work copies go back only when safe."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest

from sa2030_desktop.domain.errors import FileRefusedError
from sa2030_desktop.persistence import location, locking
from sa2030_desktop.services import goals as goal_service
from sa2030_desktop.services import safety
from sa2030_desktop.services.portfolio import create_portfolio
from tests.support.safety import python, sha256

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
proc /proc proc rw 0 0
//fileserver.lsa.local/mid /mnt/mid cifs rw,vers=3.0 0 0
server:/export/home /home/planer/nfs nfs4 rw 0 0
planer@host:/srv /home/planer/remote fuse.sshfs rw 0 0
/dev/sdb1 /media/usb\\040stick vfat rw 0 0
portal /run/user/1000/doc fuse.portal rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "fstype"),
    [
        ("/mnt/mid/Portfolio.sa2030", "cifs"),
        ("/home/planer/nfs/a/b.sa2030", "nfs4"),
        ("/home/planer/remote/x.sa2030", "fuse.sshfs"),
        ("/media/usb stick/x.sa2030", "vfat"),
        ("/home/planer/x.sa2030", "ext4"),
        ("/run/user/1000/doc/x.sa2030", "fuse.portal"),
    ],
)
def test_mount_table_longest_prefix(path, fstype):
    assert location.mount_of(Path(path), MOUNTS)[1] == fstype


def test_network_types():
    assert location.is_network_type("cifs") and location.is_network_type("smb3")
    assert location.is_network_type("nfs") and location.is_network_type("fuse.sshfs")
    assert location.is_network_type("fuse.rclone")
    assert not location.is_network_type("ext4")
    assert not location.is_network_type("fuse.portal")
    assert not location.is_network_type("tmpfs")


@pytest.mark.parametrize(
    ("path", "client"),
    [
        ("/home/p/OneDrive - Land Sachsen-Anhalt/Ziele/p.sa2030", "OneDrive"),
        ("/home/p/OneDrive/p.sa2030", "OneDrive"),
        ("C:/Users/p/Dropbox (MID)/p.sa2030", "Dropbox"),
        ("/home/p/Nextcloud/MID/p.sa2030", "Nextcloud"),
        ("/home/p/ownCloud/p.sa2030", "ownCloud"),
        ("/Users/p/Library/Mobile Documents/com~apple~CloudDocs/p.sa2030", "iCloud"),
        ("/Users/p/Google Drive/Meine Ablage/p.sa2030", "Google Drive"),
    ],
)
def test_sync_folders_by_name(path, client):
    assert location.sync_client(Path(path)) == client


def test_sync_folder_by_marker_and_local(tmp_path):
    plain = tmp_path / "Ablage" / "p.sa2030"
    plain.parent.mkdir()
    assert location.classify(plain).kind == "local"
    assert location.sync_client(Path("/home/p/OneDriveBackup2/p.sa2030")) is None
    (tmp_path / ".stfolder").mkdir()
    found = location.classify(plain)
    assert (found.kind, found.detail, found.risky) == ("synced", "Syncthing", True)


def test_this_machines_tmp_is_local(tmp_path):
    assert safety.location(tmp_path / "x.sa2030").kind == "local"


@pytest.fixture
def remote(tmp_path):
    share = tmp_path / "Nextcloud" / "MID"
    share.mkdir(parents=True)
    path = share / "Portfolio.sa2030"
    create_portfolio(path, demo=True).close()
    assert safety.location(path).detail == "Nextcloud"
    return path


def test_work_copy_written_back_when_remote_unchanged(remote, tmp_path):
    copy = safety.open_work_copy(remote, folder=tmp_path / "lokal")
    assert copy.local.parent.parent == tmp_path / "lokal"
    assert copy.local.name == remote.name  # the window title shows the remote's name
    assert locking.lock_path(remote).exists()  # colleagues on the share see who works on it
    goal_service.update_goal(copy.store, "Z06", title="Auf der Arbeitskopie geändert")
    assert sha256(remote) == copy.remote_sha256  # the remote is untouched while working
    result = copy.write_back()
    assert (result.target, result.changed, result.conflict) == (remote, True, False)
    conn = sqlite3.connect(remote)
    assert conn.execute("SELECT title FROM goal WHERE key='Z06'").fetchone()[0] == (
        "Auf der Arbeitskopie geändert"
    )
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert not copy.local.exists()
    assert not copy.local.parent.exists()
    assert not locking.lock_path(remote).exists()


def test_unchanged_work_copy_leaves_remote_alone(remote, tmp_path):
    before = sha256(remote)
    copy = safety.open_work_copy(remote, folder=tmp_path / "lokal")
    copy.store.snapshot()
    result = copy.write_back()
    assert result.changed is False
    assert sha256(remote) == before


def test_remote_changed_meanwhile_keeps_both(remote, tmp_path):
    copy = safety.open_work_copy(remote, folder=tmp_path / "lokal")
    goal_service.update_goal(copy.store, "Z07", title="Meine Fassung")
    conn = sqlite3.connect(remote)  # a colleague (or the sync client) changes the remote
    conn.execute("UPDATE goal SET title = 'Fassung der Kollegin' WHERE key = 'Z07'")
    conn.commit()
    conn.close()
    theirs = sha256(remote)
    notified = []
    copy.listeners.append(notified.append)
    copy.store.close()  # closing the window writes back by itself
    assert notified == [copy]
    result = copy.result
    assert result.conflict and result.target != remote
    assert "eigene Fassung" in result.target.name
    assert sha256(remote) == theirs
    conn = sqlite3.connect(result.target)
    assert conn.execute("SELECT title FROM goal WHERE key='Z07'").fetchone()[0] == "Meine Fassung"
    conn.close()


def test_work_copy_of_remote_another_instance_works_on_is_refused(remote, tmp_path):
    other = python(
        "import sys; from pathlib import Path; from sa2030_desktop.services import safety\n"
        "c = safety.open_work_copy(sys.argv[1], folder=Path(sys.argv[2]))\n"
        "print('offen', flush=True); sys.stdin.readline(); c.write_back()",
        str(remote),
        str(tmp_path / "andere"),
        stdin=subprocess.PIPE,
    )
    try:
        assert other.stdout.readline().strip() == "offen"
        with pytest.raises(locking.FileLockedError) as caught:
            safety.open_work_copy(remote, folder=tmp_path / "b")
        assert caught.value.holder.pid == other.pid
        assert not (tmp_path / "b").exists() or not list((tmp_path / "b").iterdir())
    finally:
        other.communicate("\n", timeout=30)
    assert other.returncode == 0


def test_work_copy_of_damaged_remote_is_refused(tmp_path):
    path = tmp_path / "Dropbox" / "x.sa2030"
    path.parent.mkdir()
    path.write_bytes(b"kein sqlite")
    with pytest.raises(FileRefusedError) as caught:
        safety.open_work_copy(path, folder=tmp_path / "lokal")
    assert caught.value.code == "not_sqlite"


def test_crashed_work_copy_session_is_continued_not_lost(remote, tmp_path):
    copy = safety.open_work_copy(remote, folder=tmp_path / "lokal")
    goal_service.update_goal(copy.store, "Z08", title="Vor dem Absturz geändert")
    # the crash: no write-back, no clean close (the lock stays behind, its process "dead")
    copy.store._after_close.clear()
    copy.store.engine.dispose()
    import json as _json

    for lock in (locking.lock_path(copy.local), locking.lock_path(remote)):
        data = _json.loads(lock.read_text())
        lock.write_text(_json.dumps({**data, "pid": 999_999_999}))
    locking._held.clear()
    again = safety.open_work_copy(remote, folder=tmp_path / "lokal")
    assert again.resumed and again.local == copy.local
    assert again.store.snapshot().goals["Z08"].title == "Vor dem Absturz geändert"
    result = again.write_back()
    assert result.changed and not result.conflict
    conn = sqlite3.connect(remote)
    assert conn.execute("SELECT title FROM goal WHERE key='Z08'").fetchone()[0] == (
        "Vor dem Absturz geändert"
    )
    conn.close()
