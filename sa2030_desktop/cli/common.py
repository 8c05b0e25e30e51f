"""What every subcommand shares: German argparse, filter options, output, error handling."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import NoReturn

from sa2030_desktop.domain.dates import parse_date
from sa2030_desktop.domain.model import Status
from sa2030_desktop.domain.selection import Selection

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


class GermanArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        message = (
            message.replace("the following arguments are required", "es fehlen die Angaben")
            .replace("unrecognized arguments", "unbekannte Angaben")
            .replace("invalid choice", "ungültige Auswahl")
            .replace("expected one argument", "erwartet einen Wert")
            .replace("argument ", "Angabe ")
        )
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: Falscher Aufruf: {message}\n")


def date_arg(text: str) -> date:
    try:
        day = parse_date(text)
    except ValueError:
        day = None
    if day is None:
        raise argparse.ArgumentTypeError(f"„{text}“ ist kein Datum (2026-03-31 oder 31.03.2026)")
    return day


def status_arg(text: str) -> Status:
    try:
        return Status.parse(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"unbekannter Status „{text}“") from None


def add_as_of(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as-of", type=date_arg, metavar="DATUM", help="Stichtag (Standard: heute)")


def add_filters(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("Auswahl")
    group.add_argument("--category", metavar="CODE", help="Zielkategorie")
    group.add_argument("--theme", metavar="CODE", help="Themenfeld")
    group.add_argument("--ministry", metavar="CODE", help="federführendes Ressort")
    group.add_argument("--involved", action="store_true", help="mit --ministry: auch beteiligt")
    group.add_argument("--status", type=status_arg, metavar="CODE", help="Status")
    group.add_argument("--only-slipped", action="store_true", help="nur Ziele mit Verzug")
    group.add_argument("--goal", metavar="KEY", help="ein Ziel")
    add_as_of(parser)


def selection_of(args: argparse.Namespace) -> Selection:
    return Selection(
        category=getattr(args, "category", None),
        theme=getattr(args, "theme", None),
        ministry=getattr(args, "ministry", None),
        involved=getattr(args, "involved", False),
        status=getattr(args, "status", None),
        only_slipped=getattr(args, "only_slipped", False),
        goal=getattr(args, "goal", None),
    )


def check_selection_codes(store, selection: Selection) -> None:
    """Unknown codes in a filter are refused by name instead of yielding an empty result."""
    from sa2030_desktop.domain.errors import DomainError, NotFoundError

    portfolio = store.snapshot()
    if selection.category and selection.category not in portfolio.categories:
        raise DomainError("unknown_category", value=selection.category)
    if selection.theme and selection.theme not in portfolio.themes:
        raise DomainError("unknown_theme", value=selection.theme)
    if selection.ministry and selection.ministry not in portfolio.ministries:
        raise DomainError("unknown_ministry", value=selection.ministry)
    if selection.goal and selection.goal not in portfolio.goals:
        raise NotFoundError("goal", selection.goal)


def print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
