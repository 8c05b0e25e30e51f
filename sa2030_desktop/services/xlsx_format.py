"""Excel workbooks: a safety check before opening (zip bombs, XML entities), reading the three
sheets (lxml, openpyxl read-only as fallback; values, not formulas)."""

from __future__ import annotations

import re
import zipfile
from datetime import datetime
from pathlib import Path

from sa2030_desktop.domain.errors import Issue
from sa2030_desktop.services.csv_format import RawTable
from sa2030_desktop.services.tabular_schema import sheet_table

MAX_UNCOMPRESSED = 256 * 1024 * 1024  # all members together
MAX_MEMBER = 128 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, for members above 1 MB
MAX_MEMBERS = 2000
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def check_workbook(path: Path, issues: list[Issue]) -> bool:
    """Refuse what is not a zip, a zip bomb, or XML with a DTD/entities — before openpyxl
    parses a byte (see `check_zip`)."""

    def is_xlsx(zf: zipfile.ZipFile, names: set[str]) -> Issue | None:
        if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
            return Issue("not_xlsx", {"file": path.name})
        return None

    return check_zip(path, issues, "xlsx", is_xlsx)


def check_zip(path: Path, issues: list[Issue], kind: str, recognise) -> bool:
    """The safety check of a zipped office file (`kind` "xlsx" or "ods" picks the messages
    `not_<kind>`, `<kind>_bomb`, `<kind>_entities`, `not_<kind>_detail`). Sizes come from the
    zip directory; `recognise(zf, names)` may refuse the content (an Issue); each XML member
    is then streamed (bounded by those sizes) and scanned for `<!DOCTYPE`/`<!ENTITY`."""
    name = path.name
    if path.stat().st_size == 0:
        issues.append(Issue("source_empty", {"file": name}))
        return False
    if not zipfile.is_zipfile(path):
        issues.append(Issue(f"not_{kind}", {"file": name}))
        return False
    bomb = f"{kind}_bomb"
    try:
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
            if len(members) > MAX_MEMBERS:
                issues.append(Issue(bomb, {"file": name}, {"detail": f"{len(members)} Teile"}))
                return False
            total = sum(m.file_size for m in members)
            for m in members:
                ratio = m.file_size / max(m.compress_size, 1)
                if m.file_size > MAX_MEMBER or (m.file_size > 1024 * 1024 and ratio > MAX_RATIO):
                    issues.append(
                        Issue(
                            bomb,
                            {"file": name},
                            {"detail": f"{m.filename}: {m.file_size // 1_000_000} MB"},
                        )
                    )
                    return False
            if total > MAX_UNCOMPRESSED:
                issues.append(
                    Issue(bomb, {"file": name}, {"detail": f"{total // 1_000_000} MB entpackt"})
                )
                return False
            refused = recognise(zf, {m.filename for m in members})
            if refused is not None:
                issues.append(refused)
                return False
            for m in members:
                if m.filename.endswith((".xml", ".rels", ".vml", ".rdf")) and _has_dtd(zf, m):
                    issues.append(Issue(f"{kind}_entities", {"file": name}, {"part": m.filename}))
                    return False
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
        issues.append(Issue(f"not_{kind}_detail", {"file": name}, {"detail": str(exc)}))
        return False
    return True


def _has_dtd(zf: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    read = 0
    tail = b""
    with zf.open(member) as fh:
        while chunk := fh.read(1 << 20):
            read += len(chunk)
            if read > member.file_size:  # the directory lied about the size
                return True
            if _DTD.search(tail + chunk):
                return True
            tail = chunk[-16:]
    return False


def read_workbook(path: Path, issues: list[Issue]) -> list[RawTable]:
    """The recognised sheets as raw tables (rows numbered as Excel shows them).

    Read with the narrow lxml reader of `xlsx_fast` (10,000 goals in seconds); a workbook it
    cannot follow (e.g. „Strict Open XML“) is read with openpyxl (read-only, data_only).
    """
    if not check_workbook(path, issues):
        return []
    try:
        tables, names = _read_fast(path)
    except Exception:  # anything unusual: the slower, more general reader decides
        tables, names = _read_openpyxl(path, issues)
        if tables is None:
            return []
    if not tables:
        issues.append(Issue("no_sheets", {"file": path.name}, {"sheets": ", ".join(names) or "–"}))
    return tables


def _read_fast(path: Path) -> tuple[list[RawTable], list[str]]:
    from sa2030_desktop.services import xlsx_fast

    tables: list[RawTable] = []
    with zipfile.ZipFile(path) as zf:
        sheets = xlsx_fast.sheet_paths(zf)
        strings = xlsx_fast.shared_strings(zf)
        dates = xlsx_fast.date_styles(zf)
        for title, part in sheets:
            if sheet_table(title) is None:
                continue
            tables.append(_table(path.name, title, xlsx_fast.read_rows(zf, part, strings, dates)))
    return tables, [t for t, _p in sheets]


def _table(name: str, title: str, rows) -> RawTable:
    table: RawTable | None = None
    for number, values in rows:
        if table is None:
            headers = ["" if v is None else str(v).strip() for v in values]
            table = RawTable(name, title, headers, header_line=number or 1)
            continue
        table.rows.append((number, values))
    return table or RawTable(name, title, [])


def _read_openpyxl(path: Path, issues: list[Issue]):
    from openpyxl import load_workbook
    from openpyxl.utils.datetime import from_excel

    name = path.name
    try:
        wb = load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds on damaged workbooks
        issues.append(Issue("not_xlsx_detail", {"file": name}, {"detail": type(exc).__name__}))
        return None, []
    tables: list[RawTable] = []
    try:
        for ws in wb.worksheets:
            if sheet_table(ws.title) is None:
                continue

            def rows(ws=ws):
                for row in ws.iter_rows():
                    values = [_cell_value(c, from_excel) for c in row]
                    if any(v not in (None, "") for v in values):
                        yield (getattr(row[0], "row", 0) if row else 0), values

            tables.append(_table(name, ws.title, rows()))
    except Exception as exc:
        issues.append(Issue("not_xlsx_detail", {"file": name}, {"detail": type(exc).__name__}))
        return None, []
    finally:
        wb.close()
    return tables, list(wb.sheetnames)


def _cell_value(cell, from_excel) -> object:
    value = getattr(cell, "value", None)
    if isinstance(value, datetime):
        return value.date() if value.time() == datetime.min.time() else value
    if isinstance(value, float) and getattr(cell, "is_date", False):
        return from_excel(value).date()
    return value
