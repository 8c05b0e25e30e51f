"""What the presentation (F11) says: the step's title in the legend, and what a screen reader
hears after a step – the title and, for a keyboard user, the keyboard goal of the step now shown
with its dates (issue 14, BITV 2.0). The goal of the step before must not stay the description
of the view: after → it is moved to a goal of the new step."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sa2030_desktop.domain.grammar import count_de, deps_de, goals_de
from sa2030_desktop.gui.accessibility import announce
from sa2030_desktop.gui.graph.label_sight import roomless_de


def tr(text: str) -> str:
    return QCoreApplication.translate("PresentationWindow", text)


def step_title(win) -> str:
    """„Schritt 2 von 10: MI (4 Ziele, 3 Nachbarn) · Teil 1/2 · Bearbeiten an“ and the like; conflicts
    whose label finds no room are counted (· 2 Konflikte ohne Platz)."""
    roomless = win.view.roomless
    return _title(win) + (" · " + roomless_de(roomless) if roomless else "")


def _title(win) -> str:
    part = ""
    if len(win.parts) > 1:
        part = tr(" · Teil {0}/{1}").format(win.part_index + 1, len(win.parts))
    # only editing is said: „· nur Ansicht“ made the title too long to stand beside the line
    # swatches at 1280 × 720, and its second row took the room of the step's goals
    mode = tr(" · Bearbeiten an") if win.editing else ""
    total, whole = len(win.groups) + 1, win.whole
    if win.focus_key is not None:
        count = len({k for p in win.parts for k in p.goals})
        return tr("Kette von {0}: {1}{2}{3}").format(win.focus_key, goals_de(count), part, mode)
    if win.is_overall() or not win.groups:
        return tr("Schritt {0} von {1}: Gesamtbild ({2}, {3}){4}").format(
            total, total, goals_de(len(whole.goals)), deps_de(len(whole.dependencies)), mode
        )
    lane = win.groups[win.step_index]
    label = next((x.label for x in whole.lanes if x.value == lane), "")
    if win.build_up:
        count = sum(1 for n in whole.nodes.values() if n.lane == lane)
        return tr("Schritt {0} von {1}: {2} ({3}, Aufbau){4}").format(
            win.step_index + 1, total, label, goals_de(count), mode
        )
    goals = {k for p in win.parts for k in p.goals}
    others = {k for p in win.parts for k in p.neighbours} - goals
    return tr("Schritt {0} von {1}: {2} ({3}, {4}){5}{6}").format(
        win.step_index + 1,
        total,
        label,
        goals_de(len(goals)),
        count_de(len(others), "Nachbar", "Nachbarn"),
        part,
        mode,
    )


def own_goals(win) -> list[str]:
    """The goals the step shown is about, in reading order: the part's own goals (a step, a
    chain), or the goals in sight (Gesamtbild, build-up)."""
    order = [item.key for item in win.view.keys.reading_order()]
    if win.showing_whole() or not win.parts:
        return [k for k in order if not k.startswith("grp:")]
    own = set(win.parts[win.part_index].goals)
    return [k for k in order if k in own]


def speak(win, keyboard_goal: str | None) -> None:
    """After a step: the title, and – if the user had a keyboard goal – the keyboard goal of the
    step now shown (the one before if it is still one of the step's goals, else the first)."""
    title = win.legend.info.text().split(" · ")[0]
    keys = win.view.keys
    own = own_goals(win)
    if keyboard_goal is None or not own:
        win.scene.set_focus_key(None)
        announce(win.view, title)
        win.view.announced.emit(title)
        return
    key = keyboard_goal if keyboard_goal in own else own[0]
    keys.set_current(win.scene.nodes[key], prefix=title + ": ", select=False)
