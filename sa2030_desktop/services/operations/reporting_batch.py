"""Several reports of one round submitted as one user action (a collected Meldebogen): each is
the SubmitReport of services/operations/reporting.py — same rules, same writes — but all are
checked first and written in one transaction, logged with the round's key; undo writes every
record back as it was."""

from __future__ import annotations

from dataclasses import dataclass, field

from sa2030_desktop.domain.model import Portfolio
from sa2030_desktop.persistence.package_guard import read_package
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.persistence.unit_of_work import UnitOfWork
from sa2030_desktop.services.operations.base import Operation, check_scope
from sa2030_desktop.services.operations.reporting import RoundOperation, SubmitReport, WriteBack


@dataclass
class SubmitReports(RoundOperation):
    """Submit `submissions` (SubmitReport of this round, one per goal) together."""

    round_key: str
    submissions: list[SubmitReport] = field(default_factory=list)
    comment: str = ""
    # The snapshot the caller already checked every submission against (read_form names each
    # refusal by its cell); while the store still holds that very snapshot nothing was written
    # since, so `apply` does not check the same again. Redo after undo checks in full.
    prechecked: object = None
    default_comment = "{round_key}"

    def check(self, store: Store) -> None:
        portfolio = store.snapshot()
        if self.prechecked is not None and portfolio is self.prechecked and self.book:
            info = read_package(store.engine)
            if info:
                check_scope(portfolio, info[0], self._writes(portfolio))
            return
        self.prechecked = None
        super().check(store)

    def _bind(self) -> list[SubmitReport]:
        for op in self.submissions:
            op.book = self.book
        return self.submissions

    def _check(self, portfolio: Portfolio) -> None:
        for op in self._bind():
            op.check_against(portfolio)

    def _writes(self, portfolio: Portfolio):
        for op in self.submissions:
            yield from op._writes(portfolio)

    def _before_of(self, portfolio: Portfolio) -> object:
        before: list = []
        for op in self._bind():
            before += op._before_of(portfolio)  # type: ignore[operator]
        return before

    def _write(self, uow: UnitOfWork, portfolio: Portfolio) -> None:
        for op in self._bind():
            op._write(uow, portfolio)

    def _inverse(self, before: object, comment: str) -> Operation:
        self.prechecked = None  # a redo after the undo checks in full
        return WriteBack(self.round_key, list(before), comment=comment)  # type: ignore[arg-type]
