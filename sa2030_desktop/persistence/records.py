"""How domain objects map to stored rows: table, key columns, stored values, log texts.

Shared by the unit of work (writes and change log) and checked on every write: text that
Word/XML cannot hold never reaches the file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from enum import Enum

from sa2030_desktop.domain.entities import KEY_FIELDS, entity_of, record_key
from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.validate import bad_text


@dataclass(frozen=True, slots=True)
class EntitySpec:
    table: str
    key_columns: tuple[str, ...]
    columns: tuple[str, ...]  # stored columns besides the key (special fields handled apart)


def _spec(entity: str, columns: tuple[str, ...], table: str = "") -> EntitySpec:
    # the key columns are the entity's key fields (domain/entities.py); the one portfolio
    # info row has the key id = 1
    return EntitySpec(table or entity, KEY_FIELDS[entity] or ("id",), columns)


SPECS: dict[str, EntitySpec] = {
    "category": _spec("category", ("name", "sort")),
    "theme": _spec("theme", ("name", "category", "sort")),
    "ministry": _spec("ministry", ("name", "colour", "valid_from", "valid_until", "successor")),
    "goal": _spec(
        "goal",
        ("title", "description", "theme", "lead", "status", "status_reason", "priority", "tags"),
    ),
    "milestone": _spec("milestone", ("goal", "title", "baseline", "forecast", "actual", "note")),
    "dependency": _spec(
        "dependency", ("kind", "prerequisite_milestone", "dependent_milestone", "rationale")
    ),
    "indicator": _spec("indicator", ("unit", "baseline", "baseline_date", "target", "target_date")),
    "portfolio": _spec("portfolio", ("title", "issuing_office", "as_of", "demo"), "portfolio_info"),
    "round": _spec(
        "round",
        (
            "title",
            "as_of",
            "deadline",
            "scope",
            "state",
            "opened_by",
            "opened_at",
            "closed_by",
            "closed_at",
        ),
        "reporting_round",
    ),
    "report": _spec(
        "report",
        (
            "ministry",
            "state",
            "status",
            "status_reason",
            "progress",
            "remark",
            "forecasts",
            "actuals",
            "values",
            "submitted_by",
            "submitted_ministry",
            "submitted_at",
            "reviewed_by",
            "reviewed_at",
            "review_comment",
        ),
    ),
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
    if isinstance(value, dict):  # a report's forecasts, actual dates, indicator values
        return (
            json.dumps(value, sort_keys=True, ensure_ascii=False, default=_json_value)
            if value
            else ""
        )
    return value


def _json_value(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def entity_key(entity: str, keyvals: dict) -> str:
    """The record's key as the change log and messages write it („A>B“ for a dependency)."""
    return record_key(entity, keyvals)


def row_of(obj: object) -> tuple[str, dict, dict]:
    """(entity, key columns, value columns) of a domain object, in stored form."""
    entity = entity_of(obj)
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
                key = entity_key(entity, keyvals)
                raise DomainError("bad_text", entity=entity, key=key, field=name, char=bad)


def created_text(values: dict) -> str:
    """One change-log row per new record: „angelegt (title=…; theme=…)“ with its values, so
    that creation is fully traceable without a row per field (bulk imports stay fast)."""
    shown = "; ".join(
        f"{c}={_text(v)}"
        for c, v in values.items()
        if v not in (None, "") or c in ("status", "kind")
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
