"""A date given to an option that is no date (2026-13-01, 31.02.2026, „morgen“) is refused data:
exit 1 and one German line naming the option and the value (EXCHANGE.md „Exit status“), not
argparse's usage error (exit 2) – for every date option of every subcommand, through one
reading (cli.common.date_value) and one message."""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys

import pytest

from sa2030_desktop.cli.common import DataOption, date_value, dated_value
from sa2030_desktop.cli.main import build_parser, main


def _options(parser: argparse.ArgumentParser, path=()):
    """(command path, action) of every option of every (sub)command."""
    for action in parser._actions:  # noqa: SLF001
        if isinstance(getattr(action, "choices", None), dict):
            for name, sub in action.choices.items():
                if isinstance(sub, argparse.ArgumentParser):
                    yield from _options(sub, (*path, name))
        elif action.option_strings:
            yield path, action


def _date_options():
    found = []
    for path, action in _options(build_parser()):
        metavar = str(action.metavar or "")
        if "DATUM" in metavar:
            found.append((path, action))
    return found


DATE_OPTIONS = _date_options()
IMPOSSIBLE = "2026-13-01"


def _bad_value(action) -> str:
    metavar = str(action.metavar)
    if metavar == "INDIKATOR=WERT@DATUM":
        return f"Quote=12@{IMPOSSIBLE}"
    if "=" in metavar:
        return f"Z1-M1={IMPOSSIBLE}"
    return IMPOSSIBLE


def test_every_date_option_is_read_by_the_one_date_reading():
    names = {(" ".join(p), a.option_strings[0]) for p, a in DATE_OPTIONS}
    # the ones EXCHANGE.md and REPORTING.md name, so that the walk above finds what it must
    assert {("stats", "--as-of"), ("timeline", "--from"), ("timeline", "--to"),
            ("whatif", "--set"), ("ministry rename", "--effective"),
            ("round open", "--deadline"), ("round submit", "--actual"),
            ("round submit", "--value"), ("briefing", "--since")} <= names  # fmt: skip
    assert len(names) >= 20
    for path, action in DATE_OPTIONS:
        assert isinstance(action, DataOption), (path, action.option_strings)
        if "=" not in str(action.metavar) and "UHRZEIT" not in str(action.metavar):
            assert action.convert is date_value, (path, action.option_strings)
        elif str(action.metavar) == "MEILENSTEIN=DATUM":
            assert action.convert is dated_value, (path, action.option_strings)


@pytest.mark.parametrize(
    ("path", "action"),
    DATE_OPTIONS,
    ids=[f"{' '.join(p)} {a.option_strings[0]}" for p, a in DATE_OPTIONS],
)
def test_an_impossible_date_is_refused_naming_option_and_value(path, action, tmp_path, capsys):
    portfolio = tmp_path / "p.sa2030"
    assert main(["new", str(portfolio)]) == 0
    before = hashlib.sha256(portfolio.read_bytes()).hexdigest()
    capsys.readouterr()
    option = action.option_strings[0]
    code = main([*path, option, _bad_value(action), str(portfolio)])
    err = capsys.readouterr().err
    assert code == 1, err
    assert f"sa2030 {path[0]}: „{IMPOSSIBLE}“ in „{option}" in err
    kind = "Zeitpunkt" if "UHRZEIT" in str(action.metavar) else "Datum"
    assert f"ist kein {kind} (erwartet 2026-" in err
    assert "Falscher Aufruf" not in err and "Traceback" not in err
    assert hashlib.sha256(portfolio.read_bytes()).hexdigest() == before


def test_stats_with_an_impossible_as_of_exits_1_in_a_real_process(tmp_path):
    portfolio = tmp_path / "demo.sa2030"
    assert main(["new", str(portfolio), "--demo"]) == 0
    before = hashlib.sha256(portfolio.read_bytes()).hexdigest()
    run = subprocess.run(
        [sys.executable, "-m", "sa2030_desktop.cli.main", "stats", str(portfolio), "--as-of",
         IMPOSSIBLE], capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode == 1
    assert run.stderr == (
        "sa2030 stats: „2026-13-01“ in „--as-of“ ist kein Datum "
        "(erwartet 2026-03-31 oder 31.03.2026).\n"
    )
    assert run.stdout == ""
    assert hashlib.sha256(portfolio.read_bytes()).hexdigest() == before


def test_a_date_outside_the_allowed_years_and_a_wrong_form(tmp_path, capsys):
    portfolio = tmp_path / "demo.sa2030"
    assert main(["new", str(portfolio), "--demo"]) == 0
    capsys.readouterr()
    assert main(["goal", str(portfolio), "Z01", "--as-of", "01.01.2300"]) == 1
    assert "Das Datum 01.01.2300 in „--as-of“ liegt außerhalb" in capsys.readouterr().err
    assert main(["whatif", str(portfolio), "--set", "Z01-M1=31.02.2027"]) == 1
    assert "„31.02.2027“ in „--set Z01-M1“ ist kein Datum" in capsys.readouterr().err
    # the form of MEILENSTEIN=DATUM itself is usage: exit 2, said in German
    with pytest.raises(SystemExit) as stop:
        main(["whatif", str(portfolio), "--set", "Z01-M1"])
    assert stop.value.code == 2
    assert "„Z01-M1“ hat nicht die Form MEILENSTEIN=DATUM" in capsys.readouterr().err
    # a good date still works, in both spellings
    assert main(["stats", str(portfolio), "--as-of", "31.03.2026", "--json"]) == 0
    assert '"as_of": "2026-03-31"' in capsys.readouterr().out
