"""The milestone timeline as matplotlib figures (Agg, never pyplot), paginated, never clipped.

Pages are A4 landscape with a fixed number of rows, so every page has the same scale and nothing
is squeezed. Each kind of mark is drawn with one collection call per page (PERFORMANCE.md).

Files: PDF holds all pages in one document (PdfPages). PNG and SVG write one file per page:
`OUT.png` for the first page, `OUT-2.png`, `OUT-3.png`, … for further pages next to OUT. A single
very tall PNG was rejected: saving dominates (1,000 rows ≈ 5 s) and it cannot be printed.
Text stays text: SVG with `svg.fonttype: none`, PDF with TrueType fonts (`pdf.fonttype: 42`).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import matplotlib

matplotlib.use("Agg", force=False)
from matplotlib import rc_context  # noqa: E402
from matplotlib.backends.backend_pdf import PdfPages  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from sa2030_desktop.domain.errors import DomainError  # noqa: E402
from sa2030_desktop.domain.model import Portfolio  # noqa: E402
from sa2030_desktop.domain.selection import Selection  # noqa: E402
from sa2030_desktop.domain.tasks import CancelToken, Progress  # noqa: E402
from sa2030_desktop.domain.timeline_layout import (  # noqa: E402
    TimelineLayout,
    TimelineOptions,
    build_layout,
)
from sa2030_desktop.export.atomic import atomic_target, check_target  # noqa: E402
from sa2030_desktop.export.pdfa import make_pdfa  # noqa: E402
from sa2030_desktop.export.timeline_page import PagePainter, PageRow  # noqa: E402

ROWS_PER_PAGE = 30
RC = {"svg.fonttype": "none", "pdf.fonttype": 42, "font.family": "DejaVu Sans"}
FORMATS = (".png", ".svg", ".pdf")


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
                page.append(PageRow(head, f"{head.label} (Forts.)", continued=True))
        page.append(PageRow(row, row.label))
    if page:
        pages.append(page)
    return pages


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
    """One separate Figure per page (for embedding, e.g. in briefings)."""
    pages = _pages(layout, options, rows_per_page)
    return [
        PagePainter(layout, len(pages), rows_per_page).show(rows, n)
        for n, rows in enumerate(pages, 1)
    ]


def _pages(layout, options, rows_per_page) -> list[list[PageRow]]:
    options = options or TimelineOptions()
    if layout.goal_count == 0:
        if options.date_from or options.date_to:
            raise DomainError("no_milestones_in_window", window=layout.window_text)
        raise DomainError("empty_selection")
    return paginate(layout, rows_per_page)


def iter_pages(
    layout: TimelineLayout,
    options: TimelineOptions | None = None,
    rows_per_page: int = ROWS_PER_PAGE,
) -> tuple[int, Iterator[Figure]]:
    """(page count, pages): ONE figure redrawn page after page – for writing files only."""
    pages = _pages(layout, options, rows_per_page)
    painter = PagePainter(layout, len(pages), rows_per_page)
    return len(pages), (painter.show(rows, n) for n, rows in enumerate(pages, 1))


# -- files ----------------------------------------------------------------------------------------
def page_paths(path: Path, pages: int) -> list[Path]:
    # The first page is always OUT itself, so a script finds the file it asked for.
    if pages == 1 or path.suffix.lower() == ".pdf":
        return [path]
    return [path] + [path.with_name(f"{path.stem}-{n}{path.suffix}") for n in range(2, pages + 1)]


def _check_suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise DomainError(
            "unknown_extension", ext=path.suffix or "(keine)", allowed="PNG, SVG, PDF"
        )
    return suffix


def save_figures(
    figures: Iterable[Figure],
    path: Path,
    dpi: int = 150,
    count: int | None = None,
    progress: Progress | None = None,
    token: CancelToken | None = None,
) -> list[Path]:
    """Write figures (a list, or `count` figures from an iterator such as iter_pages).

    All or nothing: PDF goes through one temporary file; PNG/SVG pages are rendered first and
    written at the end, so a cancel (`token`, checked after each page → Cancelled) or an
    error leaves no file behind."""
    path = Path(path)
    suffix = _check_suffix(path)
    check_target(path)  # refused before any page is drawn
    if count is None:
        figures = list(figures)
        count = len(figures)

    def tick(done: int) -> None:
        if progress is not None:
            progress(done / count, f"Seite {done} von {count}")
        if token is not None:
            token.check()

    with rc_context(RC):
        if suffix == ".pdf":
            with atomic_target(path) as tmp:
                with PdfPages(tmp, metadata={"Title": "Meilensteinplan"}) as pdf:
                    for n, fig in enumerate(figures, 1):
                        pdf.savefig(fig)
                        tick(n)
                make_pdfa(tmp, "Meilensteinplan")  # archivable for the E-Akte
            return [path]
        extra = {"pil_kwargs": {"compress_level": 1}} if suffix == ".png" else {}  # as small
        blobs = []
        for n, fig in enumerate(figures, 1):
            buf = io.BytesIO()
            fig.savefig(buf, format=suffix[1:], dpi=dpi, **extra)
            blobs.append(buf.getvalue())
            tick(n)
    targets = page_paths(path, count)
    for target, data in zip(targets, blobs, strict=True):
        with atomic_target(target) as tmp:
            tmp.write_bytes(data)
    return targets


def save_layout(
    layout: TimelineLayout,
    path: str | Path,
    options: TimelineOptions | None = None,
    dpi: int = 150,
    progress: Progress | None = None,
    token: CancelToken | None = None,
) -> list[Path]:
    """Write a computed layout as PNG/SVG/PDF; returns the files written (PNG/SVG: one per page)."""
    path = Path(path)
    _check_suffix(path)
    count, pages = iter_pages(layout, options)
    return save_figures(pages, path, dpi, count, progress, token)


def save_timeline(
    portfolio: Portfolio,
    as_of: date,
    path: str | Path,
    options: TimelineOptions | None = None,
    dpi: int = 150,
) -> list[Path]:
    """Write the timeline as PNG/SVG/PDF; returns the files written (PNG/SVG: one per page)."""
    path = Path(path)
    _check_suffix(path)
    options = options or TimelineOptions()
    count = len((options.selection or Selection()).apply(portfolio, as_of))
    if count > MAX_FIGURE_GOALS:  # refused before the layout: minutes for an unreadable plan
        raise DomainError("figure_too_large", what="Der Meilensteinplan", count=count,
                          limit=MAX_FIGURE_GOALS, hint=TIMELINE_HINT)  # fmt: skip
    return save_layout(build_layout(portfolio, as_of, options), path, options, dpi)


MAX_FIGURE_GOALS = 2000  # as the graph image (services/graph.py)
TIMELINE_HINT = "--ministry, --theme, --category, --status, --only-slipped oder --goal (im Fenster: Filterleiste)"
