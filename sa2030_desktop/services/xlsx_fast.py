"""A fast, narrow reader for the cell values of `.xlsx` sheets (what openpyxl's read-only
mode returns with data_only, at a fraction of its cost for 100,000s of cells).

Only called after `xlsx_format.check_workbook` has refused zip bombs and any DTD/entity; the
XML parser additionally never resolves entities nor touches the network. Formula cells give
their cached value, dates come back as `date`/`datetime` (by the cell's number format).
"""

from __future__ import annotations

import math
import posixpath
import re
import zipfile
from datetime import datetime, timedelta

from lxml import etree

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_BUILTIN_DATES = set(range(14, 23)) | set(range(27, 37)) | set(range(45, 48)) | set(range(50, 59))
_EPOCH = datetime(1899, 12, 30)


_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _text(value: str) -> str:
    """Cell text as Excel shows it: `_xHHHH_` stands for a character XML cannot carry (a
    carriage return, a control character), `_x005F_` for a literal underscore (ECMA-376)."""
    if "_x" not in value:
        return value
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), value)


def _parser_kwargs() -> dict:
    return {"resolve_entities": False, "no_network": True, "huge_tree": False}


def _parse(zf: zipfile.ZipFile, name: str):
    with zf.open(name) as fh:
        tree = etree.parse(fh, etree.XMLParser(**_parser_kwargs()))
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:  # the parser's own view
        raise ValueError(f"DTD in {name}")
    return tree.getroot()


def _col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _is_date_format(code: str) -> bool:
    code = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", code.lower())
    return any(ch in code for ch in "dmy") and "general" not in code


def hidden_sheets(zf: zipfile.ZipFile) -> set[str]:
    """Names of the sheets Excel does not show (state hidden or veryHidden)."""
    wb = _parse(zf, "xl/workbook.xml")
    return {
        s.get("name", "")
        for s in wb.iter(f"{NS}sheet")
        if s.get("state") in ("hidden", "veryHidden")
    }


