"""Goal detail: milestone edits through the date delegate, undo/redo reaching the file."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QDialogButtonBox, QMessageBox

from sa2030_desktop.gui.detail.milestone_model import MilestoneColumn
from tests.support.builders import goal, ms
from tests.support.detail import make_window, on_next_modal, reopen


@pytest.fixture
def window(qtbot, make_store, tmp_path):
    store = make_store(
        goals=[goal("Z01", status="on_track"), goal("Z02", lead="MI")],
        milestones=[
            ms("Z01-M1", "2027-03-31"),
            ms("Z01-M2", "2027-09-30"),
            ms("Z02-M1", "2027-06-30"),
        ],
    )
    win = make_window(qtbot, store, tmp_path)
    win.resize(1600, 1000)
    win.show()
    assert win.select_goal("Z01")
    qtbot.waitUntil(lambda: win.feature("detail").panel.goal_key == "Z01")
    return win


def _edit_date(qtbot, view, row: int, column: int, day: QDate) -> None:
    """Open the cell's date editor as a user would (F2), pick the date, press Enter."""
    index = view.model().index(row, column)
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.findChild(QDateEdit)
    assert editor is not None and editor.displayFormat() == "dd.MM.yyyy"
    editor.setDate(day)
    assert editor.text() == day.toString("dd.MM.yyyy")
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_forecast_edit_shows_slip_and_suggestion_and_undo_redo_follow_the_file(qtbot, window):
    panel = window.feature("detail").panel
    view = panel.milestones.view
    model = panel.milestones.model
    assert panel.form.suggestion_label.text().startswith("Vorschlag: im Plan")
    assert model.index(0, MilestoneColumn.SLIP).data() == "–"

    _edit_date(qtbot, view, 0, MilestoneColumn.FORECAST, QDate(2027, 6, 30))
    qtbot.waitUntil(lambda: model.index(0, MilestoneColumn.SLIP).data() == "91")
    assert model.index(0, MilestoneColumn.FORECAST).data() == "30.06.2027"
    assert model.index(0, MilestoneColumn.BASELINE).data() == "31.03.2027"
    assert panel.form.suggestion_label.text() == "Vorschlag: verzögert"
    assert "Widerspruch" in panel.form.contradiction_label.text()
    assert panel.form.contradiction_label.isVisible()
    assert panel.status_line.text() == "im Plan · Federführung MID · Verzug 91 Tage"
    snapshot, _ = reopen(window.bridge.store)
    assert snapshot.milestones["Z01-M1"].forecast == date(2027, 6, 30)
    assert snapshot.milestones["Z01-M1"].baseline == date(2027, 3, 31)

    window.undo_stack.undo()
    qtbot.waitUntil(lambda: model.index(0, MilestoneColumn.SLIP).data() == "–")
    assert reopen(window.bridge.store)[0].milestones["Z01-M1"].forecast == date(2027, 3, 31)
    assert panel.form.suggestion_label.text().startswith("Vorschlag: im Plan")
    assert not panel.form.contradiction_label.isVisible()

    window.undo_stack.redo()
    qtbot.waitUntil(lambda: model.index(0, MilestoneColumn.SLIP).data() == "91")
    assert reopen(window.bridge.store)[0].milestones["Z01-M1"].forecast == date(2027, 6, 30)


def test_actual_in_the_future_is_refused_with_a_german_message(qtbot, window):
    model = window.feature("detail").panel.milestones.model
    messages = []
    future = QDate.currentDate().addDays(10)
    on_next_modal(lambda box: (messages.append(box.text()), box.accept()))
    _edit_date(qtbot, window.feature("detail").panel.milestones.view, 0, MilestoneColumn.ACTUAL, future)
    qtbot.waitUntil(lambda: bool(messages))
    assert "liegt in der Zukunft" in messages[0]
    assert model.index(0, MilestoneColumn.ACTUAL).data() == "–"
    assert reopen(window.bridge.store)[0].milestones["Z01-M1"].actual is None
    assert window.undo_stack.count() == 0


