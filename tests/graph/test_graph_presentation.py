"""Presentation mode on a projector (issue 14): each step laid out on its own — the step's goals
and, marked as neighbours, their direct neighbours in other ministries with the edges between
them — fitted to the screen with labels of at least 18 pt and full titles; parts only when a
step truly does not fit; a final „Gesamtbild“; build-up, dark theme, pointer; full screen on the
main window's screen (or a second one) and the keyboard back after Esc."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from sa2030_desktop.domain import graph_layout as gl
from sa2030_desktop.domain.graph_view import GraphOptions, build_view
from sa2030_desktop.domain.ministries import lead_at
from sa2030_desktop.gui.graph import actions
from sa2030_desktop.gui.graph.presentation import READABLE_ZOOM
from sa2030_desktop.gui.graph.presentation_parts import POINTER_RADIUS
from tests.support.qt import presentation_at

SCREENS = [(1366, 768), (1280, 720), (1920, 1080)]


@pytest.fixture
def present(window, qtbot):
    shown = presentation_at(window, qtbot, (1920, 1080))
    yield shown
    if shown.isVisible():
        shown.close()


def _on_screen(present, key: str) -> bool:
    view = present.view
    rect = view.mapFromScene(present.scene.nodes[key].sceneBoundingRect()).boundingRect()
    return QRectF(view.viewport().rect()).contains(QRectF(rect))


def _label_points(present) -> float:
    """The size of the goals' text on screen, in points of a 96-dpi screen."""
    return gl.FONT_SIZE * present.view.zoom() * 72 / 96


def _cross_neighbours(window, ministry: str) -> tuple[set[str], set[str]]:
    portfolio = window.bridge.snapshot()
    as_of = window.bridge.as_of
    lead = {k: lead_at(portfolio, g, as_of) for k, g in portfolio.goals.items()}
    own = {k for k, m in lead.items() if m == ministry}
    others = set()
    for d in portfolio.dependencies:
        if d.dependent in own and lead[d.prerequisite] != ministry:
            others.add(d.prerequisite)
        if d.prerequisite in own and lead[d.dependent] != ministry:
            others.add(d.dependent)
    return own, others


