"""Hand-made portfolios for tests, written through the real JSON import into real files."""

from __future__ import annotations

import json
from pathlib import Path

from sa2030_desktop.persistence.store import Store
from sa2030_desktop.services.portfolio import create_portfolio, import_json


def goal(key: str, lead: str = "MID", theme: str = "TF01", status: str = "on_track", **extra):
    return {"key": key, "title": f"Ziel {key}", "theme": theme, "lead": lead, "status": status, **extra}


def ms(key: str, baseline: str, forecast: str | None = None, actual: str | None = None, **extra):
    return {
        "key": key,
        "goal": key.rsplit("-", 1)[0],
        "title": f"Meilenstein {key}",
        "baseline": baseline,
        "forecast": forecast or baseline,
        "actual": actual,
        **extra,
    }


def dep(dependent: str, prerequisite: str, kind: str = "hard", **extra):
    return {"dependent": dependent, "prerequisite": prerequisite, "kind": kind, **extra}


def document(**sections) -> dict:
    return {"format": "sa2030-portfolio", "version": 1, "goals": [], **sections}


def build_store(path: Path, **sections) -> Store:
    store = create_portfolio(path)
    if any(sections.values()):
        src = path.with_suffix(".json")
        src.write_text(json.dumps(document(**sections), ensure_ascii=False), encoding="utf-8")
        import_json(store, src)
    return store
