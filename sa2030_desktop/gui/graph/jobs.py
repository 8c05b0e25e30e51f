"""Layout work on a snapshot (plain data): run directly for small graphs, or as a task of
gui/tasks.py for large ones (the token is checked between building the view and laying out)."""

from __future__ import annotations

from sa2030_desktop.domain import graph_layout as gl
from sa2030_desktop.domain.graph_rank import OPTIMAL_FROM
from sa2030_desktop.domain.graph_view import build_view
from sa2030_desktop.domain.tasks import checkpoint

# goals: above this the layout runs in a worker – below the network simplex's OPTIMAL_FROM,
# which waits for numba (~10 s the first time on a machine): never on the GUI thread
SYNC_LIMIT = OPTIMAL_FROM - 1


def compute_now(portfolio, options, as_of, stored, token=None):
    """The view and its layout; in a task, a cancel (the user's, or a newer filter's) is
    noticed between the steps (checkpoint), and they report their progress."""
    checkpoint(0.0, "Auswahl zusammenstellen")
    model = build_view(portfolio, options, as_of)
    if token is not None:
        token.check()  # a newer filter superseded this layout
    return model, gl.layout(model, stored)
