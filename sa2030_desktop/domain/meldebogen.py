"""The Meldebogen (REPORTING.md „Collecting reports“): the Excel questionnaire of one ministry in
one round — its sheets and columns, which cells are input, and the prefilled values — as plain
data. No files here: services/reporting/meldebogen_write.py writes it with XlsxWriter, and
domain/meldebogen_check.py compares a filled-in workbook with the prefill.

A hidden sheet („Kennung“) names the portfolio, round, ministry and format version and repeats
every prefilled value, so that collecting knows which cells were changed; a sha256 over that
sheet's content refuses a workbook whose identification was edited.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from sa2030_desktop.domain.model import Portfolio
from sa2030_desktop.domain.reporting import MAX_PROGRESS, Report, ReportingRound, ReportState

FORMAT = "sa2030-meldebogen"
VERSION = 1
SHEET_HELP = "Ausfüllhinweise"
SHEET_GOALS = "Ziele"
SHEET_MILESTONES = "Meilensteine"
SHEET_INDICATORS = "Indikatoren"
SHEET_ID = "Kennung"
PREFILL_MARK = "Vorbelegung"  # in the hidden sheet: the prefilled values follow
HEADER_ROW = 4  # as Excel numbers it: title, subtitle, an empty row, then the header
FIRST_ROW = HEADER_ROW + 1


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a form sheet: `kind` is text, status, date or number; `input` cells are
    unlocked (everything else is locked by the sheet protection)."""

    name: str  # the German header
    field: str
    kind: str = "text"
    input: bool = False
    width: float = 14


GOAL_COLUMNS = (
    Column("Ziel-ID", "goal", width=9),
    Column("Titel", "title", width=34),
    Column("Themenfeld", "theme", width=22),
    Column("Stand der Meldung", "state", width=18),
    Column("Status", "status", "status", True, 16),
    Column("Begründung des Status", "reason", input=True, width=30),
    Column(
        f"Sachstand (höchstens {MAX_PROGRESS:,} Zeichen)".replace(",", "."),
        "progress",
        input=True,
        width=50,
    ),  # fmt: skip
    Column("Interne Bemerkung (wird nicht veröffentlicht)", "remark", input=True, width=30),
)
MILESTONE_COLUMNS = (
    Column("Meilenstein-ID", "milestone", width=15),
    Column("Ziel-ID", "goal", width=9),
    Column("Titel", "title", width=40),
    Column("Basistermin", "baseline", "date", width=13),
    Column("Prognose", "forecast", "date", True, 13),
    Column("Ist-Datum", "actual", "date", True, 13),
)
INDICATOR_COLUMNS = (
    Column("Ziel-ID", "goal", width=9),
    Column("Indikator", "name", width=30),
    Column("Einheit", "unit", width=9),
    Column("Ausgangswert", "baseline", "number", width=13),
    Column("Zielwert", "target", "number", width=11),
    Column("Zieldatum", "target_date", "date", width=12),
    Column("Letzter Messwert", "last_value", "number", width=12),
    Column("gemessen am", "last_date", "date", width=12),
    Column("Neuer Messwert", "value", "number", True, 13),
    Column("Messdatum", "date", "date", True, 12),
)
COLUMNS = {
    SHEET_GOALS: GOAL_COLUMNS,
    SHEET_MILESTONES: MILESTONE_COLUMNS,
    SHEET_INDICATORS: INDICATOR_COLUMNS,
}


@dataclass(slots=True)
class FormRow:
    """One prefilled row: its Excel row number and {field: value}."""

    row: int
    values: dict[str, object]


@dataclass(slots=True)
class Identity:
    """What the hidden sheet names: which portfolio, round and ministry the form belongs to."""

    portfolio: str  # the portfolio's id (lineage uuid, shared by its copies)
    portfolio_title: str
    round: str
    round_title: str
    as_of: date
    deadline: date
    ministry: str
    ministry_name: str
    written: str  # ISO timestamp
    format: str = FORMAT
    version: int = VERSION

    def pairs(self) -> list[tuple[str, str]]:
        return [
            ("format", self.format), ("version", str(self.version)),
            ("portfolio", self.portfolio), ("portfolio_title", self.portfolio_title),
            ("round", self.round), ("round_title", self.round_title),
            ("as_of", self.as_of.isoformat()), ("deadline", self.deadline.isoformat()),
            ("ministry", self.ministry), ("ministry_name", self.ministry_name),
            ("written", self.written),
        ]  # fmt: skip


