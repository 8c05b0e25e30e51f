"""A matrix of real CSV and XLSX files: every value compared after the import."""

from __future__ import annotations

import pytest

from sa2030_desktop.services.exchange import import_sources
from tests.support.exchange import (
    GOALS,
    TABLES,
    assert_sample_imported,
    write_csv_set,
    write_xlsx,
)

ENCODINGS = ["utf-8", "utf-8-bom", "cp1252"]
SEPARATORS = [";", ",", "\t"]


@pytest.mark.parametrize("de_dates", [False, True], ids=["iso", "de"])
@pytest.mark.parametrize("sep", SEPARATORS, ids=["semicolon", "comma", "tab"])
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_csv_matrix_imports_every_value(fresh, tmp_path, encoding, sep, de_dates):
    store = fresh()
    files = write_csv_set(tmp_path / "csv", encoding, sep, de_dates)
    preview = import_sources(store, files)
    assert preview.counts()["goal"]["added"] == 3
    assert preview.counts()["milestone"]["added"] == 4
    assert preview.counts()["dependency"]["added"] == 2
    assert_sample_imported(store)
    again = import_sources(store, files)  # idempotent
    assert sum(c["changed"] + c["added"] for c in again.counts().values()) == 0


@pytest.mark.parametrize("real_dates", [True, False], ids=["date-cells", "text-dates"])
def test_xlsx_imports_every_value(fresh, tmp_path, real_dates):
    store = fresh()
    path = write_xlsx(tmp_path / "mappe.xlsx", real_dates=real_dates)
    import_sources(store, [path])
    assert_sample_imported(store)


def test_xlsx_with_german_text_dates(fresh, tmp_path):
    tables = dict(TABLES)
    tables["meilensteine"] = [
        row if i == 0 else [*row[:3], *(_de(v) for v in row[3:])]
        for i, row in enumerate(TABLES["meilensteine"])
    ]
    store = fresh()
    import_sources(store, [write_xlsx(tmp_path / "m.xlsx", tables, real_dates=False)])
    assert_sample_imported(store)


def _de(v):
    return f"{v[8:10]}.{v[5:7]}.{v[:4]}" if v else v


def test_english_headers_in_any_case_and_extra_columns_are_reported(fresh, tmp_path):
    english = {
        "ziele": [
            [
                "GOAL_ID",
                "Category",
                "Theme_ID",
                "theme name",
                "Title",
                "Lead",
                "Partners",
                "Status",
                "Description",
                "Status_Reason",
                "Kommentar intern",
            ]
        ]
        + [[*row, "egal"] for row in GOALS[1:]],
        "meilensteine": [["Milestone_ID", "Goal_ID", "Title", "Baseline", "Forecast", "Actual"]]
        + TABLES["meilensteine"][1:],
        "abhaengigkeiten": [
            ["Dependent", "Prerequisite", "Kind", "Prerequisite_Milestone", "Rationale"]
        ]
        + TABLES["abhaengigkeiten"][1:],
    }
    english["ziele"][0][3] = "Theme_Name"
    store = fresh()
    preview = import_sources(store, write_csv_set(tmp_path / "en", "utf-8", ";", False, english))
    assert_sample_imported(store)
    notes = [(n.code, n.place.get("column")) for n in preview.notes]
    assert notes == [("extra_column", "Kommentar intern")]


def test_german_headers_with_umlauts_and_spaces(fresh, tmp_path):
    tables = dict(TABLES)
    tables["ziele"] = [
        [
            "Ziel-ID",
            "Kategorie",
            "Themenfeld ID",
            "Themenfeld",
            "Titel",
            "Federführung",
            "Beteiligt",
            "Status",
            "Beschreibung",
            "Status-Begründung",
        ]
    ] + GOALS[1:]
    tables["abhaengigkeiten"] = [
        ["Abhängig", "Benötigt", "Art", "Benötigter Meilenstein", "Begründung"]
    ] + TABLES["abhaengigkeiten"][1:]
    store = fresh()
    import_sources(store, write_csv_set(tmp_path / "de", "cp1252", ";", True, tables))
    assert_sample_imported(store)


def test_reimport_with_a_change_updates_and_logs(fresh, tmp_path):
    store = fresh()
    import_sources(store, write_csv_set(tmp_path / "a", "utf-8", ";", False))
    tables = dict(TABLES)
    tables["ziele"] = [GOALS[0], [*GOALS[1][:7], "gefährdet", *GOALS[1][8:]], *GOALS[2:]]
    preview = import_sources(store, write_csv_set(tmp_path / "b", "utf-8", ";", False, tables))
    assert preview.changed == {"goal": ["Z1"]}
    assert store.snapshot().goals["Z1"].status.value == "at_risk"
    log = store.changes(key="Z1")
    assert any(c.field == "status" and c.old == "on_track" and c.new == "at_risk" for c in log)
