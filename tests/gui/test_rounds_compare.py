"""The comparison of two rounds in the view: the tables and the transition chart show the core's
figures, checked against numbers worked out by hand on the reporting portfolio."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from sa2030_desktop.domain.model import Status
from sa2030_desktop.domain.reporting import ReportContent
from sa2030_desktop.services import reporting
from tests.support.rounds import AS_OF, DEADLINE, page_of, table


def two_rounds(store) -> None:
    """R1 (31.03.): Z4 reports gefährdet and Z4-M1 on 30.09.; closed with 7 missing.
    R2 (30.06.): Z4 verzögert (better), Z5 verzögert (worse), Z2-M1 31.10. (was 30.06.: +123
    days, so Z2-M1 no longer lies before its prerequisite Z1-M2 on 30.09.: conflict Z2>Z1
    resolved), Z3-M1 15.12. (was 31.05.: +198 days, now after Z6-M1 on 31.10.: conflict Z6>Z3
    new)."""
    reporting.open_round(store, "R1", "Runde 1", AS_OF, DEADLINE)
    reporting.submit(store, "R1", "Z4", ReportContent(status=Status.AT_RISK, status_reason="Klage",
                                                      forecasts={"Z4-M1": date(2026, 9, 30)}))  # fmt: skip
    reporting.close(store, "R1", force=True)
    reporting.open_round(store, "R2", "Runde 2", date(2026, 6, 30), date(2026, 7, 31))
    for goal, content in (
        ("Z4", ReportContent(status=Status.DELAYED, status_reason="Klage zurückgenommen")),
        ("Z5", ReportContent(status=Status.DELAYED, status_reason="Personal")),
        ("Z2", ReportContent(forecasts={"Z2-M1": date(2026, 10, 31)})),
        ("Z3", ReportContent(forecasts={"Z3-M1": date(2026, 12, 15)})),
    ):
        reporting.submit(store, "R2", goal, content)
    reporting.close(store, "R2", force=True)


def _compare(qtbot, page, earlier: str, later: str):
    panel = page.compare
    qtbot.waitUntil(lambda: panel.task is None, timeout=10_000)  # the comparison shown first
    panel.from_combo.setCurrentIndex(panel.from_combo.findData(earlier))
    panel.to_combo.setCurrentIndex(panel.to_combo.findData(later))
    panel.comparison = None
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.task is None, timeout=10_000)
    return panel


def test_comparison_tables_and_chart_show_the_figures_worked_out_by_hand(rounds_window, qtbot):
    win, store = rounds_window, rounds_window.bridge.store
    two_rounds(store)
    page = page_of(win)
    fatal = QAbstractItemModelTester.FailureReportingMode.Fatal
    panel = page.compare
    testers = [QAbstractItemModelTester(view.model(), fatal)  # noqa: F841 (kept alive)
               for view in panel.views.values()]  # fmt: skip
    win.action("rounds.compare").trigger()
    assert page.tabs.currentWidget() is page.compare
    # shown with content: the two latest closed rounds are compared at once
    qtbot.waitUntil(lambda: page.compare.comparison is not None, timeout=10_000)
    assert (page.compare.comparison.from_key, page.compare.comparison.to_key) == ("R1", "R2")
    # the two closed rounds are offered, the later one preselected against the earlier
    assert (page.compare.from_combo.currentData(), page.compare.to_combo.currentData()) == (
        "R1",
        "R2",
    )
    panel = _compare(qtbot, page, "R1", "R2")
    # 8 goals in both: Z1 Z2 Z7 im Plan → im Plan, Z3 Z8 nicht begonnen → nicht begonnen,
    # Z6 gefährdet → gefährdet, Z4 gefährdet → verzögert (better), Z5 im Plan → verzögert (worse)
    assert table(panel.transition_view) == [
        ["im Plan", "verzögert", "1", "schlechter"],
        ["gefährdet", "verzögert", "1", "besser"],
        ["im Plan", "im Plan", "3", "gleich"],
        ["nicht begonnen", "nicht begonnen", "2", "gleich"],
        ["gefährdet", "gefährdet", "1", "gleich"],
    ]
    assert table(panel.views["goals"]) == [
        ["Z5", "Ziel Z5", "im Plan", "verzögert", "verschlechtert"],
        ["Z4", "Ziel Z4", "gefährdet", "verzögert", "verbessert"],
    ]
    assert table(panel.views["milestones"]) == [["Z2-M1", "verschoben", "123"],
                                                ["Z3-M1", "verschoben", "198"]]  # fmt: skip
    assert table(panel.views["conflicts"]) == [["Z6>Z3", "neu"], ["Z2>Z1", "gelöst"]]
    assert [row[:2] for row in table(panel.views["indicators"])] == [
        ["Z5", "Quote"],
        ["Z7", "Fälle"],
    ]
    assert panel.summary.text().startswith(
        "R1 → R2: 8 Ziele in beiden Ständen, 1 verschlechtert, 1 verbessert, 0 neu, 0 entfallen · "
        "2 Meilensteine verschoben (zusammen 321 Tage), 0 erreicht · Terminkonflikte: 1 neu, 1 gelöst"
    )
    text = panel.chart.text_alternative()
    assert panel.chart.accessibleDescription() == text
    assert "im Plan → verzögert: 1 Ziel (schlechter)" in text
    assert "im Plan → im Plan: 3 Ziele (gleich)" in text
    # sortable: the shifted milestones by days, most first
    panel.views["milestones"].sortByColumn(2, Qt.SortOrder.DescendingOrder)
    assert table(panel.views["milestones"])[0][0] == "Z3-M1"


def test_comparison_with_the_current_state_and_a_refusal(rounds_window, qtbot):
    win, store = rounds_window, rounds_window.bridge.store
    two_rounds(store)
    # the current state: Z6 is done since R2
    from sa2030_desktop.services.goals import update_goal

    update_goal(store, "Z6", status=Status.DONE, status_reason="abgeschlossen")
    page = page_of(win)
    page.show_compare()
    panel = _compare(qtbot, page, "R2", "aktuell")
    assert ["gefährdet", "abgeschlossen", "1", "besser"] in table(panel.transition_view)
    assert panel.summary.text().startswith("R2 → aktueller Stand: 8 Ziele in beiden Ständen")
    assert panel.chart.text_alternative().startswith("Statusübergänge R2 → aktueller Stand:")
    # an edit makes a comparison with the current state stale: it is cleared, not kept wrong
    update_goal(store, "Z7", status=Status.DELAYED, status_reason="Verzug")
    assert panel.comparison is None and table(panel.transition_view) == []
    assert "Stand hat sich geändert" in panel.summary.text()
    panel = _compare(qtbot, page, "R1", "R1")
    assert panel.comparison is None
    assert "nicht mit sich selbst vergleichen" in panel.summary.text()


def test_no_closed_round_no_comparison_but_a_hint(rounds_window):
    win, store = rounds_window, rounds_window.bridge.store
    reporting.open_round(store, "R1", "Runde 1", AS_OF, DEADLINE)
    page = page_of(win)
    page.show_compare()
    assert not page.compare.run_button.isEnabled()
    assert "Noch keine abgeschlossene Runde" in page.compare.summary.text()
