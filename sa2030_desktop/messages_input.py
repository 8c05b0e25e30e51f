"""German words for hostile and careless input (issue 16): output targets, values outside the
model, oversized files – and the English details of SQLite, zipfile, lxml and the OS turned
into German phrases. Merged into `messages.MESSAGES`."""

from __future__ import annotations

import re

INPUT_MESSAGES = {
    "target_is_portfolio": "„{path}“ ist (oder verweist auf) eine Portfolio-Datenbank; ein Export überschreibt sie nicht. Bitte einen anderen Dateinamen wählen – es wurde nichts geschrieben.",
    "file_not_regular": "„{path}“ ist keine gewöhnliche Datei (sondern ein Gerät, eine Pipe oder ein Socket) und wird nicht geöffnet.",
    "source_not_regular": "„{path}“ ist keine gewöhnliche Datei (sondern ein Gerät, eine Pipe oder ein Socket) und wird nicht eingelesen.",
    "target_not_regular": "„{path}“ ist keine gewöhnliche Datei (sondern ein Gerät, eine Pipe oder ein Socket) und wird nicht überschrieben; bitte einen Dateinamen angeben. Es wurde nichts geschrieben.",
    "target_readonly": "„{path}“ ist schreibgeschützt und wird nicht überschrieben; bitte einen anderen Dateinamen wählen oder den Schreibschutz aufheben. Es wurde nichts geschrieben.",
    "readonly_filesystem": "„{path}“ liegt auf einem schreibgeschützten Datenträger; es wurde nichts geschrieben.",
    "name_too_long": "Der Name „{path}“ ist zu lang (ein Teil des Pfads hat mehr als {limit} Bytes); bitte einen kürzeren Namen wählen. Es wurde nichts geschrieben.",
    "write_failed": "„{path}“ konnte nicht geschrieben werden (Systemfehler {detail}); eine vorhandene Datei blieb unverändert.",
    "text_length": "„{field}“ ist {length} Zeichen lang; erlaubt sind höchstens {limit}.",
    "bad_key": "„{value}“ taugt nicht als Schlüssel: {why}.",
    "bad_ministry_code": "„{value}“ taugt nicht als Ressortkürzel (erlaubt: ein Großbuchstabe, dann bis zu 11 Buchstaben oder Ziffern, z. B. MID oder StK).",
    "bad_priority": "Priorität „{value}“ ist nicht erlaubt – erlaubt sind die ganzen Zahlen 1, 2 und 3.",
    "unknown_theme_empty": "Das Themenfeld fehlt.",
    "unknown_ministry_empty": "Das federführende Ressort fehlt.",
    "unknown_goal_empty": "Das Ziel fehlt, zu dem dies gehört.",
    "bad_status_option": "„{value}“ in „{field}“ ist kein Status (erlaubt: not_started, on_track, delayed, at_risk, done oder nicht begonnen, im Plan, verzögert, gefährdet, abgeschlossen).",
    "bad_datetime": "„{value}“ in „{field}“ ist kein Zeitpunkt (erwartet 2026-12-03T09:00 oder 03.12.2026 09:00).",
    "date_out_of_range": "Das Datum {value} in „{field}“ liegt außerhalb des erlaubten Zeitraums 01.01.1990 bis 31.12.2100.",
    "number_out_of_range": "„{value}“ in „{field}“ ist keine erlaubte Zahl (endlich, höchstens 10^15 dem Betrag nach).",
    "duplicate_json_key": "Das Feld „{value}“ steht zweimal im selben Objekt; welcher Wert gilt, ist nicht eindeutig.",
    "json_too_deep": "Die Datei ist zu tief verschachtelt (mehr als {limit} Ebenen) und wird nicht gelesen.",
    "missing_version": "Die Angabe „version“ fehlt oder ist keine ganze Zahl (erwartet: 1 oder 2).",
    "briefing_too_large": "Das Briefing würde {count} Ziele behandeln – zu viele für ein lesbares Dokument (höchstens {limit}). Bitte die Auswahl einschränken, z. B. mit --ministry, --theme, --category, --status oder --only-slipped (im Dialog: Auswahl). Es wurde nichts geschrieben.",
    "figure_too_large": "{what} würde {count} Ziele zeigen – als Bild nicht mehr lesbar (höchstens {limit}). Bitte die Auswahl einschränken, z. B. mit {hint}; die Anwendung zeigt große Portfolios zusammengefasst. Es wurde nichts geschrieben.",
    "target_disk_full": "Der Datenträger ist voll: „{path}“ wurde nicht geschrieben, eine vorhandene Datei blieb unverändert. Bitte Platz schaffen oder einen anderen Ort wählen.",
    "csv_line_too_long": "Eine Zeile ist {size} Bytes lang (erlaubt: {limit}); ist das wirklich eine CSV-Datei der Vorlage?",
    "csv_row_width": "Die Zeile hat {count:Feld|Felder}, die Kopfzeile {header} (Trennzeichen „{sep}“) – steht das Trennzeichen in einem Text ohne Anführungszeichen? Bitte den Text in Anführungszeichen setzen oder die Datei als Excel-Mappe speichern.",
    "csv_row_one_field": "Die Zeile hat 1 Feld, die Kopfzeile {header} (Trennzeichen „{sep}“) – ist die Zeile mit einem anderen Trennzeichen geschrieben? Bitte alle Zeilen mit demselben Trennzeichen speichern.",
    "meldebogen_not_import": "Die Mappe ist ein Meldebogen einer Berichtsrunde; sie wird nicht importiert, sondern eingesammelt: sa2030 round collect PORTFOLIO RUNDE „{path}“ (im Programm: Austausch › Meldebögen einsammeln …).",
    "ministry_absorbed_renamed": "Das Ressort {key} gibt es schon („{value}“); ein Ressort wird in ein bestehendes nur unter dessen Namen eingegliedert – als Namen „{value}“ angeben oder für ein neues Ressort ein freies Kürzel wählen. Nichts wurde geschrieben.",
    "hidden_sheet": "Das Blatt „{value}“ ist ausgeblendet; es wird trotzdem eingelesen – bitte prüfen, ob das gewollt ist.",
    "hidden_rows": "Ausgeblendete Zeilen ({count}: Zeile {rows}) werden trotzdem eingelesen – bitte prüfen, ob das gewollt ist.",
    "xlsx_too_large": "Die Excel-Mappe wird abgelehnt: sie ist größer als erlaubt ({detail}); höchstens 200.000 Zeilen mit Werten und 1.000 Spalten je Blatt.",
    "source_twice": "„{path}“ ist zweimal angegeben; jede Datei wird nur einmal eingelesen.",
}


