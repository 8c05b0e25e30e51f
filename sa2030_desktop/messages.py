"""Turns the core's error codes into German sentences (for the CLI and the GUI alike)."""

from __future__ import annotations

import re
from datetime import date

from sa2030_desktop.domain.dates import days_de, de_short
from sa2030_desktop.domain.errors import DomainError, Issue, ValidationError
from sa2030_desktop.domain.grammar import Count
from sa2030_desktop.messages_input import INPUT_MESSAGES, damage_detail, read_detail

ENTITY = {
    "goal": "Ziel",
    "milestone": "Meilenstein",
    "dependency": "Abhängigkeit",
    "category": "Zielkategorie",
    "theme": "Themenfeld",
    "ministry": "Ressort",
    "indicator": "Indikator",
    "portfolio": "Portfolio",
}
FIELD = {
    "title": "Titel",
    "description": "Beschreibung",
    "status_reason": "Statusbegründung",
    "status": "Status",
    "kind": "Art",
    "rationale": "Begründung",
    "note": "Bemerkung",
    "name": "Name",
    "unit": "Einheit",
    "baseline": "Basistermin",
    "forecast": "Prognose",
    "actual": "Ist",
    "theme": "Themenfeld",
    "lead": "Federführung",
    "partners": "Beteiligung",
    "values": "Messwerte",
    "valid_from": "gültig ab",
    "valid_until": "gültig bis",
    "successor": "Nachfolger",
    "as_of": "Stichtag",
    "baseline_date": "Basisdatum",
    "target_date": "Zieldatum",
    "target": "Zielwert",
    "priority": "Priorität",
    "key": "Schlüssel",
    "code": "Kürzel",
    "goal": "Ziel",
    "category": "Zielkategorie",
    # the fields a dependency is found by (template: abhaengig, benoetigt, …)
    "dependent": "abhängiges Ziel",
    "prerequisite": "benötigtes Ziel",
    "prerequisite_milestone": "benötigter Meilenstein",
    "dependent_milestone": "wartender Meilenstein",
    "round": "Berichtsrunde",
}

