"""Scene items of the dependency graph: goal nodes and swimlanes (edges: gui/graph/edge_item.py).

Items only draw; gestures (linking, moving) live in gui/graph/interactions.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QStyle,
    QStyleOptionGraphicsItem,
)

from sa2030_desktop.domain import graph_layout as gl
from sa2030_desktop.domain.contrast import text_on
from sa2030_desktop.domain.grammar import goals_de
from sa2030_desktop.domain.graph_view import GraphNode
from sa2030_desktop.domain.model import STATUS_COLOURS, Status
from sa2030_desktop.gui.graph.style import Style

if TYPE_CHECKING:
    from sa2030_desktop.gui.graph.edge_item import EdgeItem

HIGHLIGHT = QColor("#6A1B9A")
CONFLICT = QColor("#C62828")
NO_STATUS = "#546E7A"  # a group node: no Ampel of its own
EDGE_HARD = QColor("#37474F")
EDGE_SOFT = QColor("#607D8B")
TEXT_DARK = {
    Status.NOT_STARTED: "#424242", Status.ON_TRACK: "#1B5E20", Status.DELAYED: "#7A5F00",
    Status.AT_RISK: "#B71C1C", Status.DONE: "#0D47A1",
}  # fmt: skip
LOD_TEXT = 0.6  # below this zoom (text under 6 px) the node's lines are unreadable …
LOD_KEY = 0.15  # … so down to here the key and a status sign are drawn large instead
KEY_PIXELS = 12.0  # on-screen size of that key text
MIN_NAME_PIXELS = 9.0  # a lane's code zoomed far out: smaller, rather than cut to „M…“
FOCUS_GAP_PX = 2.0  # background between the box's border and the focus ring
STATUS_SIGN = {"not_started": "○", "on_track": "", "delayed": "!", "at_risk": "!!", "done": "✓"}


def key_label(node: GraphNode) -> tuple[str, str]:
    """A goal's zoomed-out label – its key and status sign (colour is never alone) – and the
    text colour on its status fill: the same in its item and in the overview picture."""
    fill = STATUS_COLOURS[node.status] if node.status else NO_STATUS
    sign = STATUS_SIGN.get(getattr(node.status, "value", node.status) or "", "")
    return f"{node.key} {sign}".strip(), text_on(fill)


def key_font(bold: QFont, zoom: float, box_height: float) -> QFont:
    """That label's font: KEY_PIXELS on screen at `zoom`, never taller than the box."""
    font = QFont(bold)
    font.setPixelSize(max(1, int(min(KEY_PIXELS / zoom, box_height * 0.8))))
    return font


def tr(text: str) -> str:
    return QCoreApplication.translate("GraphItems", text)


class LazyTip:
    """An item's hover text made when first asked – on hover entry, or by a Python caller –
    instead of at the build: the texts of 20,000 edges cost ~0.4 s of the GUI thread at
    10,000 goals, and few are ever read. Qt reads the item's text itself (toolTip is not
    virtual), so the hover sets it first."""

    __slots__ = ()

    def make_tip(self) -> str:
        raise NotImplementedError

    def toolTip(self) -> str:  # noqa: N802 - Qt name
        if not super().toolTip():
            self.setToolTip(self.make_tip())
        return super().toolTip()

    def hoverEnterEvent(self, event) -> None:  # noqa: N802 - Qt name
        self.toolTip()
        super().hoverEnterEvent(event)


_BOXES: dict[tuple[float, float, float], tuple[QRectF, QRectF]] = {}


def _box(width: float, height: float, room: float) -> tuple[QRectF, QRectF]:
    """A goal's box and its bounds with `room` for the focus ring, shared by every goal of
    that size (never changed in place): two QRectF per goal were 20,000 objects at 10,000
    goals for Python's full garbage collection to walk."""
    found = _BOXES.get((width, height, room))
    if found is None:
        rect = QRectF(-width / 2, -height / 2, width, height)
        found = _BOXES[(width, height, room)] = (rect, rect.adjusted(-room, -room, room, room))
    return found


