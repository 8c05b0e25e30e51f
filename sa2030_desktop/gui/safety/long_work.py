"""Long writes (import, merge) off the GUI thread, with cancel that leaves nothing half done.

    job = CancellableJob(store, import_json, source)
    job.finished.connect(on_done)    # result, or the exception (Cancelled, ValidationError …)
    job.start(); … job.cancel()

The work runs through services.safety.run_cancellable: the cyclic garbage collector pauses
(no 100–200 ms GUI freezes), a cancel interrupts SQL and plain Python alike, and a cancelled
job has written nothing. Measured in benchmarks/reliability.py.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from sa2030_desktop.persistence.cancel import CancelToken
from sa2030_desktop.services import safety


class _Signals(QObject):
    finished = Signal(object)


class _Task(QRunnable):
    def __init__(self, job: CancellableJob) -> None:
        super().__init__()
        self.job = job

    def run(self) -> None:  # worker thread: no widgets
        job = self.job
        try:
            result = safety.run_cancellable(job.store, job.token, job.work, *job.args)
        except Exception as exc:  # shown on the GUI thread in German
            result = exc
        job.ended = time.perf_counter()
        job.signals.finished.emit(result)


class CancellableJob(QObject):
    finished = Signal(object)

    def __init__(self, store, work: Callable, *args, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.work = work
        self.args = args
        self.token = CancelToken()
        self.signals = _Signals()
        self.signals.finished.connect(self._done)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.running = False
        self.cancelled_at: float | None = None
        self.ended: float | None = None

    def start(self) -> None:
        self.running = True
        self.pool.start(_Task(self))

    def cancel(self) -> None:
        self.cancelled_at = time.perf_counter()
        self.token.cancel()

    def wait(self, msecs: int = 60_000) -> bool:
        return self.pool.waitForDone(msecs)

    def _done(self, result) -> None:
        self.running = False
        self.finished.emit(result)
