"""Long work in the core: one progress type and one cooperative cancel token (Qt-free).

    def work(progress: Progress, token: CancelToken):
        for n, batch in enumerate(batches, 1):
            token.check()                      # raises Cancelled between batches
            ...
            progress(n / len(batches), "Ziele schreiben")

A cancel is only ever *noticed* by the work itself (between batches, or by SQLite's progress
handler during a statement: persistence.cancel.cancellable) — never injected into its thread,
so it cannot land inside a library or a `finally`.

Code deep in a call chain that has no token parameter reaches the one bound to its thread with
`checkpoint()` (bound by `bound(token, progress)`, e.g. around an import); without one it does
nothing. `checkpoint(fraction, text)` also reports how far the work is to the bound progress.
A compiled loop that cannot call back into Python learns of a cancel through `on_cancel`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Protocol

from sa2030_desktop.domain.errors import DomainError


class Cancelled(DomainError):
    """The user cancelled; nothing was written (German text: messages „cancelled“)."""

    def __init__(self) -> None:
        super().__init__("cancelled")


class Progress(Protocol):
    """Reports how far the work is: `fraction` 0..1 and a German text for the user."""

    def __call__(self, fraction: float, text: str) -> None: ...


def no_progress(fraction: float, text: str) -> None:
    """The Progress of a caller that does not watch (CLI, tests)."""


class CancelToken:
    """Set from any thread (the GUI's „Abbrechen“), checked by the work in its own thread."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._hooks: list[Callable[[], None]] = []

    def cancel(self) -> None:
        with self._lock:
            self._event.set()
            hooks, self._hooks = self._hooks, []
        for hook in hooks:
            hook()

    def on_cancel(self, hook: Callable[[], None]) -> None:
        """Call `hook` (in the cancelling thread) when the token is cancelled – at once if it
        is already: e.g. to set a flag that a compiled loop without the GIL looks at."""
        with self._lock:
            if not self._event.is_set():
                self._hooks.append(hook)
                return
        hook()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled()


_current: ContextVar[CancelToken | None] = ContextVar("sa2030_cancel_token", default=None)
_progress: ContextVar[Progress] = ContextVar("sa2030_progress", default=no_progress)


@contextmanager
def bound(token: CancelToken, progress: Progress = no_progress) -> Iterator[CancelToken]:
    """Make `token` the one `checkpoint()` checks in this thread (context) meanwhile, and
    `progress` the one it reports to."""
    reset = _current.set(token)
    reset_progress = _progress.set(progress)
    try:
        yield token
    finally:
        _progress.reset(reset_progress)
        _current.reset(reset)


def current() -> CancelToken | None:
    """The token bound to this thread, if any."""
    return _current.get()


def checkpoint(fraction: float | None = None, text: str = "") -> None:
    """Between batches of work that takes no token parameter: raise Cancelled if the token
    bound to this thread was cancelled; with a `fraction`, report it and `text` (German)."""
    token = _current.get()
    if token is not None:
        token.check()
    if fraction is not None:
        _progress.get()(fraction, text)