MESSAGES = {
    # files
    "file_missing": "Die Datei „{path}“ gibt es nicht.",
    "file_is_directory": "„{path}“ ist ein Ordner, keine Portfoliodatei.",
    "file_unreadable": "Die Datei „{path}“ kann nicht gelesen werden (keine Berechtigung).",
    "file_unwritable": "In „{path}“ kann nicht geschrieben werden (keine Berechtigung).",
    "file_empty": "Die Datei „{path}“ ist leer – sie ist keine SA2030-Portfoliodatei.",
    "not_sqlite": "„{path}“ ist keine SA2030-Portfoliodatei (keine SQLite-Datenbank).",
    "file_truncated": "Die Datei „{path}“ ist unvollständig (abgeschnitten: {size} statt mindestens {expected} Bytes). Sie wurde nicht verändert; bitte eine Sicherung öffnen.",
    "foreign_sqlite": "„{path}“ ist eine SQLite-Datenbank, aber keine SA2030-Portfoliodatei. Sie wurde nicht verändert.",
    "newer_version": "„{path}“ wurde mit einer neueren Version von SA2030 Planner gespeichert (Schema {version}, diese Version kennt bis {supported}). Bitte die Anwendung aktualisieren; die Datei wurde nicht verändert.",
    "file_damaged": "Die Datei „{path}“ ist beschädigt ({detail}). Sie wurde nicht verändert; bitte eine Sicherung wiederherstellen.",
    "file_exists": "Die Datei „{path}“ gibt es schon; sie wird nicht überschrieben.",
    "folder_missing": "Den Ordner „{path}“ gibt es nicht.",
    "migration_failed": "Die Datei „{path}“ konnte nicht auf das aktuelle Format gebracht werden ({detail}). Sie blieb unverändert.",
    "older_read_from_copy": "„{path}“ hat ein älteres Dateiformat. Zum Lesen wurde sie in einer temporären Kopie umgestellt; die Datei selbst bleibt unverändert. Beim ersten Öffnen zum Bearbeiten wird sie umgestellt (vorher gesichert).",
    "older_shown_readonly": "„{path}“ hat ein älteres Dateiformat und lässt sich hier nicht umstellen (schreibgeschützte Datei, schreibgeschützter Ordner oder Datenträger). Sie wird deshalb nur zum Lesen gezeigt – umgestellt in einer temporären Kopie, die Datei selbst bleibt unverändert. Zum Bearbeiten bitte unter neuem Namen speichern („Datei > Kopie speichern unter…“ bzw. „sa2030 copy“) und die neue Datei öffnen.",
    "readonly": "„{path}“ ist schreibgeschützt geöffnet; Änderungen sind nicht möglich.",
    "readonly_disk": "„{path}“ liegt auf einem schreibgeschützten Datenträger; Änderungen sind nicht möglich, es wurde nichts geschrieben. Eine bearbeitbare Kopie auf einem anderen Datenträger legen „Datei > Kopie speichern unter…“ bzw. „sa2030 copy“ an.",
    "target_is_directory": "„{path}“ ist ein Ordner; bitte einen Dateinamen angeben.",
    "target_unwritable": "In „{path}“ kann nicht geschrieben werden (keine Berechtigung).",
    "target_locked": "„{path}“ kann nicht ersetzt werden – ist die Datei noch in einem anderen Programm geöffnet?",
    "unknown_extension": "Unbekanntes Dateiformat „{ext}“ – erlaubt sind {allowed}.",
    "not_utf8": "Die Datei ist nicht in UTF-8 kodiert (Byte {offset}).",
    "bad_json": "Kein gültiges JSON: {detail}.",
    "not_exchange_file": 'Die Datei ist keine SA2030-Austauschdatei ("format": "sa2030-portfolio" fehlt).',
    "unsupported_version": "Austauschformat Version {version} wird nicht unterstützt (bis Version {supported}).",
    "missing_section": "Der Abschnitt „{section}“ fehlt.",
    "bad_section": "Der Abschnitt „{section}“ ist keine Liste.",
    "bad_record": "Der Eintrag ist kein Objekt.",
    # records
    "missing_field": "Pflichtfeld „{field}“ fehlt.",
    "bad_value": "Ungültiger Wert in „{field}“: {value}.",
    "bad_date": "„{value}“ in „{field}“ ist kein Datum (erwartet 2026-03-31 oder 31.03.2026).",
    "bad_number": "„{value}“ in „{field}“ ist keine Zahl.",
    "bad_status": "Unbekannter Status „{value}“ (erlaubt: nicht begonnen, im Plan, verzögert, gefährdet, abgeschlossen).",
    "bad_kind": "Unbekannte Art „{value}“ (erlaubt: hart, weich).",
    "duplicate_key": "Der Schlüssel {key} kommt mehrfach vor (zuerst: {first}).",
    "unknown_category": "Unbekannte Zielkategorie „{value}“.",
    "unknown_theme": "Unbekanntes Themenfeld „{value}“.",
    "unknown_ministry": "Unbekanntes Ressort „{value}“.",
    "unknown_goal": "Unbekanntes Ziel „{value}“.",
    "unknown_milestone": "Unbekannter Meilenstein „{value}“.",
    "milestone_not_of_goal": "Meilenstein {value} gehört nicht zum Ziel {goal}.",
    "partner_is_lead": "Das federführende Ressort {value} kann nicht zugleich beteiligt sein.",
    "duplicate_partner": "Das Ressort {value} ist mehrfach beteiligt.",
    "empty_title": "Der Titel darf nicht leer sein.",
    "empty_key": "Der Schlüssel darf nicht leer sein.",
    "empty_forecast": "Die Prognose darf nicht leer sein.",
    "bad_text": "„{field}“ enthält ein Zeichen, das nicht gespeichert werden kann ({char}).",
    "text_too_long": "„{field}“ ist zu lang.",
    "self_dependency": "Ein Ziel kann nicht von sich selbst abhängen ({value}).",
    "duplicate_dependency": "Diese Abhängigkeit gibt es schon.",
    "cycle": "Abhängigkeit abgelehnt – sie würde einen Kreis schließen: {path}.",
    "actual_in_future": "Das Ist-Datum {value} liegt in der Zukunft.",
    "extra_column": "Unbekannte Spalte „{value}“ wird ignoriert.",
    "missing_column": "Pflichtspalte „{value}“ fehlt.",
    "category_mismatch": "Kategorie „{value}“ passt nicht zum Themenfeld (dort: {expected}).",
    # actions
    "not_found": "{entity} „{key}“ gibt es nicht.",
    "status_reason_required": "Eine Statusänderung braucht eine Begründung.",
    "baseline_needs_rebaseline": "Der Basistermin ändert sich nur über „Neuer Basistermin“ mit Kommentar.",
    "rebaseline_comment_required": "„Neuer Basistermin“ braucht einen Kommentar.",
    "unknown_field": "Unbekanntes Feld {field}.",
    "still_in_use": "{entity} „{key}“ wird noch verwendet und kann nicht gelöscht werden.",
    "ministry_closed": "Das Ressort {key} besteht nur bis {value}.",
    "effective_before_start": "Das Ressort {key} besteht erst ab {value}.",
    "rename_same_code": "Das neue Kürzel {key} muss sich vom alten unterscheiden.",
    "usage": "Falscher Aufruf ({detail}).",
    "empty_selection": "Die Auswahl enthält keine Ziele.",
    "bad_dpi": "Die Auflösung {value} dpi ist nicht möglich (erlaubt: 30 bis 1200).",
    "validation": "{count} Fehler in {source} – nichts wurde übernommen.",
}
MESSAGES.update(INPUT_MESSAGES)  # hostile and careless input (issue 16)


