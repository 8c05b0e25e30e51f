"""Portfolio-wide figures at an as-of date: the content of `sa2030 stats` and the reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: networkx costs ~0.2 s at start (issue 3)
    import networkx as nx

from sa2030_desktop.domain import graph as g
from sa2030_desktop.domain.conflicts import Conflict, conflicts
from sa2030_desktop.domain.ministries import lead_at
from sa2030_desktop.domain.model import DependencyKind, Milestone, Portfolio, Status
from sa2030_desktop.domain.rules import (
    Contradiction,
    contradiction,
    is_late_achieved,
    is_overdue,
    slip_days,
    suggested_status,
)
from sa2030_desktop.domain.selection import natural_key


def slipped_milestone_dict(ms: Milestone) -> dict:
    return {
        "key": ms.key,
        "goal": ms.goal,
        "title": ms.title,
        "baseline": ms.baseline.isoformat() if ms.baseline else None,
        "forecast": ms.forecast.isoformat() if ms.forecast else None,
        "slip_days": slip_days(ms),
    }


@dataclass(slots=True)
class Analysis:
    """Everything the overview, the stats command and the briefings show, computed once."""

    as_of: date
    portfolio: Portfolio
    status_counts: dict[str, int]
    by_category: dict[str, dict[str, int]]
    by_lead: dict[str, dict[str, int]]
    slipped_milestones: list[Milestone]
    late_achieved: list[Milestone]
    overdue: list[Milestone]
    slipped_goals: list[str]
    conflicts: list[Conflict]
    contradictions: list[Contradiction]
    suggested: dict[str, Status]
    leads: dict[str, str]
    cross_ministry: int
    deps_by_kind: dict[str, int]
    longest: list[str] = field(default_factory=list)
    _graph: nx.DiGraph | None = None

    @property
    def graph(self) -> nx.DiGraph:
        """The networkx graph, built when first asked for: stats, check and goal never ask,
        and so never import networkx."""
        if self._graph is None:
            self._graph = g.build_graph(self.portfolio)
        return self._graph

    @property
    def in_progress(self) -> int:
        """„in Umsetzung“ = im Plan + verzögert + gefährdet."""
        c = self.status_counts
        return c["on_track"] + c["delayed"] + c["at_risk"]


def _count_row() -> dict[str, int]:
    return {"total": 0, **{s.value: 0 for s in Status}}


def analyse(portfolio: Portfolio, as_of: date) -> Analysis:
    status_counts = {s.value: 0 for s in Status}
    by_category: dict[str, dict[str, int]] = {c: _count_row() for c in portfolio.categories}
    by_lead: dict[str, dict[str, int]] = {}
    leads: dict[str, str] = {}
    suggested: dict[str, Status] = {}
    contradictions: list[Contradiction] = []
    for key in sorted(portfolio.goals, key=natural_key):
        goal = portfolio.goals[key]
        status = goal.status.value
        status_counts[status] += 1
        cat = portfolio.category_of(goal)
        row = by_category.setdefault(cat, _count_row())
        row["total"] += 1
        row[status] += 1
        lead = lead_at(portfolio, goal, as_of)
        leads[key] = lead
        row = by_lead.setdefault(lead, _count_row())
        row["total"] += 1
        row[status] += 1
        suggested[key] = suggested_status(portfolio, goal, as_of)
        found = contradiction(portfolio, goal, as_of)
        if found:
            contradictions.append(found)
    ms_sorted = sorted(portfolio.milestones.values(), key=lambda m: natural_key(m.key))
    slipped = sorted(
        (m for m in ms_sorted if slip_days(m) > 0),
        key=lambda m: (-slip_days(m), natural_key(m.key)),
    )
    slipped_goals = sorted({m.goal for m in slipped}, key=natural_key)
    deps_by_kind = {k.value: 0 for k in DependencyKind}
    cross = 0
    for dep in portfolio.dependencies:
        deps_by_kind[dep.kind.value] += 1
        if leads.get(dep.dependent) != leads.get(dep.prerequisite):
            cross += 1
    return Analysis(
        as_of=as_of,
        portfolio=portfolio,
        status_counts=status_counts,
        by_category=by_category,
        by_lead=dict(sorted(by_lead.items())),
        slipped_milestones=slipped,
        late_achieved=[m for m in ms_sorted if is_late_achieved(m)],
        overdue=[m for m in ms_sorted if is_overdue(m, as_of)],
        slipped_goals=slipped_goals,
        conflicts=conflicts(portfolio),
        contradictions=contradictions,
        suggested=suggested,
        leads=leads,
        cross_ministry=cross,
        deps_by_kind=deps_by_kind,
        longest=g.longest_chain_of(portfolio),
    )


def stats_dict(portfolio: Portfolio, analysis: Analysis) -> dict:
    """The `stats --json` document of EXCHANGE.md."""
    a = analysis
    return {
        "as_of": a.as_of.isoformat(),
        "title": portfolio.info.title,
        "demo": portfolio.info.demo,
        "goals": len(portfolio.goals),
        "milestones": len(portfolio.milestones),
        "dependencies": len(portfolio.dependencies),
        "indicators": len(portfolio.indicators),
        "dependencies_by_kind": a.deps_by_kind,
        "cross_ministry_dependencies": a.cross_ministry,
        "status": a.status_counts,
        "in_progress": a.in_progress,
        "by_category": a.by_category,
        "by_lead_ministry": a.by_lead,
        "slipped_goals": a.slipped_goals,
        "slipped_milestones": [slipped_milestone_dict(m) for m in a.slipped_milestones],
        "late_achieved_milestones": [m.key for m in a.late_achieved],
        "overdue_milestones": [m.key for m in a.overdue],
        "conflicts": [c.as_dict() for c in a.conflicts],
        "contradictions": [
            {"goal": c.goal, "status": c.status.value, "reason": c.reason} for c in a.contradictions
        ],
        "longest_chain": {"length": max(len(a.longest) - 1, 0), "path": a.longest},
    }
