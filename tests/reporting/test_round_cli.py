"""`sa2030 round …` as REPORTING.md describes it: exit statuses 0/1/2, German refusals on
stderr, the `--json` documents, and `--round KEY` on the reading commands."""

from __future__ import annotations

import hashlib
import json

import pytest

from sa2030_desktop.cli.main import main
from tests.support.reporting import reporting_store


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def pf(tmp_path):
    path = tmp_path / "runden.sa2030"
    reporting_store(path).close()
    return path


def _open(capsys, pf, key="R1", *extra):
    code, _, err = run(capsys, "round", "open", pf, key, "--title", "Runde 1", "--as-of",
                       "2026-03-31", "--deadline", "2026-04-30", *extra)  # fmt: skip
    assert code == 0, err


def test_round_lifecycle_with_json_documents(capsys, pf):
    _open(capsys, pf)
    assert run(capsys, "round", "submit", pf, "R1", "Z1", "--status", "verzögert", "--reason",
               "Verzug", "--set", "Z1-M2=31.10.2026", "--progress", "läuft")[0] == 0  # fmt: skip
    assert (
        run(capsys, "round", "submit", pf, "R1", "Z5", "--value", "Quote=12,5@2026-03-31")[0] == 0
    )
    assert run(capsys, "round", "review", pf, "R1", "Z1", "--accept")[0] == 0
    assert run(capsys, "round", "review", pf, "R1", "Z5", "--return", "Quelle fehlt")[0] == 0
    code, out, _ = run(capsys, "round", "status", pf, "R1", "--json")
    data = json.loads(out)
    assert code == 0
    assert {k: data[k] for k in ("round", "state", "as_of", "deadline", "in_scope")} == {
        "round": "R1", "state": "open", "as_of": "2026-03-31", "deadline": "2026-04-30",
        "in_scope": 8}  # fmt: skip
    assert data["by_ministry"]["MID"] == {"pending": 1, "submitted": 0, "accepted": 1,
                                          "returned": 0, "in_scope": 2,
                                          "reported_share": 0.5, "overdue": True}  # fmt: skip
    assert data["by_ministry"]["MS"]["returned"] == 1
    code, _, err = run(capsys, "round", "close", pf, "R1")
    assert code == 1 and "--force" in err and "7 Meldungen" in err
    assert run(capsys, "round", "close", pf, "R1", "--force")[0] == 0
    code, out, _ = run(capsys, "round", "compare", pf, "R1", "aktuell", "--as-of", "2026-06-30",
                       "--json")  # fmt: skip
    cmp = json.loads(out)
    assert code == 0 and cmp["from"] == "R1" and cmp["to"] == "aktuell"
    assert sum(cmp["transitions"].values()) == 8
    # 0 → 100 over 2026-01-01..2027-01-01: 31.03. is day 89 of 365, expected 24.38;
    # gap (12.5 − 24.38) / 100 = −0.119 → hinter Plan (−0.25 ≤ g < −0.10)
    assert {
        "goal": "Z5",
        "name": "Quote",
        "unit": "%",
        "from": 12.5,
        "to": 12.5,
        "assessment_from": "behind",
        "assessment_to": "behind",
    } in cmp["indicators"]
    code, out, _ = run(capsys, "round", "list", pf, "--json")
    assert [(r["round"], r["state"], r["accepted"]) for r in json.loads(out)] == [
        ("R1", "closed", 1)
    ]


def test_refusals_exit_1_with_german_message_and_usage_exit_2(capsys, pf):
    _open(capsys, pf)
    cases = [
        (("round", "review", pf, "R1", "Z2", "--accept"), "ausstehend"),
        (("round", "compare", pf, "R1", "R1"), "mit sich selbst"),
        (("round", "compare", pf, "R1", "aktuell"), "noch offen"),
        (("round", "submit", pf, "R1", "Z1", "--set", "Z2-M1=2026-07-01"), "gehört nicht"),
        (("round", "submit", pf, "R1", "Z5", "--value", "Nix=1@2026-03-31"), "Nix"),
        (("round", "status", pf, "R9"), "R9"),
    ]
    for args, words in cases:
        code, _, err = run(capsys, *args)
        assert code == 1 and words in err, (args, err)
        assert "Traceback" not in err
    run(capsys, "round", "close", pf, "R1", "--force")
    for args, words in [(("round", "close", pf, "R1", "--force"), "schon abgeschlossen"),
                        (("round", "submit", pf, "R1", "Z1"), "abgeschlossen")]:  # fmt: skip
        code, _, err = run(capsys, *args)
        assert code == 1 and words in err
    with pytest.raises(SystemExit) as stop:  # --accept or --return: wrong usage
        run(capsys, "round", "review", pf, "R1", "Z1")
    assert stop.value.code == 2
    assert "Falscher Aufruf" in capsys.readouterr().err
    # a date that is no date is refused data (exit 1), naming the option and the value
    code, _, err = run(capsys, "round", "submit", pf, "R1", "Z1", "--set", "Z1-M2=morgen")
    assert code == 1 and "„morgen“ in „--set Z1-M2“ ist kein Datum" in err


def test_round_option_reads_the_frozen_state_unchanged_by_later_edits(capsys, pf, tmp_path):
    _open(capsys, pf)
    run(capsys, "round", "close", pf, "R1", "--force")
    out1, out2 = tmp_path / "r1a.json", tmp_path / "r1b.json"
    assert run(capsys, "export", pf, out1, "--round", "R1")[0] == 0
    _, stats_before, _ = run(capsys, "stats", pf, "--round", "R1", "--json")
    assert run(capsys, "round", "open", pf, "R2", "--title", "Runde 2", "--as-of", "2026-06-30",
               "--deadline", "2026-07-31")[0] == 0  # fmt: skip
    run(capsys, "round", "submit", pf, "R2", "Z4", "--status", "at_risk", "--reason", "x",
        "--actual", "Z4-M1=2026-06-01")  # fmt: skip
    assert run(capsys, "export", pf, out2, "--round", "R1")[0] == 0
    assert hashlib.sha256(out1.read_bytes()).digest() == hashlib.sha256(out2.read_bytes()).digest()
    assert run(capsys, "stats", pf, "--round", "R1", "--json")[1] == stats_before
    assert json.loads(stats_before)["as_of"] == "2026-03-31"
    code, _, err = run(capsys, "stats", pf, "--round", "R2")
    assert code == 1 and "noch offen" in err
    assert run(capsys, "graph", pf, tmp_path / "g.svg", "--round", "R1")[0] == 0
    assert run(capsys, "timeline", pf, tmp_path / "t.svg", "--round", "R1")[0] == 0
