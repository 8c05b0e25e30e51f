"""Ressortpaket: the part of the portfolio one ministry owns or is involved in, as a portfolio
file of its own. In the package only the ministry's own goals (lead) with their milestones,
indicators and the dependencies they declare are editable; the rest is read-only context
(enforced for every write by persistence.package_guard). Importing the package back applies
only that ministry's changes, three-way against the state the package was made from."""

from __future__ import annotations

from pathlib import Path

from sa2030_desktop.domain import graph as g
from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.selection import Selection
from sa2030_desktop.persistence.copies import cut_to_package
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.services.portfolio import default_as_of


def package_ministry(store: Store) -> str | None:
    """The ministry whose package the open file is, or None for an ordinary portfolio."""
    info = store.package()
    return info[0] if info else None


def package_goals(store: Store, ministry: str) -> tuple[list[str], list[str]]:
    """(own and involved goal keys, context keys: their direct neighbours in the graph)."""
    portfolio = store.snapshot()
    if ministry not in portfolio.ministries:
        raise DomainError("unknown_ministry", value=ministry)
    day = default_as_of(portfolio)
    involved = Selection(ministry=ministry, involved=True).apply(portfolio, day)
    own = set(involved) | {k for k, goal in portfolio.goals.items() if goal.lead == ministry}
    graph = g.build_graph(portfolio)
    context = set()
    for key in own:
        context |= set(graph.predecessors(key)) | set(graph.successors(key))
    return sorted(own), sorted(context - own)


def export_package(store: Store, ministry: str, target: Path) -> Path:
    """Write the package file for `ministry` (refused inside a package)."""
    # merge_state (JSON, copies) is imported here: the window asks package_ministry at start
    from sa2030_desktop.services.merge_state import now, refuse_server_copy, save_copy_with_base

    refuse_server_copy(store)
    if package_ministry(store):
        raise DomainError("package_is_package")
    keep, context = package_goals(store, ministry)
    keys = keep + context
    lineage = store.snapshot().info.lineage
    origin = store.path.name

    def cut(conn) -> None:
        cut_to_package(conn, keys, ministry, lineage, origin, now())

    return save_copy_with_base(store, Path(target), kind="package", prepare=cut)


def package_scope(ministry: str, goals_of_base: dict, goals_of_theirs: dict):
    """Which records of the package count: the ministry's own goals and what hangs on them."""
    own = {k for k, r in {**goals_of_base, **goals_of_theirs}.items() if r.get("lead") == ministry}

    def scope(entity: str, rec: dict) -> bool:
        if entity == "goal":
            return rec.get("key") in own
        if entity in ("milestone", "indicator"):
            return rec.get("goal") in own
        if entity == "dependency":
            return rec.get("dependent") in own
        return False  # reference data and portfolio info are context

    return scope


def compare_package(store: Store, package: Store, decisions=None, bulk=None):
    """The import of a package as a MergeReport (nothing written)."""
    from sa2030_desktop.services import merge, merge_engine
    from sa2030_desktop.services.merge_state import base_rows

    info = package.package()
    if info is None:
        raise DomainError("not_a_package", path=str(package.path))
    ministry, origin_lineage = info
    if origin_lineage != store.snapshot().info.lineage:
        raise DomainError("package_foreign", path=str(package.path))
    rows = base_rows(package, origin_lineage)
    import json

    base = json.loads(rows[0][2]) if rows else None
    theirs_goals = merge_engine.index(merge.document_of(package.snapshot()))["goal"]
    base_goals = merge_engine.index(base)["goal"] if base else {}
    scope = package_scope(ministry, base_goals, theirs_goals)
    report = merge.compare(
        store, package, decisions, bulk, base=base, scope=scope, use_stored_base=False
    )
    from sa2030_desktop.services import package_reports

    report.package_of = ministry
    report.package_reports = package_reports.submitted_reports(package)
    merge.plan_reports(store, report)
    return report


def editable_goal(store: Store, key: str) -> bool:
    """Whether the goal may be edited in the open file (always, unless it is context in a
    Ressortpaket). Views ask before they offer an edit."""
    try:
        check_editable(store, key)
    except DomainError:
        return False
    return True


def check_editable(store: Store, key: str) -> None:
    """Raise package_readonly for a context goal of a Ressortpaket: the scope rule of
    domain.preconditions, as every operation and every write applies it."""
    from sa2030_desktop.services.operations.base import check_scope, goal_write

    ministry = package_ministry(store)
    if ministry:
        portfolio = store.snapshot()
        check_scope(portfolio, ministry, [goal_write(portfolio, key)])
