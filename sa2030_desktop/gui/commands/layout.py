"""Undo of graph node positions (layout, no rules): consecutive moves merge while dragging."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from sa2030_desktop.gui.store_bridge import StoreBridge
from sa2030_desktop.services import layout as layout_service


class MoveNodesCommand(QUndoCommand):
    """Manual node positions in a named graph view. Consecutive moves merge while dragging."""

    ID = 1002

    def __init__(self, bridge: StoreBridge, view: str, before: dict, after: dict) -> None:
        super().__init__(QWidget.tr("Knoten verschieben"))
        self.bridge = bridge
        self.view = view
        self.before = dict(before)
        self.after = dict(after)

    def id(self) -> int:  # noqa: A003 - Qt name
        return self.ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt name
        if not isinstance(other, MoveNodesCommand) or other.view != self.view:
            return False
        if set(other.after) != set(self.after):
            return False
        self.after = dict(other.after)
        return True

    def redo(self) -> None:
        layout_service.save_positions(self.bridge.store, self.view, self.after)
        self.bridge.layout_changed.emit(self.view)

    def undo(self) -> None:
        layout_service.save_positions(self.bridge.store, self.view, self.before)
        self.bridge.layout_changed.emit(self.view)
