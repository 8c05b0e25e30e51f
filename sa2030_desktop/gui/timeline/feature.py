"""Installs the „Zeitplan“ tab and its menu entries into the main window."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence


def install(window) -> None:
    from sa2030_desktop.gui.timeline.view import TimelineView

    view = TimelineView(window.bridge, window.undo_stack, window, active=False)
    index = window.add_view(view, window.tr("Zeitplan"))
    window.timeline = view
    window.selection_changed.connect(view.set_selection)

    def show() -> None:
        window.tabs.setCurrentIndex(index)
        view.canvas.setFocus()

    action = QAction(window.tr("&Zeitplan"), window)
    action.setShortcut(QKeySequence("Ctrl+4"))
    action.triggered.connect(show)
    window.menus["view"].addAction(action)

    whatif = QAction(window.tr("&Was-wäre-wenn im Zeitplan"), window)
    whatif.triggered.connect(lambda: (show(), view.set_whatif(True)))
    window.menus["analysis"].addAction(whatif)

    export = QAction(window.tr("Zeitplan als &Bild/PDF…"), window)
    export.triggered.connect(lambda: (show(), view._export_dialog()))
    target = getattr(window, "export_menu", None) or window.menus["exchange"]
    target.addAction(export)
