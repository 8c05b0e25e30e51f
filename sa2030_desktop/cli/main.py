"""Entry point of `sa2030`: subcommands without a display, else the desktop application."""

from __future__ import annotations

import sys

from sa2030_desktop.cli.common import EXIT_REFUSED, EXIT_USAGE, GermanArgumentParser

COMMAND_MODULES = [
    "sa2030_desktop.cli.core_commands",
    "sa2030_desktop.cli.graph_commands",
    "sa2030_desktop.cli.timeline_commands",
    "sa2030_desktop.cli.briefing_commands",
    "sa2030_desktop.cli.exchange_commands",
]


def build_parser() -> GermanArgumentParser:
    import importlib

    parser = GermanArgumentParser(
        prog="sa2030",
        description="SA2030 Planner – Zielportfolio „Sachsen-Anhalt Digital 2030“. "
        "Ohne Unterbefehl startet die Desktop-Anwendung (sa2030 [DATEI]).",
    )
    sub = parser.add_subparsers(dest="command", metavar="BEFEHL", parser_class=GermanArgumentParser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    commands = set(parser._subparsers._group_actions[0].choices)  # noqa: SLF001
    if not argv or (argv[0] not in commands and not argv[0].startswith("-")):
        if len(argv) > 1:
            parser.error("zu viele Angaben für den Start der Anwendung")
        from sa2030_desktop.app import run_app

        return run_app(argv[0] if argv else None)
    args = parser.parse_args(argv)
    return run_command(args)


def run_command(args) -> int:
    from sa2030_desktop.domain.errors import DomainError
    from sa2030_desktop.messages import format_error

    try:
        return int(args.run(args) or 0)
    except DomainError as exc:
        print(f"sa2030 {args.command}: {format_error(exc)}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("Abgebrochen.", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
