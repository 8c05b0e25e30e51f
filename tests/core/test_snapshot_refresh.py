"""After each write the cached snapshot is refreshed incrementally; it must equal a full reload."""

import dataclasses
from datetime import date

from sa2030_desktop.domain.model import (
    Dependency,
    Goal,
    IndicatorValue,
    Milestone,
    Status,
)
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.services import dependencies, goals, reference


def full(store):
    fresh = Store.open(store.path, readonly=True)
    try:
        return fresh.snapshot()
    finally:
        fresh.close()


def same(a, b):
    assert a.info == b.info
    assert a.categories == b.categories and a.themes == b.themes and a.ministries == b.ministries
    assert a.goals == b.goals
    assert a.milestones == b.milestones
    assert a.dependencies == b.dependencies
    assert a.indicators == b.indicators


def test_incremental_snapshot_equals_full_reload(demo_store):
    store = demo_store
    old = store.snapshot()
    goals.update_milestone(store, "Z04-M2", forecast=date(2027, 12, 31))
    assert store.snapshot() is not old
    assert old.milestones["Z04-M2"].forecast != date(2027, 12, 31), "old snapshots stay as they were"
    same(store.snapshot(), full(store))
    goals.update_goal(store, "Z05", status=Status.AT_RISK, status_reason="Test", partners=["MF"])
    same(store.snapshot(), full(store))
    goals.create_goal(store, Goal("Z99", "Neues Ziel", "TF02", "MI", partners=["MID"]))
    goals.create_milestone(store, Milestone("Z99-M1", "Z99", "Start", date(2027, 6, 30)))
    dependencies.link(store, Dependency("Z99", "Z04", prerequisite_milestone="Z04-M2"))
    same(store.snapshot(), full(store))
    ind = store.snapshot().indicators[0]
    goals.save_indicator(store, dataclasses.replace(
        ind, values=[*ind.values, IndicatorValue(date(2026, 11, 1), 42.0)]))
    same(store.snapshot(), full(store))
    goals.delete_milestone(store, "Z04-M2")
    goals.delete_goal(store, "Z03")
    same(store.snapshot(), full(store))
    reference.rename_ministry(store, ["MF"], "MFD", "Ministerium der Finanzen und Digitales",
                              date(2027, 1, 1))
    same(store.snapshot(), full(store))
    goals.rename_goal_key(store, "Z99", "Z100")
    same(store.snapshot(), full(store))
    assert store.snapshot().milestones["Z99-M1"].goal == "Z100"


def test_a_save_that_changes_nothing_keeps_the_snapshot(demo_store):
    snap = demo_store.snapshot()
    goal = snap.goals["Z05"]
    goals.update_goal(demo_store, "Z05", title=goal.title)  # same value: nothing to write
    assert demo_store.snapshot() is snap
    goals.update_goal(demo_store, "Z05", title="Neu")
    assert demo_store.snapshot() is not snap
    same(demo_store.snapshot(), full(demo_store))
