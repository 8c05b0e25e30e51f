"""Crossing reduction of the layered graph layout (issue 14 item 3): the order of the goals in
each layer.

The recipe of Graphviz dot (Gansner et al., „A Technique for Drawing Directed Graphs“, 1993,
and dot's mincross.c): an edge that spans several layers gets a dummy node in every layer it
passes, so that it takes part in the ordering like a short one. Each iteration sweeps down or
up the layers, sorting each by the weighted median of its neighbours in the layer before, and
then transposes neighbours while that removes crossings — on every other pair of iterations
also when it leaves them equal, and equal medians swap, which carries the order off a plateau.
The best order seen is kept; two starting orders (as given, and depth first) get a few
iterations each, the better one the rest, until eight iterations bring no real improvement.
A lane (ministry, theme field) stays one block: nodes only move among their own lane.

The sweeps, the transpose and the crossing count run on arrays: compiled with numba
(graph_kernels.py), or with numpy calls until numba is ready or where it is missing
(graph_mincross.py, graph_compiled.py).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np

Node = Hashable
DUMMY = "·"
LARGE = 5000  # nodes with dummies: from here fewer iterations (the time is the user's)
MIN_QUIT = 8  # iterations without a real improvement before giving up (dot's MinQuit)
MAX_ITER = 24  # iterations from the better start (dot's MaxIter)
START_ITER = 2  # iterations from each starting order
CONVERGENCE = 0.995  # a real improvement: at least 0.5 % fewer crossings


def is_dummy(node: Node) -> bool:
    """A dummy of a long edge: (DUMMY, first end, last end, layer)."""
    return isinstance(node, tuple) and len(node) == 4 and node[0] == DUMMY


class Layered:
    """The layers with dummies as numbers: the goals layer after layer, then the dummies in the
    order of their edges (a long edge's in a row). Built with numpy calls: a Python loop over
    the edges and the layers they pass cost more than the crossing reduction at 150 goals.

    `ptr`/`flat`: one adjacency in which node n's neighbours one layer up are row n and those
    one layer down row n + size, each row in the order of the edges; `at`: the nodes layer
    after layer (slot → node) as given, `start`: where each layer begins in it."""

    def __init__(
        self,
        layers: Sequence[Sequence[Node]],
        edges: Sequence[tuple[Node, Node]],
        lane: dict[Node, int],
    ) -> None:
        goals: list[Node] = [n for layer in layers for n in layer]
        real = len(goals)
        index = {n: i for i, n in enumerate(goals)}
        where = np.repeat(np.arange(len(layers)), [len(layer) for layer in layers])
        lanes = np.fromiter(map(lane.__getitem__, goals), dtype=np.int64, count=real)
        if edges:
            sources, targets = zip(*edges, strict=True)
            s = np.fromiter(map(index.__getitem__, sources), dtype=np.int64, count=len(edges))
            t = np.fromiter(map(index.__getitem__, targets), dtype=np.int64, count=len(edges))
        else:
            s = t = np.zeros(0, dtype=np.int64)
        self._build(goals, where, len(layers), lanes, s, t)

    @classmethod
    def numbered(cls, goals: list[Node], where, count: int, lanes, s, t) -> Layered:
        """The same from numbers (graph_layout.place_sized): goal i is goals[i] and stands in
        layer where[i] (ascending) of `count`, lane lanes[i]; edge k runs from s[k] to t[k]."""
        g = cls.__new__(cls)
        g._build(goals, where, count, lanes, s, t)
        return g

    def _build(self, goals: list[Node], where, count: int, lanes, s, t) -> None:
        real = len(goals)
        forward = where[s] <= where[t]
        a, b = np.where(forward, s, t), np.where(forward, t, s)
        keep = where[a] != where[b]
        a, b = a[keep], b[keep]
        kept = np.flatnonzero(keep)  # edges[kept[i]] is edge i here
        ahead = forward[keep]  # drawn as given (source in the layer before its target)
        span = where[b] - where[a] - 1  # the dummies of each edge
        first = real + np.cumsum(span) - span  # its first dummy
        dummy_edge = np.repeat(np.arange(len(a)), span)
        step = np.arange(len(dummy_edge)) - (first - real)[dummy_edge]  # 0 … span - 1
        self.size = size = real + len(dummy_edge)
        self.real = real
        self.names = goals
        # a long edge runs in the rows of the goal it reaches (graph_layout places it there)
        self.lane = np.concatenate((lanes, lanes[b][dummy_edge]))
        self.dummy_ends = (a[dummy_edge], b[dummy_edge])  # its first and last goal
        # edge i passes its dummies first … first + span - 1 (counted from the first dummy)
        self.long_edges = (kept, ahead, a, first - real, span)
        node_layer = np.concatenate((where, where[a][dummy_edge] + 1 + step))
        # each edge's segments in a row: first goal → its dummies → last goal
        pieces = span + 1
        seg_edge = np.repeat(np.arange(len(a)), pieces)
        k = np.arange(len(seg_edge)) - (np.cumsum(pieces) - pieces)[seg_edge]
        tail = np.where(k == 0, a[seg_edge], first[seg_edge] + k - 1)
        head = np.where(k == span[seg_edge], b[seg_edge], first[seg_edge] + k)
        rows = np.concatenate((head, tail + size))
        sort = np.argsort(rows, kind="stable")  # each row's neighbours in the edges' order
        self.flat = np.concatenate((tail, head))[sort]
        self.degree = np.bincount(rows, minlength=2 * size)
        self.ptr = np.zeros(2 * size + 1, dtype=np.int64)
        np.cumsum(self.degree, out=self.ptr[1:])
        self.at = np.argsort(node_layer, kind="stable")  # goals, then dummies, per layer
        self.start = np.zeros(count + 1, dtype=np.int64)
        np.cumsum(np.bincount(node_layer, minlength=count), out=self.start[1:])
        self.node_layer = node_layer

    def name(self, n: int) -> Node:
        """A goal's name, or a dummy as (DUMMY, first goal, last goal, layer)."""
        if n < self.real:
            return self.names[n]
        first, last = self.dummy_ends
        d = n - self.real
        return (DUMMY, self.names[first[d]], self.names[last[d]], int(self.node_layer[n]))

    @property
    def layers(self) -> list[list[int]]:
        return _split(self.at, self.start)

    @property
    def up(self) -> list[list[int]]:
        return _split(self.flat[: self.ptr[self.size]], self.ptr[: self.size + 1])

    @property
    def down(self) -> list[list[int]]:
        return _split(self.flat, self.ptr[self.size :])


def _split(flat, bounds) -> list[list[int]]:
    flat, bounds = flat.tolist(), bounds.tolist()
    return [flat[i:j] for i, j in zip(bounds, bounds[1:], strict=False)]


def depth_first(ptr, flat, at, lane, size):
    """Starting order: goals in the order a depth-first walk from the sources meets them, as
    one number per node (lane first, then that order). Written for numba as well: compiled in
    graph_kernels.py, run as it is (on lists, faster there than numpy's) where numba is not
    ready - the same code, so the same order."""
    rank = np.zeros(size, dtype=np.int64)
    seen = np.zeros(size, dtype=np.bool_)
    stack = np.empty(len(flat) + size + 1, dtype=np.int64)  # a node is pushed once per parent
    counter = 0
    for s in at:
        if seen[s]:
            continue
        stack[0] = s
        top = 1
        while top:
            top -= 1
            n = stack[top]
            if seen[n]:
                continue
            seen[n] = True
            rank[n] = counter
            counter += 1
            for e in range(ptr[n + size + 1] - 1, ptr[n + size] - 1, -1):  # first on top
                stack[top] = flat[e]
                top += 1
    key = np.empty(size, dtype=np.int64)
    for n in range(size):  # (lane, rank) as one number: ranks are distinct and below counter
        key[n] = lane[n] * (counter + 1) + rank[n]
    return key


def _steps():
    """The crossing reduction's steps and the depth-first start: compiled where numba is
    ready (graph_compiled.py), else numpy calls and plain Python."""
    from sa2030_desktop.domain.graph_compiled import kernels
    from sa2030_desktop.domain.graph_mincross import Arrays

    compiled = kernels()
    if compiled:
        return compiled.Compiled, compiled.depth_first

    def plain(ptr, flat, at, lane, size):
        return depth_first(ptr.tolist(), flat.tolist(), at.tolist(), lane.tolist(), size)

    return Arrays, plain


def order_layers(
    layers: Sequence[Sequence[Node]],
    edges: Sequence[tuple[Node, Node]],
    lane: dict[Node, int],
) -> list[list[Node]]:
    """Each layer's nodes in the order with the fewest crossings found, with the dummies of
    long edges (`is_dummy`) where those edges pass."""
    g, at = order_numbers(layers, edges, lane)
    return [list(map(g.name, layer)) for layer in _split(at, g.start)]


def order_numbers(
    layers: Sequence[Sequence[Node]],
    edges: Sequence[tuple[Node, Node]],
    lane: dict[Node, int],
):
    """order_layers as numbers: the Layered graph and its nodes layer after layer (slot →
    node) in the best order."""
    g = Layered(layers, edges, lane)
    return g, order_graph(g)


def order_graph(g: Layered) -> np.ndarray:
    """The nodes of g layer after layer (slot → node) in the best order found."""
    steps, first = _steps()
    arrays = steps(g.ptr, g.flat, g.lane, g.start, g.at)
    slot_layer = np.repeat(np.arange(len(g.start) - 1), np.diff(g.start))
    by_lane = g.at[np.lexsort((g.lane[g.at], slot_layer))]  # stable: as given within a lane
    key = first(g.ptr, g.flat, g.at, g.lane, g.size)
    depth = g.at[np.lexsort((key[g.at], slot_layer))]
    starts = [by_lane, depth]
    large = g.size >= LARGE  # thousands of goals: a few iterations
    results = [arrays.mincross(s, 1 if large else START_ITER, MIN_QUIT, CONVERGENCE)
               for s in starts]  # fmt: skip
    best, _count = arrays.mincross(min(results, key=lambda r: r[1])[0], 4 if large else MAX_ITER,
                                   MIN_QUIT, CONVERGENCE)  # fmt: skip
    arrays.restore(best)
    arrays.transpose(equal_swaps=False)
    return arrays.at
