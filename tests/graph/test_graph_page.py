"""The graph tab against the store: content under filters, stable positions, editing with undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack

from sa2030_desktop.domain.graph_view import GraphOptions, visible_goals
from sa2030_desktop.domain.model import DependencyKind, Status
from sa2030_desktop.domain.selection import Selection
from sa2030_desktop.gui.graph.page import GraphPage
from sa2030_desktop.gui.store_bridge import StoreBridge
from sa2030_desktop.services.portfolio import open_portfolio
from tests.support.graph import drag, node_point


@pytest.fixture
def page(qtbot, demo_store):
    bridge = StoreBridge(demo_store)
    widget = GraphPage(bridge, QUndoStack())
    qtbot.addWidget(widget)
    widget.resize(1600, 900)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.close()


def _dep_pairs(store):
    return {(d.prerequisite, d.dependent) for d in store.snapshot().dependencies}


@pytest.mark.parametrize("settings", [
    {},
    {"selection": Selection(theme="TF09"), "hops": 1},
    {"selection": Selection(theme="TF09"), "hops": 1, "neighbour_edges": True},
    {"selection": Selection(ministry="MID", involved=True)},
    {"selection": Selection(category="DI")},
    {"selection": Selection(status=None, only_slipped=True)},
    {"cross_ministry": True, "swimlanes": "lead"},
])  # fmt: skip
def test_scene_holds_what_the_domain_selects(page, settings):
    page.set_options(**settings)
    options = GraphOptions(**settings)
    keys, deps = visible_goals(page.bridge.snapshot(), options, page.bridge.as_of)
    assert set(page.scene.nodes) == keys
    assert set(page.scene.edges) == {(d.prerequisite, d.dependent) for d in deps}
    assert len(page.scene.lanes) == (
        len({page.scene.nodes[k].node.lane for k in keys}) if settings.get("swimlanes") else 0
    )


def test_empty_filter_shows_a_friendly_empty_state(page):
    page.set_selection(
        Selection(
            theme="TF09",
            status=Status.DONE,
            only_slipped=True,
        )
    )
    assert page.scene.nodes == {}
    assert "Keine Ziele in dieser Auswahl" in page.scene.empty_item.toPlainText()
    assert page.message.text() == "Keine Ziele in dieser Auswahl."
    assert page.view.zoom() == pytest.approx(1.0)


def test_positions_stable_across_reopening_the_file(qtbot, page, tmp_path):
    page.set_options(swimlanes="lead")
    before = page.scene.positions()
    path = page.bridge.store.path
    page.bridge.close()
    store = open_portfolio(path)
    again = GraphPage(StoreBridge(store), QUndoStack())
    qtbot.addWidget(again)
    again.set_options(swimlanes="lead")
    assert again.scene.positions() == before
    store.close()


def test_drag_to_link_adds_one_dependency_and_undo_removes_it(page, qtbot):
    store = page.bridge.store
    before = _dep_pairs(store)
    assert ("Z15", "Z44") not in before
    drag(page, node_point(page, "Z15"), node_point(page, "Z44"), Qt.KeyboardModifier.ShiftModifier)
    popup = page.kind_popup
    assert popup is not None and popup.isVisible()
    qtbot.mouseClick(popup.buttons[DependencyKind.HARD], Qt.MouseButton.LeftButton)
    assert _dep_pairs(store) == before | {("Z15", "Z44")}
    assert ("Z15", "Z44") in page.scene.edges
    assert page.undo_stack.count() == 1
    page.undo_stack.undo()
    assert _dep_pairs(store) == before
    assert ("Z15", "Z44") not in page.scene.edges


def test_cycle_is_refused_with_its_path_highlighted(page):
    store = page.bridge.store
    before = _dep_pairs(store)
    changes_before = len(store.changes())
    # Z03 → Z12 → Z20 → Z16 exists in flow order; Z16 → Z03 would close a circle.
    page.connect_action.trigger()
    drag(page, node_point(page, "Z16"), node_point(page, "Z03"))
    page.kind_popup.buttons[DependencyKind.SOFT].click()
    assert _dep_pairs(store) == before
    assert len(store.changes()) == changes_before
    assert page.undo_stack.count() == 0
    assert "Kreis" in page.message.text() and "Z03" in page.message.text()
    marked = {k for k, item in page.scene.nodes.items() if item.cycle}
    assert {"Z03", "Z16"} <= marked
    assert any(item.cycle for item in page.scene.edges.values())


def test_delete_key_removes_the_selected_edge_undoably(page, qtbot):
    store = page.bridge.store
    pair = ("Z12", "Z20")
    assert pair in _dep_pairs(store)
    page.scene.edges[pair].setSelected(True)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert pair not in _dep_pairs(store)
    assert pair not in page.scene.edges
    page.undo_stack.undo()
    assert pair in _dep_pairs(store)


def test_moving_a_node_is_stored_and_undoable(page):
    from sa2030_desktop.services.layout import load_positions

    old = page.scene.nodes["Z01"].pos()
    start = node_point(page, "Z01")
    drag(page, start, start + QPoint(0, 60))
    moved = page.scene.nodes["Z01"].pos()
    assert moved.y() > old.y()
    stored = load_positions(page.bridge.store, page.view_name())
    assert stored["Z01"] == (moved.x(), moved.y())
    page.undo_stack.undo()
    assert load_positions(page.bridge.store, page.view_name())["Z01"] == (old.x(), old.y())
    assert page.scene.nodes["Z01"].pos() == old


def test_selected_goal_highlights_its_chain(page):
    page.select_goal("Z16")
    snap = page.bridge.snapshot()
    from sa2030_desktop.domain.graph_view import chain_of

    chain = chain_of(snap, "Z16")
    lit = {k for k, i in page.scene.nodes.items() if i.node.highlighted}
    assert lit == chain
    assert all(i.node.dimmed for k, i in page.scene.nodes.items() if k not in chain)


def test_whatif_overlay_marks_affected_goals_and_writes_nothing(page):
    from sa2030_desktop.gui.graph.actions import simulate_slip

    store = page.bridge.store
    changes_before = len(store.changes())
    affected = simulate_slip(page, "Z03", 60)
    assert affected and {k for k, i in page.scene.nodes.items() if i.whatif} == affected | {"Z03"}
    assert "betrifft" in page.message.text()
    assert len(store.changes()) == changes_before


def test_layout_of_a_large_graph_runs_in_a_worker(page, qtbot, monkeypatch):
    from sa2030_desktop.gui.graph import page as page_module

    monkeypatch.setattr(page_module, "SYNC_LIMIT", 10)
    with qtbot.waitSignal(page.model_ready, timeout=10_000):
        page.set_options(swimlanes="theme")
        assert page.progress.text.text() == "Layout wird berechnet …"
    assert len(page.scene.nodes) == 50 and len(page.scene.lanes) > 1


def test_export_of_the_current_view(page, qtbot, tmp_path):
    from defusedxml import ElementTree

    from sa2030_desktop.gui.graph.actions import export_to

    page.set_options(selection=Selection(theme="TF09"), hops=1)
    with qtbot.waitSignal(page.exported, timeout=20_000):
        export_to(page, tmp_path / "sicht.svg")
    root = ElementTree.parse(tmp_path / "sicht.svg").getroot()
    ids = {el.get("id")[5:] for el in root.iter() if (el.get("id") or "").startswith("node-")}
    assert ids == set(page.scene.nodes)
    with qtbot.waitSignal(page.export_failed, timeout=20_000) as blocker:
        export_to(page, tmp_path / "sicht.gif")
    assert "Unbekanntes Dateiformat" in blocker.args[0]
    assert not (tmp_path / "sicht.gif").exists()


def test_double_click_on_a_lane_collapses_it_into_one_group(page, qtbot):
    page.set_options(swimlanes="lead")
    lane = next(lane for lane in page.scene.lanes if lane.value == "MID")
    mid_goals = {k for k, i in page.scene.nodes.items() if i.node.lane == "MID"}
    point = page.view.mapFromScene(lane.rect.left() + 10, lane.rect.top() + 30)
    page.view.ensureVisible(lane.rect.left(), lane.rect.top(), 10, 40)
    point = page.view.mapFromScene(lane.rect.left() + 10, lane.rect.top() + 30)
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    group = page.scene.nodes["grp:MID"]
    assert group.node.count == len(mid_goals)
    assert not mid_goals & set(page.scene.nodes)
    assert any("grp:MID" in pair for pair in page.scene.edges)
    page.toggle_collapsed("MID")
    assert mid_goals <= set(page.scene.nodes)


def test_zoomed_out_large_graph_draws_the_overview(page, monkeypatch):
    from sa2030_desktop.gui.graph import view as view_module

    monkeypatch.setattr(view_module, "OVERVIEW_MIN_NODES", 10)
    page.view.set_zoom(0.2)
    assert page.scene.overview_on
    assert not any(i.isVisible() for i in page.scene.nodes.values())
    image = page.view.viewport().grab().toImage()
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
    }
    assert len(colours) > 3  # status colours and edges are drawn, not a blank canvas
    page.view.set_zoom(1.0)
    assert not page.scene.overview_on
    assert all(i.isVisible() for i in page.scene.nodes.values())


def test_edge_hover_text_names_rationale_milestones_and_conflict(page):
    snap = page.bridge.snapshot()
    dep = next(d for d in snap.dependencies if d.rationale and d.prerequisite_milestone)
    tip = page.scene.edges[(dep.prerequisite, dep.dependent)].toolTip()
    assert f"{dep.dependent} benötigt {dep.prerequisite}" in tip
    assert dep.rationale in tip and dep.prerequisite_milestone in tip
    conflicted = [i for i in page.scene.edges.values() if i.edge.conflict]
    assert len(conflicted) == 4
    for item in conflicted:
        assert "Tage zu spät" in item.toolTip()
        # the word, or a warning sign where the fitted graph leaves no room for it
        assert item.label.text() in ("Konflikt", "⚠")
        assert item.label.toolTip() == item.toolTip()


def test_relayout_is_one_undoable_step(page):
    start = page.scene.nodes["Z01"].pos()
    drag_to = start.y() + 300
    page.scene.nodes["Z01"].setPos(start.x(), drag_to)
    page.push_move({"Z01": (start.x(), start.y())}, {"Z01": (start.x(), drag_to)})
    page.relayout()
    assert page.scene.nodes["Z01"].pos() == start
    page.undo_stack.undo()
    assert page.scene.nodes["Z01"].pos().y() == drag_to


def test_focus_on_a_goal_shows_only_its_chain(page):
    from sa2030_desktop.domain import graph as g

    graph = g.build_graph(page.bridge.snapshot())
    page.set_focus("Z16", "predecessors")
    assert set(page.scene.nodes) == {"Z16"} | g.predecessors(graph, "Z16")
    assert page.unfocus_action.isEnabled() and "Z16" in page.unfocus_action.text()
    page.unfocus_action.trigger()
    assert len(page.scene.nodes) == 50
