"""Operations that write many records at once: an import and a merge. Their inverse writes the
state from before back (write_state), so undo and redo reach the file like every other edit."""

from __future__ import annotations

from dataclasses import dataclass

from sa2030_desktop.domain.model import Portfolio
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.persistence.unit_of_work import ChangeSet
from sa2030_desktop.services.operations.base import Operation


@dataclass
class WriteState(Operation):
    """Make the file equal to a whole portfolio state (every change logged under the comment)."""

    target: Portfolio
    comment: str = ""

    def apply(self, store: Store) -> ChangeSet:
        from sa2030_desktop.services.merge_state import write_state

        self.before = store.snapshot()
        return write_state(store, self.target, self.describe())

    def _inverse(self, before: object, comment: str) -> Operation:
        return WriteState(before, comment)  # type: ignore[arg-type]


@dataclass
class ImportBundle(Operation):
    """An import: everything validated first, then written in one transaction — or nothing.
    Its rules are the import's (domain.validate plus the forecast rule for changed forecasts).
    `before` is the state before the import (set by the caller when a worker wrote it)."""

    bundle: object  # services.bundle.Bundle
    comment: str = ""

    def check(self, store: Store) -> None:
        from sa2030_desktop.services.importing import preview_bundle

        preview_bundle(store, self.bundle)  # raises ValidationError with every issue

    def apply(self, store: Store) -> ChangeSet:
        from sa2030_desktop.services.importing import apply_bundle

        self.before = store.snapshot()
        self.preview = apply_bundle(store, self.bundle, self.comment)
        return self.preview.changeset

    def _inverse(self, before: object, comment: str) -> Operation:
        return WriteState(before, comment)  # type: ignore[arg-type]

    def undo_note(self) -> str:
        return f"Import aus {self.bundle.source}"  # type: ignore[attr-defined]


@dataclass
class ApplyMerge(Operation):
    """A decided merge (or a Ressortpaket read back): refused while a conflict is undecided,
    the result is invalid or the file moved on since the comparison. Redo writes the merged
    state again; undo puts the state from before the merge back."""

    report: object  # services.merge.MergeReport
    comment: str = ""
    applied: bool = False  # the first write already ran (merge.apply, e.g. in a worker)

    def check(self, store: Store) -> None:
        from sa2030_desktop.services import merge

        if not self.applied:
            merge.check_ready(store, self.report)

    def apply(self, store: Store) -> ChangeSet:
        from sa2030_desktop.services import merge

        if not self.applied:
            self.applied = True
            return merge.apply(store, self.report, self.comment)
        return merge.write_merged(store, self.report, self.undo_note())  # type: ignore[arg-type]

    def _inverse(self, before: object, comment: str) -> Operation:
        return UndoMerge(self.report, comment)

    def undo_note(self) -> str:
        return f"Zusammenführung mit {self.report.other}"  # type: ignore[attr-defined]


@dataclass
class UndoMerge(Operation):
    report: object  # services.merge.MergeReport
    comment: str = ""

    def apply(self, store: Store) -> ChangeSet:
        from sa2030_desktop.services import merge

        return merge.undo(store, self.report, self.comment)
