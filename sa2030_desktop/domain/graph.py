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
    edges = nx.find_cycle(graph)
    flow = [u for u, _v in edges] + [edges[0][0]]
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
