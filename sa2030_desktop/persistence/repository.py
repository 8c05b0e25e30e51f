"""Read snapshots: plain SQL into the domain's slotted dataclasses (no ORM objects on reads).

A loader needs of its connection only `exec_driver_sql(sql, params)` giving rows of plain
values: a SQLAlchemy connection, or persistence/file_reader.py's plain sqlite3 one."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sa2030_desktop.domain.model import (
    Category,
    Change,
    Dependency,
    DependencyKind,
    Goal,
    Indicator,
    IndicatorValue,
    Milestone,
    Ministry,
    Portfolio,
    PortfolioInfo,
    Status,
    Theme,
)

if TYPE_CHECKING:
    from sqlalchemy import Connection

_d = date.fromisoformat


def _date(text: str | None) -> date | None:
    return _d(text) if text else None


_STATUS_OF = {s.value: s for s in Status}
_KIND_OF = {k.value: k for k in DependencyKind}


def _where_in(column: str, keys: list | None) -> tuple[str, tuple]:
    if keys is None:
        return "", ()
    return f" WHERE {column} IN ({', '.join('?' for _ in keys)})", tuple(keys)


def load_info(conn: Connection) -> PortfolioInfo:
    row = conn.exec_driver_sql(
        "SELECT title, issuing_office, as_of, demo, lineage FROM portfolio_info WHERE id=1"
    ).first()
    return (
        PortfolioInfo(row[0], row[1], _date(row[2]), bool(row[3]), row[4])
        if row
        else PortfolioInfo()
    )


def load_categories(conn: Connection) -> dict[str, Category]:
    return {
        r[0]: Category(r[0], r[1], r[2])
        for r in conn.exec_driver_sql("SELECT code, name, sort FROM category ORDER BY sort, code")
    }


def load_themes(conn: Connection) -> dict[str, Theme]:
    return {
        r[0]: Theme(r[0], r[1], r[2], r[3])
        for r in conn.exec_driver_sql(
            "SELECT code, name, category, sort FROM theme ORDER BY sort, code"
        )
    }


def load_ministries(conn: Connection) -> dict[str, Ministry]:
    return {
        r[0]: Ministry(r[0], r[1], r[2], _date(r[3]), _date(r[4]), r[5])
        for r in conn.exec_driver_sql(
            "SELECT code, name, colour, valid_from, valid_until, successor FROM ministry"
            " ORDER BY valid_until IS NOT NULL, code"
        )
    }


def load_goals(conn: Connection, keys: list[str] | None = None) -> dict[str, Goal]:
    q = conn.exec_driver_sql
    partners: dict[str, list[str]] = {}
    where, args = _where_in("goal", keys)
    for goal_key, ministry in q(
        f"SELECT goal, ministry FROM goal_partner{where} ORDER BY goal, position", args
    ):
        partners.setdefault(goal_key, []).append(ministry)
    where, args = _where_in("key", keys)
    return {
        r[0]: Goal(
            key=r[0],
            title=r[1],
            theme=r[3],
            lead=r[4],
            description=r[2],
            partners=partners.get(r[0], []),
            status=_STATUS_OF.get(r[5], Status.NOT_STARTED),
            status_reason=r[6],
            priority=r[7],
            tags=[t for t in r[8].split(",") if t],
            created=r[9],
            updated=r[10],
        )
        for r in q(
            "SELECT key, title, description, theme, lead, status, status_reason, priority, tags,"
            f" created, updated FROM goal{where}",
            args,
        )
    }


def load_milestones(conn: Connection, keys: list[str] | None = None) -> dict[str, Milestone]:
    where, args = _where_in("key", keys)
    return {
        r[0]: Milestone(r[0], r[1], r[2], _date(r[3]), _date(r[4]), _date(r[5]), r[6])
        for r in conn.exec_driver_sql(
            f"SELECT key, goal, title, baseline, forecast, actual, note FROM milestone{where}", args
        )
    }


def load_dependencies(conn: Connection) -> list[Dependency]:
    return [
        Dependency(r[0], r[1], _KIND_OF.get(r[2], DependencyKind.HARD), r[3], r[4], r[5])
        for r in conn.exec_driver_sql(
            "SELECT dependent, prerequisite, kind, prerequisite_milestone, dependent_milestone,"
            " rationale FROM dependency ORDER BY id"
        )
    ]


def load_indicators(conn: Connection) -> list[Indicator]:
    q = conn.exec_driver_sql
    values: dict[int, list[IndicatorValue]] = {}
    for ind_id, day, value, source in q(
        "SELECT indicator, date, value, source FROM indicator_value ORDER BY date"
    ):
        values.setdefault(ind_id, []).append(IndicatorValue(_d(day), value, source))
    return [
        Indicator(r[1], r[2], r[3], r[4], _date(r[5]), r[6], _date(r[7]), values.get(r[0], []))
        for r in q(
            "SELECT id, goal, name, unit, baseline, baseline_date, target, target_date"
            " FROM indicator ORDER BY goal, id"
        )
    ]


def load_portfolio(conn: Connection) -> Portfolio:
    return Portfolio(
        load_info(conn),
        load_categories(conn),
        load_themes(conn),
        load_ministries(conn),
        load_goals(conn),
        load_milestones(conn),
        load_dependencies(conn),
        load_indicators(conn),
    )


def load_integrity(conn: Connection) -> tuple[list[tuple[str, object]], str]:
    """((table, rowid) of each broken foreign key, quick_check result: "ok" when whole) of a
    portfolio file."""
    broken = [(r[0], r[2]) for r in conn.exec_driver_sql("PRAGMA foreign_key_check")]
    return broken, conn.exec_driver_sql("PRAGMA quick_check").scalar()


def _reread(conn: Connection, old: dict, keys: set[str] | None, load) -> dict:
    """`old` with the records of `keys` read again (gone ones dropped); `old` itself kept."""
    if not keys:
        return old
    new = dict(old)
    ordered = sorted(keys)
    for key in ordered:
        new.pop(key, None)
    for start in range(0, len(ordered), 500):  # SQLite limits the parameters of one query
        new.update(load(conn, ordered[start : start + 500]))
    return new


def refresh_portfolio(conn: Connection, old: Portfolio, changed: dict[str, set[str]]) -> Portfolio:
    """A new snapshot from `old` with only the changed entities read again.

    `changed` maps entity → keys (added, updated or removed). The old snapshot is not touched, so
    views and what-if copies that still hold it stay consistent. Small tables and the
    dependency/indicator lists (kept in file order) are re-read whole; they are cheap.
    """
    goals = _reread(conn, old.goals, changed.get("goal"), load_goals)
    milestones = _reread(conn, old.milestones, changed.get("milestone"), load_milestones)
    return Portfolio(
        load_info(conn) if "portfolio" in changed else old.info,
        load_categories(conn) if "category" in changed else old.categories,
        load_themes(conn) if "theme" in changed else old.themes,
        load_ministries(conn) if "ministry" in changed else old.ministries,
        goals,
        milestones,
        load_dependencies(conn) if "dependency" in changed else old.dependencies,
        load_indicators(conn) if "indicator" in changed else old.indicators,
    )


def load_changes(
    conn: Connection,
    key: str | None = None,
    user: str | None = None,
    since: str | None = None,
    limit: int = 5000,
    after: int | None = None,
) -> list[Change]:
    sql = (
        "SELECT id, timestamp, user, entity, key, field, old, new, comment, action FROM change_log"
    )
    where, args = [], []
    if key:
        where.append("(key = ? OR key LIKE ? OR key LIKE ? OR key LIKE ? OR key LIKE ?)")
        args += [key, f"{key}-%", f"%>{key}", f"{key}>%", f"{key}/%"]
    if user:
        where.append("user = ?")
        args.append(user)
    if since:
        where.append("timestamp >= ?")
        args.append(since)
    if after is not None:  # a change-log position (e.g. a workshop session's start)
        where.append("id > ?")
        args.append(after)
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id DESC LIMIT ?"
    args.append(limit)
    return [
        Change(r[0], r[1], r[2], r[3], r[4], r[5], r[6] or "", r[7] or "", r[8], r[9])
        for r in conn.exec_driver_sql(sql, tuple(args))
    ]


def load_layout(conn: Connection, view: str) -> dict[str, tuple[float, float]]:
    return {
        r[0]: (r[1], r[2])
        for r in conn.exec_driver_sql("SELECT goal, x, y FROM layout WHERE view = ?", (view,))
    }


def save_layout(conn: Connection, view: str, positions: dict[str, tuple[float, float]]) -> None:
    """Upsert the positions of one view (presentation only: no change-log rows)."""
    conn.exec_driver_sql(
        "INSERT INTO layout (view, goal, x, y) VALUES (?, ?, ?, ?)"
        " ON CONFLICT(view, goal) DO UPDATE SET x = excluded.x, y = excluded.y",
        [(view, k, float(x), float(y)) for k, (x, y) in positions.items()],
    )


def clear_layout(conn: Connection, view: str) -> None:
    conn.exec_driver_sql("DELETE FROM layout WHERE view = ?", (view,))
