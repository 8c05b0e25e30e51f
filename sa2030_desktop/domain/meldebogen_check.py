"""Reading a filled-in Meldebogen back (REPORTING.md „Collecting reports“): the hidden
identification, then every form sheet compared cell by cell with its prefill. Pure: the
service hands in the cell values it read and gets the answers per goal and every issue, each
with sheet, row and column (nothing is decided on the first error — the whole workbook is
checked).

Rules: a locked cell must still hold its prefilled value; the status must be one of the labels;
dates must be dates (a prefilled date cannot be cleared); numbers must be numbers; a row added
below the prefill may name only milestones and indicators of this form's goals. An input cell
that still holds its prefill is not a change; a goal row is „changed“ when any of its input
cells (or those of its milestones and indicators) changed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime

from sa2030_desktop.domain import meldebogen as mb
from sa2030_desktop.domain.codes import StoredCodes
from sa2030_desktop.domain.dates import de_short, parse_date, parse_number
from sa2030_desktop.domain.errors import Issue
from sa2030_desktop.domain.model import Portfolio, Status
from sa2030_desktop.domain.reporting import ReportContent

Rows = dict[int, list[object]]  # Excel row number → cell values of one sheet


@dataclass(slots=True)
class Prefill:
    """What the hidden sheet says: identification pairs and the prefilled rows per sheet."""

    pairs: dict[str, str]
    lines: dict[str, dict[int, list[str]]]  # sheet → row → cell texts
    checksum_ok: bool


@dataclass(slots=True)
class GoalAnswer:
    """One goal's row: whether anything was changed, and the content to submit."""

    goal: str
    row: int
    changed: bool = False
    content: ReportContent = field(default_factory=ReportContent)
    milestone_rows: dict[str, int] = field(default_factory=dict)
    indicator_rows: dict[str, int] = field(default_factory=dict)


def read_prefill(rows: Rows) -> Prefill:
    """Parse the hidden sheet (rows as read): pairs until the marker, then the prefill."""
    pairs: dict[str, str] = {}
    raw_lines: list[list[str]] = []
    in_prefill, broken = False, False
    for number in sorted(rows):
        cells = [mb.canon(v) for v in rows[number]]
        if number == 1 or not any(cells):
            continue
        if cells[0] == mb.PREFILL_MARK:
            in_prefill = True
        elif in_prefill:
            try:
                line = json.loads(cells[0])
            except (ValueError, RecursionError):  # not JSON, or nested beyond reason
                line, broken = None, True
            if isinstance(line, list) and len(line) > 1:
                raw_lines.append([str(x) for x in line])
            else:
                broken = True
        else:
            pairs[cells[0]] = cells[1] if len(cells) > 1 else ""
    lines: dict[str, dict[int, list[str]]] = {name: {} for name in mb.COLUMNS}
    canonical: list[list[str]] = []
    for cells in raw_lines:
        name = cells[0]
        width = len(mb.COLUMNS.get(name, ()))
        texts = (cells[2:] + [""] * width)[:width]
        canonical.append([name, cells[1] if len(cells) > 1 else "", *texts])
        if name in lines and cells[1].isdigit():
            lines[name][int(cells[1])] = texts
    expected = pairs.get("checksum", "")
    ident = [(k, v) for k, v in pairs.items() if k != "checksum"]
    ok = not broken and bool(expected) and mb.checksum(ident, canonical) == expected
    return Prefill(pairs, lines, ok)


def column_name(columns: tuple, index: int) -> str:
    """„E (Status)“ — the column as the user sees it."""
    letters, n = "", index + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters} ({columns[index].name})"


