"""Issue 14 item 3, the parts of the layered layout that decide the crossings: the layers
(domain/graph_rank.py), the order within them (domain/graph_order.py: dot's mincross loop)
and its crossing count and transpose on arrays (domain/graph_mincross.py). Graphs whose best
result is known; the comparison with Graphviz dot is a benchmark (benchmarks/graph_crossings.py)."""

from __future__ import annotations

import random
from itertools import combinations

import numpy as np
import pytest

from sa2030_desktop.domain import graph_compiled, graph_order, graph_rank
from sa2030_desktop.domain.graph_mincross import Arrays
from sa2030_desktop.domain.graph_order import Layered, is_dummy, order_layers


def _crossings(layers, edges) -> int:
    """Brute force: pairs of edges between neighbouring layers whose ends are in the opposite
    order (long edges followed through their dummies)."""
    where = {n: (i, j) for i, layer in enumerate(layers) for j, n in enumerate(layer)}
    segments = []
    for a, b in edges:
        chain = [a]
        for k in range(where[a][0] + 1, where[b][0]):
            chain.append(next(n for n in layers[k] if is_dummy(n) and n[1:3] == (a, b)))
        chain.append(b)
        segments += [
            (where[u][0], where[u][1], where[v][1]) for u, v in zip(chain, chain[1:], strict=False)
        ]
    return sum(
        1
        for (l1, a1, b1), (l2, a2, b2) in combinations(segments, 2)
        if l1 == l2 and (a1 - a2) * (b1 - b2) < 0
    )


def _layers_of(edges, depth):
    return [[n for n in sorted({x for e in edges for x in e}) if n[0] == chr(97 + i)]
            for i in range(depth)]  # fmt: skip


def test_a_ladder_is_untangled_completely():
    rungs = 8
    rnd = random.Random(3)
    top, middle, bottom = ([f"{c}{i}" for i in range(rungs)] for c in "abc")
    edges = [(top[i], middle[i]) for i in range(rungs)] + [
        (middle[i], bottom[i]) for i in range(rungs)
    ]
    layers = [rnd.sample(x, rungs) for x in (top, middle, bottom)]  # shuffled: 20+ crossings
    assert _crossings(layers, edges) > 10
    ordered = order_layers(layers, edges, dict.fromkeys(top + middle + bottom, 0))
    assert _crossings(ordered, edges) == 0
    assert [sorted(x) for x in ordered] == [sorted(x) for x in (top, middle, bottom)]


def test_complete_bipartite_graphs_keep_only_their_unavoidable_crossings():
    # K2,2 crosses once however it is drawn; K2,3 three times; K3,3 nine times
    for m, n, least in ((2, 2, 1), (2, 3, 3), (3, 3, 9)):
        edges = [(f"a{i}", f"b{j}") for i in range(m) for j in range(n)]
        layers = _layers_of(edges, 2)
        lane = {x: 0 for e in edges for x in e}
        assert _crossings(order_layers(layers, edges, lane), edges) == least


def test_long_edges_pass_through_dummies_and_stay_untangled():
    # a→c skips layer b: it gets a dummy there, and the drawing needs no crossing
    edges = [("a1", "b1"), ("b1", "c1"), ("a2", "c2"), ("a3", "b3"), ("b3", "c3")]
    layers = [["a3", "a2", "a1"], ["b1", "b3"], ["c2", "c1", "c3"]]
    ordered = order_layers(layers, edges, {x: 0 for e in edges for x in e})
    assert sum(1 for n in ordered[1] if is_dummy(n)) == 1
    assert _crossings(ordered, edges) == 0


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_array_count_and_transpose_agree_with_brute_force(seed):
    rnd = random.Random(seed)
    layers = [[f"{chr(97 + i)}{j}" for j in range(rnd.randint(3, 9))] for i in range(5)]
    edges = list({(rnd.choice(layers[i]), rnd.choice(layers[rnd.randint(i + 1, 4)]))
                  for i in range(4) for _ in range(8)})  # fmt: skip
    g = Layered(layers, edges, {n: 0 for layer in layers for n in layer})
    arrays = Arrays(g.ptr, g.flat, g.lane, g.start, g.at)
    for _ in range(3):
        order = [rnd.sample(layer, len(layer)) for layer in g.layers]
        arrays.set_order(order)
        named = [[g.name(n) for n in layer] for layer in order]
        before = arrays.crossings()
        assert before == _crossings(named, edges)
        arrays.transpose(equal_swaps=False)
        after = [[g.name(n) for n in layer] for layer in arrays.order()]
        assert arrays.crossings() == _crossings(after, edges) <= before
        assert [sorted(map(str, x)) for x in after] == [sorted(map(str, x)) for x in named]


