"""What a new user met on a portfolio of their own (not the demo): the words must fit the
command that was run."""

from __future__ import annotations

import hashlib

from sa2030_desktop.cli.main import main


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_on_an_existing_portfolio_says_it_exists_not_export(tmp_path, capsys):
    portfolio = tmp_path / "mein.sa2030"
    assert main(["new", str(portfolio), "--title", "Mein Portfolio"]) == 0
    capsys.readouterr()
    before = _sha(portfolio)
    assert main(["new", str(portfolio), "--demo"]) == 1
    err = capsys.readouterr().err
    assert (
        err == f"sa2030 new: Die Datei „{portfolio}“ gibt es schon; sie wird nicht überschrieben.\n"
    )
    assert "Export" not in err
    assert _sha(portfolio) == before


def test_copy_and_package_onto_an_existing_portfolio_say_it_exists(tmp_path, capsys):
    portfolio, other = tmp_path / "mein.sa2030", tmp_path / "anderes.sa2030"
    assert main(["new", str(portfolio), "--demo"]) == 0
    assert main(["new", str(other)]) == 0
    capsys.readouterr()
    before = _sha(other)
    for args in (["copy", str(portfolio), str(other)],
                 ["package", str(portfolio), "MID", str(other)]):  # fmt: skip
        assert main(args) == 1
        err = capsys.readouterr().err
        assert f"Die Datei „{other}“ gibt es schon; sie wird nicht überschrieben." in err, err
        assert "Export" not in err
    assert _sha(other) == before


def test_a_vermerk_without_goal_names_the_option_as_help_shows_it(tmp_path, capsys):
    portfolio = tmp_path / "demo.sa2030"
    assert main(["new", str(portfolio), "--demo"]) == 0
    capsys.readouterr()
    out = tmp_path / "v.docx"
    assert main(["briefing", str(portfolio), str(out), "--kind", "vermerk"]) == 1
    assert "„--goal ZIEL“" in capsys.readouterr().err
    assert not out.exists()


def test_empty_cells_are_named_missing_not_unknown_codes(tmp_path, capsys):
    portfolio = tmp_path / "mein.sa2030"
    assert main(["new", str(portfolio)]) == 0
    before = _sha(portfolio)
    goals = tmp_path / "ziele.csv"
    goals.write_text(
        "ziel_id;kategorie;themenfeld_id;themenfeld;titel;federfuehrung;beteiligt;status\n"
        "E1;;;;Ohne Themenfeld und Ressort;;;im Plan\n"
        "E2;;TF99;;Falsches Themenfeld;MXX;;im Plan\n",
        encoding="utf-8",
    )
    milestones = tmp_path / "meilensteine.csv"
    milestones.write_text(
        "meilenstein_id;ziel_id;titel;basistermin;prognose;ist\nQ-M1;;Ohne Ziel;31.05.2026;;\n",
        encoding="cp1252",
    )
    capsys.readouterr()
    assert main(["import", str(portfolio), str(goals), str(milestones)]) == 1
    err = capsys.readouterr().err
    assert "ziele.csv, Zeile 2, Ziel E1: Das Themenfeld fehlt." in err
    assert "ziele.csv, Zeile 2, Ziel E1: Das federführende Ressort fehlt." in err
    assert "meilensteine.csv, Zeile 2, Meilenstein Q-M1: Das Ziel fehlt, zu dem dies gehört." in err
    assert "„“" not in err
    # a code that is given but unknown is still named as such
    assert "Zeile 3, Ziel E2: Unbekanntes Themenfeld „TF99“." in err
    assert "Zeile 3, Ziel E2: Unbekanntes Ressort „MXX“." in err
    assert _sha(portfolio) == before


