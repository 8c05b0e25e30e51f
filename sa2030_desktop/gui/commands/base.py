"""Base of the undo commands: validated before they are pushed (`push_checked`)."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.gui.store_bridge import StoreBridge
from sa2030_desktop.messages import format_error
from sa2030_desktop.services import package as package_service

UNDO_PREFIX = "Rückgängig: "


class ServiceCommand(QUndoCommand):
    """Base: `validate()` raises DomainError before anything is pushed."""

    def __init__(self, bridge: StoreBridge, text: str) -> None:
        super().__init__(text)
        self.bridge = bridge

    @property
    def store(self):
        return self.bridge.store

    def validate(self) -> None:  # pragma: no cover - overridden where there is something to check
        pass


def _editable(store, *goal_keys: str) -> None:
    """In a Ressortpaket only the ministry's own goals (and what hangs on them) may change:
    refuse the rest before the command enters the undo stack (package_readonly)."""
    if not package_service.package_ministry(store):
        return
    for key in dict.fromkeys(goal_keys):
        package_service.check_editable(store, key)


def _no_reference_change(store, entity: str, key: str) -> None:
    """Reference data (categories, theme fields, ministries) is context in a Ressortpaket."""
    ministry = package_service.package_ministry(store)
    if ministry:
        raise DomainError("package_readonly", ministry=ministry, entity=entity, key=key)


def push_checked(parent: QWidget | None, stack: QUndoStack, command: ServiceCommand) -> bool:
    """Validate, then push (which runs redo and so writes). Shows the German message on refusal."""
    try:
        command.validate()
        stack.push(command)
    except DomainError as exc:
        QMessageBox.warning(parent, QWidget.tr("Nicht möglich"), format_error(exc))
        return False
    return True


def _copy(value):
    return list(value) if isinstance(value, list) else value
