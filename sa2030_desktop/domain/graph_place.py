"""Coordinates of the layered layout (graph_layout.py): the goals of each layer in the order
that graph_order found, in rows per lane, a wide layer split into sub-columns; the long
edges' dummies become points in the row gaps that their routes pass (graph_routes.py).

Computed with numpy calls on the order's numbers (graph_order.order_numbers): a Python loop
with a dict per goal and dummy cost ~1 ms at 150 goals, an eighth of the layout. The
arithmetic is the same expression per point as that loop's, so the coordinates are the same
floating-point numbers.
"""

from __future__ import annotations

import math

import numpy as np

from sa2030_desktop.domain.graph_layout import (
    GATE,
    LANE_GAP,
    LANE_LABEL,
    LAYER_GAP,
    MIN_WIDTH,
    ROW_GAP,
    ROW_PITCH,
)
from sa2030_desktop.domain.graph_view import GraphModel


def _split(widths: list[float], cells: list[list[int]]) -> list[int]:
    """Sub-columns per layer, so that a shallow graph (few layers, many goals per layer) is laid
    out about as wide as a 16:9 screen instead of as one tall column. Edges leaving a
    sub-column run through the row gaps (edge_route), so no node stands in their way."""
    tallest = max((c for row in cells for c in row), default=1) or 1
    # a layer's sub-columns follow from its fullest lane; a lane's height from its filled cells
    fullest = [max(column) for column in zip(*cells, strict=True)] if cells else []
    filled = [[(i, c) for i, c in enumerate(row) if c] for row in cells]
    best, best_score = [1] * len(widths), None
    for limit in range(tallest, 0, -1):
        split = [max(1, -(-c // limit)) for c in fullest]
        width = sum(k * (w + LAYER_GAP) for k, w in zip(split, widths, strict=True))
        height = sum(
            max((-(-c // split[i]) for i, c in row), default=0) * ROW_PITCH for row in filled
        )
        score = abs(math.log(max(width, 1.0) / max(height, 1.0) / (16 / 9)))
        if best_score is None or score < best_score - 0.05:
            best, best_score = split, score
        if width > height * 16 / 9:
            break
    return best


def _rank_in_group(group: np.ndarray, counted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each entry: how many `counted` entries of its group come before it (in index order),
    and how many entries its group has."""
    order = np.argsort(group, kind="stable")
    ones = counted[order].astype(np.int64)
    before = np.cumsum(ones) - ones
    g = group[order]
    new = np.ones(len(g), dtype=np.bool_)  # where a group begins (in sorted order)
    np.not_equal(g[1:], g[:-1], out=new[1:])
    begins = np.maximum.accumulate(np.where(new, np.arange(len(g)), 0))
    label = np.cumsum(new) - 1
    rank, size = np.empty(len(group), dtype=np.int64), np.empty(len(group), dtype=np.int64)
    rank[order] = before - before[begins]
    size[order] = np.bincount(label)[label]
    return rank, size


def place(model: GraphModel, g, at: np.ndarray) -> dict[str, tuple[float, float]]:
    """Centre points of the goals; each long edge's points in the row gaps (`edge.via`)."""
    nodes, names, real = model.nodes, g.names, g.real
    nlanes = max(len(model.lanes), 1)
    count = len(g.start) - 1
    slot_layer = np.repeat(np.arange(count), np.diff(g.start))
    lane = g.lane[at]
    is_goal = at < real
    node_width = np.fromiter((nodes[n].width for n in names), dtype=np.float64, count=real)
    widest = np.full(count, -np.inf)
    np.maximum.at(widest, g.node_layer[:real], node_width)
    widths = np.where(np.isfinite(widest), widest, MIN_WIDTH)
    cells = np.zeros((nlanes, count), dtype=np.int64)
    np.add.at(cells, (g.lane[:real], g.node_layer[:real]), 1)
    split = _split(widths.tolist(), cells.tolist())
    rows = [
        max((-(-c // split[i]) for i, c in enumerate(row)), default=0) for row in cells.tolist()
    ]
    lane_top, y = [], 0.0
    for li in range(nlanes):
        lane_top.append(y)
        y += rows[li] * ROW_PITCH + (LANE_GAP if model.lanes else 0)
    lefts, rights, x = [], [], LANE_LABEL if model.lanes else 0.0
    for k, width in zip(split, widths.tolist(), strict=True):
        lefts.append(x)
        rights.append(x + k * (width + LAYER_GAP) - LAYER_GAP)
        x += k * (width + LAYER_GAP)
    # goals of the same lane before each slot in its layer: its row and sub-column, or for a
    # dummy the row gap after them
    j, _size = _rank_in_group(slot_layer * nlanes + lane, is_goal)
    k = np.asarray(split, dtype=np.int64)[slot_layer]
    width, left, top = widths[slot_layer], np.asarray(lefts)[slot_layer], np.asarray(lane_top)[lane]
    goal = np.flatnonzero(is_goal)
    row, col = np.divmod(j[goal], k[goal])
    cx = left[goal] + col * (width[goal] + LAYER_GAP) + width[goal] / 2
    cy = top[goal] + row * ROW_PITCH + ROW_PITCH / 2
    placed = [names[n] for n in at[goal].tolist()]
    for n, w in zip(placed, width[goal].tolist(), strict=True):
        nodes[n].slack = (w - nodes[n].width) / 2
    positions = dict(zip(placed, zip(cx.tolist(), cy.tolist(), strict=True), strict=True))
    _vias(model, g, at, slot_layer, j, k, top, lefts, rights, positions)
    return positions


def _vias(model, g, at, slot_layer, j, k, top, lefts, rights, positions) -> None:
    """Long edges: parallel ones side by side in the row gap after the goals before them."""
    dummy = np.flatnonzero(at >= g.real)
    boundary = -(-j[dummy] // k[dummy])
    gap = (slot_layer[dummy] * (len(g.lane) + 1) + g.lane[at[dummy]]) * (len(at) + 1) + boundary
    m, passing = _rank_in_group(gap, np.ones(len(dummy), dtype=bool))
    step = np.minimum(4.0, (ROW_GAP - 6) / np.maximum(passing, 1))
    y = top[dummy] + boundary * ROW_PITCH + (m - (passing - 1) / 2) * step
    ids = at[dummy] - g.real
    by_id = np.empty(len(dummy))
    by_id[ids] = y
    layer = np.empty(len(dummy), dtype=np.int64)
    layer[ids] = slot_layer[dummy]
    points = list(zip((np.asarray(lefts)[layer] - GATE).tolist(),
                      (np.asarray(rights)[layer] + GATE).tolist(), by_id.tolist(), strict=True))  # fmt: skip
    vias: list = [None] * len(model.edges)
    kept, ahead, first_goal, first, span = g.long_edges
    long = np.flatnonzero((span > 0) & ahead)
    starts = g.node_layer[first_goal[long]].tolist()  # the layer its first goal stands in
    for e, begin, n, i in zip(kept[long].tolist(), first[long].tolist(), span[long].tolist(),
                              starts, strict=True):  # fmt: skip
        edge = model.edges[e]
        vias[e] = (positions[edge.source], positions[edge.target], rights[i] + GATE,
                   tuple(points[begin : begin + n]), lefts[i + n + 1] - GATE)  # fmt: skip
    for edge, via in zip(model.edges, vias, strict=True):
        edge.via = via
