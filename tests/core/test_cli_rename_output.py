"""`sa2030 ministry rename`: --json prints the rename as JSON (it printed the German sentence),
and a refusal names its date after DIN 5008 (it said „besteht nur bis 2026-12-31“)."""

from __future__ import annotations

import hashlib
import json

from sa2030_desktop.cli.main import main


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_rename_json_and_refusals_with_din_dates(tmp_path, capsys):
    portfolio = tmp_path / "p.sa2030"
    assert main(["new", str(portfolio)]) == 0
    capsys.readouterr()
    assert main(["ministry", "rename", str(portfolio), "MID", "MDI", "--name",
                 "Ministerium für Digitales", "--effective", "01.01.2027", "--json"]) == 0  # fmt: skip
    assert json.loads(capsys.readouterr().out) == {
        "kind": "rename", "old": ["MID"], "new": "MDI", "name": "Ministerium für Digitales",
        "effective": "2027-01-01",
    }  # fmt: skip
    before = _sha(portfolio)
    assert main(["ministry", "rename", str(portfolio), "MID", "MDX", "--name", "X",
                 "--effective", "2027-02-01"]) == 1  # fmt: skip
    assert capsys.readouterr().err == (
        "sa2030 ministry: Das Ressort MID besteht nur bis 31.12.2026.\n"
    )
    assert main(["ministry", "rename", str(portfolio), "MDI", "MDY", "--name", "X",
                 "--effective", "2026-06-01"]) == 1  # fmt: skip
    assert "Das Ressort MDI besteht erst ab 01.01.2027." in capsys.readouterr().err
    assert _sha(portfolio) == before


def test_a_round_whose_deadline_precedes_its_as_of_names_both_dates_after_din(tmp_path, capsys):
    portfolio = tmp_path / "demo.sa2030"
    assert main(["new", str(portfolio), "--demo"]) == 0
    before = _sha(portfolio)
    capsys.readouterr()
    assert main(["round", "open", str(portfolio), "R1", "--title", "Runde", "--as-of",
                 "2026-09-30", "--deadline", "2026-09-01"]) == 1  # fmt: skip
    assert capsys.readouterr().err == (
        "sa2030 round: Der Meldeschluss 01.09.2026 der Berichtsrunde R1 liegt vor ihrem "
        "Stichtag 30.09.2026.\n"
    )
    assert _sha(portfolio) == before


def test_the_change_log_names_the_rename_day_after_din(tmp_path, capsys):
    from sa2030_desktop.services.portfolio import open_portfolio

    portfolio = tmp_path / "p.sa2030"
    assert main(["new", str(portfolio)]) == 0
    assert main(["ministry", "rename", str(portfolio), "MID", "MDI", "--name", "Digitales",
                 "--effective", "2027-01-01"]) == 0  # fmt: skip
    store = open_portfolio(portfolio, readonly=True)
    try:
        comments = [c.comment for c in store.changes()]
    finally:
        store.close()
    assert "Umbenennung MID → MDI zum 01.01.2027" in comments, comments
