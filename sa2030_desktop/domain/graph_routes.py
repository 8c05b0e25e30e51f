"""Routes of long edges through their places in the layers between (the dummies of
domain/graph_order.py, placed by graph_layout._place): in each layer along a row gap, so no box
stands in the way, diagonally only in the free gap between two layers."""

from __future__ import annotations

from sa2030_desktop.domain.graph_layout import GATE, LAYER_GAP, ROW_PITCH
from sa2030_desktop.domain.graph_view import GraphNode


def _s_curve(points: list, end: tuple[float, float]) -> None:
    """A cubic to `end` leaving and arriving horizontally."""
    (x0, y0), (x1, y1) = points[-1], end
    dx = (x1 - x0) / 2
    points += [(x0 + dx, y0), (x1 - dx, y1), end]


def _straight(points: list, end: tuple[float, float]) -> None:
    (x0, y0), (x1, y1) = points[-1], end
    points += [(x0 + (x1 - x0) / 3, y0 + (y1 - y0) / 3), (x0 + 2 * (x1 - x0) / 3,
               y0 + 2 * (y1 - y0) / 3), end]  # fmt: skip


def via_route(a: GraphNode, b: GraphNode, via) -> list[tuple[float, float]] | None:
    """The route of a long edge through its places in the layers between (graph_order's
    dummies): in each layer along a row gap, diagonally only in the gaps between layers. None
    when an end has moved since the layout (then edge_route's channel is taken)."""
    start, end, exit_x, passes, enter_x = via
    if abs(a.x - start[0]) > 0.5 or abs(a.y - start[1]) > 0.5:
        return None
    if abs(b.x - end[0]) > 0.5 or abs(b.y - end[1]) > 0.5:
        return None
    sx, sy = a.x + a.width / 2, a.y
    ex, ey = b.x - b.width / 2, b.y
    points: list[tuple[float, float]] = [(sx, sy)]
    first_y, last_y = passes[0][2], passes[-1][2]
    gate_out = sx + a.slack + LAYER_GAP / 2
    if gate_out < exit_x - 1:  # the source's layer has sub-columns right of it: a row gap
        cy = sy + (ROW_PITCH / 2 if first_y >= sy else -ROW_PITCH / 2)
        _s_curve(points, (gate_out, cy))
        _straight(points, (exit_x, cy))
    elif exit_x > sx + 1:  # out to the layer's edge first: curves between layers all alike
        _straight(points, (exit_x, sy))
    for x_in, x_out, y in passes:
        _s_curve(points, (x_in, y))
        _straight(points, (x_out, y))
    gate_in = ex - b.slack - LAYER_GAP / 2
    if gate_in > enter_x + 1:
        cy = ey + (ROW_PITCH / 2 if last_y >= ey else -ROW_PITCH / 2)
        _s_curve(points, (enter_x, cy))
        _straight(points, (gate_in, cy))
        _s_curve(points, (ex, ey))
    elif ex > enter_x + 1:
        _s_curve(points, (enter_x, ey))
        _straight(points, (ex, ey))
    else:
        _s_curve(points, (ex, ey))
    return points


def neighbour_route(a: GraphNode, b: GraphNode) -> list[tuple[float, float]] | None:
    """An edge between neighbouring layers: straight out to the edge of a's layer column,
    one curve across the gap, straight in to b. Every curve between two layers then spans the
    same gap with the same shape, so two edges cross only where their order changes (a narrow
    box's edge no longer cuts a long edge's line still running through its layer). None when
    the ends are not in neighbouring columns (moved by hand)."""
    sx, ex = a.x + a.width / 2, b.x - b.width / 2
    x0, x1 = sx + a.slack + GATE, ex - b.slack - GATE
    if not (x0 <= x1 <= x0 + LAYER_GAP):
        return None
    points: list[tuple[float, float]] = [(sx, a.y)]
    if x0 > sx + 1:
        _straight(points, (x0, a.y))
    _s_curve(points, (x1, b.y))
    if ex > x1 + 1:
        _straight(points, (ex, b.y))
    return points
