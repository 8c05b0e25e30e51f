"""The milestone timeline for briefings: pages drawn at the size they are printed.

The timeline export (export/timeline_figure) draws A4 landscape pages; embedded in a briefing
page with margins, heading and caption they shrink to about two thirds and their 7 pt labels
to under 5 pt. Here every figure is made exactly as large as the box it fills on the page and
embedded 1:1, with 8 pt type at least; the page count follows from the row pitch. The rows,
markers, slips and conflicts come from the shared layout (domain/timeline_layout).
"""

from __future__ import annotations

from datetime import date

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.path import Path as MplPath
from matplotlib.transforms import blended_transform_factory

from sa2030_desktop.domain.grammar import days_de, goals_de
from sa2030_desktop.domain.model import Portfolio
from sa2030_desktop.domain.timeline_axis import axis_ticks, choose_unit
from sa2030_desktop.domain.timeline_layout import (
    ACTUAL,
    BASELINE,
    GROUP_LABELS,
    Row,
    TimelineLayout,
    TimelineOptions,
    build_layout,
)
from sa2030_desktop.export.briefing.measure import covers, family, text_width

TEXT_PT = 8.5  # row labels; nothing in the figure is smaller than MIN_PT
MIN_PT = 8.0
PITCH_IN = 0.2  # row pitch: 14.4 pt for 8.5 pt labels
TOP_IN, BOTTOM_IN = 0.62, 0.34  # legend and upper date labels; lower date labels
LABEL_SHARE = 0.33  # of the width: key, title and status left of the plot
CHECK = MplPath([(-0.5, 0.05), (-0.15, -0.4), (0.55, 0.5)],
                [MplPath.MOVETO, MplPath.LINETO, MplPath.LINETO])  # fmt: skip
COLOURS = {"slip": "#E65100", "slip_text": "#BF360C", "conflict": "#C62828",
           "arrow": "#78909C", "actual": "#2E7D32", "forecast": "#1A237E",
           "band": "#ECEFF1", "asof": "#6A1B9A", "grid": "#D5D5D5"}  # fmt: skip


def fonts(text: str) -> str | list[str]:
    """The measured family; with DejaVu Sans behind it when a glyph is missing (e.g. U+FFFD) –
    only then, since a fallback list makes every text slower to lay out."""
    return family() if covers(text) else [family(), "DejaVu Sans"]


def rows_per_page(height_in: float) -> int:
    return max(6, int((height_in - TOP_IN - BOTTOM_IN) / PITCH_IN))


def paginate(rows: list[Row], per_page: int) -> list[list[tuple[Row, bool]]]:
    """Rows per page; a page starting inside a group repeats the group head („Forts.“)."""
    pages: list[list[tuple[Row, bool]]] = []
    page: list[tuple[Row, bool]] = []
    heads = {r.key: r for r in rows if r.kind == "group"}
    for row in rows:
        full = len(page) >= per_page or (row.kind == "group" and len(page) >= per_page - 1)
        if full:
            pages.append(page)
            page = [(heads[row.group], True)] if row.kind == "goal" else []
        page.append((row, False))
    if page:
        pages.append(page)
    return pages


def timeline_pages(portfolio: Portfolio, as_of: date, box_in: tuple[float, float],
                   group_by: str = "ministry") -> list[tuple[Figure, str]]:  # fmt: skip
    """(Figure, caption) per page, each figure exactly `box_in` wide (inches) and at most as
    high. Empty when no selected goal has a milestone."""
    layout = build_layout(portfolio, as_of, TimelineOptions(group_by=group_by))
    if layout.goal_count == 0:
        return []
    pages = paginate(layout.rows, rows_per_page(box_in[1]))
    what = (f"Zeitplan der Meilensteine nach {GROUP_LABELS[group_by]} "
            f"({goals_de(layout.goal_count)})")  # fmt: skip
    out = []
    for n, rows in enumerate(pages, 1):
        caption = f"{what}, Teil {n} von {len(pages)}" if len(pages) > 1 else what
        out.append((_page(layout, rows, box_in[0]), caption))
    return out


def _page(lay: TimelineLayout, rows: list[tuple[Row, bool]], width_in: float) -> Figure:
    height = TOP_IN + BOTTOM_IN + PITCH_IN * len(rows)
    fig = Figure(figsize=(width_in, height))
    fig.set_facecolor("white")
    font = family()
    left = LABEL_SHARE
    ax = fig.add_axes((left, BOTTOM_IN / height, 0.985 - left, PITCH_IN * len(rows) / height))
    start, end = lay.start - 0.5, lay.end + 0.5
    ax.set_xlim(start, end)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_yticks([])
    for side in ("left", "right"):
        ax.spines[side].set_visible(False)
    local = {row.index: i for i, (row, _c) in enumerate(rows)}
    axes_pt = width_in * (0.985 - left) * 72
    _axis(ax, lay, axes_pt, font)
    label_pt = width_in * (left - 0.02) * 72
    rows_t = blended_transform_factory(fig.transFigure, ax.transData)
    for i, (row, continued) in enumerate(rows):
        y = i
        if row.kind == "group":
            ax.axhspan(i - 0.5, i + 0.5, color=COLOURS["band"], zorder=0, lw=0)
            suffix = " (Forts.)" if continued else f" ({goals_de(row.count)})"
            text = _fit(row.label, label_pt - text_width(suffix, TEXT_PT, True), True) + suffix
            fig.text(0.012, y, text, fontsize=TEXT_PT, fontweight="bold", family=fonts(text),
                     va="center", transform=rows_t)  # fmt: skip
            continue
        status = row.status.label if row.status else ""
        room = label_pt - (text_width(status, TEXT_PT) + 8 if status else 0)
        label = _fit(row.label, room)
        fig.text(0.012, y, label, fontsize=TEXT_PT, family=fonts(label), va="center",
                 transform=rows_t)  # fmt: skip
        if status:
            fig.text(left - 0.008, y, status, fontsize=TEXT_PT, family=font, va="center",
                     ha="right", color="#424242", transform=rows_t)  # fmt: skip
        if row.start is not None:
            ax.plot([max(row.start, lay.start), min(row.end, lay.end)], [y, y], lw=2.2,
                    color="#B0BEC5", zorder=1, solid_capstyle="butt")  # fmt: skip
    _marks(ax, lay, local, font, (end - start) / axes_pt)
    _legend(fig, lay, font)
    return fig


