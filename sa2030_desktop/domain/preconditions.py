"""The refusals of DOMAIN.md as pure functions: each raises the typed DomainError, nothing else.

A rule lives here once. The operations of the core (services/operations) call them for every
path that changes data — dialog, table edit, timeline drag, undo/redo, CLI, import — and the
package guard in persistence calls the Ressortpaket rule for every raw write.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date

from sa2030_desktop.domain import values
from sa2030_desktop.domain.conflicts import needed_date, waiting_date
from sa2030_desktop.domain.dates import de_short
from sa2030_desktop.domain.entities import dependency_key, indicator_key, parse_dependency_key
from sa2030_desktop.domain.errors import DomainError, NotFoundError
from sa2030_desktop.domain.indicators import path_problem
from sa2030_desktop.domain.model import (
    Category,
    Dependency,
    DependencyKind,
    Goal,
    Indicator,
    Milestone,
    Ministry,
    Portfolio,
    Status,
    Theme,
)

# C0 controls except tab, LF, CR; lone surrogates; non-characters. Word and XML cannot hold them.
_BAD_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
MAX_TEXT = values.TEXT_MAX


def bad_text(text: str | None) -> str | None:
    """The first character that cannot be stored, as U+XXXX, or None when the text is fine."""
    if not text:
        return None
    match = _BAD_TEXT.search(text)
    return f"U+{ord(match.group()):04X}" if match else None


def future_actual(actual: date | None, today: date | None = None) -> str | None:
    """An actual date may not lie in the future: the date as the refusal names it, else None."""
    if actual and actual > (today or date.today()):
        return actual.strftime("%d.%m.%Y")
    return None


def check_text(entity: str, key: str, **fields: object) -> None:
    """Texts must be storable (no control characters) and of sane length."""
    for name, value in fields.items():
        if isinstance(value, str):
            bad = bad_text(value)
            if bad:
                raise DomainError("bad_text", entity=entity, key=key, field=name, char=bad)
            raise_value(values.text_problem(value), entity, key, name)


def check_new_key(existing: object, entity: str, key: str) -> None:
    """A new record needs a key that is not empty and not taken."""
    if not key.strip():
        raise DomainError("empty_key", entity=entity)
    if key in existing:  # type: ignore[operator]
        raise DomainError("duplicate_key", entity=entity, key=key)


def raise_value(problem, entity: str, key: str, fieldname: str) -> None:
    """A value outside the model (domain/values.py) as the refusal of an edit."""
    if problem is not None:
        code, data = problem
        raise DomainError(code, entity=entity, key=key, field=fieldname, **data)


def check_goal(portfolio: Portfolio, goal: Goal) -> None:
    if not goal.key.strip():
        raise DomainError("empty_key", entity="goal")
    raise_value(values.key_problem(goal.key), "goal", goal.key, "key")
    raise_value(values.priority_problem(goal.priority), "goal", goal.key, "priority")
    if not goal.title.strip():
        raise DomainError("empty_title", entity="goal", key=goal.key)
    if goal.theme not in portfolio.themes:
        raise DomainError("unknown_theme", key=goal.key, value=goal.theme)
    for code in [goal.lead, *goal.partners]:
        if code not in portfolio.ministries:
            raise DomainError("unknown_ministry", key=goal.key, value=code)
    if goal.lead in goal.partners:
        raise DomainError("partner_is_lead", key=goal.key, value=goal.lead)
    if len(set(goal.partners)) != len(goal.partners):
        raise DomainError("duplicate_partner", key=goal.key)
    check_text(
        "goal",
        goal.key,
        title=goal.title,
        description=goal.description,
        status_reason=goal.status_reason,
    )


def check_status_change(
    key: str, before: Status, after: Status, reason: object, comment: str
) -> None:
    """A status change needs a reason: a status reason given with it, or the change comment."""
    if after is not before and not (str(reason or "").strip() or comment.strip()):
        raise DomainError("status_reason_required", key=key)


def parse_status(value: object) -> Status:
    return value if isinstance(value, Status) else Status(value)


def check_milestone(portfolio: Portfolio, ms: Milestone, today: date | None = None) -> None:
    if not ms.key.strip():
        raise DomainError("empty_key", entity="milestone")
    if ms.goal not in portfolio.goals:
        raise DomainError("unknown_goal", key=ms.key, value=ms.goal)
    if not ms.title.strip():
        raise DomainError("empty_title", entity="milestone", key=ms.key)
    raise_value(values.key_problem(ms.key), "milestone", ms.key, "key")
    for name in ("baseline", "forecast", "actual"):
        raise_value(values.date_problem(getattr(ms, name)), "milestone", ms.key, name)
    check_actual(ms, today)
    check_text("milestone", ms.key, title=ms.title, note=ms.note)


def check_actual(ms: Milestone, today: date | None = None) -> None:
    """An actual date lies in the past (or today)."""
    shown = future_actual(ms.actual, today)
    if shown:
        raise DomainError("actual_in_future", key=ms.key, value=shown)


def check_rebaseline(key: str, comment: str) -> None:
    """The baseline moves only through „Neuer Basistermin“, and only with a comment."""
    if not comment.strip():
        raise DomainError("rebaseline_comment_required", key=key)


def check_forecast(portfolio: Portfolio, ms_key: str, new: date) -> None:
    """Refuse a forecast before the achievement of a hard prerequisite it waits for.

    A waiting milestone cannot be planned before the needed milestone that is already done:
    such a date would be a conflict that nobody can resolve any more. An achieved milestone's
    forecast is frozen.
    """
    raise_value(values.date_problem(new), "milestone", ms_key, "forecast")
    ms = portfolio.milestones.get(ms_key)
    if ms is None:
        raise DomainError("unknown_milestone", value=ms_key)
    check_open(ms)
    check_forecast_prerequisites(portfolio, ms, new)


def check_open(ms: Milestone) -> None:
    """An achieved milestone's forecast is frozen: its actual date is what counts (also for a
    what-if, which would otherwise report a shift that changes nothing)."""
    if ms.actual is not None:
        raise DomainError("milestone_achieved", key=ms.key, value=de_short(ms.actual))


def check_forecast_prerequisites(portfolio: Portfolio, ms: Milestone, new: date) -> None:
    for dep in portfolio.dependencies:
        if dep.kind is not DependencyKind.HARD or dep.dependent != ms.goal:
            continue
        _, waiting_ms = waiting_date(portfolio, dep)
        if waiting_ms != ms.key:
            continue
        _, needed_ms = needed_date(portfolio, dep)
        pre = portfolio.milestones.get(needed_ms) if needed_ms else None
        if pre is not None and pre.actual is not None and new < pre.actual:
            raise DomainError(
                "forecast_before_achieved_prerequisite",
                key=ms.key,
                value=de_short(new),
                prerequisite=needed_ms,
                achieved=de_short(pre.actual),
            )


def check_forecast_change(portfolio: Portfolio, before: Milestone, after: Milestone) -> None:
    """`check_forecast` for an edit that may also set or clear the actual date: only a forecast
    that really changes is checked, and reopening a milestone (clearing Ist) unfreezes it."""
    if after.forecast == before.forecast:
        return
    if after.forecast is None:
        raise DomainError("empty_forecast", key=before.key)
    if before.actual is not None and after.actual is not None:
        raise DomainError("milestone_achieved", key=before.key, value=de_short(before.actual))
    check_forecast_prerequisites(portfolio, before, after.forecast)


LeadOf = Callable[[object], "str | None"]


def check_package_write(
    ministry: str, lead_of: LeadOf, entity: str, key: str, values: dict, old: dict | None
) -> None:
    """Ressortpaket scope: in the package of `ministry` only its own goals (lead) with their
    milestones, indicators and reports (REPORTING.md: a ministry answers a round on its
    Ressortpaket), and the dependencies they declare, change; the rest (other goals, rounds,
    reference data, portfolio info) is context. `lead_of(goal_key)` is the stored lead."""

    def refuse() -> None:
        raise DomainError("package_readonly", ministry=ministry, entity=entity, key=key)

    if entity == "goal":
        old_lead = old.get("lead") if old else None
        new_lead = values.get("lead", old_lead)
        if old is not None and old_lead != ministry:
            refuse()
        if new_lead != ministry:
            if old is None:
                refuse()
            raise DomainError("package_lead_fixed", ministry=ministry)
        return
    if entity in ("milestone", "indicator", "report"):
        goals = {values.get("goal"), old.get("goal") if old else None} - {None}
        if any(lead_of(g) != ministry for g in goals):
            refuse()
        if entity == "report" and reviews(values, old):  # answered here, reviewed centrally
            raise DomainError("package_review", ministry=ministry, key=key)
        return
    if entity == "dependency":
        dependent = (old or values).get("dependent") or (parse_dependency_key(key) or (key,))[0]
        if lead_of(dependent) != ministry:
            refuse()
        return
    refuse()  # categories, themes, ministries, portfolio info: context


REVIEW_FIELDS = ("reviewed_by", "reviewed_at", "review_comment")


def reviews(values: dict, old: dict | None) -> bool:
    """Whether a report write (stored row values) is a reviewer's decision: it makes the report
    accepted or returned, or changes the reviewer's fields. A ministry – in its Ressortpaket or
    as a ressort login on the team server – answers its reports but never reviews them."""
    before = old or {}
    if any(f in values and (values[f] or "") != (before.get(f) or "") for f in REVIEW_FIELDS):
        return True
    state = values.get("state", before.get("state"))
    if state not in ("accepted", "returned") or state == before.get("state"):
        return False
    # not a decision: undoing the answer to a returned report puts back the return the
    # Koordinierungsstelle recorded, its reviewer and comment as they were
    undone = state == "returned" and before.get("state") == "submitted"
    return not (undone and before.get("reviewed_by"))


def milestone_ref_problems(portfolio: Portfolio, dep: Dependency):
    """(code, data) for each milestone a dependency names that is unknown or of another goal."""
    for ms_key, owner in (
        (dep.prerequisite_milestone, dep.prerequisite),
        (dep.dependent_milestone, dep.dependent),
    ):
        ms = portfolio.milestones.get(ms_key) if ms_key else None
        if ms_key and ms is None:
            yield "unknown_milestone", {"value": ms_key}
        elif ms is not None and ms.goal != owner:
            yield "milestone_not_of_goal", {"value": ms_key, "goal": owner}


def check_dependency(portfolio: Portfolio, dep: Dependency) -> None:
    """Named milestones exist and belong to their goal; the rationale is storable text."""
    for code, data in milestone_ref_problems(portfolio, dep):
        raise DomainError(code, **data)
    check_text("dependency", dependency_key(*dep.pair), rationale=dep.rationale)


def check_reference(portfolio: Portfolio, entity: str, obj: Category | Theme | Ministry) -> None:
    """A category, theme field or ministry: code and name given, its references known."""
    if not obj.code.strip() or not obj.name.strip():
        raise DomainError("empty_title", entity=entity, key=obj.code)
    if isinstance(obj, Theme) and obj.category not in portfolio.categories:
        raise DomainError("unknown_category", key=obj.code, value=obj.category)
    if isinstance(obj, Ministry) and obj.successor and obj.successor not in portfolio.ministries:
        raise DomainError("unknown_ministry", key=obj.code, value=obj.successor)
    check_text(entity, obj.code, name=obj.name)


def check_indicator(portfolio: Portfolio, indicator: Indicator) -> None:
    if indicator.goal not in portfolio.goals:
        raise DomainError("unknown_goal", key=indicator.name, value=indicator.goal)
    if not indicator.name.strip():
        raise DomainError("empty_title", entity="indicator", key=indicator.goal)
    check_text("indicator", indicator.name, name=indicator.name, unit=indicator.unit)
    for value in indicator.values:
        check_text("indicator", indicator.name, source=value.source)
    for code, data in indicator_problems(indicator):
        raise DomainError(
            code, entity="indicator", key=indicator_key(indicator.goal, indicator.name), **data
        )


def indicator_problems(indicator: Indicator) -> list[tuple[str, dict[str, object]]]:
    """What makes an indicator unstorable beyond its texts: numbers that are no numbers, a
    target path with v1 = v0 or d1 ≤ d0 (REPORTING.md), two values measured on one day."""
    problems: list[tuple[str, dict[str, object]]] = []
    for name in ("baseline", "target"):
        number = getattr(indicator, name)
        if number is not None and not math.isfinite(number):
            problems.append(("bad_number", {"field": name, "value": str(number)}))
    for value in indicator.values:
        if not math.isfinite(value.value):
            problems.append(("bad_number", {"field": "values", "value": str(value.value)}))
    if not problems:
        code = path_problem(indicator)
        if code:
            problems.append((code, {}))
    seen: set[date] = set()
    for value in sorted(indicator.values, key=lambda v: v.date):
        if value.date in seen:
            problems.append(("indicator_value_twice", {"value": de_short(value.date)}))
        seen.add(value.date)
    return problems


def check_rename_ministry(
    portfolio: Portfolio, old_codes: list[str], new_code: str, name: str, effective: date
) -> None:
    """Rename or merge ministries from `effective`: the old ones open then, the new code free."""
    if not old_codes:
        raise DomainError("usage", detail="old")
    for code in old_codes:
        ministry = portfolio.ministries.get(code)
        if ministry is None:
            raise NotFoundError("ministry", code)
        if ministry.valid_until is not None and ministry.valid_until < effective:
            raise DomainError("ministry_closed", key=code, value=ministry.valid_until)
        if ministry.valid_from and ministry.valid_from >= effective:
            raise DomainError("effective_before_start", key=code, value=ministry.valid_from)
    if not new_code.strip():
        raise DomainError("empty_key", entity="ministry")
    if new_code in old_codes:
        raise DomainError("rename_same_code", key=new_code)
    raise_value(values.ministry_code_problem(new_code), "ministry", new_code, "code")
    raise_value(values.date_problem(effective), "ministry", new_code, "valid_from")
    if not name.strip():
        raise DomainError("empty_title", entity="ministry", key=new_code)
    existing = portfolio.ministries.get(new_code)
    if existing is not None and (existing.valid_from or date.min) > effective:
        raise DomainError("duplicate_key", entity="ministry", key=new_code)
    if existing is not None and name.strip() != existing.name.strip():
        # absorbed into an existing ministry, which keeps its name: another one would be lost
        raise DomainError("ministry_absorbed_renamed", key=new_code, value=existing.name)
