"""sa2030 briefing FILE OUT.docx|.odt|.pdf --kind K: briefings from the command line (.pdf is
PDF/A-2b and .odt OpenDocument, both converted by LibreOffice)."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from sa2030_desktop.cli.common import (
    EXIT_OK,
    DataOption,
    add_date,
    add_filters,
    date_value,
    open_reading,
    print_json,
    selection_of,
)
from sa2030_desktop.domain.briefing_kinds import KIND_TITLES, KINDS
from sa2030_desktop.domain.dates import de_short
from sa2030_desktop.domain.errors import DomainError


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
    add_date(p, "--meeting-date", help="Termin (Sprechzettel)")
    p.add_argument("--template", metavar="PFAD", help="Hausvorlage (.docx oder .dotx)")
    add_date(p, "--changes-since", help="Änderungen seit diesem Datum aufführen (Statusbericht)")
    p.add_argument("--author", default="", metavar="TEXT", help="Bearbeitung (Vermerk)")
    p.add_argument("--place", default="Magdeburg", metavar="ORT",
                   help="Ort vor dem Datum auf der ersten Seite (Standard: Magdeburg)")  # fmt: skip
    p.add_argument("--public", action="store_true",
                   help="öffentliche Fassung (Umsetzungsbericht): ohne Prüfkommentare, interne "
                   "Anmerkungen und Namen; nie eingestuft")  # fmt: skip
    add_date(p, "--issued", help="Datum der Ausfertigung auf der ersten Seite (Standard: heute)")
    p.add_argument("--since", action=DataOption, convert=datetime_value, metavar="DATUM/UHRZEIT",
                   help="Beginn der Sitzung (Workshop-Protokoll), Ortszeit, z. B. "
                   "2026-12-03T09:00 oder „03.12.2026 09:00“")  # fmt: skip
    p.add_argument("--until", action=DataOption, convert=datetime_value, metavar="DATUM/UHRZEIT",
                   help="Ende der Sitzung (Workshop-Protokoll; Standard: jetzt)")  # fmt: skip
    p.add_argument("--participants", default="", metavar="TEXT",
                   help="Teilnehmende (Workshop-Protokoll), durch Kommas getrennt")  # fmt: skip
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_briefing)


def datetime_value(text: str, option: str) -> datetime:
    """2026-12-03T09:00, „2026-12-03 09:00“, „03.12.2026 09:00“ or a date alone (0:00 Uhr);
    anything else is refused naming the option and the value (exit 1, like every date)."""
    value = text.strip()
    moment = None
    for pattern in ("%d.%m.%Y %H:%M", "%d.%m.%Y %H:%M:%S", "%d.%m.%Y"):
        try:
            moment = datetime.strptime(value, pattern)
            break
        except ValueError:
            pass
    if moment is None:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise DomainError("bad_datetime", value=text, field=option) from None
    date_value(moment.date().isoformat(), option)  # the same range as every date
    return moment


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
