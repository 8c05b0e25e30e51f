"""The keyboard focus goes back to the window a dialog belongs to when the dialog closes.

A window manager usually does this. Without one (a kiosk session, Xvfb, Qt's offscreen
platform) the focus went nowhere: after „Erste Schritte“ or any dialog was closed, no key
reached the main window until it was clicked – the application was no longer usable by
keyboard alone (BITV 2.0). Only our own window that lost the focus by being hidden hands it
back: switching to another application (our window stays visible) is left alone."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication


def _alive(window: QWindow | None) -> bool:
    from shiboken6 import isValid

    return window is not None and isValid(window)


class FocusReturn(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._last: tuple[QWindow, QWindow | None] | None = None
        self._closed: tuple[QWindow, QWindow | None] | None = None
        app.focusWindowChanged.connect(self._window_changed)

    def _window_changed(self, window: QWindow | None) -> None:
        if window is None:
            self._later()
            return
        if window.type() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip):
            return  # a menu or a completer's list: Qt hands the focus back itself
        if self._last is not None and _alive(self._last[0]):
            with contextlib.suppress(RuntimeError, TypeError):
                self._last[0].visibleChanged.disconnect(self._visible)
        # remembered with its owner: a dialog may be deleted on close
        self._last = (window, window.transientParent())
        window.visibleChanged.connect(self._visible)  # hidden while focused: no signal

    def _visible(self, visible: bool) -> None:
        if not visible:
            self._later()

    def _later(self) -> None:
        """After the hide is done (and a window manager had its turn)."""
        if self._closed is None and self._last is not None:
            self._closed = self._last
            QTimer.singleShot(0, self._give_back)

    def _give_back(self) -> None:
        closed, self._closed = self._closed, None
        if closed is None:
            return
        window, owner = closed
        if _alive(window) and window.isVisible():
            return  # the user went to another application
        while _alive(owner) and not owner.isVisible():  # a dialog opened from a dialog
            owner = owner.transientParent()
        if not _alive(owner):
            return
        current = QGuiApplication.focusWindow()
        if _alive(current) and current.isVisible() and current not in (owner, window):
            return  # another window of ours took it (a dialog opened next)
        # also when Qt already counts the owner as focused: after a modal file dialog Qt hands
        # it over internally, while without a window manager the X server's focus is gone
        owner.requestActivate()


def install(app: QApplication) -> FocusReturn:
    """Once per application (a second call returns the first)."""
    existing = app.findChild(FocusReturn)
    return existing if existing is not None else FocusReturn(app)
