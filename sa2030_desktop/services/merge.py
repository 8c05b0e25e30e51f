"""Merging two copies of one portfolio (laptop copies, Ressortpakete): find the common base,
compare per entity and field, let the user decide every conflict, write in one transaction.

Copies share `portfolio_info.lineage`; the base is the snapshot a copy keeps of the state it
was made from (table merge_base, see `merge_state.stamp_base`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sa2030_desktop.domain.errors import DomainError, Issue, ValidationError
from sa2030_desktop.domain.validate import validate
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.persistence.unit_of_work import ChangeSet
from sa2030_desktop.services import merge_engine
from sa2030_desktop.services.merge_cycles import resolve_cycles
from sa2030_desktop.services.merge_engine import Conflict, MergeOutcome, Scope
from sa2030_desktop.services.merge_state import (
    document_of,
    find_base,
    portfolio_from_document,
    save_copy_with_base,
    write_state,
)


@dataclass(slots=True)
class MergeReport:
    other: str
    base_found: bool
    outcome: MergeOutcome
    issues: list[Issue] = field(default_factory=list)  # refused: e.g. a cycle (with its path)
    mine_document: dict | None = None  # the state before, for undo
    changeset: ChangeSet | None = None
    package_of: str | None = None
    theirs_document: dict | None = None  # kept so that a review can decide again
    base_document: dict | None = None
    scope: Scope | None = None
    result: object = None  # the merged Portfolio (validated), written by `apply`
    # a Ressortpaket's submitted reports (services/package_reports.py): what the merge would
    # take over, and the main file's reports from before the write (for undo)
    package_reports: list = field(default_factory=list)
    report_plan: object = None
    reports_before: list = field(default_factory=list)

    @property
    def conflicts(self) -> list[Conflict]:
        return self.outcome.conflicts

    @property
    def undecided(self) -> list[Conflict]:
        return self.outcome.undecided

    @property
    def ready(self) -> bool:
        return not self.outcome.undecided and not self.issues

    def as_dict(self) -> dict:
        return {
            "other": self.other,
            "base_found": self.base_found,
            "package_of": self.package_of,
            "taken": [{"entity": e, "key": k, "field": f} for e, k, f in self.outcome.taken],
            "conflicts": [
                {
                    "entity": c.entity,
                    "key": c.key,
                    "field": c.field,
                    "kind": c.kind,
                    "base": c.base,
                    "mine": c.mine,
                    "theirs": c.theirs,
                    "decided": c not in self.outcome.undecided,
                }
                for c in self.outcome.conflicts
            ],
            "dropped": [{"entity": e, "key": k} for e, k in self.outcome.dropped],
            "issues": [{"code": i.code, "place": i.place, "data": i.data} for i in self.issues],
            "written": bool(self.changeset and not self.changeset.empty),
            "reports_taken": [
                {"round": op.round_key, "goal": op.goal} for op in self.reports_taken
            ],
            "report_notes": [{"code": n.code, **_plain(n.data)} for n in self.report_notes],
        }

    @property
    def reports_taken(self) -> list:
        """The package's reports the merge takes over (SubmitReport operations)."""
        return self.report_plan.taken if self.report_plan else []  # type: ignore[attr-defined]

    @property
    def report_notes(self) -> list:
        """The package's reports it leaves, each with its reason (ReportNote)."""
        return self.report_plan.notes if self.report_plan else []  # type: ignore[attr-defined]


def _plain(data: dict) -> dict:
    return {k: _plain(v) if isinstance(v, dict) else str(v) for k, v in data.items()}


def compare(
    store: Store,
    other: Store,
    decisions: dict | None = None,
    bulk: str | None = None,
    base: dict | None = None,
    scope: Scope | None = None,
    use_stored_base: bool = True,
) -> MergeReport:
    """The merge of `other` into `store` as it would be; writes nothing."""
    mine_p, theirs_p = store.snapshot(), other.snapshot()
    if mine_p.info.lineage != theirs_p.info.lineage or not mine_p.info.lineage:
        raise DomainError("merge_foreign", path=str(other.path))
    if base is None and use_stored_base:
        base = find_base(store, other)
    return compare_documents(
        store, document_of(theirs_p), other.path.name, base, decisions, bulk, scope
    )


def compare_documents(
    store: Store,
    theirs: dict,
    other_name: str,
    base: dict | None = None,
    decisions: dict | None = None,
    bulk: str | None = None,
    scope: Scope | None = None,
) -> MergeReport:
    """Merge an exchange document into the open portfolio (also: a state held in memory when
    the file changed on disk); base None compares two-way."""
    mine_p = store.snapshot()
    mine_doc = document_of(mine_p)
    outcome = merge_engine.three_way(base, mine_doc, theirs, decisions, bulk, scope)
    report = MergeReport(
        other_name,
        base is not None,
        outcome,
        mine_document=mine_doc,
        theirs_document=theirs,
        base_document=base,
        scope=scope,
    )

    def check() -> list[Issue]:
        report.result = portfolio_from_document(outcome.document(), mine_p.info)
        return [i for i in validate(report.result) if i.code != "actual_in_future"]

    report.issues = resolve_cycles(outcome, base, mine_doc, theirs, decisions, bulk, check, scope)
    return report


