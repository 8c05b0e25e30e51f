"""Reporting rounds in the core: open, submit (applied to the portfolio, logged with the round
key), review, close with the frozen state, completeness, undo through the inverse operations,
and every refusal of REPORTING.md — with nothing written."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.model import Status
from sa2030_desktop.domain.reporting import ReportContent, ReportingRound, ReportState
from sa2030_desktop.messages import format_error
from sa2030_desktop.services import reporting
from sa2030_desktop.services.operations.reporting import (
    CloseRound,
    OpenRound,
    ReviewReport,
    SubmitReport,
)
from tests.support.reporting import reporting_store

AS_OF, DEADLINE = date(2026, 3, 31), date(2026, 4, 30)
LATE = date(2026, 5, 15)


@pytest.fixture
def store(tmp_path):
    s = reporting_store(tmp_path / "runden.sa2030")
    reporting.open_round(s, "R1", "Runde 1", AS_OF, DEADLINE)
    yield s
    s.close()


def _file_state(store) -> tuple:
    """Everything a refusal must leave as it was: the portfolio and every report. A goal's
    `updated` is the clock time of its last write (an undo is a write too, and may fall into
    the next second), so it is left out of the comparison."""
    snapshot = store.snapshot()
    goals = {k: dataclasses.replace(g, updated="") for k, g in snapshot.goals.items()}
    return (dataclasses.replace(snapshot, goals=goals), reporting.reports(store, "R1"),
            [r.as_dict() for r in reporting.list_rounds(store, LATE)])  # fmt: skip


def test_open_creates_one_pending_report_per_goal_by_lead_at_as_of(store):
    result = reporting.status(store, "R1", today=date(2026, 4, 1))
    assert result.total.in_scope == 8 and result.total.pending == 8
    assert {m: r.in_scope for m, r in result.by_ministry.items()} == {
        "MF": 2,
        "MID": 2,
        "MJ": 1,
        "MS": 1,
        "MWL": 2,
    }
    assert not any(r.overdue for r in result.by_ministry.values())  # before the deadline


def test_scope_of_ministries(store):
    reporting.open_round(store, "R-MF", "Nur MF", AS_OF, DEADLINE, ["MF", "MJ"])
    assert [r.goal for r in reporting.reports(store, "R-MF")] == ["Z3", "Z4", "Z6"]


def test_submit_applies_content_in_one_transaction_logged_with_the_round_key(store):
    content = ReportContent(Status.DELAYED, "Vergabe dauert", "Ausschreibung läuft", "intern",
                            forecasts={"Z1-M2": date(2026, 11, 30)},
                            values={})  # fmt: skip
    reporting.submit(store, "R1", "Z1", content, today=LATE)
    snap = store.snapshot()
    assert snap.goals["Z1"].status is Status.DELAYED
    assert snap.goals["Z1"].status_reason == "Vergabe dauert"
    assert snap.milestones["Z1-M2"].forecast == date(2026, 11, 30)
    assert snap.milestones["Z1-M2"].baseline == date(2026, 9, 30)  # never a rebaseline
    report = reporting.reports(store, "R1")[0]
    assert report.state is ReportState.SUBMITTED and report.progress == "Ausschreibung läuft"
    rows = [c for c in store.changes() if c.key in ("Z1", "Z1-M2") and c.field != "*"]
    assert {(c.key, c.field) for c in rows} == {("Z1", "status"), ("Z1", "status_reason"),
                                                ("Z1-M2", "forecast")}  # fmt: skip
    assert {c.comment for c in rows} == {"R1"}
    assert len({c.action for c in store.changes(limit=20) if c.comment == "R1"}) == 1


def test_indicator_value_reported_and_frozen_up_to_the_as_of(store):
    reporting.submit(store, "R1", "Z5", ReportContent(values={"Quote": (20.0, AS_OF)}))
    ind = next(i for i in store.snapshot().indicators if i.name == "Quote")
    assert [(v.date, v.value) for v in ind.values] == [(date(2026, 1, 31), 5.0), (AS_OF, 20.0)]


def test_review_return_resubmit_accept_and_status(store):
    reporting.submit(store, "R1", "Z3", ReportContent(progress="begonnen"))
    reporting.review(store, "R1", "Z3", False, "Bitte Termin nennen")
    rep = {r.goal: r for r in reporting.reports(store, "R1")}["Z3"]
    assert rep.state is ReportState.RETURNED and rep.review_comment == "Bitte Termin nennen"
    reporting.submit(store, "R1", "Z3", ReportContent(forecasts={"Z3-M1": date(2026, 6, 30)}))
    reporting.review(store, "R1", "Z3", True)
    reporting.submit(store, "R1", "Z4", ReportContent())
    result = reporting.status(store, "R1", today=LATE)
    mf = result.by_ministry["MF"]
    assert (mf.pending, mf.submitted, mf.accepted, mf.returned) == (0, 1, 1, 0)
    assert mf.reported_share == 1.0 and not mf.overdue
    assert result.by_ministry["MID"].overdue  # after the deadline with pending reports


@pytest.mark.parametrize(
    "action, code",
    [
        (lambda s: reporting.review(s, "R1", "Z1", True), "review_not_submitted"),
        (lambda s: reporting.review(s, "R1", "Z9", True), "report_not_in_round"),
        (lambda s: reporting.submit(s, "R1", "Z1", ReportContent(forecasts={"Z2-M1": date(2026, 7, 1)})),
         "milestone_not_of_goal"),
        (lambda s: reporting.submit(s, "R1", "Z5", ReportContent(values={"Unbekannt": (1.0, AS_OF)})),
         "unknown_indicator"),
        (lambda s: reporting.submit(s, "R1", "Z1", ReportContent(Status.AT_RISK)),
         "status_reason_required"),
        (lambda s: reporting.submit(s, "R1", "Z1", ReportContent(progress="x" * 1001)),
         "progress_too_long"),
        (lambda s: reporting.submit(s, "R1", "Z1", ReportContent(actuals={"Z1-M2": date(2099, 1, 1)})),
         "actual_in_future"),
        (lambda s: reporting.close(s, "R1"), "round_missing_reports"),
        (lambda s: reporting.compare(s, "R1", "aktuell"), "compare_open_earlier"),
        (lambda s: reporting.open_round(s, "R1", "doppelt", AS_OF, DEADLINE), "round_exists"),
        (lambda s: reporting.open_round(s, "R 2", "x", AS_OF, DEADLINE), "round_bad_key"),
        (lambda s: reporting.open_round(s, "R2", "x", AS_OF, date(2026, 1, 1)),
         "round_deadline_before_as_of"),
        (lambda s: reporting.open_round(s, "R2", "x", AS_OF, DEADLINE, ["XX"]), "unknown_ministry"),
    ],
)  # fmt: skip
def test_refusals_name_the_report_and_write_nothing(store, action, code):
    before = _file_state(store)
    with pytest.raises(DomainError) as err:
        action(store)
    assert err.value.code == code
    text = format_error(err.value)
    assert "{" not in text and (text[0].isupper() or text[0] == "„")
    store.invalidate()
    assert _file_state(store) == before


def test_closed_round_refuses_submissions_reviews_and_a_second_close(store):
    reporting.submit(store, "R1", "Z1", ReportContent(progress="ok"))
    reporting.close(store, "R1", force=True)
    before = _file_state(store)
    for action, code in (
        (lambda: reporting.submit(store, "R1", "Z2", ReportContent()), "round_closed"),
        (lambda: reporting.review(store, "R1", "Z1", True), "round_closed"),
        (lambda: reporting.close(store, "R1", force=True), "round_already_closed"),
    ):
        with pytest.raises(DomainError) as err:
            action()
        assert err.value.code == code
        assert "R1" in format_error(err.value)
    assert _file_state(store) == before


def test_accepted_report_changes_only_after_return(store):
    reporting.submit(store, "R1", "Z1", ReportContent(progress="a"))
    reporting.review(store, "R1", "Z1", True)
    with pytest.raises(DomainError) as err:
        reporting.submit(store, "R1", "Z1", ReportContent(progress="b"))
    assert err.value.code == "report_accepted"
    reporting.review(store, "R1", "Z1", False, "nochmal")
    reporting.submit(store, "R1", "Z1", ReportContent(progress="b"))


def test_frozen_state_marks_missing_reports_and_survives_edits(store):
    from sa2030_desktop.services import goals

    reporting.submit(store, "R1", "Z1", ReportContent(progress="Sachstand Z1"))
    reporting.close(store, "R1", force=True)
    frozen = reporting.frozen(store, "R1")
    assert frozen.reports["Z1"].progress == "Sachstand Z1" and not frozen.reports["Z1"].no_report
    assert frozen.reports["Z2"].no_report
    assert frozen.portfolio.milestones["Z1-M1"].actual == date(2026, 2, 20)
    goals.rename_goal_key(store, "Z1", "Z1neu", "umbenannt")
    assert reporting.frozen(store, "R1") == frozen
    assert reporting.status(store, "R1", LATE).total.submitted == 1


def test_every_operation_is_undone_by_its_inverse(store):
    """apply → inverse → apply again (what the undo stack does) returns to each state."""
    before = _file_state(store)
    ops = [
        SubmitReport("R1", "Z1", ReportContent(Status.DELAYED, "Grund", "S",
                                               forecasts={"Z1-M2": date(2026, 12, 1)})),
        ReviewReport("R1", "Z1", False, "zurück"),
    ]  # fmt: skip
    states = [before]
    for op in ops:
        op.apply(store)
        states.append(_file_state(store))
    for op, state in zip(reversed(ops), reversed(states[:-1]), strict=True):
        op.inverse("Rückgängig").apply(store)
        assert _file_state(store)[:2] == state[:2]
    close = CloseRound("R1", force=True)
    close.apply(store)
    close.inverse("Rückgängig").apply(store)
    assert reporting.get_round(store, "R1").is_open
    opening = OpenRound(ReportingRound("R2", "Runde 2", AS_OF, DEADLINE))
    opening.apply(store)
    opening.inverse("Rückgängig").apply(store)
    assert [r.round.key for r in reporting.list_rounds(store)] == ["R1"]
