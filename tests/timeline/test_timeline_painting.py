"""The canvas paints from per-layout caches and skips what is off screen: check pixels where
markers and arrow heads must be, after scrolling and zooming and with a what-if highlight."""

from datetime import date

import pytest
from PySide6.QtGui import QColor

from sa2030_desktop.domain.timeline_layout import Arrow, Row, TimelineLayout, build_layout
from sa2030_desktop.gui.timeline import painting
from sa2030_desktop.gui.timeline.canvas import TimelineCanvas
from sa2030_desktop.gui.timeline.painting import C
from tests.support.timeline import AS_OF, sections


@pytest.fixture
def canvas(qtbot, make_store):
    store = make_store(**sections())
    widget = TimelineCanvas()
    widget.resize(1400, 500)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_layout(build_layout(store.snapshot(), AS_OF))
    widget.zoom_to("month")
    return widget


def _pixel(canvas, x: float, y: float) -> QColor:
    image = canvas.viewport().grab().toImage()
    return QColor(image.pixel(round(x), round(y)))


def _forecast(canvas, key):
    lay = canvas.layout_
    return next(m for m in lay.markers if m.milestone == key and m.kind == "forecast")


def _near(colour: QColor, expected: QColor) -> bool:
    return all(
        abs(a - b) <= 12 for a, b in zip(colour.getRgb()[:3], expected.getRgb()[:3], strict=True)
    )


def test_forecast_marker_is_painted_where_it_is_after_scroll_and_zoom(canvas):
    m = _forecast(canvas, "Z3-M1")  # 31.10.2026, not overdue: a filled dark-blue dot
    for ppd in (4.0, 1.3, 0.6):
        canvas.set_zoom(ppd)
        canvas.horizontalScrollBar().setValue(round((m.x - canvas.layout_.start) * ppd - 500))
        pos = canvas.marker_pos(m)  # about 500 px right of the label column, or as far as it goes
        assert canvas.label_w + 20 < pos.x() < canvas.viewport().width() - 20
        assert _near(_pixel(canvas, pos.x(), pos.y()), C["forecast"]), ppd
    canvas.highlight = {"Z3-M1"}  # changed in the what-if: orange
    canvas.viewport().update()
    pos = canvas.marker_pos(m)
    assert _near(_pixel(canvas, pos.x(), pos.y()), C["whatif"])


def test_marker_just_beyond_the_edge_still_shows_its_rim(canvas):
    m = _forecast(canvas, "Z3-M1")
    canvas.set_zoom(40.0)
    w = canvas.viewport().width()
    bar = canvas.horizontalScrollBar()
    bar.setValue(round((m.x - canvas.layout_.start) * canvas.ppd + canvas.label_w - (w + 2)))
    pos = canvas.marker_pos(m)
    assert w < pos.x() < w + 4  # the centre is off screen, the dot (radius 4.5) is not
    assert _near(_pixel(canvas, w - 1, pos.y()), C["forecast"])
    bar.setValue(bar.value() + 200)  # scrolled on: the dot is fully inside
    assert _near(_pixel(canvas, canvas.marker_pos(m).x(), pos.y()), C["forecast"])


def test_arrow_head_is_painted_at_the_waiting_milestone(canvas):
    arrow = next(a for a in canvas.layout_.arrows if a.to_milestone == "Z2-M1")  # from Z1-M1
    canvas.horizontalScrollBar().setValue(
        round((arrow.to_x - canvas.layout_.start) * canvas.ppd - 600)
    )
    x, y = canvas.x_of(arrow.to_x), canvas.y_of(arrow.to_row)
    dx, dy = canvas.x_of(arrow.from_x) - x, canvas.y_of(arrow.from_row) - y
    length = (dx * dx + dy * dy) ** 0.5
    hx, hy = x + dx / length * 10, y + dy / length * 10  # head: 7–15 px from the centre
    assert _near(_pixel(canvas, hx, hy), C["arrow"])
    canvas.verticalScrollBar().setValue(canvas.verticalScrollBar().maximum())
    canvas.set_zoom(0.3)  # zoomed out: still there
    x, y = canvas.x_of(arrow.to_x), canvas.y_of(arrow.to_row)
    dx, dy = canvas.x_of(arrow.from_x) - x, canvas.y_of(arrow.from_row) - y
    length = (dx * dx + dy * dy) ** 0.5
    assert _near(_pixel(canvas, x + dx / length * 10, y + dy / length * 10), C["arrow"])


def _long_arrows_layout(arrows: int) -> TimelineLayout:
    """50 goal rows; `arrows` vertical dependencies from row 0 to row 49 at 1 Jan 2026."""
    day = date(2026, 1, 1).toordinal()
    rows = [Row(i, "goal", f"Z{i}", f"Z{i} Ziel", "ministry:MID", day - 30, day + 30)
            for i in range(50)]  # fmt: skip
    links = [
        Arrow(f"Z{49}", "Z0", 0, day + 10 * k, None, 49, day + 10 * k, None, False)
        for k in range(arrows)
    ]
    return TimelineLayout("Test", AS_OF, False, "ministry", day - 200, day + 200, rows, [], [],
                          links, 50)  # fmt: skip


def test_arrows_only_passing_through_are_left_out_above_the_limit(qtbot, monkeypatch):
    canvas = TimelineCanvas()
    canvas.resize(1200, 400)  # about 13 rows: rows 0 and 49 are never both visible
    qtbot.addWidget(canvas)
    canvas.show()
    qtbot.waitExposed(canvas)
    canvas.set_layout(_long_arrows_layout(3))
    canvas.zoom_to("month")
    canvas.scroll_to_day(date(2026, 1, 1))
    canvas.verticalScrollBar().setValue(20 * canvas.row_h)  # rows 20–33: the lines cross them
    x, y = canvas.x_of(date(2026, 1, 1).toordinal() + 10), canvas.y_of(26) + 8  # off the span
    assert _near(_pixel(canvas, x, y), C["arrow"])
    assert canvas.painter.hidden_through == 0
    monkeypatch.setattr(painting, "THROUGH_LIMIT", 2)
    canvas.viewport().update()
    assert not _near(_pixel(canvas, x, y), C["arrow"])
    assert canvas.painter.hidden_through == 3
    canvas.verticalScrollBar().setValue(0)  # row 0 visible: the arrows start here, drawn again
    assert _near(_pixel(canvas, x, canvas.y_of(5) + 8), C["arrow"])
    assert canvas.painter.hidden_through == 0
