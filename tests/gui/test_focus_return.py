"""After a dialog closes, the keyboard reaches the main window again without a click.

Without a window manager (Xvfb as the acceptance testers drive the window, a kiosk session, the
offscreen platform) nobody handed the focus back: after „Erste Schritte“ was skipped, Ctrl+2 and
every other key went nowhere until the window was clicked (BITV 2.0: keyboard alone). The guide
closed three ways, then a shortcut: tests/help/test_first_steps_focus.py."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from sa2030_desktop.gui.application import make_application


def _focused(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle())


def test_a_dialog_of_a_dialog_returns_the_focus_to_the_dialog_still_open(qtbot, window):
    make_application()
    _focused(qtbot, window)
    outer = QDialog(window)
    outer.show()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is outer.windowHandle())
    inner = QDialog(outer)
    inner.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    inner.show()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is inner.windowHandle())
    inner.close()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is outer.windowHandle())
    outer.reject()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle())


@pytest.mark.qt_log_ignore("grabbing the keyboard")  # the offscreen platform's popup
def test_a_completer_list_shown_in_between_does_not_lose_the_way_back(qtbot, window):
    """The file dialog's name field shows its completer list (a popup without an owner) while a
    path is typed; the focus then went nowhere when the file dialog closed."""
    from PySide6.QtWidgets import QCompleter, QLineEdit, QVBoxLayout

    make_application()
    _focused(qtbot, window)
    dialog = QDialog(window)
    edit = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(edit)
    completer = QCompleter(["/tmp/eins.xlsx", "/tmp/zwei.xlsx"], dialog)
    edit.setCompleter(completer)
    dialog.show()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is dialog.windowHandle())
    completer.complete()
    popup = completer.popup()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is popup.windowHandle())
    popup.hide()
    dialog.accept()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle())
