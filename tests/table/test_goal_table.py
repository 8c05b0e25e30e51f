"""The portfolio table: filters as `Selection` defines them, sorting, free text, live updates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QAbstractItemModelTester

from sa2030_desktop.domain.model import Status
from sa2030_desktop.domain.rules import goal_slip_days
from sa2030_desktop.domain.selection import Selection, natural_key
from sa2030_desktop.gui.table.filter_proxy import GoalFilterProxy
from sa2030_desktop.gui.table.goal_table_model import Column, GoalTableModel
from tests.support.builders import goal, ms
from tests.support.table import column_texts, visible_keys

FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal


def test_model_and_proxy_pass_the_item_model_tester(qtbot, demo_store):
    model = GoalTableModel()
    proxy = GoalFilterProxy(model)
    testers = [QAbstractItemModelTester(model, FATAL), QAbstractItemModelTester(proxy, FATAL)]
    portfolio = demo_store.snapshot()
    model.rebuild(portfolio, date(2026, 6, 30))
    assert model.rowCount() == 50
    proxy.set_selection(Selection(ministry="MID", involved=True))
    proxy.sort(Column.SLIP, Qt.SortOrder.DescendingOrder)
    proxy.set_selection(Selection(text="digital"))
    model.rebuild(portfolio, date(2027, 1, 1))
    proxy.set_selection(Selection())
    assert proxy.rowCount() == 50
    assert testers


def test_keys_sort_naturally(qtbot, make_store):
    store = make_store(goals=[goal("Z10"), goal("Z2"), goal("Z1"), goal("Z9")])
    model = GoalTableModel()
    model.rebuild(store.snapshot(), date(2026, 1, 1))
    assert [r.key for r in model.rows] == ["Z1", "Z2", "Z9", "Z10"]


def _choose(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_filter_to_theme_and_ministry_shows_exactly_the_selected_goals(window, qtbot):
    bar = window.table.filter_bar.ui
    portfolio = window.bridge.snapshot()
    as_of = window.bridge.as_of
    _choose(bar.themeCombo, "TF03")
    _choose(bar.ministryCombo, "MID")
    expected = Selection(theme="TF03", ministry="MID").apply(portfolio, as_of)
    assert expected, "the demo portfolio has MID goals in TF03"
    assert sorted(visible_keys(window), key=natural_key) == expected
    assert bar.countLabel.text() == f"{len(expected)} von 50 Zielen"
    # lead or involved widens the result exactly as Selection does
    _choose(bar.involvedCombo, True)
    wider = Selection(theme="TF03", ministry="MID", involved=True).apply(portfolio, as_of)
    assert sorted(visible_keys(window), key=natural_key) == wider
    assert len(wider) >= len(expected)
    # the window tells the other views which filter is active
    with qtbot.waitSignal(window.selection_changed) as blocker:
        bar.resetButton.click()
    assert blocker.args[0] == Selection()
    assert len(visible_keys(window)) == 50


def test_every_single_filter_agrees_with_selection(window):
    portfolio = window.bridge.snapshot()
    as_of = window.bridge.as_of
    for sel in (
        Selection(category="VV"),
        Selection(status=Status.DELAYED),
        Selection(only_slipped=True),
        Selection(ministry="MI", involved=True),
        Selection(text="open data"),
        Selection(category="GE", only_slipped=True, status=Status.DELAYED),
    ):
        window.table.set_selection(sel)
        assert sorted(visible_keys(window), key=natural_key) == sel.apply(portfolio, as_of), sel


def test_free_text_typed_into_the_search_field(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = window.table.filter_bar.ui.searchEdit
    assert search.hasFocus()
    qtbot.keyClicks(search, "glasfaser")
    assert len(visible_keys(window)) == 50  # filters when the typing pauses
    qtbot.waitUntil(lambda: len(visible_keys(window)) < 50, timeout=2000)
    keys = visible_keys(window)
    portfolio = window.bridge.snapshot()
    assert keys == Selection(text="glasfaser").apply(portfolio, window.bridge.as_of)
    assert keys and all(
        "glasfaser" in f"{portfolio.goals[k].title} {portfolio.goals[k].description}".lower()
        for k in keys
    )


def test_sort_by_slip_by_clicking_the_header(window, qtbot):
    window.select_goal("Z27")
    view = window.table.view
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(Column.SLIP) + header.sectionSize(Column.SLIP) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    portfolio = window.bridge.snapshot()
    slips = [goal_slip_days(portfolio, k) for k in visible_keys(window)]
    first = slips
    assert slips == sorted(slips) or slips == sorted(slips, reverse=True)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    slips = [goal_slip_days(portfolio, k) for k in visible_keys(window)]
    assert slips == sorted(first, reverse=first[0] < first[-1])
    top = visible_keys(window)[0] if slips[0] > slips[-1] else visible_keys(window)[-1]
    assert goal_slip_days(portfolio, top) == max(slips) > 0
    assert column_texts(window, Column.SLIP)[top] == str(max(slips))
    assert window.current_goal() == "Z27"  # sorting keeps the current goal


def test_service_edit_updates_the_table_and_keeps_the_current_goal(window, qtbot):
    from sa2030_desktop.services.goals import update_goal

    assert window.select_goal("Z12")
    before = column_texts(window, Column.STATUS)["Z12"]
    assert before == "im Plan"
    update_goal(
        window.bridge.store, "Z12", status=Status.AT_RISK, status_reason="Ausschreibung gescheitert"
    )
    assert column_texts(window, Column.STATUS)["Z12"] == "gefährdet"
    assert window.current_goal() == "Z12"
    # the filter stays applied across the rebuild
    window.table.set_selection(Selection(status=Status.AT_RISK))
    count = len(visible_keys(window))
    update_goal(window.bridge.store, "Z01", title="Digitale Steuerung der Strategie")
    assert len(visible_keys(window)) == count
    assert "Z12" in visible_keys(window)


def test_lead_column_follows_a_ministry_rename_at_the_stichtag(qtbot, make_store):
    from sa2030_desktop.gui.main_window import MainWindow
    from sa2030_desktop.gui.store_bridge import StoreBridge
    from sa2030_desktop.services.reference import rename_ministry

    store = make_store(
        goals=[goal("Z1", lead="MWU"), goal("Z2", lead="MID", partners=["MWU"])],
        milestones=[ms("Z1-M1", "2027-06-30"), ms("Z2-M1", "2027-06-30")],
    )
    rename_ministry(
        store, ["MWU"], "MWK", "Ministerium für Wissenschaft und Klima", date(2026, 7, 1)
    )
    bridge = StoreBridge(store)
    win = MainWindow(bridge)
    qtbot.addWidget(win)
    win.as_of_edit.setDate(date(2026, 6, 30))
    assert bridge.as_of == date(2026, 6, 30)
    assert column_texts(win, Column.LEAD) == {"Z1": "MWU", "Z2": "MID"}
    assert column_texts(win, Column.PARTNERS)["Z2"] == "MWU"
    win.as_of_edit.setDate(date(2026, 7, 1))
    assert column_texts(win, Column.LEAD) == {"Z1": "MWK", "Z2": "MID"}
    assert column_texts(win, Column.PARTNERS)["Z2"] == "MWK"
    # the ministry filter offers the ministry valid at the Stichtag and filters by it
    _choose(win.table.filter_bar.ui.ministryCombo, "MWK")
    assert visible_keys(win) == ["Z1"]
    bridge.close()
