"""Presentation steps on a portfolio the demo does not resemble (issue 14, acceptance on unseen
portfolios): goal titles of 150-190 characters with umlauts and ß. Wrapped on three lines such a
box is a third of a 1920-pixel screen wide at 18 pt, so the step's three sections (what it needs,
the step, who needs it) cannot stand side by side: they were split into a part per goal and
neighbour (7-10 parts for five goals, two boxes on a 1366 screen). Stacked as bands, the same
step fills the screen."""

from __future__ import annotations

import pytest

from sa2030_desktop.domain import graph_layout as gl
from tests.support.builders import dep, goal
from tests.support.qt import presentation_at, window_on

WORDS = (
    "Einführung der elektronischen Aktenführung für Gemeinden und Landkreise gemäß "
    "Onlinezugangsgesetz mit Datenschutzfolgenabschätzung, Übergangsregelungen für Außenstellen, "
    "Schließung der Medienbrüche in der Straßenbauverwaltung und Förderrichtlinie"
).split()


def _title(i: int) -> str:
    words = WORDS[i % 5 :] + WORDS[: i % 5]
    text = f"Vorhaben {i}:"
    for word in words:
        if len(text) >= 150 + (i % 3) * 20:
            break
        text += " " + word
    return text


# MB's goal B0 needs two goals of other ministries and four others need it; B1 and B2 stand alone
GOALS = [
    ("B0", "MB"), ("B1", "MB"), ("B2", "MB"), ("P1", "MI"), ("P2", "StK"),
    ("D1", "MWU"), ("D2", "MF"), ("D3", "MI"), ("D4", "MS"),
]  # fmt: skip
DEPS = [("B0", "P1"), ("B0", "P2"), ("D1", "B0"), ("D2", "B0"), ("D3", "B0"), ("D4", "B0")]


@pytest.fixture
def long_titles(make_store):
    goals = [goal(k, lead=m, title=_title(i)) for i, (k, m) in enumerate(GOALS)]
    return make_store(goals=goals, dependencies=[dep(a, b) for a, b in DEPS])


def _present(win, qtbot, size):
    shown = presentation_at(win, qtbot, size)
    assert shown.groups[shown.step_index] == "MB"
    return shown


def _boxes_on_screen(present) -> dict:
    view = present.view
    port = view.viewport().rect()
    rects = {}
    for key, item in present.scene.nodes.items():
        rect = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
        assert port.contains(rect), key
        rects[key] = item.sceneBoundingRect()
    return rects


def _through_a_box(present, rects) -> list[str]:
    """Edges that pass behind a box other than their own two ends (they seem to start there)."""
    wrong = []
    for (source, target), item in present.scene.edges.items():
        path = item.path()
        for key, rect in rects.items():
            if key in (source, target):
                continue
            inner = rect.adjusted(4, 4, -4, -4)
            if any(inner.contains(path.pointAtPercent(t / 100)) for t in range(101)):
                wrong.append(f"{source}→{target} durch {key}")
    return wrong


def test_a_goal_with_long_titled_neighbours_is_one_readable_part_on_a_projector(
    long_titles, qtbot, isolated_settings
):
    with window_on(qtbot, long_titles) as win:
        present = _present(win, qtbot, (1920, 1080))
        assert len(present.parts) == 1, present.legend.info.text()
        assert "Teil" not in present.legend.info.text()
        assert set(present.scene.nodes) == {k for k, _m in GOALS}
        assert gl.FONT_SIZE * present.view.zoom() * 72 / 96 >= 18 - 1e-6
        portfolio = win.bridge.snapshot()
        for key, item in present.scene.nodes.items():
            lines = item.node.lines
            assert len(lines) <= 4  # the header and the whole title on up to three lines
            assert " ".join(lines[1:]) == portfolio.goals[key].title
        rects = _boxes_on_screen(present)
        assert set(present.scene.edges) == {(b, a) for a, b in DEPS}
        assert _through_a_box(present, rects) == []
        present.close()


def test_a_laptop_screen_shows_more_than_a_goal_and_one_neighbour_per_part(
    long_titles, qtbot, isolated_settings
):
    with window_on(qtbot, long_titles) as win:
        present = _present(win, qtbot, (1366, 768))
        # nine boxes; three fit a 1366 × 768 screen at 18 pt (two side by side did before)
        assert len(present.parts) <= 4, present.legend.info.text()
        seen = set()
        for _part in present.parts:
            assert gl.FONT_SIZE * present.view.zoom() * 72 / 96 >= 18 - 1e-6
            rects = _boxes_on_screen(present)
            assert _through_a_box(present, rects) == []
            seen |= set(rects)
            present.go(1)
        assert seen == {k for k, _m in GOALS}
        present.close()
