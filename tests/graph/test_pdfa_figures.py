"""Graph and timeline PDFs are PDF/A-2b: XMP identification, sRGB OutputIntent, embedded fonts,
a file identifier and matching document properties – written by the real commands."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

from sa2030_desktop.services.portfolio import create_portfolio
from tests.support.pdfa import assert_pdfa_2b, need, pages, run, xmp


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    need("pdfinfo", "pdffonts", "pdftotext")
    path = tmp_path_factory.mktemp("figuren") / "demo.sa2030"
    create_portfolio(path, demo=True).close()
    return path


def sa2030(*args: str) -> Path:
    done = subprocess.run([sys.executable, "-m", "sa2030_desktop.cli.main", *args],
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return Path(args[2])


def assert_archive_paperwork(pdf: Path, title: str) -> None:
    assert_pdfa_2b(pdf)
    with pikepdf.open(pdf) as doc:
        (intent,) = doc.Root.OutputIntents
        assert intent.S == pikepdf.Name.GTS_PDFA1
        profile = intent.DestOutputProfile
        icc = profile.read_bytes()
        assert profile.N == 3 and icc[36:40] == b"acsp" and icc[16:20] == b"RGB "
        assert icc[8] in (2, 4)  # ICC versions PDF/A-2 accepts
        assert len(doc.trailer.ID) == 2
        assert "/Filter" not in doc.Root.Metadata.stream_dict  # PDF/A: metadata uncompressed
        assert str(doc.docinfo.Title) == title
    assert f"Title:           {title}" in run("pdfinfo", str(pdf))
    assert f">{title}</rdf:li>" in xmp(pdf)


def test_graph_pdf_is_pdfa(demo, tmp_path):
    pdf = sa2030("graph", str(demo), str(tmp_path / "graph.pdf"), "--theme", "TF09", "--hops", "1")
    title = "Abhängigkeiten – Sachsen-Anhalt Digital 2030 – Demodaten – illustrativ"
    assert_archive_paperwork(pdf, title)
    assert "Z" in pages(pdf)[0]  # text stays text


def test_timeline_pdf_is_pdfa_on_every_page(demo, tmp_path):
    pdf = sa2030("timeline", str(demo), str(tmp_path / "plan.pdf"), "--group-by", "ministry")
    assert_archive_paperwork(pdf, "Meilensteinplan")
    text = pages(pdf)
    assert len(text) >= 2 and all("Meilenstein" in p or "Z" in p for p in text)


def test_png_and_svg_stay_as_they_were(demo, tmp_path):
    png = sa2030("graph", str(demo), str(tmp_path / "graph.png"))
    svg = sa2030("timeline", str(demo), str(tmp_path / "plan.svg"))
    assert png.read_bytes()[:4] == b"\x89PNG" and b"pdfaid" not in svg.read_bytes()
