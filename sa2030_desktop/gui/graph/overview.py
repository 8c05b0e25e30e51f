"""Zoomed-out picture of a large graph, drawn in a handful of C++ calls instead of thousands
of item paints (level of detail: at fit-all zoom nobody can read a label anyway)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from sa2030_desktop.domain.model import STATUS_COLOURS
from sa2030_desktop.gui.graph.items import CONFLICT, EDGE_SOFT, HIGHLIGHT

OVERVIEW_MIN_NODES = 300


class OverviewPicture:
    def __init__(self) -> None:
        self.dirty = True
        self._edges = QPainterPath()
        self._conflicts = QPainterPath()
        self._lit = QPainterPath()
        self._rects: dict[str, list[QRectF]] = {}
        self._outlined: list[QRectF] = []

    def rebuild(self, scene) -> None:
        edges, conflicts, lit = QPainterPath(), QPainterPath(), QPainterPath()
        for item in scene.edges.values():
            a, b = item.source, item.target
            start = QPointF(a.pos().x() + a.node.width / 2, a.pos().y())
            end = QPointF(b.pos().x() - b.node.width / 2, b.pos().y())
            path = conflicts if item.edge.conflict else lit if item.edge.highlighted else edges
            path.moveTo(start)
            path.lineTo(end)
        rects: dict[str, list[QRectF]] = {}
        outlined = []
        for item in scene.nodes.values():
            node = item.node
            rect = QRectF(
                item.pos().x() - node.width / 2,
                item.pos().y() - node.height / 2,
                node.width,
                node.height,
            )
            colour = STATUS_COLOURS[node.status] if node.status else "#546E7A"
            rects.setdefault(colour, []).append(rect)
            if node.highlighted or item.isSelected() or item.whatif or item.cycle:
                outlined.append(rect)
        self._edges, self._conflicts, self._lit = edges, conflicts, lit
        self._rects, self._outlined = rects, outlined
        self.dirty = False

    def paint(self, painter: QPainter) -> None:
        painter.setBrush(QColor(0, 0, 0, 0))
        painter.setPen(QPen(EDGE_SOFT, 0))
        painter.drawPath(self._edges)
        painter.setPen(QPen(HIGHLIGHT, 0))
        painter.drawPath(self._lit)
        painter.setPen(QPen(CONFLICT, 0))
        painter.drawPath(self._conflicts)
        painter.setPen(QPen(QColor("#263238"), 0))
        for colour, rects in self._rects.items():
            painter.setBrush(QColor(colour))
            painter.drawRects(rects)
        if self._outlined:
            painter.setBrush(QColor(0, 0, 0, 0))
            painter.setPen(QPen(HIGHLIGHT, 3 / max(painter.worldTransform().m11(), 1e-3)))
            painter.drawRects(self._outlined)
