"""What-if: hypothetical forecast changes evaluated on a copy; nothing is ever written here."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from sa2030_desktop.domain import graph as g
from sa2030_desktop.domain.analysis import slipped_milestone_dict
from sa2030_desktop.domain.conflicts import Conflict, conflicts
from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.ministries import lead_at
from sa2030_desktop.domain.model import Portfolio, Status
from sa2030_desktop.domain.rules import slip_days, suggested_status
from sa2030_desktop.domain.selection import natural_key


@dataclass(slots=True)
class AffectedGoal:
    key: str
    lead: str
    path: list[str]  # flow order: changed goal ⇒ … ⇒ this goal
    via_milestone: str | None  # the changed milestone on the path's start
    finished: bool = False  # every milestone achieved: the shift no longer reaches it


@dataclass(slots=True)
class WhatIfSide:
    conflicts: list[Conflict]
    slipped: list[dict]
    suggested: dict[str, Status]


@dataclass(slots=True)
class WhatIfResult:
    changes: dict[str, tuple[date | None, date]]  # milestone → (old forecast, new forecast)
    before: WhatIfSide
    after: WhatIfSide
    affected: list[AffectedGoal]
    affected_ministries: list[str]

    @property
    def new_conflicts(self) -> list[Conflict]:
        old = {(c.dependent, c.prerequisite) for c in self.before.conflicts}
        return [c for c in self.after.conflicts if (c.dependent, c.prerequisite) not in old]

    @property
    def worsened_conflicts(self) -> list[tuple[Conflict, Conflict]]:
        """Conflicts that exist before and grow after (more days too late)."""
        old = {(c.dependent, c.prerequisite): c for c in self.before.conflicts}
        return [
            (old[(c.dependent, c.prerequisite)], c)
            for c in self.after.conflicts
            if (c.dependent, c.prerequisite) in old
            and c.days > old[(c.dependent, c.prerequisite)].days
        ]

    @property
    def changed_suggestions(self) -> dict[str, tuple[Status, Status]]:
        return {
            k: (self.before.suggested[k], s)
            for k, s in self.after.suggested.items()
            if self.before.suggested.get(k) is not s
        }


def apply_forecasts(portfolio: Portfolio, changes: dict[str, date]) -> Portfolio:
    """A copy of the snapshot with the given milestone forecasts; the original stays untouched."""
    milestones = dict(portfolio.milestones)
    for key, day in changes.items():
        if key not in milestones:
            raise DomainError("unknown_milestone", value=key)
        milestones[key] = dataclasses.replace(milestones[key], forecast=day)
    return dataclasses.replace(portfolio, milestones=milestones)


def _side(portfolio: Portfolio, as_of: date) -> WhatIfSide:
    slipped = sorted(
        (m for m in portfolio.milestones.values() if slip_days(m) > 0),
        key=lambda m: natural_key(m.key),
    )
    return WhatIfSide(
        conflicts=conflicts(portfolio),
        slipped=[slipped_milestone_dict(m) for m in slipped],
        suggested={
            k: suggested_status(portfolio, goal, as_of) for k, goal in portfolio.goals.items()
        },
    )


def evaluate(portfolio: Portfolio, changes: dict[str, date], as_of: date) -> WhatIfResult:
    after_portfolio = apply_forecasts(portfolio, changes)
    graph = g.build_graph(portfolio)
    affected: dict[str, AffectedGoal] = {}
    changed_goals: dict[str, str] = {}
    for ms_key in sorted(changes, key=natural_key):
        changed_goals.setdefault(portfolio.milestones[ms_key].goal, ms_key)
    # one breadth-first pass from all changed goals at once (linear in the graph): each
    # dependent gets a shortest path from the nearest changed goal (the first one on a tie)
    parents = g.explaining_parents(graph, list(changed_goals))
    paths: dict[str, list[str]] = {}
    for target in parents:
        path = g.path_from_parents(parents, set(changed_goals), target, paths)
        lead = lead_at(portfolio, portfolio.goals[target], as_of)
        milestones = portfolio.milestones_of(target)
        finished = bool(milestones) and all(m.actual for m in milestones)
        affected[target] = AffectedGoal(target, lead, path, changed_goals[path[0]], finished)
    ordered = [affected[k] for k in sorted(affected, key=natural_key)]
    return WhatIfResult(
        changes={k: (portfolio.milestones[k].forecast, d) for k, d in changes.items()},
        before=_side(portfolio, as_of),
        after=_side(after_portfolio, as_of),
        affected=ordered,
        affected_ministries=sorted({a.lead for a in ordered}),
    )


def whatif_dict(result: WhatIfResult) -> dict:
    def side(s: WhatIfSide) -> dict:
        return {
            "conflicts": [c.as_dict() for c in s.conflicts],
            "slipped_milestones": s.slipped,
            "suggested_status": {k: v.value for k, v in sorted(s.suggested.items())},
        }

    return {
        "changes": [
            {
                "milestone": k,
                "old_forecast": o.isoformat() if o else None,
                "new_forecast": n.isoformat(),
            }
            for k, (o, n) in result.changes.items()
        ],
        "before": side(result.before),
        "after": side(result.after),
        "new_conflicts": [c.as_dict() for c in result.new_conflicts],
        "worsened_conflicts": [
            {**a.as_dict(), "days_before": b.days} for b, a in result.worsened_conflicts
        ],
        "changed_suggested_status": {
            k: {"before": b.value, "after": a.value}
            for k, (b, a) in result.changed_suggestions.items()
        },
        "affected_goals": [
            {
                "key": a.key,
                "lead": a.lead,
                "path": a.path,
                "via_milestone": a.via_milestone,
                "finished": a.finished,
            }
            for a in result.affected
        ],
        "affected_ministries": result.affected_ministries,
    }
