"""The dependency graph (networkx): cycles, closures, longest chain, cross-ministry coupling.

Edges point from prerequisite to dependent (the direction in which work flows), so that
predecessors are ancestors and dependents are descendants.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: networkx costs ~0.2 s at start (issue 3)
    import networkx as nx

from sa2030_desktop.domain.errors import CycleError, DomainError
from sa2030_desktop.domain.ministries import lead_at
from sa2030_desktop.domain.model import Dependency, Portfolio


def build_graph(portfolio: Portfolio) -> nx.DiGraph:
    import networkx as nx

    graph = nx.DiGraph()
    graph.add_nodes_from(portfolio.goals)
    graph.add_edges_from((d.prerequisite, d.dependent, {"dep": d}) for d in portfolio.dependencies)
    return graph


def cycle_path_if_added(graph: nx.DiGraph, dependent: str, prerequisite: str) -> list[str] | None:
    """The cycle (as goal keys, first == last) that the new dependency would close, else None.

    New edge: prerequisite → dependent. It closes a cycle when dependent already reaches
    prerequisite. The path is written in "needs" direction, as planners read it:
    dependent → prerequisite → … → dependent.
    """
    import networkx as nx

    if dependent == prerequisite:
        return [dependent, dependent]
    if dependent not in graph or prerequisite not in graph:
        return None
    if not nx.has_path(graph, dependent, prerequisite):
        return None
    flow = nx.shortest_path(graph, dependent, prerequisite)  # dependent ⇒ … ⇒ prerequisite
    # In "needs" direction: dependent needs prerequisite, which needs … back to dependent.
    return [dependent] + list(reversed(flow))


def check_new_dependency(portfolio: Portfolio, graph: nx.DiGraph, dep: Dependency) -> None:
    """Raise a DomainError when `dep` may not be added (self, duplicate, unknown, cycle)."""
    if dep.dependent == dep.prerequisite:
        raise DomainError("self_dependency", key=dep.dependent)
    for key in (dep.dependent, dep.prerequisite):
        if key not in portfolio.goals:
            raise DomainError("unknown_goal", key=key)
    if graph.has_edge(dep.prerequisite, dep.dependent):
        raise DomainError(
            "duplicate_dependency", dependent=dep.dependent, prerequisite=dep.prerequisite
        )
    path = cycle_path_if_added(graph, dep.dependent, dep.prerequisite)
    if path:
        raise CycleError(path)


def find_cycle_path(graph: nx.DiGraph) -> list[str] | None:
    """One existing cycle in "needs" direction (first == last), or None when acyclic."""
    import networkx as nx

    if nx.is_directed_acyclic_graph(graph):
        return None
    return _needs_path(nx.find_cycle(graph))


def find_cycle_paths(graph: nx.DiGraph) -> list[list[str]]:
    """One cycle per group of goals that need each other (strongly connected component), in
    the graph's order: every separate cycle is an error of its own, found in linear time."""
    import networkx as nx

    if nx.is_directed_acyclic_graph(graph):
        return []
    order = {node: i for i, node in enumerate(graph)}
    groups = [c for c in nx.strongly_connected_components(graph) if len(c) > 1]
    groups.sort(key=lambda c: min(order[n] for n in c))
    paths = []
    for group in groups:  # a copy in the graph's order: a subgraph view iterates a set
        part = nx.DiGraph()
        part.add_nodes_from(n for n in graph if n in group)
        part.add_edges_from((u, v) for u, v in graph.edges(part.nodes) if v in group)
        paths.append(_needs_path(nx.find_cycle(part)))
    return paths


def _needs_path(edges: list[tuple]) -> list[str]:
    flow = [u for u, *_ in edges] + [edges[0][0]]
    return list(reversed(flow))


def predecessors(graph: nx.DiGraph, key: str) -> set[str]:
    """Everything `key` needs, directly or transitively."""
    import networkx as nx

    return nx.ancestors(graph, key) if key in graph else set()


def dependents(graph: nx.DiGraph, key: str) -> set[str]:
    """Everything that needs `key`, directly or transitively."""
    import networkx as nx

    return nx.descendants(graph, key) if key in graph else set()


def longest_chain(graph: nx.DiGraph) -> list[str]:
    """One longest path (in edges), in flow order: first prerequisite … last dependent."""
    import networkx as nx

    if graph.number_of_edges() == 0:
        return []
    # Node order is the snapshot's (stable for a file), so the path chosen among equals is too.
    return list(nx.dag_longest_path(graph))


