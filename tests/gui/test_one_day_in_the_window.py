"""One day is „1 Tag“ in the window too (domain/dates.py days_de): the detail's status line and
milestone tooltip, the graph's conflict tooltip and what-if line, and the timeline's what-if
result say it as check, goal and the timeline labels do (tests/core/test_one_day.py). Year-end
dates (31.12. against 01.01.) make one-day slips and conflicts common."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from sa2030_desktop.domain.whatif import evaluate
from sa2030_desktop.gui.detail.milestone_model import MilestoneColumn
from sa2030_desktop.gui.graph.actions import simulate_slip
from sa2030_desktop.gui.timeline.whatif_panel import result_html
from tests.support.builders import build_store, dep, goal, ms
from tests.support.qt import window_on

AS_OF = date(2026, 12, 3)


@pytest.fixture
def year_end(qtbot, tmp_path, isolated_settings):
    """Z1 waits from 31.12.2026 for Z2, done 01.01.2027 (one day late); Z3 slips by a day;
    Z4 waits from 02.01.2027 for Z3 (in time)."""
    store = build_store(
        tmp_path / "jahreswechsel.sa2030",
        goals=[goal("Z1"), goal("Z2", lead="MI"), goal("Z3", lead="MF"), goal("Z4", lead="MF")],
        milestones=[
            ms("Z1-M1", "2026-12-31"),
            ms("Z2-M1", "2027-01-01"),
            ms("Z3-M1", "2026-12-31", "2027-01-01"),
            ms("Z4-M1", "2027-01-02"),
        ],
        dependencies=[dep("Z1", "Z2"), dep("Z4", "Z3")],
    )
    with window_on(qtbot, store) as window:
        window.bridge.set_as_of(AS_OF)
        yield window


def test_the_detail_says_one_day_of_slip(year_end):
    assert year_end.select_goal("Z3")
    panel = year_end.feature("detail").panel
    assert panel.status_line.text().endswith("Verzug 1 Tag")
    model = panel.milestones.model
    tip = model.index(0, MilestoneColumn.SLIP).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Prognose liegt 1 Tag nach dem Basistermin."


def test_the_graph_says_one_day_late_and_one_day_later(year_end):
    year_end.action("view.graph").trigger()
    page = year_end.feature("graph").page
    [edge] = [item for item in page.scene.edges.values() if item.edge.conflict]
    assert "(1 Tag zu spät)" in edge.toolTip()
    assert "1 Tage" not in edge.toolTip()
    simulate_slip(page, "Z3", 1)
    assert "Z3 um 1 Tag später" in page.message.text()


def test_the_timeline_what_if_says_one_day(year_end):
    portfolio = year_end.bridge.snapshot()
    html = result_html(evaluate(portfolio, {"Z2-M1": date(2027, 1, 2)}, AS_OF))
    assert "Z2-M1: 1 Tag (vorher kein Verzug)" in html
    html = result_html(evaluate(portfolio, {"Z3-M1": date(2027, 1, 3)}, AS_OF))
    assert "Z3-M1: 3 Tage (vorher 1 Tag)" in html
    assert "Z4 wartet ab 02.01.2027 auf Z3 (fertig 03.01.2027, 1 Tag)" in html
    assert "1 Tage" not in html
