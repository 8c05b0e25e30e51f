"""Operations on dependencies: link (cycles refused with their path), change, unlink."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from sa2030_desktop.domain import graph as g
from sa2030_desktop.domain import preconditions as rules
from sa2030_desktop.domain.entities import dependency_key
from sa2030_desktop.domain.errors import NotFoundError
from sa2030_desktop.domain.model import Dependency, Portfolio
from sa2030_desktop.persistence.unit_of_work import UnitOfWork
from sa2030_desktop.services.operations.base import Operation, dependency_write


def existing_link(portfolio: Portfolio, dependent: str, prerequisite: str) -> Dependency:
    for dep in portfolio.dependencies:
        if dep.pair == (dependent, prerequisite):
            return dep
    raise NotFoundError("dependency", dependency_key(dependent, prerequisite))


@dataclass
class Link(Operation):
    dependency: Dependency
    comment: str = ""

    default_comment = (
        "Abhängigkeit {dependency.dependent} benötigt {dependency.prerequisite} angelegt"
    )

    def _check(self, portfolio: Portfolio) -> None:
        g.check_new_dependency(portfolio, g.build_graph(portfolio), self.dependency)
        rules.check_dependency(portfolio, self.dependency)

    def _writes(self, portfolio: Portfolio):
        return [dependency_write(*self.dependency.pair)]

    def _write(self, uow: UnitOfWork, portfolio: Portfolio) -> None:
        uow.save(self.dependency)

    def _inverse(self, before: object, comment: str) -> Operation:
        return Unlink(*self.dependency.pair, comment)


@dataclass
class UpdateLink(Operation):
    dependent: str
    prerequisite: str
    changes: dict
    comment: str = ""

    def candidate(self, portfolio: Portfolio) -> Dependency:
        current = existing_link(portfolio, self.dependent, self.prerequisite)
        return dataclasses.replace(current, **self.changes)

    def _check(self, portfolio: Portfolio) -> None:
        rules.check_dependency(portfolio, self.candidate(portfolio))

    def _writes(self, portfolio: Portfolio):
        return [dependency_write(self.dependent, self.prerequisite)]

    def _before_of(self, portfolio: Portfolio) -> Dependency:
        return existing_link(portfolio, self.dependent, self.prerequisite)

    def _write(self, uow: UnitOfWork, portfolio: Portfolio) -> None:
        uow.save(self.candidate(portfolio))

    def _inverse(self, before: object, comment: str) -> Operation:
        changes = {name: getattr(before, name) for name in self.changes}
        return UpdateLink(self.dependent, self.prerequisite, changes, comment)


@dataclass
class Unlink(Operation):
    dependent: str
    prerequisite: str
    comment: str = ""

    default_comment = "Abhängigkeit {dependent} benötigt {prerequisite} entfernt"

    def _check(self, portfolio: Portfolio) -> None:
        existing_link(portfolio, self.dependent, self.prerequisite)

    def _writes(self, portfolio: Portfolio):
        return [dependency_write(self.dependent, self.prerequisite)]

    def _before_of(self, portfolio: Portfolio) -> Dependency:
        return existing_link(portfolio, self.dependent, self.prerequisite)

    def _write(self, uow: UnitOfWork, portfolio: Portfolio) -> None:
        uow.delete("dependency", {"dependent": self.dependent, "prerequisite": self.prerequisite})

    def _inverse(self, before: object, comment: str) -> Operation:
        return Link(before, comment)  # type: ignore[arg-type]


@dataclass
class Unlinks(Operation):
    """Several dependencies removed by one action (Delete on the graph's selection): one
    transaction and one undo step, so a refusal or a failure leaves all of them in place."""

    pairs: list[tuple[str, str]]
    comment: str = ""

    def _parts(self) -> list[Unlink]:
        return [
            Unlink(dependent, prerequisite, self.comment) for dependent, prerequisite in self.pairs
        ]

    def describe(self) -> str:
        return self.comment or f"{len(self.pairs)} Abhängigkeiten entfernt"

    def _check(self, portfolio: Portfolio) -> None:
        for part in self._parts():
            part._check(portfolio)

    def _writes(self, portfolio: Portfolio):
        return [write for part in self._parts() for write in part._writes(portfolio)]

    def _before_of(self, portfolio: Portfolio) -> list[Dependency]:
        return [part._before_of(portfolio) for part in self._parts()]

    def _write(self, uow: UnitOfWork, portfolio: Portfolio) -> None:
        for part in self._parts():
            part._write(uow, portfolio)

    def _inverse(self, before: object, comment: str) -> Operation:
        return Relinks(list(before), comment)  # type: ignore[arg-type]


@dataclass
class Relinks(Operation):
    """The undo of `Unlinks`: the removed dependencies back, in one transaction; each obeys
    Link's rules on the portfolio with the ones before it added (a cycle closed meanwhile)."""

    dependencies: list[Dependency]
    comment: str = ""

    def describe(self) -> str:
        return self.comment or f"{len(self.dependencies)} Abhängigkeiten angelegt"

    def _check(self, portfolio: Portfolio) -> None:
        for dependency in self.dependencies:
            Link(dependency)._check(portfolio)
            portfolio = dataclasses.replace(
                portfolio, dependencies=[*portfolio.dependencies, dependency]
            )

    def _writes(self, portfolio: Portfolio):
        return [dependency_write(*d.pair) for d in self.dependencies]

    def _write(self, uow: UnitOfWork, portfolio: Portfolio) -> None:
        for dependency in self.dependencies:
            uow.save(dependency)

    def _inverse(self, before: object, comment: str) -> Operation:
        return Unlinks([d.pair for d in self.dependencies], comment)
