"""DOMAIN.md rules on small hand-made portfolios; every expected number is worked out by hand."""

from datetime import date

import pytest

from sa2030_desktop.domain import graph as g
from sa2030_desktop.domain.analysis import analyse, stats_dict
from sa2030_desktop.domain.conflicts import conflicts
from sa2030_desktop.domain.model import Goal, Milestone, Portfolio, Status
from sa2030_desktop.domain.rules import (
    contradiction,
    is_late_achieved,
    is_overdue,
    slip_days,
    suggested_status,
)
from sa2030_desktop.services import portfolio as svc
from sa2030_desktop.services import reference
from tests.support.builders import dep, goal, ms

AS_OF = date(2026, 11, 28)


def test_slip_late_and_overdue_per_milestone():
    open_slipped = Milestone("A-M1", "A", "t", date(2026, 3, 31), date(2026, 6, 30))
    assert slip_days(open_slipped) == 91  # April 30 + May 31 + June 30
    on_time = Milestone("A-M2", "A", "t", date(2026, 3, 31), date(2026, 3, 31))
    assert slip_days(on_time) == 0
    earlier = Milestone("A-M3", "A", "t", date(2026, 3, 31), date(2026, 2, 28))
    assert slip_days(earlier) == 0
    achieved_late = Milestone("A-M4", "A", "t", date(2026, 3, 31), date(2026, 6, 30), date(2026, 5, 5))
    assert slip_days(achieved_late) == 0  # achieved: no longer a slip
    assert is_late_achieved(achieved_late)
    assert not is_late_achieved(Milestone("A-M5", "A", "t", date(2026, 3, 31), None, date(2026, 3, 31)))
    assert is_overdue(Milestone("A-M6", "A", "t", date(2026, 1, 1), date(2026, 11, 27)), AS_OF)
    assert not is_overdue(Milestone("A-M7", "A", "t", date(2026, 1, 1), date(2026, 11, 28)), AS_OF)
    assert not is_overdue(achieved_late, AS_OF)


def _portfolio(goal_status: Status, *milestones: Milestone) -> tuple[Portfolio, Goal]:
    gl = Goal("A", "Ziel", "TF01", "MID", status=goal_status)
    return Portfolio(goals={"A": gl}, milestones={m.key: m for m in milestones}), gl


@pytest.mark.parametrize(
    ("status", "milestones", "suggested", "reason"),
    [
        # all achieved → abgeschlossen
        (Status.DONE, [("2026-01-31", "2026-01-31", "2026-01-20")], Status.DONE, None),
        # one slipped open milestone → verzögert; stored im Plan contradicts
        (Status.ON_TRACK, [("2027-01-31", "2027-03-31", None)], Status.DELAYED, "slipped_but_on_plan"),
        # overdue (forecast before as-of, no actual) → verzögert; gefährdet is the planner's call
        (Status.AT_RISK, [("2026-10-31", "2026-10-31", None)], Status.DELAYED, None),
        # in plan, nothing achieved yet: nicht begonnen stays acceptable
        (Status.NOT_STARTED, [("2027-05-31", "2027-05-31", None)], Status.NOT_STARTED, None),
        # abgeschlossen while a milestone is open
        (Status.DONE, [("2026-01-31", "2026-01-31", "2026-01-31"), ("2027-05-31", "2027-05-31", None)],
         Status.ON_TRACK, "done_but_open"),
        # verzögert without any slipped or overdue milestone
        (Status.DELAYED, [("2027-05-31", "2027-05-31", None)], Status.ON_TRACK, "delayed_without_slip"),
        # nicht begonnen while a milestone is achieved
        (Status.NOT_STARTED, [("2026-01-31", "2026-01-31", "2026-02-02"), ("2027-05-31", "2027-05-31", None)],
         Status.ON_TRACK, "not_started_but_achieved"),
    ],
)
def test_suggested_status_and_contradictions(status, milestones, suggested, reason):
    items = [
        Milestone(f"A-M{i}", "A", "t", date.fromisoformat(b), date.fromisoformat(f),
                  date.fromisoformat(a) if a else None)
        for i, (b, f, a) in enumerate(milestones, 1)
    ]
    portfolio, gl = _portfolio(status, *items)
    assert suggested_status(portfolio, gl, AS_OF) is suggested
    found = contradiction(portfolio, gl, AS_OF)
    assert (found.reason if found else None) == reason


