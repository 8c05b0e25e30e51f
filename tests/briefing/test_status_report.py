"""Statusbericht: structure and figures checked against the data, frame and marking in the XML."""

from __future__ import annotations

import re

from docx.oxml.ns import qn

from sa2030_desktop.domain.dates import de_short
from sa2030_desktop.domain.model import STATUS_COLOURS, Status
from sa2030_desktop.domain.selection import Selection
from sa2030_desktop.services import portfolio
from tests.briefing.conftest import (
    AS_OF,
    MARK,
    all_headers,
    cell_fill,
    export,
    find_table,
    headings,
    part_text,
    table_rows,
)


def test_status_report_structure_and_numbers(demo_store, tmp_path):
    stats = portfolio.stats(demo_store, AS_OF)
    result, doc = export(demo_store, tmp_path / "bericht.docx", "status", classified=True,
                         reference="12-34567/2026")  # fmt: skip
    assert result.goals == 50 and result.sanitized == []
    heads = headings(doc)
    assert heads[0] == "Statusbericht"
    main = [h for h in heads if re.match(r"^\d+\. ", h) or h.startswith("Anlage")]
    assert main == ["1. Zusammenfassung", "2. Umsetzungsstand nach Ressort", "3. Ziele nach Status",
                    "4. Meilensteine mit Verzug", "5. Terminkonflikte", "6. Abhängigkeiten",
                    "7. Zeitplan", "Anlage: Ziele und Abhängigkeiten"]  # fmt: skip
    # summary table: counts and shares with decimal comma, Ampel fill AND label
    rows = table_rows(find_table(doc, "Status"))
    counts = stats["status"]
    for status in Status:
        row = next(r for r in rows if r[0] == status.label)
        assert row[1] == str(counts[status.value])
        assert row[2] == f"{counts[status.value] / 50 * 100:.1f}".replace(".", ",") + "\u00a0%"
    assert rows[-1][:2] == ["Summe", "50"]
    status_table = find_table(doc, "Status")
    for row in status_table.rows[1:6]:
        label = row.cells[0].text
        colour = STATUS_COLOURS[next(s for s in Status if s.label == label)]
        assert cell_fill(row.cells[0]) == colour.lstrip("#").upper()
    # per ministry: one row per lead ministry with its total
    by_lead = find_table(doc, "Ressort (federführend)")
    lead_rows = {r[0].split(" – ")[0]: r for r in table_rows(by_lead)[1:]}
    assert {k: int(v[1]) for k, v in lead_rows.items()} == {
        k: v["total"] for k, v in stats["by_lead_ministry"].items() if v["total"]
    }
    # slipped milestones sorted by slip, DIN dates, slip in days
    slipped = table_rows(find_table(doc, "Meilenstein"))[1:]
    assert [r[0] for r in slipped] == [m["key"] for m in stats["slipped_milestones"]]
    slips = [int(r[5]) for r in slipped]
    assert slips == sorted(slips, reverse=True) and slips[0] > 0
    first = stats["slipped_milestones"][0]
    assert slipped[0][3] == de_short(_d(first["baseline"]))
    assert slipped[0][4] == de_short(_d(first["forecast"]))
    assert re.fullmatch(r"\d\d\.\d\d\.\d{4}", slipped[0][3])
    # date conflicts
    conflicts = table_rows(find_table(doc, "wartendes Ziel"))[1:]
    assert len(conflicts) == len(stats["conflicts"]) == 4
    # goals per status: at-risk table rows carry the label and the red fill
    at_risk = [k for k, g in demo_store.snapshot().goals.items() if g.status is Status.AT_RISK]
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Ziel"
                 and len(t.rows) == len(at_risk) + 1)  # fmt: skip
    for row in table.rows[1:]:
        assert row.cells[3].text == "gefährdet"
        assert cell_fill(row.cells[3]) == "C62828"
    # annex: every goal with its dependencies
    annex = table_rows(doc.tables[-1])
    assert annex[0][0] == "Ziel" and len(annex) == 51
    # figures: Ampel chart, graph, timeline page(s) – PNG at full width
    pics = doc.inline_shapes
    assert len(pics) >= 3
    text_width = (
        doc.sections[0].page_width - doc.sections[0].left_margin - doc.sections[0].right_margin
    )
    assert abs(pics[0].width - text_width) < 20000
    # frame: classification on every header of every section, page fields in the footer
    assert len(doc.sections) == 3  # portrait, landscape figures, portrait annex
    for index, kind, header in all_headers(doc):
        assert part_text(header).splitlines()[0] == MARK, (index, kind)
    assert doc.sections[0].different_first_page_header_footer
    first = part_text(doc.sections[0].first_page_header)
    assert "Referat Digitalstrategie" in first and "Magdeburg, 2. April 2026" in first
    for section in doc.sections:
        for footer in (section.footer, section.first_page_footer):
            xml = footer._element.xml
            assert "PAGE" in xml and "NUMPAGES" in xml
            instr = [e.text.strip() for e in footer._element.iter(qn("w:instrText"))]
            assert instr[0].startswith("PAGE") and instr[1].startswith("NUMPAGES")
            assert "Seite" in part_text(footer) and " von " in part_text(footer)
            assert "Demodaten – illustrativ" in part_text(footer)
            assert "12-34567/2026 – VS-NfD" in part_text(footer)
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "Geschäftszeichen: 12-34567/2026 – VS-NfD" in body
    assert "Demodaten – illustrativ" in body
    # unclassified metadata
    core = doc.core_properties
    meta = " ".join(str(v) for v in (core.title, core.subject, core.keywords, core.comments,
                                     core.category, core.author))  # fmt: skip
    assert core.title == "Statusbericht – Gesamtportfolio"
    assert "VS" not in meta and "DIENSTGEBRAUCH" not in meta.upper()


