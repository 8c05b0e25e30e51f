"""OpenDocument spreadsheets: our .ods re-imports unchanged, directly and after LibreOffice
Calc has opened and saved it as .xlsx; an .xlsx that Calc saved as .ods imports to the same
portfolio; the .ods carries the sheets, date cells, widths and drop-downs of the .xlsx."""

from __future__ import annotations

import dataclasses
import zipfile
from datetime import date

import pytest
from lxml import etree

from sa2030_desktop.services import goals as goal_service
from sa2030_desktop.services.exchange import export_to, import_sources
from sa2030_desktop.services.portfolio import create_portfolio
from sa2030_desktop.services.tabular import read_tabular
from sa2030_desktop.services.tabular_write import write_template
from tests.support.exchange import assert_sample_imported
from tests.support.ods import soffice_convert, write_sample_ods

NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
}
# text a spreadsheet could misread: formulas, white space ODF would collapse, line breaks
TRICKY = ['=HYPERLINK("http://x")', "+49 391 567", "@SUMME(A1)", "\tTab", "  zwei  Leer ",
          "Zeile 1\nZeile 2", "_x0041_ bleibt", "'=schon geschützt"]  # fmt: skip


def _comparable(p):
    goals = {k: dataclasses.replace(g, created="", updated="") for k, g in p.goals.items()}
    return goals, p.milestones, sorted(dataclasses.astuple(d) for d in p.dependencies)


@pytest.fixture
def demo(tmp_path):
    store = create_portfolio(tmp_path / "demo.sa2030", demo=True)
    for i, text in enumerate(TRICKY):
        goal_service.update_goal(store, f"Z{i + 1:02d}", title=text)
    yield store
    store.close()


def test_our_ods_reimports_unchanged(demo, fresh, tmp_path):
    out = export_to(demo, tmp_path / "aus.ods")
    other = fresh("wieder.sa2030")
    import_sources(other, [out])
    assert _comparable(other.snapshot()) == _comparable(demo.snapshot())
    preview = import_sources(other, [out])  # idempotent: nothing changes the second time
    assert _comparable(other.snapshot()) == _comparable(demo.snapshot())
    assert preview is not None


def test_ods_cells_dates_widths_and_sheets(demo, tmp_path):
    out = export_to(demo, tmp_path / "aus.ods")
    with zipfile.ZipFile(out) as zf:
        assert zf.infolist()[0].filename == "mimetype"
        assert zf.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet"
        root = etree.fromstring(zf.read("content.xml"))
        settings = zf.read("settings.xml")
    tables = root.findall(".//table:table", NS)
    names = [t.get(f"{{{NS['table']}}}name") for t in tables]
    assert names == [
        "Ziele", "Meilensteine", "Abhaengigkeiten", "Indikatoren", "Messwerte", "Erlaeuterungen"
    ]
    assert b'config:name="VerticalSplitPosition" config:type="int">1<' in settings
    # no cell of ours is a formula; a date cell has a date value and shows the German date
    assert not root.xpath("//table:table-cell[@table:formula]", namespaces=NS)
    dates = root.xpath("//table:table-cell[@office:value-type='date']", namespaces=NS)
    snap = demo.snapshot()
    assert len(dates) == sum(
        (m.baseline is not None) + (m.forecast is not None) + (m.actual is not None)
        for m in snap.milestones.values()
    ) + sum(  # Indikatoren: Basis- and Zieldatum; Messwerte: one date per value
        (i.baseline_date is not None) + (i.target_date is not None) + len(i.values)
        for i in snap.indicators
    )
    first = dates[0]
    day = date.fromisoformat(first.get(f"{{{NS['office']}}}date-value"))
    assert "".join(first.itertext()) == day.strftime("%d.%m.%Y")
    widths = root.xpath("//style:table-column-properties/@style:column-width", namespaces=NS)
    assert "10.00cm" in widths  # titel: 50 Excel characters, as in the .xlsx


def test_ods_to_xlsx_through_calc_reimports_unchanged(demo, fresh, tmp_path):
    out = export_to(demo, tmp_path / "aus.ods")
    xlsx = soffice_convert(out, "xlsx", tmp_path / "calc")
    other = fresh("wieder.sa2030")
    import_sources(other, [xlsx])
    expected = _comparable(demo.snapshot())
    # Calc (7.4) drops a tab at the start of a cell when it writes .xlsx; it reads our <text:tab/>
    # (it writes the same itself: see the next test, where the tab survives)
    expected[0]["Z04"] = dataclasses.replace(expected[0]["Z04"], title="Tab")
    assert _comparable(other.snapshot()) == expected


def test_xlsx_saved_as_ods_by_calc_imports_the_same_portfolio(demo, fresh, tmp_path):
    xlsx = export_to(demo, tmp_path / "aus.xlsx")
    ods = soffice_convert(xlsx, "ods", tmp_path / "calc")
    other = fresh("wieder.sa2030")
    import_sources(other, [ods])
    assert _comparable(other.snapshot()) == _comparable(demo.snapshot())


def test_sample_tables_as_ods_import_like_the_xlsx(fresh, tmp_path):
    store = fresh()
    import_sources(store, [write_sample_ods(tmp_path / "liste.ods")])
    assert_sample_imported(store)


def test_ods_template_has_drop_downs_that_calc_keeps(demo, tmp_path):
    from openpyxl import load_workbook

    out = write_template(tmp_path / "vorlage.ods", demo.snapshot())
    assert read_tabular([out]).goals == []  # the empty template is a valid (empty) import
    xlsx = soffice_convert(out, "xlsx", tmp_path / "calc")
    wb = load_workbook(xlsx)
    assert wb.sheetnames[:3] == ["Ziele", "Meilensteine", "Abhaengigkeiten"]
    assert wb["Codes"].sheet_state == "hidden"
    # (the frozen header row is a view setting, which a headless Calc neither reads nor writes)
    rules = {str(dv.sqref): dv.formula1 for dv in wb["Ziele"].data_validations.dataValidation}
    status = next(f for ref, f in rules.items() if ref.startswith("H2"))
    assert status.replace("'", "").replace("$", "") == "Codes!A2:A6"
    codes = [r[0] for r in wb["Codes"].iter_rows(min_row=2, max_col=1, values_only=True) if r[0]]
    assert codes == ["nicht begonnen", "im Plan", "verzögert", "gefährdet", "abgeschlossen"]
