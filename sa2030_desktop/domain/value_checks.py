"""Every value of a snapshot against domain/values.py, each finding with its entity, key and
place: keys, ministry codes, priorities, dates, numbers and text lengths."""

from __future__ import annotations

from collections.abc import Callable

from sa2030_desktop.domain import values as v
from sa2030_desktop.domain.entities import dependency_key, indicator_key
from sa2030_desktop.domain.errors import Issue
from sa2030_desktop.domain.model import Portfolio


def value_issues(
    portfolio: Portfolio,
    place_of: Callable[[str, str], dict[str, object]],
    only: set[tuple[str, str]] | None = None,
) -> list[Issue]:
    issues: list[Issue] = []

    def wanted(entity: str, key: str) -> bool:
        return only is None or (entity, key) in only

    def add(problem, entity: str, key: str, fieldname: str) -> None:
        if problem is not None:
            code, data = problem
            place = {"entity": entity, "key": key, **place_of(entity, key)}
            issues.append(Issue(code, place, {"field": fieldname, **data}))

    def texts(entity: str, key: str, obj: object, *names: str) -> None:
        for name in names:
            add(v.text_problem(getattr(obj, name)), entity, key, name)

    def dates(entity: str, key: str, obj: object, *names: str) -> None:
        for name in names:
            add(v.date_problem(getattr(obj, name)), entity, key, name)

    info = portfolio.info
    if only is None or ("portfolio", "") in only:
        add(v.date_problem(info.as_of), "portfolio", "", "as_of")
        texts("portfolio", "", info, "title", "issuing_office")
    for code, cat in portfolio.categories.items():
        if wanted("category", code):
            add(v.key_problem(code), "category", code, "code")
            texts("category", code, cat, "name")
    for code, theme in portfolio.themes.items():
        if wanted("theme", code):
            add(v.key_problem(code), "theme", code, "code")
            texts("theme", code, theme, "name")
    for code, ministry in portfolio.ministries.items():
        if wanted("ministry", code):
            add(v.ministry_code_problem(code), "ministry", code, "code")
            dates("ministry", code, ministry, "valid_from", "valid_until")
            texts("ministry", code, ministry, "name")
    for key, goal in portfolio.goals.items():
        if wanted("goal", key):
            add(v.key_problem(key), "goal", key, "key")
            add(v.priority_problem(goal.priority), "goal", key, "priority")
            texts("goal", key, goal, "title", "description", "status_reason")
    for key, ms in portfolio.milestones.items():
        if wanted("milestone", key):
            add(v.key_problem(key), "milestone", key, "key")
            dates("milestone", key, ms, "baseline", "forecast", "actual")
            texts("milestone", key, ms, "title", "note")
    for dep in portfolio.dependencies:
        key = dependency_key(dep.dependent, dep.prerequisite)
        if wanted("dependency", key):
            texts("dependency", key, dep, "rationale")
    for ind in portfolio.indicators:
        key = indicator_key(ind.goal, ind.name)
        if not wanted("indicator", key):
            continue
        dates("indicator", key, ind, "baseline_date", "target_date")
        texts("indicator", key, ind, "name", "unit")
        add(v.number_problem(ind.baseline), "indicator", key, "baseline")
        add(v.number_problem(ind.target), "indicator", key, "target")
        for value in ind.values:
            add(v.date_problem(value.date), "indicator", key, "values")
            add(v.number_problem(value.value), "indicator", key, "values")
    return issues
