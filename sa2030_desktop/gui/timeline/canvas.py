"""A custom-painted Gantt canvas: only the visible rows are painted, so 5,000 goals stay fluid.

Geometry comes from domain.timeline_layout (shared with the exported figure); this class only
scales days to pixels and rows to lines and hit-tests markers; painting.FramePainter paints.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from sa2030_desktop.domain.timeline_layout import (
    ACTUAL,
    BASELINE,
    FORECAST,
    Marker,
    TimelineLayout,
)
from sa2030_desktop.gui.timeline.interaction import ForecastDrag
from sa2030_desktop.gui.timeline.keyboard import TimelineKeys
from sa2030_desktop.gui.timeline.painting import C, FramePainter  # noqa: F401 – C re-exported

LABEL_MIN, LABEL_MAX = 220, 440  # px: the row labels' column
ZOOM = {"month": 4.0, "quarter": 1.3, "year": 0.42}  # pixels per day


class TimelineCanvas(QAbstractScrollArea):
    forecast_dropped = Signal(str, object)  # milestone key, date
    milestone_menu = Signal(str, object)  # milestone key, global QPoint
    group_toggled = Signal(str)
    announced = Signal(str)  # the keyboard milestone in words (also the accessible description)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineCanvas")
        self.setAccessibleName(self.tr("Zeitplan"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.layout_: TimelineLayout | None = None
        self.ppd = ZOOM["quarter"]
        self.row_h = 26
        self.label_w = 440
        self.header_h = 44
        self.collapsed: set[str] = set()
        self.highlight: set[str] = set()  # milestones changed in the what-if
        self.drag = ForecastDrag(self)
        self.keys = TimelineKeys(self)
        self._by_row: dict[int, list[Marker]] = {}
        self._font = QFont(self.font())
        self._bold = QFont(self.font())
        self._bold.setBold(True)
        self._small = QFont(self.font())
        self._small.setPointSizeF(max(self.font().pointSizeF() * 0.85, 7.0))
        self.painter = FramePainter(self)

    # -- data ------------------------------------------------------------------------------------
    def set_layout(self, layout: TimelineLayout) -> None:
        self.layout_ = layout
        self._by_row = {}
        for m in layout.markers:
            self._by_row.setdefault(m.row, []).append(m)
        self.painter.reset(layout)
        self.keys.reset(layout)
        self._update_scrollbars()
        self.viewport().update()

    def set_zoom(self, ppd: float, anchor_x: float | None = None) -> None:
        ppd = min(max(ppd, 0.05), 40.0)
        day = self.day_at(anchor_x) if anchor_x is not None else None
        self.ppd = ppd
        self._update_scrollbars()
        if day is not None and self.layout_:
            bar = self.horizontalScrollBar()
            bar.setValue(round((day - self.layout_.start) * ppd - (anchor_x - self.label_w)))
        self.viewport().update()

    def zoom_to(self, unit: str) -> None:
        self.set_zoom(ZOOM[unit])

    def fit_all(self) -> None:
        if self.layout_:
            width = max(self.viewport().width() - self.label_w - 10, 100)
            self.set_zoom(width / max(self.layout_.end - self.layout_.start + 1, 1))

    def scroll_to_day(self, day: date) -> None:
        if self.layout_:
            x = (day.toordinal() - self.layout_.start) * self.ppd
            self.horizontalScrollBar().setValue(
                round(x - (self.viewport().width() - self.label_w) / 3)
            )

    # -- geometry --------------------------------------------------------------------------------
    def x_of(self, day: float) -> float:
        return (
            self.label_w
            + (day - self.layout_.start) * self.ppd
            - self.horizontalScrollBar().value()
        )

    def day_at(self, x: float) -> int:
        return round(
            self.layout_.start + (x - self.label_w + self.horizontalScrollBar().value()) / self.ppd
        )

    def y_of(self, row: int) -> float:
        return self.header_h + row * self.row_h - self.verticalScrollBar().value() + self.row_h / 2

    def row_at(self, y: float) -> int:
        return int((y - self.header_h + self.verticalScrollBar().value()) // self.row_h)

    def marker_at(self, pos: QPointF, kinds=(FORECAST,)) -> Marker | None:
        if not self.layout_ or pos.x() < self.label_w or pos.y() < self.header_h:
            return None
        best, best_d = None, 8.0
        for m in self._by_row.get(self.row_at(pos.y()), []):
            d = abs(self.x_of(m.x) - pos.x())
            if m.kind in kinds and d <= best_d:
                best, best_d = m, d
        return best

    def marker_pos(self, m: Marker) -> QPointF:
        return QPointF(self.x_of(m.x), self.y_of(m.row))

    def _update_scrollbars(self) -> None:
        if not self.layout_:
            return
        content_w = (self.layout_.end - self.layout_.start + 1) * self.ppd
        vis_w = max(self.viewport().width() - self.label_w, 1)
        self.horizontalScrollBar().setRange(0, max(0, round(content_w - vis_w + 20)))
        self.horizontalScrollBar().setPageStep(vis_w)
        content_h = len(self.layout_.rows) * self.row_h
        vis_h = max(self.viewport().height() - self.header_h, 1)
        self.verticalScrollBar().setRange(0, max(0, content_h - vis_h + 4))
        self.verticalScrollBar().setPageStep(vis_h)
        self.verticalScrollBar().setSingleStep(self.row_h)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # the label column takes up to 40 % of a narrow canvas (a laptop), never the plot's room
        label_w = max(LABEL_MIN, min(LABEL_MAX, round(self.viewport().width() * 0.4)))
        if label_w != self.label_w:
            self.label_w = label_w
            self.painter.labels.clear()  # elided for the old width
        self._update_scrollbars()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()

    # -- painting --------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        p = QPainter(self.viewport())
        self.painter.paint(p)
        self.keys.paint(p)
        p.end()

    def focusInEvent(self, event) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.viewport().update()
        self.keys.announce()

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.viewport().update()

    def ensure_visible(self, marker: Marker) -> None:
        """Scroll so that the keyboard milestone is on screen (with some room around it)."""
        x, y = self.x_of(marker.x), self.y_of(marker.row)
        bar = self.horizontalScrollBar()
        if x < self.label_w + 30 or x > self.viewport().width() - 30:
            bar.setValue(round(bar.value() + x - (self.label_w + self.viewport().width()) / 2))
        vbar = self.verticalScrollBar()
        if y < self.header_h + self.row_h or y > self.viewport().height() - self.row_h:
            vbar.setValue(round(vbar.value() + y - (self.header_h + self.viewport().height()) / 2))

    # -- input -----------------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        pos = event.position()
        if event.button() == Qt.MouseButton.LeftButton and self.layout_:
            if pos.x() < self.label_w and pos.y() > self.header_h:
                i = self.row_at(pos.y())
                if 0 <= i < len(self.layout_.rows) and self.layout_.rows[i].kind == "group":
                    self.group_toggled.emit(self.layout_.rows[i].key)
                    return
            marker = self.marker_at(pos)
            if marker is not None:
                self.keys.current = marker.milestone  # the keyboard goes on from here
                self.drag.start(marker, pos)
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self.drag.active:
            self.drag.move(event.position())
            return
        marker = self.marker_at(event.position())
        self.viewport().setCursor(
            Qt.CursorShape.SizeHorCursor if marker else Qt.CursorShape.ArrowCursor
        )
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self.drag.active:
            result = self.drag.finish(event.position())
            if result is not None:
                self.forecast_dropped.emit(*result)
            return
        super().mouseReleaseEvent(event)

    def contextMenuEvent(self, event) -> None:
        if event.reason() == event.Reason.Keyboard and self.keys.current:
            self.keys.open_menu()  # Menütaste / Umschalt+F10 on the keyboard milestone
            return
        marker = self.marker_at(QPointF(event.pos()), kinds=(BASELINE, FORECAST, ACTUAL))
        if marker is not None:
            self.milestone_menu.emit(marker.milestone, event.globalPos())

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and self.layout_:
            factor = 1.25 if event.angleDelta().y() > 0 else 0.8
            self.set_zoom(self.ppd * factor, event.position().x())
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event) -> None:
        if self.keys.handle(event):
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.set_zoom(
                self.ppd * 1.25, self.label_w + (self.viewport().width() - self.label_w) / 2
            )
        elif event.key() == Qt.Key.Key_Minus:
            self.set_zoom(
                self.ppd * 0.8, self.label_w + (self.viewport().width() - self.label_w) / 2
            )
        elif event.key() == Qt.Key.Key_Escape and self.drag.active:
            self.drag.cancel()
        else:
            super().keyPressEvent(event)
