"""Opening a portfolio file with the user in the loop: lock held by someone else, damaged
file, network share or sync folder, read-only file. Used by the start and by Datei > Öffnen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from sa2030_desktop.domain.errors import DomainError, FileRefusedError
from sa2030_desktop.domain.grammar import deps_de, goals_de, milestones_de
from sa2030_desktop.messages import format_error
from sa2030_desktop.services import safety
from sa2030_desktop.services.handles import FileLockedError
from sa2030_desktop.services.portfolio import older_copy_hint, open_portfolio

APP_TITLE = "SA2030 Planner"
# ask(kind, text, {choice: button text}) -> choice or None; the default shows a QMessageBox
Ask = Callable[[str, str, dict[str, str]], str | None]


def tr(text: str) -> str:
    return QCoreApplication.translate("Safety", text)


def message_box(
    parent: QWidget | None, kind: str, text: str, choices: dict[str, str]
) -> QMessageBox:
    icon = QMessageBox.Icon.Warning if kind != "readonly" else QMessageBox.Icon.Information
    box = QMessageBox(icon, APP_TITLE, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName(f"safety_{kind}")
    box.setTextFormat(Qt.TextFormat.PlainText)
    buttons = {}
    for n, (choice, label) in enumerate(choices.items()):
        role = QMessageBox.ButtonRole.AcceptRole if n == 0 else QMessageBox.ButtonRole.ActionRole
        if choice == "cancel":
            role = QMessageBox.ButtonRole.RejectRole
        button = box.addButton(label, role)
        button.setObjectName(f"choice_{choice}")
        buttons[button] = choice
    box._choices = buttons
    first = next(iter(buttons), None)
    if first is not None:
        box.setDefaultButton(first)
    return box


def ask_with_dialog(parent: QWidget | None) -> Ask:
    def ask(kind: str, text: str, choices: dict[str, str]) -> str | None:
        box = message_box(parent, kind, text, choices)
        box.exec()
        return box._choices.get(box.clickedButton())

    return ask


def location_text(path: Path, where: safety.Location) -> str:
    if where.kind == "network":
        place = tr("auf einem Netzlaufwerk ({0})").format(where.detail)
    else:
        place = tr("in einem synchronisierten Ordner ({0})").format(where.detail)
    return tr(
        "„{0}“ liegt {1}.\n\nDort kann SQLite Schreibzugriffe nicht zuverlässig sperren, und "
        "ein Synchronisationsprogramm kann eine halb geschriebene Datei kopieren oder die Datei "
        "während der Arbeit ersetzen. Das kann Änderungen zerstören.\n\nEmpfohlen: mit einer "
        "lokalen Arbeitskopie arbeiten. Sie wird beim Schließen zurückgeschrieben – nur wenn "
        "die Datei inzwischen nicht von anderer Seite geändert wurde; sonst bleiben beide "
        "Fassungen erhalten."
    ).format(path.name, place)


class OpenCancelled(DomainError):
    def __init__(self, path: Path) -> None:
        super().__init__("open_cancelled", path=str(path))


def open_for_window(parent: QWidget | None, path: str | Path, readonly: bool = False):
    """Hook for the start and Datei > Öffnen: like `open_portfolio`, but asks about network
    and sync folders and offers a backup for a damaged file. A lock held by another instance
    is raised (FileLockedError) for the caller's read-only offer; cancelling raises
    OpenCancelled."""
    store = open_interactively(parent, path, readonly=readonly, handle_lock=False)
    if store is None:
        raise OpenCancelled(Path(path))
    return store


def open_interactively(
    parent: QWidget | None,
    path: str | Path,
    readonly: bool = False,
    ask: Ask | None = None,
    handle_lock: bool = True,
):
    """The opened Store, or None when the user cancelled. Refusals without a choice to offer
    (foreign file, newer version …) are raised as FileRefusedError for the caller to show."""
    from sa2030_desktop.services import server

    if server.is_server(path):  # the team server: no location, lock or backup questions
        return server.open_server(str(path), readonly=readonly)
    path = Path(path)
    ask = ask or ask_with_dialog(parent)
    if not handle_lock:
        ask = _no_lock_question(ask)
    if not readonly:
        where = safety.location(path)
        if where.risky:
            choice = ask("location", location_text(path, where), {
                "copy": tr("Mit lokaler Arbeitskopie arbeiten"),
                "readonly": tr("Schreibgeschützt öffnen"),
                "cancel": tr("Abbrechen"),
            })  # fmt: skip
            if choice in (None, "cancel"):
                return None
            if choice == "copy":
                return _guarded(parent, path, ask, lambda: safety.open_work_copy(path).store)
            readonly = True
    return _guarded(parent, path, ask, lambda: open_portfolio(path, readonly=readonly),
                    asked_readonly=readonly)  # fmt: skip


def _no_lock_question(ask: Ask) -> Ask:
    def wrapped(kind: str, text: str, choices: dict[str, str]) -> str | None:
        if kind == "locked":
            raise _LockToCaller
        return ask(kind, text, choices)

    return wrapped


class _LockToCaller(Exception):
    pass


def _guarded(parent, path: Path, ask: Ask, opener, asked_readonly: bool = False):
    try:
        store = opener()
    except FileLockedError as exc:
        try:
            choice = ask("locked", format_error(exc), {
                "readonly": tr("Schreibgeschützt öffnen"),
                "cancel": tr("Abbrechen"),
            })  # fmt: skip
        except _LockToCaller:
            raise exc from None
        if choice != "readonly":
            return None
        return _guarded(parent, path, ask, lambda: open_portfolio(path, readonly=True), True)
    except FileRefusedError as exc:
        if not safety.is_damage(exc):
            raise
        return _offer_backup(parent, path, ask, exc)
    hint = older_copy_hint(store)
    if hint:  # an older file opened read-only: read from a migrated copy
        ask("readonly", hint, {"ok": tr("OK")})
    elif store.readonly and not asked_readonly:
        ask("readonly", tr(
            "„{0}“ ist schreibgeschützt (keine Schreibrechte oder schreibgeschützter "
            "Datenträger). Sie wird nur zum Lesen geöffnet; Änderungen sind nicht möglich. "
            "Über „Datei > Kopie speichern unter…“ können Sie eine bearbeitbare Kopie anlegen."
        ).format(path.name), {"ok": tr("OK")})  # fmt: skip
    return store


def _offer_backup(parent, path: Path, ask: Ask, error: FileRefusedError):
    offer = safety.newest_backup(path)
    if offer is None:
        raise error
    text = "\n\n".join([
        format_error(error),
        tr("Die neueste geprüfte Sicherung ist vom {0} ({1}: {2}, {3}, {4}).").format(
            offer.taken.strftime("%d.%m.%Y, %H:%M Uhr"), offer.title or path.stem,
            goals_de(offer.goals), milestones_de(offer.milestones),
            deps_de(offer.dependencies)),
        tr("Die beschädigte Datei wird dabei nicht gelöscht, sondern unverändert daneben "
           "aufbewahrt."),
    ])  # fmt: skip
    choice = ask("damaged", text, {
        "restore": tr("Sicherung wiederherstellen"),
        "cancel": tr("Abbrechen"),
    })  # fmt: skip
    if choice != "restore":
        return None
    recovery = safety.recover_from_backup(path, offer)
    store = open_portfolio(path)
    ask("restored", tr(
        "Die Sicherung vom {0} wurde wiederhergestellt.\nDie beschädigte Datei liegt "
        "unverändert unter „{1}“."
    ).format(offer.taken.strftime("%d.%m.%Y, %H:%M Uhr"),
             recovery.damaged_copy.name if recovery.damaged_copy else "–"),
        {"ok": tr("OK")})  # fmt: skip
    return store
