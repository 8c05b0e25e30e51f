"""The store's change announcements as a Qt signal: every view rebuilds from the snapshot."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from sa2030_desktop.domain.model import Portfolio
from sa2030_desktop.services.handles import ChangeSet, Store


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

    def close(self) -> None:
        self._unsubscribe()
        self.store.close()
