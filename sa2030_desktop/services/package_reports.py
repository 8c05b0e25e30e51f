"""Reports answered in a Ressortpaket, taken over when the package is merged back (REPORTING.md:
a ministry answers a round on its Ressortpaket).

Each report taken is the SubmitReport of services/operations/reporting.py — the same rules
(round open, not accepted, content fits the goal) and the same writes — checked against the
merge result and written inside the merge's own transaction, logged with the round's key, with
the package's submitter and time. The undo of the merge writes the main file's reports back as
they were. Reports of another ministry's goals are never taken."""

from __future__ import annotations

from dataclasses import dataclass, field

from sa2030_desktop.domain import reporting as rr
from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.model import Portfolio
from sa2030_desktop.persistence import reporting_repository as repo
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.persistence.unit_of_work import UnitOfWork
from sa2030_desktop.services.operations.reporting import RoundBook, SubmitReport


@dataclass(slots=True)
class ReportNote:
    """Why a report of the package was not taken: a message code with its data."""

    code: str
    data: dict


@dataclass
class ReportPlan:
    """The package's reports the merge takes over (as operations) and the ones it leaves."""

    taken: list[SubmitReport] = field(default_factory=list)
    notes: list[ReportNote] = field(default_factory=list)

    def before(self) -> list[rr.Report]:
        """The main file's reports as they were (for the undo of the merge)."""
        return [op.report() for op in self.taken]


# The submit rules' refusals that have a note of their own in a merge.
_REFUSALS = {"round_closed": "package_report_round_closed",
             "report_accepted": "package_report_accepted"}  # fmt: skip


def submitted_reports(package: Store) -> list[rr.Report]:
    """The submitted reports the package file holds (every round; the main file decides)."""
    with package.engine.connect() as conn:
        return [r for r in repo.load_reports(conn) if r.state is rr.ReportState.SUBMITTED]


def content_of(report: rr.Report) -> rr.ReportContent:
    return rr.ReportContent(report.status, report.status_reason, report.progress, report.remark,
                            dict(report.forecasts), dict(report.actuals),
                            dict(report.values))  # fmt: skip


# The fields a report sets; a conflict on one of them decided for the main file's version
# means the package's report would overwrite that decision.
_REPORTED = {"goal": {"status", "status_reason"}, "milestone": {"forecast", "actual"},
             "indicator": {"values"}}  # fmt: skip


def goals_kept_mine(outcome) -> set[str]:
    """Goals with a conflict on a reported field that was decided for the main file."""
    out: set[str] = set()
    undecided = {c.ident for c in outcome.undecided}
    for c in outcome.conflicts:
        if c.ident in undecided or c.field not in _REPORTED.get(c.entity, ()):
            continue
        rec = outcome.records.get(c.entity, {}).get(c.key)
        if rec is None or rec.get(c.field) == c.theirs:
            continue
        out.add(c.key if c.entity == "goal" else rec.get("goal"))
    return out


def plan(store: Store, ministry: str, reports: list[rr.Report], merged: Portfolio,
         kept_mine: frozenset[str] | set[str] = frozenset()) -> ReportPlan:  # fmt: skip
    """Which of the package's `reports` become submitted reports of the main file `store`
    when the merge result is `merged`: reports of the ministry's own goals, for rounds open in
    the main file, whose report there is pending or returned, and whose content passes the
    SubmitReport check on the merged portfolio — unless a conflict on what it reports was
    decided for the main file (`kept_mine`). The rest comes back as notes."""
    out = ReportPlan()
    with store.engine.connect() as conn:
        rounds = repo.load_rounds(conn)
        mains = {(r.round, r.goal): r for key in sorted({r.round for r in reports} & set(rounds))
                 for r in repo.load_reports(conn, key)}  # fmt: skip
    for pkg in sorted(reports, key=lambda r: (r.round, r.goal)):
        where = {"key": pkg.goal, "round": pkg.round, "ministry": ministry}
        goal = merged.goals.get(pkg.goal)
        if goal is None or goal.lead != ministry:
            out.notes.append(ReportNote("package_report_foreign", where))
            continue
        if pkg.goal in kept_mine:
            out.notes.append(ReportNote("package_report_kept_mine", where))
            continue
        main = mains.get((pkg.round, pkg.goal))
        if pkg.round not in rounds or main is None:
            out.notes.append(ReportNote("package_report_no_round", where))
            continue
        if _answer(main) == _answer(pkg):  # taken by an earlier merge: nothing to say
            continue
        if main.state is rr.ReportState.SUBMITTED:
            out.notes.append(ReportNote("package_report_already_submitted", where))
            continue
        op = SubmitReport(pkg.round, pkg.goal, content_of(pkg),
                          ministry=pkg.submitted_ministry or ministry,
                          submitted_by=pkg.submitted_by, submitted_at=pkg.submitted_at)  # fmt: skip
        op.book = RoundBook(rounds, {pkg.goal: main})
        try:
            op.check_against(merged)  # the submit rules: open round, not accepted, content
        except DomainError as exc:
            code = _REFUSALS.get(exc.code)
            data = where if code else {**where, "reason_code": exc.code, "reason_data": exc.data}
            out.notes.append(ReportNote(code or "package_report_refused", data))
            continue
        out.taken.append(op)
    return out


def _answer(report: rr.Report) -> tuple:
    """What a ministry answered (the reviewer's fields aside)."""
    return (report.state, content_of(report), report.submitted_by, report.submitted_at)


def write(uow: UnitOfWork, taken: list[SubmitReport], merged: Portfolio) -> None:
    """Submit the reports inside the merge's transaction; their changes are logged with the
    round's key as comment (as a report submitted in the main file is)."""
    comment = uow.comment
    try:
        for op in taken:
            uow.comment = op.round_key
            op._write(uow, merged)
    finally:
        uow.comment = comment


def write_back(uow: UnitOfWork, before: list[rr.Report]) -> None:
    """The undo: the main file's reports as they were before the merge took them."""
    comment = uow.comment
    try:
        for report in before:
            uow.comment = report.round
            uow.save(report)
    finally:
        uow.comment = comment
