"""Drawing one page of the exported timeline: a Figure that is built once and then shows page
after page.

Everything every page shares (title, legend, date axis, grid, Stichtag) is drawn once in
`PagePainter.__init__`; `show(rows, page_no)` swaps only the rows of a page in and out. Each kind
of mark is one collection per page (PERFORMANCE.md); all labels of a page are a few `TextBatch`
artists (see timeline_text) instead of hundreds of Text artists.
"""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.path import Path as MplPath
from matplotlib.transforms import blended_transform_factory

from sa2030_desktop.domain.dates import de_long, de_short
from sa2030_desktop.domain.grammar import goals_de
from sa2030_desktop.domain.timeline_axis import axis_ticks, choose_unit
from sa2030_desktop.domain.timeline_layout import (
    ACTUAL,
    BASELINE,
    FORECAST,
    GROUP_LABELS,
    Row,
    TimelineLayout,
)
from sa2030_desktop.export.timeline_text import SLACK, Label, TextBatch, font

PAGE_SIZE = (11.69, 8.27)  # A4 landscape, inches
AX_RECT = (0.31, 0.13, 0.665, 0.74)
LABEL_X, STATUS_X = 0.015, 0.302  # the label column (figure fraction): keys left, status right
MIN_ROWS = 14  # a short single page keeps readable row heights
COLOURS = {
    "slip": "#E65100",
    "slip_text": "#BF360C",
    "conflict": "#C62828",
    "arrow": "#546E7A",
    "actual": "#2E7D32",
    "forecast": "#1A237E",
    "span": "#B0BEC5",
    "group": "#455A64",
    "band": "#ECEFF1",
    "asof": "#6A1B9A",
}
CHECK = MplPath(
    [(-0.5, 0.05), (-0.15, -0.4), (0.55, 0.5)], [MplPath.MOVETO, MplPath.LINETO, MplPath.LINETO]
)
LABEL, GROUP, SMALL = font(7), font(8, "bold"), font(6)
TICK, HEAD, TITLE, DEMO = font(7), font(8.5), font(13, "bold"), font(10, "bold")


@dataclass(slots=True)
class PageRow:
    row: Row
    label: str
    continued: bool = False  # a group header repeated at the top of a page („Forts.“)


def row_labels(rows: list[PageRow], y0: float = 0.0) -> list[Label]:
    """Key and title left, status right-aligned at the column edge; cut by width, not chars."""
    column = (STATUS_X - LABEL_X) * PAGE_SIZE[0] * 72  # points
    out: list[Label] = []
    for i, pr in enumerate(rows):
        r, y = pr.row, y0 + i
        if r.kind == "group":
            count = "1 Ziel" if r.count == 1 else f"{r.count} Ziele"
            suffix = " (Forts.)" if pr.continued else f" ({count})"
            text = GROUP.fit(r.label, column - GROUP.width(suffix) * SLACK) + suffix
            out.append(Label(LABEL_X, y, text, GROUP))
            continue
        status = r.status.label if r.status else ""
        room = column - (LABEL.width(status) * SLACK + 8 if status else 0)
        out.append(Label(LABEL_X, y, LABEL.fit(pr.label, room), LABEL))
        if status:
            out.append(Label(STATUS_X, y, status, LABEL, "#424242", ha="right"))
    return out


def batch_texts(fig: Figure, gid: str) -> list[str]:
    """The texts of a page's TextBatch: "rows" (labels column), "axis" (dates below the plot,
    then the Stichtag), for tests and checks."""
    batches = [a for a in fig.artists if isinstance(a, TextBatch) and a.get_gid() == gid]
    texts = [lb.text for b in batches for lb in b.labels]
    return texts[0::2] if gid == "axis" else texts  # each date is drawn below and above


