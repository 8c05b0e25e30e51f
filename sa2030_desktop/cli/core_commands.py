"""new, import, export, check, stats, goal, whatif, ministry rename.

Building the parser imports no service: each handler imports what it uses, so that `sa2030
--help` and `sa2030 stats` do not pay for the exchange formats, figures or briefings."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sa2030_desktop.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    DataOption,
    add_as_of,
    add_date,
    add_filters,
    add_round,
    dated_value,
    file_command,
    match_case,
    open_reading,
    print_json,
    read_file,
    reading_selection,
)
from sa2030_desktop.domain.codes import StoredCodes
from sa2030_desktop.domain.dates import days_de, de_short
from sa2030_desktop.domain.grammar import count_de, deps_de, goals_de
from sa2030_desktop.domain.model import STATUS_LABELS, Status
from sa2030_desktop.messages import format_issue


def register(sub: argparse._SubParsersAction) -> None:
    p = file_command(sub, "new", "neues Portfolio anlegen", cmd_new)
    p.add_argument("--demo", action="store_true", help="mit dem Demoportfolio")
    p.add_argument("--title", metavar="TEXT", help="Titel (Standard: „Neues Portfolio“)")

    p = file_command(sub, "import", "JSON, Excel-Mappe oder CSV-Dateien einlesen", cmd_import)
    p.add_argument("sources", metavar="QUELLE", nargs="+",
                   help="eine JSON-Datei, eine Excel-Mappe (.xlsx, .ods) oder die drei "
                   "CSV-Dateien der Vorlage (Ziele, Meilensteine, Abhängigkeiten)")  # fmt: skip
    p.add_argument("--dry-run", action="store_true", help="nur prüfen, nichts schreiben")
    p.add_argument("--json", action="store_true")

    p = file_command(sub, "export", "als JSON, Excel-Mappe oder CSV-Ordner ausgeben", cmd_export)
    p.add_argument("out", metavar="ZIEL",
                   help="ZIEL.json, ZIEL.xlsx, ZIEL.ods oder ein Ordner für die CSV-Dateien")  # fmt: skip
    add_filters(p)

    p = file_command(sub, "check", "Integrität und Konsistenz prüfen", cmd_check)
    add_as_of(p)
    p.add_argument("--json", action="store_true")

    p = file_command(sub, "stats", "Kennzahlen des Portfolios", cmd_stats)
    add_filters(p)
    p.add_argument("--json", action="store_true")

    p = file_command(sub, "goal", "ein Ziel mit Meilensteinen und Abhängigkeiten", cmd_goal)
    p.add_argument("key", metavar="ZIEL", help="Schlüssel des Ziels, z. B. Z17")
    add_round(p)  # REPORTING.md: every report takes --round
    add_as_of(p)
    p.add_argument("--json", action="store_true")

    p = file_command(
        sub, "whatif", "hypothetische Prognosen durchrechnen (schreibt nie)", cmd_whatif
    )
    p.add_argument(
        "--set",
        dest="changes",
        action=DataOption,
        convert=dated_value,
        append=True,
        required=True,
        nargs="+",
        metavar="MEILENSTEIN=DATUM",
        help="angenommene Prognosen von Meilensteinen (mehrere nacheinander oder --set mehrmals)",
    )
    add_as_of(p)
    p.add_argument("--json", action="store_true")
    # argparse writes options before positionals, but --set takes every value after it: the
    # file has to come first (EXCHANGE.md), so the usage line shows that order
    p.usage = "%(prog)s [-h] DATEI --set MEILENSTEIN=DATUM [MEILENSTEIN=DATUM ...] " + (
        "[--as-of DATUM] [--json]"
    )

    p = sub.add_parser("ministry", help="Ressorts umbenennen oder zusammenlegen")
    msub = p.add_subparsers(dest="ministry_cmd", required=True, metavar="BEFEHL")
    r = msub.add_parser(
        "rename", help="Umbenennung (mehrere bisherige Kürzel: Zusammenlegung) zum Stichtag"
    )
    r.add_argument("file", metavar="DATEI", help="die Portfoliodatei (.sa2030)")
    r.add_argument(
        "codes",
        metavar="KÜRZEL",
        nargs="+",
        help="das bisherige Kürzel (mehrere: Zusammenlegung), zuletzt das neue, z. B. MID MDI",
    )
    r.add_argument("--name", required=True, metavar="TEXT", help="Name des neuen Ressorts")
    add_date(r, "--effective", required=True, help="gilt ab (das alte Ressort endet am Vortag)")
    r.add_argument("--json", action="store_true")
    r.set_defaults(run=cmd_rename)


def cmd_new(args) -> int:
    from sa2030_desktop.services import portfolio

    store = portfolio.create_portfolio(args.file, demo=args.demo, title=args.title)
    snap = store.snapshot()
    store.close()
    print(
        f"Portfolio „{snap.info.title}“ angelegt: {args.file} "
        f"({goals_de(len(snap.goals))}, {count_de(len(snap.themes), 'Themenfeld', 'Themenfelder')}, "
        f"{count_de(len(snap.ministries), 'Ressort', 'Ressorts')})"
    )
    return EXIT_OK


def cmd_import(args) -> int:
    from sa2030_desktop.services import exchange, portfolio

    store = portfolio.open_portfolio(args.file)
    try:
        preview = exchange.import_sources(
            store, [Path(s) for s in args.sources], dry_run=args.dry_run
        )
    finally:
        store.close()
    counts = preview.counts()
    if args.json:
        print_json(
            {
                "dry_run": args.dry_run,
                "counts": counts,
                "notes": [format_issue(n) for n in preview.notes],
            }
        )
        return EXIT_OK
    for note in preview.notes:
        print(f"Hinweis: {format_issue(note)}", file=sys.stderr)
    verb = "würde übernehmen" if args.dry_run else "übernommen"
    total = {k: sum(c[k] for c in counts.values()) for k in ("added", "changed", "unchanged")}
    print(
        f"Import {verb}: {total['added']} neu, {total['changed']} geändert, "
        f"{total['unchanged']} unverändert."
    )
    return EXIT_OK


def cmd_export(args) -> int:
    from sa2030_desktop.services import exchange

    with reading_selection(args) as (store, selection):
        written = exchange.export_to(store, Path(args.out), selection, args.as_of)
    print(f"Exportiert: {written}")
    return EXIT_OK


def cmd_check(args) -> int:
    from sa2030_desktop.services import checks

    store = read_file(args.file)
    try:
        report = checks.check(store, args.as_of)
    finally:
        store.close()
    if args.json:
        print_json(
            {
                "errors": [_issue_json(i) for i in report.errors],
                "warnings": [_issue_json(i) for i in report.warnings],
            }
        )
    else:
        for issue in report.errors:
            print(f"FEHLER: {format_issue(issue)}")
        for issue in report.warnings:
            print(f"Hinweis: {format_issue(issue)}")
        print(
            f"{len(report.errors)} Fehler, {count_de(len(report.warnings), 'Hinweis', 'Hinweise')}."
        )
    return EXIT_REFUSED if report.errors else EXIT_OK


def _issue_json(issue) -> dict:
    return {
        "code": issue.code,
        "place": issue.place,
        "data": issue.data,
        "message": format_issue(issue),
    }


def cmd_stats(args) -> int:
    from sa2030_desktop.services import portfolio

    with reading_selection(args, snapshot_only=True) as (store, selection):
        data = portfolio.stats(store, args.as_of, selection)
    if args.json:
        print_json(data)
        return EXIT_OK
    print(f"{data['title']} – Stichtag {de_short(_d(data['as_of']))}")
    print(
        f"Ziele: {data['goals']}, Meilensteine: {data['milestones']}, "
        f"Abhängigkeiten: {data['dependencies']} (hart {data['dependencies_by_kind']['hard']}, "
        f"weich {data['dependencies_by_kind']['soft']}, ressortübergreifend "
        f"{data['cross_ministry_dependencies']})"
    )
    print(
        "Status: " + ", ".join(f"{STATUS_LABELS[Status(k)]} {v}" for k, v in data["status"].items())
    )
    print(
        f"Ziele mit Verzug: {len(data['slipped_goals'])}, Meilensteine mit Verzug: "
        f"{len(data['slipped_milestones'])}, überfällig: {len(data['overdue_milestones'])}"
    )
    print(f"Terminkonflikte: {len(data['conflicts'])}")
    chain = data["longest_chain"]
    path = chain["path"]
    shown = path if len(path) <= 12 else [*path[:5], "…", *path[-5:]]
    n = chain["length"]
    if n == 0:
        print("Längste Kette: keine (keine Abhängigkeiten)")
    else:
        print(f"Längste Kette: {deps_de(n)} ({' → '.join(shown)})")
    return EXIT_OK


def _d(text):
    from datetime import date

    return date.fromisoformat(text)


def cmd_goal(args) -> int:
    from sa2030_desktop.services import portfolio

    store = open_reading(args, snapshot_only=True)
    try:
        data = portfolio.goal_report(store, args.key, args.as_of)
    finally:
        store.close()
    if args.json:
        print_json(data)
        return EXIT_OK
    print(f"{data['key']} {data['title']}")
    print(
        f"Federführung: {data['lead']}; beteiligt: {', '.join(data['partners']) or '–'}; "
        f"Status: {STATUS_LABELS[Status(data['status'])]} "
        f"(Vorschlag: {STATUS_LABELS[Status(data['suggested_status'])]})"
    )
    if not data["milestones"]:
        print("Meilensteine: keine")
    for m in data["milestones"]:
        slip = f", Verzug {days_de(m['slip_days'])}" if m["slip_days"] else ""
        print(
            f"  {m['key']} {m['title']}: Basis {de_short(_d(m['baseline'])) if m['baseline'] else '–'}, "
            f"Prognose {de_short(_d(m['forecast'])) if m['forecast'] else '–'}, "
            f"Ist {de_short(_d(m['actual'])) if m['actual'] else '–'}{slip}"
        )
    print(f"Benötigt (transitiv): {', '.join(data['predecessors']) or '–'}")
    print(f"Wird benötigt von (transitiv): {', '.join(data['dependents']) or '–'}")
    for c in data["conflicts"]:
        print(
            f"  Terminkonflikt: {c['dependent']} wartet ab {de_short(_d(c['waiting']))} auf "
            f"{c['prerequisite']}, das erst am {de_short(_d(c['needed']))} fertig ist"
        )
    return EXIT_OK


def cmd_whatif(args) -> int:
    from sa2030_desktop.domain.whatif import whatif_dict
    from sa2030_desktop.services import portfolio

    store = read_file(args.file)
    try:
        # MEILENSTEIN=DATUM, read by the option (dated_value); z01-m3 means Z01-M3
        stored = StoredCodes(store.snapshot().milestones)
        changes = {stored(key): day for key, day in args.changes}
        result = portfolio.what_if(store, changes, args.as_of)
    finally:
        store.close()
    data = whatif_dict(result)
    if args.json:
        print_json(data)
        return EXIT_OK
    from sa2030_desktop.domain.sentences import whatif_sentences

    for line in whatif_sentences(result):
        print(line)
    return EXIT_OK


def cmd_rename(args) -> int:
    from sa2030_desktop.services import portfolio, reference

    if len(args.codes) < 2:
        print("sa2030 ministry rename: Falscher Aufruf: das bisherige und das neue Kürzel "
              "angeben (z. B. MID MDI)", file=sys.stderr)  # fmt: skip
        return 2
    store = portfolio.open_portfolio(args.file)
    try:
        typed = args.codes[-1]
        match_case(args, store, (("codes", "ministries"),))  # mi means MI, as everywhere
        *old, new = args.codes
        if new in old:  # StK STK: a rename of the case only, the new code stands as typed
            new = typed
        reference.rename_ministry(store, old, new, args.name, args.effective)
    finally:
        store.close()
    merged = len(old) > 1
    if args.json:
        print_json({"kind": "merge" if merged else "rename", "old": old, "new": new,
                    "name": args.name, "effective": args.effective.isoformat()})  # fmt: skip
        return EXIT_OK
    what = "zusammengelegt" if merged else "umbenannt"
    print(f"{', '.join(old)} zum {de_short(args.effective)} {what} in {new} „{args.name}“.")
    return EXIT_OK
