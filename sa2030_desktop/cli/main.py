"""Entry point of `sa2030`: subcommands without a display, else the desktop application."""

from __future__ import annotations

import sys

from sa2030_desktop.cli.common import (
    EXIT_REFUSED,
    EXIT_USAGE,
    DescribedSubcommands,
    GermanArgumentParser,
)

COMMAND_MODULES = [
    "sa2030_desktop.cli.core_commands",
    "sa2030_desktop.cli.graph_commands",
    "sa2030_desktop.cli.timeline_commands",
    "sa2030_desktop.cli.briefing_commands",
    "sa2030_desktop.cli.exchange_commands",
    "sa2030_desktop.cli.round_commands",
    "sa2030_desktop.cli.server_commands",
]


class _Unbuilt:
    """Stands in for the parser of a subcommand that is not run: takes what `register` adds
    to it and keeps nothing. Building all 35 parsers with their 225 arguments was a fifth of
    the start of `sa2030 stats` (issue 11 item 5); the list of commands and their one-line
    help (`sa2030 --help`) stay whole."""

    def __init__(self, **_kwargs: object) -> None:
        pass

    def __getattr__(self, name: str):
        if not name.startswith(("add_", "set_")):
            raise AttributeError(name)
        return lambda *_args, **_kwargs: self


class _Subcommands(DescribedSubcommands):
    """Subcommands of which only `wanted` gets a real parser (all when `wanted` is None)."""

    wanted: str | None = None

    def add_parser(self, name: str, **kwargs):
        if self.wanted is None or name == self.wanted:
            return super().add_parser(name, **kwargs)
        real, self._parser_class = self._parser_class, _Unbuilt
        try:
            return super().add_parser(name, **kwargs)
        finally:
            self._parser_class = real


def build_parser(wanted: str | None = None) -> GermanArgumentParser:
    """The `sa2030` parser; with `wanted`, only that subcommand's parser is built in full."""
    import importlib

    parser = GermanArgumentParser(
        prog="sa2030",
        description="SA2030 Planner – Zielportfolio „Sachsen-Anhalt Digital 2030“. "
        "Ohne Unterbefehl startet die Desktop-Anwendung (sa2030 [DATEI]).",
        # what scripts rely on (EXCHANGE.md „The sa2030 command“)
        epilog="Rückgabewert: 0 erledigt, 1 abgelehnt oder ungültige Daten (Meldung auf der "
        "Fehlerausgabe, mit Datei, Zeile und Schlüssel), 2 falscher Aufruf. Befehle mit --json "
        "geben ihr Ergebnis maschinenlesbar auf der Standardausgabe aus; --as-of DATUM setzt "
        "den Stichtag. Hilfe zu einem Befehl: sa2030 BEFEHL --help",
    )
    from sa2030_desktop import __version__

    parser.add_argument("--version", action="version", version=f"SA2030 Planner {__version__}",
                        help="Versionsnummer zeigen und beenden")  # fmt: skip
    sub = parser.add_subparsers(dest="command", metavar="BEFEHL",
                                parser_class=GermanArgumentParser, action=_Subcommands)  # fmt: skip
    sub.wanted = wanted
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _replace_unencodable() -> None:
    """A console or pipe in a legacy code page (Windows cp1252 when redirected, ascii) cannot
    show „→“ or „…“: it gets a replacement character instead of an „Interner Fehler“."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="replace")
            except (ValueError, OSError):  # a stream that cannot be reconfigured: left as is
                pass


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _replace_unencodable()
    # the subcommand is the first word that is not an option (`sa2030` has no global option
    # taking a value); "" when there is none: --help lists the commands without their parsers
    parser = build_parser(next((a for a in argv if not a.startswith("-")), ""))
    commands = set(parser._subparsers._group_actions[0].choices)  # noqa: SLF001
    if not argv or (argv[0] not in commands and not argv[0].startswith("-")):
        if len(argv) > 1:
            parser.error(f"unbekannter Befehl „{argv[0]}“ (siehe sa2030 --help)")
        refusal = _cannot_start_app(argv[0] if argv else None, commands)
        if refusal is not None:
            code, text = refusal
            print(f"sa2030: {text}", file=sys.stderr)
            return code
        from sa2030_desktop.app import run_app

        return run_app(argv[0] if argv else None)
    from sa2030_desktop.domain.errors import DomainError

    try:
        args = parser.parse_args(argv)
    except DomainError as exc:  # an option's value that is no date (common.DataOption)
        from sa2030_desktop.messages import format_error

        print(f"sa2030 {argv[0]}: {format_error(exc)}", file=sys.stderr)
        return EXIT_REFUSED
    from sa2030_desktop.failures import quiet_unraisable

    sys.unraisablehook = quiet_unraisable
    return run_command(args)


def _cannot_start_app(path: str | None, commands: set[str]) -> tuple[int, str] | None:
    """Say in German why the desktop application cannot start, instead of letting Qt abort."""
    import os
    from pathlib import Path

    from sa2030_desktop.services.server import is_server

    if path is not None and not is_server(path) and not Path(path).exists():
        if not Path(path).suffix and os.sep not in path:
            return EXIT_USAGE, (
                f"Falscher Aufruf: unbekannter Befehl „{path}“ – bekannt sind "
                f"{', '.join(sorted(commands))} (siehe sa2030 --help)."
            )
        return EXIT_REFUSED, f"Die Datei „{path}“ gibt es nicht."
    if path is not None and Path(path).is_dir():
        return EXIT_REFUSED, f"„{path}“ ist ein Ordner, keine Portfoliodatei."
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    )
    if headless:
        return EXIT_REFUSED, (
            "Kein Bildschirm verfügbar: die Desktop-Anwendung braucht eine "
            "grafische Sitzung. Ohne Bildschirm helfen die Unterbefehle "
            "(sa2030 --help)."
        )
    return None


def _say_which_is_meant(target) -> None:
    """A file named like a server connection opens as the file (it exists): say so."""
    if not isinstance(target, str) or "=" not in target and "://" not in target:
        return
    from pathlib import Path

    from sa2030_desktop.services.server import looks_like_server

    if looks_like_server(target) and Path(target).exists():
        print(f"sa2030: Hinweis: „{target}“ ist eine vorhandene Datei und wird als Datei "
              "geöffnet; ein Teamserver ist als postgresql://SERVER/DATENBANK gemeint.",
              file=sys.stderr)  # fmt: skip


def run_command(args) -> int:
    """Run a subcommand; every error ends as one German line on stderr and exit status 1 –
    an unexpected one as „Interner Fehler“ with its traceback in the log (failures.py)."""
    from sa2030_desktop.failures import describe

    _say_which_is_meant(getattr(args, "file", None))
    try:
        return int(args.run(args) or 0)
    except BrokenPipeError:  # `sa2030 stats … | head`: the reader has had enough
        from sa2030_desktop.cli.common import _silence_broken_pipe

        _silence_broken_pipe()
        return 0
    except KeyboardInterrupt:
        print("Abgebrochen.", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # noqa: BLE001 - the one place that words every error
        print(f"sa2030 {args.command}: {describe(exc)}", file=sys.stderr)
        return EXIT_REFUSED


if __name__ == "__main__":
    sys.exit(main())
