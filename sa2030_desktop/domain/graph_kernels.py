"""The network simplex of graph_simplex.py, and the sweep, transpose and crossing count of
graph_mincross.Arrays, compiled with numba. The latter are the
same steps on the same arrays, with the same results (tests/graph/test_graph_order.py), but
as loops in machine code instead of numpy calls — numpy's cost per call, not the arithmetic,
decided the time up to a few hundred goals (issue 14 item 3: ≥ 10× faster than Graphviz dot).

Compiled once and cached on disk (`cache=True`: in __pycache__ beside this file, or in the
user's cache folder where that is read-only), loaded in the background (graph_compiled.py).
"""

from __future__ import annotations

import numpy as np
from numba import njit as _njit
from numba.core.caching import FunctionCache

from sa2030_desktop.domain import graph_order, graph_rank, graph_simplex
from sa2030_desktop.domain.graph_mincross import MAX_ROUNDS, Arrays


class _OptionsCache(FunctionCache):
    """numba's disk cache, its entries also keyed by the compile options: numba keys them by
    signature and bytecode only, so code cached before `nogil=True` was added (the source file
    unchanged, as graph_simplex.py) was loaded again and held the GIL - the GUI thread stood
    still for the whole network simplex (0.5 s at 5,000 goals, seconds at 10,000)."""

    def __init__(self, py_func, options: tuple):
        super().__init__(py_func)
        self._options = options

    def _index_key(self, sig, codegen):
        return (*super()._index_key(sig, codegen), self._options)


def njit(*, inline: str = "never"):
    """Compiled, cached and without the GIL: the layout runs in a worker (gui/tasks.py) and
    none of these loops touches a Python object, so the GUI thread runs meanwhile."""
    options = {"cache": True, "nogil": True, "inline": inline}

    def compile_(func):
        dispatcher = _njit(**options)(func)
        dispatcher._cache = _OptionsCache(func, tuple(sorted(options.items())))
        return dispatcher

    return compile_


network_simplex = njit()(graph_simplex.network_simplex)
depth_first = njit()(graph_order.depth_first)
generations = njit()(graph_rank.generations)
tighten = njit()(graph_rank.tighten)


@njit()
def _mincross(at, pos, lane, start, ptr, flat, degree, size, begin, iterations, min_quit,
              convergence, rounds):  # fmt: skip  # pragma: no cover - compiled
    """Arrays.mincross in one call: the loop of ~28 sweeps, transposes and counts at 150 goals
    cost ~100 calls from Python, each a few µs of argument checks."""
    _restore(at, pos, start, begin)
    best = begin.copy()
    work = _workspace(start, ptr)
    best_count = _crossings(at, pos, start, ptr, flat, size, work)
    trying = 0
    for it in range(iterations):
        if trying >= min_quit or best_count == 0:
            break
        trying += 1
        reverse = it % 4 < 2
        _sweep(at, pos, lane, start, ptr, flat, degree, size, it % 2 == 0, reverse, work)
        _transpose(at, pos, lane, start, ptr, flat, size, not reverse, rounds)
        count = _crossings(at, pos, start, ptr, flat, size, work)
        if count <= best_count:
            if count < convergence * best_count:
                trying = 0
            best[:] = at
            best_count = count
    return best, best_count


@njit()
def _restore(at, pos, start, begin):  # pragma: no cover - compiled
    at[:] = begin
    for i in range(len(start) - 1):
        for slot in range(start[i], start[i + 1]):
            pos[at[slot]] = slot - start[i]


@njit()
def _workspace(start, ptr):  # pragma: no cover - compiled
    """Buffers of the sweep and the count, allocated once per mincross loop: the neighbours'
    places of one node, four rows of a layer's width (ints) and two (floats)."""
    widest = 1
    for i in range(len(start) - 1):
        widest = max(widest, start[i + 1] - start[i])
    ends = np.empty(max(1, degree_max(ptr)), dtype=np.int64)
    return ends, np.empty((4, widest + 1), dtype=np.int64), np.empty((2, widest + 1))


