"""Declares the „Abhängigkeiten“ tab and its menu entries."""

from __future__ import annotations

from sa2030_desktop.gui.features import ActionSpec, Feature, ViewSpec, show_then
from sa2030_desktop.gui.features import window_text as _t


class GraphFeature(Feature):
    """The dependency graph page; other code reaches it as `page`."""

    def __init__(self, window) -> None:
        from sa2030_desktop.gui.graph import actions, workshop
        from sa2030_desktop.gui.graph.page import GraphPage

        page = GraphPage(window.bridge, window.undo_stack, window, active=False)
        super().__init__("graph", closing=page.keep_layout)
        self.page = page
        window.selection_changed.connect(page.set_selection)
        window.current_goal_changed.connect(page.select_goal)
        page.goal_selected.connect(window.select_goal)
        page.detail_requested.connect(lambda key: show_detail(window, key))
        page.set_selection(window.current_selection())

        def shown(then=None):
            return show_then(window, page, page.view, then)

        self.views = [ViewSpec("graph", _t("Abhängigkeiten"), page, help="abhaengigkeitsgraph")]
        self.actions = [
            ActionSpec("view.graph", "view", _t("&Abhängigkeiten"), shown(), "Ctrl+3", 20, 40),
            ActionSpec("graph.relayout", "view", _t("Graph: &Layout neu berechnen"),
                       shown(page.relayout), None, 20, 50),
            ActionSpec("graph.presentation", "view", _t("Graph: &Präsentationsmodus"),
                       shown(lambda: actions.start_presentation(page)), "F11", 20, 60),
            ActionSpec("graph.workshop_protocol", "view",
                       _t("Graph: &Workshop-Protokoll erstellen…"),
                       lambda: workshop.open_dialog(page), None, 20, 70),
            ActionSpec("graph.longest_chain", "analysis", _t("Graph: &Längste Kette"),
                       shown(lambda: page.longest_action.trigger()), None, 10, 10),
            ActionSpec("graph.whatif", "analysis",
                       _t("Graph: &Was-wäre-wenn für das gewählte Ziel…"),
                       shown(lambda: actions.whatif_dialog(page)), None, 10, 20),
            ActionSpec("graph.export", "exchange/export", _t("Abhängigkeitsgraph als &Bild/PDF…"),
                       shown(lambda: actions.export_dialog(page)), None, 10, 30),
        ]  # fmt: skip


def show_detail(window, key: str) -> None:
    """Eingabe on a goal in the graph: its detail, in front and with the keyboard focus."""
    window.select_goal(key)
    dock = window.dock("goal_detail")
    dock.show()
    dock.raise_()
    window.feature("detail").panel.tabs.setFocus()


def declare(window) -> GraphFeature:
    return GraphFeature(window)
