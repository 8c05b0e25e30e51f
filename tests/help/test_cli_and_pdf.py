"""`sa2030 --help` and every subcommand's help say where the handbook is; the printable PDF in
the repository is the current handbook (issue 17)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import unicodedata

import pytest

from sa2030_desktop import assets
from sa2030_desktop.cli.main import build_parser
from sa2030_desktop.gui.help import handbook


def _parsers(parser, path=()):
    yield path, parser
    for action in parser._actions:  # noqa: SLF001 (argparse keeps its subparsers here)
        choices = getattr(action, "choices", None)
        if isinstance(choices, dict):
            for name, sub in choices.items():
                yield from _parsers(sub, (*path, name))


def test_every_help_names_the_menu_and_the_pdf():
    seen = 0
    for path, parser in _parsers(build_parser()):
        text = parser.format_help()
        assert "Hilfe › Handbuch (F1)" in text, " ".join(path)
        assert str(assets.handbook_pdf()) in text, " ".join(path)
        seen += 1
    assert seen > 20  # the top level, the subcommands and their own subcommands


def test_help_of_the_installed_command(tmp_path):
    done = subprocess.run([sys.executable, "-m", "sa2030_desktop.cli.main", "round", "--help"],
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 0
    assert "Handbuch" in done.stdout and "SA2030-Benutzerhandbuch.pdf" in done.stdout


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) fehlt")
def test_the_pdf_in_the_repository_is_the_current_handbook():
    """Fails when a chapter was added or renamed without `python tools/build_handbook.py`."""
    pdf = assets.handbook_pdf()
    assert pdf.is_file(), "PDF fehlt: python tools/build_handbook.py"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, timeout=60, check=True).stdout  # fmt: skip
    flat = " ".join(unicodedata.normalize("NFKC", text).split())  # ligatures: ﬀ → ff
    headings = [h.title for h in handbook.read_source().headings if h.level in (2, 3)]
    missing = [title for title in headings if " ".join(title.split()) not in flat]
    assert missing == [], "PDF veraltet: python tools/build_handbook.py"
    assert "Seite 1 von" in flat and "Strg+Umschalt+W" in flat


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) fehlt")
def test_the_pdf_is_built_by_one_call(qapp, tmp_path):
    from sa2030_desktop.gui.help import printing

    target = tmp_path / "handbuch.pdf"
    pages = printing.write_pdf(handbook.read_source(), {"tastenkuerzel": "| F1 | Handbuch |"},
                               target)  # fmt: skip
    assert pages >= 10 and target.is_file() and not target.with_name("handbuch.pdf.tmp").exists()
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                          timeout=60, check=True).stdout  # fmt: skip
    assert f"Seite {pages} von {pages}" in text
    assert "Abhängigkeitsgraph – Seite" in text  # the contents with page numbers
