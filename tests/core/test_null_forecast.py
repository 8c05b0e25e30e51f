"""An empty forecast: every import format reads it as "as planned" (the baseline), and a file that
already holds one (the column is nullable; older imports stored JSON `null`) can be given a
forecast and have that undone - the undo restores exactly the empty forecast it had."""

import json
import sqlite3
from datetime import date

import pytest

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.services import operations as ops
from sa2030_desktop.services.exchange import import_sources
from sa2030_desktop.services.portfolio import open_portfolio
from tests.support.builders import build_store, document, goal, ms


def _milestone_rows(path):
    with sqlite3.connect(path) as con:
        return con.execute("SELECT * FROM milestone ORDER BY key").fetchall()


def test_json_null_forecast_is_the_baseline_as_an_empty_csv_cell_is(tmp_path):
    store = build_store(tmp_path / "a.sa2030", goals=[goal("Z1")])
    null = ms("Z1-M1", "2027-06-30") | {"forecast": None}
    missing = {k: v for k, v in ms("Z1-M2", "2027-09-30").items() if k != "forecast"}
    src = tmp_path / "null.json"
    src.write_text(json.dumps(document(goals=[goal("Z1")], milestones=[null, missing])), "utf-8")
    import_sources(store, [src])
    csv = tmp_path / "meilensteine.csv"
    csv.write_text(
        "meilenstein_id;ziel_id;titel;basistermin;prognose;ist\nZ1-M3;Z1;Aus CSV;31.12.2027;;\n",
        encoding="utf-8",
    )
    import_sources(store, [csv])
    got = store.snapshot().milestones
    assert got["Z1-M1"].forecast == date(2027, 6, 30)
    assert got["Z1-M2"].forecast == date(2027, 9, 30)
    assert got["Z1-M3"].forecast == date(2027, 12, 31)
    store.close()


def test_first_forecast_on_a_stored_null_is_undone_to_the_file_as_before(tmp_path):
    path = tmp_path / "alt.sa2030"
    store = build_store(path, goals=[goal("Z1")], milestones=[ms("Z1-M1", "2027-06-30")])
    store.close()
    with sqlite3.connect(path) as con:  # as an older import left it
        con.execute("UPDATE milestone SET forecast = NULL WHERE key = 'Z1-M1'")
    store = open_portfolio(path)
    assert store.snapshot().milestones["Z1-M1"].forecast is None
    before = _milestone_rows(path)
    edit = ops.UpdateMilestone("Z1-M1", {"forecast": date(2027, 7, 1)}, "Prognose verschoben")
    edit.apply(store)  # what + on the timeline does
    assert store.snapshot().milestones["Z1-M1"].forecast == date(2027, 7, 1)
    undo = edit.inverse("Rückgängig")
    undo.apply(store)
    assert store.snapshot().milestones["Z1-M1"].forecast is None
    assert _milestone_rows(path) == before
    undo.inverse("Wiederholen").apply(store)  # redo sets the forecast again
    assert store.snapshot().milestones["Z1-M1"].forecast == date(2027, 7, 1)
    store.close()


def test_emptying_a_forecast_by_hand_stays_refused(tmp_path):
    store = build_store(
        tmp_path / "b.sa2030", goals=[goal("Z1")], milestones=[ms("Z1-M1", "2027-06-30")]
    )
    with pytest.raises(DomainError) as info:
        ops.UpdateMilestone("Z1-M1", {"forecast": None}).apply(store)
    assert info.value.code == "empty_forecast"
    store.close()


def test_whatif_taken_over_on_a_stored_null_is_undone_too(tmp_path):
    path = tmp_path / "was.sa2030"
    store = build_store(path, goals=[goal("Z1")], milestones=[ms("Z1-M1", "2027-06-30")])
    store.close()
    with sqlite3.connect(path) as con:
        con.execute("UPDATE milestone SET forecast = NULL WHERE key = 'Z1-M1'")
    store = open_portfolio(path)
    before = _milestone_rows(path)
    take_over = ops.SetForecasts({"Z1-M1": date(2027, 8, 1)}, "Was-wäre-wenn übernommen")
    take_over.apply(store)
    take_over.inverse("Rückgängig").apply(store)
    assert _milestone_rows(path) == before
    store.close()
