"""German messages of the internal success control (REPORTING.md): indicators, reporting rounds,
Meldebögen. Merged into `messages.MESSAGES`, `FIELD` and `ENTITY`."""

REPORTING_MESSAGES: dict[str, str] = {}
REPORTING_FIELD: dict[str, str] = {}
REPORTING_ENTITY: dict[str, str] = {}

# Indicators: target path and measured values (REPORTING.md)
REPORTING_MESSAGES |= {
    "indicator_target_equals_baseline": "Zielwert und Ausgangswert sind gleich – ein Zielpfad braucht einen Zielwert, der sich vom Ausgangswert unterscheidet.",
    "indicator_target_date_not_after_baseline": "Das Zieldatum muss nach dem Datum des Ausgangswerts liegen.",
    "indicator_value_twice": "Für den {value} gibt es zwei Messwerte; je Tag ist ein Messwert möglich.",
    "indicator_behind": "Ziel „im Plan“, aber Indikator „{indicator}“ deutlich hinter Plan: {value} gemessen am {measured}, erwartet {expected} (Abstand {gap} % des Zielwegs).",
}
REPORTING_FIELD.update({"source": "Quelle", "value": "Wert", "date": "Datum"})

# Reporting rounds (REPORTING.md; domain/reporting.py, services/reporting/)
REPORTING_ENTITY.update({"round": "Berichtsrunde", "report": "Meldung"})
REPORTING_FIELD.update({"progress": "Sachstand", "remark": "interne Bemerkung",
              "review_comment": "Kommentar der Prüfung", "deadline": "Meldeschluss"})  # fmt: skip
REPORTING_MESSAGES |= {
    "round_bad_key": "„{key}“ taugt nicht als Schlüssel einer Berichtsrunde (erlaubt: Buchstaben, Ziffern und -_. , höchstens 40 Zeichen, z. B. 2026-Q4).",
    "round_reserved_key": "„{key}“ ist als Schlüssel einer Berichtsrunde reserviert (es steht für den aktuellen Stand).",
    "round_exists": "Die Berichtsrunde {key} gibt es schon.",
    "round_deadline_before_as_of": "Der Meldeschluss {deadline} der Berichtsrunde {key} liegt vor ihrem Stichtag {as_of}.",
    "round_empty_scope": "Die Berichtsrunde {key} enthält kein Ziel (kein Ziel wird am Stichtag von den gewählten Ressorts geführt).",
    "report_not_in_round": "Zum Ziel {key} gibt es in der Berichtsrunde {round} keine Meldung.",
    "round_closed": "Die Berichtsrunde {key} ist abgeschlossen; sie nimmt keine Meldungen oder Prüfungen mehr an. Nichts wurde geschrieben.",
    "report_accepted": "Die Meldung zu {key} in der Berichtsrunde {round} ist schon bestätigt; sie ändert sich erst, wenn die Prüfung sie zurückgibt.",
    "review_not_submitted": "Die Meldung zu {key} in der Berichtsrunde {round} ist {state} – prüfen lässt sich nur eine abgegebene Meldung.",
    "review_already_accepted": "Die Meldung zu {key} in der Berichtsrunde {round} ist schon bestätigt.",
    "return_needs_comment": "Wer die Meldung zu {key} (Berichtsrunde {round}) zurückgibt, muss sagen, warum (Kommentar fehlt).",
    "round_already_closed": "Die Berichtsrunde {key} ist schon abgeschlossen.",
    "round_missing_reports": "In der Berichtsrunde {key} {count:verb:fehlt|fehlen} noch {count:Meldung|Meldungen} ({goals}). Abschließen trotzdem nur mit ausdrücklicher Bestätigung (--force); diese Ziele werden mit ihrem aktuellen Stand als „keine Meldung“ eingefroren.",
    "round_not_closed": "Die Berichtsrunde {key} ist noch offen; einen Berichtsstand gibt es erst nach dem Abschluss.",
    "unknown_indicator": "Das Ziel {key} hat keinen Indikator „{value}“.",
    "progress_too_long": "Der Sachstand zu {key} ist {length} Zeichen lang; erlaubt sind höchstens {limit}.",
    "compare_same_round": "Eine Berichtsrunde ({key}) lässt sich nicht mit sich selbst vergleichen.",
    "compare_open_earlier": "Die Berichtsrunde {key} ist noch offen; als frühere Runde eines Vergleichs taugt nur eine abgeschlossene.",
    "import_closed_round_differs": "Die abgeschlossene Berichtsrunde {key} gibt es hier schon mit anderem Inhalt; ein Import ändert sie nicht.",
    "import_round_without_frozen_state": "Die Berichtsrunde {key} ist abgeschlossen, aber ihr Berichtsstand fehlt in der Datei.",
    "import_frozen_of_open_round": "Zum Berichtsstand fehlt die abgeschlossene Berichtsrunde {key}.",
    "import_frozen_tampered": "Der Berichtsstand der Runde {key} wurde verändert (Prüfsumme sha256 stimmt nicht); er wird nicht übernommen.",
    "unknown_round": "Unbekannte Berichtsrunde „{value}“.",
    "compare_open_later": "Die Berichtsrunde {key} ist noch offen; verglichen wird mit einer abgeschlossenen Runde oder mit „aktuell“.",
}

