"""`sa2030 BEFEHL --help` is German and complete: every command says what it does, every
argument what it takes – a new user found bare `DATEI`, `QUELLE`, `PAKET`, `--json` lines."""

from __future__ import annotations

import argparse
import re

import pytest

from sa2030_desktop.cli.main import build_parser, main


def _commands(parser: argparse.ArgumentParser, path=()):
    for action in parser._actions:  # noqa: SLF001 (argparse keeps its subparsers here)
        if isinstance(getattr(action, "choices", None), dict):
            for name, sub in action.choices.items():
                if isinstance(sub, argparse.ArgumentParser):
                    yield (*path, name), sub
                    yield from _commands(sub, (*path, name))


COMMANDS = list(_commands(build_parser()))


def test_every_command_describes_itself_and_every_argument():
    assert len(COMMANDS) > 30
    bare = []
    for path, parser in COMMANDS:
        if not parser.description:
            bare.append(" ".join(path))
        for action in parser._actions:  # noqa: SLF001
            if not action.help and not isinstance(action, argparse._SubParsersAction):
                name = (action.option_strings or [action.metavar or action.dest])[0]
                bare.append(f"{' '.join(path)} {name}")
    assert bare == []


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=[" ".join(p) for p, _ in COMMANDS])
def test_help_of_each_command_is_german(path, capsys):
    words = list(path)
    if words[:2] == ["server", "user"] and len(words) > 2:  # sa2030 server user SERVER add …
        words.insert(2, "service=sa2030")
    with pytest.raises(SystemExit) as done:
        main([*words, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    shown = " ".join(path).replace("server user ", "server user SERVER ")
    assert out.startswith(f"Aufruf: sa2030 {shown} ")
    assert "Optionen:" in out and "diese Hilfe zeigen und beenden" in out
    english = re.search(r"\b(usage|options|positional arguments|show this help|KEY)\b", out)
    assert english is None, out
    assert "Handbuch:" in out


def test_stats_help_names_the_status_codes_and_what_json_does(capsys):
    with pytest.raises(SystemExit):
        main(["stats", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "Kennzahlen des Portfolios" in out
    assert "DATEI die Portfoliodatei (.sa2030)" in out
    assert "--json das Ergebnis maschinenlesbar als JSON" in out
    assert "on_track (im Plan)" in out and "--goal ZIEL" in out


def test_an_unknown_status_in_a_filter_is_refused_data_like_an_unknown_ministry(tmp_path, capsys):
    portfolio = tmp_path / "p.sa2030"
    assert main(["new", str(portfolio), "--demo"]) == 0
    capsys.readouterr()
    assert main(["stats", str(portfolio), "--ministry", "XYZ"]) == 1
    assert "Unbekanntes Ressort „XYZ“" in capsys.readouterr().err
    assert main(["stats", str(portfolio), "--status", "fertig"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("sa2030 stats: „fertig“ in „--status“ ist kein Status (erlaubt: ")
    assert main(["stats", str(portfolio), "--status", "verzögert", "--json"]) == 0
    assert main(["stats", str(portfolio), "--status", "delayed", "--json"]) == 0


USAGE_ERRORS = [
    (["stats", "{f}", "--only-slipped=x"], "Angabe --only-slipped: nimmt keinen Wert"),
    (["round", "review", "{f}", "R1", "Z01", "--accept", "--return", "x"],
     "Angabe --return: nicht zusammen mit --accept"),
    (["round", "review", "{f}", "R1", "Z01"], "eine der Angaben --accept --return ist nötig"),
    (["graph", "{f}", "g.png", "--dpi", "hoch"],
     "Angabe --dpi: ungültiger Wert 'hoch' (erwartet eine ganze Zahl)"),
    (["graph", "{f}", "g.png", "--swimlanes", "quer"],
     "Angabe --swimlanes: ungültige Auswahl 'quer' (erlaubt sind 'lead', 'theme')"),
    (["stats", "{f}", "--as-of"], "Angabe --as-of: erwartet einen Wert"),
    (["stats"], "es fehlen die Angaben: DATEI"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "words"), USAGE_ERRORS, ids=[e[1][:30] for e in USAGE_ERRORS])
def test_wrong_usage_is_said_in_german(args, words, tmp_path, capsys):
    portfolio = tmp_path / "p.sa2030"
    with pytest.raises(SystemExit) as stop:
        main([a.replace("{f}", str(portfolio)) for a in args])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert f"Falscher Aufruf: {words}" in err
    english = re.search(r"\b(argument|allowed|required|invalid|expected|ignored|explicit)\b", err)
    assert english is None, err
    assert not portfolio.exists()


def test_version_is_shown(capsys):
    from sa2030_desktop import __version__

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out == f"SA2030 Planner {__version__}\n"
