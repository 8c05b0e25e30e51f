"""sa2030 briefing FILE OUT.docx|.odt|.pdf --kind K: briefings from the command line (.pdf is
PDF/A-2b and .odt OpenDocument, both converted by LibreOffice)."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from sa2030_desktop.cli.common import (
    EXIT_OK,
    add_filters,
    date_arg,
    open_reading,
    print_json,
    selection_of,
)
from sa2030_desktop.domain.briefing_kinds import KIND_TITLES, KINDS
from sa2030_desktop.domain.dates import de_short


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("briefing", help="Briefing (Statusbericht, Sprechzettel, Vermerk, "
                       "Kabinettsvorlage, Umsetzungsbericht aus einer abgeschlossenen "
                       "Berichtsrunde mit --round, Workshop-Protokoll der Entscheidungen "
                       "seit --since) als Word (.docx), PDF/A (.pdf) oder "
                       "OpenDocument (.odt)")  # fmt: skip
    p.add_argument("file", metavar="DATEI")
    p.add_argument("out", metavar="ZIEL.docx|.pdf|.odt",
                   help="das Dateiformat folgt der Endung; .pdf (PDF/A-2b) und .odt "
                   "brauchen LibreOffice")  # fmt: skip
    p.add_argument("--kind", required=True, choices=KINDS, help="Art des Briefings")
    add_filters(p)
    p.add_argument("--classified", action="store_true",
                   help="als „VS – NUR FÜR DEN DIENSTGEBRAUCH“ kennzeichnen")  # fmt: skip
    p.add_argument("--reference", default="", metavar="TEXT", help="Geschäftszeichen")
    p.add_argument("--occasion", default="", metavar="TEXT", help="Anlass (Sprechzettel)")
    p.add_argument("--meeting-date", type=date_arg, metavar="DATUM", help="Termin (Sprechzettel)")
    p.add_argument("--template", metavar="PFAD", help="Hausvorlage (.docx oder .dotx)")
    p.add_argument("--changes-since", type=date_arg, metavar="DATUM",
                   help="Änderungen seit diesem Datum aufführen (Statusbericht)")  # fmt: skip
    p.add_argument("--author", default="", metavar="TEXT", help="Bearbeitung (Vermerk)")
    p.add_argument("--place", default="Magdeburg", metavar="ORT",
                   help="Ort vor dem Datum auf der ersten Seite (Standard: Magdeburg)")  # fmt: skip
    p.add_argument("--public", action="store_true",
                   help="öffentliche Fassung (Umsetzungsbericht): ohne Prüfkommentare, interne "
                   "Anmerkungen und Namen; nie eingestuft")  # fmt: skip
    p.add_argument("--issued", type=date_arg, metavar="DATUM",
                   help="Datum der Ausfertigung auf der ersten Seite (Standard: heute)")  # fmt: skip
    p.add_argument("--since", type=datetime_arg, metavar="DATUM/UHRZEIT",
                   help="Beginn der Sitzung (Workshop-Protokoll), Ortszeit, z. B. "
                   "2026-12-03T09:00 oder „03.12.2026 09:00“")  # fmt: skip
    p.add_argument("--until", type=datetime_arg, metavar="DATUM/UHRZEIT",
                   help="Ende der Sitzung (Workshop-Protokoll; Standard: jetzt)")  # fmt: skip
    p.add_argument("--participants", default="", metavar="TEXT",
                   help="Teilnehmende (Workshop-Protokoll), durch Kommas getrennt")  # fmt: skip
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_briefing)


def datetime_arg(text: str) -> datetime:
    """2026-12-03T09:00, „2026-12-03 09:00“, „03.12.2026 09:00“ or a date alone (0:00 Uhr)."""
    value = text.strip()
    for pattern in ("%d.%m.%Y %H:%M", "%d.%m.%Y %H:%M:%S", "%d.%m.%Y"):
        try:
            return datetime.strptime(value, pattern)
        except ValueError:
            pass
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"„{text}“ ist kein Zeitpunkt (2026-12-03T09:00 oder 03.12.2026 09:00)"
        ) from None


def cmd_briefing(args) -> int:
    # The Word export (python-docx, matplotlib, networkx) is loaded only for this command.
    from sa2030_desktop.services import briefing
    from sa2030_desktop.services.briefing import BriefingOptions, goals_de, shortened_line

    options = BriefingOptions(
        classified=args.classified,
        reference=args.reference,
        occasion=args.occasion,
        meeting_date=args.meeting_date,
        template=Path(args.template) if args.template else None,
        changes_since=args.changes_since,
        author=args.author,
        place=args.place,
        public=args.public,
        issued=args.issued,
        session_since=args.since,
        session_until=args.until,
        participants=args.participants,
    )
    store = open_reading(args)
    try:
        result = briefing.export_briefing(store, Path(args.out), args.kind, selection_of(args),
                                          args.as_of, options)  # fmt: skip
    finally:
        store.close()
    if args.json:
        print_json({"path": str(result.path), "kind": result.kind, "goals": result.goals,
                    "as_of": result.as_of.isoformat(), "classified": result.classified,
                    "round": result.round or None, "public": args.public,
                    "sanitized": result.sanitized, "shortened": result.shortened})  # fmt: skip
        return EXIT_OK
    for line in result.sanitized:
        print(f"Hinweis: für Word bereinigt – {line}", file=sys.stderr)
    if result.shortened:
        print(f"Hinweis: {shortened_line(result.shortened)}.", file=sys.stderr)
    mark = ", VS-NfD" if result.classified else ""
    mark += f", Berichtsrunde {result.round}" if result.round else ""
    mark += ", öffentliche Fassung" if args.public else ""
    print(f"{KIND_TITLES[result.kind]} geschrieben: {result.path} ({goals_de(result.goals)}, "
          f"Stichtag {de_short(result.as_of)}{mark})")  # fmt: skip
    return EXIT_OK
