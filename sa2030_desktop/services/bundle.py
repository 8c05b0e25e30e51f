"""What an import brings, before it touches the file: records with their places in the source.

Every reader (JSON, Excel, CSV, packages) produces a Bundle; `importing.apply_bundle` validates
the whole result and writes it in one transaction, or raises with every issue.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field

from sa2030_desktop.domain.entities import SECTIONS, record_key, records_by_key
from sa2030_desktop.domain.errors import Issue
from sa2030_desktop.domain.model import Portfolio


@dataclass(slots=True)
class Record:
    obj: object
    place: dict[str, object]
    fields: frozenset[str]  # the fields the source actually gave; others keep stored values


@dataclass(slots=True)
class Bundle:
    source: str
    info: Record | None = None
    categories: list[Record] = field(default_factory=list)
    themes: list[Record] = field(default_factory=list)
    ministries: list[Record] = field(default_factory=list)
    goals: list[Record] = field(default_factory=list)
    milestones: list[Record] = field(default_factory=list)
    dependencies: list[Record] = field(default_factory=list)
    indicators: list[Record] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)  # problems found while reading
    notes: list[Issue] = field(default_factory=list)  # warnings (e.g. ignored columns)
    # Finds the line of a record from its place["_pos"] (JSON: computed only when needed).
    locator: Callable[[object], int | None] | None = None

    def locate(self, issues: list[Issue]) -> list[Issue]:
        """Fill in line numbers of records (lazily) and drop internal position markers."""
        for issue in issues:
            pos = issue.place.pop("_pos", None)
            if pos is not None and self.locator is not None and "line" not in issue.place:
                line = self.locator(pos)
                if line:
                    issue.place["line"] = line
        return issues

    # checks that need the portfolio as it would be after the import (e.g. kategorie vs theme)
    checks: list[Callable[[Portfolio], list[Issue]]] = field(default_factory=list)
    # Parts beyond the portfolio (format version 2: rounds, reports, frozen states), each with
    # `issues(store, merged) -> list[Issue]` and `write(uow)` run in the import's transaction.
    extensions: list = field(default_factory=list)
    # checks against the portfolio as it is before the import (records that may only update,
    # e.g. values of an indicator the file does not define)
    must_exist: list[Callable[[Portfolio], list[Issue]]] = field(default_factory=list)

    def sections(self) -> list[tuple[str, list[Record]]]:
        """(entity, records) per section, reference data first (the registry's order)."""
        return [(entity, getattr(self, section)) for section, entity in SECTIONS.items()]


def _merge(existing: object | None, incoming: Record) -> object:
    if existing is None:
        return incoming.obj
    return dataclasses.replace(existing, **{f: getattr(incoming.obj, f) for f in incoming.fields})


def _where(place: dict) -> str:
    if place.get("line") or place.get("row"):
        return f"Zeile {place.get('line') or place.get('row')}"
    return f"Eintrag Nr. {place.get('index', '?')}"


def merged_portfolio(current: Portfolio, bundle: Bundle) -> tuple[Portfolio, dict, list[Issue]]:
    """The portfolio as it would be after the import, the place of every incoming record, and
    duplicate-key issues found inside the bundle."""
    places: dict[tuple[str, str], dict] = {}
    issues: list[Issue] = []
    result = records_by_key(current)
    for entity, records in bundle.sections():
        target = result[entity]
        for rec in records:
            key = record_key(entity, rec.obj)
            if (entity, key) in places:
                first = places[(entity, key)]
                issues.append(
                    Issue(
                        "duplicate_key",
                        {"entity": entity, "key": key, **rec.place},
                        {"key": key, "first": _where(first)},
                    )
                )
                continue
            places[(entity, key)] = rec.place
            target[key] = _merge(target.get(key), rec)
    info = current.info
    if bundle.info is not None:
        info = _merge(current.info, bundle.info)
    portfolio = Portfolio(
        info=info,
        categories=result["category"],
        themes=result["theme"],
        ministries=result["ministry"],
        goals=result["goal"],
        milestones=result["milestone"],
        dependencies=list(result["dependency"].values()),
        indicators=list(result["indicator"].values()),
    )
    return portfolio, places, issues


__all__ = ["Bundle", "Record", "merged_portfolio", "record_key"]


_FIELD_SETS: dict[frozenset, frozenset] = {}


def field_set(fields) -> frozenset[str]:
    """One shared frozenset per distinct set of given fields (a handful per import): a
    10,000-row import then holds a few instead of one per record — fewer objects for the
    cyclic garbage collector to scan while the GUI thread waits for the GIL."""
    key = frozenset(fields)
    return _FIELD_SETS.setdefault(key, key)
