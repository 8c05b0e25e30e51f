"""The one way to run long work off the GUI thread (import, export, merge, layout, briefing,
timeline export, backup, copy).

    task = TaskRunner.of(widget).submit(work, on_done=show, title="Import", modal=True)
    # work(progress, token) runs in a worker thread: progress(fraction, text) reports,
    # token.check() between batches raises Cancelled. on_done(outcome) runs on the GUI thread.
    task.cancel()

Every task ends with exactly one `finished(TaskOutcome)`: the result, or the error with its
German message (messages.format_error for a DomainError; Cancelled included). Cancelling is
cooperative (core: domain.tasks.CancelToken) — nothing is injected into the worker thread.
The runner is a child of the top-level window; the window's close cancels and waits for
every running task, after which no `on_done` reaches a closing widget.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from sa2030_desktop import failures
from sa2030_desktop.domain.tasks import Cancelled, CancelToken, Progress, bound

Work = Callable[[Progress, CancelToken], object]
SCALE = 1000  # progress bar steps


def _t(text: str) -> str:
    return QCoreApplication.translate("Tasks", text)


@dataclass(slots=True)
class TaskOutcome:
    result: object = None
    error: BaseException | None = None
    message: str = ""  # German, set when error is not None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def cancelled(self) -> bool:
        return isinstance(self.error, Cancelled)

    @property
    def value(self) -> object:
        """The result, or the error: for handlers that dispatch on the type."""
        return self.result if self.error is None else self.error


def describe(exc: BaseException) -> str:
    """The German text for an error of long work (failures.describe): a DomainError through
    messages, a file system error by its errno, anything else „Interner Fehler“ with the
    traceback in the log – never a traceback or English exception text on the screen."""
    return failures.describe(exc)


class Hook:
    """A per-task signal on the GUI thread (connect/emit). Tasks are plain Python objects, not
    QObjects: no Qt object is destroyed while Python still holds handlers that refer to it."""

    def __init__(self) -> None:
        self._handlers: list[Callable] = []

    def connect(self, handler: Callable) -> None:
        self._handlers.append(handler)

    def disconnect(self, handler: Callable) -> None:
        self._handlers.remove(handler)

    def emit(self, *args) -> None:
        for handler in list(self._handlers):
            handler(*args)

    def clear(self) -> None:
        self._handlers.clear()


class Task:
    """One submitted piece of work; `progressed(fraction, text)` and `finished(TaskOutcome)`
    are called on the GUI thread."""

    def __init__(self, work: Work, title: str, relay: _Relay) -> None:
        self.work = work
        self.title = title
        self.token = CancelToken()
        self.progressed = Hook()
        self.finished = Hook()
        self.running = True
        self.cancelled_at: float | None = None
        self.ended: float | None = None  # perf_counter when the worker returned
        self.outcome: TaskOutcome | None = None
        self._relay = relay
        self._ended = threading.Event()

    def wait(self, timeout: float = 60.0) -> bool:
        """Block until the worker has returned (its outcome may still be on its way)."""
        return self._ended.wait(timeout)

    def cancel(self) -> None:
        if self.running and not self.token.cancelled:
            self.cancelled_at = time.perf_counter()
            self.token.cancel()

    def _report(self, fraction: float, text: str) -> None:  # worker thread
        self._relay.progress.emit(self, max(0.0, min(1.0, float(fraction))), text)

    def _deliver(self, outcome: TaskOutcome) -> None:  # GUI thread
        self.running = False
        self.outcome = outcome
        self.finished.emit(outcome)
        self.progressed.clear()  # handlers (widgets, closures) are released with the task
        self.finished.clear()


class _Relay(QObject):
    """Lives on the GUI thread: the worker emits, Qt queues the call to the GUI thread."""

    progress = Signal(object, float, str)  # Task, fraction, text
    done = Signal(object, object)  # Task, TaskOutcome


class _Runnable(QRunnable):
    def __init__(self, task: Task, relay: _Relay) -> None:
        super().__init__()
        self.task, self.relay = task, relay
        # The runner frees it on the GUI thread (_done), not the pool in the worker thread.
        self.setAutoDelete(False)

    def run(self) -> None:  # worker thread: no widgets here
        task = self.task
        try:
            # core code deep in the call reaches token and progress via checkpoint()
            with bound(task.token, task._report):
                outcome = TaskOutcome(result=task.work(task._report, task.token))
        except Exception as exc:  # handed to the GUI thread, shown there in German
            outcome = TaskOutcome(error=exc, message=describe(exc))
        task.ended = time.perf_counter()
        task._ended.set()
        self.relay.done.emit(task, outcome)


class TaskRunner(QObject):
    """Runs tasks in its own thread pool; owned by the top-level window."""

    started = Signal(object)  # Task
    finished = Signal(object, object)  # Task, TaskOutcome

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent)
        self.setObjectName("taskRunner")
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self.tasks: list[Task] = []
        self._runnables: dict[Task, _Runnable] = {}
        self.closed = False
        self._relay = _Relay(self)
        self._relay.done.connect(self._done)
        self._relay.progress.connect(self._progress)

    @staticmethod
    def of(widget: QObject) -> TaskRunner:
        """The runner of the window `widget` belongs to (created on first use)."""
        root = widget
        while isinstance(root, QWidget) and root.parentWidget() is not None:
            root = root.parentWidget()
        runner = root.findChild(TaskRunner, "taskRunner", Qt.FindChildOption.FindDirectChildrenOnly)
        return runner if runner is not None else TaskRunner(root)

    def submit(
        self,
        work: Work,
        on_done: Callable[[TaskOutcome], None] | None = None,
        title: str = "",
        on_progress: Callable[[float, str], None] | None = None,
        start: bool = True,
    ) -> Task:
        """Run `work(progress, token)` in a worker. With start=False the caller connects more
        receivers first (a signal emitted before a connection is lost), then calls start()."""
        task = Task(work, title, self._relay)
        if on_done is not None:
            task.finished.connect(on_done)
        if on_progress is not None:
            task.progressed.connect(on_progress)
        self.tasks.append(task)
        if start:
            self.start(task)
        return task

    def start(self, task: Task) -> None:
        if self.closed:  # the window is closing: nothing new starts
            self._done(task, TaskOutcome(error=Cancelled(), message=describe(Cancelled())))
            return
        runnable = self._runnables[task] = _Runnable(task, self._relay)
        self.pool.start(runnable)
        self.started.emit(task)

    @property
    def busy(self) -> bool:
        return any(t.running for t in self.tasks)

    def cancel_all(self) -> None:
        for task in self.tasks:
            task.cancel()

    def wait(self, msecs: int = 60_000) -> bool:
        return self.pool.waitForDone(msecs)

    def shutdown(self, msecs: int = 60_000) -> bool:
        """At window close: cancel everything, wait for the workers; later results are dropped
        (the widgets they would reach are closing)."""
        self.closed = True
        self.cancel_all()
        done = self.pool.waitForDone(msecs)
        for task in self.tasks:
            task.running = False
            task.progressed.clear()
            task.finished.clear()
        self.tasks.clear()
        return done

    def _done(self, task: Task, outcome: TaskOutcome) -> None:
        self._runnables.pop(task, None)
        if task not in self.tasks:  # dropped by shutdown
            return
        self.tasks.remove(task)
        task._deliver(outcome)
        self.finished.emit(task, outcome)

    def _progress(self, task: Task, fraction: float, text: str) -> None:
        if task.running:
            task.progressed.emit(fraction, text)


class TaskProgressDialog(QProgressDialog):
    """The shared progress display: window-modal (no edit interleaves with a write), fraction
    and German text from the task, „Abbrechen“ cancels it."""

    def __init__(self, task: Task, label: str, parent: QWidget) -> None:
        super().__init__(label, _t("Abbrechen"), 0, 0, parent)
        self.task = task
        self.setObjectName("longTaskProgress")
        self.setWindowTitle(task.title)
        self.setAccessibleName(task.title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.canceled.connect(self._cancel)
        task.progressed.connect(self._progress)
        task.finished.connect(self._finished)

    def _progress(self, fraction: float, text: str) -> None:
        if self.task.token.cancelled:
            return
        self.setMaximum(SCALE)
        self.setValue(round(fraction * SCALE))
        if text:
            self.setLabelText(text)

    def _cancel(self) -> None:
        if self.task is not None and self.task.running:
            self.setLabelText(_t("Wird abgebrochen …"))
            self.task.cancel()

    def _finished(self, _outcome: TaskOutcome) -> None:
        self.canceled.disconnect(self._cancel)
        self.task = None
        self.hide()
        self.deleteLater()


def run_with_progress(
    parent: QWidget,
    title: str,
    label: str,
    work: Work,
    on_done: Callable[[TaskOutcome], None],
) -> Task:
    """Submit `work` to the window's runner and show the shared progress dialog meanwhile."""
    runner = TaskRunner.of(parent)
    task = runner.submit(work, title=title, start=False)
    task.progress = TaskProgressDialog(task, label, parent)
    task.finished.connect(on_done)  # after the dialog has closed
    task.progress.open()
    runner.start(task)
    return task
