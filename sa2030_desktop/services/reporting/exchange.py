"""JSON exchange format version 2 (EXCHANGE.md, REPORTING.md „Exchange“): the sections
`rounds`, `reports` and `frozen_states` beside the portfolio. Version 1 files have none of them
and import as before.

A frozen state travels as its document with the sha256 of its canonical text; the import
recomputes it, so a frozen state arrives exactly as it was closed or not at all. A closed round
in the file already cannot be changed by an import."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date

from sa2030_desktop.domain.dates import iso, parse_date
from sa2030_desktop.domain.errors import Issue
from sa2030_desktop.domain.model import Portfolio, Status
from sa2030_desktop.domain.reporting import Report, ReportingRound, ReportState, RoundState
from sa2030_desktop.persistence import reporting_repository as repo
from sa2030_desktop.services.reporting.frozen import canonical, round_dict, round_of

SECTIONS = ("rounds", "reports", "frozen_states")


def _report_dict(r: Report) -> dict:
    return {
        "goal": r.goal, "round": r.round, "ministry": r.ministry, "state": r.state.value,
        "status": r.status.value if r.status else None, "status_reason": r.status_reason,
        "progress": r.progress, "remark": r.remark,
        "forecasts": {k: iso(v) for k, v in sorted(r.forecasts.items())},
        "actuals": {k: iso(v) for k, v in sorted(r.actuals.items())},
        "values": {k: {"value": v, "date": iso(d)} for k, (v, d) in sorted(r.values.items())},
        "submitted_by": r.submitted_by, "submitted_ministry": r.submitted_ministry,
        "submitted_at": r.submitted_at, "reviewed_by": r.reviewed_by,
        "reviewed_at": r.reviewed_at, "review_comment": r.review_comment,
    }  # fmt: skip


def reporting_sections(store) -> dict:
    """The version-2 sections of a portfolio file (empty lists when it has no rounds)."""
    with store.engine.connect() as conn:
        rounds = repo.load_rounds(conn)
        reports = repo.load_reports(conn)
        frozen = {key: repo.load_frozen(conn, key) for key in rounds}
    return {
        "rounds": [round_dict(r) for r in rounds.values()],
        "reports": [_report_dict(r) for r in reports],
        "frozen_states": [
            {"round": key, "sha256": stored[1], "document": json.loads(stored[0])}
            for key, stored in frozen.items()
            if stored
        ],  # fmt: skip
    }


@dataclass
class ReportingPart:
    """The rounds, reports and frozen states an import brings: checked against the file with
    the rest of the import, written in the same transaction."""

    source: str
    rounds: list[tuple[ReportingRound, dict]] = field(default_factory=list)
    reports: list[tuple[Report, dict]] = field(default_factory=list)
    frozen: list[tuple[str, str, str, dict]] = field(
        default_factory=list
    )  # round, text, sha, place
    issues_found: list[Issue] = field(default_factory=list)

    def issues(self, store, merged: Portfolio) -> list[Issue]:
        with store.engine.connect() as conn:
            existing = repo.load_rounds(conn)
            stored = {k: repo.load_frozen(conn, k) for k in existing}
        out = list(self.issues_found)
        rounds = {**existing, **{r.key: r for r, _ in self.rounds}}
        frozen_keys = {f[0] for f in self.frozen} | {k for k, v in stored.items() if v}
        for rnd, place in self.rounds:
            old = existing.get(rnd.key)
            if old is not None and not old.is_open and old != rnd:
                out.append(Issue("import_closed_round_differs", place, {"key": rnd.key}))
            if not rnd.is_open and rnd.key not in frozen_keys:
                out.append(Issue("import_round_without_frozen_state", place, {"key": rnd.key}))
        for report, place in self.reports:
            rnd = rounds.get(report.round)
            if rnd is None:
                out.append(Issue("unknown_round", place, {"value": report.round}))
            elif rnd.is_open and report.goal not in merged.goals:
                out.append(Issue("unknown_goal", place, {"value": report.goal}))
        for key, _text, digest, place in self.frozen:
            if key not in rounds or rounds[key].is_open:
                out.append(Issue("import_frozen_of_open_round", place, {"key": key}))
            elif stored.get(key) and stored[key][1] != digest:  # type: ignore[index]
                out.append(Issue("import_closed_round_differs", place, {"key": key}))
        return out

    def write(self, uow) -> None:
        for rnd, _place in self.rounds:
            uow.save(rnd)
        uow.save_many([r for r, _place in self.reports])
        for key, text, digest, _place in self.frozen:
            if repo.load_frozen(uow.conn, key) is None:
                repo.save_frozen(uow.conn, key, text, digest, uow.now)
                uow.log("round", key, "frozen", "", f"sha256={digest}")


def read_part(doc: dict, name: str) -> ReportingPart | None:
    """The version-2 sections of an exchange document, or None when it has none."""
    if not any(doc.get(s) for s in SECTIONS):
        return None
    part = ReportingPart(name)
    for obj, place in _records(doc, "rounds", "round", name, part):
        try:
            rnd = round_of(obj)
            if not isinstance(obj.get("scope") or [], list):
                raise ValueError("scope")
        except (KeyError, ValueError, TypeError) as exc:
            part.issues_found.append(Issue("bad_value", place, {"field": str(exc).strip("'"),
                                                                "value": str(obj)[:80]}))  # fmt: skip
            continue
        part.rounds.append((rnd, place))
    for obj, place in _records(doc, "reports", "report", name, part):
        try:
            part.reports.append((_report_of(obj), place))
        except (KeyError, ValueError, TypeError, AttributeError) as exc:
            part.issues_found.append(Issue("bad_value", place, {"field": str(exc).strip("'"),
                                                                "value": str(obj)[:80]}))  # fmt: skip
    for obj, place in _records(doc, "frozen_states", "round", name, part):
        document = obj.get("document")
        if not isinstance(document, dict):
            part.issues_found.append(Issue("missing_field", place, {"field": "document"}))
            continue
        text = canonical(document)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest != obj.get("sha256"):
            part.issues_found.append(
                Issue("import_frozen_tampered", place, {"key": obj.get("round")})
            )
            continue
        part.frozen.append((str(obj.get("round")), text, digest, place))
    return part


def _records(doc: dict, section: str, entity: str, name: str, part: ReportingPart):
    items = doc.get(section) or []
    if not isinstance(items, list):
        part.issues_found.append(Issue("bad_section", {"file": name}, {"section": section}))
        return
    for index, obj in enumerate(items):
        place = {"file": name, "section": section, "index": index + 1, "entity": entity}
        if not isinstance(obj, dict):
            part.issues_found.append(Issue("bad_record", place))
            continue
        place["key"] = str(obj.get("key") or "@".join(str(obj.get(k, "")) for k in ("goal", "round")
                                                      if obj.get(k)))  # fmt: skip
        yield obj, place


def _day(value: object) -> date:
    day = parse_date(value)
    if day is None:
        raise ValueError("date")
    return day


def _report_of(obj: dict) -> Report:
    status = obj.get("status")
    return Report(
        str(obj["goal"]), str(obj["round"]), str(obj.get("ministry", "")),
        ReportState(obj.get("state", "pending")), Status.parse(status) if status else None,
        str(obj.get("status_reason", "")), str(obj.get("progress", "")),
        str(obj.get("remark", "")),
        {str(k): _day(v) for k, v in (obj.get("forecasts") or {}).items()},
        {str(k): _day(v) for k, v in (obj.get("actuals") or {}).items()},
        {str(k): (float(v["value"]), _day(v["date"])) for k, v in (obj.get("values") or {}).items()},
        *(str(obj.get(f, "")) for f in ("submitted_by", "submitted_ministry", "submitted_at",
                                        "reviewed_by", "reviewed_at", "review_comment")),
    )  # fmt: skip


__all__ = ["RoundState", "SECTIONS", "read_part", "reporting_sections"]
