"""The values one goal shows in the table at a Stichtag, computed once per row.

`build_rows` makes every row of a snapshot in one pass over the milestones (next milestone and
slip per goal) with the ministries at the Stichtag looked up once per ministry, not per goal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sa2030_desktop.domain.dates import de_short
from sa2030_desktop.domain.ministries import ministry_at, partners_at
from sa2030_desktop.domain.model import STATUS_ORDER, Goal, Milestone, Portfolio, Status
from sa2030_desktop.domain.rules import milestone_order, slip_days
from sa2030_desktop.domain.selection import natural_key


@dataclass(slots=True)
class GoalRow:
    """One goal as the table shows it at the Stichtag, with its filter and sort values."""

    key: str
    title: str
    theme: str
    theme_name: str
    category: str
    lead: str
    partners: tuple[str, ...]
    status: Status
    next_date: date | None
    next_title: str
    slip: int
    haystack: str  # key, title, description – casefolded for the free-text filter
    texts: tuple[str, ...]  # display text per column
    sort_keys: tuple  # sort key per column


@lru_cache(maxsize=8192)
def _day_text(day: date | None) -> str:
    return de_short(day)


_STATUS_RANK = {status: rank for rank, status in enumerate(STATUS_ORDER)}


def milestone_summary(milestones: Iterable[Milestone]) -> dict[str, tuple[Milestone | None, int]]:
    """Goal key → (next open milestone, largest slip in days), in one pass over the milestones.

    The domain's `slip_days` and `milestone_order` (as `rules.next_milestone` and
    `rules.goal_slip_days`), without grouping and sorting the milestones of every goal first.
    """
    result: dict[str, tuple[Milestone | None, int]] = {}
    best: dict[str, tuple[date, str]] = {}
    for m in milestones:
        if m.actual is not None:
            continue
        goal = m.goal
        slip = slip_days(m)
        order = milestone_order(m)
        known = result.get(goal)
        if known is None:
            result[goal] = (m, slip)
            best[goal] = order
            continue
        nxt, most = known
        if order < best[goal]:
            nxt = m
            best[goal] = order
        result[goal] = (nxt, slip if slip > most else most)
    return result


class RowMaker:
    """Builds `GoalRow`s for one snapshot and Stichtag; ministries at the Stichtag are cached."""

    def __init__(self, portfolio: Portfolio, as_of: date) -> None:
        self.portfolio = portfolio
        self.as_of = as_of
        self._ministry: dict[str, str] = {}

    def ministry(self, code: str) -> str:
        now = self._ministry.get(code)
        if now is None:
            now = self._ministry[code] = ministry_at(self.portfolio, code, self.as_of)
        return now

    def row(self, goal: Goal, nxt: Milestone | None, slip: int) -> GoalRow:
        """Same values as `lead_at`, `partners_at`, `next_milestone`, `goal_slip_days`."""
        key = goal.key
        theme = self.portfolio.themes.get(goal.theme)
        theme_name = theme.name if theme else goal.theme
        lead = self.ministry(goal.lead)
        partners = tuple(partners_at(self.portfolio, goal, self.as_of, self.ministry))
        next_date = (nxt.forecast or nxt.baseline) if nxt else None
        partners_text = ", ".join(partners)
        title = goal.title
        texts = (
            key,
            title,
            theme_name,
            lead,
            partners_text,
            goal.status.label,
            _day_text(next_date),
            str(slip) if slip else "",
        )
        sort_keys = (
            natural_key(key),
            title.casefold(),
            (theme.sort if theme else 0, theme_name.casefold()),
            lead.casefold(),
            partners_text.casefold(),
            _STATUS_RANK[goal.status],
            next_date or date.max,
            slip,
        )
        return GoalRow(
            key,
            title,
            goal.theme,
            theme_name,
            theme.category if theme else "",
            lead,
            partners,
            goal.status,
            next_date,
            nxt.title if nxt else "",
            slip,
            f"{key}\n{title}\n{goal.description}".casefold(),
            texts,
            sort_keys,
        )


def build_rows(portfolio: Portfolio, as_of: date) -> list[GoalRow]:
    maker = RowMaker(portfolio, as_of)
    summary = milestone_summary(portfolio.milestones.values())
    none = (None, 0)
    make = maker.row
    return [make(goal, *summary.get(key, none)) for key, goal in portfolio.goals.items()]
