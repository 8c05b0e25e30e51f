"""Base snapshots kept inside copies: the common ancestor of a later three-way merge."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # SQLAlchemy is loaded with the engine, after the window is shown
    from sqlalchemy import Engine


def add_base(
    engine: Engine, base_id: str, lineage: str, created: str, kind: str, origin: str, document: str
) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO merge_base (base_id, lineage, created, kind, origin, document)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (base_id, lineage, created, kind, origin, document),
        )


def bases_of(engine: Engine, lineage: str) -> list[tuple[str, str, str]]:
    """(base_id, created, document) of the bases of `lineage` stored in this file, oldest first."""
    with engine.connect() as conn:
        return [
            (r[0], r[1], r[2])
            for r in conn.exec_driver_sql(
                "SELECT base_id, created, document FROM merge_base WHERE lineage = ?"
                " ORDER BY created",
                (lineage,),
            )
        ]
