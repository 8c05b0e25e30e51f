"""The briefings' German form: a German change log, one-line notes, unbroken table words, grammar,
a Vermerk on exactly one goal, readable timeline figures, the place before the date."""

from __future__ import annotations

from datetime import date

import pytest
from docx.oxml.ns import qn
from matplotlib.text import Text

from sa2030_desktop.cli.main import main
from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.model import Dependency, DependencyKind, Goal, Milestone, Status
from sa2030_desktop.domain.selection import Selection
from sa2030_desktop.export.briefing import BriefingOptions
from sa2030_desktop.export.briefing.changes import value_text
from sa2030_desktop.export.briefing.context import build_context
from sa2030_desktop.export.briefing.measure import text_width
from sa2030_desktop.export.briefing.tables import CELL_PADDING
from sa2030_desktop.services import dependencies, goals
from tests.briefing.conftest import AS_OF, export, find_table, part_text, table_rows
from tests.support.docx_raw import write_raw_goal


def _edit(store) -> None:
    goals.update_goal(store, "Z03", comment="Lagebesprechung", status=Status.DELAYED,
                      status_reason="Vergabe verzögert")  # fmt: skip
    goals.update_goal(store, "Z05", comment="Meldung", partners=["MF", "MJ"])
    goals.set_forecasts(store, {"Z03-M2": date(2027, 3, 31)}, comment="Prognose angepasst")
    goals.create_goal(store, Goal("Z51", "Digitale Antragsstrecke Wohngeld", "TF03", "MS"),
                      comment="neues Ziel")  # fmt: skip
    goals.create_milestone(store, Milestone("Z51-M1", "Z51", "Pilot im Landkreis Harz",
                                            date(2027, 6, 30), date(2027, 6, 30), None))  # fmt: skip
    dependencies.link(store, Dependency("Z51", "Z03", DependencyKind.HARD), comment="Abstimmung")


def test_changes_since_reads_german_without_setup_rows(demo_store, tmp_path):
    _edit(demo_store)
    old = demo_store.snapshot().milestones["Z03-M2"]
    _r, doc = export(demo_store, tmp_path / "aend.docx", "status", figures=False,
                     changes_since=date.today())  # fmt: skip
    body = "\n".join(p.text for p in doc.paragraphs)
    # demo set-up (hundreds of rows: portfolio, reference data, demo goals) is not listed
    assert "wurden 7 Änderungen erfasst, davon neu angelegt: 1 Abhängigkeit, 1 Meilenstein, " \
           "1 Ziel (neueste zuerst):" in body  # fmt: skip
    rows = table_rows(find_table(doc, "Datum"))
    assert rows[0] == ["Datum", "Benutzer", "Objekt", "Feld", "alt", "neu"]
    data = rows[1:]
    assert len(data) == 7
    by = {(r[2], r[3]): r for r in data}
    assert by[("Ziel Z03", "Status")][4:] == ["gefährdet", "verzögert"]
    assert by[("Ziel Z05", "Beteiligung")][5] == "MF, MJ"
    assert by[("Meilenstein Z03-M2", "Prognose")][5] == "31.03.2027"
    assert by[("Meilenstein Z03-M2", "Prognose")][4] != old.forecast.isoformat()
    assert by[("Ziel Z51", "–")][5] == "angelegt: „Digitale Antragsstrecke Wohngeld“"
    assert by[("Meilenstein Z51-M1", "–")][5] == "angelegt: „Pilot im Landkreis Harz“"
    assert by[("Abhängigkeit Z51 benötigt Z03", "–")][5] == "angelegt (hart)"
    cells = " ".join(c for r in data for c in r)
    for english in ("portfolio", "issuing_office", "status_reason", "partners", "at_risk",
                    "delayed", "title=", "Demoportfolio"):  # fmt: skip
        assert english not in cells, english
    assert all(r[0] == r[0].strip() and r[0].count(".") == 2 for r in data)  # 28.11.2026


