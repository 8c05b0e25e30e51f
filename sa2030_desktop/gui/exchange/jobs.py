"""One function off the GUI thread (reading spreadsheets, writing exports); the result comes
back as a signal on the GUI thread. Only plain data crosses: files in, snapshots, bundles."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    finished = Signal(object)  # the result, or the exception raised


class Job(QRunnable):
    def __init__(self, fn: Callable[[], object]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self.cancelled = False
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # handed to the GUI thread, shown there in German
            result = exc
        if not self.cancelled:
            self.signals.finished.emit(result)


def start(fn: Callable[[], object], on_done: Callable[[object], None]) -> Job:
    job = Job(fn)
    job.signals.finished.connect(on_done)
    QThreadPool.globalInstance().start(job)
    return job
