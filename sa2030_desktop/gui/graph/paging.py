"""Parts of a presentation step: goals that do not fit on the projector at a readable size are
shown in several parts (left to right, then top to bottom), each of which fits whole."""

from __future__ import annotations

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in scene units


def split_into_parts(boxes: dict[str, Box], width: float, height: float) -> list[list[str]]:
    """Keys grouped so that each group's bounding box is at most width × height.

    Columns first (sorted by left edge, a new column when the next box would not fit beside
    the others), then each column cut from top to bottom. A box larger than the page forms a
    part of its own. The order is reading order: the facilitator pages left to right.
    """
    if not boxes:
        return []
    parts: list[list[str]] = []
    for column in _greedy(sorted(boxes, key=lambda k: (boxes[k][0], boxes[k][1])), boxes, 0, width):
        rows = _greedy(sorted(column, key=lambda k: (boxes[k][1], boxes[k][0])), boxes, 1, height)
        parts.extend(rows)
    return parts


def _greedy(keys: list[str], boxes: dict[str, Box], axis: int, limit: float) -> list[list[str]]:
    groups: list[list[str]] = []
    low = high = 0.0
    for key in keys:
        b0, b1 = boxes[key][axis], boxes[key][axis + 2]
        if groups and max(high, b1) - min(low, b0) <= limit:
            groups[-1].append(key)
            low, high = min(low, b0), max(high, b1)
        else:
            groups.append([key])
            low, high = b0, b1
    return groups


def bounding(boxes: list[Box]) -> Box:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
