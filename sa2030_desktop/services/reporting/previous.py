"""What the review queue shows of one report: the reported values beside the values before
(REPORTING.md „review queue: reported vs. previous values side by side“).

„Vorher“ is the goal as it stood before this round's reports changed it: the old values the
change log recorded with the round's key (the first such entry per field), else the current
value; an indicator's value before is its latest value not reported in this round; the
Sachstand before is the one of the latest closed round before this one (if any).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sa2030_desktop.domain import reporting as rr
from sa2030_desktop.domain.dates import parse_date
from sa2030_desktop.domain.model import Status
from sa2030_desktop.persistence import reporting_repository as repo
from sa2030_desktop.persistence.store import Store

Dates = tuple[date | None, date | None]  # (forecast, actual)


@dataclass(slots=True)
class Side:
    """One column of the side-by-side view."""

    status: Status | None = None
    status_reason: str = ""
    progress: str = ""
    milestones: dict[str, Dates] = field(default_factory=dict)
    values: dict[str, tuple[float, date] | None] = field(default_factory=dict)


@dataclass(slots=True)
class ReviewPair:
    report: rr.Report
    title: str
    before: Side
    reported: Side
    previous_round: str = ""  # the closed round the Sachstand before comes from


def review_pair(store: Store, round_key: str, goal: str) -> ReviewPair:
    """The report of `goal` in `round_key` beside the values before the round's reports."""
    portfolio = store.snapshot()
    with store.engine.connect() as conn:
        rounds = repo.load_rounds(conn)
        rnd = rr.existing_round(rounds, round_key)
        found = repo.load_reports(conn, round_key, goal)
        previous = _previous_closed(rounds, rnd)
        answered_before = repo.load_reports(conn, previous, goal) if previous else []
    if not found:
        raise rr.DomainError("report_not_in_round", key=goal, round=round_key)
    report = found[0]
    current = portfolio.goals.get(goal)
    old = _logged_old_values(store, round_key, goal)
    before = Side()
    if current is not None:
        before.status = Status(old.get(("goal", goal, "status"), current.status.value))
        before.status_reason = old.get(("goal", goal, "status_reason"), current.status_reason)
    milestones = sorted((m for m in portfolio.milestones.values() if m.goal == goal),
                        key=lambda m: m.key)  # fmt: skip
    reported = Side(report.status, report.status_reason, report.progress)
    given = report.state is not rr.ReportState.PENDING
    for ms in milestones:
        forecast = _day(old, ("milestone", ms.key, "forecast"), ms.forecast)
        actual = _day(old, ("milestone", ms.key, "actual"), ms.actual)
        before.milestones[ms.key] = (forecast, actual)
        reported.milestones[ms.key] = (report.forecasts.get(ms.key, forecast if given
                                       else None), report.actuals.get(ms.key, actual
                                       if given else None))  # fmt: skip
    source = f"Meldung {round_key}"
    for ind in sorted((i for i in portfolio.indicators if i.goal == goal), key=lambda i: i.name):
        earlier = [v for v in ind.values if v.source != source]
        before.values[ind.name] = (earlier[-1].value, earlier[-1].date) if earlier else None
        reported.values[ind.name] = report.values.get(ind.name)
    if answered_before:  # a closed round's reports never change: its Sachstand as frozen
        before.progress = answered_before[0].progress
    title = current.title if current else ""
    return ReviewPair(report, title, before, reported, previous)


def _day(old: dict, key: tuple, current: date | None) -> date | None:
    return parse_date(old[key]) if key in old else current


def _logged_old_values(store: Store, round_key: str, goal: str) -> dict[tuple, str]:
    """(entity, key, field) → the old value of the first change logged with the round's key."""
    out: dict[tuple, str] = {}
    for change in store.changes(key=goal):  # newest first: the last write wins the oldest
        if change.comment == round_key and change.field != "*":
            out[(change.entity, change.key, change.field)] = change.old
    return out


def _previous_closed(rounds: dict[str, rr.ReportingRound], rnd: rr.ReportingRound) -> str:
    """The latest closed round with an earlier as-of date ("" when there is none)."""
    earlier = [r for r in rounds.values() if not r.is_open and r.as_of < rnd.as_of]
    return max(earlier, key=lambda r: r.as_of).key if earlier else ""
