"""A code typed in another case means the stored one – one rule (domain/codes.py) for the CLI,
every import (CSV, Excel, JSON) and the Meldebogen: `mid` is MID, `stk` is StK, `z01` is Z01.
A code that matches nothing is still refused naming file, line and value, nothing written."""

from __future__ import annotations

import json
from contextlib import closing
from datetime import datetime

import openpyxl
import pytest

from sa2030_desktop.domain.codes import StoredCodes, stored_code
from sa2030_desktop.domain.model import Status
from sa2030_desktop.services.portfolio import open_portfolio
from tests.support.safety import sha256

GOALS = "ziel_id;kategorie;themenfeld_id;themenfeld;titel;federfuehrung;beteiligt;status\n"
MILESTONES = "meilenstein_id;ziel_id;titel;basistermin;prognose;ist\n"
DEPENDENCIES = "abhaengig;benoetigt;art;benoetigter_meilenstein;begruendung\n"


def test_the_rule_exact_first_then_the_one_match_ignoring_case():
    known = {"MID": 1, "StK": 2, "Z5": 3, "z5": 4}
    assert stored_code("mid", known) == "MID"
    assert stored_code("STK", known) == "StK"
    assert stored_code("StK", known) == "StK"
    assert stored_code("z5", known) == "z5"  # stored exactly so: that one
    assert stored_code("Z5", known) == "Z5"
    assert stored_code("xx", known) == "xx"  # unknown: stays, refused by name later
    codes = StoredCodes(["Ab", "aB"])
    assert codes("ab") == "ab"  # ambiguous: stays as typed
    codes = StoredCodes(["MID"])
    assert codes("z99") == "z99"
    codes.add("Z99")  # defined by the same file
    assert codes("z99") == "Z99"


def _small_tables(folder, lead="mid"):
    """Goals, milestones and a dependency naming stored codes and keys in small letters."""
    folder.mkdir()
    (folder / "ziele.csv").write_text(
        GOALS + f"z01;vv;tf01;E-Governance;Neuer Titel;{lead};stk, mf;im plan\n", "utf-8"
    )
    (folder / "meilensteine.csv").write_text(
        MILESTONES + "Z01-M9;z01;Neuer Meilenstein;31.12.2027;31.12.2027;\n", "utf-8"
    )
    (folder / "abhaengigkeiten.csv").write_text(
        DEPENDENCIES + "z05;z01;hart;z01-m1;braucht die Steuerung\n", "utf-8"
    )
    return sorted(folder.iterdir())


def test_csv_import_takes_codes_and_keys_in_any_case(cli, demo, tmp_path):
    with closing(open_portfolio(demo, readonly=True)) as store:
        goals_before = len(store.snapshot().goals)
    sources = _small_tables(tmp_path / "csv")
    code, out, err = cli("import", demo, *sources)
    assert code == 0, err
    with closing(open_portfolio(demo, readonly=True)) as store:
        p = store.snapshot()
    assert len(p.goals) == goals_before  # z01 updated Z01, it added no goal „z01“
    z01 = p.goals["Z01"]
    assert (z01.title, z01.theme, z01.lead, z01.partners) == (
        "Neuer Titel", "TF01", "MID", ["StK", "MF"])  # fmt: skip
    assert p.milestones["Z01-M9"].goal == "Z01"
    dep = next(d for d in p.dependencies if d.pair == ("Z05", "Z01"))
    assert dep.prerequisite_milestone == "Z01-M1"
    # the same files again: nothing to change (keys matched)
    code, out, err = cli("import", demo, *sources)
    assert code == 0 and "0 neu, 0 geändert" in out, out + err


def test_an_unknown_code_is_still_refused_by_file_line_and_value(cli, demo, tmp_path):
    sources = _small_tables(tmp_path / "csv", lead="mxd")
    before = sha256(demo)
    code, _, err = cli("import", demo, *sources)
    assert code == 1
    assert "ziele.csv, Zeile 2, Ziel z01: Unbekanntes Ressort „mxd“" in err, err
    assert "stk" not in err and "Unbekanntes Ziel" not in err  # only the one unknown code
    assert sha256(demo) == before


