"""Read snapshots: plain SQL into the domain's slotted dataclasses (no ORM objects on reads)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection

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

_d = date.fromisoformat


def _date(text: str | None) -> date | None:
    return _d(text) if text else None


def load_portfolio(conn: Connection) -> Portfolio:
    q = conn.exec_driver_sql
    row = q("SELECT title, issuing_office, as_of, demo, lineage FROM portfolio_info WHERE id=1").first()
    info = (
        PortfolioInfo(row[0], row[1], _date(row[2]), bool(row[3]), row[4])
        if row
        else PortfolioInfo()
    )
    categories = {
        r[0]: Category(r[0], r[1], r[2])
        for r in q("SELECT code, name, sort FROM category ORDER BY sort, code")
    }
    themes = {
        r[0]: Theme(r[0], r[1], r[2], r[3])
        for r in q("SELECT code, name, category, sort FROM theme ORDER BY sort, code")
    }
    ministries = {
        r[0]: Ministry(r[0], r[1], r[2], _date(r[3]), _date(r[4]), r[5])
        for r in q(
            "SELECT code, name, colour, valid_from, valid_until, successor FROM ministry"
            " ORDER BY valid_until IS NOT NULL, code"
        )
    }
    partners: dict[str, list[str]] = {}
    for goal_key, ministry in q("SELECT goal, ministry FROM goal_partner ORDER BY goal, position"):
        partners.setdefault(goal_key, []).append(ministry)
    status_of = {s.value: s for s in Status}
    goals = {
        r[0]: Goal(
            key=r[0],
            title=r[1],
            theme=r[3],
            lead=r[4],
            description=r[2],
            partners=partners.get(r[0], []),
            status=status_of.get(r[5], Status.NOT_STARTED),
            status_reason=r[6],
            priority=r[7],
            tags=[t for t in r[8].split(",") if t],
            created=r[9],
            updated=r[10],
        )
        for r in q(
            "SELECT key, title, description, theme, lead, status, status_reason, priority, tags,"
            " created, updated FROM goal"
        )
    }
    milestones = {
        r[0]: Milestone(r[0], r[1], r[2], _date(r[3]), _date(r[4]), _date(r[5]), r[6])
        for r in q("SELECT key, goal, title, baseline, forecast, actual, note FROM milestone")
    }
    kind_of = {k.value: k for k in DependencyKind}
    dependencies = [
        Dependency(r[0], r[1], kind_of.get(r[2], DependencyKind.HARD), r[3], r[4], r[5])
        for r in q(
            "SELECT dependent, prerequisite, kind, prerequisite_milestone, dependent_milestone,"
            " rationale FROM dependency ORDER BY id"
        )
    ]
    values: dict[int, list[IndicatorValue]] = {}
    for ind_id, day, value in q("SELECT indicator, date, value FROM indicator_value ORDER BY date"):
        values.setdefault(ind_id, []).append(IndicatorValue(_d(day), value))
    indicators = [
        Indicator(r[1], r[2], r[3], r[4], _date(r[5]), r[6], _date(r[7]), values.get(r[0], []))
        for r in q(
            "SELECT id, goal, name, unit, baseline, baseline_date, target, target_date"
            " FROM indicator ORDER BY goal, id"
        )
    ]
    return Portfolio(info, categories, themes, ministries, goals, milestones, dependencies, indicators)


def load_changes(
    conn: Connection,
    key: str | None = None,
    user: str | None = None,
    since: str | None = None,
    limit: int = 5000,
) -> list[Change]:
    sql = "SELECT id, timestamp, user, entity, key, field, old, new, comment, action FROM change_log"
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
