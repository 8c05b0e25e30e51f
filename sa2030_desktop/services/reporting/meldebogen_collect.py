"""Collecting Meldebögen (REPORTING.md „Collecting reports“): read a returned workbook, check it
whole, then submit its reports through the SubmitReport operation — all of one workbook in one
transaction (SubmitReports), or nothing.

    reading = read_form(store, "2026-Q4", path)     # checks only; ValidationError if refused
    store_op = reading.operation                      # for the GUI's undo stack
    result = collect(store, "2026-Q4", path)          # check + write (one transaction)
    results = collect_many(store, "2026-Q4", paths)   # each workbook on its own

Refused, each as an Issue naming file, sheet, row and column (all at once): a workbook of
another portfolio, round or ministry; an edited identification; an edited locked cell; a status
that is no label; a date that is no date; a milestone of another goal; an unknown indicator;
a submission to a closed round; every rule of SubmitReport (e.g. a reason for „verzögert“).

Which goals are submitted: a goal row with a change always; an unchanged row („unverändert“)
only while its report is pending or returned — an earlier answer (submitted or accepted) is
never overwritten by a row nobody touched.
"""

from __future__ import annotations

import copy
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sa2030_desktop.domain import meldebogen as mb
from sa2030_desktop.domain import reporting as rr
from sa2030_desktop.domain.errors import DomainError, Issue, ValidationError
from sa2030_desktop.domain.grammar import reports_de
from sa2030_desktop.domain.meldebogen_check import (
    FormCheck,
    GoalAnswer,
    Prefill,
    Rows,
    column_name,
    read_prefill,
)
from sa2030_desktop.domain.tasks import Progress, checkpoint, no_progress
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.persistence.unit_of_work import ChangeSet
from sa2030_desktop.services.operations.reporting import SubmitReport, read_book
from sa2030_desktop.services.operations.reporting_batch import SubmitReports

_MAX_REFUSALS_PER_GOAL = 50  # a goal has few cells; a bound all the same
_GOAL_FIELD_COLUMN = {"status_reason": 5, "reason": 5, "progress": 6, "remark": 7}
_GOAL_CODE_COLUMN = {"status_reason_required": 5, "progress_too_long": 6, "bad_status": 4,
                     "report_accepted": 4}  # fmt: skip


@dataclass(slots=True)
class FormReading:
    """A checked Meldebogen: what it says and the operation that submits it."""

    path: Path
    ministry: str
    submitted: list[str]  # goals whose report is submitted
    changed: list[str]  # of those: goals with a changed value
    kept: list[str]  # unchanged rows of reports answered before (left as they were)
    operation: SubmitReports


@dataclass(slots=True)
class Collected:
    path: Path
    ministry: str = ""
    submitted: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    changes: ChangeSet | None = None
    error: DomainError | None = None  # collect_many: why this workbook was refused


def read_form(store: Store, round_key: str, path: Path, ministry: str | None = None,
              today: date | None = None, progress: Progress = no_progress) -> FormReading:  # fmt: skip
    """Check the whole workbook against the file and the round; write nothing. Raises
    ValidationError (every issue with file, sheet, row, column) or DomainError."""
    path = Path(path)
    progress(0.0, f"{path.name} lesen")
    sheets = read_sheets(path)
    if mb.SHEET_ID not in sheets:
        raise ValidationError([Issue("form_not_meldebogen", {"file": path.name})], path.name)
    prefill = read_prefill(sheets[mb.SHEET_ID])
    issue = _identity_issue(store, round_key, path, prefill, ministry)
    if issue is not None:
        raise ValidationError([issue], path.name)
    book = read_book(store, round_key)
    rnd = rr.existing_round(book.rounds, round_key)
    portfolio = store.snapshot()
    checkpoint()
    progress(0.3, f"{path.name} prüfen")
    check = FormCheck(prefill, sheets, portfolio, path.name, rnd.as_of)
    answers = check.run()
    issues = check.issues
    if not rnd.is_open:
        issues.insert(0, Issue("round_closed", {"file": path.name}, {"key": rnd.key}))
    form_ministry = prefill.pairs["ministry"]
    ops, submitted, changed, kept = [], [], [], []
    for answer in answers:
        checkpoint()
        report = book.reports.get(answer.goal)
        if report is None or answer.goal not in portfolio.goals:
            if answer.changed:
                _issue(issues, path, answer, "form_goal_gone", key=answer.goal, round=rnd.key)
            continue
        if report.ministry != form_ministry:
            _issue(issues, path, answer, "form_goal_other_ministry", key=answer.goal,
                   round=rnd.key, owner=report.ministry, ministry=form_ministry)  # fmt: skip
            continue
        if not answer.changed and report.state not in rr.MISSING:
            kept.append(answer.goal)
            continue
        op = SubmitReport(rnd.key, answer.goal, answer.content, form_ministry, today)
        op.book = book
        refused = _refusals(path, answer, op, portfolio)
        if refused:
            issues += refused
            continue
        ops.append(op)
        submitted.append(answer.goal)
        if answer.changed:
            changed.append(answer.goal)
    if issues:
        raise ValidationError(issues, path.name)
    progress(0.6, f"{path.name} geprüft")
    operation = SubmitReports(rnd.key, ops, prechecked=portfolio)
    operation.book = book
    return FormReading(path, form_ministry, submitted, changed, kept, operation)


