"""Identity and health of a portfolio file, read without writing a byte, and the other parts of
opening one that need only the standard library's sqlite3 (connection settings, -wal/-shm):
the read-only commands open a file without importing SQLAlchemy (persistence/file_reader.py)."""

from __future__ import annotations

import os
import sqlite3
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sa2030_desktop.domain.errors import FileRefusedError

APPLICATION_ID = 0x53413330  # "SA30"
SCHEMA_VERSION = 6  # PRAGMA user_version; raised with every migration
HEAD_REVISION = "0006"  # Alembic head; tests/persistence check it against the scripts
SQLITE_MAGIC = b"SQLite format 3\x00"
T = TypeVar("T")


@dataclass(slots=True, frozen=True)
class FileHeader:
    application_id: int
    user_version: int
    page_size: int
    page_count: int
    size: int


def read_header(path: Path) -> FileHeader:
    """Check that `path` is an SQLite file of ours that is whole; raise FileRefusedError if not."""
    name = str(path)
    if not path.exists():
        raise FileRefusedError("file_missing", name)
    if path.is_dir():
        raise FileRefusedError("file_is_directory", name)
    if not path.is_file():  # a device or FIFO would block or never end
        raise FileRefusedError("file_not_regular", name)
    if not os.access(path, os.R_OK):
        raise FileRefusedError("file_unreadable", name)
    size = path.stat().st_size
    with path.open("rb") as fh:
        head = fh.read(100)
    if size == 0:
        raise FileRefusedError("file_empty", name)
    if not head.startswith(SQLITE_MAGIC):
        raise FileRefusedError("not_sqlite", name)
    if len(head) < 100:
        raise FileRefusedError("file_truncated", name, size=size, expected=100)
    page_size = struct.unpack(">H", head[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", head[24:32])
    valid_for = struct.unpack(">I", head[92:96])[0]
    user_version = struct.unpack(">i", head[60:64])[0]
    application_id = struct.unpack(">i", head[68:72])[0]
    if page_size < 512 or page_size & (page_size - 1):
        raise FileRefusedError("file_damaged", name, detail="page size")
    # A crash during a WAL checkpoint leaves page 1 (with the new page count) written but the
    # file not yet extended: the pages are still in the WAL and SQLite recovers them. With a
    # WAL beside the file, the size checks are SQLite's business (quick_check below).
    wal = Path(f"{path}-wal")
    pending_wal = wal.exists() and wal.stat().st_size > 0
    if pending_wal:
        pass
    elif valid_for == change_counter and page_count and size < page_count * page_size:
        raise FileRefusedError("file_truncated", name, size=size, expected=page_count * page_size)
    elif size % page_size:
        raise FileRefusedError("file_truncated", name, size=size, expected=page_size)
    if application_id != APPLICATION_ID:
        raise FileRefusedError("foreign_sqlite", name, application_id=application_id)
    if user_version > SCHEMA_VERSION:
        raise FileRefusedError(
            "newer_version", name, version=user_version, supported=SCHEMA_VERSION
        )
    return FileHeader(application_id, user_version, page_size, page_count, size)


def readonly_uri(path: Path) -> str:
    """URI for a read-only connection. On read-only media (folder not writable, no WAL beside
    the file) SQLite cannot create the -shm file a WAL database needs even for reading:
    `immutable=1` reads it without locks — nobody can write there anyway."""
    path = Path(path)
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if not os.access(path.parent, os.W_OK) and not Path(f"{path}-wal").exists():
        uri += "&immutable=1"
    return uri


def quick_check(path: Path) -> None:
    """Run SQLite's quick_check on a read-only connection; raise file_damaged when it fails."""
    uri = readonly_uri(path)
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
            revision = (
                conn.execute("SELECT version_num FROM alembic_version").fetchall()
                if _has_table(conn, "alembic_version")
                else []
            )
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise FileRefusedError("file_damaged", str(path), detail=str(exc)) from exc
    if [r[0] for r in rows] != ["ok"]:
        raise FileRefusedError("file_damaged", str(path), detail="; ".join(r[0] for r in rows[:3]))
    if revision and revision[0][0] not in KNOWN_REVISIONS:
        raise FileRefusedError(
            "newer_version", str(path), version=revision[0][0], supported=HEAD_REVISION
        )


def current_revision(path: Path) -> str | None:
    conn = sqlite3.connect(readonly_uri(path), uri=True)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        row = None
    finally:
        conn.close()
    return row[0] if row else None


def check_before_open(path: Path, readonly: bool) -> tuple[bool, bool]:
    """Every check an existing file passes before it is opened, without writing a byte:
    ours, whole, not from a newer version. Returns (read-only – asked for, or the file or its
    folder is not writable –, needs migration). An older file opened read-only – asked for,
    or because it cannot be written – is passed: the caller shows a migrated copy
    (engine.migrated_copy), so reading never writes; only an open for changes migrates the
    file itself (with a backup first)."""
    header = read_header(path)
    quick_check(path)
    readonly = readonly or not can_write(path)
    needs_migration = (
        header.user_version < SCHEMA_VERSION or current_revision(path) != HEAD_REVISION
    )
    return readonly, needs_migration


def can_write(path: Path) -> bool:
    """The file and its folder may be written (a migration replaces the file in its folder)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def set_pragmas(conn: sqlite3.Connection) -> None:
    """The settings of every connection to a portfolio file (SQLAlchemy's and plain sqlite3's)."""
    # Let the caller, not the driver, decide when a transaction starts (BEGIN).
    conn.isolation_level = None
    cur = conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def release_sidecars(path: Path) -> None:
    """A read-only connection cannot remove the -wal/-shm it created beside a WAL file. Let
    SQLite remove them: a connection with write access does when it is the last one to close
    (it leaves them while another program has the file open). Only an empty WAL: nothing is
    checkpointed into a file that was opened for reading."""
    wal = Path(f"{path}-wal")
    if not wal.exists() or wal.stat().st_size or not os.access(path, os.W_OK):
        return
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=rw", uri=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        pass


def read_or_refuse(path: Path, read: Callable[[], T], errors: tuple[type[BaseException], ...]) -> T:
    """`read()`, with `errors` (a table lost, text in a date column) turned into file_damaged
    naming the file. The traceback is dropped: its frames hold the cursor, which would keep
    the -wal/-shm files beside the file."""
    try:
        return read()
    except errors as exc:
        detail = str(getattr(exc, "orig", None) or exc)
        exc.__traceback__ = None
    raise FileRefusedError("file_damaged", str(path), detail=detail)


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return bool(
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)
        ).fetchone()
    )


def change_fingerprint(path: Path) -> tuple | None:
    """(newest change-log row, lineage) read through a fresh read-only connection: changes
    whenever anyone records an action in the file. None while the file cannot be read."""
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=2)
        try:
            row = conn.execute(
                "SELECT id, timestamp, action FROM change_log ORDER BY id DESC LIMIT 1"
            ).fetchone()
            lineage = conn.execute("SELECT lineage FROM portfolio_info").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return (row, lineage)


KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006")
