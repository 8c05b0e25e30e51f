"""Presentation steps laid out on their own (issue 14): a step shows one ministry's (or theme
field's) goals in the middle, their direct neighbours in other lanes left (what the step needs)
and right (who needs the step), with the edges between them, as large as the screen allows.

The whole-portfolio layout is no use for this: a lane keeps its place in the portfolio, so a step
is as wide as the portfolio and its neighbours lie far away. Here each part of a step is a small
grid of three sections, sized with the caller's real font metrics, and the column counts are
chosen so that the part fills the screen. A step splits into parts only when even the best grid
would need a zoom below the readable one. Qt-free: the GUI passes a `measure` function.
"""

from __future__ import annotations

import dataclasses
import math
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field

from sa2030_desktop.domain.graph_view import GraphModel, GraphNode
from sa2030_desktop.domain.presentation_grid import (  # noqa: F401 - step_route: the GUI's
    STACKED,
    StepMetrics,
    best_grid,
    fits,
    step_route,
)
from sa2030_desktop.domain.selection import natural_key

Measure = Callable[[str, bool], float]  # text, bold → width in scene units
MAX_TITLE_LINES = 3
METRICS = StepMetrics()  # the sizes of a step's boxes and gaps, in scene units


@dataclass(slots=True)
class StepPart:
    model: GraphModel  # positioned nodes (neighbours marked `context`) and their edges
    goals: list[str]  # the step's own goals in this part
    width: float = 0.0
    height: float = 0.0
    columns: tuple[int, int, int] = (1, 1, 1)  # before, step, after
    neighbours: list[str] = field(default_factory=list)
    stacked: bool = False  # sections one above the other (wide boxes), not side by side


def title_lines(title: str, chars: int) -> list[str]:
    """The whole title on at most three lines: the line length grows until it fits."""
    # three lines hold at most 3 × max(width, longest word) characters besides the spaces
    # they break at: narrower steps of the search cannot fit, so it starts at the first that
    # might (the same result, without wrapping a long title twenty times)
    words = re.split(r"[\t\n\x0b\x0c\r ]+", title)  # textwrap's whitespace, not NBSP
    text = sum(len(w) for w in words)
    least = text / 3 if 3 * max(len(w) for w in words) < text else chars
    width = chars + 2 * max(0, math.ceil((least - chars) / 2))
    while True:
        lines = textwrap.wrap(title, width, break_long_words=False) or [""]
        if len(lines) <= MAX_TITLE_LINES:
            return lines
        width += 2


def box_lines(node: GraphNode, chars: int, lead: bool = True) -> list[str]:
    """Header (key · lead · status in words: never colour alone), then the full title. The
    lead is left out for the goals of the ministry the step is about (the title says it)."""
    status = node.status.label if node.status else ""
    head = " · ".join(part for part in (node.key, node.lead if lead else "", status) if part)
    return [head, *title_lines(node.title, chars)]


def size_box(node: GraphNode, measure: Measure, m: StepMetrics, lead: bool = True) -> None:
    node.lines = box_lines(node, m.chars, lead)
    widest = max(measure(line, i == 0) for i, line in enumerate(node.lines))
    node.width = math.ceil(widest + 2 * m.pad + m.bar + 2)
    node.height = len(node.lines) * m.line + 2 * m.pad


def _adjacent(model: GraphModel) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    ins: dict[str, list[str]] = {}
    outs: dict[str, list[str]] = {}
    for e in model.edges:
        ins.setdefault(e.target, []).append(e.source)
        outs.setdefault(e.source, []).append(e.target)
    return ins, outs


def _sections(adjacent, goals: list[str]) -> tuple[list[str], list[str]]:
    """Neighbours outside the goals: prerequisites (before) and dependents (after), ordered by
    the first goal they touch, so that rows line up and edges cross little."""
    ins, outs = adjacent
    inside = set(goals)
    before: dict[str, int] = {}
    after: dict[str, int] = {}
    for i, key in enumerate(goals):
        for other in ins.get(key, ()):
            if other not in inside and other not in before:
                before[other] = i
        for other in outs.get(key, ()):
            if other not in inside and other not in after:
                after[other] = i
    for key in before:
        after.pop(key, None)  # both ways: shown once, on the left
    ranked = lambda d: sorted(d, key=lambda k: (d[k], natural_key(k)))  # noqa: E731
    return ranked(before), ranked(after)


