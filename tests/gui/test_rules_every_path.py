"""A rule lives once: every refusal is reached the same way from the GUI (real widgets and the
undo stack), from imports and service calls (what the CLI runs) and from undo/redo — the same
German message each time, and the portfolio file byte for byte unchanged. The forecast rules are
findings on imports (DOMAIN.md): the import goes through and reports the same sentence."""

from __future__ import annotations

import hashlib
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QMessageBox

from sa2030_desktop.domain.dates import de_short
from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.gui.commands import OperationCommand, push_operation
from sa2030_desktop.gui.detail.milestone_model import MilestoneColumn
from sa2030_desktop.gui.timeline.view import TimelineView
from sa2030_desktop.messages import format_code, format_error
from sa2030_desktop.services import goals as goal_service
from sa2030_desktop.services import operations as ops
from sa2030_desktop.services.json_writer import portfolio_document
from sa2030_desktop.services.portfolio import import_json
from tests.support.builders import dep, goal, ms
from tests.support.detail import make_window, on_next_modal

TODAY = date.today()
ACHIEVED = TODAY - timedelta(days=30)  # Z1-M1 is done on this day
EARLY = ACHIEVED - timedelta(days=10)  # a forecast for Z2-M1 before that: refused


def digest(path: Path) -> str:
    """The portfolio file and its write-ahead log, byte for byte."""
    sha = hashlib.sha256()
    for part in (path, Path(f"{path}-wal")):
        if part.exists():
            sha.update(part.read_bytes())
    return sha.hexdigest()


@pytest.fixture
def world(qtbot, make_store, tmp_path):
    store = make_store(
        goals=[goal("Z1"), goal("Z2")],
        milestones=[
            ms("Z1-M1", ACHIEVED.isoformat(), actual=ACHIEVED.isoformat()),
            ms("Z2-M1", (ACHIEVED + timedelta(days=60)).isoformat()),
        ],
        dependencies=[dep("Z2", "Z1", prerequisite_milestone="Z1-M1",
                          dependent_milestone="Z2-M1")],  # fmt: skip
    )
    win = make_window(qtbot, store, tmp_path)
    win.resize(1400, 900)
    win.show()
    timeline = TimelineView(win.bridge, win.undo_stack)
    qtbot.addWidget(timeline)
    win.timeline = timeline
    win.boxes = []
    return win


def _answer_boxes(win, monkeypatch) -> list[str]:
    """Warnings a user would read (the undo stack reports a refused redo in a box)."""
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: win.boxes.append(text))
    return win.boxes


def _table_edit(qtbot, win, goal_key: str, column: int, day: date) -> str:
    """Edit a date in the detail table with its date editor (F2, date, Enter)."""
    assert win.select_goal(goal_key)
    panel = win.feature("detail").panel
    qtbot.waitUntil(lambda: panel.goal_key == goal_key)
    view = panel.milestones.view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, column))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.findChild(QDateEdit)
    editor.setDate(QDate(day.year, day.month, day.day))
    shown: list[str] = []
    on_next_modal(lambda box: (shown.append(box.text()), box.accept()))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(shown))
    return shown[0]


def _import(store, tmp_path: Path, change) -> str:
    """Import the portfolio's own JSON with one change (as `sa2030 import` does)."""
    doc = portfolio_document(store.snapshot())
    change(doc)
    src = tmp_path / "eingang.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DomainError) as caught:
        import_json(store, src)
    return format_error(caught.value)


def _import_findings(store, tmp_path: Path, change) -> list[str]:
    """Import with one change that is a finding: the import goes through; its notes' texts."""
    doc = portfolio_document(store.snapshot())
    change(doc)
    src = tmp_path / "eingang.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return [format_code(n.code, n.data) for n in import_json(store, src).notes]


def _milestone(doc: dict, key: str) -> dict:
    return next(m for m in doc["milestones"] if m["key"] == key)


def _refused(call) -> str:
    with pytest.raises(DomainError) as caught:
        call()
    return format_error(caught.value)


