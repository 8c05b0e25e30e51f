"""The milestone timeline as matplotlib figures (Agg, never pyplot), paginated, never clipped.

Pages are A4 landscape with a fixed number of rows, so every page has the same scale and nothing
is squeezed. Each kind of mark is drawn with one collection call per page (PERFORMANCE.md).

Files: PDF holds all pages in one document (PdfPages). PNG and SVG write one file per page:
`OUT.png` when everything fits one page, else `OUT-1.png`, `OUT-2.png`, … next to OUT. A single
very tall PNG was rejected: saving dominates (1,000 rows ≈ 5 s) and it cannot be printed.
Text stays text: SVG with `svg.fonttype: none`, PDF with TrueType fonts (`pdf.fonttype: 42`).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import matplotlib

matplotlib.use("Agg", force=False)
from matplotlib import rc_context  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.backends.backend_pdf import PdfPages  # noqa: E402
from matplotlib.collections import PolyCollection  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402
from matplotlib.path import Path as MplPath  # noqa: E402

from sa2030_desktop.domain.dates import de_long, de_short  # noqa: E402
from sa2030_desktop.domain.errors import DomainError  # noqa: E402
from sa2030_desktop.domain.model import Portfolio  # noqa: E402
from sa2030_desktop.domain.timeline_layout import (  # noqa: E402
    ACTUAL,
    BASELINE,
    FORECAST,
    GROUP_LABELS,
    Row,
    TimelineLayout,
    TimelineOptions,
    axis_ticks,
    build_layout,
    choose_unit,
)
from sa2030_desktop.export.atomic import atomic_target  # noqa: E402

PAGE_SIZE = (11.69, 8.27)  # A4 landscape, inches
ROWS_PER_PAGE = 30
MIN_ROWS = 14  # a short single page keeps readable row heights
LABEL_CHARS = 62
GROUP_CHARS = 46  # bold and larger
RC = {"svg.fonttype": "none", "pdf.fonttype": 42, "font.family": "DejaVu Sans"}
COLOURS = {
    "slip": "#E65100",
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
FORMATS = (".png", ".svg", ".pdf")


@dataclass(slots=True)
class PageRow:
    row: Row
    label: str


def paginate(layout: TimelineLayout, rows_per_page: int = ROWS_PER_PAGE) -> list[list[PageRow]]:
    """Split rows into pages; a page starting inside a group repeats its header („Forts.“)."""
    pages: list[list[PageRow]] = []
    page: list[PageRow] = []
    group_rows = {r.key: r for r in layout.rows if r.kind == "group"}
    for row in layout.rows:
        # a group header never ends a page alone
        if len(page) >= rows_per_page or (row.kind == "group" and len(page) >= rows_per_page - 1):
            pages.append(page)
            page = []
            if row.kind == "goal":
                head = group_rows[row.group]
                page.append(PageRow(head, f"{head.label} (Forts.)"))
        page.append(PageRow(row, row.label))
    if page:
        pages.append(page)
    return pages


def _label(pr: PageRow) -> str:
    text = pr.label
    if pr.row.kind == "group":
        count = "1 Ziel" if pr.row.count == 1 else f"{pr.row.count} Ziele"
        suffix = " (Forts.)" if pr.label != pr.row.label else f" ({count})"
        room = GROUP_CHARS - len(suffix)
        text = pr.row.label if len(pr.row.label) <= room else pr.row.label[: room - 1] + "…"
        return text + suffix
    status = f" · {pr.row.status.label}" if pr.row.status else ""
    room = LABEL_CHARS - len(status)
    text = text if len(text) <= room else text[: room - 1] + "…"
    return text + status


def timeline_figures(
    portfolio: Portfolio,
    as_of: date,
    options: TimelineOptions | None = None,
    rows_per_page: int = ROWS_PER_PAGE,
) -> list[Figure]:
    """One Figure per page. Raises DomainError when nothing is left to draw."""
    options = options or TimelineOptions()
    layout = build_layout(portfolio, as_of, options)
    return layout_figures(layout, options, rows_per_page)


def layout_figures(
    layout: TimelineLayout,
    options: TimelineOptions | None = None,
    rows_per_page: int = ROWS_PER_PAGE,
) -> list[Figure]:
    options = options or TimelineOptions()
    if layout.goal_count == 0:
        if options.date_from or options.date_to:
            raise DomainError("no_milestones_in_window", window=layout.window_text)
        raise DomainError("empty_selection")
    pages = paginate(layout, rows_per_page)
    return [_page(layout, rows, n + 1, len(pages), rows_per_page) for n, rows in enumerate(pages)]


def _page(
    layout: TimelineLayout, rows: list[PageRow], page_no: int, pages: int, rows_per_page: int
) -> Figure:
    fig = Figure(figsize=PAGE_SIZE)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.31, 0.13, 0.665, 0.74))
    local = {pr.row.index: i for i, pr in enumerate(rows)}
    start, end = layout.start - 0.5, layout.end + 0.5
    ax.set_xlim(start, end)
    shown = rows_per_page if pages > 1 else max(len(rows), MIN_ROWS)
    ax.set_ylim(shown - 0.5, -0.5)

    bands, spans, summaries = [], [], []
    for i, pr in enumerate(rows):
        r = pr.row
        if r.kind == "group":
            bands.append([(start, i - 0.5), (end, i - 0.5), (end, i + 0.5), (start, i + 0.5)])
        if r.start is not None:
            lo, hi = max(r.start, layout.start), min(r.end, layout.end)
            if hi >= lo:
                h = 0.16 if r.kind == "group" else 0.06
                box = [(lo, i - h), (hi, i - h), (hi, i + h), (lo, i + h)]
                (summaries if r.kind == "group" else spans).append(box)
    ax.add_collection(
        PolyCollection(bands, facecolors=COLOURS["band"], edgecolors="none", zorder=0)
    )
    ax.add_collection(
        PolyCollection(spans, facecolors=COLOURS["span"], edgecolors="none", zorder=1)
    )
    ax.add_collection(
        PolyCollection(
            summaries, facecolors=COLOURS["group"], edgecolors="none", alpha=0.55, zorder=1
        )
    )

    slips = [s for s in layout.slips if s.row in local]
    ax.add_collection(
        PolyCollection(
            [
                [
                    (s.start, local[s.row] - 0.13),
                    (s.end, local[s.row] - 0.13),
                    (s.end, local[s.row] + 0.13),
                    (s.start, local[s.row] + 0.13),
                ]
                for s in slips
            ],
            facecolors=COLOURS["slip"],
            edgecolors="none",
            alpha=0.45,
            zorder=2,
        )
    )
    for s in slips:
        ax.text(
            (s.start + s.end) / 2,
            local[s.row] - 0.2,
            s.label,
            fontsize=6,
            ha="center",
            va="bottom",
            color="#BF360C",
            zorder=6,
        )

    by_kind: dict[str, tuple[list, list]] = {k: ([], []) for k in ("b", "f", "o", "a")}
    for m in layout.markers:
        if m.row not in local:
            continue
        kind = {BASELINE: "b", ACTUAL: "a", FORECAST: "o" if m.overdue else "f"}[m.kind]
        by_kind[kind][0].append(m.x)
        by_kind[kind][1].append(local[m.row])
    ax.scatter(
        *by_kind["b"],
        s=42,
        marker="o",
        facecolors="white",
        edgecolors="black",
        linewidths=1.1,
        zorder=4,
    )
    ax.scatter(*by_kind["f"], s=20, marker="o", c=COLOURS["forecast"], zorder=5)
    ax.scatter(*by_kind["o"], s=26, marker="s", c=COLOURS["conflict"], zorder=5)
    ax.scatter(
        *by_kind["a"],
        s=60,
        marker=CHECK,
        facecolors="none",
        edgecolors=COLOURS["actual"],
        linewidths=2.0,
        zorder=5,
    )

    _arrows(ax, layout, local)
    _axis(ax, fig, layout)
    _frame(fig, ax, layout, rows, page_no, pages)
    return fig


def _arrows(ax, layout: TimelineLayout, local: dict[int, int]) -> None:
    for conflict in (False, True):
        items = [
            a
            for a in layout.arrows
            if a.conflict is conflict
            and a.from_row in local
            and a.to_row in local
            and a.from_row != a.to_row
        ]
        if not items:
            continue
        xs = [a.from_x for a in items]
        ys = [local[a.from_row] for a in items]
        ax.quiver(
            xs,
            ys,
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
    for a in layout.arrows:  # conflicts: a text cue beside the waiting milestone
        if a.conflict and a.to_row in local:
            text = a.label if a.from_row in local else f"{a.label} (wartet auf {a.from_milestone})"
            ax.annotate(
                text,
                (a.to_x, local[a.to_row]),
                xytext=(6, 0),
                textcoords="offset points",
                fontsize=6,
                ha="left",
                va="center",
                color=COLOURS["conflict"],
                zorder=6,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.3, "alpha": 0.85},
            )


def _axis(ax, fig, layout: TimelineLayout) -> None:
    unit = choose_unit(layout.end - layout.start, width_px=0.665 * PAGE_SIZE[0] * 72)
    ticks = axis_ticks(layout.start, layout.end, unit)
    ax.set_xticks([t.x for t in ticks], [t.label for t in ticks], fontsize=7)
    for t in ticks:
        ax.axvline(t.x, color="#9E9E9E" if t.major else "#E0E0E0", linewidth=0.6, zorder=0.5)
    ax.tick_params(axis="x", top=True, labeltop=True, labelsize=7)
    ax.tick_params(axis="y", length=0)
    asof = layout.as_of.toordinal()
    if layout.start <= asof <= layout.end:
        ax.axvline(asof, color=COLOURS["asof"], linewidth=1.4, linestyle="--", zorder=3)
        ax.text(
            asof,
            -0.06,
            f" Stichtag {de_short(layout.as_of)}",
            transform=ax.get_xaxis_transform(),
            fontsize=7,
            color=COLOURS["asof"],
            va="top",
            ha="left",
            zorder=7,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5},
        )
    for spine in ("left", "right"):
        ax.spines[spine].set_visible(False)


def _frame(fig, ax, layout: TimelineLayout, rows: list[PageRow], page_no: int, pages: int) -> None:
    ax.set_yticks(range(len(rows)), [_label(pr) for pr in rows])
    for tick, pr in zip(ax.get_yticklabels(), rows, strict=True):
        tick.set_fontsize(8 if pr.row.kind == "group" else 7)
        if pr.row.kind == "group":
            tick.set_fontweight("bold")
    fig.text(0.015, 0.965, layout.title, fontsize=13, fontweight="bold", va="top")
    sub = (
        f"Meilensteinplan · Stichtag {de_long(layout.as_of)} · gruppiert nach "
        f"{GROUP_LABELS[layout.group_by]} · Zeitraum {layout.window_text} · "
        f"{layout.goal_count} Ziele"
    )
    fig.text(0.015, 0.925, sub, fontsize=8.5, va="top")
    fig.text(0.985, 0.925, f"Seite {page_no} von {pages}", fontsize=8.5, va="top", ha="right")
    if layout.demo:
        fig.text(
            0.985,
            0.965,
            "Demodaten – illustrativ",
            fontsize=10,
            va="top",
            ha="right",
            color="#B71C1C",
            fontweight="bold",
        )
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markerfacecolor="white",
            markeredgecolor="black",
            label="Basistermin",
        ),
        Line2D([], [], marker="o", linestyle="", color=COLOURS["forecast"], label="Prognose"),
        Line2D(
            [],
            [],
            marker="s",
            linestyle="",
            color=COLOURS["conflict"],
            label="Prognose überschritten",
        ),
        Line2D(
            [],
            [],
            marker=CHECK,
            linestyle="",
            markerfacecolor="none",
            markeredgecolor=COLOURS["actual"],
            markeredgewidth=2,
            markersize=9,
            label="Ist",
        ),
        Patch(facecolor=COLOURS["slip"], alpha=0.45, label="Verzug (+Tage)"),
        Line2D([], [], color=COLOURS["arrow"], label="harte Abhängigkeit"),
        Line2D([], [], color=COLOURS["conflict"], label="Terminkonflikt"),
        Line2D([], [], color=COLOURS["asof"], linestyle="--", label="Stichtag"),
    ]
    fig.legend(
        handles=handles,
        loc="lower center",
        ncol=8,
        fontsize=7,
        frameon=False,
        bbox_to_anchor=(0.5, 0.01),
    )


# -- files ----------------------------------------------------------------------------------------
def page_paths(path: Path, pages: int) -> list[Path]:
    if pages == 1 or path.suffix.lower() == ".pdf":
        return [path]
    return [path.with_name(f"{path.stem}-{n}{path.suffix}") for n in range(1, pages + 1)]


def save_figures(figures: list[Figure], path: Path, dpi: int = 150) -> list[Path]:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise DomainError(
            "unknown_extension", ext=path.suffix or "(keine)", allowed="PNG, SVG, PDF"
        )
    with rc_context(RC):
        if suffix == ".pdf":
            with atomic_target(path) as tmp:
                with PdfPages(tmp, metadata={"Title": "Meilensteinplan"}) as pdf:
                    for fig in figures:
                        pdf.savefig(fig)
            return [path]
        targets = page_paths(path, len(figures))
        for fig, target in zip(figures, targets, strict=True):
            buf = io.BytesIO()
            fig.savefig(buf, format=suffix[1:], dpi=dpi)
            with atomic_target(target) as tmp:
                tmp.write_bytes(buf.getvalue())
        return targets


def save_timeline(
    portfolio: Portfolio,
    as_of: date,
    path: str | Path,
    options: TimelineOptions | None = None,
    dpi: int = 150,
) -> list[Path]:
    """Write the timeline as PNG/SVG/PDF; returns the files written (PNG/SVG: one per page)."""
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise DomainError(
            "unknown_extension", ext=path.suffix or "(keine)", allowed="PNG, SVG, PDF"
        )
    return save_figures(timeline_figures(portfolio, as_of, options), path, dpi)
