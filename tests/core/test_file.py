"""The portfolio file refuses what is not ours, whole and current — and never changes it."""

import hashlib
import os
import sqlite3
import stat

import pytest

from sa2030_desktop.domain.errors import FileRefusedError
from sa2030_desktop.messages import format_error
from sa2030_desktop.persistence import fileformat
from sa2030_desktop.persistence.engine import make_engine
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.services.portfolio import create_portfolio


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refused(path, kind):
    before = sha(path) if path.is_file() else None
    with pytest.raises(FileRefusedError) as info:
        Store.open(path)
    assert info.value.kind == kind
    if before is not None:
        assert sha(path) == before
    return format_error(info.value)


def test_new_file_has_identity_pragmas_and_wal(tmp_path):
    store = create_portfolio(tmp_path / "p.sa2030")
    store.close()
    conn = sqlite3.connect(tmp_path / "p.sa2030")
    assert conn.execute("PRAGMA application_id").fetchone()[0] == fileformat.APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == fileformat.SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == fileformat.HEAD_REVISION
    conn.close()
    if os.name == "posix":
        assert stat.S_IMODE((tmp_path / "p.sa2030").stat().st_mode) == 0o600


def test_every_connection_has_foreign_keys_and_full_sync(tmp_path):
    store = create_portfolio(tmp_path / "p.sa2030")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    store.close()


def test_foreign_sqlite_file_is_refused_unchanged(tmp_path):
    path = tmp_path / "fremd.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE kunden (id INTEGER)")
    conn.commit()
    conn.close()
    assert "keine SA2030-Portfoliodatei" in refused(path, "foreign_sqlite")


def test_text_file_is_refused(tmp_path):
    path = tmp_path / "notizen.sa2030"
    path.write_text("Das ist keine Datenbank, sondern eine Notiz mit genug Text " * 3)
    assert "keine SA2030-Portfoliodatei" in refused(path, "not_sqlite")


