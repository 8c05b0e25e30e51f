"""One read-only table model for the lists of the „Berichtsrunden“ view: items (plain data of
the core) in rows, columns declared as (header, text, sort key, icon, tooltip).

10,000 reports stay cheap: the model holds the items only; Qt asks for the few visible cells.
Sort keys are computed once per column when a sort asks for them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 10
ITEM_ROLE = Qt.ItemDataRole.UserRole + 11


@dataclass(frozen=True)
class Col:
    """A column: `text(item)` is shown; `sort(item)` orders (default: the text); `icon` and
    `tip` add a decoration and a tooltip; numeric columns are right-aligned."""

    header: str
    text: Callable[[object], str]
    sort: Callable[[object], object] | None = None
    icon: Callable[[object], object] | None = None
    tip: Callable[[object], str] | None = None
    numeric: bool = False


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Col], parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.items: list = []
        self._sort_keys: dict[int, list] = {}

    def set_items(self, items: Sequence) -> None:
        self.beginResetModel()
        self.items = list(items)
        self._sort_keys.clear()
        self.endResetModel()

    def replace(self, row: int, item) -> None:
        """One row's item changed (an edit): its cells and its sort keys, nothing else."""
        self.items[row] = item
        for column, keys in self._sort_keys.items():
            col = self.columns[column]
            keys[row] = (col.sort or col.text)(item)
        last = len(self.columns) - 1
        self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def item(self, row: int):
        return self.items[row] if 0 <= row < len(self.items) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item, col = self.items[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(item)
        if role == SORT_ROLE:
            keys = self._sort_keys.get(index.column())
            if keys is None:
                key = col.sort or col.text
                keys = self._sort_keys[index.column()] = [key(i) for i in self.items]
            return keys[index.row()]
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.DecorationRole and col.icon is not None:
            return col.icon(item)
        if role == Qt.ItemDataRole.ToolTipRole and col.tip is not None:
            return col.tip(item) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and col.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class RowsProxy(QSortFilterProxyModel):
    """Sorts by the columns' sort keys; `accept(item)` filters (None: every row)."""

    def __init__(self, source: RowsModel, parent=None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.accept: Callable[[object], bool] | None = None

    def set_filter(self, accept: Callable[[object], bool] | None) -> None:
        self.beginFilterChange()
        self.accept = accept
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802
        if self.accept is None:
            return True
        return self.accept(self.sourceModel().items[row])

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)

    def item_at(self, row: int):
        return self.index(row, 0).data(ITEM_ROLE)

    def items(self) -> list:
        return [self.item_at(r) for r in range(self.rowCount())]
