"""Installs „Word-Briefing…“ in the exchange menu (Export submenu when it exists)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence


def install(window) -> None:
    menu = getattr(window, "export_menu", None) or window.menus["exchange"]
    action = QAction(QCoreApplication.translate("Briefing", "&Word-Briefing…"), window)
    action.setObjectName("briefingAction")
    action.setShortcut(QKeySequence("Ctrl+Shift+W"))
    action.triggered.connect(lambda: open_dialog(window))
    menu.addAction(action)
    window.briefing_action = action


def open_dialog(window):
    from sa2030_desktop.gui.briefing.dialog import BriefingDialog

    selection = window.current_selection() if hasattr(window, "current_selection") else None
    dialog = BriefingDialog(window, selection)
    dialog.open()
    window.briefing_dialog = dialog
    return dialog