def _fit(text: str, room_pt: float, bold: bool = False) -> str:
    if text_width(text, TEXT_PT, bold) <= room_pt:
        return text
    while text and text_width(text + "…", TEXT_PT, bold) > room_pt:
        text = text[:-1]
    return text.rstrip() + "…"


def _axis(ax, lay: TimelineLayout, axes_pt: float, font: str) -> None:
    unit = choose_unit(lay.end - lay.start, width_px=axes_pt)
    ticks = axis_ticks(lay.start, lay.end, unit)
    for t in ticks:
        ax.axvline(t.x, color="#9E9E9E" if t.major else COLOURS["grid"], lw=0.6, zorder=0.5)
    ax.set_xticks([t.x for t in ticks], [t.label for t in ticks], fontsize=MIN_PT, family=font)
    ax.tick_params(axis="x", top=True, labeltop=True, length=3)
    if unit == "year":  # quarters as unlabelled guides
        for t in axis_ticks(lay.start, lay.end, "quarter"):
            if not t.major:
                ax.axvline(t.x, color="#EEEEEE", lw=0.5, zorder=0.4)
    asof = lay.as_of.toordinal()
    if lay.start <= asof <= lay.end:
        ax.axvline(asof, color=COLOURS["asof"], lw=1.3, ls="--", zorder=3)


def _marks(ax, lay: TimelineLayout, local: dict[int, int], font: str, days_per_pt: float) -> None:
    for s in lay.slips:
        if s.row in local:
            y = local[s.row]
            ax.add_patch(Rectangle((s.start, y - 0.17), s.end - s.start, 0.34, lw=0,
                                   color=COLOURS["slip"], alpha=0.4, zorder=2))  # fmt: skip
            text = f" +{days_de(s.days)} "
            # beside the forecast, or before it where the window (a 31.12.) ends there
            fits = s.end + text_width(text, MIN_PT) * days_per_pt <= lay.end + 0.5
            ax.text(s.end, y - 0.22, text, fontsize=MIN_PT, family=font,
                    color=COLOURS["slip_text"], va="bottom", ha="left" if fits else "right",
                    zorder=6, clip_on=False)  # fmt: skip
    groups = {"b": ([], []), "f": ([], []), "o": ([], []), "a": ([], [])}
    for m in lay.markers:
        if m.row in local:
            kind = "b" if m.kind == BASELINE else "a" if m.kind == ACTUAL else \
                "o" if m.overdue else "f"  # fmt: skip
            groups[kind][0].append(m.x)
            groups[kind][1].append(local[m.row])
    ax.scatter(*groups["b"], s=30, marker="o", facecolors="white", edgecolors="black",
               linewidths=1.0, zorder=4)  # fmt: skip
    ax.scatter(*groups["f"], s=22, marker="o", c=COLOURS["forecast"], zorder=5)
    ax.scatter(*groups["o"], s=26, marker="s", c=COLOURS["conflict"], zorder=5)
    ax.scatter(*groups["a"], s=60, marker=CHECK, facecolors="none", edgecolors=COLOURS["actual"],
               linewidths=1.8, zorder=5)  # fmt: skip
    for a in lay.arrows:
        if a.from_row in local and a.to_row in local:
            colour = COLOURS["conflict"] if a.conflict else COLOURS["arrow"]
            ax.annotate("", xy=(a.to_x, local[a.to_row]), xytext=(a.from_x, local[a.from_row]),
                        arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 1.1 if a.conflict
                                    else 0.7, "shrinkA": 3, "shrinkB": 3, "alpha": 0.85},
                        zorder=3)  # fmt: skip


def _legend(fig: Figure, lay: TimelineLayout, font: str) -> None:
    handles = [
        Line2D([], [], ls="", marker="o", mfc="white", mec="black", label="Basistermin"),
        Line2D([], [], ls="", marker="o", color=COLOURS["forecast"], label="Prognose"),
        Line2D([], [], ls="", marker="s", color=COLOURS["conflict"],
               label="Prognose verstrichen"),
        Line2D([], [], ls="", marker=CHECK, ms=9, mfc="none", mec=COLOURS["actual"], mew=1.8,
               label="Ist"),
        Patch(color=COLOURS["slip"], alpha=0.4, label="Verzug"),
        Line2D([], [], color=COLOURS["arrow"], label="harte Abhängigkeit"),
        Line2D([], [], color=COLOURS["conflict"], label="Terminkonflikt"),
        Line2D([], [], color=COLOURS["asof"], ls="--", label=f"Stichtag {_de(lay.as_of)}"),
    ]  # fmt: skip
    fig.legend(handles=handles, loc="upper center", ncols=len(handles), frameon=False,
               prop={"size": MIN_PT, "family": font}, handlelength=1.6, columnspacing=1.2,
               bbox_to_anchor=(0.5, 1.0))  # fmt: skip


def _de(day: date) -> str:
    return f"{day.day:02d}.{day.month:02d}.{day.year}"
