"""Renaming a goal's key is an operation: one check (the old goal exists, the new key is free),
one transaction, and an inverse that renames it back — what the undo stack runs."""

from __future__ import annotations

import pytest

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.messages import format_error
from sa2030_desktop.services import goals
from sa2030_desktop.services import operations as ops
from tests.support.builders import dep, goal, ms


@pytest.fixture
def store(make_store):
    return make_store(
        goals=[goal("Z1"), goal("Z2")],
        milestones=[ms("Z1-M1", "2027-03-31"), ms("Z2-M1", "2027-06-30")],
        dependencies=[dep("Z2", "Z1")],
    )


def test_rename_moves_everything_and_the_inverse_moves_it_back(store):
    operation = ops.RenameGoal("Z1", "Z1a", "Schlüssel vereinheitlicht")
    operation.apply(store)
    snap = store.snapshot()
    assert "Z1" not in snap.goals and "Z1a" in snap.goals
    assert snap.milestones["Z1-M1"].goal == "Z1a"
    assert [(d.dependent, d.prerequisite) for d in snap.dependencies] == [("Z2", "Z1a")]
    assert store.changes(limit=1)[0].comment == "Schlüssel vereinheitlicht"

    operation.inverse("Rückgängig").apply(store)
    snap = store.snapshot()
    assert set(snap.goals) == {"Z1", "Z2"}
    assert snap.milestones["Z1-M1"].goal == "Z1"
    assert [(d.dependent, d.prerequisite) for d in snap.dependencies] == [("Z2", "Z1")]


def test_rename_to_a_taken_key_is_refused_and_writes_nothing(store):
    before = store.path.read_bytes()
    changes = len(store.changes(limit=1000))
    with pytest.raises(DomainError) as caught:
        goals.rename_goal_key(store, "Z1", "Z2")
    assert "Z2" in format_error(caught.value)
    with pytest.raises(DomainError) as caught:
        goals.rename_goal_key(store, "Z9", "Z10")
    assert "Z9" in format_error(caught.value)
    assert len(store.changes(limit=1000)) == changes
    assert store.path.read_bytes() == before
