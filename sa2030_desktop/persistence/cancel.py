"""Cancelling long work on a portfolio file from another thread, leaving nothing half done.

While `cancellable(engine, token)` is active, every SQLite statement on the engine's
connections polls the token (SQLite progress handler); a cancel aborts the running statement,
the unit of work rolls back, and `Cancelled` is raised. Between statements, services may call
`token.check()`. SQLite's atomic commit guarantees the rest: a transaction that did not
commit leaves no trace.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, event
from sqlalchemy.exc import OperationalError

from sa2030_desktop.domain.errors import DomainError

POLL_STEPS = 1000  # SQLite VM instructions between polls (well under a millisecond)


class Cancelled(DomainError):
    def __init__(self) -> None:
        super().__init__("cancelled")


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled()


@contextmanager
def cancellable(engine: Engine, token: CancelToken) -> Iterator[CancelToken]:
    active = [True]  # a pooled connection may keep the handler: it goes quiet afterwards

    def poll() -> int:
        return 1 if active[0] and token.cancelled else 0

    def arm(conn) -> None:
        conn.connection.dbapi_connection.set_progress_handler(poll, POLL_STEPS)

    def disarm(conn) -> None:
        conn.connection.dbapi_connection.set_progress_handler(None, 0)

    event.listen(engine, "engine_connect", arm)
    event.listen(engine, "begin", arm)
    event.listen(engine, "commit", disarm)
    event.listen(engine, "rollback", disarm)
    try:
        token.check()
        yield token
        token.check()
    except OperationalError as exc:
        if token.cancelled and "interrupt" in str(exc.orig).lower():
            raise Cancelled() from exc
        raise
    except DomainError as exc:  # e.g. disk_full raised by the store for an interrupted write
        if token.cancelled and "interrupt" in str(exc.__cause__ or "").lower():
            raise Cancelled() from exc
        raise
    finally:
        active[0] = False
        for name, fn in (("engine_connect", arm), ("begin", arm), ("commit", disarm),
                         ("rollback", disarm)):  # fmt: skip
            event.remove(engine, name, fn)
