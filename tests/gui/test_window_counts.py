"""Numbers in window texts agree with their noun (domain/grammar.py): „1 Ziel“, „1 Meldung
fehlt“, never „1 Ziele“ or „Änderung(en)“."""

from __future__ import annotations

from datetime import date

from sa2030_desktop.domain.model import Status
from sa2030_desktop.domain.reporting import Report, ReportingRound, ReportState
from sa2030_desktop.gui.rounds.dialogs import close_question
from tests.support.builders import goal
from tests.support.qt import window_on

ROUND = ReportingRound("R1", "Runde 1", date(2026, 3, 31), date(2026, 4, 30))


def test_closing_a_round_names_one_missing_report_in_the_singular(qtbot, window):
    one = close_question(window, ROUND, [Report("Z4", "R1", "MF")])
    qtbot.addWidget(one)
    assert "In der Berichtsrunde R1 fehlt noch 1 Meldung: Z4." in one.text()
    assert "Dieses Ziel wird mit seinem aktuellen Stand" in one.text()
    two = close_question(window, ROUND, [Report("Z4", "R1", "MF"), Report("Z5", "R1", "MS"),
                                         Report("Z6", "R1", "MJ", ReportState.ACCEPTED)])  # fmt: skip
    qtbot.addWidget(two)
    assert "fehlen noch 2 Meldungen: Z4, Z5." in two.text()
    assert "Diese Ziele werden mit ihrem aktuellen Stand" in two.text()


def test_overview_counts_one_goal_in_the_singular(qtbot, make_store):
    store = make_store(goals=[goal("Z1", lead="MID", theme="TF01", status="on_track")])
    with window_on(qtbot, store) as win:
        win.tabs.setCurrentWidget(win.overview)
        qtbot.wait(20)
        assert win.overview.in_progress.text().endswith(": 1 Ziel (100,0\u00a0%)")
        tile = win.overview.tiles[Status.ON_TRACK]
        assert tile.accessibleName() == "im Plan: 1 Ziel, Tabelle filtern"


def test_round_comparison_summary_counts_one_goal_one_milestone_one_day(window, qtbot):
    from sa2030_desktop.domain.reporting_compare import Comparison

    window.action("view.rounds").trigger()
    panel = window.feature("rounds").page.compare
    one = Comparison("R1", "R2", date(2026, 3, 31), date(2026, 6, 30),
                     status_from={"Z04": Status.ON_TRACK}, status_to={"Z04": Status.DELAYED},
                     worsened=["Z04"], shifted_milestones=[("Z04-M2", 1)])  # fmt: skip
    panel.show_comparison(one)
    assert panel.summary.text().startswith(
        "R1 → R2: 1 Ziel in beiden Ständen, 1 verschlechtert, 0 verbessert, 0 neu, 0 entfallen · "
        "1 Meilenstein verschoben (zusammen 1 Tag), 0 erreicht"
    ), panel.summary.text()


def test_deleting_a_goal_with_one_milestone_asks_in_the_singular(qtbot, make_store):
    from sa2030_desktop.gui.detail.goal_dialogs import delete_question
    from tests.support.builders import ms

    store = make_store(goals=[goal("Z1"), goal("Z2")], milestones=[ms("Z1-M1", "2027-03-31")])
    portfolio = store.snapshot()
    assert "Ziel Z1 „Ziel Z1“ mit 1 Meilenstein löschen?" in delete_question(portfolio, "Z1")
    assert "mit 0 Meilensteinen löschen?" in delete_question(portfolio, "Z2")
