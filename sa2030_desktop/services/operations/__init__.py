"""The operations of the core: every use case that changes data, each with one `check`, one
`apply` (check + write in one transaction → ChangeSet) and `inverse` for undo.

The service functions (services/goals.py, dependencies.py, reference.py), the CLI, imports and
the GUI's one generic undo command all build and apply these; the rules themselves are the pure
functions of domain/preconditions.py.
"""

from sa2030_desktop.services.operations.base import Operation
from sa2030_desktop.services.operations.bulk import ApplyMerge, ImportBundle, UndoMerge, WriteState
from sa2030_desktop.services.operations.goals import (
    CreateGoal,
    DeleteGoal,
    GoalContents,
    RenameGoal,
    RestoreGoal,
    UpdateGoal,
)
from sa2030_desktop.services.operations.indicators import (
    DeleteIndicator,
    SaveIndicator,
    SetIndicatorValues,
)
from sa2030_desktop.services.operations.links import (
    Link,
    Relinks,
    Unlink,
    Unlinks,
    UpdateLink,
    existing_link,
)
from sa2030_desktop.services.operations.milestones import (
    CreateMilestone,
    DeleteMilestone,
    Rebaseline,
    RestoreMilestone,
    SetForecasts,
    UpdateMilestone,
)
from sa2030_desktop.services.operations.reference import (
    DeleteReference,
    RenameMinistry,
    ReopenMinistries,
    SaveReference,
)

__all__ = [
    "Operation",
    "ApplyMerge",
    "ImportBundle",
    "UndoMerge",
    "WriteState",
    "CreateGoal",
    "DeleteGoal",
    "GoalContents",
    "RenameGoal",
    "RestoreGoal",
    "UpdateGoal",
    "Link",
    "Unlink",
    "Unlinks",
    "UpdateLink",
    "existing_link",
    "CreateMilestone",
    "DeleteMilestone",
    "Rebaseline",
    "RestoreMilestone",
    "SetForecasts",
    "UpdateMilestone",
    "DeleteIndicator",
    "DeleteReference",
    "Relinks",
    "RenameMinistry",
    "ReopenMinistries",
    "SaveIndicator",
    "SetIndicatorValues",
    "SaveReference",
]
