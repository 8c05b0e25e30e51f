"""Writing the JSON exchange format, version 1 (EXCHANGE.md): codes, ISO dates, every section."""

from __future__ import annotations

import json
from pathlib import Path

from sa2030_desktop.domain.dates import iso
from sa2030_desktop.domain.model import Portfolio
from sa2030_desktop.domain.selection import natural_key
from sa2030_desktop.export.atomic import atomic_write_bytes

FORMAT = "sa2030-portfolio"
VERSION = 1


def portfolio_document(portfolio: Portfolio) -> dict:
    """The snapshot as a version-1 exchange document (codes, ISO dates)."""
    goals = sorted(portfolio.goals.values(), key=lambda g: natural_key(g.key))
    return {
        "format": FORMAT,
        "version": VERSION,
        "portfolio": {
            "title": portfolio.info.title,
            "issuing_office": portfolio.info.issuing_office,
            "as_of": iso(portfolio.info.as_of),
            "demo": portfolio.info.demo,
        },
        "categories": [
            {"code": c.code, "name": c.name, "sort": c.sort} for c in portfolio.categories.values()
        ],
        "themes": [
            {"code": t.code, "name": t.name, "category": t.category, "sort": t.sort}
            for t in portfolio.themes.values()
        ],
        "ministries": [
            {
                "code": m.code,
                "name": m.name,
                "colour": m.colour,
                "valid_from": iso(m.valid_from),
                "valid_until": iso(m.valid_until),
                "successor": m.successor,
            }
            for m in portfolio.ministries.values()
        ],
        "goals": [
            {
                "key": g.key,
                "title": g.title,
                "description": g.description,
                "theme": g.theme,
                "lead": g.lead,
                "partners": list(g.partners),
                "status": g.status.value,
                "status_reason": g.status_reason,
                "priority": g.priority,
                "tags": list(g.tags),
            }
            for g in goals
        ],
        "milestones": [
            {
                "key": m.key,
                "goal": m.goal,
                "title": m.title,
                "baseline": iso(m.baseline),
                "forecast": iso(m.forecast),
                "actual": iso(m.actual),
                "note": m.note,
            }
            for m in sorted(portfolio.milestones.values(), key=lambda m: natural_key(m.key))
        ],
        "dependencies": [
            {
                "dependent": d.dependent,
                "prerequisite": d.prerequisite,
                "kind": d.kind.value,
                "prerequisite_milestone": d.prerequisite_milestone,
                "dependent_milestone": d.dependent_milestone,
                "rationale": d.rationale,
            }
            for d in portfolio.dependencies
        ],
        "indicators": [
            {
                "goal": i.goal,
                "name": i.name,
                "unit": i.unit,
                "baseline": i.baseline,
                "baseline_date": iso(i.baseline_date),
                "target": i.target,
                "target_date": iso(i.target_date),
                "values": [{"date": v.date.isoformat(), "value": v.value} for v in i.values],
            }
            for i in portfolio.indicators
        ],
    }


def write_json(portfolio: Portfolio, target: Path) -> Path:
    data = json.dumps(portfolio_document(portfolio), ensure_ascii=False, indent=1)
    return atomic_write_bytes(Path(target), data.encode("utf-8"))
