"""Layered left-to-right layout of the dependency graph (Qt-free; scene and figure share it).

Layers follow the dependency order (networkx topological generations, sources pulled next to
their first dependent), a few barycenter sweeps reduce crossings, optional swimlanes group the
rows by lead ministry or theme field. Stored positions win: a new goal is placed in a free
spot of its layer without moving anybody else. Units are typographic points (1/72 inch), so
that the exported figure can draw text at FONT_SIZE and the boxes fit it.
"""

from __future__ import annotations

import math
import textwrap

from sa2030_desktop.domain.graph_view import GraphModel, GraphNode, GraphOptions, build_view
from sa2030_desktop.domain.tasks import checkpoint

__all__ = ["GraphOptions", "build_view", "layout", "node_lines", "text_width"]

FONT_SIZE = 10.0
LINE_HEIGHT = 13.0
PAD = 7.0
STATUS_BAR = 7.0  # coloured bar on the node's left edge (plus the status text as second cue)
MIN_WIDTH = 150.0
TITLE_CHARS = 26
LAYER_GAP = 80.0
ROW_GAP = 22.0
LANE_GAP = 28.0
LANE_LABEL = 150.0  # room left of the nodes for the lane names
LANE_PAD = 16.0  # free room between a lane's border and its boxes (above, below, right)
ROW_PITCH = 4 * LINE_HEIGHT + 2 * PAD + ROW_GAP
GATE = 6.0  # where edges leave and enter a layer column: this far outside its edge

_NARROW = set("iljtf.,:;'|!()[]Ilr ")
_WIDE = set("mwMW@%")


def text_width(text: str, size: float = FONT_SIZE, bold: bool = False) -> float:
    """Estimated width in points (DejaVu/Liberation Sans metrics, slightly generous)."""
    units = 0.0
    for ch in text:
        if ch in _NARROW:
            units += 0.32
        elif ch in _WIDE:
            units += 0.88
        elif ch.isupper() or ch.isdigit():
            units += 0.66 if ch.isupper() else 0.60
        else:
            units += 0.56
    return units * size * 1.12 * (1.1 if bold else 1.0)


def node_lines(node: GraphNode) -> list[str]:
    """Header (key · lead), up to two title lines, and the status as text (never colour alone)."""
    if node.is_group:
        head = node.key
        return [head, f"{node.count} Ziele (zusammengefasst)"]
    head = f"{node.key} · {node.lead}" if node.lead else node.key
    title = textwrap.wrap(node.title, TITLE_CHARS) or [""]
    if len(title) > 2:
        title = [title[0], textwrap.shorten(" ".join(title[1:]), TITLE_CHARS, placeholder=" …")]
    status = node.status.label if node.status else ""
    return [head, *title, status]


def size_node(node: GraphNode) -> None:
    lines = node_lines(node)
    widest = max(text_width(line, bold=i == 0) for i, line in enumerate(lines))
    node.width = max(MIN_WIDTH, math.ceil(widest + 2 * PAD + STATUS_BAR + 8))  # + hinting slack
    node.height = 4 * LINE_HEIGHT + 2 * PAD  # equal heights keep rows aligned


def _assign_layers(names: list[str], tails, heads, lane):
    """The layer of each node; goals without any edge fill the emptiest layers of their lane
    (the first of them, goal after goal). Nodes and edges as numbers (place_sized)."""
    import numpy as np

    from sa2030_desktop.domain.graph_rank import layer_numbers

    n = len(names)
    connected = np.zeros(n, dtype=np.bool_)
    connected[tails] = True
    connected[heads] = True
    layer = layer_numbers(names, tails, heads) if len(tails) else np.zeros(n, dtype=np.int64)
    count = int(layer[connected].max()) + 1 if len(tails) else 0
    count = max(count, math.ceil(math.sqrt(n * 0.6)), 1)
    isolated = np.flatnonzero(~connected).tolist()
    if isolated:
        filled = np.zeros((int(lane.max()) + 1, count), dtype=np.int64)  # lane × layer
        np.add.at(filled, (lane[connected], layer[connected]), 1)
        rows, lanes = filled.tolist(), lane.tolist()
        for x in isolated:
            row = rows[lanes[x]]
            target = row.index(min(row))  # the first of the emptiest for its lane
            layer[x] = target
            row[target] += 1
    return layer, connected, count


