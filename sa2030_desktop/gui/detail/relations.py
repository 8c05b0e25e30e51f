"""Predecessors, dependents and date conflicts of one goal; add and remove dependencies."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sa2030_desktop.domain import graph as g
from sa2030_desktop.domain.conflicts import conflict_of
from sa2030_desktop.domain.dates import de_short
from sa2030_desktop.domain.model import Dependency, Portfolio
from sa2030_desktop.domain.selection import natural_key
from sa2030_desktop.gui.commands import push_operation
from sa2030_desktop.gui.detail.link_dialog import LinkDialog
from sa2030_desktop.messages import format_code
from sa2030_desktop.services import operations as ops

Index = QModelIndex | QPersistentModelIndex


@dataclass(slots=True)
class Entry:
    goal: str  # the goal a double-click jumps to ("" for none)
    text: str
    tooltip: str = ""
    dependency: Dependency | None = None


class RelationListModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._entries: list[Entry] = []

    def set_entries(self, entries: list[Entry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> Entry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._entries)):
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.tooltip or entry.text
        if role == Qt.ItemDataRole.UserRole:
            return entry.goal
        return None


def _goal_text(portfolio: Portfolio, key: str) -> str:
    goal = portfolio.goals.get(key)
    return f"{key} ({goal.lead}) – {goal.title}" if goal else key


def _dep_text(portfolio: Portfolio, dep: Dependency, other: str) -> str:
    parts = [dep.kind.label]
    if dep.prerequisite_milestone or dep.dependent_milestone:
        parts.append(
            f"{dep.prerequisite_milestone or dep.prerequisite} → "
            f"{dep.dependent_milestone or dep.dependent}"
        )
    return f"{_goal_text(portfolio, other)} [{', '.join(parts)}]"


def conflict_sentence(portfolio: Portfolio, dep: Dependency) -> str | None:
    found = conflict_of(portfolio, dep)
    if found is None:
        return None
    return format_code(
        "conflict",
        {
            "dependent": found.waiting_milestone or found.dependent,
            "waiting": de_short(found.waiting),
            "prerequisite": found.needed_milestone or found.prerequisite,
            "needed": de_short(found.needed),
            "days": found.days,
        },
    )


class RelationsSection(QWidget):
    def __init__(self, window, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.goal_key: str | None = None
        self.models: dict[str, RelationListModel] = {}
        self.views: dict[str, QListView] = {}
        self.boxes: dict[str, tuple[QGroupBox, str]] = {}
        self._graph_of: Portfolio | None = None
        self._graph_cache = None
        grid = QGridLayout()
        titles = {
            "needs": self.tr("Benötigt direkt (Vorgänger)"),
            "needed_by": self.tr("Wird direkt benötigt von (Nachfolger)"),
            "predecessors": self.tr("Alle Vorgänger (transitiv)"),
            "dependents": self.tr("Alle abhängigen Ziele (transitiv)"),
            "conflicts": self.tr("Terminkonflikte"),
        }
        positions = {
            "needs": (0, 0),
            "needed_by": (0, 1),
            "predecessors": (1, 0),
            "dependents": (1, 1),
            "conflicts": (2, 0),
        }
        for name, title in titles.items():
            model = RelationListModel(self)
            view = QListView(self)
            view.setObjectName(f"{name}List")
            view.setModel(model)
            view.setAccessibleName(title)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            if name in ("predecessors", "dependents"):
                # Thousands of rows in large portfolios: one line each (full text as tooltip),
                # so the view need not measure every wrapped row.
                view.setUniformItemSizes(True)
                view.setTextElideMode(Qt.TextElideMode.ElideRight)
            else:
                view.setWordWrap(True)
                view.setSpacing(2)
                view.setResizeMode(QListView.ResizeMode.Adjust)
            view.activated.connect(self._jump)
            box = QGroupBox(title, self)
            self.boxes[name] = (box, title)
            QVBoxLayout(box).addWidget(view)
            row, col = positions[name]
            grid.addWidget(box, row, col, 1, 2 if name == "conflicts" else 1)
            self.models[name], self.views[name] = model, view
        self.add_button = QPushButton(self.tr("Abhängigkeit &hinzufügen …"), self)
        self.remove_button = QPushButton(self.tr("Abhängigkeit &entfernen …"), self)
        self.add_button.clicked.connect(self.add_dependency)
        self.remove_button.clicked.connect(self.remove_dependency)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(2, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(buttons)

    def show_goal(self, key: str | None) -> None:
        self.goal_key = key
        portfolio = self.window_.bridge.snapshot()
        self.add_button.setEnabled(key is not None)
        if key is None or key not in portfolio.goals:
            for model in self.models.values():
                model.set_entries([])
            return
        graph = self._graph(portfolio)
        needs = [d for d in portfolio.dependencies if d.dependent == key]
        needed_by = [d for d in portfolio.dependencies if d.prerequisite == key]
        by_key = lambda d, attr: natural_key(getattr(d, attr))  # noqa: E731
        self.models["needs"].set_entries(
            [
                Entry(d.prerequisite, _dep_text(portfolio, d, d.prerequisite), d.rationale, d)
                for d in sorted(needs, key=lambda d: by_key(d, "prerequisite"))
            ]
        )
        self.models["needed_by"].set_entries(
            [
                Entry(d.dependent, _dep_text(portfolio, d, d.dependent), d.rationale, d)
                for d in sorted(needed_by, key=lambda d: by_key(d, "dependent"))
            ]
        )
        self.models["predecessors"].set_entries(
            [
                Entry(k, _goal_text(portfolio, k))
                for k in sorted(g.predecessors(graph, key), key=natural_key)
            ]
        )
        self.models["dependents"].set_entries(
            [
                Entry(k, _goal_text(portfolio, k))
                for k in sorted(g.dependents(graph, key), key=natural_key)
            ]
        )
        for name in ("predecessors", "dependents"):
            box, title = self.boxes[name]
            box.setTitle(f"{title}: {self.models[name].rowCount()}")
        conflicts = []
        for dep in needs + needed_by:
            sentence = conflict_sentence(portfolio, dep)
            if sentence:
                other = dep.prerequisite if dep.dependent == key else dep.dependent
                conflicts.append(Entry(other, sentence, sentence, dep))
        if not conflicts:
            conflicts.append(Entry("", self.tr("Keine Terminkonflikte.")))
        self.models["conflicts"].set_entries(conflicts)

    def _graph(self, portfolio: Portfolio):
        """The dependency graph of this snapshot; built once until the next write."""
        if self._graph_of is not portfolio:
            self._graph_cache = g.build_graph(portfolio)
            self._graph_of = portfolio
        return self._graph_cache

    def _jump(self, index: QModelIndex) -> None:
        key = index.data(Qt.ItemDataRole.UserRole)
        if key:
            self.window_.select_goal(key)

    def selected_dependency(self) -> Dependency | None:
        for name in ("needs", "needed_by"):
            view = self.views[name]
            if view.hasFocus() or view.selectionModel().hasSelection():
                entry = self.models[name].entry(view.currentIndex().row())
                if entry and entry.dependency:
                    return entry.dependency
        return None

    def add_dependency(self) -> None:
        if not self.goal_key:
            return
        dialog = LinkDialog(self, self.window_.bridge, self.goal_key)
        if dialog.exec() and dialog.dependency is not None:
            push_operation(
                self, self.window_.undo_stack, ops.Link(dialog.dependency), self.window_.bridge
            )

    def remove_dependency(self) -> None:
        dep = self.selected_dependency()
        if dep is None:
            QMessageBox.information(
                self,
                self.tr("Abhängigkeit entfernen"),
                self.tr("Bitte zuerst eine direkte Abhängigkeit in der Liste auswählen."),
            )
            return
        answer = QMessageBox.question(
            self,
            self.tr("Abhängigkeit entfernen"),
            self.tr("Abhängigkeit entfernen: {0} benötigt {1} ({2})?").format(
                dep.dependent, dep.prerequisite, dep.kind.label
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            push_operation(
                self,
                self.window_.undo_stack,
                ops.Unlink(dep.dependent, dep.prerequisite),
                self.window_.bridge,
            )
