"""Änderungsprotokoll: the change log as a table, filtered by goal, user and „Änderungen seit …“."""

from __future__ import annotations

import re
from datetime import date
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sa2030_desktop.domain.codes import StoredCodes
from sa2030_desktop.domain.dates import de_short
from sa2030_desktop.domain.grammar import count_de
from sa2030_desktop.domain.model import Change, Status
from sa2030_desktop.gui.detail.qdates import from_qdate, make_date_edit
from sa2030_desktop.gui.dialog_parts import row_of
from sa2030_desktop.gui.wrap_layout import WrapLayout
from sa2030_desktop.messages import ENTITY, FIELD

Index = QModelIndex | QPersistentModelIndex
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_STATUS = {s.value: s.label for s in Status}
_KIND = {"hard": "hart", "soft": "weich"}


class ChangeColumn(IntEnum):
    TIME = 0
    USER = 1
    ENTITY = 2
    KEY = 3
    FIELD = 4
    OLD = 5
    NEW = 6
    COMMENT = 7


HEADERS = (
    "Zeitpunkt",
    "Benutzer",
    "Objekt",
    "Schlüssel",
    "Feld",
    "Alter Wert",
    "Neuer Wert",
    "Kommentar",
)


def timestamp_de(text: str) -> str:
    """2026-11-28T16:40:05+01:00 → 28.11.2026 16:40."""
    if len(text) < 16:
        return text
    return f"{text[8:10]}.{text[5:7]}.{text[0:4]} {text[11:16]}"


def value_de(field: str, text: str) -> str:
    if not text:
        return "–"
    if field == "status":
        return _STATUS.get(text, text)
    if field == "kind":
        return _KIND.get(text, text)
    if _ISO_DAY.match(text):
        return de_short(date.fromisoformat(text))
    return text


class ChangeLogModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Change] = []

    def set_changes(self, rows: list[Change]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def change(self, row: int) -> Change | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(ChangeColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(HEADERS):
                return QCoreApplication.translate("ChangeLogModel", HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        ch = self._rows[index.row()]
        col = ChangeColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = {
                ChangeColumn.TIME: timestamp_de(ch.timestamp),
                ChangeColumn.USER: ch.user,
                ChangeColumn.ENTITY: ENTITY.get(ch.entity, ch.entity),
                ChangeColumn.KEY: ch.key.replace(">", " benötigt "),
                ChangeColumn.FIELD: FIELD.get(ch.field, ch.field) if ch.field != "*" else "(alle)",
                ChangeColumn.OLD: value_de(ch.field, ch.old),
                ChangeColumn.NEW: value_de(ch.field, ch.new),
                ChangeColumn.COMMENT: ch.comment,
            }[col]
            if role == Qt.ItemDataRole.ToolTipRole:
                return (
                    text
                    if col in (ChangeColumn.OLD, ChangeColumn.NEW, ChangeColumn.COMMENT) and text
                    else None
                )
            return text
        return None


def configure_table(view: QTableView) -> None:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    view.setWordWrap(False)


class ChangeLogWidget(QWidget):
    """The viewer. With `fixed_goal` it is the history of one goal (the detail panel's tab)."""

    def __init__(self, bridge, parent: QWidget | None = None, fixed_goal: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("ChangeLogWidget")
        self.bridge = bridge
        self.fixed_goal = fixed_goal
        self.goal_key = ""
        self.model = ChangeLogModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("changeTable")
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Änderungsprotokoll"))
        configure_table(self.view)

        self.goal_edit = QLineEdit(self)
        self.goal_edit.setPlaceholderText(self.tr("alle Ziele"))
        self.goal_edit.setAccessibleName(self.tr("Filter Ziel"))
        self.goal_edit.setClearButtonEnabled(True)
        self.user_combo = QComboBox(self)
        self.user_combo.setAccessibleName(self.tr("Filter Benutzer"))
        self.since_check = QCheckBox(self.tr("Änderungen &seit"), self)
        self.since_edit = make_date_edit(self, accessible=self.tr("Änderungen seit Datum"))
        self.since_edit.setEnabled(False)
        self.count_label = QLabel(self)
        # The filters wrap into a second row in a narrow dock (a goal's Historie on a laptop)
        # instead of widening it past the screen; a label stays with its field.
        bar = QWidget(self)
        filters = WrapLayout(bar, spacing=10)
        filters.setContentsMargins(0, 0, 0, 0)
        if not fixed_goal:
            goal_label = QLabel(self.tr("&Ziel:"), self)
            goal_label.setBuddy(self.goal_edit)
            filters.addWidget(row_of(bar, goal_label, self.goal_edit))
        else:
            self.goal_edit.hide()
        user_label = QLabel(self.tr("Ben&utzer:"), self)
        user_label.setBuddy(self.user_combo)
        filters.addWidget(row_of(bar, user_label, self.user_combo))
        filters.addWidget(row_of(bar, self.since_check, self.since_edit))
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addWidget(self.view)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh)
        self.goal_edit.textChanged.connect(lambda _t: self._timer.start())
        self.user_combo.currentIndexChanged.connect(lambda _i: self._timer.start())
        self.since_check.toggled.connect(self.since_edit.setEnabled)
        self.since_check.toggled.connect(lambda _on: self.refresh())
        self.since_edit.dateChanged.connect(
            lambda _d: self.refresh() if self.since_check.isChecked() else None
        )
        bridge.changed.connect(self._on_changed)
        # built when first shown: at 10,000 goals the log is large and the dock starts hidden
        self._stale = True

    def sizeHint(self) -> QSize:  # noqa: N802
        # As a bottom dock: room for about ten rows at first start.
        return QSize(1200, 360)

    def _on_changed(self, _changes) -> None:
        if self.isVisible():
            self._fill_choices()
            self._timer.start()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802
        if getattr(self, "_stale", False):
            self._stale = False
            self._fill_choices()
            self.refresh()
        super().showEvent(event)

    def _fill_choices(self) -> None:
        portfolio = self.bridge.snapshot()
        completer = QCompleter(sorted(portfolio.goals), self.goal_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.goal_edit.setCompleter(completer)
        users = sorted({c.user for c in self.bridge.store.changes(limit=5000)})
        current = self.user_combo.currentData()
        self.user_combo.blockSignals(True)
        self.user_combo.clear()
        self.user_combo.addItem(self.tr("alle"), None)
        for user in users:
            self.user_combo.addItem(user, user)
        index = self.user_combo.findData(current)
        self.user_combo.setCurrentIndex(max(index, 0))
        self.user_combo.blockSignals(False)

    def set_goal(self, key: str | None) -> None:
        self.goal_key = key or ""
        if not self.fixed_goal:
            self.goal_edit.setText(self.goal_key)
        self.refresh()

    def filters(self) -> dict:
        key = self.goal_key if self.fixed_goal else self.goal_edit.text().strip()
        if key and not self.fixed_goal:  # `z05` typed means Z05 (domain/codes.py)
            key = StoredCodes(self.bridge.snapshot().goals)(key)
        since = from_qdate(self.since_edit.date()) if self.since_check.isChecked() else None
        return {
            "key": key or None,
            "user": self.user_combo.currentData(),
            "since": since.isoformat() if since else None,
        }

    def refresh(self) -> None:
        self._timer.stop()
        if self.fixed_goal and not self.goal_key:
            self.model.set_changes([])
        else:
            self.model.set_changes(self.bridge.store.changes(**self.filters()))
        count = self.model.rowCount()
        self.count_label.setText(count_de(count, self.tr("Änderung"), self.tr("Änderungen")))
        self.view.resizeColumnsToContents()
        for col, widest in (
            (ChangeColumn.KEY, 200),
            (ChangeColumn.OLD, 260),
            (ChangeColumn.NEW, 260),
        ):
            if self.view.columnWidth(col) > widest:
                self.view.setColumnWidth(col, widest)
