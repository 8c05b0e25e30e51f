"""The layers of least total edge length by network simplex (Gansner et al. 1993, Graphviz
dot's rank.c/ns.c): min Σ weight·(rank(head) − rank(tail)) with rank(head) − rank(tail) ≥ minlen
for every edge (graph_rank.py). One function on numpy arrays, so that numba compiles it as it
is (graph_kernels.py) and it runs as plain Python while numba is not ready — the same steps, so
the same layers either way.

Steps: longest-path ranks; a feasible spanning tree of tight edges (the tree shifted by the
least slack of an edge leaving it until it spans); then pivots: a tree edge of negative cut
value leaves, the non-tree edge of least slack across the same cut in the other direction
enters, the side below the leaving edge moves to make it tight. Cut values from the postorder
numbering (low/lim) as in dot's x_cutval; after a pivot only those on the tree path between
the entering edge's ends change, and the numbering below their common ancestor (treeupdate).
"""

from __future__ import annotations

import numpy as np

SEARCH = 30  # negative cut values looked at before a pivot (dot's Search_size)


def network_simplex(tail, head, minlen, weight, n, max_iter, stop):  # noqa: C901, PLR0912, PLR0915
    """Ranks of nodes 0 … n-1 (connected through node 0, acyclic); an empty array where the
    graph has a cycle or the pivots do not end within max_iter. `stop`: one int64 that another
    thread sets to 1 (a cancel: the compiled loop holds no GIL and calls no Python) – the
    pivots end there with an empty array (seconds earlier at 10,000 goals)."""
    m = len(tail)
    none = np.zeros(0, dtype=np.int64)
    ptr = np.zeros(n + 1, dtype=np.int64)  # incident edges of each node: inc[ptr[v]:ptr[v+1]]
    for e in range(m):
        ptr[tail[e] + 1] += 1
        ptr[head[e] + 1] += 1
    for v in range(n):
        ptr[v + 1] += ptr[v]
    inc = np.empty(2 * m, dtype=np.int64)
    fill = ptr[:n].copy()
    for e in range(m):
        inc[fill[tail[e]]] = e
        fill[tail[e]] += 1
        inc[fill[head[e]]] = e
        fill[head[e]] += 1

    # longest path from the sources
    rank = np.zeros(n, dtype=np.int64)
    waiting = np.zeros(n, dtype=np.int64)
    for e in range(m):
        waiting[head[e]] += 1
    queue = np.empty(n, dtype=np.int64)
    done = 0
    for v in range(n):
        if waiting[v] == 0:
            queue[done] = v
            done += 1
    q = 0
    while q < done:
        v = queue[q]
        q += 1
        for k in range(ptr[v], ptr[v + 1]):
            e = inc[k]
            if tail[e] == v:
                w = head[e]
                rank[w] = max(rank[w], rank[v] + minlen[e])
                waiting[w] -= 1
                if waiting[w] == 0:
                    queue[done] = w
                    done += 1
    if done < n:
        return none

    # a feasible tree: tight edges from node 0, shifted by the least slack until it spans
    in_tree = np.zeros(n, dtype=np.bool_)
    tree = np.zeros(m, dtype=np.bool_)
    stack = np.empty(n + 1, dtype=np.int64)
    in_tree[0] = True
    count, top = 1, 1
    stack[0] = 0
    while True:
        while top > 0:
            top -= 1
            v = stack[top]
            for k in range(ptr[v], ptr[v + 1]):
                e = inc[k]
                w = head[e] if tail[e] == v else tail[e]
                if not in_tree[w] and rank[head[e]] - rank[tail[e]] == minlen[e]:
                    in_tree[w] = True
                    tree[e] = True
                    count += 1
                    stack[top] = w
                    top += 1
        if count == n:
            break
        best, least = -1, 0
        for e in range(m):
            if in_tree[tail[e]] != in_tree[head[e]]:
                slack = rank[head[e]] - rank[tail[e]] - minlen[e]
                if best < 0 or slack < least:
                    best, least = e, slack
        if best < 0:
            return none  # not connected
        delta = least if in_tree[tail[best]] else -least
        for v in range(n):
            if in_tree[v]:
                rank[v] += delta
        w = head[best] if in_tree[tail[best]] else tail[best]
        in_tree[w] = True
        tree[best] = True
        count += 1
        stack[0] = w
        top = 1

    parent = np.full(n, -1, dtype=np.int64)  # tree edge to the parent
    low = np.zeros(n, dtype=np.int64)
    lim = np.zeros(n, dtype=np.int64)
    post = np.zeros(n, dtype=np.int64)
    cursor = np.zeros(n, dtype=np.int64)
    cut = np.zeros(m, dtype=np.int64)
    start, root = 0, 0
    low[0] = 1
    for pivot in range(max_iter + 1):
        if stop[0]:
            return none
        # postorder numbers below root (all nodes first, then the part a pivot changed):
        # v's subtree is {x: low[v] ≤ lim[x] ≤ lim[v]}
        cursor[root] = ptr[root]
        stack[0], top, counter = root, 1, low[root]
        while top > 0:
            v = stack[top - 1]
            pushed = False
            while cursor[v] < ptr[v + 1]:
                e = inc[cursor[v]]
                cursor[v] += 1
                if tree[e] and e != parent[v]:
                    w = head[e] if tail[e] == v else tail[e]
                    parent[w], low[w], cursor[w] = e, counter, ptr[w]
                    stack[top] = w
                    top += 1
                    pushed = True
                    break
            if not pushed:
                lim[v] = counter
                post[counter - 1] = v
                counter += 1
                top -= 1
        # cut values, children first (dot's x_cutval and x_val); after a pivot only those
        # on the tree path between the entering edge's ends change (below)
        for i in range(n - 1 if pivot == 0 else 0):
            v = post[i]
            f = parent[v]
            up = tail[f] == v
            total = 0
            for k in range(ptr[v], ptr[v + 1]):
                e = inc[k]
                other = head[e] if tail[e] == v else tail[e]
                outside = not (low[v] <= lim[other] <= lim[v])
                if outside:
                    value = weight[e]
                else:
                    value = (cut[e] if tree[e] else 0) - weight[e]
                d = (1 if head[e] == v else -1) if up else (1 if tail[e] == v else -1)
                if outside:
                    d = -d
                total += value if d > 0 else -value
            cut[f] = total
        # the leaving edge: the most negative cut value among the next SEARCH negative ones
        leave, found = -1, 0
        for j in range(m):
            e = (start + j) % m
            if tree[e] and cut[e] < 0:
                if leave < 0 or cut[e] < cut[leave]:
                    leave = e
                found += 1
                if found >= SEARCH:
                    break
        if leave < 0:
            return rank
        if pivot == max_iter:
            return none
        start = (leave + 1) % m
        # the entering edge: least slack across the cut, in the other direction
        below_tail = lim[tail[leave]] < lim[head[leave]]
        v = tail[leave] if below_tail else head[leave]
        enter, least = -1, 0
        for e in range(m):
            if tree[e]:
                continue
            t_in = low[v] <= lim[tail[e]] <= lim[v]
            h_in = low[v] <= lim[head[e]] <= lim[v]
            if (h_in and not t_in) if below_tail else (t_in and not h_in):
                slack = rank[head[e]] - rank[tail[e]] - minlen[e]
                if enter < 0 or slack < least:
                    enter, least = e, slack
        if enter < 0:
            return none
        if least > 0:
            shift = -least if below_tail else least
            for x in range(n):
                if low[v] <= lim[x] <= lim[v]:
                    rank[x] += shift
        # dot's treeupdate: from each end of the entering edge up to their common ancestor
        value = cut[leave]
        for side in range(2):
            a, b = (tail[enter], head[enter]) if side == 0 else (head[enter], tail[enter])
            while not (low[a] <= lim[b] <= lim[a]):
                e = parent[a]
                if (a == tail[e]) == (side == 0):
                    cut[e] += value
                else:
                    cut[e] -= value
                a = tail[e] if lim[tail[e]] > lim[head[e]] else head[e]
            root = a
        cut[enter] = -value
        cut[leave] = 0
        tree[leave] = False
        tree[enter] = True
    return none
