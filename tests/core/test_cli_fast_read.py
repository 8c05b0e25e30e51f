"""`stats`, `check`, `goal` and `whatif` read a portfolio file on plain sqlite3 (FileReader, issue
11 item 5). They must say exactly what the full open through SQLAlchemy says: the same output
on real portfolios, and the same German refusal – with the file unchanged and no -wal/-shm left
behind – for a damaged, newer, older or missing file."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from sa2030_desktop.cli.main import main
from sa2030_desktop.persistence import file_reader
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.services import portfolio
from sa2030_desktop.services.portfolio import create_portfolio
from tests.support.safety import damage_page, sha256
from tests.support.schemas import file_at_revision

COMMANDS = [
    ["stats", "{file}"],
    ["stats", "{file}", "--json", "--as-of", "2027-06-30"],
    ["stats", "{file}", "--ministry", "MID", "--only-slipped"],
    ["check", "{file}"],
    ["check", "{file}", "--json", "--as-of", "2028-01-01"],
    ["goal", "{file}", "{goal}"],
    ["goal", "{file}", "{goal}", "--json"],
    ["whatif", "{file}", "--set", "{open}=2029-12-31"],  # an achieved one is refused
]


def run(capsys, monkeypatch, argv: list[str], full: bool) -> tuple[int, str, str, int]:
    """(exit status, stdout, stderr, files read by FileReader) of one `sa2030` run; `full`
    opens through `open_portfolio(readonly=True)` (SQLAlchemy), as before the fast path."""
    opened = []
    real_open = file_reader.FileReader.open.__func__
    with monkeypatch.context() as m:
        m.setattr(file_reader.FileReader, "open",
                  classmethod(lambda cls, path: opened.append(path) or real_open(cls, path)))  # fmt: skip
        if full:
            m.setattr(portfolio, "open_to_read",
                      lambda path: portfolio.open_portfolio(path, readonly=True))  # fmt: skip
        code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err, len(opened)


def assert_same(capsys, monkeypatch, argv: list[str]) -> tuple[int, str, str]:
    code, out, err, fast_reads = run(capsys, monkeypatch, argv, full=False)
    full = run(capsys, monkeypatch, argv, full=True)
    assert fast_reads == 1 and full[3] == 0, "the fast path was not the one taken"
    assert (code, out, err) == full[:3]
    return code, out, err


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("fast") / "demo.sa2030"
    create_portfolio(path, demo=True).close()
    return path


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """160 goals with partners, three milestones each (some achieved), hard and soft
    dependencies, indicators with values, a retired ministry, layout and change log; written
    by an older release and brought to the current schema by the normal open."""
    path = file_at_revision(tmp_path_factory.mktemp("fast") / "synthetisch.sa2030", "0005")
    Store.open(path).close()
    return path


@pytest.mark.parametrize(
    "portfolio_name, goal, open_ms", [("demo", "Z05", "Z05-M3"), ("synthetic", "Z010", "Z010-M1")]
)
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:1] + c[2:]))
def test_fast_read_prints_what_the_full_open_prints(request, capsys, monkeypatch,
                                                    portfolio_name, goal, open_ms, command):  # fmt: skip
    path = request.getfixturevalue(portfolio_name)
    before = sha256(path)
    argv = [part.format(file=path, goal=goal, open=open_ms) for part in command]
    code, out, err = assert_same(capsys, monkeypatch, argv)
    assert code in (0, 1) and out.strip()
    assert sha256(path) == before
    assert not path.with_name(path.name + "-wal").exists()
    assert not path.with_name(path.name + "-shm").exists()


def test_snapshot_and_integrity_are_those_of_the_store(synthetic):
    reader = file_reader.FileReader.open(synthetic)
    store = Store.open(synthetic, readonly=True)
    try:
        assert reader.snapshot() == store.snapshot()
        assert len(reader.snapshot().goals) == 160
        assert reader.snapshot().indicators and reader.snapshot().ministries["MLV"].successor == "MID"
        assert reader.integrity() == store.integrity() == ([], "ok")
    finally:
        reader.close()
        store.close()
    assert reader.closed


def test_a_broken_reference_is_found_by_both(tmp_path, capsys, monkeypatch):
    path = tmp_path / "verweis.sa2030"
    create_portfolio(path, demo=True).close()
    conn = sqlite3.connect(path)  # foreign keys off, as a foreign tool would write
    conn.execute("INSERT INTO goal_partner (goal, ministry, position) VALUES ('Z05', 'XX', 9)")
    conn.commit()
    conn.close()
    code, out, _err = assert_same(capsys, monkeypatch, ["check", str(path)])
    assert code == 1 and "FEHLER" in out


def _newer(path):
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version=99")
    conn.close()


def _text_in_a_date_column(path):
    conn = sqlite3.connect(path)
    conn.execute("UPDATE milestone SET forecast = 'bald' WHERE key = 'Z05-M1'")
    conn.commit()
    conn.close()


def _table_lost(path):
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE indicator_value")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("spoil, words", [
    (_newer, "neueren Version"),
    (damage_page, "beschädigt"),
    (_text_in_a_date_column, "beschädigt"),
    (_table_lost, "beschädigt"),
    (lambda path: path.write_bytes(b"Notizen, keine Datenbank " * 10), "keine SA2030"),
    (lambda path: path.unlink(), "gibt es nicht"),
], ids=["newer", "damaged page", "text in a date", "table lost", "not sqlite", "missing"])  # fmt: skip
@pytest.mark.parametrize("command", ["stats", "check", "goal"])
def test_refusals_are_the_same(tmp_path, capsys, monkeypatch, spoil, words, command):
    path = tmp_path / "p.sa2030"
    create_portfolio(path, demo=True).close()
    spoil(path)
    before = sha256(path) if path.exists() else None
    files = sorted(p.name for p in tmp_path.iterdir())  # damage_page leaves an empty -wal
    argv = [command, str(path), *(["Z05"] if command == "goal" else [])]
    code, out, err, _ = run(capsys, monkeypatch, argv, full=False)
    assert (code, out, err) == run(capsys, monkeypatch, argv, full=True)[:3]
    assert code == 1 and not out
    assert err.startswith(f"sa2030 {command}: ") and str(path) in err and words in err
    assert "Traceback" not in err
    assert (sha256(path) if path.exists() else None) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == files


def test_an_older_file_is_read_from_a_copy_unchanged_not_migrated(tmp_path, capsys, monkeypatch):
    """Reading never migrates the file: an older file is read from a migrated temporary copy,
    by the fast read as by the full read-only open."""
    path = file_at_revision(tmp_path / "alt.sa2030", "0004")
    before = sha256(path)
    code, out, err = assert_same_refusal(capsys, monkeypatch, ["stats", str(path)])
    assert code == 0 and "160" in out
    assert err.startswith(f"Hinweis: „{path}“ hat ein älteres Dateiformat.")
    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alt.sa2030"]  # no backup either


def assert_same_refusal(capsys, monkeypatch, argv):
    code, out, err, _ = run(capsys, monkeypatch, argv, full=False)
    assert (code, out, err) == run(capsys, monkeypatch, argv, full=True)[:3]
    return code, out, err


def test_round_still_reads_through_the_store(demo, capsys, monkeypatch):
    """`--round` needs the frozen state of a round (services/reporting): no fast path there,
    and an unknown round is refused as before."""
    code, _out, err, fast_reads = run(capsys, monkeypatch,
                                      ["stats", str(demo), "--round", "R-FEHLT"], full=False)  # fmt: skip
    assert fast_reads == 0
    assert code == 1 and "R-FEHLT" in err


def test_a_crash_left_wal_is_read_and_kept(tmp_path, capsys, monkeypatch):
    """A crash left committed changes only in the -wal: both reads see them; neither folds the
    WAL into the file nor removes it (reading writes nothing)."""
    live = tmp_path / "live.sa2030"
    create_portfolio(live, demo=True).close()
    writer = sqlite3.connect(live)
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("UPDATE goal SET title = 'Nach dem Absturz' WHERE key = 'Z05'")
    writer.commit()
    path = tmp_path / "absturz.sa2030"
    for side in ("", "-wal"):  # as the crash left them; the writer is still open
        shutil.copyfile(f"{live}{side}", f"{path}{side}")
    writer.close()
    wal = path.with_name(path.name + "-wal")
    before = sha256(path), sha256(wal)
    code, out, _err = assert_same(capsys, monkeypatch, ["goal", str(path), "Z05"])
    assert code == 0 and "Z05 Nach dem Absturz" in out
    assert (sha256(path), sha256(wal)) == before
