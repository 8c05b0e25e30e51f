"""The main window's view tabs, and views built the first time they are needed.

The graph, the timeline and the Berichtsrunden are not built when the window opens (issue 11:
the window with the demo is usable in under a second). Their feature declares a `LazyView` as
the tab; the menus and shortcuts are all there from the start. The first time the tab is shown,
or the feature's view is asked for (a menu action, a test), the view is built and takes the
stand-in's place in the tabs, so code holding the view sees the tab's widget as before.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, QSize, Signal
from PySide6.QtWidgets import QTabWidget, QWidget


class LazyView(QWidget):
    """Stands in a tab until `widget()` builds the real view (once)."""

    built = Signal(QWidget)

    def __init__(self, build: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._widget: QWidget | None = None
        self._building = False

    def is_built(self) -> bool:
        return self._widget is not None

    def widget(self) -> QWidget:
        """The view, built now if it has not been."""
        if self._widget is None:
            if self._building:  # the view's own construction asked for it: a programming error
                raise RuntimeError("Ansicht wird noch aufgebaut")
            self._building = True
            try:
                widget = self._build()
            finally:
                self._building = False
            for name in self.dynamicPropertyNames():  # the handbook section F1 opens there
                key = bytes(name).decode()
                if widget.property(key) is None:
                    widget.setProperty(key, self.property(key))
            if not widget.accessibleName():
                widget.setAccessibleName(self.accessibleName())
            self._widget = widget
            self.built.emit(widget)
        return self._widget


def built_on_first_use() -> property:
    """A feature's attribute for its view (the feature keeps the LazyView as `lazy`): asking
    for it builds the view."""
    return property(lambda feature: feature.lazy.widget())


def resolve(widget: QWidget) -> QWidget:
    """The view a tab stands for: a LazyView's (built now), else the widget itself."""
    return widget.widget() if isinstance(widget, LazyView) else widget


class ViewTabs(QTabWidget):
    """The views' tabs. Only the shown view's minimum width counts for the window: a wide hidden
    view (the timeline's tool row) must not push the goal detail off a laptop screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _i: self.updateGeometry())

    def add_view(self, widget: QWidget, title: str) -> int:
        if isinstance(widget, LazyView):
            widget.built.connect(lambda view, lazy=widget: self._put_in_place(lazy, view))
        return self.addTab(widget, title)

    def _put_in_place(self, lazy: LazyView, view: QWidget) -> None:
        """The built view takes the stand-in's tab (same place, title and tooltip); no tab
        change is announced: the current tab stays the current one."""
        index = self.indexOf(lazy)
        if index < 0:
            return
        current = self.currentIndex() == index
        with QSignalBlocker(self):
            self.insertTab(index, view, self.tabText(index))
            self.setTabToolTip(index, self.tabToolTip(index + 1))
            self.removeTab(index + 1)
            if current:
                self.setCurrentIndex(index)
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        page = self.currentWidget()
        bar = self.tabBar().minimumSizeHint()
        if page is None:
            return bar
        inner = page.minimumSizeHint().expandedTo(page.minimumSize())
        return QSize(max(bar.width(), inner.width()), bar.height() + inner.height())
