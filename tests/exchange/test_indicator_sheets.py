"""The sheets `Indikatoren` and `Messwerte` (REPORTING.md): an Excel, OpenDocument or CSV round
trip keeps every indicator with its target path, values and sources; edits made in Excel come
back; bad rows are named with sheet, row and column and nothing is written."""

from __future__ import annotations

import hashlib
from datetime import date, datetime

import openpyxl
import pytest

from sa2030_desktop.domain.errors import ValidationError
from sa2030_desktop.domain.model import IndicatorValue
from sa2030_desktop.messages import format_error
from sa2030_desktop.services import operations as ops
from sa2030_desktop.services.exchange import export_to, import_sources
from sa2030_desktop.services.tabular_write import write_template

NAME = "Beschäftigte der obersten Landesbehörden mit E-Akte"  # Z04 of the demo


def _indicators(store) -> list:
    return sorted((i.goal, i.name, i.unit, i.baseline, i.baseline_date, i.target, i.target_date,
                    [(v.date, v.value, v.source) for v in i.values])
                   for i in store.snapshot().indicators)  # fmt: skip


@pytest.fixture
def demo(demo_store):
    # a decimal value and a source, so that both must survive the trip
    ops.SetIndicatorValues("Z04", NAME, [IndicatorValue(date(2026, 3, 31), 41.75,
                                                        "Personalstatistik; Stand „März“")]
                           ).apply(demo_store)  # fmt: skip
    return demo_store


@pytest.mark.parametrize("target", ["aus.xlsx", "aus.ods", "aus_ordner"])
def test_round_trip_keeps_indicators_values_and_sources(demo, fresh, tmp_path, target):
    out = export_to(demo, tmp_path / target)
    sources = sorted(out.glob("*.csv")) if out.is_dir() else [out]
    other = fresh()
    import_sources(other, sources)
    assert _indicators(other) == _indicators(demo)
    assert len(_indicators(other)) == 10
    again = import_sources(other, sources)  # idempotent: nothing changes the second time
    assert again.counts()["indicator"] == {"added": 0, "changed": 0, "unchanged": 10}


def test_csv_writes_decimal_commas_and_reads_them_back(demo, tmp_path):
    folder = export_to(demo, tmp_path / "ordner")
    lines = (folder / "messwerte.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "ziel_id;indikator;datum;wert;quelle"
    assert f'Z04;{NAME};2026-03-31;41,75;"Personalstatistik; Stand „März“"' in lines
    head = (folder / "indikatoren.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert head == "ziel_id;indikator;einheit;basiswert;basisdatum;zielwert;zieldatum"


def test_edits_made_in_excel_come_back(demo, tmp_path):
    out = export_to(demo, tmp_path / "aus.xlsx")
    wb = openpyxl.load_workbook(out)
    ws = wb["Messwerte"]
    rows = {(r[0].value, r[1].value, r[2].value.date()): r for r in ws.iter_rows(min_row=2)}
    rows[("Z04", NAME, date(2026, 3, 31))][3].value = 43.5  # corrected value
    ws.delete_rows(rows[("Z04", NAME, date(2024, 12, 31))][0].row)  # a value removed
    ws.append(["Z04", NAME, datetime(2026, 6, 30), 55, "Nachmeldung"])  # a value added
    wb["Indikatoren"].append(["Z01", "Neue Kennzahl", "Anzahl", 0, datetime(2025, 1, 1),
                              "1.000", datetime(2029, 12, 31)])  # fmt: skip
    wb.save(out)
    preview = import_sources(demo, [out])
    assert preview.counts()["indicator"] == {"added": 1, "changed": 1, "unchanged": 9}
    by_key = {(i.goal, i.name): i for i in demo.snapshot().indicators}
    z04 = by_key[("Z04", NAME)]
    assert [(v.date, v.value, v.source) for v in z04.values] == [
        (date(2025, 12, 31), 34, ""),
        (date(2026, 3, 31), 43.5, "Personalstatistik; Stand „März“"),
        (date(2026, 6, 30), 55, "Nachmeldung"),
        (date(2026, 9, 30), 52, ""),
    ]
    new = by_key[("Z01", "Neue Kennzahl")]
    assert (new.baseline, new.target, new.values) == (0, 1000, [])


def test_values_only_update_a_known_indicator(demo, tmp_path):
    src = tmp_path / "werte.csv"
    src.write_text(f"ziel_id;indikator;datum;wert;quelle\nZ04;{NAME};31.12.2026;60,5;Amt\n",
                   encoding="cp1252")  # fmt: skip
    import_sources(demo, [src])
    z04 = next(i for i in demo.snapshot().indicators if i.goal == "Z04")
    assert [(v.date, v.value, v.source) for v in z04.values] == [(date(2026, 12, 31), 60.5, "Amt")]
    assert z04.target == 100  # the target path stays as it was


def test_bad_rows_are_named_and_nothing_is_written(demo, tmp_path):
    out = export_to(demo, tmp_path / "aus.xlsx")
    wb = openpyxl.load_workbook(out)
    ws = wb["Messwerte"]
    ws.append(["Z04", NAME, datetime(2026, 3, 31), 1, ""])  # a second value on one day
    ws.append(["Z04", "Gibt es nicht", datetime(2026, 3, 31), 1, ""])
    ws.append(["Z04", NAME, "31.02.2026", "viel", ""])
    ind = wb["Indikatoren"]
    ind.append(["Z05", "Flach", "%", 5, datetime(2025, 1, 1), 5, datetime(2026, 1, 1)])
    wb.save(out)
    path = demo.path
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(ValidationError) as exc:
        import_sources(demo, [out])
    text = format_error(exc.value)
    last = ws.max_row
    assert f"Blatt Messwerte, Zeile {last - 2}, Indikator Z04/{NAME}, Spalte datum: Für den " \
           "31.03.2026 gibt es zwei Messwerte" in text  # fmt: skip
    assert f"Blatt Messwerte, Zeile {last - 1}, Indikator Z04/Gibt es nicht, Spalte indikator: " \
           "Das Ziel Z04 hat keinen Indikator „Gibt es nicht“." in text  # fmt: skip
    assert f"Zeile {last}, Indikator Z04/{NAME}, Spalte datum: „31.02.2026“ in „Datum“ ist kein" \
        in text  # fmt: skip
    assert f"Zeile {last}, Indikator Z04/{NAME}, Spalte wert: „viel“ in „Wert“ ist keine Zahl" \
        in text  # fmt: skip
    assert f"Blatt Indikatoren, Zeile {ind.max_row}, Indikator Z05/Flach: Zielwert und " \
           "Ausgangswert sind gleich" in text  # fmt: skip
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_template_has_both_sheets_explained(tmp_path):
    out = write_template(tmp_path / "vorlage.xlsx")
    wb = openpyxl.load_workbook(out)
    assert [c.value for c in wb["Indikatoren"][1]] == [
        "ziel_id",
        "indikator",
        "einheit",
        "basiswert",
        "basisdatum",
        "zielwert",
        "zieldatum",
    ]
    assert [c.value for c in wb["Messwerte"][1]] == [
        "ziel_id", "indikator", "datum", "wert", "quelle"]  # fmt: skip
    explained = {(r[0].value, r[1].value) for r in wb["Erlaeuterungen"].iter_rows() if r[1:]}
    assert ("Messwerte", "quelle") in explained and ("Indikatoren", "zieldatum") in explained