def _d(text):
    from datetime import date

    return date.fromisoformat(text)


def test_no_marking_when_not_classified(demo_store, tmp_path):
    _result, doc = export(demo_store, tmp_path / "offen.docx", "status", reference="12-34567/2026",
                          figures=False)  # fmt: skip
    for section in doc.sections:
        for part in (section.header, section.first_page_header, section.footer,
                     section.first_page_footer):  # fmt: skip
            text = part_text(part)
            assert "DIENSTGEBRAUCH" not in text and "VS-NfD" not in text
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "DIENSTGEBRAUCH" not in body and "VS-NfD" not in body
    assert "Geschäftszeichen: 12-34567/2026" in body
    assert doc.inline_shapes.__len__() == 0


def test_ministry_selection_lead_or_involved(demo_store, tmp_path):
    snap = demo_store.snapshot()
    lead = [k for k, g in snap.goals.items() if g.lead == "MID"]
    involved = [k for k, g in snap.goals.items() if g.lead == "MID" or "MID" in g.partners]
    assert len(involved) > len(lead)
    r1, doc1 = export(demo_store, tmp_path / "mid.docx", "status", Selection(ministry="MID"),
                      figures=False)  # fmt: skip
    r2, doc2 = export(demo_store, tmp_path / "mid2.docx", "status",
                      Selection(ministry="MID", involved=True), figures=False)  # fmt: skip
    assert (r1.goals, r2.goals) == (len(lead), len(involved))
    assert len(doc1.tables[-1].rows) == len(lead) + 1
    assert len(doc2.tables[-1].rows) == len(involved) + 1
    assert doc1.core_properties.title == "Statusbericht – Ressort MID (federführend)"
    assert "Ressort MID (federführend oder beteiligt)" in doc2.paragraphs[1].text


def test_theme_selection_with_goal_graph_figure(demo_store, tmp_path):
    result, doc = export(demo_store, tmp_path / "tf.docx", "status", Selection(theme="TF04"))
    snap = demo_store.snapshot()
    assert result.goals == sum(1 for g in snap.goals.values() if g.theme == "TF04")
    assert len(doc.inline_shapes) >= 3
    captions = [p.text for p in doc.paragraphs if p.text.startswith("Abbildung")]
    assert any("Abhängigkeiten der ausgewählten Ziele" in c for c in captions)


def test_changes_since_lists_field_changes(demo_store, tmp_path):
    from datetime import date

    from sa2030_desktop.services import goals

    goals.update_goal(demo_store, "Z03", comment="Lagebesprechung",
                      status=Status.DELAYED, status_reason="Vergabe verzögert")  # fmt: skip
    _r, doc = export(demo_store, tmp_path / "aend.docx", "status", figures=False,
                     changes_since=date.today())  # fmt: skip
    assert any(h.endswith(f"Änderungen seit dem {_long(date.today())}") for h in headings(doc))
    rows = table_rows(find_table(doc, "Datum"))[1:]
    status_row = next(r for r in rows if r[2] == "Ziel Z03" and r[3] == "Status")
    assert status_row[0] == de_short(date.today())
    assert status_row[4] == "gefährdet" and status_row[5] == "verzögert"


def _long(day):
    from sa2030_desktop.domain.dates import de_long

    return de_long(day)
