"""How readable a drawn graph is: the number of edge crossings of the drawing as the user sees it.

An edge is a polyline (its route's control polygon, curves flattened); two edges that share a
goal never count as crossing (they meet at the box). Counted are pairs of edges that cross at
least once, found through a grid of cells so that 1,000 goals take well under a second.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

Point = tuple[float, float]
CELL = 120.0


def flatten_cubic(points: Sequence[Point], steps: int = 6) -> list[Point]:
    """[p0, c1, c2, p1, c1', c2', p2 …] (cubic Bézier segments) as a polyline."""
    out = [points[0]]
    for i in range(1, len(points) - 2, 3):
        p0, c1, c2, p1 = points[i - 1], points[i], points[i + 1], points[i + 2]
        for k in range(1, steps + 1):
            t = k / steps
            u = 1 - t
            a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
            out.append(
                (
                    a * p0[0] + b * c1[0] + c * c2[0] + d * p1[0],
                    a * p0[1] + b * c1[1] + c * c2[1] + d * p1[1],
                )
            )
    return out


def _cross(ax, ay, bx, by, cx, cy, dx, dy) -> bool:
    """Proper intersection of the segments ab and cd (touching or collinear does not count)."""
    d1 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx)
    d2 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx)
    d3 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)
    d4 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax)
    return d1 * d2 < 0 and d3 * d4 < 0


def count_crossings(edges: Sequence[tuple[str, str, Sequence[Point]]]) -> int:
    """Pairs of edges (source, target, polyline) whose drawings cross."""
    segments: list[tuple[int, float, float, float, float]] = []
    cells: dict[tuple[int, int], list[int]] = defaultdict(list)
    for e, (_s, _t, line) in enumerate(edges):
        for (x1, y1), (x2, y2) in zip(line, line[1:], strict=False):
            index = len(segments)
            segments.append((e, x1, y1, x2, y2))
            steps = max(1, int(max(abs(x2 - x1), abs(y2 - y1)) / (CELL / 4)))
            seen = set()
            for k in range(steps + 1):
                t = k / steps
                cell = (int((x1 + (x2 - x1) * t) // CELL), int((y1 + (y2 - y1) * t) // CELL))
                if cell not in seen:
                    seen.add(cell)
                    for dx in (-1, 0, 1):  # a neighbour too: a corner is never missed
                        for dy in (-1, 0, 1):
                            cells[(cell[0] + dx, cell[1] + dy)].append(index)
    ends = [{s, t} for s, t, _line in edges]
    crossing: set[tuple[int, int]] = set()
    for members in cells.values():
        unique = sorted(set(members))
        for i, a in enumerate(unique):
            ea, ax, ay, bx, by = segments[a]
            for b in unique[i + 1 :]:
                eb, cx, cy, dx, dy = segments[b]
                if ea == eb:
                    continue
                pair = (ea, eb) if ea < eb else (eb, ea)
                if pair in crossing or ends[ea] & ends[eb]:
                    continue
                if _cross(ax, ay, bx, by, cx, cy, dx, dy):
                    crossing.add(pair)
    return len(crossing)
