"""Indicator charts for the Umsetzungsbericht: each indicator's measured values against its
target path (domain/indicators.py) as small multiples, twelve panels per page-wide figure
(matplotlib Figure + Agg, never pyplot).

All panels of a figure are drawn into ONE axes, each in its own cell with its own scales:
a matplotlib Axes per panel costs about 0.1 s of tick machinery, and the strategy has 50
indicators. The assessment is written into each panel's title, and the measured points carry a
marker shape per assessment, so that nothing depends on colour alone."""

from __future__ import annotations

from datetime import date, timedelta

from matplotlib.collections import LineCollection
from matplotlib.figure import Figure

from sa2030_desktop.domain.dates import de_short, number_de
from sa2030_desktop.domain.indicators import (
    ASSESSMENT_COLOURS,
    Assessment,
    IndicatorState,
    path_points,
    values_until,
)
from sa2030_desktop.export.briefing.figures import WIDTH_IN

COLUMNS = 3
ROWS = 4
PER_FIGURE = COLUMNS * ROWS  # one portrait page with its caption
CELL_H_IN = 2.05
MARKER = {Assessment.REACHED: "*", Assessment.ON_TRACK: "o", Assessment.BEHIND: "s",
          Assessment.FAR_BEHIND: "X", Assessment.NO_VALUE: "o", Assessment.NO_PATH: "o"}  # fmt: skip
# The plot area inside a cell (cell units 0..1, y downwards): room for title, labels.
LEFT, RIGHT, TOP, BOTTOM = 0.22, 0.95, 0.30, 0.84
FONT = 7.5
TITLE_CHARS = 34  # at most this much of goal and name; then cut with „…“ until the line fits
# the title line's room: from its start (0.04 of a cell) to just before the next panel
TITLE_WIDTH_PT = WIDTH_IN / COLUMNS * 72 * 0.94
# 160 dpi: the smallest type (6.5 pt) is still 14 pixels high; 200 dpi would cost a third more
# time in rasterising and PNG encoding, for a page with up to twelve panels.
DPI = 160
GREY = "#555555"


