"""The goals of one snapshot as a table; every displayed and sortable value is precomputed.

Filtering and sorting 10,000 goals must stay under 100 ms, so nothing here calls the domain rules
per comparison: `rebuild()` computes each row once, the model sorts itself with Python's `sorted`
over precomputed keys and the proxy only reads the precomputed fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from sa2030_desktop.domain.dates import de_short
from sa2030_desktop.domain.ministries import lead_at, partners_at
from sa2030_desktop.domain.model import STATUS_COLOURS, STATUS_ORDER, Portfolio, Status
from sa2030_desktop.domain.rules import goal_slip_days, next_milestone
from sa2030_desktop.domain.selection import natural_key
from sa2030_desktop.gui.status_icons import status_icon, status_tint


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


@dataclass(slots=True)
class GoalRow:
    """One goal as the table shows it at the Stichtag, with its filter and sort values."""

    key: str
    title: str
    theme: str
    theme_name: str
    category: str
    lead: str
    partners: tuple[str, ...]
    status: Status
    next_date: date | None
    next_title: str
    slip: int
    haystack: str  # key, title, description – casefolded for the free-text filter
    texts: tuple[str, ...]  # display text per column
    sort_keys: tuple  # sort key per column


def build_rows(portfolio: Portfolio, as_of: date) -> list[GoalRow]:
    themes = portfolio.themes
    rows = []
    for key, goal in portfolio.goals.items():
        theme = themes.get(goal.theme)
        theme_name = theme.name if theme else goal.theme
        lead = lead_at(portfolio, goal, as_of)
        partners = tuple(partners_at(portfolio, goal, as_of))
        nxt = next_milestone(portfolio, key)
        next_date = (nxt.forecast or nxt.baseline) if nxt else None
        slip = goal_slip_days(portfolio, key)
        partners_text = ", ".join(partners)
        texts = (
            key,
            goal.title,
            theme_name,
            lead,
            partners_text,
            goal.status.label,
            de_short(next_date),
            str(slip) if slip else "",
        )
        sort_keys = (
            natural_key(key),
            goal.title.casefold(),
            (theme.sort if theme else 0, theme_name.casefold()),
            lead.casefold(),
            partners_text.casefold(),
            STATUS_ORDER.index(goal.status),
            next_date or date.max,
            slip,
        )
        rows.append(
            GoalRow(
                key=key,
                title=goal.title,
                theme=goal.theme,
                theme_name=theme_name,
                category=theme.category if theme else "",
                lead=lead,
                partners=partners,
                status=goal.status,
                next_date=next_date,
                next_title=nxt.title if nxt else "",
                slip=slip,
                haystack=f"{key}\n{goal.title}\n{goal.description}".casefold(),
                texts=texts,
                sort_keys=sort_keys,
            )
        )
    return rows


class GoalTableModel(QAbstractTableModel):
    """Read-only mirror of the snapshot's goals; rebuilt from the store, never edited in place."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[GoalRow] = []
        self._row_of: dict[str, int] = {}
        self._sort_column = Column.KEY
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._brushes = {s: QBrush(status_tint(s)) for s in STATUS_COLOURS}
        self._dark = QBrush(QColor("#000000"))

    # -- filling ------------------------------------------------------------------------------
    def rebuild(self, portfolio: Portfolio, as_of: date) -> None:
        self.beginResetModel()
        self.rows = build_rows(portfolio, as_of)
        self._apply_order()
        self.endResetModel()

    def _apply_order(self) -> None:
        col = int(self._sort_column)
        reverse = self._sort_order == Qt.SortOrder.DescendingOrder
        # Ties keep key order, so the table never shuffles between rebuilds.
        self.rows.sort(key=lambda r: r.sort_keys[0])
        if col != Column.KEY:
            self.rows.sort(key=lambda r: r.sort_keys[col], reverse=reverse)
        elif reverse:
            self.rows.reverse()
        self._row_of = {r.key: i for i, r in enumerate(self.rows)}

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
        self.layoutAboutToBeChanged.emit()
        old_keys = [r.key for r in self.rows]
        persistent = self.persistentIndexList()
        self._sort_column = Column(column)
        self._sort_order = order
        self._apply_order()
        new_from, new_to = [], []
        for idx in persistent:
            new_row = self._row_of[old_keys[idx.row()]]
            new_from.append(QModelIndex(idx))
            new_to.append(self.index(new_row, idx.column()))
        self.changePersistentIndexList(new_from, new_to)
        self.layoutChanged.emit()

    @property
    def sort_column(self) -> Column:
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order