def test_large_graphs_get_the_layers_of_least_total_edge_length(monkeypatch):
    # x and y feed z, which feeds the end of a chain of three: moving x, y and z together one
    # layer right saves an edge's length; moving any one of them alone does not
    edges = [("a", "b"), ("b", "c"), ("c", "d"), ("x", "z"), ("y", "z"), ("z", "d")]
    nodes = sorted({n for e in edges for n in e})

    def length(rank):
        assert all(rank[v] > rank[u] for u, v in edges)
        return sum(rank[v] - rank[u] for u, v in edges)

    heuristic = length(graph_rank.ranks(nodes, edges))
    monkeypatch.setattr(graph_rank, "OPTIMAL_FROM", 1)
    optimal = graph_rank.ranks(nodes, edges)
    assert (heuristic, length(optimal)) == (7, 6)
    assert optimal["z"] == 2 and min(optimal.values()) == 0


def _random_layered(rnd, lanes: int):
    depth = rnd.randint(2, 7)
    layers = [[f"{chr(97 + i)}{j}" for j in range(rnd.randint(1, 12))] for i in range(depth)]
    edges = list({(rnd.choice(layers[i]), rnd.choice(layers[rnd.randint(i + 1, depth - 1)]))
                  for i in range(depth - 1) for _ in range(rnd.randint(0, 15))})  # fmt: skip
    lane = {n: rnd.randrange(lanes) for layer in layers for n in layer}
    return layers, edges, lane


@pytest.mark.parametrize("lanes", [1, 3])
def test_compiled_steps_give_the_numpy_steps_orders_and_the_brute_force_count(lanes):
    # graph_kernels.py compiles the three steps of graph_mincross.py with numba: every sweep and
    # transpose must leave the same order, every count the brute-force one, on random graphs
    kernels = graph_compiled.kernels(wait=True)
    assert kernels is not None, "numba is a dependency: the compiled steps must load"
    compiled = kernels.Compiled
    rnd = random.Random(lanes)
    for _graph in range(40):
        layers, edges, lane = _random_layered(rnd, lanes)
        g = Layered(layers, edges, lane)
        plain, fast = (
            Arrays(g.ptr, g.flat, g.lane, g.start, g.at),
            compiled(g.ptr, g.flat, g.lane, g.start, g.at),
        )
        start = [sorted(rnd.sample(x, len(x)), key=lambda n: g.lane[n]) for x in g.layers]
        plain.set_order(start)
        fast.set_order(start)
        for it in range(8):
            named = [[g.name(n) for n in layer] for layer in fast.order()]
            assert fast.crossings() == plain.crossings() == _crossings(named, edges)
            reverse = it % 4 < 2
            plain.sweep(downward=it % 2 == 0, reverse=reverse)
            fast.sweep(downward=it % 2 == 0, reverse=reverse)
            assert fast.order() == plain.order()
            plain.transpose(equal_swaps=not reverse)
            fast.transpose(equal_swaps=not reverse)
            assert fast.order() == plain.order()
            assert [fast.pos[n] for n in range(g.size)] == [plain.pos[n] for n in range(g.size)]


def test_order_layers_is_the_same_with_and_without_numba(monkeypatch):
    # compiled: the depth-first start and the whole mincross loop in one call each
    # (graph_kernels); without numba: the same depth-first code in Python, the loop in Python
    # over the numpy steps (Arrays.mincross)
    kernels = graph_compiled.kernels(wait=True)
    rnd = random.Random(7)
    for _graph in range(30):
        layers, edges, lane = _random_layered(rnd, rnd.choice([1, 2, 3]))
        monkeypatch.setattr(graph_compiled, "kernels", lambda wait=False: kernels)
        fast = order_layers(layers, edges, lane)
        monkeypatch.setattr(graph_compiled, "kernels", lambda wait=False: None)
        assert order_layers(layers, edges, lane) == fast
        real = [sorted(n for n in layer if not is_dummy(n)) for layer in fast]
        assert real == [sorted(layer) for layer in layers]


def test_compiled_mincross_loop_and_depth_first_start_equal_the_python_ones():
    kernels = graph_compiled.kernels(wait=True)
    rnd = random.Random(12)
    for _graph in range(30):
        layers, edges, lane = _random_layered(rnd, rnd.choice([1, 3]))
        g = Layered(layers, edges, lane)
        key = kernels.depth_first(g.ptr, g.flat, g.at, g.lane, g.size)
        plain = graph_order.depth_first(g.ptr.tolist(), g.flat.tolist(), g.at.tolist(),
                                        g.lane.tolist(), g.size)  # fmt: skip
        assert key.tolist() == plain.tolist()
        assert len(set(key.tolist())) == g.size  # a strict order: no ties left to chance
        start = g.at[np.lexsort((key[g.at], np.repeat(np.arange(len(g.start) - 1),
                                                       np.diff(g.start))))]  # fmt: skip
        for iterations in (1, 2, 24):
            fast = kernels.Compiled(g.ptr, g.flat, g.lane, g.start, g.at)
            slow = Arrays(g.ptr, g.flat, g.lane, g.start, g.at)
            best, count = fast.mincross(start, iterations, 8, 0.995)
            best_slow, count_slow = slow.mincross(start, iterations, 8, 0.995)
            assert (best.tolist(), count) == (best_slow.tolist(), count_slow)
            assert fast.at.tolist() == slow.at.tolist()  # left where the loop ended, too


