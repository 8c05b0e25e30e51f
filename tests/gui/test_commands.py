"""Undo commands write through the services and the file follows undo and redo."""

from datetime import date

import pytest
from PySide6.QtGui import QUndoStack

from sa2030_desktop.domain.model import Dependency
from sa2030_desktop.gui.commands import OperationCommand, push_checked
from sa2030_desktop.gui.store_bridge import StoreBridge
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.services import operations as ops
from tests.support.builders import dep, goal, ms


@pytest.fixture
def bridge(qtbot, make_store):
    store = make_store(
        goals=[goal("Z1"), goal("Z2", lead="MI"), goal("Z3", lead="MF")],
        milestones=[
            ms("Z1-M1", "2027-01-31"),
            ms("Z2-M1", "2027-06-30"),
            ms("Z3-M1", "2027-09-30"),
        ],
        dependencies=[dep("Z2", "Z1"), dep("Z3", "Z2")],
    )
    return StoreBridge(store)


def _reopened_forecast(bridge, key):
    fresh = Store.open(bridge.store.path, readonly=True)
    try:
        return fresh.snapshot().milestones[key].forecast
    finally:
        fresh.close()


def test_forecast_edit_undo_redo_reaches_the_file(bridge):
    stack = QUndoStack()
    seen = []
    bridge.changed.connect(seen.append)
    cmd = OperationCommand(bridge, ops.UpdateMilestone("Z1-M1", {"forecast": date(2027, 3, 2)}))
    assert push_checked(None, stack, cmd)
    assert _reopened_forecast(bridge, "Z1-M1") == date(2027, 3, 2)
    assert bridge.snapshot().milestones["Z1-M1"].baseline == date(2027, 1, 31)
    stack.undo()
    assert _reopened_forecast(bridge, "Z1-M1") == date(2027, 1, 31)
    stack.redo()
    assert _reopened_forecast(bridge, "Z1-M1") == date(2027, 3, 2)
    assert len(seen) == 3


def test_cycle_is_refused_before_the_stack(bridge, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    stack = QUndoStack()
    ok = push_checked(None, stack, OperationCommand(bridge, ops.Link(Dependency("Z1", "Z3"))))
    assert not ok
    assert stack.count() == 0
    assert "Z1 → Z3 → Z2 → Z1" in shown[0]
    assert len(bridge.snapshot().dependencies) == 2


def test_delete_goal_undo_restores_milestones_and_dependencies(bridge):
    stack = QUndoStack()
    push_checked(None, stack, OperationCommand(bridge, ops.DeleteGoal("Z2")))
    snap = bridge.snapshot()
    assert "Z2" not in snap.goals and "Z2-M1" not in snap.milestones
    assert snap.dependencies == []
    stack.undo()
    snap = bridge.snapshot()
    assert "Z2-M1" in snap.milestones
    assert sorted(d.pair for d in snap.dependencies) == [("Z2", "Z1"), ("Z3", "Z2")]


def test_set_forecasts_is_one_undo_step(bridge):
    stack = QUndoStack()
    push_checked(
        None,
        stack,
        OperationCommand(
            bridge,
            ops.SetForecasts(
                {"Z1-M1": date(2027, 5, 1), "Z2-M1": date(2027, 8, 1)}, "Was-wäre-wenn übernommen"
            ),
        ),
    )
    assert stack.count() == 1
    stack.undo()
    snap = bridge.snapshot()
    assert snap.milestones["Z1-M1"].forecast == date(2027, 1, 31)
    assert snap.milestones["Z2-M1"].forecast == date(2027, 6, 30)
