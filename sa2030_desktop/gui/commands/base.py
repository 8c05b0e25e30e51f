"""One generic undo command for every operation of the core (Orange `document/commands.py`:
commands hold no rules, they replay model operations).

redo = operation.apply, undo = its inverse applied. `push_operation` checks (operation.check)
and writes before it pushes, so an action refused by a rule or by the file (read-only, locked,
disk full) never enters the stack nor drops its redo steps. Each step is committed when it runs.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.failures import describe
from sa2030_desktop.gui.commands.texts import undo_text
from sa2030_desktop.gui.store_bridge import StoreBridge
from sa2030_desktop.services.operations import Operation

UNDO_PREFIX = "Rückgängig: "

Report = Callable[[str], None]


class OperationCommand(QUndoCommand):
    """Wraps one operation. A redo or undo that the rules now refuse (the file changed since,
    e.g. through another window or an import) or that the file refuses (opened read-only, on a
    read-only disk, locked by another program, disk full) writes nothing, reports the German
    message and leaves the stack (obsolete). `report` is where the push tells it (a dialog's
    line, the timeline's message); once pushed, a later undo or redo – pressed anywhere, the
    dialog long closed – tells it in a warning box over the active window."""

    def __init__(
        self, bridge: StoreBridge, operation: Operation, text: str = "", applied: bool = False
    ) -> None:
        super().__init__(text or undo_text(operation))
        self.bridge = bridge
        self.operation = operation
        self.report: Report | None = None
        self.refusal = ""
        # the operation already ran (a worker wrote it): the push's redo has nothing to do
        self._pending_skip = applied

    @property
    def store(self):
        return self.bridge.store

    def validate(self) -> None:
        """Raise the DomainError of the first broken rule (nothing written)."""
        self.operation.check(self.store)

    def redo(self) -> None:
        if self._pending_skip:
            self._pending_skip = False
            return
        self._run(self.operation)

    def undo(self) -> None:
        note = self.operation.undo_note() or self.text()
        self._run(self.operation.inverse(UNDO_PREFIX + note))

    def _run(self, operation: Operation) -> None:
        try:
            operation.apply(self.store)
        except Exception as exc:  # noqa: BLE001 – any failure is a refusal: nothing was written
            # (the write is one transaction) and the step must not stay on the stack
            self.refusal = describe(exc)
            self.setObsolete(True)
            # the team server: a stale write opens the merge review (gui/team/feature.py)
            handler = getattr(self.bridge, "conflict_handler", None)
            stale = isinstance(exc, DomainError) and exc.code == "stale_write"
            if stale and handler is not None and handler(exc):
                return
            (self.report or _warn(None))(self.refusal)


def _warn(parent: QWidget | None) -> Report:
    """A warning box over `parent`, else over the active window."""
    return lambda text: QMessageBox.warning(
        parent or QApplication.activeWindow(), QWidget.tr("Nicht möglich"), text
    )


def push_operation(
    parent: QWidget | None,
    stack: QUndoStack,
    operation: Operation | OperationCommand,
    bridge: StoreBridge | None = None,
    report: Report | None = None,
) -> bool:
    """Check, write, then push. A refusal – by a rule at the check, or by the file at the write
    (read-only, locked, disk full, a team server's newer state) – shows its German message
    (`report`, else a warning box), writes nothing, leaves the stack as it was (a push would
    drop its redo steps even for a refused command) and returns False."""
    if isinstance(operation, OperationCommand):
        command = operation
    else:
        assert bridge is not None, "an operation needs the bridge"
        command = OperationCommand(bridge, operation)
    command.report = report or _warn(parent)
    if not command._pending_skip:  # not yet written (a worker writes an import itself)
        try:
            command.validate()
        except Exception as exc:  # noqa: BLE001 – told, not raised: nothing was written
            command.report(describe(exc))
            return False
        command._run(command.operation)
        if command.refusal:
            return False
        command._pending_skip = True  # written: the push's redo has nothing left to do
    command.report = None  # a later undo/redo may come from anywhere: a box tells it
    stack.push(command)
    return True


def push_checked(parent: QWidget | None, stack: QUndoStack, command: QUndoCommand) -> bool:
    """Push a command: an OperationCommand is checked first (see push_operation)."""
    if isinstance(command, OperationCommand):
        return push_operation(parent, stack, command)
    stack.push(command)
    return True
