"""What-if finds every affected goal in one breadth-first pass per changed goal; its answer is the
one the old per-goal path search gave (networkx `shortest_path` for each affected goal), on a
generated portfolio with long chains and several changed goals."""

import json
from datetime import date, timedelta

import networkx as nx

from benchmarks.generate import document
from sa2030_desktop.domain.ministries import lead_at
from sa2030_desktop.domain.selection import natural_key
from sa2030_desktop.domain.whatif import evaluate
from sa2030_desktop.services.portfolio import create_portfolio, import_json


def per_goal_reference(portfolio, changes, as_of):
    """The former algorithm: one shortest-path search per affected goal."""
    graph = nx.DiGraph()
    graph.add_nodes_from(portfolio.goals)
    graph.add_edges_from((d.prerequisite, d.dependent) for d in portfolio.dependencies)
    affected = {}
    changed = {}
    for ms_key in sorted(changes, key=natural_key):
        changed.setdefault(portfolio.milestones[ms_key].goal, ms_key)
    for goal_key, ms_key in changed.items():
        for target in nx.descendants(graph, goal_key):
            path = nx.shortest_path(graph, goal_key, target)
            if target not in affected or len(path) < len(affected[target][1]):
                milestones = portfolio.milestones_of(target)
                finished = bool(milestones) and all(m.actual for m in milestones)
                lead = lead_at(portfolio, portfolio.goals[target], as_of)
                affected[target] = (lead, path, ms_key, finished)
    return graph, affected


def test_one_pass_gives_the_per_goal_answer_on_long_chains(tmp_path):
    source = tmp_path / "long.json"
    source.write_text(json.dumps(document(600, seed=7, window=4)), encoding="utf-8")
    store = create_portfolio(tmp_path / "long.sa2030")
    try:
        import_json(store, source)
        portfolio = store.snapshot()
    finally:
        store.close()
    as_of = date(2026, 11, 28)
    changes = {
        key: portfolio.milestones[key].forecast + timedelta(days=60)
        for key in ("Z050-M2", "Z003-M1", "Z020-M3", "Z400-M1")
    }
    result = evaluate(portfolio, changes, as_of)
    graph, reference = per_goal_reference(portfolio, changes, as_of)

    assert [a.key for a in result.affected] == sorted(reference, key=natural_key)
    assert len(result.affected) > 500  # the chains really reach far
    assert max(len(a.path) for a in result.affected) > 50
    same_path = 0
    for a in result.affected:
        lead, path, via, finished = reference[a.key]
        assert (a.lead, a.via_milestone, a.finished) == (lead, via, finished)
        # Equally short, from the same changed goal, and every step a real dependency.
        assert len(a.path) == len(path)
        assert a.path[0] == path[0] and a.path[-1] == a.key
        assert all(graph.has_edge(u, v) for u, v in zip(a.path, a.path[1:], strict=False))
        same_path += a.path == path
    print(f"{same_path} of {len(result.affected)} paths identical to the per-goal search")
