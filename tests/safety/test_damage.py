"""Damaged, foreign, newer and truncated files: refused, left unchanged, a backup restored."""

from __future__ import annotations

import sqlite3

import pytest

from sa2030_desktop.domain.errors import FileRefusedError
from sa2030_desktop.messages import format_error
from sa2030_desktop.persistence import locking
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.services import goals as goal_service
from sa2030_desktop.services import safety
from sa2030_desktop.services.portfolio import create_portfolio
from tests.support.safety import damage_page, integrity, sha256


@pytest.fixture
def backed_up(tmp_path):
    path = tmp_path / "ressort.sa2030"
    store = create_portfolio(path, demo=True)
    safety.backup_now(store)
    goal_service.update_goal(store, "Z04", title="Nach der letzten Sicherung")
    store.close()
    return path


def _header(path, offset, data):
    with open(path, "r+b") as fh:
        fh.seek(offset)
        fh.write(data)


@pytest.mark.parametrize(
    ("damage", "code"),
    [
        (lambda p: damage_page(p, "goal"), "file_damaged"),
        (lambda p: damage_page(p, "milestone"), "file_damaged"),
        (lambda p: _header(p, 0, b"SQLite format 2\x00"), "not_sqlite"),
        (lambda p: _header(p, 16, b"\x03\x00"), "file_damaged"),  # page size 768
    ],
    ids=["goal-page", "milestone-page", "magic", "page-size"],
)
def test_damaged_file_detected_unchanged_and_backup_restored(backed_up, damage, code):
    damage(backed_up)
    damaged_sha = sha256(backed_up)
    with pytest.raises(FileRefusedError) as caught:
        Store.open(backed_up)
    assert caught.value.code == code
    assert safety.is_damage(caught.value)
    assert "nicht verändert" in format_error(caught.value) or code == "not_sqlite"
    assert sha256(backed_up) == damaged_sha
    assert not locking.lock_path(backed_up).exists()

    offer = safety.newest_backup(backed_up)
    assert offer is not None and offer.goals == 50
    recovery = safety.recover_from_backup(backed_up, offer)
    assert sha256(recovery.damaged_copy) == damaged_sha  # kept aside, byte for byte
    assert recovery.damaged_copy.parent == backed_up.parent
    store = Store.open(backed_up)
    snap = store.snapshot()
    assert len(snap.goals) == 50
    assert snap.goals["Z04"].title != "Nach der letzten Sicherung"  # the backup's state
    store.close()
    assert integrity(backed_up) == "ok"


def test_damage_without_backup_says_so(tmp_path):
    path = tmp_path / "ohne.sa2030"
    create_portfolio(path).close()
    damage_page(path, "theme")
    before = sha256(path)
    with pytest.raises(FileRefusedError):
        Store.open(path)
    with pytest.raises(FileRefusedError) as caught:
        safety.recover_from_backup(path)
    assert caught.value.code == "no_backup"
    assert "keine geprüfte Sicherung" in format_error(caught.value)
    assert sha256(path) == before


def _foreign(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE kunden (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO kunden (name) VALUES ('Fremd')")
    conn.commit()
    conn.close()


def _newer(path):
    create_portfolio(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version=99")
    conn.close()


def _truncated(path):
    create_portfolio(path, demo=True).close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 4096 * 3])


def _cut_mid_page(path):
    create_portfolio(path, demo=True).close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 17])


@pytest.mark.parametrize(
    ("make", "code", "words"),
    [
        (_foreign, "foreign_sqlite", "keine SA2030-Portfoliodatei"),
        (_newer, "newer_version", "neueren Version"),
        (_truncated, "file_truncated", "unvollständig"),
        (_cut_mid_page, "file_truncated", "unvollständig"),
    ],
)
def test_refused_files_stay_unchanged(tmp_path, make, code, words):
    path = tmp_path / "fremd.sa2030"
    make(path)
    before = sha256(path)
    names = sorted(p.name for p in tmp_path.iterdir())
    for readonly in (False, True):
        with pytest.raises(FileRefusedError) as caught:
            Store.open(path, readonly=readonly)
        assert caught.value.code == code
        assert words in format_error(caught.value)
        assert str(path) in format_error(caught.value)
    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == names  # no lock, wal or copy left
