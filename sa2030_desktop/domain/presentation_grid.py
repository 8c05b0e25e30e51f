"""The grid of one presentation part and the routes of its edges (issue 14): how large the
step's three sections — what it needs, the step's goals, who needs them — show on a screen side
by side or stacked as bands, whether a part still fits at the readable size (asked for every goal
the planner tries to add, so without trying every grid), and the Bézier routes between the boxes.
Qt-free; presentation_steps plans the parts with it."""

from __future__ import annotations

import math
from dataclasses import dataclass

from sa2030_desktop.domain.graph_view import GraphNode

MAX_COLUMNS = 6  # per section; more columns than this are never readable on one screen
STACKED = ("stacked",)  # an edge's `via` in a part whose sections are stacked as bands


@dataclass(frozen=True, slots=True)
class StepMetrics:
    line: float = 12.0  # scene units per text line (font 10 units)
    pad: float = 4.0
    bar: float = 7.0  # the status colour bar on the left edge
    row_gap: float = 10.0
    col_gap: float = 12.0  # between columns of one section
    section_gap: float = 32.0  # between sections: the arrows run here
    margin: float = 8.0  # kept free around the part
    chars: int = 22  # title characters per line (more for titles that need it)


def _column_options(stats, m: StepMetrics) -> list[list[tuple[float, int, int]]]:
    """Per section, side by side: (width, rows, columns) for each column count it may take."""
    options = []
    for count, colw in stats:
        if not count:
            options.append([(0.0, 0, 1)])
            continue
        options.append([
            (c * colw + (c - 1) * m.col_gap, -(-count // c), c)
            for c in range(1, min(count, MAX_COLUMNS) + 1)
        ])  # fmt: skip
    return options


def _stacked_size(stats, pitch: float, columns: int, m: StepMetrics) -> tuple[float, float]:
    """Sections as bands one above the other, each in rows of `columns` equal columns."""
    used = [(count, colw) for count, colw in stats if count]
    colw = max(w for _n, w in used)
    rows = sum(-(-count // columns) for count, _w in used)
    width = columns * colw + (columns - 1) * m.col_gap + 2 * m.margin
    height = rows * pitch - m.row_gap + (len(used) - 1) * (m.section_gap - m.row_gap)
    return width, height + 2 * m.margin


def _stats(sections, m: StepMetrics):
    """(boxes, column width) per section and the row pitch of a part (one box height)."""
    stats = [(len(sec), max((n.width for n in sec), default=0.0)) for sec in sections]
    pitch = max((n.height for sec in sections for n in sec), default=0.0) + m.row_gap
    return stats, pitch


def best_grid(sections, screen: tuple[float, float], m: StepMetrics, readable: float = 0.0):
    """Column counts (before, step, after) that show the sections largest on this screen
    (width, height in pixels); returns (zoom, columns, width, height, stacked).

    Side by side first; long titles make boxes so wide that three sections side by side do
    not fit a screen at a readable size, so the sections may also be stacked as bands (what a
    step needs above, the step, who needs it below) sharing one column count: when that shows
    them 5 % larger, or when only stacked they reach the `readable` zoom."""
    stats, pitch = _stats(sections, m)
    used = sum(1 for count, _w in stats if count)
    fixed = max(used - 1, 0) * m.section_gap + 2 * m.margin
    best = None
    before, step, after = _column_options(stats, m)
    for wb, rb, cb in before:
        for ws, rs, cs in step:
            for wa, ra, ca in after:
                width = wb + ws + wa + fixed
                height = max(rb, rs, ra) * pitch - m.row_gap + 2 * m.margin
                zoom = min(screen[0] / width, screen[1] / height)
                if best is None or zoom > best[0] + 1e-9:
                    best = (zoom, (cb, cs, ca), width, height, False)
    if used > 1:
        widest = max(count for count, _w in stats)
        for c in range(1, min(widest, MAX_COLUMNS) + 1):
            width, height = _stacked_size(stats, pitch, c, m)
            zoom = min(screen[0] / width, screen[1] / height)
            if zoom > best[0] * 1.05 or best[0] < readable <= zoom:
                best = (zoom, (c, c, c), width, height, True)
    return best


def fits(sections, screen: tuple[float, float], m: StepMetrics, zoom: float) -> bool:
    """Whether best_grid reaches `zoom` (it is given zoom as readable) – without trying every
    grid: the planner asks this for every goal it tries to add to a part. Side by side the
    screen height allows some rows; each section then takes the fewest columns that hold it
    in those rows, and the sections fit if their width does."""
    stats, pitch = _stats(sections, m)
    rows = math.floor((screen[1] / zoom - 2 * m.margin + m.row_gap) / pitch + 1e-9)
    used = sum(1 for count, _w in stats if count)
    if rows >= 1 and all(-(-count // rows) <= MAX_COLUMNS for count, _w in stats):
        width = max(used - 1, 0) * m.section_gap + 2 * m.margin
        for count, colw in stats:
            if count:
                c = -(-count // rows)
                width += c * colw + (c - 1) * m.col_gap
        if screen[0] / width >= zoom:
            return True
    if used < 2:
        return False
    widest = max(count for count, _w in stats)
    for c in range(1, min(widest, MAX_COLUMNS) + 1):
        width, height = _stacked_size(stats, pitch, c, m)
        if min(screen[0] / width, screen[1] / height) >= zoom:
            return True
    return False


def step_route(a: GraphNode, b: GraphNode, via=None) -> list[tuple[float, float]]:
    """Cubic Bézier points from a to b in a step picture (boxes of a part are equally tall).

    Neighbouring columns: one curve from side to side. Further apart: the edge runs in the gap
    between two rows, so it never passes behind a box of a column in between (it would seem to
    start there). Inside one column: out of a's right side and into b's right side. Stacked
    bands (`via` is STACKED): from the bottom of one box into the top of a box below."""
    m = StepMetrics()
    if via == STACKED:
        stacked = _stacked_route(a, b, m)
        if stacked is not None:
            return stacked
    if abs(a.x - b.x) < (a.width + b.width) / 4:  # the same column
        sx, ex = a.x + a.width / 2, b.x + b.width / 2
        bulge = max(sx, ex) + m.col_gap * 0.8
        return [(sx, a.y), (bulge, a.y), (bulge, b.y), (ex, b.y)]
    right = b.x > a.x
    sx = a.x + (a.width / 2 if right else -a.width / 2)
    ex = b.x - (b.width / 2 if right else -b.width / 2)
    if not right or ex - sx <= m.section_gap * 1.5:
        dx = max(20.0, abs(ex - sx) / 2) * (1 if right else -1)
        return [(sx, a.y), (sx + dx, a.y), (ex - dx, b.y), (ex, b.y)]
    offset = (sum(map(ord, a.id)) % 3 - 1) * 1.5  # keeps edges in one gap apart
    cy = a.y + (a.height + m.row_gap) / 2 * (1 if b.y >= a.y else -1) + offset
    gate_out, gate_in = sx + m.col_gap, ex - m.col_gap
    third = (gate_in - gate_out) / 3
    return [
        (sx, a.y),
        (sx + m.col_gap / 2, a.y),
        (gate_out - m.col_gap / 2, cy),
        (gate_out, cy),
        (gate_out + third, cy),
        (gate_in - third, cy),
        (gate_in, cy),
        (gate_in + m.col_gap / 2, cy),
        (ex - m.col_gap / 2, b.y),
        (ex, b.y),
    ]


def _stacked_route(a: GraphNode, b: GraphNode, m: StepMetrics):
    """Bands: from the bottom of a box into the top of the box in the next row; past rows in
    between, down the column gap beside a (through a box, an edge would seem to start there)
    and along the row gap above b into its top. None: the two are in one row."""
    between = abs(b.y - a.y) - (a.height + b.height) / 2
    if between < 0:
        return None
    down = 1 if b.y > a.y else -1
    sy, ey = a.y + down * a.height / 2, b.y - down * b.height / 2
    if between < min(a.height, b.height):  # the next row: straight down (or up)
        dy = down * max(m.section_gap / 2, abs(ey - sy) / 2)
        return [(a.x, sy), (a.x, sy + dy), (b.x, ey - dy), (b.x, ey)]
    side = 1 if b.x >= a.x else -1
    sx = a.x + side * a.width / 2
    gap_x, gap_y = sx + side * m.col_gap / 2, ey - down * m.row_gap / 2
    return [(sx, a.y), (gap_x, a.y), (gap_x, a.y), (gap_x, gap_y), (gap_x, gap_y), (b.x, gap_y), (b.x, ey)]  # fmt: skip
