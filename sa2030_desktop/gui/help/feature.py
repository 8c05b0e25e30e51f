"""Declares the Hilfe menu: the handbook (F1 opens it where you are), its contents and search,
the shortcut overview, „Erste Schritte“ and the printable PDF."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices

from sa2030_desktop import assets
from sa2030_desktop.gui.features import ActionSpec, Feature
from sa2030_desktop.gui.help import first_steps
from sa2030_desktop.gui.help.context import HelpController, refusal_help, set_section
from sa2030_desktop.gui.help.sections import CONTENTS

if TYPE_CHECKING:
    from sa2030_desktop.gui.help.shortcuts import ShortcutsDialog


def _t(text: str) -> str:
    return QCoreApplication.translate("Help", text)


class HelpFeature(Feature):
    """The handbook of one main window; other code reaches it as `controller`."""

    def __init__(self, window) -> None:
        super().__init__("help", assembled=self._assembled)
        self.window = window
        self.controller = HelpController(window, self.generated)
        self.guide: first_steps.FirstStepsDialog | None = None
        self.shortcuts: ShortcutsDialog | None = None
        self.actions = [
            ActionSpec("help.handbook", "help", _t("&Handbuch"), self.controller.context_help,
                       "F1", 10, 10, window_shortcut=True,
                       status_tip=_t("Das Handbuch an der Stelle öffnen, an der Sie arbeiten")),
            ActionSpec("help.contents", "help", _t("Handbuch: &Inhaltsverzeichnis"),
                       lambda: self.controller.open(CONTENTS), None, 10, 20),
            ActionSpec("help.search", "help", _t("Im Handbuch &suchen…"), self.search,
                       None, 10, 30),
            ActionSpec("help.shortcuts", "help", _t("&Tastenkürzel"), self.show_shortcuts,
                       None, 10, 40),
            ActionSpec("help.first_steps", "help", _t("&Erste Schritte…"),
                       self.show_first_steps, None, 20, 10),
            ActionSpec("help.pdf", "help", _t("Handbuch als &PDF öffnen"), self.open_pdf,
                       None, 20, 20, status_tip=str(assets.handbook_pdf())),
        ]  # fmt: skip

    def _assembled(self) -> None:
        set_section(self.window.as_of_edit, "stichtag")

    def generated(self) -> dict[str, str]:
        from sa2030_desktop.gui.help.shortcuts import overview_markdown

        return {"tastenkuerzel": overview_markdown(self.all_actions())}

    def all_actions(self):
        """The menus' actions and those single parts of the window add (the overview's rows)."""
        from sa2030_desktop.gui.help.shortcuts import local_actions

        return [*self.window.declared_actions(), *local_actions(self.window)]

    def search(self):
        shown = self.controller.open(CONTENTS)
        if shown is not None:
            shown.focus_search()
        return shown

    def refusal(self, box, exc) -> None:
        refusal_help(box, exc, self.controller)

    def show_shortcuts(self) -> ShortcutsDialog:
        if self.shortcuts is None:
            from sa2030_desktop.gui.help.shortcuts import ShortcutsDialog

            self.shortcuts = ShortcutsDialog(self.all_actions(), self.window)
        self.shortcuts.show()
        self.shortcuts.raise_()
        return self.shortcuts

    def open_pdf(self) -> bool:
        """The printable handbook in the system's PDF viewer; missing: said in German."""
        pdf = assets.handbook_pdf()
        if not pdf.is_file():
            self.controller.say_pdf_missing()
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(pdf)))

    # -- Erste Schritte ----------------------------------------------------------------------
    def show_first_steps(self) -> first_steps.FirstStepsDialog:
        views = {v.id: v.widget for f in self.window.assembly.features.values() for v in f.views}
        actions = {}
        for key, ident in (("new", "file.new"), ("import", "exchange.import_tabular")):
            if ident in self.window.assembly.actions:
                actions[key] = self.window.action(ident).trigger
        if self.guide is not None:
            self.guide.close()
            self.guide.deleteLater()
        self.guide = first_steps.FirstStepsDialog(
            self.window,
            lambda ident: views.get(ident) is not None and self.window.show_view(views[ident]),
            self.controller.open,
            actions,
            demo=self.window.bridge.snapshot().info.demo,
        )
        first_steps.mark_seen()
        self.guide.place_beside(self.window)
        self.guide.show()
        self.guide.raise_()
        self.guide.activateWindow()  # its keys (Eingabe: weiter, Esc: überspringen) work at once
        return self.guide

    def first_start(self):
        """At the start of the application (never in tests that build a window): the guide,
        once."""
        if first_steps.seen():
            return None
        return self.show_first_steps()


def declare(window) -> HelpFeature:
    return HelpFeature(window)
