"""Measured values with their source: stored through the migrations, entered one by one with
undo, refused when invalid (file unchanged), carried by the JSON exchange."""

from __future__ import annotations

import hashlib
import json
from datetime import date

import pytest

from sa2030_desktop.domain.errors import DomainError, ValidationError
from sa2030_desktop.domain.model import IndicatorValue
from sa2030_desktop.messages import format_error
from sa2030_desktop.services import operations as ops
from sa2030_desktop.services.portfolio import export_json, import_json
from tests.support.builders import goal

INDICATOR = {
    "goal": "Z1", "name": "Quote", "unit": "%", "baseline": 10, "baseline_date": "2024-01-01",
    "target": 90, "target_date": "2028-01-01",
    "values": [{"date": "2025-01-01", "value": 30, "source": "Statistisches Landesamt"}],
}  # fmt: skip


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def store(make_store):
    return make_store(goals=[goal("Z1")], indicators=[INDICATOR])


def test_source_survives_import_and_export(store, tmp_path):
    ind = store.snapshot().indicators[0]
    assert ind.values == [IndicatorValue(date(2025, 1, 1), 30, "Statistisches Landesamt")]
    out = export_json(store, tmp_path / "aus.json")
    values = json.loads(out.read_text(encoding="utf-8"))["indicators"][0]["values"]
    assert values == [{"date": "2025-01-01", "value": 30, "source": "Statistisches Landesamt"}]


def test_set_values_adds_replaces_and_undo_restores(store):
    op = ops.SetIndicatorValues("Z1", "Quote", [IndicatorValue(date(2025, 1, 1), 31, "Korrektur"),
                                                IndicatorValue(date(2026, 1, 1), 50)])  # fmt: skip
    op.apply(store)
    values = store.snapshot().indicators[0].values
    assert [(v.date.year, v.value, v.source) for v in values] == [(2025, 31, "Korrektur"),
                                                                   (2026, 50, "")]  # fmt: skip
    op.inverse().apply(store)
    assert store.snapshot().indicators[0].values == [
        IndicatorValue(date(2025, 1, 1), 30, "Statistisches Landesamt")
    ]
    ops.SetIndicatorValues("Z1", "Quote", remove=[date(2025, 1, 1)]).apply(store)
    assert store.snapshot().indicators[0].values == []


def test_invalid_values_are_refused_and_nothing_written(store):
    path = store.path
    before = _sha(path)
    with pytest.raises(DomainError) as exc:
        ops.SetIndicatorValues("Z1", "Quote", [IndicatorValue(date(2025, 1, 1), float("nan"))]
                               ).apply(store)  # fmt: skip
    assert format_error(exc.value) == "„nan“ in „Messwerte“ ist keine Zahl."
    with pytest.raises(DomainError) as exc:
        ops.SetIndicatorValues("Zx", "Quote", [IndicatorValue(date(2025, 1, 1), 1)]).apply(store)
    assert format_error(exc.value) == "Indikator „Zx/Quote“ gibt es nicht."
    assert _sha(path) == before


def test_import_refuses_a_flat_target_path_naming_the_indicator(store, tmp_path):
    src = tmp_path / "flach.json"
    doc = {"format": "sa2030-portfolio", "version": 1, "goals": [],
           "indicators": [{**INDICATOR, "target": 10}]}  # fmt: skip
    src.write_text(json.dumps(doc), encoding="utf-8")
    before = _sha(store.path)
    with pytest.raises(ValidationError) as exc:
        import_json(store, src)
    text = format_error(exc.value)
    assert "Indikator Z1/Quote: Zielwert und Ausgangswert sind gleich" in text
    assert _sha(store.path) == before


@pytest.mark.parametrize(
    ("text", "number"),
    [("56,8", 56.8), ("1.234,5", 1234.5), ("1.000", 1000), ("0.125", 0.125), ("12.5", 12.5),
     ("\u22123,5", -3.5), (" 7 ", 7), ("", None), (41.75, 41.75)],
)  # fmt: skip
def test_numbers_as_german_offices_write_them(text, number):
    from sa2030_desktop.domain.dates import number_exact_de, parse_number

    assert parse_number(text) == number
    if number is not None:
        assert parse_number(number_exact_de(number)) == number  # lossless both ways


@pytest.mark.parametrize("text", ["viel", "nan", "inf", "1,2,3"])
def test_what_is_no_number(text):
    from sa2030_desktop.domain.dates import parse_number

    with pytest.raises(ValueError):
        parse_number(text)
