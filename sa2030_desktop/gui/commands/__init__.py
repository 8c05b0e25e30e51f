"""Undo commands (Orange `document/commands.py` style): redo()/undo() call inverse services.

Every command is validated before it is pushed, so a refused action never enters the stack
(`push_checked`). Each step is committed when it runs: closing the window never loses work.
"""

from sa2030_desktop.gui.commands.base import UNDO_PREFIX, ServiceCommand, push_checked
from sa2030_desktop.gui.commands.goals import (
    CreateGoalCommand,
    CreateMilestoneCommand,
    DeleteGoalCommand,
    DeleteMilestoneCommand,
    RebaselineCommand,
    SetForecastsCommand,
    UpdateGoalCommand,
    UpdateMilestoneCommand,
)
from sa2030_desktop.gui.commands.links import LinkCommand, MoveNodesCommand, UnlinkCommand
from sa2030_desktop.gui.commands.reference import (
    DeleteIndicatorCommand,
    RenameMinistryCommand,
    SaveIndicatorCommand,
    SaveReferenceCommand,
)

__all__ = [
    "UNDO_PREFIX",
    "ServiceCommand",
    "push_checked",
    "CreateGoalCommand",
    "CreateMilestoneCommand",
    "DeleteGoalCommand",
    "DeleteMilestoneCommand",
    "RebaselineCommand",
    "SetForecastsCommand",
    "UpdateGoalCommand",
    "UpdateMilestoneCommand",
    "LinkCommand",
    "MoveNodesCommand",
    "UnlinkCommand",
    "DeleteIndicatorCommand",
    "RenameMinistryCommand",
    "SaveIndicatorCommand",
    "SaveReferenceCommand",
]
