"""The graph never writes while it rebuilds: positions the layout places are written when the
user leaves the graph (or closes the window), and the next opening shows the same picture."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from sa2030_desktop.domain.model import Goal
from sa2030_desktop.gui.graph.page import GraphPage
from sa2030_desktop.gui.store_bridge import StoreBridge
from sa2030_desktop.services import goals as goal_service
from sa2030_desktop.services.layout import load_positions
from sa2030_desktop.services.portfolio import open_portfolio


def _graph(window):
    window.action("view.graph").trigger()
    page = window.feature("graph").page
    assert window.tabs.currentWidget() is page and page.scene.nodes
    return page


def test_refreshing_the_graph_writes_nothing(window):
    store = window.bridge.store
    page = _graph(window)
    page.set_options(swimlanes="lead", hops=1)
    page.set_options(swimlanes=None, hops=0)
    goal_service.update_goal(store, "Z01", title="Geändert, der Graph baut neu")
    page.refresh()
    assert store.layout(page.view_name()) == {}
    assert store.layout("graph?lanes=lead") == {}
    assert page.positions.pending()[page.view_name()] == page.scene.positions()


def test_leaving_the_graph_keeps_its_picture_and_a_new_goal_moves_nobody(window, qtbot):
    page = _graph(window)
    view = page.view_name()
    before = page.scene.positions()
    window.action("view.table").trigger()  # the user leaves the graph: now it is written
    assert load_positions(window.bridge.store, view) == before
    assert page.positions.pending() == {}
    goal_service.create_goal(window.bridge.store, Goal("Z51", "Neu im Test", "TF01", "MID"))
    page = _graph(window)
    assert {k: p for k, p in page.scene.positions().items() if k != "Z51"} == before
    assert "Z51" not in load_positions(window.bridge.store, view)  # placed, not yet written


def test_closing_the_window_keeps_the_picture_for_the_next_opening(qtbot, window):
    page = _graph(window)
    view, before = page.view_name(), page.scene.positions()
    path = window.bridge.store.path
    window.close()
    store = open_portfolio(path, readonly=True)
    try:
        assert load_positions(store, view) == before
        again = GraphPage(StoreBridge(store), QUndoStack())
        qtbot.addWidget(again)
        assert again.scene.positions() == before
    finally:
        store.close()


def test_moving_nodes_in_a_read_only_file_says_once_that_nothing_is_saved(window):
    """A read-only file keeps no positions: the user is told once, not left to find the
    picture changed back at the next opening."""
    path = window.bridge.store.path
    window.bridge.set_store(open_portfolio(path, readonly=True))
    page = _graph(window)
    before = page.scene.positions()
    key = next(iter(before))
    after = {key: (before[key][0] + 40, before[key][1])}
    page._moved({key: before[key]}, after)
    hint = "Datei ist schreibgeschützt – Positionen werden nicht gespeichert"
    assert window.statusBar().currentMessage() == hint
    window.statusBar().clearMessage()
    page._moved({key: after[key]}, {key: before[key]})
    assert window.statusBar().currentMessage() == ""  # once per file
    assert load_positions(window.bridge.store, page.view_name()).get(key) != after[key]
