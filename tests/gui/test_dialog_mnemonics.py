"""Alt+letter presses a dialog's button only when no other control of the dialog shows the same
letter: with two, Qt moves the focus between them and presses nothing. The briefing dialog's
„&Erstellen“ shared its E with „&Einstufung“, so Alt+E never created the briefing (trial of
issue 14: keyboard alone, BITV 2.0). Two fields may share a letter (Alt cycles between them);
a button may not share its letter with anything."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QDialog, QGroupBox, QLabel

from tests.gui.test_menu_mnemonics import _letter
from tests.support.dialogs import dialogs

DIALOGS = dialogs()


def _letters(dialog) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(letters of the visible buttons, letters of every visible control) → their texts."""
    buttons: dict[str, list[str]] = {}
    every: dict[str, list[str]] = {}
    controls = [(b.text(), True) for b in dialog.findChildren(QAbstractButton) if b.isVisible()]
    controls += [
        (label.text(), False)
        for label in dialog.findChildren(QLabel)
        if label.isVisible() and label.buddy() is not None
    ]
    controls += [(box.title(), False) for box in dialog.findChildren(QGroupBox) if box.isVisible()]
    for text, is_button in controls:
        letter = _letter(text)
        if letter:
            every.setdefault(letter, []).append(text)
            if is_button:
                buttons.setdefault(letter, []).append(text)
    return buttons, every


@pytest.mark.parametrize("name", list(DIALOGS))
def test_a_button_letter_is_the_buttons_own(window, qtbot, tmp_path, name):
    dialog = DIALOGS[name](window, tmp_path)
    if not isinstance(dialog, QDialog):  # (a page or window opened by the entry)
        pytest.skip(f"{name}: kein Dialog")
    qtbot.addWidget(dialog)
    if not dialog.isVisible():
        dialog.show()
    qtbot.waitExposed(dialog)
    buttons, every = _letters(dialog)
    clashes = [f"Alt+{k.upper()}: {every[k]}" for k in buttons if len(every[k]) > 1]
    dialog.close()
    assert clashes == [], f"{name}: " + "; ".join(clashes)