# Meldebögen: writing and collecting (services/reporting/meldebogen_*.py)
REPORTING_MESSAGES |= {
    "form_no_goals": "Das Ressort {ministry} führt in der Berichtsrunde {round} kein Ziel; es gibt keinen Meldebogen dafür.",
    "form_folder_is_file": "„{path}“ ist eine Datei; für die Meldebögen wird ein Ordner gebraucht.",
    "form_not_meldebogen": "Die Mappe ist kein Meldebogen von SA2030 Planner (das ausgeblendete Blatt „Kennung“ fehlt oder ist unvollständig).",
    "form_newer_version": "Der Meldebogen hat das Format Version {version}; diese Anwendung kennt bis Version {supported}.",
    "form_id_tampered": "Die Kennung des Meldebogens wurde verändert (Prüfsumme stimmt nicht); er wird nicht eingelesen. Bitte einen neuen Meldebogen ausgeben.",
    "form_other_portfolio": "Der Meldebogen gehört zu einem anderen Portfolio („{title}“), nicht zu dieser Datei.",
    "form_other_round": "Der Meldebogen gehört zur Berichtsrunde {found}, nicht zu {expected}.",
    "form_other_ministry": "Der Meldebogen ist der des Ressorts {found}; erwartet wurde der von {expected}.",
    "form_sheet_missing": "Das Blatt fehlt (umbenannt oder gelöscht?).",
    "form_header_changed": "Die Kopfzeile wurde verändert: „{value}“ statt „{expected}“.",
    "form_locked_changed": "Diese Zelle ist gesperrt und wurde verändert: vorausgefüllt war „{old}“, jetzt steht dort „{new}“.",
    "form_bad_status": "„{value}“ ist kein Status (erlaubt: nicht begonnen, im Plan, verzögert, gefährdet, abgeschlossen).",
    "form_status_cleared": "Der Status fehlt (vorausgefüllt war „{value}“); bitte einen Status aus der Liste wählen.",
    "form_bad_date": "„{value}“ ist kein Datum (TT.MM.JJJJ, z. B. 31.03.2026).",
    "form_date_cleared": "Der vorausgefüllte Termin {value} wurde gelöscht; ein Termin lässt sich im Meldebogen nicht löschen.",
    "form_bad_number": "„{value}“ ist keine Zahl.",
    "form_bad_text": "„{value}“ ist kein Text.",
    "form_date_without_value": "Ein Messdatum ohne Messwert – bitte den neuen Messwert eintragen oder das Datum löschen.",
    "form_goal_not_in_form": "Das Ziel „{value}“ steht nicht in diesem Meldebogen; Zeilen lassen sich nicht hinzufügen.",
    "form_unknown_milestone": "Einen Meilenstein „{value}“ gibt es nicht.",
    "form_milestone_other_form": "Der Meilenstein {value} gehört zum Ziel {owner}, das nicht in diesem Meldebogen steht; Termine anderer Ziele werden hier nicht angenommen.",
    "form_milestone_other_goal": "Der Meilenstein {value} gehört zum Ziel {owner}, nicht zu {goal}.",
    "form_duplicate_row": "Der Meilenstein {value} steht schon in Zeile {first}.",
    "form_duplicate_indicator": "Der Indikator „{value}“ des Ziels {goal} steht schon weiter oben.",
    "form_row_not_prefilled": "„{value}“ stand nicht im Meldebogen (inzwischen neu angelegt?); bitte einen neuen Meldebogen ausgeben.",
    "form_goal_gone": "Das Ziel {key} gibt es nicht mehr oder es gehört nicht mehr zur Berichtsrunde {round}; die Änderungen dieser Zeile können nicht übernommen werden.",
    "form_goal_other_ministry": "Das Ziel {key} meldet in der Berichtsrunde {round} das Ressort {owner}, nicht {ministry}.",
}
