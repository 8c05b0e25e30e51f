"""Operations of the reporting rounds (REPORTING.md): open, submit, review, close — each with
`check`, `apply` (one transaction) and `inverse` for undo. The rules are the pure functions of
domain/reporting.py; every change is logged with the round's key as comment."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date

from sa2030_desktop.domain import preconditions as rules
from sa2030_desktop.domain import reporting as rr
from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.model import Goal, Indicator, IndicatorValue, Portfolio
from sa2030_desktop.persistence import reporting_repository as repo
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.persistence.unit_of_work import ChangeSet, UnitOfWork
from sa2030_desktop.services.operations.base import Operation
from sa2030_desktop.services.operations.indicators import SetIndicatorValues, find_indicator


@dataclass
class RoundBook:
    """The rounds of a file and the reports of one round, read for a check."""

    rounds: dict[str, rr.ReportingRound]
    reports: dict[str, rr.Report]  # goal → report of the round in question


def read_book(store: Store, round_key: str | None, goal: str | None = None) -> RoundBook:
    """The rounds, and the reports of `round_key` (only `goal`'s when given)."""
    with store.engine.connect() as conn:
        rounds = repo.load_rounds(conn)
        reports = repo.load_reports(conn, round_key, goal) if round_key in rounds else []
    return RoundBook(rounds, {r.goal: r for r in reports})


class RoundOperation(Operation):
    """An operation on one round: `check` reads the rounds and that round's reports first."""

    round_key: str
    book: RoundBook | None = None

    def check(self, store: Store) -> None:
        self.book = read_book(store, self.round_key, self._book_goal())
        super().check(store)

    def _book_goal(self) -> str | None:
        """The one goal whose report the check needs (None: every report of the round) — a
        submit or review in a round of 10,000 goals reads one report, not 10,000."""
        return None

    def round(self) -> rr.ReportingRound:
        assert self.book is not None
        return rr.existing_round(self.book.rounds, self.round_key)

    def undo_note(self) -> str:
        return self.describe()


@dataclass
class OpenRound(RoundOperation):
    """Open a round: one pending report per goal in scope (lead ministry at the as-of date)."""

    new_round: rr.ReportingRound
    comment: str = ""
    default_comment = "Berichtsrunde {new_round.key} eröffnet"

    @property
    def round_key(self) -> str:  # type: ignore[override]
        return self.new_round.key

    def _check(self, portfolio: Portfolio) -> None:
        assert self.book is not None
        rr.check_new_round(portfolio, self.book.rounds, self.new_round)

    def _write(self, uow: UnitOfWork, portfolio: Portfolio) -> None:
        rnd = dataclasses.replace(self.new_round, state=rr.RoundState.OPEN,
                                  opened_by=self.new_round.opened_by or uow.user,
                                  opened_at=uow.now)  # fmt: skip
        uow.save(rnd)
        uow.save_many(rr.pending_reports(portfolio, rnd))

    def _inverse(self, before: object, comment: str) -> Operation:
        return RemoveRound(self.new_round.key, comment)


@dataclass
class RemoveRound(RoundOperation):
    """Remove an open round with its reports (the undo of opening it)."""

    round_key: str
    comment: str = ""
    default_comment = "Berichtsrunde {round_key} entfernt"

    def _check(self, portfolio: Portfolio) -> None:
        rr.check_open(self.round())

    def _before_of(self, portfolio: Portfolio) -> object:
        assert self.book is not None
        return self.round(), list(self.book.reports.values())

    def _write(self, uow: UnitOfWork, portfolio: Portfolio) -> None:
        uow.delete("round", {"key": self.round_key})  # the reports go with it (cascade)

    def _inverse(self, before: object, comment: str) -> Operation:
        rnd, reports = before  # type: ignore[misc]
        return WriteBack(rnd.key, [rnd, *reports], comment=comment)


@dataclass
class SubmitReport(RoundOperation):
    """Submit one goal's report and apply its content to the portfolio in the same
    transaction: status and reason, forecasts, actual dates, indicator values (baselines never).
    Refused when the round is closed or the report accepted; the content must fit the goal."""

    round_key: str
    goal: str
    content: rr.ReportContent
    ministry: str = ""  # the submitting ministry (default: the report's)
    today: date | None = None  # for „actual date in the future“ (default: today)
    comment: str = ""
    # who submitted it and when, when not now by this user (a report taken from a Ressortpaket)
    submitted_by: str = ""
    submitted_at: str = ""
    default_comment = "{round_key}"

    def _book_goal(self) -> str | None:
        return self.goal

    def report(self) -> rr.Report:
        assert self.book is not None
        return rr.existing_report(self.book.reports, self.round(), self.goal)

    def _check(self, portfolio: Portfolio) -> None:
        rr.check_submit(self.round(), self.report())
        rr.check_content(portfolio, self.goal, self.content, self.today)
        for key, ms in self._milestones(portfolio).items():
            rules.check_forecast_change(portfolio, portfolio.milestones[key], ms)
        for op in self._value_operations():
            op.check_against(portfolio)

    def _writes(self, portfolio: Portfolio):
        goal = portfolio.goals.get(self.goal)
        if goal is not None:
            yield ("goal", self.goal, {"lead": goal.lead}, {"lead": goal.lead})

    def _milestones(self, portfolio: Portfolio) -> dict:
        out = {}
        for key in {*self.content.forecasts, *self.content.actuals}:
            ms = portfolio.milestones[key]
            new = dataclasses.replace(ms, forecast=self.content.forecasts.get(key, ms.forecast),
                                      actual=self.content.actuals.get(key, ms.actual))  # fmt: skip
            if new != ms:
                out[key] = new
        return out

    def _changed(self, portfolio: Portfolio) -> list:
        """The portfolio records the content changes (goal, milestones, indicators)."""
        content, goal = self.content, portfolio.goals[self.goal]
        out: list = []
        new_goal = dataclasses.replace(goal, partners=list(goal.partners), tags=list(goal.tags))
        if content.status is not None:
            new_goal.status = content.status
        if content.status_reason.strip():
            new_goal.status_reason = content.status_reason
        if new_goal != goal:
            out.append(new_goal)
        out += list(self._milestones(portfolio).values())
        for op in self._value_operations():
            before, after = find_indicator(portfolio, op.goal, op.name), op.updated(portfolio)
            if after != before:
                out.append(after)
        return out

    def _value_operations(self) -> list[SetIndicatorValues]:
        """Reported indicator values, entered as the goal detail enters one measured value."""
        source = f"Meldung {self.round_key}"
        return [SetIndicatorValues(self.goal, name, [IndicatorValue(day, value, source)])
                for name, (value, day) in sorted(self.content.values.items())]  # fmt: skip

    def _before_of(self, portfolio: Portfolio) -> object:
        old = []
        for obj in self._changed(portfolio):
            if isinstance(obj, Indicator):
                old.append(next(i for i in portfolio.indicators
                                if (i.goal, i.name) == (obj.goal, obj.name)))  # fmt: skip
            elif isinstance(obj, Goal):
                old.append(portfolio.goals[obj.key])
            else:
                old.append(portfolio.milestones[obj.key])
        return [self.report(), *old]

    def _write(self, uow: UnitOfWork, portfolio: Portfolio) -> None:
        c, report = self.content, self.report()
        uow.save(dataclasses.replace(
            report, state=rr.ReportState.SUBMITTED, status=c.status,
            status_reason=c.status_reason, progress=c.progress, remark=c.remark,
            forecasts=dict(c.forecasts), actuals=dict(c.actuals), values=dict(c.values),
            submitted_by=self.submitted_by or uow.user,
            submitted_ministry=self.ministry or report.ministry,
            submitted_at=self.submitted_at or uow.now,
        ))  # fmt: skip
        for obj in self._changed(portfolio):
            uow.save(obj)

    def _inverse(self, before: object, comment: str) -> Operation:
        return WriteBack(self.round_key, list(before), comment=comment)  # type: ignore[arg-type]


@dataclass
class ReviewReport(RoundOperation):
    """The reviewer's decision: accept a submitted report, or return it (submitted or
    accepted) with a comment. A pending or returned report cannot be reviewed."""

    round_key: str
    goal: str
    accept: bool
    text: str = ""  # the reviewer's comment (needed to return)
    comment: str = ""
    default_comment = "{round_key}"

    def _book_goal(self) -> str | None:
        return self.goal

    def _check(self, portfolio: Portfolio) -> None:
        assert self.book is not None
        report = rr.existing_report(self.book.reports, self.round(), self.goal)
        rr.check_review(self.round(), report, self.accept, self.text)
        rules.check_text("report", self.goal, review_comment=self.text)

    def _before_of(self, portfolio: Portfolio) -> object:
        assert self.book is not None
        return [self.book.reports[self.goal]]

    def _write(self, uow: UnitOfWork, portfolio: Portfolio) -> None:
        assert self.book is not None
        state = rr.ReportState.ACCEPTED if self.accept else rr.ReportState.RETURNED
        uow.save(dataclasses.replace(self.book.reports[self.goal], state=state,
                                     reviewed_by=uow.user, reviewed_at=uow.now,
                                     review_comment=self.text.strip()))  # fmt: skip

    def _inverse(self, before: object, comment: str) -> Operation:
        return WriteBack(self.round_key, list(before), comment=comment)  # type: ignore[arg-type]


@dataclass
class CloseRound(RoundOperation):
    """Close a round and store its frozen state in the file. Pending or returned reports need
    `force`; those goals are frozen with their current values, marked „keine Meldung“."""

    round_key: str
    force: bool = False
    comment: str = ""
    default_comment = "Berichtsrunde {round_key} abgeschlossen"

    def _check(self, portfolio: Portfolio) -> None:
        assert self.book is not None
        rr.check_close(self.round(), list(self.book.reports.values()), self.force)

    def _write(self, uow: UnitOfWork, portfolio: Portfolio) -> None:
        from sa2030_desktop.domain.reporting_freeze import freeze
        from sa2030_desktop.services.reporting.frozen import frozen_text

        assert self.book is not None
        rnd = dataclasses.replace(self.round(), state=rr.RoundState.CLOSED, closed_by=uow.user,
                                  closed_at=uow.now)  # fmt: skip
        uow.save(rnd)
        text, digest = frozen_text(freeze(portfolio, rnd, list(self.book.reports.values())))
        repo.save_frozen(uow.conn, rnd.key, text, digest, uow.now)
        uow.log("round", rnd.key, "frozen", "", f"sha256={digest}")

    def _inverse(self, before: object, comment: str) -> Operation:
        return ReopenRound(self.round_key, comment)


@dataclass
class ReopenRound(RoundOperation):
    """Open a closed round again, dropping its frozen state (only as the undo of closing)."""

    round_key: str
    comment: str = ""
    default_comment = "Berichtsrunde {round_key} wieder geöffnet"

    def _check(self, portfolio: Portfolio) -> None:
        if self.round().is_open:
            raise DomainError("round_not_closed", key=self.round_key)

    def _write(self, uow: UnitOfWork, portfolio: Portfolio) -> None:
        repo.delete_frozen(uow.conn, self.round_key)
        uow.log("round", self.round_key, "frozen", "", "verworfen")
        uow.save(dataclasses.replace(self.round(), state=rr.RoundState.OPEN, closed_by="",
                                     closed_at=""))  # fmt: skip

    def _inverse(self, before: object, comment: str) -> Operation:
        return CloseRound(self.round_key, force=True, comment=comment)


@dataclass
class WriteBack(RoundOperation):
    """Write saved records back as they were (the undo of submit, review and remove)."""

    round_key: str
    records: list = field(default_factory=list)
    comment: str = ""
    default_comment = "{round_key}"

    def check(self, store: Store) -> None:
        self.book = read_book(store, self.round_key)

    def apply(self, store: Store) -> ChangeSet:
        self.check(store)
        with store.transaction(self.describe()) as uow:
            for obj in self.records:
                uow.save(obj)
        return uow.changes
