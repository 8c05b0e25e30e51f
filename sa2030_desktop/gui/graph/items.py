"""Scene items of the dependency graph: goal nodes, dependency edges, swimlanes.

Items only draw; gestures (linking, moving) live in gui/graph/interactions.py.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsSimpleTextItem,
    QStyle,
    QStyleOptionGraphicsItem,
)

from sa2030_desktop.domain import graph_layout as gl
from sa2030_desktop.domain.contrast import text_on
from sa2030_desktop.domain.dates import de_short
from sa2030_desktop.domain.graph_view import GraphEdge, GraphNode
from sa2030_desktop.domain.model import STATUS_COLOURS, Status
from sa2030_desktop.gui.graph.style import Style

HIGHLIGHT = QColor("#6A1B9A")
CONFLICT = QColor("#C62828")
NO_STATUS = "#546E7A"  # a group node: no Ampel of its own
EDGE_HARD = QColor("#37474F")
EDGE_SOFT = QColor("#607D8B")
TEXT_DARK = {
    Status.NOT_STARTED: "#424242", Status.ON_TRACK: "#1B5E20", Status.DELAYED: "#7A5F00",
    Status.AT_RISK: "#B71C1C", Status.DONE: "#0D47A1",
}  # fmt: skip
CONFLICT_LABEL_PX = 11  # conflict labels on screen, whatever the zoom
LOD_TEXT = 0.6  # below this zoom (text under 6 px) the node's lines are unreadable …
LOD_KEY = 0.15  # … so down to here the key and a status sign are drawn large instead
KEY_PIXELS = 12.0  # on-screen size of that key text
STATUS_SIGN = {"not_started": "○", "on_track": "", "delayed": "!", "at_risk": "!!", "done": "✓"}


class NodeItem(QGraphicsItem):
    def __init__(self, node: GraphNode, style: Style) -> None:
        super().__init__()
        self.node = node
        self.style = style
        self.edges: list[EdgeItem] = []
        self.whatif = False
        self.cycle = False
        self._lines = node.lines or gl.node_lines(node)
        self._static = None
        self._rect = QRectF(-node.width / 2, -node.height / 2, node.width, node.height)
        self._outer = self._rect.adjusted(-7, -7, 7, 7)  # room for the focus frame
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(2)
        self.setPos(node.x, node.y)
        if node.is_group:
            self.setToolTip(
                tr("{0}: {1} Ziele zusammengefasst (Doppelklick klappt auf)").format(
                    node.key, node.count
                )
            )
        else:
            self.setToolTip(
                tr("{0} – {1}\nFederführung: {2}\nStatus: {3}").format(
                    node.key, node.title, node.lead, node.status.label if node.status else ""
                )
            )

    @property
    def key(self) -> str:
        return self.node.id

    def _texts(self) -> list:
        """Elided, pre-laid-out lines (QStaticText): painting stays cheap while panning."""
        if self._static is None:
            node, style = self.node, self.style
            left = self._rect.left() + gl.STATUS_BAR + style.pad
            avail = self._rect.width() - gl.STATUS_BAR - 2 * style.pad
            plain = style.colour("context_text" if node.context else "text")
            self._static = []
            for i, line in enumerate(self._lines):
                font = style.bold if i == 0 else style.font
                metrics = style.bold_metrics if i == 0 else style.metrics
                # the status line (own lines carry the status in the header instead)
                last = i == len(self._lines) - 1 and node.status is not None and not node.lines
                dark = style.theme.name == "hell"
                colour = QColor(TEXT_DARK[node.status]) if last and dark else plain
                text = QStaticText(metrics.elidedText(line, Qt.TextElideMode.ElideRight, avail))
                text.setTextFormat(Qt.TextFormat.PlainText)
                text.prepare(QTransform(), font)
                top = self._rect.top() + style.pad + i * style.line
                top += (style.line - metrics.height()) / 2
                self._static.append((font, colour, QPointF(left, top), text))
        return self._static

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt name
        return self._outer

    def set_movable(self, on: bool) -> None:
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, on)

    def update_edges(self) -> None:
        """Called by the scene after the node moved (no itemChange override: 12 calls per
        item at construction cost more than the whole layout)."""
        for edge in self.edges:
            edge.update_path()

    def _paint_focus(self, painter: QPainter) -> None:
        """The keyboard focus: a frame outside the box in the theme's focus colour, dashed so
        it differs from the selection's frame also without colour (WCAG 2.4.7)."""
        scene = self.scene()
        if scene is None or not scene.focus_shown or scene.focus_key != self.key:
            return
        painter.save()
        painter.setOpacity(1.0)
        pen = QPen(self.style.colour("focus"), 3.0, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(self._rect.adjusted(-3.5, -3.5, 3.5, 3.5), 6, 6)
        painter.restore()

    def _paint_key(self, painter: QPainter, lod: float) -> None:
        """Zoomed out: the key (and a sign for the status, so colour is never alone) at a
        readable size on screen, so a whole portfolio fitted into the view is still legible."""
        node = self.node
        font = QFont(self.style.bold)
        font.setPixelSize(max(1, int(min(KEY_PIXELS / lod, self._rect.height() * 0.8))))
        painter.setFont(font)
        status = getattr(node.status, "value", node.status)
        fill = STATUS_COLOURS[node.status] if node.status else NO_STATUS
        painter.setPen(QColor(text_on(fill)))
        sign = STATUS_SIGN.get(status or "", "")
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, f"{node.key} {sign}".strip())

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        node = self.node
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        fill = QColor(STATUS_COLOURS[node.status] if node.status else NO_STATUS)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if node.dimmed and not selected:
            painter.setOpacity(0.25)
        pen_colour = self.style.colour("border")
        width = self.style.node_pen
        if self.cycle:
            pen_colour, width = self.style.colour("conflict"), width * 3
        elif selected or node.highlighted:
            pen_colour, width = self.style.colour("highlight"), width * 2.5
        elif self.whatif:
            pen_colour, width = self.style.colour("whatif"), width * 2.5
        pen = QPen(pen_colour, width)
        if node.context:
            pen.setStyle(Qt.PenStyle.DashLine)  # a neighbour: dashed, not only a paler box
        painter.setPen(pen)
        painter.setBrush(self.style.colour("context_box" if node.context else "box"))
        if lod < LOD_TEXT:
            painter.setBrush(QBrush(fill))
            painter.drawRect(self._rect)
            self._paint_focus(painter)
            if lod >= LOD_KEY:
                self._paint_key(painter, lod)
            return
        painter.drawRoundedRect(self._rect, 4, 4)
        self._paint_focus(painter)
        bar = QRectF(self._rect.left(), self._rect.top(), gl.STATUS_BAR, self._rect.height())
        painter.fillRect(bar.adjusted(width / 2, width / 2, 0, -width / 2), fill)
        for font, colour, point, text in self._texts():
            painter.setFont(font)
            painter.setPen(colour)
            painter.drawStaticText(point, text)
        if self.whatif:
            painter.setPen(self.style.colour("whatif"))
            painter.setFont(self.style.bold)
            painter.drawText(
                QRectF(
                    self._rect.left(), self._rect.bottom() + 1, self._rect.width(), gl.LINE_HEIGHT
                ),
                Qt.AlignmentFlag.AlignHCenter,
                tr("betroffen"),
            )


