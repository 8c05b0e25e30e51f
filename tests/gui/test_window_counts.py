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
