"""Writing Meldebögen (REPORTING.md „Collecting reports“) with XlsxWriter: one workbook per
ministry and round, prefilled with the current values; only the input cells unlocked (sheet
protection without password), the status as a drop-down of the German labels, dates and numbers
validated, an explanation sheet first and the hidden identification sheet last.

    write_form(store, "2026-Q4", "MID", Path("Meldebogen_2026-Q4_MID.xlsx"))
    write_forms(store, "2026-Q4", Path("meldeboegen/"))          # every ministry of the round

Both take a `progress(fraction, text)` callback and call `checkpoint()` between workbooks and
sheets, so the GUI's task runner can show progress and cancel. Files are written atomically.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sa2030_desktop.domain import meldebogen as mb
from sa2030_desktop.domain import reporting as rr
from sa2030_desktop.domain.dates import de_short
from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.model import STATUS_LABELS, Portfolio
from sa2030_desktop.domain.tasks import Progress, checkpoint, no_progress
from sa2030_desktop.export.atomic import atomic_target
from sa2030_desktop.persistence import reporting_repository as repo
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.services.book import column_letter
from sa2030_desktop.services.reporting.meldebogen_help import help_lines

INPUT_FILL = "#FFF2B3"  # input cells: light yellow, and named in row 3 (never colour alone)
HEADER_FILL = "#D9D9D9"
PASSWORDLESS = ""  # protection guards against slips, not against intent: collecting checks all


@dataclass(slots=True)
class WrittenForm:
    """One written Meldebogen: where, for whom, and how many rows of each sheet."""

    path: Path
    ministry: str
    goals: int
    milestones: int
    indicators: int


def write_form(store: Store, round_key: str, ministry: str, target: Path,
               progress: Progress = no_progress) -> WrittenForm:  # fmt: skip
    """Write the Meldebogen of `ministry` in the open round `round_key` to `target` (.xlsx).
    Refused (DomainError): unknown or closed round, a ministry without goals in the round."""
    portfolio, rnd, reports = _read(store, round_key)
    return _write_one(portfolio, rnd, reports, ministry, Path(target), progress)


def write_forms(store: Store, round_key: str, folder: Path, ministries: list[str] | None = None,
                progress: Progress = no_progress) -> list[WrittenForm]:  # fmt: skip
    """Write the Meldebögen of `ministries` (default: every ministry with goals in the round)
    into `folder` (created when missing) as `Meldebogen_<RUNDE>_<RESSORT>.xlsx`."""
    portfolio, rnd, reports = _read(store, round_key)
    codes = list(ministries or sorted({r.ministry for r in reports if r.goal in portfolio.goals}))
    for code in codes:  # every refusal before the first file is written
        _check_ministry(portfolio, rnd, reports, code)
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise DomainError("form_folder_is_file", path=str(folder))
    if not folder.parent.is_dir():
        raise DomainError("folder_missing", path=str(folder.parent))
    folder.mkdir(exist_ok=True)
    out = []
    for n, code in enumerate(codes):
        checkpoint()
        progress(n / len(codes), f"Meldebogen {code} schreiben")
        out.append(_write_one(portfolio, rnd, reports, code, folder / mb.file_name(rnd.key, code)))
    progress(1.0, f"{len(out)} Meldebögen geschrieben")
    return out


def _read(store: Store, round_key: str) -> tuple[Portfolio, rr.ReportingRound, list[rr.Report]]:
    with store.engine.connect() as conn:
        rnd = rr.existing_round(repo.load_rounds(conn), round_key)
        reports = repo.load_reports(conn, round_key)
    rr.check_open(rnd)  # a closed round takes no more reports
    return store.snapshot(), rnd, reports


def _check_ministry(portfolio: Portfolio, rnd: rr.ReportingRound, reports: list[rr.Report],
                    ministry: str) -> None:  # fmt: skip
    if not any(r.ministry == ministry and r.goal in portfolio.goals for r in reports):
        raise DomainError("form_no_goals", ministry=ministry, round=rnd.key)


def _write_one(portfolio: Portfolio, rnd: rr.ReportingRound, reports: list[rr.Report],
               ministry: str, target: Path, progress: Progress = no_progress) -> WrittenForm:  # fmt: skip
    _check_ministry(portfolio, rnd, reports, ministry)
    written = datetime.now(UTC).astimezone().isoformat(timespec="seconds")
    form = mb.build_form(portfolio, rnd, reports, ministry, written)
    with atomic_target(target) as tmp:
        _write_workbook(form, tmp, progress)
    rows = form.sheets
    return WrittenForm(target, ministry, len(rows[mb.SHEET_GOALS]),
                       len(rows[mb.SHEET_MILESTONES]), len(rows[mb.SHEET_INDICATORS]))  # fmt: skip


def _write_workbook(form: mb.Form, path: Path, progress: Progress) -> None:
    import xlsxwriter

    options = {"strings_to_formulas": False, "strings_to_numbers": False,
               "strings_to_urls": False, "in_memory": True}  # fmt: skip
    wb = xlsxwriter.Workbook(str(path), options)
    formats = _formats(wb)
    ident = form.identity
    wb.set_properties({"title": f"Meldebogen {ident.round} – {ident.ministry}",
                       "subject": ident.round_title, "author": ident.portfolio_title,
                       "comments": "SA2030 Planner"})  # fmt: skip
    _help_sheet(wb, form, formats)
    for n, (name, columns) in enumerate(mb.COLUMNS.items()):
        checkpoint()
        progress(0.1 + 0.25 * n, f"Blatt {name}")
        _form_sheet(wb, form, name, columns, formats)
    _id_sheet(wb, form)
    wb.close()


def _formats(wb) -> dict:
    base = {"valign": "top", "font_size": 10}
    cell = {**base, "border": 1, "border_color": "#A6A6A6"}
    out = {
        "title": wb.add_format({"bold": True, "font_size": 14}),
        "subtitle": wb.add_format({"font_size": 10}),
        "hint": wb.add_format({"italic": True, "font_size": 10}),
        "header": wb.add_format({**cell, "bold": True, "text_wrap": True, "bg_color": HEADER_FILL}),
        "header_input": wb.add_format(
            {**cell, "bold": True, "text_wrap": True, "bg_color": INPUT_FILL}
        ),  # fmt: skip
        "help": wb.add_format({**base, "text_wrap": True}),
        "help_head": wb.add_format({**base, "bold": True, "font_size": 11}),
    }
    for locked in (True, False):
        extra = {"locked": locked} if locked else {"locked": False, "bg_color": INPUT_FILL}
        tag = "" if locked else "_in"
        out["text" + tag] = wb.add_format({**cell, **extra, "text_wrap": True})
        out["date" + tag] = wb.add_format({**cell, **extra, "num_format": "DD.MM.YYYY",
                                           "align": "center"})  # fmt: skip
        out["number" + tag] = wb.add_format({**cell, **extra, "align": "right"})
        out["status" + tag] = out["text" + tag]
    return out


def _help_sheet(wb, form: mb.Form, f: dict) -> None:
    ws = wb.add_worksheet(mb.SHEET_HELP)
    ws.set_column(0, 0, 110)
    ws.hide_gridlines(2)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    for r, (kind, text) in enumerate(help_lines(form.identity)):
        ws.write_string(r, 0, text, f[kind])
        if kind == "help" and text:
            ws.set_row(r, _height([text], [110]))
    ws.protect(PASSWORDLESS)
    ws.activate()


def _form_sheet(wb, form: mb.Form, name: str, columns: tuple, f: dict) -> None:
    ws = wb.add_worksheet(name)
    ident, rows = form.identity, form.sheets[name]
    header = mb.HEADER_ROW - 1
    for c, col in enumerate(columns):
        ws.set_column(c, c, col.width)
    ws.write_string(0, 0, f"Meldebogen {ident.round_title} ({ident.round}) – {name}", f["title"])
    ws.write_string(1, 0, f"Ressort {ident.ministry} – {ident.ministry_name} · Stichtag "
                          f"{de_short(ident.as_of)} · Meldeschluss {de_short(ident.deadline)}",
                    f["subtitle"])  # fmt: skip
    inputs = [c.name for c in columns if c.input]
    hint = ("Eingabefelder (gelb): " + ", ".join(inputs) + ". Alle anderen Zellen sind gesperrt."
            if rows else _EMPTY[name])  # fmt: skip
    ws.write_string(2, 0, hint, f["hint"])
    for c, col in enumerate(columns):
        ws.write_string(header, c, col.name, f["header_input" if col.input else "header"])
    ws.set_row(header, 30)
    for row in rows:
        r = row.row - 1
        for c, col in enumerate(columns):
            _write_cell(ws, r, c, row.values.get(col.field), col, f)
        texts = [str(row.values.get(c.field) or "") if c.kind == "text" else "" for c in columns]
        ws.set_row(r, _height(texts, [c.width for c in columns]))
    if rows:
        first, last = mb.FIRST_ROW - 1, rows[-1].row - 1
        for c, col in enumerate(columns):
            if col.input:
                ws.data_validation(first, c, last, c, _validation(col))
    ws.freeze_panes(mb.HEADER_ROW, 1)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(header)
    ws.set_header(f"&L&9Meldebogen {ident.round} – {ident.ministry}&R&9{name}")
    ws.set_footer("&C&9Seite &P von &N")
    ws.protect(PASSWORDLESS, {"format_columns": True, "format_rows": True})
    last_col = column_letter(len(columns) - 1)
    ws.print_area(f"A1:{last_col}{max(mb.HEADER_ROW, rows[-1].row if rows else 0)}")


LINE_HEIGHT = 13.0  # points per line of 10-point text


def _height(texts: list[str], widths: list[float]) -> float:
    """Row height for wrapped text: neither Excel nor Calc measures rows written by XlsxWriter,
    so count the lines of the fullest cell, wrapping at words like Calc does (about 1.2
    characters of 10 pt per unit of column width)."""
    lines = 1
    for text, width in zip(texts, widths, strict=True):
        if text:
            per_line = max(int(width * 1.2), 1)
            lines = max(lines, sum(_wrapped(part, per_line) for part in text.split("\n")))
    return LINE_HEIGHT * lines + 3


def _wrapped(paragraph: str, per_line: int) -> int:
    count, used = 1, 0
    for word in paragraph.split():
        need = len(word) if used == 0 else used + 1 + len(word)
        if need <= per_line:
            used = need
            continue
        count += 1 if used else 0
        count += (len(word) - 1) // per_line  # a word longer than the line breaks inside
        used = len(word) % per_line or per_line
    return count


_EMPTY = {
    mb.SHEET_GOALS: "Keine Ziele.",
    mb.SHEET_MILESTONES: "Zu diesen Zielen gibt es keine Meilensteine.",
    mb.SHEET_INDICATORS: "Zu diesen Zielen gibt es keine Indikatoren.",
}


def _write_cell(ws, r: int, c: int, value: object, col: mb.Column, f: dict) -> None:
    tag = "_in" if col.input else ""
    fmt = f[col.kind + tag]
    if value is None or value == "":
        ws.write_blank(r, c, None, fmt)
    elif isinstance(value, date):
        ws.write_datetime(r, c, datetime(value.year, value.month, value.day), fmt)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        ws.write_number(r, c, value, fmt)
    else:
        ws.write_string(r, c, str(value), fmt)


def _validation(col: mb.Column) -> dict:
    if col.kind == "status":
        labels = list(STATUS_LABELS.values())
        return {"validate": "list", "source": labels, "error_title": "Ungültiger Status",
                "error_message": "Bitte einen Status aus der Liste wählen: " + ", ".join(labels),
                "input_title": "Status", "input_message": "Aus der Liste wählen."}  # fmt: skip
    if col.kind == "date":
        return {"validate": "date", "criteria": "between", "minimum": date(2000, 1, 1),
                "maximum": date(2100, 12, 31), "error_title": "Kein Datum",
                "error_message": "Bitte ein Datum eingeben, z. B. 31.03.2026.",
                "input_title": col.name, "input_message": "Datum TT.MM.JJJJ"}  # fmt: skip
    if col.kind == "number":
        return {"validate": "decimal", "criteria": "between", "minimum": -1e15, "maximum": 1e15,
                "error_title": "Keine Zahl", "error_message": "Bitte eine Zahl eingeben."}  # fmt: skip
    if col.field == "progress":
        return {"validate": "length", "criteria": "<=", "value": rr.MAX_PROGRESS,
                "error_title": "Sachstand zu lang",
                "error_message": f"Höchstens {rr.MAX_PROGRESS} Zeichen."}  # fmt: skip
    return {"validate": "any", "input_title": col.name[:32], "input_message": "Freitext"}


def _id_sheet(wb, form: mb.Form) -> None:
    """The hidden identification: name/value pairs, the checksum, then the prefilled values."""
    ws = wb.add_worksheet(mb.SHEET_ID)
    ws.write_row(0, 0, ["Feld", "Wert"])
    pairs = form.identity.pairs()
    for r, (key, value) in enumerate([*pairs, ("checksum", form.checksum())], start=1):
        ws.write_string(r, 0, key)
        ws.write_string(r, 1, value)
    mark = len(pairs) + 2
    ws.write_string(mark, 0, mb.PREFILL_MARK)
    for r, line in enumerate(form.prefill_lines(), start=mark + 1):
        # one JSON array per prefilled row: a third of the cells of one cell per value
        ws.write_string(r, 0, json.dumps(line, ensure_ascii=False))
    ws.protect(PASSWORDLESS)
    ws.hide()
