"""Operations on reference data (categories, theme fields, ministries), with effective-dated
renames and merges of ministries. Indicators: operations/indicators.py."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, timedelta

from sa2030_desktop.domain import preconditions as rules
from sa2030_desktop.domain.dates import de_short
from sa2030_desktop.domain.errors import NotFoundError
from sa2030_desktop.domain.model import Category, Ministry, Portfolio, Theme
from sa2030_desktop.persistence.unit_of_work import UnitOfWork
from sa2030_desktop.services.operations.base import Operation

ReferenceObject = Category | Theme | Ministry
SECTIONS = {Category: ("category", "categories"), Theme: ("theme", "themes"),
            Ministry: ("ministry", "ministries")}  # fmt: skip
SECTION_OF = {entity: section for entity, section in SECTIONS.values()}


def _reference_write(entity: str, code: str):
    return [(entity, code, {}, None)]  # reference data is context in a Ressortpaket


@dataclass
class SaveReference(Operation):
    """Create or change a category, theme field or ministry."""

    obj: ReferenceObject
    comment: str = ""
    new: bool = False  # a new record: its code must be free

    @property
    def entity(self) -> str:
        return SECTIONS[type(self.obj)][0]

    def _check(self, portfolio: Portfolio) -> None:
        if self.new:
            section = getattr(portfolio, SECTION_OF[self.entity])
            rules.check_new_key(section, self.entity, self.obj.code)
        rules.check_reference(portfolio, self.entity, self.obj)

    def _writes(self, portfolio: Portfolio):
        return _reference_write(self.entity, self.obj.code)

    def _before_of(self, portfolio: Portfolio) -> ReferenceObject | None:
        return getattr(portfolio, SECTION_OF[self.entity]).get(self.obj.code)

    def _write(self, uow: UnitOfWork, portfolio: Portfolio) -> None:
        uow.save(self.obj)

    def _inverse(self, before: object, comment: str) -> Operation:
        if before is None:
            return DeleteReference(self.entity, self.obj.code, comment)
        return SaveReference(before, comment)  # type: ignore[arg-type]


@dataclass
class DeleteReference(Operation):
    """Delete a category, theme or ministry that nothing refers to (else: still_in_use)."""

    entity: str
    code: str
    comment: str = ""

    def _before_of(self, portfolio: Portfolio) -> ReferenceObject | None:
        return getattr(portfolio, SECTION_OF.get(self.entity, ""), {}).get(self.code)

    def _check(self, portfolio: Portfolio) -> None:
        if self._before_of(portfolio) is None:
            raise NotFoundError(self.entity, self.code)

    def _writes(self, portfolio: Portfolio):
        return _reference_write(self.entity, self.code)

    def _write(self, uow: UnitOfWork, portfolio: Portfolio) -> None:
        uow.delete(self.entity, {"code": self.code})

    def _inverse(self, before: object, comment: str) -> Operation:
        return SaveReference(before, comment)  # type: ignore[arg-type]


@dataclass
class RenameMinistry(Operation):
    """Rename (one old code) or merge (several) ministries from `effective` on.

    The new ministry is valid from `effective`; each old one closes the day before with the new
    one as successor. Goals keep their stored ministry, so every report before `effective`
    still shows the old one, and from `effective` on the successor. Nothing is deleted.
    """

    old_codes: list[str]
    new_code: str
    name: str
    effective: date
    comment: str = ""

    def describe(self) -> str:
        what = "Zusammenlegung" if len(self.old_codes) > 1 else "Umbenennung"
        return self.comment or (
            f"{what} {', '.join(self.old_codes)} → {self.new_code} zum {de_short(self.effective)}"
        )

    def _check(self, portfolio: Portfolio) -> None:
        rules.check_rename_ministry(
            portfolio, self.old_codes, self.new_code, self.name, self.effective
        )

    def _writes(self, portfolio: Portfolio):
        return _reference_write("ministry", ", ".join(self.old_codes))

    def _before_of(self, portfolio: Portfolio) -> tuple[list[Ministry], bool]:
        """The old ministries as they are, and whether the new code is created."""
        return [portfolio.ministries[c] for c in self.old_codes], (
            self.new_code not in portfolio.ministries
        )

    def _write(self, uow: UnitOfWork, portfolio: Portfolio) -> None:
        if self.new_code not in portfolio.ministries:
            colour = portfolio.ministries[self.old_codes[0]].colour
            uow.save(Ministry(self.new_code, self.name, colour, self.effective, None, None))
        for code in self.old_codes:
            closed = dataclasses.replace(
                portfolio.ministries[code],
                valid_until=self.effective - timedelta(days=1),
                successor=self.new_code,
            )
            uow.save(closed)

    def _inverse(self, before: object, comment: str) -> Operation:
        ministries, created = before  # type: ignore[misc]
        return ReopenMinistries(list(ministries), self.new_code if created else "", comment)


@dataclass
class ReopenMinistries(Operation):
    """Undo of a rename or merge: the old ministries as they were, the new one removed."""

    ministries: list[Ministry]
    remove_code: str = ""
    comment: str = ""

    def _writes(self, portfolio: Portfolio):
        return _reference_write("ministry", ", ".join(m.code for m in self.ministries))

    def _write(self, uow: UnitOfWork, portfolio: Portfolio) -> None:
        for ministry in self.ministries:
            uow.save(ministry)
        if self.remove_code:
            uow.delete("ministry", {"code": self.remove_code})