def _fmt_value(name: str, value: object) -> object:
    if isinstance(value, date):  # DIN 5008 in every message, whatever the core hands in
        return de_short(value)
    if name == "path" and isinstance(value, list):
        return " → ".join(str(v) for v in value)
    if name == "days" and isinstance(value, int):
        return days_de(value)
    if name == "count" and isinstance(value, int) and not isinstance(value, bool):
        return Count(value)  # „{count:Konflikt|Konflikte}“ – „1 Konflikt“
    if name == "entity":
        return ENTITY.get(str(value), value)
    if name == "field":
        return FIELD.get(str(value), value)
    if name == "fields" and isinstance(value, list):
        from sa2030_desktop.messages_server import fields_text

        return fields_text(value)
    return value


def format_code(code: str, data: dict) -> str:
    if code == "file_damaged" and "detail" in data:
        data = {**data, "detail": damage_detail(data["detail"])}
    elif code.endswith("_detail") and "detail" in data:
        data = {**data, "detail": read_detail(data["detail"])}
    if code.startswith("unknown_") and data.get("value") == "" and f"{code}_empty" in MESSAGES:
        code = f"{code}_empty"  # an empty cell is a missing value, not an unknown code „“
    template = MESSAGES.get(code)
    if template is None:
        return f"{code}: {data}"
    values = {k: _fmt_value(k, v) for k, v in data.items()}
    try:
        return template.format(**values)
    except KeyError as exc:
        # An optional detail in parentheses („(zuerst: {first})“) is left out when its value is
        # missing, e.g. a duplicate key refused in a dialog rather than found in an import.
        shorter = re.sub(
            r"\s*\([^()]*\{" + re.escape(str(exc.args[0])) + r"\}[^()]*\)", "", template
        )
        if shorter != template:
            return format_code_template(shorter, values, data)
        return template.split("{")[0].strip() + f" ({data})"
    except IndexError:
        return template.split("{")[0].strip() + f" ({data})"


def format_reports_taken(count: int) -> str:
    """„3 Meldungen aus dem Ressortpaket übernommen.“ (the figure of a package's merge)."""
    return format_code("package_reports_taken", {"count": count})


def format_report_note(note) -> str:
    """A note of a Ressortpaket's report the merge did not take (services/package_reports)."""
    data = dict(note.data)
    if "reason_code" in data:
        data["reason"] = format_code(data.pop("reason_code"), data.pop("reason_data"))
    return format_code(note.code, data)


def format_code_template(template: str, values: dict, data: dict) -> str:
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return template.split("{")[0].strip() + f" ({data})"


def _visible(text: str) -> str:
    """A key as a message can show it: control and invisible characters as \\uXXXX."""
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)


