"""A portfolio file opened only to read it, on the standard library's sqlite3 (issue 11 item 5).

`sa2030 stats`, `check` and `goal` read one snapshot and end: importing SQLAlchemy for that
took half of their start. The file passes the same checks as `Store.open(readonly=True)`
(fileformat.check_before_open: ours, whole, not newer; an older one is read from a migrated
copy when it cannot be written, else refused – the file itself is never migrated here),
the connection gets the same settings, and the same loaders of repository.py read it through
`DriverConnection`, so no SQL and no rule exists twice.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from sa2030_desktop.domain.model import Portfolio
from sa2030_desktop.persistence import repository
from sa2030_desktop.persistence.fileformat import (
    check_before_open,
    read_or_refuse,
    readonly_uri,
    release_sidecars,
    set_pragmas,
)

T = TypeVar("T")


class Rows:
    """What the loaders use of a SQLAlchemy result: iteration, `first()`, `scalar()`."""

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor

    def __iter__(self) -> Iterator[tuple]:
        return iter(self._cursor)

    def fetchall(self) -> list[tuple]:
        return self._cursor.fetchall()

    def first(self) -> tuple | None:
        row = self._cursor.fetchone()
        self._cursor.close()
        return row

    def scalar(self) -> object:
        row = self.first()
        return None if row is None else row[0]


class DriverConnection:
    """A plain sqlite3 connection that answers `exec_driver_sql` as SQLAlchemy's does."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def exec_driver_sql(self, sql: str, parameters: tuple | list = ()) -> Rows:
        return Rows(self._conn.execute(sql, parameters))


class FileReader:
    """A checked portfolio file, read-only: snapshot and integrity, as the Store gives them."""

    readonly = True

    def __init__(
        self, path: Path, conn: sqlite3.Connection, wal_before: bool, shown: Path | None = None
    ) -> None:
        self.path = path
        self.closed = False
        self._conn = conn
        self._wal_before = wal_before
        self._snapshot: Portfolio | None = None
        self.shown_copy = shown  # an older file that cannot be written: its migrated copy

    @classmethod
    def open(cls, path: str | Path) -> FileReader:
        """Refuses, with the FileRefusedError of `Store.open(readonly=True)`, what it refuses."""
        path = Path(path)
        wal_before = Path(f"{path}-wal").exists()
        shown = None
        try:
            _readonly, needs_migration = check_before_open(path, readonly=True)
            if needs_migration:  # reading never writes: a migrated copy is read
                from sa2030_desktop.persistence.engine import migrated_copy

                shown = migrated_copy(path)
            conn = sqlite3.connect(readonly_uri(shown or path), uri=True)
            set_pragmas(conn)
        except BaseException:
            if shown is not None:
                shutil.rmtree(shown.parent, ignore_errors=True)
            if not wal_before:  # a refused open leaves no -wal/-shm behind
                release_sidecars(path)
            raise
        return cls(path, conn, wal_before, shown)

    def _read(self, load: Callable[[DriverConnection], T]) -> T:
        """`load` in one read transaction: one consistent state, as the Store reads it."""
        self._conn.execute("BEGIN")
        try:
            return load(DriverConnection(self._conn))
        finally:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")

    def snapshot(self) -> Portfolio:
        if self._snapshot is None:
            self._snapshot = read_or_refuse(
                self.path,
                lambda: self._read(repository.load_portfolio),
                (sqlite3.Error, ValueError, TypeError),
            )
        return self._snapshot

    def integrity(self) -> tuple[list[tuple[str, object]], str]:
        return self._read(repository.load_integrity)

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        self._conn.close()
        if self.shown_copy is not None:
            shutil.rmtree(self.shown_copy.parent, ignore_errors=True)
        if not self._wal_before:  # leave no -wal/-shm behind that reading created
            release_sidecars(self.path)


def connect(path: Path, readonly: bool = False) -> sqlite3.Connection:
    """A connection opened as the Store's engine opens one, for the reads of a Store whose
    engine is not made yet. The Store guards it with a lock (it may be read from a worker)."""
    if readonly:
        conn = sqlite3.connect(readonly_uri(path), uri=True, check_same_thread=False)
    else:
        conn = sqlite3.connect(path, check_same_thread=False)
    set_pragmas(conn)
    return conn


def read_on(conn: sqlite3.Connection, path: Path, load: Callable[[DriverConnection], T]) -> T:
    """`load` in one read transaction on `conn`; errors as the Store's read names them."""

    def read() -> T:
        conn.execute("BEGIN")
        try:
            return load(DriverConnection(conn))
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")

    return read_or_refuse(path, read, (sqlite3.Error, ValueError, TypeError))
