"""The Datei menu and JSON import/export: new, open, recent files, save a copy, quit.

Import, export and „Kopie speichern unter“ run in a worker (gui/tasks.py: progress,
„Abbrechen“ leaves nothing half done); their methods return the job, the outcome arrives in
`finished_ok` (True/False) and a report or message.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from sa2030_desktop.domain.errors import DomainError, ValidationError
from sa2030_desktop.gui import settings
from sa2030_desktop.gui.features import ActionSpec
from sa2030_desktop.gui.report_dialog import show_report
from sa2030_desktop.gui.tasks import run_with_progress
from sa2030_desktop.messages import ENTITY, format_error, format_issue
from sa2030_desktop.services import server

SUFFIX = ".sa2030"


class _WaitCursor:
    def __enter__(self):
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc):
        QGuiApplication.restoreOverrideCursor()


class FileActions(QObject):
    """Owns the file actions of one main window; every failure becomes a German message."""

    finished_ok = Signal(bool)  # a worker job (import, export, copy) ended: done or not

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.last_report = None
        self.job = None
        self.recent_menu: QMenu | None = None

    def declarations(self) -> list[ActionSpec]:
        """Datei: Neu, Öffnen, (Zuletzt geöffnet), Kopie | Sicherungen (safety) | Beenden;
        JSON import and export in Austausch."""
        keys = QKeySequence.StandardKey
        # Ctrl+N belongs to „Neues Ziel“ (the daily action); a new portfolio file is Ctrl+Shift+N.
        return [
            ActionSpec("file.new", "file", self.tr("&Neu…"), self.new, "Ctrl+Shift+N", 10, 10),
            ActionSpec("file.open", "file", self.tr("Ö&ffnen…"), self.open, keys.Open, 10, 20),
            ActionSpec("file.save_copy", "file", self.tr("&Kopie speichern unter…"),
                       self.save_copy, keys.SaveAs, 10, 40),
            ActionSpec("file.quit", "file", self.tr("&Beenden"), self.window.close, keys.Quit,
                       30, 10),
            ActionSpec("exchange.import_json", "exchange/import",
                       self.tr("&JSON-Austauschdatei…"), self.import_json, None, 10, 10),
            ActionSpec("exchange.export_json", "exchange/export",
                       self.tr("&JSON-Austauschdatei (alle Ziele)…"),
                       lambda: self.export_json(filtered=False), None, 10, 10),
            ActionSpec("exchange.export_json_filtered", "exchange/export",
                       self.tr("JSON-Austauschdatei (&gefilterte Ziele)…"),
                       lambda: self.export_json(filtered=True), None, 10, 20),
        ]  # fmt: skip

    def attach_recent_menu(self) -> None:
        self.recent_menu = self.window.menu("file/recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._fill_recent()

    def _folder(self) -> str:
        if server.where(self.window.bridge.store):
            return str(Path.home())
        return str(self.window.bridge.store.path.parent)

    # -- open / new --------------------------------------------------------------------------------
    def open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Portfolio öffnen"), self._folder(),
            self.tr("SA2030-Portfolio (*.sa2030);;Alle Dateien (*)"),
        )  # fmt: skip
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path) -> bool:
        """Open `path` in this window. A refused file gives a German message; nothing changes."""
        from sa2030_desktop.services.portfolio import open_portfolio

        current = self.window.bridge.store.path
        if not server.is_server(path) and Path(path).resolve() == current.resolve():
            self.window.reload()  # this window already holds the file (and its writer lock)
            return True
        from sa2030_desktop.gui.safety.opening import open_for_window

        try:  # asks about network/sync folders, offers a backup for a damaged file
            store = open_for_window(self.window, path)
        except DomainError as exc:
            if exc.code == "open_cancelled":
                return False
            if getattr(exc, "code", "") != "file_locked" or not self._ask_readonly(exc):
                self.window.show_error(exc)
                return False
            try:
                store = open_portfolio(path, readonly=True)
            except DomainError as again:
                self.window.show_error(again)
                return False
        except OSError as exc:
            self.window.show_error(DomainError("file_unreadable", path=f"{path} ({exc})"))
            return False
        self._switch_to(store)
        return True

    def _ask_readonly(self, exc: DomainError) -> bool:
        answer = QMessageBox.question(
            self.window, self.tr("Datei wird bearbeitet"),
            format_error(exc) + "\n\n" + self.tr("Schreibgeschützt öffnen?"),
        )  # fmt: skip
        return answer == QMessageBox.StandardButton.Yes

    def _switch_to(self, store) -> None:
        self.window.undo_stack.clear()
        self.window.bridge.set_store(store)
        if not server.where(store):  # the recent files are files
            settings.remember_file(store.path)
        self._fill_recent()
        if store.readonly:
            self.window.statusBar().showMessage(
                self.tr("Die Datei ist schreibgeschützt geöffnet."), 8000
            )

    def new(self) -> None:
        from sa2030_desktop.services.portfolio import create_portfolio

        path = self._ask_new_portfolio_path(self.tr("Neues Portfolio anlegen"), self._folder())
        if path is None:
            return
        try:
            with _WaitCursor():
                store = create_portfolio(path)
        except DomainError as exc:
            self.window.show_error(exc)
            return
        self._switch_to(store)

    def _ask_new_portfolio_path(self, title: str, suggestion: str) -> Path | None:
        """A file name for a new portfolio file, with the .sa2030 ending; None when cancelled.
        Existing files are not confirmed here: the services refuse to overwrite them."""
        path, _ = QFileDialog.getSaveFileName(
            self.window, title, suggestion, self.tr("SA2030-Portfolio (*.sa2030)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )  # fmt: skip
        if not path:
            return None
        path = Path(path)
        return path if path.suffix.lower() == SUFFIX else path.with_name(path.name + SUFFIX)

    def _fill_recent(self) -> None:
        if self.recent_menu is None:
            return
        self.recent_menu.clear()
        files = settings.recent_files()
        for number, path in enumerate(files, start=1):
            action = self.recent_menu.addAction(f"&{number} {Path(path).name}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(bool(files))

    # -- copy ------------------------------------------------------------------------------------
    def save_copy(self) -> None:
        store = self.window.bridge.store
        suggestion = str(store.path.with_name(store.path.stem + "-Kopie" + SUFFIX))
        path = self._ask_new_portfolio_path(self.tr("Kopie speichern unter"), suggestion)
        if path is not None:
            self.save_copy_to(path)

    def save_copy_to(self, path: Path):
        """A consistent copy of the open file, written in a worker (cancel: no file)."""
        from sa2030_desktop.services.file_copy import save_copy

        def done(result) -> None:
            if self._failed(result):
                return
            self.window.statusBar().showMessage(
                self.tr("Kopie gespeichert: {0}").format(path), 8000
            )
            self._finish(True)

        return self._start(
            self.tr("Kopie speichern unter"), self.tr("Kopie von {0} wird geschrieben …").format(
                self.window.bridge.store.path.name
            ), lambda store: save_copy(store, path), done,
        )  # fmt: skip

    # -- worker jobs -----------------------------------------------------------------------------
    def _start(self, title: str, label: str, work, done, *args):
        if self.job is not None and self.job.running:
            self.window.statusBar().showMessage(
                self.tr("Bitte warten: es läuft noch ein Vorgang."), 5000
            )
            return None
        from sa2030_desktop.services.safety import store_work

        work = store_work(self.window.bridge.store, work, *args)
        self.job = run_with_progress(self.window, title, label, work, lambda o: done(o.value))
        return self.job

    def _failed(self, result) -> bool:
        """Show a refused or cancelled job; True when it did not succeed."""
        if not isinstance(result, BaseException):
            return False
        if getattr(result, "code", "") == "cancelled":
            self.window.statusBar().showMessage(format_error(result), 8000)
        elif isinstance(result, DomainError):
            self.window.show_error(result)
        else:  # an unexpected failure: still German, never a traceback
            self.window.show_error(DomainError("file_unreadable", path=str(result)))
        self._finish(False)
        return True

    def _finish(self, ok: bool) -> None:
        self.last_ok = ok
        self.finished_ok.emit(ok)

    # -- JSON exchange ---------------------------------------------------------------------------
    def import_json(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("JSON-Austauschdatei importieren"), self._folder(),
            self.tr("JSON-Austauschdatei (*.json)"),
        )  # fmt: skip
        if path:
            self.import_paths([Path(path)])

    def import_paths(self, paths: list[Path]):
        """Import files in a worker (all or nothing) as one undo step; report counts, or every
        error, in a dialog."""
        bridge = self.window.bridge
        before = bridge.snapshot()
        names = ", ".join(p.name for p in paths)

        def done(result) -> None:
            if isinstance(result, ValidationError):
                lines = [format_issue(i) for i in result.issues]
                head = format_error(result).split("\n", 1)[0]
                self.last_report = show_report(
                    self.window, self.tr("Import"), head, lines, error=True
                )
                self._finish(False)
                return
            if self._failed(result):
                return
            bundle, preview = result
            from sa2030_desktop.gui.exchange.import_wizard import import_command

            self.window.undo_stack.push(import_command(bridge, bundle, names, before))
            self._report(preview)
            self._finish(True)

        return self._start(
            self.tr("Import"), self.tr("{0} wird importiert …").format(names),
            _import_work, done, paths,
        )  # fmt: skip

    def _report(self, preview) -> None:
        lines = []
        for entity, counts in sorted(preview.counts().items()):
            lines.append(
                self.tr("{0}: {1} neu, {2} geändert, {3} unverändert").format(
                    ENTITY.get(entity, entity), counts["added"], counts["changed"],
                    counts["unchanged"],
                )
            )  # fmt: skip
        notes = [format_issue(n) for n in preview.notes]
        if notes:
            lines += ["", self.tr("Hinweise:"), *notes]
        self.last_report = show_report(
            self.window, self.tr("Import"), self.tr("Der Import wurde übernommen."), lines
        )

    def export_json(self, filtered: bool) -> None:
        store = self.window.bridge.store
        suggestion = str(store.path.with_suffix(".json"))
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("JSON-Austauschdatei exportieren"), suggestion,
            self.tr("JSON-Austauschdatei (*.json)"),
        )  # fmt: skip
        if not path:
            return
        path = Path(path)
        if path.suffix.lower() != ".json":
            path = path.with_name(path.name + ".json")
        self.export_to(path, filtered)

    def export_to(self, path: Path, filtered: bool):
        """Write the export in a worker (cancel: the target stays as it was)."""
        from sa2030_desktop.services.exchange import export_to

        selection = self.window.current_selection() if filtered else None
        as_of = self.window.bridge.as_of

        def done(result) -> None:
            if self._failed(result):
                return
            self.window.statusBar().showMessage(self.tr("Exportiert: {0}").format(path), 8000)
            self._finish(True)

        return self._start(
            self.tr("Export"), self.tr("{0} wird geschrieben …").format(path.name),
            lambda store: export_to(store, path, selection, as_of), done,
        )  # fmt: skip


def _import_work(store, paths: list[Path]):
    """Worker: read the files, write them all or nothing; (bundle, preview) for the undo step."""
    from sa2030_desktop.services.exchange import read_sources
    from sa2030_desktop.services.importing import apply_bundle

    bundle = read_sources(paths)
    return bundle, apply_bundle(store, bundle)
