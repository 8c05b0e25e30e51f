"""A whole reporting year on the hand-made portfolio of tests/support/reporting.py (issue 12
„Done means“), driven through the command line as the Koordinierungsstelle would script it:

round 1 (Stichtag 31.03.2026): three ministries answer by Meldebogen — MID, MS (its workbook
saved again by LibreOffice Calc) and MWL —, MF answers in the application, MJ not at all; MWL's
report on Z7 is returned and corrected by a second Meldebogen; closed with --force. Then the
portfolio is edited (goal renamed, goal deleted, dependency added, ministry renamed, a title
changed); round 2 (Stichtag 30.06.2026) is opened, answered and closed; the two are compared.

Every figure of `round status` and `round compare` is worked out by hand beside its assertion,
and round 1's frozen state is the same byte for byte (sha256 of its export) after all of it.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from contextlib import closing
from datetime import date, datetime

import openpyxl
import pytest

from sa2030_desktop.cli.main import main
from sa2030_desktop.domain.model import Dependency
from sa2030_desktop.services.operations.goals import DeleteGoal, RenameGoal, UpdateGoal
from sa2030_desktop.services.operations.links import Link
from sa2030_desktop.services.portfolio import open_portfolio
from tests.support.reporting import reporting_store

DEADLINE_1, DEADLINE_2 = date(2026, 4, 30), date(2026, 7, 15)


def run(capsys, *args, ok=True):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    if ok:
        assert code == 0, (args, err)
    return code, out, err


def edit(path, cells):
    wb = openpyxl.load_workbook(path)
    for sheet, values in cells.items():
        for ref, value in values.items():
            wb[sheet][ref] = value
    wb.save(path)


def row_of(path, sheet, key):
    """The Excel row of `key` (column A) — the test finds its cells as a user reads them."""
    ws = openpyxl.load_workbook(path, read_only=True)[sheet]
    return next(r[0].row for r in ws.iter_rows(min_row=5) if r[0].value == key)


def status(capsys, pf, key):
    return json.loads(run(capsys, "round", "status", pf, key, "--json")[1])


def counts(doc):
    """{ministry: (pending, submitted, accepted, returned)} of a `round status --json`."""
    return {m: (r["pending"], r["submitted"], r["accepted"], r["returned"])
            for m, r in doc["by_ministry"].items()}  # fmt: skip


def report_text(capsys, pf, key, target):
    """The Umsetzungsbericht of round `key` as `sa2030 briefing` writes it, read back as text:
    every paragraph and table cell of the re-opened .docx (the issue date pinned, as a re-run on
    another day would print another date)."""
    from docx import Document

    run(capsys, "briefing", pf, target, "--kind", "umsetzungsbericht", "--round", key,
        "--issued", "2027-01-15")  # fmt: skip
    doc = Document(str(target))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return [p.text for p in doc.paragraphs] + cells


def export_sha(capsys, pf, key, target):
    run(capsys, "export", pf, target, "--round", key)
    return hashlib.sha256(target.read_bytes()).hexdigest()


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) fehlt: im Jahrestest speichert ein Ressort "
                           "seinen Meldebogen mit Calc neu")  # fmt: skip
def test_a_reporting_year(capsys, tmp_path):
    pf = tmp_path / "jahr.sa2030"
    reporting_store(pf).close()
    late_1, late_2 = date.today() > DEADLINE_1, date.today() > DEADLINE_2

    # -- round 1 -----------------------------------------------------------------------------
    run(capsys, "round", "open", pf, "R1", "--title", "Umsetzungsbericht 2026", "--as-of",
        "2026-03-31", "--deadline", DEADLINE_1.isoformat())  # fmt: skip
    forms = tmp_path / "r1"
    run(capsys, "round", "form", pf, "R1", "--all", forms)
    mid, ms_, mwl = (forms / f"Meldebogen_R1_{m}.xlsx" for m in ("MID", "MS", "MWL"))

    # MID: Z1 verzögert with a reason, Z1-M2 two months later, Sachstand; Z2 untouched
    r = row_of(mid, "Meilensteine", "Z1-M2")
    edit(mid, {"Ziele": {"E5": "verzögert", "F5": "Lieferverzug", "G5": "Vergabe erfolgt"},
               "Meilensteine": {f"E{r}": datetime(2026, 11, 30)}})  # fmt: skip
    # MS: Sachstand, Z5-M1 achieved on 25.03., Quote 12,5 without date (→ the Stichtag);
    # then the workbook is saved again by LibreOffice Calc
    r = row_of(ms_, "Meilensteine", "Z5-M1")
    edit(ms_, {"Ziele": {"G5": "Pilot in drei Ämtern"},
               "Meilensteine": {f"F{r}": datetime(2026, 3, 25)},
               "Indikatoren": {"I5": "12,5"}})  # fmt: skip
    calc = tmp_path / "calc"
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                    "--headless", "--convert-to", "xlsx", "--outdir", str(calc), str(ms_)],
                   check=True, capture_output=True, timeout=180)  # fmt: skip
    # MWL: Fälle 70 on 31.03. for Z7; Z8 untouched
    edit(mwl, {"Indikatoren": {"I5": 70, "J5": datetime(2026, 3, 31)}})
    code, out, err = run(capsys, "round", "collect", pf, "R1", mid, calc / ms_.name, mwl,
                         "--json")  # fmt: skip
    doc = json.loads(out)
    assert [(f["ministry"], f["submitted"], f["changed"]) for f in doc["files"]] == [
        ("MID", ["Z1", "Z2"], ["Z1"]), ("MS", ["Z5"], ["Z5"]), ("MWL", ["Z7", "Z8"], ["Z7"])]  # fmt: skip

    # MF in the application
    run(capsys, "round", "submit", pf, "R1", "Z3", "--status", "im Plan", "--reason",
        "Projekt gestartet", "--ministry", "MF")  # fmt: skip
    run(capsys, "round", "submit", pf, "R1", "Z4", "--set", "Z4-M1=31.08.2026", "--progress",
        "Vergabe im Mai")  # fmt: skip

    # review: Z1 and Z5 accepted, Z7 returned
    run(capsys, "round", "review", pf, "R1", "Z1", "--accept")
    run(capsys, "round", "review", pf, "R1", "Z5", "--accept")
    run(capsys, "round", "review", pf, "R1", "Z7", "--return", "Quelle des Messwerts fehlt")
    s = status(capsys, pf, "R1")
    #            pending submitted accepted returned
    assert counts(s) == {"MF": (0, 2, 0, 0), "MID": (0, 1, 1, 0), "MJ": (1, 0, 0, 0),
                         "MS": (0, 0, 1, 0), "MWL": (0, 1, 0, 1)}  # fmt: skip
    assert [m for m, r in s["by_ministry"].items() if r["overdue"]] == (
        ["MJ", "MWL"] if late_1 else [])  # fmt: skip

    # MWL corrects Z7 with a new Meldebogen: it shows the return and the reported value
    again = tmp_path / "mwl2.xlsx"
    run(capsys, "round", "form", pf, "R1", "--ministry", "MWL", again)
    sheet = openpyxl.load_workbook(again)["Ziele"]
    assert sheet["D5"].value == "zurückgegeben: Quelle des Messwerts fehlt"
    assert openpyxl.load_workbook(again)["Indikatoren"]["I5"].value == 70
    edit(again, {"Indikatoren": {"I5": 80}, "Ziele": {"G5": "Quelle: Fachverfahren"}})
    doc = json.loads(run(capsys, "round", "collect", pf, "R1", again, "--json")[1])
    assert (doc["files"][0]["submitted"], doc["files"][0]["kept"]) == (["Z7"], ["Z8"])
    run(capsys, "round", "review", pf, "R1", "Z7", "--accept")

    s = status(capsys, pf, "R1")
    assert counts(s) == {"MF": (0, 2, 0, 0), "MID": (0, 1, 1, 0), "MJ": (1, 0, 0, 0),
                         "MS": (0, 0, 1, 0), "MWL": (0, 1, 1, 0)}  # fmt: skip
    # in scope 8; answered = submitted 4 + accepted 3 = 7 → 7/8 = 0.875
    assert (s["in_scope"], s["pending"], s["submitted"], s["accepted"], s["returned"]) == (
        8, 1, 4, 3, 0)  # fmt: skip
    assert s["reported_share"] == 0.875 and s["by_ministry"]["MJ"]["reported_share"] == 0.0
    assert s["overdue"] == (["MJ"] if late_1 else [])

    code, _, err = run(capsys, "round", "close", pf, "R1", ok=False)
    assert code == 1 and "fehlt noch 1 Meldung (Z6)" in err
    _, out, _ = run(capsys, "round", "close", pf, "R1", "--force")
    assert "(1 Ziel ohne Meldung)" in out
    frozen_1 = export_sha(capsys, pf, "R1", tmp_path / "r1-a.json")
    report_1 = report_text(capsys, pf, "R1", tmp_path / "bericht-r1-a.docx")
    assert any("Umsetzungsbericht" in line for line in report_1)
    assert any("Z6" in line for line in report_1)  # the missing report (MJ) is named

    # -- the year goes on: edits, a rename, a deletion ---------------------------------------
    with closing(open_portfolio(pf)) as store:
        RenameGoal("Z4", "Z9").apply(store)
        DeleteGoal("Z8").apply(store)
        Link(Dependency("Z7", "Z5", prerequisite_milestone="Z5-M2",
                        dependent_milestone="Z7-M1")).apply(store)  # fmt: skip
        UpdateGoal("Z1", {"title": "Ziel Z1 (neu gefasst)"}).apply(store)
    run(capsys, "ministry", "rename", pf, "MJ", "MJD", "--name", "Ministerium für Justiz und "
        "Digitales", "--effective", "2026-05-01")  # fmt: skip

    # -- round 2 -----------------------------------------------------------------------------
    run(capsys, "round", "open", pf, "R2", "--title", "Quartal 2", "--as-of", "2026-06-30",
        "--deadline", DEADLINE_2.isoformat())  # fmt: skip
    mjd = tmp_path / "mjd.xlsx"
    run(capsys, "round", "form", pf, "R2", "--ministry", "MJD", mjd)  # Z6, led by MJ's successor
    edit(mjd, {"Ziele": {"E5": "im Plan", "F5": "Personal gewonnen"}})
    run(capsys, "round", "collect", pf, "R2", mjd, "--ministry", "MJD")
    run(capsys, "round", "submit", pf, "R2", "Z1", "--status", "gefährdet", "--reason",
        "Budget gekürzt")  # fmt: skip
    run(capsys, "round", "submit", pf, "R2", "Z2", "--set", "Z2-M1=2026-12-15")
    run(capsys, "round", "submit", pf, "R2", "Z3", "--status", "abgeschlossen", "--reason",
        "fertig", "--actual", "Z3-M1=2026-05-20")  # fmt: skip
    run(capsys, "round", "submit", pf, "R2", "Z5", "--value", "Quote=40@2026-06-30")
    run(capsys, "round", "submit", pf, "R2", "Z7", "--value", "Fälle=70@30.06.2026")
    run(capsys, "round", "review", pf, "R2", "Z3", "--accept")
    s = status(capsys, pf, "R2")
    # 7 goals (Z8 deleted, Z4 now Z9); Z9 of MF unanswered
    assert counts(s) == {"MF": (1, 0, 1, 0), "MID": (0, 2, 0, 0), "MJD": (0, 1, 0, 0),
                         "MS": (0, 1, 0, 0), "MWL": (0, 1, 0, 0)}  # fmt: skip
    assert (s["in_scope"], s["pending"], s["submitted"], s["accepted"]) == (7, 1, 5, 1)
    assert s["reported_share"] == round(6 / 7, 4) and s["overdue"] == (["MF"] if late_2 else [])
    run(capsys, "round", "close", pf, "R2", "--force")

    # -- compare -----------------------------------------------------------------------------
    cmp = json.loads(run(capsys, "round", "compare", pf, "R1", "R2", "--json")[1])
    # in both: Z1 Z2 Z3 Z5 Z6 Z7. R1 → R2: Z1 verzögert→gefährdet (rank 2→3, worse),
    # Z3 im Plan→abgeschlossen (1→0), Z6 gefährdet→im Plan (3→1), Z2 Z5 Z7 stay im Plan
    assert cmp["transitions"] == {"at_risk>on_track": 1, "delayed>at_risk": 1,
                                  "on_track>done": 1, "on_track>on_track": 3}  # fmt: skip
    assert (cmp["worsened"], cmp["improved"]) == (["Z1"], ["Z3", "Z6"])
    assert (cmp["new_goals"], cmp["removed_goals"]) == (["Z9"], ["Z4", "Z8"])
    # Z3-M1 achieved 20.05. (after 31.03., not after 30.06.); Z5-M1 (25.03.) was before
    assert cmp["achieved_milestones"] == ["Z3-M1"]
    # Z2-M1 30.06. → 15.12.: 31+31+30+31+30 (Jul–Nov) + 15 = 168 days; Z3-M1 moved earlier
    assert cmp["shifted_milestones"] == [{"key": "Z2-M1", "days": 168}]
    # Z2>Z1: Z1-M2 needed 30.11. after Z2-M1 waiting 30.06. (R1) — resolved by 15.12. (R2);
    # Z7>Z5 (added): Z5-M2 needed 31.12. after Z7-M1 waiting 31.08.
    assert (cmp["new_conflicts"], cmp["resolved_conflicts"]) == (["Z7>Z5"], ["Z2>Z1"])
    # Quote 0→100 over 01.01.2026–01.01.2027 (365 days): 31.03. is day 89, expected 24.38,
    # gap (12.5 − 24.38)/100 = −0.119 → behind; 30.06. is day 180, expected 49.32,
    # gap (40 − 49.32)/100 = −0.093 → on track.
    # Fälle 100→0 over 01.01.–31.12.2026 (364 days): expected 75.55 on 31.03.,
    # gap (80 − 75.55)/(−100) = −0.045 → on track; 50.55 on 30.06., (70 − 50.55)/(−100) =
    # −0.195 → behind.
    assert cmp["indicators"] == [
        {"goal": "Z5", "name": "Quote", "unit": "%", "from": 12.5, "to": 40,
         "assessment_from": "behind", "assessment_to": "on_track"},
        {"goal": "Z7", "name": "Fälle", "unit": "", "from": 80, "to": 70,
         "assessment_from": "on_track", "assessment_to": "behind"},
    ]  # fmt: skip

    # -- round 1 frozen: unchanged by everything since ---------------------------------------
    assert export_sha(capsys, pf, "R1", tmp_path / "r1-b.json") == frozen_1
    r1 = json.loads((tmp_path / "r1-b.json").read_text(encoding="utf-8"))
    goals = {g["key"]: g for g in r1["goals"]}
    assert sorted(goals) == ["Z1", "Z2", "Z3", "Z4", "Z5", "Z6", "Z7", "Z8"]
    assert goals["Z1"]["title"] == "Ziel Z1" and goals["Z6"]["lead"] == "MJ"
    # the Umsetzungsbericht of round 1 reads the frozen state: the same text after the edits,
    # the rename of Z4, the deletion of Z8 and the ministry's new code
    assert report_text(capsys, pf, "R1", tmp_path / "bericht-r1-b.docx") == report_1