def damage_detail(detail: object) -> str:
    """SQLite's English findings (integrity_check lines, error texts) as one German phrase."""
    text = str(detail or "")
    low = text.lower()
    pages = re.findall(r"page (\d+)", text)
    table = re.search(r"no such (?:table|column): (\S+)", text)
    if table:
        return f"ein Teil des Datenbankschemas fehlt: {table.group(1)}"
    if "page size" in low:
        return "ungültige Seitengröße im Dateikopf"
    if pages:
        count = max(1, text.count("\n") + 1 if "\n" in text else text.count(";") + 1)
        return f"SQLite meldet {count} Strukturfehler, zuerst auf Seite {pages[0]}"
    if "not a database" in low:
        return "der Dateikopf ist keiner einer SQLite-Datenbank"
    if "malformed" in low or "corrupt" in low:
        return "die Datenbankstruktur ist fehlerhaft"
    if "invalid isoformat" in low or "fromisoformat" in low or "date" in low:
        return "ein gespeichertes Datum ist kein Datum"
    if re.fullmatch(r"[\x00-\x7f]*", text) and re.search(r"[A-Za-z]{3}", text):
        return "die Datenbankprüfung schlägt fehl"  # English from SQLite: not shown as such
    return text


_READ_DETAILS = (  # English texts of zipfile, lxml, openpyxl and the OS, as German phrases
    ("crc", "die Prüfsumme eines Teils stimmt nicht – die Datei ist beschädigt"),
    ("zlib", "ein gepackter Teil ist beschädigt"),
    ("not a zip", "keine gültige Zip-Datei"),
    ("truncated", "die Datei ist unvollständig"),
    ("eof", "die Datei ist unvollständig"),
    ("permission denied", "keine Berechtigung"),
    ("no such file", "die Datei gibt es nicht"),
    ("compression", "eine unbekannte Kompressionsart"),
    ("encrypt", "die Datei ist verschlüsselt"),
    ("password", "die Datei ist verschlüsselt"),
    ("syntax", "das XML ist fehlerhaft"),
)


def read_detail(detail: object) -> str:
    """Why a file could not be read, in German (never the English of a library)."""
    text = str(detail or "")
    low = text.lower()
    for english, german in _READ_DETAILS:
        if english in low:
            return german
    if re.fullmatch(r"[\x00-\x7f]*", text) and re.search(r"[A-Za-z]{3}", text):
        return "der Aufbau der Datei ist ungültig"
    return text
