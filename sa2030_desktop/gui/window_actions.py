"""The main window's own declarations: the menus every feature fills, the Datei menu, undo,
search, the two first tabs, the undo history and „Über“.

Menu order is (section, order) per menu; features use the same numbers (see each feature.py),
so the menus read as they always did whatever order the features install in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from sa2030_desktop.gui.features import ActionSpec, DockSpec, Feature, MenuSpec, ViewSpec
from sa2030_desktop.gui.features import window_text as _t

if TYPE_CHECKING:
    from sa2030_desktop.gui.main_window import MainWindow


def window_declaration(window: MainWindow) -> Feature:
    stack = window.undo_stack
    feature = Feature("window", assembled=window.file_actions.attach_recent_menu)
    feature.menus = [
        MenuSpec("file", _t("&Datei")),
        MenuSpec("edit", _t("&Bearbeiten")),
        MenuSpec("view", _t("&Ansicht")),
        MenuSpec("analysis", _t("A&nalyse")),
        MenuSpec("exchange", _t("Aus&tausch")),
        MenuSpec("help", _t("&Hilfe")),
        MenuSpec("file/recent", _t("&Zuletzt geöffnet"), 10, 30),
        MenuSpec("exchange/import", _t("&Import"), 10, 10),
        MenuSpec("exchange/export", _t("&Export"), 10, 20),
    ]
    feature.views = [
        ViewSpec("table", _t("Ziele"), window.table, help="zieltabelle"),
        ViewSpec("overview", _t("Übersicht"), window.overview_tab, help="uebersicht"),
    ]
    feature.docks = [
        DockSpec("history", _t("Verlauf"), window.undo_view, section=20, order=10, help="verlauf")
    ]
    feature.actions = [
        *window.file_actions.declarations(),
        ActionSpec("edit.undo", "edit", _t("&Rückgängig"), None, QKeySequence.StandardKey.Undo,
                   10, 10, window_shortcut=True,
                   factory=lambda w: stack.createUndoAction(w, _t("&Rückgängig"))),
        ActionSpec("edit.redo", "edit", _t("&Wiederherstellen"), None,
                   QKeySequence.StandardKey.Redo, 10, 20, window_shortcut=True,
                   factory=lambda w: stack.createRedoAction(w, _t("&Wiederherstellen"))),
        ActionSpec("edit.find", "edit", _t("&Suchen…"), window.focus_search,
                   QKeySequence.StandardKey.Find, 20, 10, window_shortcut=True),
        ActionSpec("edit.reset_filter", "edit", _t("Filter &zurücksetzen"),
                   window.table.filter_bar.reset, None, 20, 20),
        ActionSpec("view.table", "view", _t("&Ziele"), lambda: window.show_view(window.table),
                   "Ctrl+1", 10, 10),
        ActionSpec("view.overview", "view", _t("Ü&bersicht"),
                   lambda: window.show_view(window.overview_tab), "Ctrl+2", 10, 20),
        ActionSpec("view.reload", "view", _t("Neu &laden"), window.reload, "F5", 10, 30,
                   window_shortcut=True),
        ActionSpec("help.about", "help", _t("Ü&ber SA2030 Planner"), lambda: about(window),
                   None, 90, 10),
    ]  # fmt: skip
    return feature


def about(window: MainWindow) -> None:
    QMessageBox.about(
        window,
        _t("Über SA2030 Planner"),
        _t("SA2030 Planner – Zielportfolio der Digitalstrategie "
           "„Sachsen-Anhalt Digital 2030“ planen und überwachen."),
    )  # fmt: skip
