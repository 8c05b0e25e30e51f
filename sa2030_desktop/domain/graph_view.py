"""What the dependency graph shows under a filter: nodes, edges, groups and highlights.

Shared by the Qt scene, the exported figure and the `sa2030 graph` command, so that every
picture of one filter holds the same goals and dependencies. Positions come from graph_layout.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: networkx costs ~0.2 s at start (issue 3)
    import networkx as nx

from sa2030_desktop.domain import graph as g
from sa2030_desktop.domain.conflicts import conflict_of
from sa2030_desktop.domain.ministries import lead_at
from sa2030_desktop.domain.model import Dependency, DependencyKind, Portfolio, Status
from sa2030_desktop.domain.selection import Selection, natural_key

LANE_FIELDS = ("lead", "theme")
FOCUS_MODES = ("both", "predecessors", "dependents")
GROUP_PREFIX = "grp:"


@dataclass(slots=True)
class GraphOptions:
    """The graph's filter and analysis settings (GraphSelection in the issue)."""

    selection: Selection = field(default_factory=Selection)
    hops: int = 0  # neighbours of the selection, up to n dependency steps away
    neighbour_edges: bool = False  # also the edges among those neighbours
    cross_ministry: bool = False  # only dependencies between goals of different lead ministries
    swimlanes: str | None = None  # "lead" | "theme" | None
    focus: str | None = None  # show only this goal's chain
    focus_mode: str = "both"  # "predecessors" | "dependents" | "both"
    longest_chain: bool = False  # highlight the longest chain, dim the rest
    collapsed: frozenset[str] = frozenset()  # lane values shown as one group node

    def view_name(self) -> str:
        """The name under which positions of this view are stored (same filter → same picture)."""
        s = self.selection
        parts = [
            f"{k}={v}"
            for k, v in (
                ("category", s.category), ("theme", s.theme), ("ministry", s.ministry),
                ("involved", s.involved or None), ("status", s.status and s.status.value),
                ("slipped", s.only_slipped or None), ("goal", s.goal),
                ("hops", self.hops or None), ("cross", self.cross_ministry or None),
                ("lanes", self.swimlanes),
                ("focus", self.focus and f"{self.focus}:{self.focus_mode}"),
            )
            if v
        ]  # fmt: skip
        return "graph" + ("?" + "&".join(parts) if parts else "")


@dataclass(slots=True)
class GraphNode:
    id: str  # goal key, or "grp:<lane>" for a collapsed group
    key: str
    title: str
    lead: str
    status: Status | None
    lane: str
    count: int = 1  # goals inside a group node
    dimmed: bool = False
    highlighted: bool = False
    # set by graph_layout
    x: float = 0.0
    y: float = 0.0
    width: float = 0.0
    height: float = 0.0
    slack: float = 0.0  # free room left and right of the node inside its layer column
    lines: list[str] | None = None  # text lines when not the graph's usual ones (presentation)
    context: bool = False  # shown only as a neighbour of a presentation step's goals

    @property
    def is_group(self) -> bool:
        return self.id.startswith(GROUP_PREFIX)


@dataclass(slots=True)
class GraphEdge:
    source: str  # node id of the prerequisite (arrow starts here)
    target: str  # node id of the dependent
    kind: DependencyKind
    conflict: bool = False
    cross: bool = False
    dependencies: list[Dependency] = field(default_factory=list)
    # domain.conflicts.Conflict on this edge; most edges have none: the empty tuple, not
    # 20,000 empty lists at 10,000 goals for the garbage collector to walk
    conflicts: tuple = ()
    dimmed: bool = False
    highlighted: bool = False
    # set by graph_layout for an edge across several layers: where it passes each layer in
    # between ((x_in, x_out, y) in a row gap), valid while its ends stand where they were
    via: tuple | None = None

    @property
    def id(self) -> tuple[str, str]:
        return (self.source, self.target)


@dataclass(slots=True)
class Lane:
    value: str
    label: str
    y0: float = 0.0
    y1: float = 0.0


@dataclass(slots=True)
class GraphModel:
    nodes: dict[str, GraphNode]
    edges: list[GraphEdge]
    lanes: list[Lane]
    chain: list[str] = field(default_factory=list)  # longest chain (flow order) when asked for
    goals: set[str] = field(default_factory=set)  # goal keys shown (also inside groups)
    dependencies: list[Dependency] = field(default_factory=list)  # dependencies shown

    @property
    def is_empty(self) -> bool:
        return not self.nodes


def lane_of(portfolio: Portfolio, key: str, field_name: str | None, as_of: date) -> str:
    goal = portfolio.goals[key]
    if field_name == "theme":
        return goal.theme
    return lead_at(portfolio, goal, as_of)


def lane_order(portfolio: Portfolio, field_name: str | None, values: set[str]) -> list[Lane]:
    if field_name == "theme":
        order = {code: (t.sort, i) for i, (code, t) in enumerate(portfolio.themes.items())}
        names = {code: f"{code} {t.name}" for code, t in portfolio.themes.items()}
    else:
        order = {code: (0, i) for i, code in enumerate(portfolio.ministries)}
        names = {code: code for code in portfolio.ministries}
    ordered = sorted(values, key=lambda v: (order.get(v, (999, 999)), natural_key(v)))
    return [Lane(v, names.get(v, v)) for v in ordered]


