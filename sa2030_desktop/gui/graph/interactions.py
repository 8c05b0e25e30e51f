"""Gesture state machines of the graph scene (Orange `document/interactions.py` style).

The scene forwards mouse events here; items never know about gestures.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsSceneMouseEvent

from sa2030_desktop.gui.graph.items import HIGHLIGHT, NodeItem


class ConnectInteraction:
    """Drag from one node (the prerequisite) to another (the dependent) to link them."""

    def __init__(self, scene, source: NodeItem) -> None:
        self.scene = scene
        self.source = source
        self.line = QGraphicsLineItem(QLineF(source.pos(), source.pos()))
        pen = QPen(HIGHLIGHT, 2.0, Qt.PenStyle.DashLine)
        self.line.setPen(pen)
        self.line.setZValue(10)
        scene.addItem(self.line)

    def move(self, pos: QPointF) -> None:
        self.line.setLine(QLineF(self.source.pos(), pos))
        target = self.scene.node_at(pos)
        colour = HIGHLIGHT if target is None or target is not self.source else QColor("#9E9E9E")
        self.line.setPen(QPen(colour, 2.0, Qt.PenStyle.DashLine))

    def finish(self, pos: QPointF) -> NodeItem | None:
        self.cancel()
        target = self.scene.node_at(pos)
        if target is None or target is self.source:
            return None
        return target

    def cancel(self) -> None:
        if self.line.scene() is not None:
            self.scene.removeItem(self.line)


class MoveInteraction:
    """Remembers where the selected nodes were when a drag began; reports the move at the end."""

    def __init__(self, nodes: list[NodeItem]) -> None:
        self.before = {n.key: (n.pos().x(), n.pos().y()) for n in nodes}
        self.nodes = nodes

    def finish(self) -> tuple[dict, dict] | None:
        after = {n.key: (n.pos().x(), n.pos().y()) for n in self.nodes}
        if after == self.before:
            return None
        return self.before, after


def wants_connect(event: QGraphicsSceneMouseEvent, connect_mode: bool) -> bool:
    """Linking starts in „Verbinden“ mode or with Shift held (moving stays the plain drag)."""
    return connect_mode or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
