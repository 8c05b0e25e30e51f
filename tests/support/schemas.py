"""Portfolio files of every earlier schema, filled with realistic rows (as users' files are)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sa2030_desktop.persistence.engine import _alembic_config, make_engine
from sa2030_desktop.persistence.fileformat import APPLICATION_ID, KNOWN_REVISIONS

EARLIER = [r for r in KNOWN_REVISIONS if r != KNOWN_REVISIONS[-1]]
USER_VERSION = {"0001": 1, "0002": 2, "0003": 3, "0004": 4, "0005": 5}


def file_at_revision(path: Path, revision: str) -> Path:
    """A new file migrated only up to `revision` (what an older release wrote)."""
    from alembic import command

    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    engine = make_engine(path)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.commit()
        with conn.begin():
            command.upgrade(_alembic_config(conn), revision)
            conn.exec_driver_sql(f"PRAGMA user_version={USER_VERSION[revision]}")
    engine.dispose()
    _fill(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


def _fill(path: Path, goals: int = 160) -> None:
    """Reference data, goals with partners, milestones, dependencies, indicators with values,
    layout and change log — columns as in the 0001 schema."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys=ON")
    cats = [
        ("VV", "Digitale vernetzte Verwaltung"),
        ("DI", "Digitale Innovation"),
        ("VG", "Digitale vernetzte Gesellschaft"),
    ]
    conn.executemany(
        "INSERT INTO category (code, name, sort) VALUES (?, ?, ?)",
        [(c, n, i) for i, (c, n) in enumerate(cats)],
    )
    conn.executemany(
        "INSERT INTO theme (code, name, category, sort) VALUES (?, ?, ?, ?)",
        [(f"TF{i + 1:02d}", f"Themenfeld {i + 1}", cats[i // 6][0], i) for i in range(18)],
    )
    ministries = ["StK", "MI", "MF", "MJ", "MB", "MS", "MWL", "MWU", "MID"]
    conn.executemany(
        "INSERT INTO ministry (code, name, colour, valid_from, valid_until, successor)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(m, f"Ministerium {m} – Sachsen-Anhalt", "#336699", None, None, None) for m in ministries]
        + [
            (
                "MLV",
                "Ministerium für Landesentwicklung und Verkehr",
                "#884422",
                "2016-05-01",
                "2021-09-15",
                "MID",
            )
        ],
    )
    conn.execute(
        "INSERT INTO portfolio_info (id, title, issuing_office, as_of, demo, created)"
        " VALUES (1, 'Umsetzungsstand 2025 – Ressortabstimmung', 'MID, Referat 51',"
        " '2025-12-31', 0, '2025-01-10')"
    )
    statuses = ["not_started", "on_track", "delayed", "at_risk", "done"]
    conn.executemany(
        "INSERT INTO goal (key, title, description, theme, lead, status, status_reason,"
        " priority, tags, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                f"Z{i:03d}",
                f"Ziel {i}: Ende-zu-Ende-Digitalisierung „Antrag {i}“",
                "Beschreibung mit Umlauten äöüß und\nZeilenumbruch",
                f"TF{i % 18 + 1:02d}",
                ministries[i % 9],
                statuses[i % 5],
                "Zulieferung verzögert" if i % 5 == 2 else "",
                i % 3,
                "eGov,OZG" if i % 4 == 0 else "",
                "2024-01-01T09:00:00+01:00",
                "2025-06-01T10:00:00+02:00",
            )
            for i in range(goals)
        ],
    )
    conn.executemany(
        "INSERT INTO goal_partner (goal, ministry, position) VALUES (?, ?, ?)",
        [(f"Z{i:03d}", ministries[(i + 1 + p) % 9], p) for i in range(goals) for p in range(i % 3)],
    )
    conn.executemany(
        "INSERT INTO milestone (key, goal, title, baseline, forecast, actual, note)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                f"Z{i:03d}-M{m}",
                f"Z{i:03d}",
                f"Meilenstein {m}",
                f"202{6 + m}-03-31",
                f"202{6 + m}-0{4 + i % 5}-30",
                "2025-11-30" if i % 7 == 0 and m == 0 else None,
                "",
            )
            for i in range(goals)
            for m in range(3)
        ],
    )
    conn.executemany(
        "INSERT INTO dependency (dependent, prerequisite, kind, prerequisite_milestone,"
        " dependent_milestone, rationale) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (
                f"Z{i:03d}",
                f"Z{i - d:03d}",
                "hard" if d == 1 else "soft",
                f"Z{i - d:03d}-M0",
                None,
                "braucht die Basiskomponente",
            )
            for i in range(3, goals)
            for d in (1, 3)
        ],
    )
    conn.executemany(
        "INSERT INTO indicator (goal, name, unit, baseline, baseline_date, target, target_date)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (f"Z{i:03d}", "Anteil online", "%", 10.0, "2024-01-01", 80.0, "2030-12-31")
            for i in range(0, goals, 4)
        ],
    )
    ids = [r[0] for r in conn.execute("SELECT id FROM indicator")]
    conn.executemany(
        "INSERT INTO indicator_value (indicator, date, value) VALUES (?, ?, ?)",
        [(ind, f"202{4 + y}-12-31", 10.0 + 12.5 * y) for ind in ids for y in range(2)],
    )
    conn.executemany(
        "INSERT INTO layout (view, goal, x, y) VALUES (?, ?, ?, ?)",
        [("graph", f"Z{i:03d}", i * 10.5, (i % 9) * 80.0) for i in range(goals)],
    )
    conn.executemany(
        'INSERT INTO change_log (timestamp, "user", entity, key, field, old, new, comment)'
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                "2025-06-01T10:00:00+02:00",
                "mueller",
                "goal",
                f"Z{i:03d}",
                "status",
                "on_track",
                "delayed",
                "Quartalsbericht",
            )
            for i in range(goals)
        ],
    )
    conn.commit()
    conn.close()
