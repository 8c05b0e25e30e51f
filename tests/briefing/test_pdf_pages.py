"""What Word/LibreOffice users see: every page of the PDF carries the marking and „Seite X von Y“."""

from __future__ import annotations

import re

import pytest

from sa2030_desktop.domain.selection import Selection
from sa2030_desktop.export.briefing import BriefingOptions
from sa2030_desktop.services.briefing import export_briefing
from sa2030_desktop.services.portfolio import create_portfolio
from tests.briefing.conftest import AS_OF, MARK, soffice_pdf
from tests.support.docx_raw import write_raw_goal

KINDS = ("status", "sprechzettel", "vermerk", "kabinettsvorlage")


@pytest.fixture(scope="module")
def pdf_pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdf")
    store = create_portfolio(folder / "demo.sa2030", demo=True)
    # text the core refuses, as another tool might have written it
    write_raw_goal(
        store,
        "Z99",
        "Kontroll\x01zeichen\x1f | " + "y" * 100_000,
        status_reason="\x0b|",
        ms_title="M\x08|",
    )
    files = []
    try:
        for kind in KINDS:
            sel = Selection(goal="Z03") if kind == "vermerk" else Selection()
            path = folder / f"{kind}.docx"
            export_briefing(store, path, kind, sel, AS_OF,
                            BriefingOptions(classified=True, reference="12-3/2026"))  # fmt: skip
            files.append(path)
        open_path = folder / "offen.docx"
        export_briefing(store, open_path, "status", Selection(ministry="MID"), AS_OF,
                        BriefingOptions(reference="12-3/2026"))  # fmt: skip
        bad_path = folder / "zeichen.docx"
        export_briefing(store, bad_path, "vermerk", Selection(goal="Z99"), AS_OF,
                        BriefingOptions(classified=True))  # fmt: skip
        files += [open_path, bad_path]
    finally:
        store.close()
    return {p.stem: pages for p, pages in soffice_pdf(files, folder / "out").items()}


@pytest.mark.parametrize("name", [*KINDS, "zeichen"])
def test_every_page_is_marked_and_numbered(pdf_pages, name):
    pages = pdf_pages[name]
    assert pages
    for number, text in enumerate(pages, 1):
        first_line = next(line for line in text.splitlines() if line.strip())
        assert first_line.strip() == MARK, (name, number)
        assert re.search(rf"Seite {number} von {len(pages)}\b", text), (name, number)
        assert "12-3/2026 – VS-NfD" in text or name == "zeichen"


def test_status_report_pdf_has_several_sections_all_marked(pdf_pages):
    pages = pdf_pages["status"]
    assert len(pages) >= 6
    assert "Magdeburg" in pages[0] and all("Magdeburg" not in p for p in pages[1:])
    assert any("Abbildung 2" in p for p in pages)


def test_unclassified_pdf_has_no_marking(pdf_pages):
    pages = pdf_pages["offen"]
    for number, text in enumerate(pages, 1):
        assert "DIENSTGEBRAUCH" not in text and "VS-NfD" not in text
        assert f"Seite {number} von {len(pages)}" in text


def test_word_incompatible_text_is_readable_in_the_pdf(pdf_pages):
    text = "\n".join(pdf_pages["zeichen"])
    assert "Kontrollzeichen |" in text and "yyyyyyyyyy" in text
    assert "M|" in text


@pytest.mark.parametrize("name", KINDS)
def test_table_words_do_not_break(pdf_pages, name):
    """Status labels, headers and keys stay whole (acceptance: „abgeschlosse|n“, „DIG-|001“)."""
    text = "\n".join(pdf_pages[name])
    for broken in (r"\babgeschlosse\b", r"\babgeschl\b", r"\bMeilenstei\b", r"\bverzöger\b",
                   r"\bgefährde\b", r"\bZ\d+-\s*$", r"\bZ\d+-M\s*$"):  # fmt: skip
        assert not re.search(broken, text, re.MULTILINE), (name, broken)
