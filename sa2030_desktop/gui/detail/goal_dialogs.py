"""„Neues Ziel …“ and the question before „Ziel löschen …“ (which names who depends on it)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from sa2030_desktop.domain import graph as g
from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.grammar import count_de
from sa2030_desktop.domain.ministries import ministries_valid_at
from sa2030_desktop.domain.model import Goal, Portfolio
from sa2030_desktop.domain.selection import natural_key
from sa2030_desktop.gui.dialog_parts import error_label, ok_cancel
from sa2030_desktop.messages import format_error
from sa2030_desktop.services import operations as ops


def next_goal_key(portfolio: Portfolio) -> str:
    numbers = [int(m.group(1)) for k in portfolio.goals if (m := re.fullmatch(r"Z(\d+)", k))]
    return f"Z{max(numbers, default=0) + 1:02d}"


class NewGoalDialog(QDialog):
    """Key, title, theme field and lead; the rest is edited in the detail panel afterwards."""

    def __init__(self, parent: QWidget | None, bridge) -> None:
        super().__init__(parent)
        self.setObjectName("NewGoalDialog")
        self.bridge = bridge
        self.goal: Goal | None = None
        self.setWindowTitle(self.tr("Neues Ziel"))
        self.setMinimumWidth(560)
        portfolio = bridge.snapshot()
        self.key_edit = QLineEdit(next_goal_key(portfolio), self)
        self.key_edit.setAccessibleName(self.tr("Schlüssel des Ziels"))
        self.title_edit = QLineEdit(self)
        self.title_edit.setAccessibleName(self.tr("Titel des Ziels"))
        self.theme_combo = QComboBox(self)
        self.theme_combo.setAccessibleName(self.tr("Themenfeld"))
        for theme in portfolio.themes.values():
            self.theme_combo.addItem(f"{theme.code} – {theme.name}", theme.code)
        self.lead_combo = QComboBox(self)
        self.lead_combo.setAccessibleName(self.tr("Federführung"))
        for code in ministries_valid_at(portfolio, bridge.as_of):
            self.lead_combo.addItem(f"{code} – {portfolio.ministries[code].name}", code)
        self.error = error_label(self)
        form = QFormLayout(self)
        form.addRow(self.tr("&Schlüssel:"), self.key_edit)
        form.addRow(self.tr("&Titel:"), self.title_edit)
        form.addRow(self.tr("T&hemenfeld:"), self.theme_combo)
        form.addRow(self.tr("&Federführung:"), self.lead_combo)
        form.addRow(self.error)
        buttons = ok_cancel(self, self.tr("Anlegen"))
        form.addRow(buttons)
        self.title_edit.setFocus()

    def build(self) -> Goal:
        return Goal(
            key=self.key_edit.text().strip(),
            title=self.title_edit.text().strip(),
            theme=self.theme_combo.currentData() or "",
            lead=self.lead_combo.currentData() or "",
        )

    def accept(self) -> None:
        goal = self.build()
        try:
            ops.CreateGoal(goal).check(self.bridge.store)
        except DomainError as exc:
            self.error.setText(format_error(exc))
            (
                self.key_edit if exc.code in ("duplicate_key", "empty_key") else self.title_edit
            ).setFocus()
            return
        self.goal = goal
        super().accept()


def delete_question(portfolio: Portfolio, key: str) -> str:
    """The question text: names every goal that needs this one, directly or transitively."""
    goal = portfolio.goals[key]
    text = QWidget.tr("Ziel {0} „{1}“ mit {2} löschen?").format(
        key, goal.title, count_de(len(portfolio.milestones_of(key)), "Meilenstein", "Meilensteinen")
    )
    direct = sorted(
        {d.dependent for d in portfolio.dependencies if d.prerequisite == key}, key=natural_key
    )
    if direct:
        text += "\n\n" + QWidget.tr("Diese Ziele hängen davon ab (ihre Abhängigkeit entfällt):")
        text += "\n" + "\n".join(
            f"• {k} ({portfolio.goals[k].lead}) – {portfolio.goals[k].title}" for k in direct
        )
        further = sorted(g.dependents(g.build_graph(portfolio), key) - set(direct), key=natural_key)
        if further:
            text += "\n" + QWidget.tr("Mittelbar betroffen: {0}").format(", ".join(further))
    needs = [d.prerequisite for d in portfolio.dependencies if d.dependent == key]
    if needs:
        text += "\n\n" + QWidget.tr("Auch seine Abhängigkeiten von {0} werden entfernt.").format(
            ", ".join(sorted(needs, key=natural_key))
        )
    text += "\n\n" + QWidget.tr("Das Löschen lässt sich mit „Rückgängig“ (Strg+Z) zurücknehmen.")
    return text


def confirm_delete(parent: QWidget | None, portfolio: Portfolio, key: str) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QWidget.tr("Ziel löschen"),
        delete_question(portfolio, key),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setObjectName("DeleteGoalQuestion")
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.Yes).setText(QWidget.tr("Löschen"))
    box.button(QMessageBox.StandardButton.No).setText(QWidget.tr("Abbrechen"))
    return box.exec() == QMessageBox.StandardButton.Yes
