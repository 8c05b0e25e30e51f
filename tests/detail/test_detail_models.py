"""Every item model of the goal detail, change log and reference dialog passes Qt's model tester;
the change-log viewer filters by goal, user and „Änderungen seit …“; ministries are renamed
from an effective date with their history kept."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtTest import QAbstractItemModelTester

from sa2030_desktop.gui.changelog import ChangeColumn
from sa2030_desktop.gui.commands import OperationCommand
from sa2030_desktop.gui.detail.link_dialog import LinkDialog
from sa2030_desktop.gui.reference_dialog import ReferenceDialog, RenameMinistryDialog
from sa2030_desktop.services import operations as ops
from sa2030_desktop.services.portfolio import analysis
from tests.support.detail import make_window, on_next_modal, reopen

FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal


@pytest.fixture
def window(qtbot, demo_store, tmp_path):
    win = make_window(qtbot, demo_store, tmp_path)
    win.resize(1600, 1000)
    win.show()
    assert win.select_goal("Z04")
    qtbot.waitUntil(lambda: win.feature("detail").panel.goal_key == "Z04")
    return win


def test_detail_models_pass_the_model_tester_through_changes(qtbot, window):
    panel = window.feature("detail").panel
    models = [
        panel.milestones.model,
        panel.indicators.model,
        panel.history.model,
        *panel.relations.models.values(),
        window.feature("detail").change_log.model,
    ]
    dialog = LinkDialog(window, window.bridge, "Z04")
    models += [dialog.picker_model, dialog.proxy]
    reference = ReferenceDialog(window, window.bridge, window.undo_stack)
    models += [page.model for page in reference.pages.values()]
    testers = [QAbstractItemModelTester(m, FATAL) for m in models]
    assert len(testers) == len(models)
    assert panel.milestones.model.rowCount() == 3
    assert panel.indicators.model.rowCount() == 1
    panel.tabs.setCurrentWidget(panel.relations)
    assert panel.relations.models["needed_by"].rowCount() == 3  # Z05, Z14, Z10
    dialog.search_edit.setText("Z1")
    assert dialog.proxy.rowCount() == 10  # Z10 … Z19
    window.undo_stack.push(
        OperationCommand(
            window.bridge, ops.UpdateMilestone("Z04-M3", {"forecast": date(2028, 6, 30)})
        )
    )
    qtbot.waitUntil(lambda: panel.milestones.model.index(2, 5).data() == "182")
    window.select_goal("Z05")
    qtbot.waitUntil(lambda: panel.goal_key == "Z05")
    window.undo_stack.undo()
    reference.refresh()
    dialog.deleteLater()
    reference.deleteLater()


def test_demo_goal_z04_shows_its_numbers(qtbot, window):
    panel = window.feature("detail").panel
    model = panel.milestones.model
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(3)]
    assert rows[0] == [
        "Z04-M1",
        "Pilotbetrieb in zwei Ministerien",
        "30.09.2024",
        "15.11.2024",
        "15.11.2024",
        "",
    ]
    assert rows[1][2:] == ["30.09.2026", "30.04.2027", "–", "212"]
    assert panel.form.suggestion_label.text() == "Vorschlag: verzögert (wie gespeichert)"
    assert not panel.form.contradiction_label.isVisible()
    assert panel.status_line.text() == "verzögert · Federführung MI · Verzug 212 Tage"
    panel.tabs.setCurrentWidget(panel.relations)
    needs = [
        panel.relations.models["needs"].entry(r).goal
        for r in range(panel.relations.models["needs"].rowCount())
    ]
    assert needs == ["Z03", "Z50"]
    conflicts = analysis(window.bridge.store).conflicts
    mine = [c for c in conflicts if "Z04" in (c.dependent, c.prerequisite)]
    texts = [
        panel.relations.models["conflicts"].entry(r).text
        for r in range(panel.relations.models["conflicts"].rowCount())
    ]
    if mine:
        assert len(texts) == len(mine) and all(t.startswith("Terminkonflikt:") for t in texts)
    else:
        assert texts == ["Keine Terminkonflikte."]
    assert panel.indicators.model.index(0, 3).data() == "52\u00a0%\n30.09.2026"
    assert panel.indicators.model.index(0, 2).data() == "100\u00a0%\n31.12.2027"


def test_change_log_filters_by_goal_user_and_since(qtbot, window):
    log = window.feature("detail").change_log
    window.dock("change_log").show()
    window.undo_stack.push(
        OperationCommand(
            window.bridge,
            ops.UpdateMilestone("Z04-M3", {"forecast": date(2028, 6, 30)}, "Ressortmeldung"),
        )
    )
    log.goal_edit.setText("Z04")
    log.refresh()
    keys = {log.model.index(r, ChangeColumn.KEY).data() for r in range(log.model.rowCount())}
    assert "Z04-M3" in keys and all(k.startswith("Z04") or "Z04" in k for k in keys)
    first = [log.model.index(0, c).data() for c in range(log.model.columnCount())]
    assert first[2:] == [
        "Meilenstein",
        "Z04-M3",
        "Prognose",
        "31.03.2028",
        "30.06.2028",
        "Ressortmeldung",
    ]
    log.since_check.setChecked(True)
    log.since_edit.setDate(QDate.currentDate())
    log.refresh()
    assert log.model.rowCount() >= 1
    log.since_edit.setDate(QDate.currentDate().addDays(1))
    assert log.model.rowCount() == 0
    assert log.count_label.text() == "0 Änderungen"
    log.since_check.setChecked(False)
    log.user_combo.setCurrentIndex(log.user_combo.count() - 1)
    log.refresh()
    user = log.user_combo.currentData()
    assert user and all(log.model.index(r, 1).data() == user for r in range(log.model.rowCount()))
    history = window.feature("detail").panel.history
    window.feature("detail").panel.tabs.setCurrentWidget(history)
    qtbot.waitUntil(lambda: history.model.index(0, ChangeColumn.KEY).data() == "Z04-M3")
    assert all(
        "Z04" in history.model.index(r, ChangeColumn.KEY).data()
        for r in range(history.model.rowCount())
    )


def test_rename_ministry_from_an_effective_date_keeps_history(qtbot, window):
    dialog = ReferenceDialog(window, window.bridge, window.undo_stack)
    page = dialog.pages["ministry"]
    page.view.selectRow(page.model.row_of("MI"))
    errors = []

    def fill(rename: RenameMinistryDialog):
        rename.accept()  # no new code yet
        errors.append(rename.error.text())
        rename.code_edit.setText("MIK")
        rename.name_edit.setText("Ministerium für Inneres und Kommunales")
        rename.effective_edit.setDate(QDate(2027, 7, 1))
        rename.accept()

    on_next_modal(fill)
    page.rename_button.click()
    assert errors == ["Der Schlüssel darf nicht leer sein."]
    snapshot, _ = reopen(window.bridge.store)
    assert snapshot.ministries["MI"].valid_until == date(2027, 6, 30)
    assert snapshot.ministries["MI"].successor == "MIK"
    assert snapshot.ministries["MIK"].valid_from == date(2027, 7, 1)
    assert snapshot.goals["Z04"].lead == "MI"
    assert page.model.row_of("MIK") >= 0
    window.undo_stack.undo()
    snapshot, _ = reopen(window.bridge.store)
    assert "MIK" not in snapshot.ministries and snapshot.ministries["MI"].valid_until is None
    dialog.deleteLater()


def test_theme_mapping_and_names_are_edited_with_undo(qtbot, window):
    dialog = ReferenceDialog(window, window.bridge, window.undo_stack)
    page = dialog.pages["theme"]
    page.view.selectRow(page.model.row_of("TF09"))
    old = reopen(window.bridge.store)[0].themes["TF09"]
    other = next(c for c in reopen(window.bridge.store)[0].categories if c != old.category)
    page.editors["name"].setText("Offene Daten")
    page.editors["category"].setCurrentIndex(page.editors["category"].findData(other))
    assert page.save()
    theme = reopen(window.bridge.store)[0].themes["TF09"]
    assert (theme.name, theme.category) == ("Offene Daten", other)
    page.editors["name"].clear()
    assert not page.save()
    assert page.error.text() == "Der Titel darf nicht leer sein."
    window.undo_stack.undo()
    assert reopen(window.bridge.store)[0].themes["TF09"] == old
    cats = dialog.pages["category"]
    cats.start_new()
    cats.editors["code"].setText(next(iter(reopen(window.bridge.store)[0].categories)))
    cats.editors["name"].setText("Doppelt")
    assert not cats.save()
    assert "kommt mehrfach vor" in cats.error.text()
    dialog.deleteLater()
