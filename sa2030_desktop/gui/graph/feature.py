"""Declares the „Abhängigkeiten“ tab and its menu entries; the page is built when first needed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sa2030_desktop.gui.features import ActionSpec, Feature, ViewSpec, show_then
from sa2030_desktop.gui.features import window_text as _t
from sa2030_desktop.gui.view_tabs import LazyView, built_on_first_use

if TYPE_CHECKING:
    from sa2030_desktop.gui.graph.page import GraphPage


class GraphFeature(Feature):
    """The dependency graph page; other code reaches it as `page` (built on first use)."""

    def __init__(self, window) -> None:
        super().__init__("graph", closing=self._closing)
        self.window = window
        self.lazy = LazyView(self._build, window)

        def shown(then=None):
            return show_then(window, self.lazy, lambda page: page.view, then)

        self.views = [ViewSpec("graph", _t("Abhängigkeiten"), self.lazy,
                               help="abhaengigkeitsgraph")]  # fmt: skip
        self.actions = [
            ActionSpec("view.graph", "view", _t("&Abhängigkeiten"), shown(), "Ctrl+3", 20, 40),
            ActionSpec("graph.relayout", "view", _t("Graph: &Layout neu berechnen"),
                       shown(lambda: self.page.relayout()), None, 20, 50),
            ActionSpec("graph.presentation", "view", _t("Graph: &Präsentationsmodus"),
                       shown(lambda: _actions().start_presentation(self.page)), "F11", 20, 60),
            ActionSpec("graph.workshop_protocol", "view",
                       _t("Graph: &Workshop-Protokoll erstellen…"), self._workshop, None, 20, 70),
            ActionSpec("graph.longest_chain", "analysis", _t("Graph: &Längste Kette"),
                       shown(lambda: self.page.longest_action.trigger()), None, 10, 10),
            ActionSpec("graph.whatif", "analysis",
                       _t("Graph: &Was-wäre-wenn für das gewählte Ziel…"),
                       shown(lambda: _actions().whatif_dialog(self.page)), None, 10, 20),
            ActionSpec("graph.export", "exchange/export", _t("Abhängigkeitsgraph als &Bild/PDF…"),
                       shown(lambda: _actions().export_dialog(self.page)), None, 10, 30),
        ]  # fmt: skip

    page = built_on_first_use()

    def _build(self) -> GraphPage:
        from sa2030_desktop.gui.graph.page import GraphPage
        from sa2030_desktop.services.layout import warm_up_layout

        warm_up_layout()  # the compiled layout steps, compiled in a child process the first time

        window = self.window
        page = GraphPage(window.bridge, window.undo_stack, window, active=False)
        window.selection_changed.connect(page.set_selection)
        window.current_goal_changed.connect(page.select_goal)
        page.goal_selected.connect(window.select_goal)
        page.detail_requested.connect(lambda key: show_detail(window, key))
        page.set_selection(window.current_selection())
        if window.table.goal_chosen:  # chosen in the table before the graph (not the start's row)
            page.select_goal(window.current_goal() or "")
        return page

    def _workshop(self):
        from sa2030_desktop.gui.graph import workshop

        if not self.lazy.is_built():  # a presentation needs the graph: there was none
            return workshop.no_session(self.window)
        return workshop.open_dialog(self.page)

    def _closing(self) -> None:
        if self.lazy.is_built():  # a graph never shown placed nothing to keep
            self.page.keep_layout()


def _actions():
    from sa2030_desktop.gui.graph import actions

    return actions


def show_detail(window, key: str) -> None:
    """Eingabe on a goal in the graph: its detail, in front and with the keyboard focus –
    unfolded as from its strip (gui/detail/strip.py), the one way the detail opens."""
    window.select_goal(key)
    window.feature("detail").strip.expand(focus=True)


def declare(window) -> GraphFeature:
    return GraphFeature(window)