def sheet_paths(zf: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(sheet name, part name) in workbook order."""
    wb = _parse(zf, "xl/workbook.xml")
    rels = _parse(zf, "xl/_rels/workbook.xml.rels")
    target = {r.get("Id"): r.get("Target") for r in rels.iter(f"{PKG_REL}Relationship")}
    out = []
    for sheet in wb.iter(f"{NS}sheet"):
        t = target.get(sheet.get(f"{REL_NS}id"), "")
        part = t.lstrip("/") if t.startswith("/") else posixpath.normpath(posixpath.join("xl", t))
        out.append((sheet.get("name", ""), part))
    return out


def shared_strings(zf: zipfile.ZipFile) -> list[str]:
    """The shared string table, streamed: at most MAX_CELLS strings of at most MAX_CELL_CHARS
    characters each (a 5 MB workbook could otherwise declare millions of strings that no cell
    uses and take half a gigabyte before a row is read)."""
    from sa2030_desktop.services.xlsx_format import MAX_CELLS

    if "xl/sharedStrings.xml" not in zf.namelist():
        return []
    out: list[str] = []
    with zf.open("xl/sharedStrings.xml") as fh:
        for _event, si in etree.iterparse(fh, events=("end",), tag=f"{NS}si", **_parser_kwargs()):
            if len(out) >= MAX_CELLS:
                raise SheetTooLarge(f"über {MAX_CELLS} gemeinsame Texte")
            out.append(_checked(_text("".join(t.text or "" for t in si.iter(f"{NS}t")))))
            si.clear()
            while si.getprevious() is not None:
                del si.getparent()[0]
    return out


def _checked(text: str) -> str:
    if len(text) > MAX_CELL_CHARS:
        raise SheetTooLarge(f"ein Text mit {len(text)} Zeichen, Excel erlaubt {MAX_CELL_CHARS}")
    return text


def date_styles(zf: zipfile.ZipFile) -> set[int]:
    """Indexes of cell formats (the `s` attribute) that show a date."""
    if "xl/styles.xml" not in zf.namelist():
        return set()
    root = _parse(zf, "xl/styles.xml")
    custom = {int(f.get("numFmtId")): f.get("formatCode", "") for f in root.iter(f"{NS}numFmt")}
    out = set()
    xfs = root.find(f"{NS}cellXfs")
    for i, xf in enumerate(xfs if xfs is not None else []):
        fmt = int(xf.get("numFmtId", "0"))
        if fmt in _BUILTIN_DATES or (fmt in custom and _is_date_format(custom[fmt])):
            out.add(i)
    return out


class SheetTooLarge(Exception):
    """A sheet beyond the limits of ods_read (rows, columns, cells): refused, not read on."""


# Excel's own limit for a cell's text; longer texts cannot come from Excel (nor from our export).
MAX_CELL_CHARS = 32_767


def read_rows(zf: zipfile.ZipFile, part: str, strings: list[str], dates: set[int],
              hidden: list[int] | None = None):  # fmt: skip
    """Yield (row number, [values]) for the non-empty rows of one sheet; a cell beyond
    MAX_COLUMNS or more than MAX_ROWS rows / MAX_CELLS cells stop the reading at once (a 29 KB
    workbook may claim column XFD in every row)."""
    from sa2030_desktop.services.xlsx_format import MAX_CELLS, MAX_COLUMNS, MAX_ROWS

    cell_tag, row_tag = f"{NS}c", f"{NS}row"
    columns: dict[str, int] = {}
    rows = cells = 0
    values: list[object] = []
    in_row = 0  # cells seen in the current row: bounded before the row is complete
    ref_row = 0  # the row number of the row's first cell reference (when the row has none)
    with zf.open(part) as fh:
        # Cells are taken and dropped one by one: a row of a million cells (all in column A)
        # never stands in memory as a whole.
        events = etree.iterparse(fh, events=("end",), tag=(cell_tag, row_tag), **_parser_kwargs())
        for _event, element in events:
            if element.tag == cell_tag:
                in_row += 1
                if in_row > MAX_COLUMNS:
                    raise SheetTooLarge(f"über {MAX_COLUMNS} Zellen in einer Zeile")
                ref = element.get("r")
                if ref:
                    letters = ref.rstrip("0123456789")
                    col = columns.get(letters)
                    if col is None:
                        col = columns[letters] = _col_index(letters)
                    if not ref_row:
                        ref_row = int(ref[len(letters) :] or "0")
                else:
                    col = len(values)
                if col >= MAX_COLUMNS:
                    raise SheetTooLarge(f"Spalte {col + 1}, erlaubt sind {MAX_COLUMNS}")
                if col >= len(values):
                    values.extend([None] * (col + 1 - len(values)))
                try:
                    values[col] = _value(element, strings, dates)
                except SheetTooLarge as exc:  # a text longer than a cell holds: name the cell
                    raise SheetTooLarge(f"Zelle {ref or col + 1}: {exc}") from None
                element.clear()
                while element.getprevious() is not None:
                    del element.getparent()[0]
                continue
            row, row_values, values, in_row = element, values, [], 0
            number, ref_row = int(row.get("r", "0")) or ref_row, 0
            row_hidden = row.get("hidden") in ("1", "true")
            row.clear()
            while row.getprevious() is not None:
                del row.getparent()[0]
            if any(v not in (None, "") for v in row_values):
                rows += 1
                cells += len(row_values)
                if rows > MAX_ROWS or cells > MAX_CELLS:
                    raise SheetTooLarge(f"über {MAX_ROWS} Zeilen oder {MAX_CELLS} Zellen")
                if hidden is not None and row_hidden:
                    hidden.append(number)
                yield number, row_values


def _value(c, strings: list[str], dates: set[int]) -> object:
    kind = c.get("t", "n")
    if kind == "inlineStr":
        return _checked(_text("".join(t.text or "" for t in c.iter(f"{NS}t"))))
    v = c.find(f"{NS}v")
    text = v.text if v is not None else None
    if text is None:
        return None
    if kind == "s":
        return strings[int(text)]
    if kind in ("str", "e"):
        return _checked(text)
    if kind == "b":
        return text == "1"
    if kind == "d":
        return datetime.fromisoformat(text)
    number = float(text)
    if int(c.get("s", "0")) in dates and math.isfinite(number) and 0 < number < 2_958_466:
        # a serial Excel can show (1900-01-01 … 9999-12-31); others stay numbers and are
        # refused as dates with their place
        day = _EPOCH + timedelta(days=number)
        return day.date() if day.time() == datetime.min.time() else day
    return int(number) if number.is_integer() else number
