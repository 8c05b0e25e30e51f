"""The graph tab shows its goals at a usable size: fitted when first shown, after a new
layout and when a filter changes what is visible — but an edit keeps the user's zoom."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF

from sa2030_desktop.domain.model import Dependency, DependencyKind
from sa2030_desktop.domain.selection import Selection
from sa2030_desktop.gui.commands import OperationCommand
from sa2030_desktop.gui.graph.view import FIT_MAX_ZOOM
from sa2030_desktop.services import operations as ops


def _node_rect_on_screen(page) -> QRectF:
    """The rectangle (viewport pixels) that all nodes cover."""
    rect = QRectF()
    for item in page.scene.nodes.values():
        rect = rect.united(page.view.mapFromScene(item.sceneBoundingRect()).boundingRect())
    return rect


def _all_inside(page) -> bool:
    port = QRectF(page.view.viewport().rect())
    return port.contains(_node_rect_on_screen(page))


def test_first_showing_the_tab_fits_the_whole_graph(window, qtbot):
    page = window.feature("graph").page
    assert window.tabs.currentWidget() is not page  # built while hidden (tiny viewport)
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.view.isVisible())
    shown = _node_rect_on_screen(page)
    port = page.view.viewport().rect()
    assert _all_inside(page)
    # not a stamp in the middle: the graph fills the width or the height of the view
    assert shown.width() > 0.8 * port.width() or shown.height() > 0.8 * port.height()


def test_small_selection_is_not_blown_up(window, qtbot):
    page = window.feature("graph").page
    window.tabs.setCurrentWidget(page)
    window.table.set_selection(Selection(goal="Z05"))
    qtbot.waitUntil(lambda: set(page.scene.nodes) == {"Z05"})
    assert page.view.zoom() <= FIT_MAX_ZOOM + 1e-9
    assert _all_inside(page)


def test_filter_change_fits_the_new_set_and_edit_keeps_the_zoom(window, qtbot):
    page = window.feature("graph").page
    window.tabs.setCurrentWidget(page)
    page.set_selection(Selection(ministry="MID"))
    assert _all_inside(page)
    fitted = page.view.zoom()
    page.set_selection(Selection())  # all 50 goals again: zoomed out to show them all
    assert page.view.zoom() < fitted
    assert _all_inside(page)
    # the user zooms in and looks at a corner; then edits: zoom and scroll stay
    page.view.zoom_by(2.0)
    page.view.centerOn(page.scene.nodes["Z05"])
    zoom, centre = page.view.zoom(), page.view.mapToScene(page.view.viewport().rect().center())
    command = OperationCommand(page.bridge, ops.Link(Dependency("Z28", "Z01", DependencyKind.SOFT)))
    window.undo_stack.push(command)
    assert ("Z01", "Z28") in page.scene.edges
    assert page.view.zoom() == pytest.approx(zoom)
    after = page.view.mapToScene(page.view.viewport().rect().center())
    assert (after - centre).manhattanLength() < 2


def test_relayout_fits_again(window, qtbot):
    page = window.feature("graph").page
    window.tabs.setCurrentWidget(page)
    page.view.zoom_by(3.0)
    assert not _all_inside(page)
    page.relayout()
    assert _all_inside(page)


def test_resize_refits_an_untouched_view_but_keeps_a_chosen_zoom(window, qtbot):
    page = window.feature("graph").page
    window.tabs.setCurrentWidget(page)
    window.feature("detail").strip.collapse()  # only the window's size changes the view's
    qtbot.wait(20)
    wide = page.view.viewport().width()
    window.resize(1200, 800)
    qtbot.waitUntil(lambda: page.view.viewport().width() < wide - 300)
    assert _all_inside(page)  # still fitted at the smaller size
    page.view.set_zoom(1.0)  # zoomed in: scroll bars appear, the viewport shrinks
    window.resize(1500, 900)
    qtbot.wait(20)
    assert page.view.zoom() == pytest.approx(1.0)


def test_fitted_overview_shows_keys_and_status_signs(window, qtbot, tmp_path):
    """Fitted, 50 goals are too small for their lines of text; the keys must still be legible
    (and the status is never shown by colour alone)."""
    page = window.feature("graph").page
    window.resize(1920, 1080)
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.view.isVisible())
    zoom = page.view.transform().m11()
    assert zoom < 0.6  # the level of detail without the node's lines
    image = page.view.viewport().grab().toImage()
    image.save(str(tmp_path / "overview.png"))
    # white key text is drawn inside the coloured boxes: count white pixels inside one box
    item = page.scene.nodes["Z03"]  # gefährdet: red box, white text
    rect = page.view.mapFromScene(item.sceneBoundingRect()).boundingRect()
    white = sum(
        1
        for x in range(rect.left() + 2, rect.right() - 2)
        for y in range(rect.top() + 2, rect.bottom() - 2)
        if image.pixelColor(x, y).lightness() > 240
    )
    assert white > 20, "key text missing in the zoomed-out box"


def test_a_filter_shows_its_goals_in_a_scene_of_their_own(window, qtbot):
    """An edit keeps the scene's extent (the view does not jump), a new filter does not: the
    hint of an empty selection stands in the view, and a smaller selection scrolls no further
    than its goals."""
    page = window.feature("graph").page
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: bool(page.scene.nodes))
    page.set_selection(Selection(text="gibt es nicht"))
    seen = page.view.mapToScene(page.view.viewport().rect()).boundingRect()
    assert seen.contains(page.scene.empty_item.sceneBoundingRect())
    page.set_selection(Selection())
    whole = page.scene.sceneRect()
    page.set_selection(Selection(ministry="MID"))
    goals = page.scene.itemsBoundingRect()
    assert page.scene.sceneRect().contains(goals)
    assert page.scene.sceneRect().width() < whole.width()
