"""Migrations cannot lose rows: every earlier schema with realistic data opens with equal counts."""

from __future__ import annotations

import sqlite3

import pytest

from sa2030_desktop.domain.errors import FileRefusedError
from sa2030_desktop.persistence import backup as backups
from sa2030_desktop.persistence.fileformat import HEAD_REVISION, SCHEMA_VERSION
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.services import portfolio
from tests.support.safety import integrity, sha256
from tests.support.schemas import EARLIER, file_at_revision

TABLES = [
    "category",
    "theme",
    "ministry",
    "goal",
    "goal_partner",
    "milestone",
    "dependency",
    "indicator",
    "indicator_value",
    "layout",
    "change_log",
    "portfolio_info",
]


def _counts(path):
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        conn.close()


@pytest.mark.parametrize("revision", EARLIER)
def test_every_earlier_schema_migrates_without_losing_rows(tmp_path, revision):
    path = file_at_revision(tmp_path / f"alt-{revision}.sa2030", revision)
    before = _counts(path)
    assert before["goal"] == 160 and before["dependency"] == 314
    old_sha = sha256(path)

    store = Store.open(path)
    snap = store.snapshot()
    assert len(snap.goals) == 160
    assert len(snap.milestones) == 480
    assert len(snap.dependencies) == 314
    assert snap.goals["Z002"].status_reason == "Zulieferung verzögert"
    assert snap.info.title == "Umsetzungsstand 2025 – Ressortabstimmung"
    assert portfolio.stats(store)["goals"] == 160
    store.close()

    assert _counts(path) == before
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD_REVISION
    conn.close()
    assert integrity(path) == "ok"

    # the file as it was before the migration is kept as a verified backup
    saved = [b for b in backups.list_backups(path) if b.reason == "vor-migration"]
    assert len(saved) == 1
    assert backups.verify(saved[0].path) is None
    assert _counts(saved[0].path) == before
    assert saved[0].goals == 160
    assert oct(saved[0].path.stat().st_mode & 0o777) == "0o600"
    assert sha256(path) != old_sha  # and the file itself now has the new schema


def test_migration_refused_when_rows_break_foreign_keys_leaves_file_unchanged(tmp_path):
    path = file_at_revision(tmp_path / "kaputt.sa2030", "0001")
    conn = sqlite3.connect(path)  # foreign keys off: a row pointing nowhere, as old bugs leave
    conn.execute("INSERT INTO goal_partner (goal, ministry, position) VALUES ('Z001', 'XX', 9)")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = sha256(path)
    with pytest.raises(FileRefusedError) as caught:
        Store.open(path)
    assert caught.value.code == "migration_failed"
    assert "foreign_key_check" in str(caught.value.data["detail"])
    assert sha256(path) == before
    assert not path.with_name(path.name + ".migration").exists()
    assert not path.with_name(path.name + ".lock").exists()


def test_migration_folds_a_leftover_wal_in_first(tmp_path):
    """A crash can leave committed pages in the WAL: they must survive the migration."""
    path = file_at_revision(tmp_path / "wal.sa2030", "0001")
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("UPDATE goal SET title = 'Nur im WAL' WHERE key = 'Z005'")
    writer.commit()
    # simulate the crash: copy file + WAL while the connection is still open
    wal = path.with_name(path.name + "-wal")
    assert wal.stat().st_size > 0
    crashed = tmp_path / "crashed.sa2030"
    crashed.write_bytes(path.read_bytes())
    crashed.with_name(crashed.name + "-wal").write_bytes(wal.read_bytes())
    writer.close()
    store = Store.open(crashed)
    assert store.snapshot().goals["Z005"].title == "Nur im WAL"
    store.close()
    assert integrity(crashed) == "ok"
