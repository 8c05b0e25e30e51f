"""Integrity of a whole snapshot: every finding with its code and place, never just the first.

Used by imports (validate everything, then write in one transaction), by merge and by `check`.
"""

from __future__ import annotations

from collections.abc import Callable

from sa2030_desktop.domain import graph as g
from sa2030_desktop.domain.entities import dependency_key, indicator_key
from sa2030_desktop.domain.errors import Issue
from sa2030_desktop.domain.model import Portfolio

# the rules themselves live in preconditions; bad_text is used by persistence too
from sa2030_desktop.domain.preconditions import (  # noqa: F401 - MAX_TEXT re-exported
    MAX_TEXT,
    bad_text,
    future_actual,
    indicator_problems,
    milestone_ref_problems,
)
from sa2030_desktop.domain.value_checks import value_issues

PlaceOf = Callable[[str, str], dict[str, object]]
Checked = set[tuple[str, str]]


def _no_place(_entity: str, _key: str) -> dict[str, object]:
    return {}


def validate(
    portfolio: Portfolio, place_of: PlaceOf = _no_place, values_of: Checked | None = None
) -> list[Issue]:
    """Errors that make the snapshot unstorable: references, duplicates, cycles, text, and
    values outside the model (domain/values.py) – of every record, or with `values_of` only of
    the records it names (an import judges its own values, not those already stored)."""
    issues: list[Issue] = []
    if values_of is None or values_of:
        issues.extend(value_issues(portfolio, place_of, values_of))

    def err(code: str, entity: str, key: str, **data: object) -> None:
        issues.append(Issue(code, {"entity": entity, "key": key, **place_of(entity, key)}, data))

    def text(entity: str, key: str, fieldname: str, value: str | None) -> None:
        bad = bad_text(value)
        if bad:
            err("bad_text", entity, key, field=fieldname, char=bad)

    for theme in portfolio.themes.values():
        if theme.category not in portfolio.categories:
            err("unknown_category", "theme", theme.code, value=theme.category)
        text("theme", theme.code, "name", theme.name)
    for ministry in portfolio.ministries.values():
        if ministry.successor and ministry.successor not in portfolio.ministries:
            err("unknown_ministry", "ministry", ministry.code, value=ministry.successor)
        text("ministry", ministry.code, "name", ministry.name)
    for goal in portfolio.goals.values():
        if not goal.title.strip():
            err("empty_title", "goal", goal.key)
        if goal.theme not in portfolio.themes:
            err("unknown_theme", "goal", goal.key, value=goal.theme)
        if goal.lead not in portfolio.ministries:
            err("unknown_ministry", "goal", goal.key, value=goal.lead)
        seen: set[str] = set()
        for partner in goal.partners:
            if partner not in portfolio.ministries:
                err("unknown_ministry", "goal", goal.key, value=partner)
            elif partner == goal.lead:
                err("partner_is_lead", "goal", goal.key, value=partner)
            elif partner in seen:
                err("duplicate_partner", "goal", goal.key, value=partner)
            seen.add(partner)
        for name in ("title", "description", "status_reason"):
            text("goal", goal.key, name, getattr(goal, name))
    for ms in portfolio.milestones.values():
        if ms.goal not in portfolio.goals:
            err("unknown_goal", "milestone", ms.key, value=ms.goal)
        if not ms.title.strip():
            err("empty_title", "milestone", ms.key)
        if future_actual(ms.actual):
            err("actual_in_future", "milestone", ms.key, value=future_actual(ms.actual))
        for name in ("title", "note"):
            text("milestone", ms.key, name, getattr(ms, name))
    pairs: set[tuple[str, str]] = set()
    usable = []
    for dep in portfolio.dependencies:
        key = dependency_key(dep.dependent, dep.prerequisite)
        ok = True
        for goal_key in (dep.dependent, dep.prerequisite):
            if goal_key not in portfolio.goals:
                err("unknown_goal", "dependency", key, value=goal_key)
                ok = False
        if dep.dependent == dep.prerequisite:
            err("self_dependency", "dependency", key, value=dep.dependent)
            ok = False
        if dep.pair in pairs:
            err("duplicate_dependency", "dependency", key)
            ok = False
        pairs.add(dep.pair)
        for code, data in milestone_ref_problems(portfolio, dep):
            err(code, "dependency", key, **data)
        text("dependency", key, "rationale", dep.rationale)
        if ok:
            usable.append(dep)
    for ind in portfolio.indicators:
        if ind.goal not in portfolio.goals:
            err("unknown_goal", "indicator", indicator_key(ind.goal, ind.name), value=ind.goal)
        ind_key = indicator_key(ind.goal, ind.name)
        text("indicator", ind_key, "name", ind.name)
        text("indicator", ind_key, "unit", ind.unit)
        for value in ind.values:
            text("indicator", ind_key, "source", value.source)
        for code, data in indicator_problems(ind):
            err(code, "indicator", ind_key, **data)
    usable_part = Portfolio(goals=portfolio.goals, dependencies=usable)
    if usable and not g.is_acyclic(usable_part):  # networkx only to name the cycle
        for path in g.find_cycle_paths(g.build_graph(usable_part)):
            path = _from_placed_edge(path, place_of)
            err("cycle", "dependency", dependency_key(path[0], path[1]), path=path)
    return issues


def _from_placed_edge(path: list[str], place_of: PlaceOf) -> list[str]:
    """The cycle started at its first dependency that has a place (a row of the file being
    imported), so the error points at a line the user can change, not at a stored one."""
    for i in range(len(path) - 1):
        if place_of("dependency", dependency_key(path[i], path[i + 1])):
            return path[i:-1] + path[: i + 1]
    return path
