"""The view's tables: sortable (click a header), whole rows selected, one column that takes the
rest of the width and elides (its full text in the tooltip), so nothing needs sideways scrolling
on a laptop screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from sa2030_desktop.gui.rounds.table_model import RowsModel, RowsProxy

# Column widths from the first rows only: 10,000 reports must not be measured one by one.
MEASURED_ROWS = 50


def sortable_table(parent: QWidget, model: RowsModel, name: str, accessible: str,
                   stretch: int | None = None) -> QTableView:  # fmt: skip
    view = QTableView(parent)
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    proxy = RowsProxy(model, view)
    view.setModel(proxy)
    header = view.horizontalHeader()
    # the model's own order first (keys, ministries); a click on a header sorts
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    # the vertical header's precision decides how many rows a column's width is measured on
    view.verticalHeader().setResizeContentsPrecision(MEASURED_ROWS)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def fit(view: QTableView, key: object = None) -> None:
    """Columns as wide as their content (the stretching one takes the rest) — once per `key`
    (e.g. the round shown): a refresh after an edit keeps the widths the user sees or set."""
    if key is not None and getattr(view, "_fitted_for", None) == key:
        return
    view._fitted_for = key
    view.resizeColumnsToContents()
