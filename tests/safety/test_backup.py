"""Backups: verified snapshots, thinning, live writers, restore, never a corrupt one counted."""

from __future__ import annotations

import os
import sqlite3
import threading
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from sa2030_desktop.domain.errors import FileRefusedError
from sa2030_desktop.messages import format_error
from sa2030_desktop.persistence import backup as backups
from sa2030_desktop.services import goals as goal_service
from sa2030_desktop.services import safety
from sa2030_desktop.services.portfolio import create_portfolio
from tests.support.safety import count, damage_page, integrity, sha256


def test_backup_is_verified_private_and_summarised(demo_store):
    info = safety.backup_now(demo_store)
    assert info is not None
    assert info.goals == 50 and info.milestones == 137 and info.dependencies == 76
    assert info.title
    assert backups.verify(info.path) is None
    assert oct(info.path.stat().st_mode & 0o777) == "0o600"
    assert oct(info.path.parent.stat().st_mode & 0o777) == "0o700"
    assert not list(info.path.parent.glob("*.tmp"))
    assert count(info.path, "goal") == 50
    # unchanged content: no second, identical backup pushes an older one out
    assert safety.backup_now(demo_store) is None
    goal_service.update_goal(demo_store, "Z01", title="Neuer Titel für die Sicherung")
    second = safety.backup_now(demo_store)
    assert second is not None and second.path != info.path
    assert [b.path for b in safety.list_backups(demo_store.path)] == [second.path, info.path]


def _fake(folder: Path, stem: str, taken: datetime) -> Path:
    path = folder / f"{stem}-{taken:%Y%m%d-%H%M%S}.sa2030"
    path.write_bytes(b"x")
    return path


def test_thinning_keeps_last_ten_daily_and_weekly(tmp_path):
    target = tmp_path / "p.sa2030"
    folder = backups.backup_dir(target)
    folder.mkdir(parents=True)
    today = date(2026, 11, 28)
    start = datetime(2026, 11, 28, 18, 0)
    made = []
    for hour in range(30):  # 30 backups on the last day, every 10 minutes
        made.append(_fake(folder, "p", start - timedelta(minutes=10 * hour)))
    for day in range(1, 100):  # two a day for 99 days before
        for h in (9, 17):
            made.append(_fake(folder, "p", datetime(2026, 11, 28 - 0, h) - timedelta(days=day)))
    removed = backups.thin(target, today=today)
    kept = backups.list_backups(target)
    kept_times = [b.taken for b in kept]
    assert len(kept) + len(removed) == len(made)
    assert kept_times[:10] == sorted(kept_times, reverse=True)[:10]
    assert kept_times[0] == start
    days = {t.date() for t in kept_times}
    for d in range(14):  # one per day for 14 days
        assert today - timedelta(days=d) in days
    weeks = {tuple(t.isocalendar())[:2] for t in kept_times}
    for w in range(8):
        assert tuple((today - timedelta(weeks=w)).isocalendar())[:2] in weeks
    # nothing older than 8 weeks, and never two of one older day
    assert min(kept_times).date() >= today - timedelta(weeks=8)
    assert len(kept) <= 10 + 14 + 8


def test_live_backup_while_another_connection_writes(demo_store, tmp_path):
    stop = threading.Event()
    written = []

    def writer():
        conn = sqlite3.connect(demo_store.path, timeout=30)
        n = 0
        while not stop.is_set():
            with conn:
                conn.execute(
                    "UPDATE goal SET description = ? WHERE key = ?",
                    (f"Stand {n}", f"Z{n % 50 + 1:02d}"),
                )
                conn.execute(
                    "INSERT INTO layout (view, goal, x, y) VALUES ('live', ?, ?, 0)"
                    " ON CONFLICT DO UPDATE SET x = excluded.x",
                    (f"Z{n % 50 + 1:02d}", n),
                )
            n += 1
        written.append(n)
        conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    taken = []
    try:
        for _ in range(12):
            info = backups.create_backup(demo_store.path, force=True)
            # checked at once: thinning keeps only the last ten of these twelve
            taken.append((integrity(info.path), count(info.path, "goal")))
    finally:
        stop.set()
        thread.join()
    assert written[0] > 12
    assert len(taken) == 12
    assert taken == [("ok", 50)] * 12
    assert len(backups.list_backups(demo_store.path)) == 10


def test_failed_backup_keeps_previous_and_leaves_no_trace(demo_store, monkeypatch):
    good = safety.backup_now(demo_store)
    before = sha256(good.path)
    goal_service.update_goal(demo_store, "Z02", title="Geändert")

    def broken(_path):  # the snapshot does not verify (as on a failing disk)
        return "database disk image is malformed"

    with monkeypatch.context() as patch, pytest.raises(FileRefusedError) as caught:
        patch.setattr(backups, "verify", broken)  # fault injection: the snapshot is bad
        safety.backup_now(demo_store)
    assert "bisherigen Sicherungen bleiben erhalten" in format_error(caught.value)
    assert [b.path for b in safety.list_backups(demo_store.path)] == [good.path]
    assert sha256(good.path) == before
    assert sorted(p.name for p in good.path.parent.iterdir()) == sorted(
        [good.path.name, good.path.with_suffix(".json").name]
    )


def test_restore_to_new_file_and_over_current(demo_store, tmp_path):
    info = safety.backup_now(demo_store)
    goal_service.update_goal(demo_store, "Z03", title="Nach der Sicherung geändert")
    new = safety.restore_as_new(info, tmp_path / "wiederhergestellt.sa2030")
    assert oct(new.stat().st_mode & 0o777) == "0o600"
    from sa2030_desktop.persistence.store import Store

    restored = Store.open(new)
    assert restored.snapshot().goals["Z03"].title != "Nach der Sicherung geändert"
    restored.close()
    with pytest.raises(FileRefusedError) as caught:
        safety.restore_as_new(info, new)
    assert caught.value.code == "file_exists"
    # over the current file: the current one is kept aside, untouched
    demo_store.close()
    current_sha = sha256(demo_store.path)
    aside = backups.restore(info.path, demo_store.path, replace=True)
    assert aside is not None and sha256(aside) == current_sha
    again = Store.open(demo_store.path)
    assert again.snapshot().goals["Z03"].title != "Nach der Sicherung geändert"
    again.close()


def test_corrupt_backup_is_never_restored(demo_store, tmp_path):
    info = safety.backup_now(demo_store)
    damage_page(info.path)
    with pytest.raises(FileRefusedError) as caught:
        safety.restore_as_new(info, tmp_path / "x.sa2030")
    assert caught.value.code == "backup_damaged"
    assert not (tmp_path / "x.sa2030").exists()
    assert safety.newest_backup(demo_store.path) is None


def test_backup_of_new_portfolio_in_user_data_folder(tmp_path):
    store = create_portfolio(tmp_path / "neu.sa2030")
    info = safety.backup_now(store)
    root = Path(os.environ["SA2030_DATA_DIR"])
    assert info.path.is_relative_to(root / "backups")
    assert info.path.parent.name.startswith("neu-")
    store.close()
