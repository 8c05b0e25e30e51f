"""The commands as EXCHANGE.md writes them, tried on a fresh demo portfolio: `whatif FILE --set
MILESTONE=DATE…` takes several changes after one --set; `ministry rename FILE OLD NEW` and
`package FILE RESSORT` take codes typed in another case as the stored ones (domain/codes.py),
like every other command; `ministry --help` names its subcommand like `round --help`."""

from __future__ import annotations

import json
from contextlib import closing

from sa2030_desktop.services.portfolio import open_portfolio


def test_whatif_takes_several_changes_after_one_set(cli, demo):
    changes = ("Z01-M3=2027-01-01", "Z04-M2=2027-12-31")
    code, one_set, err = cli("whatif", demo, "--set", *changes, "--json")
    assert code == 0, err
    code, two_sets, err = cli("whatif", demo, "--set", changes[0], "--set", changes[1],
                              "--json")  # fmt: skip
    assert code == 0, err
    assert one_set == two_sets
    moved = [c["milestone"] for c in json.loads(one_set)["changes"]]
    assert sorted(moved) == ["Z01-M3", "Z04-M2"]
    # a milestone key typed in small letters is the stored one
    code, small, err = cli("whatif", demo, "--set", "z01-m3=2027-01-01",
                           "z04-m2=2027-12-31", "--json")  # fmt: skip
    assert code == 0, err
    assert small == one_set
    code, out, _ = cli("whatif", demo, "--help")
    assert "--set MEILENSTEIN=DATUM [MEILENSTEIN=DATUM ...]" in _flat(out)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_ministry_rename_and_merge_take_codes_in_any_case(cli, demo):
    code, out, err = cli("ministry", "rename", demo, "mi", "mj", "MIJ",
                         "--name", "Ministerium für Inneres und Justiz",
                         "--effective", "01.01.2027")  # fmt: skip
    assert code == 0, err
    assert out.startswith("MI, MJ zum 01.01.2027 zusammengelegt in MIJ")
    code, out, err = cli("ministry", "rename", demo, "stk", "STK2", "--name",
                         "Staatskanzlei neu", "--effective", "2027-01-01")  # fmt: skip
    assert code == 0, err
    with closing(open_portfolio(demo, readonly=True)) as store:
        ministries = store.snapshot().ministries
    assert ministries["MI"].successor == ministries["MJ"].successor == "MIJ"
    assert ministries["StK"].successor == "STK2"
    assert "mi" not in ministries and "stk" not in ministries


def test_ministry_rename_may_change_only_the_case_of_its_code(cli, demo):
    """StK → STK: the new code stands as typed (4266c81 matched it to StK, the same code, and
    refused the rename); a new code that is another ministry's in another case still means
    that ministry (mb is MB: a merge into it, refused here for the wrong name)."""
    code, out, err = cli("ministry", "rename", demo, "stk", "STK", "--name",
                         "Staatskanzlei", "--effective", "2027-01-01")  # fmt: skip
    assert code == 0, err
    assert out.startswith("StK zum 01.01.2027 umbenannt in STK")
    with closing(open_portfolio(demo, readonly=True)) as store:
        ministries = store.snapshot().ministries
    assert ministries["StK"].successor == "STK"
    code, out, err = cli("ministry", "rename", demo, "mid", "mb", "--name", "x",
                         "--effective", "2027-01-01")  # fmt: skip
    assert code == 1
    assert "Das Ressort MB gibt es schon" in _flat(err)
    with closing(open_portfolio(demo, readonly=True)) as store:
        assert "mb" not in store.snapshot().ministries


def test_package_takes_the_ministry_code_in_any_case(cli, demo, tmp_path):
    code, out, err = cli("package", demo, "mid", tmp_path / "mid.sa2030")
    assert code == 0, err
    assert out.startswith("Ressortpaket MID: ")


def test_ministry_help_names_its_subcommand_like_round_help(cli):
    code, out, _ = cli("ministry", "--help")
    assert code == 0
    assert "Aufruf: sa2030 ministry [-h] BEFEHL ..." in out
    assert "  BEFEHL\n    rename " in out
    code, out, _ = cli("ministry", "rename", "--help")
    assert "DATEI KÜRZEL [KÜRZEL ...]" in out and "ALT" not in out
    code, out, _ = cli("graph", "--help")
    assert "das Ergebnis maschinenlesbar als JSON auf der Standardausgabe" in _flat(out)


def test_top_level_help_says_the_exit_statuses_scripts_rely_on(cli):
    code, out, _ = cli("--help")
    assert code == 0
    text = _flat(out)
    assert "Rückgabewert: 0 erledigt, 1 abgelehnt oder ungültige Daten" in text
    assert "2 falscher Aufruf" in text and "sa2030 BEFEHL --help" in text
