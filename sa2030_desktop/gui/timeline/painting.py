"""Painting the timeline canvas: per-layout caches and one frame.

Kept fast for 1,000–5,000 goals (frame budget 16 ms): everything that does not depend on the
scroll position or zoom is prepared once per layout (markers and slips per row, arrow row spans,
elided row labels, text widths); a frame only scales days to pixels, skips what is off screen,
and draws each kind of mark in one pass with one pen (dependency lines in one drawLines call,
all check marks in one path). Arrow heads are drawn only where the arrow ends on screen. When
somewhere in the layout more than THROUGH_LIMIT arrows only pass through a screenful of rows
(1,000 goals: up to 740, 5,000 goals: up to 3,800 – the plot is then filled with lines), arrows
without an end on screen are left out and the header says how many.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPen, QPolygonF

from sa2030_desktop.domain.dates import de_short
from sa2030_desktop.domain.grammar import deps_de, verb_de
from sa2030_desktop.domain.model import STATUS_COLOURS
from sa2030_desktop.domain.timeline_axis import axis_ticks, choose_unit
from sa2030_desktop.domain.timeline_layout import (
    ACTUAL,
    BASELINE,
    TimelineLayout,
)
from sa2030_desktop.gui.accessibility import FOCUS_COLOUR

C = {
    "band": QColor("#ECEFF1"), "group": QColor("#607D8B"), "span": QColor("#B0BEC5"),
    "slip": QColor(230, 81, 0, 110), "slip_text": QColor("#BF360C"), "forecast": QColor("#1A237E"),
    "actual": QColor("#2E7D32"), "conflict": QColor("#C62828"), "arrow": QColor("#546E7A"),
    "asof": QColor("#6A1B9A"), "grid": QColor("#E0E0E0"), "grid_major": QColor("#9E9E9E"),
    "whatif": QColor("#EF6C00"), "text": QColor("#212121"), "muted": QColor("#424242"),
    "header": QColor("#FAFAFA"), "rule": QColor("#616161"), "divider": QColor("#BDBDBD"),
    "label_bg": QColor(255, 255, 255, 220), "focus": QColor(FOCUS_COLOUR),
}  # fmt: skip
STATUS_QCOLOURS = {status: QColor(colour) for status, colour in STATUS_COLOURS.items()}
PENS = {
    "baseline": QPen(Qt.GlobalColor.black, 1.5),
    "actual": QPen(C["actual"], 2.6),
    "marker_edge": QPen(Qt.GlobalColor.white, 1),
    "arrow": QPen(C["arrow"], 1.0),
    "conflict": QPen(C["conflict"], 2.0),
    "grid": QPen(C["grid"], 1),
    "grid_major": QPen(C["grid_major"], 1),
    "asof": QPen(C["asof"], 1.6, Qt.PenStyle.DashLine),
}
MARGIN = 12  # px: marks this close outside the plot are still drawn (their radius shows)
RIM = 7.0  # px: radius of a baseline ring with its pen; arrow heads end there
THROUGH_LIMIT = 400  # more arrows only crossing the visible rows are a hairball: left out
LABEL_DX = 18  # px: conflict labels start right of the marker and of an arrow head from the right


class FramePainter:
    def __init__(self, canvas) -> None:
        self.canvas = canvas
        self.reset(None)

    def reset(self, layout: TimelineLayout | None) -> None:
        """Prepare what every frame of this layout needs (called by set_layout)."""
        self.layout = layout
        self.markers: dict[int, list] = {}
        self.slips: dict[int, list] = {}
        self.arrows: list[tuple] = []
        self.conflicts: dict[int, list] = {}
        self.labels: dict[tuple[int, str], tuple] = {}
        self.hidden_through = 0
        self._through_max: dict[int, int] = {}
        if layout is None:
            return
        for m in layout.markers:
            self.markers.setdefault(m.row, []).append(m)
        for s in layout.slips:
            self.slips.setdefault(s.row, []).append(s)
        small = QFontMetrics(self.canvas._small)
        for a in layout.arrows:
            lo, hi = min(a.from_row, a.to_row), max(a.from_row, a.to_row)
            self.arrows.append((lo, hi, a.from_row, a.from_x, a.to_row, a.to_x, a.conflict))
            if a.conflict:
                rect = small.boundingRect(a.label)
                self.conflicts.setdefault(a.to_row, []).append(
                    (a.to_x, a.label, rect.width(), rect.height())
                )
        import numpy as np  # imported where used: it costs ~0.1 s at start (issue 3)

        rows = np.array([(t[0], t[1], t[2], t[4]) for t in self.arrows], dtype=np.int64)
        self.arrow_rows = rows.reshape(-1, 4).T  # lo, hi, from_row, to_row

    # -- one frame -------------------------------------------------------------------------------
    def paint(self, p: QPainter) -> None:
        c, lay = self.canvas, self.layout
        vp = c.viewport()
        w, h = vp.width(), vp.height()
        p.fillRect(vp.rect(), Qt.GlobalColor.white)
        if lay is None or not lay.rows:
            return
        ppd, row_h, label_w, header_h = c.ppd, c.row_h, c.label_w, c.header_h
        self.ox = label_w - lay.start * ppd - c.horizontalScrollBar().value()
        self.oy = header_h - c.verticalScrollBar().value() + row_h / 2
        first = max(c.row_at(header_h), 0)
        last = min(c.row_at(h) + 1, len(lay.rows) - 1)
        lo_day = (label_w - MARGIN - self.ox) / ppd
        hi_day = (w + MARGIN - self.ox) / ppd
        p.setClipRect(QRectF(label_w, 0, w - label_w, h))
        ticks = self._grid(p, w, h)
        self._arrows(p, first, last, w, h)  # hairlines without antialiasing: fast frames
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._rows(p, first, last, w, lo_day, hi_day)
        self._conflict_labels(p, first, last, lo_day, hi_day)
        x = self.ox + lay.as_of.toordinal() * ppd
        p.setPen(PENS["asof"])
        p.drawLine(QPointF(x, header_h), QPointF(x, h))
        c.drag.paint(p)
        p.setClipping(False)
        self._header(p, w, ticks)
        self._labels(p, first, last, h)

    def _grid(self, p: QPainter, w: int, h: int):
        c, lay = self.canvas, self.layout
        lo, hi = c.day_at(c.label_w), c.day_at(w)
        ticks = axis_ticks(
            max(lo, lay.start), min(hi, lay.end), choose_unit(hi - lo, w - c.label_w)
        )
        for major in (False, True):
            p.setPen(PENS["grid_major" if major else "grid"])
            p.drawLines(
                [
                    QLineF(x, c.header_h, x, h)
                    for t in ticks
                    if t.major is major
                    for x in (self.ox + t.x * c.ppd,)
                ]
            )
        return ticks

    def _rows(self, p: QPainter, first: int, last: int, w: int, lo_day, hi_day) -> None:
        c, lay = self.canvas, self.layout
        ox, oy, ppd, row_h = self.ox, self.oy, c.ppd, c.row_h
        highlight = c.highlight
        base, fore, over, mark, checks = [], [], [], [], QPainterPath()
        p.setFont(c._small)
        centre_top = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        for i in range(first, last + 1):
            row = lay.rows[i]
            y = oy + i * row_h
            if row.kind == "group":
                p.fillRect(QRectF(c.label_w, y - row_h / 2, w, row_h), C["band"])
            if row.start is not None and row.end >= lo_day and row.start <= hi_day:
                x0 = ox + max(row.start, lay.start) * ppd
                x1 = ox + min(row.end, lay.end) * ppd
                hh = 7 if row.kind == "group" else 2
                p.fillRect(
                    QRectF(x0, y - hh, max(x1 - x0, 2), 2 * hh),
                    C["group" if row.kind == "group" else "span"],
                )
            for s in self.slips.get(i, ()):
                if s.end < lo_day or s.start > hi_day:
                    continue
                x0, x1 = ox + s.start * ppd, ox + s.end * ppd
                p.fillRect(QRectF(x0, y - 4, x1 - x0, 8), C["slip"])
                p.setPen(C["slip_text"])
                p.drawText(QRectF(x0, y - row_h / 2 - 1, max(x1 - x0, 60), 12), centre_top, s.label)
            for m in self.markers.get(i, ()):
                if m.x < lo_day or m.x > hi_day:
                    continue
                x = ox + m.x * ppd
                if m.kind == BASELINE:
                    base.append(QPointF(x, y))
                elif m.kind == ACTUAL:
                    checks.moveTo(x - 5, y)
                    checks.lineTo(x - 1.5, y + 4.5)
                    checks.lineTo(x + 6, y - 6)
                elif m.milestone in highlight:
                    mark.append((QPointF(x, y), m.overdue))
                elif m.overdue:
                    over.append(QRectF(x - 4.5, y - 4.5, 9, 9))
                else:
                    fore.append(QPointF(x, y))
        p.setPen(PENS["baseline"])
        p.setBrush(Qt.GlobalColor.white)
        for pt in base:
            p.drawEllipse(pt, 6, 6)
        p.setPen(PENS["actual"])
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(checks)
        p.setPen(PENS["marker_edge"])
        p.setBrush(C["forecast"])
        for pt in fore:
            p.drawEllipse(pt, 4.5, 4.5)
        p.setBrush(C["conflict"])
        p.drawRects(over)
        p.setBrush(C["whatif"])
        for pt, square in mark:
            if square:
                p.drawRect(QRectF(pt.x() - 4.5, pt.y() - 4.5, 9, 9))
            else:
                p.drawEllipse(pt, 4.5, 4.5)

    def _arrows(self, p: QPainter, first: int, last: int, w: int, h: int) -> None:
        import numpy as np

        c = self.canvas
        ox, oy, ppd, row_h = self.ox, self.oy, c.ppd, c.row_h
        lines: dict[bool, list[QLineF]] = {False: [], True: []}
        heads: dict[bool, list[QPolygonF]] = {False: [], True: []}
        left = c.label_w - MARGIN
        lo, hi, fr, tr = self.arrow_rows
        touch = (hi >= first) & (lo <= last)
        ends = touch & (((fr >= first) & (fr <= last)) | ((tr >= first) & (tr <= last)))
        through = int(touch.sum() - ends.sum())
        self.hidden_through = through if self._hairball(last - first + 1) else 0
        arrows = self.arrows
        for k in np.flatnonzero(ends if self.hidden_through else touch).tolist():
            _lo, _hi, fr, fx, tr, tx, conflict = arrows[k]
            x1, y1 = ox + fx * ppd, oy + fr * row_h
            x2, y2 = ox + tx * ppd, oy + tr * row_h
            if (x1 < left and x2 < left) or (x1 > w and x2 > w):
                continue
            lines[conflict].append(QLineF(x1, y1, x2, y2))
            if left <= x2 <= w + MARGIN and first <= tr <= last:
                head = _head(x1, y1, x2, y2)
                if head is not None:
                    heads[conflict].append(head)
        for conflict in (False, True):
            colour = C["conflict" if conflict else "arrow"]
            p.setPen(PENS["conflict" if conflict else "arrow"])
            p.drawLines(lines[conflict])
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            for poly in heads[conflict]:
                p.drawPolygon(poly)

    def _hairball(self, span: int) -> bool:
        """More than THROUGH_LIMIT arrows only pass through `span` rows somewhere in the layout?
        Decided per layout and height (not per frame), so lines do not come and go when panning."""
        if span not in self._through_max:
            lo, hi = self.arrow_rows[0], self.arrow_rows[1]
            starts = range(0, max(len(self.layout.rows) - span, 1), max(span // 2, 1))
            self._through_max[span] = max(
                (int(((lo < s) & (hi > s + span - 1)).sum()) for s in starts), default=0
            )
        return self._through_max[span] > THROUGH_LIMIT

    def _conflict_labels(self, p: QPainter, first: int, last: int, lo_day, hi_day) -> None:
        c = self.canvas
        p.setFont(c._small)
        p.setPen(C["conflict"])
        for i in range(first, last + 1):
            for x, label, lw, lh in self.conflicts.get(i, ()):
                if x > hi_day or x + (lw + LABEL_DX + 4) / c.ppd < lo_day:
                    continue
                pos = QPointF(self.ox + x * c.ppd + LABEL_DX, self.oy + i * c.row_h + 4)
                p.fillRect(QRectF(pos.x() - 2, pos.y() - lh + 2, lw + 4, lh), C["label_bg"])
                p.drawText(pos, label)

    def _header(self, p: QPainter, w: int, ticks) -> None:
        c, lay = self.canvas, self.layout
        header_h = c.header_h
        p.fillRect(QRectF(0, 0, w, header_h), C["header"])
        p.setPen(C["rule"])
        p.drawLine(QPointF(0, header_h - 0.5), QPointF(w, header_h - 0.5))
        p.setFont(c._font)
        p.setClipRect(QRectF(c.label_w, 0, w - c.label_w, header_h))
        for t in ticks:
            x = self.ox + t.x * c.ppd
            p.setPen(C["text"] if t.major else C["muted"])
            p.drawLine(QPointF(x, header_h - 8), QPointF(x, header_h))
            p.drawText(QPointF(x + 3, header_h - 10), t.label)
        x = self.ox + lay.as_of.toordinal() * c.ppd
        p.setPen(C["asof"])
        p.setFont(c._small)
        if x > c.label_w:
            p.drawText(QPointF(x + 4, 14), c.tr("Stichtag {0}").format(de_short(lay.as_of)))
        p.setClipping(False)
        if self.hidden_through:
            p.setPen(C["muted"])
            p.drawText(
                QRectF(c.label_w, 2, w - c.label_w - 8, 14),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                c.tr("{0}, die hier nur {1}, ausgeblendet").format(
                    deps_de(self.hidden_through),
                    verb_de(self.hidden_through, c.tr("durchläuft"), c.tr("durchlaufen")),
                ),
            )
        p.setFont(c._bold)
        p.setPen(C["text"])
        p.drawText(
            QRectF(8, 0, c.label_w - 8, header_h),
            Qt.AlignmentFlag.AlignVCenter,
            c.tr("Ziel · Status"),
        )

    def _label(self, i: int, sign: str) -> tuple:
        """(title, status, status width, status colour) of row i, elided once per layout."""
        key = (i, sign)
        cached = self.labels.get(key)
        if cached is not None:
            return cached
        c, row = self.canvas, self.layout.rows[i]
        room = c.label_w - 14
        if row.kind == "group":
            fm = QFontMetrics(c._bold)
            count = c.tr("1 Ziel") if row.count == 1 else c.tr("{0} Ziele").format(row.count)
            text = fm.elidedText(f"{sign} {row.label}", Qt.TextElideMode.ElideRight, room - 70)
            cached = (text, count, 0, None)
        else:
            fm = QFontMetrics(c._font)
            status = row.status.label if row.status else ""
            status_w = fm.horizontalAdvance(status) + 14
            text = fm.elidedText(row.label, Qt.TextElideMode.ElideRight, room - status_w - 8)
            colour = STATUS_QCOLOURS.get(row.status, QColor(Qt.GlobalColor.gray))
            cached = (text, status, status_w, colour)
        self.labels[key] = cached
        return cached

    def _labels(self, p: QPainter, first: int, last: int, h: int) -> None:
        c, lay = self.canvas, self.layout
        label_w, row_h = c.label_w, c.row_h
        p.setClipRect(QRectF(0, c.header_h, label_w, h))
        p.fillRect(QRectF(0, c.header_h, label_w, h), Qt.GlobalColor.white)
        vcentre = Qt.AlignmentFlag.AlignVCenter
        right = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
        for i in range(first, last + 1):
            row = lay.rows[i]
            y = self.oy + i * row_h
            rect = QRectF(8, y - row_h / 2, label_w - 14, row_h)
            if row.kind == "group":
                text, count, _, _ = self._label(i, "▸" if row.key in c.collapsed else "▾")
                p.fillRect(QRectF(0, y - row_h / 2, label_w, row_h), C["band"])
                p.setFont(c._bold)
                p.setPen(C["text"])
                p.drawText(rect, vcentre, text)
                p.drawText(rect, right, count)
                continue
            text, status, status_w, colour = self._label(i, "")
            p.setFont(c._font)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            p.drawEllipse(QPointF(rect.right() - status_w + 4, y), 4, 4)
            p.setPen(C["muted"])
            p.drawText(rect, right, status)
            p.setPen(C["text"])
            p.drawText(QRectF(18, rect.y(), rect.width() - status_w, row_h), vcentre, text)
        p.setPen(C["divider"])
        p.drawLine(QPointF(label_w - 0.5, c.header_h), QPointF(label_w - 0.5, h))
        p.setClipping(False)


def _head(x1: float, y1: float, x2: float, y2: float) -> QPolygonF | None:
    """The arrow head, its tip on the rim of the waiting marker (not hidden under it)."""
    dx, dy = x2 - x1, y2 - y1
    length = (dx * dx + dy * dy) ** 0.5
    if length < RIM + 8:
        return None
    ux, uy = dx / length, dy / length
    x2, y2 = x2 - ux * RIM, y2 - uy * RIM
    bx, by = x2 - ux * 8.0, y2 - uy * 8.0
    return QPolygonF(
        [
            QPointF(x2, y2),
            QPointF(bx - uy * 3.6, by + ux * 3.6),
            QPointF(bx + uy * 3.6, by - ux * 3.6),
        ]
    )
