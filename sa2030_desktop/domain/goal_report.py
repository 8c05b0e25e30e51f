"""One goal at an as-of date: what `sa2030 goal` and the goal detail show."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: networkx costs ~0.2 s at start (issue 3)
    import networkx as nx

from sa2030_desktop.domain import graph as g
from sa2030_desktop.domain.conflicts import conflict_of
from sa2030_desktop.domain.errors import NotFoundError
from sa2030_desktop.domain.ministries import lead_at, partners_at
from sa2030_desktop.domain.model import Portfolio
from sa2030_desktop.domain.rules import (
    contradiction,
    is_late_achieved,
    is_overdue,
    slip_days,
    suggested_status,
)
from sa2030_desktop.domain.selection import natural_key
from sa2030_desktop.domain.values import normalise_key


def goal_dict(portfolio: Portfolio, key: str, as_of: date, graph: nx.DiGraph | None = None) -> dict:
    goal = portfolio.goals.get(key) or portfolio.goals.get(normalise_key(key))
    if goal is None:
        raise NotFoundError("goal", key)
    key = goal.key
    direct_pre = sorted(
        (d for d in portfolio.dependencies if d.dependent == key),
        key=lambda d: natural_key(d.prerequisite),
    )
    direct_dep = sorted(
        (d for d in portfolio.dependencies if d.prerequisite == key),
        key=lambda d: natural_key(d.dependent),
    )
    found_conflicts = [
        c.as_dict() for d in direct_pre + direct_dep if (c := conflict_of(portfolio, d)) is not None
    ]
    found = contradiction(portfolio, goal, as_of)
    theme = portfolio.themes.get(goal.theme)
    return {
        "key": goal.key,
        "title": goal.title,
        "description": goal.description,
        "theme": goal.theme,
        "category": theme.category if theme else None,
        "lead": lead_at(portfolio, goal, as_of),
        "partners": partners_at(portfolio, goal, as_of),
        "status": goal.status.value,
        "status_reason": goal.status_reason,
        "suggested_status": suggested_status(portfolio, goal, as_of).value,
        "contradiction": found.reason if found else None,
        "as_of": as_of.isoformat(),
        "milestones": [
            {
                "key": m.key,
                "title": m.title,
                "baseline": m.baseline.isoformat() if m.baseline else None,
                "forecast": m.forecast.isoformat() if m.forecast else None,
                "actual": m.actual.isoformat() if m.actual else None,
                "slip_days": slip_days(m),
                "late_achieved": is_late_achieved(m),
                "overdue": is_overdue(m, as_of),
                "note": m.note,
            }
            for m in portfolio.milestones_of(key)
        ],
        "predecessors": sorted(_closure(portfolio, graph, key, True), key=natural_key),
        "dependents": sorted(_closure(portfolio, graph, key, False), key=natural_key),
        "direct_predecessors": [
            {
                "key": d.prerequisite,
                "kind": d.kind.value,
                "prerequisite_milestone": d.prerequisite_milestone,
                "dependent_milestone": d.dependent_milestone,
                "rationale": d.rationale,
            }
            for d in direct_pre
        ],
        "direct_dependents": [
            {
                "key": d.dependent,
                "kind": d.kind.value,
                "prerequisite_milestone": d.prerequisite_milestone,
                "dependent_milestone": d.dependent_milestone,
                "rationale": d.rationale,
            }
            for d in direct_dep
        ],
        "conflicts": found_conflicts,
    }


def _closure(portfolio: Portfolio, graph: nx.DiGraph | None, key: str, upstream: bool) -> set[str]:
    if graph is None:  # `sa2030 goal`: no networkx needed for two closures
        return g.closure(portfolio, key, upstream)
    return g.predecessors(graph, key) if upstream else g.dependents(graph, key)
