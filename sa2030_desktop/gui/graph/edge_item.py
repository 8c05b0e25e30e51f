"""Dependency edges of the graph scene: their path, arrow head, conflict label and tooltip.

Edges only draw; gestures live in gui/graph/interactions.py.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QStyle,
    QStyleOptionGraphicsItem,
)

from sa2030_desktop.domain.dates import days_de, de_short
from sa2030_desktop.domain.graph_view import GraphEdge
from sa2030_desktop.gui.graph.conflict_label import ConflictLabel
from sa2030_desktop.gui.graph.items import LOD_TEXT, LazyTip, NodeItem, tr
from sa2030_desktop.gui.graph.style import Style


class EdgeItem(LazyTip, QGraphicsPathItem):
    ARROW = 8.0
    # no __dict__ per item, and the arrow head as plain floats (untracked by the garbage
    # collector) instead of a QPolygonF: 40,000 objects fewer at 20,000 edges
    __slots__ = ("edge", "source", "target", "style", "cycle", "_arrow", "_shape", "_bounds",
                 "label")  # fmt: skip

    def __init__(self, edge: GraphEdge, source: NodeItem, target: NodeItem, style: Style) -> None:
        super().__init__()
        self.edge = edge
        self.source = source
        self.target = target
        self.style = style
        self.cycle = False
        source.edges.append(self)
        target.edges.append(self)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(1)
        self._arrow: tuple[float, ...] = ()
        self._shape = None
        self._bounds = QRectF()
        self.label = None
        if edge.conflict:  # at the reading size, where it covers no goal
            self.label = ConflictLabel(self, style)
        self.update_path()

    def make_tip(self) -> str:
        return edge_tooltip(self.edge)

    @property
    def pair(self) -> tuple[str, str]:
        return self.edge.id

    def update_path(self) -> None:
        a, b = self.source, self.target
        at, to = a.pos(), b.pos()
        a.node.x, a.node.y = at.x(), at.y()
        b.node.x, b.node.y = to.x(), to.y()
        # the route's floats go to Qt as they are: a QPointF per point cost more than the
        # curve itself (20,000 edges at 10,000 goals)
        points = self.style.route(a.node, b.node, self.edge.via)
        path = QPainterPath()
        path.moveTo(*points[0])
        for i in range(1, len(points), 3):
            path.cubicTo(*points[i], *points[i + 1], *points[i + 2])
        self.prepareGeometryChange()
        self.setPath(path)
        arrow = self._arrow = _arrow_head(
            points[-2], points[-1], self.ARROW * (1.4 if self.style.presentation else 1)
        )
        self._shape = None
        box = path.controlPointRect()
        x0, x1 = min(box.left(), *arrow[0::2]) - 6, max(box.right(), *arrow[0::2]) + 6
        y0, y1 = min(box.top(), *arrow[1::2]) - 6, max(box.bottom(), *arrow[1::2]) + 6
        self._bounds = QRectF(x0, y0, x1 - x0, y1 - y0)
        if self.label is not None:
            self.label.route_changed()

    def shape(self) -> QPainterPath:
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(10)
            self._shape = stroker.createStroke(self.path())
        return self._shape

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt name
        return self._bounds  # cached: the view asks thousands of times per frame

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        edge = self.edge
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        scale = option.levelOfDetailFromTransform(painter.worldTransform())
        if scale < LOD_TEXT and not selected:
            # zoomed out: a thin straight line is all the eye can tell apart (and 5x faster)
            colour = self.style.colour(
                "conflict" if edge.conflict else ("highlight" if edge.highlighted else "edge_soft")
            )
            if edge.dimmed:
                painter.setOpacity(0.18)
            # at least 1.5 px on screen (2.5 on a projector, 2.5 for a conflict): a hairline
            # disappears on a weak projector and in a scaled screenshot
            pixels = 2.5 if (self.style.presentation or edge.conflict) else FIT_EDGE_PX
            if not painter.testRenderHint(QPainter.RenderHint.Antialiasing):
                # zoomed out the view draws without antialiasing: 1.5 px would come out as a
                # 1 px line, so whole pixels, rounded up
                pixels = math.ceil(pixels)
            pen = QPen(colour, pixels)
            pen.setCosmetic(True)
            painter.setPen(pen)
            scene = self.scene()
            if scene is not None and len(scene.edges) <= ROUTED_EDGES_ZOOMED_OUT:
                # the route as laid out (through the layers' row gaps): the crossings the
                # layout saved stay saved at fit-all
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(self.path())
            else:
                painter.drawLine(self.path().elementAt(0), self.path().currentPosition())
            return
        theme = self.style.colour
        colour = theme("edge_hard") if edge.kind.value == "hard" else theme("edge_soft")
        width = self.style.edge_pen
        if edge.conflict or self.cycle:
            colour, width = theme("conflict"), width * 1.6
        if edge.highlighted or selected:
            colour = theme("conflict") if (edge.conflict or self.cycle) else theme("highlight")
            width *= 2.0
        if edge.dimmed and not selected:
            painter.setOpacity(0.18)
        if not self.style.presentation and width * scale < FIT_EDGE_PX:
            scene = self.scene()
            if scene is not None and len(scene.edges) <= ROUTED_EDGES_ZOOMED_OUT:
                # a graph fitted into the window (zoom 0.6–1.2): never a hairline
                width = FIT_EDGE_PX / scale
            else:
                # a large graph at reading zoom: exactly one device pixel wide takes Qt's fast
                # line path (stroking a 1.3 px outline costs ~2x per frame at 1,000 goals);
                # conflict, cycle and highlighted edges keep their emphasis width
                width = 0.999 / scale
        pen = QPen(colour, width)
        pen.setCosmetic(self.style.presentation)
        if edge.kind.value != "hard":
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(_polygon(self._arrow))


def _arrow_head(before: tuple, end: tuple, size: float) -> tuple[float, ...]:
    """A triangle at `end` (x, y) pointing along the curve's last tangent: x, y of its three
    corners."""
    ex, ey = end
    dx, dy = ex - before[0], ey - before[1]
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    bx, by = ex - ux * size, ey - uy * size
    sx, sy = -uy * size / 2, ux * size / 2
    return (ex, ey, bx + sx, by + sy, bx - sx, by - sy)


def _polygon(corners: tuple[float, ...]) -> QPolygonF:
    return QPolygonF([QPointF(corners[i], corners[i + 1]) for i in range(0, len(corners), 2)])


ROUTED_EDGES_ZOOMED_OUT = 600  # more edges zoomed out: straight lines (a frame stays < 16 ms)
FIT_EDGE_PX = 1.5  # an edge of the zoomed-out graph is never thinner than this on screen


def edge_tooltip(edge: GraphEdge) -> str:
    """Hover text: each dependency with its rationale, milestones and date conflict."""
    lines = []
    for dep in edge.dependencies[:8]:
        lines.append(
            tr("{0} benötigt {1} ({2})").format(dep.dependent, dep.prerequisite, dep.kind.label)
        )
        if dep.rationale:
            lines.append(tr("  Begründung: {0}").format(dep.rationale))
        if dep.prerequisite_milestone:
            lines.append(tr("  benötigter Meilenstein: {0}").format(dep.prerequisite_milestone))
        if dep.dependent_milestone:
            lines.append(tr("  wartender Meilenstein: {0}").format(dep.dependent_milestone))
    if len(edge.dependencies) > 8:
        lines.append(tr("… und {0} weitere").format(len(edge.dependencies) - 8))
    for c in edge.conflicts[:8]:
        lines.append(
            tr("Konflikt: {0} wartet ab {1}, {2} ist erst am {3} fertig ({4} zu spät)").format(
                c.waiting_milestone or c.dependent,
                de_short(c.waiting),
                c.needed_milestone or c.prerequisite,
                de_short(c.needed),
                days_de(c.days),
            )
        )
    return "\n".join(lines)
