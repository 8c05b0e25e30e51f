"""The dependency graph as a matplotlib figure (Agg canvas, never pyplot): PNG, SVG, PDF.

Public API for briefings and the CLI: `graph_figure(portfolio, as_of, options)` and
`save_graph(portfolio, as_of, path, options, dpi)`. One data unit is one typographic point,
so the node boxes computed by graph_layout fit the text drawn here.
"""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import matplotlib as mpl
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyBboxPatch, Patch, PathPatch, Polygon, Rectangle
from matplotlib.path import Path as MplPath

from sa2030_desktop.domain import graph_layout as gl
from sa2030_desktop.domain.dates import de_short
from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.grammar import deps_de, goals_de
from sa2030_desktop.domain.graph_view import GraphEdge, GraphModel, GraphOptions, build_view
from sa2030_desktop.domain.model import STATUS_COLOURS, Portfolio, Status
from sa2030_desktop.export.atomic import atomic_target, check_target
from sa2030_desktop.export.pdfa import make_pdfa

FORMATS = ("png", "svg", "pdf")
HEADER_PT = 78.0
LEGEND_PT = 70.0
MARGIN_PT = 24.0
MIN_WIDTH_PT = 820.0
MAX_SIDE_PT = 4000.0
EDGE_HARD = "#37474F"
EDGE_SOFT = "#607D8B"
CONFLICT = "#C62828"
HIGHLIGHT = "#6A1B9A"
LANE_FILL = ("#EEF2F6", "#FFFFFF")
DEMO_MARK = "Demodaten – illustrativ"
RC = {"svg.fonttype": "none", "pdf.fonttype": 42, "font.family": "DejaVu Sans"}


def describe(options: GraphOptions, portfolio: Portfolio | None = None) -> str:
    """The filter in words, for the figure's subtitle."""
    s = options.selection
    parts = []
    if s.category:
        parts.append(f"Zielkategorie {s.category}")
    if s.theme:
        parts.append(f"Themenfeld {s.theme}")
    if s.ministry:
        parts.append(
            f"Ressort {s.ministry}" + (" (federführend oder beteiligt)" if s.involved else "")
        )
    if s.status:
        parts.append(f"Status {s.status.label}")
    if s.only_slipped:
        parts.append("nur Ziele mit Verzug")
    if s.goal:
        parts.append(f"Ziel {s.goal}")
    if options.hops:
        parts.append(f"mit Nachbarn bis {options.hops} Schritt" + ("e" if options.hops > 1 else ""))
    if options.focus:
        mode = {"predecessors": "Voraussetzungen", "dependents": "abhängige Ziele"}.get(
            options.focus_mode, "Voraussetzungen und abhängige Ziele"
        )
        parts.append(f"Fokus {options.focus} ({mode})")
    if options.cross_ministry:
        parts.append("nur ressortübergreifende Abhängigkeiten")
    if options.longest_chain:
        parts.append("längste Kette hervorgehoben")
    return ", ".join(parts) if parts else "gesamtes Portfolio"


def graph_figure(
    portfolio: Portfolio,
    as_of: date,
    options: GraphOptions | None = None,
    positions: dict[str, tuple[float, float]] | None = None,
    model: GraphModel | None = None,
) -> Figure:
    """The graph under `options` with title, Stichtag, legend (and the demo marker)."""
    options = options or GraphOptions()
    if model is None:
        model = build_view(portfolio, options, as_of)
        gl.layout(model, positions)
    x0, y0, x1, y1 = gl.bounds(model)
    gw, gh = (x1 - x0) + 2 * MARGIN_PT, (y1 - y0) + 2 * MARGIN_PT
    scale = min(1.0, MAX_SIDE_PT / max(gw, gh, 1.0))
    fig_w = max(gw * scale, MIN_WIDTH_PT)
    graph_h = max(gh * scale, 120.0)
    fig_h = HEADER_PT + graph_h + LEGEND_PT
    fig = Figure(figsize=(fig_w / 72, fig_h / 72))
    FigureCanvasAgg(fig)
    _header(fig, portfolio, as_of, options, model, fig_h)
    ax = fig.add_axes((0, LEGEND_PT / fig_h, 1, graph_h / fig_h))
    ax.set_axis_off()
    # Centre the graph in the axes at 1 data unit = `scale` points, y pointing down.
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    half_w, half_h = fig_w / scale / 2, graph_h / scale / 2
    ax.set_xlim(cx - half_w, cx + half_w)
    ax.set_ylim(cy + half_h, cy - half_h)
    if model.is_empty:
        ax.text(cx, cy, "Die Auswahl enthält keine Ziele.", ha="center", va="center", fontsize=14)
    else:
        _draw(ax, model, scale, x0, x1)
    _legend(fig, model, fig_w)
    return fig