def test_change_values_in_german():
    assert value_text("demo", "1") == "ja" and value_text("demo", "0") == "nein"
    assert value_text("status", "not_started") == "nicht begonnen"
    assert value_text("kind", "soft") == "weich"
    assert value_text("baseline", "2026-03-31") == "31.03.2026"
    assert (
        value_text("values", "2024-12-31=380; 2025-12-31=620") == "31.12.2024=380; 31.12.2025=620"
    )
    assert value_text("forecast", None) == "–"
    from sa2030_desktop.messages import FIELD

    assert FIELD["issuing_office"] == "herausgebende Stelle" and FIELD["demo"] == "Demodaten"
    assert FIELD["partners"] == "Beteiligung"
    from sa2030_desktop.domain.model import Change
    from sa2030_desktop.export.briefing.changes import change_row

    def row(entity, key, field, old, new):
        c = Change(9, "2026-11-28T17:19:39+00:00", "mueller", entity, key, field, old, new,
                   "Import aus ressort.xlsx", 3)  # fmt: skip
        return change_row(c)

    assert row("portfolio", "portfolio", "demo", "0", "1") == [
        "28.11.2026", "mueller", "Portfolio", "Demodaten", "nein", "ja"]  # fmt: skip
    assert row("portfolio", "portfolio", "issuing_office", "", "MID – Referat 21")[3:] == [
        "herausgebende Stelle", "–", "MID – Referat 21"]  # fmt: skip
    assert row("ministry", "MWU", "colour", "#7F7F7F", "#882255")[2:4] == ["Ressort MWU", "Farbe"]
    assert row("goal", "Z7", "*", "title=Alt; lead=MI", "gelöscht")[3:] == [
        "–", "„Alt“", "gelöscht"]  # fmt: skip
    assert row("goal", "Z7", "*", "", "angelegt (title=Neu; lead=MID)")[3:] == [
        "–", "–", "angelegt: „Neu“"]  # fmt: skip


def test_shortening_is_one_line_and_repairs_are_named_by_goal(demo_store, tmp_path, capsys):
    write_raw_goal(demo_store, "Z99", "Lang\x07 " + "x" * 5000, description="y" * 9000,
                   status_reason="ok", ms_title="Meilenstein|", forecast=date(2026, 8, 31))  # fmt: skip
    db = demo_store.path
    demo_store.close()
    out = tmp_path / "b.docx"
    assert main(["briefing", str(db), str(out), "--kind", "status", "--as-of", "2026-03-31",
                 "--changes-since", "2026-01-01"]) == 0  # fmt: skip
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["Hinweis: für Word bereinigt – Ziel Z99, Titel: 1 nicht speicherbares "
                   "Zeichen ersetzt",
                   "Hinweis: 2 lange Texte wurden für das Layout gekürzt."]  # fmt: skip


def test_tables_keep_status_dates_and_keys_on_one_line(demo_store, tmp_path):
    _r, doc = export(demo_store, tmp_path / "s.docx", "status", figures=False)
    for table in doc.tables:
        tbl = table._tbl
        assert tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        grid = [int(c.get(qn("w:w"))) for c in tbl.tblGrid.findall(qn("w:gridCol"))]
        for tr in tbl.findall(qn("w:tr")):  # every cell of a column has the column's width
            widths = [int(tc.find(qn("w:tcPr") + "/" + qn("w:tcW")).get(qn("w:w")))
                      for tc in tr.findall(qn("w:tc"))]  # fmt: skip
            assert widths == grid
    checked = 0
    for table in doc.tables:  # every status column is as wide as its widest label (bold)
        header = [c.text for c in table.rows[0].cells]
        if "Status" not in header or header[0] == "Status":
            continue
        col = header.index("Status")
        labels = {row.cells[col].text for row in table.rows[1:]}
        size = table.rows[1].cells[col].paragraphs[0].runs[0].font.size.pt
        need = max(text_width(label, size, bold=True) for label in labels) + CELL_PADDING
        grid = table._tbl.tblGrid.findall(qn("w:gridCol"))
        assert int(grid[col].get(qn("w:w"))) / 20 >= need - 0.1, labels
        checked += "abgeschlossen" in labels
    assert checked >= 2  # the „Abgeschlossen“ table and the annex
    slipped = find_table(doc, "Meilenstein")
    xml = slipped._tbl.xml
    assert "w:noBreakHyphen" in xml  # Z03-M2 never wraps at its hyphen …
    assert table_rows(slipped)[1][0].count("-") == 1  # … and still reads Z03-M2
    date_col = int(slipped._tbl.tblGrid.findall(qn("w:gridCol"))[3].get(qn("w:w"))) / 20
    assert date_col >= text_width("30.06.2026", 9) + CELL_PADDING
    # the count table's status headers: whole words, e.g. „abgeschlossen“
    counts = find_table(doc, "Ressort (federführend)")
    names = [c.text for c in counts.rows[0].cells]
    col = names.index("abgeschlossen")
    run = counts.rows[0].cells[col].paragraphs[0].runs[0]
    width = int(counts._tbl.tblGrid.findall(qn("w:gridCol"))[col].get(qn("w:w"))) / 20
    assert width >= text_width("abgeschlossen", run.font.size.pt, bold=True) + CELL_PADDING


