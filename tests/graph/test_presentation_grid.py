"""The planner's shortcuts (domain/presentation_grid.py, presentation_steps.title_lines) give
what the plain search gives: `fits` answers without trying every grid whether best_grid reaches
a zoom, and title_lines starts its search where three lines could first hold the title. A step
of 290 goals took 15-19 s to plan before (on the GUI thread, at Bild↓), now under 1 s
(benchmarks/presentation_steps.py)."""

from __future__ import annotations

import random
import textwrap

from sa2030_desktop.domain.graph_view import GraphNode
from sa2030_desktop.domain.presentation_grid import StepMetrics, best_grid, fits
from sa2030_desktop.domain.presentation_steps import title_lines


def _box(rnd: random.Random, i: int) -> GraphNode:
    node = GraphNode(id=f"Z{i}", key=f"Z{i}", title="", lead="MI", status=None, lane="MI")
    node.width = rnd.choice([60.0, 120.0, 180.0, 320.0]) + rnd.random() * 40
    node.height = rnd.choice([32.0, 44.0, 56.0])
    return node


def test_fits_says_what_the_best_grid_reaches():
    rnd = random.Random(14)
    m = StepMetrics()
    answers = set()
    for case in range(3000):
        sections = [[_box(rnd, i) for i in range(rnd.choice([0, 0, 1, 2, 5, 12, 30]))]
                    for _side in range(3)]  # fmt: skip
        if not any(sections):
            continue
        screen = rnd.choice([(1366.0, 700.0), (1920.0, 1010.0), (1024.0, 540.0)])
        zoom = rnd.choice([0.6, 1.2, 2.4, 3.0])
        expected = best_grid(sections, screen, m, zoom)[0] >= zoom
        assert fits(sections, screen, m, zoom) == expected, (case, screen, zoom)
        answers.add(expected)
    assert answers == {True, False}  # both answers were put to the test


def _searched(title: str, chars: int) -> list[str]:
    width = chars
    while True:
        lines = textwrap.wrap(title, width, break_long_words=False) or [""]
        if len(lines) <= 3:
            return lines
        width += 2


def test_title_lines_are_those_of_the_step_by_step_search():
    rnd = random.Random(2030)
    words = ["Ämter", "für", "Straßen-bau-verwaltung", "a", "Datenschutzfolgenabschätzung",
             "–", "x" * 40, "Müller\xa0Weiß", "Onlinezugangsgesetz"]  # fmt: skip
    for _ in range(3000):
        title = "".join(
            rnd.choice(words) + rnd.choice([" ", "  ", "\t", "\n"])
            for _ in range(rnd.randint(0, 25))
        )
        for chars in (10, 22):
            assert title_lines(title, chars) == _searched(title, chars), title
