"""The frozen state (Berichtsstand) of a closed round: the portfolio as at the round's as-of
date with what each ministry reported. Pure: built from snapshots, stored by services as one
JSON text that later edits, renames or deletions never touch."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date

from sa2030_desktop.domain.indicators import values_until
from sa2030_desktop.domain.ministries import lead_at, partners_at
from sa2030_desktop.domain.model import Portfolio
from sa2030_desktop.domain.reporting import MISSING, Report, ReportingRound


@dataclass(slots=True)
class FrozenReport:
    """What the frozen state keeps of one report; `no_report` marks „keine Meldung“."""

    goal: str
    ministry: str
    state: str
    progress: str = ""
    remark: str = ""  # internal: never in the public report
    review_comment: str = ""  # internal
    submitted_by: str = ""
    submitted_at: str = ""

    @property
    def no_report(self) -> bool:
        return self.state in {s.value for s in MISSING}


@dataclass(slots=True)
class Frozen:
    round: ReportingRound
    portfolio: Portfolio
    reports: dict[str, FrozenReport] = field(default_factory=dict)

    @property
    def as_of(self) -> date:
        return self.round.as_of

    def in_scope(self) -> list[str]:
        """The goals the round asked about that the frozen portfolio holds (sorted as stored)."""
        return [g for g in self.reports if g in self.portfolio.goals]


def freeze(portfolio: Portfolio, rnd: ReportingRound, reports: list[Report]) -> Frozen:
    """The portfolio as at `rnd.as_of`: leads and co-ministries valid then, milestones without
    achievements after it, indicator values measured on or before it, the ministries valid then
    (and any a goal still names); goals without an answer marked „keine Meldung“."""
    day = rnd.as_of
    goals = {}
    for key, goal in portfolio.goals.items():
        goals[key] = dataclasses.replace(
            goal, lead=lead_at(portfolio, goal, day), partners=partners_at(portfolio, goal, day),
            tags=list(goal.tags), created="", updated="",
        )  # fmt: skip
    named = {g.lead for g in goals.values()} | {p for g in goals.values() for p in g.partners}
    ministries = {
        code: dataclasses.replace(m, successor=None)
        for code, m in portfolio.ministries.items()
        if m.valid_at(day) or code in named
    }
    milestones = {
        key: dataclasses.replace(ms, actual=ms.actual if ms.actual and ms.actual <= day else None)
        for key, ms in portfolio.milestones.items()
    }
    indicators = [
        dataclasses.replace(ind, values=[dataclasses.replace(v) for v in values_until(ind, day)])
        for ind in portfolio.indicators
    ]
    info = dataclasses.replace(portfolio.info, as_of=day, lineage="")
    frozen_portfolio = Portfolio(
        info, dict(portfolio.categories), dict(portfolio.themes), ministries, goals, milestones,
        [dataclasses.replace(d) for d in portfolio.dependencies], indicators,
    )  # fmt: skip
    frozen_reports = {
        r.goal: FrozenReport(
            r.goal,
            r.ministry,
            r.state.value,
            r.progress,
            r.remark,
            r.review_comment,
            r.submitted_by,
            r.submitted_at,
        )  # fmt: skip
        for r in sorted(reports, key=lambda r: r.goal)
    }
    return Frozen(rnd, frozen_portfolio, frozen_reports)
