"""One selection (filter) shared by table, graph, timeline, stats, exports and briefings."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date

from sa2030_desktop.domain.errors import DomainError, NotFoundError
from sa2030_desktop.domain.ministries import lead_at, partners_at
from sa2030_desktop.domain.model import Goal, Portfolio, Status
from sa2030_desktop.domain.rules import is_goal_slipped


@dataclass(slots=True)
class Selection:
    category: str | None = None
    theme: str | None = None
    ministry: str | None = None
    involved: bool = False
    status: Status | None = None
    only_slipped: bool = False
    goal: str | None = None
    text: str = ""

    @property
    def is_empty(self) -> bool:
        return not any(
            (self.category, self.theme, self.ministry, self.status, self.only_slipped,
             self.goal, self.text)
        )  # fmt: skip

    def check_codes(self, portfolio: Portfolio) -> None:
        """Unknown codes are refused by name instead of silently selecting nothing."""
        if self.category and self.category not in portfolio.categories:
            raise DomainError("unknown_category", value=self.category)
        if self.theme and self.theme not in portfolio.themes:
            raise DomainError("unknown_theme", value=self.theme)
        if self.ministry and self.ministry not in portfolio.ministries:
            raise DomainError("unknown_ministry", value=self.ministry)
        if self.goal and self.goal not in portfolio.goals:
            raise NotFoundError("goal", self.goal)

    def matches(self, portfolio: Portfolio, goal: Goal, as_of: date) -> bool:
        if self.goal and goal.key != self.goal:
            return False
        if self.theme and goal.theme != self.theme:
            return False
        if self.category and portfolio.category_of(goal) != self.category:
            return False
        if self.status and goal.status is not self.status:
            return False
        if self.ministry:
            lead = lead_at(portfolio, goal, as_of)
            if lead != self.ministry and not (
                self.involved and self.ministry in partners_at(portfolio, goal, as_of)
            ):
                return False
        if self.text:
            needle = self.text.casefold()
            hay = f"{goal.key}\n{goal.title}\n{goal.description}".casefold()
            if needle not in hay:
                return False
        return not (self.only_slipped and not is_goal_slipped(portfolio, goal.key))

    def apply(self, portfolio: Portfolio, as_of: date) -> list[str]:
        """Keys of the selected goals, in key order."""
        return sorted(
            (k for k, g in portfolio.goals.items() if self.matches(portfolio, g, as_of)),
            key=natural_key,
        )


@functools.lru_cache(maxsize=65536)
def natural_key(text: str) -> tuple:
    """Z2 before Z10: digits compare as numbers."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text))


def restrict(portfolio: Portfolio, keys: set[str]) -> Portfolio:
    """A snapshot holding only the goals in `keys` and what hangs on them."""
    deps = [d for d in portfolio.dependencies if d.dependent in keys and d.prerequisite in keys]
    return _slice(portfolio, keys, deps, keys)


def export_slice(portfolio: Portfolio, keys: set[str]) -> Portfolio:
    """What an export of the selected goals carries: the goals, every dependency that touches
    one of them (also across ministries), and the goals at the other end as context, so the
    file is complete in itself and imports anywhere."""
    deps = [d for d in portfolio.dependencies if d.dependent in keys or d.prerequisite in keys]
    context = {k for d in deps for k in d.pair}
    wanted = keys | context
    return _slice(portfolio, wanted, deps, keys)


def _slice(
    portfolio: Portfolio, goals: set[str], deps: list, indicator_goals: set[str]
) -> Portfolio:
    """The reference data, the goals in `goals` with their milestones, `deps`, and the
    indicators of the goals in `indicator_goals`."""
    return Portfolio(
        info=portfolio.info,
        categories=portfolio.categories,
        themes=portfolio.themes,
        ministries=portfolio.ministries,
        goals={k: g for k, g in portfolio.goals.items() if k in goals},
        milestones={k: m for k, m in portfolio.milestones.items() if m.goal in goals},
        dependencies=deps,
        indicators=[i for i in portfolio.indicators if i.goal in indicator_goals],
    )
