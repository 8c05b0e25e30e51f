"""Briefing tests: real portfolio files, real .docx files re-opened with python-docx, real PDFs."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from sa2030_desktop.domain.selection import Selection
from sa2030_desktop.export.briefing import BriefingOptions
from sa2030_desktop.services.briefing import export_briefing

AS_OF = date(2026, 3, 31)
ISSUED = date(2026, 4, 2)
MARK = "VS – NUR FÜR DEN DIENSTGEBRAUCH"


def export(store, path: Path, kind: str, selection: Selection | None = None, **opts):
    """Export with a fixed Stichtag and date of issue; returns (result, python-docx Document)."""
    opts.setdefault("issued", ISSUED)
    result = export_briefing(store, path, kind, selection or Selection(), AS_OF,
                             BriefingOptions(**opts))  # fmt: skip
    return result, Document(str(path))


def headings(doc) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]


def table_rows(table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def find_table(doc, first_header: str, after: int = 0):
    """The first table (from index `after`) whose header row starts with `first_header`."""
    for table in doc.tables[after:]:
        if table.rows[0].cells[0].text == first_header:
            return table
    raise AssertionError(f"keine Tabelle mit Spalte „{first_header}“")


def cell_fill(cell) -> str | None:
    shd = cell._tc.find(qn("w:tcPr") + "/" + qn("w:shd"))
    return shd.get(qn("w:fill")) if shd is not None else None


def part_text(part) -> str:
    return "\n".join(p.text for p in part.paragraphs)


def all_headers(doc):
    """(section index, kind, header) for the first-page and default header of every section."""
    for i, section in enumerate(doc.sections):
        yield i, "first", section.first_page_header
        yield i, "default", section.header


def soffice_pdf(docx_files: list[Path], outdir: Path) -> dict[Path, list[str]]:
    """Convert with LibreOffice (private profile) and return each file's pages as text."""
    soffice = shutil.which("soffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) fehlt – CI installiert es")
    outdir.mkdir(exist_ok=True)
    profile = outdir / "profile"
    subprocess.run(
        [soffice, "--headless", "--norestore", "--nolockcheck",
         f"-env:UserInstallation=file://{profile}", "--convert-to", "pdf", "--outdir",
         str(outdir), *map(str, docx_files)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    pages = {}
    for docx in docx_files:
        pdf = outdir / (docx.stem + ".pdf")
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                              capture_output=True, text=True).stdout  # fmt: skip
        pages[docx] = [p for p in text.split("\f") if p.strip()]
    return pages
