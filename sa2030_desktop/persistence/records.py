"""How domain objects map to stored rows: table, key columns, stored values, log texts.

Shared by the unit of work (writes and change log) and checked on every write: text that
Word/XML cannot hold never reaches the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.model import (
    Category,
    Dependency,
    Goal,
    Indicator,
    Milestone,
    Ministry,
    PortfolioInfo,
    Theme,
)
from sa2030_desktop.domain.validate import bad_text


@dataclass(frozen=True, slots=True)
class EntitySpec:
    table: str
    key_columns: tuple[str, ...]
    columns: tuple[str, ...]  # stored columns besides the key (special fields handled apart)


SPECS: dict[str, EntitySpec] = {
    "category": EntitySpec("category", ("code",), ("name", "sort")),
    "theme": EntitySpec("theme", ("code",), ("name", "category", "sort")),
    "ministry": EntitySpec(
        "ministry", ("code",), ("name", "colour", "valid_from", "valid_until", "successor")
    ),
    "goal": EntitySpec(
        "goal",
        ("key",),
        ("title", "description", "theme", "lead", "status", "status_reason", "priority", "tags"),
    ),
    "milestone": EntitySpec(
        "milestone", ("key",), ("goal", "title", "baseline", "forecast", "actual", "note")
    ),
    "dependency": EntitySpec(
        "dependency",
        ("dependent", "prerequisite"),
        ("kind", "prerequisite_milestone", "dependent_milestone", "rationale"),
    ),
    "indicator": EntitySpec(
        "indicator",
        ("goal", "name"),
        ("unit", "baseline", "baseline_date", "target", "target_date"),
    ),
    "portfolio": EntitySpec("portfolio_info", ("id",), ("title", "issuing_office", "as_of", "demo")),
}

_ENTITY_OF = {
    Category: "category",
    Theme: "theme",
    Ministry: "ministry",
    Goal: "goal",
    Milestone: "milestone",
    Dependency: "dependency",
    Indicator: "indicator",
    PortfolioInfo: "portfolio",
}


def _db(value: object) -> object:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    return value


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def entity_key(entity: str, keyvals: dict) -> str:
    if entity == "dependency":
        return f"{keyvals['dependent']}>{keyvals['prerequisite']}"
    if entity == "indicator":
        return f"{keyvals['goal']}/{keyvals['name']}"
    if entity == "portfolio":
        return "portfolio"
    return str(next(iter(keyvals.values())))


def row_of(obj: object) -> tuple[str, dict, dict]:
    """(entity, key columns, value columns) of a domain object, in stored form."""
    entity = _ENTITY_OF[type(obj)]
    spec = SPECS[entity]
    if entity == "portfolio":
        keyvals = {"id": 1}
    else:
        keyvals = {c: _db(getattr(obj, c)) for c in spec.key_columns}
    values = {c: _db(getattr(obj, c)) for c in spec.columns}
    _refuse_unstorable(entity, keyvals, {**keyvals, **values})
    return entity, keyvals, values


def _refuse_unstorable(entity: str, keyvals: dict, fields: dict) -> None:
    """Last line of defence (services check first): text that Word/XML cannot hold (control
    characters, lone surrogates) never reaches the file, whichever path wrote it."""
    for name, value in fields.items():
        if isinstance(value, str):
            bad = bad_text(value)
            if bad:
                key = entity_key(entity, keyvals) if entity != "portfolio" else "portfolio"
                raise DomainError("bad_text", entity=entity, key=key, field=name, char=bad)


def created_text(values: dict) -> str:
    """One change-log row per new record: „angelegt (title=…; theme=…)“ with its values, so
    that creation is fully traceable without a row per field (bulk imports stay fast)."""
    shown = "; ".join(
        f"{c}={_text(v)}" for c, v in values.items() if v not in (None, "") or c in ("status", "kind")
    )
    return f"angelegt ({shown})" if shown else "angelegt"


def _norm(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, bool):
        return int(value)
    return value
