"""What the app remembers per user in QSettings: recent files, saved views, window layout."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QSettings

from sa2030_desktop.domain.model import Status
from sa2030_desktop.domain.selection import Selection

ORGANIZATION = "Land Sachsen-Anhalt"
APPLICATION = "SA2030 Planner"
MAX_RECENT = 8


def settings() -> QSettings:
    # INI everywhere, so tests can redirect it with QSettings.setPath(IniFormat, UserScope, dir).
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


# -- files -------------------------------------------------------------------------------------
def recent_files() -> list[str]:
    value = settings().value("files/recent", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or [])]


def remember_file(path: str | Path) -> None:
    path = str(Path(path).resolve())
    items = [p for p in recent_files() if p != path]
    s = settings()
    s.setValue("files/recent", [path, *items][:MAX_RECENT])
    s.setValue("files/last", path)


def last_file() -> str | None:
    value = settings().value("files/last", "")
    return str(value) if value else None


def forget_file(path: str | Path) -> None:
    path = str(Path(path).resolve())
    s = settings()
    s.setValue("files/recent", [p for p in recent_files() if p != path])
    if last_file() == path:
        s.remove("files/last")


# -- saved views (named filter sets) -----------------------------------------------------------
def selection_to_dict(sel: Selection) -> dict:
    return {
        "category": sel.category,
        "theme": sel.theme,
        "ministry": sel.ministry,
        "involved": sel.involved,
        "status": sel.status.value if sel.status else None,
        "only_slipped": sel.only_slipped,
        "text": sel.text,
    }


def selection_from_dict(data: dict) -> Selection:
    status = data.get("status")
    try:
        status = Status(status) if status else None
    except ValueError:
        status = None
    return Selection(
        category=data.get("category") or None,
        theme=data.get("theme") or None,
        ministry=data.get("ministry") or None,
        involved=bool(data.get("involved")),
        status=status,
        only_slipped=bool(data.get("only_slipped")),
        text=str(data.get("text") or ""),
    )


def saved_views() -> dict[str, Selection]:
    raw = settings().value("views/saved", "{}")
    try:
        data = json.loads(raw) if isinstance(raw, str) else {}
    except ValueError:
        data = {}
    return {name: selection_from_dict(d) for name, d in sorted(data.items()) if isinstance(d, dict)}


def _store_views(views: dict[str, Selection]) -> None:
    data = {name: selection_to_dict(sel) for name, sel in views.items()}
    settings().setValue("views/saved", json.dumps(data, ensure_ascii=False))


def save_view(name: str, sel: Selection) -> None:
    views = saved_views()
    views[name] = sel
    _store_views(views)


def delete_view(name: str) -> None:
    views = saved_views()
    views.pop(name, None)
    _store_views(views)
