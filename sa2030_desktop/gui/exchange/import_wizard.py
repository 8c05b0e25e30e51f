"""Import wizard: choose an Excel workbook or CSV files → preview (added / changed / unchanged,
every error with its place, unknown columns to map) → import as one undoable step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from sa2030_desktop.domain.errors import ValidationError
from sa2030_desktop.gui.commands import OperationCommand
from sa2030_desktop.gui.dialog_parts import CancelsItsJob, fit_to_screen
from sa2030_desktop.gui.tasks import TaskRunner
from sa2030_desktop.messages import ENTITY, format_error, format_issue
from sa2030_desktop.services import operations as ops
from sa2030_desktop.services.importing import apply_bundle, preview_bundle
from sa2030_desktop.services.tabular import read_tabular
from sa2030_desktop.services.tabular_schema import canonical_names

FILE_FILTER = "Excel, OpenDocument oder CSV (*.xlsx *.ods *.csv *.txt);;Alle Dateien (*)"


class _Snapshot:
    """What the preview needs of the store — its snapshot — so it can run off the GUI thread
    (the store's connections stay on the GUI thread)."""

    def __init__(self, portfolio) -> None:
        self._portfolio = portfolio

    def snapshot(self):
        return self._portfolio


def import_command(bridge, bundle, names: str, before) -> OperationCommand:
    """The undo step of an import a worker already wrote: undo writes `before` back."""
    operation = ops.ImportBundle(bundle)
    operation.before = before
    text = QWidget.tr("Import aus {0}").format(names)
    return OperationCommand(bridge, operation, text, applied=True)


class FilesPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Dateien wählen"))
        self.setSubTitle(
            self.tr(
                "Eine Excel-Mappe (Blätter Ziele, Meilensteine, Abhaengigkeiten, Indikatoren, "
                "Messwerte) oder CSV-Dateien, eine je Tabelle – die Tabellen werden an ihren "
                "Spalten erkannt, Name und Reihenfolge sind gleich."
            )
        )
        self.files = QListWidget(self)
        self.files.setObjectName("importFiles")
        self.files.setAccessibleName(self.tr("Gewählte Dateien"))
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        add = QPushButton(self.tr("Dateien &hinzufügen…"), self)
        add.clicked.connect(self._choose)
        remove = QPushButton(self.tr("&Entfernen"), self)
        remove.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.files)
        layout.addLayout(buttons)

    def paths(self) -> list[Path]:
        return [Path(self.files.item(i).text()) for i in range(self.files.count())]

    def set_paths(self, paths: list[Path]) -> None:
        self.files.clear()
        self.files.addItems([str(p) for p in paths])
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return self.files.count() > 0

    def _choose(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Excel- oder CSV-Dateien"), "", self.tr(FILE_FILTER)
        )
        if names:
            self.set_paths(self.paths() + [Path(n) for n in names])

    def _remove(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))
        self.completeChanged.emit()


