"""The one task runner (gui/tasks.py): cancel at a known stage writes nothing, a failure
arrives as a German message in `finished`, progress reaches the shared widget, and closing
the window while a task runs ends cleanly."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import event

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.tasks import Cancelled
from sa2030_desktop.gui.tasks import TaskProgressDialog, TaskRunner, run_with_progress
from sa2030_desktop.services.portfolio import create_portfolio, import_json, open_portfolio
from sa2030_desktop.services.safety import run_cancellable, store_work
from tests.support.safety import big_bundle, count, integrity, sha256

CANCELLED = "Abgebrochen – es wurde nichts geändert."


@pytest.fixture
def closed_file(tmp_path):
    """A demo portfolio written and closed (WAL folded in), so its bytes can be compared."""
    path = tmp_path / "plan.sa2030"
    create_portfolio(path, demo=True).close()
    return path


def _run(qtbot, runner, work, **kwargs):
    outcomes = []
    task = runner.submit(work, outcomes.append, **kwargs)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=60_000)
    return task, outcomes[0]


def _unchanged_after(closed_file, qtbot, work_on) -> str:
    """Run work_on(store) through a runner and return the outcome's message; the file's bytes
    must be the same afterwards."""
    before = sha256(closed_file)
    store = open_portfolio(closed_file)
    runner = TaskRunner()
    try:
        _task, outcome = _run(qtbot, runner, work_on(store))
    finally:
        runner.shutdown()
        store.close()
    assert sha256(closed_file) == before
    assert integrity(closed_file) == "ok" and count(closed_file, "goal") == 50
    return outcome


def test_cancel_inside_the_write_transaction_leaves_the_file_unchanged(
    closed_file, tmp_path, qtbot
):
    source = big_bundle(tmp_path / "gross.json", goals=3_000)

    def work_on(store):
        def work(progress, token):
            def first_insert(_conn, _cursor, statement, *_args) -> None:
                if statement.lstrip().upper().startswith("INSERT INTO GOAL"):
                    token.cancel()  # the user clicks „Abbrechen“ while goals are written

            event.listen(store.engine, "before_cursor_execute", first_insert)
            try:
                return run_cancellable(store, token, import_json, source)
            finally:
                event.remove(store.engine, "before_cursor_execute", first_insert)

        return work

    outcome = _unchanged_after(closed_file, qtbot, work_on)
    assert outcome.cancelled and outcome.message == CANCELLED


def test_cancel_after_the_checks_stops_before_writing(closed_file, tmp_path, qtbot):
    source = big_bundle(tmp_path / "gross.json", goals=500)

    def staged(store, token):
        import_json(store, source, dry_run=True)  # the checks ran; now „Abbrechen“
        token.cancel()
        return import_json(store, source)

    def work_on(store):
        return lambda progress, token: run_cancellable(store, token, staged, token)

    outcome = _unchanged_after(closed_file, qtbot, work_on)
    assert isinstance(outcome.error, Cancelled) and outcome.message == CANCELLED


def test_a_failing_task_delivers_a_german_message(closed_file, tmp_path, qtbot):
    broken = tmp_path / "kaputt.json"
    broken.write_text("{ kein json", encoding="utf-8")

    def work_on(store):
        return store_work(store, import_json, broken)

    outcome = _unchanged_after(closed_file, qtbot, work_on)
    assert isinstance(outcome.error, DomainError) and not outcome.cancelled
    assert "kaputt.json" in outcome.message and "Traceback" not in outcome.message


def test_an_unexpected_error_is_a_message_too(qtbot):
    def work(progress, token):
        raise OSError(28, "Kein Platz auf dem Gerät", "/tmp/voll.xlsx")

    runner = TaskRunner()
    _task, outcome = _run(qtbot, runner, work)
    assert not outcome.ok
    assert outcome.message == "Der Datenträger ist voll („/tmp/voll.xlsx“); es wurde nichts geändert."


def test_a_programming_error_is_an_internal_error_with_its_traceback_in_the_log(qtbot):
    import os
    from pathlib import Path

    def work(progress, token):
        return {}["fehlt"]

    runner = TaskRunner()
    _task, outcome = _run(qtbot, runner, work)
    assert outcome.message.startswith("Interner Fehler (KeyError in ")
    log = Path(os.environ["SA2030_DATA_DIR"]) / "fehlerprotokoll.txt"
    assert f"„{log}“" in outcome.message
    assert "Traceback" not in outcome.message and "KeyError: 'fehlt'" in log.read_text()


def test_progress_reaches_the_shared_dialog(window, qtbot):
    seen = []
    release = []

    def work(progress, token):
        progress(0.25, "Ziele schreiben")
        while not release:
            token.check()
            time.sleep(0.01)
        return "fertig"

    task = run_with_progress(window, "Import", "Import läuft …", work, seen.append)
    dialog = window.findChild(TaskProgressDialog, "longTaskProgress")
    assert dialog is task.progress and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.value() == 250, timeout=10_000)
    assert dialog.labelText() == "Ziele schreiben"
    release.append(True)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert seen[0].result == "fertig"
    qtbot.waitUntil(lambda: window.findChild(TaskProgressDialog) is None)  # closed and gone


def test_the_dialogs_cancel_button_cancels(window, qtbot):
    seen = []

    def work(progress, token):
        progress(0.1, "Seite 1 von 3")
        while True:
            token.check()
            time.sleep(0.01)

    task = run_with_progress(window, "Export", "Export läuft …", work, seen.append)
    qtbot.waitUntil(lambda: task.progress.value() == 100, timeout=10_000)
    button = task.progress.findChild(QPushButton)
    assert button.text() == "Abbrechen"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert task.progress.labelText() == "Wird abgebrochen …"
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert seen[0].cancelled and seen[0].message == CANCELLED


def test_closing_the_window_while_a_task_runs_ends_cleanly(window, qtbot, tmp_path):
    source = big_bundle(tmp_path / "gross.json", goals=10_000)
    store = window.bridge.store
    delivered = []
    runner = TaskRunner.of(window)
    task = runner.submit(store_work(store, import_json, source), delivered.append)
    qtbot.wait(100)
    window.close()  # cancels and waits for the worker
    assert runner.pool.activeThreadCount() == 0 and not runner.busy
    assert not task.running and task.token.cancelled
    qtbot.wait(50)  # a result queued before the close is not delivered to closing widgets
    assert delivered == []
    assert count(store.path, "goal") == 50 and integrity(store.path) == "ok"
    late = runner.submit(lambda progress, token: "zu spät", delivered.append)
    assert delivered[0].cancelled and late.outcome is delivered[0]  # nothing new starts
