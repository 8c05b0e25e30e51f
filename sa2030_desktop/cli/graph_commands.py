"""`sa2030 graph FILE OUT.{png,svg,pdf}`: the dependency graph as an image."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sa2030_desktop.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    add_filters,
    check_selection_codes,
    open_reading,
    print_json,
    selection_of,
)
from sa2030_desktop.domain.grammar import deps_de, goals_de


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"„{text}“ ist keine Zahl ≥ 0")
    return value


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("graph", help="Abhängigkeitsgraph als Bild (PNG, SVG, PDF)")
    p.add_argument("file", metavar="DATEI")
    p.add_argument("out", metavar="ZIEL", help="Bilddatei: .png, .svg oder .pdf")
    add_filters(p)
    grp = p.add_argument_group("Graph")
    grp.add_argument(
        "--hops",
        type=_positive,
        default=0,
        metavar="N",
        help="Nachbarn der Auswahl bis N Schritte weit zeigen",
    )
    grp.add_argument(
        "--neighbour-edges", action="store_true", help="auch Abhängigkeiten zwischen den Nachbarn"
    )
    grp.add_argument(
        "--cross-ministry", action="store_true", help="nur ressortübergreifende Abhängigkeiten"
    )
    grp.add_argument(
        "--swimlanes",
        choices=("lead", "theme"),
        help="Bahnen nach Federführung (lead) oder Themenfeld (theme)",
    )
    grp.add_argument("--focus", metavar="ZIEL", help="nur die Kette dieses Ziels")
    mode = grp.add_mutually_exclusive_group()
    mode.add_argument("--predecessors", action="store_true", help="mit --focus: Voraussetzungen")
    mode.add_argument("--dependents", action="store_true", help="mit --focus: abhängige Ziele")
    grp.add_argument("--longest-chain", action="store_true", help="längste Kette hervorheben")
    grp.add_argument("--dpi", type=int, default=150, metavar="DPI", help="Auflösung für PNG")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_graph, _parser=p)


def options_of(args: argparse.Namespace):
    from sa2030_desktop.domain.graph_view import GraphOptions

    mode = "predecessors" if args.predecessors else "dependents" if args.dependents else "both"
    return GraphOptions(
        selection=selection_of(args),
        hops=args.hops,
        neighbour_edges=args.neighbour_edges,
        cross_ministry=args.cross_ministry,
        swimlanes=args.swimlanes,
        focus=args.focus,
        focus_mode=mode,
        longest_chain=args.longest_chain,
    )


def cmd_graph(args: argparse.Namespace) -> int:
    from sa2030_desktop.domain.errors import DomainError, NotFoundError
    from sa2030_desktop.services import graph as graph_service

    if (args.predecessors or args.dependents) and not args.focus:
        args._parser.error("--predecessors/--dependents nur zusammen mit --focus")
    out = Path(args.out)
    if out.suffix.lower() not in (".png", ".svg", ".pdf"):
        raise DomainError("unknown_extension", ext=out.suffix or out.name, allowed="PNG, SVG, PDF")
    store = open_reading(args)
    try:
        selection = selection_of(args)
        check_selection_codes(store, selection)
        if args.focus and args.focus not in store.snapshot().goals:
            raise NotFoundError("goal", args.focus)
        result = graph_service.export_graph(store, out, options_of(args), args.as_of, args.dpi)
    finally:
        store.close()
    if args.json:
        print_json(result)
    else:
        print(
            f"Graph geschrieben: {out} ({goals_de(result['goals'])}, "
            f"{deps_de(result['dependencies'])})",
            file=sys.stdout,
        )
    return EXIT_OK if result else EXIT_REFUSED