def visible_goals(
    portfolio: Portfolio, options: GraphOptions, as_of: date, graph: nx.DiGraph | None = None
) -> tuple[set[str], list[Dependency]]:
    """The goals and dependencies a filter shows (before grouping)."""
    graph = graph if graph is not None else g.build_graph(portfolio)
    deps = list(portfolio.dependencies)
    if options.cross_ministry:
        deps = [d for d in deps if g.is_cross_ministry(portfolio, d, as_of)]
    if options.focus:
        if options.focus not in portfolio.goals:
            from sa2030_desktop.domain.errors import NotFoundError

            raise NotFoundError("goal", options.focus)
        keys = {options.focus}
        if options.focus_mode in ("both", "predecessors"):
            keys |= g.predecessors(graph, options.focus)
        if options.focus_mode in ("both", "dependents"):
            keys |= g.dependents(graph, options.focus)
        distance = dict.fromkeys(keys, 0)
    else:
        selected = set(options.selection.apply(portfolio, as_of))
        distance = _within_hops(selected, deps, options.hops)
        keys = set(distance)
    shown = []
    for d in deps:
        if d.dependent not in keys or d.prerequisite not in keys:
            continue
        du, dv = distance[d.dependent], distance[d.prerequisite]
        if options.neighbour_edges or options.focus or (du == 0 and dv == 0) or abs(du - dv) == 1:
            shown.append(d)
    if options.cross_ministry:
        touched = {k for d in shown for k in d.pair}
        keys = {k for k in keys if k in touched or k == options.focus}
    return keys, shown


def _within_hops(selected: set[str], deps: list[Dependency], hops: int) -> dict[str, int]:
    distance = dict.fromkeys(selected, 0)
    if hops <= 0:
        return distance
    neighbours: dict[str, set[str]] = {}
    for d in deps:
        neighbours.setdefault(d.dependent, set()).add(d.prerequisite)
        neighbours.setdefault(d.prerequisite, set()).add(d.dependent)
    queue = deque(selected)
    while queue:
        key = queue.popleft()
        if distance[key] >= hops:
            continue
        for other in neighbours.get(key, ()):
            if other not in distance:
                distance[other] = distance[key] + 1
                queue.append(other)
    return distance


def build_view(portfolio: Portfolio, options: GraphOptions, as_of: date) -> GraphModel:
    """Nodes, edges and lanes of the graph under `options` (positions are set by layout)."""
    import networkx as nx

    graph = g.build_graph(portfolio)
    keys, deps = visible_goals(portfolio, options, as_of, graph)
    lane_field = options.swimlanes
    lanes_of = {k: lane_of(portfolio, k, lane_field, as_of) for k in keys}
    group_of = {}
    for k in keys:
        grouping = lane_field or "lead"
        value = lanes_of[k] if lane_field else lane_of(portfolio, k, grouping, as_of)
        if value in options.collapsed:
            group_of[k] = GROUP_PREFIX + value
    nodes: dict[str, GraphNode] = {}
    for k in sorted(keys, key=natural_key):
        goal = portfolio.goals[k]
        lead = lead_at(portfolio, goal, as_of)
        if k in group_of:
            gid = group_of[k]
            if gid in nodes:
                nodes[gid].count += 1
            else:
                value = gid[len(GROUP_PREFIX) :]
                nodes[gid] = GraphNode(
                    gid, value, "", lead if lane_field != "theme" else "", None, lanes_of[k]
                )
            continue
        nodes[k] = GraphNode(k, k, goal.title, lead, goal.status, lanes_of[k])
    edges: dict[tuple[str, str], GraphEdge] = {}
    for d in sorted(deps, key=lambda d: (natural_key(d.prerequisite), natural_key(d.dependent))):
        src, dst = (
            group_of.get(d.prerequisite, d.prerequisite),
            group_of.get(d.dependent, d.dependent),
        )
        if src == dst:
            continue  # inside one collapsed group
        edge = edges.get((src, dst))
        if edge is None:
            edge = edges[(src, dst)] = GraphEdge(src, dst, d.kind)
        edge.dependencies.append(d)
        if d.kind is DependencyKind.HARD:
            edge.kind = DependencyKind.HARD
        found = conflict_of(portfolio, d)
        if found is not None:
            edge.conflict = True
            edge.conflicts = (*edge.conflicts, found)
        edge.cross = edge.cross or g.is_cross_ministry(portfolio, d, as_of)
    model = GraphModel(
        nodes,
        list(edges.values()),
        lane_order(portfolio, lane_field, set(lanes_of.values())) if lane_field else [],
        goals=keys,
        dependencies=deps,
    )
    if options.longest_chain:
        sub = graph.subgraph(keys).edge_subgraph([(d.prerequisite, d.dependent) for d in deps])
        model.chain = g.longest_chain(nx.DiGraph(sub))
        highlight(model, set(model.chain), set(zip(model.chain, model.chain[1:], strict=False)))
    return model


def highlight(
    model: GraphModel, node_ids: set[str] | None, edge_ids: set[tuple[str, str]] | None = None
) -> None:
    """Highlight the given nodes (and edges among them, or exactly `edge_ids`); dim the rest.
    `None` clears every highlight."""
    for node in model.nodes.values():
        node.highlighted = node_ids is not None and node.id in node_ids
        node.dimmed = node_ids is not None and not node.highlighted
    for edge in model.edges:
        if node_ids is None:
            edge.highlighted = edge.dimmed = False
            continue
        if edge_ids is not None:
            edge.highlighted = edge.id in edge_ids
        else:
            edge.highlighted = edge.source in node_ids and edge.target in node_ids
        edge.dimmed = not edge.highlighted


def chain_of(portfolio: Portfolio, key: str, mode: str = "both") -> set[str]:
    """The goal with its transitive predecessors and/or dependents (for highlighting)."""
    graph = g.build_graph(portfolio)
    keys = {key}
    if mode in ("both", "predecessors"):
        keys |= g.predecessors(graph, key)
    if mode in ("both", "dependents"):
        keys |= g.dependents(graph, key)
    return keys
