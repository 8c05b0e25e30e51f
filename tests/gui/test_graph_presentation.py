"""Presentation mode on a projector: every goal of every step is on screen at a readable size
(in parts when they do not fit at once), full screen on the main window's screen, and the
main window gets the keyboard back after Esc."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QApplication

from sa2030_desktop.gui.graph import actions
from sa2030_desktop.gui.graph.paging import split_into_parts
from sa2030_desktop.gui.graph.presentation import READABLE_ZOOM


def test_parts_fit_the_page_and_keep_every_goal():
    boxes = {
        f"Z{i:02}": (i * 230.0, (i % 3) * 90.0, i * 230.0 + 160, (i % 3) * 90.0 + 66)
        for i in range(10)
    }
    parts = split_into_parts(boxes, 700, 200)
    assert sorted(k for part in parts for k in part) == sorted(boxes)
    for part in parts:
        assert max(boxes[k][2] for k in part) - min(boxes[k][0] for k in part) <= 700
        assert max(boxes[k][3] for k in part) - min(boxes[k][1] for k in part) <= 200
    assert [k for part in parts for k in part][:3] == ["Z00", "Z01", "Z02"]  # reading order
    assert [sorted(p) for p in split_into_parts(boxes, 99999, 99999)] == [sorted(boxes)]
    assert split_into_parts({}, 100, 100) == []


@pytest.fixture
def present(window, qtbot):
    page = window.feature("graph").page
    window.tabs.setCurrentWidget(page)
    shown = actions.start_presentation(page)
    qtbot.addWidget(shown)
    shown.showNormal()  # the offscreen test screen is smaller than a projector
    shown.resize(1920, 1080)
    qtbot.waitExposed(shown)
    yield shown
    if shown.isVisible():
        shown.close()


def _on_screen(present, key: str) -> bool:
    view = present.view
    rect = view.mapFromScene(present.scene.nodes[key].sceneBoundingRect()).boundingRect()
    return (
        QRectF(view.viewport().rect()).contains(QRectF(rect))
        and present.scene.nodes[key].isVisible()
    )


@pytest.mark.parametrize("lanes", ["lead", "theme"])
def test_every_goal_of_every_step_is_shown_readable(window, present, qtbot, lanes):
    page = window.feature("graph").page
    page.set_options(swimlanes=lanes)
    present._rebuild()
    portfolio = window.bridge.snapshot()
    seen: dict[str, set[str]] = {}
    titles = []
    for _press in range(200):
        lane = present.groups[present.step_index]
        part = present.visible_part()
        assert part, lane
        assert present.view.zoom() >= READABLE_ZOOM - 1e-9
        for key in part:
            assert _on_screen(present, key), (lane, key, present.part_index)
        seen.setdefault(lane, set()).update(part)
        titles.append(present.legend.info.text())
        if (
            present.step_index == len(present.groups) - 1
            and present.part_index == len(present.parts) - 1
        ):
            break
        qtbot.keyClick(present.view, Qt.Key.Key_PageDown)
    expected: dict[str, set[str]] = {}
    for key, item in present.scene.nodes.items():
        expected.setdefault(item.node.lane, set()).add(key)
    assert seen == expected
    assert sum(len(v) for v in seen.values()) == len(portfolio.goals)
    if lanes == "lead":
        assert seen["MB"] == {g.key for g in portfolio.goals.values() if g.lead == "MB"}
        assert "Z44" in seen["MI"]
    # a step in several parts says so, so that no goal stays off screen unnoticed
    assert any("Teil 1/" in t for t in titles)
    assert any("Teil 2/" in t for t in titles)


def test_paging_back_goes_through_the_parts(present, qtbot):
    parts_first = len(present.parts)
    qtbot.keyClick(present.view, Qt.Key.Key_PageDown)
    while present.step_index == 0:
        qtbot.keyClick(present.view, Qt.Key.Key_PageDown)
    qtbot.keyClick(present.view, Qt.Key.Key_PageUp)
    assert present.step_index == 0
    assert present.part_index == parts_first - 1  # the previous step's last part
    for _ in range(parts_first + 2):
        qtbot.keyClick(present.view, Qt.Key.Key_Left)
    assert (present.step_index, present.part_index) == (0, 0)


def test_focus_on_a_chain_shows_the_chosen_goal(window, present, qtbot):
    present.step_index = len(present.groups) - 1
    present.go(0)
    present.scene.nodes["Z16"].setSelected(True)
    qtbot.keyClick(present.view, Qt.Key.Key_F)
    assert "Kette von Z16" in present.legend.info.text()
    assert "Z16" in present.visible_part()
    assert all(_on_screen(present, k) for k in present.visible_part())


def test_full_screen_on_the_main_window_screen_and_keys_back_after_escape(window, qtbot):
    page = window.feature("graph").page
    window.tabs.setCurrentWidget(page)
    shown = actions.start_presentation(page)
    qtbot.addWidget(shown)
    qtbot.waitExposed(shown)
    screen = window.screen()
    assert shown.isFullScreen()
    assert shown.screen() is screen
    assert shown.geometry() == screen.geometry()  # no minimum width wider than the screen
    # every goal of the first step is on this (small) screen too
    assert all(_on_screen(shown, k) for k in shown.visible_part())
    qtbot.keyClick(shown.view, Qt.Key.Key_Escape)
    assert not shown.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert QApplication.focusWidget() is page.view
