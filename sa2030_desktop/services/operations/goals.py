"""Operations on goals: create, update, rename the key, delete and its inverse (restore with
everything on it)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from sa2030_desktop.domain import preconditions as rules
from sa2030_desktop.domain.entities import indicator_key
from sa2030_desktop.domain.errors import NotFoundError
from sa2030_desktop.domain.model import Dependency, Goal, Indicator, Milestone, Portfolio
from sa2030_desktop.persistence.unit_of_work import UnitOfWork
from sa2030_desktop.services.operations.base import (
    CreateRecord,
    Operation,
    UpdateFields,
    child_write,
    dependency_write,
    goal_write,
    record,
)
from sa2030_desktop.services.operations.milestones import references, without_reference

GOAL_FIELDS = {f.name for f in dataclasses.fields(Goal)} - {"key", "created", "updated"}


def existing_goal(portfolio: Portfolio, key: str) -> Goal:
    goal = portfolio.goals.get(key)
    if goal is None:
        raise NotFoundError("goal", key)
    return goal


@dataclass
class CreateGoal(CreateRecord):
    goal: Goal
    comment: str = ""

    default_comment = "Ziel {goal.key} angelegt"

    def created(self) -> Goal:
        return self.goal

    def deletion(self, key: str, comment: str) -> Operation:
        return DeleteGoal(key, comment)

    def _check(self, portfolio: Portfolio) -> None:
        rules.check_new_key(portfolio.goals, "goal", self.goal.key)
        rules.check_goal(portfolio, self.goal)

    def _writes(self, portfolio: Portfolio):
        return [("goal", self.goal.key, record(self.goal), None)]


@dataclass
class UpdateGoal(UpdateFields):
    """Change fields of a goal. A status change needs a reason (`status_reason` or comment)."""

    key: str
    changes: dict
    comment: str = ""
    entity = "goal"
    editable = GOAL_FIELDS

    def candidate(self, portfolio: Portfolio) -> tuple[Goal, Goal]:
        current = existing_goal(portfolio, self.key)
        self.refuse_unknown_fields()
        changes = dict(self.changes)
        if "status" in changes:
            changes["status"] = rules.parse_status(changes["status"])
        goal = dataclasses.replace(current, **changes)
        goal.partners = list(goal.partners)
        return current, goal

    def _check(self, portfolio: Portfolio) -> None:
        current, goal = self.candidate(portfolio)
        if "status" in self.changes:
            rules.check_status_change(
                self.key,
                current.status,
                goal.status,
                self.changes.get("status_reason"),
                self.comment,
            )
        rules.check_goal(portfolio, goal)

    def _writes(self, portfolio: Portfolio):
        return [goal_write(portfolio, self.key, {"lead": self.candidate(portfolio)[1].lead})]


@dataclass
class RenameGoal(Operation):
    """Give a goal a new key; milestones, dependencies, indicators and layout follow.
    Undo renames it back."""

    key: str
    new_key: str
    comment: str = ""

    default_comment = "Ziel {key} umbenannt in {new_key}"

    def _check(self, portfolio: Portfolio) -> None:
        existing_goal(portfolio, self.key)
        rules.check_new_key(portfolio.goals, "goal", self.new_key)

    def _writes(self, portfolio: Portfolio):
        return GoalContents.of(portfolio, self.key).writes()

    def _write(self, uow: UnitOfWork, portfolio: Portfolio) -> None:
        uow.rename_goal(self.key, self.new_key)

    def _inverse(self, before: object, comment: str) -> Operation:
        return RenameGoal(self.new_key, self.key, comment)


@dataclass
class GoalContents:
    """A goal with everything that hangs on it (what a deletion removes and undo restores)."""

    goal: Goal
    milestones: list[Milestone]
    dependencies: list[Dependency]
    indicators: list[Indicator]

    @classmethod
    def of(cls, portfolio: Portfolio, key: str) -> GoalContents:
        return cls(
            existing_goal(portfolio, key),
            list(portfolio.milestones_of(key)),
            [d for d in portfolio.dependencies if key in d.pair],
            [i for i in portfolio.indicators if i.goal == key],
        )

    def writes(self):
        key = self.goal.key
        yield ("goal", key, record(self.goal), record(self.goal))
        for dep in self.dependencies:
            yield dependency_write(dep.dependent, dep.prerequisite)
        for ms in self.milestones:
            yield child_write("milestone", ms.key, key)
        for ind in self.indicators:
            yield child_write("indicator", indicator_key(key, ind.name), key)


@dataclass
class DeleteGoal(Operation):
    """Delete a goal with its milestones, dependencies and indicators; each deletion logged."""

    key: str
    comment: str = ""

    default_comment = "Ziel {key} gelöscht"

    def _check(self, portfolio: Portfolio) -> None:
        existing_goal(portfolio, self.key)

    def _writes(self, portfolio: Portfolio):
        # its dependencies go with it: those the other goals declare must be editable too
        return GoalContents.of(portfolio, self.key).writes()

    def _before_of(self, portfolio: Portfolio) -> GoalContents:
        return GoalContents.of(portfolio, self.key)

    def _write(self, uow: UnitOfWork, portfolio: Portfolio) -> None:
        contents = GoalContents.of(portfolio, self.key)
        for dep in contents.dependencies:
            uow.delete("dependency", {"dependent": dep.dependent, "prerequisite": dep.prerequisite})
        for ind in contents.indicators:
            uow.delete("indicator", {"goal": ind.goal, "name": ind.name})
        for ms in contents.milestones:
            for dep in references(portfolio, ms.key):
                if self.key not in dep.pair:  # named by a dependency between other goals
                    uow.save(without_reference(dep, ms.key))
            uow.delete("milestone", {"key": ms.key})
        uow.delete("goal", {"key": self.key})

    def _inverse(self, before: object, comment: str) -> Operation:
        return RestoreGoal(before, comment)  # type: ignore[arg-type]


@dataclass
class RestoreGoal(Operation):
    """Put a deleted goal back with everything that hung on it (the inverse of DeleteGoal)."""

    contents: GoalContents
    comment: str = ""

    default_comment = "Ziel {contents.goal.key} wiederhergestellt"

    def _check(self, portfolio: Portfolio) -> None:
        rules.check_new_key(portfolio.goals, "goal", self.contents.goal.key)

    def _writes(self, portfolio: Portfolio):
        goal = self.contents.goal
        yield ("goal", goal.key, record(goal), None)

    def _write(self, uow: UnitOfWork, portfolio: Portfolio) -> None:
        contents = self.contents
        for obj in [contents.goal, *contents.milestones, *contents.dependencies,
                    *contents.indicators]:  # fmt: skip
            uow.save(obj)

    def _inverse(self, before: object, comment: str) -> Operation:
        return DeleteGoal(self.contents.goal.key, comment)
