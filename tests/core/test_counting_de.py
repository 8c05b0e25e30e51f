"""German counting: „1 Konflikt“, „1 Meldung“, „1 Ziel“ – never „1 Konflikte“ or „Erweiterung(en)“.

Messages word their numbers with `{count:Singular|Plural}` (domain/grammar.Count); the command
line with grammar.count_de and friends."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sa2030_desktop.cli.main import main
from sa2030_desktop.domain.grammar import Count
from sa2030_desktop.messages import format_code, format_reports_taken

PACKAGE = Path(__file__).resolve().parents[2] / "sa2030_desktop"


@pytest.mark.parametrize(
    ("code", "data", "one", "two"),
    [
        ("merge_conflicts", {}, "1 Konflikt – bitte", "2 Konflikte – bitte"),
        ("merge_undecided", {}, "Für 1 Konflikt fehlt", "Für 2 Konflikte fehlt"),
        ("package_reports_taken", {}, "1 Meldung aus dem", "2 Meldungen aus dem"),
        ("vermerk_needs_one_goal", {}, "enthält aber 1 Ziel.", "enthält aber 2 Ziele."),
        ("round_missing_reports", {"key": "R1", "goals": "Z6"},
         "fehlt noch 1 Meldung (Z6)", "fehlen noch 2 Meldungen (Z6)"),
        ("csv_row_width", {"header": 8, "sep": ";"}, "hat 1 Feld, die", "hat 2 Felder, die"),
        ("server_foreign", {"path": "db"}, "(1 fremde Tabelle)", "(2 fremde Tabellen)"),
    ],
)  # fmt: skip
def test_messages_count_in_the_singular_for_one(code, data, one, two):
    assert one in format_code(code, {**data, "count": 1})
    assert two in format_code(code, {**data, "count": 2})


def test_reports_taken_is_one_rule():
    assert format_reports_taken(1) == "1 Meldung aus dem Ressortpaket übernommen."
    assert format_reports_taken(3) == "3 Meldungen aus dem Ressortpaket übernommen."


def test_a_count_without_nouns_stays_a_number():
    assert f"{Count(7)}" == "7" and f"{Count(7):03d}" == "007" and Count(7) + 1 == 8
    assert f"{Count(1):verb:ist|sind} {Count(1):Ziel|Ziele}" == "ist 1 Ziel"
    assert f"{Count(0):Ziel|Ziele}" == "0 Ziele"


NOUNS = (
    "Ziele|Meilensteine|Abhängigkeiten|Konflikte|Meldungen|Änderungen|Felder|Tabellen|Indikatoren"
    "|Protokolleinträge|Anmeldungen|Hinweise|Themenfelder|Ressorts|Clients|Erweiterungen"
)
# a bare number field followed by a plural noun (possibly after adjectives): „{n} Ziele“,
# „{len(x)} verbundene Clients“ – and the „Erweiterung(en)“ shortcut
BARE = re.compile(
    r"\{[^{}:]*\} (?:[a-zäöü/]+e )?(?:" + NOUNS + r")\b|[A-ZÄÖÜ][a-zäöü]+\((?:en|e|n)\)"
)


def test_no_bare_number_before_a_plural_noun_in_the_cli_and_the_messages():
    files = [*sorted((PACKAGE / "cli").glob("*.py")), *sorted(PACKAGE.glob("messages*.py"))]
    files.append(PACKAGE / "gui" / "main_window.py")
    found = []
    for path in files:
        for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "höchstens {limit}" in line:  # over a limit: never one
                continue
            if BARE.search(line):
                found.append(f"{path.name}:{no}: {line.strip()}")
    assert not found, "\n".join(found)


def test_the_command_line_counts_one_theme_and_one_ministry(tmp_path, capsys):
    pf = tmp_path / "p.sa2030"
    assert main(["new", str(pf)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"\(\d+ Ziele?, \d+ Themenfelde?r?, \d+ Ressorts?\)", out), out
    assert not re.search(r"\b1 (Ziele|Themenfelder|Ressorts)\b", out), out
