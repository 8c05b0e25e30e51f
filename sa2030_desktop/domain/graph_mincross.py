"""The transpose pass and the crossing count of domain/graph_order.py on numpy arrays: dot's
mincross needs both in every one of its iterations, and in plain Python they cost 10× more
than the median sweeps (1,000 goals: ~3,600 nodes with the dummies of long edges).

Transpose: neighbours in a layer swap places when that removes crossings, or — on every
second round of iterations, as dot does to leave a plateau — when it leaves them equal.
Pairs are taken odd-even: the pairs (0,1), (2,3) … of all even layers at once, then the odd
pairs, then the same in the odd layers. Disjoint pairs in layers that are no neighbours of
each other do not influence each other, so the parallel swaps are exactly the sequential ones.
"""

from __future__ import annotations

from itertools import chain

import numpy as np

MAX_ROUNDS = 16  # odd-even rounds per transpose (a bound; it stops when nothing improves)


def _csr(lists: list[list[int]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    degree = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    ptr = np.zeros(len(lists) + 1, dtype=np.int64)
    np.cumsum(degree, out=ptr[1:])
    flat = np.fromiter(chain.from_iterable(lists), dtype=np.int64, count=int(ptr[-1]))
    return ptr, flat, degree


class Arrays:
    """The layered graph as arrays: `at` holds the nodes layer after layer (slot → node),
    `pos` each node's place in its layer; neighbours up and down as one adjacency in which
    node n's upper neighbours are row n and its lower ones row n + size."""

    def __init__(self, ptr: np.ndarray, flat: np.ndarray, lane: np.ndarray, start: np.ndarray,
                 at: np.ndarray) -> None:  # fmt: skip
        """`ptr`/`flat` as graph_order.Layered builds them, `at` the order to begin with."""
        self.size = size = len(lane)
        self.ptr, self.flat, self.lane, self.start = ptr, flat, lane, start
        self.degree = np.diff(ptr)
        sizes = np.diff(start)
        self.slot_layer = np.repeat(np.arange(len(sizes)), sizes)
        self.at = at.copy()
        self.pos = np.zeros(size, dtype=np.int64)
        self.restore(at)
        node_layer = np.zeros(size, dtype=np.int64)
        node_layer[at] = self.slot_layer
        slot = np.arange(size - 1)
        layer_of = self.slot_layer
        same = layer_of[:-1] == layer_of[1:]
        place = slot - self.start[layer_of[:-1]]
        # candidate pairs (slot, slot + 1) for the four odd-even steps
        self.steps = [
            slot[same & (layer_of[:-1] % 2 == lp) & (place % 2 == pp)]
            for lp in (0, 1)
            for pp in (0, 1)
        ]
        self.steps = [s for s in self.steps if len(s)]
        self.seg_tail = np.repeat(np.arange(size), self.degree[size:])
        self.seg_head = self.flat[self.ptr[size] :]
        self.seg_layer = node_layer[self.seg_tail]
        self.bits = max(1, int(sizes.max(initial=1)).bit_length())

    @classmethod
    def of(cls, up: list[list[int]], down: list[list[int]], lane: list[int],
           layers: list[list[int]]):  # fmt: skip
        """From neighbour lists and layers of node numbers (tests, the warm-up's trial)."""
        ptr, flat, _degree = _csr(up + down)
        start = np.zeros(len(layers) + 1, dtype=np.int64)
        np.cumsum([len(layer) for layer in layers], out=start[1:])
        at = np.fromiter(chain.from_iterable(layers), dtype=np.int64, count=int(start[-1]))
        return cls(ptr, flat, np.asarray(lane, dtype=np.int64), start, at)

    def mincross(self, start: np.ndarray, iterations: int, min_quit: int, convergence: float):
        """dot's mincross loop from one order (a snapshot): median sweep and transpose, the
        best order kept; stops after `min_quit` iterations without a real improvement (fewer
        than `convergence` × the best crossings). Returns the best snapshot and its crossings.
        graph_kernels compiles the same loop in one call."""
        self.restore(start)
        best, best_count = start, self.crossings()
        trying = 0
        for it in range(iterations):
            if trying >= min_quit or best_count == 0:
                break
            trying += 1
            reverse = it % 4 < 2
            self.sweep(downward=it % 2 == 0, reverse=reverse)
            self.transpose(equal_swaps=not reverse)
            count = self.crossings()
            if count <= best_count:
                if count < convergence * best_count:
                    trying = 0
                best, best_count = self.snapshot(), count
        return best, best_count

    def set_order(self, layers: list[list[int]]) -> None:
        self.at = np.fromiter((n for layer in layers for n in layer), np.int64, self.size)
        self.pos[self.at] = np.arange(self.size) - self.start[self.slot_layer]

    def snapshot(self) -> np.ndarray:
        """The order as it is (for restore): cheaper than order() in the mincross loop."""
        return self.at.copy()

    def restore(self, at: np.ndarray) -> None:
        self.at[:] = at
        self.pos[self.at] = np.arange(self.size) - self.start[self.slot_layer]

    def order(self) -> list[list[int]]:
        flat = self.at.tolist()
        bounds = self.start.tolist()
        return [flat[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]

    def crossings(self) -> int:
        """All crossings between neighbouring layers: inversions of the lower ends with the
        segments sorted by layer and upper end, counted bit by bit (a radix merge count)."""
        if not len(self.seg_tail):
            return 0
        a, b = self.pos[self.seg_tail], self.pos[self.seg_head]
        order = np.lexsort((b, a, self.seg_layer))
        b, layer = b[order], self.seg_layer[order]
        total = 0
        for bit in range(self.bits):
            group = (layer << (self.bits + 1)) | (b >> (bit + 1))
            ones = (b >> bit) & 1
            sort = np.argsort(group, kind="stable")
            group, ones = group[sort], ones[sort]
            seen = np.cumsum(ones)  # ones so far; minus those before the group began
            first = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
            before = np.repeat(seen[first] - ones[first], np.diff(np.r_[first, len(group)]))
            total += int((seen - before)[ones == 0].sum())
        return total

    def _pair_crossings(self, u: np.ndarray, v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each pair: crossings of u's and v's edges with u left of v, and with v left."""
        k = len(u)
        rows_u = np.concatenate((u, u + self.size))
        rows_v = np.concatenate((v, v + self.size))
        du, dv = self.degree[rows_u], self.degree[rows_v]
        count = du * dv
        rep = np.repeat(np.arange(2 * k), count)
        if not len(rep):
            zero = np.zeros(k, dtype=np.int64)
            return zero, zero
        first = np.cumsum(count) - count
        t = np.arange(len(rep)) - first[rep]
        dvr = dv[rep]
        i = t // dvr
        pa = self.pos[self.flat[self.ptr[rows_u][rep] + i]]
        pb = self.pos[self.flat[self.ptr[rows_v][rep] + (t - i * dvr)]]
        uv = np.bincount(rep, weights=pa > pb, minlength=2 * k)
        vu = np.bincount(rep, weights=pa < pb, minlength=2 * k)
        return (uv[:k] + uv[k:]).astype(np.int64), (vu[:k] + vu[k:]).astype(np.int64)

    def transpose(self, equal_swaps: bool) -> None:
        at, pos, lane = self.at, self.pos, self.lane
        for _round in range(MAX_ROUNDS):
            gain = 0
            for slots in self.steps:
                u, v = at[slots], at[slots + 1]
                before, after = self._pair_crossings(u, v)
                swap = (after < before) & (lane[u] == lane[v])
                if equal_swaps:
                    swap |= (after == before) & (before > 0) & (lane[u] == lane[v])
                if not swap.any():
                    continue
                gain += int((before - after)[swap].sum())
                s, su, sv = slots[swap], u[swap], v[swap]
                at[s], at[s + 1] = sv, su
                pos[su] += 1
                pos[sv] -= 1
            if gain <= 0:
                break

    def sweep(self, downward: bool, reverse: bool) -> None:
        """One median sweep (dot's wmedian): each layer in turn sorted by the weighted median
        of its neighbours in the layer before (barycenter, then place as tie-breaks; equal
        keys reversed on every other pair of sweeps); a node without neighbours there keeps
        its slot, and nodes move only within their lane's block."""
        at, pos, start = self.at, self.pos, self.start
        count = len(start) - 1
        shift = 0 if downward else self.size
        for i in range(1, count) if downward else range(count - 2, -1, -1):
            nodes = at[start[i] : start[i + 1]]
            rows = nodes + shift
            degree = self.degree[rows]
            movers = np.flatnonzero(degree)
            if not len(movers):
                continue
            deg = degree[movers]
            first = np.cumsum(deg) - deg
            rep = np.repeat(np.arange(len(movers)), deg)
            t = np.arange(len(rep)) - first[rep]
            values = pos[self.flat[self.ptr[rows[movers]][rep] + t]]
            bary = np.bincount(rep, weights=values) / deg
            values = values[np.lexsort((values, rep))]
            half = deg // 2
            hi = values[first + half]
            lo = values[first + np.maximum(half - 1, 0)]
            left = lo - values[first]
            right = values[first + deg - 1] - hi
            spread = left + right
            weighted = (lo * right + hi * left) / np.where(spread > 0, spread, 1)
            even = np.where((deg == 2) | (spread == 0), (lo + hi) / 2, weighted)
            median = np.where(deg % 2 == 1, hi, even)
            tie = -movers if reverse else movers
            order = np.lexsort((tie, bary, median, self.lane[nodes[movers]]))
            nodes[movers] = nodes[movers[order]]  # a view of `at`: written in place
            pos[nodes] = np.arange(len(nodes))