def test_singular_and_plural_and_no_nested_brackets(make_store, tmp_path):
    from tests.support.builders import dep, goal, ms

    store = make_store(goals=[goal("Z1", status="delayed", status_reason="x"), goal("Z2")],
                       milestones=[ms("Z1-M1", "2026-06-30", "2026-07-01"),
                                   ms("Z2-M1", "2026-05-31", "2026-05-31")],
                       dependencies=[dep("Z1", "Z2")])  # fmt: skip
    _r, doc = export(store, tmp_path / "v.docx", "vermerk", Selection(goal="Z1"))
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "setzt direkt 1 Ziel und insgesamt (über Ketten) 1 Ziel voraus; direkt 0 Ziele und " \
           "insgesamt 0 Ziele hängen von ihm ab." in body  # fmt: skip
    assert "liegt 1 Tag nach dem Basistermin" in body
    _r, doc = export(store, tmp_path / "sz.docx", "sprechzettel", Selection(ministry="MID"))
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "))" not in body and "(Ressort" not in body
    assert "der Auswahl Ressort MID (federführend) zum Stichtag" in body


def test_vermerk_needs_exactly_one_goal(demo_store, tmp_path, capsys):
    with pytest.raises(DomainError) as info:
        export(demo_store, tmp_path / "v.docx", "vermerk", Selection(ministry="MID"))
    assert info.value.code == "vermerk_needs_one_goal"
    assert not (tmp_path / "v.docx").exists()
    db = demo_store.path
    demo_store.close()
    assert main(["briefing", str(db), str(tmp_path / "v.docx"), "--kind", "vermerk"]) == 1
    err = capsys.readouterr().err
    assert "Ein Vermerk behandelt genau ein Ziel, die Auswahl enthält aber 50 Ziele." in err
    assert not (tmp_path / "v.docx").exists()


def test_timeline_pages_are_embedded_at_print_size_with_8pt_text(demo_store, tmp_path):
    from sa2030_desktop.export.briefing import figures as fg
    from sa2030_desktop.export.briefing.document import Briefing

    snap = demo_store.snapshot()
    ctx = build_context("status", snap, Selection(), AS_OF, BriefingOptions())
    bd = Briefing(ctx)
    bd.new_section(landscape=True)
    box = (bd.text_width.inches, bd.text_height.inches - 1.35)
    pages = fg.timeline_figures(ctx, box)
    assert len(pages) >= 2 and pages[0][1].endswith(f"Teil 1 von {len(pages)}")
    for fig, _caption in pages:
        w, h = fig.get_size_inches()
        assert abs(w - box[0]) < 1e-6 and h <= box[1]  # embedded 1:1, never shrunk
        fig.canvas.draw()
        sizes = [t.get_fontsize() for t in fig.findobj(Text) if t.get_text().strip()]
        assert sizes and min(sizes) >= 8.0
    _r, doc = export(demo_store, tmp_path / "s.docx", "status")
    land = doc.sections[1]
    width = land.page_width - land.left_margin - land.right_margin
    timeline = [s for s in doc.inline_shapes][-len(pages) :]
    for shape, (fig, _c) in zip(timeline, pages, strict=True):
        assert abs(shape.width - width) < 2000  # EMU: full text width = the figure's width
        w, h = fig.get_size_inches()
        assert abs(shape.height / shape.width - h / w) < 0.01


def test_place_before_the_date(demo_store, tmp_path):
    _r, doc = export(demo_store, tmp_path / "s.docx", "kabinettsvorlage", figures=False,
                     place="Halle (Saale)")  # fmt: skip
    first = part_text(doc.sections[0].first_page_header)
    assert "Halle (Saale), 2. April 2026" in first and "Magdeburg" not in first
    db = demo_store.path
    demo_store.close()
    out = tmp_path / "cli.docx"
    assert main(["briefing", str(db), str(out), "--kind", "sprechzettel", "--place", "Berlin"]) == 0
    from docx import Document

    assert part_text(Document(str(out)).sections[0].first_page_header).count("Berlin, ") == 1
