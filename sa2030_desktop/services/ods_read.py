"""A narrow, safe reader for the cell values of OpenDocument spreadsheets (`.ods`).

First the zip is checked as for `.xlsx` (zip bomb, DTD/entities, see `xlsx_format.check_zip`),
then: the mimetype must say spreadsheet, an encrypted (password-protected) file is refused.
`content.xml` is parsed incrementally with lxml (no entities, no network, no huge trees), one
row at a time. Repeated rows and columns (`table:number-rows-repeated`, as Calc writes the
empty rest of a sheet) are counted, not expanded, unless they hold values, and a sheet may
hold at most MAX_ROWS rows and MAX_COLUMNS columns with values. Formula cells give their
cached value; a formula without one is refused — nothing is ever calculated.
"""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

from lxml import etree

from sa2030_desktop.domain.errors import Issue
from sa2030_desktop.services.csv_format import RawTable
from sa2030_desktop.services.tabular_schema import sheet_table
from sa2030_desktop.services.xlsx_format import MAX_CELLS, MAX_COLUMNS, MAX_ROWS, check_zip

MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_CELLS = (f"{TABLE}table-cell", f"{TABLE}covered-table-cell")
_ROW, _COLS_REPEATED = f"{TABLE}table-row", f"{TABLE}number-columns-repeated"
_TYPE, _VALUE, _FORMULA = f"{OFFICE}value-type", f"{OFFICE}value", f"{TABLE}formula"
_P = (f"{TEXT}p", f"{TEXT}h")
MAX_ROW_CELLS = 16_384  # cell elements in one row: Calc's own column limit


class _Refused(Exception):
    def __init__(self, issue: Issue) -> None:
        super().__init__(issue.code)
        self.issue = issue


def check_ods(path: Path, issues: list[Issue]) -> bool:
    def is_ods(zf: zipfile.ZipFile, names: set[str]) -> Issue | None:
        if "content.xml" not in names:
            return Issue("not_ods", {"file": path.name})
        if "mimetype" in names:
            kind = zf.read("mimetype")[:200].decode("ascii", "replace").strip()
            if kind != MIMETYPE:
                return Issue("not_ods_kind", {"file": path.name}, {"kind": kind or "–"})
        if "META-INF/manifest.xml" in names:
            manifest = zf.read("META-INF/manifest.xml")  # size already bounded by check_zip
            if b"encryption-data" in manifest:
                return Issue("ods_encrypted", {"file": path.name})
        return None

    return check_zip(path, issues, "ods", is_ods)


def read_ods(path: Path, issues: list[Issue]) -> list[RawTable]:
    """The recognised sheets as raw tables (rows numbered as Calc shows them)."""
    if not check_ods(path, issues):
        return []
    names: list[str] = []
    tables: list[RawTable] = []
    try:
        with zipfile.ZipFile(path) as zf, zf.open("content.xml") as fh:
            hidden: list[int] = []
            hidden_sheets: set[str] = set()
            for title, rows in _sheets(fh, path.name, hidden, hidden_sheets):
                names.append(title)
                if sheet_table(title) is None:
                    for _ in rows:  # the parser has to pass the sheet anyway
                        pass
                    continue
                hidden.clear()
                table = _table(path.name, title, rows)
                table.hidden_rows = list(hidden)  # imported, with a note (README)
                table.hidden = title in hidden_sheets
                tables.append(table)
    except _Refused as refused:
        issues.append(refused.issue)
        return []
    except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        issues.append(Issue("not_ods_detail", {"file": path.name}, {"detail": str(exc)[:200]}))
        return []
    if not tables:
        issues.append(Issue("no_sheets", {"file": path.name}, {"sheets": ", ".join(names) or "–"}))
    return tables


def read_sheets(path: Path, issues: list[Issue]) -> dict[str, dict[int, list[object]]]:
    """Every sheet (hidden ones too) as {row number: values}, for a reader of a whole workbook
    (the Meldebogen); the same safety checks and limits as `read_ods`. {} when refused."""
    if not check_ods(path, issues):
        return {}
    out: dict[str, dict[int, list[object]]] = {}
    try:
        with zipfile.ZipFile(path) as zf, zf.open("content.xml") as fh:
            for title, rows in _sheets(fh, path.name):
                out[title] = dict(rows)
    except _Refused as refused:
        issues.append(refused.issue)
        return {}
    except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        issues.append(Issue("not_ods_detail", {"file": path.name}, {"detail": str(exc)[:200]}))
        return {}
    return out


def _table(name: str, title: str, rows) -> RawTable:
    table: RawTable | None = None
    for number, values in rows:
        if table is None:
            headers = ["" if v is None else str(v).strip() for v in values]
            table = RawTable(name, title, headers, header_line=number)
            continue
        table.rows.append((number, values))
    return table or RawTable(name, title, [])


