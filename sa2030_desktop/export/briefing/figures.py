"""Charts for the briefings (matplotlib Figure + Agg, never pyplot), embedded as 200 dpi PNG.

The dependency graph and the timeline come from `export.graph_figure` / `export.timeline_figure`
when those modules are installed; otherwise simple charts of our own stand in.
"""

from __future__ import annotations

import importlib
import io
from collections import Counter
from datetime import date

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import MaxNLocator

from sa2030_desktop.domain.model import STATUS_COLOURS, STATUS_ORDER, DependencyKind, Status
from sa2030_desktop.domain.rules import slip_days
from sa2030_desktop.domain.selection import natural_key
from sa2030_desktop.export.briefing.context import BriefingContext

DPI = 200
WIDTH_IN = 6.3  # about the text width of an A4 page with 2.5/2.0 cm margins
WIDE_IN = 10.0  # landscape pages (graph and timeline)
HEIGHT_IN = 5.3
# A second cue besides the colour (print in black and white, colour-blind readers).
SYMBOL = {Status.NOT_STARTED: "○", Status.ON_TRACK: "", Status.DELAYED: "!",
          Status.AT_RISK: "!!", Status.DONE: "✓"}  # fmt: skip
HATCH = {Status.NOT_STARTED: "", Status.ON_TRACK: "", Status.DELAYED: "//",
         Status.AT_RISK: "xx", Status.DONE: ".."}  # fmt: skip
_FONT = {"font.size": 8.5, "font.family": "DejaVu Sans"}


def png_of(fig: Figure, box_in: tuple[float, float] | None = None,
           dpi: int = DPI) -> tuple[bytes, tuple[int, int]]:  # fmt: skip
    """PNG of `fig` at `dpi` (200) of its printed size: a figure larger than the box it is
    shrunk into (inches) is rendered with fewer pixels, since more would not be seen on paper."""
    if fig.canvas is None or not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)
    w, h = fig.get_size_inches()
    if box_in:
        dpi = max(72, round(dpi * min(1.0, box_in[0] / w, box_in[1] / h)))
    buf = io.BytesIO()
    # Fast zlib level: the PNGs are re-compressed inside the .docx zip anyway.
    fig.savefig(buf, format="png", dpi=dpi, facecolor="white", pil_kwargs={"compress_level": 1})
    return buf.getvalue(), (int(w * dpi), int(h * dpi))


def _external(module: str, name: str):
    try:
        return getattr(importlib.import_module(f"sa2030_desktop.export.{module}"), name)
    except (ImportError, AttributeError):
        return None


def ampel_by_ministry(ctx: BriefingContext) -> Figure:
    """Stacked bars: goals per lead ministry and status, counts written into the bars."""
    rows = [(code, counts) for code, counts in ctx.analysis.by_lead.items() if counts["total"]]
    rows.sort(key=lambda r: r[0], reverse=True)  # alphabetical from the top
    fig = Figure(figsize=(WIDTH_IN, 1.1 + 0.32 * max(len(rows), 1)), layout="constrained")
    ax = fig.add_subplot()
    labels = [code for code, _ in rows]
    left = [0] * len(rows)
    for status in STATUS_ORDER:
        values = [counts[status.value] for _, counts in rows]
        bars = ax.barh(labels, values, left=left, color=STATUS_COLOURS[status],
                       hatch=HATCH[status], edgecolor="white", linewidth=0.6,
                       label=status.label)  # fmt: skip
        text_colour = "black" if status in (Status.NOT_STARTED, Status.DELAYED) else "white"
        for bar, v in zip(bars, values, strict=True):
            if v:
                ax.text(bar.get_x() + bar.get_width() / 2, bar.get_y() + bar.get_height() / 2,
                        str(v), ha="center", va="center", fontsize=8.5, color=text_colour,
                        fontweight="bold", bbox={"boxstyle": "round,pad=0.15", "lw": 0,
                                                 "fc": STATUS_COLOURS[status]})  # fmt: skip
        left = [a + b for a, b in zip(left, values, strict=True)]
    for y, total in enumerate(left):
        ax.text(total + 0.2, y, f"{total}", va="center", fontsize=8.5)
    ax.set_xlabel("Anzahl Ziele (federführend)")
    ax.set_xlim(0, max(left, default=1) * 1.08 + 0.5)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts: 0, 1, 2 … never 0.5
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(ncols=5, loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False, fontsize=8.5)
    ax.tick_params(labelsize=8.5)
    return fig


LARGE = 60  # from this many goals the figures aggregate by ministry
MAX_GRAPH_IN = 22.0  # a wider graph would shrink its labels below 5 pt on a landscape page


