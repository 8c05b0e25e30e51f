"""Every error a user can meet, as one German message – for the CLI and the GUI alike.

A refused action (DomainError) is worded by `messages`; an operating-system error by its
errno; anything unexpected says „Interner Fehler“ with a one-line summary and writes the
traceback to `fehlerprotokoll.txt` in the user's data folder, named in the message. No
traceback and no English exception text reaches the user.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import traceback
from datetime import datetime
from pathlib import Path

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.messages import format_error

LOG_NAME = "fehlerprotokoll.txt"
LOG_LIMIT = 1 << 20  # the log is cut to its newest half beyond 1 MB

_ERRNO = {
    errno.ENOENT: "„{path}“ gibt es nicht (oder den Ordner davor nicht).",
    errno.ENOTDIR: "Ein Teil des Pfads „{path}“ ist kein Ordner.",
    errno.EISDIR: "„{path}“ ist ein Ordner, keine Datei.",
    errno.EACCES: "Keine Berechtigung für „{path}“.",
    errno.EPERM: "Keine Berechtigung für „{path}“.",
    errno.ENAMETOOLONG: "Der Name „{path}“ ist zu lang (ein Teil des Pfads hat mehr als 255 Bytes).",
    errno.ENOSPC: "Der Datenträger ist voll („{path}“); es wurde nichts geändert.",
    errno.EDQUOT: "Das Speicherkontingent ist erschöpft („{path}“); es wurde nichts geändert.",
    errno.EROFS: "„{path}“ liegt auf einem schreibgeschützten Datenträger.",
    errno.ELOOP: "„{path}“ ist ein Kreis symbolischer Verknüpfungen.",
    errno.EIO: "Lese- oder Schreibfehler des Datenträgers bei „{path}“.",
    errno.EBUSY: "„{path}“ wird gerade von einem anderen Programm benutzt.",
    errno.ETXTBSY: "„{path}“ wird gerade von einem anderen Programm benutzt.",
    errno.ENXIO: "„{path}“ ist ein Gerät ohne Gegenstelle und keine Datei.",
    errno.EINVAL: "„{path}“ ist als Dateiname ungültig.",
}


def data_folder() -> Path:
    """The user's data folder (platformdirs); SA2030_DATA_DIR overrides it (tests, portable use)."""
    override = os.environ.get("SA2030_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("SA2030 Planner", appauthor=False))


def os_message(exc: OSError) -> str:
    path = exc.filename if exc.filename is not None else ""
    template = _ERRNO.get(exc.errno or 0)
    if template is None:
        name = errno.errorcode.get(exc.errno or 0, str(exc.errno))
        template = "Systemfehler " + name + " bei „{path}“."
    shown = os.fsdecode(path) if path else "der Datei"
    if len(shown) > 80:
        shown = f"{shown[:40]}…{shown[-30:]}"
    return template.format(path=shown)


def describe(exc: BaseException, log: bool = True) -> str:
    """One German text; unexpected errors are logged (when `log`) and named as internal."""
    if isinstance(exc, DomainError):
        return format_error(exc)
    if isinstance(exc, OSError) and exc.errno is not None:
        return os_message(exc)
    if isinstance(exc, RecursionError):
        return "Die Eingabe ist zu tief verschachtelt und wird nicht verarbeitet; es wurde nichts geändert."
    if isinstance(exc, MemoryError):
        return "Zu wenig Arbeitsspeicher für diese Aufgabe; es wurde nichts geändert."
    if isinstance(exc, sqlite3.DatabaseError):
        detail = "die Datenbank meldet einen Fehler"
        text = str(exc).lower()
        if "full" in text:
            return "Der Datenträger ist voll; es wurde nichts geändert."
        if "locked" in text or "busy" in text:
            return "Die Portfoliodatei ist gerade von einem anderen Programm gesperrt; bitte gleich erneut versuchen."
        if "no such table" in text or "no such column" in text:
            detail = "ein Teil des Datenbankschemas fehlt"
        elif "malformed" in text or "not a database" in text or "i/o" in text:
            detail = "die Datenbank ist beschädigt"
        return (
            f"Die Portfoliodatei kann nicht verarbeitet werden ({detail}). Sie wurde nicht "
            "verändert; bitte „sa2030 check“ ausführen oder eine Sicherung öffnen."
        )
    where = write_log(exc) if log else None
    summary = f"{type(exc).__name__} in {_last_frame(exc)}"
    text = f"Interner Fehler ({summary}). Es wurde nichts geändert."
    if where is not None:
        text += f" Einzelheiten für die Fehlermeldung an den Support stehen in „{where}“."
    return text


def _last_frame(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return "unbekannt"
    last = frames[-1]
    return f"{Path(last.filename).name}:{last.lineno}"


def write_log(exc: BaseException) -> Path | None:
    """Append the traceback to the log in the data folder; None when that is impossible."""
    try:
        folder = data_folder()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_NAME
        if path.exists() and path.stat().st_size > LOG_LIMIT:
            keep = path.read_bytes()[-LOG_LIMIT // 2 :]
            path.write_bytes(keep)
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n")
            fh.write("".join(traceback.format_exception(exc)))
        return path
    except OSError:
        return None


def quiet_unraisable(unraisable) -> None:
    """An error in a finaliser (a zip file of a failed write closed by the garbage collector
    on a full disk) is logged, not printed: the command has already said what went wrong."""
    exc = unraisable.exc_value
    if exc is not None:
        write_log(exc)
