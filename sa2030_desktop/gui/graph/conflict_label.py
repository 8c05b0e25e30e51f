"""The „Konflikt“ label of a dependency edge with a date conflict (issue 14 item 3).

It is read at the reading size whatever the zoom: at least 12 pt on screen (16 px; 18 pt on the
projector) and never smaller than the goals' own text at that zoom. It sits on the edge's route
where it covers no goal. Where the word finds no room on the route (a graph fitted into a
laptop's window: the gaps between the boxes are narrower than the word), it goes to the nearest
free place in sight – above the top row, into an empty corner – with a dotted leader line to
its edge that crosses no goal. Only where there is no such place either, a warning sign „⚠“ of
the same size sits on the route (not the „!“ of a delayed goal's box); the edge stays red and
thicker, and the tooltip of both names the conflict. Where not even the sign finds a free spot
on the route (hundreds of dependencies fitted into a window), the label shows nothing rather
than cover a goal or another label: the red, thicker edge and its tooltip still tell, and
zoomed in the label comes back.

The label is an item of its own above goals and edges (as the edge's child it would stack
below the other edges); it shows, hides and dims with its edge.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from sa2030_desktop.gui.graph.items import LazyTip, tr
from sa2030_desktop.gui.graph.style import Style

READING_PX = 16.0  # 12 pt on a 96-dpi screen: the window's reading size
PROJECTOR_PX = 24.0  # 18 pt: the presentation's
PAD = 3.0  # between the text and its box
MARGIN = 3.0  # free screen pixels between the label and a goal
# where along the route to try, from the middle outwards (fractions of its length)
SPOTS = tuple(0.5 + sign * k / 40 for k in range(20) for sign in ((1,) if k == 0 else (-1, 1)))
# the route points a leader line may start from: 0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8 of SPOTS
ANCHORS = (0, 7, 8, 15, 16, 23, 24)
# the label's offsets from its anchor in screen pixels, nearest first (a short leader reads best)
OFFSETS = sorted(
    ((dx, dy) for dx in range(-180, 181, 15) for dy in range(-120, 121, 10) if dx or dy),
    key=lambda d: math.hypot(d[0], d[1] * 1.5),  # sideways before up and down: fewer rows crossed
)


class ConflictLabel(LazyTip, QGraphicsItem):
    """Belongs to an EdgeItem (the scene adds it); drawn in screen pixels."""

    # no __dict__ per label; its leader line is made when first needed (a dozen in sight)
    __slots__ = ("edge_item", "style", "full", "short", "zoom", "font", "_text", "_rect",
                 "_stale", "_samples", "anchor", "_searched_in", "roomless", "_leader",
                 "_word_px")  # fmt: skip

    def __init__(self, edge_item, style: Style) -> None:
        super().__init__()
        self.edge_item = edge_item
        self.style = style
        self.full = tr("Konflikt")
        self.short = "\u26a0"  # ⚠
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(3)
        self.setAcceptHoverEvents(True)  # its hover text: the edge's, made then (LazyTip)
        self.zoom = 1.0
        self.font = style.bold
        self._text = self.full
        self._rect = QRectF()
        self._stale = True  # its place is still to be searched
        self._samples: RouteSamples | None = None
        self.anchor: QPointF | None = None  # the route's point its leader line goes to
        self._searched_in: tuple[int, ...] | None = None  # the sight's size at the search
        self.roomless = False  # not even the „⚠“ found a free spot: nothing drawn
        self._leader: Leader | None = None
        self._apply_size()

    @property
    def leader(self) -> Leader:
        """The dotted line to its edge when placed off the route (made when first asked)."""
        if self._leader is None:
            self._leader = Leader(self)
        return self._leader

    def make_tip(self) -> str:
        return self.edge_item.toolTip()

    def text(self) -> str:
        """What the label shows now: „Konflikt“, or „⚠“ where the word finds no free place."""
        return self._text

    def pixel_size(self) -> float:
        return float(self.font.pixelSize())

    # -- size and place ------------------------------------------------------------------------
    def set_zoom(
        self, zoom: float, force: bool = False, search: bool = True, settled: bool = False
    ) -> None:
        """The view's zoom changed: keep the reading size on screen and find a free place
        (`force`: also at the same zoom, e.g. in a scene just built; `search`: False for a
        label out of sight, which looks when it comes into view; `settled`: the view was fitted,
        zoomed or resized – a „⚠“ or a label on a leader looks again when its sight changed, a
        scroll step does not)."""
        if zoom <= 0:
            return
        same = not force and not self._stale and abs(zoom - self.zoom) < 1e-3 * self.zoom
        off_route = self._text == self.short or self.anchor is not None
        if same and not (search and settled and off_route and self._sight_moved()):
            return
        self.zoom = zoom
        if not (search and self.edge_item.isVisible()):  # out of sight, or an overview: its
            self._stale = True  # size too waits until it comes into sight (hundreds of labels)
            return
        self._apply_size()
        if force or self._stale:
            self._stale = False
            self.place()
        else:
            self.keep_or_place()

    def forget_place(self) -> None:
        """The zoom changed while the label was out of sight: it searches when next in sight."""
        self._stale = True

    def _apply_size(self) -> None:
        base = PROJECTOR_PX if self.style.presentation else READING_PX
        nodes = self.style.bold.pixelSize() * self.zoom  # the goals' text on screen
        self.font = self.style.bold_at(round(max(base, nodes)))
        self._word_px = QFontMetricsF(self.font).horizontalAdvance(self.full) + 2 * (PAD + MARGIN)
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
        """The first spot along the route where the word covers no goal; else the nearest free
        spot in sight for the word with a leader line; else the „⚠“ on the route; else nothing
        (never over a goal or another label)."""
        scene = self.scene()
        if scene is None:  # an edge being built: its place is searched once the label is in
            self._stale = True  # a scene and in sight (the route's samples cost most)
            path = self.edge_item.path()
            self.setPos(path.pointAtPercent(0.5) if not path.isEmpty() else QPointF())
            return
        samples = self._route_samples()
        if not samples:
            return
        self._searched_in = self._sight()
        self._set_text(self.full)
        spot = self._on_route(scene, samples)
        if spot is not None:
            self._put(spot)
            return
        found = self._with_leader(scene, samples)
        if found is not None:
            self._put(*found)
            return
        self._set_text(self.short)
        spot = self._on_route(scene, samples)
        if spot is None:
            self._no_room(samples[0][0])
        else:
            self._put(spot)

    def _sight(self) -> tuple[int, ...] | None:
        scene = self.scene()
        area = scene.label_area if scene is not None else None
        return None if area is None else tuple(round(v) for v in area.getRect())

    def _sight_moved(self) -> bool:
        return self._sight() != self._searched_in

    def _on_route(self, scene, samples) -> QPointF | None:
        # on the line, or just beside it (a map's label along a road): above, then below
        side = (self._rect.height() / 2 + MARGIN) / self.zoom
        for point, normal in samples:
            for spot in (point, point + normal * side, point - normal * side):
                if self._free(scene, spot):
                    return spot
        return None

    def _with_leader(self, scene, samples) -> tuple[QPointF, QPointF] | None:
        """(spot, anchor): the word's nearest free place in the view's sight, joined to a point
        of the route by a straight line through no goal's box and no other label."""
        area = scene.label_area
        if area is None or not scene.leaders_allowed:
            return None
        z = self.zoom
        w, h = self._rect.width() / z, self._rect.height() / z
        inner = area.adjusted(w / 2, h / 2, -w / 2, -h / 2)
        anchors = [samples[i][0] for i in ANCHORS if i < len(samples)]
        grid = scene.box_grid()
        for dx, dy in OFFSETS:
            offset = QPointF(dx / z, dy / z)
            for anchor in anchors:
                spot = anchor + offset
                if not inner.contains(spot) or not self._free(scene, spot):
                    continue
                if not grid.crosses(anchor, self._border_point(spot, anchor), MARGIN / z):
                    return spot, anchor
        return None

    def placed(self) -> bool:
        return (
            not self._stale
            and not self.roomless
            and self.edge_item.isVisible()
            and self.scene() is not None
        )

    def scene_rect(self) -> QRectF:
        """The label's box in scene units (with the free margin round it)."""
        return self._scene_rect_at(self.pos())

    def _scene_rect_at(self, centre: QPointF) -> QRectF:
        w = (self._rect.width() + 2 * MARGIN) / self.zoom
        h = (self._rect.height() + 2 * MARGIN) / self.zoom
        return QRectF(centre.x() - w / 2, centre.y() - h / 2, w, h)

    def _border_point(self, centre: QPointF, anchor: QPointF) -> QPointF:
        """Where the line from the label's centre to the anchor leaves the label's box."""
        half_w = self._rect.width() / 2 / self.zoom
        half_h = self._rect.height() / 2 / self.zoom
        dx, dy = anchor.x() - centre.x(), anchor.y() - centre.y()
        scale = min(
            half_w / abs(dx) if dx else math.inf,
            half_h / abs(dy) if dy else math.inf,
            1.0,
        )
        return QPointF(centre.x() + dx * scale, centre.y() + dy * scale)

    def _no_room(self, spot: QPointF) -> None:
        """Not even the sign finds a free spot: draw nothing, hold no place for others."""
        self.prepareGeometryChange()
        self.roomless = True
        self.setPos(spot)
        self.anchor = None
        scene = self.scene()
        if scene is not None:
            scene.label_grid.take(self)
        if self._leader is not None:
            self._leader.set_line(None, None)

    def _put(self, spot: QPointF, anchor: QPointF | None = None) -> None:
        if self.roomless:
            self.prepareGeometryChange()
            self.roomless = False
        self.setPos(spot)
        self.anchor = anchor
        scene = self.scene()
        if scene is not None:
            scene.label_grid.put(self, spot)
        if anchor is None and self._leader is None:
            return  # (no leader line so far, none needed)
        if anchor is not None and self.leader.scene() is None and scene is not None:
            scene.addItem(self.leader)
        self.leader.set_line(self._border_point(spot, anchor) if anchor else None, anchor)

    def has_leader(self) -> bool:
        return self.anchor is not None

    def route_changed(self) -> None:
        """The edge's path changed (a goal moved, a new layout): search the place again."""
        self._samples = None
        self.place()

    def _route_samples(self) -> RouteSamples:
        """The spots along the route with the unit normal there, measured when first asked
        (measuring a curve's length is the costly part: most labels find their place at one of
        the first spots), once per route, not per zoom."""
        if self._samples is None:
            self._samples = RouteSamples(self.edge_item.path())
        return self._samples

    def keep_or_place(self) -> None:
        """After a zoom step: stay where the label still covers no goal (nor, with its leader,
        leaves the sight), else look again (a wheel step at 1,000 goals must not search every
        route)."""
        scene = self.scene()
        if scene is not None and self._text == self.full and self._free(scene, self.pos()):
            if self.anchor is None:
                return
            area = scene.label_area
            if (area is None or area.contains(self.pos())) and not scene.box_grid().crosses(
                self.anchor, self._border_point(self.pos(), self.anchor), MARGIN / self.zoom
            ):
                self._put(self.pos(), self.anchor)  # the leader's end follows the label's size
                return
        self.place()

    def _free(self, scene, point: QPointF) -> bool:
        """No goal's box and no other label within MARGIN screen pixels of the label there
        (touching reads as covering)."""
        rect = self._scene_rect_at(point)
        if scene.box_grid().covers(rect):
            return False
        if scene.label_blocked is not None and scene.label_blocked.intersects(rect):
            return False  # (the presentation's strip of lane names)
        # another label is at most as large as the word (not as this one: a „⚠“ searching
        # beside a „Konflikt“ must reach the word's centre, in its bucket further off)
        w = max(rect.width(), self._word_px / self.zoom)
        h = rect.height()
        for other in scene.label_grid.near(rect.adjusted(-w, -h, w, h)):
            if other is not self and other.placed() and other.scene_rect().intersects(rect):
                return False
        return True

    # -- drawing -------------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        return QRectF() if self.roomless else self._rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self.roomless or not self.edge_item.isVisible():
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


