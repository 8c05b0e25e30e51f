"""Graph and timeline figures written to files, for the GUI's workers and the CLI.

The export layer is imported on first use: matplotlib costs about half a second, and most
commands and windows never draw a figure."""

from __future__ import annotations


def save_graph(*args, **kwargs):
    """export.graph_figure.save_graph: the graph as PNG/SVG/PDF."""
    from sa2030_desktop.export.graph_figure import save_graph as save

    return save(*args, **kwargs)


def save_timeline(*args, **kwargs):
    """export.timeline_figure.save_timeline: the timeline of a snapshot as PNG/SVG/PDF."""
    from sa2030_desktop.export.timeline_figure import save_timeline as save

    return save(*args, **kwargs)


def save_timeline_layout(*args, **kwargs):
    """export.timeline_figure.save_layout: an already laid-out timeline (pages, progress)."""
    from sa2030_desktop.export.timeline_figure import save_layout

    return save_layout(*args, **kwargs)