def collect(store: Store, round_key: str, path: Path, ministry: str | None = None,
            today: date | None = None, progress: Progress = no_progress) -> Collected:  # fmt: skip
    """Check the Meldebogen whole, then submit its reports in one transaction (or nothing)."""
    reading = read_form(store, round_key, path, ministry, today, progress)
    changes = reading.operation.apply(store) if reading.submitted else ChangeSet()
    progress(1.0, f"{path.name}: {reports_de(len(reading.submitted))} übernommen")
    return Collected(reading.path, reading.ministry, reading.submitted, reading.changed,
                     reading.kept, changes)  # fmt: skip


def collect_many(store: Store, round_key: str, paths: list[Path], ministry: str | None = None,
                 today: date | None = None, progress: Progress = no_progress) -> list[Collected]:  # fmt: skip
    """Collect several workbooks, each all or nothing: a refused one is returned with its
    error and does not stop the others."""
    out = []
    for n, path in enumerate(paths):
        checkpoint()
        progress(n / max(len(paths), 1), f"Meldebogen {Path(path).name}")
        try:
            out.append(collect(store, round_key, Path(path), ministry, today))
        except DomainError as exc:
            if exc.code == "cancelled":
                raise
            out.append(Collected(Path(path), error=exc))
    progress(1.0, f"{len(paths)} Meldebögen gelesen")
    return out


def form_files(paths: list[Path]) -> list[Path]:
    """The workbooks named, a folder standing for its `.xlsx` and `.ods` files (sorted)."""
    out: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            out += sorted(p for p in path.iterdir() if p.suffix.lower() in (".xlsx", ".ods")
                          and not p.name.startswith((".", "~$", ".~lock")))  # fmt: skip
        else:
            out.append(path)
    return out


# -- reading the workbook ------------------------------------------------------------------------
def read_sheets(path: Path) -> dict[str, Rows]:
    """Every sheet's cell values (also hidden sheets) after the safety check of imports;
    `.xlsx` as written (or saved again by Excel or Calc), or `.ods` when Calc saved it so."""
    from sa2030_desktop.services import xlsx_fast
    from sa2030_desktop.services.xlsx_format import check_workbook

    issues: list[Issue] = []
    if not path.is_file():
        raise DomainError("file_missing", path=str(path))
    if path.suffix.lower() == ".ods":  # saved by LibreOffice Calc in its own format
        from sa2030_desktop.services.ods_read import read_sheets as read_ods_sheets

        sheets = read_ods_sheets(path, issues)
        if issues:
            raise ValidationError(issues, path.name)
        return {title: rows for title, rows in sheets.items() if title != mb.SHEET_HELP}
    if not check_workbook(path, issues):
        raise ValidationError(issues, path.name)
    try:
        with zipfile.ZipFile(path) as zf:
            strings = xlsx_fast.shared_strings(zf)
            dates = xlsx_fast.date_styles(zf)
            return {title: dict(xlsx_fast.read_rows(zf, part, strings, dates))
                    for title, part in xlsx_fast.sheet_paths(zf) if title != mb.SHEET_HELP}  # fmt: skip
    except Exception as exc:  # a damaged workbook: name it, never a traceback
        issue = Issue("not_xlsx_detail", {"file": path.name}, {"detail": type(exc).__name__})
        raise ValidationError([issue], path.name) from exc


def _identity_issue(store: Store, round_key: str, path: Path, prefill: Prefill,
                    ministry: str | None) -> Issue | None:  # fmt: skip
    where = {"file": path.name, "sheet": mb.SHEET_ID}
    pairs = prefill.pairs
    if pairs.get("format") != mb.FORMAT or "ministry" not in pairs:
        return Issue("form_not_meldebogen", {"file": path.name})
    version = pairs.get("version", "")
    if not version.isdigit() or int(version) > mb.VERSION:
        return Issue("form_newer_version", where, {"version": version, "supported": mb.VERSION})
    if not prefill.checksum_ok:
        return Issue("form_id_tampered", where)
    if pairs.get("portfolio") != store.snapshot().info.lineage:
        return Issue("form_other_portfolio", where, {"title": pairs.get("portfolio_title", "")})
    if pairs.get("round") != round_key:
        return Issue(
            "form_other_round", where, {"found": pairs.get("round"), "expected": round_key}
        )
    if ministry and pairs["ministry"] != ministry:
        return Issue("form_other_ministry", where, {"found": pairs["ministry"],
                                                    "expected": ministry})  # fmt: skip
    return None


