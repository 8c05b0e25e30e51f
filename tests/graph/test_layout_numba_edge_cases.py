"""The whole layered layout (layers, order, coordinates, long edges' points) with numba's
compiled steps and without them, on the graphs where array code tends to go wrong: no goal,
one goal, goals without any dependency, self-loops, cycles, the same dependency twice, lanes
without goals, a shallow graph of empty layers. graph_rank, graph_order and graph_place were
ported to arrays (issue 14 item 3) with the promise of the same picture either way."""

from __future__ import annotations

import math
import random

import pytest

from sa2030_desktop.domain import graph_compiled, graph_rank
from sa2030_desktop.domain import graph_layout as gl
from sa2030_desktop.domain.graph_order import order_numbers
from sa2030_desktop.domain.graph_place import place
from sa2030_desktop.domain.graph_view import GraphEdge, GraphModel, GraphNode, Lane
from sa2030_desktop.domain.model import DependencyKind


def _model(nodes, edges, lanes=(), lane_of=None) -> GraphModel:
    lane_of = lane_of or {}
    return GraphModel(
        nodes={
            n: GraphNode(n, n, f"Ziel {n} " * (1 + i % 4), "MI", None, lane_of.get(n, ""))
            for i, n in enumerate(nodes)
        },
        edges=[GraphEdge(a, b, DependencyKind.HARD) for a, b in edges],
        lanes=[Lane(v, v) for v in lanes],
    )


def _random(seed: int, size: int) -> GraphModel:
    rnd = random.Random(seed)
    nodes = [f"Z{i:03d}" for i in range(size)]
    edges = [tuple(sorted(rnd.sample(nodes, 2))) for _ in range(size * rnd.choice([1, 2]))]
    edges += edges[:2] + [(nodes[0], nodes[0])]  # a dependency twice, a self-loop
    lanes = ("A", "B", "C", "D")  # C stays empty
    return _model(nodes, edges, lanes, {n: rnd.choice("ABD") for n in nodes})


CASES = {
    "leer": lambda: _model([], []),
    "ein Ziel": lambda: _model(["a"], []),
    "ein Ziel, leere Bahnen": lambda: _model(["a"], [], ("L0", "L1", "L2"), {"a": "L1"}),
    "nur einzelne Ziele": lambda: _model([f"g{i}" for i in range(11)], []),
    "Selbstbezug": lambda: _model(list("abcd"), [("a", "a"), ("a", "b"), ("b", "c"), ("c", "c")]),
    "Kreis": lambda: _model(
        list("abcdx"), [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("x", "a")]
    ),
    "doppelt, lang": lambda: _model(
        list("abcdef"), [("a", "b"), ("b", "c"), ("c", "d"), ("a", "d"), ("a", "d"), ("e", "f")]
    ),
    "flach, leere Schichten": lambda: _model(
        [f"z{i}" for i in range(40)], [(f"z{i}", f"z{i + 20}") for i in range(20)]
    ),
    "zufällig 60": lambda: _random(1, 60),
    "zufällig 150": lambda: _random(2, 150),
}


def _layout(make):
    model = make()
    positions = gl.layout(model)
    return model, positions, [e.via for e in model.edges], [(ln.y0, ln.y1) for ln in model.lanes]


@pytest.mark.parametrize("name", list(CASES))
def test_the_layout_is_the_same_with_and_without_numba(name, monkeypatch):
    kernels = graph_compiled.kernels(wait=True)
    assert kernels is not None, "numba is a dependency: the compiled steps must load"
    make = CASES[name]
    monkeypatch.setattr(graph_compiled, "kernels", lambda wait=False: kernels)
    model, fast, fast_via, fast_lanes = _layout(make)
    monkeypatch.setattr(graph_compiled, "kernels", lambda wait=False: None)
    _plain_model, plain, plain_via, plain_lanes = _layout(make)
    assert fast == plain
    assert fast_via == plain_via
    assert fast_lanes == plain_lanes
    # and the picture is a layout at all: every goal placed, no two boxes overlap, a
    # dependency between two goals not in one cycle runs left to right
    assert set(fast) == set(model.nodes)
    boxes = [(n.x - n.width / 2, n.y - n.height / 2, n.x + n.width / 2, n.y + n.height / 2)
             for n in model.nodes.values()]  # fmt: skip
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)
    cyclic = {"a", "b", "c"} if name == "Kreis" else set()
    for e in model.edges:
        if e.source != e.target and not {e.source, e.target} <= cyclic:
            assert fast[e.source][0] < fast[e.target][0], e.id


def _by_names(model):
    """The layers as graph_layout built them before it numbered the graph once (61958ee): ranks
    by name (graph_rank.ranks), then each goal without an edge to the first of the emptiest
    layers of its lane, goal after goal."""
    index = {lane.value: i for i, lane in enumerate(model.lanes)}
    lane = {n.id: index.get(n.lane, 0) for n in model.nodes.values()}
    edges = [e.id for e in model.edges]
    connected = {n for e in edges for n in e}
    ranks = graph_rank.ranks(model.nodes, edges) if connected else {}
    count = max((ranks[n] for n in connected), default=-1) + 1
    count = max(count, math.ceil(math.sqrt(len(model.nodes) * 0.6)), 1)
    layers: list[list[str]] = [[] for _ in range(count)]
    filled = [[0] * count for _ in range(max(lane.values(), default=0) + 1)]
    for n in model.nodes:
        if n in connected:
            layers[ranks[n]].append(n)
            filled[lane[n]][ranks[n]] += 1
    for n in (n for n in model.nodes if n not in connected):
        row = filled[lane[n]]
        target = row.index(min(row))
        layers[target].append(n)
        row[target] += 1
    return layers, edges, lane


@pytest.mark.parametrize("name", [n for n in CASES if n != "leer"])
def test_the_numbered_layout_equals_the_one_by_names(name):
    # place_sized numbers nodes and edges once and keeps numbers through the layers and the
    # layered graph; the same layers, dummies, order and coordinates as by names
    kernels = graph_compiled.kernels(wait=True)
    assert kernels is not None
    model = CASES[name]()
    for node in model.nodes.values():
        gl.size_node(node)
    by_names = place(model, *order_numbers(*_by_names(model)))
    reference = [e.via for e in model.edges]
    assert gl.place_sized(model) == by_names
    assert [e.via for e in model.edges] == reference
