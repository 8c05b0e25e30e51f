"""The „Ziele“ tab: filter bar above the goal table; mirrors the bridge's snapshot."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from sa2030_desktop.domain.selection import Selection
from sa2030_desktop.gui.filter_bar import FilterBar
from sa2030_desktop.gui.store_bridge import StoreBridge
from sa2030_desktop.gui.table.filter_proxy import GoalFilterProxy
from sa2030_desktop.gui.table.goal_table_model import KEY_ROLE, Column, GoalTableModel

TITLE_MIN = 240
# Left out first when the table is narrow: the detail beside it shows them for the chosen goal.
NARROW_HIDE_ORDER = [Column.PARTNERS, Column.THEME, Column.NEXT_MILESTONE, Column.SLIP, Column.LEAD]


class GoalTablePage(QWidget):
    current_goal_changed = Signal(str)
    selection_changed = Signal(object)  # Selection
    goal_activated = Signal(str)  # double click / Enter

    def __init__(self, bridge: StoreBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.model = GoalTableModel(self)
        self.proxy = GoalFilterProxy(self.model, self)
        self.filter_bar = FilterBar(self)
        self.view = QTableView(self)
        self.view.setObjectName("goalTable")
        self.view.setAccessibleName(self.tr("Zieltabelle"))
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(Column.KEY, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        vertical = self.view.verticalHeader()
        vertical.setVisible(False)
        # Fixed row height: the header then never measures 10,000 rows after a filter change.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self._widths = {Column.KEY: 80, Column.THEME: 220, Column.LEAD: 105,
                        Column.PARTNERS: 110, Column.STATUS: 140,
                        Column.NEXT_MILESTONE: 160, Column.SLIP: 110}  # fmt: skip
        self.hidden_by_width: set[Column] = set()
        for col, width in self._widths.items():
            header.resizeSection(col, width)
        # The title takes the width the other columns leave (at least TITLE_MIN; below that the
        # table scrolls sideways). Qt's Stretch mode keeps a once-wide title wide instead.
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._section_resized)
        self.view.viewport().installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.view, 1)

        self._pending_key: str | None = None
        self._last_emitted: str | None = None
        # The current goal was chosen (a click, a key, a view, the detail) – not only the first
        # row the table starts on so that the detail has content: a view built later (the graph)
        # takes a chosen goal and highlights its chain, but opens undimmed on the start's row
        self.goal_chosen = False
        self._choosing_first = False
        self.filter_bar.selection_changed.connect(self.set_selection)
        self.proxy.counts_changed.connect(self.filter_bar.show_counts)
        self.model.modelAboutToBeReset.connect(self._remember_current)
        self.model.modelReset.connect(self._restore_current)
        self.view.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.view.activated.connect(self._activated)
        self.view.clicked.connect(self._clicked)
        bridge.changed.connect(self._store_changed)
        bridge.as_of_changed.connect(self.rebuild)
        self.rebuild()
        self._select_first()  # start on the first goal, so the detail views have content

    # -- title column fills the width ----------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_title()
        return False

    def _section_resized(self, column: int, _old: int, new: int) -> None:
        if column != Column.TITLE:
            if new > 0:  # the user's width (hiding a column reports 0)
                self._widths[Column(column)] = new
            self._fit_title()

    def _fit_title(self) -> None:
        header = self.view.horizontalHeader()
        self._choose_columns()
        others = sum(
            header.sectionSize(c)
            for c in Column
            if c != Column.TITLE and not header.isSectionHidden(c)
        )
        width = max(TITLE_MIN, self.view.viewport().width() - others)
        if header.sectionSize(Column.TITLE) != width:
            header.resizeSection(Column.TITLE, width)

    def _choose_columns(self) -> None:
        """A narrow table (a laptop with the goal detail beside it) leaves out the columns the
        detail shows anyway, least needed first, so that the status is never cut and nothing
        scrolls sideways; they come back when there is room. Key, title and status stay."""
        header = self.view.horizontalHeader()
        room = self.view.viewport().width() - TITLE_MIN
        shown = [c for c in Column if c != Column.TITLE]
        hidden: set[Column] = set()
        for column in NARROW_HIDE_ORDER:
            if sum(self._widths[c] for c in shown if c not in hidden) <= room:
                break
            hidden.add(column)
        for column in NARROW_HIDE_ORDER:
            if header.isSectionHidden(column) != (column in hidden):
                header.setSectionHidden(column, column in hidden)
        self.hidden_by_width = hidden

    # -- mirror the store ------------------------------------------------------------------------
    def rebuild(self, *_args) -> None:
        portfolio = self.bridge.snapshot()
        as_of = self.bridge.as_of
        self.filter_bar.set_portfolio(portfolio, as_of)
        self.model.rebuild(portfolio, as_of)

    def _store_changed(self, changes) -> None:
        """Only the rows of the goals an edit touched change; reference data or None: rebuild."""
        portfolio = self.bridge.snapshot()
        as_of = self.bridge.as_of
        if not self.model.apply_changes(portfolio, as_of, changes):
            self.filter_bar.set_portfolio(portfolio, as_of)
        elif self.view.currentIndex().isValid():  # an edited goal that moved stays in sight
            self.view.scrollTo(self.view.currentIndex())

    def _remember_current(self) -> None:
        self._pending_key = self.current_goal()

    def _restore_current(self) -> None:
        key, self._pending_key = self._pending_key, None
        chosen = self.goal_chosen  # the same goal again after a reset: not a new choice
        if key and self.model.row_of(key) >= 0:
            self.select_goal(key, clear_filter=False)
            self.goal_chosen = chosen

    # -- filter ---------------------------------------------------------------------------------
    def set_selection(self, selection: Selection) -> None:
        keep = self.current_goal()
        self.proxy.set_selection(selection)
        if self.filter_bar.selection() != selection:
            self.filter_bar.set_selection(selection, emit=False)
        chosen = self.goal_chosen
        if keep and self.select_goal(keep, clear_filter=False):
            self.goal_chosen = chosen
        else:
            self._select_first()  # the current goal is filtered out: the detail must follow
        self.selection_changed.emit(selection)

    def _select_first(self) -> None:
        """The first visible goal becomes current; none visible: no current goal (the detail
        shows its empty state). Not a choice of the user's (goal_chosen)."""
        self._choosing_first = True
        try:
            if self.proxy.rowCount():
                self.select_goal(self.proxy.index(0, 0).data(KEY_ROLE), clear_filter=False)
            else:
                self.view.selectionModel().clear()
                self._current_row_changed(self.proxy.index(-1, -1), None)
        finally:
            self._choosing_first = False

    def selection(self) -> Selection:
        return self.proxy.selection

    # -- current goal ---------------------------------------------------------------------------
    def current_goal(self) -> str | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return index.data(KEY_ROLE)

    def select_goal(self, key: str, clear_filter: bool = True) -> bool:
        row = self.model.row_of(key)
        if row < 0:
            return False
        source = self.model.index(row, 0)
        index = self.proxy.mapFromSource(source)
        if not index.isValid() and clear_filter:
            self.set_selection(Selection())
            index = self.proxy.mapFromSource(source)
        if not index.isValid():
            return False
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)  # fmt: skip
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)
        self.goal_chosen = not self._choosing_first
        return True

    def _current_row_changed(self, current, _previous) -> None:
        key = current.data(KEY_ROLE) if current.isValid() else None
        if key != self._last_emitted:
            self._last_emitted = key
            self.goal_chosen = key is not None and not self._choosing_first
            self.current_goal_changed.emit(key or "")  # "": no goal (the detail's empty state)

    def _clicked(self, index) -> None:
        """A click on the start's row chooses it: the views that wait for a choice hear of it."""
        key = index.data(KEY_ROLE)
        if key and not self.goal_chosen:
            self.goal_chosen = True
            self.current_goal_changed.emit(key)

    def _activated(self, index) -> None:
        key = index.data(KEY_ROLE)
        if key:
            self.goal_activated.emit(key)
