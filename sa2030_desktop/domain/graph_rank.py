"""The layer of each goal in the layered graph layout (issue 14 item 3): a goal stands right of
all its prerequisites, and the edges are kept short — every layer a long edge passes costs a
dummy node in the crossing reduction (graph_order.py) and is one more chance to cross.

Small graphs: the longest-path layers (networkx topological generations), then goals moved
next to their prerequisites or dependents. Large graphs: the layers with the least total edge
length — the linear programme that Graphviz dot solves — by network simplex as dot does
(graph_simplex.py). Measured on the synthetic portfolio of benchmarks/graph_crossings.py:
at 1,000 goals 8 % fewer dummies (4,230 instead of 4,591 layers passed) and 5 % fewer
crossings; on the demo and at 150 goals the optimum gave no fewer crossings.
"""

from __future__ import annotations

import sys
from collections.abc import Hashable, Iterable, Sequence

import numpy as np

from sa2030_desktop.domain import tasks

OPTIMAL_FROM = 400  # goals: from here the layers of least total edge length (linear programme)


def ranks(nodes: Iterable[Hashable], edges: Sequence[tuple[Hashable, Hashable]]) -> dict:
    """Layer number (0 = leftmost) of every node; an edge always points to a higher layer,
    except inside a cycle (collapsed groups may point at each other: one layer for them)."""
    names, tails, heads = _numbered(nodes, edges)
    return dict(zip(names, layer_numbers(names, tails, heads).tolist(), strict=True))


def layer_numbers(names: Sequence[Hashable], tails: np.ndarray, heads: np.ndarray) -> np.ndarray:
    """`ranks` on numbers: node i is names[i], edge k runs from tails[k] to heads[k] (the
    layout numbers its graph once, graph_layout.place_sized). The layer of each node."""
    n = len(names)
    key = tails * max(n, 1) + heads
    first = np.sort(np.unique(key, return_index=True)[1])  # each edge once, in the given order
    tails, heads = tails[first], heads[first]
    succ_ptr, pred_ptr = (np.zeros(n + 1, dtype=np.int64) for _ in range(2))
    np.cumsum(np.bincount(tails, minlength=n), out=succ_ptr[1:])
    np.cumsum(np.bincount(heads, minlength=n), out=pred_ptr[1:])
    succ = heads[np.argsort(tails, kind="stable")]  # each node's successors in the given order
    pred = tails[np.argsort(heads, kind="stable")]
    rounds = 0 if n >= OPTIMAL_FROM else 4  # large: only whether there is a cycle
    from sa2030_desktop.domain.graph_compiled import kernels

    compiled = kernels()
    if compiled:
        steps, arrays = compiled, (succ_ptr, succ, pred_ptr, pred)
    else:  # the same code in Python, on lists (faster there than numpy's element access)
        steps, arrays = (
            sys.modules[__name__],
            tuple(x.tolist() for x in (succ_ptr, succ, pred_ptr, pred)),
        )
    rank, met, levels = steps.generations(n, *arrays)
    if rounds and levels >= 0:
        steps.tighten(rank, met, *arrays, levels, rounds)
    if levels < 0:
        import networkx as nx

        graph = nx.DiGraph()
        graph.add_nodes_from(names)
        graph.add_edges_from(zip(map(names.__getitem__, tails.tolist()),
                                 map(names.__getitem__, heads.tolist()), strict=True))  # fmt: skip
        cond = nx.condensation(graph)
        sub = {n: i for i, gen in enumerate(nx.topological_generations(cond)) for n in gen}
        mapping = cond.graph["mapping"]
        return np.fromiter((sub[mapping[x]] for x in names), dtype=np.int64, count=n)
    if rounds == 0:
        optimum = _least_length(n, tails, heads)
        if optimum is not None:
            return optimum
    return np.asarray(rank, dtype=np.int64)


def _numbered(nodes: Iterable[Hashable], edges: Sequence[tuple[Hashable, Hashable]]):
    """The nodes (then ends of edges not among them, as they come) and the edges as numbers."""
    names = list(nodes)
    index = {x: i for i, x in enumerate(names)}
    for u, v in edges:
        for x in (u, v):
            if x not in index:
                index[x] = len(names)
                names.append(x)
    tails = np.fromiter((index[u] for u, _v in edges), dtype=np.int64, count=len(edges))
    heads = np.fromiter((index[v] for _u, v in edges), dtype=np.int64, count=len(edges))
    return names, tails, heads


