"""Indicators in the goal detail: add with measured values, bad numbers named, undo."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.support.builders import goal, ms
from tests.support.detail import make_window, on_next_modal, reopen


def test_indicator_with_values_is_added_checked_and_undone(qtbot, make_store, tmp_path):
    store = make_store(goals=[goal("Z01")], milestones=[ms("Z01-M1", "2027-03-31")])
    window = make_window(qtbot, store, tmp_path)
    window.show()
    assert window.select_goal("Z01")
    section = window.feature("detail").panel.indicators
    qtbot.waitUntil(lambda: section.goal_key == "Z01")
    errors = []

    def fill(dialog):
        qtbot.keyClicks(dialog.name_edit, "Angebundene Kommunen")
        dialog.unit_edit.setText("Anzahl")
        dialog.baseline_edit.setText("12")
        dialog.target_edit.setText("1.250,5")
        dialog.values_edit.setPlainText("31.12.2025; 40\nirgendwann; 7")
        dialog.accept()
        errors.append(dialog.error.text())
        dialog.values_edit.setPlainText("30.06.2026; 95\n31.12.2025; 40")
        dialog.accept()

    on_next_modal(fill)
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    assert errors == [
        "Messwerte, Zeile 2: „irgendwann; 7“ – erwartet „Datum; Wert“, z. B. 31.12.2025; 34."
    ]
    saved = reopen(store)[0].indicators[0]
    assert (saved.name, saved.unit, saved.baseline, saved.target) == (
        "Angebundene Kommunen",
        "Anzahl",
        12,
        1250.5,
    )
    assert [(v.date, v.value) for v in saved.values] == [
        (date(2025, 12, 31), 40),
        (date(2026, 6, 30), 95),
    ]
    qtbot.waitUntil(lambda: section.model.rowCount() == 1)
    assert section.model.index(0, 3).data() == "95\u00a0Anzahl\n30.06.2026"

    section.view.selectRow(0)
    on_next_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(section.delete_button, Qt.MouseButton.LeftButton)
    assert reopen(store)[0].indicators == []
    window.undo_stack.undo()
    assert len(reopen(store)[0].indicators[0].values) == 2
    window.undo_stack.undo()
    assert reopen(store)[0].indicators == []