def test_goal_takes_round_like_every_report(tmp_path, capsys):
    """REPORTING.md: every report takes --round KEY; `goal` refused it as an unknown option."""
    import json

    portfolio = tmp_path / "demo.sa2030"
    assert main(["new", str(portfolio), "--demo"]) == 0
    assert main(["round", "open", str(portfolio), "R1", "--title", "Runde 1", "--as-of",
                 "2026-03-31", "--deadline", "2026-04-30"]) == 0  # fmt: skip
    assert main(["round", "close", str(portfolio), "R1", "--force"]) == 0
    capsys.readouterr()
    assert main(["goal", str(portfolio), "Z01", "--round", "R1", "--json"]) == 0
    frozen = json.loads(capsys.readouterr().out)
    assert frozen["as_of"] == "2026-03-31"
    # a later report changes the portfolio, never the frozen state
    new_status = "at_risk" if frozen["status"] != "at_risk" else "delayed"
    assert main(["round", "open", str(portfolio), "R2", "--title", "Runde 2", "--as-of",
                 "2026-06-30", "--deadline", "2026-07-31"]) == 0  # fmt: skip
    assert main(["round", "submit", str(portfolio), "R2", "Z01", "--status", new_status,
                 "--reason", "Lieferverzug"]) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["goal", str(portfolio), "Z01", "--round", "R1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == frozen
    assert main(["goal", str(portfolio), "Z01", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == new_status
    assert main(["goal", str(portfolio), "Z01", "--round", "R9"]) == 1
    assert "Berichtsrunde „R9“ gibt es nicht." in capsys.readouterr().err


def test_a_legacy_code_page_gets_replacements_not_an_internal_error(tmp_path):
    """`sa2030 stats … > datei.txt` on Windows writes cp1252, which has no „→“ (the longest
    chain): that ended as „Interner Fehler (UnicodeEncodeError …)“ with exit 1."""
    import os
    import subprocess
    import sys

    portfolio = tmp_path / "demo.sa2030"
    assert main(["new", str(portfolio), "--demo"]) == 0
    run = subprocess.run(
        [sys.executable, "-m", "sa2030_desktop.cli.main", "stats", str(portfolio)],
        capture_output=True, timeout=120, env={**os.environ, "PYTHONIOENCODING": "cp1252"},
    )  # fmt: skip
    assert run.returncode == 0, run.stderr.decode("cp1252")
    out = run.stdout.decode("cp1252")
    assert "Längste Kette:" in out and "Abhängigkeiten" in out  # what cp1252 has stays
    assert "→" not in out and " ? " in out
    assert run.stderr == b""


def test_codes_typed_in_another_case_mean_the_stored_ones(tmp_path, capsys):
    """`--ministry mid` selected nothing but „Unbekanntes Ressort „mid““ although MID exists;
    ministries are written in mixed case (StK), so a user cannot guess the case."""
    import json

    portfolio = tmp_path / "demo.sa2030"
    assert main(["new", str(portfolio), "--demo"]) == 0
    capsys.readouterr()
    assert main(["stats", str(portfolio), "--ministry", "MID", "--theme", "TF09", "--json"]) == 0
    exact = json.loads(capsys.readouterr().out)
    assert main(["stats", str(portfolio), "--ministry", "mid", "--theme", "tf09", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == exact
    assert main(["goal", str(portfolio), "z01", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["key"] == "Z01"
    out = tmp_path / "z.svg"
    assert main(["graph", str(portfolio), str(out), "--focus", "z05", "--predecessors"]) == 0
    assert out.is_file()
    capsys.readouterr()
    assert main(["stats", str(portfolio), "--ministry", "xyz"]) == 1
    assert "Unbekanntes Ressort „xyz“." in capsys.readouterr().err


def test_round_commands_take_codes_in_another_case_and_count_in_the_singular(tmp_path, capsys):
    portfolio = tmp_path / "demo.sa2030"
    assert main(["new", str(portfolio), "--demo"]) == 0
    assert main(["round", "open", str(portfolio), "R1", "--title", "Runde", "--as-of",
                 "2026-09-30", "--deadline", "2026-10-15", "--ministry", "mid"]) == 0  # fmt: skip
    form = tmp_path / "mid.xlsx"
    assert main(["round", "form", str(portfolio), "R1", "--ministry", "mid", str(form)]) == 0
    capsys.readouterr()
    # one goal answered beforehand: collecting the untouched form keeps that one answer
    from openpyxl import load_workbook

    goal = str(load_workbook(form)["Ziele"]["A5"].value).lower()  # a goal of MID's, typed small
    assert main(["round", "submit", str(portfolio), "R1", goal, "--ministry", "mid"]) == 0
    assert main(["round", "collect", str(portfolio), "R1", str(form), "--ministry", "Mid"]) == 0
    out = capsys.readouterr().out
    assert "; 1 frühere Meldung unverändert belassen." in out, out
    assert main(["round", "open", str(portfolio), "R2", "--title", "Runde", "--as-of",
                 "2026-09-30", "--deadline", "2026-10-15", "--ministry", "xyz"]) == 1  # fmt: skip
    assert "Unbekanntes Ressort „xyz“." in capsys.readouterr().err


def test_json_in_a_legacy_code_page_keeps_every_character(tmp_path):
    """The replacement above is for text a person reads; --json is data a script reads: in a
    code page without „→“ it escapes (\\u2192) instead of replacing, the parsed data is the
    same as in UTF-8."""
    import json
    import os
    import subprocess
    import sys

    portfolio = tmp_path / "demo.sa2030"
    assert main(["new", str(portfolio), "--demo"]) == 0
    outputs = []
    for encoding in ("utf-8", "cp1252", "ascii"):
        run = subprocess.run(
            [sys.executable, "-m", "sa2030_desktop.cli.main", "stats", str(portfolio), "--json"],
            capture_output=True, timeout=120, env={**os.environ, "PYTHONIOENCODING": encoding},
        )  # fmt: skip
        assert run.returncode == 0 and run.stderr == b"", run.stderr
        outputs.append(json.loads(run.stdout.decode(encoding)))
    assert outputs[0] == outputs[1] == outputs[2]
    assert "2030 – Demodaten" in outputs[2]["title"]  # the dash, which ascii lacks, is data
