"""sa2030 round …: reporting rounds from the command line (REPORTING.md „Command line“).

Exit status 0 done, 1 refused (German message naming the round, report, sheet/row/column),
2 wrong usage. `--json` prints the documents REPORTING.md describes."""

from __future__ import annotations

import argparse
from contextlib import contextmanager

from sa2030_desktop.cli.common import (
    EXIT_OK,
    DataOption,
    add_date,
    add_status,
    assignment,
    date_value,
    dated_value,
    match_case,
    open_file,
    print_json,
)
from sa2030_desktop.domain.dates import days_de, de_short, percent_de
from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.grammar import goals_de, reports_de


def _measured(text: str, option: str) -> tuple[str, object]:
    """IND=V@DATE: a measured value with its date (decimal comma accepted)."""
    name, rest = assignment(text, "INDIKATOR=WERT@DATUM")
    number, sep, day = rest.partition("@")
    if not sep:
        raise argparse.ArgumentTypeError(f"„{text}“ hat nicht die Form INDIKATOR=WERT@DATUM")
    try:
        value = float(number.replace(",", "."))
    except ValueError:
        raise DomainError("bad_number", value=number, field=f"{option} {name}") from None
    return name, (value, date_value(day, f"{option} {name}"))


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("round", help="Berichtsrunden: eröffnen, Meldebögen, Meldungen, Prüfung, "
                       "Abschluss, Vergleich")  # fmt: skip
    rsub = p.add_subparsers(dest="round_cmd", required=True, metavar="BEFEHL")

    def command(name: str, help_text: str, run, key: bool = True) -> argparse.ArgumentParser:
        c = rsub.add_parser(name, help=help_text)
        c.add_argument("file", metavar="DATEI", help="die Portfoliodatei (.sa2030)")
        if key:
            c.add_argument(
                "key", metavar="RUNDE", help="Schlüssel der Berichtsrunde, z. B. 2026-Q4"
            )
        c.set_defaults(run=run)
        return c

    c = command("open", "Berichtsrunde eröffnen (alle Ziele oder die der Ressorts)", cmd_open)
    c.add_argument("--title", required=True, metavar="TEXT",
                   help="Titel der Runde, z. B. „Umsetzungsbericht 2026“")  # fmt: skip
    add_date(c, "--as-of", required=True, help="Stichtag")
    add_date(c, "--deadline", required=True, help="Meldeschluss")
    c.add_argument("--ministry", nargs="+", action="extend", default=[], metavar="RESSORT",
                   help="nur die Ziele, die diese Ressorts am Stichtag führen")  # fmt: skip
    c.add_argument("--json", action="store_true")

    c = command("list", "Berichtsrunden mit Stand und Vollständigkeit", cmd_list, key=False)
    c.add_argument("--json", action="store_true")

    from sa2030_desktop.cli import meldebogen_commands

    meldebogen_commands.register(command)  # round form, round collect

    c = command("submit", "eine Meldung abgeben", cmd_submit)
    c.add_argument("goal", metavar="ZIEL", help="Schlüssel des Ziels, z. B. Z17")
    add_status(c, "gemeldeter Status")
    c.add_argument("--reason", default="", metavar="TEXT", help="Begründung des Status")
    c.add_argument(
        "--progress", default="", metavar="TEXT", help="Sachstand (höchstens 1.000 Zeichen)"
    )
    c.add_argument(
        "--remark", default="", metavar="TEXT", help="interne Bemerkung (wird nie veröffentlicht)"
    )
    c.add_argument("--set", dest="forecasts", action=DataOption, convert=dated_value, append=True, default=[],
                   metavar="MEILENSTEIN=DATUM", help="neue Prognose eines Meilensteins (mehrmals möglich)")  # fmt: skip
    c.add_argument("--actual", dest="actuals", action=DataOption, convert=dated_value, append=True, default=[],
                   metavar="MEILENSTEIN=DATUM", help="Ist-Datum eines erreichten Meilensteins (mehrmals möglich)")  # fmt: skip
    c.add_argument("--value", dest="values", action=DataOption, convert=_measured, append=True, default=[],
                   metavar="INDIKATOR=WERT@DATUM", help="neuer Messwert eines Indikators mit Messdatum, z. B. Quote=12,5@31.03.2026 (mehrmals möglich)")  # fmt: skip
    c.add_argument("--ministry", default="", metavar="RESSORT", help="meldendes Ressort")

    c = command("review", "Meldung bestätigen oder zurückgeben", cmd_review)
    c.add_argument("goal", metavar="ZIEL", help="Schlüssel des Ziels, z. B. Z17")
    decision = c.add_mutually_exclusive_group(required=True)
    decision.add_argument("--accept", action="store_true", help="bestätigen")
    decision.add_argument("--return", dest="returned", metavar="TEXT",
                          help="mit diesem Kommentar zurückgeben")  # fmt: skip

    c = command("status", "Vollständigkeit je Ressort", cmd_status)
    c.add_argument("--json", action="store_true")

    c = command("close", "Berichtsrunde abschließen und den Berichtsstand einfrieren", cmd_close)
    c.add_argument("--force", action="store_true",
                   help="auch mit fehlenden Meldungen (als „keine Meldung“ eingefroren)")  # fmt: skip

    c = command("compare", "zwei Berichtsrunden vergleichen (RUNDE2 auch „aktuell“)", cmd_compare)
    c.add_argument("later", metavar="RUNDE2",
                   help="die spätere Runde oder „aktuell“ (der aktuelle Stand)")  # fmt: skip
    add_date(c, "--as-of", help="Stichtag des aktuellen Stands (mit „aktuell“; Standard: heute)")
    c.add_argument("--json", action="store_true")


