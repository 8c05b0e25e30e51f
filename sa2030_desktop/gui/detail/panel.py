"""GoalDetailPanel: the current goal with all its fields, milestones, indicators, links, history."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sa2030_desktop.domain.dates import days_de
from sa2030_desktop.domain.rules import goal_slip_days
from sa2030_desktop.gui.changelog import ChangeLogWidget
from sa2030_desktop.gui.detail.goal_form import GoalForm
from sa2030_desktop.gui.detail.indicators import IndicatorSection
from sa2030_desktop.gui.detail.milestones import MilestoneSection
from sa2030_desktop.gui.detail.relations import RelationsSection
from sa2030_desktop.gui.help.context import help_link, open_help_link
from sa2030_desktop.gui.status_icons import status_pixmap


class GoalDetailPanel(QWidget):
    """Follows `window.current_goal_changed`; rebuilds from the snapshot after every change."""

    def __init__(self, window, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("GoalDetailPanel")
        self.setAccessibleName(self.tr("Zieldetails"))
        self.window_ = window
        self.goal_key: str | None = None
        self.header = QLabel(self)
        self.header.setObjectName("detailHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.header.linkActivated.connect(lambda link: open_help_link(self, link))
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("detailTabs")
        self.tabs.setAccessibleName(self.tr("Bereiche des Ziels"))
        self.form = GoalForm(window, self)
        self.milestones = MilestoneSection(window, self)
        self.indicators = IndicatorSection(window, self)
        self.relations = RelationsSection(window, self)
        self.history = ChangeLogWidget(window.bridge, self, fixed_goal=True)
        # The form scrolls, so the dock can be short (laptops, the change log below it).
        form_scroll = QScrollArea(self)
        form_scroll.setAccessibleName(self.tr("Stammdaten des Ziels"))
        form_scroll.setWidgetResizable(True)
        form_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        form_scroll.setWidget(self.form)
        self.tabs.addTab(form_scroll, self.tr("&Stammdaten"))
        self.tabs.addTab(self.milestones, self.tr("&Meilensteine"))
        self.tabs.addTab(self.indicators, self.tr("&Indikatoren"))
        self.tabs.addTab(self.relations, self.tr("Abhängig&keiten"))
        self.tabs.addTab(self.history, self.tr("Hist&orie"))
        self.status_icon = QLabel(self)
        self.status_icon.setAccessibleName(self.tr("Ampel"))
        self.status_line = QLabel(self)
        self.status_line.setObjectName("detailStatus")
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_icon)
        status_row.addWidget(self.status_line, 1)
        self._stale: set[QWidget] = set()
        self.tabs.currentChanged.connect(self._refresh_visible_tab)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(status_row)
        layout.addWidget(self.tabs)

        # Several store notices in one action (undo of a macro …) rebuild once.
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        window.current_goal_changed.connect(self.show_goal)
        window.bridge.changed.connect(lambda _c: self._refresh_timer.start())
        window.bridge.as_of_changed.connect(lambda _d: self._refresh_timer.start())
        self.show_goal(window.current_goal())

    def sizeHint(self) -> QSize:  # noqa: N802
        # Wide enough for the milestone table's six columns at first start; the user's own
        # dock layout (QSettings) wins afterwards.
        return QSize(880, 600)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        # The dock's scroll area sizes the panel by this. The layout's own answer adds up the
        # tabs' preferred heights (the relations tab's is taller than a laptop's dock), which
        # pushed the indicator chart and the tables' ends below the fold at 1366×768; the
        # minimum plus the lines the wrapped header needs is enough, the tabs scroll inside.
        margins = self.layout().contentsMargins()
        inner = width - margins.left() - margins.right()
        extra = self.header.heightForWidth(inner) - self.header.minimumSizeHint().height()
        return self.minimumSizeHint().height() + max(0, extra)

    def show_goal(self, key: str | None) -> None:
        key = key or None
        if key == self.goal_key:
            return
        if self.form.dirty and self.form.goal is not None:
            answer = QMessageBox.question(
                self,
                self.tr("Ungespeicherte Änderungen"),
                self.tr(
                    "Die Änderungen an {0} sind noch nicht übernommen. Jetzt übernehmen?"
                ).format(self.form.goal.key),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.form.apply()
        self.goal_key = key
        self.form.show_goal(self.window_.bridge.snapshot().goals.get(key) if key else None)
        self.refresh()

    def refresh(self) -> None:
        self._refresh_timer.stop()
        portfolio = self.window_.bridge.snapshot()
        if self.goal_key and self.goal_key not in portfolio.goals:
            self.goal_key = None
            self.form.show_goal(None)
        key = self.goal_key
        self._show_header(key)
        if not self.form.dirty:
            self.form.reload()
        self.milestones.show_goal(key)
        self.indicators.show_goal(key)
        # The graph closures and the change-log query are the costly parts (10,000 goals):
        # only the visible tab is rebuilt now, the other one when it is opened.
        self._stale = {self.relations, self.history}
        self._refresh_visible_tab()
        self.tabs.setEnabled(key is not None)
        # no goal: an empty state instead of empty fields that look editable
        for widget in (self.tabs, self.status_icon, self.status_line):
            widget.setVisible(key is not None)

    def _refresh_visible_tab(self, *_args) -> None:
        current = self.tabs.currentWidget()
        if current is self.relations and self.relations in self._stale:
            self._stale.discard(self.relations)
            self.relations.show_goal(self.goal_key)
        elif current is self.history and self.history in self._stale:
            self._stale.discard(self.history)
            self.history.set_goal(self.goal_key)

    def _show_header(self, key: str | None) -> None:
        portfolio = self.window_.bridge.snapshot()
        goal = portfolio.goals.get(key) if key else None
        if goal is None:
            self.header.setText(
                "<p style='font-size:13pt; font-weight:600'>"
                + self.tr("Kein Ziel ausgewählt")
                + "</p><p>"
                + self.tr("Bitte in der Zieltabelle ein Ziel wählen (oder Filter lockern).")
                + "</p><p>"
                + help_link("zieldetails")
                + "</p>"
            )
            self.header.setAccessibleDescription(self.tr("Kein Ziel ausgewählt"))
            return
        slip = goal_slip_days(portfolio, key)
        slip_text = self.tr(" · Verzug {0}").format(days_de(slip)) if slip else ""
        self.status_icon.setPixmap(status_pixmap(goal.status, 16))
        self.status_icon.setAccessibleName(self.tr("Ampel: {0}").format(goal.status.label))
        self.header.setText(
            f"<span style='font-size:13pt; font-weight:600'>{goal.key} – {_esc(goal.title)}</span>"
        )
        self.status_line.setText(
            f"{goal.status.label} · {self.tr('Federführung')} {goal.lead}{slip_text}"
        )
        self.header.setAccessibleDescription(
            f"{goal.key}, {goal.title}, Status {goal.status.label}"
        )


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
