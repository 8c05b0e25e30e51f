"""The graph scene holds few Python objects per goal and dependency: Python's full garbage
collection walks every object, and at 10,000 goals the scene's ~300,000 stood the GUI thread
still for 0.1-0.6 s at each collection (benchmarks/graph_app.py; gc.freeze is not an option,
tests/test_no_process_switches.py)."""

from __future__ import annotations

import gc

from sa2030_desktop.domain.graph_view import GraphOptions
from sa2030_desktop.gui.graph.jobs import compute_now
from sa2030_desktop.gui.graph.scene import GraphScene


def _model(folder):
    from benchmarks.generate import portfolio_file
    from sa2030_desktop.services.portfolio import default_as_of, open_portfolio

    store = open_portfolio(portfolio_file(folder, 300))
    try:
        portfolio = store.snapshot()
        as_of = default_as_of(portfolio, None)
        return compute_now(portfolio, GraphOptions(swimlanes="lead"), as_of, {})[0]
    finally:
        store.close()


def test_a_scene_item_costs_about_two_python_objects(qtbot, tmp_path):
    model = _model(tmp_path)
    labels = sum(1 for e in model.edges if e.conflict)
    assert labels > 20  # (the case of the conflict labels is part of the count)
    scene = GraphScene()
    gc.collect()
    before = len(gc.get_objects())
    scene.set_model(model)
    gc.collect()
    added = len(gc.get_objects()) - before
    items = len(model.nodes) + len(model.edges) + labels
    # the wrapper of each item, a goal's list of edges, an edge's and a label's bounds – no
    # __dict__ per item, no rectangles per goal, no leader line before one is drawn, the
    # overview's boxes held by Qt (before: 5.5 per item; 2.6 with the overview's per goal)
    assert added <= 2.2 * items, added / items


def test_goals_of_one_size_share_their_box(qtbot, tmp_path):
    scene = GraphScene()
    scene.set_model(_model(tmp_path))
    boxes = {id(item.box()) for item in scene.nodes.values()}
    sizes = {(n.width, n.height) for n in scene.model.nodes.values()}
    assert len(boxes) == len(sizes)


def test_hover_texts_are_made_when_first_wanted(qtbot, tmp_path, monkeypatch):
    """20,000 edge texts at 10,000 goals cost ~0.4 s of the build; few are ever read. Qt reads
    an item's text itself (QGraphicsItem.toolTip, not virtual): hovering sets it first."""
    from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneHoverEvent

    from sa2030_desktop.gui.graph import edge_item

    made, real = [], edge_item.edge_tooltip
    monkeypatch.setattr(edge_item, "edge_tooltip", lambda edge: made.append(edge) or real(edge))
    scene = GraphScene()
    scene.set_model(_model(tmp_path))
    assert made == []
    item = next(i for i in scene.edges.values() if i.label is not None)
    assert QGraphicsItem.toolTip(item.label) == ""  # what Qt would show: nothing made yet
    item.label.hoverEnterEvent(QGraphicsSceneHoverEvent())
    assert "Konflikt" in QGraphicsItem.toolTip(item.label) == QGraphicsItem.toolTip(item)
    other = next(i for i in scene.edges.values() if i.label is None)
    assert other.toolTip() == real(other.edge) and len(made) == 2  # asked in Python
