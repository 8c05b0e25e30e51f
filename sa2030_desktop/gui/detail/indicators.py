"""Indicators of one goal with their measured values: table, add/edit dialog, delete."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sa2030_desktop.domain.dates import de_short, number_de, parse_date, parse_number
from sa2030_desktop.domain.grammar import count_de
from sa2030_desktop.domain.model import Indicator, IndicatorValue
from sa2030_desktop.gui.commands import push_operation
from sa2030_desktop.gui.detail.qdates import from_qdate, make_date_edit, set_edit_date
from sa2030_desktop.gui.detail.trend_chart import IndicatorTrendChart
from sa2030_desktop.gui.dialog_parts import buddy_label, error_label, ok_cancel
from sa2030_desktop.services import operations as ops

Index = QModelIndex | QPersistentModelIndex


class IndicatorColumn(IntEnum):
    NAME = 0
    BASELINE = 1
    TARGET = 2
    LATEST = 3
    VALUES = 4


HEADERS = ("Indikator", "Ausgang", "Ziel", "Zuletzt gemessen", "Werte")


def _value_at(value: float | None, day, unit: str = "") -> str:
    """„52 % (30.09.2026)“ – the unit beside the number keeps the table narrow."""
    if value is None:
        return "–"
    text = f"{number_de(value)}\u00a0{unit}" if unit else number_de(value)
    return f"{text}\n{de_short(day)}" if day else text


class IndicatorTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Indicator] = []

    def set_indicators(self, rows: list[Indicator]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def indicator(self, row: int) -> Indicator | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(IndicatorColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(HEADERS):
                return QCoreApplication.translate("IndicatorTableModel", HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        ind = self._rows[index.row()]
        col = IndicatorColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if col is IndicatorColumn.NAME:
                return ind.name
            if col is IndicatorColumn.BASELINE:
                return _value_at(ind.baseline, ind.baseline_date, ind.unit)
            if col is IndicatorColumn.TARGET:
                return _value_at(ind.target, ind.target_date, ind.unit)
            if col is IndicatorColumn.LATEST:
                last = ind.values[-1] if ind.values else None
                return _value_at(last.value, last.date, ind.unit) if last else "–"
            return str(len(ind.values))
        if role == Qt.ItemDataRole.ToolTipRole:
            if col is IndicatorColumn.NAME:
                return ind.name
            if ind.values:
                return "\n".join(
                    f"{de_short(v.date)}: {number_de(v.value)} {ind.unit}".rstrip()
                    for v in ind.values
                )
        return None


class IndicatorDialog(QDialog):
    def __init__(self, parent: QWidget | None, goal: str, indicator: Indicator | None) -> None:
        super().__init__(parent)
        self.setObjectName("IndicatorDialog")
        self.goal = goal
        self.setWindowTitle(
            self.tr("Indikator bearbeiten") if indicator else self.tr("Neuer Indikator")
        )
        self.setMinimumWidth(520)
        self.name_edit = QLineEdit(self)
        self.unit_edit = QLineEdit(self)
        self.baseline_edit = QLineEdit(self)
        self.baseline_date = make_date_edit(
            self, optional=True, accessible=self.tr("Datum des Ausgangswerts")
        )
        self.target_edit = QLineEdit(self)
        self.target_date = make_date_edit(self, optional=True, accessible=self.tr("Zieldatum"))
        self.values_edit = QPlainTextEdit(self)
        self.values_edit.setTabChangesFocus(True)
        self.values_edit.setPlaceholderText(self.tr("je Zeile: Datum; Wert – z. B. 31.12.2025; 34"))
        for widget, name in (
            (self.name_edit, "Name des Indikators"),
            (self.unit_edit, "Einheit"),
            (self.baseline_edit, "Ausgangswert"),
            (self.target_edit, "Zielwert"),
            (self.values_edit, "Messwerte"),
        ):
            widget.setAccessibleName(self.tr(name))
        self.error = error_label(self)
        form = QFormLayout(self)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Einheit:"), self.unit_edit)
        # a row of two fields gets its label's buddy by hand: QFormLayout sets it only for a
        # widget, and without a buddy the label shows its „&“ instead of the Alt key
        form.addRow(buddy_label(self, self.tr("&Ausgangswert:"), self.baseline_edit),
                    _pair(self.baseline_edit, self.baseline_date))  # fmt: skip
        form.addRow(buddy_label(self, self.tr("&Zielwert:"), self.target_edit),
                    _pair(self.target_edit, self.target_date))  # fmt: skip
        form.addRow(self.tr("&Messwerte:"), self.values_edit)
        form.addRow(self.error)
        buttons = ok_cancel(self, self.tr("Speichern"))
        form.addRow(buttons)
        self.result_indicator: Indicator | None = None
        if indicator:
            self.name_edit.setText(indicator.name)
            self.name_edit.setReadOnly(True)  # the name is the indicator's key within its goal
            self.unit_edit.setText(indicator.unit)
            self.baseline_edit.setText(number_de(indicator.baseline))
            set_edit_date(self.baseline_date, indicator.baseline_date)
            self.target_edit.setText(number_de(indicator.target))
            set_edit_date(self.target_date, indicator.target_date)
            self.values_edit.setPlainText(
                "\n".join(f"{de_short(v.date)}; {number_de(v.value)}" for v in indicator.values)
            )

    def build(self) -> Indicator:
        """Raises ValueError with a German message naming the field or line."""
        numbers = {}
        for name, edit in (("Ausgangswert", self.baseline_edit), ("Zielwert", self.target_edit)):
            try:
                numbers[name] = parse_number(edit.text())
            except ValueError:
                raise ValueError(
                    self.tr("„{0}“ im Feld {1} ist keine Zahl.").format(edit.text(), name)
                ) from None
        values = []
        for n, line in enumerate(self.values_edit.toPlainText().splitlines(), start=1):
            if not line.strip():
                continue
            try:
                day_text, value_text = line.split(";", 1)
                day = parse_date(day_text)
                value = parse_number(value_text)
                if day is None or value is None:
                    raise ValueError(line)
            except ValueError:
                raise ValueError(
                    self.tr(
                        "Messwerte, Zeile {0}: „{1}“ – erwartet „Datum; Wert“, z. B. 31.12.2025; 34."
                    ).format(n, line.strip())
                ) from None
            values.append(IndicatorValue(day, value))
        values.sort(key=lambda v: v.date)
        return Indicator(
            goal=self.goal,
            name=self.name_edit.text().strip(),
            unit=self.unit_edit.text().strip(),
            baseline=numbers["Ausgangswert"],
            baseline_date=from_qdate(self.baseline_date.date()),
            target=numbers["Zielwert"],
            target_date=from_qdate(self.target_date.date()),
            values=values,
        )

    def accept(self) -> None:
        try:
            self.result_indicator = self.build()
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        if not self.result_indicator.name:
            self.error.setText(self.tr("Der Name des Indikators darf nicht leer sein."))
            self.name_edit.setFocus()
            return
        super().accept()


def _pair(edit: QLineEdit, date_edit) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(QLabel(QCoreApplication.translate("IndicatorDialog", "am")))
    row.addWidget(date_edit)
    return row


class IndicatorSection(QWidget):
    def __init__(self, window, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.goal_key: str | None = None
        self.model = IndicatorTableModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("indicatorTable")
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Indikatoren des Ziels"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(True)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setSectionResizeMode(
            IndicatorColumn.NAME, QHeaderView.ResizeMode.Stretch
        )
        self.view.activated.connect(self.edit_indicator)
        self.add_button = QPushButton(self.tr("Neuer &Indikator …"), self)
        self.edit_button = QPushButton(self.tr("Indikator &bearbeiten …"), self)
        self.delete_button = QPushButton(self.tr("Indikator l&öschen …"), self)
        self.add_button.clicked.connect(self.add_indicator)
        self.edit_button.clicked.connect(self.edit_indicator)
        self.delete_button.clicked.connect(self.delete_indicator)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        # Below the table: the selected indicator (or the first) against its target path.
        self.chart = IndicatorTrendChart(self)
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._show_chart())
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.chart, 1)

    def show_goal(self, key: str | None) -> None:
        self.goal_key = key
        snapshot = self.window_.bridge.snapshot()
        selected = self.current()
        rows = [i for i in snapshot.indicators if i.goal == key]
        self.model.set_indicators(rows)
        # After an edit the same indicator stays selected (and charted); another goal: none.
        names = [i.name for i in rows]
        if selected is not None and selected.goal == key and selected.name in names:
            self.view.selectRow(names.index(selected.name))
        self.add_button.setEnabled(key is not None)
        self._show_chart()

    def charted(self) -> Indicator | None:
        """The indicator the chart shows: the selected one, else the first."""
        return self.current() or self.model.indicator(0)

    def _show_chart(self) -> None:
        self.chart.set_indicator(self.charted(), self.window_.bridge.as_of)

    def current(self) -> Indicator | None:
        index = self.view.currentIndex()
        return self.model.indicator(index.row()) if index.isValid() else None

    def _save(self, dialog: IndicatorDialog) -> None:
        if dialog.exec() and dialog.result_indicator is not None:
            push_operation(
                self,
                self.window_.undo_stack,
                ops.SaveIndicator(dialog.result_indicator),
                self.window_.bridge,
            )

    def add_indicator(self) -> None:
        if self.goal_key:
            self._save(IndicatorDialog(self, self.goal_key, None))

    def edit_indicator(self, *_args) -> None:
        current = self.current()
        if current is not None:
            self._save(IndicatorDialog(self, current.goal, current))

    def delete_indicator(self) -> None:
        current = self.current()
        if current is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Indikator löschen"),
            self.tr("Indikator „{0}“ mit {1} löschen?").format(
                current.name, count_de(len(current.values), "Messwert", "Messwerten")
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            push_operation(
                self,
                self.window_.undo_stack,
                ops.DeleteIndicator(current.goal, current.name),
                self.window_.bridge,
            )
