"""Data safety in the main window: Datei > Sicherungen…, a backup on open and every ten
minutes (in a worker), a status badge for read-only files and work copies, and the report
when a work copy is written back."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QLabel, QMessageBox

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.gui.features import ActionSpec, Feature
from sa2030_desktop.gui.tasks import TaskRunner
from sa2030_desktop.messages import format_error
from sa2030_desktop.services import safety, server
from sa2030_desktop.services.portfolio import open_portfolio

BACKUP_MINUTES = 10


class SafetyFeature(Feature):
    """Backups and work copies; other code reaches them as `safety`."""

    def __init__(self, window) -> None:
        super().__init__("safety")
        self.safety = SafetyService(window)
        self.actions = [
            ActionSpec("file.backups", "file", self.safety.tr("&Sicherungen…"),
                       self.safety.show_backups, None, 20, 10, object_name="action_backups",
                       status_tip=self.safety.tr(
                           "Geprüfte Sicherungen ansehen und wiederherstellen")),
        ]  # fmt: skip


def declare(window) -> SafetyFeature:
    return SafetyFeature(window)


class SafetyService(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.bridge = window.bridge
        self.dialog = None
        self.last_backup = None
        self.last_report = ""
        self._routine_note = ""  # the backup note last put in the status bar
        self.backup_task = None  # the running backup (gui/tasks.py), one at a time
        self.badge = QLabel(window)
        self.badge.setObjectName("safetyBadge")
        window.statusBar().addPermanentWidget(self.badge)
        self.timer = QTimer(self)
        self.timer.setInterval(BACKUP_MINUTES * 60_000)
        self.timer.timeout.connect(self.backup_now)
        self.timer.start()
        self.bridge.changed.connect(self._changed)
        window.installEventFilter(self)
        self._store_opened()

    # -- the open file ---------------------------------------------------------------------------
    def _changed(self, changes) -> None:
        if changes is None:  # another file (or a reload): badge, work-copy report, backup
            self._store_opened()

    def _store_opened(self) -> None:
        store = self.bridge.store
        copy = getattr(store, "work_copy", None)
        if copy is not None and self._report_write_back not in copy.listeners:
            copy.listeners.append(self._report_write_back)
        if copy is not None:
            # "zuletzt geöffnet" names the file on the share, not the temporary copy
            QTimer.singleShot(0, lambda: _remember_remote(copy))
            if copy.resumed:
                self.last_report = self.tr(
                    "Ihre Arbeitskopie aus der letzten Sitzung wurde nicht zurückgeschrieben "
                    "(Absturz?). Sie wird mit allen Änderungen fortgesetzt."
                )
                self.window.statusBar().showMessage(self.last_report, 20000)
            self.badge.setText(self.tr("Arbeitskopie"))
            self.badge.setToolTip(
                self.tr("Sie bearbeiten eine lokale Kopie von „{0}“; sie wird beim Schließen "
                        "zurückgeschrieben.").format(copy.remote)
            )  # fmt: skip
        elif store.readonly:
            self.badge.setText(self.tr("Schreibgeschützt"))
            self.badge.setToolTip(self.tr("Die Datei ist nur zum Lesen geöffnet."))
        else:
            self.badge.setText("")
            self.badge.setToolTip("")
        if not store.readonly:
            self.backup_now()

    @property
    def backing_up(self) -> bool:
        return self.backup_task is not None and self.backup_task.running

    def backup_now(self, reason: str = "") -> bool:
        """Back up the open file off the GUI thread; skipped while a backup still runs."""
        store = self.bridge.store
        if store.readonly or self.backing_up or server.where(store):  # the server backs up
            return False
        path, owner = store.path, _owner(store)
        self.backup_task = TaskRunner.of(self.window).submit(
            lambda _progress, _token: safety.backup_file(path, reason=reason, owner=owner),
            self._backup_outcome,
        )
        return True

    def _wait_for_backup(self) -> None:
        if self.backup_task is not None:
            self.backup_task.wait()

    def _backup_outcome(self, outcome) -> None:
        if outcome.ok:
            self._backup_done(outcome.result)
        else:
            self.last_report = outcome.message
            self.window.statusBar().showMessage(self.last_report, 15000)

    def _backup_done(self, info) -> None:
        if info is not None:
            self.last_backup = info
            self.last_report = self.tr("Gesichert um {0}").format(info.taken.strftime("%H:%M"))
        else:
            self.last_report = self.tr("Keine Änderungen seit der letzten Sicherung.")
        self._show_routine_note(self.last_report)
        if self.dialog is not None:
            self.dialog.refresh(self.last_report)

    def _show_routine_note(self, text: str) -> None:
        """A routine backup ends in a worker at its own time: its note takes a free status bar
        (or replaces its own earlier note) but never a message the user is reading, such as
        „Exportiert …“; Datei > Sicherungen… shows it anyway."""
        bar = self.window.statusBar()
        if bar.currentMessage() in ("", self._routine_note):
            self._routine_note = text
            bar.showMessage(text, 5000)

    # -- Datei > Sicherungen… ----------------------------------------------------------------------
    def show_backups(self):
        from sa2030_desktop.gui.safety.backups_dialog import BackupsDialog

        if self.dialog is None:
            self.dialog = BackupsDialog(_owner(self.bridge.store), self.window)
            self.dialog.backup_requested.connect(lambda: self.backup_now("manuell"))
            self.dialog.replace_requested.connect(self.replace_with_backup)
            self.dialog.finished.connect(self._dialog_closed)
        self.dialog.refresh(self.last_report)
        self.dialog.show()
        return self.dialog

    def _dialog_closed(self, *_args) -> None:
        self.dialog.deleteLater()
        self.dialog = None

    def replace_with_backup(self, backup) -> None:
        """Close the open file, keep it aside, put the backup in its place, reopen."""
        store = self.bridge.store
        path = store.path
        self._wait_for_backup()
        store.close()
        try:
            aside = safety.recover_from_backup(path, backup).damaged_copy
            new = open_portfolio(path)
        except DomainError as exc:
            self.window.show_error(exc)
            try:
                self.bridge.set_store(open_portfolio(path))
            except DomainError:
                pass
            return
        self.window.undo_stack.clear()
        self.bridge.set_store(new)
        self.last_report = self.tr(
            "Die Sicherung vom {0} ist wiederhergestellt. Der vorherige Stand liegt unter „{1}“."
        ).format(backup.taken.strftime("%d.%m.%Y, %H:%M Uhr"), aside.name if aside else "–")
        self.window.statusBar().showMessage(self.last_report, 15000)
        if self.dialog is not None:
            self.dialog.refresh(self.last_report)

    # -- work copies -----------------------------------------------------------------------------
    def eventFilter(self, obj, event) -> bool:
        if obj is self.window and event.type() == QEvent.Type.Close:
            self._wait_for_backup()
            copy = getattr(self.bridge.store, "work_copy", None)
            if copy is not None and not self.bridge.store.closed:
                self.bridge.store.close()  # writes back now, while the window can still say so
        return False

    def _report_write_back(self, copy) -> None:
        if copy.error is not None:
            text = format_error(copy.error)
        elif copy.result is not None and copy.result.conflict:
            text = format_error(DomainError("remote_changed", path=str(copy.remote),
                                            copy=str(copy.result.target)))  # fmt: skip
        elif copy.result is not None and copy.result.changed:
            self.last_report = self.tr("Arbeitskopie nach „{0}“ zurückgeschrieben.").format(
                copy.remote
            )
            self.window.statusBar().showMessage(self.last_report, 10000)
            return
        else:
            return
        self.last_report = text
        box = QMessageBox(QMessageBox.Icon.Warning, "SA2030 Planner", text,
                          QMessageBox.StandardButton.Ok, self.window)  # fmt: skip
        box.setObjectName("writeBackReport")
        box.open()
        self.last_box = box


def _remember_remote(copy) -> None:
    from sa2030_desktop.gui import settings

    settings.forget_file(copy.local)
    settings.remember_file(copy.remote)


def _owner(store):
    """The file backups are filed under: for a work copy, the file on the share."""
    copy = getattr(store, "work_copy", None)
    return copy.remote if copy is not None else store.path
