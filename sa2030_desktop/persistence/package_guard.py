"""Editing rules inside a Ressortpaket, checked for every write of a unit of work.

A package file (table package_info has its row) belongs to one ministry: its own goals (lead)
with their milestones and indicators, and the dependencies those goals declare, may change;
other goals, reference data and the portfolio info are read-only context.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import OperationalError

from sa2030_desktop.domain.entities import parse_dependency_key
from sa2030_desktop.domain.errors import DomainError


def read_package(engine_or_conn: Engine | Connection) -> tuple[str, str] | None:
    """(ministry, origin lineage) when the file is a package, else None."""
    sql = "SELECT ministry, origin_lineage FROM package_info WHERE id = 1"
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
    """Raise package_readonly when `entity` `key` is context in the package of `ministry`."""

    def refuse() -> None:
        raise DomainError("package_readonly", ministry=ministry, entity=entity, key=key)

    if entity == "goal":
        old_lead = old.get("lead") if old else None
        new_lead = values.get("lead", old_lead)
        if old is not None and old_lead != ministry:
            refuse()
        if new_lead != ministry:
            if old is None:
                refuse()
            raise DomainError("package_lead_fixed", ministry=ministry)
        return
    if entity in ("milestone", "indicator"):
        goals = {values.get("goal"), old.get("goal") if old else None} - {None}
        if any(_lead(conn, g) != ministry for g in goals):
            refuse()
        return
    if entity == "dependency":
        dependent = (old or values).get("dependent") or (parse_dependency_key(key) or (key,))[0]
        if _lead(conn, dependent) != ministry:
            refuse()
        return
    refuse()  # categories, themes, ministries, portfolio info: context
