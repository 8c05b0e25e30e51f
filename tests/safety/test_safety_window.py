"""Data safety in the desktop app: backups dialog, restore, periodic backup, opening dialogs."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from sa2030_desktop.gui.safety import opening
from sa2030_desktop.gui.safety.backups_dialog import BackupColumn
from sa2030_desktop.persistence import locking
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.services import goals as goal_service
from sa2030_desktop.services import safety
from sa2030_desktop.services.portfolio import create_portfolio
from tests.support.safety import damage_page, python, sha256


@pytest.fixture
def feature(window, qtbot):
    feat = window.feature("safety").safety  # installed through gui/features.FEATURES
    qtbot.waitUntil(lambda: not feat.backing_up, timeout=20_000)
    return feat


def test_backup_on_open_and_dialog_lists_it(window, feature, qtbot):
    assert feature.last_backup is not None
    assert feature.last_backup.goals == 50
    actions = [a.text() for a in window.menus["file"].actions()]
    assert "&Sicherungen…" in actions
    dialog = feature.show_backups()
    qtbot.waitExposed(dialog)
    model = dialog.model
    assert model.rowCount() == 1
    assert model.index(0, BackupColumn.GOALS).data() == "50"
    assert model.index(0, BackupColumn.MILESTONES).data() == "137"
    assert model.index(0, BackupColumn.TITLE).data() == window.bridge.snapshot().info.title
    assert model.index(0, BackupColumn.REASON).data() == "regelmäßig"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Datum"
    # "Jetzt sichern" after a change adds a second, newer backup
    goal_service.update_goal(window.bridge.store, "Z01", title="Geändert im Test")
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=20_000)
    assert model.index(0, BackupColumn.REASON).data() == "von Hand"
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)  # nothing changed since
    qtbot.waitUntil(lambda: "Keine Änderungen" in dialog.info.text(), timeout=20_000)
    assert model.rowCount() == 2
    from PySide6.QtTest import QAbstractItemModelTester

    QAbstractItemModelTester(model)


def test_restore_as_new_and_replace_current(window, feature, qtbot, tmp_path):
    store = window.bridge.store
    goal_service.update_goal(store, "Z02", title="Nach der Sicherung")
    dialog = feature.show_backups()
    dialog.view.selectRow(0)
    written = dialog.restore_as_new(str(tmp_path / "alt.sa2030"))
    check = Store.open(written)
    assert check.snapshot().goals["Z02"].title != "Nach der Sicherung"
    check.close()
    path = store.path
    dialog.replace_current(confirmed=True)
    assert window.bridge.store is not store
    assert window.bridge.store.path == path
    assert window.bridge.snapshot().goals["Z02"].title != "Nach der Sicherung"
    assert "wiederhergestellt" in feature.last_report
    asides = [p for p in path.parent.glob(path.name + ".beschaedigt-*")
              if not p.name.endswith(("-wal", "-shm"))]  # fmt: skip
    assert len(asides) == 1  # the replaced state is kept
    kept = Store.open(asides[0], readonly=True)
    assert kept.snapshot().goals["Z02"].title == "Nach der Sicherung"
    kept.close()
    qtbot.waitUntil(lambda: not feature.backing_up, timeout=20_000)


def test_periodic_backup_runs_in_worker(window, feature, qtbot):
    assert feature.timer.isActive()
    assert feature.timer.interval() == 10 * 60_000
    goal_service.update_goal(window.bridge.store, "Z03", title="Periodisch gesichert")
    before = len(safety.list_backups(window.bridge.store.path))
    feature.timer.timeout.emit()
    assert feature.backing_up  # runs off the GUI thread
    qtbot.waitUntil(lambda: not feature.backing_up, timeout=20_000)
    assert len(safety.list_backups(window.bridge.store.path)) == before + 1
    assert "Gesichert um" in window.statusBar().currentMessage()


def _answer(choice_name: str, seen: list):
    """Click the button `choice_name` of the next safety message box, remembering its text."""

    def click():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append((box.objectName(), box.text()))
        box.findChild(QPushButton, f"choice_{choice_name}").click()

    QTimer.singleShot(0, click)


HOLD = """
import sys
from sa2030_desktop.persistence.store import Store
s = Store.open(sys.argv[1]); print("offen", flush=True); sys.stdin.readline(); s.close()
"""


def test_lock_conflict_dialog_names_holder_and_opens_readonly(tmp_path, qtbot):
    path = tmp_path / "gesperrt.sa2030"
    create_portfolio(path, demo=True).close()
    holder = python(HOLD, str(path), stdin=subprocess.PIPE)
    try:
        assert holder.stdout.readline().strip() == "offen"
        seen = []
        _answer("readonly", seen)
        store = opening.open_interactively(None, path)
        assert store is not None and store.readonly
        assert seen[0][0] == "safety_locked"
        assert "wird gerade von" in seen[0][1] and str(holder.pid) in seen[0][1]
        store.close()
        _answer("cancel", seen)
        assert opening.open_interactively(None, path) is None
        # the hook for the window's own lock question hands the lock error on
        with pytest.raises(locking.FileLockedError):
            opening.open_for_window(None, path)
    finally:
        holder.communicate("\n", timeout=30)


def test_damaged_file_dialog_offers_newest_backup(tmp_path, qtbot):
    path = tmp_path / "kaputt.sa2030"
    store = create_portfolio(path, demo=True)
    info = safety.backup_now(store)
    store.close()
    damage_page(path, "goal")
    damaged = sha256(path)
    seen = []
    _answer("restore", seen)
    QTimer.singleShot(300, lambda: _answer("ok", seen))
    store = opening.open_interactively(None, path)
    assert store is not None and len(store.snapshot().goals) == 50
    store.close()
    name, text = seen[0]
    assert name == "safety_damaged"
    assert "beschädigt" in text and info.taken.strftime("%d.%m.%Y") in text
    assert "50 Ziele" in text
    assert seen[1][0] == "safety_restored"
    aside = next(p for p in path.parent.glob(path.name + ".beschaedigt-*")
                 if not p.name.endswith(("-wal", "-shm")))  # fmt: skip
    assert sha256(aside) == damaged
    assert aside.name in seen[1][1]


def test_sync_folder_notice_offers_work_copy(tmp_path, qtbot):
    folder = tmp_path / "OneDrive - Land Sachsen-Anhalt"
    folder.mkdir()
    path = folder / "p.sa2030"
    create_portfolio(path, demo=True).close()
    seen = []
    _answer("copy", seen)
    store = opening.open_interactively(None, path)
    assert seen[0][0] == "safety_location"
    assert "synchronisierten Ordner (OneDrive)" in seen[0][1]
    assert store.work_copy.remote == path and store.path != path
    assert store.path.name == path.name
    goal_service.update_goal(store, "Z01", title="Über die Arbeitskopie")
    store.close()
    assert store.work_copy.result.changed and not store.work_copy.result.conflict
    check = Store.open(path, readonly=True)
    assert check.snapshot().goals["Z01"].title == "Über die Arbeitskopie"
    check.close()
    _answer("cancel", seen)
    with pytest.raises(opening.OpenCancelled):
        opening.open_for_window(None, path)


@pytest.mark.slow  # a 10,000-goal import in the task runner, cancelled and then run through
def test_cancellable_job_cancel_writes_nothing(demo_store, tmp_path, qtbot):
    from sa2030_desktop.gui.tasks import TaskRunner
    from sa2030_desktop.messages import format_error
    from sa2030_desktop.persistence.cancel import Cancelled
    from sa2030_desktop.services.portfolio import import_json
    from sa2030_desktop.services.safety import store_work
    from tests.support.safety import big_bundle, count

    source = big_bundle(tmp_path / "gross.json", goals=10_000)
    runner = TaskRunner()
    results = []
    job = runner.submit(store_work(demo_store, import_json, source), results.append)
    qtbot.wait(150)
    job.cancel()
    qtbot.waitUntil(lambda: bool(results), timeout=30_000)
    assert isinstance(results[0].error, Cancelled)
    assert format_error(results[0].error) == "Abgebrochen – es wurde nichts geändert."
    assert results[0].message == "Abgebrochen – es wurde nichts geändert."
    assert count(demo_store.path, "goal") == 50
    # and without cancel, the same job imports everything
    done = []
    runner.submit(store_work(demo_store, import_json, source), done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=60_000)
    assert done[0].ok, done[0].message
    assert count(demo_store.path, "goal") == 10_050
    runner.shutdown()


def test_work_copy_backups_are_filed_with_the_remote(window, qtbot, tmp_path):
    folder = tmp_path / "Dropbox (MID)"
    folder.mkdir()
    remote = folder / "ressort.sa2030"
    create_portfolio(remote, demo=True).close()
    copy = safety.open_work_copy(remote, folder=tmp_path / "lokal")
    feature = window.feature("safety").safety
    qtbot.waitUntil(lambda: not feature.backing_up, timeout=20_000)
    window.bridge.set_store(copy.store)
    qtbot.waitUntil(lambda: not feature.backing_up, timeout=20_000)
    assert window.feature("safety").safety.badge.text() == "Arbeitskopie"
    assert [b.goals for b in safety.list_backups(remote)] == [50]
    assert safety.list_backups(copy.local) == []
    dialog = feature.show_backups()
    assert dialog.model.rowCount() == 1
    assert remote.name in dialog.windowTitle()
