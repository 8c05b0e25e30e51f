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
    """Set from any thread. While bound to the worker thread, a cancel also interrupts plain
    Python work there (an asynchronous `Cancelled` at the next bytecode) — until the write
    transaction commits: from then on the work counts as done and is not interrupted."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._thread: int | None = None
        self._sent = False

    def cancel(self) -> None:
        with self._lock:
            self._event.set()
            if self._thread is not None and not self._sent:
                self._sent = _raise_in(self._thread, Cancelled)

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled()

    def bind(self) -> None:
        """Called in the worker thread: Python-level work there becomes interruptible."""
        with self._lock:
            self._thread = threading.get_ident()
            self._sent = False

    def unbind(self) -> None:
        """Called in the worker thread: no asynchronous cancel from now on (a pending one is
        withdrawn — if it fired already, the caller is unwinding and nothing was committed)."""
        with self._lock:
            if self._thread == threading.get_ident() and self._sent:
                _raise_in(self._thread, None)
            self._thread = None


def _raise_in(thread_id: int, exc_type) -> bool:
    import ctypes

    # no argtypes: None must reach C as NULL (withdraw), not as Py_None
    set_async = ctypes.pythonapi.PyThreadState_SetAsyncExc
    arg = None if exc_type is None else ctypes.py_object(exc_type)
    return set_async(ctypes.c_ulong(thread_id), arg) == 1


_gc_lock = threading.Lock()
_gc_pauses = [0]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Bulk work creates many objects: CPython's full collections then hold the GIL for
    100–200 ms each and freeze the GUI thread. Pause the cyclic collector meanwhile (reference
    counting still frees everything; cycles are collected after)."""
    import gc

    with _gc_lock:
        _gc_pauses[0] += 1
        was_enabled = gc.isenabled() if _gc_pauses[0] == 1 else None
        gc.disable()
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses[0] -= 1
            if _gc_pauses[0] == 0 and was_enabled is not False:
                gc.enable()


@contextmanager
def cancellable(engine: Engine, token: CancelToken) -> Iterator[CancelToken]:
    # A pooled connection may keep the handler: it goes quiet afterwards. Once the write
    # transaction commits, the work is done: reads after it (snapshot refresh) run on.
    state = {"active": True, "committed": False}
    worker = threading.get_ident()  # other threads' connections (the GUI's reads) are not touched

    def poll() -> int:
        return 1 if state["active"] and not state["committed"] and token.cancelled else 0

    def arm(conn) -> None:
        if threading.get_ident() != worker:
            return
        conn.connection.dbapi_connection.set_progress_handler(poll, POLL_STEPS)

    def disarm(conn) -> None:
        if threading.get_ident() != worker:
            return
        conn.connection.dbapi_connection.set_progress_handler(None, 0)

    def committing(conn) -> None:
        if threading.get_ident() != worker:
            return
        state["committed"] = True
        disarm(conn)
        token.unbind()  # the commit goes through; the work is done, not cancelled

    event.listen(engine, "engine_connect", arm)
    event.listen(engine, "begin", arm)
    event.listen(engine, "commit", committing)
    event.listen(engine, "rollback", disarm)
    token.bind()
    try:
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
        token.unbind()
        state["active"] = False
        for name, fn in (("engine_connect", arm), ("begin", arm), ("commit", committing),
                         ("rollback", disarm)):  # fmt: skip
            event.remove(engine, name, fn)
