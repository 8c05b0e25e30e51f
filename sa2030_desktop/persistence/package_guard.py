"""Editing rules inside a Ressortpaket, checked for every write of a unit of work.

A package file (table package_info has its row) belongs to one ministry: its own goals (lead)
with their milestones and indicators, and the dependencies those goals declare, may change;
other goals, reference data and the portfolio info are read-only context.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from sa2030_desktop.domain.preconditions import check_package_write

if TYPE_CHECKING:  # SQLAlchemy is loaded with the engine, after the window is shown
    from sqlalchemy import Connection, Engine


def read_package(engine_or_conn: Engine | Connection) -> tuple[str, str] | None:
    """(ministry, origin lineage) when the file is a package, else None. `engine_or_conn` may
    also be file_reader's plain sqlite3 connection (a Store whose engine is not made yet)."""
    sql = "SELECT ministry, origin_lineage FROM package_info WHERE id = 1"
    dialect = getattr(engine_or_conn, "dialect", None)
    if dialect is not None and dialect.name != "sqlite":  # the team server is never a package
        return None
    try:
        if hasattr(engine_or_conn, "connect"):  # an engine
            with engine_or_conn.connect() as conn:
                row = conn.exec_driver_sql(sql).first()
        else:
            row = engine_or_conn.exec_driver_sql(sql).first()
    except _operational_errors(dialect):  # a file of an older schema, before its migration
        return None
    return (row[0], row[1]) if row else None


def _operational_errors(dialect: object) -> tuple[type[Exception], ...]:
    if dialect is None:  # plain sqlite3: SQLAlchemy need not be imported for it
        return (sqlite3.OperationalError,)
    from sqlalchemy.exc import OperationalError

    return (OperationalError,)


def _lead(conn: Connection, goal: object) -> str | None:
    row = conn.exec_driver_sql("SELECT lead FROM goal WHERE key = ?", (goal,)).first()
    return row[0] if row else None


def check(
    conn: Connection, ministry: str, entity: str, key: str, values: dict, old: dict | None
) -> None:
    """Raise package_readonly when `entity` `key` is context in the package of `ministry`
    (the rule itself: domain.preconditions.check_package_write)."""
    check_package_write(ministry, lambda goal: _lead(conn, goal), entity, key, values, old)
