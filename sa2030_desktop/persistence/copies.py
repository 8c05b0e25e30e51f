"""Whole-file copies of a portfolio with SQLite's backup API, and the SQL that cuts a copy down.

The backup API takes a consistent snapshot even while another connection writes, so „Kopie
speichern unter“, Ressortpakete, work copies of remote files, backups and restores all copy
through `copy_database`.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from sa2030_desktop.persistence.fileformat import readonly_uri

Prepare = Callable[[sqlite3.Connection], None]


def copy_database(
    source: Path | sqlite3.Connection,
    target: Path,
    journal: str = "WAL",
    prepare: Prepare | None = None,
    check: bool = False,
) -> str:
    """Copy `source` (a path, opened read-only, or an open connection) into the file `target`.

    `prepare(connection)` may change the copy in one transaction (foreign keys on) before the
    journal mode `journal` is set. With `check` the copy's integrity_check result is returned
    ("ok" when whole); a WAL copy is checkpointed so that the file alone holds everything.
    """
    src = source if isinstance(source, sqlite3.Connection) else _connect_ro(Path(source))
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            if prepare is not None:
                dst.execute("PRAGMA foreign_keys=ON")
                with dst:
                    prepare(dst)
            dst.execute(f"PRAGMA journal_mode={journal}")
            ok = dst.execute("PRAGMA integrity_check").fetchone()[0] if check else "ok"
            if journal.upper() == "WAL":
                dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            dst.close()
    finally:
        if src is not source:
            src.close()
    return ok


def _connect_ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(readonly_uri(path), uri=True)  # works on read-only media


def cut_to_package(
    conn: sqlite3.Connection, keys: list[str], ministry: str, lineage: str, origin: str, now: str
) -> None:
    """Reduce a fresh copy to the goals `keys` (with what hangs on them by cascade) and mark it
    as the Ressortpaket of `ministry`; its change log starts with one line saying so."""
    conn.execute("CREATE TEMP TABLE keep_goal (key TEXT PRIMARY KEY)")
    conn.executemany("INSERT INTO keep_goal VALUES (?)", [(k,) for k in keys])
    conn.execute("DELETE FROM goal WHERE key NOT IN (SELECT key FROM keep_goal)")
    # the package carries the ministry's own reports (it answers them there), not the
    # answers, remarks and review comments of other ministries
    conn.execute(
        "DELETE FROM report WHERE goal NOT IN (SELECT key FROM goal WHERE lead = ?)", (ministry,)
    )
    conn.execute("DELETE FROM change_log")
    conn.execute("DELETE FROM merge_base")
    conn.execute("DELETE FROM package_info")
    conn.execute(
        "INSERT INTO package_info (id, ministry, origin_lineage, origin, created)"
        " VALUES (1, ?, ?, ?, ?)",
        (ministry, lineage, origin, now),
    )
    conn.execute(
        'INSERT INTO change_log (timestamp, "user", entity, key, field, old, new, comment,'
        " action) VALUES (?, '', 'portfolio', 'portfolio', '*', '', ?, ?, 1)",
        (now, f"Ressortpaket {ministry}", f"Ressortpaket für {ministry} aus {origin}"),
    )
    conn.execute("DROP TABLE keep_goal")


def write_new_file(path: Path, text: str) -> None:
    """Create `path` (it must not exist) readable by its owner only, write `text` and force it
    to disk: backups, their descriptions and lock files hold what others must not read."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        os.write(fd, text.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
