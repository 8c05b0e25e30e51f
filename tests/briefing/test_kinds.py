"""Sprechzettel, Vermerk and Kabinettsvorlage: structure and figures against the data."""

from __future__ import annotations

from docx.shared import Pt

from sa2030_desktop.domain.dates import de_long, de_short
from sa2030_desktop.domain.model import Status
from sa2030_desktop.domain.rules import slip_days
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


def test_sprechzettel(demo_store, tmp_path):
    from datetime import date

    _r, doc = export(demo_store, tmp_path / "sz.docx", "sprechzettel", Selection(ministry="MID"),
                     occasion="Jour fixe mit der Ministerin", meeting_date=date(2026, 4, 14),
                     classified=True)  # fmt: skip
    assert headings(doc) == ["Sprechzettel", "1. Gesprächsziel", "2. Sprechpunkte (aktiv)",
                             "3. Reaktive Sprechpunkte", "4. Hintergrund"]  # fmt: skip
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "Anlass: Jour fixe mit der Ministerin" in body
    assert "Termin: 14. April 2026" in body
    snap = demo_store.snapshot()
    mid = sorted((k for k, g in snap.goals.items() if g.lead == "MID"), key=lambda k: int(k[1:]))
    assert f"Von {len(mid)} Zielen sind" in body
    # reactive points name every at-risk / delayed goal of the ministry with its reason
    critical = [k for k in mid if snap.goals[k].status in (Status.AT_RISK, Status.DELAYED)]
    for key in critical:
        assert f"Falls nach {key} gefragt ({snap.goals[key].status.label})" in body
    # background table: status cells with label and Ampel fill
    table = find_table(doc, "Ziel")
    rows = table_rows(table)[1:]
    assert sorted(r[0] for r in rows) == sorted(mid)
    for row in table.rows[1:]:
        status = snap.goals[row.cells[0].text].status
        assert row.cells[3].text == status.label
        assert cell_fill(row.cells[3]) is not None
    # large readable type
    assert doc.styles["Normal"].font.size == Pt(13)
    for _i, _k, header in all_headers(doc):
        assert part_text(header).startswith(MARK)


