"""JSON exchange format version 2: rounds, reports and frozen states travel with the
portfolio; a frozen state arrives bit for bit or not at all; version 1 files still import."""

from __future__ import annotations

import hashlib
import json
from datetime import date

import pytest

from sa2030_desktop.domain.errors import ValidationError
from sa2030_desktop.domain.model import Status
from sa2030_desktop.domain.reporting import ReportContent
from sa2030_desktop.messages import format_error
from sa2030_desktop.services import exchange, reporting
from sa2030_desktop.services.portfolio import create_portfolio, import_json
from tests.support.builders import document, goal
from tests.support.reporting import reporting_store


@pytest.fixture
def exported(tmp_path):
    store = reporting_store(tmp_path / "quelle.sa2030")
    reporting.open_round(store, "R1", "Runde 1", date(2026, 3, 31), date(2026, 4, 30))
    reporting.submit(store, "R1", "Z1", ReportContent(Status.DELAYED, "Grund", "Sachstand",
                                                      forecasts={"Z1-M2": date(2026, 10, 31)},
                                                      values={}))  # fmt: skip
    reporting.submit(store, "R1", "Z5", ReportContent(values={"Quote": (20.0, date(2026, 3, 31))}))
    reporting.review(store, "R1", "Z1", True)
    reporting.close(store, "R1", force=True)
    reporting.open_round(store, "R2", "Runde 2", date(2026, 6, 30), date(2026, 7, 31))
    reporting.submit(store, "R2", "Z2", ReportContent(progress="offen"))
    out = exchange.export_to(store, tmp_path / "aus.json")
    status = {k: reporting.status(store, k, date(2026, 8, 1)).as_dict() for k in ("R1", "R2")}
    store.close()
    return out, status


def test_version_2_round_trip_keeps_rounds_reports_and_frozen_states(tmp_path, exported):
    out, status = exported
    doc = json.loads(out.read_text("utf-8"))
    assert doc["version"] == 2
    assert [r["key"] for r in doc["rounds"]] == ["R1", "R2"]
    assert len(doc["reports"]) == 16 and len(doc["frozen_states"]) == 1
    target = create_portfolio(tmp_path / "ziel.sa2030")
    import_json(target, out)
    for key in ("R1", "R2"):
        assert reporting.status(target, key, date(2026, 8, 1)).as_dict() == status[key]
    frozen = reporting.frozen(target, "R1")
    assert frozen.reports["Z1"].progress == "Sachstand"
    again = exchange.export_to(target, tmp_path / "wieder.json")
    assert hashlib.sha256(again.read_bytes()).digest() == hashlib.sha256(out.read_bytes()).digest()
    import_json(target, out)  # idempotent
    assert reporting.status(target, "R1", date(2026, 8, 1)).as_dict() == status["R1"]
    target.close()


@pytest.mark.parametrize(
    "spoil, code",
    [
        (lambda d: d["frozen_states"][0]["document"]["reports"][0].update(progress="geschönt"),
         "import_frozen_tampered"),
        (lambda d: d.update(frozen_states=[]), "import_round_without_frozen_state"),
        (lambda d: d["reports"].append({**d["reports"][0], "round": "R9"}), "unknown_round"),
        (lambda d: d["reports"][0].update(state="vielleicht"), "bad_value"),
    ],
)  # fmt: skip
def test_bad_version_2_sections_are_refused_and_nothing_is_written(tmp_path, exported, spoil, code):
    out, _ = exported
    doc = json.loads(out.read_text("utf-8"))
    spoil(doc)
    bad = tmp_path / "falsch.json"
    bad.write_text(json.dumps(doc), "utf-8")
    target = create_portfolio(tmp_path / "ziel.sa2030")
    before = target.snapshot()
    with pytest.raises(ValidationError) as err:
        import_json(target, bad)
    assert code in [i.code for i in err.value.issues]
    assert "falsch.json" in format_error(err.value)
    target.invalidate()
    assert target.snapshot() == before and reporting.list_rounds(target) == []
    target.close()


def test_version_1_still_imports(tmp_path):
    src = tmp_path / "alt.json"
    src.write_text(json.dumps(document(goals=[goal("Z1")])), "utf-8")
    store = create_portfolio(tmp_path / "p.sa2030")
    import_json(store, src)
    assert list(store.snapshot().goals) == ["Z1"]
    store.close()
