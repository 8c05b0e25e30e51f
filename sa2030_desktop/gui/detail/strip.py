"""The goal detail folds into a narrow strip at the window's right edge (issue 14 item 2).

On a laptop (1366×768) or a projector (1280×720) the detail beside a view took about 40 % of
the width. Like the tool windows of an IDE or the split view of OpenProject, it now folds into
a strip with a vertical „Zieldetails“ button: at first start on a window narrower than
COLLAPSE_BELOW, when the window becomes that narrow, by the dock's close button, or with
Ansicht › Zieldetails (Strg+Umschalt+D). It unfolds again by the strip's button, the same
shortcut, Eingabe on a goal (table, graph) or when the window becomes wide again after it had
folded by itself. Folded is simply „dock closed“: the window's saved state per screen size
(QSettings) remembers it like every other dock.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QStyle,
    QStyleOptionToolButton,
    QStylePainter,
    QToolBar,
    QToolButton,
    QWidget,
)
from shiboken6 import isValid

COLLAPSE_BELOW = 1400  # a window narrower than this (logical pixels) shows the detail folded


def _t(text: str) -> str:
    return QCoreApplication.translate("DetailStrip", text)


class VerticalButton(QToolButton):
    """A tool button whose text runs top to bottom (the strip is only one line wide)."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return super().sizeHint().transposed()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self.sizeHint()  # QToolButton's own answers its sizeHint(), already turned

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        painter = QStylePainter(self)
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        painter.rotate(90)
        painter.translate(0, -self.width())
        option.rect = QWidget.rect(self).transposed()
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ToolButton, option)
        if self.hasFocus():  # the style draws no focus on a tool button: the keyboard user
            painter.resetTransform()  # must see it (WCAG 2.4.7), in the text's colour
            painter.setPen(QPen(self.palette().color(self.foregroundRole()), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))


class DetailStrip(QObject):
    """Folds `dock` (and the docks tabbed with it, which share its width) into a strip.

    Folded means the dock is closed, however that happened (strip, menu, close button, a
    restored layout); the strip follows the dock's toggle action."""

    def __init__(self, window: QMainWindow, dock: QDockWidget, width_for, focus: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.dock = dock
        self._width_for = width_for  # the dock's width for a window width when it unfolds
        self._focus = focus  # takes the keyboard focus when the user unfolds the dock
        self.auto_collapsed = False
        self._shown_once = False
        self._busy = False
        self._partners: list[QDockWidget] = []  # tabbed with the dock, open when it folded
        self.toolbar = QToolBar(_t("Seitenleiste"), window)
        self.toolbar.setObjectName("detailStrip")
        self.toolbar.setAccessibleName(_t("Seitenleiste der eingeklappten Zieldetails"))
        self.toolbar.setMovable(False)
        self.toolbar.setFloatable(False)
        self.toolbar.toggleViewAction().setVisible(False)  # follows the dock, not the user
        self.button = VerticalButton(self.toolbar)
        self.button.setObjectName("detailStripButton")
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.button.setAccessibleName(_t("Zieldetails ausklappen"))
        self.button.clicked.connect(lambda: self.expand(focus=True))
        self.toolbar.addWidget(self.button)
        window.addToolBar(Qt.ToolBarArea.RightToolBarArea, self.toolbar)
        action = dock.toggleViewAction()
        action.toggled.connect(self._dock_toggled)
        action.triggered.connect(lambda on: on and self.expand(focus=True))  # menu, shortcut
        window.current_goal_changed.connect(lambda _key: self._update_text())
        window.installEventFilter(self)
        self._sync()

    @property
    def collapsed(self) -> bool:
        return self.dock.isHidden()

    def collapse(self, auto: bool = False) -> None:
        """Fold the dock and the docks sharing its place into the strip."""
        if not self.collapsed:
            self.dock.hide()
            # behind another tab it was not visible: Qt sends no Hide, the action stays checked
            self.dock.toggleViewAction().setChecked(False)
        self.auto_collapsed = auto

    def expand(self, focus: bool = False) -> None:
        """Unfold the dock (and the docks that folded with it) at most at its laptop width, in
        front; `focus`: the keyboard goes to it (the user asked for it)."""
        self.auto_collapsed = False
        if self.collapsed:
            self.dock.show()
        self._fit_width()
        self.dock.raise_()
        self._sync()
        if focus:
            self._focus.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def toggle(self) -> None:
        if self.collapsed:
            self.expand(focus=True)
        else:
            self.collapse()

    def _dock_toggled(self, opened: bool) -> None:
        # the toggle action says it before the dock is shown or hidden: trust `opened`
        if self._busy or not isValid(self.window):  # (the window is being destroyed)
            return
        self._busy = True
        try:
            if opened:
                for partner in self._partners:
                    partner.show()
                self._partners = []
                self.dock.raise_()
            else:
                self.auto_collapsed = False  # closed by the user (collapse() says otherwise)
                partners = [
                    d for d in self.window.tabifiedDockWidgets(self.dock) if not d.isHidden()
                ]
                self._partners = partners or self._partners
                for partner in partners:
                    partner.hide()
        finally:
            self._busy = False
        if self._shown_once:  # the window's first showing sizes its docks itself
            self._fit_width()
        self._sync(not opened)

    def _fit_width(self) -> None:
        """Never wider than its laptop width when it comes back (a first start folded it
        before it was ever laid out: its size hint is a desktop's)."""
        if not (self.window.isVisible() and self.dock.isVisible()):
            return
        limit = self._width_for(self.window.width())
        if self.dock.width() > limit or self.dock.width() < 100:
            self.window.resizeDocks([self.dock], [limit], Qt.Orientation.Horizontal)

    def _sync(self, collapsed: bool | None = None) -> None:
        self.toolbar.setVisible(self.collapsed if collapsed is None else collapsed)
        self._update_text()

    def _update_text(self) -> None:
        key = self.window.current_goal()
        self.button.setText(_t("Zieldetails") + (f" · {key}" if key else ""))
        keys = self.dock.toggleViewAction().shortcut()
        shortcut = keys.toString(keys.SequenceFormat.NativeText)
        self.button.setToolTip(
            _t("Zieldetails ausklappen") + (f" ({shortcut})" if shortcut else "")
        )
        self.button.setAccessibleDescription(
            _t("Die Zieldetails sind eingeklappt; gewählt ist {0}").format(key)
            if key
            else _t("Die Zieldetails sind eingeklappt; kein Ziel gewählt")
        )

    # -- folding by the window's width ------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.window:
            if event.type() == QEvent.Type.Show and not self._shown_once:
                self._shown_once = True
                self._sync()  # a restored layout may have set the dock without the strip
                # first start on this screen size: fold on a narrow window (a saved layout wins)
                if getattr(self.window, "first_start", False) and self._narrow(self.window.width()):
                    self.collapse(auto=True)
            elif event.type() == QEvent.Type.Resize and self.window.isVisible():
                old, new = event.oldSize().width(), event.size().width()
                if old > 0 and self._narrow(old) != self._narrow(new):
                    self._width_crossed(self._narrow(new))
        return False

    def _width_crossed(self, narrow: bool) -> None:
        # a floating detail (on a second screen, say) takes none of the window's width
        if narrow and not self.collapsed and not self.dock.isFloating():
            self.collapse(auto=True)
        elif not narrow and self.collapsed and self.auto_collapsed:
            self.expand()

    @staticmethod
    def _narrow(width: int) -> bool:
        return width < COLLAPSE_BELOW