def _chain_portfolio():
    # Z1 ← Z2 ← Z3 ← Z4 and Z1 ← Z5 (soft); Z6 alone.
    goals = {k: Goal(k, k, "TF01", lead) for k, lead in
             [("Z1", "MID"), ("Z2", "MI"), ("Z3", "MI"), ("Z4", "MF"), ("Z5", "MID"), ("Z6", "MB")]}
    from sa2030_desktop.domain.model import Dependency, DependencyKind

    deps = [Dependency("Z2", "Z1"), Dependency("Z3", "Z2"), Dependency("Z4", "Z3"),
            Dependency("Z5", "Z1", DependencyKind.SOFT)]
    return Portfolio(goals=goals, dependencies=deps)


def test_closures_longest_chain_and_cycle_path():
    p = _chain_portfolio()
    graph = g.build_graph(p)
    assert g.predecessors(graph, "Z4") == {"Z1", "Z2", "Z3"}
    assert g.dependents(graph, "Z1") == {"Z2", "Z3", "Z4", "Z5"}
    assert g.dependents(graph, "Z6") == set()
    assert g.longest_chain(graph) == ["Z1", "Z2", "Z3", "Z4"]
    # Z1 needing Z4 would close Z1 → Z4 → Z3 → Z2 → Z1 (read: needs)
    assert g.cycle_path_if_added(graph, "Z1", "Z4") == ["Z1", "Z4", "Z3", "Z2", "Z1"]
    assert g.cycle_path_if_added(graph, "Z6", "Z4") is None
    assert g.cycle_path_if_added(graph, "Z3", "Z3") == ["Z3", "Z3"]


def test_conflicts_with_and_without_named_milestones():
    goals = {k: Goal(k, k, "TF01", "MID") for k in ("P", "D", "Q", "S")}
    m = {
        # prerequisite P: M1 forecast 2027-03-31, M2 (last) forecast 2027-09-30
        "P-M1": Milestone("P-M1", "P", "t", date(2027, 1, 31), date(2027, 3, 31)),
        "P-M2": Milestone("P-M2", "P", "t", date(2027, 9, 30), date(2027, 9, 30)),
        # dependent D: M1 forecast 2027-02-28, M2 (last) forecast 2027-12-31
        "D-M1": Milestone("D-M1", "D", "t", date(2027, 2, 28), date(2027, 2, 28)),
        "D-M2": Milestone("D-M2", "D", "t", date(2027, 12, 31), date(2027, 12, 31)),
        # Q achieved late on 2027-01-15 (actual beats forecast), S waits from 2027-01-10
        "Q-M1": Milestone("Q-M1", "Q", "t", date(2026, 10, 1), date(2027, 2, 1), date(2026, 11, 15)),
        "S-M1": Milestone("S-M1", "S", "t", date(2026, 11, 10), date(2026, 11, 10)),
    }
    from sa2030_desktop.domain.model import Dependency, DependencyKind

    deps = [
        # named both: needed P-M1 2027-03-31 > waiting D-M1 2027-02-28 → conflict, 31 days
        Dependency("D", "P", DependencyKind.HARD, "P-M1", "D-M1"),
    ]
    found = conflicts(Portfolio(goals=goals, milestones=m, dependencies=deps))
    assert [(c.needed, c.waiting, c.days) for c in found] == [(date(2027, 3, 31), date(2027, 2, 28), 31)]
    # none named: last milestones P-M2 2027-09-30 vs D-M2 2027-12-31 → no conflict
    deps = [Dependency("D", "P")]
    assert conflicts(Portfolio(goals=goals, milestones=m, dependencies=deps)) == []
    # only dependent named: P-M2 2027-09-30 > D-M1 2027-02-28 → conflict via last milestone
    deps = [Dependency("D", "P", dependent_milestone="D-M1")]
    (c,) = conflicts(Portfolio(goals=goals, milestones=m, dependencies=deps))
    assert (c.needed_milestone, c.waiting_milestone, c.days) == ("P-M2", "D-M1", 214)
    # soft dependencies never conflict
    deps = [Dependency("D", "P", DependencyKind.SOFT, "P-M1", "D-M1")]
    assert conflicts(Portfolio(goals=goals, milestones=m, dependencies=deps)) == []
    # the actual date counts for the needed side: Q achieved 2026-11-15 > S waits 2026-11-10
    deps = [Dependency("S", "Q")]
    (c,) = conflicts(Portfolio(goals=goals, milestones=m, dependencies=deps))
    assert (c.needed, c.waiting) == (date(2026, 11, 15), date(2026, 11, 10))


