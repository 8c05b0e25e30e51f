"""Alt+letter opens the menu that shows the letter underlined, whatever view is in front.

A label, button or tab of the window with the same letter took the key first: on the goal
table Alt+T went to the Themenfeld filter (then Status, only the third press opened Austausch),
Alt+A to the saved views instead of the Ansicht menu, and with the goal details open Alt+H to
a field instead of Hilfe and Alt+B to „Übernehmen“ instead of Bearbeiten (BITV 2.0: keyboard
alone). Letters shared between two fields only cycle between them and stay allowed."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton, QDockWidget, QGroupBox, QLabel, QMenuBar, QTabBar


def _letter(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _taken(window) -> dict[str, list[str]]:
    """The letters of the visible controls inside the window (not of its menus)."""
    taken: dict[str, list[str]] = {}

    def add(text: str) -> None:
        letter = _letter(text)
        if letter:
            taken.setdefault(letter, []).append(text)

    for label in window.findChildren(QLabel):
        if label.isVisible() and label.buddy() is not None:
            add(label.text())
    for button in window.findChildren(QAbstractButton):
        if button.isVisible():
            add(button.text())
    for box in window.findChildren(QGroupBox):
        if box.isVisible():
            add(box.title())
    for bar in window.findChildren(QTabBar):
        if bar.isVisible():
            for index in range(bar.count()):
                add(bar.tabText(index))
    return taken


def test_no_control_of_any_view_takes_a_menu_letter(qtbot, window):
    menus = {}
    for action in window.findChild(QMenuBar).actions():
        menus[_letter(action.text())] = action.text()
    for dock in window.findChildren(QDockWidget):  # goal details, history, change log
        dock.show()
    clashes = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(50)
        for letter, texts in _taken(window).items():
            if letter in menus:
                clashes.append(f"{window.tabs.tabText(index)}: {menus[letter]} ↔ {texts}")
    assert clashes == [], "\n".join(clashes)
