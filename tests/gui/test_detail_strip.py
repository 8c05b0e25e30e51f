"""Issue 14 item 2: on a laptop (1366×768) and a projector (1280×720) the goal detail folds
into a narrow strip at the window's right edge, every view takes the width without sideways
scrolling, and the detail unfolds again by keyboard, by the strip, or by Eingabe on a goal."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractScrollArea, QApplication

from sa2030_desktop.gui.detail.strip import COLLAPSE_BELOW
from sa2030_desktop.gui.graph.view import GraphView
from sa2030_desktop.gui.table.goal_table_model import Column
from tests.support.a11y import unnamed_controls

SCREENS = [(1366, 768), (1280, 720)]
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _narrow(window, qtbot, width: int, height: int):
    window.resize(width, height)
    qtbot.wait(50)
    return window.feature("detail").strip


def _laptop_width(window, width: int) -> int:
    spec = next(d for d in window.assembly.dock_specs() if d.id == "goal_detail")
    return spec.first_start_width(width)


def _scrolls_sideways(area: QAbstractScrollArea) -> bool:
    bar = area.horizontalScrollBar()
    return bar.isVisible() and bar.maximum() > 0


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_a_narrow_window_folds_the_detail_into_a_strip(window, qtbot, width, height):
    assert window.dock("goal_detail").isVisible()  # 1600 px wide: beside the views
    strip = _narrow(window, qtbot, width, height)
    assert strip.collapsed and strip.auto_collapsed
    assert not window.dock("goal_detail").isVisible()
    assert not window.history_dock.isVisible()  # the tab sharing its place folds with it
    bar = strip.toolbar
    assert bar.isVisible() and bar.width() <= 40
    assert bar.geometry().right() == window.width() - 1  # at the window's right edge
    assert window.centralWidget().geometry().right() >= window.width() - 45
    # the strip says which goal the folded detail shows, in full (vertical text, not cut)
    assert window.select_goal("Z04")
    button = strip.button
    assert button.text() == "Zieldetails · Z04"
    assert button.height() >= button.fontMetrics().horizontalAdvance(button.text())
    assert button.width() >= button.fontMetrics().height()
    keys = QKeySequence("Ctrl+Shift+D").toString(QKeySequence.SequenceFormat.NativeText)
    assert "Z04" in button.accessibleDescription() and keys in button.toolTip()
    assert button.accessibleName() == "Zieldetails ausklappen"
    assert unnamed_controls(bar) == []


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_every_view_takes_the_width_without_sideways_scrolling(window, qtbot, width, height):
    _narrow(window, qtbot, width, height)
    header = window.table.view.horizontalHeader()
    right = header.sectionViewportPosition(Column.STATUS) + header.sectionSize(Column.STATUS)
    assert right <= window.table.view.viewport().width()
    assert len(window.table.hidden_by_width) <= 1  # with the room, the table shows its columns
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        qtbot.wait(50)
        page = window.tabs.widget(i)
        assert page.geometry().right() <= window.centralWidget().width()
        for area in page.findChildren(QAbstractScrollArea):
            if not area.isVisible() or isinstance(area, GraphView):
                continue
            if area is getattr(window.feature("timeline").view, "canvas", None):
                continue  # the time axis scrolls by design (zoom: quarters, months)
            assert not _scrolls_sideways(area), (window.tabs.tabText(i), area.objectName())
    graph = window.feature("graph").page.view
    window.show_view(window.feature("graph").page)
    qtbot.wait(50)
    graph.fit_all()
    shown = graph.mapFromScene(graph.scene().itemsBoundingRect()).boundingRect()
    assert graph.viewport().rect().contains(shown)  # fit-all: the whole graph, no scrolling


def test_the_detail_unfolds_by_keyboard_and_by_eingabe_on_a_goal(window, qtbot):
    strip = _narrow(window, qtbot, 1280, 720)
    dock = window.dock("goal_detail")
    panel = window.feature("detail").panel
    window.activateWindow()
    qtbot.waitActive(window)
    window.table.view.setFocus()
    assert window.select_goal("Z05")
    qtbot.keyClick(window.table.view, Qt.Key.Key_D, CTRL_SHIFT)  # Ansicht › Zieldetails
    qtbot.wait(50)
    assert not strip.collapsed and dock.isVisible() and not strip.toolbar.isVisible()
    assert window.history_dock in window.tabifiedDockWidgets(dock)  # back in its place
    assert dock.width() <= _laptop_width(window, 1280) + 10
    assert dock.geometry().right() <= window.width()
    assert panel.isAncestorOf(QApplication.focusWidget())  # the keyboard went with it
    assert panel.goal_key == "Z05"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_D, CTRL_SHIFT)
    qtbot.wait(50)
    assert strip.collapsed and strip.toolbar.isVisible() and not strip.auto_collapsed
    # Eingabe on a goal in the table opens its detail
    window.table.view.setFocus()
    assert window.select_goal("Z07")
    qtbot.keyClick(window.table.view, Qt.Key.Key_Return)
    qtbot.wait(50)
    assert not strip.collapsed and dock.isVisible() and panel.goal_key == "Z07"


def test_the_strip_unfolds_by_a_click(window, qtbot):
    strip = _narrow(window, qtbot, 1366, 768)
    qtbot.mouseClick(strip.button, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    dock = window.dock("goal_detail")
    assert dock.isVisible() and not strip.toolbar.isVisible()
    assert dock.width() <= _laptop_width(window, 1366) + 10
    # the dock's own close button (or the menu entry) folds it into the strip again
    dock.close()
    qtbot.wait(20)
    assert strip.collapsed and strip.toolbar.isVisible()


def test_a_wide_window_unfolds_what_folded_by_itself_only(window, qtbot):
    strip = _narrow(window, qtbot, 1366, 768)
    assert strip.collapsed
    window.resize(COLLAPSE_BELOW + 200, 900)
    qtbot.wait(50)
    assert not strip.collapsed and window.history_dock in window.tabifiedDockWidgets(strip.dock)
    strip.collapse()  # folded by the user: stays folded at any width
    window.resize(1366, 768)
    qtbot.wait(20)
    window.resize(COLLAPSE_BELOW + 200, 900)
    qtbot.wait(20)
    assert strip.collapsed and strip.toolbar.isVisible()


def test_the_folded_detail_is_remembered_per_screen_size(window, qtbot, monkeypatch):
    from sa2030_desktop.gui.main_window import MainWindow

    screen = ["window/1366x768"]
    monkeypatch.setattr(type(window), "_layout_key", lambda _self: screen[0])
    strip = _narrow(window, qtbot, 1366, 768)
    assert strip.collapsed
    window.save_layout()
    screen[0] = "window/1920x1080"
    window.resize(1900, 1000)
    qtbot.wait(20)
    assert not strip.collapsed
    window.save_layout()
    for key, folded in (("window/1366x768", True), ("window/1920x1080", False)):
        screen[0] = key
        again = MainWindow(window.bridge)
        qtbot.addWidget(again)
        again.show()
        qtbot.waitExposed(again)
        qtbot.wait(20)
        assert again.feature("detail").strip.collapsed is folded, key
        assert again.feature("detail").strip.toolbar.isVisible() is folded, key
        again.close()


def test_first_start_on_a_laptop_shows_the_detail_folded(qtbot, demo_store, isolated_settings):
    from sa2030_desktop.gui.main_window import MainWindow
    from sa2030_desktop.gui.store_bridge import StoreBridge

    bridge = StoreBridge(demo_store)
    window = MainWindow(bridge)
    qtbot.addWidget(window)
    assert window.first_start
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    strip = window.feature("detail").strip
    assert strip.collapsed and strip.toolbar.isVisible()
    window.close()
    bridge.close()


def test_a_floating_detail_stays_open_on_a_narrow_window(window, qtbot):
    """A detail undocked (onto a second screen, say) takes none of the window's width: a
    narrower window leaves it open and shows no strip."""
    dock = window.dock("goal_detail")
    dock.setFloating(True)
    qtbot.waitUntil(dock.isVisible)
    strip = _narrow(window, qtbot, 1366, 768)
    assert dock.isVisible() and dock.isFloating()
    assert not strip.collapsed and not strip.toolbar.isVisible()


def test_the_strip_shows_when_it_has_the_keyboard(window, qtbot):
    """Folding by keyboard leaves the focus on the strip; a screen-reader or keyboard user must
    see where it is (BITV/WCAG 2.4.7): a frame in the text colour, not a look-alike."""
    strip = _narrow(window, qtbot, 1366, 768)
    window.activateWindow()
    qtbot.waitActive(window)
    button = strip.button
    window.table.view.setFocus()
    qtbot.wait(20)
    plain = button.grab().toImage()
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(button.hasFocus)
    focused = button.grab().toImage()
    assert focused != plain
    text = button.palette().color(button.foregroundRole())
    ratio = button.devicePixelRatioF()
    edge = focused.pixelColor(round(button.width() * ratio / 2), round(1 * ratio))
    assert edge == text, (edge.name(), text.name())


def test_eingabe_on_a_goal_in_the_graph_unfolds_the_detail(window, qtbot):
    strip = _narrow(window, qtbot, 1280, 720)
    window.activateWindow()
    qtbot.waitActive(window)
    window.action("view.graph").trigger()
    page = window.feature("graph").page
    page.select_goal("Z05")
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    qtbot.wait(50)  # the docks' layout settles
    dock, panel = window.dock("goal_detail"), window.feature("detail").panel
    assert dock.isVisible() and panel.goal_key == "Z05"
    assert not strip.collapsed and not strip.toolbar.isVisible()
    assert window.history_dock in window.tabifiedDockWidgets(dock)  # back in its place
    assert dock.width() <= _laptop_width(window, 1280) + 10
    assert panel.isAncestorOf(QApplication.focusWidget())