def format_place(place: dict) -> str:
    """„ziele.csv, Zeile 7, Ziel Z17“ – where a finding is."""
    parts = []
    if place.get("file"):
        parts.append(str(place["file"]))
    if place.get("sheet"):
        parts.append(f"Blatt {place['sheet']}")
    if place.get("line"):
        parts.append(f"Zeile {place['line']}")
    elif place.get("row"):
        parts.append(f"Zeile {place['row']}")
    elif place.get("section") and place.get("index"):
        parts.append(f"{place['section']} Nr. {place['index']}")
    if place.get("key"):
        entity = ENTITY.get(str(place.get("entity", "")), "")
        parts.append(f"{entity} {_visible(str(place['key']))}".strip())
    if place.get("column"):
        parts.append(f"Spalte {place['column']}")
    return ", ".join(parts)


def format_issue(issue: Issue) -> str:
    where = format_place(issue.place)
    text = format_code(issue.code, issue.data)
    return f"{where}: {text}" if where else text


# Status contradictions (domain.rules.contradiction): one sentence per reason for every view.
CONTRADICTIONS = {
    "slipped_but_on_plan": "Widerspruch: „{status}“, obwohl ein Meilenstein Verzug hat oder überfällig ist.",
    "done_but_open": "Widerspruch: „{status}“, obwohl noch ein Meilenstein offen ist.",
    "delayed_without_slip": "Widerspruch: „{status}“, obwohl kein Meilenstein Verzug hat oder überfällig ist.",
    "not_started_but_achieved": "Widerspruch: „{status}“, obwohl schon ein Meilenstein erreicht ist.",
}


def contradiction_text(reason: str, status_label: str) -> str:
    return CONTRADICTIONS.get(reason, reason).format(status=status_label)


def format_error(error: BaseException) -> str:
    """One German text for any refused action; validation errors list every issue."""
    if isinstance(error, ValidationError):
        head = format_code(
            "validation", {"count": len(error.issues), "source": error.source or "der Eingabe"}
        )
        return head + "\n" + "\n".join(f"- {format_issue(i)}" for i in error.issues)
    if isinstance(error, DomainError):
        return format_code(error.code, error.data)
    return str(error)


MESSAGES |= {
    "broken_reference": "Verweis ins Leere ({value}).",
    "contradiction": "Status „{status}“ widerspricht den Terminen (Vorschlag: {suggested}).",
    "conflict": "Terminkonflikt: {dependent} wartet ab {waiting} auf {prerequisite}, das erst am {needed} fertig ist ({days} zu spät).",
    "overdue": "Prognose {forecast} ist verstrichen, aber kein Ist-Datum eingetragen.",
}

MESSAGES |= {  # timeline (issue 7)
    "empty_time_window": "Der Zeitraum ist leer: „von“ ({start}) liegt nach „bis“ ({end}).",
    "no_milestones_in_window": "Im Zeitraum {window} liegen keine Meilensteine der Auswahl.",
    "milestone_achieved": "Meilenstein {key} ist schon erreicht (Ist {value}); seine Prognose ändert sich nicht mehr.",
    "forecast_before_achieved_prerequisite": "Die Prognose {value} für {key} liegt vor dem Abschluss des benötigten Meilensteins {prerequisite} (erreicht am {achieved}).",
    "imported_forecast_of_achieved": "Meilenstein {key} ist schon erreicht (Ist {value}); die Datei ändert trotzdem seine Prognose – bitte prüfen.",
}

# data safety (persistence/locking.py, backup.py, location.py; services/safety.py)
MESSAGES |= {
    "file_locked": "„{path}“ wird gerade von {user} auf {host} bearbeitet (seit {since}, Prozess {pid}). Sie können die Datei schreibgeschützt öffnen.",
    "backup_failed": "Die Sicherung von „{path}“ ist fehlgeschlagen ({detail}). Die bisherigen Sicherungen bleiben erhalten.",
    "backup_damaged": "Die Sicherung „{path}“ ist beschädigt ({detail}) und wird nicht verwendet.",
    "restore_failed": "„{path}“ konnte nicht wiederhergestellt werden ({detail}). Es wurde nichts ersetzt.",
    "no_backup": "Für „{path}“ gibt es keine geprüfte Sicherung.",
    "remote_changed": "„{path}“ wurde während der Bearbeitung von anderer Seite geändert. Ihre Fassung wurde daneben als „{copy}“ gespeichert; bitte beide zusammenführen.",
    "write_back_failed": "Die Arbeitskopie konnte nicht nach „{path}“ zurückgeschrieben werden ({detail}). Sie liegt unverändert unter „{copy}“.",
    "disk_full": "Der Datenträger ist voll: „{path}“ wurde nicht verändert.",
    "open_cancelled": "Das Öffnen von „{path}“ wurde abgebrochen.",
    "cancelled": "Abgebrochen – es wurde nichts geändert.",
    "remote_busy": "„{path}“ wurde während des Kopierens verändert (synchronisiert gerade ein anderes Programm?). Bitte in einem Moment erneut öffnen.",
}
FIELD.update({"comment": "Kommentar", "tags": "Schlagwörter", "user": "Benutzername"})

