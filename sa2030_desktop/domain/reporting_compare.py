"""Comparison of two states (REPORTING.md „Comparison“): an earlier closed round with a later
closed round or with the current portfolio. Pure; the same two states give the same result."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sa2030_desktop.domain.conflicts import conflicts
from sa2030_desktop.domain.entities import dependency_key
from sa2030_desktop.domain.indicators import assess, latest_value
from sa2030_desktop.domain.model import Indicator, Portfolio, Status
from sa2030_desktop.domain.selection import natural_key

# Rank for better/worse: a higher rank is worse.
RANK = {Status.DONE: 0, Status.ON_TRACK: 1, Status.NOT_STARTED: 1, Status.DELAYED: 2,
        Status.AT_RISK: 3}  # fmt: skip


@dataclass(slots=True)
class IndicatorChange:
    goal: str
    name: str
    unit: str
    value_from: float | None
    value_to: float | None
    assessment_from: str
    assessment_to: str


@dataclass(slots=True)
class Comparison:
    from_key: str
    to_key: str
    from_as_of: date
    to_as_of: date
    transitions: dict[str, int] = field(default_factory=dict)  # "on_track>delayed": n
    status_from: dict[str, Status] = field(default_factory=dict)  # goals present in both
    status_to: dict[str, Status] = field(default_factory=dict)
    worsened: list[str] = field(default_factory=list)
    improved: list[str] = field(default_factory=list)
    new_goals: list[str] = field(default_factory=list)
    removed_goals: list[str] = field(default_factory=list)
    achieved_milestones: list[str] = field(default_factory=list)
    shifted_milestones: list[tuple[str, int]] = field(default_factory=list)  # (key, days)
    new_conflicts: list[str] = field(default_factory=list)
    resolved_conflicts: list[str] = field(default_factory=list)
    indicators: list[IndicatorChange] = field(default_factory=list)

    def as_dict(self) -> dict:
        """The `round compare --json` document (REPORTING.md)."""
        return {
            "from": self.from_key,
            "to": self.to_key,
            "from_as_of": self.from_as_of.isoformat(),
            "to_as_of": self.to_as_of.isoformat(),
            "transitions": dict(self.transitions),
            "worsened": list(self.worsened),
            "improved": list(self.improved),
            "new_goals": list(self.new_goals),
            "removed_goals": list(self.removed_goals),
            "achieved_milestones": list(self.achieved_milestones),
            "shifted_milestones": [{"key": k, "days": d} for k, d in self.shifted_milestones],
            "new_conflicts": list(self.new_conflicts),
            "resolved_conflicts": list(self.resolved_conflicts),
            "indicators": [
                {
                    "goal": i.goal,
                    "name": i.name,
                    "unit": i.unit,
                    "from": i.value_from,
                    "to": i.value_to,
                    "assessment_from": i.assessment_from,
                    "assessment_to": i.assessment_to,
                }  # fmt: skip
                for i in self.indicators
            ],
        }


def _sorted(keys) -> list[str]:
    return sorted(keys, key=natural_key)


def _conflict_keys(portfolio: Portfolio) -> set[str]:
    return {dependency_key(c.dependent, c.prerequisite) for c in conflicts(portfolio)}


def _latest(ind: Indicator, as_of: date) -> float | None:
    value = latest_value(ind, as_of)
    return None if value is None else value.value


def compare(
    earlier: Portfolio, from_key: str, from_as_of: date,
    later: Portfolio, to_key: str, to_as_of: date,
) -> Comparison:  # fmt: skip
    """Compare two states (each at its as-of date); indicators with the assessment of
    domain/indicators.py at each side's as-of date."""
    result = Comparison(from_key, to_key, from_as_of, to_as_of)
    both = [k for k in earlier.goals if k in later.goals]
    counts: Counter = Counter()
    for key in _sorted(both):
        old, new = earlier.goals[key].status, later.goals[key].status
        result.status_from[key], result.status_to[key] = old, new
        counts[">".join((old.value, new.value))] += 1  # "on_track>delayed"
        if RANK[new] > RANK[old]:
            result.worsened.append(key)
        elif RANK[new] < RANK[old]:
            result.improved.append(key)
    result.transitions = dict(sorted(counts.items()))
    result.new_goals = _sorted(k for k in later.goals if k not in earlier.goals)
    result.removed_goals = _sorted(k for k in earlier.goals if k not in later.goals)
    for key, ms in later.milestones.items():
        if ms.actual and from_as_of < ms.actual <= to_as_of:
            result.achieved_milestones.append(key)
    result.achieved_milestones = _sorted(result.achieved_milestones)
    shifted = []
    for key, ms in later.milestones.items():
        before = earlier.milestones.get(key)
        if before is None:
            continue
        old_day, new_day = before.actual or before.forecast, ms.actual or ms.forecast
        if old_day and new_day and new_day > old_day:
            shifted.append((key, (new_day - old_day).days))
    result.shifted_milestones = sorted(shifted, key=lambda s: natural_key(s[0]))
    old_conflicts, new_conflicts = _conflict_keys(earlier), _conflict_keys(later)
    result.new_conflicts = _sorted(new_conflicts - old_conflicts)
    result.resolved_conflicts = _sorted(old_conflicts - new_conflicts)
    result.indicators = _indicators(earlier, from_as_of, later, to_as_of)
    return result


def _indicators(earlier: Portfolio, from_as_of: date, later: Portfolio,
                to_as_of: date) -> list[IndicatorChange]:  # fmt: skip
    old = {(i.goal, i.name): i for i in earlier.indicators}
    new = {(i.goal, i.name): i for i in later.indicators}
    out = []
    for goal, name in sorted(old.keys() | new.keys(), key=lambda k: (natural_key(k[0]), k[1])):
        a, b = old.get((goal, name)), new.get((goal, name))
        out.append(IndicatorChange(
            goal, name, (b or a).unit,  # type: ignore[union-attr]
            _latest(a, from_as_of) if a else None,
            _latest(b, to_as_of) if b else None,
            assess(a, from_as_of).assessment.value if a else "",
            assess(b, to_as_of).assessment.value if b else "",
        ))  # fmt: skip
    return out
