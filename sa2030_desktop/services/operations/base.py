"""An operation is one use case that changes data: `check` (every rule, nothing written),
`apply` (check + write in one transaction, returns the ChangeSet) and, where undo needs it,
`inverse` (built from the before-state captured when the operation was applied).

Every path — dialog, table edit, timeline drag, undo/redo, CLI, import, what-if — builds an
operation and applies it, so a rule (domain/preconditions.py) is reached the same way from all.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from sa2030_desktop.domain.entities import dependency_key
from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.model import Portfolio
from sa2030_desktop.domain.preconditions import check_package_write
from sa2030_desktop.persistence.package_guard import read_package
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.persistence.unit_of_work import ChangeSet, UnitOfWork

# A planned write for the Ressortpaket rule: (entity, key, new values, old values or None).
Write = tuple[str, str, dict, "dict | None"]


class Operation:
    """Base of every operation. Subclasses implement `_check`, `_writes`, `_write`."""

    comment: str = ""
    # The change-log comment when the caller gives none, filled from the operation's fields.
    default_comment: str = ""
    before: object = None  # what the inverse needs, captured by `apply` (`_before_of`)

    def check(self, store: Store) -> None:
        """Raise the typed DomainError of the first rule the operation breaks; write nothing."""
        portfolio = store.snapshot()
        info = read_package(store.engine)
        if info:  # scope first: a context record is refused as such, whatever else is wrong
            check_scope(portfolio, info[0], self._writes(portfolio))
        self._check(portfolio)

    def apply(self, store: Store) -> ChangeSet:
        """Check, then write in one transaction. The before-state is kept for `inverse`."""
        self.check(store)
        portfolio = store.snapshot()
        self._capture(portfolio)
        with store.transaction(self.describe()) as uow:
            self._write(uow, portfolio)
        return uow.changes

    def inverse(self, comment: str = "") -> Operation:
        """The operation that undoes this one (after `apply`)."""
        return self._inverse(self.before, comment)

    def check_against(self, portfolio: Portfolio) -> None:
        """The rules on a given snapshot (e.g. a what-if copy), without the file's package."""
        self._check(portfolio)

    def undo_note(self) -> str:
        """What the undo's change-log comment names ("" = the undo text)."""
        return ""

    def describe(self) -> str:
        """The change-log comment (the caller's comment, else `default_comment` filled in)."""
        values = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}  # type: ignore[arg-type]
        return self.comment or self.default_comment.format(**values)

    # -- for subclasses -----------------------------------------------------------------------
    def _check(self, portfolio: Portfolio) -> None:
        """Every rule of the use case, on the current snapshot."""

    def _writes(self, portfolio: Portfolio) -> Iterable[Write]:
        """The records the operation will write (for the Ressortpaket scope)."""
        return ()

    def _capture(self, portfolio: Portfolio) -> None:
        self.before = self._before_of(portfolio)

    def _before_of(self, portfolio: Portfolio) -> object:
        """What `inverse` needs from the state before the write."""
        return None

    def _inverse(self, before: object, comment: str) -> Operation:
        raise NotImplementedError(type(self).__name__)

    def _write(self, uow: UnitOfWork, portfolio: Portfolio) -> None:
        raise NotImplementedError(type(self).__name__)


def check_scope(portfolio: Portfolio, ministry: str, writes: Iterable[Write]) -> None:
    """The Ressortpaket rule for every planned write (the same rule persistence applies)."""

    def lead_of(key: object) -> str | None:
        goal = portfolio.goals.get(str(key))
        return goal.lead if goal else None

    for entity, key, values, old in writes:
        check_package_write(ministry, lead_of, entity, key, values, old)


def record(obj: object) -> dict:
    """A record's fields as a dict (for the scope rule)."""
    return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}  # type: ignore[arg-type]


def child_write(entity: str, key: str, goal: str) -> Write:
    """A milestone or indicator of `goal` (changed or removed)."""
    return (entity, key, {"goal": goal}, {"goal": goal})


def dependency_write(dependent: str, prerequisite: str) -> Write:
    return ("dependency", dependency_key(dependent, prerequisite), {"dependent": dependent}, None)


def goal_write(portfolio: Portfolio, key: str, values: dict | None = None) -> Write:
    old = portfolio.goals.get(key)
    return ("goal", key, values or {}, record(old) if old else None)


def without_duplicates(writes: Iterable[Write]) -> Iterator[Write]:
    seen = set()
    for write in writes:
        if (write[0], write[1]) not in seen:
            seen.add((write[0], write[1]))
            yield write


class CreateRecord(Operation):
    """Create one record (a goal or a milestone); undo deletes it again."""

    def created(self) -> Any:
        raise NotImplementedError(type(self).__name__)

    def _write(self, uow: UnitOfWork, portfolio: Portfolio) -> None:
        uow.save(self.created())

    def _inverse(self, before: object, comment: str) -> Operation:
        return self.deletion(self.created().key, comment)

    def deletion(self, key: str, comment: str) -> Operation:
        raise NotImplementedError(type(self).__name__)


class UpdateFields(Operation):
    """Change some fields of one record (a goal or a milestone); undo sets them back."""

    key: str
    changes: dict
    entity: ClassVar[str] = ""
    editable: ClassVar[set[str]] = set()

    def refuse_unknown_fields(self) -> None:
        unknown = set(self.changes) - self.editable
        if unknown:
            raise DomainError(
                "unknown_field", entity=self.entity, key=self.key, field=",".join(sorted(unknown))
            )

    def _before_of(self, portfolio: Portfolio) -> dict:
        current = self.candidate(portfolio)[0]
        return {name: copied(getattr(current, name)) for name in self.changes}

    def _inverse(self, before: object, comment: str) -> Operation:
        return type(self)(self.key, dict(before), comment)  # type: ignore[call-arg, arg-type]

    def _write(self, uow: UnitOfWork, portfolio: Portfolio) -> None:
        uow.save(self.candidate(portfolio)[1])

    def candidate(self, portfolio: Portfolio) -> tuple:
        """(the record now, the record with the changes)."""
        raise NotImplementedError(type(self).__name__)


def copied(value: object) -> object:
    return list(value) if isinstance(value, list) else value
