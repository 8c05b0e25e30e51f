"""The briefing export off the GUI thread, with progress and cancel.

Only plain data crosses into the worker: the snapshot, the options (incl. change-log rows read on
the GUI thread) and the target path. Cancelling raises inside the progress callback, so the
document is never written (the file appears only at the very end, atomically)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from sa2030_desktop.services.briefing import write_briefing


class Cancelled(Exception):
    pass


class _Signals(QObject):
    progress = Signal(float, str)
    finished = Signal(object)  # BriefingResult, or the exception raised (Cancelled included)


class BriefingJob(QRunnable):
    def __init__(self, portfolio, target, kind, selection, as_of, options) -> None:
        super().__init__()
        self.args = (portfolio, target, kind, selection, as_of, options)
        self.signals = _Signals()
        self.cancelled = False
        self.setAutoDelete(False)

    def _progress(self, fraction: float, text: str) -> None:
        if self.cancelled:
            raise Cancelled()
        self.signals.progress.emit(fraction, text)

    def run(self) -> None:
        try:
            result = write_briefing(*self.args, progress=self._progress)
        except Exception as exc:  # shown on the GUI thread in German
            result = exc
        self.signals.finished.emit(result)

    def cancel(self) -> None:
        self.cancelled = True


def start(job: BriefingJob) -> BriefingJob:
    QThreadPool.globalInstance().start(job)
    return job