class EdgeItem(QGraphicsPathItem):
    ARROW = 8.0

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
        self.setToolTip(edge_tooltip(edge))
        self._arrow = QPolygonF()
        self._shape = None
        self._bounds = QRectF()
        self._label = None
        if edge.conflict:
            self._label = QGraphicsSimpleTextItem(tr("Konflikt"), self)
            font = QFont(style.bold)
            # the label keeps its reading size at every zoom (fit-all included): 18 pt on the
            # projector, 11 px in the window
            font.setPixelSize(24 if style.presentation else CONFLICT_LABEL_PX)
            self._label.setFont(font)
            self._label.setBrush(style.colour("conflict"))
            self._label.setZValue(3)
            self._label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            rect = self._label.boundingRect()
            self._label.setTransform(QTransform.fromTranslate(-rect.width() / 2, -rect.height()))
        self.update_path()

    @property
    def pair(self) -> tuple[str, str]:
        return self.edge.id

    def update_path(self) -> None:
        a, b = self.source, self.target
        a.node.x, a.node.y = a.pos().x(), a.pos().y()
        b.node.x, b.node.y = b.pos().x(), b.pos().y()
        points = [QPointF(x, y) for x, y in self.style.route(a.node, b.node, self.edge.via)]
        end = points[-1]
        path = QPainterPath(points[0])
        for i in range(1, len(points), 3):
            path.cubicTo(points[i], points[i + 1], points[i + 2])
        self.prepareGeometryChange()
        self.setPath(path)
        self._arrow = _arrow_head(
            points[-2], end, self.ARROW * (1.4 if self.style.presentation else 1)
        )
        self._shape = None
        self._bounds = (
            path.controlPointRect().united(self._arrow.boundingRect()).adjusted(-6, -6, 6, 6)
        )
        if self._label is not None:
            self._label.setPos(QPointF(*gl.route_midpoint([(p.x(), p.y()) for p in points])))

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
        if not self.style.presentation and width * scale < THIN_EDGE_PX:
            # a plain edge at reading zoom: exactly one device pixel wide takes Qt's fast line
            # path (stroking a 1.3 px outline costs ~2x per frame at 1,000 goals); conflict,
            # cycle and highlighted edges keep their emphasis width
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
        painter.drawPolygon(self._arrow)