@dataclass(slots=True)
class Form:
    identity: Identity
    sheets: dict[str, list[FormRow]] = field(default_factory=dict)

    def prefill_lines(self) -> list[list[str]]:
        """The prefilled values as the hidden sheet holds them: [sheet, row, cell texts…]."""
        return [
            [name, str(r.row), *(canon(r.values.get(c.field)) for c in COLUMNS[name])]
            for name, rows in self.sheets.items()
            for r in rows
        ]

    def checksum(self) -> str:
        return checksum(self.identity.pairs(), self.prefill_lines())


def checksum(pairs: list[tuple[str, str]], lines: list[list[str]]) -> str:
    digest = hashlib.sha256()
    for key, value in pairs:
        digest.update(f"{key}\x1f{value}\x1e".encode())
    for line in lines:
        digest.update(("\x1f".join(line) + "\x1e").encode())
    return digest.hexdigest()


def canon(value: object) -> str:
    """A cell value as text that survives a save by Excel or LibreOffice unchanged: ISO dates,
    numbers without a trailing .0, text with unified line breaks and no trailing blanks."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date() if value.time() == datetime.min.time() else value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        number = float(value)
        return str(int(number)) if number.is_integer() else repr(number)
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


_DIGITS = re.compile(r"(\d+)")


def natural(key: str) -> tuple:
    """Z2 before Z10."""
    return tuple(int(p) if p.isdigit() else p for p in _DIGITS.split(key))


def state_text(report: Report) -> str:
    """„ausstehend“, „gemeldet“ … — a returned report with the reviewer's comment."""
    if report.state is ReportState.RETURNED and report.review_comment:
        return f"{report.state.label}: {report.review_comment}"
    return report.state.label


def build_form(portfolio: Portfolio, rnd: ReportingRound, reports: list[Report], ministry: str,
               written: str) -> Form:  # fmt: skip
    """The Meldebogen of `ministry`: its reports of the round (goals still in the portfolio),
    prefilled with the current values; Sachstand, remark and indicator values from the report
    when the ministry already answered in this round."""
    mine = {r.goal: r for r in reports if r.ministry == ministry and r.goal in portfolio.goals}
    goals = sorted(mine, key=natural)
    minister = portfolio.ministries.get(ministry)
    identity = Identity(
        portfolio.info.lineage, portfolio.info.title, rnd.key, rnd.title, rnd.as_of,
        rnd.deadline, ministry, minister.name if minister else ministry, written,
    )  # fmt: skip
    rows: dict[str, list[FormRow]] = {SHEET_GOALS: [], SHEET_MILESTONES: [], SHEET_INDICATORS: []}
    for n, key in enumerate(goals):
        goal, report = portfolio.goals[key], mine[key]
        theme = portfolio.themes.get(goal.theme)
        rows[SHEET_GOALS].append(FormRow(FIRST_ROW + n, {
            "goal": key, "title": goal.title,
            "theme": f"{goal.theme} {theme.name}" if theme else goal.theme,
            "state": state_text(report), "status": goal.status.label,
            "reason": goal.status_reason, "progress": report.progress, "remark": report.remark,
        }))  # fmt: skip
    order = {key: n for n, key in enumerate(goals)}
    milestones = sorted((m for m in portfolio.milestones.values() if m.goal in order),
                        key=lambda m: (order[m.goal], natural(m.key)))  # fmt: skip
    for n, ms in enumerate(milestones):
        rows[SHEET_MILESTONES].append(FormRow(FIRST_ROW + n, {
            "milestone": ms.key, "goal": ms.goal, "title": ms.title, "baseline": ms.baseline,
            "forecast": ms.forecast, "actual": ms.actual,
        }))  # fmt: skip
    indicators = sorted((i for i in portfolio.indicators if i.goal in order),
                        key=lambda i: (order[i.goal], i.name))  # fmt: skip
    for n, ind in enumerate(indicators):
        last = max(ind.values, key=lambda v: v.date) if ind.values else None
        reported = mine[ind.goal].values.get(ind.name) if mine[ind.goal].state in (
            ReportState.SUBMITTED, ReportState.RETURNED, ReportState.ACCEPTED) else None  # fmt: skip
        rows[SHEET_INDICATORS].append(FormRow(FIRST_ROW + n, {
            "goal": ind.goal, "name": ind.name, "unit": ind.unit, "baseline": ind.baseline,
            "target": ind.target, "target_date": ind.target_date,
            "last_value": last.value if last else None, "last_date": last.date if last else None,
            "value": reported[0] if reported else None, "date": reported[1] if reported else None,
        }))  # fmt: skip
    return Form(identity, rows)


def file_name(round_key: str, ministry: str) -> str:
    """`Meldebogen_2026-Q4_MID.xlsx` — the name `round form --all` gives each workbook."""
    return f"Meldebogen_{round_key}_{ministry}.xlsx"