class RouteSamples:
    """SPOTS of a route as (point, unit normal), each measured on first use."""

    def __init__(self, path) -> None:
        self._path = path
        self._size = 0 if path.isEmpty() else len(SPOTS)
        self._known: dict[int, tuple[QPointF, QPointF]] = {}

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, i: int) -> tuple[QPointF, QPointF]:
        if not 0 <= i < self._size:
            raise IndexError(i)
        if i not in self._known:
            t = SPOTS[i]
            angle = math.radians(self._path.angleAtPercent(t))
            normal = QPointF(-math.sin(angle), -math.cos(angle))
            self._known[i] = (self._path.pointAtPercent(t), normal)
        return self._known[i]

    def __iter__(self):
        return (self[i] for i in range(self._size))


class Leader(QGraphicsItem):
    """The dotted line from a label placed off its route to a point of the route (scene units,
    a fixed width on screen); shows, hides and dims with the label's edge."""

    __slots__ = ("label", "_line")

    def __init__(self, label: ConflictLabel) -> None:
        super().__init__()
        self.label = label
        self.setZValue(2.5)  # above the edges it leads across, below the label
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setToolTip(label.toolTip())
        self._line: tuple[QPointF, QPointF] | None = None

    def set_line(self, start: QPointF | None, end: QPointF | None) -> None:
        self.prepareGeometryChange()
        self._line = (start, end) if start is not None and end is not None else None
        self.setVisible(self._line is not None)

    def line(self) -> tuple[QPointF, QPointF] | None:
        return self._line

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        if self._line is None:
            return QRectF()
        pad = 5 / self.label.zoom
        return QRectF(*self._line).normalized().adjusted(-pad, -pad, pad, pad)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        edge = self.label.edge_item
        if self._line is None or not edge.isVisible():
            return
        if edge.edge.dimmed:
            painter.setOpacity(0.25)
        colour = self.label.style.colour("conflict")
        pen = QPen(colour, 1.6, Qt.PenStyle.DotLine)
        pen.setCosmetic(True)  # the same width on screen at every zoom
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen)
        start, end = self._line
        painter.drawLine(start, end)
        radius = 3.5 / self.label.zoom  # a dot where it meets the edge
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(end, radius, radius)
