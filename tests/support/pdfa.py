"""What an archive checks in a PDF/A file, read with poppler's tools (pdfinfo, pdffonts,
pdftotext) – shared by the briefing, graph and timeline tests."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest


def need(*programs: str) -> None:
    missing = [p for p in programs if shutil.which(p) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} fehlt – .ci/run installiert es")


def run(*cmd: str) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def xmp(pdf: Path) -> str:
    return run("pdfinfo", "-meta", str(pdf))


def pdfa_id(pdf: Path) -> tuple[str, str]:
    """(part, conformance) from the XMP packet, written as elements or as attributes."""
    meta = xmp(pdf)
    found = []
    for name in ("part", "conformance"):
        match = re.search(rf"<pdfaid:{name}\b[^>]*>\s*([^<\s]+)\s*<", meta) or re.search(
            rf'pdfaid:{name}="([^"]+)"', meta
        )
        found.append(match.group(1) if match else "")
    return found[0], found[1]


def properties(pdf: Path) -> str:
    """The document properties a viewer or the E-Akte shows: info dictionary and XMP."""
    return run("pdfinfo", str(pdf)) + xmp(pdf)


def fonts(pdf: Path) -> list[dict[str, str]]:
    """pdffonts rows: name, type, emb (yes/no)."""
    lines = run("pdffonts", str(pdf)).splitlines()[2:]
    rows = []
    for line in lines:
        # the columns after the name: type (may contain spaces) encoding emb sub uni id gen
        parts = line.split()
        rows.append({"name": parts[0], "emb": parts[-5], "line": line})
    return rows


def pages(pdf: Path) -> list[str]:
    text = run("pdftotext", "-layout", str(pdf), "-")
    return [p for p in text.split("\f") if p.strip()]


def assert_pdfa_2b(pdf: Path) -> None:
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert pdfa_id(pdf) == ("2", "B"), xmp(pdf)
    rows = fonts(pdf)
    assert rows, "keine Schriften – Text wäre nicht durchsuchbar"
    assert all(r["emb"] == "yes" for r in rows), [r["line"] for r in rows]
