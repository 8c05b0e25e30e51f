"""Writing the JSON exchange format, version 1 (EXCHANGE.md): codes, ISO dates, every section."""

from __future__ import annotations

import json
from pathlib import Path

from sa2030_desktop.domain.dates import iso
from sa2030_desktop.domain.entities import SECTIONS
from sa2030_desktop.domain.model import Dependency, Goal, Indicator, Milestone, Ministry, Portfolio
from sa2030_desktop.domain.selection import natural_key
from sa2030_desktop.export.atomic import atomic_write_bytes

FORMAT = "sa2030-portfolio"
VERSION = 2  # 2 adds rounds, reports and frozen states (REPORTING.md); 1 still imports


def portfolio_document(portfolio: Portfolio) -> dict:
    """The snapshot as a version-1 exchange document (codes, ISO dates): one list per section
    of the entity registry, in its order; goals and milestones sorted by key."""
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "portfolio": {
            "title": portfolio.info.title,
            "issuing_office": portfolio.info.issuing_office,
            "as_of": iso(portfolio.info.as_of),
            "demo": portfolio.info.demo,
        },
    }
    for section, entity in SECTIONS.items():
        items = getattr(portfolio, section)
        if isinstance(items, dict):
            items = items.values()
            if entity in ("goal", "milestone"):
                items = sorted(items, key=lambda x: natural_key(x.key))
        doc[section] = [_WRITERS[entity](x) for x in items]
    return doc


def _ministry(m: Ministry) -> dict:
    return {
        "code": m.code,
        "name": m.name,
        "colour": m.colour,
        "valid_from": iso(m.valid_from),
        "valid_until": iso(m.valid_until),
        "successor": m.successor,
    }


def _goal(g: Goal) -> dict:
    return {
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


def _milestone(m: Milestone) -> dict:
    return {
        "key": m.key,
        "goal": m.goal,
        "title": m.title,
        "baseline": iso(m.baseline),
        "forecast": iso(m.forecast),
        "actual": iso(m.actual),
        "note": m.note,
    }


def _dependency(d: Dependency) -> dict:
    return {
        "dependent": d.dependent,
        "prerequisite": d.prerequisite,
        "kind": d.kind.value,
        "prerequisite_milestone": d.prerequisite_milestone,
        "dependent_milestone": d.dependent_milestone,
        "rationale": d.rationale,
    }


def _value(v) -> dict:  # an IndicatorValue
    # "source" only when given: files without sources stay byte-identical to earlier exports
    out: dict = {"date": v.date.isoformat(), "value": v.value}
    if v.source:
        out["source"] = v.source
    return out


def _indicator(i: Indicator) -> dict:
    return {
        "goal": i.goal,
        "name": i.name,
        "unit": i.unit,
        "baseline": i.baseline,
        "baseline_date": iso(i.baseline_date),
        "target": i.target,
        "target_date": iso(i.target_date),
        "values": [_value(v) for v in i.values],
    }


_WRITERS = {
    "category": lambda c: {"code": c.code, "name": c.name, "sort": c.sort},
    "theme": lambda t: {"code": t.code, "name": t.name, "category": t.category, "sort": t.sort},
    "ministry": _ministry,
    "goal": _goal,
    "milestone": _milestone,
    "dependency": _dependency,
    "indicator": _indicator,
}


def write_json(portfolio: Portfolio, target: Path, extra: dict | None = None) -> Path:
    """Write the exchange document; `extra` adds sections (the rounds of format version 2)."""
    data = json.dumps({**portfolio_document(portfolio), **(extra or {})}, ensure_ascii=False,
                      indent=1)  # fmt: skip
    return atomic_write_bytes(Path(target), data.encode("utf-8"))
