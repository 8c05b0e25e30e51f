"""The one registry of the portfolio's entities: name, domain type, section of the exchange
formats (JSON; the Excel/CSV table and sheet where there is one), key fields, and how the key
of one record is written as text — `A>B` for a dependency, `goal/name` for an indicator.

Records (persistence), the JSON reader and writer, Excel/CSV, merge, Ressortpaket and change
log all take these from here, so a new entity or a changed key is declared once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sa2030_desktop.domain.model import (
    Category,
    Dependency,
    Goal,
    Indicator,
    Milestone,
    Ministry,
    Portfolio,
    PortfolioInfo,
    Theme,
)
from sa2030_desktop.domain.reporting import Report, ReportingRound

PORTFOLIO_KEY = "portfolio"  # the one record of portfolio info
DEPENDENCY_SEPARATOR = ">"
INDICATOR_SEPARATOR = "/"
REPORT_SEPARATOR = "@"  # „Z17@2026-Q4“: the report on goal Z17 in round 2026-Q4


@dataclass(frozen=True, slots=True)
class Entity:
    name: str  # as in the change log and in messages: "goal", "dependency" …
    type: type
    section: str  # list in the JSON exchange document ("" for the portfolio info object)
    key_fields: tuple[str, ...]
    separator: str = ""  # joins the key fields of a composite key
    sheet: str = ""  # Excel sheet of the template ("" when the entity has no table there)
    csv_name: str = ""  # file name in the CSV form of the template
    # False for the reporting entities: their sections (format version 2) are not portfolio
    # data, so imports, merges and Ressortpakete of the portfolio leave them alone
    in_portfolio: bool = True


ENTITIES: tuple[Entity, ...] = (
    Entity("category", Category, "categories", ("code",)),
    Entity("theme", Theme, "themes", ("code",)),
    Entity("ministry", Ministry, "ministries", ("code",)),
    Entity("goal", Goal, "goals", ("key",), sheet="Ziele", csv_name="ziele.csv"),
    Entity(
        "milestone", Milestone, "milestones", ("key",),
        sheet="Meilensteine", csv_name="meilensteine.csv",
    ),
    Entity(
        "dependency", Dependency, "dependencies", ("dependent", "prerequisite"),
        DEPENDENCY_SEPARATOR, sheet="Abhaengigkeiten", csv_name="abhaengigkeiten.csv",
    ),
    Entity(
        "indicator", Indicator, "indicators", ("goal", "name"), INDICATOR_SEPARATOR,
        sheet="Indikatoren", csv_name="indikatoren.csv",
    ),
    Entity("portfolio", PortfolioInfo, "", ()),
    Entity("round", ReportingRound, "rounds", ("key",), in_portfolio=False),
    Entity("report", Report, "reports", ("goal", "round"), REPORT_SEPARATOR, in_portfolio=False),
)  # fmt: skip

BY_NAME: dict[str, Entity] = {e.name: e for e in ENTITIES}
BY_TYPE: dict[type, Entity] = {e.type: e for e in ENTITIES}
# JSON section → entity name, in the order of the exchange document (reference data first)
SECTIONS: dict[str, str] = {e.section: e.name for e in ENTITIES if e.section and e.in_portfolio}
# the sections format version 2 adds (rounds, reports; frozen states are stored per round)
REPORTING_SECTIONS: dict[str, str] = {
    e.section: e.name for e in ENTITIES if e.section and not e.in_portfolio
}
KEY_FIELDS: dict[str, tuple[str, ...]] = {e.name: e.key_fields for e in ENTITIES}


def entity_of(obj: object) -> str:
    """The entity name of a domain object ("goal" for a Goal …)."""
    return BY_TYPE[type(obj)].name


def record_key(entity: str, record: Mapping | object) -> str:
    """The key of one record as text, from a mapping (row, JSON object) or a domain object."""
    spec = BY_NAME[entity]
    if not spec.key_fields:
        return PORTFOLIO_KEY
    if isinstance(record, Mapping):
        return spec.separator.join(str(record[f]) for f in spec.key_fields)
    return spec.separator.join(str(getattr(record, f)) for f in spec.key_fields)


def records_by_key(portfolio: Portfolio) -> dict[str, dict[str, object]]:
    """{entity: {record key: object}} of a portfolio's records (new dicts: safe to change)."""
    out = {}
    for section, entity in SECTIONS.items():
        items = getattr(portfolio, section)  # Portfolio names its collections like the sections
        values = items.values() if isinstance(items, dict) else items
        out[entity] = {record_key(entity, obj): obj for obj in values}
    return out


def dependency_key(dependent: str, prerequisite: str) -> str:
    """„A>B“: the dependency of goal A on goal B (A needs B), as logs, messages and files
    name it."""
    return f"{dependent}{DEPENDENCY_SEPARATOR}{prerequisite}"


def parse_dependency_key(key: str) -> tuple[str, str] | None:
    """(dependent, prerequisite) of „A>B“; None when `key` is not a dependency key."""
    dependent, sep, prerequisite = key.partition(DEPENDENCY_SEPARATOR)
    return (dependent, prerequisite) if sep else None


def indicator_key(goal: str, name: str) -> str:
    return f"{goal}{INDICATOR_SEPARATOR}{name}"


def report_key(goal: str, round_key: str) -> str:
    """„Z17@2026-Q4“: the report on goal Z17 in round 2026-Q4, as logs and messages name it."""
    return f"{goal}{REPORT_SEPARATOR}{round_key}"
