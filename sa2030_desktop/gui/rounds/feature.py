"""Declares the „Berichtsrunden“ tab, the submenu Bearbeiten → Berichtsrunde and the comparison
in Analyse; the page is built when first needed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sa2030_desktop.gui.features import ActionSpec, Feature, MenuSpec, ViewSpec, show_then
from sa2030_desktop.gui.features import window_text as _t
from sa2030_desktop.gui.view_tabs import LazyView, built_on_first_use

if TYPE_CHECKING:
    from sa2030_desktop.gui.rounds.page import RoundsPage


class RoundsFeature(Feature):
    """The rounds view; other code reaches it as `page` (built on first use)."""

    def __init__(self, window) -> None:
        super().__init__("rounds")
        self.window = window
        self.lazy = LazyView(self._build, window)

        def shown(then=None):
            return show_then(window, self.lazy, lambda page: page.round_view, then)

        def on_tab(tab: str, then: str):
            """Shown with the page's tab `tab` in front, then the page's method `then`."""

            def run():
                self.page.tabs.setCurrentWidget(getattr(self.page, tab))
                getattr(self.page, then)()

            return shown(run)

        def call(method: str):
            return lambda: getattr(self.page, method)()

        self.menus = [MenuSpec("edit/rounds", _t("Be&richtsrunde"), 40, 10)]
        self.views = [ViewSpec("rounds", _t("Berichtsrunden"), self.lazy, help="berichtsrunden")]
        self.actions = [
            ActionSpec("view.rounds", "view", _t("&Berichtsrunden"), shown(), "Ctrl+5", 20, 80),
            ActionSpec("rounds.open", "edit/rounds", _t("Runde &eröffnen …"),
                       shown(call("open_round")), "Ctrl+Shift+R", 10, 10),
            ActionSpec("rounds.report", "edit/rounds", _t("&Meldung erfassen …"),
                       shown(call("edit_report")), "Ctrl+Shift+E", 20, 10),
            ActionSpec("rounds.accept", "edit/rounds", _t("Meldung &bestätigen"),
                       on_tab("review", "accept_report"), "Ctrl+Shift+B", 20, 20),
            ActionSpec("rounds.return", "edit/rounds", _t("Meldung &zurückgeben …"),
                       on_tab("review", "return_report"), "Ctrl+Shift+G", 20, 30),
            ActionSpec("rounds.close", "edit/rounds", _t("Runde &abschließen …"),
                       shown(call("close_round")), None, 30, 10),
            ActionSpec("rounds.write_forms", "exchange", _t("&Meldebögen schreiben …"),
                       on_tab("reports_tab", "write_forms"), None, 30, 10),
            ActionSpec("rounds.collect_forms", "exchange", _t("Meldebögen &einsammeln …"),
                       on_tab("reports_tab", "collect_forms"), None, 30, 20),
            ActionSpec("rounds.compare", "analysis", _t("Berichtsrunden &vergleichen …"),
                       shown(call("show_compare")), None, 20, 10),
        ]  # fmt: skip

    page = built_on_first_use()

    def _build(self) -> RoundsPage:
        from sa2030_desktop.gui.rounds.page import RoundsPage

        page = RoundsPage(self.window.bridge, self.window.undo_stack, self.window, active=False)
        page.goal_selected.connect(self.window.select_goal)
        return page


def declare(window) -> RoundsFeature:
    return RoundsFeature(window)
