"""Write a `book.Sheet` list as `.xlsx` with XlsxWriter in constant-memory mode (rows streamed
to disk): 3-10× faster than openpyxl's write-only mode for the same cells (benchmarks/
exchange.py). Text is always written as a string cell, never as a formula."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.services.book import DROP_ROWS, GUARDED, Sheet, column_letter

MAX_TEXT = 32767  # characters in one Excel cell


def write_book(sheets: list[Sheet], target: Path) -> None:
    import xlsxwriter

    # constant_memory: each row goes to a temporary file as soon as the next one starts;
    # strings are then written inline (no shared-string table to hold in memory)
    wb = xlsxwriter.Workbook(
        str(target),
        {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    bold = wb.add_format({"bold": True})
    day = wb.add_format({"num_format": "DD.MM.YYYY"})
    # quote prefix: Excel keeps the cell text even when a user edits it later
    quoted = wb.add_format({"quote_prefix": True})
    for sheet in sheets:
        ws = wb.add_worksheet(sheet.name)
        for i, width in enumerate(sheet.widths):
            ws.set_column(i, i, width)
        if sheet.freeze_header:
            ws.freeze_panes(1, 0)
        if sheet.hidden:
            ws.hide()
        start = 0
        if sheet.header:
            for c, text in enumerate(sheet.header):
                ws.write_string(0, c, text, bold)
            start = 1
        write_string, write_number, write_datetime = (
            ws.write_string,
            ws.write_number,
            ws.write_datetime,
        )
        for r, row in enumerate(sheet.rows, start=start):
            first_bold = sheet.bold_first_row and r == 0
            for c, value in enumerate(row):
                if value is None or value == "":
                    continue
                if isinstance(value, bool):
                    write_string(r, c, str(value))
                elif isinstance(value, int | float):
                    write_number(r, c, value)
                elif isinstance(value, date):
                    if not isinstance(value, datetime):
                        value = datetime(value.year, value.month, value.day)
                    write_datetime(r, c, value, day)
                else:
                    text = str(value)
                    fmt = bold if first_bold else (quoted if text.startswith(GUARDED) else None)
                    if write_string(r, c, text, fmt) == -2:  # XlsxWriter cut it short
                        raise DomainError(
                            "xlsx_text_too_long", sheet=sheet.name, line=r + 1, limit=MAX_TEXT
                        )
        for drop in sheet.drop_downs:
            letter = column_letter(drop.source_column)
            ws.data_validation(
                1,
                drop.column,
                DROP_ROWS - 1,
                drop.column,
                {
                    "validate": "list",
                    "source": f"={drop.sheet}!${letter}$2:${letter}${drop.count + 1}",
                    "ignore_blank": True,
                    "error_title": "Ungültiger Wert",
                    "error_message": "Bitte einen Wert aus der Liste wählen.",
                },
            )
    wb.close()