@pytest.mark.parametrize("accept", [False, True])
def test_forecast_in_the_past_without_actual_asks_first(qtbot, window, accept):
    past = date.today() - timedelta(days=20)
    questions = []

    def answer(box):
        questions.append(box.text())
        box.button(
            QMessageBox.StandardButton.Yes if accept else QMessageBox.StandardButton.No
        ).click()

    on_next_modal(answer)
    _edit_date(
        qtbot,
        window.feature("detail").panel.milestones.view,
        0,
        MilestoneColumn.FORECAST,
        QDate(past.year, past.month, past.day),
    )
    qtbot.waitUntil(lambda: bool(questions))
    assert "liegt in der Vergangenheit" in questions[0]
    stored = reopen(window.bridge.store)[0].milestones["Z01-M1"].forecast
    model = window.feature("detail").panel.milestones.model
    if accept:
        assert stored == past
        qtbot.waitUntil(lambda: "überfällig" in model.index(0, MilestoneColumn.FORECAST).data())
    else:
        assert stored == date(2027, 3, 31)
        assert window.undo_stack.count() == 0


def test_rebaseline_needs_a_comment_and_is_logged(qtbot, window):
    section = window.feature("detail").panel.milestones
    section.view.selectRow(1)
    seen = {}

    def fill(dialog):
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        seen["ok_without_comment"] = ok.isEnabled()
        seen["hint"] = dialog.hint.text()
        qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        dialog.accept()  # Enter with an empty comment: the dialog stays open
        seen["still_open"] = dialog.isVisible()
        dialog.date_edit.setDate(QDate(2027, 12, 31))
        qtbot.keyClicks(dialog.text_edit, "Kabinettsbeschluss vom 01.11.2026")
        seen["ok_with_comment"] = ok.isEnabled()
        ok.click()

    on_next_modal(fill)
    qtbot.mouseClick(section.rebaseline_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "ok_with_comment" in seen)
    assert seen["ok_without_comment"] is False
    assert "Kommentar" in seen["hint"]
    assert seen["still_open"] is True
    assert seen["ok_with_comment"] is True
    snapshot, changes = reopen(window.bridge.store)
    assert snapshot.milestones["Z01-M2"].baseline == date(2027, 12, 31)
    assert snapshot.milestones["Z01-M2"].forecast == date(2027, 9, 30)
    logged = [c for c in changes if c.key == "Z01-M2" and c.field == "baseline"]
    assert logged and logged[0].old == "2027-09-30" and logged[0].new == "2027-12-31"
    assert logged[0].comment == "Kabinettsbeschluss vom 01.11.2026"
    qtbot.waitUntil(lambda: section.model.index(1, MilestoneColumn.BASELINE).data() == "31.12.2027")


def test_rebaseline_cancelled_without_comment_writes_nothing(qtbot, window):
    section = window.feature("detail").panel.milestones
    section.view.selectRow(0)
    _, before = reopen(window.bridge.store)
    on_next_modal(lambda dialog: dialog.reject())
    qtbot.mouseClick(section.rebaseline_button, Qt.MouseButton.LeftButton)
    _, after = reopen(window.bridge.store)
    assert len(after) == len(before)
    assert window.undo_stack.count() == 0


def test_add_and_delete_milestone_through_the_stack(qtbot, window):
    section = window.feature("detail").panel.milestones
    errors = []

    def fill(dialog):
        assert dialog.key_edit.text() == "Z01-M3"
        dialog.accept()  # empty title → message in the dialog, dialog stays
        errors.append(dialog.error.text())
        qtbot.keyClicks(dialog.title_edit, "Abnahme")
        dialog.baseline_edit.setDate(QDate(2028, 3, 31))
        dialog.accept()

    on_next_modal(fill)
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    assert errors == ["Der Titel darf nicht leer sein."]
    qtbot.waitUntil(lambda: section.model.rowCount() == 3)
    assert reopen(window.bridge.store)[0].milestones["Z01-M3"].forecast == date(2028, 3, 31)

    section.view.selectRow(section.model.row_of("Z01-M3"))
    on_next_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(section.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.model.rowCount() == 2)
    assert "Z01-M3" not in reopen(window.bridge.store)[0].milestones
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: section.model.rowCount() == 3)


def test_del_in_the_milestone_table_asks_about_the_milestone_not_the_goal(qtbot, window):
    section = window.feature("detail").panel.milestones
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    section.view.setFocus()
    section.view.selectRow(1)
    qtbot.waitUntil(lambda: section.view.hasFocus())
    asked = []
    on_next_modal(
        lambda box: (asked.append(box.text()), box.button(QMessageBox.StandardButton.No).click())
    )
    qtbot.keyClick(section.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: bool(asked))
    assert asked[0].startswith("Meilenstein Z01-M2")
    assert "Z01" in reopen(window.bridge.store)[0].goals
