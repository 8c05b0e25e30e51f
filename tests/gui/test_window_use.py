"""Everyday use of the main window: it fits a laptop screen, the goal count is never cut, views
are built when shown, file work runs in a worker, the detail follows the filter, Ressortpaket
edits are refused before the undo stack, overdue milestones come first in the overview."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtCore import QRect, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QWidget

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.selection import Selection
from sa2030_desktop.gui.main_window import first_start_geometry
from sa2030_desktop.messages import format_error
from sa2030_desktop.services.portfolio import open_portfolio


# -- 1. laptop screens -------------------------------------------------------------------------
def test_first_start_fits_the_screen():
    laptop, maximize = first_start_geometry(QRect(0, 0, 1366, 768))
    assert (laptop.width(), laptop.height(), maximize) == (1229, 691, True)
    desktop, maximize = first_start_geometry(QRect(0, 0, 1920, 1080))
    assert (desktop.width(), desktop.height(), maximize) == (1728, 972, False)


def test_window_fits_a_laptop_screen(window, qtbot):
    assert window.minimumSizeHint().width() <= 1280
    assert window.table.filter_bar.minimumSizeHint().width() <= 1280
    window.resize(1366, 740)
    qtbot.wait(50)
    assert window.width() == 1366
    detail = window.dock("goal_detail")
    assert not detail.isVisible()  # folded into its strip on a laptop, unfolded on demand
    window.feature("detail").strip.expand()
    qtbot.wait(50)
    assert detail.isVisible() and detail.geometry().right() <= window.width()
    assert window.table.geometry().right() <= detail.geometry().left()
    # the filter bar wraps instead of widening the window, no widget outside it
    bar = window.table.filter_bar
    assert len(bar.wrap.rows(bar.width() - 12)) >= 2
    for group in (bar.ui.searchGroup, bar.ui.viewGroup, bar.ui.ministryGroup):
        assert group.geometry().right() <= bar.width()
    # the undo history shares the detail's place as a tab: the detail keeps the height
    assert window.history_dock in window.tabifiedDockWidgets(detail)
    # no view forces the window wider than a laptop: the timeline's tools wrap (issue 14)
    assert window.feature("timeline").view.minimumSizeHint().width() <= 600


def test_goal_count_is_never_cut(window, qtbot):
    window.resize(1366, 740)
    bar = window.table.filter_bar
    bar.show_counts(10000, 10000)
    qtbot.wait(50)
    label = bar.ui.countLabel
    assert label.text() == "10.000 von 10.000 Zielen"
    assert label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()


# -- 3. lazy views ------------------------------------------------------------------------------
class _View(QLabel):
    def __init__(self) -> None:
        super().__init__("Ansicht")
        self.calls: list[bool] = []

    def set_active(self, active: bool) -> None:
        self.calls.append(active)


def test_views_are_told_when_their_tab_is_shown(window):
    view = _View()
    window.add_view(view, "Test")
    assert view.calls == [False]
    window.tabs.setCurrentWidget(view)
    window.tabs.setCurrentWidget(window.overview)
    window.tabs.setCurrentWidget(view)
    assert view.calls == [False, True, False, True]
    window.add_view(QWidget(), "ohne set_active")  # plain widgets keep working


# -- 4. file work in a worker --------------------------------------------------------------------
def _outcome(qtbot, actions, job) -> bool:
    assert job is not None and job.progress.isVisible()  # progress with „Abbrechen“
    with qtbot.waitSignal(actions.finished_ok, timeout=30000) as blocker:
        pass
    return blocker.args[0]


def test_save_copy_runs_in_a_worker(window, qtbot, tmp_path):
    target = tmp_path / "kopie.sa2030"
    assert _outcome(qtbot, window.file_actions, window.file_actions.save_copy_to(target))
    copy = open_portfolio(target, readonly=True)
    try:
        assert len(copy.snapshot().goals) == 50
    finally:
        copy.close()
    assert "Kopie gespeichert" in window.statusBar().currentMessage()


def test_cancelled_import_writes_nothing(window, qtbot, tmp_path):
    big = tmp_path / "gross.json"
    goals = [{"key": f"Z{n}", "title": f"Ziel {n}", "theme": "TF01", "lead": "MID"}
             for n in range(1000, 5000)]  # fmt: skip
    big.write_text(json.dumps({"format": "sa2030-portfolio", "version": 1, "goals": goals}),
                   encoding="utf-8")  # fmt: skip
    actions = window.file_actions
    shown = []  # every status message (a timed backup's „Gesichert um …“ may follow at once)
    window.statusBar().messageChanged.connect(shown.append)
    job = actions.import_paths([big])
    assert job.running
    job.progress.findChild(QPushButton).click()  # the user presses „Abbrechen“
    with qtbot.waitSignal(actions.finished_ok, timeout=30000) as blocker:
        pass
    assert blocker.args == [False]
    assert "Abgebrochen – es wurde nichts geändert." in shown
    assert len(window.bridge.snapshot().goals) == 50
    assert window.undo_stack.count() == 0
    again = open_portfolio(window.bridge.store.path, readonly=True)
    try:
        assert len(again.snapshot().goals) == 50
    finally:
        again.close()


# -- 5. the detail follows the filter ----------------------------------------------------------
def test_detail_follows_the_filter(window, qtbot):
    panel = window.feature("detail").panel
    assert window.select_goal("Z01") and panel.goal_key == "Z01"
    window.table.set_selection(Selection(text="Cloud"))
    assert window.table.proxy.visible_keys() == ["Z03"]
    assert window.current_goal() == "Z03" and panel.goal_key == "Z03"
    window.table.set_selection(Selection(text="gibt es nicht"))
    assert window.current_goal() is None and panel.goal_key is None
    assert "Kein Ziel ausgewählt" in panel.header.text()
    assert not panel.tabs.isVisible()
    window.table.set_selection(Selection())
    assert window.current_goal() == "Z01" and panel.tabs.isVisible()


# -- 6. Ressortpaket: refused before the undo stack ----------------------------------------------
@pytest.fixture
def package_window(qtbot, demo_store, tmp_path, isolated_settings):
    from sa2030_desktop.gui.main_window import MainWindow
    from sa2030_desktop.gui.store_bridge import StoreBridge
    from sa2030_desktop.services.package import export_package

    path = export_package(demo_store, "MF", tmp_path / "paket-MF.sa2030")
    store = open_portfolio(path)
    bridge = StoreBridge(store)
    win = MainWindow(bridge)
    qtbot.addWidget(win)
    win.resize(1600, 900)
    win.show()
    yield win
    win.close()
    bridge.close()


def test_package_context_edits_are_refused_before_the_undo_stack(package_window):
    from sa2030_desktop.domain.model import Dependency
    from sa2030_desktop.gui.commands import OperationCommand, push_checked
    from sa2030_desktop.services import operations as ops

    win = package_window
    bridge = win.bridge
    portfolio = bridge.snapshot()
    context = next(k for k, g in portfolio.goals.items() if g.lead != "MF")
    own = next(k for k, g in portfolio.goals.items() if g.lead == "MF")
    refused = [
        ops.UpdateGoal(context, {"title": "Neu"}),
        ops.UpdateMilestone(portfolio.milestones_of(context)[0].key, {"note": "x"}),
        ops.Link(Dependency(context, own)),
        ops.SaveReference(next(iter(portfolio.categories.values()))),
    ]
    for command in refused:
        with pytest.raises(DomainError) as caught:
            command.check(bridge.store)
        text = format_error(caught.value)
        assert "Im Ressortpaket von MF" in text and "nur Kontext" in text, text
    with pytest.raises(DomainError) as caught:
        ops.UpdateGoal(own, {"lead": "MI"}).check(bridge.store)
    assert format_error(caught.value) == "Im Ressortpaket von MF bleibt die Federführung bei MF."
    ops.UpdateGoal(own, {"title": "Eigenes Ziel"}).check(bridge.store)  # own goal: allowed

    shown = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.text())
            box.reject()

    QTimer.singleShot(0, close_box)
    assert not push_checked(win, win.undo_stack, OperationCommand(bridge, refused[0]))
    assert win.undo_stack.count() == 0
    assert shown and f"Ziel {context} nur Kontext" in shown[0]
    assert bridge.snapshot().goals[context].title == portfolio.goals[context].title


# -- 7. overdue slipped milestones in the overview -------------------------------------------------
def test_overview_lists_overdue_slipped_milestones_first(window):
    window.bridge.set_as_of(date(2026, 11, 28))
    window.tabs.setCurrentWidget(window.overview)
    rows = window.overview.slipped.rows
    keys = [r[0] for r in rows]
    assert keys[:2] == ["Z16-M2", "Z31-M2"]  # overdue first, by date
    assert [r[4] for r in rows[:2]] == ["überfällig", "überfällig"]
    assert all(r[4] == "verzögert" for r in rows[2:])
    title = window.overview.groups["slipped"].title()
    assert title.startswith(
        f"Verzögerte Meilensteine der nächsten 6 Monate (bis 30.05.2027): {len(rows)}, "
    )
    assert title.endswith("davon überfällig: 2")
