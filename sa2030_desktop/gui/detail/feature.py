"""Installs the goal detail dock, „Neues Ziel …“/„Ziel löschen …“, the change log and the
reference-data dialog into the main window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QScrollArea

from sa2030_desktop.gui.changelog import ChangeLogWidget
from sa2030_desktop.gui.commands import CreateGoalCommand, DeleteGoalCommand, push_checked
from sa2030_desktop.gui.detail.goal_dialogs import NewGoalDialog, confirm_delete
from sa2030_desktop.gui.detail.panel import GoalDetailPanel


def _t(text: str) -> str:
    return QCoreApplication.translate("GoalDetailFeature", text)


def install(window) -> None:
    panel = GoalDetailPanel(window)
    window.goal_detail = panel
    window.goal_detail_dock = window.add_dock(
        DetailScroll(panel), _t("Zieldetails"), Qt.DockWidgetArea.RightDockWidgetArea
    )
    window.goal_detail_dock.setObjectName("dock_GoalDetailPanel")  # saved layouts keep working

    edit = window.menus["edit"]
    edit.addSeparator()
    new_goal = QAction(_t("&Neues Ziel …"), window)
    new_goal.setObjectName("actionNewGoal")
    new_goal.setShortcut(QKeySequence("Ctrl+N"))
    new_goal.triggered.connect(lambda: create_goal(window))
    delete_goal = QAction(_t("Ziel &löschen …"), window)
    delete_goal.setObjectName("actionDeleteGoal")
    delete_goal.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
    delete_goal.triggered.connect(lambda: remove_goal(window))
    # Ctrl+N belongs to „Neues Ziel“ (the daily action); a new portfolio file moves to
    # Ctrl+Shift+N so that the shortcut is not ambiguous (an ambiguous one fires neither).
    file_new = getattr(getattr(window, "file_actions", None), "new_action", None)
    if file_new is not None and file_new.shortcut() == new_goal.shortcut():
        file_new.setShortcut(QKeySequence("Ctrl+Shift+N"))
    edit.addAction(new_goal)
    edit.addAction(delete_goal)
    window.addAction(new_goal)
    window.addAction(delete_goal)

    reference = QAction(_t("&Stammdaten (Ressorts, Kategorien, Themenfelder) …"), window)
    reference.setObjectName("actionReferenceData")
    reference.triggered.connect(lambda: open_reference_dialog(window))
    edit.addAction(reference)

    log = ChangeLogWidget(window.bridge)
    log.setObjectName("changeLog")
    window.change_log = log
    dock = window.add_dock(log, _t("Änderungsprotokoll"), Qt.DockWidgetArea.BottomDockWidgetArea)
    dock.hide()
    window.change_log_dock = dock
    toggle = dock.toggleViewAction()
    toggle.setText(_t("Änderungs&protokoll"))
    toggle.setShortcut(QKeySequence("Ctrl+Shift+L"))
    if toggle not in window.menus["view"].actions():
        window.menus["view"].addAction(toggle)
    window.goal_detail_dock.raise_()

    def first_show(visible: bool) -> None:
        # A freshly shown bottom dock gets room for about ten rows (later: the user's size).
        if visible and not getattr(dock, "_sized", False):
            dock._sized = True
            window.resizeDocks([dock], [340], Qt.Orientation.Vertical)

    dock.visibilityChanged.connect(first_show)


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
    if push_checked(window, window.undo_stack, CreateGoalCommand(window.bridge, dialog.goal)):
        window.select_goal(dialog.goal.key)
        return True
    return False


def remove_goal(window) -> bool:
    """Del: inside a detail list it removes that row (milestone, indicator, dependency)."""
    panel = window.goal_detail
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
    return push_checked(window, window.undo_stack, DeleteGoalCommand(window.bridge, key))


def open_reference_dialog(window) -> None:
    from sa2030_desktop.gui.reference_dialog import ReferenceDialog

    ReferenceDialog(window, window.bridge, window.undo_stack).exec()
