"""What every subcommand shares: German argparse, filter options, output, error handling."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import NoReturn

from sa2030_desktop.domain.codes import StoredCodes
from sa2030_desktop.domain.dates import parse_date
from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.model import Status
from sa2030_desktop.domain.selection import Selection
from sa2030_desktop.domain.values import date_problem

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


_HELP_WORDS = (
    ("usage:", "Aufruf:"),
    ("positional arguments:", "Angaben:"),
    ("options:", "Optionen:"),
    ("show this help message and exit", "diese Hilfe zeigen und beenden"),
)


# What an argument says in --help when its command gives no text of its own (the same words
# on every command): the portfolio file and the --json switch.
_DEFAULT_HELP = {
    "DATEI": "die Portfoliodatei (.sa2030)",
    "--json": "das Ergebnis maschinenlesbar als JSON auf der Standardausgabe",
}


class DescribedSubcommands(argparse._SubParsersAction):
    """A subcommand's --help starts with what it does: its one-line help is its description."""

    def add_parser(self, name: str, **kwargs):
        if kwargs.get("help") and "description" not in kwargs:
            kwargs["description"] = kwargs["help"]
        return super().add_parser(name, **kwargs)


class GermanArgumentParser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.register("action", "parsers", DescribedSubcommands)

    def add_argument(self, *args, **kwargs):
        if "help" not in kwargs:
            name = args[0] if args and args[0].startswith("-") else kwargs.get("metavar")
            if name in _DEFAULT_HELP:
                kwargs["help"] = _DEFAULT_HELP[name]
        return super().add_argument(*args, **kwargs)

    def format_usage(self) -> str:
        return _german(super().format_usage())

    def format_help(self) -> str:
        return _german(super().format_help()) + "\n" + handbook_note() + "\n"

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: Falscher Aufruf: {german_error(message)}\n")


# argparse's error messages (Python 3.11), most specific first: „argument X: …“ is the frame
# of most of them and is translated last.
_TYPE_NAMES = {"int": "eine ganze Zahl", "float": "eine Zahl"}
_ERRORS = (
    (r"not allowed with argument (\S+)", r"nicht zusammen mit \1"),
    (r"one of the arguments (.+) is required", r"eine der Angaben \1 ist nötig"),
    (r"the following arguments are required: ", "es fehlen die Angaben: "),
    (r"unrecognized arguments: ", "unbekannte Angaben: "),
    (r"invalid choice: (.+) \(choose from (.+)\)", r"ungültige Auswahl \1 (erlaubt sind \2)"),
    (r"expected at least one argument", "erwartet mindestens einen Wert"),
    (r"expected at most one argument", "erwartet höchstens einen Wert"),
    (r"expected one argument", "erwartet einen Wert"),
    (r"expected (\d+) arguments", r"erwartet \1 Werte"),
    (r"ignored explicit argument (.+)", r"nimmt keinen Wert (angegeben: \1)"),
    (r"ambiguous option: (\S+) could match (.+)", r"mehrdeutige Angabe \1 (passt zu \2)"),
    (
        r"invalid (\w+) value: (.+)",
        lambda m: f"ungültiger Wert {m[2]} (erwartet {_TYPE_NAMES.get(m[1], m[1])})",
    ),
    (r"^argument (\S+): ", r"Angabe \1: "),
)


def german_error(message: str) -> str:
    """An argparse error message in German (the option names and values stay as given)."""
    import re

    for pattern, replacement in _ERRORS:
        message = re.sub(pattern, replacement, message)
    return message


def handbook_note() -> str:
    """Where the user handbook is: said at the end of every --help."""
    from sa2030_desktop import assets

    return (
        "Handbuch: in der Desktop-Anwendung unter Hilfe › Handbuch (F1);\n"
        f"zum Lesen und Drucken als PDF:\n  {assets.handbook_pdf()}"
    )


def _german(text: str) -> str:
    for english, german in _HELP_WORDS:
        text = text.replace(english, german)
    return text


