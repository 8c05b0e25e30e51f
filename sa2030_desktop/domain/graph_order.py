"""Crossing reduction of the layered graph layout (issue 14 item 3): the order of the goals in
each layer.

The classic recipe of Sugiyama-style layouts (Gansner et al., „A Technique for Drawing Directed
Graphs“, the paper behind Graphviz `dot`): an edge that spans several layers gets a dummy node
in every layer it passes, so that it takes part in the ordering like a short one; sweeps down
and up the layers sort each layer by the weighted median of its neighbours in the fixed layer
(barycenter as the tie-break; a node without neighbours there keeps its place), two starting
orders (as given and depth first) are tried, a transpose pass swaps neighbours while that
removes crossings, and the best order seen is kept. A lane (ministry, theme field) stays one
block: nodes are only ever reordered among members of their own lane.

Nodes are numbered and positions kept in flat lists: 1,000 goals with their ~5,000 dummies are
ordered in a few hundred milliseconds in plain Python.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Hashable, Sequence

Node = Hashable
DUMMY = "·"
TRANSPOSE_PAIRS_PER_NODE = 4  # the transpose's work, in neighbour pairs per node (Budget)
LARGE = 5000  # nodes with dummies: from here fewer sweeps and one start


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
        self.names: list[Node] = []
        self.lane: list[int] = []
        self.up: list[list[int]] = []
        self.down: list[list[int]] = []
        index: dict[Node, int] = {}
        self.layers: list[list[int]] = []
        where: dict[Node, int] = {}
        for i, layer in enumerate(layers):
            ids = []
            for n in layer:
                index[n] = self._add(n, lane[n])
                where[n] = i
                ids.append(index[n])
            self.layers.append(ids)
        for source, target in edges:
            a, b = (source, target) if where[source] <= where[target] else (target, source)
            la, lb = where[a], where[b]
            if la == lb:
                continue
            previous = index[a]
            for k in range(la + 1, lb):
                # it runs in the rows of the goal it reaches (graph_layout places it there)
                dummy = self._add((DUMMY, a, b, k), lane[b])
                self.layers[k].append(dummy)
                self.up[dummy].append(previous)
                self.down[previous].append(dummy)
                previous = dummy
            self.down[previous].append(index[b])
            self.up[index[b]].append(previous)

    def _add(self, name: Node, lane: int) -> int:
        self.names.append(name)
        self.lane.append(lane)
        self.up.append([])
        self.down.append([])
        return len(self.names) - 1


def _inversions(values: list[int]) -> int:
    """Pairs i < j with values[i] > values[j]: each value inserted into a sorted list (the
    insertion is a C-level move: faster here than a Python Fenwick tree)."""
    seen: list[int] = []
    count = 0
    for v in reversed(values):
        i = bisect_left(seen, v)
        count += i
        seen.insert(i, v)
    return count


def total_crossings(g: Layered, layers: list[list[int]], pos: list[int]) -> int:
    total = 0
    down = g.down
    for upper in layers[:-1]:
        pairs = sorted((pos[u], pos[v]) for u in upper for v in down[u])
        total += _inversions([b for _a, b in pairs])
    return total


def _median(values: list[int]) -> float:
    """Weighted median (Gansner et al.): for an even count the two middles weighted by how
    tightly their sides are packed."""
    values = sorted(values)
    m = len(values) // 2
    if len(values) % 2:
        return float(values[m])
    if len(values) == 2:
        return (values[0] + values[1]) / 2
    left = values[m - 1] - values[0]
    right = values[-1] - values[m]
    if left + right == 0:
        return (values[m - 1] + values[m]) / 2
    return (values[m - 1] * right + values[m] * left) / (left + right)


def _sweep(g: Layered, layers: list[list[int]], pos: list[int], downward: bool) -> None:
    seq = range(1, len(layers)) if downward else range(len(layers) - 2, -1, -1)
    nbrs, lane = (g.up if downward else g.down), g.lane
    for i in seq:
        layer = layers[i]
        start = 0
        while start < len(layer):  # one lane's block at a time: lanes stay together
            block_lane, end = lane[layer[start]], start
            while end < len(layer) and lane[layer[end]] == block_lane:
                end += 1
            slots, movers = [], []
            for j in range(start, end):
                n = layer[j]
                near = nbrs[n]
                if not near:
                    continue  # no neighbour there: it keeps its place
                if len(near) == 1:
                    key = (pos[near[0]], pos[near[0]])
                else:
                    values = [pos[m] for m in near]
                    key = (_median(values), sum(values) / len(values))
                slots.append(j)
                movers.append((key, n))
            movers.sort(key=lambda kn: kn[0])
            for j, (_key, n) in zip(slots, movers, strict=True):
                layer[j] = n
            start = end
        for j, n in enumerate(layer):
            pos[n] = j


def _pair(u: int, v: int, pos: list[int], g: Layered) -> tuple[int, int]:
    """Crossings among the edges of u and v to both neighbouring layers: with u left of v, and
    with v left of u."""
    uv = vu = 0
    for nbrs in (g.up, g.down):
        nu, nv = nbrs[u], nbrs[v]
        if not nu or not nv:
            continue
        for a in nu:
            pa = pos[a]
            for b in nv:
                pb = pos[b]
                if pa > pb:
                    uv += 1
                elif pa < pb:
                    vu += 1
    return uv, vu


class Budget:
    """Pairs the transpose may still look at: bounds the time on large graphs, and unlike a
    clock it gives the same layout on every machine and every run."""

    def __init__(self, pairs: int) -> None:
        self.left = pairs


def _transpose(g: Layered, layers: list[list[int]], pos: list[int], budget: Budget) -> None:
    """Swap neighbours (same lane) while that removes crossings; a layer is looked at again
    only when it or a neighbouring layer changed (dot's candidate flags)."""
    lane = g.lane
    dirty = [True] * len(layers)
    while budget.left > 0 and any(dirty):
        changed = [False] * len(layers)
        for i, layer in enumerate(layers):
            if not dirty[i]:
                continue
            budget.left -= len(layer)
            for j in range(len(layer) - 1):
                u, v = layer[j], layer[j + 1]
                if lane[u] != lane[v]:
                    continue
                before, after = _pair(u, v, pos, g)
                if before > after:
                    layer[j], layer[j + 1] = v, u
                    pos[u], pos[v] = j + 1, j
                    changed[i] = True
        dirty = [
            changed[i] or (i > 0 and changed[i - 1]) or (i + 1 < len(layers) and changed[i + 1])
            for i in range(len(layers))
        ]


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
    return [sorted(layer, key=lambda n: (g.lane[n], rank[n])) for layer in layers]


def order_layers(
    layers: Sequence[Sequence[Node]],
    edges: Sequence[tuple[Node, Node]],
    lane: dict[Node, int],
    iterations: int = 8,
) -> list[list[Node]]:
    """Each layer's nodes in the order with the fewest crossings found, with the dummies of
    long edges (`is_dummy`) where those edges pass."""
    g = Layered(layers, edges, lane)
    size = len(g.names)
    starts = [[sorted(layer, key=lambda n: g.lane[n]) for layer in g.layers]]
    if size < LARGE:
        starts.append(_depth_first(g, g.layers))
    else:  # thousands of goals: fewer sweeps, one start (the time is the user's)
        iterations = max(2, iterations // (2 if size < 4 * LARGE else 4))
    best, best_count = starts[0], None
    for start in starts:
        current = [list(layer) for layer in start]
        pos = _positions(current, size)
        for it in range(iterations + 1):
            if it:
                _sweep(g, current, pos, downward=it % 2 == 1)
                if it % 2:
                    continue  # judged after each down-and-up pair of sweeps
            count = total_crossings(g, current, pos)
            if best_count is None or count < best_count:
                best, best_count = [list(layer) for layer in current], count
            if best_count == 0:
                break
    _transpose(g, best, _positions(best, size), Budget(TRANSPOSE_PAIRS_PER_NODE * size))
    return [[g.names[n] for n in layer] for layer in best]


def _positions(layers: list[list[int]], size: int) -> list[int]:
    pos = [0] * size
    for layer in layers:
        for j, n in enumerate(layer):
            pos[n] = j
    return pos
