"""The goal table after an edit: only the touched rows change, and the result is exactly what a
full rebuild from the new snapshot shows (rows, order, filter, current goal)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from sa2030_desktop.domain.model import Goal, Status
from sa2030_desktop.domain.rules import goal_slip_days, next_milestone
from sa2030_desktop.domain.selection import Selection
from sa2030_desktop.gui.store_bridge import StoreBridge
from sa2030_desktop.gui.table.filter_proxy import GoalFilterProxy
from sa2030_desktop.gui.table.goal_rows import build_rows
from sa2030_desktop.gui.table.goal_table_model import KEY_ROLE, Column, GoalTableModel
from sa2030_desktop.gui.table.goal_table_page import GoalTablePage
from sa2030_desktop.services import goals as goal_service
from sa2030_desktop.services.dependencies import unlink
from sa2030_desktop.services.reference import save_ministry

FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal
ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, KEY_ROLE)


class Signals:
    """What the page's model announced since the last `clear()`."""

    def __init__(self, model: GoalTableModel) -> None:
        self.model = model
        self.clear()
        model.modelAboutToBeReset.connect(lambda: self.events.append(("reset",)))
        model.dataChanged.connect(
            lambda a, b, _roles=(): self.events.append(("data", a.row(), b.row(), a.data(KEY_ROLE)))
        )
        model.rowsInserted.connect(lambda _p, a, b: self.events.append(("insert", a, b)))
        model.rowsRemoved.connect(lambda _p, a, b: self.events.append(("remove", a, b)))
        model.layoutChanged.connect(lambda *_: self.events.append(("layout",)))

    def clear(self) -> None:
        self.events: list[tuple] = []

    def kinds(self) -> list[str]:
        return [e[0] for e in self.events]


@pytest.fixture
def page(qtbot, demo_store):
    bridge = StoreBridge(demo_store)
    widget = GoalTablePage(bridge)
    qtbot.addWidget(widget)
    widget.resize(1400, 700)
    widget.show()
    widget.testers = [
        QAbstractItemModelTester(widget.model, FATAL),
        QAbstractItemModelTester(widget.proxy, FATAL),
    ]
    widget.signals = Signals(widget.model)
    yield widget
    widget.close()


def assert_like_a_full_rebuild(page: GoalTablePage) -> None:
    """Every row, its order and the filtered view equal a model freshly built from the store."""
    fresh = GoalTableModel()
    fresh.sort(page.model.sort_column, page.model.sort_order)
    fresh_proxy = GoalFilterProxy(fresh)
    fresh.rebuild(page.bridge.snapshot(), page.bridge.as_of)
    fresh_proxy.set_selection(page.proxy.selection)
    assert page.model.rows == fresh.rows
    assert page.model.rows == sorted(page.model.rows, key=lambda r: fresh.row_of(r.key))
    assert page.proxy.visible_keys() == fresh_proxy.visible_keys()
    for r in range(fresh_proxy.rowCount()):
        for c in Column:
            for role in ROLES:
                assert page.proxy.index(r, c).data(role) == fresh_proxy.index(r, c).data(role)
    for row, key in enumerate(r.key for r in page.model.rows):
        assert page.model.row_of(key) == row


def _open_milestone(portfolio, goal_key):
    ms = next_milestone(portfolio, goal_key)
    assert ms is not None and ms.forecast is not None and ms.baseline is not None
    return ms


def test_one_forecast_edit_updates_exactly_that_row(page):
    store = page.bridge.store
    portfolio = store.snapshot()
    page.proxy.sort(Column.SLIP, Qt.SortOrder.DescendingOrder)
    assert page.select_goal("Z12")
    ms = _open_milestone(portfolio, "Z21")
    before = {r.key: r for r in page.model.rows}
    row_before = page.model.row_of("Z21")
    slip_before = goal_slip_days(portfolio, "Z21")
    page.signals.clear()

    new_forecast = ms.baseline + timedelta(days=400)
    goal_service.set_forecasts(store, {ms.key: new_forecast}, "Verzug durch Vergabe")

    # one dataChanged for the one row, then that row moves to the top (sorted by slip)
    data = [e for e in page.signals.events if e[0] == "data"]
    assert data == [("data", row_before, row_before, "Z21")]
    assert page.signals.kinds() == ["data", "layout"]
    after = {r.key: r for r in page.model.rows}
    assert [k for k in after if after[k] is not before[k]] == ["Z21"]
    assert goal_slip_days(store.snapshot(), "Z21") == 400 > slip_before
    assert page.proxy.index(0, Column.KEY).data() == "Z21"
    assert page.proxy.index(0, Column.SLIP).data() == "400"
    assert page.current_goal() == "Z12"  # the selection stays on its goal
    assert_like_a_full_rebuild(page)

    # an edit that keeps the row's place: dataChanged only, no relayout
    page.signals.clear()
    goal_service.set_forecasts(store, {ms.key: ms.baseline + timedelta(days=401)}, "noch später")
    assert page.signals.kinds() == ["data"]
    assert page.proxy.index(0, Column.SLIP).data() == "401"
    assert_like_a_full_rebuild(page)


