"""The „Übersicht“ tab: Umsetzungsstand at the Stichtag; every figure filters the goal table."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sa2030_desktop.domain.dates import de_long, de_short, percent_de
from sa2030_desktop.domain.grammar import goals_de
from sa2030_desktop.domain.model import STATUS_COLOURS, STATUS_ORDER, Status
from sa2030_desktop.domain.rules import is_overdue, slip_days
from sa2030_desktop.domain.selection import Selection
from sa2030_desktop.gui.records_model import PAYLOAD_ROLE, RecordsModel
from sa2030_desktop.gui.status_icons import status_icon, status_tint
from sa2030_desktop.gui.store_bridge import StoreBridge
from sa2030_desktop.gui.wrap_layout import WrapLayout
from sa2030_desktop.messages import contradiction_text

HORIZON_DAYS = 183  # „in den nächsten 6 Monaten“
NARROW = 1000  # px: below this the two lists of the middle row stand one above the other


def _table(name: str, model: RecordsModel, stretch: int = 0) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    vertical = view.verticalHeader()
    vertical.setVisible(False)
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.setCursor(Qt.CursorShape.PointingHandCursor)
    return view


class OverviewPage(QWidget):
    filter_requested = Signal(object)  # Selection for the goal table
    goal_requested = Signal(str)

    def __init__(self, bridge: StoreBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overview")
        self.bridge = bridge
        self._dirty = True
        self.analysis = None
        self.heading = QLabel(self)
        self.heading.setObjectName("overviewHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setWeight(QFont.Weight.DemiBold)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)

        self.tiles: dict[Status | None, QToolButton] = {}
        tiles = WrapLayout(spacing=8, row_spacing=8)  # a laptop: the tiles wrap, never cut
        for status in [None, *STATUS_ORDER]:
            tile = self._tile(status)
            self.tiles[status] = tile
            tiles.addWidget(tile)
        self.in_progress = QLabel(self)
        self.in_progress.setObjectName("inProgress")

        statuses = [s.label for s in STATUS_ORDER]
        self.by_category = RecordsModel([self.tr("Zielkategorie"), self.tr("Gesamt"), *statuses],
                                        self, numeric_from=1)  # fmt: skip
        self.by_lead = RecordsModel([self.tr("Ressort"), self.tr("Gesamt"), *statuses], self,
                                    numeric_from=1)  # fmt: skip
        for model in (self.by_category, self.by_lead):
            for i, status in enumerate(STATUS_ORDER, start=2):
                model.header_icons[i] = status_icon(status)
        self.slipped = RecordsModel(
            [self.tr("Meilenstein"), self.tr("Titel"), self.tr("Basistermin"),
             self.tr("Prognose"), self.tr("Lage"), self.tr("Verzug (Tage)")], self,
            numeric_from=5,
        )  # fmt: skip
        self.conflicts = RecordsModel(
            [self.tr("Wartendes Ziel"), self.tr("wartet ab"), self.tr("Voraussetzung"),
             self.tr("fertig am"), self.tr("Tage")], self, numeric_from=4,
        )  # fmt: skip
        self.findings = RecordsModel(
            [self.tr("Ziel"), self.tr("Status"), self.tr("Befund"), self.tr("Vorschlag")], self
        )
        self.category_view = _table("categoryTable", self.by_category)
        self.lead_view = _table("leadTable", self.by_lead)
        self.slipped_view = _table("slippedTable", self.slipped, stretch=1)
        self.conflict_view = _table("conflictTable", self.conflicts, stretch=4)
        self.findings_view = _table("findingsTable", self.findings, stretch=2)
        for view, model in ((self.category_view, self.by_category), (self.lead_view, self.by_lead)):
            view.clicked.connect(lambda index, m=model: self._count_clicked(m, index))
        for view in (self.slipped_view, self.conflict_view, self.findings_view):
            view.clicked.connect(self._goal_clicked)
            view.activated.connect(self._goal_clicked)

        self.groups = {}
        top, middle = QVBoxLayout(), QHBoxLayout()
        self._middle = middle  # side by side; one above the other when narrow (resizeEvent)
        for row, stretch, key, title, view in (
            (top, 0, "category", self.tr("Nach Zielkategorie"), self.category_view),
            (top, 0, "lead", self.tr("Nach federführendem Ressort"), self.lead_view),
            (middle, 5, "slipped", self.tr("Verzögerte Meilensteine in den nächsten 6 Monaten"),
             self.slipped_view),
            (middle, 4, "conflicts", self.tr("Terminkonflikte"), self.conflict_view),
        ):  # fmt: skip
            row.addWidget(self._group(key, title, view, fixed=row is top), stretch)
        findings = self._group(
            "findings", self.tr("Konsistenzbefunde (Status widerspricht den Terminen)"),
            self.findings_view,
        )  # fmt: skip
        content = QWidget(self)
        outer = QVBoxLayout(content)
        outer.addWidget(self.heading)
        outer.addLayout(tiles)
        outer.addWidget(self.in_progress)
        outer.addLayout(top)
        outer.addLayout(middle, 1)
        outer.addWidget(findings, 1)
        scroll = QScrollArea(self)
        scroll.setAccessibleName(self.tr("Übersicht des Portfolios"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        bridge.changed.connect(self._mark_dirty)
        bridge.as_of_changed.connect(self._mark_dirty)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        narrow = event.size().width() < NARROW
        direction = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        if self._middle.direction() != direction:
            self._middle.setDirection(direction)

    def _group(self, key: str, title: str, view: QTableView, fixed: bool = False) -> QGroupBox:
        box = QGroupBox(title, self)
        box.setObjectName(f"group_{key}")
        lay = QVBoxLayout(box)
        lay.addWidget(view)
        if fixed:
            lay.addStretch(1)
        view.setAccessibleName(title)
        self.groups[key] = box
        return box

    def _tile(self, status: Status | None) -> QToolButton:
        tile = QToolButton(self)
        tile.setObjectName(f"tile_{status.value if status else 'total'}")
        tile.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        tile.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        tile.setIconSize(QSize(28, 28))
        font = tile.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        tile.setFont(font)
        tile.setMinimumHeight(64)
        if status is not None:
            tile.setIcon(status_icon(status))
            light = status_tint(status, 0.35).name()
            edge = QColor(STATUS_COLOURS[status]).name()
            tile.setStyleSheet(
                f"QToolButton {{ background: {light}; color: black; border: 2px solid {edge};"
                " border-radius: 6px; padding: 6px 10px; }"
                f" QToolButton:focus {{ border: 3px solid black; }}"
            )
        else:
            tile.setStyleSheet(
                "QToolButton { border: 2px solid palette(mid); border-radius: 6px;"
                " padding: 6px 10px; } QToolButton:focus { border: 3px solid black; }"
            )
        tile.clicked.connect(
            lambda _=False, s=status: self.filter_requested.emit(Selection(status=s))
        )
        return tile

    # -- refresh only when shown: the analysis of 10,000 goals is not free -------------------------
    def _mark_dirty(self, *_args) -> None:
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:
        if self._dirty:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        from sa2030_desktop.services.portfolio import analysis

        self._dirty = False
        as_of = self.bridge.as_of
        portfolio = self.bridge.snapshot()
        a = analysis(self.bridge.store, as_of)
        self.analysis = a
        demo = self.tr(" – Demodaten – illustrativ") if portfolio.info.demo else ""
        self.heading.setText(self.tr("Umsetzungsstand am {0}{1}").format(de_long(as_of), demo))
        total = len(portfolio.goals)
        self._set_tile(None, self.tr("Ziele gesamt"), total, total)
        for status in STATUS_ORDER:
            self._set_tile(status, status.label, a.status_counts[status.value], total)
        share = percent_de(a.in_progress / total) if total else percent_de(0)
        self.in_progress.setText(
            self.tr("in Umsetzung (im Plan + verzögert + gefährdet): {0} ({1})").format(
                goals_de(a.in_progress), share
            )
        )
        self._fill_counts(self.by_category, a.by_category, portfolio.categories, "category")
        self._fill_counts(self.by_lead, a.by_lead, portfolio.ministries, "ministry")
        self._fill_slipped(a, portfolio, as_of)
        self._fill_conflicts(a)
        self._fill_findings(a)
        for view in (self.category_view, self.lead_view):
            view.setFixedHeight(self._table_height(view, max(view.model().rowCount(), 1)))
        for view in (self.slipped_view, self.conflict_view):
            view.setMinimumHeight(self._table_height(view, 5))
        self.findings_view.setMinimumHeight(self._table_height(self.findings_view, 4))

    @staticmethod
    def _table_height(view: QTableView, rows: int) -> int:
        row_h = view.verticalHeader().defaultSectionSize()
        return (
            view.horizontalHeader().sizeHint().height() + rows * row_h + 2 * view.frameWidth() + 2
        )

    def _set_tile(self, status: Status | None, label: str, count: int, total: int) -> None:
        tile = self.tiles[status]
        share = percent_de(count / total) if total else percent_de(0)
        tile.setText(f"{label}\n{count}  ({share})" if status else f"{label}\n{count}")
        tile.setAccessibleName(self.tr("{0}: {1}, Tabelle filtern").format(label, goals_de(count)))
        tile.setToolTip(self.tr("Zieltabelle auf „{0}“ filtern").format(label))

    def _fill_counts(self, model: RecordsModel, counts: dict, names: dict, field: str) -> None:
        rows, payloads = [], []
        for code, row in counts.items():
            entity = names.get(code)
            name = getattr(entity, "name", "") if entity else ""
            label = code if field == "ministry" else (name or code or self.tr("(ohne)"))
            if field == "ministry" and name:
                label = f"{code} – {name}"
            rows.append((label, str(row["total"]), *(str(row[s.value]) for s in STATUS_ORDER)))
            payloads.append(Selection(**{field: code}))
        model.set_rows(rows, payloads)

    def _fill_slipped(self, a, portfolio, as_of) -> None:
        end = as_of + timedelta(days=HORIZON_DAYS)
        # slipped up to the horizon, and those already overdue (forecast passed, not done):
        # overdue first, then by date
        items = [m for m in a.slipped_milestones if m.forecast and m.forecast <= end]
        items.sort(key=lambda m: (m.forecast, m.key))
        self.slipped.set_rows(
            [
                (
                    m.key,
                    m.title,
                    de_short(m.baseline),
                    de_short(m.forecast),
                    self.tr("überfällig") if is_overdue(m, as_of) else self.tr("verzögert"),
                    str(slip_days(m)),
                )
                for m in items
            ],  # fmt: skip
            [m.goal for m in items],
        )
        self.groups["slipped"].setTitle(
            self.tr(
                "Verzögerte Meilensteine der nächsten 6 Monate (bis {0}): {1}, "
                "davon überfällig: {2}"
            ).format(de_short(end), len(items), sum(1 for m in items if is_overdue(m, as_of)))
        )

    def _fill_conflicts(self, a) -> None:
        self.conflicts.set_rows(
            [
                (c.dependent, de_short(c.waiting), c.prerequisite, de_short(c.needed), str(c.days))
                for c in a.conflicts
            ],  # fmt: skip
            [c.dependent for c in a.conflicts],
        )
        self.groups["conflicts"].setTitle(self.tr("Terminkonflikte: {0}").format(len(a.conflicts)))

    def _fill_findings(self, a) -> None:
        rows, icons = [], {}
        for i, c in enumerate(a.contradictions):
            suggested = a.suggested.get(c.goal)
            rows.append((c.goal, c.status.label, contradiction_text(c.reason, c.status.label),
                         suggested.label if suggested else ""))  # fmt: skip
            icons[(i, 1)] = status_icon(c.status)
            if suggested:
                icons[(i, 3)] = status_icon(suggested)
        self.findings.set_rows(rows, [c.goal for c in a.contradictions], icons)
        self.groups["findings"].setTitle(
            self.tr("Konsistenzbefunde (Status widerspricht den Terminen): {0}").format(len(rows))
        )

    # -- clicks --------------------------------------------------------------------------------
    def _count_clicked(self, model: RecordsModel, index) -> None:
        base = index.data(PAYLOAD_ROLE)
        if base is None:
            return
        col = index.column()
        status = STATUS_ORDER[col - 2] if col >= 2 else None
        self.filter_requested.emit(dataclasses.replace(base, status=status))

    def _goal_clicked(self, index) -> None:
        key = index.data(PAYLOAD_ROLE)
        if key:
            self.goal_requested.emit(key)
