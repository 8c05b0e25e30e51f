"""The store's change announcements as a Qt signal: every view rebuilds from the snapshot."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from sa2030_desktop.domain.model import Portfolio

if TYPE_CHECKING:
    from sa2030_desktop.services.handles import ChangeSet, Store

log = logging.getLogger(__name__)


class StoreBridge(QObject):
    """Wraps the open Store. Views read `snapshot()`, listen to `changed`, never write rows."""

    changed = Signal(object)  # ChangeSet (or None after reload/open)
    as_of_changed = Signal(object)  # datetime.date
    layout_changed = Signal(str)  # a named graph view's stored positions changed

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._as_of = None
        self._unsubscribe = store.subscribe(self._on_change)
        # set by the team feature: shows a refused stale write as a merge review (→ handled)
        self.conflict_handler = None

    def _on_change(self, changes: ChangeSet) -> None:
        self.changed.emit(changes)

    def snapshot(self) -> Portfolio:
        return self.store.snapshot()

    @property
    def as_of(self):
        from sa2030_desktop.services.portfolio import default_as_of

        return default_as_of(self.store.snapshot(), self._as_of)

    def set_as_of(self, day) -> None:
        self._as_of = day
        self.as_of_changed.emit(self.as_of)

    def reload(self) -> None:
        """The file changed outside this window: forget the snapshot, tell every view."""
        self.store.invalidate()
        self.changed.emit(None)

    def set_store(self, store: Store) -> None:
        """Another file was opened: same bridge, new store; every view rebuilds."""
        self._unsubscribe()
        self.store.close()
        self.store = store
        self._as_of = None
        self._unsubscribe = store.subscribe(self._on_change)
        self.changed.emit(None)
        self.as_of_changed.emit(self.as_of)

    def finish_opening_after_paint(self, widget: QWidget) -> None:
        """Once `widget` (the goal table) has been painted, make the store's engine in a worker
        of the window's task runner (services.portfolio.finish_opening): the window shows the
        goals without waiting for SQLAlchemy, and a write asked for before the engine is there
        waits for it inside the store – it cannot get past it."""
        self._first_paint = _FirstPaint(widget, self._finish_opening)

    def _finish_opening(self, widget: QWidget) -> None:
        from sa2030_desktop.gui.tasks import TaskRunner
        from sa2030_desktop.services.portfolio import finish_opening

        store = self.store
        if store.closed or store.engine_open:
            return
        TaskRunner.of(widget).submit(lambda _progress, _token: finish_opening(store),
                                     on_done=_log_failure, title="Portfolio öffnen")  # fmt: skip

    def close(self) -> None:
        self._unsubscribe()
        self.store.close()


def _log_failure(outcome) -> None:
    # Not shown: the next read or write makes the engine itself and reports what fails there.
    if not outcome.ok:
        log.warning("Engine nach dem Start nicht vorbereitet: %s", outcome.error)


class _FirstPaint(QObject):
    """Calls `then(widget)` once, on the next turn of the event loop after `widget`'s first
    paint (the paint is done and on screen, then the work starts)."""

    def __init__(self, widget: QWidget, then) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, lambda: self._then(watched))
        return False
