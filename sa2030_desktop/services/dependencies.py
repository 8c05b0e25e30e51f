"""Linking goals: cycles are refused with their path, wherever the link comes from."""

from __future__ import annotations

import dataclasses

from sa2030_desktop.domain import graph as g
from sa2030_desktop.domain.errors import DomainError, NotFoundError
from sa2030_desktop.domain.model import Dependency
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.persistence.unit_of_work import ChangeSet
from sa2030_desktop.services.goals import _check_text


def check_link(store: Store, dep: Dependency) -> None:
    """Raise DomainError/CycleError when `dep` may not be added; GUI calls it before pushing."""
    portfolio = store.snapshot()
    g.check_new_dependency(portfolio, g.build_graph(portfolio), dep)
    _check_milestones(store, dep)
    _check_text("dependency", f"{dep.dependent}>{dep.prerequisite}", rationale=dep.rationale)


def _check_milestones(store: Store, dep: Dependency) -> None:
    milestones = store.snapshot().milestones
    for ms_key, owner in (
        (dep.prerequisite_milestone, dep.prerequisite),
        (dep.dependent_milestone, dep.dependent),
    ):
        if ms_key:
            ms = milestones.get(ms_key)
            if ms is None:
                raise DomainError("unknown_milestone", value=ms_key)
            if ms.goal != owner:
                raise DomainError("milestone_not_of_goal", key=ms_key, value=owner)


def link(store: Store, dep: Dependency, comment: str = "") -> ChangeSet:
    check_link(store, dep)
    with store.transaction(
        comment or f"Abhängigkeit {dep.dependent} benötigt {dep.prerequisite} angelegt"
    ) as uow:
        uow.save(dep)
    return uow.changes


def update_link(store: Store, dependent: str, prerequisite: str, comment: str = "",
                **changes: object) -> ChangeSet:
    current = find(store, dependent, prerequisite)
    dep = dataclasses.replace(current, **changes)
    _check_milestones(store, dep)
    _check_text("dependency", f"{dependent}>{prerequisite}", rationale=dep.rationale)
    with store.transaction(comment) as uow:
        uow.save(dep)
    return uow.changes


def find(store: Store, dependent: str, prerequisite: str) -> Dependency:
    for dep in store.snapshot().dependencies:
        if dep.pair == (dependent, prerequisite):
            return dep
    raise NotFoundError("dependency", f"{dependent}>{prerequisite}")


def unlink(store: Store, dependent: str, prerequisite: str, comment: str = "") -> ChangeSet:
    find(store, dependent, prerequisite)
    with store.transaction(
        comment or f"Abhängigkeit {dependent} benötigt {prerequisite} entfernt"
    ) as uow:
        uow.delete("dependency", {"dependent": dependent, "prerequisite": prerequisite})
    return uow.changes
