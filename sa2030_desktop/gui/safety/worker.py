"""Backups off the GUI thread: one at a time, the result reported as a signal."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from sa2030_desktop.services import safety


class _Signals(QObject):
    done = Signal(object)  # BackupInfo, or None when nothing changed since the newest backup
    failed = Signal(object)  # the exception (FileRefusedError with a German message code)


class _BackupTask(QRunnable):
    def __init__(self, path: Path, reason: str, signals: _Signals, owner: Path) -> None:
        super().__init__()
        self.path = path
        self.owner = owner
        self.reason = reason
        self.signals = signals

    def run(self) -> None:  # worker thread: no widgets here
        try:
            info = safety.backup_file(self.path, reason=self.reason, owner=self.owner)
        except Exception as exc:  # reported on the GUI thread
            self.signals.failed.emit(exc)
            return
        self.signals.done.emit(info)


class BackupRunner(QObject):
    """Starts backups in a thread pool; skips a request while one is still running."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.done.connect(self._finished)
        self._signals.failed.connect(self._failed)
        self.running = False

    def start(self, path: Path, reason: str = "", owner: Path | None = None) -> bool:
        """Back up `path`, filed under `owner` (default: `path` itself)."""
        if self.running:
            return False
        self.running = True
        self.pool.start(_BackupTask(Path(path), reason, self._signals, Path(owner or path)))
        return True

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)

    def _finished(self, info) -> None:
        self.running = False
        self.done.emit(info)

    def _failed(self, exc) -> None:
        self.running = False
        self.failed.emit(exc)
