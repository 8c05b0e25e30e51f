"""The „Berichtsrunden“ tab: the rounds (key, Stichtag, Meldeschluss, state, completeness), and
for the chosen round the completeness matrix, its reports, the review queue and the comparison.

Like every view it mirrors the store: it rebuilds from the services after the bridge announces a
change, and only while its tab is shown (a hidden tab only notes that it is stale).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sa2030_desktop.domain.dates import de_short
from sa2030_desktop.domain.grammar import goals_de, reports_de
from sa2030_desktop.domain.reporting import Report, ReportState
from sa2030_desktop.gui.rounds import actions
from sa2030_desktop.gui.rounds.columns import (
    OVERDUE,
    completeness_columns,
    round_columns,
    share_text,
)
from sa2030_desktop.gui.rounds.compare_panel import ComparePanel
from sa2030_desktop.gui.rounds.refresh import update_reports
from sa2030_desktop.gui.rounds.reports_tab import build_reports_tab
from sa2030_desktop.gui.rounds.review_panel import ReviewPanel
from sa2030_desktop.gui.rounds.table_model import RowsModel
from sa2030_desktop.gui.rounds.tables import fit, sortable_table
from sa2030_desktop.services import reporting
from sa2030_desktop.services.reporting import RoundStatus
from sa2030_desktop.services.reporting.previous import review_pair


class RoundsPage(QWidget):
    goal_selected = Signal(str)  # a report chosen: the window shows its goal (detail dock)

    def __init__(self, bridge, undo_stack, parent: QWidget | None = None, active=True) -> None:
        super().__init__(parent)
        self.setObjectName("roundsPage")
        self.bridge, self.undo_stack = bridge, undo_stack
        self.today: date | None = None  # None: the real today (tests fix a day)
        self.rounds: list[RoundStatus] = []
        self.status: RoundStatus | None = None
        self.reports: list[Report] = []
        self._active, self._stale = active, True
        self._refreshing = False
        self.by_round: dict[str, list[Report]] = {}
        self._build()
        bridge.changed.connect(self._changed)
        if active:
            self.refresh()

    # -- building --------------------------------------------------------------------------------
    def _build(self) -> None:
        tr = self.tr
        self.round_model = RowsModel(round_columns(), self)
        self.round_view = sortable_table(
            self, self.round_model, "roundList", tr("Berichtsrunden"), stretch=6
        )  # the overdue list elides (full: tooltip)
        self.round_view.setSelectionMode(self.round_view.SelectionMode.SingleSelection)
        self.round_view.selectionModel().currentRowChanged.connect(self._round_chosen)
        rows = self.round_view.verticalHeader().defaultSectionSize()
        self.round_view.setMinimumHeight(
            self.round_view.horizontalHeader().sizeHint().height() + 4 * rows + 4
        )  # four rounds without scrolling
        self.open_button = QPushButton(tr("Runde &eröffnen …"), self)
        self.close_button = QPushButton(tr("Runde &abschließen …"), self)
        self.compare_button = QPushButton(tr("Runden ver&gleichen"), self)
        for button, slot, name in ((self.open_button, self.open_round, "openRoundButton"),
                                   (self.close_button, self.close_round, "closeRoundButton"),
                                   (self.compare_button, self.show_compare, "compareRoundsButton")):  # fmt: skip
            button.setObjectName(name)
            button.clicked.connect(slot)
        buttons = QHBoxLayout()  # below the list: the list keeps the whole width
        for b in (self.open_button, self.close_button, self.compare_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.round_view, 1)
        top_layout.addLayout(buttons)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("roundTabs")
        self.tabs.setAccessibleName(self.tr("Bereiche der Runde"))
        self.tabs.addTab(self._matrix_tab(), tr("Vollständigkeit"))
        self.reports_tab = build_reports_tab(self)
        self.tabs.addTab(self.reports_tab, tr("Meldungen"))
        self.review = ReviewPanel(self)
        self.review.queue.selectionModel().currentRowChanged.connect(
            lambda *_: self.show_pair_of_current()
        )
        self.review.accept_requested.connect(self.accept_report)
        self.review.return_requested.connect(self.return_report)
        self.tabs.addTab(self.review, tr("Prüfung"))
        self.compare = ComparePanel(self.bridge, self)
        self.tabs.addTab(self.compare, tr("Vergleich"))
        self.tabs.currentChanged.connect(self._tab_shown)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        split.addWidget(top)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 4)
        self.empty = QLabel(self)
        self.empty.setObjectName("roundsEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setText(tr(
            "<h3>Noch keine Berichtsrunde</h3><p>Eine Berichtsrunde fragt die Ressorts zu einem "
            "Stichtag nach dem Stand ihrer Ziele. Eröffnen Sie die erste Runde mit "
            "„Runde eröffnen …“ (Bearbeiten → Berichtsrunde, Strg+Umschalt+R).</p>"))  # fmt: skip
        empty_open = QPushButton(tr("Runde eröffnen …"), self)
        empty_open.setObjectName("emptyOpenRound")
        empty_open.clicked.connect(self.open_round)
        empty_page = QWidget(self)
        empty_layout = QVBoxLayout(empty_page)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty)
        empty_layout.addWidget(empty_open, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(empty_page)
        self.stack.addWidget(split)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

    def _matrix_tab(self) -> QWidget:
        tab = QWidget(self)
        self.matrix_head = QLabel(tab)
        self.matrix_head.setObjectName("matrixHead")
        self.matrix_head.setWordWrap(True)
        self.matrix_model = RowsModel(completeness_columns(), self)
        self.matrix_view = sortable_table(tab, self.matrix_model, "completenessMatrix",
                                          self.tr("Vollständigkeit je Ressort"))  # fmt: skip
        self.matrix_total = QLabel(tab)
        self.matrix_total.setObjectName("matrixTotal")
        self.matrix_total.setWordWrap(True)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.matrix_head)
        layout.addWidget(self.matrix_view, 1)
        layout.addWidget(self.matrix_total)
        return tab

    # -- state -----------------------------------------------------------------------------------
    def _tab_shown(self, _index: int) -> None:
        """The review starts at the first waiting report; the comparison at the two latest
        states — the user sees content, not an empty table to fill first."""
        if self.tabs.currentWidget() is self.review and self.review.current() is None:
            if self.review.proxy.rowCount():
                self.review.queue.selectRow(0)
        elif self.tabs.currentWidget() is self.compare and self.compare.comparison is None:
            if self.compare.run_button.isEnabled() and self.compare.task is None:
                self.compare.run()

    def set_active(self, active: bool) -> None:
        self._active = active
        if active and self._stale:
            self.refresh()

    def _changed(self, changes) -> None:
        self.compare.portfolio_changed(changes is None or changes.full_reload)
        self._stale = True
        if self._active and not (changes is not None and update_reports(self, changes)):
            self.refresh()

    def day(self) -> date:
        return self.today or date.today()

    def current_round(self) -> RoundStatus | None:
        index = self.round_view.currentIndex()
        return self.round_view.model().item_at(index.row()) if index.isValid() else None

    def select_round(self, key: str) -> bool:
        proxy = self.round_view.model()
        for row in range(proxy.rowCount()):
            if proxy.item_at(row).round.key == key:
                self.round_view.selectRow(row)
                return True
        return False

    def refresh(self) -> None:
        """Rebuild from the store: rounds, then the chosen round (kept by its key)."""
        self._stale = False
        current = self.current_round()
        keep = current.round.key if current else None
        self.rounds, self.by_round = reporting.rounds_overview(self.bridge.store, self.day())
        self._refreshing = True  # one rebuild of the chosen round, not one per signal
        try:
            self.round_model.set_items(self.rounds)
            fit(self.round_view)
            if not (keep and self.select_round(keep)) and self.rounds:
                self.select_round(self.rounds[-1].round.key)  # the latest round
        finally:
            self._refreshing = False
        self.stack.setCurrentIndex(1 if self.rounds else 0)
        closed = [s.round.key for s in self.rounds if not s.round.is_open]
        self.compare.set_rounds(closed)
        self._load_round()

    def _round_chosen(self, *_args) -> None:
        if not self._refreshing:
            self._load_round()

    def _load_round(self) -> None:
        current = self.current_round()
        self.status = current
        self.close_button.setEnabled(bool(current and current.round.is_open))
        self.compare_button.setEnabled(any(not s.round.is_open for s in self.rounds))
        if current is None:
            self.reports = []
            self.matrix_model.set_items([])
            self.report_model.set_items([])
            self.review.set_reports([], {})
            return
        rnd = current.round
        self.reports = list(self.by_round.get(rnd.key, []))
        titles = {k: g.title for k, g in self.bridge.snapshot().goals.items()}
        self.titles.clear()
        self.titles.update(titles)
        self.show_matrix(current)
        self.report_model.set_items(self.reports)
        fit(self.report_view, rnd.key)
        self._fill_ministries(sorted(current.by_ministry))
        self._show_package()
        self.filter_reports()
        self.review.set_reports(self.reports, titles, rnd.key)
        self.show_pair_of_current()

    def show_matrix(self, status: RoundStatus) -> None:
        rnd, total = status.round, status.total
        late = [m for m, row in status.by_ministry.items() if row.overdue]
        head = self.tr("Runde {0} – {1} · Stichtag {2} · Meldeschluss {3} · {4}").format(
            rnd.key, rnd.title, de_short(rnd.as_of), de_short(rnd.deadline), rnd.state.label)  # fmt: skip
        if late:
            head += "\n⚠ " + self.tr("{0}: Meldeschluss überschritten, es fehlen Meldungen von {1}.").format(
                OVERDUE, ", ".join(late))  # fmt: skip
        elif status.today > rnd.deadline and rnd.is_open:
            head += "\n" + self.tr("Meldeschluss überschritten; alle Ressorts haben gemeldet.")
        self.matrix_head.setText(head)
        self.matrix_model.set_items(list(status.by_ministry.values()))
        fit(self.matrix_view, status.round.key)
        self.matrix_total.setText(self.tr(
            "Summe: {0} im Umfang · ausstehend {1} · gemeldet {2} · bestätigt {3} · "
            "zurückgegeben {4} · gemeldet in % {5}").format(
            goals_de(total.in_scope), total.pending, total.submitted, total.accepted, total.returned,
            share_text(total)))  # fmt: skip

    def _show_package(self) -> None:
        own = actions.own_ministry(self)
        self.package_note.setVisible(bool(own))
        if own:
            self.package_note.setText(self.tr(
                "Ressortpaket {0}: Meldungen zu den eigenen Zielen lassen sich hier erfassen; die "
                "Ziele anderer Ressorts sind nur Kontext. Gemeldete Werte (Status, Termine, "
                "Messwerte) kommen mit dem Zusammenführen in die Hauptdatei.").format(own))  # fmt: skip

    def _fill_ministries(self, codes: list[str]) -> None:
        keep = self.ministry_filter.currentData()
        self.ministry_filter.blockSignals(True)
        self.ministry_filter.clear()
        self.ministry_filter.addItem(self.tr("alle Ressorts"), None)
        for code in codes:
            self.ministry_filter.addItem(code, code)
        index = self.ministry_filter.findData(keep or actions.own_ministry(self))
        self.ministry_filter.setCurrentIndex(max(index, 0))
        self.ministry_filter.blockSignals(False)

    def filter_reports(self) -> None:
        ministry, state = self.ministry_filter.currentData(), self.state_filter.currentData()
        state = ReportState(state) if state else None  # Qt hands the enum back as its text
        if ministry is None and state is None:
            self.report_proxy.set_filter(None)
        else:
            self.report_proxy.set_filter(lambda r: (ministry is None or r.ministry == ministry)
                                         and (state is None or r.state == state))  # fmt: skip
        self.report_count.setText(self.tr("{0} von {1}").format(
            self.report_proxy.rowCount(), reports_de(len(self.reports))))  # fmt: skip
        is_open = bool(self.status and self.status.round.is_open)
        for button in (self.form_button, self.write_forms_button, self.collect_forms_button):
            button.setEnabled(is_open)

    def current_report(self) -> Report | None:
        """The report chosen in the visible tab (Prüfung: the queue; else the list)."""
        if self.tabs.currentWidget() is self.review:
            return self.review.current()
        index = self.report_view.currentIndex()
        return self.report_proxy.item_at(index.row()) if index.isValid() else None

    def _report_chosen(self, *_args) -> None:
        report = self.current_report()
        if report is not None:
            self.goal_selected.emit(report.goal)

    def show_pair_of_current(self) -> None:
        report = self.review.current()
        if report is not None:
            self.goal_selected.emit(report.goal)
        if report is None or self.status is None:
            self.review.show_pair(None)
            return
        self.review.show_pair(review_pair(self.bridge.store, self.status.round.key, report.goal))
        if not self.status.round.is_open:
            self.review.accept_button.setEnabled(False)
            self.review.return_button.setEnabled(False)

    # -- user actions (gui/rounds/actions.py) -------------------------------------------------------
    def open_round(self):
        return actions.open_round(self)

    def close_round(self):
        return actions.close_round(self)

    def edit_report(self):
        return actions.edit_report(self)

    def accept_report(self):
        return actions.review(self, accept=True)

    def return_report(self):
        return actions.review(self, accept=False)

    def write_forms(self, folder=None):
        from sa2030_desktop.gui.rounds import meldebogen

        return meldebogen.write_forms(self, folder)

    def collect_forms(self, paths=None):
        from sa2030_desktop.gui.rounds import meldebogen

        return meldebogen.collect_forms(self, paths)

    def show_compare(self) -> None:
        self.tabs.setCurrentWidget(self.compare)
        self.compare.from_combo.setFocus()
