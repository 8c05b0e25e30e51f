"""Categories, theme fields and ministries; effective-dated renames and merges of ministries."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

from sa2030_desktop.domain.errors import DomainError, NotFoundError
from sa2030_desktop.domain.model import Category, Ministry, Theme
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.persistence.unit_of_work import ChangeSet
from sa2030_desktop.services.goals import _check_text


def save_category(store: Store, category: Category, comment: str = "") -> ChangeSet:
    if not category.code.strip() or not category.name.strip():
        raise DomainError("empty_title", entity="category", key=category.code)
    _check_text("category", category.code, name=category.name)
    with store.transaction(comment) as uow:
        uow.save(category)
    return uow.changes


def save_theme(store: Store, theme: Theme, comment: str = "") -> ChangeSet:
    if not theme.code.strip() or not theme.name.strip():
        raise DomainError("empty_title", entity="theme", key=theme.code)
    if theme.category not in store.snapshot().categories:
        raise DomainError("unknown_category", key=theme.code, value=theme.category)
    _check_text("theme", theme.code, name=theme.name)
    with store.transaction(comment) as uow:
        uow.save(theme)
    return uow.changes


def save_ministry(store: Store, ministry: Ministry, comment: str = "") -> ChangeSet:
    if not ministry.code.strip() or not ministry.name.strip():
        raise DomainError("empty_title", entity="ministry", key=ministry.code)
    if ministry.successor and ministry.successor not in store.snapshot().ministries:
        raise DomainError("unknown_ministry", key=ministry.code, value=ministry.successor)
    _check_text("ministry", ministry.code, name=ministry.name)
    with store.transaction(comment) as uow:
        uow.save(ministry)
    return uow.changes


def delete_reference(store: Store, entity: str, code: str, comment: str = "") -> ChangeSet:
    """Delete a category, theme or ministry that nothing refers to (else: still_in_use)."""
    with store.transaction(comment) as uow:
        if not uow.delete(entity, {"code": code}):
            raise NotFoundError(entity, code)
    return uow.changes


def rename_ministry(
    store: Store,
    old_codes: list[str],
    new_code: str,
    name: str,
    effective: date,
    comment: str = "",
) -> ChangeSet:
    """Rename (one old code) or merge (several) ministries from `effective` on.

    The new ministry is valid from `effective`; each old one closes the day before with the new
    one as successor. Goals keep their stored ministry, so every report before `effective`
    still shows the old one, and from `effective` on the successor. Nothing is deleted.
    """
    portfolio = store.snapshot()
    if not old_codes:
        raise DomainError("usage", detail="old")
    for code in old_codes:
        ministry = portfolio.ministries.get(code)
        if ministry is None:
            raise NotFoundError("ministry", code)
        if ministry.valid_until is not None and ministry.valid_until < effective:
            raise DomainError("ministry_closed", key=code, value=ministry.valid_until.isoformat())
        if ministry.valid_from and ministry.valid_from >= effective:
            raise DomainError("effective_before_start", key=code, value=ministry.valid_from.isoformat())
    if new_code in old_codes:
        raise DomainError("rename_same_code", key=new_code)
    if not name.strip():
        raise DomainError("empty_title", entity="ministry", key=new_code)
    existing = portfolio.ministries.get(new_code)
    if existing is not None and (existing.valid_from or date.min) > effective:
        raise DomainError("duplicate_key", entity="ministry", key=new_code)
    colour = portfolio.ministries[old_codes[0]].colour
    what = "Zusammenlegung" if len(old_codes) > 1 else "Umbenennung"
    with store.transaction(
        comment or f"{what} {', '.join(old_codes)} → {new_code} zum {effective.isoformat()}"
    ) as uow:
        if existing is None:
            uow.save(Ministry(new_code, name, colour, effective, None, None))
        for code in old_codes:
            uow.save(
                dataclasses.replace(
                    portfolio.ministries[code],
                    valid_until=effective - timedelta(days=1),
                    successor=new_code,
                )
            )
    return uow.changes
