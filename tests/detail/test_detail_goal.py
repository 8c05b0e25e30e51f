"""Goal detail: fields, status with required reason, dependencies with cycle refusal, deletion."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from sa2030_desktop.domain.model import Status
from tests.support.builders import dep, goal, ms
from tests.support.detail import make_window, on_next_modal, reopen


@pytest.fixture
def window(qtbot, make_store, tmp_path):
    store = make_store(
        goals=[
            goal("Z01"),
            goal("Z02", lead="MI"),
            goal("Z03", lead="MF", partners=["MID"]),
            goal("Z04", lead="MB"),
        ],
        milestones=[
            ms("Z01-M1", "2027-03-31"),
            ms("Z02-M1", "2027-06-30"),
            ms("Z03-M1", "2027-09-30"),
            ms("Z03-M2", "2028-03-31"),
        ],
        dependencies=[dep("Z02", "Z01"), dep("Z03", "Z02", rationale="Z03 braucht Z02")],
    )
    win = make_window(qtbot, store, tmp_path)
    win.resize(1600, 1000)
    win.show()
    return win


def _select(qtbot, window, key):
    assert window.select_goal(key)
    qtbot.waitUntil(lambda: window.feature("detail").panel.goal_key == key)
    return window.feature("detail").panel


def test_fields_are_shown_and_saved_as_one_undo_step(qtbot, window):
    panel = _select(qtbot, window, "Z03")
    form = panel.form
    assert form.key_edit.text() == "Z03" and form.key_edit.isReadOnly()
    assert form.lead_combo.currentData() == "MF"
    assert form.partners() == ["MID"]
    codes = [
        form.partner_model.item(r).data(Qt.ItemDataRole.UserRole)
        for r in range(form.partner_model.rowCount())
    ]
    assert "MF" not in codes  # never the lead
    form.title_edit.selectAll()
    qtbot.keyClicks(form.title_edit, "Registermodernisierung abschließen")
    mi = codes.index("MI")
    form.partner_model.item(mi).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClick(form.title_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    snapshot, changes = reopen(window.bridge.store)
    assert snapshot.goals["Z03"].title == "Registermodernisierung abschließen"
    assert snapshot.goals["Z03"].partners == ["MID", "MI"]
    assert window.undo_stack.count() == 1
    # Changing the lead to a partner drops it from the co-ministries.
    form.lead_combo.setCurrentIndex(form.lead_combo.findData("MI"))
    assert "MI" not in form.partners()
    form.revert_button.click()
    assert form.lead_combo.currentData() == "MF"
    window.undo_stack.undo()
    assert reopen(window.bridge.store)[0].goals["Z03"].title == "Ziel Z03"


def test_empty_title_is_refused_at_the_field(qtbot, window):
    form = _select(qtbot, window, "Z01").form
    form.title_edit.clear()
    qtbot.mouseClick(form.apply_button, Qt.MouseButton.LeftButton)
    assert form.title_error.isVisible()
    assert "Der Titel darf nicht leer sein." in form.title_error.text()
    assert reopen(window.bridge.store)[0].goals["Z01"].title == "Ziel Z01"
    assert window.undo_stack.count() == 0


def test_status_change_needs_a_reason(qtbot, window):
    form = _select(qtbot, window, "Z01").form
    _, log_before = reopen(window.bridge.store)
    form.status_combo.setCurrentIndex(form.status_combo.findData(Status.AT_RISK.value))
    seen = {}

    def without_reason(dialog):
        seen["title"] = dialog.windowTitle()
        seen["ok"] = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        dialog.accept()  # Enter on an empty reason: stays open
        seen["open"] = dialog.isVisible()
        dialog.reject()

    on_next_modal(without_reason)
    qtbot.mouseClick(form.apply_button, Qt.MouseButton.LeftButton)
    assert seen == {"title": "Statusänderung begründen – Z01", "ok": False, "open": True}
    snapshot, log_after = reopen(window.bridge.store)
    assert snapshot.goals["Z01"].status is Status.ON_TRACK
    assert len(log_after) == len(log_before)
    assert window.undo_stack.count() == 0

    def with_reason(dialog):
        qtbot.keyClicks(dialog.text_edit, "Vergabe gescheitert")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    on_next_modal(with_reason)
    qtbot.mouseClick(form.apply_button, Qt.MouseButton.LeftButton)
    snapshot, log = reopen(window.bridge.store)
    assert snapshot.goals["Z01"].status is Status.AT_RISK
    assert snapshot.goals["Z01"].status_reason == "Vergabe gescheitert"
    entry = next(c for c in log if c.key == "Z01" and c.field == "status")
    assert (entry.old, entry.new, entry.comment) == ("on_track", "at_risk", "Vergabe gescheitert")
    qtbot.waitUntil(lambda: window.feature("detail").panel.status_line.text().startswith("gefährdet"))


def test_dependency_closing_a_cycle_is_refused_with_the_path(qtbot, window):
    panel = _select(qtbot, window, "Z01")
    relations = panel.relations
    panel.tabs.setCurrentWidget(relations)
    assert [
        relations.models["dependents"].entry(r).goal
        for r in range(relations.models["dependents"].rowCount())
    ] == ["Z02", "Z03"]
    _, log_before = reopen(window.bridge.store)
    seen = {}

    def pick_cycle(dialog):
        qtbot.keyClicks(dialog.search_edit, "Z03")
        seen["picked"] = (dialog.picked(), dialog.direction_combo.currentData())
        seen["milestones"] = [
            dialog.prerequisite_ms.itemData(i) for i in range(dialog.prerequisite_ms.count())
        ]
        dialog.prerequisite_ms.setCurrentIndex(1)
        qtbot.keyClicks(dialog.rationale_edit, "Kreis")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        seen["error"] = dialog.error.text()
        seen["open"] = dialog.isVisible()
        dialog.reject()

    on_next_modal(pick_cycle)
    qtbot.mouseClick(relations.add_button, Qt.MouseButton.LeftButton)
    assert seen["picked"] == ("Z03", "needs")
    assert seen["milestones"] == [None, "Z03-M1", "Z03-M2"]
    assert seen["open"] is True
    assert seen["error"] == (
        "Abhängigkeit abgelehnt – sie würde einen Kreis schließen: Z01 → Z03 → Z02 → Z01."
    )
    snapshot, log_after = reopen(window.bridge.store)
    assert len(snapshot.dependencies) == 2
    assert len(log_after) == len(log_before)
    assert window.undo_stack.count() == 0


def test_add_and_remove_dependency_with_milestones_and_jump(qtbot, window):
    panel = _select(qtbot, window, "Z04")
    relations = panel.relations
    panel.tabs.setCurrentWidget(relations)

    def pick(dialog):
        dialog.direction_combo.setCurrentIndex(1)  # Z03 needs Z04
        dialog.select_goal("Z03")
        dialog.soft_radio.setChecked(True)
        dialog.dependent_ms.setCurrentIndex(dialog.dependent_ms.findData("Z03-M2"))
        qtbot.keyClicks(dialog.rationale_edit, "Schulungen zuerst")
        dialog.accept()

    on_next_modal(pick)
    qtbot.mouseClick(relations.add_button, Qt.MouseButton.LeftButton)
    snapshot, _ = reopen(window.bridge.store)
    added = next(d for d in snapshot.dependencies if d.pair == ("Z03", "Z04"))
    assert (added.kind.label, added.dependent_milestone, added.rationale) == (
        "weich",
        "Z03-M2",
        "Schulungen zuerst",
    )
    qtbot.waitUntil(lambda: relations.models["needed_by"].rowCount() == 1)
    assert "[weich, Z04 → Z03-M2]" in relations.models["needed_by"].entry(0).text

    view = relations.views["needed_by"]
    view.setCurrentIndex(relations.models["needed_by"].index(0))
    on_next_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(relations.remove_button, Qt.MouseButton.LeftButton)
    assert not any(d.pair == ("Z03", "Z04") for d in reopen(window.bridge.store)[0].dependencies)
    window.undo_stack.undo()
    assert any(d.pair == ("Z03", "Z04") for d in reopen(window.bridge.store)[0].dependencies)

    qtbot.waitUntil(lambda: relations.models["needed_by"].rowCount() == 1)
    view.setCurrentIndex(relations.models["needed_by"].index(0))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)  # activate = jump
    qtbot.waitUntil(lambda: window.feature("detail").panel.goal_key == "Z03")
    assert window.current_goal() == "Z03"


def test_delete_goal_others_depend_on_lists_them(qtbot, window):
    _select(qtbot, window, "Z01")
    asked = []

    def answer(box, yes):
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No).click()

    delete = window.findChild(type(window.menus["edit"].actions()[0]), "actionDeleteGoal")
    on_next_modal(lambda box: answer(box, False))
    delete.trigger()
    assert "Diese Ziele hängen davon ab" in asked[0]
    assert "• Z02 (MI) – Ziel Z02" in asked[0]
    assert "Mittelbar betroffen: Z03" in asked[0]
    assert "Z01" in reopen(window.bridge.store)[0].goals

    on_next_modal(lambda box: answer(box, True))
    delete.trigger()
    snapshot, _ = reopen(window.bridge.store)
    assert "Z01" not in snapshot.goals and "Z01-M1" not in snapshot.milestones
    assert not any("Z01" in d.pair for d in snapshot.dependencies)
    window.undo_stack.undo()
    snapshot, _ = reopen(window.bridge.store)
    assert "Z01" in snapshot.goals and any(d.pair == ("Z02", "Z01") for d in snapshot.dependencies)


def test_new_goal_dialog_refuses_duplicate_key_and_empty_title(qtbot, window):
    errors = []

    def fill(dialog):
        assert dialog.key_edit.text() == "Z05"
        dialog.accept()
        errors.append(dialog.error.text())
        dialog.key_edit.setText("Z02")
        qtbot.keyClicks(dialog.title_edit, "Neues Vorhaben")
        dialog.accept()
        errors.append(dialog.error.text())
        dialog.key_edit.setText("Z05")
        dialog.accept()

    on_next_modal(fill)
    window.activateWindow()
    new_goal = window.findChild(type(window.menus["edit"].actions()[0]), "actionNewGoal")
    assert new_goal.shortcut().toString() == "Ctrl+N"
    new_goal.trigger()
    assert errors == ["Der Titel darf nicht leer sein.", "Der Schlüssel Z02 kommt mehrfach vor."]
    snapshot, _ = reopen(window.bridge.store)
    assert snapshot.goals["Z05"].title == "Neues Vorhaben"
    qtbot.waitUntil(lambda: window.feature("detail").panel.goal_key == "Z05")
    assert QApplication.activeModalWidget() is None