def graph_figures(ctx: BriefingContext) -> list[tuple[Figure, str]]:
    """The dependency graph: goal by goal for small selections, ministries for large ones
    (a page cannot show hundreds of goals readably)."""
    if len(ctx.keys) > LARGE:
        return [(_ministry_matrix(ctx), "Abhängigkeiten zwischen den Ressorts: Anzahl der "
                 "Abhängigkeiten, mit denen Ziele des Zeilenressorts Ziele des Spaltenressorts "
                 "benötigen (Diagonale: innerhalb eines Ressorts)")]  # fmt: skip
    external = _external("graph_figure", "graph_figure")
    if external is not None:
        try:
            from sa2030_desktop.domain.graph_view import GraphOptions

            fig = external(ctx.selected, ctx.as_of, GraphOptions(swimlanes="lead"))
            if max(fig.get_size_inches()) <= MAX_GRAPH_IN:
                return [(fig, "Abhängigkeiten der ausgewählten Ziele, nach federführendem Ressort")]
        except Exception:  # noqa: BLE001 – a failing optional figure must not stop the briefing
            pass
    return [(_goal_graph(ctx), "Abhängigkeiten der ausgewählten Ziele (Pfeil: wird benötigt "
             "von; durchgezogen: hart, gestrichelt: weich)")]  # fmt: skip


def timeline_figures(ctx: BriefingContext, box_in: tuple[float, float]) -> list[tuple[Figure, str]]:
    """The milestone timeline drawn for the page box (inches) it fills, 8 pt type at least: one
    row per goal over as many pages as needed, or counts per quarter for large selections."""
    if len(ctx.keys) > LARGE:
        return [(_quarter_timeline(ctx), "Meilensteine je Quartal: Basistermin und Prognose")]
    from sa2030_desktop.export.briefing.timeline_chart import timeline_pages

    pages = timeline_pages(ctx.selected, ctx.as_of, box_in)
    if pages:
        return pages
    return [(_goal_timeline(ctx), "Zeitplan: Basistermin (◇), Prognose (●, rot bei Verzug), "
             "Ist (✓); senkrechte Linie: Stichtag")]  # fmt: skip


def _goal_graph(ctx: BriefingContext) -> Figure:
    import networkx as nx

    sub = ctx.analysis.graph
    generations = list(nx.topological_generations(sub)) if sub.number_of_nodes() else []
    pos = {}
    for x, layer in enumerate(generations):
        layer = sorted(layer, key=natural_key)
        for y, key in enumerate(layer):
            pos[key] = (x, -(y - (len(layer) - 1) / 2))
    tallest = max((len(layer) for layer in generations), default=1)
    fig = Figure(figsize=(WIDE_IN, min(HEIGHT_IN, 1.0 + 0.42 * tallest)), layout="constrained")
    ax = fig.add_subplot()
    ax.set_axis_off()
    for u, v, data in sub.edges(data=True):
        dep = data.get("dep")
        soft = dep is not None and dep.kind is DependencyKind.SOFT
        ax.annotate("", xy=pos[v], xytext=pos[u],
                    arrowprops={"arrowstyle": "-|>", "color": "#555555", "lw": 0.8,
                                "linestyle": "--" if soft else "-", "shrinkA": 14, "shrinkB": 14})  # fmt: skip
    for key, (x, y) in pos.items():
        status = ctx.portfolio.goals[key].status
        light = status in (Status.NOT_STARTED, Status.DELAYED)
        label = f"{key} {SYMBOL[status]}".strip()
        ax.text(x, y, label, ha="center", va="center", fontsize=8.5, fontweight="bold",
                color="black" if light else "white",
                bbox={"boxstyle": "round,pad=0.3", "fc": STATUS_COLOURS[status],
                      "ec": "#333333", "lw": 0.5})  # fmt: skip
    xs = [p[0] for p in pos.values()] or [0]
    ys = [p[1] for p in pos.values()] or [0]
    ax.set_xlim(min(xs) - 0.6, max(xs) + 0.6)
    ax.set_ylim(min(ys) - 0.6, max(ys) + 0.6)
    _status_legend(ax)
    return fig


