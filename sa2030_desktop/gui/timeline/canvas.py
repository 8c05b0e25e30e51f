"""A custom-painted Gantt canvas: only the visible rows are painted, so 5,000 goals stay fluid.

Geometry comes from domain.timeline_layout (shared with the exported figure); this class only
scales days to pixels and rows to lines, paints, and hit-tests markers.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from sa2030_desktop.domain.dates import de_short
from sa2030_desktop.domain.model import STATUS_COLOURS
from sa2030_desktop.domain.timeline_layout import (
    ACTUAL,
    BASELINE,
    FORECAST,
    Marker,
    TimelineLayout,
    axis_ticks,
    choose_unit,
)
from sa2030_desktop.gui.timeline.interaction import ForecastDrag

ZOOM = {"month": 4.0, "quarter": 1.3, "year": 0.42}  # pixels per day
C = {
    "band": QColor("#ECEFF1"), "group": QColor("#607D8B"), "span": QColor("#B0BEC5"),
    "slip": QColor(230, 81, 0, 110), "slip_text": QColor("#BF360C"), "forecast": QColor("#1A237E"),
    "actual": QColor("#2E7D32"), "conflict": QColor("#C62828"), "arrow": QColor("#546E7A"),
    "asof": QColor("#6A1B9A"), "grid": QColor("#E0E0E0"), "grid_major": QColor("#9E9E9E"),
    "whatif": QColor("#EF6C00"),
}  # fmt: skip


class TimelineCanvas(QAbstractScrollArea):
    forecast_dropped = Signal(str, object)  # milestone key, date
    milestone_menu = Signal(str, object)  # milestone key, global QPoint
    group_toggled = Signal(str)

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
        self._by_row: dict[int, list[Marker]] = {}
        self._slips_by_row: dict[int, list] = {}
        self._font = QFont(self.font())
        self._bold = QFont(self.font())
        self._bold.setBold(True)
        self._small = QFont(self.font())
        self._small.setPointSizeF(max(self.font().pointSizeF() * 0.85, 7.0))

    # -- data ------------------------------------------------------------------------------------
    def set_layout(self, layout: TimelineLayout) -> None:
        self.layout_ = layout
        self._by_row = {}
        for m in layout.markers:
            self._by_row.setdefault(m.row, []).append(m)
        self._slips_by_row = {}
        for s in layout.slips:
            self._slips_by_row.setdefault(s.row, []).append(s)
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
        self._update_scrollbars()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()

    # -- painting --------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        p = QPainter(self.viewport())
        p.fillRect(self.viewport().rect(), Qt.GlobalColor.white)
        lay = self.layout_
        if lay is None or not lay.rows:
            p.end()
            return
        w, h = self.viewport().width(), self.viewport().height()
        first = max(self.row_at(self.header_h), 0)
        last = min(self.row_at(h) + 1, len(lay.rows) - 1)
        p.setClipRect(QRectF(self.label_w, 0, w - self.label_w, h))
        ticks = self._paint_grid(p, h)
        self._paint_arrows(p, first, last)  # hairlines without antialiasing: fast frames
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for i in range(first, last + 1):
            self._paint_row(p, i, w)
        self._paint_conflict_labels(p, first, last)
        self._paint_asof(p, h)
        self.drag.paint(p)
        p.setClipping(False)
        self._paint_header(p, w, ticks)
        self._paint_labels(p, first, last)
        p.end()

    def _paint_grid(self, p: QPainter, h: int):
        lay = self.layout_
        lo, hi = self.day_at(self.label_w), self.day_at(self.viewport().width())
        unit = choose_unit(hi - lo, self.viewport().width() - self.label_w)
        ticks = axis_ticks(max(lo, lay.start), min(hi, lay.end), unit)
        for t in ticks:
            p.setPen(QPen(C["grid_major"] if t.major else C["grid"], 1))
            x = self.x_of(t.x)
            p.drawLine(QPointF(x, self.header_h), QPointF(x, h))
        return ticks

    def _paint_row(self, p: QPainter, i: int, w: int) -> None:
        lay = self.layout_
        row = lay.rows[i]
        y = self.y_of(i)
        if row.kind == "group":
            p.fillRect(QRectF(self.label_w, y - self.row_h / 2, w, self.row_h), C["band"])
        if row.start is not None:
            x0, x1 = self.x_of(max(row.start, lay.start)), self.x_of(min(row.end, lay.end))
            hh = 7 if row.kind == "group" else 2
            p.fillRect(
                QRectF(x0, y - hh, max(x1 - x0, 2), 2 * hh),
                C["group" if row.kind == "group" else "span"],
            )
        p.setFont(self._small)
        for s in self._slips_by_row.get(i, []):
            x0, x1 = self.x_of(s.start), self.x_of(s.end)
            p.fillRect(QRectF(x0, y - 4, x1 - x0, 8), C["slip"])
            p.setPen(C["slip_text"])
            p.drawText(
                QRectF(x0, y - self.row_h / 2 - 1, max(x1 - x0, 60), 12),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                s.label,
            )
        for m in self._by_row.get(i, []):
            self._paint_marker(p, m, QPointF(self.x_of(m.x), y))

    def _paint_marker(self, p: QPainter, m: Marker, c: QPointF) -> None:
        if m.kind == BASELINE:
            p.setPen(QPen(Qt.GlobalColor.black, 1.5))
            p.setBrush(Qt.GlobalColor.white)
            p.drawEllipse(c, 6, 6)
        elif m.kind == ACTUAL:
            path = QPainterPath(QPointF(c.x() - 5, c.y()))
            path.lineTo(QPointF(c.x() - 1.5, c.y() + 4.5))
            path.lineTo(QPointF(c.x() + 6, c.y() - 6))
            p.setPen(QPen(C["actual"], 2.6))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
        else:
            colour = (
                C["whatif"]
                if m.milestone in self.highlight
                else (C["conflict"] if m.overdue else C["forecast"])
            )
            p.setPen(QPen(Qt.GlobalColor.white, 1))
            p.setBrush(colour)
            if m.overdue:
                p.drawRect(QRectF(c.x() - 4.5, c.y() - 4.5, 9, 9))
            else:
                p.drawEllipse(c, 4.5, 4.5)

    def _paint_arrows(self, p: QPainter, first: int, last: int) -> None:
        p.setFont(self._small)
        for a in self.layout_.arrows:
            if max(a.from_row, a.to_row) < first or min(a.from_row, a.to_row) > last:
                continue
            start = QPointF(self.x_of(a.from_x), self.y_of(a.from_row))
            end = QPointF(self.x_of(a.to_x), self.y_of(a.to_row))
            colour = C["conflict"] if a.conflict else C["arrow"]
            p.setPen(QPen(colour, 2.0 if a.conflict else 1.0))
            p.drawLine(start, end)
            _arrow_head(p, start, end, colour)

    def _paint_conflict_labels(self, p: QPainter, first: int, last: int) -> None:
        p.setFont(self._small)
        for a in self.layout_.arrows:
            if a.conflict and first <= a.to_row <= last:
                pos = QPointF(self.x_of(a.to_x) + 8, self.y_of(a.to_row) + 4)
                rect = p.fontMetrics().boundingRect(a.label)
                p.fillRect(
                    QRectF(
                        pos.x() - 2, pos.y() - rect.height() + 2, rect.width() + 4, rect.height()
                    ),
                    QColor(255, 255, 255, 220),
                )
                p.setPen(C["conflict"])
                p.drawText(pos, a.label)

    def _paint_asof(self, p: QPainter, h: int) -> None:
        x = self.x_of(self.layout_.as_of.toordinal())
        p.setPen(QPen(C["asof"], 1.6, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(x, self.header_h), QPointF(x, h))

    def _paint_header(self, p: QPainter, w: int, ticks) -> None:
        p.fillRect(QRectF(0, 0, w, self.header_h), QColor("#FAFAFA"))
        p.setPen(QColor("#616161"))
        p.drawLine(QPointF(0, self.header_h - 0.5), QPointF(w, self.header_h - 0.5))
        p.setFont(self._font)
        p.setClipRect(QRectF(self.label_w, 0, w - self.label_w, self.header_h))
        for t in ticks:
            x = self.x_of(t.x)
            p.setPen(QColor("#212121") if t.major else QColor("#424242"))
            p.drawLine(QPointF(x, self.header_h - 8), QPointF(x, self.header_h))
            p.drawText(QPointF(x + 3, self.header_h - 10), t.label)
        x = self.x_of(self.layout_.as_of.toordinal())
        p.setPen(C["asof"])
        p.setFont(self._small)
        if x > self.label_w:
            p.drawText(
                QPointF(x + 4, 14), self.tr("Stichtag {0}").format(de_short(self.layout_.as_of))
            )
        p.setClipping(False)
        p.setFont(self._bold)
        p.setPen(QColor("#212121"))
        p.drawText(
            QRectF(8, 0, self.label_w - 8, self.header_h),
            Qt.AlignmentFlag.AlignVCenter,
            self.tr("Ziel · Status"),
        )

    def _paint_labels(self, p: QPainter, first: int, last: int) -> None:
        lay = self.layout_
        p.setClipRect(QRectF(0, self.header_h, self.label_w, self.viewport().height()))
        p.fillRect(
            QRectF(0, self.header_h, self.label_w, self.viewport().height()), Qt.GlobalColor.white
        )
        for i in range(first, last + 1):
            row = lay.rows[i]
            y = self.y_of(i)
            rect = QRectF(8, y - self.row_h / 2, self.label_w - 14, self.row_h)
            if row.kind == "group":
                p.fillRect(QRectF(0, y - self.row_h / 2, self.label_w, self.row_h), C["band"])
                p.setFont(self._bold)
                p.setPen(QColor("#212121"))
                sign = "▸" if row.key in self.collapsed else "▾"
                count = (
                    self.tr("1 Ziel") if row.count == 1 else self.tr("{0} Ziele").format(row.count)
                )
                text = p.fontMetrics().elidedText(
                    f"{sign} {row.label}", Qt.TextElideMode.ElideRight, int(rect.width()) - 70
                )
                p.drawText(rect, Qt.AlignmentFlag.AlignVCenter, text)
                p.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, count)
                continue
            p.setFont(self._font)
            status = row.status.label if row.status else ""
            status_w = p.fontMetrics().horizontalAdvance(status) + 14
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(STATUS_COLOURS[row.status]) if row.status else Qt.GlobalColor.gray)
            p.drawEllipse(QPointF(rect.right() - status_w + 4, y), 4, 4)
            p.setPen(QColor("#424242"))
            p.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, status)
            p.setPen(QColor("#212121"))
            text = p.fontMetrics().elidedText(
                row.label, Qt.TextElideMode.ElideRight, int(rect.width() - status_w - 8)
            )
            p.drawText(
                QRectF(18, rect.y(), rect.width() - status_w, rect.height()),
                Qt.AlignmentFlag.AlignVCenter,
                text,
            )
        p.setPen(QColor("#BDBDBD"))
        p.drawLine(
            QPointF(self.label_w - 0.5, self.header_h),
            QPointF(self.label_w - 0.5, self.viewport().height()),
        )
        p.setClipping(False)

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


def _arrow_head(p: QPainter, start: QPointF, end: QPointF, colour: QColor) -> None:
    dx, dy = end.x() - start.x(), end.y() - start.y()
    length = (dx * dx + dy * dy) ** 0.5
    if length < 1:
        return
    ux, uy = dx / length, dy / length
    size = 8.0
    base = QPointF(end.x() - ux * size, end.y() - uy * size)
    left = QPointF(base.x() - uy * size * 0.45, base.y() + ux * size * 0.45)
    right = QPointF(base.x() + uy * size * 0.45, base.y() - ux * size * 0.45)
    p.setBrush(colour)
    p.setPen(Qt.PenStyle.NoPen)
    p.drawPolygon(QPolygonF([end, left, right]))