def date_value(text: str, option: str = "Datum") -> date:
    """The one reading of a date given on the command line (2026-03-31 or 31.03.2026, between
    1990 and 2100). A value that is no such date is refused data – exit 1 with the message
    naming the option and the value – not wrong usage (REPORTING/EXCHANGE: 2 is wrong usage)."""
    try:
        day = parse_date(text)
    except ValueError:
        day = None
    if day is None:
        raise DomainError("bad_date", value=text, field=option)
    problem = date_problem(day)
    if problem:
        code, data = problem
        raise DomainError(code, **data, field=option)
    return day


def assignment(text: str, form: str) -> tuple[str, str]:
    """SCHLÜSSEL=WERT; another form is wrong usage (argparse's exit 2)."""
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"„{text}“ hat nicht die Form {form}")
    return key.strip(), value.strip()


def dated_value(text: str, option: str) -> tuple[str, date]:
    """MEILENSTEIN=DATUM (whatif --set, round submit --set/--actual)."""
    key, value = assignment(text, "MEILENSTEIN=DATUM")
    return key, date_value(value, f"{option} {key}")


class DataOption(argparse.Action):
    """An option whose value is data (a date, MEILENSTEIN=DATUM, a measured value): `convert`
    (text, option) reads it and raises a DomainError for a value that is not one, which
    `main` reports as refused data (exit 1) naming the option – argparse's `type=` would call
    it wrong usage (exit 2). A wrong form (ArgumentTypeError) stays wrong usage. `append`: the
    option may be given several times, its values collected in a list."""

    def __init__(self, option_strings, dest, convert=None, append=False, **kwargs) -> None:
        super().__init__(option_strings, dest, **kwargs)
        self.convert, self.append = convert, append

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        option = option_string or self.dest
        try:  # nargs="+": several values after one option (whatif --set A=D B=D)
            if isinstance(values, list):
                value = [self.convert(v, option) for v in values]
            else:
                value = self.convert(values, option)
        except argparse.ArgumentTypeError as exc:
            raise argparse.ArgumentError(self, str(exc)) from None
        if self.append:
            given = value if isinstance(values, list) else [value]
            value = [*(getattr(namespace, self.dest, None) or []), *given]
        setattr(namespace, self.dest, value)


def add_date(parser, *flags: str, **kwargs) -> None:
    """A date option (DATUM), read by `date_value`."""
    kwargs.setdefault("metavar", "DATUM")
    parser.add_argument(*flags, action=DataOption, convert=date_value, **kwargs)


def status_value(text: str, option: str) -> Status:
    """A status code or German label given to an option (--status); another word is refused
    data naming the option, like an unknown --ministry code (exit 1)."""
    try:
        return Status.parse(text)
    except ValueError:
        raise DomainError("bad_status_option", value=text, field=option) from None


def add_status(parser, help_text: str) -> None:
    parser.add_argument("--status", action=DataOption, convert=status_value, metavar="CODE",
                        help=f"{help_text}: Code oder Bezeichnung – not_started (nicht begonnen), "
                        "on_track (im Plan), delayed (verzögert), at_risk (gefährdet), "
                        "done (abgeschlossen)")  # fmt: skip


def add_as_of(parser: argparse.ArgumentParser) -> None:
    add_date(parser, "--as-of", help="Stichtag (Standard: heute)")


