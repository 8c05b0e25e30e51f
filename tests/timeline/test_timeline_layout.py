from datetime import date

import pytest

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.model import Status
from sa2030_desktop.domain.preconditions import check_forecast
from sa2030_desktop.domain.selection import Selection
from sa2030_desktop.domain.timeline_layout import (
    TimelineOptions,
    axis_ticks,
    build_layout,
    choose_unit,
)
from sa2030_desktop.messages import format_error
from tests.support.timeline import AS_OF, sections


@pytest.fixture
def snap(make_store):
    return make_store(**sections()).snapshot()


def _goal_rows(layout):
    return [r.key for r in layout.rows if r.kind == "goal"]


def _kinds(layout):
    kinds = {}
    for m in layout.markers:
        kinds[m.kind] = kinds.get(m.kind, 0) + 1
    return kinds


def test_whole_portfolio_grouped_by_ministry(snap):
    layout = build_layout(snap, AS_OF)
    groups = [r.key for r in layout.rows if r.kind == "group"]
    assert groups == ["ministry:MF", "ministry:MI", "ministry:MID"]
    assert _goal_rows(layout) == ["Z4", "Z3", "Z1", "Z2"]
    assert len(layout.rows) == 7
    assert sorted(_goal_rows(layout)) == ["Z1", "Z2", "Z3", "Z4"]
    assert len(layout.markers) == 10
    assert _kinds(layout) == {"baseline": 5, "actual": 2, "forecast": 3}
    assert [(s.milestone, s.days, s.label) for s in layout.slips] == [("Z1-M2", 92, "+92 Tage")]
    assert len(layout.arrows) == 2  # the soft dependency draws no arrow
    conflict = [a for a in layout.arrows if a.conflict]
    assert len(conflict) == 1
    a = conflict[0]
    assert (a.prerequisite, a.dependent, a.from_milestone, a.to_milestone) == (
        "Z1",
        "Z3",
        "Z1-M2",
        "Z3-M1",
    )
    assert a.days == 61 and a.label == "Konflikt: 61 Tage zu spät"
    assert layout.rows[a.from_row].key == "Z1" and layout.rows[a.to_row].key == "Z3"
    assert a.from_x == date(2026, 12, 31).toordinal() and a.to_x == date(2026, 10, 31).toordinal()
    # window padded to whole months around all dates
    assert date.fromordinal(layout.start) == date(2025, 12, 1)
    assert date.fromordinal(layout.end) == date(2026, 12, 31)
    mid = layout.row_of("ministry:MID")
    assert mid.count == 2 and mid.slipped
    assert (date.fromordinal(mid.start), date.fromordinal(mid.end)) == (
        date(2026, 3, 20),
        date(2026, 12, 31),
    )
    assert layout.row_of("Z2").status is Status.DELAYED


def test_filters_change_rows_and_markers(snap):
    mid = build_layout(snap, AS_OF, TimelineOptions(selection=Selection(ministry="MID")))
    assert len(mid.rows) == 3 and len(mid.markers) == 6
    assert len(mid.arrows) == 1 and not mid.arrows[0].conflict  # Z3 is not shown
    assert mid.hidden_arrows == 1
    slipped = build_layout(snap, AS_OF, TimelineOptions(selection=Selection(only_slipped=True)))
    assert _goal_rows(slipped) == ["Z1"] and len(slipped.markers) == 4 and slipped.arrows == []
    by_cat = build_layout(snap, AS_OF, TimelineOptions(group_by="category"))
    assert [r.key for r in by_cat.rows if r.kind == "group"] == [
        "category:VV",
        "category:DI",
        "category:VG",
    ]


def test_time_window_clips_milestones_and_arrows(snap):
    opts = TimelineOptions(date_from=date(2026, 6, 1), date_to=date(2026, 12, 31))
    layout = build_layout(snap, AS_OF, opts)
    assert _goal_rows(layout) == ["Z3", "Z1", "Z2"]  # MI before MID
    assert len(layout.rows) == 5 and len(layout.markers) == 6
    assert {m.milestone for m in layout.markers} == {"Z1-M2", "Z2-M1", "Z3-M1"}
    # Z2 waits on Z1-M1, achieved in March: outside the window, so not drawn
    assert [(a.prerequisite, a.dependent, a.conflict) for a in layout.arrows] == [
        ("Z1", "Z3", True)
    ]
    assert (layout.start, layout.end) == (
        date(2026, 6, 1).toordinal(),
        date(2026, 12, 31).toordinal(),
    )


def test_collapsed_group_is_one_summary_row(snap):
    layout = build_layout(snap, AS_OF, TimelineOptions(collapsed={"ministry:MID"}))
    assert len(layout.rows) == 5 and _goal_rows(layout) == ["Z4", "Z3"]
    assert len(layout.markers) == 4
    # Z1 → Z3 now starts at the MID summary row; Z1 → Z2 lies inside the collapsed group
    (arrow,) = layout.arrows
    assert layout.rows[arrow.from_row].key == "ministry:MID" and arrow.conflict


def test_empty_or_inverted_window(snap):
    with pytest.raises(DomainError) as err:
        build_layout(
            snap, AS_OF, TimelineOptions(date_from=date(2026, 5, 1), date_to=date(2026, 4, 1))
        )
    assert (
        format_error(err.value)
        == "Der Zeitraum ist leer: „von“ (01.05.2026) liegt nach „bis“ (01.04.2026)."
    )
    empty = build_layout(
        snap, AS_OF, TimelineOptions(date_from=date(2031, 1, 1), date_to=date(2031, 12, 31))
    )
    assert empty.goal_count == 0 and empty.rows == [] and empty.markers == []


def test_german_axis_ticks():
    start, end = date(2026, 1, 1).toordinal(), date(2026, 12, 31).toordinal()
    months = axis_ticks(start, end, "month")
    assert [t.label for t in months[:3]] == ["Jan 2026", "Feb", "Mär"] and len(months) == 12
    assert months[9].label == "Okt" and months[11].label == "Dez"
    quarters = axis_ticks(date(2025, 11, 15).toordinal(), end, "quarter")
    assert [t.label for t in quarters] == ["Q1 2026", "Q2 2026", "Q3 2026", "Q4 2026"]
    years = axis_ticks(date(2024, 3, 1).toordinal(), date(2030, 12, 31).toordinal(), "year")
    assert [t.label for t in years] == ["2025", "2026", "2027", "2028", "2029", "2030"]
    assert choose_unit(365, 1400) == "month" and choose_unit(365 * 7, 1400) == "quarter"
    assert choose_unit(365 * 12, 1400) == "year"


def test_forecast_before_achieved_prerequisite_is_refused(snap):
    with pytest.raises(DomainError) as err:
        check_forecast(snap, "Z2-M1", date(2026, 3, 1))
    assert format_error(err.value) == (
        "Die Prognose 01.03.2026 für Z2-M1 liegt vor dem Abschluss des benötigten Meilensteins "
        "Z1-M1 (erreicht am 20.03.2026)."
    )
    check_forecast(snap, "Z2-M1", date(2026, 3, 25))  # after the achievement: fine
    with pytest.raises(DomainError) as err:
        check_forecast(snap, "Z1-M1", date(2026, 5, 1))
    assert "schon erreicht" in format_error(err.value)
