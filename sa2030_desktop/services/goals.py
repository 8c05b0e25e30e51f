"""Editing goals, milestones and indicators: one transaction and one ChangeSet per call."""

from __future__ import annotations

import dataclasses
from datetime import date

from sa2030_desktop.domain.errors import DomainError, NotFoundError
from sa2030_desktop.domain.model import Goal, Indicator, Milestone, Status
from sa2030_desktop.domain.validate import MAX_TEXT, bad_text
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.persistence.unit_of_work import ChangeSet

_GOAL_FIELDS = {f.name for f in dataclasses.fields(Goal)} - {"key", "created", "updated"}
_MS_FIELDS = {"title", "forecast", "actual", "note"}


def _check_text(entity: str, key: str, **fields: object) -> None:
    for name, value in fields.items():
        if isinstance(value, str):
            bad = bad_text(value)
            if bad:
                raise DomainError("bad_text", entity=entity, key=key, field=name, char=bad)
            if len(value) > MAX_TEXT:
                raise DomainError("text_too_long", entity=entity, key=key, field=name)


def _check_goal(store: Store, goal: Goal) -> None:
    portfolio = store.snapshot()
    if not goal.key.strip():
        raise DomainError("empty_key", entity="goal")
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
    _check_text("goal", goal.key, title=goal.title, description=goal.description,
                status_reason=goal.status_reason)


def create_goal(store: Store, goal: Goal, comment: str = "") -> ChangeSet:
    if goal.key in store.snapshot().goals:
        raise DomainError("duplicate_key", entity="goal", key=goal.key)
    _check_goal(store, goal)
    with store.transaction(comment or f"Ziel {goal.key} angelegt") as uow:
        uow.save(goal)
    return uow.changes


def update_goal(store: Store, key: str, comment: str = "", **changes: object) -> ChangeSet:
    """Change fields of a goal. A status change needs a reason (`status_reason` or comment)."""
    current = store.snapshot().goals.get(key)
    if current is None:
        raise NotFoundError("goal", key)
    unknown = set(changes) - _GOAL_FIELDS
    if unknown:
        raise DomainError("unknown_field", entity="goal", key=key, field=",".join(sorted(unknown)))
    if "status" in changes:
        changes["status"] = Status(changes["status"])
        if changes["status"] is not current.status and not (
            str(changes.get("status_reason", "")).strip() or comment.strip()
        ):
            raise DomainError("status_reason_required", key=key)
    goal = dataclasses.replace(current, **changes)
    goal.partners = list(goal.partners)
    _check_goal(store, goal)
    with store.transaction(comment) as uow:
        uow.save(goal)
    return uow.changes


def rename_goal_key(store: Store, key: str, new_key: str, comment: str = "") -> ChangeSet:
    portfolio = store.snapshot()
    if key not in portfolio.goals:
        raise NotFoundError("goal", key)
    if not new_key.strip():
        raise DomainError("empty_key", entity="goal")
    if new_key in portfolio.goals:
        raise DomainError("duplicate_key", entity="goal", key=new_key)
    with store.transaction(comment) as uow:
        uow.rename_goal(key, new_key)
    return uow.changes


def delete_goal(store: Store, key: str, comment: str = "") -> ChangeSet:
    """Delete a goal with its milestones, dependencies and indicators; each deletion logged."""
    portfolio = store.snapshot()
    if key not in portfolio.goals:
        raise NotFoundError("goal", key)
    with store.transaction(comment or f"Ziel {key} gelöscht") as uow:
        for dep in portfolio.dependencies:
            if key in dep.pair:
                uow.delete("dependency", {"dependent": dep.dependent, "prerequisite": dep.prerequisite})
        for ind in portfolio.indicators:
            if ind.goal == key:
                uow.delete("indicator", {"goal": ind.goal, "name": ind.name})
        for ms in portfolio.milestones_of(key):
            _clear_milestone_refs(uow, portfolio, ms.key)
            uow.delete("milestone", {"key": ms.key})
        uow.delete("goal", {"key": key})
    return uow.changes


def restore_goal(store: Store, goal: Goal, milestones: list[Milestone], dependencies: list,
                 indicators: list[Indicator], comment: str = "") -> ChangeSet:
    """Put a deleted goal back with everything that hung on it (the inverse of delete_goal)."""
    with store.transaction(comment or f"Ziel {goal.key} wiederhergestellt") as uow:
        uow.save(goal)
        for ms in milestones:
            uow.save(ms)
        for dep in dependencies:
            uow.save(dep)
        for ind in indicators:
            uow.save(ind)
    return uow.changes


def _clear_milestone_refs(uow, portfolio, ms_key: str) -> None:
    for dep in portfolio.dependencies:
        if ms_key in (dep.prerequisite_milestone, dep.dependent_milestone) and not (
            dep.dependent == ms_key.rsplit("-", 1)[0] or dep.prerequisite == ms_key.rsplit("-", 1)[0]
        ):
            fixed = dataclasses.replace(
                dep,
                prerequisite_milestone=None if dep.prerequisite_milestone == ms_key else dep.prerequisite_milestone,
                dependent_milestone=None if dep.dependent_milestone == ms_key else dep.dependent_milestone,
            )
            uow.save(fixed)


