"""The comparison of two rounds (or a round with the current state) as tables and the status-
transition chart. The figures are the core's (services.reporting.compare); the comparison runs
on the window's task runner, so 10,000 goals never freeze the window."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sa2030_desktop.domain.dates import number_de
from sa2030_desktop.domain.grammar import days_de, goals_de, milestones_de
from sa2030_desktop.domain.indicators import Assessment
from sa2030_desktop.domain.model import Status
from sa2030_desktop.domain.reporting import CURRENT
from sa2030_desktop.domain.reporting_compare import Comparison
from sa2030_desktop.domain.selection import natural_key
from sa2030_desktop.gui.rounds.chart import TransitionChart, transition_rows
from sa2030_desktop.gui.rounds.table_model import Col, RowsModel
from sa2030_desktop.gui.rounds.tables import fit, sortable_table
from sa2030_desktop.gui.status_icons import status_icon
from sa2030_desktop.gui.tasks import TaskOutcome, TaskRunner
from sa2030_desktop.services import reporting


def _assessment(code: str) -> str:
    return Assessment(code).label if code else "–"


def _number(value) -> str:
    return number_de(value) if value is not None else "–"


class ComparePanel(QWidget):
    compared = Signal(object)  # Comparison

    def __init__(self, bridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roundsCompare")
        self.bridge = bridge
        self.comparison: Comparison | None = None
        self.task = None
        self.from_combo = QComboBox(self)
        self.from_combo.setObjectName("compareFrom")
        self.from_combo.setAccessibleName(self.tr("Frühere Runde"))
        self.to_combo = QComboBox(self)
        self.to_combo.setObjectName("compareTo")
        self.to_combo.setAccessibleName(self.tr("Spätere Runde oder aktueller Stand"))
        self.user_chose = False
        for combo in (self.from_combo, self.to_combo):
            combo.activated.connect(lambda _i: setattr(self, "user_chose", True))
        self.run_button = QPushButton(self.tr("&Vergleichen"), self)
        self.run_button.setObjectName("compareButton")
        self.run_button.clicked.connect(self.run)
        from_label, to_label = QLabel(self.tr("V&on:"), self), QLabel(self.tr("&bis:"), self)
        from_label.setBuddy(self.from_combo)
        to_label.setBuddy(self.to_combo)
        row = QHBoxLayout()
        for w in (from_label, self.from_combo, to_label, self.to_combo, self.run_button):
            row.addWidget(w)
        row.addStretch(1)
        self.summary = QLabel(self)
        self.summary.setObjectName("compareSummary")
        self.summary.setWordWrap(True)
        self._build_tables()
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        self.set_rounds([])

    def _build_tables(self) -> None:
        tr = self.tr
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("compareTabs")
        self.tabs.setAccessibleName(self.tr("Vergleich der Runden"))
        self.transitions = RowsModel([
            Col(tr("von"), lambda r: r[0].label, lambda r: r[0].value, icon=lambda r: status_icon(r[0])),
            Col(tr("nach"), lambda r: r[1].label, lambda r: r[1].value, icon=lambda r: status_icon(r[1])),
            Col(tr("Ziele"), lambda r: str(r[2]), lambda r: r[2], numeric=True),
            Col(tr("Richtung"), lambda r: r[3]),
        ], self)  # fmt: skip
        self.goals = RowsModel([
            Col(tr("Ziel"), lambda r: r[0], lambda r: natural_key(r[0])),
            Col(tr("Titel"), lambda r: r[1], tip=lambda r: r[1]),
            Col(tr("vorher"), lambda r: r[2].label if r[2] else "–",
                icon=lambda r: status_icon(r[2]) if r[2] else None),
            Col(tr("nachher"), lambda r: r[3].label if r[3] else "–",
                icon=lambda r: status_icon(r[3]) if r[3] else None),
            Col(tr("Änderung"), lambda r: r[4]),
        ], self)  # fmt: skip
        self.milestones = RowsModel([
            Col(tr("Meilenstein"), lambda r: r[0], lambda r: natural_key(r[0])),
            Col(tr("Änderung"), lambda r: r[1]),
            Col(tr("Tage"), lambda r: str(r[2]) if r[2] is not None else "", lambda r: r[2] or 0,
                numeric=True),
        ], self)  # fmt: skip
        self.conflicts = RowsModel([
            Col(tr("Abhängigkeit"), lambda r: r[0]),
            Col(tr("Terminkonflikt"), lambda r: r[1]),
        ], self)  # fmt: skip
        self.indicators = RowsModel([
            Col(tr("Ziel"), lambda r: r.goal, lambda r: natural_key(r.goal)),
            Col(tr("Indikator"), lambda r: r.name),
            Col(tr("Wert vorher"), lambda r: _number(r.value_from), lambda r: r.value_from or 0,
                numeric=True),
            Col(tr("Wert nachher"), lambda r: _number(r.value_to), lambda r: r.value_to or 0,
                numeric=True),
            Col(tr("Bewertung vorher"), lambda r: _assessment(r.assessment_from)),
            Col(tr("Bewertung nachher"), lambda r: _assessment(r.assessment_to)),
        ], self)  # fmt: skip
        self.chart = TransitionChart(self)
        chart_scroll = QScrollArea(self)  # many pairs: the chart scrolls down, never sideways
        chart_scroll.setAccessibleName(self.tr("Übergänge zwischen den Runden (Diagramm)"))
        chart_scroll.setWidgetResizable(True)
        chart_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        chart_scroll.setWidget(self.chart)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        split.addWidget(chart_scroll)
        self.transition_view = sortable_table(split, self.transitions, "compareTransitions",
                                              tr("Statusübergänge als Tabelle"))  # fmt: skip
        split.addWidget(self.transition_view)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.tabs.addTab(split, tr("Statusübergänge"))
        self.views = {"transitions": self.transition_view}
        for key, model, title, stretch in (("goals", self.goals, tr("Ziele"), 1),
                                           ("milestones", self.milestones, tr("Meilensteine"), None),
                                           ("conflicts", self.conflicts, tr("Terminkonflikte"), None),
                                           ("indicators", self.indicators, tr("Indikatoren"), 1)):  # fmt: skip
            view = sortable_table(self, model, f"compare_{key}", title, stretch)
            self.views[key] = view
            self.tabs.addTab(view, title)

    def set_rounds(self, closed: list[str]) -> None:
        """Closed rounds (oldest first): the earlier side takes a closed round, the later side a
        closed round or „aktueller Stand“. Until the user chooses, the two latest are set."""
        chosen = (self.from_combo.currentData(), self.to_combo.currentData())
        for combo in (self.from_combo, self.to_combo):
            combo.blockSignals(True)
            combo.clear()
            for key in closed:
                combo.addItem(key, key)
        self.to_combo.addItem(self.tr("aktueller Stand"), CURRENT)
        if not self.user_chose:
            latest = closed[-1] if closed else None
            chosen = (closed[-2], latest) if len(closed) > 1 else (latest, CURRENT)
        for combo, key in ((self.from_combo, chosen[0]), (self.to_combo, chosen[1])):
            index = combo.findData(key)
            if index >= 0:
                combo.setCurrentIndex(index)
            combo.blockSignals(False)
        self.run_button.setEnabled(bool(closed))
        if not closed:
            self.summary.setText(self.tr(
                "Noch keine abgeschlossene Runde. Vergleichen lässt sich eine abgeschlossene "
                "Runde mit einer späteren oder mit dem aktuellen Stand – schließen Sie dazu "
                "eine Runde ab (Bearbeiten → Berichtsrunde → Runde abschließen …)."))  # fmt: skip
        elif self.comparison is None:
            self.summary.setText(self.tr("Zwei Stände wählen und „Vergleichen“ drücken."))

    def portfolio_changed(self, reloaded: bool) -> None:
        """The file changed: a comparison with the current state (or, after another file was
        opened or the file reloaded, any comparison) no longer shows what it says."""
        c = self.comparison
        if c is None or not (reloaded or c.to_key == CURRENT):
            return
        self.comparison = None
        self.chart.set_comparison(None)
        for model in (self.transitions, self.goals, self.milestones, self.conflicts,
                      self.indicators):  # fmt: skip
            model.set_items([])
        self.summary.setText(self.tr("Der Stand hat sich geändert – „Vergleichen“ drücken, um "
                                     "neu zu vergleichen."))  # fmt: skip

    def run(self, earlier: str | None = None, later: str | None = None, as_of: date | None = None):
        earlier = earlier or self.from_combo.currentData()
        later = later or self.to_combo.currentData()
        if not earlier or not later:
            return None
        store = self.bridge.store
        day = as_of or self.bridge.as_of

        def work(progress, token):
            progress(0.1, self.tr("Vergleiche {0} mit {1} …").format(earlier, later))
            return reporting.compare(store, earlier, later, day)

        self.summary.setText(self.tr("Vergleiche {0} mit {1} …").format(earlier, later))
        self.run_button.setEnabled(False)
        self.task = TaskRunner.of(self).submit(work, self._done, title=self.tr("Vergleich"))
        return self.task

    def _done(self, outcome: TaskOutcome) -> None:
        self.task = None
        self.run_button.setEnabled(self.from_combo.count() > 0)
        if not outcome.ok:
            self.summary.setText("⚠ " + outcome.message)
            return
        self.show_comparison(outcome.result)

    def show_comparison(self, c: Comparison) -> None:
        self.comparison = c
        titles = {k: g.title for k, g in self.bridge.snapshot().goals.items()}
        self.chart.set_comparison(c)
        self.transitions.set_items(transition_rows(c))
        goals = [(k, titles.get(k, ""), c.status_from[k], c.status_to[k], self.tr("verschlechtert"))
                 for k in c.worsened]  # fmt: skip
        goals += [(k, titles.get(k, ""), c.status_from[k], c.status_to[k], self.tr("verbessert"))
                  for k in c.improved]  # fmt: skip
        goals += [
            (k, titles.get(k, ""), None, _status_in(c, k), self.tr("neu")) for k in c.new_goals
        ]
        goals += [(k, titles.get(k, ""), None, None, self.tr("entfallen")) for k in c.removed_goals]
        self.goals.set_items(goals)
        shifted = [(k, self.tr("verschoben"), d) for k, d in c.shifted_milestones]
        achieved = [(k, self.tr("erreicht"), None) for k in c.achieved_milestones]
        self.milestones.set_items(shifted + achieved)
        self.conflicts.set_items([(k, self.tr("neu")) for k in c.new_conflicts]
                                 + [(k, self.tr("gelöst")) for k in c.resolved_conflicts])  # fmt: skip
        self.indicators.set_items(c.indicators)
        for view in self.views.values():
            fit(view)
        days = sum(d for _k, d in c.shifted_milestones)
        self.summary.setText(self.tr(
            "{0} → {1}: {2} in beiden Ständen, {3} verschlechtert, {4} verbessert, {5} neu, "
            "{6} entfallen · {7} verschoben (zusammen {8}), {9} erreicht · "
            "Terminkonflikte: {10} neu, {11} gelöst").format(
            c.from_key, self.to_combo.currentText() if c.to_key == CURRENT else c.to_key,
            goals_de(len(c.status_from)), len(c.worsened), len(c.improved), len(c.new_goals),
            len(c.removed_goals), milestones_de(len(c.shifted_milestones)), days_de(days),
            len(c.achieved_milestones),
            len(c.new_conflicts), len(c.resolved_conflicts)))  # fmt: skip
        self.compared.emit(c)


def _status_in(c: Comparison, key: str) -> Status | None:
    return c.status_to.get(key)
