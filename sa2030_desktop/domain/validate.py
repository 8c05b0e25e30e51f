"""Integrity of a whole snapshot: every finding with its code and place, never just the first.

Used by imports (validate everything, then write in one transaction), by merge and by `check`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from sa2030_desktop.domain import graph as g
from sa2030_desktop.domain.errors import Issue
from sa2030_desktop.domain.model import Portfolio

# C0 controls except tab, LF, CR; lone surrogates; non-characters. Word and XML cannot hold them.
_BAD_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
MAX_TEXT = 100_000

PlaceOf = Callable[[str, str], dict[str, object]]


def bad_text(text: str | None) -> str | None:
    """The first character that cannot be stored, as U+XXXX, or None when the text is fine."""
    if not text:
        return None
    match = _BAD_TEXT.search(text)
    return f"U+{ord(match.group()):04X}" if match else None


def _no_place(_entity: str, _key: str) -> dict[str, object]:
    return {}


def validate(portfolio: Portfolio, place_of: PlaceOf = _no_place) -> list[Issue]:
    """Errors that make the snapshot unstorable: references, duplicates, cycles, text."""
    issues: list[Issue] = []

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
        if ms.actual and ms.actual > date.today():
            err("actual_in_future", "milestone", ms.key, value=ms.actual.isoformat())
        for name in ("title", "note"):
            text("milestone", ms.key, name, getattr(ms, name))
    pairs: set[tuple[str, str]] = set()
    usable = []
    for dep in portfolio.dependencies:
        key = f"{dep.dependent}>{dep.prerequisite}"
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
        for ms_key, owner in (
            (dep.prerequisite_milestone, dep.prerequisite),
            (dep.dependent_milestone, dep.dependent),
        ):
            if ms_key:
                ms = portfolio.milestones.get(ms_key)
                if ms is None:
                    err("unknown_milestone", "dependency", key, value=ms_key)
                elif ms.goal != owner:
                    err("milestone_not_of_goal", "dependency", key, value=ms_key, goal=owner)
        text("dependency", key, "rationale", dep.rationale)
        if ok:
            usable.append(dep)
    for ind in portfolio.indicators:
        if ind.goal not in portfolio.goals:
            err("unknown_goal", "indicator", f"{ind.goal}/{ind.name}", value=ind.goal)
        text("indicator", f"{ind.goal}/{ind.name}", "name", ind.name)
    if usable:
        graph = g.build_graph(Portfolio(goals=portfolio.goals, dependencies=usable))
        path = g.find_cycle_path(graph)
        if path:
            first = f"{path[0]}>{path[1]}"
            err("cycle", "dependency", first, path=path)
    return issues
