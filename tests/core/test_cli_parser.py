"""`sa2030` builds only the parser of the subcommand it runs (issue 11 item 5): that parser,
its own subcommands included, and the top-level help are the same as with all parsers built."""

from __future__ import annotations

import argparse

import pytest

from sa2030_desktop.cli.main import build_parser, main


def _helps(parser, path=()) -> dict[tuple[str, ...], str]:
    """The help text of `parser` and of every subcommand below it, by command path."""
    helps = {path: parser.format_help()}
    for action in parser._actions:  # noqa: SLF001 (argparse keeps its subparsers here)
        if isinstance(getattr(action, "choices", None), dict):
            for name, sub in action.choices.items():
                if isinstance(sub, argparse.ArgumentParser):  # built, not a stand-in
                    helps.update(_helps(sub, (*path, name)))
    return helps


def test_one_command_built_alone_is_that_command_in_full():
    full = _helps(build_parser())
    commands = sorted({path[0] for path in full if path})
    assert {"stats", "check", "goal", "ministry", "round", "server"} <= set(commands)
    for command in commands:
        alone = _helps(build_parser(command))
        assert alone[()] == full[()]
        mine = {path: text for path, text in full.items() if path[:1] == (command,)}
        assert {path: text for path, text in alone.items() if path} == mine, command
    assert len(full) > 30


def test_help_lists_every_command_without_building_them(capsys):
    assert _helps(build_parser(""))[()] == _helps(build_parser())[()]
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    for command in ("stats", "check", "goal", "whatif", "timeline", "briefing", "server"):
        assert f"    {command}" in out


def test_an_option_before_the_command_is_refused_in_german(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--bogus", "stats", "x.sa2030"])
    assert done.value.code == 2
    assert "Falscher Aufruf: unbekannte Angaben: --bogus" in capsys.readouterr().err
