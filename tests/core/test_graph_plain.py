"""The networkx-free graph functions that `stats`, `check` and `goal` use give exactly what the
networkx ones give: the same longest chain among equals, the same closures, the same verdict on
cycles — on random portfolios with ties, cycles, self-loops and dangling keys."""

import random

import pytest

from sa2030_desktop.domain import graph as g
from sa2030_desktop.domain.model import Dependency, DependencyKind, Portfolio


def random_portfolio(rng: random.Random) -> Portfolio:
    n = rng.randint(0, 25)
    keys = [f"Z{i}" for i in range(n)]
    rng.shuffle(keys)
    flow = keys[:]
    rng.shuffle(flow)
    deps = []
    for _ in range(rng.randint(0, 3 * n) if n > 1 else 0):
        a, b = sorted(rng.sample(range(n), 2))
        pre, dep = flow[a], flow[b]
        if rng.random() < 0.03:  # against the flow: a cycle
            pre, dep = dep, pre
        if rng.random() < 0.02:
            pre = dep  # a self-loop
        if rng.random() < 0.02:
            pre = f"X{rng.randint(0, 3)}"  # a key that is no goal (a damaged file)
        deps.append(Dependency(dep, pre, DependencyKind.HARD))
    return Portfolio(goals={k: None for k in keys}, dependencies=deps)


def outcome(fn, *args):
    try:
        return fn(*args)
    except Exception as exc:  # a cycle: both refuse in the same way
        return type(exc)


@pytest.mark.parametrize("seed", range(8))
def test_plain_graph_functions_agree_with_networkx(seed):
    rng = random.Random(seed)
    cyclic = 0
    for _ in range(300):
        portfolio = random_portfolio(rng)
        graph = g.build_graph(portfolio)
        assert outcome(g.longest_chain_of, portfolio) == outcome(g.longest_chain, graph)
        acyclic = g.find_cycle_path(graph) is None
        cyclic += not acyclic
        assert g.is_acyclic(portfolio) is acyclic
        for key in list(portfolio.goals)[:4]:
            assert g.closure(portfolio, key, upstream=True) == g.predecessors(graph, key)
            assert g.closure(portfolio, key, upstream=False) == g.dependents(graph, key)
    assert cyclic > 0  # the cases with cycles were really there


def test_demo_chain_is_the_one_stats_always_showed(demo_store):
    snap = demo_store.snapshot()
    assert g.longest_chain_of(snap) == g.longest_chain(g.build_graph(snap))
    assert len(g.longest_chain_of(snap)) == 9
