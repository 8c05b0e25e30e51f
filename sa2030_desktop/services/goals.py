"""Editing goals, milestones and indicators: one transaction and one ChangeSet per call.

Each function builds the operation of its use case (services/operations) and applies it, so the
CLI, imports, merges and the GUI reach the same rules.
"""

from __future__ import annotations

from datetime import date

from sa2030_desktop.domain.model import Dependency, Goal, Indicator, Milestone
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.persistence.unit_of_work import ChangeSet
from sa2030_desktop.services import operations as ops


def create_goal(store: Store, goal: Goal, comment: str = "") -> ChangeSet:
    return ops.CreateGoal(goal, comment).apply(store)


def update_goal(store: Store, key: str, comment: str = "", **changes: object) -> ChangeSet:
    """Change fields of a goal. A status change needs a reason (`status_reason` or comment)."""
    return ops.UpdateGoal(key, changes, comment).apply(store)


def rename_goal_key(store: Store, key: str, new_key: str, comment: str = "") -> ChangeSet:
    """Give a goal a new key; milestones, dependencies and layout follow."""
    return ops.RenameGoal(key, new_key, comment).apply(store)


def delete_goal(store: Store, key: str, comment: str = "") -> ChangeSet:
    """Delete a goal with its milestones, dependencies and indicators; each deletion logged."""
    return ops.DeleteGoal(key, comment).apply(store)


def restore_goal(
    store: Store,
    goal: Goal,
    milestones: list[Milestone],
    dependencies: list[Dependency],
    indicators: list[Indicator],
    comment: str = "",
) -> ChangeSet:
    """Put a deleted goal back with everything that hung on it (the inverse of delete_goal)."""
    contents = ops.GoalContents(goal, milestones, dependencies, indicators)
    return ops.RestoreGoal(contents, comment).apply(store)


# -- milestones ---------------------------------------------------------------------------------
def create_milestone(store: Store, ms: Milestone, comment: str = "") -> ChangeSet:
    return ops.CreateMilestone(ms, comment).apply(store)


def next_milestone_key(store: Store, goal_key: str) -> str:
    existing = set(store.snapshot().milestones)
    n = 1
    while f"{goal_key}-M{n}" in existing:
        n += 1
    return f"{goal_key}-M{n}"


def update_milestone(store: Store, key: str, comment: str = "", **changes: object) -> ChangeSet:
    """Change title, forecast, actual or note. The baseline moves only through `rebaseline`."""
    return ops.UpdateMilestone(key, changes, comment).apply(store)


def set_forecasts(store: Store, forecasts: dict[str, date], comment: str) -> ChangeSet:
    """Several forecasts in one step (what-if „Übernehmen“): one transaction, one undo step."""
    return ops.SetForecasts(dict(forecasts), comment).apply(store)


def rebaseline(store: Store, key: str, new_baseline: date, comment: str) -> ChangeSet:
    """Neuer Basistermin: an explicit, commented and logged change of the baseline."""
    return ops.Rebaseline(key, new_baseline, comment).apply(store)


def restore_milestone(store: Store, ms: Milestone, comment: str = "") -> ChangeSet:
    """Write a milestone exactly as given, baseline included (undo of edits and deletions)."""
    return ops.RestoreMilestone(ms, [], comment).apply(store)


def delete_milestone(store: Store, key: str, comment: str = "") -> ChangeSet:
    return ops.DeleteMilestone(key, comment).apply(store)


# -- indicators ---------------------------------------------------------------------------------
def save_indicator(store: Store, indicator: Indicator, comment: str = "") -> ChangeSet:
    return ops.SaveIndicator(indicator, comment).apply(store)


def delete_indicator(store: Store, goal: str, name: str, comment: str = "") -> ChangeSet:
    return ops.DeleteIndicator(goal, name, comment).apply(store)
