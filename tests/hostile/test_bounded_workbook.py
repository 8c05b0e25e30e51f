"""Workbooks within the size limits of the zip that still claim far more than they hold: a
shared-string table of hundreds of thousands of unused strings, one row of a million cells all in
column A, a text longer than Excel allows. The reader streams them and refuses at the limit."""

from __future__ import annotations

import random
import subprocess
import sys
import tracemalloc
import zipfile

from sa2030_desktop.services.xlsx_fast import MAX_CELL_CHARS
from tests.hostile.conftest import assert_german, sha256

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _workbook(tmp_path, name: str, sheet: bytes | None = None, strings: bytes | None = None):
    from sa2030_desktop.cli.exchange_commands import reference_portfolio
    from sa2030_desktop.services.tabular_write import write_template

    template = write_template(tmp_path / "vorlage.xlsx", reference_portfolio())
    target = tmp_path / name
    with (
        zipfile.ZipFile(template) as zin,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout,
    ):
        for item in zin.infolist():
            data = zin.read(item)
            if sheet is not None and item.filename == "xl/worksheets/sheet1.xml":
                data = sheet
            if strings is not None and item.filename == "xl/sharedStrings.xml":
                continue
            zout.writestr(item, data)
        if strings is not None:
            zout.writestr("xl/sharedStrings.xml", strings)
    return target


def _sheet(rows: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>ziel_id</t></is></c></row>'
        f"{rows}</sheetData></worksheet>"
    ).encode()


def _import(cli, demo, path):
    digest = sha256(demo)
    tracemalloc.start()
    code, out, err = cli("import", demo, path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert code == 1, (out, err)
    assert_german(err)
    assert path.name in err
    assert sha256(demo) == digest
    return err, peak


def test_one_row_of_a_million_cells_in_one_column_is_refused_while_reading(cli, demo, tmp_path):
    rnd = random.Random(6)  # varied values: the zip's ratio check alone lets it through
    cells = "".join(f'<c r="A2"><v>{rnd.randrange(10**6)}</v></c>' for _ in range(300_000))
    bad = _workbook(tmp_path, "zeile.xlsx", sheet=_sheet(f'<row r="2">{cells}</row>'))
    err, peak = _import(cli, demo, bad)
    assert "größer als erlaubt" in err and "1000 Zellen in einer Zeile" in err
    assert peak < 60 * 1024 * 1024  # generous: the whole row in memory took about 200 MB


def test_a_text_longer_than_excel_allows_is_refused_with_the_limit(cli, demo, tmp_path):
    long = "x" * (MAX_CELL_CHARS + 1)
    bad = _workbook(
        tmp_path,
        "lang.xlsx",
        sheet=_sheet(f'<row r="2"><c r="A2" t="inlineStr"><is><t>{long}</t></is></c></row>'),
    )
    err, _ = _import(cli, demo, bad)
    assert "Blatt Ziele, Zelle A2: ein Text mit 32768 Zeichen, Excel erlaubt 32767" in err


def _string_table(count: int) -> bytes:
    rnd = random.Random(7)  # varied words: the zip's ratio check alone lets them through
    words = "".join(
        f"<si><t>{''.join(rnd.choices('abcdefghijklmnopqrstuvwxyz', k=6))}</t></si>"
        for _ in range(count)
    )
    return f'<?xml version="1.0" encoding="UTF-8"?><sst {NS} count="{count}">{words}</sst>'.encode()


def test_a_string_table_beyond_the_cell_limit_is_refused(cli, demo, tmp_path, monkeypatch):
    from sa2030_desktop.services import xlsx_format

    monkeypatch.setattr(xlsx_format, "MAX_CELLS", 1000)  # the real limit is 3,000,000
    bad = _workbook(tmp_path, "texte.xlsx", strings=_string_table(1001))
    err, _ = _import(cli, demo, bad)
    assert "über 1000 gemeinsame Texte" in err


def test_an_unused_string_table_is_streamed_not_built(tmp_path):
    """Peak memory of a whole process (libxml2's tree is invisible to tracemalloc)."""
    bad = _workbook(
        tmp_path,
        "texte.xlsx",
        sheet=_sheet('<row r="2"><c r="A2" t="inlineStr"><is><t>Z1</t></is></c></row>'),
        strings=_string_table(400_000),
    )
    script = (
        "import re, sys; from pathlib import Path;"
        "from sa2030_desktop.services.xlsx_format import read_workbook;"
        "read_workbook(Path(sys.argv[1]), []);"
        # VmHWM belongs to this program alone (ru_maxrss may carry the forking pytest's peak)
        "print(re.search(r'VmHWM:\\s*(\\d+)', Path('/proc/self/status').read_text())[1])"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(bad)], capture_output=True, text=True, check=True
    )
    peak_mb = int(done.stdout) / 1024
    # generous: ~60 MB streamed; building the tree took about 200 MB at this size
    assert peak_mb < 130, peak_mb


def test_an_ods_row_of_many_cells_is_refused_while_it_is_parsed(cli, demo, tmp_path):
    """Empty cells cost nothing when read, but a row of 300,000 of them (varied, so the zip's
    ratio check lets them through) stood in memory whole before; now the 16,385th refuses it."""
    from sa2030_desktop.services.ods_read import MAX_ROW_CELLS

    assert cli("export", demo, tmp_path / "demo.ods")[0] == 0
    rnd = random.Random(8)
    cells = "".join(
        f'<table:table-cell table:style-name="ce{rnd.randrange(10**6)}"/>' for _ in range(300_000)
    )
    bad = tmp_path / "zeile.ods"
    with (
        zipfile.ZipFile(tmp_path / "demo.ods") as zin,
        zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as zout,
    ):
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "content.xml":
                head, sep, tail = data.partition(b"</table:table-row>")
                data = head + sep + f"<table:table-row>{cells}</table:table-row>".encode() + tail
            zout.writestr(item, data)
    err, _ = _import(cli, demo, bad)
    assert f"über {MAX_ROW_CELLS} Zellen in einer Zeile" in err
