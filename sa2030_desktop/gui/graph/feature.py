"""Installs the „Abhängigkeiten“ tab and its menu entries into the main window."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence


def install(window) -> None:
    from sa2030_desktop.gui.graph import actions
    from sa2030_desktop.gui.graph.page import GraphPage

    page = GraphPage(window.bridge, window.undo_stack, window, active=False)
    index = window.add_view(page, window.tr("Abhängigkeiten"))
    window.graph = page
    window.selection_changed.connect(page.set_selection)
    window.current_goal_changed.connect(page.select_goal)
    page.goal_selected.connect(window.select_goal)
    page.set_selection(window.current_selection())

    def show() -> None:
        window.tabs.setCurrentIndex(index)
        page.view.setFocus()

    def add(menu: str, text: str, slot, shortcut: str | None = None) -> QAction:
        action = QAction(text, window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        target = window.menus[menu]
        if menu == "exchange" and getattr(window, "export_menu", None) is not None:
            target = window.export_menu
        target.addAction(action)
        return action

    add("view", window.tr("&Abhängigkeiten"), show, "Ctrl+3")
    add("view", window.tr("Graph: &Layout neu berechnen"), lambda: (show(), page.relayout()))
    add(
        "view",
        window.tr("Graph: &Präsentationsmodus"),
        lambda: (show(), actions.start_presentation(page)),
        "F11",
    )
    add(
        "analysis",
        window.tr("Graph: &Längste Kette"),
        lambda: (show(), page.longest_action.trigger()),
    )
    add(
        "analysis",
        window.tr("Graph: &Was-wäre-wenn für das gewählte Ziel…"),
        lambda: (show(), actions.whatif_dialog(page)),
    )
    add(
        "exchange",
        window.tr("Abhängigkeitsgraph als &Bild/PDF…"),
        lambda: (show(), actions.export_dialog(page)),
    )
