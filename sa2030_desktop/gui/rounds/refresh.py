"""Refreshing the „Berichtsrunden“ view after an action that changed a few reports of the shown
round (submit, review, their undo): only those are read again, the counts are made from memory."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sa2030_desktop.services import reporting

if TYPE_CHECKING:
    from sa2030_desktop.gui.rounds.page import RoundsPage

# Up to this many changed reports are re-read one by one; more (a Meldebogen of a big ministry)
# rebuild the view from two reads.
INCREMENTAL_LIMIT = 50


def update_reports(page: RoundsPage, changes) -> bool:
    """An action changed a few reports of the shown round (submit, review, their undo):
    re-read only those and recount from memory — 10,000 reports are not read again. False
    when the change needs the whole rebuild (rounds, added or removed records, many)."""
    status = page.status
    if changes.full_reload or changes.added or changes.removed or status is None:
        return False
    key, goals, edited = status.round.key, [], []
    for entity, ident in changes.updated:
        if entity == "report":
            goal, _, round_key = ident.rpartition("@")
            if round_key != key:
                return False
            goals.append(goal)
        elif entity == "round":
            return False
        elif entity == "goal":
            edited.append(ident)
    if len(goals) > INCREMENTAL_LIMIT:
        return False
    snapshot = page.bridge.snapshot()
    page.titles.update({g: snapshot.goals[g].title for g in edited if g in snapshot.goals})
    rows = {r.goal: n for n, r in enumerate(page.reports)}
    fresh = reporting.reports_of(page.bridge.store, key, goals)
    if any(r.goal not in rows for r in fresh):
        return False
    for report in fresh:
        page.reports[rows[report.goal]] = report
        page.report_model.replace(rows[report.goal], report)
    page.by_round[key] = list(page.reports)
    page.status = reporting.status_from(page.bridge.store, status.round, page.reports, page.day())
    at = next(n for n, s in enumerate(page.round_model.items) if s.round.key == key)
    page.round_model.replace(at, page.status)
    page.rounds = list(page.round_model.items)
    page.show_matrix(page.status)
    page.review.set_reports(page.reports, page.titles, key)
    page.filter_reports()
    page.show_pair_of_current()
    page._stale = False
    return True
