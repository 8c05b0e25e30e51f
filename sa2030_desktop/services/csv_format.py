"""CSV files as German offices write them: `;`, `,` or tab; UTF-8 (with/without BOM) or
Windows-1252; read into raw rows with the line numbers a user sees in an editor."""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from sa2030_desktop.domain.errors import Issue

MAX_CSV_BYTES = 64 * 1024 * 1024  # 20,000 goals need about 6 MB in the largest file
MAX_LINE_BYTES = 2 * 1024 * 1024  # one line: a record with several texts of 100,000 characters

_CSV_ERRORS = {  # Python's csv module speaks English; the user reads German
    "field larger than field limit": "ein Feld ist zu lang",
    "new-line character seen in unquoted field": "ein Zeilenumbruch steht in einem Feld ohne Anführungszeichen",
    "unexpected end of data": "die Datei endet mitten in einem Feld in Anführungszeichen",
    "line contains NUL": "eine Zeile enthält ein Nullbyte",
    "line contains NULL byte": "eine Zeile enthält ein Nullbyte",
}


def german_csv_error(message: str) -> str:
    for english, german in _CSV_ERRORS.items():
        if english in message:
            return german
    return "der Aufbau der Zeilen und Anführungszeichen ist ungültig"


def longest_line(raw: bytes) -> tuple[int, int]:
    """(length in bytes, line number) of the longest line – without copying the file."""
    longest = number = 0
    start = line = 0
    end = len(raw)
    while start < end:
        stop = raw.find(b"\n", start)
        if stop < 0:
            stop = end
        line += 1
        if stop - start > longest:
            longest, number = stop - start, line
        start = stop + 1
    return longest, number


_SEPARATORS = (";", ",", "\t")
ZIP_MAGIC = b"PK\x03\x04"


@dataclass(slots=True)
class RawTable:
    """One table as read: its headers and its rows (line or row number, cell values)."""

    file: str
    sheet: str | None
    headers: list[str]
    rows: list[tuple[int, list[object]]] = field(default_factory=list)
    header_line: int = 1
    encoding: str = ""
    separator: str = ""
    hidden: bool = False  # a hidden sheet (Excel): imported, with a note
    hidden_rows: list[int] = field(default_factory=list)  # hidden rows with values: the same


def decode(raw: bytes) -> tuple[str, str]:
    """(text, encoding name). UTF-8 with BOM, UTF-8, else Windows-1252; raises ValueError."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw[3:].decode("utf-8"), "UTF-8 mit BOM"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16"), "UTF-16"
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    return raw.decode("cp1252"), "Windows-1252"  # raises on the 5 bytes cp1252 leaves undefined


def sniff_separator(text: str) -> str:
    """The separator of the header line: the candidate occurring most often outside quotes."""
    header = ""
    for line in text.splitlines():
        if line.strip():
            header = line
            break
    counts = dict.fromkeys(_SEPARATORS, 0)
    quoted = False
    for ch in header:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(_SEPARATORS, key=lambda s: counts[s])
    return best if counts[best] else ";"


def read_csv(path: Path, issues: list[Issue]) -> RawTable | None:
    """Read one CSV file; on a file-level problem add an issue and return None."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            issues.append(Issue("file_too_large", {"file": name}, {"size": size}))
            return None
        raw = path.read_bytes()
    except OSError as exc:
        issues.append(Issue("file_unreadable_detail", {"file": name}, {"detail": str(exc)}))
        return None
    width, where = longest_line(raw)
    if width > MAX_LINE_BYTES:  # refused before decoding: memory stays near the file's size
        issues.append(Issue("csv_line_too_long", {"file": name, "line": where},
                            {"size": width, "limit": MAX_LINE_BYTES}))  # fmt: skip
        return None
    if not raw.strip(b" \t\r\n\x00" + codecs.BOM_UTF8):
        issues.append(Issue("source_empty", {"file": name}))
        return None
    if (
        raw.startswith(ZIP_MAGIC)
        or b"\x00" in raw[:4096]
        and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    ):
        issues.append(Issue("not_csv", {"file": name}))
        return None
    try:
        text, encoding = decode(raw)
    except UnicodeDecodeError as exc:
        issues.append(Issue("bad_encoding", {"file": name}, {"offset": exc.start}))
        return None
    separator = sniff_separator(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, quotechar='"')
    table: RawTable | None = None
    start = 1
    try:
        for record in reader:
            line, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue
            if table is None:
                table = RawTable(
                    name,
                    None,
                    [c.strip() for c in record],
                    header_line=line,
                    encoding=encoding,
                    separator=separator,
                )
                continue
            if _misaligned(record, len(table.headers)):
                code = "csv_row_one_field" if len(record) == 1 else "csv_row_width"
                issues.append(Issue(code, {"file": name, "line": line},
                                    {"count": len(record), "header": len(table.headers),
                                     "sep": separator if separator != "\t" else "Tab"}))  # fmt: skip
                continue
            table.rows.append((line, [unescape(c) for c in record]))
    except csv.Error as exc:
        issues.append(
            Issue(
                "bad_csv",
                {"file": name, "line": reader.line_num},
                {"detail": german_csv_error(str(exc))},
            )  # fmt: skip
        )
        return None
    if table is None:
        issues.append(Issue("source_empty", {"file": name}))
    return table


def _misaligned(record: list[str], width: int) -> bool:
    """A row that cannot belong to its header: text beyond the header's last column (an
    unquoted separator inside a text), or one lone field where the header has several (the
    row written with another separator). Fewer fields are fine: empty last cells may be left
    out."""
    if len(record) > width:
        return any(cell.strip() for cell in record[width:])
    return len(record) == 1 and width > 1


# -- formula injection -------------------------------------------------------------------------
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def needs_guard(text: str) -> bool:
    """Would a spreadsheet run this as a formula? Also true for an already guarded text
    (leading apostrophe before a dangerous character), so that the round trip is lossless."""
    stripped = text.lstrip("'")
    return bool(text) and (
        text.startswith(_DANGEROUS) or (text.startswith("'") and stripped.startswith(_DANGEROUS))
    )


def escape(text: str) -> str:
    """CSV cells: an apostrophe in front makes Excel show the text instead of running it."""
    return "'" + text if needs_guard(text) else text


def unescape(text: str) -> str:
    if text.startswith("'") and text[1:].lstrip("'").startswith(_DANGEROUS):
        return text[1:]
    return text


def csv_bytes(headers: list[str], rows: list[list[object]]) -> bytes:
    """UTF-8 with BOM and `;` – what German Excel opens directly."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=";", quotechar='"', lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow(["" if v is None else escape(str(v)) for v in row])
    return codecs.BOM_UTF8 + buf.getvalue().encode("utf-8")
