"""Categories, theme fields and ministries; effective-dated renames and merges of ministries.

Each function applies the operation of its use case (services/operations/reference.py).
"""

from __future__ import annotations

from datetime import date

from sa2030_desktop.domain.model import Category, Ministry, Theme
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.persistence.unit_of_work import ChangeSet
from sa2030_desktop.services import operations as ops


def save_category(store: Store, category: Category, comment: str = "") -> ChangeSet:
    return ops.SaveReference(category, comment).apply(store)


def save_theme(store: Store, theme: Theme, comment: str = "") -> ChangeSet:
    return ops.SaveReference(theme, comment).apply(store)


def save_ministry(store: Store, ministry: Ministry, comment: str = "") -> ChangeSet:
    return ops.SaveReference(ministry, comment).apply(store)


def delete_reference(store: Store, entity: str, code: str, comment: str = "") -> ChangeSet:
    """Delete a category, theme or ministry that nothing refers to (else: still_in_use)."""
    return ops.DeleteReference(entity, code, comment).apply(store)


def rename_ministry(
    store: Store,
    old_codes: list[str],
    new_code: str,
    name: str,
    effective: date,
    comment: str = "",
) -> ChangeSet:
    """Rename (one old code) or merge (several) ministries from `effective` on (see
    operations.RenameMinistry): nothing is deleted, reports before `effective` keep the old."""
    return ops.RenameMinistry(list(old_codes), new_code, name, effective, comment).apply(store)
