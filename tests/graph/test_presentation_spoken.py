"""What a screen reader hears in the presentation (F11, issue 14, BITV 2.0): after a step (→)
the view's description and announcement name the step now shown and a goal of it – not the goal
of the step before – and a goal is read out with its dates (DIN 5008) as in the graph tab."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

from sa2030_desktop.domain.ministries import lead_at
from tests.support.qt import presentation_at


def _own(window, present) -> set[str]:
    """The goals led by the ministry of the step shown."""
    portfolio, as_of = window.bridge.snapshot(), window.bridge.as_of
    lane = present.groups[present.step_index]
    return {k for k, g in portfolio.goals.items() if lead_at(portfolio, g, as_of) == lane}


def _record(monkeypatch) -> list[str]:
    sent: list[str] = []
    real = QAccessible.updateAccessibility

    def record(event) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            sent.append(event.message())
        real(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", record)
    return sent


def test_the_next_step_names_its_own_goal_with_dates(window, qtbot, monkeypatch):
    present = presentation_at(window, qtbot, (1920, 1080))
    sent = _record(monkeypatch)
    view = present.view
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # a keyboard goal in step 1
    first = present.scene.focus_key
    assert first in present.scene.nodes
    assert view.accessibleDescription().startswith(first + " – ")
    for _ in range(len(present.parts)):  # → to the next step (through this step's parts)
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert present.step_index == 1 and present.part_index == 0
    said = view.accessibleDescription()
    assert sent[-1] == said  # read out at once, not only when asked
    assert first + " – " not in said
    key = present.scene.focus_key
    assert key in _own(window, present) and key in present.parts[0].goals
    assert present.legend.info.text().split(" · ")[0] in said  # the step shown
    assert key + " – " in said
    assert re.search(r"(Prognose|am) \d\d\.\d\d\.\d{4}|keine Meilensteine", said), said


def test_a_goal_is_read_out_with_its_dates(window, qtbot):
    present = presentation_at(window, qtbot, (1920, 1080))
    qtbot.keyClick(present.view, Qt.Key.Key_Tab)
    said = present.view.accessibleDescription()
    assert re.search(
        r"Prognose \d\d\.\d\d\.\d{4}, Basistermin \d\d\.\d\d\.\d{4}"
        r"|zuletzt \S+ am \d\d\.\d\d\.\d{4}|keine Meilensteine",
        said,
    ), said


def test_a_step_without_keyboard_goal_is_announced_by_its_title(window, qtbot, monkeypatch):
    present = presentation_at(window, qtbot, (1920, 1080))
    sent = _record(monkeypatch)
    qtbot.keyClick(present.view, Qt.Key.Key_End)
    assert present.is_overall()
    assert sent[-1] == present.view.accessibleDescription()
    assert sent[-1].startswith(present.legend.info.text().split(" · ")[0])


def test_the_keyboard_goal_of_a_new_step_is_not_selected(window, qtbot):
    """Found on a trial: for anyone who once chose a goal, every new step selected its first
    goal and drew a selection frame on the projector. The keyboard goal follows with its focus
    ring only; a selection is the user's."""
    present = presentation_at(window, qtbot, (1920, 1080))
    view = present.view
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # a keyboard goal (selected) in step 1
    assert present.scene.selectedItems()
    for _ in range(len(present.parts)):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert present.step_index == 1
    assert present.scene.focus_key in present.parts[0].goals  # the keyboard goal followed
    assert not present.scene.selectedItems()  # without a selection frame
    qtbot.keyClick(view, Qt.Key.Key_F)  # F: the chain of the keyboard goal
    assert present.focus_key is not None
