"""Undo: one generic command wraps any operation of the core (services/operations).

Every command is validated before it is pushed (`push_operation`), so a refused action never
enters the stack. Each step is committed when it runs: closing the window never loses work.
"""

from sa2030_desktop.gui.commands.base import (
    UNDO_PREFIX,
    OperationCommand,
    push_checked,
    push_operation,
)
from sa2030_desktop.gui.commands.layout import MoveNodesCommand
from sa2030_desktop.gui.commands.texts import undo_text

__all__ = [
    "UNDO_PREFIX",
    "OperationCommand",
    "push_checked",
    "push_operation",
    "MoveNodesCommand",
    "undo_text",
]