def test_truncated_file_is_refused_unchanged(tmp_path):
    good = create_portfolio(tmp_path / "gut.sa2030", demo=True)
    good.close()
    path = tmp_path / "kaputt.sa2030"
    data = (tmp_path / "gut.sa2030").read_bytes()
    path.write_bytes(data[: len(data) // 2 + 100])
    assert "unvollständig" in refused(path, "file_truncated")


def test_newer_schema_is_refused_unchanged(tmp_path):
    store = create_portfolio(tmp_path / "neu.sa2030")
    store.close()
    conn = sqlite3.connect(tmp_path / "neu.sa2030")
    conn.execute(f"PRAGMA user_version={fileformat.SCHEMA_VERSION + 1}")
    conn.close()
    assert "neueren Version" in refused(tmp_path / "neu.sa2030", "newer_version")


def test_unknown_alembic_revision_is_refused(tmp_path):
    store = create_portfolio(tmp_path / "neu.sa2030")
    store.close()
    conn = sqlite3.connect(tmp_path / "neu.sa2030")
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    refused(tmp_path / "neu.sa2030", "newer_version")


def test_damaged_page_is_refused_unchanged(tmp_path):
    store = create_portfolio(tmp_path / "p.sa2030", demo=True)
    store.close()
    path = tmp_path / "p.sa2030"
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(3 * page + 8, 3 * page + 200):  # overwrite inside a b-tree page
        data[offset] = 0xFF
    path.write_bytes(bytes(data))
    assert "beschädigt" in refused(path, "file_damaged")


def test_missing_file_and_directory(tmp_path):
    assert "gibt es nicht" in refused(tmp_path / "fehlt.sa2030", "file_missing")
    assert "Ordner" in refused(tmp_path, "file_is_directory")


def test_empty_file(tmp_path):
    path = tmp_path / "leer.sa2030"
    path.write_bytes(b"")
    refused(path, "file_empty")


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else False,
                    reason="root can write read-only files; covered by chmod on the folder below")
def test_readonly_file_opens_readonly(tmp_path):  # pragma: no cover - non-root only
    store = create_portfolio(tmp_path / "p.sa2030")
    store.close()
    os.chmod(tmp_path / "p.sa2030", 0o400)
    store = Store.open(tmp_path / "p.sa2030")
    assert store.readonly
    store.close()


def test_readonly_open_refuses_writes(tmp_path):
    from sa2030_desktop.services import goals
    from tests.support.builders import goal  # noqa: F401

    store = create_portfolio(tmp_path / "p.sa2030", demo=True)
    store.close()
    before = sha(tmp_path / "p.sa2030")
    ro = Store.open(tmp_path / "p.sa2030", readonly=True)
    with pytest.raises(FileRefusedError) as info:
        goals.update_goal(ro, "Z01", title="Neu")
    assert "schreibgeschützt" in format_error(info.value)
    ro.close()
    assert sha(tmp_path / "p.sa2030") == before


def test_create_refuses_to_overwrite(tmp_path):
    path = tmp_path / "da.sa2030"
    path.write_text("wichtig")
    with pytest.raises(FileRefusedError) as info:
        create_portfolio(path)
    assert info.value.kind == "file_exists"
    assert path.read_text() == "wichtig"


def test_head_revision_matches_the_migration_scripts():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from sa2030_desktop.persistence.engine import MIGRATIONS

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    script = ScriptDirectory.from_config(cfg)
    assert script.get_current_head() == fileformat.HEAD_REVISION
    assert {r.revision for r in script.walk_revisions()} == set(fileformat.KNOWN_REVISIONS)


def test_migration_from_the_first_schema_keeps_every_row(tmp_path):
    """A file at revision 0001 with realistic rows is upgraded at open, rows counted before/after."""
    from alembic import command
    from alembic.config import Config

    from sa2030_desktop.persistence.engine import MIGRATIONS, checkpoint

    path = tmp_path / "alt.sa2030"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id={fileformat.APPLICATION_ID}")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    engine = make_engine(path)
    with engine.begin() as c:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.attributes["connection"] = c
        command.upgrade(cfg, "0001")
        c.exec_driver_sql("PRAGMA user_version=1")
    # realistic content of the old schema: copy rows from a demo portfolio of today
    demo = create_portfolio(tmp_path / "demo.sa2030", demo=True)
    demo.close()
    src = sqlite3.connect(tmp_path / "demo.sa2030")
    tables = ["category", "theme", "ministry", "goal", "goal_partner", "milestone", "dependency",
              "indicator", "indicator_value", "layout"]
    counts = {}
    with engine.begin() as c:
        for t in tables:
            old_cols = [r[1] for r in c.exec_driver_sql(f"PRAGMA table_info({t})")]
            rows = src.execute(f"SELECT {', '.join(chr(34)+x+chr(34) for x in old_cols)} FROM {t}").fetchall()
            if rows:
                c.exec_driver_sql(
                    f"INSERT INTO {t} VALUES ({', '.join('?' for _ in old_cols)})", rows)
            counts[t] = len(rows)
        old_cols = [r[1] for r in c.exec_driver_sql("PRAGMA table_info(change_log)")]
        rows = src.execute(f"SELECT {', '.join(chr(34)+x+chr(34) for x in old_cols)} FROM change_log").fetchall()
        c.exec_driver_sql(f"INSERT INTO change_log VALUES ({', '.join('?' for _ in old_cols)})", rows)
        counts["change_log"] = len(rows)
        c.exec_driver_sql("INSERT INTO portfolio_info (id, title, issuing_office, as_of, demo, created)"
                          " VALUES (1, 'Altbestand', 'MID', NULL, 0, '2024-01-01')")
    engine.dispose()
    src.close()
    checkpoint(path)
    assert counts["goal"] == 50 and counts["milestone"] == 137

    store = Store.open(path)
    with store.engine.connect() as c:
        for t, n in counts.items():
            assert c.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar() == n, t
        assert c.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        assert c.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == fileformat.HEAD_REVISION
        assert c.exec_driver_sql("PRAGMA user_version").scalar() == fileformat.SCHEMA_VERSION
        assert c.exec_driver_sql("SELECT lineage FROM portfolio_info").scalar() == ""
    snap = store.snapshot()
    assert snap.info.title == "Altbestand" and len(snap.dependencies) == counts["dependency"]
    store.close()
