"""The graph's content under each filter equals what the domain selects."""

from __future__ import annotations

from datetime import date

from sa2030_desktop.domain import graph as g
from sa2030_desktop.domain.analysis import analyse
from sa2030_desktop.domain.graph_view import GraphOptions, build_view
from sa2030_desktop.domain.ministries import lead_at
from sa2030_desktop.domain.selection import Selection

AS_OF = date(2026, 3, 31)


def _pairs(deps):
    return {(d.prerequisite, d.dependent) for d in deps}


def test_whole_demo_portfolio_shows_every_goal_and_dependency(demo_store):
    p = demo_store.snapshot()
    model = build_view(p, GraphOptions(), AS_OF)
    assert len(model.nodes) == 50
    assert len(model.edges) == 76
    assert {e.id for e in model.edges} == _pairs(p.dependencies)
    assert sum(e.conflict for e in model.edges) == 4
    assert all(e.kind is d.kind for e in model.edges for d in e.dependencies)


def test_theme_filter_with_and_without_neighbours(demo_store):
    p = demo_store.snapshot()
    selected = set(Selection(theme="TF09").apply(p, AS_OF))
    plain = build_view(p, GraphOptions(selection=Selection(theme="TF09")), AS_OF)
    assert set(plain.nodes) == selected
    assert {e.id for e in plain.edges} == {
        pair for pair in _pairs(p.dependencies) if set(pair) <= selected
    }
    neighbours = {k for d in p.dependencies for k in d.pair if set(d.pair) & selected}
    one_hop = build_view(p, GraphOptions(selection=Selection(theme="TF09"), hops=1), AS_OF)
    assert set(one_hop.nodes) == selected | neighbours
    touching = {pair for pair in _pairs(p.dependencies) if set(pair) & selected}
    assert {e.id for e in one_hop.edges} == touching
    with_edges = build_view(
        p, GraphOptions(selection=Selection(theme="TF09"), hops=1, neighbour_edges=True), AS_OF
    )
    among = {pair for pair in _pairs(p.dependencies) if set(pair) <= set(one_hop.nodes)}
    assert {e.id for e in with_edges.edges} == among
    assert len(among) >= len(touching)


def test_ministry_lead_or_involved(demo_store):
    p = demo_store.snapshot()
    for involved in (False, True):
        sel = Selection(ministry="MID", involved=involved)
        model = build_view(p, GraphOptions(selection=sel), AS_OF)
        assert set(model.nodes) == set(sel.apply(p, AS_OF))
    lead_only = build_view(p, GraphOptions(selection=Selection(ministry="MID")), AS_OF)
    assert all(n.lead == "MID" for n in lead_only.nodes.values())


def test_cross_ministry_keeps_only_edges_between_ministries(demo_store):
    p = demo_store.snapshot()
    model = build_view(p, GraphOptions(cross_ministry=True), AS_OF)
    expected = [d for d in p.dependencies if g.is_cross_ministry(p, d, AS_OF)]
    assert len(model.edges) == len(expected) == analyse(p, AS_OF).cross_ministry
    for e in model.edges:
        assert model.nodes[e.source].lead != model.nodes[e.target].lead
    assert set(model.nodes) == {k for d in expected for k in d.pair}


def test_focus_shows_the_goals_chain(demo_store):
    p = demo_store.snapshot()
    graph = g.build_graph(p)
    pred = build_view(p, GraphOptions(focus="Z16", focus_mode="predecessors"), AS_OF)
    assert set(pred.nodes) == {"Z16"} | g.predecessors(graph, "Z16")
    dep = build_view(p, GraphOptions(focus="Z16", focus_mode="dependents"), AS_OF)
    assert set(dep.nodes) == {"Z16"} | g.dependents(graph, "Z16")


def test_longest_chain_is_highlighted_and_the_rest_dimmed(demo_store):
    p = demo_store.snapshot()
    model = build_view(p, GraphOptions(longest_chain=True), AS_OF)
    assert model.chain == analyse(p, AS_OF).longest
    assert len(model.chain) >= 3
    assert {n.id for n in model.nodes.values() if n.highlighted} == set(model.chain)
    assert sum(e.highlighted for e in model.edges) == len(model.chain) - 1
    assert all(n.dimmed for n in model.nodes.values() if n.id not in model.chain)


def test_collapsed_group_reroutes_edges_to_the_group(demo_store):
    p = demo_store.snapshot()
    model = build_view(p, GraphOptions(swimlanes="lead", collapsed=frozenset({"MID"})), AS_OF)
    mid_goals = {k for k, goal in p.goals.items() if lead_at(p, goal, AS_OF) == "MID"}
    assert not mid_goals & set(model.nodes)
    assert model.nodes["grp:MID"].count == len(mid_goals)
    outside = {
        (d.prerequisite, d.dependent) for d in p.dependencies if len(set(d.pair) & mid_goals) == 1
    }
    rerouted = {
        ("grp:MID" if a in mid_goals else a, "grp:MID" if b in mid_goals else b) for a, b in outside
    }
    grouped = {e.id for e in model.edges if "grp:MID" in e.id}
    assert grouped == rerouted
    assert all(e.source != e.target for e in model.edges)


def test_view_name_differs_per_filter():
    assert GraphOptions().view_name() == "graph"
    a = GraphOptions(selection=Selection(theme="TF09"), hops=1).view_name()
    b = GraphOptions(selection=Selection(theme="TF09")).view_name()
    assert a != b and "TF09" in a
