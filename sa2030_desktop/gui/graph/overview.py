"""Zoomed-out picture of a large graph, drawn in a handful of C++ calls instead of thousands
of item paints (level of detail: at fit-all zoom nobody can read a label anyway).

The picture has a fixed part – every edge as a line, the conflicts red, the boxes filled in
their status colour – that the scene draws from the layout first, in the first slices of its
build (gui/graph/scene.py): a large graph shows whole before its items come. And a small
changing part – the highlighted chain, the chosen goals –
rebuilt when it is marked `dirty`. Rebuilding all of it in one go took 0.1–0.2 s of the GUI
thread at 5,000 goals on the first zoomed-out frame and after every click."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen

from sa2030_desktop.domain.model import STATUS_COLOURS
from sa2030_desktop.gui.graph.items import (
    CONFLICT,
    EDGE_SOFT,
    HIGHLIGHT,
    LOD_KEY,
    NO_STATUS,
    key_font,
    key_label,
)

OVERVIEW_MIN_NODES = 300


class OverviewPicture:
    def __init__(self) -> None:
        self.dirty = True  # the changing part (highlight, selection) is to be rebuilt
        self.stale = False  # goals moved: the fixed part too
        self.clear()

    def clear(self) -> None:
        """A new model: nothing drawn until its items are added."""
        self._edges = QPainterPath()  # every edge without a conflict (highlighted too)
        self._conflicts = QPainterPath()
        # the boxes per status colour, held by Qt; their keys as plain values (x, y, width,
        # height, „Z0001 !“, text colour), which Python's garbage collector leaves out: a
        # QRectF and a tuple holding it per goal were 20,000 objects more at 10,000 goals
        self._fills: dict[str, QPainterPath] = {}
        self._keys: list[tuple[float, float, float, float, str, str]] = []
        self._lit = QPainterPath()  # highlighted edges without a conflict, drawn over _edges
        self._outlined: list[QRectF] = []
        self.dirty = True

    # -- the fixed part ----------------------------------------------------------------------
    def add_edge(self, edge, source, target) -> None:
        """One edge (GraphEdge) between the goals (GraphNode) as placed now."""
        path = self._conflicts if edge.conflict else self._edges
        path.moveTo(QPointF(source.x + source.width / 2, source.y))
        path.lineTo(QPointF(target.x - target.width / 2, target.y))

    def add_node(self, node) -> None:
        colour = STATUS_COLOURS[node.status] if node.status else NO_STATUS
        x, y, w, h = node.x - node.width / 2, node.y - node.height / 2, node.width, node.height
        if colour not in self._fills:
            self._fills[colour] = QPainterPath()
            self._fills[colour].setFillRule(Qt.FillRule.WindingFill)  # boxes moved onto others
        self._fills[colour].addRect(x, y, w, h)
        self._keys.append((x, y, w, h, *key_label(node)))

    def keys_in(self, exposed: QRectF, zoom: float) -> list[tuple[QRectF, str, str]]:
        """The goals' keys with their status sign drawn at this zoom in `exposed` – as the
        goals' own boxes draw them from LOD_KEY on: the status is never told by colour alone.
        Further out the boxes are too small for a word (and there are thousands)."""
        if zoom < LOD_KEY:
            return []
        left, top, right, bottom = exposed.left(), exposed.top(), exposed.right(), exposed.bottom()
        return [
            (QRectF(x, y, w, h), text, colour)
            for x, y, w, h, text, colour in self._keys
            if x < right and x + w > left and y < bottom and y + h > top
        ]

    def fill(self, model) -> Iterator[None]:
        """The fixed part from the layout (a tenth of the items' cost), a step per goal and
        edge (the scene's sliced build)."""
        for node in model.nodes.values():
            self.add_node(node)
            yield
        for edge in model.edges:
            self.add_edge(edge, model.nodes[edge.source], model.nodes[edge.target])
            yield

    def refresh(self, scene) -> None:
        """Before a frame: rebuild what changed since the last one."""
        if self.stale:
            self.rebuild(scene)
        elif self.dirty:
            self.update_marks(scene)

    def rebuild(self, scene) -> None:
        """Everything again from the scene's items (goals moved: their edges follow)."""
        self.clear()
        self.stale = False
        for item in scene.edges.values():
            self.add_edge(item.edge, item.source.node, item.target.node)
        for item in scene.nodes.values():
            self.add_node(item.node)
        self.update_marks(scene)

    # -- the changing part -------------------------------------------------------------------
    def update_marks(self, scene) -> None:
        lit = QPainterPath()
        for item in scene.edges.values():
            if item.edge.highlighted and not item.edge.conflict:
                a, b = item.source.node, item.target.node
                lit.moveTo(QPointF(a.x + a.width / 2, a.y))
                lit.lineTo(QPointF(b.x - b.width / 2, b.y))
        outlined = [
            _box(item.node)
            for item in scene.nodes.values()
            if item.node.highlighted or item.whatif or item.cycle or item.isSelected()
        ]
        self._lit, self._outlined = lit, outlined
        self.dirty = False

    def paint(
        self, painter: QPainter, exposed: QRectF | None = None, bold: QFont | None = None
    ) -> None:
        painter.setBrush(QColor(0, 0, 0, 0))
        painter.setPen(QPen(EDGE_SOFT, 0))
        painter.drawPath(self._edges)
        painter.setPen(QPen(HIGHLIGHT, 0))
        painter.drawPath(self._lit)
        painter.setPen(QPen(CONFLICT, 0))
        painter.drawPath(self._conflicts)
        painter.setPen(QPen(QColor("#263238"), 0))
        for colour, boxes in self._fills.items():
            painter.setBrush(QColor(colour))
            painter.drawPath(boxes)
        zoom = max(painter.worldTransform().m11(), 1e-3)
        if self._outlined:
            painter.setBrush(QColor(0, 0, 0, 0))
            painter.setPen(QPen(HIGHLIGHT, 3 / zoom))
            painter.drawRects(self._outlined)
        keys = self.keys_in(exposed, zoom) if exposed is not None else []
        if keys:
            if bold is None:  # (the scene's style.bold, as the goals' items use)
                bold = QFont(painter.font())
                bold.setBold(True)
            painter.setFont(key_font(bold, zoom, keys[0][0].height()))
            for box, text, colour in keys:
                painter.setPen(QColor(colour))
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


def _box(node) -> QRectF:
    """A goal's box (GraphNode: its places follow the item's, also when it is moved)."""
    return QRectF(node.x - node.width / 2, node.y - node.height / 2, node.width, node.height)
