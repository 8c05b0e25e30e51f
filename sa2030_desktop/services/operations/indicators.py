"""Operations on indicators: the indicator with its target path and values, one measured value
(entered in the goal detail, or applied from a report of a reporting round), deletion."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date

from sa2030_desktop.domain import preconditions as rules
from sa2030_desktop.domain.entities import indicator_key
from sa2030_desktop.domain.errors import NotFoundError
from sa2030_desktop.domain.model import Indicator, IndicatorValue, Portfolio
from sa2030_desktop.persistence.unit_of_work import UnitOfWork
from sa2030_desktop.services.operations.base import Operation, child_write


def find_indicator(portfolio: Portfolio, goal: str, name: str) -> Indicator | None:
    return next((i for i in portfolio.indicators if (i.goal, i.name) == (goal, name)), None)


def _existing(portfolio: Portfolio, goal: str, name: str) -> Indicator:
    found = find_indicator(portfolio, goal, name)
    if found is None:
        raise NotFoundError("indicator", indicator_key(goal, name))
    return found


@dataclass
class SaveIndicator(Operation):
    """Create or change an indicator (with its values)."""

    indicator: Indicator
    comment: str = ""

    def _check(self, portfolio: Portfolio) -> None:
        rules.check_indicator(portfolio, self.indicator)

    def _writes(self, portfolio: Portfolio):
        ind = self.indicator
        return [child_write("indicator", indicator_key(ind.goal, ind.name), ind.goal)]

    def _before_of(self, portfolio: Portfolio) -> Indicator | None:
        return find_indicator(portfolio, self.indicator.goal, self.indicator.name)

    def _write(self, uow: UnitOfWork, portfolio: Portfolio) -> None:
        uow.save(self.indicator)

    def _inverse(self, before: object, comment: str) -> Operation:
        if before is None:
            return DeleteIndicator(self.indicator.goal, self.indicator.name, comment)
        return SaveIndicator(before, comment)  # type: ignore[arg-type]


@dataclass
class SetIndicatorValues(Operation):
    """Enter measured values of one indicator: a value on a date that already has one replaces
    it, `remove` drops the values of those dates. Baseline and target stay as they are (a report
    never rebaselines). Undo restores the series as it was."""

    goal: str
    name: str
    values: list[IndicatorValue] = field(default_factory=list)
    remove: list[date] = field(default_factory=list)
    comment: str = ""
    default_comment: str = "Messwerte {goal}/{name}"

    def updated(self, portfolio: Portfolio) -> Indicator:
        current = _existing(portfolio, self.goal, self.name)
        by_date = {v.date: v for v in current.values}
        for day in self.remove:
            if day not in by_date:
                raise NotFoundError("indicator_value", f"{indicator_key(self.goal, self.name)}"
                                    f" {day.strftime('%d.%m.%Y')}")  # fmt: skip
            del by_date[day]
        for value in self.values:
            by_date[value.date] = value
        return dataclasses.replace(current, values=[by_date[d] for d in sorted(by_date)])

    def _check(self, portfolio: Portfolio) -> None:
        rules.check_indicator(portfolio, self.updated(portfolio))

    def _writes(self, portfolio: Portfolio):
        return [child_write("indicator", indicator_key(self.goal, self.name), self.goal)]

    def _before_of(self, portfolio: Portfolio) -> Indicator:
        return _existing(portfolio, self.goal, self.name)

    def _write(self, uow: UnitOfWork, portfolio: Portfolio) -> None:
        uow.save(self.updated(portfolio))

    def _inverse(self, before: object, comment: str) -> Operation:
        return SaveIndicator(before, comment)  # type: ignore[arg-type]


@dataclass
class DeleteIndicator(Operation):
    goal: str
    name: str
    comment: str = ""

    def _check(self, portfolio: Portfolio) -> None:
        _existing(portfolio, self.goal, self.name)

    def _writes(self, portfolio: Portfolio):
        return [child_write("indicator", indicator_key(self.goal, self.name), self.goal)]

    def _before_of(self, portfolio: Portfolio) -> Indicator | None:
        return find_indicator(portfolio, self.goal, self.name)

    def _write(self, uow: UnitOfWork, portfolio: Portfolio) -> None:
        uow.delete("indicator", {"goal": self.goal, "name": self.name})

    def _inverse(self, before: object, comment: str) -> Operation:
        return SaveIndicator(before, comment)  # type: ignore[arg-type]
