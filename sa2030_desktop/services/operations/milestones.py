"""Operations on milestones: create, update (forecast, actual …), delete/restore, rebaseline,
several forecasts at once (what-if „Übernehmen“)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sa2030_desktop.domain import preconditions as rules
from sa2030_desktop.domain.errors import DomainError, NotFoundError
from sa2030_desktop.domain.model import Dependency, Milestone, Portfolio
from sa2030_desktop.domain.whatif import apply_forecasts
from sa2030_desktop.persistence.unit_of_work import UnitOfWork
from sa2030_desktop.services.operations.base import (
    CreateRecord,
    Operation,
    UpdateFields,
    child_write,
    dependency_write,
)

MILESTONE_FIELDS = {"title", "forecast", "actual", "note"}


def existing_milestone(portfolio: Portfolio, key: str) -> Milestone:
    ms = portfolio.milestones.get(key)
    if ms is None:
        raise NotFoundError("milestone", key)
    return ms


def references(portfolio: Portfolio, ms_key: str) -> list[Dependency]:
    """Dependencies that name the milestone (as needed or as waiting)."""
    return [
        d
        for d in portfolio.dependencies
        if ms_key in (d.prerequisite_milestone, d.dependent_milestone)
    ]


def without_reference(dep: Dependency, ms_key: str) -> Dependency:
    return dataclasses.replace(
        dep,
        prerequisite_milestone=None
        if dep.prerequisite_milestone == ms_key
        else dep.prerequisite_milestone,
        dependent_milestone=None if dep.dependent_milestone == ms_key else dep.dependent_milestone,
    )


def forecast_refusals(before: Portfolio, after: Portfolio, keys: Iterable[str]):
    """(key, DomainError) for each milestone among `keys` whose forecast changes from `before`
    to `after` against `check_forecast` (what-if „Übernehmen“, imports)."""
    for key in keys:
        old, new = before.milestones.get(key), after.milestones.get(key)
        if old is None or new is None:
            continue  # a new milestone has no forecast to change yet
        try:
            rules.check_forecast_change(after, old, new)
        except DomainError as exc:
            yield key, exc


@dataclass
class CreateMilestone(CreateRecord):
    milestone: Milestone
    comment: str = ""

    def __post_init__(self) -> None:
        if self.milestone.forecast is None:  # a new milestone is forecast on its baseline
            self.milestone = dataclasses.replace(self.milestone, forecast=self.milestone.baseline)

    default_comment = "Meilenstein {milestone.key} angelegt"

    def created(self) -> Milestone:
        return self.milestone

    def deletion(self, key: str, comment: str) -> Operation:
        return DeleteMilestone(key, comment)

    def _check(self, portfolio: Portfolio) -> None:
        rules.check_new_key(portfolio.milestones, "milestone", self.milestone.key)
        rules.check_milestone(portfolio, self.milestone)

    def _writes(self, portfolio: Portfolio):
        return [child_write("milestone", self.milestone.key, self.milestone.goal)]


@dataclass
class UpdateMilestone(UpdateFields):
    """Title, forecast, actual or note. The baseline moves only through `Rebaseline`."""

    key: str
    changes: dict
    comment: str = ""
    # An undo or redo puts back a state the file held: that may be an empty forecast (the column
    # is nullable; older imports stored JSON null), which no edit may make but an undo restores.
    restores: bool = False
    entity = "milestone"
    editable = MILESTONE_FIELDS

    def candidate(self, portfolio: Portfolio) -> tuple[Milestone, Milestone]:
        current = existing_milestone(portfolio, self.key)
        if "baseline" in self.changes:
            raise DomainError("baseline_needs_rebaseline", key=self.key)
        self.refuse_unknown_fields()
        return current, dataclasses.replace(current, **self.changes)

    def _check(self, portfolio: Portfolio) -> None:
        current, ms = self.candidate(portfolio)
        rules.check_milestone(portfolio, ms)
        if not (self.restores and ms.forecast is None):
            rules.check_forecast_change(portfolio, current, ms)

    def _inverse(self, before: object, comment: str) -> Operation:
        return UpdateMilestone(self.key, dict(before), comment, restores=True)  # type: ignore[arg-type]

    def _writes(self, portfolio: Portfolio):
        ms = existing_milestone(portfolio, self.key)
        return [child_write("milestone", ms.key, ms.goal)]


@dataclass
class SetForecasts(Operation):
    """Several forecasts in one step (what-if „Übernehmen“): one transaction, one undo step."""

    forecasts: dict[str, date]
    comment: str = ""
    restores: bool = False  # an undo may put back an empty forecast (see UpdateMilestone)

    def _check(self, portfolio: Portfolio) -> None:
        missing = sorted(set(self.forecasts) - set(portfolio.milestones))
        if missing:
            raise NotFoundError("milestone", ", ".join(missing))
        # each forecast is judged with the others already moved (the last milestone may change)
        after = apply_forecasts(portfolio, self.forecasts)
        for key, refusal in forecast_refusals(portfolio, after, self.forecasts):
            if not (self.restores and self.forecasts[key] is None):
                raise refusal

    def _writes(self, portfolio: Portfolio):
        return [
            child_write("milestone", k, existing_milestone(portfolio, k).goal)
            for k in self.forecasts
        ]

    def _before_of(self, portfolio: Portfolio) -> dict:
        return {k: portfolio.milestones[k].forecast for k in self.forecasts}

    def _write(self, uow: UnitOfWork, portfolio: Portfolio) -> None:
        for key, day in self.forecasts.items():
            uow.save(dataclasses.replace(portfolio.milestones[key], forecast=day))

    def _inverse(self, before: object, comment: str) -> Operation:
        return SetForecasts(dict(before), comment, restores=True)  # type: ignore[call-overload]

    def undo_note(self) -> str:
        return self.comment


@dataclass
class Rebaseline(Operation):
    """Neuer Basistermin: an explicit, commented and logged change of the baseline."""

    key: str
    new_baseline: date
    comment: str

    def _check(self, portfolio: Portfolio) -> None:
        existing_milestone(portfolio, self.key)
        rules.check_rebaseline(self.key, self.comment)

    def _writes(self, portfolio: Portfolio):
        return [child_write("milestone", self.key, existing_milestone(portfolio, self.key).goal)]

    def _before_of(self, portfolio: Portfolio) -> date | None:
        return portfolio.milestones[self.key].baseline

    def _write(self, uow: UnitOfWork, portfolio: Portfolio) -> None:
        current = portfolio.milestones[self.key]
        uow.save(dataclasses.replace(current, baseline=self.new_baseline))

    def _inverse(self, before: object, comment: str) -> Operation:
        return Rebaseline(self.key, before, comment)  # type: ignore[arg-type]

    def undo_note(self) -> str:
        return self.comment


@dataclass
class DeleteMilestone(Operation):
    """Delete a milestone; dependencies that name it keep going without the reference."""

    key: str
    comment: str = ""

    default_comment = "Meilenstein {key} gelöscht"

    def _check(self, portfolio: Portfolio) -> None:
        existing_milestone(portfolio, self.key)

    def _writes(self, portfolio: Portfolio):
        ms = existing_milestone(portfolio, self.key)
        yield child_write("milestone", ms.key, ms.goal)
        for dep in references(portfolio, self.key):
            yield dependency_write(dep.dependent, dep.prerequisite)

    def _before_of(self, portfolio: Portfolio) -> tuple[Milestone, list[Dependency]]:
        return portfolio.milestones[self.key], references(portfolio, self.key)

    def _write(self, uow: UnitOfWork, portfolio: Portfolio) -> None:
        for dep in references(portfolio, self.key):
            uow.save(without_reference(dep, self.key))
        uow.delete("milestone", {"key": self.key})

    def _inverse(self, before: object, comment: str) -> Operation:
        milestone, refs = before  # type: ignore[misc]
        return RestoreMilestone(milestone, refs, comment)


@dataclass
class RestoreMilestone(Operation):
    """Write a milestone exactly as given, baseline included, and the references to it."""

    milestone: Milestone
    references: list[Dependency] = field(default_factory=list)
    comment: str = ""

    def _writes(self, portfolio: Portfolio):
        yield child_write("milestone", self.milestone.key, self.milestone.goal)
        for dep in self.references:
            yield dependency_write(dep.dependent, dep.prerequisite)

    def _write(self, uow: UnitOfWork, portfolio: Portfolio) -> None:
        uow.save(self.milestone)
        for dep in self.references:
            uow.save(dep)

    def _inverse(self, before: object, comment: str) -> Operation:
        return DeleteMilestone(self.milestone.key, comment)
