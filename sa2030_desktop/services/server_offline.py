"""Offline work with the team server (TEAM.md, Working together): `checkout` makes a laptop copy
with lineage and base, like `sa2030 copy`; `checkin` merges it back with the three-way merge and
its conflict rules (EXCHANGE.md) — the same merge as `sa2030 merge`, onto the server."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sa2030_desktop.domain.errors import FileRefusedError
from sa2030_desktop.export.atomic import atomic_target, check_target
from sa2030_desktop.persistence.copies import cut_to_package
from sa2030_desktop.persistence.engine import checkpoint
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.services.merge_state import now, stamp_base, write_state
from sa2030_desktop.services.server import open_server


def checkout(conninfo: str, target: str | Path, ministry: str | None = None) -> dict:
    """Copy the server's portfolio (or one ministry's Ressortpaket of it) into a new file that
    remembers the state it was taken from; the server is only read."""
    from sa2030_desktop.services.package import package_goals

    target = Path(target)
    check_target(target, database=True)  # an existing portfolio too: file_exists below
    if target.exists():
        raise FileRefusedError("file_exists", str(target))
    server = open_server(conninfo, readonly=True)
    try:
        portfolio = server.snapshot()
        keys = None
        if ministry is not None:
            own, context = package_goals(server, ministry)
            keys = own + context
        origin = server.session.name
        with atomic_target(target) as tmp:
            tmp.unlink(missing_ok=True)
            copy = Store.create(tmp)
            try:
                with copy.transaction(f"Ausgecheckt von {origin}") as uow:
                    uow.create_info(portfolio.info.title, portfolio.info.lineage)
                write_state(copy, portfolio, f"Ausgecheckt von {origin}")
            finally:
                copy.close()
            if keys is not None:
                conn = sqlite3.connect(tmp)
                try:
                    with conn:
                        cut_to_package(conn, keys, ministry, portfolio.info.lineage, origin, now())
                finally:
                    conn.close()
            stamp_base(tmp, "package" if ministry else "copy", origin)
            checkpoint(tmp)
            for suffix in ("-wal", "-shm"):
                Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    finally:
        server.close()
    return {
        "target": str(target),
        "goals": len(keys) if keys is not None else len(portfolio.goals),
        "ministry": ministry,
        "server": origin,
    }
