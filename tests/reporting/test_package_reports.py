"""Reports answered in a Ressortpaket come back with the merge (REPORTING.md „a ministry working
on its Ressortpaket“): real files, the package written and merged back with the CLI, the report
submitted in the package through SubmitReport, undo of the merge through its operation."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest

from sa2030_desktop.cli.main import main
from sa2030_desktop.domain.model import Status
from sa2030_desktop.domain.reporting import ReportContent, ReportState
from sa2030_desktop.persistence import reporting_repository as repo
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.services import operations as ops
from sa2030_desktop.services import package
from sa2030_desktop.services.operations.reporting import SubmitReport
from tests.support.reporting import reporting_store


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def _open_round(capsys, path, key, as_of="2026-03-31"):
    code, _, err = run(capsys, "round", "open", path, key, "--title", f"Runde {key}",
                       "--as-of", as_of, "--deadline", "2026-04-30")  # fmt: skip
    assert code == 0, err


def _reports(path, round_key):
    store = Store.open(path, readonly=True)
    try:
        with store.engine.connect() as conn:
            return {r.goal: r for r in repo.load_reports(conn, round_key)}
    finally:
        store.close()


def _status(capsys, path, key):
    code, out, err = run(capsys, "round", "status", path, key, "--json")
    assert code == 0, err
    return json.loads(out)["by_ministry"]


def _submit_in_package(pkg, round_key, goal, content):
    store = Store.open(pkg)
    try:
        op = SubmitReport(round_key, goal, content, today=date(2026, 12, 3))
        op.apply(store)
    finally:
        store.close()


CONTENT_Z1 = ReportContent(
    status=Status.DELAYED,
    status_reason="Ausschreibung verzögert",
    progress="Vergabe läuft, Zuschlag im November.",
    remark="intern: Haushaltsmittel gesperrt",
    forecasts={"Z1-M2": date(2026, 11, 30)},
)


@pytest.fixture
def files(tmp_path, capsys):
    """A main file with the open round R1 and the package of MID (goals Z1, Z2)."""
    main_file, pkg = tmp_path / "haupt.sa2030", tmp_path / "paket_mid.sa2030"
    reporting_store(main_file).close()
    _open_round(capsys, main_file, "R1")
    code, _, err = run(capsys, "package", main_file, "MID", pkg)
    assert code == 0, err
    return main_file, pkg


def test_package_carries_only_its_ministrys_reports(files):
    _main, pkg = files
    assert sorted(_reports(pkg, "R1")) == ["Z1", "Z2"]


def test_merge_takes_the_packages_reports_and_undo_takes_them_back(files, capsys):
    main_file, pkg = files
    _submit_in_package(pkg, "R1", "Z1", CONTENT_Z1)
    _submit_in_package(pkg, "R1", "Z2", ReportContent(progress="Planmäßig."))
    sent = _reports(pkg, "R1")
    before = _reports(main_file, "R1")
    assert _status(capsys, main_file, "R1")["MID"]["pending"] == 2

    code, out, err = run(capsys, "merge", main_file, pkg)
    assert code == 0, err
    assert "2 Meldungen aus dem Ressortpaket übernommen." in out
    mid = _status(capsys, main_file, "R1")["MID"]
    assert (mid["pending"], mid["submitted"]) == (0, 2)
    after = _reports(main_file, "R1")
    for goal in ("Z1", "Z2"):  # the very report of the package: content, submitter, time
        assert after[goal] == sent[goal]
        assert after[goal].state is ReportState.SUBMITTED
    assert after["Z1"].status is Status.DELAYED and after["Z1"].forecasts == CONTENT_Z1.forecasts
    assert {g: r for g, r in after.items() if g not in ("Z1", "Z2")} == {
        g: r for g, r in before.items() if g not in ("Z1", "Z2")
    }
    store = Store.open(main_file, readonly=True)
    try:
        snap = store.snapshot()
        assert snap.goals["Z1"].status is Status.DELAYED
        assert snap.milestones["Z1-M2"].forecast == date(2026, 11, 30)
        with store.engine.connect() as conn:
            last = conn.exec_driver_sql("SELECT max(action) FROM change_log").scalar()
            rows = list(conn.exec_driver_sql(
                "SELECT entity, comment FROM change_log WHERE action = ?", (last,)))  # fmt: skip
    finally:
        store.close()
    # one action: the merge and the reports together; the reports logged with the round's key
    assert {c for e, c in rows if e == "report"} == {"R1"}
    assert {c for e, c in rows if e != "report"} >= {"Zusammenführung mit paket_mid.sa2030"}


def test_undo_of_the_merge_undoes_the_reports_and_redo_takes_them_again(files):
    main_file, pkg = files
    _submit_in_package(pkg, "R1", "Z1", CONTENT_Z1)
    before = _reports(main_file, "R1")
    store, other = Store.open(main_file), Store.open(pkg, readonly=True)
    try:
        report = package.compare_package(store, other)
        assert [(op.round_key, op.goal) for op in report.reports_taken] == [("R1", "Z1")]
        assert report.as_dict()["reports_taken"] == [{"round": "R1", "goal": "Z1"}]
        state_before = store.snapshot()
        op = ops.ApplyMerge(report)
        op.check(store)
        op.apply(store)
        assert repo_state(store, "Z1") is ReportState.SUBMITTED
        assert store.snapshot().goals["Z1"].status is Status.DELAYED
        undo = op.inverse()
        undo.apply(store)
        with store.engine.connect() as conn:
            assert {r.goal: r for r in repo.load_reports(conn, "R1")} == before
        restored = store.snapshot()
        assert restored.goals["Z1"].status is state_before.goals["Z1"].status
        assert restored.milestones == state_before.milestones
        op.apply(store)  # redo: the undo stack applies the merge operation again
        assert repo_state(store, "Z1") is ReportState.SUBMITTED
    finally:
        store.close()
        other.close()


def repo_state(store, goal):
    with store.engine.connect() as conn:
        return {r.goal: r for r in repo.load_reports(conn, "R1")}[goal].state


def test_round_closed_in_main_meanwhile_is_a_note(files, capsys):
    main_file, pkg = files
    _submit_in_package(pkg, "R1", "Z1", CONTENT_Z1)
    assert run(capsys, "round", "close", main_file, "R1", "--force")[0] == 0
    before = _reports(main_file, "R1")
    code, out, err = run(capsys, "merge", main_file, pkg)
    assert code == 0, err
    assert "0 Meldungen aus dem Ressortpaket übernommen." in out
    assert "Meldung zu Z1 (Berichtsrunde R1) nicht übernommen" in out
    assert "inzwischen abgeschlossen" in out
    assert _reports(main_file, "R1") == before


def test_report_accepted_in_main_is_not_overwritten(files, capsys):
    main_file, pkg = files
    _submit_in_package(pkg, "R1", "Z1", CONTENT_Z1)
    _submit_in_package(pkg, "R1", "Z2", ReportContent(progress="Planmäßig."))
    assert run(capsys, "round", "submit", main_file, "R1", "Z1", "--progress", "Haupt")[0] == 0
    assert run(capsys, "round", "review", main_file, "R1", "Z1", "--accept")[0] == 0
    accepted = _reports(main_file, "R1")["Z1"]
    code, out, err = run(capsys, "merge", main_file, pkg, "--json")
    data = json.loads(out)
    assert data["reports_taken"] == [{"round": "R1", "goal": "Z2"}]
    assert [(n["code"], n["key"]) for n in data["report_notes"]] == [
        ("package_report_accepted", "Z1")
    ]
    after = _reports(main_file, "R1")
    assert after["Z1"] == accepted and after["Z2"].state is ReportState.SUBMITTED
    mid = _status(capsys, main_file, "R1")["MID"]
    assert (mid["accepted"], mid["submitted"], mid["pending"]) == (1, 1, 0)


def test_report_of_another_ministrys_goal_is_never_taken(files, capsys):
    main_file, pkg = files
    _submit_in_package(pkg, "R1", "Z1", CONTENT_Z1)
    # a package that carries a foreign report (an older or edited file): written by hand
    foreign = dataclasses.replace(
        _reports(main_file, "R1")["Z3"],
        state=ReportState.SUBMITTED,
        progress="fremd",
        submitted_by="x",
        submitted_at="2026-12-01",
    )
    raw = Store.open(pkg)
    try:
        with raw.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO report (goal, round, ministry, state, status, status_reason,"
                ' progress, remark, forecasts, actuals, "values", submitted_by,'
                " submitted_ministry, submitted_at, reviewed_by, reviewed_at, review_comment)"
                " VALUES (?, ?, ?, ?, NULL, '', ?, '', '', '', '', ?, 'MF', ?, '', '', '')",
                (
                    foreign.goal,
                    foreign.round,
                    foreign.ministry,
                    "submitted",
                    foreign.progress,
                    foreign.submitted_by,
                    foreign.submitted_at,
                ),
            )
    finally:
        raw.close()
    before = _reports(main_file, "R1")
    code, out, err = run(capsys, "merge", main_file, pkg)
    assert code == 0, err
    assert "1 Meldung aus dem Ressortpaket übernommen." in out
    assert "Meldung zu Z3 (Berichtsrunde R1) nicht übernommen: das Ziel gehört nicht zu MID." in out
    after = _reports(main_file, "R1")
    assert after["Z3"] == before["Z3"] and after["Z3"].state is ReportState.PENDING
    assert after["Z1"].state is ReportState.SUBMITTED


def test_returned_report_is_submitted_again_and_a_second_merge_says_nothing(files, capsys):
    main_file, pkg = files
    assert run(capsys, "round", "submit", main_file, "R1", "Z1", "--progress", "Haupt")[0] == 0
    code, _, err = run(capsys, "round", "review", main_file, "R1", "Z1", "--return", "Quelle?")
    assert code == 0, err
    _submit_in_package(pkg, "R1", "Z1", CONTENT_Z1)
    code, out, err = run(capsys, "merge", main_file, pkg)
    assert code == 0, err
    assert "1 Meldung aus dem Ressortpaket übernommen." in out
    z1 = _reports(main_file, "R1")["Z1"]
    assert z1.state is ReportState.SUBMITTED and z1.progress == CONTENT_Z1.progress
    assert z1.review_comment == "Quelle?"  # the reviewer's comment stays with the report
    # the same package again: the report is there already, no figure and no note
    before = _reports(main_file, "R1")
    code, out, err = run(capsys, "merge", main_file, pkg, "--json")
    data = json.loads(out)
    assert code == 0, err
    assert (data["reports_taken"], data["report_notes"]) == ([], [])
    assert _reports(main_file, "R1") == before


def test_report_submitted_in_main_meanwhile_is_kept_with_a_note(files, capsys):
    main_file, pkg = files
    _submit_in_package(pkg, "R1", "Z1", CONTENT_Z1)
    assert run(capsys, "round", "submit", main_file, "R1", "Z1", "--progress", "Haupt")[0] == 0
    before = _reports(main_file, "R1")
    code, out, err = run(capsys, "merge", main_file, pkg)
    assert code == 0, err
    assert "liegt schon eine Meldung vor" in out
    assert _reports(main_file, "R1")["Z1"] == before["Z1"]


def test_conflict_decided_for_the_main_file_keeps_the_report_out(files, capsys):
    main_file, pkg = files
    _submit_in_package(pkg, "R1", "Z1", CONTENT_Z1)  # status delayed in the package
    code, _, err = run(capsys, "round", "submit", main_file, "R1", "Z2", "--progress", "Haupt")
    assert code == 0, err
    store = Store.open(main_file)
    try:  # the main file changed Z1's status meanwhile: a conflict on the reported field
        ops.UpdateGoal("Z1", {"status": Status.AT_RISK, "status_reason": "Personal fehlt"}).apply(
            store
        )
    finally:
        store.close()
    before = _reports(main_file, "R1")
    code, out, err = run(capsys, "merge", main_file, pkg, "--ours", "--json")
    data = json.loads(out)
    assert code == 0, err
    assert data["reports_taken"] == []
    assert [(n["code"], n["key"]) for n in data["report_notes"]] == [
        ("package_report_kept_mine", "Z1")
    ]
    assert _reports(main_file, "R1") == before
    store = Store.open(main_file, readonly=True)
    try:
        assert store.snapshot().goals["Z1"].status is Status.AT_RISK
    finally:
        store.close()


def test_a_ministry_cannot_review_its_own_reports_in_the_package(files, capsys):
    """Seen in an acceptance trial: in its Ressortpaket a ministry accepted its own report, and
    the merge then dropped that answer without a word („Nichts zu übernehmen“)."""
    main_file, pkg = files
    assert run(capsys, "round", "submit", pkg, "R1", "Z1", "--progress", "läuft")[0] == 0
    for decision in (["--accept"], ["--return", "selbst"]):
        code, _, err = run(capsys, "round", "review", pkg, "R1", "Z1", *decision)
        assert code == 1, decision
        assert "werden Meldungen beantwortet, nicht geprüft" in err and "Traceback" not in err
    assert _reports(pkg, "R1")["Z1"].state is ReportState.SUBMITTED
    code, out, err = run(capsys, "merge", main_file, pkg)
    assert code == 0, err
    assert "1 Meldung aus dem Ressortpaket übernommen." in out
