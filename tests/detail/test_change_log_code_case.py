"""The change log's goal filter takes a key typed in small letters as the stored one
(domain/codes.py): `z04` shows the changes of Z04 and its milestones, as `Z04` does – before,
SQLite's case-sensitive `key = ?` dropped the goal's own rows while `LIKE` kept its milestones'."""

from __future__ import annotations

from datetime import date

from sa2030_desktop.gui.changelog import ChangeColumn
from sa2030_desktop.gui.commands import OperationCommand
from sa2030_desktop.services import operations as ops


def _keys(log) -> list[str]:
    return sorted(log.model.index(r, ChangeColumn.KEY).data() for r in range(log.model.rowCount()))


def test_goal_filter_of_the_change_log_ignores_the_case_of_the_key(qtbot, window):
    for op in (
        ops.UpdateGoal("Z04", {"title": "E-Akte überall"}, "Umbenannt"),
        ops.UpdateMilestone("Z04-M3", {"forecast": date(2028, 6, 30)}, "Ressortmeldung"),
    ):
        window.undo_stack.push(OperationCommand(window.bridge, op))
    log = window.feature("detail").change_log
    window.dock("change_log").show()
    log.goal_edit.setText("Z04")
    log.refresh()
    typed_as_stored = _keys(log)
    assert "Z04" in typed_as_stored and "Z04-M3" in typed_as_stored
    log.goal_edit.setText("z04")
    log.refresh()
    assert _keys(log) == typed_as_stored
    assert log.count_label.text().startswith(str(len(typed_as_stored)))