@njit()
def _crossings(at, pos, start, ptr, flat, size, work):  # pragma: no cover - compiled
    """Crossings between neighbouring layers, one accumulator tree (Fenwick) per pair of
    layers: upper ends in place order, each one's lower ends ascending (Barth, Jünger and
    Mutzel 2004)."""
    total = 0
    layers = len(start) - 1
    ends, tree = work[0], work[1][3]
    for i in range(layers - 1):
        width = start[i + 2] - start[i + 1]
        tree[: width + 1] = 0
        inserted = 0
        for slot in range(start[i], start[i + 1]):
            n = at[slot]
            row = n + size
            deg = _sorted_places(ends, row, pos, ptr, flat)
            for e in range(deg):
                # entries with a place above p: all inserted minus those at p or below
                k, below = ends[e] + 1, 0
                while k > 0:
                    below += tree[k]
                    k -= k & -k
                total += inserted - below
            for e in range(deg):
                k = ends[e] + 1
                while k <= width:
                    tree[k] += 1
                    k += k & -k
                inserted += 1
    return total


@njit()
def degree_max(ptr):  # pragma: no cover - compiled
    most = 0
    for r in range(len(ptr) - 1):
        most = max(most, ptr[r + 1] - ptr[r])
    return most


@njit(inline="always")  # no call, no reference counting per pair
def _sorted_places(buf, row, pos, ptr, flat):  # pragma: no cover - compiled
    """The places of row's neighbours into buf, ascending (insertion sort: a handful)."""
    deg = 0
    for e in range(ptr[row], ptr[row + 1]):
        x = pos[flat[e]]
        h = deg
        while h > 0 and buf[h - 1] > x:
            buf[h] = buf[h - 1]
            h -= 1
        buf[h] = x
        deg += 1
    return deg


@njit(inline="always")  # no call, no reference counting per pair
def _pair(u, v, pos, ptr, flat, size):  # pragma: no cover - compiled
    """Crossings of u's and v's edges (up and down) with u left of v, and with v left."""
    uv, vu = 0, 0
    for shift in (0, size):
        ru, rv = u + shift, v + shift
        for a in range(ptr[ru], ptr[ru + 1]):
            pa = pos[flat[a]]
            for b in range(ptr[rv], ptr[rv + 1]):
                pb = pos[flat[b]]
                if pa > pb:
                    uv += 1
                elif pa < pb:
                    vu += 1
    return uv, vu


@njit()
def _transpose(at, pos, lane, start, ptr, flat, size, equal_swaps, rounds):  # pragma: no cover
    """Arrays.transpose: odd-even pairs of even then odd layers; the steps touch disjoint pairs
    of layers that are no neighbours, so doing them one after another is the same."""
    layers = len(start) - 1
    version = np.zeros(layers + 2, dtype=np.int64)  # swaps so far in layer i - 1
    seen = np.full((layers, 2), -1, dtype=np.int64)  # versions at the last look, per step
    equal = bool(equal_swaps)
    for _round in range(rounds):
        gain = 0
        for lp in range(2):
            for pp in range(2):
                for i in range(lp, layers, 2):
                    # the pairs' crossings depend on layers i - 1 … i + 1 alone: if none of
                    # them changed since these pairs were last looked at, none will swap
                    state = version[i] + version[i + 1] + version[i + 2]
                    if seen[i, pp] == state:
                        continue
                    swaps = 0
                    for slot in range(start[i] + pp, start[i + 1] - 1, 2):
                        u, v = at[slot], at[slot + 1]
                        if lane[u] != lane[v]:
                            continue
                        before, after = _pair(u, v, pos, ptr, flat, size)
                        # swapped or not by arithmetic, without a branch: at equal swaps about
                        # a third of the pairs swap, at random, and each branch the processor
                        # guessed wrong cost more than the pair's count
                        w = np.int64((after < before) | (equal & (after == before) & (before > 0)))
                        gain += w * (before - after)
                        at[slot] = u + w * (v - u)
                        at[slot + 1] = v + w * (u - v)
                        pos[u] += w
                        pos[v] -= w
                        swaps += w
                    version[i + 1] += swaps
                    # a swap of equal pairs would be undone on the next look: look again
                    if not (equal_swaps and swaps):
                        seen[i, pp] = version[i] + version[i + 1] + version[i + 2]
        if gain <= 0:
            break


