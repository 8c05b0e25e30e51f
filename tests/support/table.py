"""Reading what the goal table shows."""

from __future__ import annotations


def visible_keys(win) -> list[str]:
    return win.table.proxy.visible_keys()


def column_texts(win, column: int) -> dict[str, str]:
    proxy = win.table.proxy
    keys = visible_keys(win)
    return {k: proxy.index(i, column).data() for i, k in enumerate(keys)}
