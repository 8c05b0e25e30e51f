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
    """The layers with dummies as numbers; `up`/`down`: neighbours one layer up and down."""

    def __init__(
        self,
        layers: Sequence[Sequence[Node]],
        edges: Sequence[tuple[Node, Node]],
        lane: dict[Node, int],
    ) -> None:
        # the goals numbered layer after layer, then the dummies in the order of their edges
        self.names: list[Node] = [n for layer in layers for n in layer]
        self.lane: list[int] = [lane[n] for n in self.names]
        self.up: list[list[int]] = [[] for _ in self.names]
        self.down: list[list[int]] = [[] for _ in self.names]
        index = {n: i for i, n in enumerate(self.names)}
        where = {n: i for i, layer in enumerate(layers) for n in layer}
        self.layers: list[list[int]] = []
        first = 0
        for layer in layers:
            self.layers.append(list(range(first, first + len(layer))))
            first += len(layer)
        names, lanes, up, down = self.names, self.lane, self.up, self.down
        for source, target in edges:
            a, b = (source, target) if where[source] <= where[target] else (target, source)
            la, lb = where[a], where[b]
            if la == lb:
                continue
            previous = index[a]
            lb_lane = lane[b]
            for k in range(la + 1, lb):
                # it runs in the rows of the goal it reaches (graph_layout places it there)
                dummy = len(names)
                names.append((DUMMY, a, b, k))
                lanes.append(lb_lane)
                up.append([previous])
                down.append([])
                self.layers[k].append(dummy)
                down[previous].append(dummy)
                previous = dummy
            down[previous].append(index[b])
            up[index[b]].append(previous)


def _depth_first(g: Layered, layers: list[list[int]]) -> list[list[int]]:
    """Starting order: goals in the order a depth-first walk from the sources meets them."""
    rank = [0] * len(g.names)
    seen = [False] * len(g.names)
    counter = 0
    for layer in layers:
        for s in layer:
            if seen[s]:
                continue
            stack = [s]
            while stack:
                n = stack.pop()
                if seen[n]:
                    continue
                seen[n] = True
                rank[n] = counter
                counter += 1
                stack.extend(reversed(g.down[n]))
    # (lane, rank) as one number: ranks are distinct and below counter
    key = [lane * (counter + 1) + r for lane, r in zip(g.lane, rank, strict=True)]
    return [sorted(layer, key=key.__getitem__) for layer in layers]


def _mincross(arrays, start, iterations: int):
    """dot's mincross loop from one order (a snapshot of `arrays`): median sweep and
    transpose, the best order kept. Returns the best snapshot and its crossings."""
    arrays.restore(start)
    best, best_count = start, arrays.crossings()
    trying = 0
    for it in range(iterations):
        if trying >= MIN_QUIT or best_count == 0:
            break
        trying += 1
        reverse = it % 4 < 2
        arrays.sweep(downward=it % 2 == 0, reverse=reverse)
        arrays.transpose(equal_swaps=not reverse)
        count = arrays.crossings()
        if count <= best_count:
            if count < CONVERGENCE * best_count:
                trying = 0
            best, best_count = arrays.snapshot(), count
    return best, best_count


def _arrays():
    from sa2030_desktop.domain.graph_compiled import kernels
    from sa2030_desktop.domain.graph_mincross import Arrays

    compiled = kernels()
    return compiled.Compiled if compiled else Arrays


def order_layers(
    layers: Sequence[Sequence[Node]],
    edges: Sequence[tuple[Node, Node]],
    lane: dict[Node, int],
) -> list[list[Node]]:
    """Each layer's nodes in the order with the fewest crossings found, with the dummies of
    long edges (`is_dummy`) where those edges pass."""
    g = Layered(layers, edges, lane)
    arrays = _arrays()(g.up, g.down, g.lane, g.layers)
    starts = []
    for start in ([sorted(layer, key=lambda n: g.lane[n]) for layer in g.layers],
                  _depth_first(g, g.layers)):  # fmt: skip
        arrays.set_order(start)
        starts.append(arrays.snapshot())
    large = len(g.names) >= LARGE  # thousands of goals: a few iterations
    results = [_mincross(arrays, s, 1 if large else START_ITER) for s in starts]
    best, _count = _mincross(arrays, min(results, key=lambda r: r[1])[0],
                             4 if large else MAX_ITER)  # fmt: skip
    arrays.restore(best)
    arrays.transpose(equal_swaps=False)
    name = g.names.__getitem__
    return [list(map(name, layer)) for layer in arrays.order()]