@njit()
def _sweep(
    at, pos, lane, start, ptr, flat, degree, size, downward, reverse, work
):  # pragma: no cover
    """Arrays.sweep: each layer's nodes with neighbours in the layer before sorted by (lane,
    weighted median, barycenter, slot — reversed on request); the others keep their slots."""
    count = len(start) - 1
    shift = 0 if downward else size
    first, last, step = (1, count, 1) if downward else (count - 2, -1, -1)
    values, ints, floats = work
    movers, nodes, ranked, median, bary = ints[0], ints[1], ints[2], floats[0], floats[1]
    for i in range(first, last, step):
        a, b = start[i], start[i + 1]
        k = 0
        for slot in range(a, b):
            row = at[slot] + shift
            deg = degree[row]
            if deg == 0:
                continue
            total = 0.0
            for e in range(ptr[row], ptr[row + 1]):
                total += pos[flat[e]]
            _sorted_places(values, row, pos, ptr, flat)
            half = deg // 2
            hi = values[half]
            lo = values[max(half - 1, 0)]
            left = lo - values[0]
            right = values[deg - 1] - hi
            spread = left + right
            if deg % 2 == 1:
                m = float(hi)
            elif deg == 2 or spread == 0:
                m = (lo + hi) / 2
            else:
                m = (lo * right + hi * left) / spread
            movers[k], median[k], bary[k] = slot - a, m, total / deg
            k += 1
        if k == 0:
            continue
        for slot in range(a, b):
            nodes[slot - a] = at[slot]
        # insertion sort on the keys (lane, median, barycenter, slot): the keys are distinct
        # and after the first sweeps nearly in order, so a handful of moves per layer
        for j in range(k):
            ln = lane[nodes[movers[j]]]
            md, br, sl = median[j], bary[j], movers[j]
            h = j
            while h > 0:
                p = ranked[h - 1]
                lp = lane[nodes[movers[p]]]
                if lp < ln:
                    break
                if lp == ln:
                    if median[p] < md:
                        break
                    if median[p] == md:
                        if bary[p] < br:
                            break
                        if bary[p] == br and ((movers[p] > sl) if reverse else (movers[p] < sl)):
                            break
                ranked[h] = p
                h -= 1
            ranked[h] = j
        for j in range(k):
            at[a + movers[j]] = nodes[movers[ranked[j]]]
        for slot in range(a, b):
            pos[at[slot]] = slot - a


class Compiled(Arrays):
    """Arrays with the three steps compiled: the same interface for graph_order's loop."""

    def __init__(self, ptr: np.ndarray, flat: np.ndarray, lane: np.ndarray, start: np.ndarray,
                 at: np.ndarray) -> None:  # fmt: skip
        # only what the compiled steps read (Arrays also prepares its numpy transpose)
        self.size = len(lane)
        self.ptr, self.flat, self.lane, self.start = ptr, flat, lane, start
        self.degree = np.diff(ptr)
        self.slot_layer = np.repeat(np.arange(len(start) - 1), np.diff(start))
        self.at = at.copy()
        self.pos = np.zeros(self.size, dtype=np.int64)
        self.restore(at)

    def mincross(self, start: np.ndarray, iterations: int, min_quit: int, convergence: float):
        best, count = _mincross(self.at, self.pos, self.lane, self.start, self.ptr, self.flat,
                                self.degree, self.size, start, iterations, min_quit,
                                float(convergence), MAX_ROUNDS)  # fmt: skip
        return best, int(count)

    def crossings(self) -> int:
        return int(_crossings(self.at, self.pos, self.start, self.ptr, self.flat, self.size,
                              _workspace(self.start, self.ptr)))  # fmt: skip

    def transpose(self, equal_swaps: bool) -> None:
        _transpose(self.at, self.pos, self.lane, self.start, self.ptr, self.flat, self.size,
                   equal_swaps, MAX_ROUNDS)  # fmt: skip

    def sweep(self, downward: bool, reverse: bool) -> None:
        _sweep(self.at, self.pos, self.lane, self.start, self.ptr, self.flat, self.degree,
               self.size, downward, reverse, _workspace(self.start, self.ptr))  # fmt: skip