def _plain(portfolio: Portfolio) -> tuple[dict, dict]:
    """Successors and predecessors as dicts in the insertion order build_graph gives networkx."""
    succ: dict[str, dict[str, None]] = {key: {} for key in portfolio.goals}
    pred: dict[str, dict[str, None]] = {key: {} for key in portfolio.goals}
    for d in portfolio.dependencies:
        for node in (d.prerequisite, d.dependent):
            if node not in succ:
                succ[node], pred[node] = {}, {}
        succ[d.prerequisite][d.dependent] = None
        pred[d.dependent][d.prerequisite] = None
    return succ, pred


def _topological_order(succ: dict, pred: dict) -> list[str] | None:
    """networkx's topological_generations, flattened; None when there is a cycle."""
    indegree = {v: len(p) for v, p in pred.items() if p}
    order: list[str] = []
    generation = [v for v, p in pred.items() if not p]
    while generation:
        order.extend(generation)
        following = []
        for node in generation:
            for child in succ[node]:
                indegree[child] -= 1
                if indegree[child] == 0:
                    following.append(child)
                    del indegree[child]
        generation = following
    return None if indegree else order


def is_acyclic(portfolio: Portfolio) -> bool:
    """The pre-check of validation, without networkx (needed only to name a cycle)."""
    return _topological_order(*_plain(portfolio)) is not None


def longest_chain_of(portfolio: Portfolio) -> list[str]:
    """`longest_chain(build_graph(portfolio))` without networkx, which is a third of the start
    of `sa2030 stats`: networkx's topological order and its choice among equally long paths,
    replayed on plain dicts in the graph's insertion order. A cycle goes to networkx as before.
    """
    succ, pred = _plain(portfolio)
    if not any(succ.values()):
        return []
    order = _topological_order(succ, pred)
    if order is None:
        return longest_chain(build_graph(portfolio))
    dist: dict[str, tuple[int, str]] = {}  # networkx's dag_longest_path, every edge weighs 1
    for v in order:
        dist[v] = max(((dist[u][0] + 1, u) for u in pred[v]), key=lambda x: x[0], default=(0, v))
    u, v = None, max(dist, key=lambda x: dist[x][0])
    path = []
    while u != v:
        path.append(v)
        u, v = v, dist[v][1]
    return path[::-1]


def closure(portfolio: Portfolio, key: str, upstream: bool) -> set[str]:
    """`predecessors` (upstream) or `dependents` of `key` without building a networkx graph."""
    near: dict[str, list[str]] = {}
    for d in portfolio.dependencies:
        a, b = (d.dependent, d.prerequisite) if upstream else (d.prerequisite, d.dependent)
        near.setdefault(a, []).append(b)
    seen, todo = {key}, [key]
    while todo:
        for nxt in near.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    seen.discard(key)
    return seen


def explaining_parents(graph: nx.DiGraph, sources: list[str]) -> dict[str, str]:
    """Breadth-first from all `sources` together: for every goal that depends on one of them
    (a source too, when another source is needed by it), the goal before it on a shortest path
    from the nearest source (the earlier source on a tie). Linear in nodes + edges."""
    from collections import deque

    parents: dict[str, str] = {}
    queue = deque(s for s in sources if s in graph)
    while queue:
        node = queue.popleft()
        for nxt in graph.successors(node):
            if nxt not in parents:
                parents[nxt] = node
                queue.append(nxt)
    return parents


def path_from_parents(
    parents: dict[str, str], sources: set[str], target: str, cache: dict[str, list[str]]
) -> list[str]:
    """The path source ⇒ … ⇒ target along `parents`, ending at the first source met; the path
    of every goal on the way is remembered in `cache` and reused."""
    trail = [target]
    node = parents[target]
    while node not in sources and node not in cache:
        trail.append(node)
        node = parents[node]
    path = [node] if node in sources else cache[node]
    for step in reversed(trail):
        path = [*path, step]
        if step not in sources:
            cache[step] = path
    return path


def explaining_path(graph: nx.DiGraph, source: str, target: str) -> list[str]:
    """A shortest flow path source ⇒ … ⇒ target (source is needed by … target)."""
    import networkx as nx

    return list(nx.shortest_path(graph, source, target))


def is_cross_ministry(portfolio: Portfolio, dep: Dependency, as_of: date) -> bool:
    a = portfolio.goals.get(dep.dependent)
    b = portfolio.goals.get(dep.prerequisite)
    if a is None or b is None:
        return False
    return lead_at(portfolio, a, as_of) != lead_at(portfolio, b, as_of)
