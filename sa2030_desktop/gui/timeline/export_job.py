"""Exporting the timeline in a worker thread: progress per page, cancel between pages."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QRunnable, Signal

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.timeline_layout import TimelineLayout, TimelineOptions
from sa2030_desktop.messages import format_error


class ExportSignals(QObject):
    done = Signal(object)  # list[Path]
    failed = Signal(str)
    progress = Signal(int, int)  # pages done, pages


class ExportJob(QRunnable):
    """Rendering and writing run off the GUI thread (matplotlib Agg figures, no pyplot);
    progress per page, cancel between pages (then no file is written)."""

    def __init__(self, layout: TimelineLayout, path, options: TimelineOptions) -> None:
        super().__init__()
        self.layout, self.path, self.options = layout, path, options
        self.signals = ExportSignals()
        self.cancelled = threading.Event()

    def _progress(self, done: int, pages: int) -> bool:
        self.signals.progress.emit(done, pages)
        return not self.cancelled.is_set()

    def run(self) -> None:
        from sa2030_desktop.services.figures import save_timeline_layout as save_layout

        try:
            paths = save_layout(self.layout, self.path, self.options, progress=self._progress)
            self.signals.done.emit(paths)
        except DomainError as exc:
            self.signals.failed.emit(format_error(exc))
        except OSError as exc:
            self.signals.failed.emit(str(exc))
