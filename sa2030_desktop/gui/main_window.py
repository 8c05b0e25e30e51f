"""The main window: Stichtag toolbar, tabs (Ziele, Übersicht), undo history, features.

Feature modules (gui/features.py) declare their views, docks and menu entries; the window
assembles them (gui/assembly.py) and declares its own in gui/window_actions.py.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QRect, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QUndoStack
from PySide6.QtWidgets import (
    QDateEdit,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QToolBar,
    QUndoView,
    QWidget,
)

from sa2030_desktop.domain.grammar import count_de
from sa2030_desktop.domain.selection import Selection
from sa2030_desktop.gui import features, settings
from sa2030_desktop.gui.accessibility import name_toolbar
from sa2030_desktop.gui.assembly import Assembly, add_dock
from sa2030_desktop.gui.features import ActiveView, DeclaredAction, Feature
from sa2030_desktop.gui.file_actions import FileActions
from sa2030_desktop.gui.store_bridge import StoreBridge
from sa2030_desktop.gui.table.goal_table_page import GoalTablePage
from sa2030_desktop.gui.tasks import TaskRunner
from sa2030_desktop.gui.view_tabs import LazyView, ViewTabs, resolve
from sa2030_desktop.gui.window_actions import window_declaration
from sa2030_desktop.messages import format_error
from sa2030_desktop.services import server

if TYPE_CHECKING:
    from sa2030_desktop.gui.overview import OverviewPage

log = logging.getLogger(__name__)
APP_TITLE = "SA2030 Planner"


class MainWindow(QMainWindow):
    """`strict` (the default, and in every test): a feature that fails to install raises. The
    application passes strict=False: the window opens without that feature and says so."""

    current_goal_changed = Signal(str)
    selection_changed = Signal(object)  # domain.selection.Selection of the goal table

    def __init__(
        self, bridge: StoreBridge, parent: QWidget | None = None, *, strict: bool = True
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.bridge = bridge
        self.undo_stack = QUndoStack(self)
        self.feature_errors: list[str] = []

        self.tabs = ViewTabs(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setAccessibleName(self.tr("Ansichten"))
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self._active_view: QWidget | None = None
        self.tabs.currentChanged.connect(self._tab_changed)
        self.table = GoalTablePage(bridge, self)
        self.overview_tab = LazyView(self._build_overview, self)  # Übersicht: built when shown
        self._build_toolbar()
        self.file_actions = FileActions(self)
        self.undo_view = QUndoView(self.undo_stack)
        self.undo_view.setEmptyLabel(self.tr("<Ursprünglicher Stand>"))
        self.undo_view.setAccessibleName(self.tr("Verlauf der Änderungen"))

        self.table.current_goal_changed.connect(self.current_goal_changed)
        self.table.selection_changed.connect(self.selection_changed)
        self.table.goal_activated.connect(self.current_goal_changed)
        bridge.changed.connect(self._changed)
        bridge.as_of_changed.connect(self._as_of_changed)
        self._status_note = QLabel(self)
        self.statusBar().addPermanentWidget(self._status_note)
        self.assembly = Assembly(self, self.add_view)
        self.assembly.add(window_declaration(self))
        self._install_features(strict)
        self.assembly.build()
        self.menus = {p: m for p, m in self.assembly.menus.items() if "/" not in p}
        self.history_dock = self.assembly.docks["history"]
        self.history_dock.setObjectName("historyDock")
        for feature in self.assembly.features.values():
            if feature.assembled is not None:
                feature.assembled()
        self._arrange_docks()
        self._update_title()
        self._restore_layout()

    # -- contract for feature modules --------------------------------------------------------------
    def feature(self, name: str) -> Feature:
        """The installed feature `name` (KeyError when it is not installed)."""
        return self.assembly.features[name]

    def action(self, ident: str) -> QAction:
        """The action declared with id `ident` (KeyError when there is none)."""
        return self.assembly.actions[ident]

    def menu(self, path: str) -> QMenu:
        """A declared menu by path: "file", "exchange/export"."""
        return self.assembly.menus[path]

    def dock(self, ident: str) -> QDockWidget:
        return self.assembly.docks[ident]

    def declared_actions(self) -> list[DeclaredAction]:
        """Every menu action (id, menu path, text, shortcut) in menu order; the in-app help
        builds its shortcut overview from this list."""
        return self.assembly.declared()

    @property
    def overview(self) -> OverviewPage:
        return self.overview_tab.widget()

    def _build_overview(self) -> OverviewPage:
        from sa2030_desktop.gui.overview import OverviewPage

        page = OverviewPage(self.bridge, self)
        page.filter_requested.connect(self.show_filtered)
        page.goal_requested.connect(self._show_goal)
        return page

    def add_view(self, widget: QWidget, title: str) -> int:
        """A tab. A widget with `set_active(bool)` is told when its tab is shown or hidden, so
        it can rebuild only while it is seen (10,000 goals: hidden views cost nothing)."""
        if not widget.accessibleName():
            widget.setAccessibleName(title)
        index = self.tabs.add_view(widget, title)
        if isinstance(widget, ActiveView):
            widget.set_active(self.tabs.currentWidget() is widget)
        return index

    def show_view(self, widget: QWidget) -> None:
        self.tabs.setCurrentWidget(resolve(widget))

    def _tab_changed(self, _index: int) -> None:
        current = self.tabs.currentWidget()
        if isinstance(current, LazyView):  # shown the first time: built, and in the tab now
            current = current.widget()
        if self._active_view is not None and self._active_view is not current:
            self._active_view.set_active(False)
            self._active_view = None
        if isinstance(current, ActiveView) and self._active_view is not current:
            self._active_view = current
            current.set_active(True)

    def add_dock(
        self, widget: QWidget, title: str, area=Qt.DockWidgetArea.RightDockWidgetArea
    ) -> QDockWidget:
        """A dock added after the window is built (its toggle goes to the end of Ansicht)."""
        dock = add_dock(self, widget, title, area)
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
        if "help" in self.assembly.features:  # a „Hilfe“ button to the rule behind the refusal
            self.assembly.features["help"].refusal(box, exc)
        box.open()
        self.last_error = box
        return box

    def show_filtered(self, selection: Selection) -> None:
        """Filter the goal table and bring it to the front (used by the overview's figures)."""
        self.table.set_selection(selection)
        self.tabs.setCurrentWidget(self.table)

    # -- building --------------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self.tr("Werkzeugleiste"), self)
        self.toolbar.setObjectName("mainToolbar")
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        name_toolbar(self.toolbar)
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

    def _install_features(self, strict: bool) -> None:
        for name in features.FEATURES:
            try:
                self.assembly.add(importlib.import_module(name).declare(self))
            except Exception as exc:
                if strict:
                    raise
                log.exception("Feature %s konnte nicht geladen werden", name)
                self.feature_errors.append(f"{name}: {exc}")
        if self.feature_errors:
            self._status_note.setText(
                self.tr("{0} nicht geladen – siehe Protokoll").format(
                    count_de(len(self.feature_errors), "Erweiterung", "Erweiterungen")
                )
            )
            self._status_note.setToolTip("\n".join(self.feature_errors))

    def _report_feature_errors(self) -> None:
        """A real start opens without a broken feature, but says so (never silently)."""
        box = QMessageBox(QMessageBox.Icon.Critical, APP_TITLE, self.tr(
            "Ein Teil des Programms konnte nicht geladen werden; das Fenster öffnet ohne ihn. "
            "Bitte melden Sie diesen Fehler:\n\n{0}").format("\n".join(self.feature_errors)),
            QMessageBox.StandardButton.Ok, self)  # fmt: skip
        box.setObjectName("featureErrors")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

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
        where = server.where(store)  # the team server: which one and as whom (TEAM.md)
        parts = [where or store.path.name]
        if store.readonly:
            parts[0] += " " + self.tr("[schreibgeschützt]")
        if self.bridge.snapshot().info.demo:
            parts.append(self.tr("Demodaten – illustrativ"))
        parts.append(APP_TITLE)
        self.setWindowTitle(" – ".join(parts))
        self.setWindowFilePath("" if where else str(store.path))

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("Über SA2030 Planner"),
            self.tr("SA2030 Planner – Zielportfolio der Digitalstrategie "
                    "„Sachsen-Anhalt Digital 2030“ planen und überwachen."),
        )  # fmt: skip

    # -- window layout ---------------------------------------------------------------------------
    def _arrange_docks(self) -> None:
        """A dock declared `tab_with` another shares its place as a tab, in front (the goal
        detail with the undo history: the detail gets the height)."""
        for spec in self.assembly.dock_specs():
            if spec.tab_with:
                dock = self.assembly.docks[spec.id]
                self.tabifyDockWidget(dock, self.assembly.docks[spec.tab_with])
                dock.raise_()

    def _layout_key(self) -> str:
        """Settings of the window's layout, per screen size: the laptop alone, the laptop at the
        office's 24-inch screen and at the projector each keep their own arrangement."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        size = screen.availableGeometry().size()
        return f"window/{size.width()}x{size.height()}"

    def _restore_layout(self) -> None:
        s = settings.settings()
        key = self._layout_key()
        geometry = s.value(f"{key}/geometry")
        self.first_start = geometry is None
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            screen = self.screen() or QGuiApplication.primaryScreen()
            size, _maximize = first_start_geometry(screen.availableGeometry())
            self.resize(size)
        state = s.value(f"{key}/state")
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
            for spec in self.assembly.dock_specs():
                if spec.first_start_width is not None:
                    self.resizeDocks([self.assembly.docks[spec.id]],
                                     [spec.first_start_width(width)],
                                     Qt.Orientation.Horizontal)  # fmt: skip
        if self.first_start and maximize:
            self.setGeometry(available)  # also without a window manager that maximizes
            self.showMaximized()
        else:
            if self.first_start:
                self.resize(size)
                self.move(available.center() - self.rect().center())
            self.show()
        if self.feature_errors:
            self._report_feature_errors()
        hint = small_screen_hint(available)
        if hint:
            self._say_small_screen(hint)

    def _say_small_screen(self, text: str) -> QMessageBox:
        """A screen below 1280×720: said once at start and kept in the status bar — never a
        silently cut window."""
        note = QLabel(self.tr("Bildschirm kleiner als 1280 × 720"), self)
        note.setObjectName("smallScreenNote")
        note.setToolTip(text)
        self.statusBar().addPermanentWidget(note)
        box = QMessageBox(QMessageBox.Icon.Information, APP_TITLE, text,
                          QMessageBox.StandardButton.Ok, self)  # fmt: skip
        box.setObjectName("smallScreenHint")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def save_layout(self) -> None:
        s = settings.settings()
        key = self._layout_key()
        s.setValue(f"{key}/geometry", self.saveGeometry())
        s.setValue(f"{key}/state", self.saveState())

    def closeEvent(self, event) -> None:
        for feature in self.assembly.features.values():
            if feature.closing is not None:
                feature.closing()
        self.save_layout()
        TaskRunner.of(self).shutdown()  # cancel and wait: no worker outlives the window
        super().closeEvent(event)


SMALL_SCREEN = QSize(1600, 900)
MIN_SCREEN = QSize(1280, 720)  # the smallest screen (a projector) every view is made for


def small_screen_hint(available: QRect) -> str:
    """The German hint for a screen smaller than 1280×720, else ""."""
    if available.width() >= MIN_SCREEN.width() and available.height() >= MIN_SCREEN.height():
        return ""
    return QCoreApplication.translate(
        "MainWindow",
        "Der Bildschirm bietet nur {0} × {1} Pixel; SA2030 Planner ist für mindestens "
        "1280 × 720 eingerichtet. Ansichten, die nicht ganz passen, lassen sich mit den "
        "Bildlaufleisten verschieben; die Zieldetails lassen sich unter „Ansicht“ ausblenden. "
        "Mehr Platz: Anzeige-Skalierung verringern oder das Fenster auf einen größeren "
        "Bildschirm ziehen.",
    ).format(available.width(), available.height())


def first_start_geometry(available: QRect) -> tuple[QSize, bool]:
    """The window size at first start for a screen's available geometry: 90 % of it (never
    larger than the screen), and whether to maximize (laptop screens below 1600×900)."""
    size = QSize(round(available.width() * 0.9), round(available.height() * 0.9))
    small = available.width() < SMALL_SCREEN.width() or available.height() < SMALL_SCREEN.height()
    return size, small
