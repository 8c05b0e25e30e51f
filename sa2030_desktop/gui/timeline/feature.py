"""Declares the „Zeitplan“ tab and its menu entries; the view is built when first needed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sa2030_desktop.gui.features import ActionSpec, Feature, ViewSpec, show_then
from sa2030_desktop.gui.features import window_text as _t
from sa2030_desktop.gui.view_tabs import LazyView, built_on_first_use

if TYPE_CHECKING:
    from sa2030_desktop.gui.timeline.view import TimelineView


class TimelineFeature(Feature):
    """The timeline view; other code reaches it as `view` (built on first use)."""

    def __init__(self, window) -> None:
        super().__init__("timeline")
        self.window = window
        self.lazy = LazyView(self._build, window)

        def shown(then=None):
            return show_then(window, self.lazy, lambda view: view.canvas, then)

        self.views = [ViewSpec("timeline", _t("Zeitplan"), self.lazy, help="zeitplan")]
        self.actions = [
            ActionSpec("view.timeline", "view", _t("&Zeitplan"), shown(), "Ctrl+4", 20, 70),
            ActionSpec("timeline.whatif", "analysis", _t("&Was-wäre-wenn im Zeitplan"),
                       shown(lambda: self.view.set_whatif(True)), None, 10, 30),
            ActionSpec("timeline.export", "exchange/export", _t("Zeitplan als &Bild/PDF…"),
                       shown(lambda: self.view.export_dialog()), None, 10, 40),
        ]  # fmt: skip

    view = built_on_first_use()

    def _build(self) -> TimelineView:
        from sa2030_desktop.gui.timeline.view import TimelineView

        window = self.window
        view = TimelineView(window.bridge, window.undo_stack, window, active=False)
        window.selection_changed.connect(view.set_selection)
        view.set_selection(window.current_selection())  # a filter set before the first showing
        return view


def declare(window) -> TimelineFeature:
    return TimelineFeature(window)