def redecide(
    store: Store, report: MergeReport, decisions: dict, bulk: str | None = None
) -> MergeReport:
    """The same comparison with (new) decisions – the review dialog calls it after each one."""
    again = compare_documents(
        store,
        report.theirs_document,
        report.other,
        report.base_document,
        decisions,
        bulk,
        report.scope,
    )
    again.package_of = report.package_of
    again.package_reports = report.package_reports
    plan_reports(store, again)
    return again


def plan_reports(store: Store, report: MergeReport) -> None:
    """Which of a Ressortpaket's reports the merge would take over (the preview's figure)."""
    from sa2030_desktop.services import package_reports

    if not report.package_of or report.issues:
        report.report_plan = None
        return
    merged = report.result or portfolio_from_document(
        report.outcome.document(), store.snapshot().info
    )
    kept = package_reports.goals_kept_mine(report.outcome)
    report.report_plan = package_reports.plan(
        store, report.package_of, report.package_reports, merged, kept
    )


def apply(store: Store, report: MergeReport, comment: str = "") -> ChangeSet:
    """Write a decided merge in one transaction, logged as a merge. Refuses while a conflict
    is undecided or the result is invalid (e.g. a cycle, named as its path)."""
    check_ready(store, report)
    report.changeset = write_merged(store, report, comment or f"Zusammenführung mit {report.other}")
    return report.changeset


def write_merged(store: Store, report: MergeReport, comment: str) -> ChangeSet:
    """Write the merged state; a Ressortpaket's reports go into the same transaction, each
    checked again on the merge result (the main file's reports may have moved since the
    comparison) — the main file's reports from before are kept for the undo."""
    from sa2030_desktop.services import package_reports

    merged = report.result or portfolio_from_document(
        report.outcome.document(), store.snapshot().info
    )
    if not report.package_of:
        return write_state(store, merged, comment)
    report.result = merged
    plan_reports(store, report)
    taken = list(report.reports_taken)
    report.reports_before = report.report_plan.before()  # type: ignore[attr-defined]
    return write_state(
        store, merged, comment, also=lambda uow: package_reports.write(uow, taken, merged)
    )


def check_ready(store: Store, report: MergeReport) -> None:
    """The rules of writing a merge: no invalid result, no undecided conflict, not stale."""
    if report.issues:
        raise ValidationError(report.issues, f"der Zusammenführung mit {report.other}")
    if report.undecided:
        raise DomainError("merge_undecided", count=len(report.undecided))
    check_fresh(store, report)


def check_fresh(store: Store, report: MergeReport) -> None:
    """Refuse a comparison the file has moved on from: writing it would undo those changes."""
    if document_of(store.snapshot()) != report.mine_document:
        raise DomainError("merge_stale", path=str(store.path))


def undo(store: Store, report: MergeReport, comment: str = "") -> ChangeSet:
    """Put the state from before the merge back (the inverse of `apply`)."""
    from sa2030_desktop.services import package_reports

    before = portfolio_from_document(report.mine_document, store.snapshot().info)
    reports = list(report.reports_before)
    return write_state(
        store,
        before,
        comment or f"Zusammenführung mit {report.other} rückgängig",
        also=lambda uow: package_reports.write_back(uow, reports),
    )


def check_decisions(report: MergeReport, decisions: dict | None) -> None:
    """Refuse a decision that names no conflict of this merge (a typo must not be ignored
    silently): unknown entity, unknown field, or no such conflict."""
    conflicts = {c.ident for c in report.conflicts}
    records = [merge_engine.index(d) for d in (report.mine_document, report.theirs_document)]
    open_ = ", ".join(f"{e}:{k}:{f}" for e, k, f in sorted(conflicts)) or "nichts"
    for entity, key, name in decisions or {}:
        take = f"{entity}:{key}:{name}"
        if entity not in merge_engine.KEY_FIELDS:
            known = ", ".join(merge_engine.KEY_FIELDS)
            raise DomainError("merge_take_unknown_entity", take=take, entity=entity, known=known)
        if name == "*" and any(c[:2] == (entity, key) for c in conflicts):
            continue
        if (entity, key, name) in conflicts:
            continue
        fields = {f for idx in records for rec in idx[entity].values() for f in rec}
        if name != "*" and fields and name not in fields:
            raise DomainError(
                "merge_take_unknown_field",
                take=take,
                entity=entity,
                key=key,
                field=name,
                open=open_,
            )
        raise DomainError("merge_take_no_conflict", take=take, open=open_)


def merge_files(
    path: Path | str,
    other_path: Path | str,
    decisions: dict | None = None,
    bulk: str | None = None,
    dry_run: bool = False,
) -> MergeReport:
    """`sa2030 merge FILE OTHER`: a Ressortpaket is imported, another copy merged. Writes
    only when every conflict is decided and the result is valid. `path` may be the team
    server (`sa2030 checkin SERVER FILE`): the copy is merged onto the server."""
    from sa2030_desktop.services import package
    from sa2030_desktop.services.portfolio import open_portfolio

    if Path(path).resolve() == Path(other_path).resolve():
        raise DomainError("merge_same_file")
    other = Store.open(Path(other_path), readonly=True)
    try:
        store = open_portfolio(path, readonly=dry_run)
        try:
            if package.package_ministry(other):
                report = package.compare_package(store, other, decisions, bulk)
            else:
                report = compare(store, other, decisions, bulk)
            check_decisions(report, decisions)
            if not dry_run and report.ready:
                apply(store, report)
        finally:
            store.close()
    finally:
        other.close()
    return report


__all__ = ["MergeReport", "compare", "apply", "undo", "merge_files", "save_copy_with_base"]