def test_forecast_before_an_achieved_prerequisite_is_refused_on_every_path(
    qtbot, world, tmp_path, monkeypatch
):
    store, stack = world.bridge.store, world.undo_stack
    expected = (
        f"Die Prognose {de_short(EARLY)} für Z2-M1 liegt vor dem Abschluss des benötigten "
        f"Meilensteins Z1-M1 (erreicht am {de_short(ACHIEVED)})."
    )
    before = digest(store.path)
    assert _table_edit(qtbot, world, "Z2", MilestoneColumn.FORECAST, EARLY) == expected
    assert not world.timeline.move_forecast("Z2-M1", EARLY)  # the drag on the timeline
    assert world.timeline.message.text() == expected
    world.timeline.set_whatif(True)  # a simulated date obeys it as well …
    assert not world.timeline.move_forecast("Z2-M1", EARLY)
    assert world.timeline.message.text() == expected
    world.timeline.whatif_changes = {"Z2-M1": EARLY}  # … and „Übernehmen“ refuses it
    assert not world.timeline.apply_whatif("Ressortmeldung")
    assert world.timeline.message.text() == expected
    world.timeline.set_whatif(False)
    assert _refused(lambda: goal_service.set_forecasts(store, {"Z2-M1": EARLY}, "CLI")) == expected
    assert stack.count() == 0
    assert digest(store.path) == before

    # undo/redo: allowed when pushed, refused on redo once the prerequisite was achieved later
    boxes = _answer_boxes(world, monkeypatch)
    later = ACHIEVED + timedelta(days=5)
    assert push_operation(world, stack, ops.UpdateMilestone("Z2-M1", {"forecast": later}),
                          world.bridge)  # fmt: skip
    stack.undo()
    goal_service.update_milestone(store, "Z1-M1", "nachgetragen", actual=later + timedelta(days=3))
    before = digest(store.path)
    stack.redo()
    moved = de_short(later + timedelta(days=3))
    assert boxes == [
        f"Die Prognose {de_short(later)} für Z2-M1 liegt vor dem Abschluss des benötigten "
        f"Meilensteins Z1-M1 (erreicht am {moved})."
    ]
    assert stack.count() == 0  # the refused step left the stack
    assert digest(store.path) == before

    # an import is not refused for it: the same sentence is a finding of its preview (DOMAIN.md:
    # imports of real-world data must not fail on a finding)
    early = de_short(EARLY)
    notes = _import_findings(store, tmp_path,
                             lambda d: _milestone(d, "Z2-M1").update(forecast=EARLY.isoformat()))
    assert notes == [f"Die Prognose {early} für Z2-M1 liegt vor dem Abschluss des benötigten "
                     f"Meilensteins Z1-M1 (erreicht am {moved})."]  # fmt: skip
    assert store.snapshot().milestones["Z2-M1"].forecast == EARLY


def test_an_achieved_milestone_keeps_its_forecast_on_every_path(qtbot, world, tmp_path):
    store = world.bridge.store
    expected = (
        f"Meilenstein Z1-M1 ist schon erreicht (Ist {de_short(ACHIEVED)}); "
        "seine Prognose ändert sich nicht mehr."
    )
    later = TODAY + timedelta(days=40)
    before = digest(store.path)
    assert _table_edit(qtbot, world, "Z1", MilestoneColumn.FORECAST, later) == expected
    assert not world.timeline.move_forecast("Z1-M1", later)
    assert world.timeline.message.text() == expected
    assert _refused(lambda: goal_service.update_milestone(store, "Z1-M1", forecast=later)) == expected
    command = OperationCommand(world.bridge, ops.SetForecasts({"Z1-M1": later}, "Übernahme"))
    assert _refused(command.validate) == expected
    assert world.undo_stack.count() == 0
    assert digest(store.path) == before
    # an import takes the file's forecast and says so (a finding, not a refusal)
    notes = _import_findings(store, tmp_path,
                             lambda d: _milestone(d, "Z1-M1").update(forecast=later.isoformat()))
    assert notes == [f"Meilenstein Z1-M1 ist schon erreicht (Ist {de_short(ACHIEVED)}); die Datei "
                     "ändert trotzdem seine Prognose – bitte prüfen."]  # fmt: skip
    assert store.snapshot().milestones["Z1-M1"].forecast == later


def test_an_actual_date_in_the_future_is_refused_on_every_path(qtbot, world, tmp_path):
    store = world.bridge.store
    future = TODAY + timedelta(days=10)
    expected = f"Das Ist-Datum {future.strftime('%d.%m.%Y')} liegt in der Zukunft."
    before = digest(store.path)
    assert _table_edit(qtbot, world, "Z2", MilestoneColumn.ACTUAL, future) == expected
    assert not world.timeline.set_actual("Z2-M1", future)
    assert world.timeline.message.text() == expected
    assert expected in _import(store, tmp_path,
                               lambda d: _milestone(d, "Z2-M1").update(actual=future.isoformat()))
    assert _refused(lambda: goal_service.update_milestone(store, "Z2-M1", actual=future)) == expected
    assert world.undo_stack.count() == 0
    assert digest(store.path) == before


