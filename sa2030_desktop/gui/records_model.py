"""A small read-only table model for lists of figures (overview tables): text rows + payloads."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

PAYLOAD_ROLE = Qt.ItemDataRole.UserRole + 2


class RecordsModel(QAbstractTableModel):
    """Rows of display strings; each row carries a payload (what a click should show)."""

    def __init__(self, headers: list[str], parent=None, numeric_from: int = 99) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.header_icons: dict[int, object] = {}
        self.header_tips: dict[int, str] = {}
        self.numeric_from = numeric_from  # columns from here on are right-aligned numbers
        self.rows: list[tuple[str, ...]] = []
        self.payloads: list[object] = []
        self.row_icons: dict[tuple[int, int], object] = {}

    def set_rows(self, rows: list[tuple[str, ...]], payloads: list[object] | None = None,
                 icons: dict[tuple[int, int], object] | None = None) -> None:  # fmt: skip
        self.beginResetModel()
        self.rows = [tuple(r) for r in rows]
        self.payloads = list(payloads) if payloads is not None else [None] * len(rows)
        self.row_icons = dict(icons or {})
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if role == Qt.ItemDataRole.DecorationRole:
            return self.header_icons.get(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tips.get(section)
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = self.rows[row]
            return values[col] if col < len(values) else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            values = self.rows[row]
            return values[col] if col < len(values) and len(values[col]) > 30 else None
        if role == Qt.ItemDataRole.DecorationRole:
            return self.row_icons.get((row, col))
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= self.numeric_from:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PAYLOAD_ROLE:
            return self.payloads[row]
        return None
