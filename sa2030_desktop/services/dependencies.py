"""Linking goals: cycles are refused with their path, wherever the link comes from.

Each function applies the operation of its use case (services/operations/links.py).
"""

from __future__ import annotations

from sa2030_desktop.domain.model import Dependency
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.persistence.unit_of_work import ChangeSet
from sa2030_desktop.services import operations as ops


def check_link(store: Store, dep: Dependency) -> None:
    """Raise DomainError/CycleError when `dep` may not be added (nothing written)."""
    ops.Link(dep).check(store)


def link(store: Store, dep: Dependency, comment: str = "") -> ChangeSet:
    return ops.Link(dep, comment).apply(store)


def update_link(
    store: Store, dependent: str, prerequisite: str, comment: str = "", **changes: object
) -> ChangeSet:
    return ops.UpdateLink(dependent, prerequisite, changes, comment).apply(store)


def find(store: Store, dependent: str, prerequisite: str) -> Dependency:
    return ops.existing_link(store.snapshot(), dependent, prerequisite)


def unlink(store: Store, dependent: str, prerequisite: str, comment: str = "") -> ChangeSet:
    return ops.Unlink(dependent, prerequisite, comment).apply(store)
