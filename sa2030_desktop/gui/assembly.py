"""Builds the main window's menus, tabs and docks from the features' declarations.

All declarations are collected first and checked for collisions; then every menu is filled in
(section, order) with a separator between sections, so no feature depends on another's timing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from sa2030_desktop.gui.features import (
    ActionSpec,
    DeclarationError,
    DeclaredAction,
    DockSpec,
    Feature,
    MenuSpec,
    check_unique,
)

# The Qt property F1 looks for on the way from the focused widget up (gui/help/context.py).
HELP_PROPERTY = "helpSection"


@dataclass
class _Entry:
    section: int
    order: int
    action: QAction


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class Assembly:
    """The window's registry of installed features, menus, actions and docks (by id)."""

    def __init__(self, window: QMainWindow, add_view: Callable[[QWidget, str], int]) -> None:
        self.window = window
        self._add_view = add_view
        self.features: dict[str, Feature] = {}
        self.menus: dict[str, QMenu] = {}
        self.actions: dict[str, QAction] = {}
        self.docks: dict[str, QDockWidget] = {}
        self._menu_specs: dict[str, MenuSpec] = {}
        self._specs: dict[str, ActionSpec | DockSpec] = {}

    def accepts(self, feature: Feature) -> None:
        """Raise DeclarationError when `feature` collides with those accepted so far."""
        check_unique([*self.features.values(), feature])
        known = {*self._menu_specs, *(m.path for f in self.features.values() for m in f.menus)}
        for menu in feature.menus:
            if menu.path in known:
                raise DeclarationError(f"Menü „{menu.path}“ ist doppelt deklariert")
            known.add(menu.path)

    def add(self, feature: Feature) -> None:
        self.accepts(feature)
        self.features[feature.name] = feature

    def build(self) -> None:
        """Create the menus, tabs, docks and actions of every accepted feature."""
        bar = self.window.menuBar()
        entries: dict[str, list[_Entry]] = {}
        specs = [m for f in self.features.values() for m in f.menus]
        for spec in sorted(specs, key=lambda m: m.path.count("/")):
            self._menu_specs[spec.path] = spec
            menu = QMenu(spec.title, self.window)
            menu.setObjectName("menu_" + spec.path.rsplit("/", 1)[-1])
            self.menus[spec.path] = menu
            if "/" in spec.path:
                entries.setdefault(self._parent(spec.path), []).append(
                    _Entry(spec.section, spec.order, menu.menuAction())
                )
            else:
                bar.addMenu(menu)
        for feature in self.features.values():
            for view in feature.views:
                view.widget.setProperty(HELP_PROPERTY, view.help)
                self._add_view(view.widget, view.title)
            for dock in feature.docks:
                action = self._dock(dock)
                entries.setdefault(self._known(dock.menu, dock.id), []).append(
                    _Entry(dock.section, dock.order, action)
                )
                self._specs[dock.id] = dock
            for spec in feature.actions:
                action = self._action(spec)
                entries.setdefault(self._known(spec.menu, spec.id), []).append(
                    _Entry(spec.section, spec.order, action)
                )
                self._specs[spec.id] = spec
        for path, items in entries.items():
            menu = self.menus[path]
            section = None
            for item in sorted(items, key=lambda e: (e.section, e.order)):
                if section is not None and item.section != section:
                    menu.addSeparator()
                section = item.section
                menu.addAction(item.action)
            menu.aboutToShow.connect(lambda p=path: self._update_enabled(p))

    def _parent(self, path: str) -> str:
        return self._known(path.rsplit("/", 1)[0], path)

    def _known(self, path: str, who: str) -> str:
        if path not in self.menus:
            raise DeclarationError(f"„{who}“ nennt das unbekannte Menü „{path}“")
        return path

    def _action(self, spec: ActionSpec) -> QAction:
        action = spec.factory(self.window) if spec.factory else QAction(spec.text, self.window)
        action.setObjectName(spec.object_name or f"action:{spec.id}")
        _set_shortcut(action, spec.shortcut)
        if spec.status_tip:
            action.setStatusTip(spec.status_tip)
        action.setCheckable(spec.checkable)
        if spec.handler is not None:
            action.triggered.connect(lambda _=False, h=spec.handler: h())
        if spec.window_shortcut:
            self.window.addAction(action)
        self.actions[spec.id] = action
        return action

    def _dock(self, spec: DockSpec) -> QAction:
        spec.widget.setProperty(HELP_PROPERTY, spec.help)
        dock = add_dock(self.window, spec.widget, spec.title, spec.area, spec.object_name)
        if spec.hidden:
            dock.hide()
        self.docks[spec.id] = dock
        action = dock.toggleViewAction()
        if spec.menu_text:
            action.setText(spec.menu_text)
        _set_shortcut(action, spec.shortcut)
        self.actions[spec.id] = action
        return action

    def dock_specs(self) -> list[DockSpec]:
        return [d for f in self.features.values() for d in f.docks]

    def _update_enabled(self, path: str) -> None:
        for ident, spec in self._specs.items():
            if isinstance(spec, ActionSpec) and spec.menu == path and spec.enabled is not None:
                self.actions[ident].setEnabled(bool(spec.enabled()))

    def declared(self) -> list[DeclaredAction]:
        """Every declared action in menu order, with the menu path as the user reads it."""
        by_action = {a: i for i, a in self.actions.items()}
        result: list[DeclaredAction] = []

        def walk(menu: QMenu, titles: tuple[str, ...]) -> None:
            for action in menu.actions():
                if action.menu() is not None:
                    walk(action.menu(), (*titles, _plain(action.menu().title())))
                elif action in by_action:
                    keys = ", ".join(k.toString() for k in action.shortcuts())
                    result.append(
                        DeclaredAction(by_action[action], titles, _plain(action.text()), keys)
                    )

        for path, menu in self.menus.items():
            if "/" not in path:
                walk(menu, (_plain(menu.title()),))
        return result


def _set_shortcut(action: QAction, shortcut) -> None:
    if shortcut is None:
        return
    if isinstance(shortcut, str) and QKeySequence(shortcut).isEmpty():
        raise DeclarationError(f"„{action.text()}“: Tastenkürzel „{shortcut}“ ist ungültig")
    action.setShortcut(QKeySequence(shortcut))


def add_dock(window: QMainWindow, widget: QWidget, title: str, area, object_name: str = ""):
    dock = QDockWidget(title, window)
    dock.setObjectName(object_name or f"dock_{widget.objectName() or title}")
    dock.setWidget(widget)
    if not widget.accessibleName():
        widget.setAccessibleName(title)
    window.addDockWidget(area, dock)
    return dock
