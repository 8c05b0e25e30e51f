"""Declares „Briefing (Word, PDF/A, ODT)…“ in Austausch > Export."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sa2030_desktop.gui.features import ActionSpec, Feature


class BriefingFeature(Feature):
    """The briefing dialog; the last one opened is `dialog`."""

    def __init__(self, window) -> None:
        super().__init__("briefing")
        self.window = window
        self.dialog = None
        self.actions = [
            ActionSpec("exchange.briefing", "exchange/export",
                       QCoreApplication.translate("Briefing", "&Briefing (Word, PDF/A, ODT)…"), self.open_dialog,
                       "Ctrl+Shift+W", 10, 80, object_name="briefingAction"),
        ]  # fmt: skip

    def open_dialog(self):
        from sa2030_desktop.gui.briefing.dialog import BriefingDialog

        self.dialog = BriefingDialog(self.window, self.window.current_selection())
        self.dialog.open()
        return self.dialog


def declare(window) -> BriefingFeature:
    return BriefingFeature(window)
