"""Driving the graph view with the mouse as a user does."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication


def node_point(page, key: str, scroll: bool = True) -> QPoint:
    item = page.scene.nodes[key]
    if scroll:
        page.view.ensureVisible(item)
    return page.view.mapFromScene(item.pos())


def show_both(page, a: str, b: str) -> tuple[QPoint, QPoint]:
    """Centre the view between two nodes, then their points stay valid during a drag."""
    pa, pb = page.scene.nodes[a].pos(), page.scene.nodes[b].pos()
    page.view.centerOn((pa + pb) / 2)
    return node_point(page, a, scroll=False), node_point(page, b, scroll=False)


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
