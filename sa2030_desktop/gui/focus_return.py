"""The keyboard focus goes back to the window a dialog belongs to when the dialog closes.

A window manager usually does this. Without one (a kiosk session, Xvfb, Qt's offscreen
platform) the focus went nowhere: after „Erste Schritte“ or any dialog was closed, no key
reached the main window until it was clicked – the application was no longer usable by
keyboard alone (BITV 2.0). Only our own window that lost the focus by being hidden hands it
back: switching to another application (our window stays visible) is left alone."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication


def _alive(window: QWindow | None) -> bool:
    from shiboken6 import isValid

    return window is not None and isValid(window)


class FocusReturn(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._last: tuple[QWindow, QWindow | None] | None = None
        self._pending = False
        app.focusWindowChanged.connect(self._window_changed)

    def _window_changed(self, window: QWindow | None) -> None:
        if window is not None:  # remembered with its owner: a dialog may be deleted on close
            if self._last is not None and _alive(self._last[0]):
                with contextlib.suppress(RuntimeError, TypeError):
                    self._last[0].visibleChanged.disconnect(self._visible)
            self._last = (window, window.transientParent())
            window.visibleChanged.connect(self._visible)  # hidden while focused: no signal
        self._later()

    def _visible(self, visible: bool) -> None:
        if not visible:
            self._later()

    def _later(self) -> None:
        """After the hide is done (and a window manager had its turn)."""
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._give_back)

    def _give_back(self) -> None:
        self._pending = False
        current = QGuiApplication.focusWindow()
        if (_alive(current) and current.isVisible()) or self._last is None:
            return
        window, owner = self._last
        if _alive(window) and window.isVisible():
            return  # the user went to another application
        while _alive(owner) and not owner.isVisible():  # a dialog opened from a dialog
            owner = owner.transientParent()
        if _alive(owner):
            owner.requestActivate()


def install(app: QApplication) -> FocusReturn:
    """Once per application (a second call returns the first)."""
    existing = app.findChild(FocusReturn)
    return existing if existing is not None else FocusReturn(app)
