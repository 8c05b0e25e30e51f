"""What an exported workbook holds, independent of the file format: sheets with a bold header,
rows, column widths, drop-down lists. `xlsx_write` and `ods_write` turn it into files, so the
`.xlsx` and the `.ods` export carry the same sheets, columns and lists."""

from __future__ import annotations

from dataclasses import dataclass, field

# Cells that a spreadsheet would run as a formula when written as plain text.
GUARDED = ("=", "+", "-", "@", "\t", "\r")
DROP_ROWS = 2000  # drop-down lists of the template reach down to this row


@dataclass(frozen=True, slots=True)
class DropDown:
    """A list of allowed values for one column, taken from a range of another sheet."""

    column: int  # 0-based column of the sheet that gets the list
    sheet: str  # sheet holding the values
    source_column: int  # 0-based column there; values in rows 2 … count + 1
    count: int


@dataclass(slots=True)
class Sheet:
    name: str
    header: list[str]  # written bold as row 1 (empty: no header row)
    rows: list[list[object]] = field(default_factory=list)  # str, int, float, date or None
    widths: list[float] = field(default_factory=list)  # in Excel character units
    freeze_header: bool = True
    hidden: bool = False
    bold_first_row: bool = False  # a title line instead of a header
    drop_downs: list[DropDown] = field(default_factory=list)


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
