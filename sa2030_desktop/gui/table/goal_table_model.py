"""The goals of one snapshot as a table; every displayed and sortable value is precomputed.

Filtering and sorting 10,000 goals must stay under 100 ms, so nothing here calls the domain rules
per comparison: `rebuild()` computes each row once (goal_rows.py), the model sorts itself with
Python's `sorted` over precomputed keys and the proxy only reads the precomputed fields. After an
edit `apply_changes()` recomputes only the rows of the goals the ChangeSet touched.
"""

from __future__ import annotations

from datetime import date
from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from sa2030_desktop.domain.model import STATUS_COLOURS, Portfolio
from sa2030_desktop.domain.selection import natural_key
from sa2030_desktop.gui.status_icons import status_icon, status_tint
from sa2030_desktop.gui.table.goal_rows import GoalRow, RowMaker, build_rows, milestone_summary
from sa2030_desktop.services.handles import ChangeSet


class Column(IntEnum):
    KEY = 0
    TITLE = 1
    THEME = 2
    LEAD = 3
    PARTNERS = 4
    STATUS = 5
    NEXT_MILESTONE = 6
    SLIP = 7


HEADERS = {
    Column.KEY: QT_TRANSLATE_NOOP("GoalTableModel", "Schlüssel"),
    Column.TITLE: QT_TRANSLATE_NOOP("GoalTableModel", "Titel"),
    Column.THEME: QT_TRANSLATE_NOOP("GoalTableModel", "Themenfeld"),
    Column.LEAD: QT_TRANSLATE_NOOP("GoalTableModel", "Federführung"),
    Column.PARTNERS: QT_TRANSLATE_NOOP("GoalTableModel", "Beteiligt"),
    Column.STATUS: QT_TRANSLATE_NOOP("GoalTableModel", "Status"),
    Column.NEXT_MILESTONE: QT_TRANSLATE_NOOP("GoalTableModel", "Nächster Meilenstein"),
    Column.SLIP: QT_TRANSLATE_NOOP("GoalTableModel", "Verzug (Tage)"),
}

KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # the goal key of a row, in every column

# Changes of more records than this rebuild the whole table (as quick as updating row by row).
INCREMENTAL_LIMIT = 500
# Entities no table column shows: their changes leave every row as it is.
# Records no column shows: a change to them leaves the rows as they are (a report submitted in a
# round changes goals only through the goal/milestone pairs of the same ChangeSet).
UNSHOWN_ENTITIES = frozenset({"dependency", "indicator", "round", "report"})


