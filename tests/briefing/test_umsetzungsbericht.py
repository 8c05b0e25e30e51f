"""The Umsetzungsbericht (issue 12 item 5): real .docx files of two closed rounds re-opened with
python-docx; every number checked against the derivation in tests/support/two_rounds.py."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from docx import Document

from sa2030_desktop.domain.selection import Selection
from sa2030_desktop.export.briefing import BriefingOptions
from sa2030_desktop.services.umsetzungsbericht import (
    document_text,
    export_umsetzungsbericht,
    umsetzungsbericht_text,
)
from tests.briefing.conftest import find_table, headings, table_rows
from tests.support.two_rounds import (
    REMARK,
    RETURN_COMMENT,
    SACHSTAND_R1,
    SACHSTAND_R2,
    later_edits,
    two_round_store,
)

ISSUED = date(2026, 11, 30)


@pytest.fixture(scope="module")
def rounds_file(tmp_path_factory):
    """The two-round portfolio, built once; each test works on its own copy."""
    path = tmp_path_factory.mktemp("runden") / "zwei.sa2030"
    two_round_store(path).close()
    return path


@pytest.fixture
def store(rounds_file, tmp_path):
    from sa2030_desktop.services.portfolio import open_portfolio

    copy = tmp_path / "zwei.sa2030"
    shutil.copyfile(rounds_file, copy)
    store = open_portfolio(copy)
    yield store
    store.close()


def write(store, path, key, **opts):
    opts.setdefault("issued", ISSUED)
    export_umsetzungsbericht(store, path, key, options=BriefingOptions(**opts))
    return Document(str(path))


def body(doc) -> str:
    return "\n".join(p.text for p in doc.paragraphs)


def test_second_round_headings_and_change_against_hand_numbers(store, tmp_path):
    doc = write(store, tmp_path / "r2.docx", "R2")
    assert headings(doc) == [
        "Umsetzungsbericht", "1. Zusammenfassung", "2. Veränderungen seit der Berichtsrunde R1",
        "2.1 Statusübergänge", "2.2 Verschlechterte und verbesserte Ziele",
        "2.3 Neue und entfallene Ziele", "2.4 Meilensteine", "2.5 Terminkonflikte",
        "3. Umsetzungsstand nach Zielkategorie und Themenfeld",
        "3.1 Digitale vernetzte Verwaltung (VV)", "3.1.1 E-Governance (TF01)",
        "3.1.2 Digitale Landesverwaltung (TF02)",
        "3.1.3 Digitale Dienstleistungen für die Bürgerinnen und Bürger (TF03)",
        "3.2 Digitale Innovation (DI)", "3.2.1 Intelligentes Planen und Bauen (TF07)",
        "3.2.2 Intelligente Mobilität und Logistik (TF08)", "3.2.3 Open Data (TF09)",
        "3.3 Digitale vernetzte Gesellschaft (VG)",
        "3.3.1 Robuste, flächendeckende, standardisierte IT-Infrastruktur (TF13)",
        "4. Indikatoren", "5. Fehlende Meldungen",
        "6. Interne Anmerkungen (nicht zur Veröffentlichung)",
    ]  # fmt: skip
    text = body(doc)
    assert "Berichtsrunde: R2 (Meldeschluss 31.10.2026" in text
    assert "Zu 8 Zielen im Umfang der Berichtsrunde liegen 7 Meldungen der Ressorts vor " \
           "(87,5\u00a0%). Zu 1 Ziel fehlt die Meldung (Abschnitt 5)." in text  # fmt: skip
    assert ("Gegenüber der Berichtsrunde R1 (Stichtag 31. März 2026) haben sich 2 Ziele "
            "verschlechtert und 2 Ziele verbessert; 2 Meilensteine wurden erreicht, "
            "2 Meilensteine wurden verschoben; 1 Terminkonflikt ist neu, 1 Terminkonflikt ist "
            "gelöst.") in text  # fmt: skip
    # status per round: R1 2/4/1/1/0 of Z1–Z8, R2 1/4/1/1/1 of Z1–Z7, Z9
    assert table_rows(find_table(doc, "Status")) == [
        ["Status", "R1 (31.03.2026)", "R2 (30.09.2026)", "Veränderung"],
        ["nicht begonnen", "2", "1", "\u22121"], ["im Plan", "4", "4", "±0"],
        ["verzögert", "1", "1", "±0"], ["gefährdet", "1", "1", "±0"],
        ["abgeschlossen", "0", "1", "+1"], ["Summe", "8", "8", "±0"],
    ]  # fmt: skip
    assert table_rows(find_table(doc, "Status R1"))[1:] == [
        ["nicht begonnen", "im Plan", "1", "unverändert"],  # Z3: same rank
        ["im Plan", "im Plan", "2", "unverändert"],  # Z5, Z7
        ["im Plan", "verzögert", "1", "verschlechtert"],  # Z2
        ["im Plan", "abgeschlossen", "1", "verbessert"],  # Z1
        ["verzögert", "gefährdet", "1", "verschlechtert"],  # Z4
        ["gefährdet", "im Plan", "1", "verbessert"],  # Z6
    ]  # fmt: skip
    at, worse = locate(doc, "Ziel")
    assert [r[0] for r in table_rows(worse)[1:]] == ["Z2", "Z4"]
    assert table_rows(worse)[1][3:] == ["im Plan", "verzögert"]
    at, better = locate(doc, "Ziel", at + 1)
    assert [(r[0], r[3], r[4]) for r in table_rows(better)[1:]] == [
        ("Z1", "im Plan", "abgeschlossen"), ("Z6", "gefährdet", "im Plan")]  # fmt: skip
    assert "Neu aufgenommen: 1 Ziel." in text and "Entfallen: 1 Ziel." in text
    at, new = locate(doc, "Ziel", at + 1)
    gone = locate(doc, "Ziel", at + 1)[1]
    assert table_rows(new)[1][:3] == ["Z9", "Ziel Z9", "MID"]
    assert table_rows(gone)[1][:3] == ["Z8", "Ziel Z8", "MWL"]
    at, achieved = locate(doc, "Meilenstein")
    assert [(r[0], r[3]) for r in table_rows(achieved)[1:]] == [
        ("Z1-M2", "15.09.2026"), ("Z5-M1", "28.04.2026")]  # fmt: skip
    shifted = locate(doc, "Meilenstein", at + 1)[1]
    assert [[r[0], *r[3:]] for r in table_rows(shifted)[1:]] == [
        ["Z3-M1", "31.05.2026", "31.12.2026", "214"],  # 30+31+31+30+31+30+31 days
        ["Z2-M1", "30.06.2026", "31.10.2026", "123"],  # 31+31+30+31 days
    ]  # fmt: skip
    assert [(r[0], r[3]) for r in table_rows(find_table(doc, "Abhängigkeit"))[1:]] == [
        ("Z6>Z3", "neu"), ("Z2>Z1", "gelöst")]  # fmt: skip


def test_second_round_per_category_theme_sachstand_indicators_missing(store, tmp_path):
    doc = write(store, tmp_path / "r2.docx", "R2")
    at, themes = locate(doc, "Themenfeld")  # VV: TF01 Z1 done + Z9 new, TF02 Z2, TF03 Z6
    assert [h.replace("\xad", "") for h in table_rows(themes)[0][1:]] == [
        "Ziele", "nicht begonnen", "im Plan", "verzögert", "gefährdet", "abgeschlossen",
        "verschlechtert", "verbessert"]  # fmt: skip
    assert [r[1:] for r in table_rows(themes)[1:]] == [
        ["2", "1", "0", "0", "0", "1", "0", "1"],
        ["1", "0", "0", "1", "0", "0", "1", "0"],
        ["1", "0", "1", "0", "0", "0", "0", "1"],
    ]  # fmt: skip
    tf01 = find_table(doc, "Ziel", at + 1)
    assert table_rows(tf01) == [
        ["Ziel", "Titel und Sachstand", "Feder\xadführung", "Status", "Status R1"],
        ["Z1", f"Ziel Z1\n{SACHSTAND_R2['Z1']}", "MID", "abgeschlossen", "im Plan"],
        ["Z9", f"Ziel Z9\n{SACHSTAND_R2['Z9']}", "MID", "nicht begonnen", "neu"],
    ]  # fmt: skip
    cells = {row.cells[0].text: row.cells[1] for t in doc.tables for row in t.rows[1:]
             if t.rows[0].cells[1].text == "Titel und Sachstand"}  # fmt: skip
    assert sorted(cells) == ["Z1", "Z2", "Z3", "Z4", "Z5", "Z6", "Z7", "Z9"]
    assert cells["Z7"].text == "Ziel Z7\nkeine Meldung"  # pending in R2
    assert cells["Z2"].text == f"Ziel Z2\n{SACHSTAND_R2['Z2']}\nGrund für „verzögert“: Vergabe"
    assert cells["Z4"].text.endswith("\nGrund für „gefährdet“: Ausfall")
    assert "Grund" not in cells["Z6"].text  # im Plan: no reason shown
    assert cells["Z2"].paragraphs[0].runs[0].bold and cells["Z7"].paragraphs[0].runs[1].italic
    ind = table_rows(find_table(doc, "Ziel", _index_of(doc, "Indikator")))
    assert ind[1] == ["Z5", "Quote", "0 % (01.01.2026)", "100 % (01.01.2027)", "40 % (30.09.2026)",
                      "74,52 %", "deutlich hinter Plan", "auf Kurs"]  # fmt: skip
    assert ind[2][:2] == ["Z7", "Fälle"] and ind[2][-2:] == ["keine Messung", "keine Messung"]
    missing = table_rows(find_table(doc, "Ressort"))
    assert missing[1:] == [["MWL", "Z7", "Ziel Z7", "ausstehend", "–"]]
    # two figures: the status comparison and the indicator panels, each with its caption
    assert len(doc.inline_shapes) == 2
    captions = [p.text for p in doc.paragraphs if p.text.startswith("Abbildung")]
    assert [c.split(":")[0] for c in captions] == ["Abbildung 1", "Abbildung 2"]
    assert "Berichtsrunde R2 gegenüber der Berichtsrunde R1" in captions[0]
    assert "Zielpfad" in captions[1]


def locate(doc, first_header: str, after: int = 0):
    """(index, table) of the first table from `after` whose first header is `first_header`."""
    for i, table in enumerate(doc.tables[after:], start=after):
        if table.rows[0].cells[0].text == first_header:
            return i, table
    raise AssertionError(first_header)


def _index_of(doc, second_header: str) -> int:
    for i, t in enumerate(doc.tables):
        if len(t.columns) > 1 and t.rows[0].cells[1].text == second_header:
            return i
    raise AssertionError(second_header)


def test_first_round_has_no_previous_round_and_names_missing_reports(store, tmp_path):
    doc = write(store, tmp_path / "r1.docx", "R1")
    text = body(doc)
    assert "2. Veränderungen seit der vorigen Berichtsrunde" in headings(doc)
    assert "Vor der Berichtsrunde R1 gibt es keine abgeschlossene Berichtsrunde. Ein Vergleich " \
           "mit einem früheren Stand entfällt daher in diesem Bericht." in text  # fmt: skip
    assert not any(h.startswith("2.1") for h in headings(doc))
    assert table_rows(find_table(doc, "Status"))[1:6] == [
        ["nicht begonnen", "2", "25,0\u00a0%"], ["im Plan", "4", "50,0\u00a0%"],
        ["verzögert", "1", "12,5\u00a0%"], ["gefährdet", "1", "12,5\u00a0%"],
        ["abgeschlossen", "0", "0,0\u00a0%"]]  # fmt: skip
    assert "liegen 6 Meldungen der Ressorts vor (75,0\u00a0%). Zu 2 Zielen fehlt" in text
    assert table_rows(find_table(doc, "Ressort"))[1:] == [
        ["MF", "Z3", "Ziel Z3", "ausstehend", "–"],
        ["MF", "Z4", "Ziel Z4", "zurückgegeben", RETURN_COMMENT]]  # fmt: skip
    assert "MF (2)" in text
    internal = table_rows(find_table(doc, "Ziel", _index_of(doc, "gemeldet von")))
    assert [(r[0], r[2], r[3]) for r in internal[1:]] == [
        ("Z2", REMARK, "–"), ("Z4", "–", RETURN_COMMENT)]  # fmt: skip
    assert "Z2" in internal[1][0] and "MID" in internal[1][1]
    sachstand = {row.cells[0].text: row.cells[1].text for t in doc.tables for row in t.rows[1:]
                 if t.rows[0].cells[1].text == "Titel und Sachstand"}  # fmt: skip
    assert sachstand["Z8"] == f"Ziel Z8\n{SACHSTAND_R1['Z8']}"
    assert sachstand["Z3"] == "Ziel Z3\nkeine Meldung"
    assert len(doc.inline_shapes) == 1  # indicators only: no comparison chart without R0


def test_public_variant_leaves_out_internal_texts_and_persons(store, tmp_path):
    internal = umsetzungsbericht_text(store, "R1")
    public = umsetzungsbericht_text(store, "R1", public=True)
    from sa2030_desktop.services import reporting

    submitter = next(r.submitted_by for r in reporting.reports(store, "R1") if r.submitted_by)
    assert REMARK in internal and RETURN_COMMENT in internal and submitter in internal
    for secret in (REMARK, RETURN_COMMENT, submitter, "Prüfkommentar", "Interne Anmerkungen"):
        assert secret not in public
    assert "Fassung: öffentliche Fassung" in public
    assert SACHSTAND_R1["Z2"] in public  # the Sachstand is published


def test_same_round_same_text_after_edits_renames_and_deletions(store, tmp_path):
    before = {key: umsetzungsbericht_text(store, key, figures=True) for key in ("R1", "R2")}
    write(store, tmp_path / "vorher.docx", "R2", classified=True, reference="21-12/2026")
    later_edits(store)
    snap = store.snapshot()
    assert "Z6" not in snap.goals and "Z20" in snap.goals  # the live portfolio did change
    for key in ("R1", "R2"):
        assert umsetzungsbericht_text(store, key, figures=True) == before[key]
    write(store, tmp_path / "nachher.docx", "R2", classified=True, reference="21-12/2026")
    first, again = (Document(str(tmp_path / n)) for n in ("vorher.docx", "nachher.docx"))
    assert document_text(first) == document_text(again)
    assert document_text(first).replace("Geschäftszeichen: 21-12/2026 – VS-NfD\n", "") == \
        before["R2"]  # fmt: skip
    for a, b in zip(first.sections, again.sections, strict=True):
        assert [p.text for p in a.header.paragraphs] == [p.text for p in b.header.paragraphs]
    assert "Ganz anderer Titel" not in before["R2"] and "Z20" not in before["R2"]


def test_selection_narrows_every_section(store, tmp_path):
    text = umsetzungsbericht_text(store, "R2", selection=Selection(ministry="MF"))
    assert "umfasst die Auswahl 2 Ziele" in text  # Z3, Z4
    assert "haben sich 1 Ziel verschlechtert und 0 Ziele verbessert" in text.replace(
        "hat sich 1 Ziel", "haben sich 1 Ziel")  # fmt: skip
    assert "Z3-M1 | Meilenstein Z3-M1 | MF | 31.05.2026 | 31.12.2026 | 214" in text
    assert "Z2-M1" not in text and "Z6>Z3" in text and "Z2>Z1" not in text