def generations(n, succ_ptr, succ, pred_ptr, pred):
    """Longest-path layers (networkx's topological_generations, in its order): the rank of
    each node, the nodes in the order the generations meet them, and the number of layers
    (-1 for a graph with a cycle). Written for numba as well (as `tighten`): compiled in
    graph_kernels.py, run as it is where numba is not ready - the same code, the same layers."""
    rank = np.zeros(n, dtype=np.int64)
    waiting = np.zeros(n, dtype=np.int64)
    order = np.zeros(n, dtype=np.int64)  # in the order the generations meet them
    done = 0
    for x in range(n):
        waiting[x] = pred_ptr[x + 1] - pred_ptr[x]
        if waiting[x] == 0:
            order[done] = x
            done += 1
    level, begin = 0, 0
    while begin < done:
        end = done
        for k in range(begin, end):
            x = order[k]
            rank[x] = level
            for e in range(succ_ptr[x], succ_ptr[x + 1]):
                child = succ[e]
                waiting[child] -= 1
                if waiting[child] == 0:
                    order[done] = child
                    done += 1
        begin, level = end, level + 1
    return rank, order, level if done == n else -1


def tighten(rank, met, succ_ptr, succ, pred_ptr, pred, levels, rounds):
    """Shorter edges (fewer dummies, fewer crossings; a cheap stand-in for dot's network
    simplex): a goal with more dependents than prerequisites moves right up to just before its
    first dependent, one with more prerequisites left up to just after its last one. The goals
    are taken from the rightmost layer to the left, each layer in the order `met`."""
    n = len(rank)
    count = np.zeros(levels + 1, dtype=np.int64)
    for x in range(n):
        count[levels - 1 - rank[x] + 1] += 1
    for i in range(levels):
        count[i + 1] += count[i]
    order = np.zeros(n, dtype=np.int64)
    for k in range(n):  # a stable counting sort by rank, highest first
        x = met[k]
        slot = levels - 1 - rank[x]
        order[count[slot]] = x
        count[slot] += 1
    for _ in range(rounds):
        moved = False
        for k in range(n):
            x = order[k]
            ins, outs = pred_ptr[x + 1] - pred_ptr[x], succ_ptr[x + 1] - succ_ptr[x]
            if outs > ins:
                target = rank[succ[succ_ptr[x]]]
                for e in range(succ_ptr[x] + 1, succ_ptr[x + 1]):
                    target = min(target, rank[succ[e]])
                target -= 1
                if target > rank[x]:
                    rank[x] = target
                    moved = True
            elif ins > outs:
                target = rank[pred[pred_ptr[x]]]
                for e in range(pred_ptr[x] + 1, pred_ptr[x + 1]):
                    target = max(target, rank[pred[e]])
                target += 1
                if target < rank[x]:
                    rank[x] = target
                    moved = True
        if not moved:
            break
    low = rank.min() if n else 0
    for x in range(n):
        rank[x] -= low


def _least_length(n: int, tails: np.ndarray, heads: np.ndarray) -> np.ndarray | None:
    """min Σ (rank(v) − rank(u)) over the edges (tails → heads, each once) with rank(v) −
    rank(u) ≥ 1, by network simplex (graph_simplex.py; compiled where numba is ready). A
    virtual first node feeds every source (weight 0, length ≥ 0), so that one tree spans all.
    The rank of each node 0 … n - 1; None if it does not end."""
    from sa2030_desktop.domain.graph_compiled import kernels
    from sa2030_desktop.domain.graph_simplex import network_simplex

    fed = np.zeros(n, dtype=np.bool_)
    fed[heads] = True
    sources = np.flatnonzero(~fed) + 1
    count, real = len(tails) + len(sources), len(tails)
    tail = np.concatenate((tails + 1, np.zeros(len(sources), dtype=np.int64)))
    head = np.concatenate((heads + 1, sources))
    length = np.repeat(np.array([1, 0], dtype=np.int64), [real, count - real])
    # wait for numba (0.7 s from its cache) rather than run the simplex in plain Python
    # meanwhile: 2.4 s at 1,000 goals, minutes at 10,000 (the CLI never sees numba ready)
    compiled = kernels(wait=True)
    solve = compiled.network_simplex if compiled else network_simplex
    stop = np.zeros(1, dtype=np.int64)
    token = tasks.current()
    if token is not None:  # a cancel ends the pivots (checkpoint() below raises it)
        token.on_cancel(lambda: stop.fill(1))
    rank = solve(tail, head, length, length.copy(), n + 1, 20 * count, stop)
    tasks.checkpoint()
    if not len(rank):
        return None
    return rank[1:] - rank[1:].min()
