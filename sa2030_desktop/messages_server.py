"""German messages of the team server (TEAM.md): each says what happened and what to do –
and whom to ask. Merged into `messages.MESSAGES`."""

ADMIN = "die Verwaltung des Teamservers (IT-Dienstleister)"

SERVER_MESSAGES = {
    "server_bad_conninfo": "Die Serververbindung „{path}“ ist fehlerhaft geschrieben ({detail}). Beispiel: postgresql://server.example/sa2030 oder service=sa2030.",
    "server_unreachable": "Der Teamserver „{path}“ ist nicht erreichbar ({detail}). Bitte Netzwerkverbindung und Servernamen prüfen; wenn es dabei bleibt, "
    + ADMIN
    + " fragen. Es wurde nichts geschrieben.",
    "server_password": "Anmeldung am Teamserver „{path}“ als „{user}“ abgelehnt: Benutzername oder Kennwort stimmen nicht. Das Kennwort steht in der Datei .pgpass (oder PGPASSFILE); ein neues vergibt "
    + ADMIN
    + ".",
    "server_not_allowed": "Der Teamserver „{path}“ lässt „{user}“ von diesem Rechner aus nicht zu. Bitte "
    + ADMIN
    + " fragen.",
    "server_no_database": "Auf dem Teamserver gibt es die Datenbank aus „{path}“ nicht. Bitte den Datenbanknamen prüfen oder "
    + ADMIN
    + " fragen.",
    "server_no_schema": "Die Datenbank „{path}“ enthält kein SA2030-Portfolio. "
    + ADMIN[0].upper()
    + ADMIN[1:]
    + " legt es mit „sa2030 server init“ an. Es wurde nichts geschrieben.",
    "server_newer": "Das Portfolio auf „{path}“ hat ein neueres Schema ({version}) als diese Version von SA2030 Planner ({supported}). Bitte die Anwendung aktualisieren; auf dem Server wurde nichts verändert.",
    "server_older": "Das Portfolio auf „{path}“ hat ein älteres Schema ({version}, diese Version braucht {supported}). "
    + ADMIN[0].upper()
    + ADMIN[1:]
    + " aktualisiert es mit „sa2030 server init“. Es wurde nichts geschrieben.",
    "server_no_role": "Die Anmeldung „{user}“ hat auf „{path}“ keine Rolle (Koordinierungsstelle, Ressort oder Leser). Bitte "
    + ADMIN
    + " bitten, sie mit „sa2030 server user … add“ einzutragen.",
    "server_exists": "Auf „{path}“ gibt es das Portfolio schon (aktuelles Schema); es wurde nichts verändert.",
    "server_foreign": "Die Datenbank „{path}“ ist nicht leer ({count:fremde Tabelle|fremde Tabellen}) und enthält kein SA2030-Portfolio; bitte eine leere Datenbank angeben. Es wurde nichts verändert.",
    "server_use_init": "Ein Portfolio auf einem Teamserver legt dessen Verwaltung mit „sa2030 server init {path}“ an, nicht mit „sa2030 new“.",
    "server_admin_needed": "Für diese Verwaltungsaufgabe auf „{path}“ fehlen die Rechte (nötig: eine Rolle, die Rollen anlegen darf). Bitte "
    + ADMIN
    + " fragen.",
    "server_bad_login": "„{user}“ taugt nicht als Anmeldename (Kleinbuchstaben, Ziffern, _ . -; höchstens 63 Zeichen).",
    "server_bad_role": "Unbekannte Rolle „{role}“ – erlaubt sind stabsstelle, ressort, leser.",
    "server_ministry_needed": "Die Rolle ressort braucht ein Ressort (--ministry KÜRZEL).",
    "server_ministry_only_ressort": "Nur die Rolle ressort hat ein Ressort; bei {role} bitte ohne --ministry.",
    "server_unknown_ministry": "Das Ressort „{ministry}“ gibt es im Portfolio auf „{path}“ nicht.",
    "server_privileged_login": "„{user}“ ist ein Superuser oder darf die Zeilenrechte umgehen (BYPASSRLS); eine solche Rolle bekommt keinen Zugang als Planer. Bitte eine eigene Anmeldung anlegen.",
    "server_owner_login": "„{user}“ besitzt die Tabellen des Portfolios und umginge damit die Zeilenrechte; bitte eine eigene Anmeldung anlegen.",
    "server_lost": "Die Verbindung zum Teamserver „{path}“ ist unterbrochen. Die letzte Aktion wurde NICHT gespeichert; sie kann wiederholt werden, sobald die Verbindung wieder steht. Alles vorher Gespeicherte ist erhalten.",
    "server_row_refused": "Als {login} (Ressort {ministry}) dürfen Sie {entity} {key} nicht ändern: das darf nur das federführende Ressort des Ziels oder die Koordinierungsstelle. Nichts wurde geschrieben.",
    "server_review_refused": "Als {login} (Ressort {ministry}) können Sie die Meldung {key} nicht prüfen (bestätigen oder zurückgeben): das darf nur die Koordinierungsstelle. Nichts wurde geschrieben.",
    "server_stabsstelle_only": "Als {login} (Ressort {ministry}) dürfen Sie {entity} {key} nicht ändern: das darf nur die Koordinierungsstelle. Nichts wurde geschrieben.",
    "server_reader": "Als {login} (Rolle Leser) können Sie das Portfolio nur lesen.",
    "stale_write": "{entity} {key} wurde inzwischen von {by} geändert – Ihre Änderung wurde nicht gespeichert, damit nichts verloren geht. {fields} Angezeigt wird jetzt der gespeicherte Stand; bitte auf ihm neu entscheiden.",
    "server_offline": "Die Verbindung zum Teamserver „{path}“ ist unterbrochen. Das Fenster zeigt weiter den letzten Stand, ist aber schreibgeschützt, bis die Verbindung von selbst wieder steht. Alles bisher Gespeicherte ist auf dem Server sicher.",
    "server_use_checkout": "„{path}“ ist ein Teamserver: eine Kopie oder ein Ressortpaket für diesen Rechner macht „sa2030 checkout SERVER KOPIE.sa2030 [--ministry RESSORT]“; zurück mit „sa2030 checkin“.",
    "server_no_files": "„{path}“ ist ein Teamserver: {what} gibt es dort nicht (der Server hat eigene Sicherungen). Für eine Kopie auf diesem Rechner: sa2030 checkout.",
}


def fields_text(fields: list) -> str:
    """„Titel: Ihr Wert „A“, auf dem Server „B“.“ for each field of a conflict."""
    from sa2030_desktop.messages import FIELD

    return " ".join(
        f"{FIELD.get(name, name)}: Ihr Wert „{mine}“, auf dem Server „{theirs}“."
        for name, mine, theirs in fields
    )