class PagePainter:
    def __init__(self, layout: TimelineLayout, pages: int, rows_per_page: int) -> None:
        self.layout = layout
        self.pages = pages
        self.fig = fig = Figure(figsize=PAGE_SIZE)
        FigureCanvasAgg(fig)
        self.ax = ax = fig.add_axes(AX_RECT)
        self.start, self.end = layout.start - 0.5, layout.end + 0.5
        ax.set_xlim(self.start, self.end)
        self.shown = rows_per_page if pages > 1 else None
        self._page: list = []
        self._axis()
        self._frame()

    def show(self, rows: list[PageRow], page_no: int) -> Figure:
        """The figure showing one page (the previous page's marks are removed)."""
        for artist in self._page:
            artist.remove()
        self._page = []
        shown = self.shown or max(len(rows), MIN_ROWS)
        self.ax.set_ylim(shown - 0.5, -0.5)
        self.page_label.text = f"Seite {page_no} von {self.pages}"
        self._rows(rows)
        return self.fig

    # -- per page --------------------------------------------------------------------------------
    def _add(self, artist):
        self._page.append(artist)
        return artist

    def _rows(self, rows: list[PageRow]) -> None:
        ax, lay = self.ax, self.layout
        start, end = self.start, self.end
        local = {pr.row.index: i for i, pr in enumerate(rows)}
        bands, spans, summaries = [], [], []
        for i, pr in enumerate(rows):
            r = pr.row
            if r.kind == "group":
                bands.append([(start, i - 0.5), (end, i - 0.5), (end, i + 0.5), (start, i + 0.5)])
            if r.start is not None:
                lo, hi = max(r.start, lay.start), min(r.end, lay.end)
                if hi >= lo:
                    h = 0.16 if r.kind == "group" else 0.06
                    box = [(lo, i - h), (hi, i - h), (hi, i + h), (lo, i + h)]
                    (summaries if r.kind == "group" else spans).append(box)
        poly = PolyCollection
        self._add(
            ax.add_collection(poly(bands, facecolors=COLOURS["band"], edgecolors="none", zorder=0))
        )
        self._add(
            ax.add_collection(poly(spans, facecolors=COLOURS["span"], edgecolors="none", zorder=1))
        )
        self._add(
            ax.add_collection(
                poly(
                    summaries, facecolors=COLOURS["group"], edgecolors="none", alpha=0.55, zorder=1
                )
            )
        )
        slips = [s for s in lay.slips if s.row in local]
        bars = [
            [(s.start, y - 0.13), (s.end, y - 0.13), (s.end, y + 0.13), (s.start, y + 0.13)]
            for s in slips
            for y in (local[s.row],)
        ]
        self._add(
            ax.add_collection(
                poly(bars, facecolors=COLOURS["slip"], edgecolors="none", alpha=0.45, zorder=2)
            )
        )
        self._markers(local)
        self._arrows(local)
        texts = [
            Label((s.start + s.end) / 2, local[s.row] - 0.2, s.label, SMALL,
                  COLOURS["slip_text"], ha="center", va="bottom")
            for s in slips
        ]  # fmt: skip
        for a in lay.arrows:  # conflicts: a text cue beside the waiting milestone
            if a.conflict and a.to_row in local:
                text = (
                    a.label if a.from_row in local else f"{a.label} (wartet auf {a.from_milestone})"
                )
                texts.append(
                    Label(a.to_x, local[a.to_row], text, SMALL, COLOURS["conflict"], dx=6, box=True)
                )
        self._add(self._batch(texts, ax.transData))
        labels = TextBatch(
            row_labels(rows), blended_transform_factory(self.fig.transFigure, ax.transData)
        )
        labels.set_gid("rows")
        self._add(self.fig.add_artist(labels))

    def _batch(self, labels: list[Label], transform) -> TextBatch:
        batch = TextBatch(labels, transform)
        batch.set_clip_on(False)
        return self.ax.add_artist(batch)

    def _markers(self, local: dict[int, int]) -> None:
        by_kind: dict[str, tuple[list, list]] = {k: ([], []) for k in ("b", "f", "o", "a")}
        for m in self.layout.markers:
            if m.row in local:
                kind = {BASELINE: "b", ACTUAL: "a", FORECAST: "o" if m.overdue else "f"}[m.kind]
                by_kind[kind][0].append(m.x)
                by_kind[kind][1].append(local[m.row])
        ax = self.ax
        self._add(
            ax.scatter(*by_kind["b"], s=42, marker="o", facecolors="white", edgecolors="black",
                       linewidths=1.1, zorder=4)
        )  # fmt: skip
        self._add(ax.scatter(*by_kind["f"], s=20, marker="o", c=COLOURS["forecast"], zorder=5))
        self._add(ax.scatter(*by_kind["o"], s=26, marker="s", c=COLOURS["conflict"], zorder=5))
        self._add(
            ax.scatter(*by_kind["a"], s=60, marker=CHECK, facecolors="none",
                       edgecolors=COLOURS["actual"], linewidths=2.0, zorder=5)
        )  # fmt: skip

    def _arrows(self, local: dict[int, int]) -> None:
        for conflict in (False, True):
            items = [
                a
                for a in self.layout.arrows
                if a.conflict is conflict
                and a.from_row in local
                and a.to_row in local
                and a.from_row != a.to_row
            ]
            if not items:
                continue
            self._add(
                self.ax.quiver(
                    [a.from_x for a in items],
                    [local[a.from_row] for a in items],
                    [a.to_x - a.from_x for a in items],
                    [local[a.to_row] - local[a.from_row] for a in items],
                    angles="xy",
                    scale_units="xy",
                    scale=1,
                    width=0.0016 if not conflict else 0.0022,
                    headwidth=5,
                    headlength=6,
                    headaxislength=5,
                    color=COLOURS["conflict" if conflict else "arrow"],
                    alpha=0.8,
                    zorder=3,
                )
            )

    # -- shared by all pages (drawn once, fixed positions, no text measured) ---------------------
    def _axis(self) -> None:
        ax, lay = self.ax, self.layout
        unit = choose_unit(lay.end - lay.start, width_px=AX_RECT[2] * PAGE_SIZE[0] * 72)
        self.ticks = ticks = axis_ticks(lay.start, lay.end, unit)
        ax.set_xticks([t.x for t in ticks], [])  # labels: a TextBatch below and above the plot
        ax.tick_params(axis="x", top=True, labelbottom=False)
        ax.set_yticks([])
        along = blended_transform_factory(ax.transData, ax.transAxes)
        labels = [
            Label(t.x, y, t.label, TICK, "#000000", ha="center", va=va, dy=dy)
            for t in ticks
            for y, va, dy in ((0, "top", -7), (1, "bottom", 7))  # below and above the plot
        ]
        ax.add_collection(
            LineCollection(
                [[(t.x, 0), (t.x, 1)] for t in ticks],
                colors=["#9E9E9E" if t.major else "#E0E0E0" for t in ticks],
                linewidths=0.6,
                zorder=0.5,
                transform=along,
            )
        )
        asof = lay.as_of.toordinal()
        if lay.start <= asof <= lay.end:
            ax.axvline(asof, color=COLOURS["asof"], linewidth=1.4, linestyle="--", zorder=3)
            labels.append(
                Label(asof, -0.06, f" Stichtag {de_short(lay.as_of)}", TICK, COLOURS["asof"],
                      va="top", box=True)
            )  # fmt: skip
        self._static(labels, along).set_gid("axis")
        for spine in ("left", "right"):
            ax.spines[spine].set_visible(False)

    def _static(self, labels: list[Label], transform) -> TextBatch:
        batch = TextBatch(labels, transform, zorder=7)
        batch.set_clip_on(False)
        return self.fig.add_artist(batch)

    def _frame(self) -> None:
        fig, lay = self.fig, self.layout
        sub = (
            f"Meilensteinplan · Stichtag {de_long(lay.as_of)} · gruppiert nach "
            f"{GROUP_LABELS[lay.group_by]} · Zeitraum {lay.window_text} · "
            f"{goals_de(lay.goal_count)}"
        )
        self.page_label = Label(0.985, 0.925, "", HEAD, "#000000", ha="right", va="top")
        labels = [
            Label(0.015, 0.965, lay.title, TITLE, "#000000", va="top"),
            Label(0.015, 0.925, sub, HEAD, "#000000", va="top"),
            self.page_label,
        ]
        if lay.demo:
            labels.append(
                Label(
                    0.985, 0.965, "Demodaten – illustrativ", DEMO, "#B71C1C", ha="right", va="top"
                )
            )
        self._legend(labels)
        self._static(labels, fig.transFigure)

    def _legend(self, labels: list[Label]) -> None:
        """One centred row at the foot of the page: handle, label, handle, label, …"""
        fig = self.fig
        width = PAGE_SIZE[0] * 72
        handle, gap, space = 14.0, 5.6, 14.0  # points
        entries = _legend_entries()
        total = sum(handle + gap + TICK.width(text) for text, _ in entries) + space * (
            len(entries) - 1
        )
        x, y = (width - total) / 2, 0.035
        for text, draw in entries:
            draw(fig, x / width, (x + handle) / width, y)
            labels.append(Label((x + handle + gap) / width, y, text, TICK, "#000000"))
            x += handle + gap + TICK.width(text) + space


