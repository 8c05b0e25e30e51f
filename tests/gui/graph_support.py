"""Driving the graph view with the mouse as a user does."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication


def node_point(page, key: str) -> QPoint:
    item = page.scene.nodes[key]
    page.view.ensureVisible(item)
    return page.view.mapFromScene(item.pos())


def mouse(
    view,
    kind,
    point: QPoint,
    buttons,
    modifiers=Qt.KeyboardModifier.NoModifier,
    button=Qt.MouseButton.LeftButton,
) -> None:
    viewport = view.viewport()
    event = QMouseEvent(
        kind, QPointF(point), QPointF(viewport.mapToGlobal(point)), button, buttons, modifiers
    )
    QApplication.sendEvent(viewport, event)


def drag(page, start: QPoint, end: QPoint, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    view = page.view
    left = Qt.MouseButton.LeftButton
    mouse(view, QEvent.Type.MouseButtonPress, start, left, modifiers)
    for i in range(1, 6):
        p = start + (end - start) * (i / 5)
        mouse(view, QEvent.Type.MouseMove, p, left, modifiers, Qt.MouseButton.NoButton)
    mouse(view, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton, modifiers)
