"""Edges of a presentation step never pass behind a box they do not touch (it would look as if
they started there). Found on a trial portfolio with dense cross-ministry dependencies: a goal
needed by seven goals of other ministries gets them in two columns; its edges to the second
column ran along the goal's own row gap, but a section of one row was centred half a row off
the four rows beside it, so that „gap“ was the middle of the first column's boxes – D04's edges
to D63 and D81 seemed to start at D15 and D39."""

from __future__ import annotations

import pytest

from tests.graph.test_presentation_long_titles import _boxes_on_screen, _present, _through_a_box
from tests.support.builders import dep, goal
from tests.support.qt import window_on

OTHERS = ["MI", "MF", "StK", "MS", "MWU", "MWL", "MID"]


@pytest.fixture
def one_goal_needed_by_seven(make_store):
    goals = [goal("B0", lead="MB")]
    goals += [goal(f"D{i}", lead=m) for i, m in enumerate(OTHERS)]
    deps = [dep(f"D{i}", "B0") for i in range(len(OTHERS))]
    return make_store(goals=goals, dependencies=deps)


@pytest.mark.parametrize("size", [(1366, 768), (1280, 720)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_edges_to_a_second_column_run_in_a_gap(one_goal_needed_by_seven, qtbot, size,
                                                isolated_settings):  # fmt: skip
    with window_on(qtbot, one_goal_needed_by_seven) as win:
        present = _present(win, qtbot, size)
        assert len(present.parts) == 1, present.legend.info.text()
        part = present.parts[0]
        assert not part.stacked and part.columns[2] >= 2  # the dependents in two columns
        rects = _boxes_on_screen(present)
        assert len(present.scene.edges) == 7
        assert _through_a_box(present, rects) == []
        present.close()
