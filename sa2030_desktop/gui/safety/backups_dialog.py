"""Datei > Sicherungen…: the verified backups with date and content; restore one."""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.grammar import count_de
from sa2030_desktop.gui.dialog_parts import fit_to_screen, note_label, record_table
from sa2030_desktop.messages import format_error
from sa2030_desktop.services import safety

REASONS = {"": "regelmäßig", "vor-migration": "vor Formatänderung", "manuell": "von Hand",
           "beim-oeffnen": "beim Öffnen"}  # fmt: skip


class BackupColumn(IntEnum):
    TAKEN = 0
    REASON = 1
    TITLE = 2
    GOALS = 3
    MILESTONES = 4
    DEPENDENCIES = 5


class BackupTableModel(QAbstractTableModel):
    HEADERS = ("Datum", "Anlass", "Titel", "Ziele", "Meilensteine", "Abhängigkeiten")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.backups: list[safety.BackupInfo] = []

    def set_backups(self, backups: list[safety.BackupInfo]) -> None:
        self.beginResetModel()
        self.backups = list(backups)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.backups)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(BackupColumn)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        b = self.backups[index.row()]
        col = BackupColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                BackupColumn.TAKEN: b.taken.strftime("%d.%m.%Y %H:%M:%S"),
                BackupColumn.REASON: self.tr(REASONS.get(b.reason, b.reason)),
                BackupColumn.TITLE: b.title,
                BackupColumn.GOALS: str(b.goals),
                BackupColumn.MILESTONES: str(b.milestones),
                BackupColumn.DEPENDENCIES: str(b.dependencies),
            }[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= BackupColumn.GOALS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(b.path)
        if role == Qt.ItemDataRole.UserRole:
            return b
        return None


class BackupsDialog(QDialog):
    """Lists the backups of the open file. `replace_requested(backup)` asks the window to
    swap the open file for the backup (the window closes and reopens the store)."""

    replace_requested = Signal(object)
    backup_requested = Signal()

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.setObjectName("backupsDialog")
        self.setWindowTitle(self.tr("Sicherungen von „{0}“").format(self.path.name))
        self.model = BackupTableModel(self)
        self.view = record_table(self, self.model, "backupsTable", self.tr("Sicherungen"))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(
            BackupColumn.TITLE, QHeaderView.ResizeMode.Stretch
        )
        self.info = note_label(self, "backupsInfo")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.backup_button = self._button(buttons, self.tr("Jetzt &sichern"), "backupNow")
        self.new_button = self._button(buttons, self.tr("Als &neue Datei wiederherstellen…"),
                                       "restoreAsNew")  # fmt: skip
        self.replace_button = self._button(buttons, self.tr("Aktuelle Datei &ersetzen…"),
                                           "replaceCurrent")  # fmt: skip
        self.backup_button.clicked.connect(self.backup_requested)
        self.new_button.clicked.connect(self.restore_as_new)
        self.replace_button.clicked.connect(self.replace_current)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        fit_to_screen(self, 900, 420)
        self.refresh()

    def _button(self, box: QDialogButtonBox, text: str, name: str) -> QPushButton:
        button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setObjectName(name)
        return button

    def refresh(self, last_report: str = "") -> None:
        """The list again; `last_report` (the last backup's outcome) goes below the text."""
        backups = safety.list_backups(self.path)
        self.model.set_backups(backups)
        folder = backups[0].path.parent if backups else None
        self.info.setText(
            self.tr("{0}. Aufbewahrt werden die letzten 10, je Tag eine für 14 Tage und je "
                    "Woche eine für 8 Wochen.\nOrdner: {1}").format(
                count_de(len(backups), self.tr("geprüfte Sicherung"),
                         self.tr("geprüfte Sicherungen")),
                folder or self.tr("noch keine Sicherung"))
        )  # fmt: skip
        if backups:
            self.view.selectRow(0)
        if last_report:
            self.info.setText(self.info.text() + "\n" + last_report)
        self.view.resizeColumnsToContents()
        self._update_buttons()

    def selected(self) -> safety.BackupInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.backups[rows[0].row()] if rows else None

    def _update_buttons(self, *_args) -> None:
        has = self.selected() is not None
        self.new_button.setEnabled(has)
        self.replace_button.setEnabled(has)

    def restore_as_new(self, target: str | None = None) -> Path | None:
        backup = self.selected()
        if backup is None:
            return None
        if not target:
            suggestion = self.path.with_name(
                f"{self.path.stem}-{backup.taken:%Y%m%d-%H%M}{self.path.suffix}"
            )
            target, _ = QFileDialog.getSaveFileName(
                self, self.tr("Sicherung als neue Datei speichern"), str(suggestion),
                self.tr("SA2030-Portfolio (*.sa2030)"),
            )  # fmt: skip
            if not target:
                return None
        try:
            written = safety.restore_as_new(backup, target)
        except DomainError as exc:
            self._warn(format_error(exc))
            return None
        self.info.setText(self.tr("Wiederhergestellt als „{0}“.").format(written))
        return written

    def replace_current(self, confirmed: bool = False) -> None:
        backup = self.selected()
        if backup is None:
            return
        if not confirmed:
            answer = QMessageBox.question(
                self, self.tr("Aktuelle Datei ersetzen"),
                self.tr("„{0}“ durch die Sicherung vom {1} ersetzen?\nDie aktuelle Datei "
                        "wird nicht gelöscht, sondern daneben aufbewahrt.").format(
                    self.path.name, backup.taken.strftime("%d.%m.%Y, %H:%M Uhr")),
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.replace_requested.emit(backup)

    def _warn(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.windowTitle(), text,
                          QMessageBox.StandardButton.Ok, self)  # fmt: skip
        box.setObjectName("backupsError")
        box.open()
        self.last_error = box
