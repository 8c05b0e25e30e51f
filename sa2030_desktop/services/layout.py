"""Stored graph positions per goal and named view, so that a layout is stable across sessions."""

from __future__ import annotations

from sa2030_desktop.domain import graph_compiled
from sa2030_desktop.infrastructure.numba_warm import fill_cache
from sa2030_desktop.persistence.store import Store


def warm_up_layout() -> None:
    """Make the compiled layout steps ready in the background for a window: a child process
    compiles them into numba's disk cache (the compiler holds the GIL for ~10 s the first time
    on a machine: the window froze), then this process loads them. Layouts meanwhile take the
    uncompiled steps (the network simplex from 400 goals waits in its worker)."""
    graph_compiled.warm_up(fill_cache)


def load_positions(store: Store, view: str) -> dict[str, tuple[float, float]]:
    return store.layout(view)


def save_positions(store: Store, view: str, positions: dict[str, tuple[float, float]]) -> None:
    """Upsert positions in one transaction. Layout is presentation, not portfolio data: it is
    not written to the change log and does not announce a portfolio change."""
    known = set(store.snapshot().goals) if positions else set()
    # only goals are stored (e.g. group nodes are not), and nothing at all when read-only
    store.save_layout(view, {k: p for k, p in positions.items() if k in known})


def clear_positions(store: Store, view: str) -> None:
    store.clear_layout(view)