class NodeItem(QGraphicsItem):
    # no __dict__ per item (10,000 goals: 10,000 dicts fewer for the garbage collector)
    __slots__ = ("node", "style", "edges", "whatif", "cycle", "_static", "_rect", "_outer")

    def __init__(self, node: GraphNode, style: Style) -> None:
        super().__init__()
        self.node = node
        self.style = style
        self.edges: list[EdgeItem] = []
        self.whatif = False
        self.cycle = False
        self._static = None  # the text lines, made when first painted at reading size
        # room for the focus ring (its hit area stays the box ± 7: shape())
        self._rect, self._outer = _box(node.width, node.height, style.focus_room)
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(2)
        self.setPos(node.x, node.y)
        if node.is_group:
            self.setToolTip(
                tr("{0}: {1} zusammengefasst (Doppelklick klappt auf)").format(
                    node.key, goals_de(node.count)
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
            lines = node.lines or gl.node_lines(node)
            for i, line in enumerate(lines):
                font = style.bold if i == 0 else style.font
                metrics = style.bold_metrics if i == 0 else style.metrics
                # the status line (own lines carry the status in the header instead)
                last = i == len(lines) - 1 and node.status is not None and not node.lines
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

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self._rect.adjusted(-7, -7, 7, 7))
        return path

    def box(self) -> QRectF:
        """The goal's box in item coordinates (without the room for the focus frame)."""
        return self._rect

    def set_movable(self, on: bool) -> None:
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, on)

    def update_edges(self) -> None:
        """Called by the scene after the node moved (no itemChange override: 12 calls per
        item at construction cost more than the whole layout)."""
        for edge in self.edges:
            edge.update_path()

    def _paint_focus(self, painter: QPainter, lod: float, border: float) -> None:
        """The keyboard focus (WCAG 2.4.7, 1.4.11): a solid ring FOCUS_PX thick (thicker on the
        projector) in the theme's focus colour, FOCUS_GAP_PX outside the box's border with the
        background between – so it is neither broken into dashes nor runs into the selection's
        thick border; the selection colours the border, the focus adds a ring round it. Sizes
        are screen pixels, within the style's focus_room at very small zooms."""
        scene = self.scene()
        if scene is None or not scene.focus_shown or scene.focus_key != self.key:
            return
        lod = max(lod, 1e-3)
        gap, width = FOCUS_GAP_PX / lod, (5.0 if self.style.presentation else 4.0) / lod
        room = self.style.focus_room - border / 2 - 1 / lod  # (antialiasing)
        if gap + width > room:  # zoomed far out: both shrink to stay inside the item
            gap, width = gap * room / (gap + width), width * room / (gap + width)
        painter.save()
        painter.setOpacity(1.0)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for colour, offset, pen_width in (
            (self.style.colour("background"), border / 2 + gap / 2, gap),
            (self.style.colour("focus"), border / 2 + gap + width / 2, width),
        ):
            painter.setPen(QPen(colour, pen_width))
            r = 4 + offset
            painter.drawRoundedRect(self._rect.adjusted(-offset, -offset, offset, offset), r, r)
        painter.restore()

    def _paint_key(self, painter: QPainter, lod: float) -> None:
        """Zoomed out: the key (and a sign for the status, so colour is never alone) at a
        readable size on screen, so a whole portfolio fitted into the view is still legible."""
        text, colour = key_label(self.node)
        painter.setFont(key_font(self.style.bold, lod, self._rect.height()))
        painter.setPen(QColor(colour))
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, text)

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
            self._paint_focus(painter, lod, width)
            if lod >= LOD_KEY:
                self._paint_key(painter, lod)
            return
        painter.drawRoundedRect(self._rect, 4, 4)
        self._paint_focus(painter, lod, width)
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


class LaneItem(QGraphicsItem):
    """A swimlane band with its name; double-click collapses it into one group node."""

    __slots__ = ("value", "label", "rect", "shade", "style")

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

    def zoomed_name(self, lod: float) -> tuple[QFont, str]:
        """The name zoomed out, in the name column: the whole name at KEY_PIXELS on screen if
        it fits, else the code („TF01“ for „TF01 E-Governance“ – not „TF0…“), smaller down to
        MIN_NAME_PIXELS if need be; cut with „…“ only below that."""
        font = QFont(self.style.bold)
        width = gl.LANE_LABEL - 8
        for text in dict.fromkeys((self.label, self.value)):
            for px in (KEY_PIXELS, MIN_NAME_PIXELS):
                font.setPixelSize(max(1, int(px / lod)))
                if QFontMetricsF(font).horizontalAdvance(text) <= width:
                    return font, text
        elided = QFontMetricsF(font).elidedText(self.value, Qt.TextElideMode.ElideRight, width)
        return font, elided

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(QPen(self.style.colour("lane_line"), 0.8))
        painter.setBrush(self.style.colour("lane_a" if self.shade else "lane_b"))
        painter.drawRect(self.rect)
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setPen(self.style.colour("text"))
        if lod < LOD_TEXT:
            # zoomed out: the lane's name at a readable size on screen, if the band holds it
            if self.rect.height() * lod >= KEY_PIXELS:
                font, text = self.zoomed_name(lod)
                painter.setFont(font)
                room = QRectF(self.rect.left() + 4 / lod, self.rect.top(), gl.LANE_LABEL - 8, 0)
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