def compute_positions(model: GraphModel) -> dict[str, tuple[float, float]]:
    """A fresh layered layout (centre points) for every node of the model."""
    for node in model.nodes.values():
        size_node(node)
    return place_sized(model)


def place_sized(model: GraphModel) -> dict[str, tuple[float, float]]:
    """Layers, order and positions of nodes whose sizes are set (what Graphviz dot does with
    the sizes it is given: benchmarks/graph_crossings.py compares this part)."""
    if not model.nodes:
        return {}
    import numpy as np

    from sa2030_desktop.domain.graph_order import Layered, order_graph
    from sa2030_desktop.domain.graph_place import place

    # the graph as numbers once: node i is names[i], edge k runs tails[k] → heads[k]
    names = list(model.nodes)
    index = {x: i for i, x in enumerate(names)}
    lanes = {lane.value: i for i, lane in enumerate(model.lanes)}
    lane = np.fromiter((lanes.get(x.lane, 0) for x in model.nodes.values()), np.int64, len(names))
    tails = np.fromiter((index[e.source] for e in model.edges), np.int64, len(model.edges))
    heads = np.fromiter((index[e.target] for e in model.edges), np.int64, len(model.edges))
    # (the shares of the time at 10,000 goals; a cancel is noticed between the steps)
    checkpoint(0.15, "Ebenen der Ziele bestimmen")
    layer, connected, count = _assign_layers(names, tails, heads, lane)
    # each layer: its connected goals, then the ones without edges, each in the model's order
    goals = np.lexsort((~connected, layer))
    # crossing reduction (graph_order.py): dummies for long edges, median sweeps, transpose;
    # a lane's goals stay together
    checkpoint(0.85, "Kreuzungen verringern")
    g = Layered.numbered([names[x] for x in goals.tolist()], layer[goals], count, lane[goals],
                         *_renumbered(goals, tails, heads))  # fmt: skip
    order = order_graph(g)
    checkpoint(0.97, "Ziele platzieren")
    return place(model, g, order)


def _renumbered(order, *numbers):
    """Node numbers after the nodes were put in `order` (new number i is old order[i])."""
    import numpy as np

    new = np.empty(len(order), dtype=np.int64)
    new[order] = np.arange(len(order))
    return tuple(new[x] for x in numbers)


def layout(
    model: GraphModel, stored: dict[str, tuple[float, float]] | None = None
) -> dict[str, tuple[float, float]]:
    """Set node positions and sizes; stored positions are kept as they are.

    Returns the positions of nodes that had none stored (the caller may store them), so that
    a new goal lands in a free spot of its layer and nobody else moves.
    """
    fresh = compute_positions(model)
    stored = {k: v for k, v in (stored or {}).items() if k in model.nodes}
    if not stored:
        placed = fresh
    else:
        placed = dict(stored)
        for n in sorted(set(fresh) - set(stored), key=lambda n: fresh[n]):
            placed[n] = _free_spot(model, n, fresh, placed)
    for n, (x, y) in placed.items():
        model.nodes[n].x, model.nodes[n].y = x, y
    update_lanes(model)
    return {n: placed[n] for n in placed if n not in stored}