def test_network_simplex_finds_the_least_total_edge_length_of_random_graphs(monkeypatch):
    # the layers of least total edge length (graph_simplex.py, dot's network simplex) against
    # the linear programme solved by HiGHS; compiled and plain Python give the same layers
    import numpy as np
    from scipy.optimize import linprog

    kernels = graph_compiled.kernels(wait=True)
    rnd = random.Random(11)
    for _graph in range(60):
        n = rnd.randint(2, 30)
        edges = sorted({(a, b) for a, b in ((rnd.randrange(n), rnd.randrange(n))
                                            for _ in range(rnd.randint(1, 3 * n))) if a < b})  # fmt: skip
        nodes = [f"n{i}" for i in range(n)]  # some of them without edges: other components
        named = [(nodes[a], nodes[b]) for a, b in edges]
        tails, heads = (np.array([e[k] for e in edges], dtype=np.int64) for k in (0, 1))
        compiled = dict(zip(nodes, graph_rank._least_length(n, tails, heads).tolist(), strict=True))
        monkeypatch.setattr(graph_compiled, "kernels", lambda wait=False: None)
        assert graph_rank._least_length(n, tails, heads).tolist() == list(compiled.values())
        monkeypatch.undo()
        assert all(compiled[v] - compiled[u] >= 1 for u, v in named)
        matrix = np.zeros((len(edges), n))
        for row, (a, b) in enumerate(edges):
            matrix[row, a], matrix[row, b] = 1.0, -1.0
        cost = matrix.sum(axis=0) * -1
        best = linprog(cost, A_ub=matrix, b_ub=-np.ones(len(edges)), bounds=(0, None))
        assert sum(compiled[v] - compiled[u] for u, v in named) == round(best.fun)
    assert kernels is not None


def _ranks_by_dicts(nodes, edges):
    """The layers as graph_rank computed them before its array port (dicts, no numba): the
    longest-path generations, then four rounds of moving goals next to their neighbours."""
    succ, pred = {n: {} for n in nodes}, {n: {} for n in nodes}
    for u, v in edges:
        succ.setdefault(u, {})[v] = None
        pred.setdefault(u, {})
        succ.setdefault(v, {})
        pred.setdefault(v, {})[u] = None
    waiting = {n: len(p) for n, p in pred.items() if p}
    current, rank, level = [n for n, p in pred.items() if not p], {}, 0
    while current:
        following = []
        for n in current:
            rank[n] = level
            for child in succ[n]:
                waiting[child] -= 1
                if not waiting[child]:
                    following.append(child)
                    del waiting[child]
        current, level = following, level + 1
    order = sorted(rank, key=lambda n: -rank[n])
    for _ in range(4):
        moved = False
        for n in order:
            ins, outs = len(pred[n]), len(succ[n])
            if outs > ins and min(rank[s] for s in succ[n]) - 1 > rank[n]:
                rank[n], moved = min(rank[s] for s in succ[n]) - 1, True
            elif ins > outs and max(rank[p] for p in pred[n]) + 1 < rank[n]:
                rank[n], moved = max(rank[p] for p in pred[n]) + 1, True
        if not moved:
            break
    low = min(rank.values(), default=0)
    return {n: r - low for n, r in rank.items()}


def test_layer_ranks_on_arrays_equal_the_dict_version_compiled_and_not(monkeypatch):
    # graph_rank.generations/tighten: one source, compiled with numba or run as Python
    kernels = graph_compiled.kernels(wait=True)
    rnd = random.Random(21)
    for _graph in range(60):
        n = rnd.randint(1, 40)
        nodes = [f"g{i}" for i in range(n)]
        rnd.shuffle(nodes)
        edges = [(f"g{a}", f"g{b}") for a, b in ((rnd.randrange(n + 3), rnd.randrange(n + 3))
                                                 for _ in range(rnd.randint(0, 2 * n))) if a < b]  # fmt: skip
        edges += edges[: rnd.randint(0, 3)]  # the same dependency twice counts once
        expected = _ranks_by_dicts(nodes, edges)
        monkeypatch.setattr(graph_compiled, "kernels", lambda wait=False: kernels)
        assert graph_rank.ranks(nodes, edges) == expected
        monkeypatch.setattr(graph_compiled, "kernels", lambda wait=False: None)
        assert graph_rank.ranks(nodes, edges) == expected
    assert kernels is not None


def test_a_cycle_puts_its_goals_in_one_layer():
    edges = [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("x", "a")]
    rank = graph_rank.ranks(["a", "b", "c", "d", "x"], edges)
    assert rank["a"] == rank["b"] == rank["c"]
    assert rank["x"] < rank["a"] < rank["d"]