def _ministry_matrix(ctx: BriefingContext) -> Figure:
    """Dependencies between lead ministries as a matrix: row needs column, count in the cell.
    Readable at any portfolio size, unlike hundreds of crossing arrows."""
    leads = ctx.analysis.leads
    chosen = set(ctx.keys)
    counts = Counter()
    for d in ctx.portfolio.dependencies:
        if d.dependent in chosen and d.prerequisite in chosen:
            counts[(leads.get(d.dependent), leads.get(d.prerequisite))] += 1
    codes = [c for c in sorted(ctx.analysis.by_lead) if ctx.analysis.by_lead[c]["total"]]
    n = len(codes)
    grid = [[counts[(r, c)] for c in codes] for r in codes]
    top = max((v for row in grid for v in row), default=1) or 1
    side = min(HEIGHT_IN, 1.4 + 0.42 * n)
    fig = Figure(figsize=(WIDE_IN, side), layout="constrained")
    ax = fig.add_subplot()
    ax.imshow(grid, cmap="Blues", vmin=0, vmax=top * 1.15, aspect="equal")
    for i in range(n):
        for j in range(n):
            v = grid[i][j]
            if v:
                ax.text(j, i, str(v), ha="center", va="center", fontsize=8.5,
                        fontweight="bold" if i != j else "normal",
                        color="white" if v > top * 0.55 else "#1F3A5F")  # fmt: skip
    ax.set_xticks(range(n), codes, fontsize=8.5)
    ax.set_yticks(range(n), codes, fontsize=8.5)
    ax.xaxis.tick_top()
    ax.xaxis.set_label_position("top")
    ax.set_xlabel("… benötigt Ziele von (federführendes Ressort)", fontsize=8.5)
    ax.set_ylabel("Ziele von … (federführend)", fontsize=8.5)
    ax.tick_params(length=0)
    for i in range(n):  # the diagonal: dependencies inside one ministry
        ax.add_patch(Rectangle((i - 0.5, i - 0.5), 1, 1, fill=False, ec="#9E9E9E", lw=0.8, ls=":"))
    return fig


def _goal_timeline(ctx: BriefingContext) -> Figure:
    keys = ctx.keys
    fig = Figure(figsize=(WIDE_IN, min(HEIGHT_IN, 1.2 + 0.16 * len(keys))), layout="constrained")
    ax = fig.add_subplot()
    for row, key in enumerate(keys):
        y = len(keys) - 1 - row
        items = ctx.portfolio.milestones_of(key)
        days = [d for m in items for d in (m.baseline, m.forecast, m.actual) if d]
        if days:
            ax.plot([min(days), max(days)], [y, y], color="#BBBBBB", lw=1.2, zorder=1)
        for m in items:
            if m.baseline:
                ax.plot(m.baseline, y, marker="D", ms=4, mfc="white", mec="#333333", zorder=2)
            if m.actual:
                ax.plot(m.actual, y, marker="$✓$", ms=7, color="#1565C0", zorder=3)
            elif m.forecast:
                colour = "#C62828" if slip_days(m) else "#2E7D32"
                ax.plot(m.forecast, y, marker="o", ms=4.5, color=colour, zorder=3)
    ax.axvline(ctx.as_of, color="#1F3A5F", lw=1, ls=":")
    ax.set_yticks(range(len(keys)), list(reversed(keys)), fontsize=8.5)
    ax.tick_params(axis="x", labelsize=8.5)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="x", color="#EEEEEE")
    _date_axis(ax)
    return fig


def _quarter_timeline(ctx: BriefingContext) -> Figure:
    def quarter(d: date) -> tuple[int, int]:
        return d.year, (d.month - 1) // 3 + 1

    base, fore = Counter(), Counter()
    for m in ctx.selected.milestones.values():
        if m.baseline:
            base[quarter(m.baseline)] += 1
        if m.actual or m.forecast:
            fore[quarter(m.actual or m.forecast)] += 1
    quarters = sorted(set(base) | set(fore))
    labels = [f"Q{q}/{str(y)[2:]}" for y, q in quarters]
    fig = Figure(figsize=(WIDE_IN, 3.6), layout="constrained")
    ax = fig.add_subplot()
    xs = range(len(quarters))
    ax.bar([x - 0.2 for x in xs], [base[q] for q in quarters], 0.4, color="#9FB3C8",
           label="Basistermin")  # fmt: skip
    ax.bar([x + 0.2 for x in xs], [fore[q] for q in quarters], 0.4, color="#1F3A5F",
           hatch="//", edgecolor="white", label="Prognose bzw. Ist")  # fmt: skip
    ax.set_xticks(list(xs), labels, rotation=90 if len(labels) > 14 else 0, fontsize=8.5)
    ax.set_ylabel("Meilensteine")
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False, fontsize=8.5)
    return fig


def _date_axis(ax) -> None:
    import matplotlib.dates as mdates

    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 7)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%m/%Y"))


def _status_legend(ax) -> None:
    handles = [Patch(fc=STATUS_COLOURS[s], ec="#333333", label=f"{s.label} {SYMBOL[s]}".strip())
               for s in STATUS_ORDER]  # fmt: skip
    ax.legend(handles=handles, ncols=5, loc="lower center", bbox_to_anchor=(0.5, 1.0),
              frameon=False, fontsize=8.5)  # fmt: skip