def _free_spot(model: GraphModel, n: str, fresh: dict, placed: dict) -> tuple[float, float]:
    node = model.nodes[n]
    x, y = fresh[n]
    neighbours = [e.source if e.target == n else e.target for e in model.edges if n in e.id]
    anchors = [placed[m] for m in neighbours if m in placed]
    if anchors:
        y = sum(a[1] for a in anchors) / len(anchors)
    step = 4 * LINE_HEIGHT + 2 * PAD + ROW_GAP
    for attempt in range(10_000):
        offset = ((attempt + 1) // 2) * step * (1 if attempt % 2 else -1)
        cand = (x, y + offset)
        if not any(_overlaps(node, cand, model.nodes[m], placed[m]) for m in placed if m != n):
            return cand
    return (x, y)


def _overlaps(a: GraphNode, pa: tuple[float, float], b: GraphNode, pb: tuple[float, float]) -> bool:
    return (
        abs(pa[0] - pb[0]) * 2 < a.width + b.width + LAYER_GAP / 2
        and abs(pa[1] - pb[1]) * 2 < a.height + b.height + ROW_GAP / 2
    )


def update_lanes(model: GraphModel) -> None:
    """Lane bands enclose their nodes (recomputed after drags)."""
    for lane in model.lanes:
        members = [n for n in model.nodes.values() if n.lane == lane.value]
        if members:
            lane.y0 = min(n.y - n.height / 2 for n in members) - LANE_PAD
            lane.y1 = max(n.y + n.height / 2 for n in members) + LANE_PAD


def edge_route(a: GraphNode, b: GraphNode, via=None) -> list[tuple[float, float]]:
    """Cubic Bézier points (start, then 3 per segment) from a's right side to b's left side.

    An edge that would cross node columns runs in the gap between two rows (rows are aligned
    across layers), so it passes no node of the computed layout; it leaves and enters through
    the gaps between layers. Manually moved nodes may of course stand in the way.
    """
    if via is not None:
        from sa2030_desktop.domain.graph_routes import via_route

        points = via_route(a, b, via)
        if points is not None:
            return points
    sx, sy = a.x + a.width / 2, a.y
    ex, ey = b.x - b.width / 2, b.y
    gate_out, gate_in = sx + a.slack + LAYER_GAP / 2, ex - b.slack - LAYER_GAP / 2
    if gate_in - gate_out < LAYER_GAP:  # neighbouring layers (or drawn backwards): one curve
        from sa2030_desktop.domain.graph_routes import neighbour_route

        points = neighbour_route(a, b)
        if points is not None:
            return points
        dx = max(40.0, abs(ex - sx) / 2)
        return [(sx, sy), (sx + dx, sy), (ex - dx, ey), (ex, ey)]
    lane_offset = (sum(map(ord, a.id)) % 5 - 2) * 2.5  # keeps parallel channels apart
    cy = sy + (ROW_PITCH / 2 if ey >= sy else -ROW_PITCH / 2) + lane_offset
    third = (gate_in - gate_out) / 3
    return [
        (sx, sy),
        ((sx + gate_out) / 2 + 8, sy),
        (gate_out - 8, cy),
        (gate_out, cy),
        (gate_out + third, cy),
        (gate_in - third, cy),
        (gate_in, cy),
        (gate_in + 8, cy),
        ((gate_in + ex) / 2 - 8, ey),
        (ex, ey),
    ]


def route_midpoint(points: list[tuple[float, float]]) -> tuple[float, float]:
    """A point on the route for a label: the middle of its middle piece (a channel, or the
    curve across the gap)."""
    middle = 3 * ((len(points) - 1) // 3 // 2)  # the middle cubic: a channel or the gap
    (ax, ay), (bx, by), (cx, cy), (dx, dy) = points[middle : middle + 4]
    return (
        0.125 * ax + 0.375 * bx + 0.375 * cx + 0.125 * dx,
        0.125 * ay + 0.375 * by + 0.375 * cy + 0.125 * dy,
    )


def bounds(model: GraphModel) -> tuple[float, float, float, float]:
    """x0, y0, x1, y1 of everything drawn (nodes, lane labels)."""
    if not model.nodes:
        return (0.0, 0.0, 0.0, 0.0)
    x0 = min(n.x - n.width / 2 for n in model.nodes.values())
    x1 = max(n.x + n.width / 2 for n in model.nodes.values())
    y0 = min(n.y - n.height / 2 for n in model.nodes.values())
    y1 = max(n.y + n.height / 2 for n in model.nodes.values())
    if model.lanes:
        x0 = min(x0 - LANE_LABEL, x0)
        x1 += LANE_PAD  # the lane band ends beside its last box, not flush with it
        y0 = min([y0] + [lane.y0 for lane in model.lanes])
        y1 = max([y1] + [lane.y1 for lane in model.lanes])
    return (x0, y0, x1, y1)
