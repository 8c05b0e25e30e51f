"""Which conflict labels look for their place when the view's sight changes.

Only labels whose edge is in or near the sight search (at 5,000 goals there are 3,000
labels). Asking every label's edge whether it is in sight took 20–50 ms per scroll step and
per zoom step at 5,000 goals; the edges are kept in buckets instead, so a step costs what is
in sight. A label out of sight is not visited either: that the zoom changed meanwhile is
counted (`epoch`), and a label coming back into sight after a zoom change searches its place
anew – as if it had been told at every step.

Labels are shown only in and near the sight (SHOWN_PX round it, the reach of a leader line),
and the labels shown are those that searched. A label is an item that ignores the view's
transformation, and the view looks at every such item in every frame: 3,000 labels cost
20–30 ms per frame at 5,000 goals, hidden ones nothing.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QRectF

from sa2030_desktop.domain.grammar import count_de

MAX_LEADERS = 12  # conflict labels in sight up to which a label may go off its route
SHOWN_PX = 260.0  # screen pixels round the sight in which labels stay shown (leader + word)


def roomless_de(count: int) -> str:
    """„2 Konflikte ohne Platz“: conflicts in sight whose label found no free place."""
    return count_de(
        count,
        QCoreApplication.translate("LabelSight", "Konflikt ohne Platz"),
        QCoreApplication.translate("LabelSight", "Konflikte ohne Platz"),
    )


class LabelSight:
    CELL = 400.0  # scene units per bucket

    def __init__(self) -> None:
        self.labelled: list = []  # edge items with a label, in the scene's order
        self._cells: dict[tuple[int, int], list[int]] | None = None
        self._zoom: float | None = None
        self.epoch = 0  # zoom changes so far
        self._seen: dict[object, int] = {}  # label → epoch when it last was in sight
        self._shown: set = set()  # labels shown
        self.roomless = 0  # conflicts in sight whose label found no free place (draws nothing)

    def add(self, edge_item) -> None:
        self.labelled.append(edge_item)
        self._cells = None
        edge_item.label.setVisible(False)  # until the view's next sight shows it

    def moved(self) -> None:
        """Goals moved, their edges with them: the buckets are filled again when asked."""
        self._cells = None

    def in_sight(self, seen: QRectF | None) -> list:
        """The labelled edges whose bounds meet `seen` (None: all), in the scene's order."""
        if seen is None:
            return list(self.labelled)
        c = self.CELL
        xs = range(math.floor(seen.left() / c), math.floor(seen.right() / c) + 1)
        ys = range(math.floor(seen.top() / c), math.floor(seen.bottom() / c) + 1)
        if len(xs) * len(ys) > len(self.labelled):  # the sight holds most of the picture
            return [e for e in self.labelled if e.sceneBoundingRect().intersects(seen)]
        cells = self._buckets()
        near = {i for x in xs for y in ys for i in cells.get((x, y), ())}
        return [
            self.labelled[i]
            for i in sorted(near)
            if self.labelled[i].sceneBoundingRect().intersects(seen)
        ]

    def _buckets(self) -> dict[tuple[int, int], list[int]]:
        if self._cells is None:
            c = self.CELL
            self._cells = {}
            for i, item in enumerate(self.labelled):
                r = item.sceneBoundingRect()
                for x in range(math.floor(r.left() / c), math.floor(r.right() / c) + 1):
                    for y in range(math.floor(r.top() / c), math.floor(r.bottom() / c) + 1):
                        self._cells.setdefault((x, y), []).append(i)
        return self._cells

    def update(self, scene, zoom: float, seen: QRectF | None, settled: bool, force: bool) -> None:
        """The view's zoom and sight: labels in sight keep their reading size and search."""
        before = self.epoch
        if self._zoom is None or abs(zoom - self._zoom) >= 1e-3 * self._zoom:
            self.epoch += 1
        self._zoom = zoom
        # zoomed out into the overview no edge is drawn: no label searches, none is shown
        if scene.overview_on:
            near = in_view = []
        elif seen is None:
            near = in_view = self.in_sight(None)
        else:  # a label shown is a label in its place: those just outside the sight search too
            pad = SHOWN_PX / zoom
            near = self.in_sight(seen.adjusted(-pad, -pad, pad, pad))
            in_view = [item for item in near if item.sceneBoundingRect().intersects(seen)]
        # leader lines for a few labels help; for dozens they clutter the picture (and their
        # search would stall a zoom step at 1,000 goals): then the rest read „⚠“
        scene.leaders_allowed = len(in_view) <= MAX_LEADERS
        for item in near:
            label = item.label
            if self._seen.get(label, before) < before:  # out of sight while the zoom changed
                label.forget_place()
            label.set_zoom(zoom, force, True, settled)
            self._seen[label] = self.epoch
        self._show({item.label for item in near})
        self.roomless = sum(1 for item in in_view if item.isVisible() and item.label.roomless)

    def _show(self, labels: set) -> None:
        for label in self._shown - labels:
            label.setVisible(False)
        for label in labels - self._shown:
            label.setVisible(True)
        self._shown = labels

    def shown(self) -> list:
        """The labels shown now (in the scene's order; not those without room, which draw
        nothing)."""
        return [i.label for i in self.labelled if i.label.isVisible() and not i.label.roomless]
