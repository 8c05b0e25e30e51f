"""Cancelling long work on a portfolio file, leaving nothing half done.

While `cancellable(engine, token)` is active, every SQLite statement that the calling thread
runs on the engine polls the token (SQLite progress handler); a cancel aborts the running
statement, the unit of work rolls back, and `Cancelled` is raised. Between statements the
work calls `token.check()` / `domain.tasks.checkpoint()` (the token is bound meanwhile).
SQLite's atomic commit guarantees the rest: a transaction that did not commit leaves no trace.
Nothing is injected into the worker thread and nothing process-wide is switched.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, event
from sqlalchemy.exc import OperationalError

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.tasks import Cancelled, CancelToken, bound

__all__ = ["Cancelled", "CancelToken", "cancellable"]

POLL_STEPS = 20_000  # VM instructions between polls (about a millisecond): each poll takes the GIL


@contextmanager
def cancellable(engine: Engine, token: CancelToken) -> Iterator[CancelToken]:
    # A pooled connection may keep the handler: it goes quiet afterwards. Once the write
    # transaction commits, the work is done: reads after it (snapshot refresh) run on.
    state = {"active": True, "committed": False}
    worker = threading.get_ident()  # other threads' connections (the GUI's reads) are not touched

    def poll() -> int:
        return 1 if state["active"] and not state["committed"] and token.cancelled else 0

    def arm(conn) -> None:
        if threading.get_ident() == worker:
            conn.connection.dbapi_connection.set_progress_handler(poll, POLL_STEPS)

    def disarm(conn) -> None:
        if threading.get_ident() == worker:
            conn.connection.dbapi_connection.set_progress_handler(None, 0)

    def committing(conn) -> None:
        if threading.get_ident() == worker:
            state["committed"] = True  # the commit goes through: done, not cancelled
            disarm(conn)

    listeners = (("engine_connect", arm), ("begin", arm), ("commit", committing),
                 ("rollback", disarm))  # fmt: skip
    if engine.dialect.name != "sqlite":  # the team server: the token is checked between batches
        listeners = ()
    for name, fn in listeners:
        event.listen(engine, name, fn)
    try:
        with bound(token):
            token.check()
            yield token
    except OperationalError as exc:
        if token.cancelled and not state["committed"] and "interrupt" in str(exc.orig).lower():
            raise Cancelled() from exc
        raise
    except DomainError as exc:  # e.g. disk_full raised by the store for an interrupted write
        if token.cancelled and "interrupt" in str(exc.__cause__ or "").lower():
            raise Cancelled() from exc
        raise
    finally:
        state["active"] = False
        for name, fn in listeners:
            event.remove(engine, name, fn)
