"""Briefings as PDF/A-2b and OpenDocument through a real LibreOffice, written by the real
`sa2030 briefing` command, checked with poppler (pdfinfo, pdffonts, pdftotext) and re-opened."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from sa2030_desktop.services.portfolio import create_portfolio
from tests.briefing.conftest import MARK
from tests.support.pdfa import assert_pdfa_2b, need, pages, properties

KINDS = ("status", "sprechzettel", "vermerk", "kabinettsvorlage")
TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def sa2030(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sa2030_desktop.cli.main", *args],
                          capture_output=True, text=True, env=env, timeout=600)  # fmt: skip


def briefing_args(demo: Path, out: Path, kind: str, classified: bool = True) -> list[str]:
    args = ["briefing", str(demo), str(out), "--kind", kind, "--as-of", "2026-03-31",
            "--reference", "12-3/2026"]  # fmt: skip
    if kind == "vermerk":
        args += ["--goal", "Z03"]
    return args + (["--classified"] if classified else [])


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """Every kind as .pdf (classified), .odt and .docx, plus an unclassified status .pdf."""
    need("soffice", "pdfinfo", "pdffonts", "pdftotext")
    folder = tmp_path_factory.mktemp("pdfa")
    demo = folder / "demo.sa2030"
    create_portfolio(demo, demo=True).close()
    for kind in KINDS:
        for suffix in (".pdf", ".odt", ".docx"):
            done = sa2030(*briefing_args(demo, folder / f"{kind}{suffix}", kind))
            assert done.returncode == 0, done.stderr
    done = sa2030(*briefing_args(demo, folder / "offen.pdf", "status", classified=False))
    assert done.returncode == 0, done.stderr
    return folder


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_is_pdfa_2b_with_embedded_fonts(written, kind):
    assert_pdfa_2b(written / f"{kind}.pdf")


@pytest.mark.parametrize("kind", KINDS)
def test_marking_on_every_page_but_not_in_the_properties(written, kind):
    pdf = written / f"{kind}.pdf"
    text = pages(pdf)
    assert text
    for number, page in enumerate(text, 1):
        first_line = next(line for line in page.splitlines() if line.strip())
        assert first_line.strip() == MARK, (kind, number)
        assert f"Seite {number} von {len(text)}" in page, (kind, number)
    props = properties(pdf)
    assert "Title:" in props
    for marking in ("DIENSTGEBRAUCH", "VS-NfD", "VS –", "12-3/2026"):
        assert marking not in props, (kind, marking)


def test_unclassified_pdf_has_no_marking(written):
    pdf = written / "offen.pdf"
    assert_pdfa_2b(pdf)
    assert all("DIENSTGEBRAUCH" not in p and "VS-NfD" not in p for p in pages(pdf))


def _docx_headings(doc) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in doc.paragraphs
            if p.style is not None and p.style.name.startswith(("Heading", "Title"))]  # fmt: skip


@pytest.mark.parametrize("kind", KINDS)
def test_odt_holds_the_headings_and_keeps_its_properties_unclassified(written, kind):
    with zipfile.ZipFile(written / f"{kind}.odt") as odt:
        assert odt.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        content = etree.fromstring(odt.read("content.xml"))
        meta = odt.read("meta.xml").decode("utf-8")
        styles = odt.read("styles.xml").decode("utf-8")
    assert MARK in styles  # the page headers carry the marking …
    assert (
        "<dc:title>" in meta and "DIENSTGEBRAUCH" not in meta and "VS-NfD" not in meta
    )  # … not the properties
    odt_headings = ["".join(h.itertext()) for h in content.iter(f"{{{TEXT_NS}}}h")]
    word = [text for style, text in _docx_headings(Document(str(written / f"{kind}.docx")))
            if style.startswith("Heading")]  # fmt: skip
    assert odt_headings == word and word


def test_odt_reopens_in_libreoffice_with_the_same_headings(written, tmp_path):
    """LibreOffice opens our .odt files again (converted back to Word, headings unchanged)."""
    odts = [str(written / f"{kind}.odt") for kind in KINDS]
    subprocess.run(["soffice", "--headless", "--norestore",
                    f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--convert-to", "docx", "--outdir", str(tmp_path), *odts],
                   check=True, capture_output=True, timeout=300)  # fmt: skip
    for kind in KINDS:
        again = _docx_headings(Document(str(tmp_path / f"{kind}.docx")))
        assert again == _docx_headings(Document(str(written / f"{kind}.docx"))), kind


# -- LibreOffice missing or hanging ---------------------------------------------------------------
@pytest.fixture
def demo_file(tmp_path):
    demo = tmp_path / "demo.sa2030"
    create_portfolio(demo, demo=True).close()
    return demo


def _env(path_dirs: list[Path], tmp: Path, **extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PATH", "TMPDIR")}
    env.update(PATH=os.pathsep.join(map(str, path_dirs)), TMPDIR=str(tmp), **extra)
    return env


@pytest.mark.parametrize("suffix", [".pdf", ".odt"])
def test_without_libreoffice_german_message_and_nothing_written(demo_file, tmp_path, suffix):
    empty_bin, tmp = tmp_path / "bin", tmp_path / "tmp"
    empty_bin.mkdir()
    tmp.mkdir()
    out = tmp_path / "aus" / f"bericht{suffix}"
    out.parent.mkdir()
    done = sa2030(*briefing_args(demo_file, out, "status"), env=_env([empty_bin], tmp))
    assert done.returncode == 1
    assert "LibreOffice" in done.stderr and "„soffice“" in done.stderr
    assert "nichts geschrieben" in done.stderr and "Traceback" not in done.stderr
    assert list(out.parent.iterdir()) == [] and list(tmp.iterdir()) == []


def _hanging_soffice(folder: Path) -> Path:
    """A stand-in `soffice` that starts a child and never finishes (a LibreOffice waiting on a
    dialog nobody sees); it notes the child's pid so the test can see the whole tree died."""
    folder.mkdir()
    script = folder / "soffice"
    script.write_text(f"#!/bin/sh\nsleep 600 &\necho $! > {folder / 'child.pid'}\nwait\n")
    script.chmod(0o755)
    return folder


