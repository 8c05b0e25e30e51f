"""Reading rounds and reports, and the frozen states of closed rounds (plain SQL into the
domain's dataclasses). Rounds and reports are written through the unit of work like any record;
a frozen state is written once, here, when its round is closed."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

from sa2030_desktop.domain.model import Status
from sa2030_desktop.domain.reporting import Report, ReportingRound, ReportState, RoundState

if TYPE_CHECKING:  # SQLAlchemy is loaded with the engine, after the window is shown
    from sqlalchemy import Connection

_d = date.fromisoformat
_STATUS_OF = {s.value: s for s in Status}


def load_rounds(conn: Connection) -> dict[str, ReportingRound]:
    """Every round, oldest as-of date first."""
    return {
        r[0]: ReportingRound(
            r[0],
            r[1],
            _d(r[2]),
            _d(r[3]),
            [c for c in r[4].split(",") if c],
            RoundState(r[5]),
            r[6],
            r[7],
            r[8],
            r[9],
        )  # fmt: skip
        for r in conn.exec_driver_sql(
            "SELECT key, title, as_of, deadline, scope, state, opened_by, opened_at, closed_by,"
            " closed_at FROM reporting_round ORDER BY as_of, key"
        )
    }


def _dates(text: str) -> dict[str, date]:
    return {k: _d(v) for k, v in json.loads(text).items()} if text else {}


def _values(text: str) -> dict[str, tuple[float, date]]:
    return {k: (float(v[0]), _d(v[1])) for k, v in json.loads(text).items()} if text else {}


def load_reports(conn: Connection, round_key: str | None = None,
                 goal: str | None = None) -> list[Report]:  # fmt: skip
    """The reports of one round (or of all; of one goal only with `goal`), ordered by round
    and goal key."""
    clauses = [(c, v) for c, v in (("round = ?", round_key), ("goal = ?", goal)) if v]
    where = " WHERE " + " AND ".join(c for c, _v in clauses) if clauses else ""
    args = tuple(v for _c, v in clauses)
    return [
        Report(
            r[0],
            r[1],
            r[2],
            ReportState(r[3]),
            _STATUS_OF.get(r[4]) if r[4] else None,
            r[5],
            r[6],
            r[7],
            _dates(r[8]),
            _dates(r[9]),
            _values(r[10]),
            r[11],
            r[12],
            r[13],
            r[14],
            r[15],
            r[16],
        )  # fmt: skip
        for r in conn.exec_driver_sql(
            "SELECT goal, round, ministry, state, status, status_reason, progress, remark,"
            ' forecasts, actuals, "values", submitted_by, submitted_ministry, submitted_at,'
            f" reviewed_by, reviewed_at, review_comment FROM report{where} ORDER BY round, goal",
            args,
        )
    ]


def load_frozen(conn: Connection, round_key: str) -> tuple[str, str] | None:
    """(document, sha256) of a closed round's frozen state; None when there is none."""
    row = conn.exec_driver_sql(
        "SELECT document, sha256 FROM frozen_state WHERE round = ?", (round_key,)
    ).first()
    return (row[0], row[1]) if row else None


def save_frozen(conn: Connection, round_key: str, document: str, sha256: str, created: str) -> None:
    conn.exec_driver_sql(
        "INSERT INTO frozen_state (round, document, sha256, created) VALUES (?, ?, ?, ?)",
        (round_key, document, sha256, created),
    )


def delete_frozen(conn: Connection, round_key: str) -> None:
    """Only the undo of closing a round removes a frozen state."""
    conn.exec_driver_sql("DELETE FROM frozen_state WHERE round = ?", (round_key,))


def follow_goal_rename(conn: Connection, key: str, new_key: str) -> None:
    """Reports of open rounds follow a renamed goal; closed rounds keep the key they reported."""
    conn.exec_driver_sql(
        "UPDATE report SET goal = ? WHERE goal = ? AND round IN"
        " (SELECT key FROM reporting_round WHERE state = 'open')",
        (new_key, key),
    )
