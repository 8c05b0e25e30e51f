"""The indicator target path and assessment of REPORTING.md, at its boundaries.

The path runs over exactly 100 days from 0 to 100 (or 100 to 0), so the value expected on day k
is k and a gap of −0.10 is a value 10 below the line: the numbers are worked out by hand.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.indicators import (
    Assessment,
    assess,
    expected_value,
    indicator_findings,
    latest_value,
    path_points,
)
from sa2030_desktop.domain.model import Goal, Indicator, IndicatorValue, Portfolio, Status
from sa2030_desktop.domain.preconditions import check_indicator

D0 = date(2026, 1, 1)
D1 = D0 + timedelta(days=100)
DAY50 = D0 + timedelta(days=50)


def rising(*values: tuple[date, float]) -> Indicator:
    return Indicator("Z1", "Quote", "%", 0, D0, 100, D1,
                     [IndicatorValue(d, v) for d, v in values])  # fmt: skip


def falling(*values: tuple[date, float]) -> Indicator:
    return Indicator("Z1", "Bearbeitungsdauer", "Tage", 100, D0, 0, D1,
                     [IndicatorValue(d, v) for d, v in values])  # fmt: skip


def test_expected_value_follows_the_line_and_is_held_outside_it():
    ind = rising()
    assert expected_value(ind, DAY50) == 50
    assert expected_value(ind, D0 - timedelta(days=30)) == 0  # clamped before the baseline
    assert expected_value(ind, D1 + timedelta(days=400)) == 100  # and after the target date
    assert expected_value(falling(), D0 + timedelta(days=30)) == 70


@pytest.mark.parametrize(
    ("value", "assessment"),
    [
        (50, Assessment.ON_TRACK),  # on the line
        (40, Assessment.ON_TRACK),  # g = −0.10 exactly: still auf Kurs
        (39.9, Assessment.BEHIND),  # just below −0.10
        (25, Assessment.BEHIND),  # g = −0.25 exactly: hinter Plan
        (24.9, Assessment.FAR_BEHIND),  # just below −0.25
        (0, Assessment.FAR_BEHIND),
        (99.9, Assessment.ON_TRACK),  # ahead of the line, not yet at the target
        (100, Assessment.REACHED),  # the target reached early
        (130, Assessment.REACHED),  # and passed
    ],
)
def test_rising_indicator_at_the_boundaries(value, assessment):
    state = assess(rising((DAY50, value)), as_of=D1)
    assert state.assessment is assessment
    assert state.expected == 50
    assert state.gap == pytest.approx((value - 50) / 100)


@pytest.mark.parametrize(
    ("value", "assessment"),
    [
        (60, Assessment.ON_TRACK),  # lower is better: 10 above the line is g = −0.10
        (60.1, Assessment.BEHIND),
        (75, Assessment.BEHIND),  # g = −0.25
        (75.1, Assessment.FAR_BEHIND),
        (40, Assessment.ON_TRACK),  # better than the line
        (0, Assessment.REACHED),
        (-3, Assessment.REACHED),
    ],
)
def test_lower_is_better_needs_no_flag(value, assessment):
    assert assess(falling((DAY50, value)), as_of=D1).assessment is assessment


def test_boundary_holds_where_binary_fractions_round():
    # 45 against 55 expected on 0..100 is −0.1000000000000001 in floating point
    ind = rising((D0 + timedelta(days=55), 45))
    assert assess(ind, D1).assessment is Assessment.ON_TRACK
    ind = Indicator("Z1", "Quote", "%", 0.1, D0, 0.4, D1, [IndicatorValue(DAY50, 0.22)])
    assert assess(ind, D1).assessment is Assessment.ON_TRACK  # expected 0.25, g = −0.1


def test_latest_value_on_or_before_the_as_of_date_counts():
    ind = rising((D0 + timedelta(days=20), 20), (DAY50, 10), (D0 + timedelta(days=80), 80))
    assert latest_value(ind, DAY50).value == 10
    assert assess(ind, DAY50).assessment is Assessment.FAR_BEHIND
    assert assess(ind, DAY50 - timedelta(days=1)).assessment is Assessment.ON_TRACK
    assert assess(ind, D1).assessment is Assessment.ON_TRACK  # day 80: 80 expected 80


def test_no_value_and_no_path():
    assert assess(rising(), D1).assessment is Assessment.NO_VALUE
    assert assess(rising((D1, 100)), DAY50).assessment is Assessment.NO_VALUE  # only later
    no_target = Indicator("Z1", "Quote", "%", 0, D0, None, None, [IndicatorValue(DAY50, 5)])
    state = assess(no_target, D1)
    assert state.assessment is Assessment.NO_PATH and state.gap is None
    assert Assessment.NO_VALUE.label == "keine Messung"
    assert Assessment.FAR_BEHIND.label == "deutlich hinter Plan"


def test_path_points_for_a_chart():
    points = path_points(rising(), D0 - timedelta(days=10), D1 + timedelta(days=10))
    assert points == [(D0 - timedelta(days=10), 0), (D0, 0), (D1, 100),
                      (D1 + timedelta(days=10), 100)]  # fmt: skip


def _portfolio(status: Status, *indicators: Indicator) -> Portfolio:
    return Portfolio(goals={"Z1": Goal("Z1", "Ziel", theme="TF01", lead="MID", status=status)},
                     indicators=list(indicators))  # fmt: skip


def test_consistency_finding_only_for_a_goal_on_track_far_behind():
    far = rising((DAY50, 20))
    behind = Indicator("Z1", "Zweite", "%", 0, D0, 100, D1, [IndicatorValue(DAY50, 30)])
    findings = indicator_findings(_portfolio(Status.ON_TRACK, far, behind), D1)
    assert [(f.goal, f.indicator) for f in findings] == [("Z1", "Quote")]
    assert findings[0].gap == pytest.approx(-0.30) and findings[0].expected == 50
    assert indicator_findings(_portfolio(Status.AT_RISK, far), D1) == []
    assert indicator_findings(_portfolio(Status.ON_TRACK, rising()), D1) == []


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"target": 0}, "indicator_target_equals_baseline"),
        ({"target_date": D0}, "indicator_target_date_not_after_baseline"),
        ({"baseline": float("nan")}, "bad_number"),
        ({"values": [IndicatorValue(DAY50, 1), IndicatorValue(DAY50, 2)]}, "indicator_value_twice"),
        ({"values": [IndicatorValue(DAY50, float("inf"))]}, "bad_number"),
    ],
)
def test_an_invalid_path_or_series_is_refused(change, code):
    ind = rising()
    for name, value in change.items():
        setattr(ind, name, value)
    with pytest.raises(DomainError) as exc:
        check_indicator(_portfolio(Status.ON_TRACK), ind)
    assert exc.value.code == code
