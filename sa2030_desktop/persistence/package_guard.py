"""Editing rules inside a Ressortpaket, checked for every write of a unit of work.

A package file (table package_info has its row) belongs to one ministry: its own goals (lead)
with their milestones and indicators, and the dependencies those goals declare, may change;
other goals, reference data and the portfolio info are read-only context.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import OperationalError

from sa2030_desktop.domain.preconditions import check_package_write


def read_package(engine_or_conn: Engine | Connection) -> tuple[str, str] | None:
    """(ministry, origin lineage) when the file is a package, else None."""
    sql = "SELECT ministry, origin_lineage FROM package_info WHERE id = 1"
    if engine_or_conn.dialect.name != "sqlite":  # the team server is never a package
        return None
    try:
        if isinstance(engine_or_conn, Engine):
            with engine_or_conn.connect() as conn:
                row = conn.exec_driver_sql(sql).first()
        else:
            row = engine_or_conn.exec_driver_sql(sql).first()
    except OperationalError:  # a file of an older schema, before its migration
        return None
    return (row[0], row[1]) if row else None


def _lead(conn: Connection, goal: object) -> str | None:
    row = conn.exec_driver_sql("SELECT lead FROM goal WHERE key = ?", (goal,)).first()
    return row[0] if row else None


def check(
    conn: Connection, ministry: str, entity: str, key: str, values: dict, old: dict | None
) -> None:
    """Raise package_readonly when `entity` `key` is context in the package of `ministry`
    (the rule itself: domain.preconditions.check_package_write)."""
    check_package_write(ministry, lambda goal: _lead(conn, goal), entity, key, values, old)
