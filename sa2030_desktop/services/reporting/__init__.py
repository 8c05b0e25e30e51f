"""Reporting rounds (REPORTING.md): the service API for the CLI and the „Berichtsrunden“ view.

Reading:  `list_rounds`, `get_round`, `reports`, `status` (completeness), `compare`,
          `frozen` (a closed round's Berichtsstand), `frozen_store` (for `--round KEY`).
Writing:  `open_round`, `submit`, `review`, `close` — each builds the operation of
          services/operations/reporting.py and applies it (one transaction, logged with the
          round's key). The GUI pushes the same operations (`operation_*`) for undo.
Every refusal is a DomainError whose code messages.py words in German.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sa2030_desktop.domain import reporting as rr
from sa2030_desktop.domain.reporting_compare import Comparison
from sa2030_desktop.domain.reporting_freeze import Frozen
from sa2030_desktop.persistence import reporting_repository as repo
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.persistence.unit_of_work import ChangeSet
from sa2030_desktop.services.operations.reporting import (
    CloseRound,
    OpenRound,
    ReviewReport,
    SubmitReport,
)
from sa2030_desktop.services.reporting.frozen import FrozenStore, frozen_store, load_frozen

__all__ = ["FrozenStore", "RoundStatus", "close", "compare", "frozen", "frozen_store",
           "get_round", "list_rounds", "open_round", "reports", "reports_of", "review",
           "rounds_overview", "status", "status_from", "submit"]  # fmt: skip


@dataclass(slots=True)
class RoundStatus:
    """Completeness of one round: per ministry and in total (REPORTING.md)."""

    round: rr.ReportingRound
    by_ministry: dict[str, rr.MinistryCompleteness]
    total: rr.MinistryCompleteness
    today: date

    def as_dict(self) -> dict:
        """The `round status --json` document."""
        rnd = self.round
        return {
            "round": rnd.key, "title": rnd.title, "state": rnd.state.value,
            "as_of": rnd.as_of.isoformat(), "deadline": rnd.deadline.isoformat(),
            "scope": list(rnd.scope), "in_scope": self.total.in_scope,
            "pending": self.total.pending, "submitted": self.total.submitted,
            "accepted": self.total.accepted, "returned": self.total.returned,
            "reported_share": round(self.total.reported_share, 4),
            "overdue": [m for m, row in self.by_ministry.items() if row.overdue],
            "by_ministry": {m: row.as_dict() for m, row in self.by_ministry.items()},
        }  # fmt: skip


# -- reading -------------------------------------------------------------------------------------
def list_rounds(store: Store, today: date | None = None) -> list[RoundStatus]:
    """Every round (oldest as-of date first) with its completeness."""
    return rounds_overview(store, today)[0]


def rounds_overview(store: Store, today: date | None = None
                    ) -> tuple[list[RoundStatus], dict[str, list[rr.Report]]]:  # fmt: skip
    """Every round with its completeness, and every round's reports as `reports` gives them
    — from one read (the „Berichtsrunden“ view shows both)."""
    with store.engine.connect() as conn:
        rounds = repo.load_rounds(conn)
        all_reports = repo.load_reports(conn)
    by_round: dict[str, list[rr.Report]] = {key: [] for key in rounds}
    for report in all_reports:
        by_round.setdefault(report.round, []).append(report)
    goals = store.snapshot().goals
    for key, rnd in rounds.items():
        if rnd.is_open:  # as `reports`: a goal deleted while the round runs needs no answer
            by_round[key] = [r for r in by_round[key] if r.goal in goals]
    return [_status(store, rnd, by_round[key], today) for key, rnd in rounds.items()], by_round


def get_round(store: Store, key: str) -> rr.ReportingRound:
    with store.engine.connect() as conn:
        return rr.existing_round(repo.load_rounds(conn), key)


def reports(store: Store, key: str) -> list[rr.Report]:
    """The reports of one round, by goal key (of an open round: only goals still present)."""
    rnd = get_round(store, key)
    with store.engine.connect() as conn:
        found = repo.load_reports(conn, key)
    if rnd.is_open:  # a goal deleted while the round runs no longer needs an answer
        goals = store.snapshot().goals
        found = [r for r in found if r.goal in goals]
    return found


def status(store: Store, key: str, today: date | None = None) -> RoundStatus:
    """Completeness per lead ministry; overdue after the deadline with pending/returned."""
    rnd = get_round(store, key)
    with store.engine.connect() as conn:
        found = repo.load_reports(conn, key)
    return _status(store, rnd, found, today)


def _status(store: Store, rnd: rr.ReportingRound, found: list[rr.Report],
            today: date | None) -> RoundStatus:  # fmt: skip
    if rnd.is_open:
        goals = store.snapshot().goals
        found = [r for r in found if r.goal in goals]
    day = today or date.today()
    rows = rr.completeness(rnd, found, day)
    return RoundStatus(rnd, rows, rr.totals(rows), day)


def status_from(store: Store, rnd: rr.ReportingRound, found: list[rr.Report],
                today: date | None = None) -> RoundStatus:  # fmt: skip
    """Completeness of `rnd` from reports already read (a view that re-read only the few
    reports an action changed)."""
    return _status(store, rnd, found, today)


def reports_of(store: Store, key: str, goals: list[str]) -> list[rr.Report]:
    """The reports of `goals` in round `key` (for a view refreshing what an action changed)."""
    with store.engine.connect() as conn:
        return [r for goal in goals for r in repo.load_reports(conn, key, goal)]


def frozen(store: Store, key: str) -> Frozen:
    """The frozen state of a closed round (refused for an open or unknown round)."""
    return load_frozen(store, key)


def compare(store: Store, earlier: str, later: str, as_of: date | None = None) -> Comparison:
    """Compare a closed round with a later closed round, or with the current state
    (`later` = „aktuell“, at `as_of`, default today). Refused: a round with itself, an open
    round on either side."""
    from sa2030_desktop.domain.reporting_compare import compare as compare_states

    if earlier == later:
        raise rr.DomainError("compare_same_round", key=earlier)
    first = _closed(store, earlier, "compare_open_earlier")
    if later == rr.CURRENT:
        portfolio = store.snapshot()
        day = as_of or date.today()
        return compare_states(first.portfolio, earlier, first.as_of, portfolio, later, day)
    second = _closed(store, later, "compare_open_later")
    return compare_states(
        first.portfolio, earlier, first.as_of, second.portfolio, later, second.as_of
    )


def _closed(store: Store, key: str, code: str) -> Frozen:
    rnd = get_round(store, key)
    if rnd.is_open:
        raise rr.DomainError(code, key=key)
    return load_frozen(store, key)


# -- writing -------------------------------------------------------------------------------------
def open_round(store: Store, key: str, title: str, as_of: date, deadline: date,
               ministries: list[str] | None = None) -> ChangeSet:  # fmt: skip
    """Open a round over all goals, or the goals led at `as_of` by `ministries`."""
    rnd = rr.ReportingRound(key, title, as_of, deadline, list(ministries or []))
    return OpenRound(rnd).apply(store)


def submit(store: Store, key: str, goal: str, content: rr.ReportContent, ministry: str = "",
           today: date | None = None) -> ChangeSet:  # fmt: skip
    """Submit a report and apply its content to the portfolio (one transaction)."""
    return SubmitReport(key, goal, content, ministry, today).apply(store)


def review(store: Store, key: str, goal: str, accept: bool, text: str = "") -> ChangeSet:
    """Accept (`accept=True`) or return with `text` as the reviewer's comment."""
    return ReviewReport(key, goal, accept, text).apply(store)


def close(store: Store, key: str, force: bool = False) -> ChangeSet:
    """Close the round and store its frozen state; missing answers need `force`."""
    return CloseRound(key, force).apply(store)
