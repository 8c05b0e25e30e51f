"""Reporting rounds (Berichtsrunden) and reports (Meldungen) of REPORTING.md: the entities as
plain data and the rules as pure functions — no SQL, no files, no Qt.

A round asks for one report per goal in scope; a report goes pending → submitted → accepted, or
returned (with the reviewer's comment) → submitted again. Completeness counts the reports per
lead ministry at the round's as-of date. Closing freezes the portfolio (domain/reporting_freeze.py);
comparing two frozen states is domain/reporting_compare.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from sa2030_desktop.domain import values
from sa2030_desktop.domain.errors import DomainError, NotFoundError
from sa2030_desktop.domain.ministries import lead_at
from sa2030_desktop.domain.model import Portfolio, Status

MAX_PROGRESS = 1000  # Sachstand: at most 1,000 characters (it is published)
CURRENT = "aktuell"  # `round compare … aktuell`: the current state instead of a closed round
_KEY = re.compile(r"^[A-Za-z0-9_.\-]{1,40}$")


class RoundState(StrEnum):
    OPEN = "open"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return "offen" if self is RoundState.OPEN else "abgeschlossen"


class ReportState(StrEnum):
    PENDING = "pending"
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    RETURNED = "returned"

    @property
    def label(self) -> str:
        return REPORT_STATE_LABELS[self]


REPORT_STATE_LABELS = {
    ReportState.PENDING: "ausstehend",
    ReportState.SUBMITTED: "gemeldet",
    ReportState.ACCEPTED: "bestätigt",
    ReportState.RETURNED: "zurückgegeben",
}
# The reports that still lack an answer: they make a ministry overdue and closing needs --force.
MISSING = (ReportState.PENDING, ReportState.RETURNED)


@dataclass(slots=True)
class ReportingRound:
    key: str
    title: str
    as_of: date
    deadline: date
    scope: list[str] = field(default_factory=list)  # lead ministries; empty: all goals
    state: RoundState = RoundState.OPEN
    opened_by: str = ""
    opened_at: str = ""
    closed_by: str = ""
    closed_at: str = ""

    @property
    def is_open(self) -> bool:
        return self.state is RoundState.OPEN


@dataclass(slots=True)
class Report:
    """One goal's report in one round. `values` maps an indicator name to (value, date)."""

    goal: str
    round: str
    ministry: str  # the lead ministry at the round's as-of date (who must answer)
    state: ReportState = ReportState.PENDING
    status: Status | None = None
    status_reason: str = ""
    progress: str = ""  # Sachstand (published)
    remark: str = ""  # internal remark (never published)
    forecasts: dict[str, date] = field(default_factory=dict)
    actuals: dict[str, date] = field(default_factory=dict)
    values: dict[str, tuple[float, date]] = field(default_factory=dict)
    submitted_by: str = ""
    submitted_ministry: str = ""
    submitted_at: str = ""
    reviewed_by: str = ""
    reviewed_at: str = ""
    review_comment: str = ""

    @property
    def answered(self) -> bool:
        return self.state in (ReportState.SUBMITTED, ReportState.ACCEPTED)


@dataclass(slots=True)
class ReportContent:
    """What a ministry reports for one goal: None/empty means „unchanged“."""

    status: Status | None = None
    status_reason: str = ""
    progress: str = ""
    remark: str = ""
    forecasts: dict[str, date] = field(default_factory=dict)
    actuals: dict[str, date] = field(default_factory=dict)
    values: dict[str, tuple[float, date]] = field(default_factory=dict)


@dataclass(slots=True)
class MinistryCompleteness:
    ministry: str
    pending: int = 0
    submitted: int = 0
    accepted: int = 0
    returned: int = 0
    overdue: bool = False

    @property
    def in_scope(self) -> int:
        return self.pending + self.submitted + self.accepted + self.returned

    @property
    def reported_share(self) -> float:
        """(submitted + accepted) / in scope."""
        return (self.submitted + self.accepted) / self.in_scope if self.in_scope else 0.0

    def as_dict(self) -> dict:
        return {"pending": self.pending, "submitted": self.submitted, "accepted": self.accepted,
                "returned": self.returned, "in_scope": self.in_scope,
                "reported_share": round(self.reported_share, 4), "overdue": self.overdue}  # fmt: skip


# -- rules -------------------------------------------------------------------------------------
def check_new_round(portfolio: Portfolio, existing: dict[str, ReportingRound],
                    rnd: ReportingRound) -> None:  # fmt: skip
    """A new round: a free key of letters, digits and `-_.`, a title, a deadline not before
    the as-of date, known ministries in the scope, and at least one goal in it."""
    if not _KEY.match(rnd.key or ""):
        raise DomainError("round_bad_key", key=rnd.key)
    if rnd.key == CURRENT:
        raise DomainError("round_reserved_key", key=rnd.key)
    if rnd.key in existing:
        raise DomainError("round_exists", key=rnd.key)
    if not rnd.title.strip():
        raise DomainError("empty_title", entity="round", key=rnd.key)
    if rnd.deadline < rnd.as_of:
        raise DomainError("round_deadline_before_as_of", key=rnd.key, deadline=rnd.deadline,
                          as_of=rnd.as_of)  # fmt: skip
    for code in rnd.scope:
        if code not in portfolio.ministries:
            raise DomainError("unknown_ministry", key=rnd.key, value=code)
    if not goals_in_scope(portfolio, rnd):
        raise DomainError("round_empty_scope", key=rnd.key)


