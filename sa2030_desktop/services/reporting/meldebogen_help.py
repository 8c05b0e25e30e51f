"""The text of the Meldebogen's first sheet („Ausfüllhinweise“): what is asked, by when, how to
fill in each sheet and how to send it back. One (format, line) pair per row."""

from __future__ import annotations

from sa2030_desktop.domain import meldebogen as mb
from sa2030_desktop.domain.dates import de_short
from sa2030_desktop.domain.model import STATUS_LABELS
from sa2030_desktop.domain.reporting import MAX_PROGRESS


def help_lines(ident: mb.Identity) -> list[tuple[str, str]]:
    labels = ", ".join(f"„{label}“" for label in STATUS_LABELS.values())
    return [
        ("title", f"Meldebogen {ident.round_title} ({ident.round})"),
        ("subtitle", f"Ressort {ident.ministry} – {ident.ministry_name}"),
        (
            "subtitle",
            f"Stichtag {de_short(ident.as_of)} · Meldeschluss {de_short(ident.deadline)}"
            f" · Portfolio „{ident.portfolio_title}“",
        ),  # fmt: skip
        ("help", ""),
        ("help_head", "Worum es geht"),
        (
            "help",
            "Die Koordinierungsstelle bittet um den Stand Ihrer Ziele zum Stichtag. Der "
            "Bogen ist mit den derzeit erfassten Werten vorausgefüllt. Bitte ändern Sie "
            "nur, was sich geändert hat, und senden Sie die Datei bis zum Meldeschluss "
            "zurück.",
        ),  # fmt: skip
        ("help", ""),
        ("help_head", "Was Sie ausfüllen"),
        (
            "help",
            "Eingabefelder sind gelb hinterlegt; jedes Blatt nennt sie in seiner dritten "
            "Zeile. Alle anderen Zellen sind gesperrt (Blattschutz ohne Kennwort) und "
            "dürfen nicht verändert werden.",
        ),  # fmt: skip
        (
            "help",
            f"Blatt „{mb.SHEET_GOALS}“: Status (Auswahlliste: {labels}; nur diese "
            "Bezeichnungen, keine Ampelfarben wie „grün“), Begründung des "
            f"Status (nötig, wenn der Status auf „verzögert“ oder „gefährdet“ wechselt), "
            f"Sachstand (höchstens {MAX_PROGRESS:,} Zeichen; er wird veröffentlicht) und "
            f"eine interne Bemerkung (wird nie veröffentlicht).".replace(",000", ".000"),
        ),  # fmt: skip
        (
            "help",
            f"Blatt „{mb.SHEET_MILESTONES}“: Prognose und Ist-Datum je Meilenstein als "
            "Datum TT.MM.JJJJ (z. B. 31.03.2026). Ein Ist-Datum darf nicht in der Zukunft "
            "liegen; ein eingetragener Termin lässt sich hier nicht löschen. Der "
            "Basistermin bleibt unverändert.",
        ),  # fmt: skip
        (
            "help",
            f"Blatt „{mb.SHEET_INDICATORS}“: ein neuer Messwert (Zahl, Dezimalkomma) mit "
            "seinem Messdatum; ohne Messdatum gilt der Stichtag. Ausgangs- und Zielwert "
            "ändern sich durch eine Meldung nicht.",
        ),  # fmt: skip
        ("help", ""),
        ("help_head", "Was mit Ihren Angaben geschieht"),
        (
            "help",
            "Beim Einlesen wird der ganze Bogen geprüft; jeder Fehler wird mit Blatt, "
            "Zeile und Spalte genannt, und aus einem fehlerhaften Bogen wird nichts "
            "übernommen. Eine Zeile, in der Sie nichts geändert haben, gilt als Meldung "
            "„unverändert“. Werte, die Sie nicht geändert haben, überschreiben keine "
            "Änderungen, die inzwischen in der Anwendung erfasst wurden.",
        ),  # fmt: skip
        ("help", ""),
        ("help_head", "Speichern und zurücksenden"),
        (
            "help",
            "Bitte im Excel-Format (.xlsx) speichern – in LibreOffice Calc „Aktuelles "
            "Format beibehalten“ wählen (im ODF-Format .ods gespeichert wird der Bogen ebenfalls "
            "angenommen). Keine Blätter umbenennen, keine Zeilen oder "
            "Spalten einfügen oder löschen. Das ausgeblendete Blatt „Kennung“ ordnet den "
            "Bogen dieser Berichtsrunde und Ihrem Ressort zu; bitte nicht verändern.",
        ),  # fmt: skip
    ]
