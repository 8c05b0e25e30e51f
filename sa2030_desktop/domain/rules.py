"""Milestone and goal rules of DOMAIN.md: slip, late, overdue, suggested status, contradictions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sa2030_desktop.domain.model import Goal, Milestone, Portfolio, Status


def slip_days(ms: Milestone) -> int:
    """Days the open milestone's forecast lies after its baseline (0 when not slipped)."""
    if ms.actual is None and ms.forecast and ms.baseline and ms.forecast > ms.baseline:
        return (ms.forecast - ms.baseline).days
    return 0


def is_slipped(ms: Milestone) -> bool:
    return slip_days(ms) > 0


def is_late_achieved(ms: Milestone) -> bool:
    return ms.actual is not None and ms.baseline is not None and ms.actual > ms.baseline


def is_overdue(ms: Milestone, as_of: date) -> bool:
    return ms.actual is None and ms.forecast is not None and ms.forecast < as_of


def goal_slip_days(portfolio: Portfolio, goal_key: str) -> int:
    """The largest slip of the goal's open milestones (0 when none is slipped)."""
    return max((slip_days(m) for m in portfolio.milestones_of(goal_key)), default=0)


def is_goal_slipped(portfolio: Portfolio, goal_key: str) -> bool:
    return any(is_slipped(m) for m in portfolio.milestones_of(goal_key))


def milestone_order(ms: Milestone) -> tuple[date, str]:
    """Which open milestone comes next: earliest forecast (else baseline), then key."""
    return (ms.forecast or ms.baseline or date.max, ms.key)


def next_milestone(portfolio: Portfolio, goal_key: str) -> Milestone | None:
    """The open milestone with the earliest forecast (else baseline)."""
    open_ms = [m for m in portfolio.milestones_of(goal_key) if m.actual is None]
    if not open_ms:
        return None
    return min(open_ms, key=milestone_order)


def last_milestone(portfolio: Portfolio, goal_key: str) -> Milestone | None:
    """The goal's milestone with the latest date (actual, else forecast, else baseline)."""
    items = portfolio.milestones_of(goal_key)
    return items[-1] if items else None


def suggested_status(portfolio: Portfolio, goal: Goal, as_of: date) -> Status:
    milestones = portfolio.milestones_of(goal.key)
    if milestones and all(m.actual is not None for m in milestones):
        return Status.DONE
    if any(is_slipped(m) or is_overdue(m, as_of) for m in milestones):
        return Status.DELAYED
    if goal.status is Status.NOT_STARTED and not any(m.actual for m in milestones):
        return Status.NOT_STARTED
    return Status.ON_TRACK


@dataclass(slots=True, frozen=True)
class Contradiction:
    goal: str
    status: Status
    reason: str  # code: slipped_but_on_plan | done_but_open | delayed_without_slip | not_started_but_achieved


def contradiction(portfolio: Portfolio, goal: Goal, as_of: date) -> Contradiction | None:
    """Whether the stored status contradicts the facts (DOMAIN.md), with the reason code."""
    milestones = portfolio.milestones_of(goal.key)
    late = any(is_slipped(m) or is_overdue(m, as_of) for m in milestones)
    status = goal.status
    if status in (Status.ON_TRACK, Status.NOT_STARTED) and late:
        return Contradiction(goal.key, status, "slipped_but_on_plan")
    if status is Status.DONE and any(m.actual is None for m in milestones):
        return Contradiction(goal.key, status, "done_but_open")
    if status is Status.DELAYED and not late:
        return Contradiction(goal.key, status, "delayed_without_slip")
    if status is Status.NOT_STARTED and any(m.actual for m in milestones):
        return Contradiction(goal.key, status, "not_started_but_achieved")
    return None
