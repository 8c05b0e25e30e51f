"""Helpers for the goal-detail tests: a window to host the panel and answers to modal dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from sa2030_desktop.gui.store_bridge import StoreBridge
from sa2030_desktop.persistence.store import Store

ROOT = Path(__file__).resolve().parents[2]


def make_window(qtbot, store: Store, tmp_path):
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    bridge = StoreBridge(store)
    from sa2030_desktop.gui import features
    from sa2030_desktop.gui.main_window import MainWindow

    # Only the feature under test: other views are tested by their own suites.
    installed = features.FEATURES
    features.FEATURES = ["sa2030_desktop.gui.detail.feature"]
    try:
        window = MainWindow(bridge)
    finally:
        features.FEATURES = installed
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