def _sheets(fh, file: str, hidden: list[int] | None = None, hidden_sheets: set[str] | None = None):
    """Yield (sheet name, row iterator) in document order; each iterator must be used up
    before the next sheet is asked for."""
    events = etree.iterparse(
        fh,
        events=("start", "end"),
        tag=(f"{TABLE}table", f"{TABLE}table-row", f"{STYLE}table-properties", *_CELLS),
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
    )
    invisible: set[str] = set()  # table styles with display="false" (they precede the body)
    for event, element in events:
        if event == "end" and element.tag == f"{STYLE}table-properties":
            if element.get(f"{TABLE}display") == "false":
                invisible.add(element.getparent().get(f"{STYLE}name", ""))
        elif event == "start" and element.tag == f"{TABLE}table":
            name = element.get(f"{TABLE}name", "")
            if hidden_sheets is not None and element.get(f"{TABLE}style-name") in invisible:
                hidden_sheets.add(name)
            yield name, _rows(events, element, file, hidden)


def _rows(events, table, file: str, hidden: list[int] | None = None):
    title = table.get(f"{TABLE}name", "")
    number = 0  # rows passed so far (1-based numbers as Calc shows them)
    kept = cells = in_row = 0
    for event, element in events:
        if event == "end" and element is table:
            table.clear()
            return
        if element.tag in _CELLS:
            # counted while the row is still being parsed: a row of millions of cells (empty
            # ones cost nothing below) never stands in memory as a whole
            in_row += event == "end"
            if in_row > MAX_ROW_CELLS:
                raise _Refused(
                    Issue(
                        "ods_bomb",
                        {"file": file, "sheet": title, "line": number + 1},
                        {"detail": f"über {MAX_ROW_CELLS} Zellen in einer Zeile"},
                    )
                )
            continue
        if event != "end" or element.tag != _ROW:
            continue
        in_row = 0
        repeat = _count(element, "number-rows-repeated")
        collapsed = element.get(f"{TABLE}visibility") in ("collapse", "filter")
        values = _cells(element, file, title, number + 1)
        element.clear()
        while element.getprevious() is not None:
            del element.getparent()[0]
        if not any(v not in (None, "") for v in values):
            number += repeat  # empty rows (Calc writes the rest of a sheet as one) are skipped
            continue
        cells += repeat * len(values)
        if kept + repeat > MAX_ROWS or cells > MAX_CELLS:
            raise _Refused(
                Issue(
                    "ods_bomb",
                    {"file": file, "sheet": title},
                    {"detail": f"über {MAX_ROWS} Zeilen"},
                )
            )
        kept += repeat
        for _ in range(repeat):
            number += 1
            if collapsed and hidden is not None:
                hidden.append(number)
            yield number, list(values)


def _count(element, attr: str) -> int:
    text = element.get(f"{TABLE}{attr}")
    if text is None:
        return 1
    count = int(text)
    if count < 1:
        raise ValueError(f"{attr}={text}")
    return count


def _cells(row, file: str, title: str, line: int) -> list[object]:
    values: list[object] = []
    column = 0
    for cell in row:
        if cell.tag not in _CELLS:
            continue
        repeat = 1 if cell.get(_COLS_REPEATED) is None else _count(cell, "number-columns-repeated")
        value = _value(cell, file, title, line, column)
        if value is None:
            column += repeat  # empty cells cost nothing, however many are repeated
            continue
        if column + repeat > MAX_COLUMNS:
            raise _Refused(
                Issue(
                    "ods_bomb",
                    {"file": file, "sheet": title, "line": line},
                    {"detail": f"über {MAX_COLUMNS} Spalten"},
                )
            )
        values.extend([None] * (column - len(values)))
        values.extend([value] * repeat)
        column += repeat
    return values


def _value(cell, file: str, title: str, line: int, column: int) -> object:
    kind = cell.get(_TYPE)
    if kind is None:
        if cell.get(_FORMULA) is not None:
            raise _Refused(
                Issue(
                    "ods_formula",
                    {"file": file, "sheet": title, "line": line},
                    {"column": column + 1},
                )
            )
        text = _text(cell)
        return text or None
    if kind in ("float", "percentage", "currency"):
        number = float(cell.get(_VALUE, "nan"))
        return int(number) if number.is_integer() else number
    if kind == "date":
        raw = cell.get(f"{OFFICE}date-value", "")
        moment = datetime.fromisoformat(raw)
        return moment.date() if "T" not in raw or moment.time() == datetime.min.time() else moment
    if kind == "boolean":
        return cell.get(f"{OFFICE}boolean-value") == "true"
    if kind == "string" and cell.get(f"{OFFICE}string-value") is not None:
        return cell.get(f"{OFFICE}string-value")
    return _text(cell)


def _text(cell) -> str:
    """The cell's text: paragraphs joined by line breaks, <text:s>/<text:tab> expanded."""
    return "\n".join(_inline(p) for p in cell.iterchildren(*_P))


def _inline(element) -> str:
    if not len(element):  # plain text, the common case
        return element.text or ""
    parts = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag == f"{TEXT}s":
            parts.append(" " * min(int(child.get(f"{TEXT}c", "1")), 10_000))
        elif tag == f"{TEXT}tab":
            parts.append("\t")
        elif tag == f"{TEXT}line-break":
            parts.append("\n")
        elif tag in (f"{OFFICE}annotation", f"{TEXT}note"):
            pass  # comments are not the cell's value
        else:
            parts.append(_inline(child))  # spans, links, fields: their text
        parts.append(child.tail or "")
    return "".join(parts)
