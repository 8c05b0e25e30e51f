"""Undo commands for dependencies and graph node positions."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from sa2030_desktop.domain.model import Dependency
from sa2030_desktop.gui.commands.base import (
    UNDO_PREFIX,
    ServiceCommand,
    _editable,
)
from sa2030_desktop.gui.store_bridge import StoreBridge
from sa2030_desktop.services import dependencies as dep_service
from sa2030_desktop.services import layout as layout_service


class LinkCommand(ServiceCommand):
    def __init__(self, bridge: StoreBridge, dependency: Dependency, comment: str = "") -> None:
        super().__init__(
            bridge,
            QWidget.tr("Abhängigkeit {0} → {1}").format(
                dependency.prerequisite, dependency.dependent
            ),
        )
        self.dep = dependency
        self.comment = comment

    def validate(self) -> None:
        _editable(self.store, self.dep.dependent)
        dep_service.check_link(self.store, self.dep)

    def redo(self) -> None:
        dep_service.link(self.store, self.dep, self.comment)

    def undo(self) -> None:
        dep_service.unlink(
            self.store, self.dep.dependent, self.dep.prerequisite, UNDO_PREFIX + self.text()
        )


class UnlinkCommand(ServiceCommand):
    def __init__(self, bridge: StoreBridge, dependent: str, prerequisite: str) -> None:
        super().__init__(
            bridge, QWidget.tr("Abhängigkeit {0} → {1} entfernen").format(prerequisite, dependent)
        )
        self.dep = dep_service.find(bridge.store, dependent, prerequisite)

    def validate(self) -> None:
        _editable(self.store, self.dep.dependent)

    def redo(self) -> None:
        dep_service.unlink(self.store, self.dep.dependent, self.dep.prerequisite)

    def undo(self) -> None:
        dep_service.link(self.store, self.dep, UNDO_PREFIX + self.text())


class MoveNodesCommand(ServiceCommand):
    """Manual node positions in a named graph view. Consecutive moves merge while dragging."""

    ID = 1002

    def __init__(self, bridge: StoreBridge, view: str, before: dict, after: dict) -> None:
        super().__init__(bridge, QWidget.tr("Knoten verschieben"))
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
        layout_service.save_positions(self.store, self.view, self.after)
        self.bridge.layout_changed.emit(self.view)

    def undo(self) -> None:
        layout_service.save_positions(self.store, self.view, self.before)
        self.bridge.layout_changed.emit(self.view)
