"""The review queue: the submitted reports of a round, and for the chosen one the reported values
beside the values before (services.reporting.previous), with „Bestätigen“ and „Zurückgeben …“."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sa2030_desktop.domain.reporting import Report, ReportState
from sa2030_desktop.gui.rounds.columns import report_columns
from sa2030_desktop.gui.rounds.side_by_side import field_columns, field_rows
from sa2030_desktop.gui.rounds.table_model import RowsModel, RowsProxy
from sa2030_desktop.gui.rounds.tables import fit, sortable_table
from sa2030_desktop.services.reporting.previous import ReviewPair

REVIEWED = (ReportState.SUBMITTED, ReportState.ACCEPTED, ReportState.RETURNED)


class ReviewPanel(QWidget):
    accept_requested = Signal()
    return_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roundsReview")
        self.titles: dict[str, str] = {}
        self.queue_model = RowsModel(report_columns(self.titles), self)
        self.queue = sortable_table(self, self.queue_model, "reviewQueue",
                                    self.tr("Zu prüfende Meldungen"))  # fmt: skip
        self.queue.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        for col in (1, 5):  # title and date: the side-by-side needs the room
            self.queue.setColumnHidden(col, True)
        self.proxy: RowsProxy = self.queue.model()
        self.show_all = QCheckBox(self.tr("Auch &bestätigte und zurückgegebene zeigen"), self)
        self.show_all.toggled.connect(self._toggled)
        self.pair_model = RowsModel(field_columns(), self)
        self.pair_view = QTableView(self)
        self.pair_view.setObjectName("reviewSideBySide")
        self.pair_view.setAccessibleName(self.tr("Gemeldete und vorherige Werte"))
        self.pair_view.setModel(self.pair_model)
        self.pair_view.verticalHeader().hide()
        self.pair_view.setWordWrap(True)
        self.pair_view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        header = self.pair_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.pair_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.pair_title = QLabel(self)
        self.pair_title.setObjectName("reviewTitle")
        self.pair_title.setWordWrap(True)
        self.pair_title.setTextFormat(Qt.TextFormat.PlainText)
        self.accept_button = QPushButton(self.tr("&Bestätigen"), self)
        self.accept_button.setObjectName("acceptButton")
        self.return_button = QPushButton(self.tr("&Zurückgeben …"), self)
        self.return_button.setObjectName("returnButton")
        self.accept_button.clicked.connect(self.accept_requested)
        self.return_button.clicked.connect(self.return_requested)
        self.empty = QLabel(self)
        self.empty.setObjectName("reviewEmpty")
        self.empty.setWordWrap(True)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.show_all)
        left_layout.addWidget(self.queue, 1)
        left_layout.addWidget(self.empty)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.pair_title)
        right_layout.addWidget(self.pair_view, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.return_button)
        buttons.addStretch(1)
        right_layout.addLayout(buttons)
        split = QSplitter(self)
        split.setChildrenCollapsible(False)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.show_pair(None)
        self._filter()

    def set_reports(
        self, reports: list[Report], titles: dict[str, str], key: object = None
    ) -> None:
        self.titles.clear()
        self.titles.update(titles)
        current, row = self.current(), self.queue.currentIndex().row()
        self.queue_model.set_items([r for r in reports if r.state in REVIEWED])
        self._filter()
        # a decided report leaves the queue: the next one is shown (review by keyboard)
        if current is not None and not self.select(current.goal) and self.proxy.rowCount():
            self.queue.selectRow(min(row, self.proxy.rowCount() - 1))
        fit(self.queue, key)

    def _toggled(self) -> None:
        self._filter()
        fit(self.queue)  # „zurückgegeben“ may need more room than „gemeldet“

    def _filter(self) -> None:
        all_ = self.show_all.isChecked()
        self.proxy.set_filter(None if all_ else (lambda r: r.state is ReportState.SUBMITTED))
        waiting = sum(1 for r in self.queue_model.items if r.state is ReportState.SUBMITTED)
        self.empty.setVisible(self.proxy.rowCount() == 0)
        self.empty.setText(self.tr(
            "Keine Meldung wartet auf die Prüfung. Abgegebene Meldungen erscheinen hier; "
            "erfassen Sie eine im Reiter „Meldungen“ (Meldung erfassen …).")
            if not waiting else "")  # fmt: skip

    def current(self) -> Report | None:
        index = self.queue.currentIndex()
        return self.proxy.item_at(index.row()) if index.isValid() else None

    def select(self, goal: str) -> bool:
        for row in range(self.proxy.rowCount()):
            if self.proxy.item_at(row).goal == goal:
                self.queue.selectRow(row)
                return True
        return False

    def show_pair(self, pair: ReviewPair | None) -> None:
        if pair is None:
            self.pair_model.set_items([])
            self.pair_title.setText(self.tr("Eine Meldung links wählen: hier stehen die "
                                            "gemeldeten Werte neben den vorherigen."))  # fmt: skip
            self.accept_button.setEnabled(False)
            self.return_button.setEnabled(False)
            return
        r = pair.report
        text = self.tr("{0} – {1} · {2} · Meldung {3}, abgegeben von {4} ({5})").format(
            r.goal, pair.title, r.ministry, r.state.label, r.submitted_by or "–",
            r.submitted_ministry or r.ministry)  # fmt: skip
        if r.review_comment:
            text += "\n" + self.tr("Kommentar der Prüfung: „{0}“").format(r.review_comment)
        if r.remark:
            text += "\n" + self.tr("Interne Bemerkung: „{0}“").format(r.remark)
        self.pair_title.setText(text)
        self.pair_model.set_items(field_rows(pair))
        self.pair_view.resizeColumnToContents(0)
        self.pair_view.resizeColumnToContents(3)
        self.accept_button.setEnabled(r.state is ReportState.SUBMITTED)
        self.return_button.setEnabled(r.state in (ReportState.SUBMITTED, ReportState.ACCEPTED))
