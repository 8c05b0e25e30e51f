"""The milestone timeline as plain geometry: rows, markers, slip bars, dependency arrows
(the date axis: timeline_axis).

One computation feeds both the Qt view (gui/timeline) and the exported figure
(export/timeline_figure), so what a planner sees and what a briefing prints agree.
x is a day (`date.toordinal()`), y a row index counted from the top; drawing code only scales.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sa2030_desktop.domain.conflicts import conflict_of, needed_date, waiting_date
from sa2030_desktop.domain.dates import days_de, de_short
from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.ministries import lead_at
from sa2030_desktop.domain.model import DependencyKind, Milestone, Portfolio, Status
from sa2030_desktop.domain.rules import is_overdue, slip_days
from sa2030_desktop.domain.selection import Selection, natural_key
from sa2030_desktop.domain.timeline_axis import axis_ticks, choose_unit

GROUP_BY = ("ministry", "theme", "category")
GROUP_LABELS = {"ministry": "Ressort", "theme": "Themenfeld", "category": "Zielkategorie"}
BASELINE, FORECAST, ACTUAL = "baseline", "forecast", "actual"


@dataclass(slots=True)
class TimelineOptions:
    selection: Selection | None = None
    date_from: date | None = None
    date_to: date | None = None
    group_by: str = "ministry"
    collapsed: set[str] = field(default_factory=set)  # group ids shown as one summary row


@dataclass(slots=True)
class Row:
    index: int
    kind: str  # "group" | "goal"
    key: str  # group id (e.g. "ministry:MID") or goal key
    label: str
    group: str
    start: int | None = None  # span of the row's dates (ordinal), None when it has none
    end: int | None = None
    status: Status | None = None
    lead: str = ""
    count: int = 0  # goals in a group row
    slipped: bool = False


@dataclass(slots=True)
class Marker:
    row: int
    milestone: str
    goal: str
    kind: str  # baseline | forecast | actual
    x: int
    overdue: bool = False


@dataclass(slots=True)
class SlipBar:
    row: int
    milestone: str
    start: int  # baseline
    end: int  # forecast
    days: int

    @property
    def label(self) -> str:
        return slip_label(self.days)


@dataclass(slots=True)
class Arrow:
    """A hard dependency: from the needed milestone (prerequisite) to the waiting one."""

    dependent: str
    prerequisite: str
    from_row: int
    from_x: int
    from_milestone: str | None
    to_row: int
    to_x: int
    to_milestone: str | None
    conflict: bool
    days: int = 0  # conflict: days the needed date lies after the waiting date

    @property
    def label(self) -> str:
        return f"Konflikt: {days_de(self.days)} zu spät" if self.conflict else ""


@dataclass(slots=True)
class TimelineLayout:
    title: str
    as_of: date
    demo: bool
    group_by: str
    start: int  # visible window (ordinals, inclusive)
    end: int
    rows: list[Row]
    markers: list[Marker]
    slips: list[SlipBar]
    arrows: list[Arrow]
    goal_count: int
    hidden_arrows: int = 0  # hard dependencies not drawn (other goal or a date not shown)

    @property
    def empty(self) -> bool:
        return not any(r.kind == "goal" for r in self.rows) and not self.markers

    @property
    def window_text(self) -> str:
        return f"{de_short(date.fromordinal(self.start))} – {de_short(date.fromordinal(self.end))}"

    def row_of(self, key: str) -> Row | None:
        for row in self.rows:
            if row.key == key:
                return row
        return None

    def ticks(self, unit: str | None = None, start: int | None = None, end: int | None = None):
        s, e = start or self.start, end or self.end
        return axis_ticks(s, e, unit or choose_unit(e - s))


def slip_label(days: int) -> str:
    return f"+{days_de(days)}"


def check_window(date_from: date | None, date_to: date | None) -> None:
    if date_from and date_to and date_from > date_to:
        raise DomainError("empty_time_window", start=de_short(date_from), end=de_short(date_to))


def _ms_dates(ms: Milestone) -> list[date]:
    return [d for d in (ms.baseline, ms.forecast if ms.actual is None else None, ms.actual) if d]


def group_of(portfolio: Portfolio, goal, group_by: str, as_of: date) -> tuple[str, str, tuple]:
    """(group id, German label, sort key) of a goal."""
    if group_by == "theme":
        theme = portfolio.themes.get(goal.theme)
        name = theme.name if theme else ""
        return (
            f"theme:{goal.theme}",
            f"{goal.theme} {name}".strip(),
            (theme.sort if theme else 0, natural_key(goal.theme)),
        )
    if group_by == "category":
        code = portfolio.category_of(goal)
        cat = portfolio.categories.get(code)
        return (
            f"category:{code}",
            f"{code} {cat.name if cat else ''}".strip(),
            (cat.sort if cat else 0, code),
        )
    if group_by != "ministry":
        raise DomainError("bad_value", field="group_by", value=group_by)
    code = lead_at(portfolio, goal, as_of)
    ministry = portfolio.ministries.get(code)
    order = list(portfolio.ministries).index(code) if code in portfolio.ministries else 999
    return f"ministry:{code}", f"{code} – {ministry.name}" if ministry else code, (order, code)


def build_layout(
    portfolio: Portfolio, as_of: date, options: TimelineOptions | None = None
) -> TimelineLayout:
    """Rows grouped per options.group_by, markers, slip bars and hard-dependency arrows.

    With a time window, only goals with a milestone date (or slip) inside it are shown and
    everything outside is clipped away; an inverted window raises `empty_time_window`.
    """
    options = options or TimelineOptions()
    check_window(options.date_from, options.date_to)
    selection = options.selection or Selection()
    keys = selection.apply(portfolio, as_of)
    lo = options.date_from.toordinal() if options.date_from else None
    hi = options.date_to.toordinal() if options.date_to else None

    def inside(day: date) -> bool:
        o = day.toordinal()
        return (lo is None or o >= lo) and (hi is None or o <= hi)

    goal_ms: dict[str, list[Milestone]] = {}
    for key in keys:
        items = portfolio.milestones_of(key)
        if lo is not None or hi is not None:
            items = [
                m for m in items if any(inside(d) for d in _ms_dates(m)) or _slip_crosses(m, lo, hi)
            ]
            if not items:
                continue
        goal_ms[key] = items

    groups: dict[str, tuple[str, tuple, list[str]]] = {}
    for key in goal_ms:
        gid, label, order = group_of(portfolio, portfolio.goals[key], options.group_by, as_of)
        groups.setdefault(gid, (label, order, []))[2].append(key)

    rows: list[Row] = []
    markers: list[Marker] = []
    slips: list[SlipBar] = []
    row_of_goal: dict[str, int] = {}
    all_x: list[int] = []
    for gid, (label, _order, members) in sorted(groups.items(), key=lambda kv: kv[1][1]):
        group_row = Row(len(rows), "group", gid, label, gid, count=len(members))
        rows.append(group_row)
        collapsed = gid in options.collapsed
        for key in members:
            goal = portfolio.goals[key]
            xs = [d.toordinal() for m in goal_ms[key] for d in _ms_dates(m)]
            all_x.extend(xs)
            slipped = any(slip_days(m) > 0 for m in goal_ms[key])
            group_row.slipped |= slipped
            if xs:
                group_row.start = (
                    min(xs) if group_row.start is None else min(group_row.start, min(xs))
                )
                group_row.end = max(xs) if group_row.end is None else max(group_row.end, max(xs))
            if collapsed:
                row_of_goal[key] = group_row.index
                continue
            row = Row(
                len(rows),
                "goal",
                key,
                f"{key} {goal.title}",
                gid,
                min(xs, default=None),
                max(xs, default=None),
                goal.status,
                lead_at(portfolio, goal, as_of),
                slipped=slipped,
            )
            rows.append(row)
            row_of_goal[key] = row.index
            for m in goal_ms[key]:
                _add_milestone(markers, slips, row.index, m, as_of)

    start, end = _window(all_x, lo, hi, as_of)
    markers = [m for m in markers if start <= m.x <= end]
    for s in slips:
        s.start, s.end = max(s.start, start), min(s.end, end)
    arrows, hidden = _arrows(portfolio, row_of_goal, start, end)
    return TimelineLayout(
        title=portfolio.info.title,
        as_of=as_of,
        demo=portfolio.info.demo,
        group_by=options.group_by,
        start=start,
        end=end,
        rows=rows,
        markers=markers,
        slips=[s for s in slips if s.end > s.start],
        arrows=arrows,
        goal_count=len(goal_ms),
        hidden_arrows=hidden,
    )


def _slip_crosses(ms: Milestone, lo: int | None, hi: int | None) -> bool:
    days = slip_days(ms)
    if not days:
        return False
    b, f = ms.baseline.toordinal(), ms.forecast.toordinal()
    return (lo is None or f >= lo) and (hi is None or b <= hi)


def _add_milestone(markers, slips, row: int, m: Milestone, as_of: date) -> None:
    if m.baseline:
        markers.append(Marker(row, m.key, m.goal, BASELINE, m.baseline.toordinal()))
    if m.actual:
        markers.append(Marker(row, m.key, m.goal, ACTUAL, m.actual.toordinal()))
    elif m.forecast:
        markers.append(
            Marker(
                row, m.key, m.goal, FORECAST, m.forecast.toordinal(), overdue=is_overdue(m, as_of)
            )
        )
    days = slip_days(m)
    if days:
        slips.append(SlipBar(row, m.key, m.baseline.toordinal(), m.forecast.toordinal(), days))


def _window(xs: list[int], lo: int | None, hi: int | None, as_of: date) -> tuple[int, int]:
    """The explicit window, else all dates (and the Stichtag) padded to whole months."""
    if lo is not None and hi is not None:
        return lo, hi
    pool = xs or [as_of.toordinal()]
    first = date.fromordinal(min(min(pool), as_of.toordinal()))
    last = date.fromordinal(max(max(pool), as_of.toordinal()))
    start = lo if lo is not None else date(first.year, first.month, 1).toordinal()
    nxt = date(last.year + (last.month == 12), last.month % 12 + 1, 1)
    end = hi if hi is not None else nxt.toordinal() - 1
    return start, max(end, start)


def _arrows(portfolio: Portfolio, row_of_goal: dict[str, int], start: int, end: int):
    arrows: list[Arrow] = []
    hidden = 0
    for dep in portfolio.dependencies:
        if dep.kind is not DependencyKind.HARD:
            continue
        if dep.dependent not in row_of_goal or dep.prerequisite not in row_of_goal:
            hidden += 1
            continue
        needed, needed_ms = needed_date(portfolio, dep)
        waiting, waiting_ms = waiting_date(portfolio, dep)
        if needed is None or waiting is None:
            continue
        fx, tx = needed.toordinal(), waiting.toordinal()
        from_row, to_row = row_of_goal[dep.prerequisite], row_of_goal[dep.dependent]
        if not (start <= fx <= end and start <= tx <= end) or from_row == to_row:
            hidden += 1  # an end outside the window, or both inside one collapsed group
            continue
        conflict = conflict_of(portfolio, dep)
        arrows.append(
            Arrow(
                dep.dependent,
                dep.prerequisite,
                from_row,
                fx,
                needed_ms,
                to_row,
                tx,
                waiting_ms,
                conflict is not None,
                conflict.days if conflict else 0,
            )
        )
    return arrows, hidden
