"""merge, package, copy, template: exchange between laptops and with Excel."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sa2030_desktop.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    add_as_of,
    match_case,
    open_file,
    print_json,
)
from sa2030_desktop.domain.grammar import count_de, goals_de
from sa2030_desktop.messages import (
    ENTITY,
    FIELD,
    format_code,
    format_issue,
    format_report_note,
    format_reports_taken,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "merge", help="zwei Kopien eines Portfolios zusammenführen (oder ein Ressortpaket einlesen)"
    )
    p.add_argument("file", metavar="DATEI")
    p.add_argument("other", metavar="ANDERE",
                   help="die andere Kopie oder ein Ressortpaket (.sa2030)")  # fmt: skip
    _merge_options(p)

    # the team server (TEAM.md): a checked-out copy goes back with the same merge
    p = sub.add_parser("checkin", help="ausgecheckte Kopie in den Teamserver zurückführen")
    p.add_argument(
        "file",
        metavar="SERVER",
        help="Teamserver, z. B. service=sa2030 oder postgresql://SERVER/DATENBANK",
    )
    p.add_argument("other", metavar="DATEI", help="die ausgecheckte Kopie (.sa2030)")
    _merge_options(p)

    p = sub.add_parser("package", help="Ressortpaket für ein Ressort ausgeben")
    p.add_argument("file", metavar="DATEI")
    p.add_argument("ministry", metavar="RESSORT", help="Kürzel des Ressorts, z. B. MID")
    p.add_argument("out", metavar="PAKET", help="die neue Paketdatei (.sa2030)")
    p.set_defaults(run=cmd_package)

    p = sub.add_parser("copy", help="Kopie speichern (zum späteren Zusammenführen)")
    p.add_argument("file", metavar="DATEI")
    p.add_argument("out", metavar="KOPIE", help="die neue Kopie (.sa2030)")
    p.set_defaults(run=cmd_copy)

    p = sub.add_parser("template", help="leere Excel-Vorlage mit Erläuterungen und Auswahllisten")
    p.add_argument("out", metavar="VORLAGE.{xlsx,ods}",
                   help="die neue Vorlage als Excel- (.xlsx) oder OpenDocument-Mappe (.ods)")  # fmt: skip
    p.add_argument("--file", metavar="DATEI", help="Codes aus diesem Portfolio (sonst Stammdaten)")
    add_as_of(p)  # the ministries offered: only those valid at this day
    p.set_defaults(run=cmd_template)


def _merge_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--dry-run", action="store_true", help="nur berichten, nichts schreiben")
    p.add_argument("--json", action="store_true")
    side = p.add_mutually_exclusive_group()
    side.add_argument("--ours", action="store_true", help="alle Konflikte: eigene Fassung")
    side.add_argument("--theirs", action="store_true", help="alle Konflikte: andere Fassung")
    p.add_argument(
        "--take",
        action="append",
        default=[],
        metavar="OBJEKT:SCHLÜSSEL:FELD=SEITE",
        help="einen Konflikt entscheiden, z. B. goal:Z17:title=theirs",
    )
    p.set_defaults(run=cmd_merge)


def _decisions(items: list[str]) -> dict | None:
    out = {}
    for item in items:
        ident, sep, side = item.rpartition("=")
        parts = ident.split(":")
        if not sep or len(parts) != 3 or side not in ("mine", "theirs", "ours"):
            return None
        out[tuple(parts)] = "mine" if side == "ours" else side
    return out


def cmd_merge(args) -> int:
    from sa2030_desktop.services.merge import merge_files

    decisions = _decisions(args.take)
    if decisions is None:
        print(
            "sa2030 merge: Falscher Aufruf: --take OBJEKT:SCHLÜSSEL:FELD=mine|theirs",
            file=sys.stderr,
        )
        return EXIT_USAGE
    bulk = "mine" if args.ours else "theirs" if args.theirs else None
    from sa2030_desktop.domain.errors import DomainError

    try:
        report = merge_files(args.file, Path(args.other), decisions, bulk, args.dry_run)
    except DomainError as exc:
        if not exc.code.startswith("merge_take_"):
            raise
        print(f"sa2030 merge: {format_code(exc.code, exc.data)}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        print_json({"dry_run": args.dry_run, **report.as_dict()})
    else:
        _print_report(report, args.dry_run)
    if report.issues:
        return EXIT_REFUSED
    if report.undecided:
        if not args.json:
            print(
                f"sa2030 merge: {format_code('merge_conflicts', {'count': len(report.undecided)})}",
                file=sys.stderr,
            )
        return EXIT_REFUSED
    return EXIT_OK


def _value(v) -> str:
    if v is None:
        return "–"
    if isinstance(v, dict):
        return "(vorhanden)"
    if isinstance(v, list):
        return ", ".join(str(x) for x in v) or "–"
    return str(v)


def _print_report(report, dry_run: bool) -> None:
    what = f"Ressortpaket {report.package_of}" if report.package_of else report.other
    base = (
        "gemeinsame Basis gefunden"
        if report.base_found
        else "keine gemeinsame Basis – jede Abweichung ist ein Konflikt"
    )
    print(f"Zusammenführung mit {what} ({base}).")
    print(
        f"Übernommen ohne Konflikt: {count_de(len(report.outcome.taken), 'Änderung', 'Änderungen')}."
    )
    for c in report.conflicts:
        decided = "" if c in report.undecided else " [entschieden]"
        field = "Eintrag" if c.field == "*" else FIELD.get(c.field, c.field)
        if c.kind == "cycle":
            field = "schließt einen Kreis"
        print(
            f"KONFLIKT {ENTITY.get(c.entity, c.entity)} {c.key}, {field}: "
            f"Basis {_value(c.base)} | eigene {_value(c.mine)} | andere {_value(c.theirs)}"
            f"{decided}  (--take {c.entity}:{c.key}:{c.field}=mine|theirs)"
        )
    for entity, key in report.outcome.dropped:
        print(f"Entfällt mit gelöschtem Ziel: {ENTITY.get(entity, entity)} {key}")
    if report.reports_taken or report.report_notes:
        print(format_reports_taken(len(report.reports_taken)))
    for note in report.report_notes:
        print(f"HINWEIS: {format_report_note(note)}")
    for issue in report.issues:
        print(f"ABGELEHNT: {format_issue(issue)}", file=sys.stderr)
        if issue.code == "cycle":
            _print_cycle_hint(report, issue)
    if report.changeset is not None:
        print(
            "Zusammenführung geschrieben."
            if not report.changeset.empty
            else "Nichts zu übernehmen – beide Fassungen stimmen überein."
        )
    elif dry_run:
        print("Probelauf: nichts geschrieben.")


def _print_cycle_hint(report, issue) -> None:
    """Name the dependency to decide and the exact --take that breaks the cycle."""
    path = " → ".join(issue.data.get("path") or [])
    cycle = [c for c in report.conflicts if c.kind == "cycle"]
    pick = next((c for c in cycle if c.mine is None), cycle[0] if cycle else None)
    if pick is None:
        return
    side, effect = ("mine", "nicht übernehmen") if pick.mine is None else ("theirs", "entfernen")
    take = f"{pick.entity}:{pick.key}:*={side}"
    data = {"path": path, "take": take, "key": pick.key, "effect": effect}
    print(f"sa2030 merge: {format_code('merge_cycle_hint', data)}", file=sys.stderr)


def cmd_package(args) -> int:
    from sa2030_desktop.services.package import export_package, package_goals

    store = open_file(args.file, readonly=True)
    try:
        match_case(args, store, (("ministry", "ministries"),))  # mid means MID
        own, context = package_goals(store, args.ministry)
        written = export_package(store, args.ministry, Path(args.out))
    finally:
        store.close()
    print(
        f"Ressortpaket {args.ministry}: {written} ("
        f"{count_de(len(own), 'eigenes/beteiligtes Ziel', 'eigene/beteiligte Ziele')}, "
        f"{goals_de(len(context))} als Kontext)"
    )
    return EXIT_OK


def cmd_copy(args) -> int:
    from sa2030_desktop.services.merge_state import save_copy_with_base

    store = open_file(args.file, readonly=True)
    try:
        written = save_copy_with_base(store, Path(args.out))
    finally:
        store.close()
    print(f"Kopie gespeichert: {written}")
    return EXIT_OK


def cmd_template(args) -> int:
    from sa2030_desktop.services.tabular_write import write_template

    if args.file:
        store = open_file(args.file, readonly=True)
        try:
            portfolio = store.snapshot()
        finally:
            store.close()
    else:
        portfolio = reference_portfolio()
    written = write_template(Path(args.out), portfolio, args.as_of)
    print(f"Vorlage geschrieben: {written}")
    return EXIT_OK


def reference_portfolio():
    from sa2030_desktop import assets
    from sa2030_desktop.domain.model import Portfolio
    from sa2030_desktop.services.json_format import read_json

    bundle = read_json(assets.reference_data())
    return Portfolio(
        categories={r.obj.code: r.obj for r in bundle.categories},
        themes={r.obj.code: r.obj for r in bundle.themes},
        ministries={r.obj.code: r.obj for r in bundle.ministries},
    )
