"""Keyboard alone and the screen reader on portfolios unlike the demo (issue 14, BITV 2.0):
goals without any dependency or milestone, milestones with only a baseline or an actual date, a
chain that a new link would close into a cycle, and a graph large enough to be drawn as the
overview picture when fitted. Every step is a key press on the focused widget."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sa2030_desktop.domain.dates import de_short
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.services.portfolio import open_portfolio
from tests.support.builders import build_store, dep, goal, ms
from tests.support.qt import window_on

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def _press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def _start(qtbot, store, shortcut):
    """The window at laptop size, a view chosen by its shortcut as a keyboard user does."""
    context = window_on(qtbot, store)
    window = context.__enter__()
    window.resize(1366, 768)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, shortcut, CTRL)
    return context, window


@pytest.fixture
def unseen(tmp_path):
    """Ten goals: none with a dependency but the chain A ← B ← C; half without milestones."""
    goals = [goal(f"I{i:02d}", lead=["MI", "MF", "MJ"][i % 3]) for i in range(1, 8)]
    goals += [goal(k) for k in "ABC"]
    milestones = [
        ms("I01-M1", "2027-03-01", "2027-04-01"),
        ms("I02-M1", "2025-05-01", actual="2025-05-03"),  # achieved: no forecast to move
        ms("I03-M1", "2027-06-30"),  # only a baseline (forecast = baseline)
    ]
    store = build_store(
        tmp_path / "unseen.sa2030",
        goals=goals,
        milestones=milestones,
        dependencies=[dep("B", "A"), dep("C", "B")],
    )
    yield store
    store.close()


def test_a_large_graph_fitted_as_overview_is_reached_with_tab(qtbot, tmp_path):
    from benchmarks.generate import portfolio_file

    store = Store.open(portfolio_file(tmp_path, 320))  # above the overview's 300 goals
    context, window = _start(qtbot, store, K.Key_3)
    try:
        page = window.feature("graph").page
        view, scene = page.view, page.scene
        qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
        qtbot.waitUntil(lambda: len(scene.nodes) == 320 and not scene.building(), timeout=30000)
        view.fit_all()
        assert scene.overview_on  # fitted: the items are hidden behind the overview picture

        _press(qtbot, K.Key_Tab)
        assert QApplication.focusWidget() is view  # Tab did not fall out of the graph
        first = scene.focus_item()
        assert first is not None and first.key == view.keys.reading_order()[0].key
        assert not scene.overview_on and first.isVisible()  # zoomed in to the goal's box
        seen = view.mapToScene(view.viewport().rect()).boundingRect()
        assert seen.contains(first.sceneBoundingRect())
        assert first.key in view.accessibleDescription()
        _press(qtbot, K.Key_Right)  # along an edge, to a goal that needs it
        assert scene.focus_key != first.key
        assert (
            view.mapToScene(view.viewport().rect())
            .boundingRect()
            .contains(scene.focus_item().sceneBoundingRect())
        )  # the view follows the keyboard goal
    finally:
        context.__exit__(None, None, None)
        store.close()


def test_a_link_that_closes_a_cycle_is_refused_in_german_and_read_out(qtbot, unseen):
    context, window = _start(qtbot, unseen, K.Key_3)
    try:
        page = window.feature("graph").page
        view, scene = page.view, page.scene
        qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
        order = [n.key for n in view.keys.reading_order()]
        assert set(order) == {g.key for g in window.bridge.snapshot().goals.values()}

        def go(key: str) -> None:
            while scene.focus_key != key:
                here = order.index(scene.focus_key) if scene.focus_key else -1
                _press(qtbot, K.Key_Tab if here < order.index(key) else K.Key_Backtab)

        go("C")  # C needs B needs A: „A needs C“ would close the cycle
        _press(qtbot, K.Key_V)
        go("A")
        before = window.bridge.snapshot().dependencies
        _press(qtbot, K.Key_Return)
        qtbot.waitUntil(lambda: page.kind_popup is not None and page.kind_popup.isVisible())
        _press(qtbot, K.Key_Return)  # „hart“
        assert window.bridge.snapshot().dependencies == before
        qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
        told = view.accessibleDescription()
        assert "Zyklus" in told or "Kreis" in told, told
        assert all(k in told for k in "ABC"), told  # the cycle as a path of goal keys
        assert page.message.text() == told and page.message.isVisible()
        assert window.undo_stack.count() == 0  # a refused link never enters the undo stack
    finally:
        context.__exit__(None, None, None)


def test_a_moved_forecast_is_read_out_with_its_new_date(qtbot, unseen):
    context, window = _start(qtbot, unseen, K.Key_4)
    try:
        canvas = window.feature("timeline").view.canvas
        qtbot.waitUntil(lambda: QApplication.focusWidget() is canvas)
        reached = []
        for _ in range(len(canvas.keys.order)):
            _press(qtbot, K.Key_Right)
            reached.append(canvas.keys.current)
        assert sorted(reached) == ["I01-M1", "I02-M1", "I03-M1"]  # goals without any: skipped
        while canvas.keys.current != "I01-M1":
            _press(qtbot, K.Key_Left)
        _press(qtbot, K.Key_Plus)
        moved = date(2027, 4, 2)
        assert window.bridge.snapshot().milestones["I01-M1"].forecast == moved
        told = canvas.accessibleDescription()
        assert f"Prognose {de_short(moved)}" in told, told  # not the date before the move
        qtbot.keyClick(canvas, K.Key_Z, CTRL)
        assert window.bridge.snapshot().milestones["I01-M1"].forecast == moved - timedelta(1)
        assert "Prognose 01.04.2027" in canvas.accessibleDescription()
        _press(qtbot, K.Key_Home)
        while canvas.keys.current != "I02-M1":
            _press(qtbot, K.Key_Right)
        _press(qtbot, K.Key_Plus)  # achieved: nothing to move, and the user is told so
        assert window.bridge.snapshot().milestones["I02-M1"].actual == date(2025, 5, 3)
        assert "keine offene Prognose" in canvas.accessibleDescription()
    finally:
        context.__exit__(None, None, None)


def test_every_neighbour_of_a_goal_with_thirty_is_reached_with_arrows(qtbot, tmp_path):
    """15 goals need HUB, HUB needs 15: the layout puts each side in two columns."""
    pres = [f"P{i:02d}" for i in range(1, 16)]
    deps = [f"D{i:02d}" for i in range(1, 16)]
    store = build_store(
        tmp_path / "stern.sa2030",
        goals=[goal("HUB", lead="StK")] + [goal(k, lead="MF") for k in pres + deps],
        dependencies=[dep("HUB", p) for p in pres] + [dep(d, "HUB") for d in deps],
    )
    context, window = _start(qtbot, store, K.Key_3)
    try:
        page = window.feature("graph").page
        view, scene = page.view, page.scene
        qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
        while scene.focus_key != "HUB":
            _press(qtbot, K.Key_Tab)
        for arrow, side in ((K.Key_Right, deps), (K.Key_Left, pres)):
            _press(qtbot, arrow)
            reached = {scene.focus_key}
            for step in (K.Key_Down, K.Key_Up):
                for _ in range(len(side)):
                    _press(qtbot, step)
                    reached.add(scene.focus_key)
            assert reached == set(side)
            told = view.accessibleDescription()
            last = "abhängiges Ziel 1 von 15" if side is deps else "Voraussetzung 1 von 15"
            assert f"{last} von HUB" in told, told  # ↑ ended on the first: the count says so
            _press(qtbot, K.Key_Left if side is deps else K.Key_Right)  # back to HUB
            assert scene.focus_key == "HUB"
    finally:
        context.__exit__(None, None, None)
        store.close()


def test_forecasts_by_the_week_from_the_baseline_and_refusals_read_out(qtbot, tmp_path):
    path = tmp_path / "wochen.sa2030"
    store = build_store(
        path,
        goals=[goal("W01"), goal("W02")],
        milestones=[ms("W01-M1", "2027-06-30"), ms("W02-M1", "2100-12-31")],  # the latest date
    )
    store.close()
    # an import now reads a null forecast as the baseline; a file may still hold an empty one
    with sqlite3.connect(path) as con:
        con.execute("UPDATE milestone SET forecast = NULL WHERE key = 'W01-M1'")
    store = open_portfolio(path)
    context, window = _start(qtbot, store, K.Key_4)
    try:
        canvas = window.feature("timeline").view.canvas
        qtbot.waitUntil(lambda: QApplication.focusWidget() is canvas)
        forecast = lambda key: window.bridge.snapshot().milestones[key].forecast  # noqa: E731
        assert forecast("W01-M1") is None
        _press(qtbot, K.Key_Home)
        assert canvas.keys.current == "W01-M1"
        _press(qtbot, K.Key_Plus)  # an open milestone without a forecast gets one
        assert forecast("W01-M1") == date(2027, 7, 1)
        assert "Prognose 01.07.2027" in canvas.accessibleDescription()
        _press(qtbot, K.Key_Plus, Qt.KeyboardModifier.ShiftModifier)  # a week
        assert forecast("W01-M1") == date(2027, 7, 8)
        _press(qtbot, K.Key_Asterisk, Qt.KeyboardModifier.ShiftModifier)  # Umschalt++ in German
        _press(qtbot, K.Key_Underscore, Qt.KeyboardModifier.ShiftModifier)  # Umschalt+−
        _press(qtbot, K.Key_Minus, Qt.KeyboardModifier.ShiftModifier)
        assert forecast("W01-M1") == date(2027, 7, 1)
        assert window.undo_stack.count() == 5  # five key presses, five undo steps
        for _ in range(4):
            qtbot.keyClick(canvas, K.Key_Z, CTRL)
        assert forecast("W01-M1") == date(2027, 7, 1)
        qtbot.keyClick(canvas, K.Key_Z, CTRL)  # the first forecast undone: empty as the file was
        assert forecast("W01-M1") is None and window.undo_stack.index() == 0
        _press(qtbot, K.Key_End)
        assert canvas.keys.current == "W02-M1"
        count = window.undo_stack.count()
        _press(qtbot, K.Key_Plus)  # past 31.12.2100: refused, and the user hears why
        assert forecast("W02-M1") == date(2100, 12, 31) and window.undo_stack.count() == count
        told = canvas.accessibleDescription()
        assert "2100" in told and "W02-M1" not in told.split(":")[0], told
        assert QApplication.focusWidget() is canvas
    finally:
        context.__exit__(None, None, None)
        store.close()


def test_the_keyboard_goal_is_read_out_with_its_dates(qtbot, unseen):
    context, window = _start(qtbot, unseen, K.Key_3)
    try:
        view = window.feature("graph").page.view
        qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
        told = {}
        for _ in range(len(view.keys.reading_order())):
            _press(qtbot, K.Key_Tab)
            told[view.scene().focus_key] = view.accessibleDescription()
        assert "Status: im Plan" in told["I01"]  # the status in words, not by colour
        assert (
            "nächster Meilenstein I01-M1: Prognose 01.04.2027, Basistermin 01.03.2027"
            in (told["I01"])
        )
        assert "alle Meilensteine erreicht, zuletzt I02-M1 am 03.05.2025" in told["I02"]
        assert told["I04"].endswith("keine Meilensteine")
    finally:
        context.__exit__(None, None, None)


def test_each_keyboard_step_is_sent_to_the_screen_reader(qtbot, unseen, monkeypatch):
    """What the views send through QAccessible (the platform bridge speaks the announcements):
    each new keyboard goal or milestone, and each refusal, at once – not only a description a
    screen reader reads when asked."""
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    sent: list[tuple[object, str]] = []
    real = QAccessible.updateAccessibility

    def record(event) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            sent.append((event.object(), event.message()))
        real(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", record)
    context, window = _start(qtbot, unseen, K.Key_3)
    try:
        view = window.feature("graph").page.view
        qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
        _press(qtbot, K.Key_Tab)
        assert sent[-1] == (view, view.accessibleDescription())
        assert sent[-1][1].startswith(view.scene().focus_key + " – ")
        qtbot.keyClick(window, K.Key_4, CTRL)
        canvas = window.feature("timeline").view.canvas
        qtbot.waitUntil(lambda: QApplication.focusWidget() is canvas)
        _press(qtbot, K.Key_Right)
        assert sent[-1] == (canvas, canvas.accessibleDescription())
        assert sent[-1][1].startswith(f"Meilenstein {canvas.keys.current} ")
    finally:
        context.__exit__(None, None, None)


def test_a_timeline_without_milestones_says_so(qtbot, tmp_path):
    store = build_store(tmp_path / "ohne.sa2030", goals=[goal("O01"), goal("O02")])
    context, window = _start(qtbot, store, K.Key_4)
    try:
        canvas = window.feature("timeline").view.canvas
        qtbot.waitUntil(lambda: QApplication.focusWidget() is canvas)
        _press(qtbot, K.Key_Right)
        assert canvas.keys.current is None
        assert canvas.accessibleDescription() == "Keine Meilensteine im Zeitplan."
        assert QApplication.focusWidget() is canvas
    finally:
        context.__exit__(None, None, None)
        store.close()