def indicator_figures(states: list[IndicatorState], as_of: date) -> list[tuple[Figure, str]]:
    """(Figure, caption) pairs, PER_FIGURE indicators each, in the order given."""
    out = []
    chunks = [states[i : i + PER_FIGURE] for i in range(0, len(states), PER_FIGURE)]
    for n, chunk in enumerate(chunks):
        rows = (len(chunk) + COLUMNS - 1) // COLUMNS
        fig = Figure(figsize=(WIDTH_IN, CELL_H_IN * rows))
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_axis_off()
        ax.set_xlim(0, COLUMNS)
        ax.set_ylim(rows, 0)
        # Lines and markers of all panels are gathered and drawn as a few collections: one
        # artist per line would cost more than the drawing itself.
        drawn = _Drawn()
        for i, state in enumerate(chunk):
            _panel(ax, i % COLUMNS, i // COLUMNS, state, as_of, drawn)
        drawn.draw(ax)
        part = f" (Teil {n + 1} von {len(chunks)})" if len(chunks) > 1 else ""
        out.append((fig, f"Indikatoren{part}: Messwerte (Punkte, Form nach Bewertung) gegenüber "
                    "dem Zielpfad (gestrichelt, vom Ausgangs- zum Zielwert, ◇ Zielwert); "
                    f"senkrechte Linie: Stichtag {de_short(as_of)}"))  # fmt: skip
    return out


class _Drawn:
    """Everything of one figure that is drawn as collections, by kind."""

    def __init__(self) -> None:
        self.frames: list = []
        self.paths: list = []
        self.stichtag: list = []
        self.series: list = []
        self.series_colours: list = []
        self.targets: list = []
        self.points: dict[Assessment, list] = {}

    def draw(self, ax) -> None:
        ax.add_collection(LineCollection(self.frames, colors="#BBBBBB", linewidths=0.6))
        ax.add_collection(LineCollection(self.paths, colors=GREY, linewidths=1.1,
                                         linestyles="--"))  # fmt: skip
        ax.add_collection(LineCollection(self.stichtag, colors="#1F3A5F", linewidths=0.8,
                                         linestyles=":"))  # fmt: skip
        ax.add_collection(LineCollection(self.series, colors=self.series_colours,
                                         linewidths=1.2))  # fmt: skip
        if self.targets:
            ax.scatter(*zip(*self.targets, strict=True), marker="D", s=12, c="white",
                       edgecolors="#333333", linewidths=0.7, zorder=3)  # fmt: skip
        for assessment, pts in self.points.items():
            ax.scatter(*zip(*pts, strict=True), marker=MARKER[assessment], s=22,
                       c=ASSESSMENT_COLOURS[assessment], zorder=4)  # fmt: skip


def _panel(ax, col: int, row: int, state: IndicatorState, as_of: date, drawn: _Drawn) -> None:
    ind = state.indicator
    values = values_until(ind, as_of)  # what was measured by the Stichtag, by date
    days = [v.date for v in values] + [as_of]
    days += [d for d in (ind.baseline_date, ind.target_date) if d]
    start, end = min(days), max(days)
    if start == end:
        start, end = start - timedelta(days=30), end + timedelta(days=30)
    path = path_points(ind, start, end)
    numbers = [v.value for v in values] + [v for _, v in path]
    numbers += [v for v in (ind.baseline, ind.target) if v is not None]
    low, high = (min(numbers), max(numbers)) if numbers else (0.0, 1.0)
    if low == high:
        low, high = low - 1, high + 1
    pad = (high - low) * 0.08
    low, high = low - pad, high + pad
    span = (end - start).days

    def x(d: date) -> float:
        return col + LEFT + (RIGHT - LEFT) * (d - start).days / span

    def y(v: float) -> float:
        return row + BOTTOM - (BOTTOM - TOP) * (v - low) / (high - low)

    x0, x1, y0, y1 = col + LEFT, col + RIGHT, row + TOP, row + BOTTOM
    drawn.frames.append([(x0, y1), (x1, y1)])  # the time axis
    drawn.frames.append([(x0, y0), (x0, y1)])  # the value axis
    if path:
        drawn.paths.append([(x(d), y(v)) for d, v in path])
        drawn.targets.append((x(ind.target_date), y(ind.target)))
    if values:
        points = [(x(v.date), y(v.value)) for v in values]
        drawn.series.append(points)
        drawn.series_colours.append(ASSESSMENT_COLOURS[state.assessment])
        drawn.points.setdefault(state.assessment, []).extend(points)
    drawn.stichtag.append([(x(as_of), y0), (x(as_of), y1)])
    title = f"{ind.goal} – {' '.join(ind.name.split())}"
    unit = f" ({ind.unit})" if ind.unit else ""
    ax.text(col + 0.04, row + 0.05, _fitted(title, unit), fontsize=FONT, fontweight="bold",
            va="top", ha="left")  # fmt: skip
    ax.text(col + 0.04, row + 0.155, state.assessment.label, fontsize=FONT, va="top",
            ha="left", color="black")  # fmt: skip
    for v in (low + pad, high - pad):
        ax.text(x0 - 0.02, y(v), number_de(round(v, 2)), fontsize=FONT - 1, ha="right",
                va="center")  # fmt: skip
    for d, ha in ((start, "left"), (end, "right")):
        ax.text(x(d), y1 + 0.03, f"{d.month:02d}/{d.year}", fontsize=FONT - 1, ha=ha, va="top")


def _fitted(title: str, unit: str) -> str:
    """`title` and `unit` on one line within the panel: the title cut with „…“ (the unit kept)
    by the width the bold letters really take – „ZÄ-2 – Anteil Vorgänge digital (2) (%)“ is
    wider than its count of letters suggests."""
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    renderer = RendererAgg(1, 1, 72)  # at 72 dpi a pixel is a point
    font = FontProperties(size=FONT, weight="bold")

    def fits(text: str) -> bool:
        width = renderer.get_text_width_height_descent(text, font, ismath=False)[0]
        return width <= TITLE_WIDTH_PT

    if len(title) <= TITLE_CHARS and fits(title + unit):
        return title + unit
    cut = title[: TITLE_CHARS - 1]
    while len(cut) > 1 and not fits(cut.rstrip() + "…" + unit):
        cut = cut[:-1]
    return cut.rstrip() + "…" + unit