def _gone(pid: int, patience: float = 10.0) -> bool:
    """Dead (or a zombie) – allowing the kernel to deliver the SIGKILL: on a loaded machine
    the killed child may still be running for a moment after killpg() returned (the full
    suite on 2 shared cores failed here once, the test alone never)."""
    deadline = time.monotonic() + patience
    while True:
        try:
            state = Path(f"/proc/{pid}/status").read_text()
        except FileNotFoundError:
            return True
        if "\nState:\tZ" in state:
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)


@pytest.mark.skipif(sys.platform == "win32", reason="Shell-Skript als Ersatz für soffice")
def test_hanging_libreoffice_times_out_keeps_old_file(demo_file, tmp_path):
    fake, tmp = _hanging_soffice(tmp_path / "bin"), tmp_path / "tmp"
    tmp.mkdir()
    out = tmp_path / "aus" / "bericht.pdf"
    out.parent.mkdir()
    out.write_bytes(b"alte Fassung")
    env = _env([fake, Path("/usr/bin"), Path("/bin")], tmp, SA2030_SOFFICE_TIMEOUT="3")
    done = sa2030(*briefing_args(demo_file, out, "status"), env=env)
    assert done.returncode == 1
    assert "LibreOffice" in done.stderr and "3 Sekunden" in done.stderr, done.stderr
    assert "nichts geschrieben" in done.stderr and "Traceback" not in done.stderr
    assert out.read_bytes() == b"alte Fassung"
    assert [p.name for p in out.parent.iterdir()] == ["bericht.pdf"]
    assert list(tmp.iterdir()) == []  # the private folder (document, profile) is gone
    assert _gone(int((fake / "child.pid").read_text()))


class _Stop(Exception):
    pass


@pytest.mark.skipif(sys.platform == "win32", reason="Shell-Skript als Ersatz für soffice")
def test_cancel_during_conversion_stops_libreoffice(demo_store, tmp_path, monkeypatch):
    """The dialog cancels by raising in the progress callback: LibreOffice dies, no file."""
    from sa2030_desktop.domain.selection import Selection
    from sa2030_desktop.export.briefing import BriefingOptions
    from sa2030_desktop.services.briefing import export_briefing

    fake = _hanging_soffice(tmp_path / "bin")
    monkeypatch.setenv("PATH", f"{fake}{os.pathsep}{os.environ['PATH']}")
    out = tmp_path / "aus" / "bericht.pdf"
    out.parent.mkdir()
    texts = []

    def progress(_fraction: float, text: str) -> None:
        texts.append(text)
        if (fake / "child.pid").exists():
            raise _Stop()

    with pytest.raises(_Stop):
        export_briefing(demo_store, out, "status", Selection(), None, BriefingOptions(), progress)
    assert "In PDF/A umwandeln (LibreOffice)" in texts
    assert list(out.parent.iterdir()) == []
    assert _gone(int((fake / "child.pid").read_text()))
