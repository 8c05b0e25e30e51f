"""Issue 14 item 2: a laptop (1366×768) and a projector (1280×720) show every view without
sideways scrolling, also with the goal detail unfolded beside them (it starts folded there:
tests/gui/test_detail_strip.py); the window keeps one layout per screen size; a screen below
1280×720 gets a clear hint."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QMessageBox

from sa2030_desktop.gui.main_window import small_screen_hint
from sa2030_desktop.gui.table.goal_table_model import Column

SCREENS = [(1366, 768), (1280, 720)]


def _with_detail_unfolded(window, qtbot, width: int, height: int) -> None:
    """The window as narrow as the screen (the detail folds), then the detail unfolded by the
    user: at its laptop width beside the view."""
    window.resize(width, height)
    qtbot.wait(20)
    strip = window.feature("detail").strip
    assert strip.collapsed
    strip.expand()
    qtbot.wait(50)


def _scrolls_sideways(area: QAbstractScrollArea) -> bool:
    bar = area.horizontalScrollBar()
    return bar.isVisible() and bar.maximum() > 0


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_table_shows_the_status_without_scrolling(window, qtbot, width, height):
    _with_detail_unfolded(window, qtbot, width, height)
    assert window.dock("goal_detail").isVisible()
    view = window.table.view
    header = view.horizontalHeader()
    assert not header.isSectionHidden(Column.STATUS)
    right = header.sectionViewportPosition(Column.STATUS) + header.sectionSize(Column.STATUS)
    assert 0 <= header.sectionViewportPosition(Column.STATUS) and right <= view.viewport().width()
    assert not _scrolls_sideways(view)
    # what was left out is what the detail beside the table shows anyway
    assert window.table.hidden_by_width and Column.KEY not in window.table.hidden_by_width
    # the status text itself is not cut
    index = window.table.proxy.index(0, Column.STATUS)
    text = index.data()
    assert view.fontMetrics().horizontalAdvance(text) + 30 <= header.sectionSize(Column.STATUS)
    # a goal with a long title does not widen the detail at the table's expense
    width = window.dock("goal_detail").width()
    window.select_goal("Z09")
    qtbot.wait(50)
    assert window.dock("goal_detail").width() == width
    # wide again: every column comes back
    window.resize(2400, 1200)
    window.resizeDocks([window.dock("goal_detail")], [500], Qt.Orientation.Horizontal)
    qtbot.wait(50)
    assert not any(header.isSectionHidden(c) for c in Column)


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_overview_and_timeline_fit_without_sideways_scrolling(window, qtbot, width, height):
    _with_detail_unfolded(window, qtbot, width, height)
    window.show_view(window.overview)
    qtbot.wait(50)
    scroll = window.overview.findChild(QAbstractScrollArea)
    assert not _scrolls_sideways(scroll)
    for view in (window.overview.category_view, window.overview.lead_view):
        assert not _scrolls_sideways(view)
        assert view.geometry().right() <= scroll.viewport().width()
    for tile in window.overview.tiles.values():  # the status cards wrap, none is cut
        assert tile.geometry().right() <= scroll.viewport().width()
        assert tile.width() >= tile.minimumSizeHint().width()
    timeline = window.feature("timeline").view
    window.show_view(timeline)
    qtbot.wait(50)
    detail = window.dock("goal_detail")
    assert detail.geometry().right() <= window.width()
    assert timeline.geometry().right() <= detail.geometry().left()
    assert not _scrolls_sideways(detail.widget())  # the timeline did not squeeze the detail
    canvas = timeline.canvas
    assert canvas.viewport().width() - canvas.label_w >= 0.55 * canvas.viewport().width()


def test_window_layout_is_kept_per_screen_size(window, qtbot, monkeypatch):
    from sa2030_desktop.gui import settings

    screen = ["window/1366x768"]  # the laptop alone, then at the office's screen
    monkeypatch.setattr(type(window), "_layout_key", lambda _self: screen[0])
    window.save_layout()
    screen[0] = "window/1920x1080"
    window.save_layout()
    keys = set(settings.settings().allKeys())
    assert {"window/1366x768/state", "window/1920x1080/geometry"} <= keys


def test_a_screen_below_1280x720_gets_a_clear_hint(window, qtbot):
    assert small_screen_hint(QRect(0, 0, 1280, 720)) == ""
    assert small_screen_hint(QRect(0, 0, 1366, 768)) == ""
    text = small_screen_hint(QRect(0, 0, 1024, 600))
    assert "1024 × 600" in text and "1280 × 720" in text
    box = window._say_small_screen(text)
    assert isinstance(box, QMessageBox) and box.isVisible() and box.text() == text
    note = window.statusBar().findChild(QLabel, "smallScreenNote")
    assert note.text() == "Bildschirm kleiner als 1280 × 720" and note.toolTip() == text
    box.close()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "smallScreenHint") is None)
