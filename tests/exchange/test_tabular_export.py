"""Export → re-import gives the same portfolio; formula-like text stays text; atomic folders."""

from __future__ import annotations

import dataclasses
import zipfile

import pytest

from sa2030_desktop import assets
from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.services import goals as goal_service
from sa2030_desktop.services.exchange import export_to, import_sources
from sa2030_desktop.services.importing import apply_bundle
from sa2030_desktop.services.json_format import read_json

FORMULAS = [
    '=HYPERLINK("http://x")',
    "+49 391 567",
    "-5 Tage",
    "@SUMME(A1)",
    "\tTab",
    "\rCR",
    "'=schon geschützt",
    "normal",
]


def _comparable(p):
    goals = {k: dataclasses.replace(g, created="", updated="") for k, g in p.goals.items()}
    deps = sorted(dataclasses.astuple(d) for d in p.dependencies)
    return goals, p.milestones, deps


@pytest.fixture
def demo_copy(fresh):
    store = fresh("demo.sa2030")
    apply_bundle(store, read_json(assets.demo_portfolio()))
    for i, text in enumerate(FORMULAS):
        goal_service.update_goal(store, f"Z{i + 1:02d}", title=text)
    return store


@pytest.mark.parametrize("target", ["export.xlsx", "export_ordner"])
def test_round_trip_gives_the_same_portfolio(demo_copy, fresh, tmp_path, target):
    out = export_to(demo_copy, tmp_path / target)
    sources = [out] if out.suffix == ".xlsx" else sorted(out.glob("*.csv"))
    other = fresh("wieder.sa2030")
    import_sources(other, sources)
    assert _comparable(other.snapshot()) == _comparable(demo_copy.snapshot())
    titles = [other.snapshot().goals[f"Z{i + 1:02d}"].title for i in range(len(FORMULAS))]
    assert titles == FORMULAS


def test_xlsx_cells_are_text_not_formulas(demo_copy, tmp_path):
    from openpyxl import load_workbook

    out = export_to(demo_copy, tmp_path / "f.xlsx")
    wb = load_workbook(out)  # not read-only: data_type shows what Excel would see
    ws = wb["Ziele"]
    cells = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=5) for r in range(2, 10)}
    assert cells["Z01"].value == FORMULAS[0] and cells["Z01"].data_type == "s"
    assert all(c.data_type == "s" for c in cells.values())
    sheet = zipfile.ZipFile(out).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet
    assert wb.sheetnames == [
        "Ziele", "Meilensteine", "Abhaengigkeiten", "Indikatoren", "Messwerte", "Erlaeuterungen"
    ]
    assert wb["Abhaengigkeiten"].max_row == len(demo_copy.snapshot().dependencies) + 1
    explanation = [r[0] for r in wb["Erlaeuterungen"].iter_rows(values_only=True)]
    assert "Demodaten – illustrativ" in explanation


def test_csv_cells_are_guarded_with_an_apostrophe(demo_copy, tmp_path):
    out = export_to(demo_copy, tmp_path / "csv")
    raw = (out / "ziele.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'+49 391 567" in text and "'@SUMME" in text
    assert ";'-5 Tage;" in text and "''=schon geschützt" in text
    assert text.splitlines()[0].startswith("ziel_id;kategorie;themenfeld_id")


def test_csv_folder_replaces_an_old_export_but_not_a_foreign_folder(demo_copy, tmp_path):
    out = tmp_path / "ordner"
    export_to(demo_copy, out)
    goal_service.update_goal(demo_copy, "Z10", title="Neu")
    export_to(demo_copy, out)
    assert "Neu" in (out / "ziele.csv").read_text(encoding="utf-8-sig")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    foreign = tmp_path / "eigenes"
    foreign.mkdir()
    (foreign / "wichtig.docx").write_bytes(b"x")
    with pytest.raises(DomainError) as info:
        export_to(demo_copy, foreign)
    assert info.value.code == "target_folder_foreign"
    assert [p.name for p in foreign.iterdir()] == ["wichtig.docx"]


def test_template_has_headers_explanations_and_drop_downs(demo_copy, tmp_path):
    from openpyxl import load_workbook

    from sa2030_desktop.services.tabular_write import write_template

    out = write_template(tmp_path / "vorlage.xlsx", demo_copy.snapshot())
    wb = load_workbook(out)
    assert wb.sheetnames[:3] == ["Ziele", "Meilensteine", "Abhaengigkeiten"]
    assert [c.value for c in wb["Ziele"][1]][:8] == [
        "ziel_id",
        "kategorie",
        "themenfeld_id",
        "themenfeld",
        "titel",
        "federfuehrung",
        "beteiligt",
        "status",
    ]
    assert wb["Codes"].sheet_state == "hidden"
    rules = {str(dv.sqref): dv.formula1 for dv in wb["Ziele"].data_validations.dataValidation}
    assert rules["H2:H2000"] == "Codes!$A$2:$A$6"  # status
    assert "Codes!$D$2" in rules["F2:F2000"]  # Ressort
    codes = [r[0] for r in wb["Codes"].iter_rows(min_row=2, max_col=1, values_only=True) if r[0]]
    assert codes == ["nicht begonnen", "im Plan", "verzögert", "gefährdet", "abgeschlossen"]
    helptext = [r for r in wb["Erlaeuterungen"].iter_rows(values_only=True)]
    assert (
        "Ziele",
        "beteiligt",
        "nein",
        "Beteiligte Ressorts, durch Komma getrennt, z. B. „MI, MF“ (nie das federführende).",
    ) in [tuple(r[:4]) for r in helptext]
    # the empty template itself is a valid (empty) import
    from sa2030_desktop.services.tabular import read_tabular

    assert read_tabular([out]).goals == []
