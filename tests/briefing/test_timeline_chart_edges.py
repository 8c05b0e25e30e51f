"""The briefing's Zeitplan keeps every text on the page: a slip that ends on the last day of
the window (a forecast on 31.12., common in plans) had its „+731 Tage“ cut off at the right
edge of the figure, so the reader saw only „+“."""

from datetime import date

from matplotlib.text import Text

from sa2030_desktop.export.briefing.timeline_chart import timeline_pages
from tests.support.builders import goal, ms


def test_slip_labels_at_the_window_end_stay_inside_the_figure(make_store):
    store = make_store(
        goals=[goal("Z1", status="delayed"), goal("Z2", lead="MI")],
        milestones=[
            ms("Z1-M1", "2026-12-31", "2028-12-31"),
            ms("Z1-M2", "2027-12-31", "2029-12-31"),  # the last date of all: the window's end
            ms("Z2-M1", "2025-01-01", "2025-01-01", actual="2025-01-01"),
        ],
    )
    [(fig, _caption)] = timeline_pages(store.snapshot(), date(2026, 12, 3), (9.0, 5.0))
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)
    page = fig.bbox
    labels = [t for t in fig.findobj(Text) if "Tage" in t.get_text()]
    assert sorted(t.get_text().strip() for t in labels) == ["+731 Tage", "+731 Tage"]
    for text in labels:
        box = text.get_window_extent(renderer)
        assert page.x0 <= box.x0 and box.x1 <= page.x1, (text.get_text(), box, page)