@contextmanager
def _store(args, readonly: bool = False):

    store = open_file(args.file, readonly=readonly)
    try:
        # --ministry mid, goal z05: the stored codes (not the round's key, which is the user's)
        match_case(args, store, (("ministry", "ministries"), ("goal", "goals")))
        yield store
    finally:
        store.close()


def cmd_open(args) -> int:
    from sa2030_desktop.services import reporting

    with _store(args) as store:
        reporting.open_round(store, args.key, args.title, args.as_of, args.deadline, args.ministry)
        result = reporting.status(store, args.key)
    if args.json:
        print_json(result.as_dict())
        return EXIT_OK
    print(f"Berichtsrunde {args.key} eröffnet: {reports_de(result.total.in_scope)} erwartet "
          f"(Stichtag {de_short(args.as_of)}, Meldeschluss {de_short(args.deadline)}).")  # fmt: skip
    return EXIT_OK


def cmd_list(args) -> int:
    from sa2030_desktop.services import reporting

    with _store(args, readonly=True) as store:
        rounds = reporting.list_rounds(store)
    if args.json:
        print_json([r.as_dict() for r in rounds])
        return EXIT_OK
    if not rounds:
        print("Keine Berichtsrunden.")
    for r in rounds:
        rnd, total = r.round, r.total
        late = [m for m, row in r.by_ministry.items() if row.overdue]
        print(f"{rnd.key}  {rnd.state.label:13}  {rnd.title} – Stichtag {de_short(rnd.as_of)}, "
              f"Meldeschluss {de_short(rnd.deadline)}: {total.submitted + total.accepted} von "
              f"{total.in_scope} gemeldet ({percent_de(total.reported_share)})"
              + (f", überfällig: {', '.join(late)}" if late else ""))  # fmt: skip
    return EXIT_OK


def cmd_status(args) -> int:
    from sa2030_desktop.services import reporting

    with _store(args, readonly=True) as store:
        result = reporting.status(store, args.key)
    if args.json:
        print_json(result.as_dict())
        return EXIT_OK
    rnd = result.round
    print(f"Berichtsrunde {rnd.key} ({rnd.state.label}) – {rnd.title}, Stichtag "
          f"{de_short(rnd.as_of)}, Meldeschluss {de_short(rnd.deadline)}")  # fmt: skip
    print(f"{'Ressort':8} {'ausstehend':>10} {'gemeldet':>9} {'bestätigt':>10} "
          f"{'zurück':>7} {'Anteil':>8}  ")  # fmt: skip
    for code, row in [*result.by_ministry.items(), ("gesamt", result.total)]:
        mark = "ÜBERFÄLLIG" if row.overdue and code != "gesamt" else ""
        print(f"{code:8} {row.pending:>10} {row.submitted:>9} {row.accepted:>10} "
              f"{row.returned:>7} {percent_de(row.reported_share):>8}  {mark}")  # fmt: skip
    return EXIT_OK


def cmd_submit(args) -> int:
    from sa2030_desktop.domain.reporting import ReportContent
    from sa2030_desktop.services import reporting

    content = ReportContent(args.status, args.reason, args.progress, args.remark,
                            dict(args.forecasts), dict(args.actuals), dict(args.values))  # fmt: skip
    with _store(args) as store:
        reporting.submit(store, args.key, args.goal, content, args.ministry)
    print(f"Meldung zu {args.goal} in der Berichtsrunde {args.key} abgegeben.")
    return EXIT_OK


def cmd_review(args) -> int:
    from sa2030_desktop.services import reporting

    with _store(args) as store:
        reporting.review(store, args.key, args.goal, args.accept, args.returned or "")
    verb = "bestätigt" if args.accept else "zurückgegeben"
    print(f"Meldung zu {args.goal} in der Berichtsrunde {args.key} {verb}.")
    return EXIT_OK


def cmd_close(args) -> int:
    from sa2030_desktop.services import reporting

    with _store(args) as store:
        reporting.close(store, args.key, args.force)
        result = reporting.status(store, args.key)
    missing = result.total.pending + result.total.returned
    print(f"Berichtsrunde {args.key} abgeschlossen; Berichtsstand eingefroren"
          + (f" ({goals_de(missing)} ohne Meldung)." if missing else "."))  # fmt: skip
    return EXIT_OK


def cmd_compare(args) -> int:
    from sa2030_desktop.domain.model import STATUS_LABELS, Status
    from sa2030_desktop.services import reporting

    with _store(args, readonly=True) as store:
        result = reporting.compare(store, args.key, args.later, args.as_of)
    data = result.as_dict()
    if args.json:
        print_json(data)
        return EXIT_OK
    print(f"Vergleich {data['from']} ({de_short(result.from_as_of)}) → {data['to']} "
          f"({de_short(result.to_as_of)})")  # fmt: skip
    for pair, count in data["transitions"].items():
        a, b = (STATUS_LABELS[Status(s)] for s in pair.split(">"))
        print(f"  {a} → {b}: {count}")
    for label, name in (("verschlechtert", "worsened"), ("verbessert", "improved"),
                        ("neu", "new_goals"), ("entfallen", "removed_goals"),
                        ("erreichte Meilensteine", "achieved_milestones"),
                        ("neue Terminkonflikte", "new_conflicts"),
                        ("aufgelöste Terminkonflikte", "resolved_conflicts")):  # fmt: skip
        print(f"{label}: {', '.join(data[name]) or '–'}")
    shifted = ", ".join(f"{s['key']} (+{days_de(s['days'])})" for s in data["shifted_milestones"])
    print(f"verschobene Meilensteine: {shifted or '–'}")
    return EXIT_OK
