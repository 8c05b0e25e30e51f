"""The Umsetzungsbericht as LibreOffice lays it out (PDF, pdftotext): marked and numbered on
every page, no heading left alone at a page's foot, no word of a table broken."""

from __future__ import annotations

import re

import pytest

from sa2030_desktop.export.briefing import BriefingOptions
from sa2030_desktop.services.umsetzungsbericht import export_umsetzungsbericht
from tests.briefing.conftest import MARK, soffice_pdf
from tests.support.two_rounds import two_round_store

HEADING = re.compile(r"^\s*\d+\.(\d+(\.\d+)*)?\s+[A-ZÄÖÜ]")


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ub-pdf")
    store = two_round_store(folder / "zwei.sa2030")
    try:
        path = folder / "umsetzungsbericht.docx"
        export_umsetzungsbericht(store, path, "R2",
                                 options=BriefingOptions(classified=True, reference="21-12/2026"))  # fmt: skip
    finally:
        store.close()
    return soffice_pdf([path], folder / "out")[path]


def test_every_page_marked_numbered_and_no_lonely_heading(pages):
    assert len(pages) >= 4
    for number, text in enumerate(pages, 1):
        lines = [line for line in text.splitlines() if line.strip()]
        assert lines[0].strip() == MARK, number
        assert re.search(rf"Seite {number} von {len(pages)}\b", text), number
        assert "21-12/2026 – VS-NfD" in text
        body = [line for line in lines if "Seite" not in line and "VS-NfD" not in line]
        assert not HEADING.match(body[-1]), (number, body[-1])


def test_sections_and_words_whole(pages):
    text = "\n".join(pages)
    for heading in ("1. Zusammenfassung", "2.5 Terminkonflikte", "3.1.1 E-Governance (TF01)",
                    "4. Indikatoren", "5. Fehlende Meldungen", "Abbildung 2: Indikatoren"):  # fmt: skip
        assert heading in text
    for broken in (r"\babgeschlosse\b", r"\bverzöger\b", r"\bgefährde\b", r"\bZ\d+-\s*$",
                   r"\bLandesverwaltu\b", r"\bDienstleistunge\b"):  # fmt: skip
        assert not re.search(broken, text, re.MULTILINE), broken