def parse_cell(kind: str, value: object) -> object:
    """A cell as its kind: Status, date, float or text (None when empty). ValueError if not."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if kind == "status":
        return Status.from_label(str(value))
    if kind == "date":
        if isinstance(value, bool | int | float):  # a bare number is no date (lost format)
            raise ValueError(value)
        if isinstance(value, datetime) and value.time() != datetime.min.time():
            return value.date()
        return parse_date(value)
    if kind == "number":
        return parse_number(value)
    return mb.canon(value)


def _same(kind: str, read: object, prefilled: str) -> bool:
    if mb.canon(read) == prefilled:  # the usual case, without parsing
        return True
    try:
        return parse_cell(kind, read) == parse_cell(kind, prefilled or None)
    except ValueError:
        return mb.canon(read) == prefilled


class FormCheck:
    """Compare the read sheets with the prefill; collect answers per goal and issues."""

    def __init__(self, prefill: Prefill, sheets: dict[str, Rows], portfolio: Portfolio,
                 file: str, as_of: date) -> None:  # fmt: skip
        self.prefill, self.sheets, self.portfolio = prefill, sheets, portfolio
        self.file, self.as_of = file, as_of
        self.issues: list[Issue] = []
        self.answers: dict[str, GoalAnswer] = {}
        # `z05` typed in a key cell means Z05 (domain/codes.py), as in every import
        self.codes = {"goal": StoredCodes(portfolio.goals),
                      "milestone": StoredCodes(portfolio.milestones)}  # fmt: skip

    def issue(self, code: str, sheet: str, row: int | None, column: str = "", **data) -> None:
        place: dict[str, object] = {"file": self.file, "sheet": sheet}
        if row:
            place["row"] = row
        if column:
            place["column"] = column
        self.issues.append(Issue(code, place, data))

    def run(self) -> list[GoalAnswer]:
        for name in mb.COLUMNS:
            if name not in self.sheets:
                self.issue("form_sheet_missing", name, None)
                continue
            if self._header_ok(name):
                self._sheet(name)
        return list(self.answers.values())

    def _header_ok(self, name: str) -> bool:
        columns = mb.COLUMNS[name]
        found = self.sheets[name].get(mb.HEADER_ROW, [])
        for c, col in enumerate(columns):
            value = mb.canon(found[c] if c < len(found) else None)
            if value.casefold() != col.name.casefold():
                self.issue("form_header_changed", name, mb.HEADER_ROW, column_name(columns, c),
                           value=value or "(leer)", expected=col.name)  # fmt: skip
                return False
        return True

    def _sheet(self, name: str) -> None:
        columns, rows = mb.COLUMNS[name], self.sheets[name]
        prefilled = self.prefill.lines[name]
        for number, texts in sorted(prefilled.items()):
            cells = list(rows.get(number, []))
            cells += [None] * (len(columns) - len(cells))
            self._row(name, columns, number, texts, cells)
        last = max(prefilled, default=mb.HEADER_ROW)
        seen = {texts[0]: n for n, texts in prefilled.items()}
        for number in sorted(rows):
            values = rows[number][: len(columns)]
            if number > last and any(mb.canon(v) for v in values):
                values = values + [None] * (len(columns) - len(values))
                self._added_row(name, columns, number, values, seen)

    def _row(self, name: str, columns: tuple, number: int, texts: list[str],
             cells: list[object]) -> None:  # fmt: skip
        parsed: dict[str, object] = {}
        changed = set()
        for c, col in enumerate(columns):
            read, before = cells[c], texts[c]
            if not col.input:
                if col.field in self.codes and self.codes[col.field](mb.canon(read)) == before:
                    continue  # the same key in another case
                if not _same(col.kind, read, before):
                    self.issue("form_locked_changed", name, number, column_name(columns, c),
                               old=before or "(leer)", new=mb.canon(read) or "(leer)")  # fmt: skip
                continue
            try:
                value = parse_cell(col.kind, read)
            except ValueError:
                self.issue(f"form_bad_{col.kind}", name, number, column_name(columns, c),
                           value=mb.canon(read))  # fmt: skip
                continue
            old = parse_cell(col.kind, before or None)
            if value is None and old is not None and col.kind in ("status", "date"):
                shown = de_short(old) if col.kind == "date" else before  # 16.03.2027
                self.issue(f"form_{col.kind}_cleared", name, number, column_name(columns, c),
                           value=shown)  # fmt: skip
                continue
            parsed[col.field] = value
            if value != old:
                changed.add(col.field)
        self._take(name, number, texts, parsed, changed)

    def _take(self, name: str, number: int, texts: list[str], parsed: dict,
              changed: set[str]) -> None:  # fmt: skip
        if name == mb.SHEET_GOALS:
            answer = self.answers.setdefault(texts[0], GoalAnswer(texts[0], number))
            answer.row = number
            c = answer.content
            c.status = parsed.get("status") if "status" in changed else None
            if changed & {"status", "reason"}:
                c.status_reason = str(parsed.get("reason") or "")
            c.progress = str(parsed.get("progress") or "")
            c.remark = str(parsed.get("remark") or "")
            answer.changed |= bool(changed)
            return
        goal = texts[1] if name == mb.SHEET_MILESTONES else texts[0]
        answer = self.answers.setdefault(goal, GoalAnswer(goal, 0))
        answer.changed |= bool(changed)
        if name == mb.SHEET_MILESTONES:
            key = texts[0]
            answer.milestone_rows[key] = number
            if "forecast" in changed and parsed.get("forecast"):
                answer.content.forecasts[key] = parsed["forecast"]  # type: ignore[assignment]
            if "actual" in changed and parsed.get("actual"):
                answer.content.actuals[key] = parsed["actual"]  # type: ignore[assignment]
        else:
            self._value(answer, texts[1], number, parsed, changed)

    def _value(self, answer: GoalAnswer, indicator: str, number: int, parsed: dict,
               changed: set[str]) -> None:  # fmt: skip
        answer.indicator_rows[indicator] = number
        value, day = parsed.get("value"), parsed.get("date")
        if value is None and day is not None and changed:
            self.issue("form_date_without_value", mb.SHEET_INDICATORS, number,
                       column_name(mb.INDICATOR_COLUMNS, 8))  # fmt: skip
        elif value is not None and changed:
            answer.content.values[indicator] = (float(value), day or self.as_of)  # type: ignore[arg-type]

    def _added_row(self, name: str, columns: tuple, number: int, values: list[object],
                   seen: dict[str, int]) -> None:  # fmt: skip
        """A row below the prefill: only a milestone or indicator of this form's goals."""
        key = mb.canon(values[0])
        key = self.codes["milestone" if name == mb.SHEET_MILESTONES else "goal"](key)
        goals = set(self.prefill.lines[mb.SHEET_GOALS][n][0]
                    for n in self.prefill.lines[mb.SHEET_GOALS])  # fmt: skip
        col0 = column_name(columns, 0)
        if name == mb.SHEET_GOALS:
            self.issue("form_goal_not_in_form", name, number, col0, value=key or "(leer)")
            return
        if key in seen and name == mb.SHEET_MILESTONES:
            self.issue("form_duplicate_row", name, number, col0, value=key, first=seen[key])
            return
        if name == mb.SHEET_MILESTONES:
            ms = self.portfolio.milestones.get(key)
            goal = self.codes["goal"](mb.canon(values[1]))
            if ms is None:
                self.issue("form_unknown_milestone", name, number, col0, value=key or "(leer)")
            elif ms.goal not in goals:
                self.issue("form_milestone_other_form", name, number, col0, value=key,
                           owner=ms.goal)  # fmt: skip
            elif goal and goal != ms.goal:
                self.issue("form_milestone_other_goal", name, number, col0, value=key,
                           owner=ms.goal, goal=goal)  # fmt: skip
            else:
                self.issue("form_row_not_prefilled", name, number, col0, value=key)
            return
        indicator = mb.canon(values[1])
        col1 = column_name(columns, 1)
        prefilled = {(t[0], t[1]) for t in self.prefill.lines[mb.SHEET_INDICATORS].values()}
        if key not in goals:
            self.issue("form_goal_not_in_form", name, number, col0, value=key or "(leer)")
        elif (key, indicator) in prefilled:
            self.issue("form_duplicate_indicator", name, number, col1, value=indicator, goal=key)
        elif any(i.goal == key and i.name == indicator for i in self.portfolio.indicators):
            self.issue("form_row_not_prefilled", name, number, col1, value=indicator)
        else:
            self.issue("unknown_indicator", name, number, col1, key=key, value=indicator)