def step_goals(model: GraphModel, keys) -> list[str]:
    """These goals in reading order: prerequisites before their dependents, else by key."""
    goals = sorted(keys, key=natural_key)
    inside = set(goals)
    ins, _outs = _adjacent(model)
    preds = {k: [p for p in ins.get(k, ()) if p in inside] for k in goals}
    depth: dict[str, int] = {}
    for k in goals:  # longest-path depth without recursion; a cycle (groups) is cut open
        stack, on_path = [(k, iter(preds[k]))], {k}
        while stack:
            node, it = stack[-1]
            nxt = next((p for p in it if p not in depth and p not in on_path), None)
            if nxt is not None:
                stack.append((nxt, iter(preds[nxt])))
                on_path.add(nxt)
                continue
            depth[node] = max((depth[p] + 1 for p in preds[node] if p in depth), default=0)
            on_path.discard(node)
            stack.pop()
    return sorted(goals, key=lambda k: (depth[k], natural_key(k)))


def plan_step(
    model: GraphModel,
    lane: str,
    screen: tuple[float, float],
    readable_zoom: float,
    measure: Measure,
    m: StepMetrics = METRICS,
) -> list[StepPart]:
    """The parts of one step (the goals of one lane with their neighbours in other lanes):
    each part fits `screen` (pixels) at `readable_zoom` or more."""
    goals = step_goals(model, [k for k, n in model.nodes.items() if n.lane == lane])
    return plan_goals(model, goals, screen, readable_zoom, measure, m, own_lane=lane)


def plan_goals(
    model: GraphModel,
    goals: list[str],
    screen: tuple[float, float],
    readable_zoom: float,
    measure: Measure,
    m: StepMetrics = METRICS,
    neighbours: bool = True,
    own_lane: str | None = None,
) -> list[StepPart]:
    """Parts showing `goals` (in this order), with their direct neighbours unless told not to.

    Goals are added to a part while it still fits; a single goal whose neighbours alone do
    not fit gets parts of its own with its neighbours shared out."""
    nodes = {
        k: dataclasses.replace(n, dimmed=False, highlighted=False) for k, n in model.nodes.items()
    }
    work = GraphModel(nodes, model.edges, [])
    adjacent = _adjacent(work) if neighbours else ({}, {})
    needed = set(goals) | {k for g in goals for side in adjacent for k in side.get(g, ())}
    for key in needed:
        size_box(nodes[key], measure, m, lead=nodes[key].lane != own_lane or not nodes[key].lead)

    def fits_screen(keys: list[str]) -> bool:
        sections = [[nodes[k] for k in sec] for sec in _with_neighbours(adjacent, keys)]
        return fits(sections, screen, m, readable_zoom)

    # first fit: a part takes every later goal that still fits beside it (goals that share
    # neighbours pack well), so a step has as few parts as the screen allows
    groups: list[list[str]] = []
    left = list(goals)
    while left:
        group = [left.pop(0)]
        for key in list(left):
            trial = sorted([*group, key], key=goals.index)
            if fits_screen(trial):
                group = trial
                left.remove(key)
        groups.append(group)
    parts: list[StepPart] = []
    for keys in groups:
        before, _keys, after = _with_neighbours(adjacent, keys)
        parts.extend(_share_out(work, keys, before, after, m, screen, readable_zoom, own_lane))
    return parts


def _with_neighbours(adjacent, keys: list[str]) -> tuple[list[str], list[str], list[str]]:
    before, after = _sections(adjacent, keys)
    return before, keys, after


