"""Every user action that writes (gui/commands/base.py and all that push through it: detail
table and form, new/delete dialogs, links in the detail and on the graph, timeline drags and
keys, master data, Berichtsrunden, undo/redo – also of an import or merge a worker wrote)
refused by the file – opened read-only, or locked by another program – shows a German message
the user sees, writes nothing and leaves the undo stack as it was: its redo step too (a push of
a refused command used to drop it), and the command does not say it succeeded."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QMessageBox

from sa2030_desktop.domain.model import Dependency, DependencyKind, Goal, Indicator, Milestone
from sa2030_desktop.gui.graph.page import GraphPage
from sa2030_desktop.gui.timeline.view import TimelineView
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.services import goals as goal_service
from tests.gui.test_rules_every_path import digest
from tests.support.builders import dep, goal, ms
from tests.support.detail import make_window

LATER = date.today() + timedelta(days=200)
READ_ONLY = "ist schreibgeschützt geöffnet; Änderungen sind nicht möglich."
LOCKED = "von einem anderen Programm gesperrt"


class _Dialog:
    """Stands in for a modal dialog the user filled in and accepted."""

    def __init__(self, **answers) -> None:
        self.__dict__.update(answers)

    def __call__(self, *_args, **_kwargs):
        return self

    def exec(self) -> int:
        return 1


@pytest.fixture
def desk(qtbot, make_store, tmp_path, monkeypatch):
    """A window (detail dock) with the graph page and the timeline on its store and undo stack,
    one undone step on the stack (so a redo step is there to lose), every box recorded."""
    store = make_store(
        goals=[goal("Z1"), goal("Z2"), goal("Z3")],
        milestones=[ms("Z1-M1", "2027-01-31"), ms("Z2-M1", "2027-06-30")],
        dependencies=[dep("Z2", "Z1"), dep("Z3", "Z2")],
    )
    goal_service.save_indicator(store, Indicator("Z1", "Quote", "%", 10.0), "Anlage")
    win = make_window(qtbot, store, tmp_path)
    win.resize(1400, 900)
    win.show()
    win.graph = GraphPage(win.bridge, win.undo_stack)
    win.timeline = TimelineView(win.bridge, win.undo_stack)
    for widget in (win.graph, win.timeline):
        qtbot.addWidget(widget)
    win.boxes = []
    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda _p, _t, text, *a: win.boxes.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    assert win.timeline.rebaseline("Z1-M1", date(2027, 2, 28), "Vorbereitung")
    win.undo_stack.undo()
    yield win
    win.close()


def _read_only(win, _monkeypatch) -> str:
    path = win.bridge.store.path
    win.bridge.set_store(Store.open(path, readonly=True))
    return READ_ONLY


def _locked(win, monkeypatch) -> str:
    def busy(*_args, **_kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(win.bridge.store, "transaction", busy)
    return LOCKED


def _panel(win, goal_key: str = "Z1"):
    assert win.select_goal(goal_key)
    panel = win.feature("detail").panel
    panel.show_goal(goal_key)
    panel.relations.show_goal(goal_key)  # its tab, opened
    return panel


def _form(win) -> bool:
    form = _panel(win).form
    form.title_edit.setText("Neuer Titel")
    assert form.dirty
    ok = form.apply()
    assert form.dirty, "the refused edits are kept to save again, not marked as saved"
    return ok


def _new_goal(win, monkeypatch) -> bool:
    from sa2030_desktop.gui.detail import feature

    monkeypatch.setattr(feature, "NewGoalDialog", _Dialog(goal=Goal("Z9", "Neu", "TF01", "MID")))
    return feature.create_goal(win)


def _delete_goal(win, monkeypatch) -> bool:
    from sa2030_desktop.gui.detail import feature

    monkeypatch.setattr(feature, "confirm_delete", lambda *a: True)
    _panel(win)
    win.setFocus()
    return feature.remove_goal(win)


def _new_milestone(win, monkeypatch) -> None:
    from sa2030_desktop.gui.detail import milestones

    section = _panel(win).milestones
    monkeypatch.setattr(milestones, "NewMilestoneDialog", _Dialog(check=None))
    new = Milestone("Z1-M2", "Z1", "Neu", LATER, LATER)
    monkeypatch.setattr(section, "_milestone_of", lambda _d: new)
    section.add_milestone()


def _detail_rebaseline(win, monkeypatch) -> None:
    from sa2030_desktop.gui.detail import milestones

    section = _panel(win).milestones
    answer = _Dialog(new_date=lambda: LATER, text=lambda: "Kabinett")
    monkeypatch.setattr(milestones, "RebaselineDialog", answer)
    section.rebaseline()


def _link(win, monkeypatch) -> None:
    from sa2030_desktop.gui.detail import relations

    answer = _Dialog(dependency=Dependency("Z3", "Z1", DependencyKind.SOFT))
    monkeypatch.setattr(relations, "LinkDialog", answer)
    _panel(win, "Z3").relations.add_dependency()


def _unlink(win, monkeypatch) -> None:
    section = _panel(win, "Z2").relations
    link = win.bridge.snapshot().dependencies[0]
    monkeypatch.setattr(section, "selected_dependency", lambda: link)
    section.remove_dependency()


def _indicator(win, monkeypatch) -> None:
    from sa2030_desktop.gui.detail import indicators

    new = Indicator("Z1", "Neu", "%", 1.0)
    monkeypatch.setattr(indicators, "IndicatorDialog", _Dialog(result_indicator=new))
    _panel(win).indicators.add_indicator()


def _delete_indicator(win, _monkeypatch) -> None:
    section = _panel(win).indicators
    section.view.setCurrentIndex(section.model.index(0, 0))
    section.delete_indicator()


def _timeline_key(win) -> None:
    keys = win.timeline.canvas.keys
    keys.current = "Z2-M1"
    keys.shift_forecast(7)


def _reference(win, _monkeypatch) -> bool:
    from sa2030_desktop.gui.reference_dialog import ReferenceDialog

    dialog = ReferenceDialog(win, win.bridge, win.undo_stack)
    tab = dialog.pages["ministry"]
    tab.view.selectRow(0)
    ok = tab.save()
    if tab.error.isVisibleTo(dialog):  # the dialog's own message line
        win.boxes.append(tab.error.text())
    return ok


def _undo(win, _monkeypatch) -> None:
    win.undo_stack.redo()  # the undone step, redone: refused by the file


ACTIONS = {
    "Detail-Tabelle: Prognose": lambda w, m: _panel(w).milestones.edit_milestone(
        "Z2-M1", "forecast", LATER
    ),
    "Detail-Formular: Titel": lambda w, m: _form(w),
    "Neues Ziel": _new_goal,
    "Ziel löschen": _delete_goal,
    "Neuer Meilenstein": _new_milestone,
    "Meilenstein löschen": lambda w, m: _panel(w).milestones.delete_milestone(),
    "Neuer Basistermin (Detail)": _detail_rebaseline,
    "Abhängigkeit anlegen (Detail)": _link,
    "Abhängigkeit entfernen (Detail)": _unlink,
    "Indikator anlegen": _indicator,
    "Indikator löschen": _delete_indicator,
    "Graph: verbinden": lambda w, m: w.graph.link("Z1", "Z3", DependencyKind.HARD),
    "Graph: Kante löschen": lambda w, m: w.graph.delete_selected_edges(
        list(w.graph.scene.edges.values())
    ),
    "Zeitplan: ziehen": lambda w, m: w.timeline.move_forecast("Z2-M1", LATER),
    "Zeitplan: Tastatur": lambda w, m: _timeline_key(w),
    "Zeitplan: Ist-Datum": lambda w, m: w.timeline.set_actual("Z2-M1", date.today()),
    "Zeitplan: Basistermin": lambda w, m: w.timeline.rebaseline("Z2-M1", LATER, "Kabinett"),
    "Stammdaten speichern": _reference,
    "Wiederherstellen (Redo)": _undo,
}


@pytest.mark.parametrize("refuse", [_read_only, _locked], ids=["schreibgeschützt", "gesperrt"])
@pytest.mark.parametrize("action", list(ACTIONS), ids=list(ACTIONS))
def test_a_refused_write_is_told_and_changes_nothing(desk, monkeypatch, action, refuse):
    stack = desk.undo_stack
    assert (stack.count(), stack.index(), stack.canRedo()) == (1, 0, True)
    expected = refuse(desk, monkeypatch)
    path = desk.bridge.store.path
    before, snapshot = digest(path), desk.bridge.snapshot()
    outcome = ACTIONS[action](desk, monkeypatch)
    assert outcome in (None, False), "a refused action does not report success"
    told = desk.boxes + [w.message.text() for w in (desk.graph, desk.timeline)
                         if w.message.isVisibleTo(w)]  # fmt: skip
    assert any(expected in text for text in told), told
    assert digest(path) == before
    assert desk.bridge.snapshot() == snapshot
    if action.startswith("Wiederherstellen"):  # the refused step leaves the stack
        assert (stack.count(), stack.index()) == (0, 0)
    else:  # the redo step is still there
        assert (stack.count(), stack.index(), stack.canRedo()) == (1, 0, True)


def test_undo_of_an_import_refused_by_the_file_is_told(desk, monkeypatch):
    """An import (as a merge) is written by a worker and pushed as written (applied=True),
    with no dialog left to tell a refused undo in: a warning box tells it."""
    from types import SimpleNamespace

    from sa2030_desktop.gui.exchange.import_wizard import import_command

    stack, store = desk.undo_stack, desk.bridge.store
    stack.clear()
    before = store.snapshot()
    goal_service.update_goal(store, "Z1", "extern", title="Vom Import")
    bundle = SimpleNamespace(source="eingang.json")
    stack.push(import_command(desk.bridge, bundle, "eingang.json", before))
    assert stack.count() == 1
    _locked(desk, monkeypatch)
    stack.undo()
    assert any(LOCKED in text for text in desk.boxes), desk.boxes
    assert desk.bridge.snapshot().goals["Z1"].title == "Vom Import"


def test_deleting_several_edges_on_the_graph_is_one_transaction(desk, monkeypatch):
    """Delete on a selection of edges: one transaction (a failure halfway used to leave the
    first edges removed and the rest in place), one undo step that brings all back."""
    store, stack = desk.bridge.store, desk.undo_stack
    stack.clear()
    transactions = []
    opened = store.transaction
    monkeypatch.setattr(
        store, "transaction", lambda *a, **k: transactions.append(a) or opened(*a, **k)
    )
    desk.graph.delete_selected_edges(list(desk.graph.scene.edges.values()))
    assert store.snapshot().dependencies == []
    assert len(transactions) == 1 and stack.count() == 1
    stack.undo()
    assert sorted(d.pair for d in store.snapshot().dependencies) == [("Z2", "Z1"), ("Z3", "Z2")]
    assert len(transactions) == 2


def test_the_berichtsrunden_view_tells_a_refusal_and_writes_nothing(
    rounds_window, qtbot, monkeypatch
):
    """A report the review froze (accepted) refuses a second review; the file read-only
    refuses closing the round: a box says why each time, the file and the stack unchanged."""
    from sa2030_desktop.domain.reporting import ReportState
    from sa2030_desktop.gui.rounds import actions
    from sa2030_desktop.services import reporting
    from tests.gui.test_rounds_view import _submitted
    from tests.support.rounds import page_of

    win, store = rounds_window, rounds_window.bridge.store
    _submitted(store)
    reporting.review(store, "R1", "Z4", True)
    boxes = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: boxes.append(text))
    page = page_of(win)
    page.refresh()
    page.select_round("R1")
    accepted = next(r for r in reporting.reports(store, "R1") if r.goal == "Z4")
    assert accepted.state is ReportState.ACCEPTED
    monkeypatch.setattr(page, "current_report", lambda: accepted)
    before = digest(store.path)
    actions.review(page, accept=True)
    assert boxes == ["Die Meldung zu Z4 in der Berichtsrunde R1 ist schon bestätigt."]
    assert win.undo_stack.count() == 0 and digest(store.path) == before

    _read_only(win, monkeypatch)  # closing the writable store folds its WAL into the file
    page.select_round("R1")
    before = digest(store.path)
    box = actions.close_round(page)
    box.buttonClicked.emit(box.confirm)
    assert any(READ_ONLY in text for text in boxes), boxes
    assert win.undo_stack.count() == 0 and digest(store.path) == before
    box.close()
