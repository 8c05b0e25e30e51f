"""A small trend chart of one indicator: its target path, the measured values and the Stichtag.

Painted with QPainter so that it is instant when the selection changes. The rule (expected value,
assessment) is domain/indicators.py's; this module only draws it. The assessment is written out
beside the values („hinter Plan“), never said by colour alone, and the accessible description
repeats the figures as text.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from sa2030_desktop.domain.dates import de_short, number_de
from sa2030_desktop.domain.indicators import (
    ASSESSMENT_COLOURS,
    IndicatorState,
    assess,
    has_path,
    path_points,
    path_problem,
    values_until,
)
from sa2030_desktop.domain.model import Indicator
from sa2030_desktop.gui.graph.style import LIGHT

# The graph's light theme (contrast ≥ 3:1 for lines on white), the timeline's Stichtag colour.
C = {
    "background": QColor(LIGHT.background),
    "text": QColor(LIGHT.text),
    "muted": QColor("#424242"),
    "axis": QColor(LIGHT.border),
    "grid": QColor("#E0E0E0"),
    "path": QColor(LIGHT.edge_hard),
    "asof": QColor("#6A1B9A"),
    "later": QColor("#616161"),
    "focus": QColor(LIGHT.focus),
}
MARGIN_LEFT_MIN = 48
MARGIN = (8, 34, 10, 22)  # left (beyond the labels), top (two text lines), right, bottom


def _with_unit(value: float | None, unit: str) -> str:
    text = number_de(value)
    return f"{text}\u00a0{unit}" if unit and text else text


def _month(day: date) -> str:
    return day.strftime("%m.%Y")


class IndicatorTrendChart(QWidget):
    """Shows `set_indicator(indicator, as_of)`; None or an incomplete path: an empty state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("indicatorTrendChart")
        self.setAccessibleName(self.tr("Verlauf des Indikators gegen den Zielpfad"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(150)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # screen readers reach the description
        self.indicator: Indicator | None = None
        self.as_of: date | None = None
        self.state: IndicatorState | None = None
        self.empty_text = ""
        self._font = QFont(self.font())
        self._small = QFont(self.font())
        self._small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.9))
        self.set_indicator(None, date.today())

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, 190)

    # ---- state -------------------------------------------------------------------------------
    def set_indicator(self, indicator: Indicator | None, as_of: date) -> None:
        self.indicator, self.as_of = indicator, as_of
        self.state = None
        if indicator is None:
            self.empty_text = self.tr("Kein Indikator ausgewählt.")
        elif not has_path(indicator):
            self.empty_text = self.tr(
                "Kein Zielpfad: Ausgangs- und Zielwert mit Datum eintragen (Indikator bearbeiten)."
            )
        elif path_problem(indicator) == "indicator_target_equals_baseline":
            self.empty_text = self.tr("Kein Zielpfad: Zielwert und Ausgangswert sind gleich.")
        elif path_problem(indicator):
            self.empty_text = self.tr(
                "Kein Zielpfad: das Zieldatum muss nach dem Datum des Ausgangswerts liegen."
            )
        else:
            self.empty_text = ""
            self.state = assess(indicator, as_of)
        self.setAccessibleDescription(self.description())
        self.setToolTip(self.description())
        self.update()

    def summary(self) -> str:
        """„hinter Plan – zuletzt 12,5 % (31.03.2026), erwartet 24,38 %“ (the chart's top line)."""
        state, ind = self.state, self.indicator
        if state is None or ind is None:
            return self.empty_text
        label = self.tr(state.assessment.label)
        if state.latest is None:
            return self.tr("{0} – kein Messwert bis zum Stichtag {1}").format(
                label, de_short(self.as_of)
            )
        return self.tr("{0} – zuletzt {1} ({2}), erwartet {3}").format(
            label,
            _with_unit(state.latest.value, ind.unit),
            de_short(state.latest.date),
            _with_unit(state.expected, ind.unit),
        )

    def description(self) -> str:
        ind = self.indicator
        if ind is None or self.state is None:
            return self.empty_text if ind is None else f"{ind.name}: {self.empty_text}"
        path = self.tr("Zielpfad von {0} am {1} bis {2} am {3}").format(
            _with_unit(ind.baseline, ind.unit),
            de_short(ind.baseline_date),
            _with_unit(ind.target, ind.unit),
            de_short(ind.target_date),
        )
        return self.tr("{0}: {1}. {2}. Stichtag {3}.").format(
            ind.name, self.summary(), path, de_short(self.as_of)
        )

    # ---- painting ----------------------------------------------------------------------------
    def _ranges(self) -> tuple[date, date, float, float]:
        ind = self.indicator
        assert ind is not None and self.as_of is not None
        days = [ind.baseline_date, ind.target_date, self.as_of, *(v.date for v in ind.values)]
        numbers = [float(ind.baseline), float(ind.target), *(v.value for v in ind.values)]  # type: ignore[arg-type]
        lo_day, hi_day = min(days), max(days)  # type: ignore[type-var]
        lo, hi = min(numbers), max(numbers)
        pad = (hi - lo) * 0.08 or 1.0
        return lo_day, hi_day, lo - pad, hi + pad  # type: ignore[return-value]

    def _y_ticks(self) -> list[float]:
        """Baseline and target, and the measured extremes beyond them (real values, not the
        padded ends of the axis)."""
        ind = self.indicator
        assert ind is not None
        ends = [float(ind.baseline), float(ind.target)]  # type: ignore[arg-type]
        measured = [v.value for v in ind.values]
        extra = [v for v in (min(measured, default=ends[0]), max(measured, default=ends[0]))
                 if not min(ends) <= v <= max(ends)]  # fmt: skip
        return sorted(set(ends + extra), reverse=True)

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), C["background"])
        # With the keyboard focus (Tab, for the description): the graph's focus frame.
        focused = self.hasFocus()
        p.setPen(QPen(C["focus"] if focused else C["axis"], 2.0 if focused else 1.0))
        p.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        if self.state is None or self.indicator is None:
            p.setPen(C["muted"])
            p.setFont(self._font)
            p.drawText(
                QRectF(self.rect()).adjusted(12, 8, -12, -8),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.description(),
            )
            return
        self._paint_chart(p)

    def _paint_chart(self, p: QPainter) -> None:
        ind, state, as_of = self.indicator, self.state, self.as_of
        assert ind is not None and state is not None and as_of is not None
        lo_day, hi_day, lo, hi = self._ranges()
        metrics = QFontMetricsF(self._small)
        ticks = self._y_ticks()
        y_labels = [_with_unit(v, ind.unit) for v in ticks]
        left = max(MARGIN_LEFT_MIN, max(metrics.horizontalAdvance(t) for t in y_labels) + 10)
        plot = QRectF(self.rect()).adjusted(left, MARGIN[1], -MARGIN[2], -MARGIN[3])
        if plot.width() < 40 or plot.height() < 30:
            return
        span = max(1, (hi_day - lo_day).days)

        def at(day: date, value: float) -> QPointF:
            x = plot.left() + plot.width() * (day - lo_day).days / span
            y = plot.bottom() - plot.height() * (value - lo) / (hi - lo)
            return QPointF(x, y)

        # Top line: the assessment in words, the figures; the name is the table's selection.
        colour = QColor(ASSESSMENT_COLOURS[state.assessment])
        p.setFont(self._font)
        p.setPen(C["text"])
        head = QRectF(8, 2, self.width() - 16, MARGIN[1] - 16)
        head_metrics = QFontMetricsF(self._font)
        p.drawText(head, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   head_metrics.elidedText(f"{ind.name}: {self.summary()}",
                                      Qt.TextElideMode.ElideRight, head.width()))  # fmt: skip
        # Axes, y labels at the range's ends, x labels (MM.YYYY) at start and end.
        p.setFont(self._small)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        drawn: list[float] = []
        for value, text in zip(ticks, y_labels, strict=True):
            y = round(at(lo_day, value).y()) + 0.5
            p.setPen(QPen(C["grid"], 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            if all(abs(y - other) >= metrics.height() for other in drawn):
                drawn.append(y)
                p.setPen(C["muted"])
                p.drawText(QRectF(0, y - 9, left - 6, 18), right, text)
        p.setPen(QPen(C["axis"], 1))
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        p.drawLine(plot.bottomLeft(), plot.topLeft())
        p.setPen(C["muted"])
        bottom = QRectF(plot.left(), plot.bottom() + 2, plot.width(), MARGIN[3] - 2)
        p.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, _month(lo_day))
        p.drawText(bottom, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, _month(hi_day))
        # The Stichtag as a dashed vertical line with its date.
        x = float(round(at(as_of, lo).x()))  # on pixels: crisp, not blurred by antialiasing
        p.setPen(QPen(C["asof"], 2.0, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        p.setPen(C["asof"])
        label = self.tr("Stichtag {0}").format(de_short(as_of))
        width = metrics.horizontalAdvance(label)
        lx = x + 4 if x + 4 + width <= plot.right() else x - 4 - width
        p.drawText(QPointF(lx, plot.top() + metrics.ascent() + 2), label)
        # The target path: dashed, darker than the grid.
        path_pen = QPen(C["path"], 2.0, Qt.PenStyle.DashLine)
        points = [at(d, v) for d, v in path_points(ind, lo_day, hi_day)]
        path = QPainterPath(points[0]) if points else QPainterPath()
        for point in points[1:]:
            path.lineTo(point)
        p.setPen(path_pen)
        p.drawPath(path)
        # Measured values up to the Stichtag: a solid line with points; later ones hollow.
        measured = [at(v.date, v.value) for v in values_until(ind, as_of)]
        p.setPen(QPen(colour, 2.4))
        for a, b in zip(measured, measured[1:], strict=False):
            p.drawLine(a, b)
        p.setBrush(colour)
        for point in measured:
            p.drawEllipse(point, 3.5, 3.5)
        p.setBrush(C["background"])
        p.setPen(QPen(C["later"], 1.4))
        for v in ind.values:
            if v.date > as_of:
                p.drawEllipse(at(v.date, v.value), 3.5, 3.5)
        # Legend in the bottom row between the dates: what each mark means, not only its colour;
        # a narrow dock drops the parts that do not fit beside the dates.
        p.setPen(C["muted"])
        parts = [self.tr("– – Zielpfad"), self.tr("●— Messwerte"), self.tr("┆ Stichtag")]
        if any(v.date > as_of for v in ind.values):
            parts.append(self.tr("○ nach dem Stichtag"))
        room = bottom.width() - 2 * metrics.horizontalAdvance(_month(hi_day)) - 24
        while parts and metrics.horizontalAdvance("   ".join(parts)) > room:
            parts.pop()
        p.drawText(bottom, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                   "   ".join(parts))  # fmt: skip