def goals_in_scope(portfolio: Portfolio, rnd: ReportingRound) -> dict[str, str]:
    """{goal key: lead ministry at the as-of date} of the goals the round asks about."""
    out = {}
    for key, goal in portfolio.goals.items():
        lead = lead_at(portfolio, goal, rnd.as_of)
        if not rnd.scope or lead in rnd.scope:
            out[key] = lead
    return out


def pending_reports(portfolio: Portfolio, rnd: ReportingRound) -> list[Report]:
    """The reports a newly opened round starts with: one pending report per goal in scope."""
    return [
        Report(goal, rnd.key, lead) for goal, lead in sorted(goals_in_scope(portfolio, rnd).items())
    ]


def existing_round(rounds: dict[str, ReportingRound], key: str) -> ReportingRound:
    rnd = rounds.get(key)
    if rnd is None:
        raise NotFoundError("round", key)
    return rnd


def existing_report(reports: dict[str, Report], rnd: ReportingRound, goal: str) -> Report:
    report = reports.get(goal)
    if report is None:
        raise DomainError("report_not_in_round", key=goal, round=rnd.key)
    return report


def check_open(rnd: ReportingRound) -> None:
    if not rnd.is_open:
        raise DomainError("round_closed", key=rnd.key)


def check_submit(rnd: ReportingRound, report: Report) -> None:
    """A report is submitted only while its round is open; an accepted one only after the
    reviewer returned it."""
    check_open(rnd)
    if report.state is ReportState.ACCEPTED:
        raise DomainError("report_accepted", key=report.goal, round=rnd.key)


def check_review(rnd: ReportingRound, report: Report, accept: bool, comment: str) -> None:
    """Accept a submitted report; return a submitted or accepted one with a comment."""
    check_open(rnd)
    if report.state in MISSING:
        raise DomainError("review_not_submitted", key=report.goal, round=rnd.key,
                          state=report.state.label)  # fmt: skip
    if accept and report.state is ReportState.ACCEPTED:
        raise DomainError("review_already_accepted", key=report.goal, round=rnd.key)
    if not accept and not comment.strip():
        raise DomainError("return_needs_comment", key=report.goal, round=rnd.key)


def check_close(rnd: ReportingRound, reports: list[Report], force: bool) -> None:
    """Closing twice is refused; missing answers need an explicit confirmation (--force)."""
    if not rnd.is_open:
        raise DomainError("round_already_closed", key=rnd.key)
    missing = [r.goal for r in reports if r.state in MISSING]
    if missing and not force:
        raise DomainError("round_missing_reports", key=rnd.key, count=len(missing),
                          goals=", ".join(missing[:10]) + (" …" if len(missing) > 10 else ""))  # fmt: skip


def check_content(portfolio: Portfolio, goal_key: str, content: ReportContent,
                  today: date | None = None) -> None:  # fmt: skip
    """The reported content fits the goal: its own milestones, its own indicators, a
    Sachstand of at most 1,000 characters, no actual date in the future."""
    from sa2030_desktop.domain import preconditions as rules

    goal = portfolio.goals.get(goal_key)
    if goal is None:
        raise NotFoundError("goal", goal_key)
    for ms_key in [*content.forecasts, *content.actuals]:
        ms = portfolio.milestones.get(ms_key)
        if ms is None:
            raise DomainError("unknown_milestone", key=goal_key, value=ms_key)
        if ms.goal != goal_key:
            raise DomainError("milestone_not_of_goal", key=goal_key, value=ms_key, goal=goal_key)
    for ms_key, day in content.actuals.items():
        shown = rules.future_actual(day, today)
        if shown:
            raise DomainError("actual_in_future", key=ms_key, value=shown)
    for field_name, dated in (("forecast", content.forecasts), ("actual", content.actuals)):
        for ms_key, day in dated.items():  # the value limits of domain/values.py, as everywhere
            rules.raise_value(values.date_problem(day), "milestone", ms_key, field_name)
    names = {i.name for i in portfolio.indicators if i.goal == goal_key}
    for name, (number, day) in content.values.items():
        if name not in names:
            raise DomainError("unknown_indicator", key=goal_key, value=name)
        rules.raise_value(values.number_problem(number), "indicator", name, "value")
        rules.raise_value(values.date_problem(day), "indicator", name, "date")
    if len(content.progress) > MAX_PROGRESS:
        raise DomainError("progress_too_long", key=goal_key, length=len(content.progress),
                          limit=MAX_PROGRESS)  # fmt: skip
    rules.check_text("goal", goal_key, status_reason=content.status_reason,
                     progress=content.progress, remark=content.remark)  # fmt: skip
    if content.status is not None and content.status is not goal.status:
        rules.check_status_change(goal_key, goal.status, content.status, content.status_reason, "")


def completeness(
    rnd: ReportingRound, reports: list[Report], today: date
) -> dict[str, MinistryCompleteness]:
    """Per lead ministry (at the as-of date): counts per state; overdue when, after the
    deadline, any of its reports is pending or returned. Sorted by ministry code."""
    out: dict[str, MinistryCompleteness] = {}
    for report in reports:
        row = out.setdefault(report.ministry, MinistryCompleteness(report.ministry))
        setattr(row, report.state.value, getattr(row, report.state.value) + 1)
    late = today > rnd.deadline
    for row in out.values():
        row.overdue = late and (row.pending + row.returned) > 0
    return dict(sorted(out.items()))


def totals(rows: dict[str, MinistryCompleteness]) -> MinistryCompleteness:
    total = MinistryCompleteness("")
    for row in rows.values():
        for name in ("pending", "submitted", "accepted", "returned"):
            setattr(total, name, getattr(total, name) + getattr(row, name))
    total.overdue = any(r.overdue for r in rows.values())
    return total
