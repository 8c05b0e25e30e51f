"""Dragging a forecast marker: a small state machine kept outside the canvas' painting code."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from sa2030_desktop.domain.dates import de_short
from sa2030_desktop.domain.timeline_layout import Marker


class ForecastDrag:
    """Press on a forecast marker, move horizontally, release: (milestone key, new date)."""

    def __init__(self, canvas) -> None:
        self.canvas = canvas
        self.marker: Marker | None = None
        self.x = 0.0
        self._press_x = 0.0

    @property
    def active(self) -> bool:
        return self.marker is not None

    def start(self, marker: Marker, pos: QPointF) -> None:
        self.marker = marker
        self._press_x = pos.x()
        self.x = self.canvas.x_of(marker.x)

    def move(self, pos: QPointF) -> None:
        self.x = self.canvas.x_of(self.marker.x) + (pos.x() - self._press_x)
        self.canvas.viewport().update()

    def day(self) -> date:
        return date.fromordinal(self.canvas.day_at(self.x))

    def finish(self, pos: QPointF) -> tuple[str, date] | None:
        self.move(pos)
        marker, day = self.marker, self.day()
        self.marker = None
        self.canvas.viewport().update()
        if day.toordinal() == marker.x:
            return None
        return marker.milestone, day

    def cancel(self) -> None:
        self.marker = None
        self.canvas.viewport().update()

    def paint(self, p: QPainter) -> None:
        if self.marker is None:
            return
        y = self.canvas.y_of(self.marker.row)
        p.setPen(QPen(QColor("#EF6C00"), 2, Qt.PenStyle.DotLine))
        p.drawLine(QPointF(self.canvas.x_of(self.marker.x), y), QPointF(self.x, y))
        p.setBrush(QColor("#EF6C00"))
        p.drawEllipse(QPointF(self.x, y), 6, 6)
        p.setPen(QColor("#212121"))
        p.drawText(
            QRectF(self.x + 8, y - 20, 160, 16),
            Qt.AlignmentFlag.AlignLeft,
            f"{self.marker.milestone}: {de_short(self.day())}",
        )
