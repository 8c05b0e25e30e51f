"""Undo commands for goals and milestones (forecasts, actuals, rebaseline, what-if apply)."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtWidgets import QWidget

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.model import Goal, Milestone
from sa2030_desktop.gui.commands.base import (
    UNDO_PREFIX,
    ServiceCommand,
    _copy,
    _editable,
)
from sa2030_desktop.gui.store_bridge import StoreBridge
from sa2030_desktop.services import dependencies as dep_service
from sa2030_desktop.services import goals as goal_service
from sa2030_desktop.services import package as package_service


class UpdateGoalCommand(ServiceCommand):
    def __init__(self, bridge: StoreBridge, key: str, changes: dict, comment: str = "") -> None:
        super().__init__(bridge, QWidget.tr("Ziel {0} bearbeiten").format(key))
        self.key = key
        self.changes = dict(changes)
        self.comment = comment
        goal = bridge.snapshot().goals[key]
        self.before = {name: _copy(getattr(goal, name)) for name in self.changes}

    def validate(self) -> None:
        _editable(self.store, self.key)
        ministry = package_service.package_ministry(self.store)
        if ministry and self.changes.get("lead", ministry) != ministry:
            raise DomainError("package_lead_fixed", ministry=ministry)
        goal = self.store.snapshot().goals[self.key]
        candidate = dataclasses.replace(goal, **self.changes)
        goal_service._check_goal(self.store, candidate)
        if (
            "status" in self.changes
            and self.changes["status"] != goal.status
            and not (str(self.changes.get("status_reason", "")).strip() or self.comment.strip())
        ):
            raise DomainError("status_reason_required", key=self.key)

    def redo(self) -> None:
        goal_service.update_goal(self.store, self.key, self.comment, **self.changes)

    def undo(self) -> None:
        goal_service.update_goal(self.store, self.key, UNDO_PREFIX + self.text(), **self.before)


class CreateGoalCommand(ServiceCommand):
    def __init__(self, bridge: StoreBridge, goal: Goal) -> None:
        super().__init__(bridge, QWidget.tr("Ziel {0} anlegen").format(goal.key))
        self.goal = goal

    def validate(self) -> None:
        if self.goal.key in self.store.snapshot().goals:
            raise DomainError("duplicate_key", entity="goal", key=self.goal.key)
        ministry = package_service.package_ministry(self.store)
        if ministry and self.goal.lead != ministry:
            raise DomainError("package_lead_fixed", ministry=ministry)
        goal_service._check_goal(self.store, self.goal)

    def redo(self) -> None:
        goal_service.create_goal(self.store, self.goal)

    def undo(self) -> None:
        goal_service.delete_goal(self.store, self.goal.key, UNDO_PREFIX + self.text())


class DeleteGoalCommand(ServiceCommand):
    """Deletes a goal with its milestones, dependencies and indicators; undo restores them all."""

    def __init__(self, bridge: StoreBridge, key: str) -> None:
        super().__init__(bridge, QWidget.tr("Ziel {0} löschen").format(key))
        snap = bridge.snapshot()
        self.key = key
        self.goal = snap.goals[key]
        self.milestones = list(snap.milestones_of(key))
        self.dependencies = [d for d in snap.dependencies if key in d.pair]
        self.indicators = [i for i in snap.indicators if i.goal == key]

    def validate(self) -> None:
        # its dependencies go with it: those other goals declare must be editable too
        _editable(self.store, self.key, *(d.dependent for d in self.dependencies))

    def redo(self) -> None:
        goal_service.delete_goal(self.store, self.key)

    def undo(self) -> None:
        goal_service.restore_goal(
            self.store,
            self.goal,
            self.milestones,
            self.dependencies,
            self.indicators,
            UNDO_PREFIX + self.text(),
        )


class CreateMilestoneCommand(ServiceCommand):
    def __init__(self, bridge: StoreBridge, ms: Milestone) -> None:
        super().__init__(bridge, QWidget.tr("Meilenstein {0} anlegen").format(ms.key))
        self.ms = ms if ms.forecast else dataclasses.replace(ms, forecast=ms.baseline)

    def validate(self) -> None:
        if self.ms.key in self.store.snapshot().milestones:
            raise DomainError("duplicate_key", entity="milestone", key=self.ms.key)
        _editable(self.store, self.ms.goal)
        goal_service._check_milestone(self.store, self.ms)

    def redo(self) -> None:
        goal_service.create_milestone(self.store, self.ms)

    def undo(self) -> None:
        goal_service.delete_milestone(self.store, self.ms.key, UNDO_PREFIX + self.text())


class DeleteMilestoneCommand(ServiceCommand):
    def __init__(self, bridge: StoreBridge, key: str) -> None:
        super().__init__(bridge, QWidget.tr("Meilenstein {0} löschen").format(key))
        snap = bridge.snapshot()
        self.ms = snap.milestones[key]
        self.refs = [
            d for d in snap.dependencies if key in (d.prerequisite_milestone, d.dependent_milestone)
        ]

    def validate(self) -> None:
        _editable(self.store, self.ms.goal, *(d.dependent for d in self.refs))

    def redo(self) -> None:
        goal_service.delete_milestone(self.store, self.ms.key)

    def undo(self) -> None:
        goal_service.restore_milestone(self.store, self.ms, UNDO_PREFIX + self.text())
        for dep in self.refs:
            dep_service.update_link(
                self.store,
                dep.dependent,
                dep.prerequisite,
                UNDO_PREFIX + self.text(),
                prerequisite_milestone=dep.prerequisite_milestone,
                dependent_milestone=dep.dependent_milestone,
            )


class UpdateMilestoneCommand(ServiceCommand):
    """Title, forecast, actual or note (never the baseline: see RebaselineCommand)."""

    def __init__(self, bridge: StoreBridge, key: str, changes: dict, comment: str = "") -> None:
        super().__init__(bridge, QWidget.tr("Meilenstein {0} ändern").format(key))
        self.key = key
        self.changes = dict(changes)
        self.comment = comment
        ms = bridge.snapshot().milestones[key]
        self.before = {name: getattr(ms, name) for name in self.changes}

    def validate(self) -> None:
        ms = self.store.snapshot().milestones.get(self.key)
        if ms is None:
            raise DomainError("not_found", entity="milestone", key=self.key)
        _editable(self.store, ms.goal)
        if "baseline" in self.changes:
            raise DomainError("baseline_needs_rebaseline", key=self.key)
        goal_service._check_milestone(self.store, dataclasses.replace(ms, **self.changes))

    def redo(self) -> None:
        goal_service.update_milestone(self.store, self.key, self.comment, **self.changes)

    def undo(self) -> None:
        goal_service.update_milestone(
            self.store, self.key, UNDO_PREFIX + self.text(), **self.before
        )


class RebaselineCommand(ServiceCommand):
    def __init__(self, bridge: StoreBridge, key: str, new_baseline: date, comment: str) -> None:
        super().__init__(bridge, QWidget.tr("Neuer Basistermin {0}").format(key))
        self.key = key
        self.new = new_baseline
        self.comment = comment
        self.old = bridge.snapshot().milestones[key].baseline

    def validate(self) -> None:
        ms = self.store.snapshot().milestones.get(self.key)
        if ms is not None:
            _editable(self.store, ms.goal)
        if not self.comment.strip():
            raise DomainError("rebaseline_comment_required", key=self.key)

    def redo(self) -> None:
        goal_service.rebaseline(self.store, self.key, self.new, self.comment)

    def undo(self) -> None:
        goal_service.rebaseline(self.store, self.key, self.old, UNDO_PREFIX + self.comment)


class SetForecastsCommand(ServiceCommand):
    """Several forecasts as one step (what-if „Übernehmen“)."""

    def __init__(self, bridge: StoreBridge, forecasts: dict[str, date], comment: str) -> None:
        super().__init__(bridge, QWidget.tr("Prognosen übernehmen ({0})").format(len(forecasts)))
        self.after = dict(forecasts)
        self.comment = comment
        snap = bridge.snapshot()
        self.before = {k: snap.milestones[k].forecast for k in forecasts if k in snap.milestones}

    def validate(self) -> None:
        missing = set(self.after) - set(self.before)
        if missing:
            raise DomainError("not_found", entity="milestone", key=", ".join(sorted(missing)))
        milestones = self.store.snapshot().milestones
        _editable(self.store, *(milestones[k].goal for k in sorted(self.after)))

    def redo(self) -> None:
        goal_service.set_forecasts(self.store, self.after, self.comment)

    def undo(self) -> None:
        goal_service.set_forecasts(self.store, self.before, UNDO_PREFIX + self.comment)
