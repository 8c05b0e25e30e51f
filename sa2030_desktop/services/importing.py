"""Apply a Bundle: validate everything first, then write it in one transaction — or nothing."""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field

from sa2030_desktop.domain.entities import record_key, records_by_key
from sa2030_desktop.domain.errors import Issue, ValidationError
from sa2030_desktop.domain.tasks import checkpoint
from sa2030_desktop.domain.validate import validate
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.persistence.unit_of_work import ChangeSet
from sa2030_desktop.services.bundle import Bundle, merged_portfolio
from sa2030_desktop.services.bundle_codes import match_codes
from sa2030_desktop.services.operations.milestones import forecast_refusals


@dataclass(slots=True)
class ImportPreview:
    """What an import would do, per entity: added / changed / unchanged keys."""

    added: dict[str, list[str]] = field(default_factory=dict)
    changed: dict[str, list[str]] = field(default_factory=dict)
    unchanged: dict[str, list[str]] = field(default_factory=dict)
    notes: list[Issue] = field(default_factory=list)
    changeset: ChangeSet | None = None

    def counts(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for label, data in (
            ("added", self.added),
            ("changed", self.changed),
            ("unchanged", self.unchanged),
        ):
            for entity, keys in data.items():
                out.setdefault(entity, {"added": 0, "changed": 0, "unchanged": 0})[label] = len(
                    keys
                )
        return out


# check_forecast's refusals that an import reports as findings, with the note's message code
FORECAST_FINDINGS = {
    "forecast_before_achieved_prerequisite": "forecast_before_achieved_prerequisite",
    "milestone_achieved": "imported_forecast_of_achieved",
}


def _check(store: Store, bundle: Bundle):
    current = store.snapshot()
    match_codes(current, bundle)  # `mid` in a cell means MID (domain/codes.py)
    merged, places, dup_issues = merged_portfolio(current, bundle)

    def place_of(entity: str, key: str) -> dict:
        return dict(places.get((entity, key), {}))

    issues = list(bundle.issues) + dup_issues
    # the values of the file's own records: one already stored never blocks an import
    own = {(e, record_key(e, r.obj)) for e, recs in bundle.sections() for r in recs}
    if bundle.info is not None:
        own.add(("portfolio", ""))
    for issue in validate(merged, place_of, values_of=own):
        # Findings in data the import does not touch are not the import's fault … unless the
        # import is what now breaks them (e.g. a cycle through existing dependencies).
        issues.append(issue)
    # A forecast the import changes is judged by check_forecast as an edit in the window is, but
    # a forecast before an achieved prerequisite (or moved on an achieved milestone) is a finding
    # in imported real-world data, never a reason to refuse the file (DOMAIN.md): the same German
    # sentence arrives as a note of the preview; any other refusal (an emptied forecast) stays one.
    milestones = [record_key("milestone", r.obj) for e, recs in bundle.sections()
                  if e == "milestone" for r in recs]  # fmt: skip
    for key, refusal in forecast_refusals(current, merged, milestones):
        place = {"entity": "milestone", "key": key, **place_of("milestone", key)}
        if refusal.code in FORECAST_FINDINGS:
            note = Issue(FORECAST_FINDINGS[refusal.code], place, refusal.data, severity="warning")
            if note not in bundle.notes:  # a preview and the import judge the same bundle
                bundle.notes.append(note)
        else:
            issues.append(Issue(refusal.code, place, refusal.data))
    for extra_check in bundle.checks:
        issues.extend(extra_check(merged))
    for extension in bundle.extensions:
        issues.extend(extension.issues(store, merged))
    for existing_check in bundle.must_exist:
        issues.extend(existing_check(current))
    if issues:
        located = _said_once(bundle.locate(issues))
        raise ValidationError(sorted(located, key=_reading_order), bundle.source)
    return current, merged


# The validation's „… fehlt“ for a field that the JSON reader already found missing
# („Pflichtfeld … fehlt“): the same record and field, said once.
_SAID_BY_READER = {
    "empty_title": {"title"},
    "unknown_theme": {"theme"},
    "unknown_ministry": {"lead"},
    "unknown_goal": {"goal", "dependent", "prerequisite"},
}


def _said_once(issues: list[Issue]) -> list[Issue]:
    def record(issue: Issue) -> tuple:
        return issue.place.get("file"), issue.place.get("section"), issue.place.get("index")

    missing: dict[tuple, set] = {}
    for issue in issues:
        if issue.code == "missing_field":
            missing.setdefault(record(issue), set()).add(issue.data.get("field"))
    return [
        issue
        for issue in issues
        if not (
            issue.code in _SAID_BY_READER
            and not issue.data.get("value")
            and missing.get(record(issue), set()) & _SAID_BY_READER[issue.code]
        )
    ]


def _reading_order(issue: Issue) -> tuple:
    """Errors in the order a user reads the file: by file, sheet, line, then as found."""
    place = issue.place
    line = place.get("line") or place.get("row") or 0
    return (
        str(place.get("file", "")),
        str(place.get("sheet", "")),
        int(line) if str(line).isdigit() else 0,
    )


def preview_bundle(store: Store, bundle: Bundle) -> ImportPreview:
    """Validate and compare without writing. Raises ValidationError with every issue."""
    return _evaluate(store, bundle)[0]


def _evaluate(store: Store, bundle: Bundle):
    current, merged = _check(store, bundle)
    existing = records_by_key(current)
    preview = ImportPreview(notes=list(bundle.notes))
    for entity, records in bundle.sections():
        for rec in records:
            checkpoint()  # the comparison of 60,000 records takes most of a second
            key = record_key(entity, rec.obj)
            old = existing[entity].get(key)
            if old is None:
                preview.added.setdefault(entity, []).append(key)
            elif any(getattr(old, f) != getattr(rec.obj, f) for f in rec.fields):
                preview.changed.setdefault(entity, []).append(key)
            else:
                preview.unchanged.setdefault(entity, []).append(key)
    return preview, current, merged


def apply_bundle(store: Store, bundle: Bundle, comment: str = "") -> ImportPreview:
    """Import: all or nothing. Re-importing the same data changes nothing (idempotent)."""
    preview, current, merged = _evaluate(store, bundle)
    checkpoint()  # a cancel during the checks stops before the write transaction
    touched: dict[str, set[str]] = {e: set() for e, _ in bundle.sections()}
    for entity, records in bundle.sections():
        touched[entity] = {record_key(entity, r.obj) for r in records}
    with store.transaction(comment or f"Import aus {bundle.source}") as uow:
        if bundle.info is not None:
            uow.save(merged.info)
        uow.save_many([c for k, c in merged.categories.items() if k in touched["category"]])
        uow.save_many([t for k, t in merged.themes.items() if k in touched["theme"]])
        ministries = [m for k, m in merged.ministries.items() if k in touched["ministry"]]
        # successors may point at ministries of the same import: insert first, then link
        uow.save_many(
            [_without_successor(m) for m in ministries if m.code not in current.ministries]
        )
        uow.save_many(ministries)
        uow.save_many([g for k, g in merged.goals.items() if k in touched["goal"]])
        uow.save_many([m for k, m in merged.milestones.items() if k in touched["milestone"]])
        uow.save_many(
            [d for d in merged.dependencies if record_key("dependency", d) in touched["dependency"]]
        )
        for ind in merged.indicators:
            if record_key("indicator", ind) in touched["indicator"]:
                uow.save(ind)
        for extension in bundle.extensions:
            extension.write(uow)
    preview.changeset = uow.changes
    return preview


def _without_successor(ministry):
    return dataclasses.replace(ministry, successor=None) if ministry.successor else ministry


def summary(preview: ImportPreview) -> Counter:
    total: Counter = Counter()
    for entity_counts in preview.counts().values():
        total.update(entity_counts)
    return total