class GoalTableModel(QAbstractTableModel):
    """Read-only mirror of the snapshot's goals: rebuilt, or updated row by row from a ChangeSet."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[GoalRow] = []
        self._row_of: dict[str, int] = {}
        self._portfolio: Portfolio | None = None
        self._as_of: date | None = None
        self._goal_milestones: dict[str, set[str]] | None = None
        self._sort_column = Column.KEY
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._brushes = {s: QBrush(status_tint(s)) for s in STATUS_COLOURS}
        self._dark = QBrush(QColor("#000000"))

    # -- filling ------------------------------------------------------------------------------
    def rebuild(self, portfolio: Portfolio, as_of: date) -> None:
        self.beginResetModel()
        self._portfolio, self._as_of = portfolio, as_of
        self.rows = build_rows(portfolio, as_of)
        self._goal_milestones = None
        self._apply_order()
        self.endResetModel()

    def apply_changes(self, portfolio: Portfolio, as_of: date, changes: ChangeSet | None) -> bool:
        """Bring the rows to `portfolio`: only the goals `changes` touched, else everything.

        Changed rows emit dataChanged (and move under one layoutChanged when their sort position
        changed), new goals are inserted at their sorted place, deleted ones removed, so the
        proxy keeps its filter and the view its selection. Returns False when it rebuilt all.
        """
        keys = self._touched_goals(portfolio, as_of, changes)
        if keys is None:
            self.rebuild(portfolio, as_of)
            return False
        self._portfolio = portfolio
        self._update_rows(portfolio, keys)
        return True

    def _touched_goals(self, portfolio: Portfolio, as_of: date, changes) -> list[str] | None:
        """The goal keys whose rows `changes` may alter; None when everything must be rebuilt."""
        old = self._portfolio
        if changes is None or changes.full_reload or old is None or as_of != self._as_of:
            return None
        pairs = changes.added + changes.updated + changes.removed
        if len(pairs) > INCREMENTAL_LIMIT:
            return None
        goals: set[str] = set()
        milestones: list[str] = []
        for entity, key in pairs:
            if entity == "goal":
                goals.add(key)
            elif entity == "milestone":
                milestones.append(key)
            elif entity not in UNSHOWN_ENTITIES:  # ministry, theme, category, portfolio, …
                return None
        if milestones:
            index = self._milestone_index(old)
            for key in milestones:
                before, after = old.milestones.get(key), portfolio.milestones.get(key)
                if before is not None:
                    goals.add(before.goal)
                    index.get(before.goal, set()).discard(key)
                if after is not None:
                    goals.add(after.goal)
                    index.setdefault(after.goal, set()).add(key)
        if len(goals) > INCREMENTAL_LIMIT:
            return None
        return sorted(goals, key=natural_key)

    def _milestone_index(self, portfolio: Portfolio) -> dict[str, set[str]]:
        """Goal key → its milestone keys; built on the first incremental update, then kept."""
        if self._goal_milestones is None:
            index: dict[str, set[str]] = {}
            for m in portfolio.milestones.values():
                index.setdefault(m.goal, set()).add(m.key)
            self._goal_milestones = index
        return self._goal_milestones

    def _update_rows(self, portfolio: Portfolio, keys: list[str]) -> None:
        maker = RowMaker(portfolio, self._as_of)
        index = self._milestone_index(portfolio)  # up to date: built from it or kept in step
        all_ms = portfolio.milestones
        fresh: dict[str, GoalRow | None] = {}
        for key in keys:
            goal = portfolio.goals.get(key)
            if goal is None:
                fresh[key] = None
                continue
            items = [all_ms[k] for k in index.get(key, ()) if k in all_ms]
            nxt, slip = milestone_summary(items).get(key, (None, 0))
            fresh[key] = maker.row(goal, nxt, slip)
        # 1. deleted goals, from the bottom up so the rows above keep their numbers
        gone = sorted((self._row_of[k] for k, r in fresh.items() if r is None and k in self._row_of),
                      reverse=True)  # fmt: skip
        for row in gone:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()
        if gone:
            self._row_of = {r.key: i for i, r in enumerate(self.rows)}
        # 2. changed goals in place; re-sorted under one layoutChanged if their place changed
        last = len(Column) - 1
        changed = []
        for key, new in fresh.items():
            row = self._row_of.get(key)
            if new is None or row is None or self.rows[row] == new:
                continue
            self.rows[row] = new
            changed.append(row)
        for row in changed:
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))
        moved = [self.rows[row] for row in changed if not self._in_place(row)]
        if moved:
            self._relayout(lambda: self._move_rows(moved))
        # 3. new goals at their sorted place
        added = [new for key, new in fresh.items() if new is not None and key not in self._row_of]
        for new in added:
            row = self._insertion_row(new)
            self.beginInsertRows(QModelIndex(), row, row)
            self.rows.insert(row, new)
            self.endInsertRows()
        if added:
            self._row_of = {r.key: i for i, r in enumerate(self.rows)}

    def _precedes(self, a: GoalRow, b: GoalRow) -> bool:
        """True when row `a` comes before row `b` in the current order (same as `_apply_order`)."""
        tie_a, tie_b = (a.sort_keys[0], a.key), (b.sort_keys[0], b.key)
        col = int(self._sort_column)
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        if col != Column.KEY:
            ka, kb = a.sort_keys[col], b.sort_keys[col]
            if ka != kb:
                return ka > kb if descending else ka < kb
            return tie_a < tie_b
        return tie_a > tie_b if descending else tie_a < tie_b

    def _move_rows(self, moved: list[GoalRow]) -> None:
        """Put each row of `moved` at its sorted place (a re-sort of all rows costs far more)."""
        rows, row_of = self.rows, self._row_of
        for item in moved:
            old = row_of[item.key]
            del rows[old]
            new = self._insertion_row(item)
            rows.insert(new, item)
            for i in range(min(old, new), max(old, new) + 1):
                row_of[rows[i].key] = i

    def _in_place(self, row: int) -> bool:
        rows = self.rows
        if row > 0 and self._precedes(rows[row], rows[row - 1]):
            return False
        return not (row + 1 < len(rows) and self._precedes(rows[row + 1], rows[row]))

    def _insertion_row(self, new: GoalRow) -> int:
        lo, hi = 0, len(self.rows)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._precedes(self.rows[mid], new):
                lo = mid + 1
            else:
                hi = mid
        return lo

    def _apply_order(self) -> None:
        col = int(self._sort_column)
        reverse = self._sort_order == Qt.SortOrder.DescendingOrder
        # Ties keep key order, so the table never shuffles between rebuilds.
        self.rows.sort(key=lambda r: (r.sort_keys[0], r.key))
        if col != Column.KEY:
            self.rows.sort(key=lambda r: r.sort_keys[col], reverse=reverse)
        elif reverse:
            self.rows.reverse()
        self._row_of = {r.key: i for i, r in enumerate(self.rows)}

    def _relayout(self, reorder) -> None:
        """Reorder the rows under layoutChanged; persistent indexes (selection) follow the keys."""
        self.layoutAboutToBeChanged.emit()
        persistent = [(QModelIndex(i), self.rows[i.row()].key) for i in self.persistentIndexList()]
        reorder()
        new_to = [self.index(self._row_of[key], idx.column()) for idx, key in persistent]
        self.changePersistentIndexList([idx for idx, _key in persistent], new_to)
        self.layoutChanged.emit()

    def row_of(self, key: str) -> int:
        return self._row_of.get(key, -1)

    # -- Qt model API --------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column):
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("GoalTableModel", HEADERS[Column(section)])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.texts[col]
        if role == KEY_ROLE:
            return row.key
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == Column.NEXT_MILESTONE and row.next_title:
                return f"{row.next_title} ({row.texts[col]})"
            if col in (Column.TITLE, Column.THEME):
                return row.texts[col]
            return None
        if col == Column.STATUS:
            if role == Qt.ItemDataRole.DecorationRole:
                return status_icon(row.status)
            if role == Qt.ItemDataRole.BackgroundRole:
                return self._brushes[row.status]
            if role == Qt.ItemDataRole.ForegroundRole:
                return self._dark
        if role == Qt.ItemDataRole.TextAlignmentRole and col == Column.SLIP:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):
            return
        self._sort_column = Column(column)
        self._sort_order = order
        self._relayout(self._apply_order)

    @property
    def sort_column(self) -> Column:
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order
