"""Engines for portfolio files: pragmas on every connection, creation, migration at open."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from sa2030_desktop.domain.errors import FileRefusedError
from sa2030_desktop.persistence.fileformat import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    check_before_open,
    readonly_uri,
    set_pragmas,
)

# SQLAlchemy is imported when an engine is made: checkpoint() and the checks need only sqlite3,
# and the window shows the portfolio before the engine is made (issue 11 item 5).
if TYPE_CHECKING:
    from sqlalchemy import Engine

MIGRATIONS = Path(__file__).with_name("migrations")


def make_engine(path: Path, readonly: bool = False) -> Engine:
    from sqlalchemy import create_engine, event

    if readonly:
        url = f"sqlite:///{readonly_uri(path)}&uri=true"
    else:
        url = f"sqlite:///{path}"
    engine = create_engine(url, future=True)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        set_pragmas(dbapi_conn)  # SQLAlchemy, not the driver, starts transactions (BEGIN below)

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if not readonly else "BEGIN")

    return engine


def _alembic_config(connection):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def work_path(path: Path, suffix: str) -> Path:
    """Where a new file for `path` is built before it is moved into place: refused when `path`
    exists or its folder does not; leftovers of an earlier attempt are removed."""
    if path.exists():
        raise FileRefusedError("file_exists", str(path))
    if not path.parent.is_dir():
        raise FileRefusedError("folder_missing", str(path.parent))
    work = path.with_name(path.name + suffix)
    remove_unfinished(work)
    return work


def create_file(path: Path) -> Engine:
    """A new, empty portfolio file with the current schema. Refuses to overwrite anything."""
    path = Path(path)
    tmp = work_path(path, ".neu")
    engine = None
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        conn = sqlite3.connect(tmp)
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.close()
        engine = make_engine(tmp)
        _upgrade(engine)
        engine.dispose()
        engine = None
        checkpoint(tmp)
        os.replace(tmp, path)
    except BaseException as exc:
        if engine is not None:  # closed first: its -shm is held open
            engine.dispose()
        remove_unfinished(tmp)
        if isinstance(exc, PermissionError):
            raise FileRefusedError("file_unwritable", str(path)) from exc
        raise
    return make_engine(path)


def checkpoint(path: Path) -> None:
    """Fold the WAL into the file. The -wal/-shm files are removed only when the checkpoint
    completed: deleting a WAL that still holds committed pages would lose them."""
    conn = sqlite3.connect(path)
    try:
        busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        conn.close()
    if busy:
        return
    for suffix in ("-wal", "-shm"):
        side = Path(f"{path}{suffix}")
        if suffix == "-shm" or not side.exists() or side.stat().st_size == 0:
            side.unlink(missing_ok=True)


def _upgrade(engine: Engine) -> None:
    # Alembic reports each step (and its plugins at import) at INFO; users see a migration
    # through its backup, not through log lines.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    from alembic import command

    # Alembic runs batch migrations that recreate tables: foreign keys must be off outside
    # the transaction (SQLite ignores the pragma inside one), then checked before commit.
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.commit()
        with conn.begin():
            command.upgrade(_alembic_config(conn), "head")
            problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise FileRefusedError(
                    "migration_failed",
                    str(engine.url.database),
                    detail=f"foreign_key_check: {problems[:3]}",
                )
            conn.exec_driver_sql(f"PRAGMA user_version={SCHEMA_VERSION}")
    # The pooled connection still has foreign keys off: never hand it out again.
    engine.dispose()


def open_file(path: Path, readonly: bool = False) -> tuple[Engine, bool]:
    """Open an existing portfolio file (checked, migrated when older).

    Returns the engine and whether it is read-only (asked for, or the file is not writable).
    Nothing is written to a file that is refused.
    """
    path = Path(path)
    readonly, needs_migration = check_before_open(path, readonly)
    if needs_migration:
        migrate_with_backup(path)
    return make_engine(path, readonly=readonly), readonly


def migrate_with_backup(path: Path) -> Path:
    """Migrate a copy; verify it; only then replace the file. A verified backup of the old
    file is taken first (persistence/backup.py); its path is returned."""
    from sa2030_desktop.persistence import backup as backups

    # A WAL left by a crash belongs to the old file: fold it in before copying, so the
    # replaced file never meets a stale WAL (which SQLite would replay onto the new file).
    checkpoint(path)
    saved = backups.create_backup(path, reason="vor-migration", force=True)
    work = path.with_name(f"{path.name}.migration")
    migrate_into(path, work)
    shutil.copymode(path, work)
    os.replace(work, path)
    return saved.path if saved else path


def migrated_copy(path: Path) -> Path:
    """An older file that cannot be written (read-only disk, no write rights) migrated in a
    copy in a new temporary folder, to be shown read-only; the file itself is only read.
    The caller removes the folder (the copy's parent) when it closes the copy."""
    folder = Path(tempfile.mkdtemp(prefix="sa2030-lesekopie-"))
    try:
        return migrate_into(path, folder / path.name)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def migrate_into(path: Path, work: Path) -> Path:
    """Copy `path` (opened read-only) into the new file `work` and migrate the copy to the
    current schema; verified (integrity, every row kept), else removed and refused."""
    src = sqlite3.connect(readonly_uri(path), uri=True)
    try:
        counts_before = _row_counts(src)
        remove_unfinished(work)
        fd = os.open(work, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        dst = sqlite3.connect(work)
        src.backup(dst)
        dst.close()
    finally:
        src.close()
    engine = make_engine(work)
    try:
        _upgrade(engine)
    except BaseException:
        engine.dispose()
        remove_unfinished(work)
        raise
    engine.dispose()
    check = sqlite3.connect(work)
    try:
        ok = check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        counts_after = _row_counts(check)
    finally:
        check.close()
    lost = {
        t: (n, counts_after.get(t)) for t, n in counts_before.items() if counts_after.get(t) != n
    }
    if not ok or lost:
        remove_unfinished(work)
        raise FileRefusedError("migration_failed", str(path), detail=str(lost or "integrity"))
    checkpoint(work)
    return work


def remove_unfinished(work: Path) -> None:
    """An unfinished database file gone with what SQLite made beside it (its journal, or the
    -wal/-shm of WAL mode – a full disk fails after they exist): nothing half written stays."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)


def _row_counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            " AND name != 'alembic_version'"
        )
    ]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
