"""The main window: menus, Stichtag toolbar, tabs (Ziele, Übersicht), undo history, features.

Feature modules (gui/features.py) add their own views, docks and menu entries through
`add_view`, `add_dock` and `menus`; the window itself stays small.
"""

from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import QDate, QRect, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDateEdit,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QUndoView,
    QWidget,
)

from sa2030_desktop.domain.selection import Selection
from sa2030_desktop.gui import features, settings
from sa2030_desktop.gui.file_actions import FileActions
from sa2030_desktop.gui.overview import OverviewPage
from sa2030_desktop.gui.store_bridge import StoreBridge
from sa2030_desktop.gui.table.goal_table_page import GoalTablePage
from sa2030_desktop.messages import format_error

log = logging.getLogger(__name__)
APP_TITLE = "SA2030 Planner"


class ViewTabs(QTabWidget):
    """The views' tabs. Only the shown view's minimum width counts for the window: a wide hidden
    view (the timeline's tool row) must not push the goal detail off a laptop screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _i: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        page = self.currentWidget()
        bar = self.tabBar().minimumSizeHint()
        if page is None:
            return bar
        inner = page.minimumSizeHint().expandedTo(page.minimumSize())
        return QSize(max(bar.width(), inner.width()), bar.height() + inner.height())


class MainWindow(QMainWindow):
    current_goal_changed = Signal(str)
    selection_changed = Signal(object)  # domain.selection.Selection of the goal table

    def __init__(self, bridge: StoreBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.bridge = bridge
        self.undo_stack = QUndoStack(self)
        self.menus: dict[str, QMenu] = {}
        self.feature_errors: list[str] = []

        self.tabs = ViewTabs(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setAccessibleName(self.tr("Ansichten"))
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self._active_view: QWidget | None = None
        self.tabs.currentChanged.connect(self._tab_changed)
        self.table = GoalTablePage(bridge, self)
        self.overview = OverviewPage(bridge, self)
        self.add_view(self.table, self.tr("Ziele"))
        self.add_view(self.overview, self.tr("Übersicht"))

        self._build_menus()
        self._build_toolbar()
        self.file_actions = FileActions(self)
        self._build_edit_view_help()
        self.undo_view = QUndoView(self.undo_stack)
        self.undo_view.setEmptyLabel(self.tr("<Ursprünglicher Stand>"))
        self.undo_view.setAccessibleName(self.tr("Verlauf der Änderungen"))
        self.history_dock = self.add_dock(self.undo_view, self.tr("Verlauf"))
        self.history_dock.setObjectName("historyDock")

        self.table.current_goal_changed.connect(self.current_goal_changed)
        self.table.selection_changed.connect(self.selection_changed)
        self.table.goal_activated.connect(self.current_goal_changed)
        self.overview.filter_requested.connect(self.show_filtered)
        self.overview.goal_requested.connect(self._show_goal)
        bridge.changed.connect(self._changed)
        bridge.as_of_changed.connect(self._as_of_changed)
        self._status_note = QLabel(self)
        self.statusBar().addPermanentWidget(self._status_note)
        self._install_features()
        self._arrange_docks()
        self._update_title()
        self._restore_layout()

    # -- contract for feature modules --------------------------------------------------------------
    def add_view(self, widget: QWidget, title: str) -> int:
        """A tab. A widget with `set_active(bool)` is told when its tab is shown or hidden, so
        it can rebuild only while it is seen (10,000 goals: hidden views cost nothing)."""
        if not widget.accessibleName():
            widget.setAccessibleName(title)
        index = self.tabs.addTab(widget, title)
        if callable(getattr(widget, "set_active", None)):
            widget.set_active(self.tabs.currentWidget() is widget)
        return index

    def _tab_changed(self, _index: int) -> None:
        current = self.tabs.currentWidget()
        if self._active_view is not None and self._active_view is not current:
            self._active_view.set_active(False)
            self._active_view = None
        if callable(getattr(current, "set_active", None)) and self._active_view is not current:
            self._active_view = current
            current.set_active(True)

    def add_dock(
        self, widget: QWidget, title: str, area=Qt.DockWidgetArea.RightDockWidgetArea
    ) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{widget.objectName() or title}")
        dock.setWidget(widget)
        if not widget.accessibleName():
            widget.setAccessibleName(title)
        self.addDockWidget(area, dock)
        if "view" in self.menus:
            self.menus["view"].addAction(dock.toggleViewAction())
        return dock

    def select_goal(self, key: str) -> bool:
        return self.table.select_goal(key)

    def current_goal(self) -> str | None:
        return self.table.current_goal()

    def current_selection(self) -> Selection:
        return self.table.selection()

    def show_error(self, exc: BaseException) -> QMessageBox:
        """The German message for a refused action; window-modal, does not block the caller."""
        box = QMessageBox(QMessageBox.Icon.Warning, APP_TITLE, format_error(exc),
                          QMessageBox.StandardButton.Ok, self)  # fmt: skip
        box.setObjectName("errorMessage")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_error = box
        return box

    def show_filtered(self, selection: Selection) -> None:
        """Filter the goal table and bring it to the front (used by the overview's figures)."""
        self.table.set_selection(selection)
        self.tabs.setCurrentWidget(self.table)

    # -- building --------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        for key, title in (("file", self.tr("&Datei")), ("edit", self.tr("&Bearbeiten")),
                           ("view", self.tr("&Ansicht")), ("analysis", self.tr("A&nalyse")),
                           ("exchange", self.tr("Aus&tausch")), ("help", self.tr("&Hilfe"))):  # fmt: skip
            menu = bar.addMenu(title)
            menu.setObjectName(f"menu_{key}")
            self.menus[key] = menu
        self.import_menu = self.menus["exchange"].addMenu(self.tr("&Import"))
        self.export_menu = self.menus["exchange"].addMenu(self.tr("&Export"))

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self.tr("Werkzeugleiste"), self)
        self.toolbar.setObjectName("mainToolbar")
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        label = QLabel(self.tr("&Stichtag:"), self)
        self.as_of_edit = QDateEdit(self)
        self.as_of_edit.setObjectName("asOfEdit")
        self.as_of_edit.setDisplayFormat("dd.MM.yyyy")
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setAccessibleName(self.tr("Stichtag"))
        self.as_of_edit.setToolTip(self.tr("Stichtag aller Auswertungen"))
        label.setBuddy(self.as_of_edit)
        label.setContentsMargins(6, 0, 4, 0)
        self.toolbar.addWidget(label)
        self.toolbar.addWidget(self.as_of_edit)
        self._sync_as_of_edit(self.bridge.as_of)
        self.as_of_edit.dateChanged.connect(self._as_of_edited)

    def _build_edit_view_help(self) -> None:
        edit = self.menus["edit"]
        undo = self.undo_stack.createUndoAction(self, self.tr("&Rückgängig"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("&Wiederherstellen"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit.addAction(undo)
        edit.addAction(redo)
        edit.addSeparator()
        find = QAction(self.tr("&Suchen…"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.focus_search)
        edit.addAction(find)
        reset = QAction(self.tr("Filter &zurücksetzen"), self)
        reset.triggered.connect(self.table.filter_bar.reset)
        edit.addAction(reset)
        self.undo_action, self.redo_action, self.find_action = undo, redo, find

        view = self.menus["view"]
        for number, widget, title in ((1, self.table, self.tr("&Ziele")),
                                      (2, self.overview, self.tr("Ü&bersicht"))):  # fmt: skip
            action = QAction(title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, w=widget: self.tabs.setCurrentWidget(w))
            view.addAction(action)
        reload_action = QAction(self.tr("Neu &laden"), self)
        reload_action.setShortcut(QKeySequence("F5"))
        reload_action.triggered.connect(self.reload)
        view.addAction(reload_action)
        view.addSeparator()
        self.reload_action = reload_action
        self.addActions([undo, redo, find, reload_action])

        about = QAction(self.tr("Ü&ber SA2030 Planner"), self)
        about.triggered.connect(self._about)
        self.menus["help"].addAction(about)

    def _install_features(self) -> None:
        for name in features.FEATURES:
            try:
                importlib.import_module(name).install(self)
            except Exception as exc:  # a broken feature must not take the window down
                log.exception("Feature %s konnte nicht geladen werden", name)
                self.feature_errors.append(f"{name}: {exc}")
        if self.feature_errors:
            self._status_note.setText(
                self.tr("{0} Erweiterung(en) nicht geladen – siehe Protokoll").format(
                    len(self.feature_errors)
                )
            )
            self._status_note.setToolTip("\n".join(self.feature_errors))

    # -- reactions -------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.table)
        self.table.filter_bar.focus_search()

    def reload(self) -> None:
        self.bridge.reload()
        self.statusBar().showMessage(self.tr("Neu geladen"), 3000)

    def _show_goal(self, key: str) -> None:
        self.tabs.setCurrentWidget(self.table)
        self.table.select_goal(key)

    def _changed(self, changes) -> None:
        if changes is None:
            self._update_title()

    def _as_of_changed(self, day) -> None:
        self._sync_as_of_edit(day)

    def _sync_as_of_edit(self, day) -> None:
        with QSignalBlocker(self.as_of_edit):
            self.as_of_edit.setDate(QDate(day.year, day.month, day.day))

    def _as_of_edited(self, qdate: QDate) -> None:
        day = qdate.toPython()
        if day != self.bridge.as_of:
            self.bridge.set_as_of(day)

    def _update_title(self) -> None:
        store = self.bridge.store
        parts = [store.path.name]
        if store.readonly:
            parts[0] += " " + self.tr("[schreibgeschützt]")
        if self.bridge.snapshot().info.demo:
            parts.append(self.tr("Demodaten – illustrativ"))
        parts.append(APP_TITLE)
        self.setWindowTitle(" – ".join(parts))
        self.setWindowFilePath(str(store.path))

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("Über SA2030 Planner"),
            self.tr("SA2030 Planner – Zielportfolio der Digitalstrategie "
                    "„Sachsen-Anhalt Digital 2030“ planen und überwachen."),
        )  # fmt: skip

    # -- window layout ---------------------------------------------------------------------------
    def _arrange_docks(self) -> None:
        """The undo history shares the goal detail's place as a tab: the detail gets the height."""
        detail = getattr(self, "goal_detail_dock", None)
        if detail is not None:
            self.tabifyDockWidget(detail, self.history_dock)
            detail.raise_()

    def _restore_layout(self) -> None:
        s = settings.settings()
        geometry = s.value("window/geometry")
        self.first_start = geometry is None
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            screen = self.screen() or QGuiApplication.primaryScreen()
            size, _maximize = first_start_geometry(screen.availableGeometry())
            self.resize(size)
        state = s.value("window/state")
        if state is not None:
            self.restoreState(state)

    def show_on_screen(self) -> None:
        """Show the window: the remembered geometry, or at first start fitted to the screen
        (maximized on a laptop-sized screen, else 90 % of it, centred)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        size, maximize = first_start_geometry(available)
        if self.first_start:
            width = available.width() if maximize else size.width()
            detail = getattr(self, "goal_detail_dock", None)
            if detail is not None:  # the table keeps the larger part of a small screen
                self.resizeDocks([detail], [min(880, round(width * 0.38))],
                                 Qt.Orientation.Horizontal)  # fmt: skip
        if self.first_start and maximize:
            self.setGeometry(available)  # also without a window manager that maximizes
            self.showMaximized()
            return
        if self.first_start:
            self.resize(size)
            self.move(available.center() - self.rect().center())
        self.show()

    def save_layout(self) -> None:
        s = settings.settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())

    def closeEvent(self, event) -> None:
        self.save_layout()
        super().closeEvent(event)


SMALL_SCREEN = QSize(1600, 900)


def first_start_geometry(available: QRect) -> tuple[QSize, bool]:
    """The window size at first start for a screen's available geometry: 90 % of it (never
    larger than the screen), and whether to maximize (laptop screens below 1600×900)."""
    size = QSize(round(available.width() * 0.9), round(available.height() * 0.9))
    small = available.width() < SMALL_SCREEN.width() or available.height() < SMALL_SCREEN.height()
    return size, small
