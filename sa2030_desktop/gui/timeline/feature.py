"""Declares the „Zeitplan“ tab and its menu entries."""

from __future__ import annotations

from sa2030_desktop.gui.features import ActionSpec, Feature, ViewSpec, show_then
from sa2030_desktop.gui.features import window_text as _t


class TimelineFeature(Feature):
    """The timeline view; other code reaches it as `view`."""

    def __init__(self, window) -> None:
        from sa2030_desktop.gui.timeline.view import TimelineView

        super().__init__("timeline")
        view = TimelineView(window.bridge, window.undo_stack, window, active=False)
        self.view = view
        window.selection_changed.connect(view.set_selection)

        def shown(then=None):
            return show_then(window, view, view.canvas, then)

        self.views = [ViewSpec("timeline", _t("Zeitplan"), view, help="zeitplan")]
        self.actions = [
            ActionSpec("view.timeline", "view", _t("&Zeitplan"), shown(), "Ctrl+4", 20, 70),
            ActionSpec("timeline.whatif", "analysis", _t("&Was-wäre-wenn im Zeitplan"),
                       shown(lambda: view.set_whatif(True)), None, 10, 30),
            ActionSpec("timeline.export", "exchange/export", _t("Zeitplan als &Bild/PDF…"),
                       shown(view.export_dialog), None, 10, 40),
        ]  # fmt: skip


def declare(window) -> TimelineFeature:
    return TimelineFeature(window)