# -- milestones ---------------------------------------------------------------------------------
def _check_milestone(store: Store, ms: Milestone, today: date | None = None) -> None:
    portfolio = store.snapshot()
    if not ms.key.strip():
        raise DomainError("empty_key", entity="milestone")
    if ms.goal not in portfolio.goals:
        raise DomainError("unknown_goal", key=ms.key, value=ms.goal)
    if not ms.title.strip():
        raise DomainError("empty_title", entity="milestone", key=ms.key)
    if ms.actual and ms.actual > (today or date.today()):
        raise DomainError("actual_in_future", key=ms.key, value=ms.actual.isoformat())
    _check_text("milestone", ms.key, title=ms.title, note=ms.note)


def create_milestone(store: Store, ms: Milestone, comment: str = "") -> ChangeSet:
    if ms.key in store.snapshot().milestones:
        raise DomainError("duplicate_key", entity="milestone", key=ms.key)
    if ms.forecast is None:
        ms = dataclasses.replace(ms, forecast=ms.baseline)
    _check_milestone(store, ms)
    with store.transaction(comment or f"Meilenstein {ms.key} angelegt") as uow:
        uow.save(ms)
    return uow.changes


def next_milestone_key(store: Store, goal_key: str) -> str:
    existing = set(store.snapshot().milestones)
    n = 1
    while f"{goal_key}-M{n}" in existing:
        n += 1
    return f"{goal_key}-M{n}"


def update_milestone(store: Store, key: str, comment: str = "", **changes: object) -> ChangeSet:
    """Change title, forecast, actual or note. The baseline moves only through `rebaseline`."""
    current = store.snapshot().milestones.get(key)
    if current is None:
        raise NotFoundError("milestone", key)
    if "baseline" in changes:
        raise DomainError("baseline_needs_rebaseline", key=key)
    unknown = set(changes) - _MS_FIELDS
    if unknown:
        raise DomainError("unknown_field", entity="milestone", key=key, field=",".join(sorted(unknown)))
    ms = dataclasses.replace(current, **changes)
    _check_milestone(store, ms)
    with store.transaction(comment) as uow:
        uow.save(ms)
    return uow.changes


def set_forecasts(store: Store, forecasts: dict[str, date], comment: str) -> ChangeSet:
    """Several forecasts in one step (what-if „Übernehmen“): one transaction, one undo step."""
    portfolio = store.snapshot()
    for key in forecasts:
        if key not in portfolio.milestones:
            raise NotFoundError("milestone", key)
    with store.transaction(comment) as uow:
        for key, day in forecasts.items():
            uow.save(dataclasses.replace(portfolio.milestones[key], forecast=day))
    return uow.changes


def rebaseline(store: Store, key: str, new_baseline: date, comment: str) -> ChangeSet:
    """Neuer Basistermin: an explicit, commented and logged change of the baseline."""
    current = store.snapshot().milestones.get(key)
    if current is None:
        raise NotFoundError("milestone", key)
    if not comment.strip():
        raise DomainError("rebaseline_comment_required", key=key)
    with store.transaction(comment) as uow:
        uow.save(dataclasses.replace(current, baseline=new_baseline))
    return uow.changes


def restore_milestone(store: Store, ms: Milestone, comment: str = "") -> ChangeSet:
    """Write a milestone exactly as given, baseline included (undo of edits and deletions)."""
    with store.transaction(comment) as uow:
        uow.save(ms)
    return uow.changes


def delete_milestone(store: Store, key: str, comment: str = "") -> ChangeSet:
    portfolio = store.snapshot()
    if key not in portfolio.milestones:
        raise NotFoundError("milestone", key)
    with store.transaction(comment or f"Meilenstein {key} gelöscht") as uow:
        for dep in portfolio.dependencies:
            if key in (dep.prerequisite_milestone, dep.dependent_milestone):
                uow.save(dataclasses.replace(
                    dep,
                    prerequisite_milestone=None if dep.prerequisite_milestone == key else dep.prerequisite_milestone,
                    dependent_milestone=None if dep.dependent_milestone == key else dep.dependent_milestone,
                ))
        uow.delete("milestone", {"key": key})
    return uow.changes


# -- indicators ---------------------------------------------------------------------------------
def save_indicator(store: Store, indicator: Indicator, comment: str = "") -> ChangeSet:
    if indicator.goal not in store.snapshot().goals:
        raise DomainError("unknown_goal", key=indicator.name, value=indicator.goal)
    if not indicator.name.strip():
        raise DomainError("empty_title", entity="indicator", key=indicator.goal)
    _check_text("indicator", indicator.name, name=indicator.name, unit=indicator.unit)
    with store.transaction(comment) as uow:
        uow.save(indicator)
    return uow.changes


def delete_indicator(store: Store, goal: str, name: str, comment: str = "") -> ChangeSet:
    with store.transaction(comment) as uow:
        if not uow.delete("indicator", {"goal": goal, "name": name}):
            raise NotFoundError("indicator", f"{goal}/{name}")
    return uow.changes
