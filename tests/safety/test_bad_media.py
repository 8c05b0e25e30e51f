"""Full disks, read-only files, permissions: rolled back, clear German message, nothing lost."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from sa2030_desktop.domain.errors import FileRefusedError
from sa2030_desktop.messages import format_error
from sa2030_desktop.persistence import backup as backups
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.services import safety
from sa2030_desktop.services.portfolio import create_portfolio, export_json, import_json
from tests.support.safety import big_bundle, count, integrity, sha256


def _mount_tmpfs(size: str, readonly: bool = False) -> Path | None:
    if os.geteuid() != 0 or not shutil.which("mount"):
        return None
    point = Path(f"/tmp/sa2030-klein-{uuid.uuid4().hex[:8]}")
    point.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)],
                            capture_output=True)  # fmt: skip
    if result.returncode:
        point.rmdir()
        return None
    return point


def _umount(point: Path) -> None:
    subprocess.run(["umount", "-l", str(point)], check=False)
    point.rmdir()


@pytest.fixture
def small_fs():
    point = _mount_tmpfs("2m")
    if point is None:
        pytest.skip("kleines Dateisystem nur als root mit mount (CI: root im Container)")
    yield point
    _umount(point)


def test_disk_full_during_import_rolls_back(small_fs, tmp_path):
    path = small_fs / "voll.sa2030"
    store = create_portfolio(path, demo=True)
    goals_before = count(path, "goal")
    source = big_bundle(tmp_path / "gross.json", goals=6000, milestones_per_goal=2)
    # fill the disk so that the import cannot fit
    filler = small_fs / "fueller.bin"
    free = shutil.disk_usage(small_fs).free
    filler.write_bytes(b"\0" * max(0, free - 300_000))
    with pytest.raises(FileRefusedError) as caught:
        import_json(store, source)
    assert caught.value.code == "disk_full"
    assert (
        format_error(caught.value) == f"Der Datenträger ist voll: „{path}“ wurde nicht verändert."
    )
    store.invalidate()
    assert len(store.snapshot().goals) == goals_before
    store.close()
    filler.unlink()
    assert integrity(path) == "ok"
    assert count(path, "goal") == goals_before


def test_disk_full_during_backup_keeps_previous_backup(tmp_path, monkeypatch):
    store = create_portfolio(tmp_path / "p.sa2030", demo=True)
    point = _mount_tmpfs("700k")
    if point is None:
        store.close()
        pytest.skip("kleines Dateisystem nur als root mit mount")
    try:
        monkeypatch.setenv("SA2030_DATA_DIR", str(point))
        good = safety.backup_now(store)
        good_sha = sha256(good.path)
        from sa2030_desktop.services import goals as goal_service

        goal_service.update_goal(store, "Z05", title="Geändert vor der vollen Platte")
        free = shutil.disk_usage(point).free
        (point / "fueller.bin").write_bytes(b"\0" * max(0, free - 20_000))
        with pytest.raises(FileRefusedError) as caught:
            safety.backup_now(store)
        assert caught.value.code == "backup_failed"
        assert "Datenträger voll" in format_error(caught.value)
        assert "bisherigen Sicherungen bleiben erhalten" in format_error(caught.value)
        assert [b.path for b in safety.list_backups(store.path)] == [good.path]
        assert sha256(good.path) == good_sha
        assert not list(good.path.parent.glob("*.tmp*"))
    finally:
        store.close()
        _umount(point)


def test_readonly_file_opens_readonly_with_notice(tmp_path):
    path = tmp_path / "p.sa2030"
    create_portfolio(path, demo=True).close()
    point = _mount_tmpfs("4m")
    if point is None:
        pytest.skip("schreibgeschütztes Dateisystem nur als root mit mount")
    try:
        shutil.copy(path, point / "p.sa2030")
        subprocess.run(["mount", "-o", "remount,ro", str(point)], check=True)
        before = sha256(point / "p.sa2030")
        store = Store.open(point / "p.sa2030")
        assert store.readonly
        assert store.lock is None
        assert len(store.snapshot().goals) == 50
        from sa2030_desktop.services import goals as goal_service

        with pytest.raises(FileRefusedError) as caught:
            goal_service.update_goal(store, "Z01", title="x")
        # the disk is named as the cause, not „ist schreibgeschützt geöffnet“ (nobody asked so)
        assert "liegt auf einem schreibgeschützten Datenträger" in format_error(caught.value)
        # the notice suggests „Kopie speichern unter…“: it works from read-only media
        from sa2030_desktop.services.file_copy import save_copy

        copy = save_copy(store, tmp_path / "bearbeitbar.sa2030")
        store.close()
        assert sha256(point / "p.sa2030") == before
        editable = Store.open(copy)
        assert not editable.readonly and len(editable.snapshot().goals) == 50
        editable.close()
    finally:
        _umount(point)


def test_files_are_owner_only(tmp_path, demo_store):
    old = os.umask(0o022)
    try:
        assert oct(demo_store.path.stat().st_mode & 0o777) == "0o600"
        info = safety.backup_now(demo_store)
        assert oct(info.path.stat().st_mode & 0o777) == "0o600"
        assert oct(info.path.with_suffix(".json").stat().st_mode & 0o777) == "0o600"
        out = export_json(demo_store, tmp_path / "export.json")
        assert oct(Path(out).stat().st_mode & 0o777) == "0o600"
        restored = safety.restore_as_new(info, tmp_path / "r.sa2030")
        assert oct(restored.stat().st_mode & 0o777) == "0o600"
        new = create_portfolio(tmp_path / "neu.sa2030")
        for side in (new.path, Path(f"{new.path}.lock")):
            assert oct(side.stat().st_mode & 0o777) == "0o600", side
        new.close()
    finally:
        os.umask(old)


def test_backups_folder_private(tmp_path, demo_store):
    info = safety.backup_now(demo_store)
    assert oct(info.path.parent.stat().st_mode & 0o777) == "0o700"
    assert oct(backups.backup_dir(demo_store.path).parent.stat().st_mode & 0o777) == "0o700"


def test_export_sweeps_temp_files_of_a_killed_export(demo_store, tmp_path):
    import time

    target = tmp_path / "austausch.json"
    old = tmp_path / ".austausch.json.abc123.tmp"  # left by an export killed yesterday
    old.write_text("halb")
    os.utime(old, (time.time() - 86_400, time.time() - 86_400))
    young = tmp_path / ".austausch.json.def456.tmp"  # maybe an export running right now
    young.write_text("läuft")
    export_json(demo_store, target)
    assert not old.exists()
    assert young.exists()
    assert json_goals(target) == 50


def json_goals(path):
    import json

    return len(json.loads(path.read_text(encoding="utf-8"))["goals"])
