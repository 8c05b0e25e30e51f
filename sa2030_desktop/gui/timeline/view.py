"""The „Zeitplan“ tab: toolbar, canvas, what-if panel; edits go through undo commands."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.model import Portfolio
from sa2030_desktop.domain.selection import Selection
from sa2030_desktop.domain.timeline_layout import TimelineLayout, TimelineOptions, build_layout
from sa2030_desktop.domain.whatif import WhatIfResult, apply_forecasts, evaluate
from sa2030_desktop.gui.help.context import help_link_label
from sa2030_desktop.gui.store_bridge import StoreBridge
from sa2030_desktop.gui.tasks import TaskRunner
from sa2030_desktop.gui.timeline.canvas import TimelineCanvas
from sa2030_desktop.gui.timeline.dialogs import DateCommentDialog
from sa2030_desktop.gui.timeline.whatif_panel import WhatIfPanel
from sa2030_desktop.gui.wrap_layout import WrapLayout
from sa2030_desktop.messages import format_error
from sa2030_desktop.services import operations as ops

BANNER_BACKGROUND, BANNER_TEXT = "#BF360C", "#FFFFFF"  # 5.6:1 (white on orange was 3.1:1)
BANNER = f"background:{BANNER_BACKGROUND};color:{BANNER_TEXT};font-weight:bold;padding:6px;"


class TimelineView(QWidget):
    exported = Signal(object)  # list[Path]
    export_failed = Signal(str)

    def __init__(
        self,
        bridge: StoreBridge,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        active: bool = True,
    ) -> None:
        super().__init__(parent)
        self._active, self._dirty = active, True  # hidden tab: rebuilt when shown (set_active)
        self.setObjectName("timelineView")
        self.bridge = bridge
        self.undo_stack = undo_stack
        self.selection = Selection()
        self.whatif_changes: dict[str, date] = {}
        self.whatif_result: WhatIfResult | None = None
        self.layout_: TimelineLayout | None = None
        self._jobs: list = []  # running export Tasks
        self._build()
        bridge.changed.connect(self.rebuild)
        bridge.as_of_changed.connect(self.rebuild)
        self.rebuild()
        self.canvas.scroll_to_day(self.bridge.as_of)

    # -- widgets ---------------------------------------------------------------------------------
    def _build(self) -> None:
        # the tools wrap into a second row on a laptop instead of widening the window
        tools = QWidget(self)
        tools.setObjectName("timelineTools")
        bar = WrapLayout(tools, spacing=6, row_spacing=4)
        bar.setContentsMargins(0, 0, 0, 0)
        self.group_combo = QComboBox(self)
        self.group_combo.setAccessibleName(self.tr("Gruppierung"))
        for code, label in (("ministry", self.tr("nach Ressort")), ("theme", self.tr("nach Themenfeld")),
                            ("category", self.tr("nach Zielkategorie"))):  # fmt: skip
            self.group_combo.addItem(label, code)
        self.window_check = QCheckBox(self.tr("&Zeitraum"), self)
        self.from_edit = self._date_edit(self.tr("Zeitraum von"))
        self.to_edit = self._date_edit(self.tr("Zeitraum bis"))
        today = QDate.currentDate()
        self.from_edit.setDate(QDate(today.year(), 1, 1))
        self.to_edit.setDate(QDate(today.year() + 1, 12, 31))
        self.zoom_combo = QComboBox(self)
        self.zoom_combo.setAccessibleName(self.tr("Zoom"))
        for code, label in (("month", self.tr("Monate")), ("quarter", self.tr("Quartale")),
                            ("year", self.tr("Jahre")), ("fit", self.tr("Alles"))):  # fmt: skip
            self.zoom_combo.addItem(label, code)
        self.zoom_combo.setCurrentIndex(1)
        self.whatif_button = QPushButton(self.tr("&Was-wäre-wenn"), self)
        self.whatif_button.setObjectName("whatIfToggle")
        self.whatif_button.setCheckable(True)
        self.export_button = QPushButton(self.tr("E&xportieren…"), self)
        self.cancel_export_button = QPushButton(self.tr("Export abbrechen"), self)
        self.cancel_export_button.hide()
        for w in (QLabel(self.tr("Gruppierung:"), self), self.group_combo, self.window_check,
                  self.from_edit, QLabel("–", self), self.to_edit, QLabel(self.tr("Zoom:"), self),
                  self.zoom_combo):  # fmt: skip
            bar.addWidget(w)
        bar.addWidget(self.whatif_button)
        bar.addWidget(self.export_button)
        bar.addWidget(self.cancel_export_button)

        self.banner = QLabel(self.tr("Simulation – nichts wird gespeichert"), self)
        self.banner.setObjectName("whatIfBanner")
        self.banner.setStyleSheet(BANNER)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.hide()
        self.message = QLabel(self)
        self.message.setObjectName("timelineMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.empty_help = help_link_label("zeitplan", self)  # beside the empty state only
        self.empty_help.hide()
        self.canvas = TimelineCanvas(self)
        self.panel = WhatIfPanel(self)
        self.panel.hide()
        self.splitter = QSplitter(self)
        self.splitter.addWidget(self.canvas)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(tools)
        layout.addWidget(self.banner)
        layout.addWidget(self.message)
        layout.addWidget(self.empty_help)
        layout.addWidget(self.splitter, 1)

        self.group_combo.currentIndexChanged.connect(self.rebuild)
        self.window_check.toggled.connect(self.rebuild)
        self.from_edit.dateChanged.connect(self._window_edited)
        self.to_edit.dateChanged.connect(self._window_edited)
        self.zoom_combo.currentIndexChanged.connect(self._zoom_chosen)
        self.whatif_button.toggled.connect(self.set_whatif)
        self.export_button.clicked.connect(self.export_dialog)
        self.cancel_export_button.clicked.connect(self.cancel_export)
        self.canvas.forecast_dropped.connect(self.move_forecast)
        self.canvas.group_toggled.connect(self.toggle_group)
        self.canvas.milestone_menu.connect(self._milestone_menu)
        self.panel.apply_requested.connect(self.apply_whatif)
        self.panel.discard_requested.connect(self.discard_whatif)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd.MM.yyyy")
        edit.setAccessibleName(name)
        return edit

    # -- state -----------------------------------------------------------------------------------
    @property
    def whatif_active(self) -> bool:
        return self.whatif_button.isChecked()

    def options(self) -> TimelineOptions:
        d_from = d_to = None
        if self.window_check.isChecked():
            d_from, d_to = self.from_edit.date().toPython(), self.to_edit.date().toPython()
        return TimelineOptions(
            self.selection, d_from, d_to, self.group_combo.currentData(), set(self.canvas.collapsed)
        )

    def portfolio(self) -> Portfolio:
        """What the canvas shows: the stored snapshot, or its what-if copy."""
        snap = self.bridge.snapshot()
        if self.whatif_active and self.whatif_changes:
            return apply_forecasts(snap, self.whatif_changes)
        return snap

    def set_selection(self, selection: Selection) -> None:
        self.selection = selection or Selection()
        self.rebuild()

    def toggle_group(self, gid: str) -> None:
        self.canvas.collapsed ^= {gid}
        self.rebuild()

    def set_active(self, active: bool) -> None:
        """Main window: the tab is shown (rebuild if something changed meanwhile) or hidden."""
        self._active = active
        if active and self._dirty:
            first = self.layout_ is None
            self.rebuild()
            if first:
                self.canvas.scroll_to_day(self.bridge.as_of)

    def rebuild(self, *_args) -> None:
        if not self._active:  # a hidden tab only notes that it is out of date
            self._dirty = True
            return
        self._dirty = False
        snap = self.bridge.snapshot()
        self.whatif_changes = {k: v for k, v in self.whatif_changes.items() if k in snap.milestones}
        as_of = self.bridge.as_of
        self._show_message("")
        try:
            layout = build_layout(self.portfolio(), as_of, self.options())
        except DomainError as exc:
            self._show_message(format_error(exc))
            layout = build_layout(Portfolio(info=snap.info), as_of)
        if self.whatif_active:
            layout.title += self.tr(" – Simulation (nicht gespeichert)")
        self.empty_help.setVisible(layout.goal_count == 0)
        if layout.goal_count == 0 and not self.message.isVisible():
            opts = self.options()
            text = (
                self.tr("Im Zeitraum {0} liegen keine Meilensteine der Auswahl.").format(
                    layout.window_text
                )
                if opts.date_from
                else self.tr("Die Auswahl enthält keine Ziele.")
            )
            self._show_message(text)
        self.layout_ = layout
        self.canvas.highlight = set(self.whatif_changes) if self.whatif_active else set()
        self.canvas.set_layout(layout)
        if self.whatif_active:
            self.whatif_result = evaluate(snap, self.whatif_changes, as_of)
            self.panel.show_result(self.whatif_result)
        self.export_button.setEnabled(layout.goal_count > 0)

    def _window_edited(self, *_args) -> None:
        if self.window_check.isChecked():
            self.rebuild()

    def _zoom_chosen(self, *_args) -> None:
        unit = self.zoom_combo.currentData()
        if unit == "fit":
            self.canvas.fit_all()
        else:
            self.canvas.zoom_to(unit)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        if text and self.canvas.hasFocus():  # a refused key press: the keyboard user hears why
            self.canvas.keys.say(text)

    # -- editing ---------------------------------------------------------------------------------
    def move_forecast(self, key: str, day: date) -> bool:
        """Drag result: a new forecast (saved with undo), or a simulated one in what-if mode."""
        operation = ops.UpdateMilestone(
            key, {"forecast": day}, self.tr("Prognose im Zeitplan verschoben")
        )
        if self.whatif_active:
            try:  # a simulated date obeys the same rules, judged on the simulation
                operation.check_against(self.portfolio())
            except DomainError as exc:
                self._show_message(format_error(exc))
                return False
            if self.bridge.snapshot().milestones[key].forecast == day:
                self.whatif_changes.pop(key, None)
            else:
                self.whatif_changes[key] = day
            self.rebuild()
            return True
        return self._push(operation)

    def set_actual(self, key: str, day: date) -> bool:
        return self._push(
            ops.UpdateMilestone(key, {"actual": day}, self.tr("Ist-Datum im Zeitplan gesetzt"))
        )

    def rebaseline(self, key: str, day: date, comment: str) -> bool:
        return self._push(ops.Rebaseline(key, day, comment))

    def _push(self, operation) -> bool:
        """Undoable; a refusal shows its German message in the view's message line."""
        from sa2030_desktop.gui.commands import push_operation

        return push_operation(self, self.undo_stack, operation, self.bridge, self._show_message)

    def _milestone_menu(self, key: str, global_pos) -> None:
        ms = self.bridge.snapshot().milestones.get(key)
        if ms is None:
            return
        menu = QMenu(self)
        actual = menu.addAction(self.tr("Ist-Datum setzen…"))
        rebase = menu.addAction(self.tr("Neuer Basistermin…"))
        actual.setEnabled(ms.actual is None and not self.whatif_active)
        rebase.setEnabled(not self.whatif_active)
        chosen = menu.exec(global_pos)
        if chosen is actual:
            dialog = DateCommentDialog(
                self.tr("Ist-Datum für {0}").format(key),
                date.today(),
                comment_required=False,
                latest=date.today(),
                parent=self,
            )
            if dialog.exec():
                self.set_actual(key, dialog.day())
        elif chosen is rebase:
            dialog = DateCommentDialog(
                self.tr("Neuer Basistermin für {0}").format(key),
                ms.baseline or date.today(),
                comment_required=True,
                parent=self,
            )
            if dialog.exec():
                self.rebaseline(key, dialog.day(), dialog.comment())

    # -- what-if ---------------------------------------------------------------------------------
    def set_whatif(self, on: bool) -> None:
        if self.whatif_button.isChecked() != on:
            self.whatif_button.setChecked(on)  # re-enters through toggled
            return
        if not on:
            self.whatif_changes.clear()
            self.whatif_result = None
            self.panel.clear()
        self.banner.setVisible(on)
        self.panel.setVisible(on)
        self.rebuild()

    def simulate(self, changes: dict[str, date]) -> None:
        """Set several simulated forecasts at once (as if dragged)."""
        if not self.whatif_active:
            self.set_whatif(True)
        for key, day in changes.items():
            self.move_forecast(key, day)

    def apply_whatif(self, comment: str) -> bool:
        """„Übernehmen“: every simulated forecast in ONE undoable, logged step."""
        if not self.whatif_changes:
            return False
        if not comment.strip():
            self.panel.message.setText(self.tr("Bitte einen Kommentar angeben."))
            return False
        operation = ops.SetForecasts(dict(self.whatif_changes), comment)
        if not self._push(operation):
            return False
        self.set_whatif(False)
        return True

    def discard_whatif(self) -> None:
        """„Verwerfen“: forget every simulated change; nothing was ever written."""
        self.whatif_changes.clear()
        self.panel.clear()
        self.rebuild()

    # -- export ----------------------------------------------------------------------------------
    def export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Zeitplan exportieren"),
            "zeitplan.pdf",
            self.tr("PDF (*.pdf);;PNG-Bild (*.png);;SVG-Grafik (*.svg)"),
        )
        if path:
            self.export_to(path)

    def export_to(self, path) -> None:
        """Write what the view shows (filters, window, collapsed groups, simulation) in a worker."""
        from sa2030_desktop.services.figures import save_timeline_layout

        layout, options = self.layout_, self.options()
        self._jobs.append(TaskRunner.of(self).submit(
            lambda progress, token: save_timeline_layout(
                layout, path, options, progress=progress, token=token),
            self._export_outcome, on_progress=self._export_progress,
        ))  # fmt: skip
        self.export_button.setEnabled(False)
        self.cancel_export_button.show()
        self._show_message(self.tr("Export läuft …"))

    def cancel_export(self) -> None:
        for job in self._jobs:
            job.cancel()

    def _export_progress(self, _fraction: float, text: str) -> None:
        if self._jobs and not self._jobs[-1].token.cancelled:
            self._show_message(self.tr("Export läuft … {0}").format(text))

    def _export_outcome(self, outcome) -> None:
        if outcome.ok:
            self._export_done(outcome.result)
        else:
            self._export_failed(outcome.message)

    def _export_finished(self) -> None:
        self._jobs.clear()
        self.export_button.setEnabled(True)
        self.cancel_export_button.hide()

    def _export_done(self, paths) -> None:
        self._export_finished()
        self._show_message(self.tr("Exportiert: {0}").format(", ".join(str(p) for p in paths)))
        self.exported.emit(paths)

    def _export_failed(self, text: str) -> None:
        self._export_finished()
        self._show_message(text)
        self.export_failed.emit(text)
