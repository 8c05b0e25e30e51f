"""The import wizard, the merge review and the disk watch as a user meets them (real widgets,
real files); screenshots go to /tmp/shots/."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWizard

from sa2030_desktop.gui.exchange.import_wizard import ImportWizard
from sa2030_desktop.gui.exchange.merge_dialog import Column, MergeDialog
from sa2030_desktop.gui.store_bridge import StoreBridge
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.services import goals, merge
from sa2030_desktop.services.exchange import import_sources
from sa2030_desktop.services.merge_state import save_copy_with_base
from tests.support.exchange import GOALS, MILESTONES, TABLES, write_csv_set

SHOTS = Path("/tmp/shots")


def _shot(widget, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    assert widget.grab().save(str(SHOTS / name))


@pytest.fixture
def bridge(fresh):
    b = StoreBridge(fresh("gui.sa2030"))
    yield b
    b._unsubscribe()


def _wizard(qtbot, bridge, paths):
    stack = QUndoStack()
    wizard = ImportWizard(bridge, stack)
    qtbot.addWidget(wizard)
    wizard.files_page.set_paths(paths)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.next()
    page = wizard.preview_page
    qtbot.waitUntil(lambda: page.job is None, timeout=10000)
    return wizard, page, stack


def test_wizard_previews_imports_and_undoes(qtbot, bridge, tmp_path):
    tables = dict(TABLES)
    tables["ziele"] = [[*GOALS[0], "Bearbeiter"]] + [[*r, "Frau Müller"] for r in GOALS[1:]]
    wizard, page, stack = _wizard(
        qtbot, bridge, write_csv_set(tmp_path / "c", "cp1252", ";", True, tables)
    )
    assert page.summary.text() == "Bereit: 9 neu, 0 geändert, 0 unverändert, 0 abgelehnt."
    rows = {
        page.counts.topLevelItem(i).text(0): page.counts.topLevelItem(i).text(1)
        for i in range(page.counts.topLevelItemCount())
    }
    assert rows == {"Ziel": "3", "Meilenstein": "4", "Abhängigkeit": "2"}
    assert "Unbekannte Spalte „Bearbeiter“ wird ignoriert" in page.errors.toPlainText()
    assert bridge.snapshot().goals == {}  # nothing written by the preview
    _shot(wizard, "import_wizard_preview.png")
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isEnabled() and finish.text() == "&Importieren"
    finish.click()  # written in a worker; one undo step when done
    qtbot.waitUntil(lambda: wizard.command is not None, timeout=20000)
    assert sorted(bridge.snapshot().goals) == ["Z1", "Z2", "Z3"]
    assert stack.count() == 1
    stack.undo()
    assert bridge.snapshot().goals == {}
    stack.redo()
    assert bridge.snapshot().goals["Z1"].title.startswith("Bürgerportal")


def test_wizard_lists_every_error_and_maps_unknown_columns(qtbot, bridge, tmp_path):
    goals_rows = [
        ["ziel_id", "kategorie", "themenfeld_id", "Langtitel", "federfuehrung", "status"]
    ] + [[r[0], r[1], r[2], r[4], r[5], r[7]] for r in GOALS[1:]]
    ms = [MILESTONES[0], ["Z1-M1", "Z1", "Start", "31.02.2026", "", ""], *MILESTONES[2:]]
    paths = write_csv_set(
        tmp_path / "b", "utf-8", ";", False, {**TABLES, "ziele": goals_rows, "meilensteine": ms}
    )
    wizard, page, _stack = _wizard(qtbot, bridge, paths)
    text = page.errors.toPlainText()
    assert "Pflichtspalte „titel“ fehlt" in text
    assert page.summary.text().startswith("Abgelehnt: 1 Fehler")
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert page.map_box.isVisible() and page.map_form.rowCount() == 1
    _shot(wizard, "import_wizard_refused.png")
    combo = page.map_form.itemAt(0, page.map_form.ItemRole.FieldRole).widget()
    combo.setCurrentIndex(combo.findData("titel"))  # „Langtitel“ is the title
    qtbot.waitUntil(lambda: page.job is None, timeout=10000)
    text = page.errors.toPlainText()
    assert "Pflichtspalte" not in text
    assert (
        "1_meilensteine_export.csv, Zeile 2, Meilenstein Z1-M1, Spalte basistermin: "
        "„31.02.2026“ in „Basistermin“ ist kein Datum" in text
    )
    _shot(wizard, "import_wizard_errors.png")
    assert bridge.snapshot().goals == {}


def test_merge_review_decides_row_by_row_and_undoes(qtbot, bridge, tmp_path):
    store = bridge.store
    import_sources(store, write_csv_set(tmp_path / "csv", "utf-8", ";", False))
    save_copy_with_base(store, tmp_path / "laptop.sa2030")
    other = Store.open(tmp_path / "laptop.sa2030")
    goals.update_goal(other, "Z1", title="Fassung Laptop")
    goals.update_goal(other, "Z2", status="at_risk", status_reason="Vergabe gestoppt")
    goals.delete_goal(other, "Z3")
    goals.update_goal(store, "Z1", title="Fassung Büro")
    goals.update_goal(store, "Z2", status="done", status_reason="fertig")
    goals.update_goal(store, "Z3", description="im Büro ergänzt")
    goals.update_goal(other, "Z1", description="nur Laptop")
    report = merge.compare(store, other)
    other.close()
    stack = QUndoStack()
    dialog = MergeDialog(bridge, stack, report)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    model = dialog.model
    rows = [
        (
            model.index(r, Column.KEY).data(),
            model.index(r, Column.FIELD).data(),
            model.index(r, Column.MINE).data(),
            model.index(r, Column.THEIRS).data(),
        )
        for r in range(model.rowCount())
    ]
    assert ("Z1", "Titel", "Fassung Büro", "Fassung Laptop") in rows
    assert ("Z2", "Status", "abgeschlossen", "gefährdet") in rows
    assert ("Z3", "Eintrag", "geändert: Beschreibung", "(gelöscht)") in rows
    assert "1 Änderung wird ohne Konflikt übernommen" in dialog.summary.text()
    assert not dialog.apply_button.isEnabled()
    _shot(dialog, "merge_review_open.png")
    # select the first row through the selection model: QTableView.selectRow honours the
    # keyboard modifiers Qt believes are held, which other tests in the same process can leave
    from PySide6.QtCore import QItemSelectionModel

    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    dialog.view.selectionModel().select(model.index(0, 0), flags)
    qtbot.waitUntil(lambda: dialog.view.selectionModel().hasSelection(), timeout=2000)
    qtbot.waitUntil(dialog.take_theirs.isEnabled, timeout=2000)
    qtbot.mouseClick(
        dialog.take_theirs, __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: "davon 4 offen" not in dialog.summary.text(), timeout=2000)
    assert "davon 3 offen" in dialog.summary.text() or "davon 2 offen" in dialog.summary.text()
    dialog.all_mine.click()
    assert dialog.apply_button.isEnabled()
    _shot(dialog, "merge_review_decided.png")
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: dialog.job is None and stack.count() == 1, timeout=20000)  # worker
    p = bridge.snapshot()
    first = rows[0]
    assert p.goals["Z1"].description == "nur Laptop"
    if first[:2] == ("Z1", "Titel"):
        assert p.goals["Z1"].title == "Fassung Laptop"
    assert p.goals["Z2"].status.value == "done" and "Z3" in p.goals
    stack.undo()
    assert bridge.snapshot().goals["Z1"].title == "Fassung Büro"
    assert bridge.snapshot().goals["Z1"].description.startswith("Straße; Maß")


def test_disk_watch_notices_other_writers_but_not_our_own(qtbot, demo_store, monkeypatch):
    from sa2030_desktop.gui import features
    from sa2030_desktop.gui.main_window import MainWindow

    # only this feature: the others are tested (and developed) on their own
    monkeypatch.setattr(features, "FEATURES", ["sa2030_desktop.gui.exchange.feature"])

    bridge = StoreBridge(demo_store)
    window = MainWindow(bridge)
    qtbot.addWidget(window)
    window.show()
    watcher = window.feature("exchange").exchange.watcher
    assert window.action("exchange.import_tabular").text() == "&Excel/CSV (Vorlage)…"
    goals.update_goal(bridge.store, "Z01", title="Eigene Änderung")
    assert watcher.check() is False
    other = Store.open(demo_store.path)  # another writer on the same file
    goals.update_goal(other, "Z02", title="Von außen geändert")
    other.close()
    assert watcher.check() is True
    box = watcher.prompt
    assert box.isVisible() and "außerhalb dieses Fensters geändert" in box.text()
    _shot(box, "changed_on_disk.png")
    assert bridge.snapshot().goals["Z02"].title != "Von außen geändert"  # never silently
    watcher.merge_button.click()
    assert bridge.snapshot().goals["Z02"].title == "Von außen geändert"
    dialogs = [w for w in window.findChildren(MergeDialog)]
    assert dialogs and dialogs[-1].report.conflicts  # the window's stand vs the file
    for d in dialogs:
        d.reject()
    window.close()
    bridge._unsubscribe()


def test_export_actions_write_off_the_gui_thread(qtbot, demo_store, monkeypatch, tmp_path):
    from openpyxl import load_workbook

    from sa2030_desktop.gui import features
    from sa2030_desktop.gui.main_window import MainWindow
    from sa2030_desktop.services.package import export_package

    monkeypatch.setattr(features, "FEATURES", ["sa2030_desktop.gui.exchange.feature"])
    bridge = StoreBridge(demo_store)
    window = MainWindow(bridge)
    qtbot.addWidget(window)
    actions = window.feature("exchange").exchange
    assert window.menu("exchange/export").actions()[-3:] == [
        window.action("exchange.export_xlsx"),
        window.action("exchange.export_csv"),
        window.action("exchange.template"),
    ]
    actions.export(True, tmp_path / "mappe.xlsx")
    actions.export(False, tmp_path / "ordner")
    qtbot.waitUntil(
        lambda: (tmp_path / "ordner" / "ziele.csv").exists() and (tmp_path / "mappe.xlsx").exists(),
        timeout=20000,
    )
    qtbot.waitUntil(lambda: "Exportiert" in window.statusBar().currentMessage(), timeout=20000)
    assert len(list(load_workbook(tmp_path / "mappe.xlsx", read_only=True)["Ziele"].rows)) == 51
    assert actions.package_label.text() == ""
    pkg = export_package(bridge.store, "MWL", tmp_path / "mwl.sa2030")
    bridge.set_store(Store.open(pkg))
    assert actions.package_label.text() == "Ressortpaket MWL – nur eigene Ziele bearbeitbar"
    window.close()
    bridge.close()


def test_merge_review_decides_a_cycle_by_not_taking_the_other_dependency(qtbot, bridge, tmp_path):
    from sa2030_desktop.domain.model import Dependency
    from sa2030_desktop.services import dependencies

    store = bridge.store
    import_sources(store, write_csv_set(tmp_path / "csv", "utf-8", ";", False))
    save_copy_with_base(store, tmp_path / "laptop.sa2030")
    other = Store.open(tmp_path / "laptop.sa2030")
    dependencies.link(other, Dependency("Z3", "Z2"))
    other.close()
    dependencies.link(store, Dependency("Z2", "Z3"))
    other = Store.open(tmp_path / "laptop.sa2030", readonly=True)
    report = merge.compare(store, other)
    other.close()
    dialog = MergeDialog(bridge, QUndoStack(), report)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    model = dialog.model
    rows = {
        model.index(r, Column.KEY).data(): [model.index(r, c).data() for c in Column]
        for r in range(model.rowCount())
    }
    assert set(rows) == {"Z2>Z3", "Z3>Z2"}
    assert rows["Z3>Z2"][Column.FIELD] == "schließt einen Kreis"
    assert rows["Z3>Z2"][Column.MINE] == "nicht vorhanden"
    assert rows["Z3>Z2"][Column.DECISION] == "offen"
    assert "Kreis schließen: Z" in dialog.problems.text()
    assert "würde einen Kreis schließen" in dialog.summary.text()
    assert not dialog.apply_button.isEnabled()
    _shot(dialog, "merge_review_cycle.png")
    row = [model.index(r, Column.KEY).data() for r in range(model.rowCount())].index("Z3>Z2")
    dialog.view.selectRow(row)
    dialog.take_mine.click()
    [left] = [model.index(r, Column.DECISION).data() for r in range(model.rowCount())]
    assert left == "nicht übernehmen"
    assert not dialog.problems.isVisible() and dialog.apply_button.isEnabled()
    _shot(dialog, "merge_review_cycle_decided.png")
    stack = dialog.undo_stack
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: dialog.job is None and stack.count() == 1, timeout=20000)
    pairs = {d.pair for d in bridge.snapshot().dependencies}
    assert ("Z2", "Z3") in pairs and ("Z3", "Z2") not in pairs
