"""Milestones section of the goal detail: table with date delegate, add/delete, rebaseline."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sa2030_desktop.domain.dates import de_short
from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.model import Milestone
from sa2030_desktop.domain.rules import is_overdue
from sa2030_desktop.gui.commands import push_operation
from sa2030_desktop.gui.detail.dialogs import NewMilestoneDialog, RebaselineDialog
from sa2030_desktop.gui.detail.milestone_model import MilestoneColumn, MilestoneTableModel
from sa2030_desktop.gui.detail.qdates import DateDelegate, from_qdate
from sa2030_desktop.messages import format_error
from sa2030_desktop.services import operations as ops
from sa2030_desktop.services.goals import next_milestone_key


class MilestoneSection(QWidget):
    def __init__(self, window, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.goal_key: str | None = None
        self.model = MilestoneTableModel(self)
        self.model.edit_handler = self.edit_milestone
        self.view = QTableView(self)
        self.view.setObjectName("milestoneTable")
        self.view.setAccessibleName(self.tr("Meilensteine des Ziels"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.setItemDelegateForColumn(MilestoneColumn.FORECAST, DateDelegate(self.view))
        self.view.setItemDelegateForColumn(
            MilestoneColumn.ACTUAL, DateDelegate(self.view, optional=True)
        )
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MilestoneColumn.TITLE, QHeaderView.ResizeMode.Stretch)

        self.add_button = QPushButton(self.tr("Neuer &Meilenstein …"), self)
        self.delete_button = QPushButton(self.tr("Meilenstein &löschen …"), self)
        self.rebaseline_button = QPushButton(self.tr("Neuer &Basistermin …"), self)
        self.add_button.clicked.connect(self.add_milestone)
        self.delete_button.clicked.connect(self.delete_milestone)
        self.rebaseline_button.clicked.connect(self.rebaseline)
        rebaseline_action = QAction(self.tr("Neuer Basistermin …"), self.view)
        rebaseline_action.setShortcut(QKeySequence("Ctrl+B"))
        rebaseline_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        rebaseline_action.triggered.connect(self.rebaseline)
        self.view.addAction(rebaseline_action)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.rebaseline_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    # -- state -----------------------------------------------------------------------------
    def show_goal(self, key: str | None) -> None:
        self.goal_key = key
        bridge = self.window_.bridge
        current = self.current_milestone()
        milestones = bridge.snapshot().milestones_of(key) if key else []
        self.model.set_milestones(milestones, bridge.as_of)
        self.view.resizeColumnsToContents()
        if current is not None and self.model.row_of(current.key) >= 0:
            self.view.selectRow(self.model.row_of(current.key))
        elif self.model.rowCount():
            # Start on the first open milestone, so „Neuer Basistermin …“ is one key away.
            rows = [r for r in range(self.model.rowCount()) if self.model.milestone(r).is_open]
            self.view.selectRow(rows[0] if rows else 0)
        self.add_button.setEnabled(key is not None)
        self._update_buttons()

    def current_milestone(self) -> Milestone | None:
        index = self.view.currentIndex()
        return self.model.milestone(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        has = self.current_milestone() is not None
        self.delete_button.setEnabled(has)
        self.rebaseline_button.setEnabled(has)

    # -- actions ---------------------------------------------------------------------------
    def _push(self, operation: ops.Operation) -> bool:
        return push_operation(self, self.window_.undo_stack, operation, self.window_.bridge)

    def edit_milestone(self, key: str, field: str, value: object) -> bool:
        """Called by the model's setData: one undoable UpdateMilestone per edit."""
        operation = ops.UpdateMilestone(key, {field: value})
        try:
            operation.check(self.window_.bridge.store)
        except DomainError as exc:  # refused: no question first
            QMessageBox.warning(self, self.tr("Nicht möglich"), format_error(exc))
            return False
        ms = self.window_.bridge.snapshot().milestones[key]
        if field == "forecast" and is_overdue(
            dataclasses.replace(ms, forecast=value), date.today()
        ):
            answer = QMessageBox.question(
                self,
                self.tr("Prognose in der Vergangenheit"),
                self.tr(
                    "Die Prognose {0} für {1} liegt in der Vergangenheit, ein Ist-Datum fehlt.\n"
                    "Der Meilenstein gilt damit als überfällig. Trotzdem übernehmen?"
                ).format(de_short(value), key),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        return self._push(operation)

    def add_milestone(self) -> None:
        if not self.goal_key:
            return
        store = self.window_.bridge.store
        dialog = NewMilestoneDialog(self, next_milestone_key(store, self.goal_key))
        dialog.check = self._check_new
        if dialog.exec():
            self._push(ops.CreateMilestone(self._milestone_of(dialog)))

    def _milestone_of(self, dialog: NewMilestoneDialog) -> Milestone:
        return Milestone(
            key=dialog.key_edit.text().strip(),
            goal=self.goal_key or "",
            title=dialog.title_edit.text().strip(),
            baseline=from_qdate(dialog.baseline_edit.date()),
            forecast=from_qdate(dialog.forecast_edit.date()),
        )

    def _check_new(self, dialog: NewMilestoneDialog) -> str:
        try:
            ops.CreateMilestone(self._milestone_of(dialog)).check(self.window_.bridge.store)
        except DomainError as exc:
            return format_error(exc)
        return ""

    def delete_milestone(self) -> None:
        ms = self.current_milestone()
        if ms is None:
            return
        users = [
            f"{d.dependent} benötigt {d.prerequisite}"
            for d in self.window_.bridge.snapshot().dependencies
            if ms.key in (d.prerequisite_milestone, d.dependent_milestone)
        ]
        text = self.tr("Meilenstein {0} „{1}“ löschen?").format(ms.key, ms.title)
        if users:
            text += "\n\n" + self.tr(
                "Er ist in diesen Abhängigkeiten genannt (der Verweis entfällt):"
            )
            text += "\n" + "\n".join(f"• {u}" for u in users)
        answer = QMessageBox.question(self, self.tr("Meilenstein löschen"), text)
        if answer == QMessageBox.StandardButton.Yes:
            self._push(ops.DeleteMilestone(ms.key))

    def rebaseline(self) -> None:
        ms = self.current_milestone()
        if ms is None:
            return
        dialog = RebaselineDialog(self, ms.key, ms.title, ms.baseline, ms.forecast)
        if dialog.exec():
            self._push(ops.Rebaseline(ms.key, dialog.new_date(), dialog.text()))
