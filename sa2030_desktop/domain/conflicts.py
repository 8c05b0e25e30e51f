"""Date conflicts (Terminkonflikt) on hard dependencies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sa2030_desktop.domain.model import Dependency, DependencyKind, Portfolio
from sa2030_desktop.domain.rules import last_milestone


@dataclass(slots=True, frozen=True)
class Conflict:
    dependent: str
    prerequisite: str
    prerequisite_milestone: str | None  # as named on the dependency (None: whole goal)
    dependent_milestone: str | None
    needed: date
    waiting: date
    needed_milestone: str | None  # the milestone whose date was used
    waiting_milestone: str | None

    @property
    def days(self) -> int:
        return (self.needed - self.waiting).days

    def as_dict(self) -> dict:
        return {
            "dependent": self.dependent,
            "prerequisite": self.prerequisite,
            "prerequisite_milestone": self.prerequisite_milestone,
            "dependent_milestone": self.dependent_milestone,
            "needed": self.needed.isoformat(),
            "waiting": self.waiting.isoformat(),
            "needed_milestone": self.needed_milestone,
            "waiting_milestone": self.waiting_milestone,
            "days": self.days,
        }


def waiting_date(portfolio: Portfolio, dep: Dependency) -> tuple[date | None, str | None]:
    """Forecast of the dependent milestone, else of the dependent goal's last milestone."""
    ms = portfolio.milestones.get(dep.dependent_milestone) if dep.dependent_milestone else None
    if ms is None:
        ms = last_milestone(portfolio, dep.dependent)
    if ms is None:
        return None, None
    return (ms.forecast or ms.baseline), ms.key


def needed_date(portfolio: Portfolio, dep: Dependency) -> tuple[date | None, str | None]:
    """Actual (else forecast) of the prerequisite milestone, else of the goal's last milestone."""
    ms = (
        portfolio.milestones.get(dep.prerequisite_milestone) if dep.prerequisite_milestone else None
    )
    if ms is None:
        ms = last_milestone(portfolio, dep.prerequisite)
    if ms is None:
        return None, None
    return (ms.actual or ms.forecast or ms.baseline), ms.key


def conflict_of(portfolio: Portfolio, dep: Dependency) -> Conflict | None:
    if dep.kind is not DependencyKind.HARD:
        return None
    needed, needed_ms = needed_date(portfolio, dep)
    waiting, waiting_ms = waiting_date(portfolio, dep)
    if needed is None or waiting is None or needed <= waiting:
        return None
    return Conflict(
        dep.dependent,
        dep.prerequisite,
        dep.prerequisite_milestone,
        dep.dependent_milestone,
        needed,
        waiting,
        needed_ms,
        waiting_ms,
    )


def conflicts(portfolio: Portfolio) -> list[Conflict]:
    found = [c for d in portfolio.dependencies if (c := conflict_of(portfolio, d))]
    found.sort(key=lambda c: (c.dependent, c.prerequisite))
    return found