def test_a_rebaseline_without_comment_is_refused_on_every_path(world, monkeypatch):
    store, stack = world.bridge.store, world.undo_stack
    expected = "„Neuer Basistermin“ braucht einen Kommentar."
    day = TODAY + timedelta(days=90)
    before = digest(store.path)
    assert not world.timeline.rebaseline("Z2-M1", day, "  ")  # context menu of the timeline
    assert world.timeline.message.text() == expected
    assert _refused(lambda: goal_service.rebaseline(store, "Z2-M1", day, "")) == expected
    boxes = _answer_boxes(world, monkeypatch)
    assert not push_operation(world, stack, ops.Rebaseline("Z2-M1", day, ""), world.bridge)
    assert boxes == [expected] and stack.count() == 0
    assert digest(store.path) == before
    # with a comment it is one undoable step; undo sets the old baseline back
    assert world.timeline.rebaseline("Z2-M1", day, "Kabinettsbeschluss")
    stack.undo()
    assert store.snapshot().milestones["Z2-M1"].baseline == ACHIEVED + timedelta(days=60)


def test_a_status_change_without_reason_is_refused_on_every_path(world, monkeypatch):
    store, stack = world.bridge.store, world.undo_stack
    expected = "Eine Statusänderung braucht eine Begründung."
    before = digest(store.path)
    assert _refused(lambda: goal_service.update_goal(store, "Z2", status="delayed")) == expected
    boxes = _answer_boxes(world, monkeypatch)
    operation = ops.UpdateGoal("Z2", {"status": "delayed", "status_reason": " "})
    assert not push_operation(world, stack, operation, world.bridge)
    assert boxes == [expected] and stack.count() == 0
    assert digest(store.path) == before
    # a reason makes it one step; undo restores the old status (its comment is the reason)
    assert push_operation(world, stack, ops.UpdateGoal("Z2", {"status": "delayed"}, "Verzug"),
                          world.bridge)  # fmt: skip
    stack.undo()
    assert store.snapshot().goals["Z2"].status.value == "on_track"


def test_a_duplicate_key_is_refused_on_every_path(qtbot, world, monkeypatch):
    from sa2030_desktop.gui.detail.goal_dialogs import NewGoalDialog

    store = world.bridge.store
    expected = "Der Schlüssel Z1 kommt mehrfach vor."
    before = digest(store.path)
    dialog = NewGoalDialog(world, world.bridge)
    qtbot.addWidget(dialog)
    dialog.key_edit.setText("Z1")
    dialog.title_edit.setText("Noch ein Ziel")
    dialog.accept()
    assert dialog.error.text() == expected and dialog.goal is None
    duplicate = dialog.build()
    assert _refused(lambda: goal_service.create_goal(store, duplicate)) == expected
    boxes = _answer_boxes(world, monkeypatch)
    assert not push_operation(world, world.undo_stack, ops.CreateGoal(duplicate), world.bridge)
    assert boxes == [expected] and world.undo_stack.count() == 0
    assert digest(store.path) == before


def test_edits_outside_a_ressortpaket_are_refused_on_every_path(
    qtbot, make_store, tmp_path, monkeypatch
):
    from sa2030_desktop.services.package import export_package
    from sa2030_desktop.services.portfolio import open_portfolio

    origin = make_store("basis.sa2030", goals=[goal("Z1"), goal("Z3", lead="MI")],
                        milestones=[ms("Z3-M1", "2027-05-31")],
                        dependencies=[dep("Z1", "Z3")])  # fmt: skip
    store = open_portfolio(export_package(origin, "MID", tmp_path / "paket-MID.sa2030"))
    win = make_window(qtbot, store, tmp_path)
    win.boxes = []
    expected = "Im Ressortpaket von MID ist Ziel Z3 nur Kontext und kann nicht geändert werden."
    before = digest(store.path)
    boxes = _answer_boxes(win, monkeypatch)
    assert not push_operation(win, win.undo_stack, ops.UpdateGoal("Z3", {"title": "Neu"}),
                              win.bridge)  # fmt: skip
    assert boxes == [expected] and win.undo_stack.count() == 0
    assert _refused(lambda: goal_service.update_goal(store, "Z3", title="Neu")) == expected
    assert _import(store, tmp_path,
                   lambda d: next(g for g in d["goals"] if g["key"] == "Z3").update(title="Neu")
                   ) == expected  # fmt: skip
    milestone = "Im Ressortpaket von MID ist Meilenstein Z3-M1 nur Kontext"
    assert milestone in _refused(
        lambda: goal_service.update_milestone(store, "Z3-M1", note="x")
    )
    assert milestone in _import(store, tmp_path,
                                lambda d: _milestone(d, "Z3-M1").update(note="x"))  # fmt: skip
    assert digest(store.path) == before
    win.close()
    store.close()