def test_stats_of_a_hand_made_file(make_store):
    store = make_store(
        goals=[goal("Z1", "MID", status="on_track"), goal("Z2", "MI", "TF07", status="delayed"),
               goal("Z3", "MI", "TF13", status="done"), goal("Z4", "MF", status="at_risk")],
        milestones=[
            ms("Z1-M1", "2027-01-31"),
            ms("Z2-M1", "2026-06-30", "2026-09-30"),  # slipped 92 days and overdue
            ms("Z3-M1", "2026-03-31", actual="2026-04-10"),  # late achieved
            ms("Z4-M1", "2027-06-30", "2027-08-31"),  # slipped 62 days
        ],
        dependencies=[dep("Z2", "Z1"), dep("Z3", "Z2", "soft"), dep("Z4", "Z2")],
    )
    data = svc.stats(store, AS_OF)
    assert data["goals"] == 4 and data["milestones"] == 4 and data["dependencies"] == 3
    assert data["dependencies_by_kind"] == {"hard": 2, "soft": 1}
    assert data["cross_ministry_dependencies"] == 2  # Z2(MI)←Z1(MID), Z4(MF)←Z2(MI); Z3/Z2 both MI
    assert data["status"] == {"not_started": 0, "on_track": 1, "delayed": 1, "at_risk": 1, "done": 1}
    assert data["by_category"]["VV"] == {"total": 2, "not_started": 0, "on_track": 1, "delayed": 0,
                                         "at_risk": 1, "done": 0}
    assert data["by_lead_ministry"]["MI"]["total"] == 2
    assert data["slipped_goals"] == ["Z2", "Z4"]
    assert [(m["key"], m["slip_days"]) for m in data["slipped_milestones"]] == [("Z2-M1", 92), ("Z4-M1", 62)]
    assert data["late_achieved_milestones"] == ["Z3-M1"]
    assert data["overdue_milestones"] == ["Z2-M1"]
    # Z2 (needed 2026-09-30) is later than Z1's wait? Z2 needs Z1: Z1-M1 2027-01-31 > Z2-M1 2026-09-30
    assert [(c["dependent"], c["prerequisite"], c["needed"], c["waiting"]) for c in data["conflicts"]] == [
        ("Z2", "Z1", "2027-01-31", "2026-09-30")
    ]
    assert data["longest_chain"] == {"length": 2, "path": ["Z1", "Z2", "Z3"]} or data["longest_chain"] == {
        "length": 2, "path": ["Z1", "Z2", "Z4"]}


def test_cross_ministry_follows_a_rename_at_the_as_of_date(make_store):
    store = make_store(
        goals=[goal("Z1", "MID"), goal("Z2", "MWL")],
        dependencies=[dep("Z2", "Z1")],
    )
    # MWL and MID merge into MDW from 2027-01-01: the dependency stops being cross-ministry then.
    reference.rename_ministry(store, ["MWL", "MID"], "MDW", "Ministerium für Digitales und Wirtschaft",
                              date(2027, 1, 1))
    before = svc.stats(store, date(2026, 12, 31))
    after = svc.stats(store, date(2027, 1, 1))
    assert before["cross_ministry_dependencies"] == 1
    assert set(before["by_lead_ministry"]) == {"MID", "MWL"}
    assert after["cross_ministry_dependencies"] == 0
    assert after["by_lead_ministry"]["MDW"]["total"] == 2
    # history kept: the old ministries stay, closed the day before
    snap = store.snapshot()
    assert snap.ministries["MID"].valid_until == date(2026, 12, 31)
    assert snap.ministries["MID"].successor == "MDW"
    assert snap.goals["Z1"].lead == "MID"
    assert svc.goal_report(store, "Z1", date(2026, 6, 1))["lead"] == "MID"
    assert svc.goal_report(store, "Z1", date(2027, 6, 1))["lead"] == "MDW"


def test_umsetzungsstand_in_progress():
    goals = {f"G{i}": Goal(f"G{i}", "t", "TF01", "MID", status=s)
             for i, s in enumerate([Status.ON_TRACK, Status.DELAYED, Status.AT_RISK, Status.DONE,
                                    Status.NOT_STARTED, Status.ON_TRACK])}
    a = analyse(Portfolio(goals=goals), AS_OF)
    assert a.in_progress == 4
    assert stats_dict(Portfolio(goals=goals), a)["in_progress"] == 4