# Excel/CSV exchange, packages and merge (issue 5)
MESSAGES |= {
    "source_empty": "Die Datei ist leer.",
    "file_too_large": "Die Datei ist zu groß ({size} Bytes; erlaubt sind 64 MB je CSV-Datei).",
    "file_unreadable_detail": "Die Datei kann nicht gelesen werden ({detail}).",
    "not_csv": "Die Datei ist keine CSV-Textdatei (sie enthält Binärdaten – vielleicht eine Excel-Mappe mit falscher Endung?).",
    "bad_encoding": "Die Zeichenkodierung ist weder UTF-8 noch Windows-1252 (Byte {offset}).",
    "bad_csv": "Die CSV-Datei ist fehlerhaft aufgebaut ({detail}).",
    "not_xlsx": "Die Datei ist keine Excel-Mappe (.xlsx) – stimmt die Dateiendung?",
    "not_xlsx_detail": "Die Excel-Mappe kann nicht gelesen werden ({detail}).",
    "xlsx_bomb": "Die Excel-Mappe wird abgelehnt: sie würde entpackt unverhältnismäßig groß ({detail}).",
    "xlsx_entities": "Die Excel-Mappe wird abgelehnt: „{part}“ enthält XML-Entitäten oder eine DTD.",
    "xlsx_text_too_long": "Ein Text in Blatt {sheet}, Zeile {line} ist länger als {limit} Zeichen; Excel kann ihn nicht speichern – bitte als .ods oder .json exportieren.",
    "not_ods": "Die Datei ist keine OpenDocument-Tabelle (.ods) – stimmt die Dateiendung?",
    "not_ods_kind": "Die Datei ist keine OpenDocument-Tabelle, sondern „{kind}“ – stimmt die Dateiendung?",
    "not_ods_detail": "Die OpenDocument-Tabelle kann nicht gelesen werden ({detail}).",
    "ods_bomb": "Die OpenDocument-Tabelle wird abgelehnt: sie würde entpackt unverhältnismäßig groß ({detail}).",
    "ods_entities": "Die OpenDocument-Tabelle wird abgelehnt: „{part}“ enthält XML-Entitäten oder eine DTD.",
    "ods_encrypted": "Die OpenDocument-Tabelle ist mit einem Kennwort geschützt; bitte in LibreOffice ohne Kennwort speichern und erneut einlesen.",
    "ods_formula": "Spalte {column} enthält eine Formel ohne gespeicherten Wert; Formeln werden nicht berechnet – bitte die Tabelle in LibreOffice neu berechnen und speichern oder den Wert eintragen.",
    "no_sheets": "Die Mappe enthält keines der Blätter „Ziele“, „Meilensteine“, „Abhaengigkeiten“, „Indikatoren“, „Messwerte“ (vorhanden: {sheets}).",
    "one_workbook_only": "Eine Excel-Mappe oder OpenDocument-Tabelle wird allein eingelesen, nicht zusammen mit anderen Dateien.",
    "unknown_source_kind": "Unbekanntes Dateiformat „{ext}“ – erlaubt sind .json, .xlsx, .ods oder .csv.",
    "unrecognised_table": "Die Tabelle ist an ihren Spaltennamen nicht zu erkennen (gefunden: {headers}); erwartet werden die Spalten der Vorlage für Ziele, Meilensteine, Abhängigkeiten, Indikatoren oder Messwerte.",
    "table_twice": "Die Tabelle {table} kommt doppelt vor (schon in {first}).",
    "no_tables": "Keine Tabelle gefunden.",
    "missing_value": "Der Wert in „{value}“ fehlt.",
    "target_not_folder": "„{path}“ ist eine Datei; für den CSV-Export wird ein Ordner angegeben.",
    "target_folder_foreign": "Der Ordner „{path}“ enthält andere Dateien und wird nicht ersetzt; bitte einen neuen oder leeren Ordner wählen.",
    "merge_foreign": "„{path}“ ist keine Kopie dieses Portfolios (andere Herkunft) und kann nicht zusammengeführt werden.",
    "merge_same_file": "Eine Datei kann nicht mit sich selbst zusammengeführt werden.",
    "merge_conflicts": "{count:Konflikt|Konflikte} – bitte für jeden entscheiden (oder „--ours“/„--theirs“); nichts wurde geschrieben.",
    "merge_undecided": "Für {count:Konflikt|Konflikte} fehlt eine Entscheidung; nichts wurde geschrieben.",
    "package_foreign": "Das Paket „{path}“ stammt aus einem anderen Portfolio und wird nicht eingelesen.",
    "not_a_package": "„{path}“ ist kein Ressortpaket.",
    "package_readonly": "Im Ressortpaket von {ministry} ist {entity} {key} nur Kontext und kann nicht geändert werden.",
    "package_review": "Im Ressortpaket von {ministry} werden Meldungen beantwortet, nicht geprüft: die Meldung {key} bestätigt oder zurückgibt nur die Koordinierungsstelle in ihrer Datei. Nichts wurde geschrieben.",
    "package_lead_fixed": "Im Ressortpaket von {ministry} bleibt die Federführung bei {ministry}.",
    "package_is_package": "Aus einem Ressortpaket kann kein weiteres Paket erstellt werden.",
    "package_reports_taken": "{count:Meldung|Meldungen} aus dem Ressortpaket übernommen.",
    "package_report_foreign": "Meldung zu {key} (Berichtsrunde {round}) nicht übernommen: das Ziel gehört nicht zu {ministry}.",
    "package_report_no_round": "Meldung zu {key} (Berichtsrunde {round}) nicht übernommen: die Hauptdatei kennt diese Berichtsrunde oder diese Meldung nicht.",
    "package_report_round_closed": "Meldung zu {key} (Berichtsrunde {round}) nicht übernommen: die Berichtsrunde ist in der Hauptdatei inzwischen abgeschlossen.",
    "package_report_accepted": "Meldung zu {key} (Berichtsrunde {round}) nicht übernommen: sie ist in der Hauptdatei schon bestätigt und wird nicht überschrieben.",
    "package_report_already_submitted": "Meldung zu {key} (Berichtsrunde {round}) nicht übernommen: in der Hauptdatei liegt schon eine Meldung vor.",
    "package_report_kept_mine": "Meldung zu {key} (Berichtsrunde {round}) nicht übernommen: bei diesem Ziel wurde ein Konflikt für die eigene Fassung entschieden; die Meldung würde diese Entscheidung überschreiben. Bitte in der Hauptdatei melden.",
    "package_report_refused": "Meldung zu {key} (Berichtsrunde {round}) nicht übernommen: {reason}",
    "merge_stale": "„{path}“ wurde seit dem Vergleich geändert; bitte die Zusammenführung neu beginnen. Nichts wurde geschrieben.",
    "merge_take_unknown_entity": "Falsche Angabe bei --take „{take}“: unbekannte Objektart „{entity}“ (bekannt: {known}). Nichts wurde geschrieben.",
    "merge_take_unknown_field": "Falsche Angabe bei --take „{take}“: {entity} {key} hat kein Feld „{field}“. Zu entscheiden sind: {open}. Nichts wurde geschrieben.",
    "merge_take_no_conflict": "Falsche Angabe bei --take „{take}“: dazu gibt es keinen Konflikt. Zu entscheiden sind: {open}. Nichts wurde geschrieben.",
    "merge_cycle_hint": "Die Zusammenführung würde einen Kreis schließen ({path}). Zum Auflösen eine Abhängigkeit im Kreis entscheiden, z. B. --take {take} (Abhängigkeit {key} {effect}), oder alle mit --ours/--theirs.",
}