def _header(fig, portfolio, as_of, options, model, fig_h) -> None:
    top = 1 - 14 / fig_h
    title = textwrap.shorten(f"Abhängigkeiten der Ziele – {portfolio.info.title}", 110)
    fig.text(0.015, top, title, fontsize=15, fontweight="bold", va="top")
    sub = (
        f"Stichtag: {de_short(as_of)}  ·  Auswahl: {describe(options)}  ·  "
        f"{goals_de(len(model.goals))}, {deps_de(len(model.dependencies))}"
    )
    fig.text(0.015, top - 26 / fig_h, textwrap.shorten(sub, 170), fontsize=10, va="top")
    if portfolio.info.demo:
        fig.text(
            0.985,
            top - 46 / fig_h,
            DEMO_MARK,
            fontsize=11,
            fontweight="bold",
            color=CONFLICT,
            ha="right",
            va="top",
            gid="demo-mark",
        )


def _draw(ax, model: GraphModel, scale: float, x0: float, x1: float) -> None:
    # add_artist, not add_patch: the limits are fixed above, and add_patch's update of the data
    # limits (Bézier extrema of every edge) was a third of a 2,000-goal graph's minute.
    fs = gl.FONT_SIZE * scale
    for i, lane in enumerate(model.lanes):
        ax.add_artist(
            Rectangle(
                (x0, lane.y0),
                x1 - x0,
                lane.y1 - lane.y0,
                facecolor=LANE_FILL[i % 2],
                edgecolor="#B0BEC5",
                linewidth=0.6,
                zorder=0,
            )
        )
        label = "\n".join(textwrap.wrap(lane.label, 21)[: max(1, int((lane.y1 - lane.y0) // 14))])
        ax.text(
            x0 + 6,
            lane.y0 + 6,
            label,
            fontsize=fs,
            fontweight="bold",
            va="top",
            color="#263238",
            zorder=1,
            gid=f"lane-{lane.value}",
        )
    for edge in model.edges:
        _draw_edge(ax, model, edge, scale)
    for node in model.nodes.values():
        _draw_node(ax, node, fs)


def _draw_edge(ax, model: GraphModel, edge: GraphEdge, scale: float) -> None:
    points = gl.edge_route(model.nodes[edge.source], model.nodes[edge.target], edge.via)
    end = points[-1]
    colour = CONFLICT if edge.conflict else (EDGE_HARD if edge.kind.value == "hard" else EDGE_SOFT)
    width = 1.3
    if edge.highlighted:
        colour, width = (CONFLICT if edge.conflict else HIGHLIGHT), 2.8
    elif edge.conflict:
        width = 2.0
    alpha = 0.18 if edge.dimmed else 1.0
    style = "-" if edge.kind.value == "hard" else (0, (5, 3))
    path = MplPath(points, [MplPath.MOVETO] + [MplPath.CURVE4] * (len(points) - 1))
    gid = f"edge-{edge.source}-{edge.target}"
    ax.add_artist(
        PathPatch(
            path,
            facecolor="none",
            edgecolor=colour,
            linewidth=width * scale,
            linestyle=style,
            alpha=alpha,
            zorder=2,
            gid=gid,
        )
    )
    size = 8.0
    ex, ey = end
    ax.add_artist(
        Polygon(
            [(ex, ey), (ex - size, ey - size / 2), (ex - size, ey + size / 2)],
            closed=True,
            facecolor=colour,
            edgecolor="none",
            alpha=alpha,
            zorder=3,
        )
    )
    if edge.conflict:
        mx, my = gl.route_midpoint(points)
        ax.text(
            mx,
            my,
            "Konflikt",
            fontsize=8 * scale,
            color=CONFLICT,
            fontweight="bold",
            ha="center",
            va="center",
            alpha=max(alpha, 0.4),
            zorder=4,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": CONFLICT, "lw": 0.6 * scale},
        )


def _draw_node(ax, node, fs: float) -> None:
    left, top = node.x - node.width / 2, node.y - node.height / 2
    alpha = 0.25 if node.dimmed else 1.0
    edge_colour, lw = (HIGHLIGHT, 2.5) if node.highlighted else ("#455A64", 1.0)
    ax.add_artist(
        FancyBboxPatch(
            (left, top),
            node.width,
            node.height,
            boxstyle="round,pad=0,rounding_size=4",
            facecolor="white",
            edgecolor=edge_colour,
            linewidth=lw * fs / gl.FONT_SIZE,
            alpha=alpha,
            zorder=5,
        )
    )
    fill = STATUS_COLOURS[node.status] if node.status else "#546E7A"
    ax.add_artist(
        Rectangle(
            (left, top),
            gl.STATUS_BAR,
            node.height,
            facecolor=fill,
            edgecolor="none",
            alpha=alpha,
            zorder=6,
        )
    )
    lines = gl.node_lines(node)
    tx = left + gl.STATUS_BAR + gl.PAD
    for i, line in enumerate(lines):
        ax.text(
            tx,
            top + gl.PAD + (i + 0.5) * gl.LINE_HEIGHT,
            line,
            fontsize=fs,
            va="center",
            fontweight="bold" if i == 0 else "normal",
            alpha=alpha,
            zorder=7,
            color=_status_text_colour(node.status)
            if (i == len(lines) - 1 and node.status)
            else "#000000",
            gid=f"node-{node.id}" if i == 0 else None,
        )


def _status_text_colour(status: Status) -> str:
    # Darker variants of the Ampel colours: readable on white (yellow text would not be).
    return {
        Status.NOT_STARTED: "#424242",
        Status.ON_TRACK: "#1B5E20",
        Status.DELAYED: "#8D6E00",
        Status.AT_RISK: "#B71C1C",
        Status.DONE: "#0D47A1",
    }[status]


def _legend(fig, model: GraphModel, fig_w: float) -> None:
    handles = [
        Patch(facecolor=STATUS_COLOURS[s], edgecolor="#455A64", label=s.label) for s in Status
    ]
    handles += [
        Line2D([], [], color=EDGE_HARD, lw=1.5, label="harte Abhängigkeit (benötigt → abhängig)"),
        Line2D([], [], color=EDGE_SOFT, lw=1.5, linestyle=(0, (5, 3)), label="weiche Abhängigkeit"),
        Line2D([], [], color=CONFLICT, lw=2.0, label="„Konflikt“: Terminkonflikt"),
    ]
    if any(n.highlighted for n in model.nodes.values()):
        handles.append(Line2D([], [], color=HIGHLIGHT, lw=2.8, label="hervorgehoben"))
    ncol = max(1, min(len(handles), int(fig_w // 200)))
    fig.legend(
        handles=handles,
        loc="lower center",
        ncol=ncol,
        fontsize=9,
        frameon=True,
        title="Legende (Status: Farbbalken und Text)",
        title_fontsize=9,
        bbox_to_anchor=(0.5, 0.005),
    )


def save_graph(
    portfolio: Portfolio,
    as_of: date,
    path: str | Path,
    options: GraphOptions | None = None,
    dpi: int = 150,
    positions: dict[str, tuple[float, float]] | None = None,
    model: GraphModel | None = None,
) -> Path:
    """Write the graph as PNG (at `dpi`), SVG or PDF (vector, text stays text), atomically."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise DomainError(
            "unknown_extension", ext=path.suffix or path.name, allowed="PNG, SVG, PDF"
        )
    if not 30 <= int(dpi) <= 1200:
        raise DomainError("bad_dpi", value=dpi)
    check_target(path)  # refused before the figure is drawn
    fig = graph_figure(portfolio, as_of, options, positions, model)
    with mpl.rc_context(RC), atomic_target(path) as tmp:
        fig.savefig(tmp, format=fmt, dpi=dpi, metadata=_metadata(fmt, portfolio))
        if fmt == "pdf":  # archivable for the E-Akte
            make_pdfa(tmp, _metadata(fmt, portfolio)["Title"])
    return path


def _metadata(fmt: str, portfolio: Portfolio) -> dict:
    title = f"Abhängigkeiten – {portfolio.info.title}"
    if fmt == "png":
        return {"Title": title, "Software": "SA2030 Planner"}
    if fmt == "pdf":
        return {"Title": title, "Creator": "SA2030 Planner"}
    return {"Title": title}
