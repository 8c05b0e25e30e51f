"""The dependency graph of a portfolio file: the view under a filter, its layout, its export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sa2030_desktop.domain import graph_layout as gl
from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.graph_view import GraphModel, GraphOptions, build_view
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.services.layout import load_positions, save_positions
from sa2030_desktop.services.portfolio import default_as_of

# Beyond this many goals a graph image is unreadable (and its layout takes minutes): the file
# export refuses with a hint to narrow the selection; the window aggregates instead.
MAX_FIGURE_GOALS = 2000
GRAPH_HINT = (
    "--ministry, --theme, --category, --status oder --goal mit --hops (im Fenster: Filterleiste)"
)


def graph_model(
    store: Store,
    options: GraphOptions,
    as_of: date | None = None,
    store_new: bool = False,
    limit: int | None = None,
) -> GraphModel:
    """The laid-out graph of a filter; stored positions of its view are kept.

    With `store_new`, positions of goals shown for the first time are stored (one
    transaction), so the next opening gives the same picture. With `limit`, a view of more
    goals is refused before the layout starts."""
    portfolio = store.snapshot()
    day = default_as_of(portfolio, as_of)
    if limit is not None and not (options.focus or options.cross_ministry or options.collapsed):
        count = len(options.selection.apply(portfolio, day))  # hops only add: refuse at once
        if count > limit:
            raise DomainError("figure_too_large", what="Der Graph", count=count, limit=limit,
                              hint=GRAPH_HINT)  # fmt: skip
    model = build_view(portfolio, options, day)
    if limit is not None and len(model.nodes) > limit:
        raise DomainError("figure_too_large", what="Der Graph", count=len(model.nodes), limit=limit,
                          hint=GRAPH_HINT)  # fmt: skip
    new = gl.layout(model, load_positions(store, options.view_name()))
    if store_new and new and not store.readonly:
        save_positions(store, options.view_name(), new)
    return model


def export_graph(
    store: Store, path: str | Path, options: GraphOptions, as_of: date | None = None, dpi: int = 150
) -> dict:
    """Write the graph of `options` as PNG/SVG/PDF; refuses an empty selection (nothing written)."""
    from sa2030_desktop.export.graph_figure import save_graph

    portfolio = store.snapshot()
    day = default_as_of(portfolio, as_of)
    model = graph_model(store, options, day, limit=MAX_FIGURE_GOALS)
    if model.is_empty:
        raise DomainError("empty_selection")
    save_graph(portfolio, day, path, options, dpi=dpi, model=model)
    return {
        "file": str(path),
        "as_of": day.isoformat(),
        "goals": len(model.goals),
        "dependencies": len(model.dependencies),
        "nodes": sorted(model.nodes),
        "edges": [list(e.id) for e in model.edges],
        "conflicts": [list(e.id) for e in model.edges if e.conflict],
        "longest_chain": model.chain,
    }
