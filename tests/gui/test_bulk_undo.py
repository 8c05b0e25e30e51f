"""An import is an operation like any edit: checked before the undo stack, undone and redone by
the one generic command, the file following each step."""

from __future__ import annotations

import json

from PySide6.QtGui import QUndoStack

from sa2030_desktop.gui.commands import push_operation
from sa2030_desktop.gui.store_bridge import StoreBridge
from sa2030_desktop.services import operations as ops
from sa2030_desktop.services.json_format import read_json
from sa2030_desktop.services.json_writer import portfolio_document
from tests.support.builders import goal, ms
from tests.support.detail import reopen


def _bundle(store, tmp_path, change):
    doc = portfolio_document(store.snapshot())
    change(doc)
    src = tmp_path / "eingang.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return read_json(src)


def test_import_undo_redo_and_refusal_through_the_generic_command(qtbot, make_store, tmp_path):
    store = make_store(goals=[goal("Z1")], milestones=[ms("Z1-M1", "2027-03-31")])
    bridge, stack = StoreBridge(store), QUndoStack()
    shown: list[str] = []
    renamed = _bundle(store, tmp_path, lambda d: d["goals"][0].update(title="Neuer Titel"))
    assert push_operation(None, stack, ops.ImportBundle(renamed), bridge, shown.append)
    assert stack.undoText() == "Import aus eingang.json"
    assert reopen(store)[0].goals["Z1"].title == "Neuer Titel"
    stack.undo()
    snapshot, changes = reopen(store)
    assert snapshot.goals["Z1"].title == "Ziel Z1"
    assert changes[0].comment == "Rückgängig: Import aus eingang.json"
    stack.redo()
    assert reopen(store)[0].goals["Z1"].title == "Neuer Titel"

    future = _bundle(store, tmp_path, lambda d: d["milestones"][0].update(actual="2999-01-01"))
    assert not push_operation(None, stack, ops.ImportBundle(future), bridge, shown.append)
    assert stack.count() == 1 and "Das Ist-Datum 01.01.2999 liegt in der Zukunft." in shown[0]
    assert reopen(store)[0].milestones["Z1-M1"].actual is None
    bridge.close()