def _arrow_head(before: QPointF, end: QPointF, size: float) -> QPolygonF:
    """A triangle at `end` pointing along the curve's last tangent."""
    dx, dy = end.x() - before.x(), end.y() - before.y()
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    back = QPointF(end.x() - ux * size, end.y() - uy * size)
    side = QPointF(-uy * size / 2, ux * size / 2)
    return QPolygonF([end, back + side, back - side])


ROUTED_EDGES_ZOOMED_OUT = 600  # more edges zoomed out: straight lines (a frame stays < 16 ms)
FIT_EDGE_PX = 1.5  # an edge of the zoomed-out graph is never thinner than this on screen
THIN_EDGE_PX = 1.5  # plain edges thinner than this on screen are drawn 1 px wide (fast path)


def tr(text: str) -> str:
    return QCoreApplication.translate("GraphItems", text)


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
            tr("Konflikt: {0} wartet ab {1}, {2} ist erst am {3} fertig ({4} Tage zu spät)").format(
                c.waiting_milestone or c.dependent,
                de_short(c.waiting),
                c.needed_milestone or c.prerequisite,
                de_short(c.needed),
                c.days,
            )
        )
    return "\n".join(lines)


class LaneItem(QGraphicsItem):
    """A swimlane band with its name; double-click collapses it into one group node."""

    def __init__(self, value: str, label: str, rect: QRectF, shade: bool, style: Style) -> None:
        super().__init__()
        self.value = value
        self.label = label
        self.rect = rect
        self.shade = shade
        self.style = style
        self.setZValue(0)
        self.setToolTip(tr("{0}\nDoppelklick: Bahn zusammenfassen/aufklappen").format(label))

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt name
        return self.rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(QPen(self.style.colour("lane_line"), 0.8))
        painter.setBrush(self.style.colour("lane_a" if self.shade else "lane_b"))
        painter.drawRect(self.rect)
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setPen(self.style.colour("text"))
        if lod < LOD_TEXT:
            # zoomed out: the lane's name at a readable size on screen, if the band holds it
            if self.rect.height() * lod >= KEY_PIXELS:
                font = QFont(self.style.bold)
                font.setPixelSize(max(1, int(KEY_PIXELS / lod)))
                painter.setFont(font)
                room = QRectF(self.rect.left() + 4 / lod, self.rect.top(), gl.LANE_LABEL - 8, 0)
                text = QFontMetricsF(font).elidedText(
                    self.label, Qt.TextElideMode.ElideRight, room.width()
                )
                painter.drawText(
                    room.adjusted(0, 0, 0, self.rect.height()),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    text,
                )
            return
        painter.setFont(self.style.bold)
        text_rect = QRectF(
            self.rect.left() + 6, self.rect.top() + 4, gl.LANE_LABEL - 14, self.rect.height() - 8
        )
        painter.drawText(
            text_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            self.label,
        )
