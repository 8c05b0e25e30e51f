"""Write text the core refuses straight into a portfolio file, as another tool or an older
version of the application might have, to show that exports still cope with it."""

from __future__ import annotations

import sqlite3
from datetime import date

from sa2030_desktop.persistence.store import Store


def write_raw_goal(store: Store, key: str, title: str, description: str = "",
                   status_reason: str = "", ms_title: str = "Meilenstein",
                   baseline: date = date(2026, 6, 30), forecast: date = date(2026, 9, 30)) -> None:
    conn = sqlite3.connect(store.path)
    try:
        with conn:
            conn.execute(
                "INSERT INTO goal (key, title, description, theme, lead, status, status_reason,"
                " priority, tags, created, updated) VALUES (?, ?, ?, 'TF01', 'MID', 'on_track', ?,"
                " 2, '', '', '')",
                (key, title, description, status_reason),
            )
            conn.execute(
                "INSERT INTO milestone (key, goal, title, baseline, forecast, actual, note)"
                " VALUES (?, ?, ?, ?, ?, NULL, '')",
                (f"{key}-M1", key, ms_title, baseline.isoformat(), forecast.isoformat()),
            )
    finally:
        conn.close()
    store.invalidate()
