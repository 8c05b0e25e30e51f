"""Layered layout: dependency order left to right, no overlaps, lanes, stable placement."""

from __future__ import annotations

from datetime import date
from itertools import combinations

import pytest

from sa2030_desktop.domain import graph_layout as gl
from sa2030_desktop.domain.graph_view import GraphOptions, build_view
from sa2030_desktop.domain.model import Goal
from sa2030_desktop.services import graph as graph_service
from sa2030_desktop.services import layout as layout_service
from sa2030_desktop.services.goals import create_goal
from sa2030_desktop.services.portfolio import open_portfolio

AS_OF = date(2026, 3, 31)


def _overlapping(model):
    found = []
    for a, b in combinations(model.nodes.values(), 2):
        if abs(a.x - b.x) * 2 < a.width + b.width and abs(a.y - b.y) * 2 < a.height + b.height:
            found.append((a.id, b.id))
    return found


@pytest.mark.parametrize("lanes", [None, "lead", "theme"])
def test_layers_follow_dependency_order_without_overlaps(demo_store, lanes):
    model = build_view(demo_store.snapshot(), GraphOptions(swimlanes=lanes), AS_OF)
    gl.layout(model)
    assert _overlapping(model) == []
    for e in model.edges:
        assert model.nodes[e.source].x < model.nodes[e.target].x, e.id
    for node in model.nodes.values():
        assert gl.text_width(gl.node_lines(node)[1]) + 2 * gl.PAD <= node.width


def test_swimlanes_hold_their_goals_and_do_not_overlap(demo_store):
    model = build_view(demo_store.snapshot(), GraphOptions(swimlanes="lead"), AS_OF)
    gl.layout(model)
    assert [lane.value for lane in model.lanes] == sorted(
        {n.lead for n in model.nodes.values()}, key=[*demo_store.snapshot().ministries].index
    )
    for lane in model.lanes:
        for node in model.nodes.values():
            inside = lane.y0 <= node.y - node.height / 2 and node.y + node.height / 2 <= lane.y1
            assert inside == (node.lane == lane.value), (node.id, lane.value)
    for a, b in zip(model.lanes, model.lanes[1:], strict=False):
        assert a.y1 <= b.y0


def test_positions_stable_across_reopen_and_new_goal_moves_nobody(demo_store):
    options = GraphOptions()
    first = graph_service.graph_model(demo_store, options, AS_OF, store_new=True)
    before = {k: (n.x, n.y) for k, n in first.nodes.items()}
    path = demo_store.path
    demo_store.close()
    store = open_portfolio(path)
    try:
        assert layout_service.load_positions(store, "graph") == before
        create_goal(store, Goal("Z51", "Neues Ziel für den Test", "TF01", "MID"))
        again = graph_service.graph_model(store, options, AS_OF, store_new=True)
        assert {k: (n.x, n.y) for k, n in again.nodes.items() if k != "Z51"} == before
        assert "Z51" in again.nodes
        assert _overlapping(again) == []
        assert "Z51" in layout_service.load_positions(store, "graph")
    finally:
        store.close()


def test_empty_model_has_no_positions(empty_store):
    model = build_view(empty_store.snapshot(), GraphOptions(), AS_OF)
    assert model.is_empty
    assert gl.layout(model) == {}


def test_positions_of_group_nodes_alone_are_not_stored(demo_store):
    layout_service.save_positions(demo_store, "graph?lanes=lead", {"grp:MID": (1.0, 2.0)})
    assert layout_service.load_positions(demo_store, "graph?lanes=lead") == {}


def _curve_points(points):
    for i in range(0, len(points) - 1, 3):
        a, b, c, d = points[i : i + 4]
        for k in range(21):
            t = k / 20
            u = 1 - t
            yield tuple(
                u**3 * a[j] + 3 * u * u * t * b[j] + 3 * u * t * t * c[j] + t**3 * d[j]
                for j in (0, 1)
            )


@pytest.mark.parametrize(
    "options",
    [GraphOptions(), GraphOptions(swimlanes="lead"), GraphOptions(swimlanes="theme"),
     GraphOptions(cross_ministry=True, swimlanes="lead")],
)  # fmt: skip
def test_edges_pass_through_no_node(demo_store, options):
    model = build_view(demo_store.snapshot(), options, AS_OF)
    gl.layout(model)
    crossed = set()
    for edge in model.edges:
        route = gl.edge_route(model.nodes[edge.source], model.nodes[edge.target], edge.via)
        for x, y in _curve_points(route):
            for node in model.nodes.values():
                inside = (
                    abs(x - node.x) < node.width / 2 - 1 and abs(y - node.y) < node.height / 2 - 1
                )
                if node.id not in edge.id and inside:
                    crossed.add((edge.id, node.id))
    assert crossed == set()


def test_shallow_graph_is_laid_out_wide_not_tall(demo_store):
    model = build_view(demo_store.snapshot(), GraphOptions(cross_ministry=True), AS_OF)
    gl.layout(model)
    x0, y0, x1, y1 = gl.bounds(model)
    assert 1.0 <= (x1 - x0) / (y1 - y0) <= 3.0


def test_lane_bands_leave_room_around_their_boxes(demo_store):
    """Boxes never sit flush against the lane border (swimlane export and view)."""
    model = build_view(demo_store.snapshot(), GraphOptions(swimlanes="lead"), AS_OF)
    gl.layout(model)
    _x0, _y0, x1, _y1 = gl.bounds(model)
    for lane in model.lanes:
        members = [n for n in model.nodes.values() if n.lane == lane.value]
        assert min(n.y - n.height / 2 for n in members) - lane.y0 >= 12
        assert lane.y1 - max(n.y + n.height / 2 for n in members) >= 12
        assert x1 - max(n.x + n.width / 2 for n in members) >= 12
    for a, b in zip(model.lanes, model.lanes[1:], strict=False):
        assert b.y0 - a.y1 >= 12  # lanes stay apart
