"""Ampel icons: colour AND shape per status, so status never depends on colour alone."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from sa2030_desktop.domain.model import STATUS_COLOURS, Status


def _shape(painter: QPainter, status: Status, size: float) -> None:
    m = size * 0.12
    r = QRectF(m, m, size - 2 * m, size - 2 * m)
    if status is Status.NOT_STARTED:  # hollow circle
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(STATUS_COLOURS[status]).darker(140), size * 0.14))
        painter.drawEllipse(r.adjusted(m / 2, m / 2, -m / 2, -m / 2))
    elif status is Status.ON_TRACK:  # filled circle
        painter.drawEllipse(r)
    elif status is Status.DELAYED:  # triangle
        painter.drawPolygon(
            QPolygonF([QPointF(r.center().x(), r.top()), r.bottomRight(), r.bottomLeft()])
        )
    elif status is Status.AT_RISK:  # diamond
        c = r.center()
        painter.drawPolygon(
            QPolygonF(
                [QPointF(c.x(), r.top()), QPointF(r.right(), c.y()),
                 QPointF(c.x(), r.bottom()), QPointF(r.left(), c.y())]
            )
        )  # fmt: skip
    else:  # done: square with a tick
        painter.drawRect(r)
        path = QPainterPath(QPointF(r.left() + r.width() * 0.2, c_y := r.center().y()))
        path.lineTo(QPointF(r.left() + r.width() * 0.42, c_y + r.height() * 0.22))
        path.lineTo(QPointF(r.right() - r.width() * 0.15, r.top() + r.height() * 0.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor("white"), size * 0.12))
        painter.drawPath(path)


def status_pixmap(status: Status, size: int = 16, ratio: float = 2.0) -> QPixmap:
    pix = QPixmap(int(size * ratio), int(size * ratio))
    pix.setDevicePixelRatio(ratio)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(STATUS_COLOURS[status])
    painter.setPen(QPen(colour.darker(150), 1))
    painter.setBrush(colour)
    _shape(painter, status, float(size))
    painter.end()
    return pix


@cache
def status_icon(status: Status) -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32):
        icon.addPixmap(status_pixmap(status, size))
    return icon


def status_tint(status: Status, strength: float = 0.3) -> QColor:
    """A pale background of the Ampel colour: black text on it keeps a high contrast."""
    c = QColor(STATUS_COLOURS[status])
    mix = lambda v: round(255 - (255 - v) * strength)  # noqa: E731
    return QColor(mix(c.red()), mix(c.green()), mix(c.blue()))
