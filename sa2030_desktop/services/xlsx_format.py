"""Excel workbooks: a safety check before opening (zip bombs, XML entities), reading the three
sheets (lxml, openpyxl read-only as fallback; values, not formulas)."""

from __future__ import annotations

import re
import zipfile
import zlib
from datetime import datetime
from pathlib import Path

from sa2030_desktop.domain.errors import Issue
from sa2030_desktop.domain.meldebogen import SHEET_ID
from sa2030_desktop.services.csv_format import RawTable
from sa2030_desktop.services.tabular_schema import sheet_table

MAX_UNCOMPRESSED = 256 * 1024 * 1024  # all members together
MAX_MEMBER = 128 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, for members above 1 MB
MAX_MEMBERS = 2000
# sheets of .xlsx and .ods alike (README „Grenzen“)
MAX_ROWS = 200_000  # rows with values per sheet (10,000 goals need 30,000 milestone rows)
MAX_COLUMNS = 1_000  # the widest template sheet has 12 columns
MAX_CELLS = 3_000_000  # cells kept per sheet (10,000 goals: 210,000 in the largest sheet)


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
            for m in members:  # every part, whatever its name: a sheet may be called sheet1.bin
                if not m.is_dir() and _has_dtd(zf, m):
                    issues.append(Issue(f"{kind}_entities", {"file": name}, {"part": m.filename}))
                    return False
    except (
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        EOFError,
        NotImplementedError,
        RuntimeError,
        ValueError,
    ) as exc:  # fmt: skip  (damaged deflate data, encrypted part)
        detail = "zlib: beschädigte Kompression" if isinstance(exc, zlib.error) else str(exc)
        issues.append(Issue(f"not_{kind}_detail", {"file": name}, {"detail": detail}))
        return False
    return True


# How an XML part may begin, by encoding: the markers of XML 1.0 Appendix F (BOM or `<?`)
_WIDE = (
    (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"), (b"<\x00\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"),
    (b"\x00<", "utf-16-be"), (b"<\x00", "utf-16-le"),
)  # fmt: skip
_DECLARED = re.compile(rb"""^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)""")
_ASCII_COMPATIBLE = {"utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin-1", "latin1",
                     "windows-1252", "cp1252", "iso-8859-15"}  # fmt: skip


def _has_dtd(zf: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    """A DTD or entity declaration in the part, in whatever encoding it is written. UTF-16/32
    (by BOM or by the zero bytes around `<`) are decoded before the search; a declared encoding
    that is not ASCII-compatible (UTF-7, EBCDIC …) is refused outright – a parser would decode
    it, a byte search could not see through it."""
    read = 0
    tail = ""
    decoder = None
    with zf.open(member) as fh:
        while chunk := fh.read(1 << 20):
            if read == 0:
                head = chunk[:200]
                wide = next((enc for mark, enc in _WIDE if head.startswith(mark)), None)
                declared = _DECLARED.match(head)
                if wide is not None:
                    import codecs

                    decoder = codecs.getincrementaldecoder(wide)(errors="replace")
                elif declared and declared.group(1).decode().lower() not in _ASCII_COMPATIBLE:
                    return True
            read += len(chunk)
            if read > member.file_size:  # the directory lied about the size
                return True
            text = decoder.decode(chunk) if decoder else chunk.decode("latin-1")
            if _DTD_TEXT.search(tail + text):
                return True
            tail = text[-16:]
    return False


_DTD_TEXT = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def read_workbook(path: Path, issues: list[Issue]) -> list[RawTable]:
    """The recognised sheets as raw tables (rows numbered as Excel shows them).

    Read with the narrow lxml reader of `xlsx_fast` (10,000 goals in seconds); a workbook it
    cannot follow (e.g. „Strict Open XML“) is read with openpyxl (read-only, data_only).
    """
    if not check_workbook(path, issues):
        return []
    from sa2030_desktop.services.xlsx_fast import SheetTooLarge

    try:
        tables, names = _read_fast(path)
    except SheetTooLarge as exc:  # refused at once, never handed to the slower reader
        issues.append(Issue("xlsx_too_large", {"file": path.name}, {"detail": str(exc)}))
        return []
    except Exception:  # anything unusual: the slower, more general reader decides
        tables, names = _read_openpyxl(path, issues)
        if tables is None:
            return []
    if SHEET_ID in names:  # a returned Meldebogen: its sheets look like the template's
        issues.append(Issue("meldebogen_not_import", {"file": path.name}, {"path": path.name}))
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
        hidden = xlsx_fast.hidden_sheets(zf)
        for title, part in sheets:
            if sheet_table(title) is None:
                continue
            rows_hidden: list[int] = []
            try:
                table = _table(path.name, title,
                               xlsx_fast.read_rows(zf, part, strings, dates, rows_hidden))  # fmt: skip
            except xlsx_fast.SheetTooLarge as exc:
                raise xlsx_fast.SheetTooLarge(f"Blatt {title}, {exc}") from None
            table.hidden = title in hidden
            table.hidden_rows = rows_hidden
            tables.append(table)
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
    import warnings

    with warnings.catch_warnings():  # openpyxl's English warnings reach no user
        warnings.simplefilter("ignore")
        return _read_openpyxl_quiet(path, issues)


def _read_openpyxl_quiet(path: Path, issues: list[Issue]):
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
            if (ws.max_column or 0) > MAX_COLUMNS or (ws.max_row or 0) > MAX_ROWS * 5:
                # the declared dimension: refused before a row is built
                issues.append(Issue("xlsx_too_large", {"file": name},
                                    {"detail": f"Blatt {ws.title}: {ws.max_row} Zeilen, "
                                               f"{ws.max_column} Spalten"}))  # fmt: skip
                return None, []

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