@pytest.mark.parametrize("size", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_step_shows_its_ministry_and_neighbours_in_one_readable_part(window, qtbot, size):
    present = presentation_at(window, qtbot, size)
    assert present.groups[present.step_index] == "MB"
    own, others = _cross_neighbours(window, "MB")
    assert len(present.parts) == 1, present.legend.info.text()
    assert "Teil" not in present.legend.info.text()
    assert set(present.scene.nodes) == own | others
    assert {k for k, i in present.scene.nodes.items() if i.node.context} == others
    assert _label_points(present) >= 18 - 1e-6
    portfolio = window.bridge.snapshot()
    for key, item in present.scene.nodes.items():
        assert _on_screen(present, key), (size, key)
        lines = item.node.lines
        whole = portfolio.goals[key].title.replace(" ", "")
        assert "".join(lines[1:]).replace(" ", "") == whole  # the whole title, no „…“
        assert len(lines) <= 4
        assert item.node.status.label in lines[0]  # status in words, not colour alone
    touching = [d for d in portfolio.dependencies if own & {d.prerequisite, d.dependent}]
    assert touching  # every dependency of the ministry's goals is on the picture
    assert {(d.prerequisite, d.dependent) for d in touching} == set(present.scene.edges)
    present.close()


def test_every_goal_of_every_step_is_shown_readable_and_the_last_step_is_the_whole(
    window, present, qtbot
):
    portfolio = window.bridge.snapshot()
    seen: dict[str, set[str]] = {}
    titles = []
    for _press in range(200):
        if present.is_overall():
            break
        lane = present.groups[present.step_index]
        assert _label_points(present) >= 18 - 1e-6
        for key, item in present.scene.nodes.items():
            assert _on_screen(present, key), (lane, key, present.part_index)
            if not item.node.context:
                seen.setdefault(lane, set()).add(key)
        titles.append(present.legend.info.text())
        qtbot.keyClick(present.view, Qt.Key.Key_PageDown)
    assert sum(len(v) for v in seen.values()) == len(portfolio.goals)
    assert any("Teil 1/" in t for t in titles)  # MID has more neighbours than a screen holds
    assert any("Teil 2/" in t for t in titles)
    assert "Gesamtbild (50 Ziele, 76 Abhängigkeiten)" in present.legend.info.text()
    assert set(present.visible_part()) == set(portfolio.goals)
    qtbot.keyClick(present.view, Qt.Key.Key_Home)
    assert (present.step_index, present.part_index) == (0, 0)
    qtbot.keyClick(present.view, Qt.Key.Key_End)
    assert present.is_overall()


def test_paging_back_goes_through_the_parts(present, qtbot):
    while len(present.parts) < 2:
        qtbot.keyClick(present.view, Qt.Key.Key_PageDown)
    step, count = present.step_index, len(present.parts)
    for _ in range(count):
        qtbot.keyClick(present.view, Qt.Key.Key_PageDown)
    assert present.step_index == step + 1
    qtbot.keyClick(present.view, Qt.Key.Key_PageUp)
    assert (present.step_index, present.part_index) == (step, count - 1)


def test_build_up_keeps_earlier_steps_dimmed(present, qtbot):
    qtbot.keyClick(present.view, Qt.Key.Key_PageDown)
    while present.part_index:
        qtbot.keyClick(present.view, Qt.Key.Key_PageDown)
    qtbot.keyClick(present.view, Qt.Key.Key_A)
    assert "Aufbau" in present.legend.info.text()
    first, second = present.groups[0], present.groups[1]
    shown = {k: i.node for k, i in present.scene.nodes.items() if i.isVisible()}
    assert {n.lane for n in shown.values()} == {first, second}
    assert all(n.dimmed == (n.lane == first) for n in shown.values())
    qtbot.keyClick(present.view, Qt.Key.Key_A)
    assert all(not i.node.dimmed for i in present.scene.nodes.values())


def test_dark_theme_and_pointer(present, qtbot):
    qtbot.keyClick(present.view, Qt.Key.Key_T)
    assert present.view.backgroundBrush().color().name() == "#000000"
    image = present.view.viewport().grab().toImage()
    assert image.pixelColor(3, 3).name() == "#000000"
    centre = QPoint(present.view.viewport().width() // 2, 40)
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(centre),
        QPointF(present.view.viewport().mapToGlobal(centre)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(present.view.viewport(), event)
    image = present.view.viewport().grab().toImage()
    ring = image.pixelColor(centre.x() + POINTER_RADIUS, centre.y())
    assert ring.red() > 200 and ring.green() < 120  # the red pointer spot is drawn
    qtbot.keyClick(present.view, Qt.Key.Key_Z)
    image = present.view.viewport().grab().toImage()
    assert image.pixelColor(centre.x() + POINTER_RADIUS, centre.y()).red() < 100
    qtbot.keyClick(present.view, Qt.Key.Key_T)
    assert present.view.backgroundBrush().color().name() == "#ffffff"


def test_focus_on_a_chain_shows_the_chosen_goal(window, present, qtbot):
    qtbot.keyClick(present.view, Qt.Key.Key_End)
    present.scene.nodes["Z16"].setSelected(True)
    qtbot.keyClick(present.view, Qt.Key.Key_F)
    assert "Kette von Z16" in present.legend.info.text()
    assert "Z16" in present.visible_part()
    assert _label_points(present) >= 18 - 1e-6
    assert all(_on_screen(present, k) for k in present.visible_part())


def test_a_small_screen_gets_a_hint(window, qtbot):
    present = presentation_at(window, qtbot, (1024, 600))
    assert present.too_small.isVisible()
    assert "kleiner als 1280 × 720" in present.too_small.text()
    assert _label_points(present) >= 18 - 1e-6  # still readable: more parts instead
    present.close()


def test_two_hundred_goals_of_one_ministry_come_in_readable_parts(window, qtbot):
    from sa2030_desktop.domain import presentation_steps as steps
    from sa2030_desktop.gui.graph.style import Style

    model = build_view(
        window.bridge.snapshot(), GraphOptions(swimlanes="lead"), window.bridge.as_of
    )
    template = next(iter(model.nodes.values()))
    import dataclasses

    model.nodes = {
        f"Y{i:03}": dataclasses.replace(template, id=f"Y{i:03}", key=f"Y{i:03}", lane="XX")
        for i in range(200)
    }
    model.edges = []
    parts = steps.plan_step(model, "XX", (1366, 640), READABLE_ZOOM, Style().measure)
    assert len(parts) > 4
    assert sorted(k for p in parts for k in p.goals) == sorted(model.nodes)
    for part in parts:
        assert min(1366 / part.width, 640 / part.height) >= READABLE_ZOOM


def test_full_screen_on_the_main_window_screen_and_keys_back_after_escape(window, qtbot):
    page = window.feature("graph").page
    window.tabs.setCurrentWidget(page)
    shown = actions.start_presentation(page)
    qtbot.addWidget(shown)
    qtbot.waitExposed(shown)
    screen = window.screen()
    assert shown.isFullScreen()
    assert shown.screen() is screen  # one screen: the main window's
    assert shown.geometry() == screen.geometry()  # no minimum width wider than the screen
    assert all(_on_screen(shown, k) for k in shown.visible_part())
    qtbot.keyClick(shown.view, Qt.Key.Key_Escape)
    assert not shown.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert QApplication.focusWidget() is page.view
