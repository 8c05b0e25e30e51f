"""The goals' boxes in buckets, for the conflict labels' search of a free place."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF


class BoxGrid:
    """The goals' boxes in buckets of CELL scene units: a label asks dozens of spots, at 1,000
    goals for hundreds of labels; scene.items() (and its index of moving, untransformed items)
    took minutes for that."""

    CELL = 200.0

    def __init__(self, nodes) -> None:
        self._cells: dict[tuple[int, int], list[QRectF]] = {}
        for node in nodes:
            if node.isVisible():
                box = node.mapRectToScene(node.box())
                for cell in self._cells_of(box):
                    self._cells.setdefault(cell, []).append(box)

    def _cells_of(self, rect: QRectF):
        c = self.CELL
        for x in range(math.floor(rect.left() / c), math.floor(rect.right() / c) + 1):
            for y in range(math.floor(rect.top() / c), math.floor(rect.bottom() / c) + 1):
                yield (x, y)

    def covers(self, area: QRectF) -> bool:
        """Whether `area` touches a goal's box (asked hundreds of thousands of times per zoom
        step at 1,000 goals: loops, not generators)."""
        c, cells = self.CELL, self._cells
        x0, y0 = math.floor(area.left() / c), math.floor(area.top() / c)
        x1, y1 = math.floor(area.right() / c), math.floor(area.bottom() / c)
        for x in range(x0, x1 + 1):
            for y in range(y0, y1 + 1):
                for box in cells.get((x, y), ()):
                    if box.intersects(area):
                        return True
        return False

    def crosses(self, a: QPointF, b: QPointF, margin: float = 0.0) -> bool:
        """Whether the straight line a→b passes through a goal's box (grown by `margin`)."""
        span = QRectF(a, b).normalized().adjusted(-margin, -margin, margin, margin)
        seen: set[int] = set()
        for cell in self._cells_of(span):
            for box in self._cells.get(cell, ()):
                if id(box) in seen:
                    continue
                seen.add(id(box))
                grown = box.adjusted(-margin, -margin, margin, margin)
                if grown.intersects(span) and _segment_meets(a, b, grown):
                    return True
        return False


def _segment_meets(a: QPointF, b: QPointF, rect: QRectF) -> bool:
    """Liang–Barsky: does the segment a→b meet the rectangle?"""
    dx, dy = b.x() - a.x(), b.y() - a.y()
    t0, t1 = 0.0, 1.0
    for p, q in (
        (-dx, a.x() - rect.left()),
        (dx, rect.right() - a.x()),
        (-dy, a.y() - rect.top()),
        (dy, rect.bottom() - a.y()),
    ):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True


class LabelGrid:
    """Where the conflict labels stand (their centres in buckets of CELL scene units), so that a
    label's search skips spots another label holds without looking at hundreds of labels."""

    CELL = 200.0

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], set] = {}
        self._where: dict[object, tuple[int, int]] = {}

    def _cell(self, point: QPointF) -> tuple[int, int]:
        return (math.floor(point.x() / self.CELL), math.floor(point.y() / self.CELL))

    def put(self, label, centre: QPointF) -> None:
        old = self._where.get(label)
        if old is not None:
            self._cells[old].discard(label)
        cell = self._where[label] = self._cell(centre)
        self._cells.setdefault(cell, set()).add(label)

    def take(self, label) -> None:
        """The label holds no place any more (it found no room)."""
        old = self._where.pop(label, None)
        if old is not None:
            self._cells[old].discard(label)

    def near(self, area: QRectF):
        """The labels whose centre lies in the cells `area` touches."""
        c = self.CELL
        for x in range(math.floor(area.left() / c), math.floor(area.right() / c) + 1):
            for y in range(math.floor(area.top() / c), math.floor(area.bottom() / c) + 1):
                yield from self._cells.get((x, y), ())


class Extent:
    """The union of rectangles as four numbers (a QRectF.united per item costs more)."""

    def __init__(self) -> None:
        self.x0 = self.y0 = math.inf
        self.x1 = self.y1 = -math.inf

    def add(self, rect: QRectF) -> None:
        if rect.isNull():  # as QRectF.united and itemsBoundingRect skip it
            return
        x, y, w, h = rect.getRect()
        self.x0, self.y0 = min(self.x0, x), min(self.y0, y)
        self.x1, self.y1 = max(self.x1, x + w), max(self.y1, y + h)

    def empty(self) -> bool:
        return self.x0 > self.x1

    def rect(self) -> QRectF:
        if self.empty():
            return QRectF()
        return QRectF(self.x0, self.y0, self.x1 - self.x0, self.y1 - self.y0)
