"""Stammdaten: ministries (effective-dated, rename/merge), categories and theme fields."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sa2030_desktop.domain.dates import de_short
from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.model import Category, Ministry, Theme
from sa2030_desktop.gui.commands import push_operation
from sa2030_desktop.gui.detail.qdates import from_qdate, make_date_edit, set_edit_date, to_qdate
from sa2030_desktop.gui.dialog_parts import error_label, fit_to_screen, ok_cancel
from sa2030_desktop.messages import format_error
from sa2030_desktop.services import operations as ops

Index = QModelIndex | QPersistentModelIndex

# entity → (snapshot section, class, [(field, German label, kind)])
SPECS = {
    "ministry": (
        "ministries",
        Ministry,
        [
            ("code", "Kürzel", "key"),
            ("name", "Name", "text"),
            ("colour", "Farbe", "text"),
            ("valid_from", "gültig ab", "date"),
            ("valid_until", "gültig bis", "date"),
            ("successor", "Nachfolger", "ministry"),
        ],
    ),
    "category": (
        "categories",
        Category,
        [
            ("code", "Kürzel", "key"),
            ("name", "Name", "text"),
            ("sort", "Reihenfolge", "int"),
        ],
    ),
    "theme": (
        "themes",
        Theme,
        [
            ("code", "Kürzel", "key"),
            ("name", "Name", "text"),
            ("category", "Zielkategorie", "category"),
            ("sort", "Reihenfolge", "int"),
        ],
    ),
}


class ReferenceTableModel(QAbstractTableModel):
    def __init__(self, fields: list[tuple[str, str, str]], parent=None) -> None:
        super().__init__(parent)
        self.fields = fields
        self._rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_object(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, code: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.code == code), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.fields)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self.fields):
                return self.fields[section][1]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        value = getattr(self._rows[index.row()], self.fields[index.column()][0])
        if isinstance(value, date):
            return de_short(value)
        return "" if value is None else str(value)


class ReferenceTab(QWidget):
    """Table of one kind of reference data with an edit form below it."""

    def __init__(self, dialog: ReferenceDialog, entity: str) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.entity = entity
        self.section, self.cls, self.fields = SPECS[entity]
        self.model = ReferenceTableModel(self.fields, self)
        self.view = QTableView(self)
        self.view.setObjectName(f"{entity}Table")
        self.view.setModel(self.model)
        self.view.setAccessibleName(
            {
                "ministry": self.tr("Ressorts"),
                "category": self.tr("Zielkategorien"),
                "theme": self.tr("Themenfelder"),
            }[entity]
        )
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.editors: dict[str, QWidget] = {}
        form = QFormLayout()
        for name, label, kind in self.fields:
            editor = self._editor(kind, label)
            self.editors[name] = editor
            form.addRow(f"{label}:", editor)
        self.error = error_label(self)
        form.addRow(self.error)
        self.new_button = QPushButton(self.tr("&Neu"), self)
        self.save_button = QPushButton(self.tr("&Speichern"), self)
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        if entity == "ministry":
            self.rename_button = QPushButton(self.tr("&Umbenennen/Zusammenlegen …"), self)
            self.rename_button.clicked.connect(self.rename)
            buttons.addWidget(self.rename_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.view.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self.load(cur.row())
        )
        self._new = False

    def _editor(self, kind: str, label: str) -> QWidget:
        if kind == "date":
            editor = make_date_edit(self, optional=True)
        elif kind == "int":
            editor = QSpinBox(self)
            editor.setRange(0, 999)
        elif kind in ("ministry", "category"):
            editor = QComboBox(self)
        else:
            editor = QLineEdit(self)
        editor.setAccessibleName(label)
        return editor

    def refresh(self) -> None:
        snapshot = self.dialog.bridge.snapshot()
        current = self.current()
        self.model.set_rows(list(getattr(snapshot, self.section).values()))
        for name, _label, kind in self.fields:
            if kind in ("ministry", "category"):
                combo = self.editors[name]
                combo.clear()
                if kind == "ministry":
                    combo.addItem(self.tr("– kein –"), None)
                for code, obj in getattr(
                    snapshot, "ministries" if kind == "ministry" else "categories"
                ).items():
                    combo.addItem(f"{code} – {obj.name}", code)
        row = self.model.row_of(current.code) if current else -1
        self.view.selectRow(max(row, 0))
        self.load(max(row, 0))

    def current(self):
        return self.model.row_object(self.view.currentIndex().row())

    def load(self, row: int) -> None:
        obj = self.model.row_object(row)
        self._new = False
        self.error.clear()
        for name, _label, kind in self.fields:
            value = getattr(obj, name) if obj else None
            editor = self.editors[name]
            if kind == "key":
                editor.setText(value or "")
                editor.setReadOnly(True)  # the code is the key other data refers to
            elif kind == "date":
                set_edit_date(editor, value)
            elif kind == "int":
                editor.setValue(int(value or 0))
            elif kind in ("ministry", "category"):
                editor.setCurrentIndex(max(editor.findData(value), 0))
            else:
                editor.setText(value or "")

    def start_new(self) -> None:
        self.view.clearSelection()
        self.load(-1)
        self._new = True
        key = self.editors["code"]
        key.setReadOnly(False)
        key.setFocus()

    def build(self):
        values = {}
        for name, _label, kind in self.fields:
            editor = self.editors[name]
            if kind == "date":
                values[name] = from_qdate(editor.date())
            elif kind == "int":
                values[name] = editor.value()
            elif kind in ("ministry", "category"):
                values[name] = editor.currentData()
            else:
                values[name] = editor.text().strip()
        if not self._new and self.current() is not None:
            return dataclasses.replace(self.current(), **values)
        return self.cls(**values)

    def save(self) -> bool:
        obj = self.build()
        operation = ops.SaveReference(obj, new=self._new)
        ok = push_operation(
            self, self.dialog.undo_stack, operation, self.dialog.bridge, self.error.setText
        )
        if ok:
            self._new = False
            self.dialog.refresh()
            self.view.selectRow(self.model.row_of(obj.code))
        return ok

    def rename(self) -> None:
        current = self.current()
        dialog = RenameMinistryDialog(self, self.dialog.bridge, current.code if current else None)
        if dialog.exec() and dialog.command is not None:
            push_operation(self, self.dialog.undo_stack, dialog.command, self.dialog.bridge)
            self.dialog.refresh()


class RenameMinistryDialog(QDialog):
    """Umbenennen (one old ministry) or Zusammenlegen (several) from an effective date."""

    def __init__(self, parent: QWidget | None, bridge, preselect: str | None) -> None:
        super().__init__(parent)
        self.setObjectName("RenameMinistryDialog")
        self.setWindowTitle(self.tr("Ressort umbenennen oder zusammenlegen"))
        self.setMinimumWidth(680)
        self.bridge = bridge
        self.command: ops.RenameMinistry | None = None
        snapshot = bridge.snapshot()
        self.old_model = QStandardItemModel(self)
        for code, ministry in snapshot.ministries.items():
            if ministry.valid_until is None:
                item = QStandardItem(f"{code} – {ministry.name}")
                item.setData(code, Qt.ItemDataRole.UserRole)
                item.setCheckable(True)
                item.setEditable(False)
                item.setCheckState(
                    Qt.CheckState.Checked if code == preselect else Qt.CheckState.Unchecked
                )
                self.old_model.appendRow(item)
        self.old_view = QListView(self)
        self.old_view.setModel(self.old_model)
        self.old_view.setAccessibleName(self.tr("Bisherige Ressorts"))
        self.old_view.setWordWrap(True)
        self.old_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.code_edit = QLineEdit(self)
        self.code_edit.setAccessibleName(self.tr("Neues Kürzel"))
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(self.tr("Neuer Name"))
        self.effective_edit = make_date_edit(self, accessible=self.tr("Wirksam ab"))
        self.effective_edit.setDate(to_qdate(date.today() + timedelta(days=1)))
        note = QLabel(
            self.tr(
                "Das neue Ressort gilt ab dem Stichtag; die bisherigen enden am Vortag und verweisen auf "
                "ihren Nachfolger. Ziele behalten ihre Geschichte: Berichte vor dem Stichtag zeigen das "
                "bisherige Ressort."
            ),
            self,
        )
        note.setWordWrap(True)
        self.error = error_label(self)
        form = QFormLayout(self)
        form.addRow(self.tr("&Bisherige Ressorts:"), self.old_view)
        form.addRow(self.tr("Neues &Kürzel:"), self.code_edit)
        form.addRow(self.tr("Neuer &Name:"), self.name_edit)
        form.addRow(self.tr("&Wirksam ab:"), self.effective_edit)
        form.addRow(note)
        form.addRow(self.error)
        buttons = ok_cancel(self, self.tr("Übernehmen"))
        form.addRow(buttons)

    def old_codes(self) -> list[str]:
        return [
            self.old_model.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(self.old_model.rowCount())
            if self.old_model.item(r).checkState() == Qt.CheckState.Checked
        ]

    def accept(self) -> None:
        command = ops.RenameMinistry(
            self.old_codes(),
            self.code_edit.text().strip(),
            self.name_edit.text().strip(),
            from_qdate(self.effective_edit.date()) or date.today(),
        )
        try:
            command.check(self.bridge.store)
        except DomainError as exc:
            self.error.setText(format_error(exc))
            return
        self.command = command
        super().accept()


class ReferenceDialog(QDialog):
    def __init__(self, parent: QWidget | None, bridge, undo_stack) -> None:
        super().__init__(parent)
        self.setObjectName("ReferenceDialog")
        self.setWindowTitle(self.tr("Stammdaten: Ressorts, Zielkategorien, Themenfelder"))
        fit_to_screen(self, 980, 720)
        self.bridge = bridge
        self.undo_stack = undo_stack
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Art der Stammdaten"))
        self.pages = {entity: ReferenceTab(self, entity) for entity in SPECS}
        self.tabs.addTab(self.pages["ministry"], self.tr("&Ressorts"))
        self.tabs.addTab(self.pages["category"], self.tr("&Zielkategorien"))
        self.tabs.addTab(self.pages["theme"], self.tr("&Themenfelder"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Schließen"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        for page in self.pages.values():
            page.refresh()
