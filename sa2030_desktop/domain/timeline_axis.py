"""The German date axis of the timeline: month, quarter or year ticks for the visible days.

x is a day (`date.toordinal()`), as in timeline_layout.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sa2030_desktop.domain.dates import MONTHS_DE_SHORT


@dataclass(slots=True)
class Tick:
    x: int
    label: str
    major: bool


UNITS = ("month", "quarter", "year")


def choose_unit(days_visible: int, width_px: float = 1400.0) -> str:
    """Months when a month gets at least ~45 px, else quarters, else years."""
    per_day = width_px / max(days_visible, 1)
    if per_day * 30.4 >= 45:
        return "month"
    if per_day * 91 >= 45:
        return "quarter"
    return "year"


def axis_ticks(start: int, end: int, unit: str) -> list[Tick]:
    """Ticks on month/quarter/year starts in [start, end]; years are major ticks.

    Month labels read „Jan 2026“ at a year start and „Feb“ otherwise; quarters „Q2 2026“.
    """
    first = date.fromordinal(start)
    y, m = first.year, first.month
    ticks: list[Tick] = []
    step = {"month": 1, "quarter": 3, "year": 12}[unit]
    if unit == "quarter":
        m = ((m - 1) // 3) * 3 + 1
    elif unit == "year":
        m = 1
    while True:
        day = date(y, m, 1)
        x = day.toordinal()
        if x > end:
            break
        if x >= start:
            major = m == 1
            if unit == "month":
                label = (
                    f"{MONTHS_DE_SHORT[m - 1]} {y}"
                    if major or not ticks
                    else MONTHS_DE_SHORT[m - 1]
                )
            elif unit == "quarter":
                label = f"Q{(m - 1) // 3 + 1} {y}"
            else:
                label = str(y)
            ticks.append(Tick(x, label, major))
        m += step
        while m > 12:
            m -= 12
            y += 1
    return ticks
