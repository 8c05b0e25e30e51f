"""The DTD/entity refusal holds for every part of a workbook or ODF file, whatever its name or
encoding (services/xlsx_format.check_zip): nothing is parsed, the portfolio is unchanged."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.hostile.conftest import assert_german, sha256

DTD = ('<?xml version="1.0" encoding="{enc}"?>\n<!DOCTYPE x [<!ENTITY e "boom">]>\n'
       '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
       "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&e;</t></is></c></row>"
       "</sheetData></worksheet>")  # fmt: skip


def _rewrite(src: Path, dst: Path, part: str, data: bytes, extra: str | None = None) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, data if item.filename == part else zin.read(item.filename))
        if extra:
            zout.writestr(extra, data)
    return dst


def _variants(enc: str) -> bytes:
    text = DTD.format(enc={"utf-16-le": "UTF-16", "utf-16-be": "UTF-16",
                           "utf-32-le": "UTF-32"}.get(enc, enc))  # fmt: skip
    if enc == "utf-16-le":
        return b"\xff\xfe" + text.encode("utf-16-le")
    if enc == "utf-16-be":
        return text.encode("utf-16-be")  # no BOM: recognised by the zero byte before `<`
    if enc == "utf-32-le":
        return text.encode("utf-32-le")
    if enc == "UTF-7":
        return text.replace("<!DOCTYPE", "+ADw-!DOCTYPE").encode("ascii")
    return text.encode("utf-8")


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory):
    from sa2030_desktop.cli.exchange_commands import reference_portfolio
    from sa2030_desktop.services.tabular_write import write_template

    folder = tmp_path_factory.mktemp("mappen")
    xlsx = write_template(folder / "vorlage.xlsx", reference_portfolio())
    ods = write_template(folder / "vorlage.ods", reference_portfolio())
    return xlsx, ods


@pytest.mark.parametrize("encoding", ["UTF-8", "utf-16-le", "utf-16-be", "utf-32-le", "UTF-7"])
@pytest.mark.parametrize("where", ["sheet", "odd-name", "upper-case"])
@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_a_dtd_in_any_part_and_encoding_is_refused(cli, demo, workbooks, tmp_path, kind,
                                                   where, encoding):  # fmt: skip
    src = workbooks[0] if kind == "xlsx" else workbooks[1]
    main_part = "xl/worksheets/sheet1.xml" if kind == "xlsx" else "content.xml"
    data = _variants(encoding)
    target = tmp_path / f"boese.{kind}"
    if where == "sheet":
        _rewrite(src, target, main_part, data)
    elif where == "odd-name":
        _rewrite(
            src, target, "", data, extra="xl/media/bild.bin" if kind == "xlsx" else "Pictures/x"
        )
    else:
        _rewrite(src, target, "", data, extra="customXml/ITEM1.XML")
    digest = sha256(demo)
    code, out, err = cli("import", demo, target)
    assert code == 1, (out, err)
    assert_german(err)
    assert "DTD" in err and "Entitäten" in err
    assert sha256(demo) == digest
