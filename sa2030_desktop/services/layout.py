"""Stored graph positions per goal and named view, so that a layout is stable across sessions."""

from __future__ import annotations

from sa2030_desktop.persistence.store import Store


def load_positions(store: Store, view: str) -> dict[str, tuple[float, float]]:
    return store.layout(view)


def save_positions(store: Store, view: str, positions: dict[str, tuple[float, float]]) -> None:
    """Upsert positions in one transaction. Layout is presentation, not portfolio data: it is
    not written to the change log and does not announce a portfolio change."""
    known = set(store.snapshot().goals) if positions else set()
    rows = [(view, k, float(x), float(y)) for k, (x, y) in positions.items() if k in known]
    if store.readonly or not rows:  # e.g. only group nodes: nothing to store
        return
    with store.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO layout (view, goal, x, y) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(view, goal) DO UPDATE SET x = excluded.x, y = excluded.y",
            rows,
        )


def clear_positions(store: Store, view: str) -> None:
    if store.readonly:
        return
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM layout WHERE view = ?", (view,))