def test_filter_follows_edited_rows(page):
    store = page.bridge.store
    page.set_selection(Selection(status=Status.AT_RISK))
    counts = []
    page.proxy.counts_changed.connect(lambda shown, total: counts.append((shown, total)))
    shown = page.proxy.visible_keys()
    assert shown and "Z12" not in shown
    goal_service.update_goal(store, "Z12", status=Status.AT_RISK, status_reason="Vergabe offen")
    assert "Z12" in page.proxy.visible_keys()
    assert counts[-1] == (len(shown) + 1, 50)
    goal_service.update_goal(store, shown[0], status=Status.ON_TRACK, status_reason="gelöst")
    assert shown[0] not in page.proxy.visible_keys()
    assert counts[-1] == (len(shown), 50)
    assert "reset" not in page.signals.kinds()
    assert_like_a_full_rebuild(page)


def test_new_deleted_and_restored_goals_are_inserted_and_removed_in_place(page):
    store = page.bridge.store
    page.proxy.sort(Column.TITLE, Qt.SortOrder.AscendingOrder)
    page.set_selection(Selection(ministry="MID", involved=True))
    assert page.select_goal("Z03", clear_filter=False)
    page.signals.clear()

    goal_service.create_goal(store, Goal("Z51", "Aaa zuerst", "TF01", "MID"))
    assert page.signals.kinds() == ["insert"]
    assert page.proxy.visible_keys()[0] == "Z51"
    assert_like_a_full_rebuild(page)

    portfolio = store.snapshot()
    victim = "Z13"
    saved = (
        portfolio.goals[victim],
        list(portfolio.milestones_of(victim)),
        [d for d in portfolio.dependencies if victim in d.pair],
        [i for i in portfolio.indicators if i.goal == victim],
    )
    page.signals.clear()
    goal_service.delete_goal(store, victim)
    assert page.signals.kinds() == ["remove"]
    assert page.model.row_of(victim) == -1
    assert_like_a_full_rebuild(page)

    goal_service.restore_goal(store, *saved)
    assert page.signals.kinds() == ["remove", "insert"]
    assert page.model.rows[page.model.row_of(victim)].next_date is not None
    assert page.current_goal() == "Z03"
    assert_like_a_full_rebuild(page)


def test_milestone_removal_and_dependency_edits(page):
    store = page.bridge.store
    portfolio = store.snapshot()
    ms = _open_milestone(portfolio, "Z05")
    page.signals.clear()
    goal_service.delete_milestone(store, ms.key)
    assert page.signals.kinds() == ["data"]
    assert page.signals.events[0][3] == "Z05"
    assert_like_a_full_rebuild(page)

    dep = portfolio.dependencies[0]
    page.signals.clear()
    unlink(store, dep.dependent, dep.prerequisite)
    assert page.signals.kinds() == []  # no column shows dependencies
    assert_like_a_full_rebuild(page)


def test_reference_data_or_reload_rebuild_everything(page):
    store = page.bridge.store
    ministry = next(iter(store.snapshot().ministries.values()))
    page.signals.clear()
    save_ministry(store, ministry.__class__(**{**_fields(ministry), "name": "Neu benannt"}))
    assert page.signals.kinds()[0] == "reset"
    page.signals.clear()
    page.bridge.reload()
    assert page.signals.kinds()[0] == "reset"
    assert_like_a_full_rebuild(page)


def _fields(obj) -> dict:
    return {name: getattr(obj, name) for name in obj.__slots__}


def test_rows_equal_the_domain_rules(demo_store):
    """The one-pass build gives what the rules give goal by goal."""
    portfolio = demo_store.snapshot()
    as_of = portfolio.info.as_of
    for row in build_rows(portfolio, as_of):
        nxt = next_milestone(portfolio, row.key)
        assert row.slip == goal_slip_days(portfolio, row.key)
        assert row.next_title == (nxt.title if nxt else "")
        assert row.next_date == ((nxt.forecast or nxt.baseline) if nxt else None)


def test_the_edited_current_goal_stays_in_sight_when_it_moves(page):
    store = page.bridge.store
    page.view.sortByColumn(Column.SLIP, Qt.SortOrder.DescendingOrder)
    page.view.scrollToBottom()
    assert page.select_goal("Z21")
    ms = _open_milestone(store.snapshot(), "Z21")
    goal_service.set_forecasts(store, {ms.key: ms.baseline + timedelta(days=400)}, "später")
    current = page.view.currentIndex()
    assert current.row() == 0 and current.data(KEY_ROLE) == "Z21"
    assert page.view.viewport().rect().contains(page.view.visualRect(current))


def test_a_report_of_a_round_updates_only_the_goal_it_changes(page):
    """Rounds and reports are no columns: a submitted report touches only the rows of the goals
    whose status or milestones it changed (no full rebuild at 10,000 goals)."""
    from datetime import date

    from sa2030_desktop.domain.reporting import ReportContent
    from sa2030_desktop.services import reporting

    store = page.bridge.store
    page.signals.clear()
    reporting.open_round(store, "R1", "Runde 1", date(2026, 3, 31), date(2026, 4, 30))
    assert page.signals.kinds() == []
    reporting.submit(store, "R1", "Z05", ReportContent(progress="Sachstand ohne Änderung"))
    assert page.signals.kinds() == []
    reporting.submit(store, "R1", "Z06", ReportContent(status=Status.AT_RISK, status_reason="Klage"))
    assert [e[3] for e in page.signals.events if e[0] == "data"] == ["Z06"]
    assert "reset" not in page.signals.kinds()
    assert_like_a_full_rebuild(page)