def _legend_entries() -> list:
    def marker(**kw):
        def draw(fig, x0, x1, y):
            fig.add_artist(
                Line2D([(x0 + x1) / 2], [y], transform=fig.transFigure, linestyle="", **kw)
            )

        return draw

    def line(**kw):
        def draw(fig, x0, x1, y):
            fig.add_artist(Line2D([x0, x1], [y, y], transform=fig.transFigure, **kw))

        return draw

    def patch(fig, x0, x1, y):
        h = 5 / (PAGE_SIZE[1] * 72)
        fig.add_artist(
            Rectangle((x0, y - h / 2), x1 - x0, h, transform=fig.transFigure,
                      facecolor=COLOURS["slip"], alpha=0.45, edgecolor="none")
        )  # fmt: skip

    return [
        ("Basistermin", marker(marker="o", markerfacecolor="white", markeredgecolor="black")),
        ("Prognose", marker(marker="o", color=COLOURS["forecast"])),
        ("Prognose überschritten", marker(marker="s", color=COLOURS["conflict"])),
        ("Ist", marker(marker=CHECK, markerfacecolor="none", markeredgecolor=COLOURS["actual"],
                       markeredgewidth=2, markersize=9)),
        ("Verzug (+Tage)", patch),
        ("harte Abhängigkeit", line(color=COLOURS["arrow"])),
        ("Terminkonflikt", line(color=COLOURS["conflict"])),
        ("Stichtag", line(color=COLOURS["asof"], linestyle="--")),
    ]  # fmt: skip