def _share_out(work, keys, before, after, m, screen, readable_zoom, own_lane) -> list[StepPart]:
    """One part, or (a goal with more neighbours than a screen holds) several parts, each with
    a share of the neighbours."""
    chunks: list[tuple[list[str], list[str]]] = []
    cur_b: list[str] = []
    cur_a: list[str] = []
    for side, key in [("b", k) for k in before] + [("a", k) for k in after]:
        tb, ta = (cur_b + [key], cur_a) if side == "b" else (cur_b, cur_a + [key])
        sections = [[work.nodes[k] for k in sec] for sec in (tb, keys, ta)]
        if fits(sections, screen, m, readable_zoom) or not (cur_b or cur_a):
            cur_b, cur_a = tb, ta
            continue
        chunks.append((cur_b, cur_a))
        cur_b, cur_a = ([key], []) if side == "b" else ([], [key])
    chunks.append((cur_b, cur_a))
    return [_place(work, keys, b, a, m, (screen, readable_zoom), own_lane) for b, a in chunks]


def _place(work: GraphModel, goals, before, after, m: StepMetrics, sight, own_lane) -> StepPart:
    sections = [[work.nodes[k] for k in sec] for sec in (before, goals, after)]
    _zoom, columns, width, height, stacked = best_grid(sections, sight[0], m, sight[1])
    pitch = max(n.height for sec in sections for n in sec) + m.row_gap
    if stacked:
        nodes = _place_stacked(sections, columns[0], pitch, goals, own_lane, m)
        return _part(work, nodes, goals, before, after, (width, height, columns, True))
    rows = max(-(-len(sec) // c) for sec, c in zip(sections, columns, strict=True) if sec)
    nodes: dict[str, GraphNode] = {}
    x = m.margin
    for sec, c in zip(sections, columns, strict=True):
        if not sec:
            continue
        colw = max(n.width for n in sec)
        sec_rows = -(-len(sec) // c)
        # whole rows down: every section shares one row grid, so an edge running in a row gap
        # past a column in between never passes behind one of its boxes
        top = m.margin + (rows - sec_rows) // 2 * pitch
        for i, node in enumerate(sec):
            col, row = divmod(i, sec_rows)  # column-major: rows line up with the middle
            placed = dataclasses.replace(node, context=_is_context(node, goals, own_lane))
            placed.height = pitch - m.row_gap  # one height per part: rows and gaps align
            placed.x = x + col * (colw + m.col_gap) + colw / 2
            placed.y = top + row * pitch + (pitch - m.row_gap) / 2
            nodes[node.id] = placed
        x += c * colw + (c - 1) * m.col_gap + m.section_gap
    return _part(work, nodes, goals, before, after, (width, height, columns, False))


def _is_context(node: GraphNode, goals, own_lane) -> bool:
    return node.key not in goals if own_lane is None else node.lane != own_lane


def _place_stacked(sections, columns, pitch, goals, own_lane, m) -> dict[str, GraphNode]:
    """Bands from top to bottom, each in rows of `columns` of one width (the gaps between
    the columns stay free for the edges that pass rows)."""
    colw = max(n.width for sec in sections for n in sec)
    nodes: dict[str, GraphNode] = {}
    top = m.margin
    for sec in sections:
        if not sec:
            continue
        for i, node in enumerate(sec):
            row, col = divmod(i, columns)
            placed = dataclasses.replace(node, context=_is_context(node, goals, own_lane))
            placed.height, placed.width = pitch - m.row_gap, colw
            placed.x = m.margin + col * (colw + m.col_gap) + colw / 2
            placed.y = top + row * pitch + (pitch - m.row_gap) / 2
            nodes[node.id] = placed
        top += -(-len(sec) // columns) * pitch - m.row_gap + m.section_gap
    return nodes


def _part(work, nodes, goals, before, after, frame) -> StepPart:
    width, height, columns, stacked = frame
    inside = set(goals)
    edges = [
        dataclasses.replace(e, dimmed=False, highlighted=False, via=STACKED if stacked else None)
        for e in work.edges
        if e.source in nodes and e.target in nodes and (e.source in inside or e.target in inside)
    ]
    part = GraphModel(nodes, edges, [], goals=set(nodes))
    return StepPart(part, list(goals), width, height, columns, [*before, *after], stacked)
