"""Declares the „Berichtsrunden“ tab, the submenu Bearbeiten → Berichtsrunde and the comparison
in Analyse."""

from __future__ import annotations

from sa2030_desktop.gui.features import ActionSpec, Feature, MenuSpec, ViewSpec, show_then
from sa2030_desktop.gui.features import window_text as _t


class RoundsFeature(Feature):
    """The rounds view; other code reaches it as `page`."""

    def __init__(self, window) -> None:
        from sa2030_desktop.gui.rounds.page import RoundsPage

        super().__init__("rounds")
        page = RoundsPage(window.bridge, window.undo_stack, window, active=False)
        self.page = page
        page.goal_selected.connect(window.select_goal)

        def shown(then=None, focus=None):
            return show_then(window, page, focus or page.round_view, then)

        def on_tab(tab, then):
            def run():
                page.tabs.setCurrentWidget(tab)
                then()

            return shown(run)

        self.menus = [MenuSpec("edit/rounds", _t("Be&richtsrunde"), 40, 10)]
        self.views = [ViewSpec("rounds", _t("Berichtsrunden"), page, help="berichtsrunden")]
        self.actions = [
            ActionSpec("view.rounds", "view", _t("&Berichtsrunden"), shown(), "Ctrl+5", 20, 80),
            ActionSpec("rounds.open", "edit/rounds", _t("Runde &eröffnen …"),
                       shown(page.open_round), "Ctrl+Shift+R", 10, 10),
            ActionSpec("rounds.report", "edit/rounds", _t("&Meldung erfassen …"),
                       shown(page.edit_report), "Ctrl+Shift+E", 20, 10),
            ActionSpec("rounds.accept", "edit/rounds", _t("Meldung &bestätigen"),
                       on_tab(page.review, page.accept_report), "Ctrl+Shift+B", 20, 20),
            ActionSpec("rounds.return", "edit/rounds", _t("Meldung &zurückgeben …"),
                       on_tab(page.review, page.return_report), "Ctrl+Shift+G", 20, 30),
            ActionSpec("rounds.close", "edit/rounds", _t("Runde &abschließen …"),
                       shown(page.close_round), None, 30, 10),
            ActionSpec("rounds.write_forms", "exchange", _t("&Meldebögen schreiben …"),
                       on_tab(page.reports_tab, page.write_forms), None, 30, 10),
            ActionSpec("rounds.collect_forms", "exchange", _t("Meldebögen &einsammeln …"),
                       on_tab(page.reports_tab, page.collect_forms), None, 30, 20),
            ActionSpec("rounds.compare", "analysis", _t("Berichtsrunden &vergleichen …"),
                       shown(page.show_compare), None, 20, 10),
        ]  # fmt: skip


def declare(window) -> RoundsFeature:
    return RoundsFeature(window)
