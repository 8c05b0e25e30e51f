"""An import or a merge that the file refuses (opened read-only) is told in German where the
user looks – the wizard's preview, the merge dialog – and writes nothing, pushes no step."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWizard

from sa2030_desktop.domain.model import Goal
from sa2030_desktop.gui.exchange.import_wizard import ImportWizard
from sa2030_desktop.gui.exchange.merge_dialog import MergeDialog
from sa2030_desktop.gui.store_bridge import StoreBridge
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.services import goals, merge
from sa2030_desktop.services.merge_state import save_copy_with_base
from tests.gui.test_rules_every_path import digest
from tests.support.exchange import TABLES, write_csv_set

READ_ONLY = "ist schreibgeschützt geöffnet; Änderungen sind nicht möglich."


def test_an_import_into_a_read_only_file_is_told_in_the_wizard(qtbot, fresh, tmp_path):
    path = fresh("gui.sa2030").path
    bridge = StoreBridge(Store.open(path, readonly=True))
    before, stack = digest(path), QUndoStack()
    wizard = ImportWizard(bridge, stack)
    qtbot.addWidget(wizard)
    wizard.files_page.set_paths(write_csv_set(tmp_path / "c", "utf-8", ";", True, dict(TABLES)))
    wizard.show()
    wizard.next()
    page = wizard.preview_page
    qtbot.waitUntil(lambda: page.job is None, timeout=10000)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: READ_ONLY in page.summary.text() + page.errors.toPlainText(),
                    timeout=20000)  # fmt: skip
    assert wizard.command is None and stack.count() == 0
    assert digest(path) == before
    bridge.close()


def test_a_merge_into_a_read_only_file_is_told_by_the_dialog(qtbot, fresh, tmp_path, monkeypatch):
    store = fresh("gui.sa2030")
    save_copy_with_base(store, tmp_path / "laptop.sa2030")
    other = Store.open(tmp_path / "laptop.sa2030")
    goals.create_goal(other, Goal("Z7", "Neu", "TF01", "MID"))
    path = store.path
    store.close()
    bridge = StoreBridge(Store.open(path, readonly=True))
    report = merge.compare(bridge.store, other)
    other.close()
    boxes = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: boxes.append(text))
    before, stack = digest(path), QUndoStack()
    dialog = MergeDialog(bridge, stack, report)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.all_mine.click()
    assert dialog.apply_button.isEnabled()
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: bool(boxes), timeout=20000)
    assert READ_ONLY in boxes[0] and stack.count() == 0
    assert digest(path) == before
    bridge.close()
