"""Declares Excel/CSV import and export, Ressortpakete, merging and the disk watch."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel

from sa2030_desktop.gui.exchange.disk_watch import DiskWatcher
from sa2030_desktop.gui.features import ActionSpec, Feature
from sa2030_desktop.gui.tasks import TaskRunner

BOOK_FILTER = "Excel-Mappe (*.xlsx);;OpenDocument-Tabelle (*.ods)"


class ExchangeActions(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.watcher = DiskWatcher(window)
        self.package_label = QLabel(window)
        self.package_label.setObjectName("packageLabel")
        window.statusBar().addPermanentWidget(self.package_label)
        window.bridge.changed.connect(self._update_package_label)
        self._update_package_label(None)

    def declarations(self) -> list[ActionSpec]:
        return [
            ActionSpec("exchange.import_tabular", "exchange/import",
                       self.tr("&Excel/CSV (Vorlage)…"), self.import_tabular,
                       None, 10, 20),
            ActionSpec("exchange.export_xlsx", "exchange/export",
                       self.tr("&Tabellenmappe (Excel .xlsx, OpenDocument .ods)…"), lambda: self.export(True), None, 10, 50),
            ActionSpec("exchange.export_csv", "exchange/export",
                       self.tr("&CSV-Ordner (eine Datei je Tabelle)…"), lambda: self.export(False),
                       None, 10, 60),
            ActionSpec("exchange.template", "exchange/export", self.tr("Leere Excel-&Vorlage…"),
                       self.template_, None, 10, 70),
            ActionSpec("exchange.package", "exchange", self.tr("&Ressortpaket ausgeben…"),
                       self.package_, None, 20, 10),
            ActionSpec("exchange.merge", "exchange",
                       self.tr("&Zusammenführen mit Kopie oder Paket…"), self.merge_, None, 20, 20),
        ]  # fmt: skip

    def import_tabular(self) -> None:
        from sa2030_desktop.gui.exchange.import_wizard import run_import  # lxml: when used

        run_import(self.window)

    def _update_package_label(self, changes) -> None:
        if changes is not None:
            return
        from sa2030_desktop.services.package import package_ministry

        ministry = package_ministry(self.window.bridge.store)
        self.package_label.setText(
            self.tr("Ressortpaket {0} – nur eigene Ziele bearbeitbar").format(ministry)
            if ministry
            else ""
        )

    def _save_name(self, title: str, filter_: str, folder: bool = False) -> Path | None:
        if folder:
            name, _ = QFileDialog.getSaveFileName(self.window, title, "", self.tr("Ordner (*)"))
        else:
            name, self.chosen_filter = QFileDialog.getSaveFileName(self.window, title, "", filter_)
        return Path(name) if name else None

    def _book(self, target: Path) -> Path:
        """`.xlsx` or `.ods`: the name's own ending wins, else the filter chosen in the dialog."""
        if target.suffix.lower() in (".xlsx", ".ods"):
            return target
        chosen = getattr(self, "chosen_filter", "") or ""
        return target.with_suffix(".ods" if "*.ods" in chosen else ".xlsx")

    def export(self, xlsx: bool, target: Path | None = None):
        """Write off the GUI thread: the snapshot is plain data, the writer only touches files."""
        from sa2030_desktop.services.tabular import write_tabular

        if target is None:
            target = self._save_name(
                self.tr("Export als Tabellenmappe (Excel oder OpenDocument)")
                if xlsx
                else self.tr("Export als CSV-Ordner"),
                BOOK_FILTER,
                folder=not xlsx,
            )
        if target is None:
            return None
        if xlsx:
            target = self._book(target)
        portfolio = self.window.bridge.snapshot()
        self.window.statusBar().showMessage(self.tr("Export läuft …"))
        return TaskRunner.of(self.window).submit(
            lambda _progress, _token: write_tabular(portfolio, target),
            lambda outcome: self._exported(outcome.value),
        )

    def _exported(self, result) -> None:
        if isinstance(result, Exception):
            self.window.statusBar().clearMessage()
            self.window.show_error(result)
            return
        self.window.statusBar().showMessage(self.tr("Exportiert: {0}").format(result), 5000)

    def template_(self) -> None:
        from sa2030_desktop.services.tabular_write import write_template

        target = self._save_name(self.tr("Leere Vorlage"), BOOK_FILTER)
        if target is None:
            return
        try:
            bridge = self.window.bridge
            write_template(self._book(target), bridge.snapshot(), bridge.as_of)
        except Exception as exc:
            self.window.show_error(exc)

    def package_(self) -> None:
        from sa2030_desktop.services.package import export_package

        snapshot = self.window.bridge.snapshot()
        codes = sorted(k for k, m in snapshot.ministries.items() if m.valid_until is None)
        code, ok = QInputDialog.getItem(
            self.window, self.tr("Ressortpaket"), self.tr("Für welches Ressort?"), codes, 0, False
        )
        if not ok:
            return
        target = self._save_name(self.tr("Ressortpaket speichern"), self.tr("Portfolio (*.sa2030)"))
        if target is None:
            return
        try:
            export_package(self.window.bridge.store, code, target.with_suffix(".sa2030"))
        except Exception as exc:
            self.window.show_error(exc)
            return
        self.window.statusBar().showMessage(
            self.tr("Ressortpaket geschrieben: {0}").format(target), 5000
        )

    def merge_(self, path: Path | None = None):
        from sa2030_desktop.gui.exchange.merge_dialog import MergeDialog
        from sa2030_desktop.services import merge, package
        from sa2030_desktop.services.portfolio import open_portfolio

        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Kopie oder Ressortpaket"), "", self.tr("Portfolio (*.sa2030)")
            )
            if not name:
                return None
            path = Path(name)
        store = self.window.bridge.store
        try:
            other = open_portfolio(path, readonly=True)
            try:
                if package.package_ministry(other):
                    report = package.compare_package(store, other)
                else:
                    report = merge.compare(store, other)
            finally:
                other.close()
        except Exception as exc:
            self.window.show_error(exc)
            return None
        dialog = MergeDialog(self.window.bridge, self.window.undo_stack, report, parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


class ExchangeFeature(Feature):
    """Excel/CSV, Ressortpakete, merging; other code reaches them as `exchange`."""

    def __init__(self, window) -> None:
        super().__init__("exchange")
        self.exchange = ExchangeActions(window)
        self.actions = self.exchange.declarations()


def declare(window) -> ExchangeFeature:
    return ExchangeFeature(window)
