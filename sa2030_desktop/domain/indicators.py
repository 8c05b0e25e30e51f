"""Indicator target path and assessment (REPORTING.md, „Indicator target path“).

An indicator runs from its baseline (v0 at d0) to its target (v1 at d1). The expected value at a
date follows the straight line between the two, held at v0 before d0 and at v1 after d1. The
latest value measured on or before the as-of date is compared with the value expected at the
date it was measured; the gap is a share of the whole way v1 − v0, so that an indicator whose
value should fall („lower is better“) is assessed by the same rule without a flag.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sa2030_desktop.domain.model import Indicator, IndicatorValue, Portfolio, Status

ON_TRACK_LIMIT = -0.10  # g ≥ −0.10: auf Kurs
BEHIND_LIMIT = -0.25  # −0.25 ≤ g < −0.10: hinter Plan; below: deutlich hinter Plan
# Gaps are computed in binary floating point: 45 of 0..100 is −0.1000000000000001 away from 55.
# A user who enters exactly the boundary reads it as on the boundary, so compare with a tolerance
# far below any meaningful difference.
_EPSILON = 1e-9


class Assessment(StrEnum):
    REACHED = "reached"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    FAR_BEHIND = "far_behind"
    NO_VALUE = "no_value"
    NO_PATH = "no_path"

    @property
    def label(self) -> str:
        return ASSESSMENT_LABELS[self]


ASSESSMENT_LABELS = {
    Assessment.REACHED: "erreicht",
    Assessment.ON_TRACK: "auf Kurs",
    Assessment.BEHIND: "hinter Plan",
    Assessment.FAR_BEHIND: "deutlich hinter Plan",
    Assessment.NO_VALUE: "keine Messung",
    Assessment.NO_PATH: "kein Zielpfad",
}
# Shown beside the label (never colour alone), also in charts and exports.
ASSESSMENT_COLOURS = {
    Assessment.REACHED: "#1565C0",
    Assessment.ON_TRACK: "#2E7D32",
    Assessment.BEHIND: "#A67C00",  # the Ampel's colours (contrast ≥ 3:1 on white)
    Assessment.FAR_BEHIND: "#C62828",
    Assessment.NO_VALUE: "#757575",
    Assessment.NO_PATH: "#757575",
}


@dataclass(frozen=True, slots=True)
class IndicatorState:
    """An indicator at an as-of date: its latest value, the expected value then, the gap."""

    indicator: Indicator
    as_of: date
    latest: IndicatorValue | None
    expected: float | None  # at the date of `latest`
    gap: float | None
    assessment: Assessment

    @property
    def key(self) -> tuple[str, str]:
        return self.indicator.goal, self.indicator.name


def path_problem(ind: Indicator) -> str | None:
    """Why a complete target path is invalid (an error code), or None. An indicator without a
    complete path (baseline or target missing) is allowed: it is assessed „kein Zielpfad“."""
    if not has_path(ind):
        return None
    if ind.target == ind.baseline:
        return "indicator_target_equals_baseline"
    if ind.target_date <= ind.baseline_date:  # type: ignore[operator]
        return "indicator_target_date_not_after_baseline"
    return None


def has_path(ind: Indicator) -> bool:
    """Baseline and target both given with their dates."""
    return None not in (ind.baseline, ind.baseline_date, ind.target, ind.target_date)


def _valid_path(ind: Indicator) -> bool:
    return has_path(ind) and path_problem(ind) is None


def expected_value(ind: Indicator, day: date) -> float | None:
    """v0 + (v1 − v0) · clamp((d − d0) / (d1 − d0), 0, 1); None without a valid path."""
    if not _valid_path(ind):
        return None
    v0, v1 = float(ind.baseline), float(ind.target)  # type: ignore[arg-type]
    d0, d1 = ind.baseline_date, ind.target_date
    share = (day - d0).days / (d1 - d0).days  # type: ignore[operator]
    return v0 + (v1 - v0) * min(1.0, max(0.0, share))


def latest_value(ind: Indicator, as_of: date) -> IndicatorValue | None:
    """The value measured last on or before `as_of` (values need not be sorted)."""
    best: IndicatorValue | None = None
    for v in ind.values:
        if v.date <= as_of and (best is None or v.date >= best.date):
            best = v
    return best


def values_until(ind: Indicator, as_of: date) -> list[IndicatorValue]:
    """The values measured on or before `as_of`, by date (what a frozen state keeps)."""
    return sorted((v for v in ind.values if v.date <= as_of), key=lambda v: v.date)


def assess_value(ind: Indicator, value: IndicatorValue | None) -> tuple[float | None, float | None,
                                                                        Assessment]:  # fmt: skip
    """(expected at the value's date, gap, assessment) of one measured value."""
    if value is None:
        return None, None, Assessment.NO_VALUE
    if not _valid_path(ind):
        return None, None, Assessment.NO_PATH
    v0, v1 = float(ind.baseline), float(ind.target)  # type: ignore[arg-type]
    expected = expected_value(ind, value.date)
    assert expected is not None  # a valid path always gives one
    way = v1 - v0
    gap = (value.value - expected) / way
    if (value.value - v1) / way >= -_EPSILON:
        return expected, gap, Assessment.REACHED
    if gap >= ON_TRACK_LIMIT - _EPSILON:
        return expected, gap, Assessment.ON_TRACK
    if gap >= BEHIND_LIMIT - _EPSILON:
        return expected, gap, Assessment.BEHIND
    return expected, gap, Assessment.FAR_BEHIND


def assess(ind: Indicator, as_of: date) -> IndicatorState:
    """The assessment of REPORTING.md with the latest value on or before `as_of`."""
    latest = latest_value(ind, as_of)
    expected, gap, assessment = assess_value(ind, latest)
    return IndicatorState(ind, as_of, latest, expected, gap, assessment)


def assess_all(indicators: Iterable[Indicator], as_of: date) -> list[IndicatorState]:
    return [assess(i, as_of) for i in indicators]


@dataclass(frozen=True, slots=True)
class IndicatorFinding:
    """A goal „im Plan“ whose indicator is „deutlich hinter Plan“ (a consistency finding)."""

    goal: str
    indicator: str
    gap: float
    value: float
    expected: float
    measured: date


def indicator_findings(portfolio: Portfolio, as_of: date) -> list[IndicatorFinding]:
    """Consistency findings of the indicators at `as_of`, by goal key and indicator name."""
    out: list[IndicatorFinding] = []
    for ind in portfolio.indicators:
        goal = portfolio.goals.get(ind.goal)
        if goal is None or goal.status is not Status.ON_TRACK:
            continue
        state = assess(ind, as_of)
        if state.assessment is Assessment.FAR_BEHIND:
            assert state.latest and state.gap is not None and state.expected is not None
            out.append(IndicatorFinding(ind.goal, ind.name, state.gap, state.latest.value,
                                        state.expected, state.latest.date))  # fmt: skip
    return sorted(out, key=lambda f: (f.goal, f.indicator))


def path_points(ind: Indicator, start: date, end: date) -> list[tuple[date, float]]:
    """The target path as a polyline over [start, end] (for charts): flat, slope, flat."""
    if not _valid_path(ind) or end < start:
        return []
    days = sorted({start, end, *(d for d in (ind.baseline_date, ind.target_date)
                                 if start <= d <= end)})  # type: ignore[operator]  # fmt: skip
    return [(d, expected_value(ind, d)) for d in days]  # type: ignore[misc]
