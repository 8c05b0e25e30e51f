"""`sa2030 timeline FILE OUT.{png,svg,pdf}`: the milestone timeline as an image."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sa2030_desktop.cli import common
from sa2030_desktop.cli.common import EXIT_OK, EXIT_REFUSED, add_date, add_filters
from sa2030_desktop.domain.timeline_layout import GROUP_BY


def register(sub: argparse._SubParsersAction) -> None:
    p = common.file_command(
        sub, "timeline", "Meilensteinplan als Bild (PNG, SVG, PDF)", cmd_timeline
    )
    p.add_argument(
        "out",
        metavar="ZIEL",
        help="PNG/SVG: erste Seite ZIEL.png, weitere ZIEL-2.png, ZIEL-3.png …; PDF: eine Datei",
    )
    add_filters(p)
    add_date(p, "--from", dest="date_from", help="Zeitraum ab")
    add_date(p, "--to", dest="date_to", help="Zeitraum bis")
    p.add_argument(
        "--group-by",
        choices=GROUP_BY,
        default="ministry",
        help="Gruppierung: ministry (Ressort), theme (Themenfeld), category (Zielkategorie)",
    )
    p.add_argument("--dpi", type=int, default=150, help="Auflösung für PNG (Standard 150)")


def cmd_timeline(args) -> int:
    from sa2030_desktop.domain.errors import DomainError
    from sa2030_desktop.domain.timeline_layout import TimelineOptions
    from sa2030_desktop.messages import format_error
    from sa2030_desktop.services import portfolio
    from sa2030_desktop.services.figures import save_timeline

    with common.reading_selection(args) as (store, selection):
        snap = store.snapshot()
        as_of = portfolio.default_as_of(snap, args.as_of)
        options = TimelineOptions(
            selection=selection,
            date_from=args.date_from,
            date_to=args.date_to,
            group_by=args.group_by,
        )
        try:
            written = save_timeline(snap, as_of, Path(args.out), options, dpi=args.dpi)
        except DomainError as exc:
            print(f"sa2030 timeline: {format_error(exc)}", file=sys.stderr)
            return EXIT_REFUSED
    for path in written:
        print(f"Geschrieben: {path}")
    return EXIT_OK
