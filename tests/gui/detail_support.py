"""Helpers for the goal-detail tests: a window to host the panel and answers to modal dialogs."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QTabWidget

from sa2030_desktop.gui.store_bridge import StoreBridge
from sa2030_desktop.persistence.store import Store

ROOT = Path(__file__).resolve().parents[2]


def main_window_committed() -> bool:
    """The real MainWindow once engineer A's module is in git; the stand-in until then."""
    out = subprocess.run(
        ["git", "ls-files", "sa2030_desktop/gui/main_window.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return bool(out.stdout.strip())


class StandInWindow(QMainWindow):
    """Same attribute names as gui.main_window.MainWindow (bridge, undo_stack, menus …)."""

    current_goal_changed = Signal(str)

    def __init__(self, bridge: StoreBridge) -> None:
        super().__init__()
        self.bridge = bridge
        self.undo_stack = QUndoStack(self)
        self.menus = {}
        for key, title in (
            ("file", "&Datei"),
            ("edit", "&Bearbeiten"),
            ("view", "&Ansicht"),
            ("analysis", "A&nalyse"),
            ("exchange", "&Austausch"),
            ("help", "&Hilfe"),
        ):
            self.menus[key] = self.menuBar().addMenu(title)
        undo = self.undo_stack.createUndoAction(self, "&Rückgängig")
        undo.setShortcut("Ctrl+Z")
        redo = self.undo_stack.createRedoAction(self, "&Wiederherstellen")
        redo.setShortcut("Ctrl+Y")
        self.menus["edit"].addAction(undo)
        self.menus["edit"].addAction(redo)
        self.tabs = QTabWidget(self)
        self.setCentralWidget(self.tabs)
        self._current: str | None = None

    def add_view(self, widget, title):
        return self.tabs.addTab(widget, title)

    def add_dock(self, widget, title, area=Qt.DockWidgetArea.RightDockWidgetArea):
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{widget.objectName() or title}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.menus["view"].addAction(dock.toggleViewAction())
        return dock

    def select_goal(self, key: str) -> bool:
        if key not in self.bridge.snapshot().goals:
            return False
        self._current = key
        self.current_goal_changed.emit(key)
        return True

    def current_goal(self) -> str | None:
        return self._current

    def show_error(self, exc):  # pragma: no cover - not used by the detail panel
        raise exc


def make_window(qtbot, store: Store, tmp_path):
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    bridge = StoreBridge(store)
    if main_window_committed():
        from sa2030_desktop.gui import features
        from sa2030_desktop.gui.main_window import MainWindow

        # Only the feature under test: other views are tested by their own suites.
        installed = features.FEATURES
        features.FEATURES = ["sa2030_desktop.gui.detail.feature"]
        try:
            window = MainWindow(bridge)
        finally:
            features.FEATURES = installed
        if not hasattr(window, "goal_detail"):
            from sa2030_desktop.gui.detail.feature import install

            install(window)
    else:
        window = StandInWindow(bridge)
        from sa2030_desktop.gui.detail.feature import install

        install(window)
    qtbot.addWidget(window)
    return window


def on_next_modal(handler, timeout_ms: int = 5000) -> list:
    """Run `handler(dialog)` on the next modal dialog as soon as it is shown (like a user)."""
    state = {"waited": 0, "done": []}

    def poll():
        widget = QApplication.activeModalWidget()
        if widget is not None and widget.isVisible():
            try:
                handler(widget)
            finally:
                state["done"].append(widget)
            return
        state["waited"] += 10
        if state["waited"] < timeout_ms:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)
    return state["done"]


def reopen(store: Store):
    fresh = Store.open(store.path, readonly=True)
    try:
        return fresh.snapshot(), fresh.changes()
    finally:
        fresh.close()
