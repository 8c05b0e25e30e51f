"""The open portfolio file: its engine, snapshots, units of work and change notification.

Opening a file checks it and takes the writer lock on the standard library's sqlite3; the
SQLAlchemy engine is made when first used (`engine`, `open_engine()`), so that the window can
show the portfolio before SQLAlchemy is imported (issue 11 item 5): a snapshot read before
that goes through the same loaders on a plain sqlite3 connection (persistence/file_reader.py).
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sa2030_desktop.domain.errors import FileRefusedError
from sa2030_desktop.domain.model import Change, Portfolio
from sa2030_desktop.infrastructure.disks import on_readonly_disk
from sa2030_desktop.persistence import file_reader, locking, package_guard, repository
from sa2030_desktop.persistence.fileformat import (
    check_before_open,
    read_or_refuse,
    release_sidecars,
)
from sa2030_desktop.persistence.unit_of_work import ChangeSet, UnitOfWork, unit_of_work

if TYPE_CHECKING:
    from sqlalchemy import Engine

Listener = Callable[[ChangeSet], None]


class Store:
    """One open portfolio file. Reads return snapshots; writes go through `transaction()`."""

    where: str | None = None  # the team server's „Server … als …“ (server_store.py)

    def __init__(
        self,
        path: Path,
        engine: Engine | None,
        readonly: bool = False,
        lock: locking.WriterLock | None = None,
    ) -> None:
        self.path = Path(path)
        self._engine = engine  # None: made by open_engine() when first needed
        self._engine_lock = threading.Lock()
        self._plain = None  # the sqlite3 connection of the reads before the engine
        self._plain_lock = threading.Lock()
        self.readonly = readonly
        self.lock = lock  # the writer lock (persistence/locking.py); None when read-only
        self.closed = False
        self._after_close: list[Callable[[], None]] = []
        self._listeners: list[Listener] = []
        self._snapshot: Portfolio | None = None
        self.session = None  # the team server's session (persistence/server_store.py)
        # an older file that cannot be written: the migrated copy that is read instead
        # (read-only; `path` stays the user's file, named in every message)
        self.shown_copy: Path | None = None

    @classmethod
    def open(cls, path: str | Path, readonly: bool = False) -> Store:
        """Open for writing (taking the writer lock: FileLockedError names its holder) or
        read-only; a file that cannot be written is opened read-only (`readonly` tells)."""
        lock = None
        wal_before = Path(f"{path}-wal").exists()
        if not readonly:
            try:
                lock = locking.acquire(Path(path))
            except FileRefusedError as exc:
                if exc.kind != "file_unwritable":
                    raise
                readonly = True  # no lock can be written beside it: nor can the file be
        shown = None
        try:
            readonly, needs_migration = check_before_open(Path(path), readonly)
            engine = None
            if needs_migration and readonly:  # reading never writes: a migrated copy
                from sa2030_desktop.persistence.engine import migrated_copy

                shown = migrated_copy(Path(path))
            elif needs_migration:  # only an open for writing migrates (with a backup first)
                from sa2030_desktop.persistence.engine import open_file

                engine, readonly = open_file(Path(path), readonly=readonly)
        except BaseException:
            if lock:
                lock.release()
            if not wal_before:  # a refused open leaves no -wal/-shm behind
                release_sidecars(Path(path))
            raise
        if readonly and lock:
            lock.release()
            lock = None
        store = cls(Path(path), engine, readonly, lock)
        if shown is not None:
            store.shown_copy = shown
            store.after_close(lambda: shutil.rmtree(shown.parent, ignore_errors=True))
        if not wal_before:  # leave no -wal/-shm behind that the checks at open created
            store.after_close(lambda: release_sidecars(Path(path)))
        return store

    @property
    def data_path(self) -> Path:
        """The file the data is read from: the portfolio file, or its migrated copy."""
        return self.shown_copy or self.path

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine; made (importing SQLAlchemy) when first asked for."""
        return self._engine if self._engine is not None else self.open_engine()

    @property
    def engine_open(self) -> bool:
        return self._engine is not None

    def open_engine(self) -> Engine:
        """Make the engine now. Safe from a worker thread: the window makes it after its first
        paint, and a write asked for meanwhile waits here until it is there. Code that imports
        a submodule of SQLAlchemy (`from sqlalchemy.exc import …`) asks for the engine first:
        importing `sqlalchemy.exc` while another thread is inside `import sqlalchemy` is a
        deadlock that Python breaks by raising _DeadlockError (a RuntimeError) in one of them."""
        with self._engine_lock:
            if self._engine is None:
                from sa2030_desktop.persistence.engine import make_engine

                self._engine = make_engine(self.data_path, readonly=self.readonly)
            return self._engine

    @classmethod
    def create(cls, path: str | Path) -> Store:
        from sa2030_desktop.persistence.engine import create_file

        lock = locking.acquire(Path(path))
        try:
            return cls(Path(path), create_file(Path(path)), lock=lock)
        except BaseException:
            lock.release()
            raise

    def close(self) -> None:
        self._close_plain()
        with self._engine_lock:  # an engine being made in a worker is disposed too
            if self._engine is not None:
                self._engine.dispose()
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        if not self.closed:
            self.closed = True
            for callback in self._after_close:  # e.g. write a work copy back (services/safety)
                callback()

    def after_close(self, callback: Callable[[], None]) -> None:
        """Run `callback` once when the store is closed."""
        self._after_close.append(callback)

    # -- reading ---------------------------------------------------------------------------
    def snapshot(self) -> Portfolio:
        """The whole portfolio as plain data; cached until the next write. A damaged file
        (a table lost, text in a date column) is refused by name, nothing written."""
        if self._snapshot is None:
            if self._engine is None:  # before the engine: plain sqlite3, same loaders
                self._snapshot = self._read_plain(repository.load_portfolio)
            else:
                from sqlalchemy.exc import DBAPIError

                self._snapshot = read_or_refuse(
                    self.path, self._read_snapshot, (DBAPIError, ValueError, TypeError)
                )
        return self._snapshot

    def _read_snapshot(self) -> Portfolio:
        with self.engine.connect() as conn:
            return repository.load_portfolio(conn)

    def package(self) -> tuple[str, str] | None:
        """(ministry, origin lineage) when the file is a Ressortpaket, else None; read on plain
        sqlite3 while the engine is not made yet (the window asks at its start)."""
        if self._engine is None:
            return self._read_plain(package_guard.read_package)
        return package_guard.read_package(self._engine)

    def integrity(self) -> tuple[list[tuple[str, object]], str]:
        """((table, rowid) of each broken foreign key, quick_check result: "ok" when whole)."""
        return self._read(repository.load_integrity)

    def changes(self, **filters: object) -> list[Change]:
        return self._read(lambda conn: repository.load_changes(conn, **filters))

    def layout(self, view: str) -> dict[str, tuple[float, float]]:
        return self._read(lambda conn: repository.load_layout(conn, view))

    def _read(self, load):
        """`load(conn)`: on the engine, or before it is made on plain sqlite3 (the window's
        first selection reads the change log before the engine is there)."""
        if self._engine is None:
            return self._read_plain(load)
        with self._engine.connect() as conn:
            return load(conn)

    def _close_plain(self) -> None:
        with self._plain_lock:
            if self._plain is not None:
                self._plain.close()
                self._plain = None

    def _read_plain(self, load):
        """`load` on the store's plain sqlite3 connection, opened at the first read and kept
        until close, as the engine keeps its pooled one (the -wal/-shm files stay alike)."""
        with self._plain_lock:
            if self._plain is None:
                self._plain = file_reader.connect(self.data_path, self.readonly)
            return file_reader.read_on(self._plain, self.path, load)

    # -- writing ---------------------------------------------------------------------------
    def save_layout(self, view: str, positions: dict[str, tuple[float, float]]) -> None:
        """Store graph positions outside any unit of work: layout is presentation, not
        portfolio data, so it is neither logged nor announced to listeners."""
        if self.readonly or not positions:
            return
        with self.engine.begin() as conn:
            repository.save_layout(conn, view, positions)

    def clear_layout(self, view: str) -> None:
        if self.readonly:
            return
        with self.engine.begin() as conn:
            repository.clear_layout(conn, view)

    @contextmanager
    def transaction(self, comment: str = "", user: str | None = None) -> Iterator[UnitOfWork]:
        if self.readonly:  # opened so – or made so, when the file's disk is read-only
            disk = on_readonly_disk(self.path.parent)
            raise FileRefusedError("readonly_disk" if disk else "readonly", str(self.path))
        engine = self.engine  # first: SQLAlchemy is whole once the engine is there (below)
        from sqlalchemy.exc import OperationalError

        try:
            with unit_of_work(engine, comment, user, self.session) as uow:
                yield uow
        except OperationalError as exc:  # rolled back; say why in words the user understands
            if "full" in str(exc.orig).lower():
                raise FileRefusedError("disk_full", str(self.path)) from exc
            raise
        if uow.wrote:  # a save that changed nothing keeps the snapshot (no 0.5 s reload)
            self._refresh(uow.changes)
        if not uow.changes.empty:
            for listener in list(self._listeners):
                listener(uow.changes)

    # Above this many changed records a full reload is as quick as picking them one by one.
    _INCREMENTAL_LIMIT = 2000

    def _refresh(self, changes: ChangeSet) -> None:
        """Bring the cached snapshot up to date after a write: re-read only what changed.

        A forecast edit at 10,000 goals re-reads one row instead of the whole file (about 0.4 s).
        """
        old = self._snapshot
        self._snapshot = None
        touched = changes.added + changes.updated + changes.removed
        if (
            old is None
            or changes.full_reload
            or not touched
            or len(touched) > self._INCREMENTAL_LIMIT
        ):
            return
        changed: dict[str, set[str]] = {}
        for entity, key in touched:
            changed.setdefault(entity, set()).add(key)
        with self.engine.connect() as conn:
            self._snapshot = repository.refresh_portfolio(conn, old, changed)

    def reconnect(self) -> None:
        """Drop pooled connections: the next read opens the file afresh (it was replaced)."""
        self._close_plain()  # the reads before the engine keep one connection too
        if self._engine is not None:
            self._engine.dispose()

    def invalidate(self) -> None:
        """Forget the cached snapshot (the file was changed by someone else)."""
        self._snapshot = None

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)
