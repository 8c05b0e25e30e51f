"""Where the graph views' nodes stand: positions stored in the file plus those the layout
placed for goals shown for the first time.

Building a view only reads. The placed positions stay in memory until `keep()` writes them
(one transaction): when the user leaves the graph (tab hidden, presentation closed) and when
the window closes. So a refresh never writes the file, and a read-only file is never touched.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from sa2030_desktop.services import layout as layout_service

Positions = dict[str, tuple[float, float]]


class ViewPositions(QObject):
    def __init__(self, bridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self._placed: dict[str, Positions] = {}
        bridge.changed.connect(self._changed)

    def of(self, view: str) -> Positions:
        """The positions a view is built with; stored ones (the user's moves) win."""
        return {**self._placed.get(view, {}), **layout_service.load_positions(
            self.bridge.store, view)}  # fmt: skip

    def placed(self, view: str, positions: Positions) -> None:
        """The layout placed these goals: remember them (the next build keeps them)."""
        if positions:
            self._placed.setdefault(view, {}).update(positions)

    def pending(self) -> dict[str, Positions]:
        return {view: dict(p) for view, p in self._placed.items()}

    def keep(self) -> None:
        """Write the placed positions, so the next opening shows the same picture."""
        placed, self._placed = self._placed, {}
        store = self.bridge.store
        if store.readonly or store.closed:
            return
        for view, positions in placed.items():
            layout_service.save_positions(store, view, positions)

    def follow(self, scene, view_name: Callable[[], str]) -> Callable[[str], None]:
        """Move `scene`'s nodes when its view's stored positions change (an undone move).
        Returns the connected slot (disconnect it from bridge.layout_changed when done)."""

        def changed(view: str) -> None:
            if view == view_name() and scene.nodes:
                scene.apply_positions(self.of(view))

        self.bridge.layout_changed.connect(changed)
        return changed

    def _changed(self, changes) -> None:
        if changes is None:  # another file: its positions are not ours
            self._placed = {}
