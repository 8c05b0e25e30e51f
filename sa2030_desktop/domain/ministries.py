"""Ministries at an as-of date: renames and merges are followed through successors."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sa2030_desktop.domain.model import Goal, Portfolio


def ministry_at(portfolio: Portfolio, code: str, as_of: date) -> str:
    """The ministry that holds `code`'s responsibilities at `as_of`.

    A goal keeps the ministry it was assigned; after that ministry was closed (valid_until before
    as_of) its successor is responsible, transitively. Before the effective date the old ministry
    is shown, so reports keep their history.
    """
    seen = set()
    current = code
    while current not in seen:
        seen.add(current)
        ministry = portfolio.ministries.get(current)
        if ministry is None or ministry.valid_until is None or as_of <= ministry.valid_until:
            return current
        if not ministry.successor:
            return current
        current = ministry.successor
    return current


def lead_at(portfolio: Portfolio, goal: Goal, as_of: date) -> str:
    return ministry_at(portfolio, goal.lead, as_of)


def partners_at(
    portfolio: Portfolio, goal: Goal, as_of: date, ministry_of: Callable[[str], str] | None = None
) -> list[str]:
    """The co-ministries at `as_of`: followed to their successors, never the lead, each once.
    `ministry_of` may be a cached `ministry_at` (the goal table builds 10,000 rows at once)."""
    at = ministry_of or (lambda code: ministry_at(portfolio, code, as_of))
    lead = at(goal.lead)
    result: list[str] = []
    for code in goal.partners:
        now = at(code)
        if now != lead and now not in result:
            result.append(now)
    return result


def ministries_valid_at(portfolio: Portfolio, as_of: date) -> list[str]:
    return [code for code, m in portfolio.ministries.items() if m.valid_at(as_of)]