# Word briefings (services/briefing.py, export/briefing/)
MESSAGES |= {
    "unknown_briefing_kind": "Unbekannte Art des Briefings „{value}“ (erlaubt: {allowed}).",
    "briefing_needs_round": "Ein {kind} entsteht aus dem eingefrorenen Stand einer abgeschlossenen Berichtsrunde – bitte mit --round RUNDE (im Dialog: „Berichtsrunde“) eine wählen. Nichts wurde geschrieben.",
    "public_briefing_classified": "Die öffentliche Fassung lässt sich nicht als „VS – NUR FÜR DEN DIENSTGEBRAUCH“ einstufen – bitte entweder --public oder --classified wählen. Nichts wurde geschrieben.",
    "briefing_round_changes": "Der eingefrorene Stand der Berichtsrunde {key} führt kein Änderungsprotokoll – „Änderungen seit“ (--changes-since) gibt es nur für den aktuellen Stand. Nichts wurde geschrieben.",
    "briefing_round_as_of": "Die Berichtsrunde {key} hat den Stichtag {as_of}; ein Briefing aus ihrem eingefrorenen Stand gilt nur für diesen Tag, nicht für {value} (--as-of weglassen). Nichts wurde geschrieben.",
    "template_not_word": "Die Vorlage „{path}“ ist keine Word-Datei (.docx oder .dotx). Es wurde nichts geschrieben.",
    "target_open_in_word": "„{path}“ ist gerade in Word geöffnet. Bitte das Dokument dort schließen oder einen anderen Dateinamen wählen; es wurde nichts geschrieben.",
    "briefing_needs_session": "Ein {kind} berichtet über die Entscheidungen einer Sitzung – bitte mit --since DATUM/UHRZEIT (z. B. 2026-12-03T09:00) ihren Beginn angeben (im Programm: über den Präsentationsmodus). Nichts wurde geschrieben.",
    "session_ends_before_start": "Das Ende der Sitzung ({until}) liegt vor ihrem Beginn ({since}) – bitte --since und --until prüfen. Nichts wurde geschrieben.",
    "public_briefing_kind": "Ein {kind} hat keine öffentliche Fassung – bitte ohne --public erstellen. Nichts wurde geschrieben.",
    "vermerk_needs_one_goal": "Ein Vermerk behandelt genau ein Ziel, die Auswahl enthält aber {count:Ziel|Ziele}. Bitte ein Ziel wählen (Feld „Ziel“ bzw. „--goal ZIEL“); es wurde nichts geschrieben.",
}
FIELD.update(
    {
        "issuing_office": "herausgebende Stelle",
        "demo": "Demodaten",
        "colour": "Farbe",
        "sort": "Reihenfolge",
        "prerequisite_milestone": "benötigter Meilenstein",
        "dependent_milestone": "wartender Meilenstein",
        "lineage": "Herkunft",
        "created": "angelegt am",
        "updated": "geändert am",
    }
)

