"""The indicator trend chart in the goal detail: the selected indicator against its target path,
its assessment in words and figures, the empty state without a path, real pixels painted."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QScrollArea

from sa2030_desktop.gui.detail.trend_chart import C
from tests.support.builders import goal
from tests.support.detail import make_window, on_next_modal

ON_PATH = {
    "goal": "Z01", "name": "Quote", "unit": "%", "baseline": 0, "baseline_date": "2026-01-01",
    "target": 100, "target_date": "2027-01-01",
    "values": [{"date": "2026-02-28", "value": 5}, {"date": "2026-03-31", "value": 12.5},
               {"date": "2026-06-30", "value": 60}],
}  # fmt: skip
NO_PATH = {"goal": "Z01", "name": "Anzahl Kommunen", "unit": "Anzahl", "target": 400,
           "values": [{"date": "2026-03-01", "value": 10}]}  # fmt: skip


def _section(qtbot, make_store, tmp_path):
    store = make_store(goals=[goal("Z01")], indicators=[ON_PATH, NO_PATH])
    window = make_window(qtbot, store, tmp_path)
    window.resize(1366, 768)
    window.show()
    window.feature("detail").strip.expand()  # it starts folded on a laptop
    window.bridge.set_as_of(date(2026, 3, 31))
    assert window.select_goal("Z01")
    panel = window.feature("detail").panel
    panel.tabs.setCurrentWidget(panel.indicators)
    section = panel.indicators
    qtbot.waitUntil(lambda: section.model.rowCount() == 2)
    return window, section


def _row(section, name: str) -> int:
    names = [section.model.indicator(r).name for r in range(section.model.rowCount())]
    return names.index(name)


def test_chart_follows_selection_and_says_assessment_in_words(qtbot, make_store, tmp_path):
    window, section = _section(qtbot, make_store, tmp_path)
    chart = section.chart
    section.view.selectRow(_row(section, "Quote"))
    qtbot.waitUntil(lambda: chart.indicator is not None and chart.indicator.name == "Quote")
    text = chart.accessibleDescription()
    # 89 of 365 days: expected 24,38 %; gap −11,9 % of the way: „hinter Plan“ (the value of
    # 30.06. lies after the Stichtag and does not count).
    assert "hinter Plan" in text and "deutlich" not in text
    assert "12,50\u00a0% (31.03.2026)" in text
    assert "erwartet 24,38\u00a0%" in text
    assert "0\u00a0% am 01.01.2026 bis 100\u00a0% am 01.01.2027" in text
    assert "Stichtag 31.03.2026" in text
    assert chart.accessibleName()

    section.view.selectRow(_row(section, "Anzahl Kommunen"))
    qtbot.waitUntil(lambda: chart.indicator.name == "Anzahl Kommunen")
    assert chart.state is None
    assert "Kein Zielpfad" in chart.accessibleDescription()
    assert "hinter Plan" not in chart.accessibleDescription()

    # The Stichtag moves: the value of 30.06. (60 % against 49,32 %) counts, „auf Kurs“.
    section.view.selectRow(_row(section, "Quote"))
    window.bridge.set_as_of(date(2026, 7, 1))
    qtbot.waitUntil(lambda: "auf Kurs" in chart.accessibleDescription())
    assert chart.indicator.name == "Quote"  # the refresh kept the selection


def test_chart_paints_path_values_and_stichtag(qtbot, make_store, tmp_path):
    _window, section = _section(qtbot, make_store, tmp_path)
    section.view.selectRow(_row(section, "Quote"))
    chart = section.chart
    qtbot.waitUntil(lambda: chart.state is not None)
    assert chart.isVisible() and chart.height() >= 150
    # At 1366×768 the chart lies within the dock, not below the fold of its scroll area.
    scroll = section.window().findChild(QScrollArea, "goalDetailScroll")
    bottom = chart.mapTo(scroll.viewport(), QPoint(0, chart.height())).y()
    assert bottom <= scroll.viewport().height()
    image = chart.grab().toImage()

    def count(colour: QColor) -> int:
        return sum(
            1
            for y in range(0, image.height(), 1)
            for x in range(0, image.width(), 2)
            if image.pixelColor(x, y).rgb() == colour.rgb()
        )

    assert count(C["path"]) > 20  # the dashed target path
    assert count(C["asof"]) > 10  # the Stichtag marker and its label
    assert count(QColor("#A67C00")) > 10  # the measured values, in the „hinter Plan“ colour

    section.view.selectRow(_row(section, "Anzahl Kommunen"))
    qtbot.waitUntil(lambda: chart.state is None)
    empty = chart.grab().toImage()
    assert not any(
        empty.pixelColor(x, y).rgb() == C["path"].rgb()
        for y in range(1, empty.height() - 1)
        for x in range(1, empty.width() - 1, 2)
    )


def test_chart_follows_an_edit_and_its_undo(qtbot, make_store, tmp_path):
    window, section = _section(qtbot, make_store, tmp_path)
    section.view.selectRow(_row(section, "Quote"))
    chart = section.chart
    qtbot.waitUntil(lambda: "hinter Plan" in chart.accessibleDescription())

    def edit(dialog):
        dialog.values_edit.setPlainText("28.02.2026; 5\n31.03.2026; 30")
        dialog.accept()

    on_next_modal(edit)
    qtbot.mouseClick(section.edit_button, Qt.MouseButton.LeftButton)
    # 30 against 24,38 expected: „auf Kurs“; the edited indicator stays selected and charted.
    qtbot.waitUntil(lambda: "auf Kurs – zuletzt 30\u00a0%" in chart.accessibleDescription())
    assert section.current().name == "Quote"
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: "hinter Plan – zuletzt 12,50" in chart.accessibleDescription())
