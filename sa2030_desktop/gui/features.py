"""Features declare what they add; the main window assembles it.

A feature module has `declare(window) -> Feature`: it builds its widgets and lists its actions
(id, menu path, German text, shortcut, handler), views (central tabs) and docks. A view hidden at
start is declared as a `gui.view_tabs.LazyView`: built the first time it is shown or asked for,
while its actions and shortcuts are declared, checked and in the menus from the start. The window
builds the menus from all lists in a defined order (`section`, then `order` within a menu),
refuses a duplicate action id or shortcut (`DeclarationError`), and looks actions up by id
(`MainWindow.action`). A newcomer finds where an action is wired by searching for its id.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

# Installed in this order; the order decides only the tabs' order, never the menus'.
FEATURES: list[str] = [
    "sa2030_desktop.gui.detail.feature",
    "sa2030_desktop.gui.graph.feature",
    "sa2030_desktop.gui.timeline.feature",
    "sa2030_desktop.gui.rounds.feature",
    "sa2030_desktop.gui.exchange.feature",
    "sa2030_desktop.gui.safety.feature",
    "sa2030_desktop.gui.briefing.feature",
    "sa2030_desktop.gui.team.feature",
    "sa2030_desktop.gui.help.feature",
]

Shortcut = str | QKeySequence.StandardKey | None


@runtime_checkable
class ActiveView(Protocol):
    """A view told when its tab is shown or hidden, so it rebuilds only while it is seen."""

    def set_active(self, active: bool) -> None: ...


class DeclarationError(ValueError):
    """Two declarations collide (action id, shortcut, menu) or name a menu that does not exist:
    a programming error, found when the window is built."""


@dataclass(frozen=True)
class MenuSpec:
    """A menu or submenu. `path` is "file" for a top-level menu, "exchange/export" below it."""

    path: str
    title: str
    section: int = 0
    order: int = 0


@dataclass(frozen=True)
class ActionSpec:
    """One menu entry. `menu` is a MenuSpec path; entries of a menu are sorted by (section,
    order) and a separator stands between sections. `factory` builds a special QAction (the
    undo stack's) instead of a plain one; `window_shortcut` keeps the shortcut working when
    the menu bar is hidden (presentation mode); `enabled` is asked when the menu opens."""

    id: str
    menu: str
    text: str
    handler: Callable[[], object] | None = None
    shortcut: Shortcut = None
    section: int = 0
    order: int = 0
    status_tip: str = ""
    checkable: bool = False
    enabled: Callable[[], bool] | None = None
    window_shortcut: bool = False
    object_name: str = ""
    factory: Callable[[QWidget], QAction] | None = None


@dataclass(frozen=True)
class ViewSpec:
    """A central tab. A widget with `set_active(bool)` is told when it is shown or hidden.
    `help` is the id of the handbook section F1 opens there (resources/handbuch/handbuch.md,
    `{#id}`); a view without one fails tests/help."""

    id: str
    title: str
    widget: QWidget
    help: str = ""


@dataclass(frozen=True)
class DockSpec:
    """A dock and the entry that shows/hides it (in `menu`, like an ActionSpec)."""

    id: str
    title: str
    widget: QWidget
    area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea
    object_name: str = ""
    menu: str = "view"
    menu_text: str = ""
    shortcut: Shortcut = None
    section: int = 0
    order: int = 0
    hidden: bool = False
    # Shares the place of the dock with this id as a tab, and is the tab in front.
    tab_with: str = ""
    # At first start: the dock's width for the window's width (the table keeps the rest).
    first_start_width: Callable[[int], int] | None = None
    # The handbook section F1 opens inside the dock (like ViewSpec.help).
    help: str = ""


class Feature:
    """What one feature adds. Subclasses keep their own parts as typed attributes; the window
    hands the installed feature out by name (`MainWindow.feature`). `assembled` is called
    once the window is built (its docks and actions exist), e.g. to size a dock; `closing`
    when the window closes, e.g. to write what the feature kept in memory."""

    def __init__(
        self,
        name: str,
        assembled: Callable[[], None] | None = None,
        closing: Callable[[], None] | None = None,
    ) -> None:
        self.name = name
        self.closing = closing
        self.actions: list[ActionSpec] = []
        self.views: list[ViewSpec] = []
        self.docks: list[DockSpec] = []
        self.menus: list[MenuSpec] = []
        self.assembled = assembled


@dataclass(frozen=True)
class DeclaredAction:
    """One action as the user sees it (for the shortcut overview of the in-app help)."""

    id: str
    menu_path: tuple[str, ...]
    text: str
    shortcut: str


def key_texts(shortcut: Shortcut) -> list[str]:
    """The portable key text a shortcut occupies (a standard key without a binding on this
    platform, like Quit on some desktops, occupies none)."""
    if shortcut is None:
        return []
    sequence = QKeySequence(shortcut)
    return (
        [] if sequence.isEmpty() else [sequence.toString(QKeySequence.SequenceFormat.PortableText)]
    )


def check_unique(features: list[Feature]) -> None:
    """Refuse a second action id, dock id, view id or shortcut across all features."""
    ids: dict[str, str] = {}
    keys: dict[str, str] = {}
    for feature in features:
        entries = [(a.id, a.shortcut) for a in feature.actions]
        entries += [(d.id, d.shortcut) for d in feature.docks]
        entries += [(v.id, None) for v in feature.views]
        for ident, shortcut in entries:
            if ident in ids:
                raise DeclarationError(
                    f"Aktion „{ident}“ ist doppelt deklariert ({ids[ident]}, {feature.name})"
                )
            ids[ident] = feature.name
            for key in key_texts(shortcut):
                if key in keys:
                    raise DeclarationError(
                        f"Tastenkürzel {key} ist doppelt belegt ({keys[key]}, {ident})"
                    )
                keys[key] = ident


def show_then(
    window,
    view: QWidget,
    focus: Callable[[QWidget], QWidget],
    then: Callable[[], object] | None = None,
):
    """A handler that brings `view`'s tab to the front (a LazyView's view: built first),
    focuses `focus(view)`, then runs `then`."""

    def run() -> None:
        from sa2030_desktop.gui.view_tabs import resolve

        shown = resolve(view)
        window.show_view(shown)
        focus(shown).setFocus()
        if then is not None:
            then()

    return run


def window_text(text: str) -> str:
    """German text in the main window's translation context (where it has always been)."""
    return QCoreApplication.translate("MainWindow", text)