def _issue(issues: list[Issue], path: Path, answer: GoalAnswer, code: str, **data) -> None:
    place = {"file": path.name, "sheet": mb.SHEET_GOALS, "row": answer.row,
             "column": _column(mb.SHEET_GOALS, 0)}  # fmt: skip
    issues.append(Issue(code, place, data))


def _refusals(path: Path, answer: GoalAnswer, op: SubmitReport, portfolio) -> list[Issue]:
    """Every refusal of SubmitReport for one goal's rows, not only the first: the cell a
    refusal names is set aside and the rest checked again, so that the clerk gets all at
    once (a missing reason and a value out of range in the same goal)."""
    found: list[Issue] = []
    content = copy.deepcopy(answer.content)
    for _ in range(_MAX_REFUSALS_PER_GOAL):
        op.content = content
        try:
            op.check_against(portfolio)
        except DomainError as exc:
            issue = _placed(path, answer, exc)
            if issue not in found:
                found.append(issue)
            if _set_aside(content, exc):
                continue
        break
    op.content = answer.content
    return found


def _set_aside(content: rr.ReportContent, exc: DomainError) -> bool:
    """Drop from `content` what `exc` refuses; False when it names nothing to drop."""
    data = exc.data
    key, value, name = str(data.get("key", "")), str(data.get("value", "")), data.get("field")
    name = "actual" if exc.code == "actual_in_future" else name
    for dated in (content.forecasts, content.actuals):
        for ms in (key, value):
            if ms in dated and (name is None or dated is _dated(content, name)):
                del dated[ms]
                return True
    for indicator in (key, value):
        if indicator in content.values:
            del content.values[indicator]
            return True
    if exc.code in ("status_reason_required", "bad_status") and content.status is not None:
        content.status = None
        return True
    texts = {"progress_too_long": "progress"}
    text_field = texts.get(exc.code) or (
        name if name in ("status_reason", "progress", "remark") else None
    )
    if text_field and getattr(content, text_field):
        setattr(content, text_field, "")
        return True
    return False


def _dated(content: rr.ReportContent, name: object) -> dict:
    return content.actuals if name == "actual" else content.forecasts


def _placed(path: Path, answer: GoalAnswer, exc: DomainError) -> Issue:
    """A refusal of SubmitReport at the cell it comes from: a milestone's or indicator's row,
    else the goal's row (with the column where the code or field tells it)."""
    data = dict(exc.data)
    key, value = str(data.get("key", "")), str(data.get("value", ""))
    place: dict[str, object] = {"file": path.name}
    # a value outside the limits (domain/values.py) names its entity, key and field
    entity, fieldname = data.get("entity"), data.get("field")
    if key in answer.milestone_rows or value in answer.milestone_rows:
        ms = key if key in answer.milestone_rows else value
        col = {"forecast": 4, "actual": 5}.get(str(fieldname))
        col = col if col is not None else 4 if ms in answer.content.forecasts else 5
        place |= {"sheet": mb.SHEET_MILESTONES, "row": answer.milestone_rows[ms],
                  "column": _column(mb.SHEET_MILESTONES, col)}  # fmt: skip
    elif (exc.code.startswith("indicator") or entity == "indicator"
          or value in answer.indicator_rows):  # fmt: skip
        name = key if entity == "indicator" and key in answer.indicator_rows else value
        row = answer.indicator_rows.get(name) or next(iter(answer.indicator_rows.values()), 0)
        place |= {"sheet": mb.SHEET_INDICATORS, "row": row,
                  "column": _column(mb.SHEET_INDICATORS, 9 if fieldname == "date" else 8)}  # fmt: skip
    else:
        col = _GOAL_CODE_COLUMN.get(exc.code, _GOAL_FIELD_COLUMN.get(str(data.get("field"))))
        place |= {"sheet": mb.SHEET_GOALS, "row": answer.row}
        if col is not None:
            place["column"] = _column(mb.SHEET_GOALS, col)
    return Issue(exc.code, place, data)


def _column(sheet: str, index: int) -> str:
    return column_name(mb.COLUMNS[sheet], index)
