"""Reporting rounds on the team server (issue 13, item 5): the Koordinierungsstelle opens the
round, each ministry answers the reports of its own goals directly, the completeness counts."""

from __future__ import annotations

import json

import psycopg
import pytest

from sa2030_desktop.cli.main import main


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_ministries_answer_their_reports_directly(team, capsys):
    code, _, err = run(capsys, "round", "open", team["stab"], "2026-Q4", "--title", "Q4",
                       "--as-of", "2026-12-31", "--deadline", "2027-01-15")  # fmt: skip
    assert code == 0, err
    code, _, err = run(capsys, "round", "submit", team["mid"], "2026-Q4", "Z01",
                       "--progress", "Rahmenvertrag unterschrieben")  # fmt: skip
    assert code == 0, err
    code, _, err = run(capsys, "round", "submit", team["mid"], "2026-Q4", "Z04",
                       "--progress", "fremd")  # fmt: skip
    assert code == 1 and "Als u_mid (Ressort MID) dürfen Sie Meldung Z04@2026-Q4" in err
    code, _, err = run(capsys, "round", "submit", team["leser"], "2026-Q4", "Z01",
                       "--progress", "Leser")  # fmt: skip
    assert code == 1 and "Rolle Leser" in err
    with psycopg.connect(team["mid"]) as conn:  # and with psql: another ministry's report
        changed = conn.execute(
            "UPDATE report SET progress = 'psql' WHERE goal = 'Z04' AND round = '2026-Q4'"
        ).rowcount
    assert changed == 0
    code, out, _ = run(capsys, "round", "status", team["leser"], "2026-Q4", "--json")
    assert code == 0
    data = json.loads(out)  # the completeness every window shows, read as a leser
    assert (data["submitted"], data["pending"], data["in_scope"]) == (1, 49, 50)
    assert data["by_ministry"]["MID"]["submitted"] == 1
    with psycopg.connect(team["admin"]) as conn:
        row = conn.execute(
            "SELECT state, submitted_by FROM report WHERE goal = 'Z01' AND round = '2026-Q4'"
        ).fetchone()
    assert row == ("submitted", "u_mid")


def test_copy_and_package_of_a_server_point_to_checkout(team, tmp_path, capsys):
    for args in (["copy", team["stab"], tmp_path / "k.sa2030"],
                 ["package", team["stab"], "MID", tmp_path / "p.sa2030"]):  # fmt: skip
        code, _, err = run(capsys, *args)
        assert code == 1 and "sa2030 checkout SERVER" in err
    assert list(tmp_path.iterdir()) == []


def test_a_ministry_answers_its_reports_but_only_the_koordinierungsstelle_reviews(team, capsys):
    """Seen in an acceptance trial: a Ressort login accepted its own report (exit 0). Reviews
    are the Koordinierungsstelle's (TEAM.md, REPORTING.md) – in the application and with psql."""
    code, _, err = run(capsys, "round", "open", team["stab"], "2026-Q4", "--title", "Q4",
                       "--as-of", "2026-12-31", "--deadline", "2027-01-15")  # fmt: skip
    assert code == 0, err
    code, _, err = run(capsys, "round", "open", team["mid"], "X1", "--title", "X",
                       "--as-of", "2026-12-31", "--deadline", "2027-01-15")  # fmt: skip
    assert (
        code == 1 and "Berichtsrunde X1 nicht ändern: das darf nur die Koordinierungsstelle" in err
    )
    assert run(capsys, "round", "submit", team["mid"], "2026-Q4", "Z01", "--progress", "a")[0] == 0
    for decision in (["--accept"], ["--return", "selbst zurück"]):
        code, _, err = run(capsys, "round", "review", team["mid"], "2026-Q4", "Z01", *decision)
        assert code == 1, decision
        assert "können Sie die Meldung Z01@2026-Q4 nicht prüfen" in err
        assert "nur die Koordinierungsstelle" in err and "Traceback" not in err
    with psycopg.connect(team["mid"]) as conn:  # nor with psql and the own password
        for sql in ("UPDATE report SET state = 'accepted' WHERE goal = 'Z01'",
                    "UPDATE report SET review_comment = 'gut' WHERE goal = 'Z01'"):  # fmt: skip
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)
            conn.rollback()
    # the Koordinierungsstelle returns it, the ministry answers again, the Stabsstelle accepts
    code, _, err = run(
        capsys, "round", "review", team["stab"], "2026-Q4", "Z01", "--return", "mehr"
    )
    assert code == 0, err
    assert run(capsys, "round", "submit", team["mid"], "2026-Q4", "Z01", "--progress", "b")[0] == 0
    assert run(capsys, "round", "review", team["stab"], "2026-Q4", "Z01", "--accept")[0] == 0
    with psycopg.connect(team["admin"]) as conn:
        row = conn.execute(
            "SELECT state, reviewed_by FROM report WHERE goal = 'Z01' AND round = '2026-Q4'"
        ).fetchone()
    assert row == ("accepted", "u_stab")


def test_a_ministry_undoes_its_answer_to_a_returned_report(team, capsys):
    """Undo of a ministry's answer to a returned report puts the return back as the
    Koordinierungsstelle left it (its reviewer and comment): no review of the ministry's own,
    so neither the application nor the server's trigger refuses it (it was refused as „können
    Sie die Meldung nicht prüfen“). Setting a report returned that nobody reviewed stays refused."""
    from sa2030_desktop.domain import reporting as rr
    from sa2030_desktop.services.operations.reporting import SubmitReport
    from sa2030_desktop.services.portfolio import open_portfolio

    code, _, err = run(capsys, "round", "open", team["stab"], "2026-Q4", "--title", "Q4",
                       "--as-of", "2026-12-31", "--deadline", "2027-01-15")  # fmt: skip
    assert code == 0, err
    for goal in ("Z01", "Z02"):
        assert (
            run(capsys, "round", "submit", team["mid"], "2026-Q4", goal, "--progress", "a")[0] == 0
        )
    code, _, err = run(
        capsys, "round", "review", team["stab"], "2026-Q4", "Z01", "--return", "mehr"
    )
    assert code == 0, err
    store = open_portfolio(team["mid"])
    try:
        answer = SubmitReport("2026-Q4", "Z01", rr.ReportContent(progress="b"))
        answer.apply(store)
        answer.inverse().apply(store)  # what Rückgängig does
    finally:
        store.close()
    with psycopg.connect(team["admin"]) as conn:
        row = conn.execute(
            "SELECT state, reviewed_by, review_comment, progress FROM report"
            " WHERE goal = 'Z01' AND round = '2026-Q4'"
        ).fetchone()
    assert row == ("returned", "u_stab", "mehr", "a")
    with psycopg.connect(team["mid"]) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("UPDATE report SET state = 'returned' WHERE goal = 'Z02'")
