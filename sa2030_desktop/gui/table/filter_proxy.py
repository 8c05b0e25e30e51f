"""Filters the goal table by a `Selection`, with the same meaning as `Selection.matches`.

The per-row decision reads only values the model precomputed (lead and partners at the Stichtag,
category, slip), so re-filtering 10,000 goals costs one pass over plain Python objects.
Sorting is delegated to the source model, which sorts by precomputed keys.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal

from sa2030_desktop.domain.selection import Selection
from sa2030_desktop.gui.table.goal_table_model import GoalRow, GoalTableModel


def row_matches(sel: Selection, row: GoalRow) -> bool:
    if sel.goal and row.key != sel.goal:
        return False
    if sel.theme and row.theme != sel.theme:
        return False
    if sel.category and row.category != sel.category:
        return False
    if sel.status and row.status is not sel.status:
        return False
    if sel.ministry and row.lead != sel.ministry:
        if not (sel.involved and sel.ministry in row.partners):
            return False
    if sel.only_slipped and not row.slip:
        return False
    return not (sel.text and sel.text.casefold() not in row.haystack)


class GoalFilterProxy(QSortFilterProxyModel):
    """The table's filter. `counts_changed(visible, total)` feeds „N von M Zielen“."""

    counts_changed = Signal(int, int)

    def __init__(self, model: GoalTableModel, parent=None) -> None:
        super().__init__(parent)
        self._model = model
        self._selection = Selection()
        self._all = True  # the selection is empty: every row passes
        self.setSourceModel(model)
        # Dynamic: a row the model changes in place is filtered again (a goal edited out of the
        # filter leaves the view). The proxy never sorts itself (its sort column stays -1: `sort`
        # below hands sorting to the model), so dynamic mode adds no re-sorting.
        self.setDynamicSortFilter(True)
        model.modelReset.connect(self._announce)
        model.layoutChanged.connect(self._announce)
        model.rowsInserted.connect(self._announce)
        model.rowsRemoved.connect(self._announce)
        model.dataChanged.connect(self._announce)

    @property
    def selection(self) -> Selection:
        return self._selection

    def set_selection(self, selection: Selection) -> None:
        self._selection = selection
        self._all = selection.is_empty
        # One layoutChanged instead of a rowsRemoved/rowsInserted pair per changed range: at
        # 10,000 goals the view handles thousands of small ranges far slower than one relayout.
        self.invalidate()
        self._announce()

    def _announce(self, *_args) -> None:
        self.counts_changed.emit(self.rowCount(), self._model.rowCount())

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        if source_parent.isValid():
            return False
        return self._all or row_matches(self._selection, self._model.rows[source_row])

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        # Precomputed keys in the model: one Python sort instead of n·log n lessThan calls.
        self._model.sort(column, order)

    def visible_keys(self) -> list[str]:
        rows = self._model.rows
        return [rows[self.mapToSource(self.index(i, 0)).row()].key for i in range(self.rowCount())]