def test_vermerk_on_one_goal(demo_store, tmp_path):
    data = portfolio.goal_report(demo_store, "Z03", AS_OF)
    _r, doc = export(demo_store, tmp_path / "vm.docx", "vermerk", Selection(goal="Z03"),
                     author="Frau Beispiel, Ref. 21", reference="21-0815/2026")  # fmt: skip
    assert headings(doc) == ["Vermerk", "1. Sachverhalt", "2. Bewertung", "3. Vorschlag",
                             "Verteiler"]  # fmt: skip
    head = dict(table_rows(doc.tables[0]))
    assert head["Geschäftszeichen"] == "21-0815/2026"
    assert head["Bearbeitung"] == "Frau Beispiel, Ref. 21"
    assert head["Datum"] == "2. April 2026"
    assert head["Herausgebende Stelle"].startswith("Ministerium für Infrastruktur und Digitales")
    body = "\n".join(p.text for p in doc.paragraphs)
    assert f"Betreff: Ziel Z03 „{data['title']}“ – Sachstand zum {de_long(AS_OF)}" in body
    assert "Federführung liegt beim" in body and f"({data['lead']})" in body
    for partner in data["partners"]:
        assert f"({partner})" in body
    # milestones with baselines, forecasts, actuals and slips
    ms_rows = table_rows(find_table(doc, "Meilenstein"))[1:]
    assert [r[0] for r in ms_rows] == [m["key"] for m in data["milestones"]]
    for row, m in zip(ms_rows, data["milestones"], strict=True):
        assert row[2] == (de_short(_d(m["baseline"])) if m["baseline"] else "–")
        assert row[3] == (de_short(_d(m["forecast"])) if m["forecast"] else "–")
        assert row[4] == (de_short(_d(m["actual"])) if m["actual"] else "offen")
        assert row[5] == (str(m["slip_days"]) if m["slip_days"] else "–")
    # predecessors and dependents with kinds
    dep_rows = table_rows(find_table(doc, "Richtung"))[1:]
    expected = [
        ("benötigt", d["key"], "hart" if d["kind"] == "hard" else "weich")
        for d in data["direct_predecessors"]
    ]
    expected += [("wird benötigt von", d["key"], "hart" if d["kind"] == "hard" else "weich")
                 for d in data["direct_dependents"]]  # fmt: skip
    assert [(r[0], r[1], r[4]) for r in dep_rows] == expected
    n_pre, n_post = len(data["predecessors"]), len(data["dependents"])
    assert f"insgesamt (über Ketten) {n_pre} {'Ziel' if n_pre == 1 else 'Ziele'} voraus" in body
    assert f"insgesamt {n_post} {'Ziel hängt' if n_post == 1 else 'Ziele hängen'} von ihm ab" \
        in body  # fmt: skip
    # assessment and proposal are placeholders, clearly marked
    placeholders = [p for p in doc.paragraphs if p.text.startswith("[Bitte ergänzen")]
    assert len(placeholders) == 2
    assert placeholders[0].runs[0]._r.xml.count("w:highlight") == 1
    verteiler = [p.text for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert verteiler[-1] == "z. d. A." and any(f"({data['lead']})" in v for v in verteiler)
    # not classified: no marking anywhere
    assert all(MARK not in part_text(h) for _i, _k, h in all_headers(doc))


def _d(text):
    from datetime import date

    return date.fromisoformat(text)


def test_vermerk_slip_sentence(make_store, tmp_path):
    from tests.support.builders import goal, ms

    store = make_store(goals=[goal("Z1", status="delayed", status_reason="Lieferverzug")],
                       milestones=[ms("Z1-M1", "2026-06-30", "2026-09-30")])  # fmt: skip
    _r, doc = export(store, tmp_path / "v.docx", "vermerk", Selection(goal="Z1"))
    body = "\n".join(p.text for p in doc.paragraphs)
    m = store.snapshot().milestones["Z1-M1"]
    assert slip_days(m) == 92
    assert (
        "Z1-M1: Prognose 30. September 2026 liegt 92 Tage nach dem Basistermin 30. Juni 2026."
        in body
    )
    assert "Status zum Stichtag 31. März 2026: verzögert – Lieferverzug." in body


def test_kabinettsvorlage(demo_store, tmp_path):
    stats = portfolio.stats(demo_store, AS_OF)
    _r, doc = export(demo_store, tmp_path / "kv.docx", "kabinettsvorlage", classified=True)
    heads = headings(doc)
    assert [h for h in heads if h.split(" ")[0] in ("I.", "II.", "III.", "IV.", "V.")] == [
        "I. Beschlussvorschlag", "II. Begründung", "III. Beteiligung der Ressorts",
        "IV. Strittige Punkte", "V. Anlagen"]  # fmt: skip
    assert heads[-1] == "Anlage 1: Übersicht aller Ziele mit Status und Abhängigkeiten"
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "Betreff: Umsetzungsbericht zur Digitalstrategie" in body
    by_cat = table_rows(find_table(doc, "Zielkategorie"))[1:]
    assert {r[0].split(" – ")[0]: int(r[1]) for r in by_cat} == {
        k: v["total"] for k, v in stats["by_category"].items() if v["total"]
    }
    busy = stats["by_category"]["VV"]
    n = busy["on_track"] + busy["delayed"] + busy["at_risk"]
    vv = next(r for r in by_cat if r[0].startswith("VV"))
    assert vv[-1] == f"{n} ({n / busy['total'] * 100:.1f} %)".replace(".", ",").replace(
        " %", "\u00a0%"
    )
    involvement = table_rows(find_table(doc, "Ressort"))[1:]
    led = {r[0].split(" – ")[0]: int(r[1]) for r in involvement}
    assert led == {k: v["total"] for k, v in stats["by_lead_ministry"].items() if v["total"]}
    conflicts = table_rows(find_table(doc, "wartendes Ziel"))[1:]
    assert len(conflicts) == len(stats["conflicts"])
    assert f"Strittig sind {len(stats['conflicts'])} Terminkonflikte" in body
    assert len(doc.inline_shapes) == 1
    for _i, _k, header in all_headers(doc):
        assert part_text(header).startswith(MARK)