MESSAGES |= {
    "folder_without_csv": "Im Ordner „{path}“ liegen keine CSV-Dateien zum Einlesen.",
    "source_is_directory": "„{path}“ ist ein Ordner; bitte die Dateien oder einen Ordner mit den CSV-Dateien der Vorlage angeben.",
}

# PDF/A and OpenDocument through LibreOffice (export/office.py)
MESSAGES |= {
    "office_missing": "Für PDF/A und OpenDocument (.pdf, .odt) wird LibreOffice gebraucht, das Programm „soffice“ wurde aber nicht gefunden. Bitte LibreOffice installieren (lassen) und dafür sorgen, dass „soffice“ im Suchpfad (PATH) liegt – oder als .docx speichern. Es wurde nichts geschrieben.",
    "office_timeout": "LibreOffice hat die Umwandlung nicht innerhalb von {seconds} Sekunden beendet und wurde abgebrochen. Bitte später erneut versuchen (läuft LibreOffice noch mit einem offenen Dialog?); es wurde nichts geschrieben.",
    "office_failed": "LibreOffice konnte das Dokument nicht als {format} speichern ({detail}). Es wurde nichts geschrieben.",
}

from sa2030_desktop.messages_reporting import (  # noqa: E402  (REPORTING.md)
    REPORTING_ENTITY,
    REPORTING_FIELD,
    REPORTING_MESSAGES,
)
from sa2030_desktop.messages_server import SERVER_MESSAGES  # noqa: E402  (team server, TEAM.md)

MESSAGES.update(REPORTING_MESSAGES)
FIELD.update(REPORTING_FIELD)
ENTITY.update(REPORTING_ENTITY)
MESSAGES.update(SERVER_MESSAGES)