def test_xlsx_and_json_imports_take_the_same_rule(cli, demo, tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Ziele"
    book["Ziele"].append(GOALS.strip().split(";"))
    book["Ziele"].append(["z02", "vg", "tf13", "", "Titel aus Excel", "mid", "mf", "im Plan"])
    book.create_sheet("Meilensteine").append(MILESTONES.strip().split(";"))
    book["Meilensteine"].append(["Z02-M9", "z02", "Aus Excel", datetime(2027, 3, 31), None, None])
    book.create_sheet("Abhaengigkeiten").append(DEPENDENCIES.strip().split(";"))
    book["Abhaengigkeiten"].append(["z06", "z02", "weich", "", "aus Excel"])
    xlsx = tmp_path / "vorlage.xlsx"
    book.save(xlsx)
    code, _, err = cli("import", demo, xlsx)
    assert code == 0, err

    data = {"format": "sa2030-portfolio", "version": 1,
            "goals": [{"key": "z03", "title": "Titel aus JSON", "theme": "tf02", "lead": "stk",
                       "partners": ["mid"], "status": "on_track"}],
            "milestones": [{"key": "Z03-M9", "goal": "z03", "title": "Aus JSON",
                            "baseline": "2027-06-30", "forecast": "2027-06-30"}]}  # fmt: skip
    source = tmp_path / "quelle.json"
    source.write_text(json.dumps(data), "utf-8")
    code, _, err = cli("import", demo, source)
    assert code == 0, err
    with closing(open_portfolio(demo, readonly=True)) as store:
        p = store.snapshot()
    assert (p.goals["Z02"].title, p.goals["Z02"].lead, p.goals["Z02"].partners) == (
        "Titel aus Excel", "MID", ["MF"])  # fmt: skip
    assert p.milestones["Z02-M9"].goal == "Z02"
    assert any(d.pair == ("Z06", "Z02") for d in p.dependencies)
    z03 = p.goals["Z03"]
    assert (z03.title, z03.theme, z03.lead, z03.partners) == (
        "Titel aus JSON", "TF02", "StK", ["MID"])  # fmt: skip
    assert p.milestones["Z03-M9"].goal == "Z03"
    assert "z02" not in p.goals and "z03" not in p.goals


def test_meldebogen_key_cells_typed_in_small_letters(tmp_path):
    """A locked Ziel-ID typed again as `z1` is no edit of a locked cell; a row added below the
    prefill with `z1-m1` is found as the prefilled Z1-M1 (its duplicate), not as unknown."""
    from datetime import date

    from sa2030_desktop.domain.errors import ValidationError
    from sa2030_desktop.services import reporting
    from sa2030_desktop.services.reporting import meldebogen_collect as mc
    from sa2030_desktop.services.reporting import meldebogen_write as mw
    from tests.support.reporting import reporting_store

    store = reporting_store(tmp_path / "runden.sa2030")
    try:
        reporting.open_round(store, "R1", "Bericht", date(2026, 3, 31), date(2026, 4, 30))
        path = mw.write_form(store, "R1", "MID", tmp_path / "mid.xlsx").path
        book = openpyxl.load_workbook(path)
        book["Ziele"]["A5"] = "z1"
        book["Ziele"]["E5"], book["Ziele"]["F5"] = "verzögert", "Lieferverzug"
        book.save(path)
        result = mc.collect(store, "R1", path, today=date(2026, 4, 10))
        assert result.changed == ["Z1"]
        assert store.snapshot().goals["Z1"].status is Status.DELAYED

        path = mw.write_form(store, "R1", "MID", tmp_path / "mid2.xlsx").path
        book = openpyxl.load_workbook(path)
        sheet = book["Meilensteine"]
        sheet.cell(sheet.max_row + 1, 1, "z1-m1")
        sheet.cell(sheet.max_row, 2, "z1")
        book.save(path)
        with pytest.raises(ValidationError) as info:
            mc.collect(store, "R1", path, today=date(2026, 4, 10))
        codes = [issue.code for issue in info.value.issues]
        assert codes == ["form_duplicate_row"], codes
    finally:
        store.close()


def test_a_category_cell_follows_the_one_code_rule():
    """`kategorie` was matched by its own case-folded dict, the last code winning: with two
    categories differing only in case (ab, AB) a cell „ab“ meant AB. It follows
    domain/codes.py now: stored as typed wins; another case means the one match; names too."""
    from types import SimpleNamespace as NS

    from sa2030_desktop.services.tabular import _check_categories

    cats = {"ab": NS(code="ab", name="Erste"), "AB": NS(code="AB", name="Zweite"),
            "C": NS(code="C", name="Dritte")}  # fmt: skip
    themes = {"T1": NS(category="ab"), "T3": NS(category="C")}
    portfolio = NS(categories=cats, themes=themes)

    def row(theme):
        return NS(place={"file": "ziele.csv", "line": 2}, obj=NS(theme=theme))

    assert _check_categories(portfolio, [(row("T1"), "ab", "kategorie")]) == []
    assert _check_categories(portfolio, [(row("T3"), "c", "kategorie")]) == []
    assert _check_categories(portfolio, [(row("T3"), "dritte", "kategorie")]) == []
    (issue,) = _check_categories(portfolio, [(row("T3"), "Ab", "kategorie")])
    assert issue.code == "unknown_category"  # ab or AB: ambiguous, refused by name