def add_filters(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("Auswahl")
    group.add_argument("--category", metavar="CODE", help="Zielkategorie (VV, DI oder VG)")
    group.add_argument("--theme", metavar="CODE", help="Themenfeld (TF01 bis TF18)")
    group.add_argument("--ministry", metavar="CODE",
                       help="federführendes Ressort (Kürzel, z. B. MID)")  # fmt: skip
    group.add_argument("--involved", action="store_true",
                       help="mit --ministry: federführend oder beteiligt")  # fmt: skip
    add_status(group, "nur Ziele mit diesem Status")
    group.add_argument("--only-slipped", action="store_true", help="nur Ziele mit Verzug")
    group.add_argument("--goal", metavar="ZIEL", help="nur dieses Ziel (Schlüssel, z. B. Z17)")
    add_round(group)
    add_as_of(parser)


def add_round(parser) -> None:
    parser.add_argument("--round", metavar="RUNDE",
                        help="den eingefrorenen Berichtsstand dieser abgeschlossenen "
                        "Berichtsrunde statt des aktuellen Stands")  # fmt: skip


def open_reading(args: argparse.Namespace, snapshot_only: bool = False):
    """The file of a reading subcommand, read-only; with `--round KEY` the frozen state of
    that closed round instead (the same content whenever it is run). `snapshot_only`: the
    command reads nothing but the snapshot, so a file is read on plain sqlite3 (quick start).
    Codes typed in another case are taken as the stored ones (`match_case`)."""
    store = _open_reading(args, snapshot_only)
    try:
        match_case(args, store)
    except BaseException:
        store.close()
        raise
    return store


# options and arguments naming a code or key, with the portfolio section it is looked up in
_CODE_ARGS = (("category", "categories"), ("theme", "themes"), ("ministry", "ministries"),
              ("goal", "goals"), ("focus", "goals"), ("key", "goals"))  # fmt: skip


def match_case(args: argparse.Namespace, store, names=_CODE_ARGS) -> None:
    """A code typed in another case (mid, tf09, z05) means the one stored code it matches
    (the rule of domain/codes.py, as for imports and the window); an unknown or ambiguous one
    stays as typed and is refused by name later. `names`: (argument, portfolio section)
    pairs; an argument may hold one code or a list of them."""
    given = [(name, section) for name, section in names if getattr(args, name, None)]
    if not given:
        return
    portfolio = store.snapshot()
    for name, section in given:
        value, stored = getattr(args, name), StoredCodes(getattr(portfolio, section))
        if isinstance(value, list):
            setattr(args, name, [stored(str(v)) for v in value])
        else:
            setattr(args, name, stored(str(value)))


def _open_reading(args: argparse.Namespace, snapshot_only: bool):

    key = getattr(args, "round", None)
    if snapshot_only and not key:
        return read_file(args.file)
    store = open_file(args.file, readonly=True)
    if not key:
        return store
    from sa2030_desktop.services.reporting import frozen_store

    try:
        return frozen_store(store, key)
    except BaseException:
        store.close()
        raise


def open_file(path: str, readonly: bool = False):
    """services.portfolio.open_portfolio, with the hint for an older file shown read-only."""
    from sa2030_desktop.services import portfolio

    return _hint_older(portfolio.open_portfolio(path, readonly=readonly))


def read_file(path: str):
    """services.portfolio.open_to_read, with the hint for an older file shown read-only."""
    from sa2030_desktop.services import portfolio

    return _hint_older(portfolio.open_to_read(path))


def _hint_older(store):
    """An older file is read from a migrated copy: say so."""
    from sa2030_desktop.services.portfolio import older_copy_hint

    text = older_copy_hint(store)
    if text:
        print(f"Hinweis: {text}", file=sys.stderr)
    return store


def file_command(
    sub: argparse._SubParsersAction, name: str, help_text: str, run: Callable[..., int]
) -> argparse.ArgumentParser:
    """A subcommand on one portfolio file (DATEI), handled by `run`; the caller adds the rest."""
    parser = sub.add_parser(name, help=help_text)
    parser.add_argument("file", metavar="DATEI")
    parser.set_defaults(run=run)
    return parser


@contextmanager
def reading_selection(
    args: argparse.Namespace, snapshot_only: bool = False
) -> Iterator[tuple[object, Selection]]:
    """The file of a reading subcommand, opened read-only (see `open_reading`), and its filter
    with the codes checked; closed afterwards. The services are imported only when a command
    runs."""
    store = open_reading(args, snapshot_only)
    try:
        selection = selection_of(args)
        check_selection_codes(store, selection)
        yield store, selection
    finally:
        store.close()


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
    selection.check_codes(store.snapshot())


def print_json(data: object) -> None:
    import json  # only for --json: the text output is the common case

    # Indented for a person at a terminal; compact (the C encoder, several times faster on
    # 10,000-goal portfolios) when a script or a file reads it.
    indent = 2 if sys.stdout.isatty() else None
    # a legacy code page (cp1252 when redirected on Windows) replaces what it lacks with „?“:
    # data must not change, so JSON escapes every non-ASCII character there (\u2192, still JSON)
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    plain = not encoding.startswith("utf")
    try:
        sys.stdout.write(json.dumps(data, ensure_ascii=plain, indent=indent, default=str) + "\n")
        sys.stdout.flush()
    except BrokenPipeError:  # `sa2030 stats … | head`: the reader has enough
        _silence_broken_pipe()


def _silence_broken_pipe() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
