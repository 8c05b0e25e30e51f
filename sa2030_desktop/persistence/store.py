"""The open portfolio file: its engine, snapshots, units of work and change notification."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine

from sa2030_desktop.domain.errors import FileRefusedError
from sa2030_desktop.domain.model import Change, Portfolio
from sa2030_desktop.persistence import repository
from sa2030_desktop.persistence.engine import create_file, open_file
from sa2030_desktop.persistence.unit_of_work import ChangeSet, UnitOfWork, unit_of_work

Listener = Callable[[ChangeSet], None]


class Store:
    """One open portfolio file. Reads return snapshots; writes go through `transaction()`."""

    def __init__(self, path: Path, engine: Engine, readonly: bool = False) -> None:
        self.path = Path(path)
        self.engine = engine
        self.readonly = readonly
        self._listeners: list[Listener] = []
        self._snapshot: Portfolio | None = None

    @classmethod
    def open(cls, path: str | Path, readonly: bool = False) -> Store:
        engine, readonly = open_file(Path(path), readonly=readonly)
        return cls(Path(path), engine, readonly)

    @classmethod
    def create(cls, path: str | Path) -> Store:
        return cls(Path(path), create_file(Path(path)))

    def close(self) -> None:
        self.engine.dispose()

    # -- reading ---------------------------------------------------------------------------
    def snapshot(self) -> Portfolio:
        """The whole portfolio as plain data; cached until the next write."""
        if self._snapshot is None:
            with self.engine.connect() as conn:
                self._snapshot = repository.load_portfolio(conn)
        return self._snapshot

    def changes(self, **filters: object) -> list[Change]:
        with self.engine.connect() as conn:
            return repository.load_changes(conn, **filters)

    def layout(self, view: str) -> dict[str, tuple[float, float]]:
        with self.engine.connect() as conn:
            return repository.load_layout(conn, view)

    # -- writing ---------------------------------------------------------------------------
    @contextmanager
    def transaction(self, comment: str = "", user: str | None = None) -> Iterator[UnitOfWork]:
        if self.readonly:
            raise FileRefusedError("readonly", str(self.path))
        with unit_of_work(self.engine, comment, user) as uow:
            yield uow
        self._snapshot = None
        if not uow.changes.empty:
            for listener in list(self._listeners):
                listener(uow.changes)

    def invalidate(self) -> None:
        """Forget the cached snapshot (the file was changed by someone else)."""
        self._snapshot = None

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)
