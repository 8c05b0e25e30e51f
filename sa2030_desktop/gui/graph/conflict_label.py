"""The „Konflikt“ label of a dependency edge with a date conflict (issue 14 item 3).

It is read at the reading size whatever the zoom: at least 12 pt on screen (16 px; 18 pt on the
projector) and never smaller than the goals' own text at that zoom. It sits on the edge's route
where it covers no goal; where the full word finds no free place (a graph fitted into a laptop's
window), a warning sign „⚠“ of the same size does (not the „!“ of a delayed goal's box); the
edge stays red and thicker, and the tooltip of both names the conflict.

The label is an item of its own above goals and edges (as the edge's child it would stack
below the other edges); it shows, hides and dims with its edge.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from sa2030_desktop.gui.graph.items import tr
from sa2030_desktop.gui.graph.style import Style

READING_PX = 16.0  # 12 pt on a 96-dpi screen: the window's reading size
PROJECTOR_PX = 24.0  # 18 pt: the presentation's
PAD = 3.0  # between the text and its box
MARGIN = 3.0  # free screen pixels between the label and a goal
# where along the route to try, from the middle outwards (fractions of its length)
SPOTS = tuple(0.5 + sign * k / 40 for k in range(20) for sign in ((1,) if k == 0 else (-1, 1)))


class ConflictLabel(QGraphicsItem):
    """Belongs to an EdgeItem (the scene adds it); drawn in screen pixels."""

    def __init__(self, edge_item, style: Style) -> None:
        super().__init__()
        self.edge_item = edge_item
        self.style = style
        self.full = tr("Konflikt")
        self.short = "\u26a0"  # ⚠
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(3)
        self.setToolTip(edge_item.toolTip())
        self.zoom = 1.0
        self.font = QFont(style.bold)
        self._text = self.full
        self._rect = QRectF()
        self._stale = True  # its place is still to be searched
        self._samples: list[tuple[QPointF, QPointF]] | None = None
        self._apply_size()

    def text(self) -> str:
        """What the label shows now: „Konflikt“, or „⚠“ where the word finds no free place."""
        return self._text

    def pixel_size(self) -> float:
        return float(self.font.pixelSize())

    # -- size and place ------------------------------------------------------------------------
    def set_zoom(self, zoom: float, force: bool = False, search: bool = True) -> None:
        """The view's zoom changed: keep the reading size on screen and find a free place
        (`force`: also at the same zoom, e.g. in a scene just built; `search`: False for a
        label out of sight, which looks when it comes into view)."""
        if zoom <= 0 or (
            not force and not self._stale and abs(zoom - self.zoom) < 1e-3 * self.zoom
        ):
            return
        self.zoom = zoom
        self._apply_size()
        if not (search and self.edge_item.isVisible()):  # out of sight, or an overview
            self._stale = True
        elif force or self._stale:
            self._stale = False
            self.place()
        else:
            self.keep_or_place()

    def _apply_size(self) -> None:
        base = PROJECTOR_PX if self.style.presentation else READING_PX
        nodes = self.style.bold.pixelSize() * self.zoom  # the goals' text on screen
        self.font.setPixelSize(round(max(base, nodes)))
        self._set_text(self._text)

    def _set_text(self, text: str) -> None:
        metrics = QFontMetricsF(self.font)
        width = metrics.horizontalAdvance(text) + 2 * PAD
        height = metrics.height() + 2 * PAD
        width = max(width, height)  # the „!“ is a square, not a sliver
        self.prepareGeometryChange()
        self._text = text
        self._rect = QRectF(-width / 2, -height / 2, width, height)

    def place(self) -> None:
        """The first spot along the route where the label covers no goal: the word if it fits
        anywhere, else the „!“; as a last resort the middle of the route."""
        samples = self._route_samples()
        if not samples:
            return
        scene = self.scene()
        for text in (self.full, self.short):
            self._set_text(text)
            # on the line, or just beside it (a map's label along a road): above, then below
            side = (self._rect.height() / 2 + MARGIN) / self.zoom
            for point, normal in samples:
                for spot in (point, point + normal * side, point - normal * side):
                    if scene is None or self._free(scene, spot):
                        self.setPos(spot)
                        return
        self.setPos(samples[0][0])

    def route_changed(self) -> None:
        """The edge's path changed (a goal moved, a new layout): search the place again."""
        self._samples = None
        self.place()

    def _route_samples(self) -> list[tuple[QPointF, QPointF]]:
        """The spots along the route with the unit normal there (measuring a curve's length is
        the costly part, so once per route, not per zoom)."""
        if self._samples is None:
            path = self.edge_item.path()
            self._samples = []
            if not path.isEmpty():
                for t in SPOTS:
                    angle = math.radians(path.angleAtPercent(t))
                    normal = QPointF(-math.sin(angle), -math.cos(angle))
                    self._samples.append((path.pointAtPercent(t), normal))
        return self._samples

    def keep_or_place(self) -> None:
        """After a zoom step: stay where the label still covers no goal, else look again (a
        wheel step at 1,000 goals must not search every route)."""
        scene = self.scene()
        if scene is not None and self._text == self.full and self._free(scene, self.pos()):
            return
        self.place()

    def _free(self, scene, point: QPointF) -> bool:
        # with a gap of MARGIN screen pixels to every box: touching reads as covering
        w = (self._rect.width() + 2 * MARGIN) / self.zoom
        h = (self._rect.height() + 2 * MARGIN) / self.zoom
        return not scene.box_grid().covers(QRectF(point.x() - w / 2, point.y() - h / 2, w, h))

    # -- drawing -------------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if not self.edge_item.isVisible():
            return
        if self.edge_item.edge.dimmed:
            painter.setOpacity(0.25)
        colour = self.style.colour("conflict")
        back = QColor(self.style.colour("background"))
        back.setAlpha(235)  # the edges below stay faintly visible, the text reads cleanly
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, 1.2))
        painter.setBrush(back)
        painter.drawRoundedRect(self._rect, 4, 4)
        painter.setFont(self.font)
        painter.setPen(colour)
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, self._text)


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
        """Whether `area` touches a goal's box."""
        return any(
            box.intersects(area)
            for cell in self._cells_of(area)
            for box in self._cells.get(cell, ())
        )