class PreviewPage(QWizardPage):
    """Reads off the GUI thread, then shows what the import would do — nothing is written."""

    def __init__(self, bridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.bundle = None
        self.preview = None
        self.mapping: dict[str, str] = {}
        self.job = None
        self.setTitle(self.tr("Vorschau"))
        self.setSubTitle(self.tr("Noch ist nichts geschrieben. Importiert wird alles oder nichts."))
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setAccessibleName(self.tr("Dateien werden gelesen"))
        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.counts = QTreeWidget(self)
        self.counts.setObjectName("importCounts")
        self.counts.setAccessibleName(self.tr("Was der Import ändert"))
        self.counts.setRootIsDecorated(False)
        self.counts.setHeaderLabels(
            [self.tr("Art"), self.tr("neu"), self.tr("geändert"), self.tr("unverändert")]
        )
        self.counts.setMaximumHeight(120)
        self.errors = QPlainTextEdit(self)
        self.errors.setObjectName("importErrors")
        self.errors.setReadOnly(True)
        self.errors.setAccessibleName(self.tr("Fehler und Hinweise"))
        self.map_box = QGroupBox(self.tr("Unbekannte Spalten zuordnen"), self)
        self.map_form = QFormLayout(self.map_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.busy)
        layout.addWidget(self.summary)
        layout.addWidget(self.counts)
        layout.addWidget(self.map_box)
        layout.addWidget(QLabel(self.tr("Fehler und Hinweise:"), self))
        layout.addWidget(self.errors, 1)

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        self.refresh()

    def refresh(self) -> None:
        paths = self.wizard().files_page.paths()
        mapping = dict(self.mapping)
        self.bundle = self.preview = None
        self.busy.show()
        self.summary.setText(self.tr("Dateien werden gelesen …"))
        self.completeChanged.emit()
        if self.job is not None:
            self.job.cancel()  # superseded: its outcome is dropped in _read
        snapshot = _Snapshot(self.bridge.snapshot())  # plain data: safe in the worker

        def work():
            bundle = read_tabular(paths, mapping)
            try:
                return bundle, preview_bundle(snapshot, bundle)
            except ValidationError as exc:
                return bundle, exc

        task = self.job = TaskRunner.of(self).submit(
            lambda _progress, _token: work(), lambda outcome: self._read(outcome, task)
        )

    def _read(self, outcome, task) -> None:
        if task is not self.job:  # a newer read replaced this one
            return
        result = outcome.value
        self.busy.hide()
        self.job = None
        self.counts.clear()
        lines: list[str] = []
        if isinstance(result, Exception):
            notes = getattr(result, "notes", [])
            self._fill_mapping(notes)
            self._show_refused(result, [self.tr("Hinweis: ") + format_issue(n) for n in notes])
            return
        bundle, preview = result
        self.bundle = bundle
        self.summary.setStyleSheet("")
        self._fill_mapping(bundle.notes)
        notes = [self.tr("Hinweis: ") + format_issue(n) for n in bundle.notes]
        if isinstance(preview, Exception):
            self._show_refused(preview, notes)
            return
        self.preview = preview
        for entity, c in self.preview.counts().items():
            QTreeWidgetItem(
                self.counts,
                [
                    ENTITY.get(entity, entity),
                    str(c["added"]),
                    str(c["changed"]),
                    str(c["unchanged"]),
                ],
            )
        total = {
            k: sum(c[k] for c in self.preview.counts().values())
            for k in ("added", "changed", "unchanged")
        }
        self.summary.setText(
            self.tr("Bereit: {0} neu, {1} geändert, {2} unverändert, 0 abgelehnt.").format(
                total["added"], total["changed"], total["unchanged"]
            )
        )
        lines += notes
        self.errors.setPlainText("\n".join(lines) or self.tr("Keine Fehler."))
        self.completeChanged.emit()

    def _show_refused(self, exc: Exception, notes: list[str]) -> None:
        issues = getattr(exc, "issues", None)
        count = len(issues) if issues else 1
        self.summary.setText(
            self.tr(
                "Abgelehnt: {0} Fehler – es wird nichts importiert. Bitte die Dateien korrigieren."
            ).format(count)
        )
        self.summary.setStyleSheet("color: #B71C1C; font-weight: bold;")
        text = format_error(exc)
        self.errors.setPlainText("\n".join([text, *notes]))
        self.completeChanged.emit()

    def _fill_mapping(self, notes) -> None:
        while self.map_form.rowCount():
            self.map_form.removeRow(0)
        unknown = [n for n in notes if n.code == "extra_column"]
        self.map_box.setVisible(bool(unknown))
        for note in unknown:
            header, table = str(note.data["value"]), note.data.get("table")
            combo = QComboBox(self.map_box)
            combo.addItem(self.tr("(ignorieren)"), "")
            for name in canonical_names(table) if table else []:
                combo.addItem(name, name)
            current = self.mapping.get(header, "")
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.setAccessibleName(self.tr("Zuordnung für Spalte {0}").format(header))
            combo.currentIndexChanged.connect(
                lambda _i, h=header, c=combo: self._map(h, c.currentData())
            )
            place = note.place.get("sheet") or note.place.get("file")
            self.map_form.addRow(f"„{header}“ ({place})", combo)

    def _map(self, header: str, target: str) -> None:
        if target:
            self.mapping[header] = target
        else:
            self.mapping.pop(header, None)
        self.refresh()

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return self.preview is not None


class ImportWizard(CancelsItsJob, QWizard):
    def __init__(self, bridge, undo_stack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import aus Excel/CSV"))
        self.bridge = bridge
        self.undo_stack = undo_stack
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Importieren"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Weiter >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Zurück"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Abbrechen"))
        self.files_page = FilesPage(self)
        self.preview_page = PreviewPage(bridge, self)
        self.addPage(self.files_page)
        self.addPage(self.preview_page)
        fit_to_screen(self, 760, 620)
        self.command: OperationCommand | None = None
        self.job = None

    def accept(self) -> None:
        """Write in a worker (cancellable, all or nothing), then record one undo step."""
        bundle = self.preview_page.bundle
        if bundle is None or self.job is not None:
            return
        from sa2030_desktop.services.safety import store_work

        names = ", ".join(p.name for p in self.files_page.paths())
        before = self.bridge.snapshot()
        self.job = TaskRunner.of(self).submit(
            store_work(self.bridge.store, apply_bundle, bundle),
            lambda outcome: self._written(outcome.value, bundle, before, names),
            title=self.windowTitle(),
        )
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.preview_page.busy.show()
        self.preview_page.summary.setText(
            self.tr("Import läuft … (Abbrechen: nichts wird geschrieben)")
        )

    def _written(self, result, bundle, before, names: str) -> None:
        self.job = None
        self.preview_page.busy.hide()
        if isinstance(result, Exception):
            self.preview_page._show_refused(result, [])
            return
        command = import_command(self.bridge, bundle, names, before)
        self.undo_stack.push(command)
        self.command = command
        super().accept()


def run_import(window, paths: list[Path] | None = None) -> ImportWizard:
    wizard = ImportWizard(window.bridge, window.undo_stack, window)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if paths:
        wizard.files_page.set_paths(paths)
    wizard.open()
    return wizard
