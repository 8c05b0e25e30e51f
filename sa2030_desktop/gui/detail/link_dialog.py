"""„Abhängigkeit hinzufügen“: searchable goal picker, kind, optional milestones, rationale."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.model import Dependency, DependencyKind, Goal
from sa2030_desktop.domain.selection import natural_key
from sa2030_desktop.gui.dialog_parts import error_label, ok_cancel
from sa2030_desktop.messages import format_error
from sa2030_desktop.services import operations as ops

Index = QModelIndex | QPersistentModelIndex


class GoalPickerModel(QAbstractListModel):
    """All goals except one, as „Z16 – Titel (MI)“; UserRole is the key."""

    def __init__(self, goals: list[Goal], parent=None) -> None:
        super().__init__(parent)
        self._goals = sorted(goals, key=lambda g: natural_key(g.key))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._goals)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._goals)):
            return None
        goal = self._goals[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{goal.key} – {goal.title} ({goal.lead})"
        if role == Qt.ItemDataRole.UserRole:
            return goal.key
        return None


class LinkDialog(QDialog):
    """On OK the dependency is checked (cycle, duplicate, milestones); a refusal stays in the
    dialog with its German message, so nothing is written and the input is not lost."""

    def __init__(self, parent: QWidget | None, bridge, goal_key: str) -> None:
        super().__init__(parent)
        self.setObjectName("LinkDialog")
        self.bridge = bridge
        self.goal_key = goal_key
        self.dependency: Dependency | None = None
        self.setWindowTitle(self.tr("Abhängigkeit hinzufügen – {0}").format(goal_key))
        self.setMinimumSize(640, 560)
        portfolio = bridge.snapshot()

        self.direction_combo = QComboBox(self)
        self.direction_combo.addItem(
            self.tr("{0} benötigt das gewählte Ziel").format(goal_key), "needs"
        )
        self.direction_combo.addItem(
            self.tr("Das gewählte Ziel benötigt {0}").format(goal_key), "needed_by"
        )
        self.direction_combo.setAccessibleName(self.tr("Richtung der Abhängigkeit"))
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Schlüssel, Titel oder Ressort eingeben …"))
        self.search_edit.setAccessibleName(self.tr("Ziel suchen"))
        self.search_edit.setClearButtonEnabled(True)
        self.picker_model = GoalPickerModel(
            [g for k, g in portfolio.goals.items() if k != goal_key], self
        )
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.picker_model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.picker = QListView(self)
        self.picker.setObjectName("goalPicker")
        self.picker.setModel(self.proxy)
        self.picker.setAccessibleName(self.tr("Ziele zur Auswahl"))
        # long titles wrap inside the list (at 200 % they ran out of it, read only sideways)
        self.picker.setWordWrap(True)
        self.picker.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.picker.setResizeMode(QListView.ResizeMode.Adjust)
        self.search_edit.textChanged.connect(self._filter)
        self.search_edit.returnPressed.connect(self._pick_first)
        self.picker.selectionModel().currentChanged.connect(self._fill_milestones)
        self.direction_combo.currentIndexChanged.connect(self._fill_milestones)

        self.hard_radio = QRadioButton(self.tr("&hart"), self)
        self.soft_radio = QRadioButton(self.tr("&weich"), self)
        self.hard_radio.setChecked(True)
        kinds = QButtonGroup(self)
        kinds.addButton(self.hard_radio)
        kinds.addButton(self.soft_radio)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.hard_radio)
        kind_row.addWidget(self.soft_radio)
        kind_row.addStretch(1)
        self.prerequisite_ms = QComboBox(self)
        self.prerequisite_ms.setAccessibleName(self.tr("Benötigter Meilenstein des Vorgängers"))
        self.dependent_ms = QComboBox(self)
        self.dependent_ms.setAccessibleName(self.tr("Wartender Meilenstein des abhängigen Ziels"))
        self.rationale_edit = QPlainTextEdit(self)
        self.rationale_edit.setTabChangesFocus(True)
        self.rationale_edit.setFixedHeight(70)
        self.rationale_edit.setAccessibleName(self.tr("Begründung"))
        self.error = error_label(self)
        self.error.setStyleSheet("color: #B71C1C; font-weight: bold")
        self.error.setAccessibleName(self.tr("Fehlermeldung"))

        form = QFormLayout(self)
        form.addRow(self.tr("&Richtung:"), self.direction_combo)
        form.addRow(self.tr("&Suche:"), self.search_edit)
        form.addRow(self.tr("&Ziel:"), self.picker)
        form.addRow(self.tr("Art:"), kind_row)
        form.addRow(self.tr("&Benötigter Meilenstein:"), self.prerequisite_ms)
        form.addRow(self.tr("W&artender Meilenstein:"), self.dependent_ms)
        form.addRow(self.tr("Be&gründung:"), self.rationale_edit)
        form.addRow(self.error)
        buttons = ok_cancel(self, self.tr("Hinzufügen"))
        form.addRow(buttons)
        self._fill_milestones()

    # -- picking ---------------------------------------------------------------------------
    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if self.proxy.rowCount() == 1 or (
            self.proxy.rowCount() and not self.picker.currentIndex().isValid()
        ):
            self.picker.setCurrentIndex(self.proxy.index(0, 0))

    def _pick_first(self) -> None:
        if self.proxy.rowCount():
            if not self.picker.currentIndex().isValid():
                self.picker.setCurrentIndex(self.proxy.index(0, 0))
            self.picker.setFocus()

    def picked(self) -> str | None:
        index = self.picker.currentIndex()
        return index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    def select_goal(self, key: str) -> None:
        """Pick `key` (as typing its key and choosing it would)."""
        self.search_edit.setText(key)
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(Qt.ItemDataRole.UserRole) == key:
                self.picker.setCurrentIndex(self.proxy.index(row, 0))

    def pair(self) -> tuple[str, str] | None:
        """(dependent, prerequisite) of the chosen direction and goal."""
        other = self.picked()
        if other is None:
            return None
        if self.direction_combo.currentData() == "needs":
            return self.goal_key, other
        return other, self.goal_key

    def _fill_milestones(self, *_args) -> None:
        portfolio = self.bridge.snapshot()
        pair = self.pair()
        for combo, goal in (
            (self.prerequisite_ms, pair[1] if pair else None),
            (self.dependent_ms, pair[0] if pair else None),
        ):
            combo.clear()
            combo.addItem(self.tr("– ganzes Ziel (letzter Meilenstein) –"), None)
            for ms in portfolio.milestones_of(goal) if goal else []:
                combo.addItem(f"{ms.key} – {ms.title}", ms.key)

    # -- result ----------------------------------------------------------------------------
    def build(self) -> Dependency | None:
        pair = self.pair()
        if pair is None:
            return None
        return Dependency(
            dependent=pair[0],
            prerequisite=pair[1],
            kind=DependencyKind.HARD if self.hard_radio.isChecked() else DependencyKind.SOFT,
            prerequisite_milestone=self.prerequisite_ms.currentData(),
            dependent_milestone=self.dependent_ms.currentData(),
            rationale=self.rationale_edit.toPlainText().strip(),
        )

    def accept(self) -> None:
        dep = self.build()
        if dep is None:
            self.error.setText(self.tr("Bitte ein Ziel auswählen."))
            self.search_edit.setFocus()
            return
        try:
            ops.Link(dep).check(self.bridge.store)
        except DomainError as exc:
            self.error.setText(format_error(exc))
            return
        self.dependency = dep
        super().accept()
