"""Declares the goal detail dock, „Neues Ziel …“/„Ziel löschen …“, the change log and the
reference-data dialog into the main window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QScrollArea

from sa2030_desktop.gui.changelog import ChangeLogWidget
from sa2030_desktop.gui.commands import push_operation
from sa2030_desktop.gui.detail.goal_dialogs import NewGoalDialog, confirm_delete
from sa2030_desktop.gui.detail.panel import GoalDetailPanel
from sa2030_desktop.gui.detail.strip import DetailStrip
from sa2030_desktop.gui.features import ActionSpec, DockSpec, Feature
from sa2030_desktop.services import operations as ops


def _t(text: str) -> str:
    return QCoreApplication.translate("GoalDetailFeature", text)


class DetailFeature(Feature):
    """The goal detail dock and the change log; other code reaches them as `panel`/`change_log`."""

    def __init__(self, window) -> None:
        super().__init__("detail")
        self.window = window
        self.panel = GoalDetailPanel(window)
        self.change_log = ChangeLogWidget(window.bridge)
        self.change_log.setObjectName("changeLog")
        self._log_sized = False
        self.docks = [
            DockSpec("goal_detail", _t("Zieldetails"), DetailScroll(self.panel),
                     object_name="dock_GoalDetailPanel",  # saved layouts keep working
                     menu_text=_t("&Zieldetails"), shortcut="Ctrl+Shift+D",
                     section=20, order=20, tab_with="history",
                     # the table keeps the larger part of a small screen
                     first_start_width=lambda width: min(880, max(510, round(width * 0.38))),
                     help="zieldetails"),
            DockSpec("change_log", _t("Änderungsprotokoll"), self.change_log,
                     Qt.DockWidgetArea.BottomDockWidgetArea, menu_text=_t("Änderungs&protokoll"),
                     shortcut="Ctrl+Shift+L", section=20, order=30, hidden=True,
                     help="aenderungsprotokoll"),
        ]  # fmt: skip
        self.actions = [
            ActionSpec("edit.new_goal", "edit", _t("&Neues Ziel …"), lambda: create_goal(window),
                       "Ctrl+N", 30, 10, window_shortcut=True, object_name="actionNewGoal"),
            ActionSpec("edit.delete_goal", "edit", _t("Ziel &löschen …"),
                       lambda: remove_goal(window), QKeySequence.StandardKey.Delete, 30, 20,
                       window_shortcut=True, object_name="actionDeleteGoal"),
            ActionSpec("edit.reference_data", "edit",
                       _t("&Stammdaten (Ressorts, Kategorien, Themenfelder) …"),
                       lambda: open_reference_dialog(window), None, 30, 30,
                       object_name="actionReferenceData"),
        ]  # fmt: skip
        self.assembled = self._assembled

    def _assembled(self) -> None:
        # folds into a strip on a narrow window; Eingabe on a goal unfolds it (gui/detail/strip.py)
        spec = next(d for d in self.docks if d.id == "goal_detail")
        self.strip = DetailStrip(self.window, self.window.dock("goal_detail"),
                                 spec.first_start_width, self.panel.tabs)  # fmt: skip
        self.window.table.goal_activated.connect(lambda _key: self.strip.expand())
        self.change_log_dock = self.window.dock("change_log")
        self.change_log_dock.visibilityChanged.connect(self._first_show)

    def _first_show(self, visible: bool) -> None:
        # A freshly shown bottom dock gets room for about ten rows (later: the user's size).
        if visible and not self._log_sized:
            self._log_sized = True
            self.window.resizeDocks([self.change_log_dock], [340], Qt.Orientation.Vertical)


def declare(window) -> DetailFeature:
    return DetailFeature(window)


class DetailScroll(QScrollArea):
    """The detail panel scrolls instead of forcing its width on the window: on a laptop screen
    the dock may be narrower than the panel's sections (the window must fit the screen)."""

    def __init__(self, panel) -> None:
        super().__init__()
        self.setObjectName("goalDetailScroll")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setWidget(panel)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self.widget().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(240, 200)


def create_goal(window) -> bool:
    dialog = NewGoalDialog(window, window.bridge)
    if not dialog.exec() or dialog.goal is None:
        return False
    if push_operation(window, window.undo_stack, ops.CreateGoal(dialog.goal), window.bridge):
        window.select_goal(dialog.goal.key)
        return True
    return False


def remove_goal(window) -> bool:
    """Del: inside a detail list it removes that row (milestone, indicator, dependency)."""
    panel = window.feature("detail").panel
    focus = QApplication.focusWidget()
    local = {
        panel.milestones.view: panel.milestones.delete_milestone,
        panel.indicators.view: panel.indicators.delete_indicator,
        panel.relations.views["needs"]: panel.relations.remove_dependency,
        panel.relations.views["needed_by"]: panel.relations.remove_dependency,
    }
    if focus in local:
        local[focus]()
        return False
    key = window.current_goal()
    portfolio = window.bridge.snapshot()
    if not key or key not in portfolio.goals:
        return False
    if not confirm_delete(window, portfolio, key):
        return False
    return push_operation(window, window.undo_stack, ops.DeleteGoal(key), window.bridge)


def open_reference_dialog(window) -> None:
    from sa2030_desktop.gui.reference_dialog import ReferenceDialog

    ReferenceDialog(window, window.bridge, window.undo_stack).exec()
