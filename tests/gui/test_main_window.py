"""The main window as a user meets it: title, overview figures, file menu, errors in German."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QDockWidget, QTabWidget, QToolBar

from sa2030_desktop.domain.model import STATUS_ORDER, Status
from sa2030_desktop.domain.selection import Selection, natural_key
from sa2030_desktop.gui.records_model import RecordsModel
from sa2030_desktop.services.portfolio import open_portfolio, stats
from tests.support.table import visible_keys


def test_contract_names_other_views_rely_on(window):
    assert set(window.menus) == {"file", "edit", "view", "analysis", "exchange", "help"}
    assert window.menus["file"].title() == "&Datei"
    assert isinstance(window.toolbar, QToolBar) and isinstance(window.tabs, QTabWidget)
    assert window.history_dock.windowTitle() == "Verlauf"
    assert window.history_dock.widget().stack() is window.undo_stack
    dock = window.add_dock(QApplication.focusWidget() or QTabWidget(), "Test")
    assert isinstance(dock, QDockWidget)
    assert window.select_goal("Z07") and window.current_goal() == "Z07"


def test_title_names_file_and_demo_data(window):
    title = window.windowTitle()
    assert title.startswith("demo.sa2030")
    assert "Demodaten – illustrativ" in title


def test_overview_counts_equal_the_stats_service(window, qtbot):
    window.tabs.setCurrentWidget(window.overview)
    expected = stats(window.bridge.store, window.bridge.as_of)
    for status in STATUS_ORDER:
        text = window.overview.tiles[status].text()
        assert text.startswith(f"{status.label}\n{expected['status'][status.value]} "), text
    assert window.overview.tiles[None].text() == f"Ziele gesamt\n{expected['goals']}"
    by_cat = window.overview.by_category
    names = {c.name: c.code for c in window.bridge.snapshot().categories.values()}
    for row in by_cat.rows:
        counts = expected["by_category"][names[row[0]]]
        assert row[1:] == (str(counts["total"]), *(str(counts[s.value]) for s in STATUS_ORDER))
    by_lead = {row[0].split(" – ")[0]: row for row in window.overview.by_lead.rows}
    assert set(by_lead) == set(expected["by_lead_ministry"])
    for code, counts in expected["by_lead_ministry"].items():
        assert by_lead[code][1] == str(counts["total"])
    assert window.overview.conflicts.rowCount() == len(expected["conflicts"]) == 4
    assert window.overview.findings.rowCount() == len(expected["contradictions"])


def test_clicking_a_figure_filters_the_table(window, qtbot):
    window.tabs.setCurrentWidget(window.overview)
    qtbot.mouseClick(window.overview.tiles[Status.DELAYED], Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.table
    portfolio = window.bridge.snapshot()
    delayed = Selection(status=Status.DELAYED).apply(portfolio, window.bridge.as_of)
    assert sorted(visible_keys(window), key=natural_key) == delayed
    assert window.table.filter_bar.ui.statusCombo.currentText() == "verzögert"
    # a cell in the lead-ministry table: that ministry and that status
    window.tabs.setCurrentWidget(window.overview)
    view = window.overview.lead_view
    model = window.overview.by_lead
    row = next(i for i, r in enumerate(model.rows) if r[0].startswith("MID "))
    col = 2 + STATUS_ORDER.index(Status.ON_TRACK)
    rect = view.visualRect(model.index(row, col))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    sel = Selection(ministry="MID", status=Status.ON_TRACK)
    assert sorted(visible_keys(window), key=natural_key) == sel.apply(
        portfolio, window.bridge.as_of
    )
    assert len(visible_keys(window)) == int(model.rows[row][col])


def test_overview_models_pass_the_tester(window):
    window.tabs.setCurrentWidget(window.overview)
    mode = QAbstractItemModelTester.FailureReportingMode.Fatal
    for model in (window.overview.by_category, window.overview.by_lead, window.overview.slipped,
                  window.overview.conflicts, window.overview.findings):  # fmt: skip
        QAbstractItemModelTester(model, mode)
    model = RecordsModel(["A", "B"])
    QAbstractItemModelTester(model, mode)
    model.set_rows([("x", "1"), ("y", "2")], ["p", "q"])
    model.set_rows([])


def test_opening_a_file_that_is_not_a_portfolio_gives_a_german_message(window, tmp_path):
    bogus = tmp_path / "notizen.sa2030"
    bogus.write_text("Das ist keine Datenbank, sondern eine Notiz.\n" * 50, encoding="utf-8")
    before = bogus.read_bytes()
    assert window.file_actions.open_path(bogus) is False
    text = window.last_error.text()
    assert "keine SA2030-Portfoliodatei" in text and "notizen.sa2030" in text
    assert "Traceback" not in text
    assert bogus.read_bytes() == before
    assert window.windowTitle().startswith("demo.sa2030")  # the open file stays open
    assert len(visible_keys(window)) == 50


def test_open_another_portfolio_rebuilds_the_table(window, make_store, tmp_path):
    from tests.support.builders import goal

    other = make_store("zweites.sa2030", goals=[goal("Z1"), goal("Z2")])
    path = other.path
    other.close()
    window.undo_stack.setUndoLimit(0)
    assert window.file_actions.open_path(path)
    assert window.windowTitle().startswith("zweites.sa2030")
    assert "Demodaten" not in window.windowTitle()
    assert visible_keys(window) == ["Z1", "Z2"]
    assert window.table.filter_bar.ui.countLabel.text() == "2 von 2 Zielen"
    from sa2030_desktop.gui import settings

    assert settings.recent_files()[0] == str(path.resolve())
    window.file_actions._fill_recent()
    assert window.file_actions.recent_menu.actions()[0].text() == "&1 zweites.sa2030"


def test_save_copy_writes_a_consistent_portfolio(window, tmp_path):
    from sa2030_desktop.services.file_copy import save_copy

    target = tmp_path / "kopie.sa2030"
    save_copy(window.bridge.store, target)
    copy = open_portfolio(target, readonly=True)
    try:
        assert len(copy.snapshot().goals) == 50
        assert copy.snapshot().info.demo
    finally:
        copy.close()
    # never over an existing file
    from sa2030_desktop.domain.errors import DomainError

    try:
        save_copy(window.bridge.store, target)
    except DomainError as exc:
        assert exc.code == "file_exists"
    else:
        raise AssertionError("an existing file was overwritten")


def _run(qtbot, actions, job) -> bool:
    """Wait for a file job (worker, progress dialog) to end; its outcome."""
    assert job is not None
    with qtbot.waitSignal(actions.finished_ok, timeout=20000) as blocker:
        pass
    return blocker.args[0]


def test_import_json_reports_counts_or_every_error(window, qtbot, tmp_path):
    bad = tmp_path / "fehler.json"
    bad.write_text(json.dumps({
        "format": "sa2030-portfolio", "version": 1,
        "goals": [{"key": "Z90", "title": "", "theme": "TF01", "lead": "MID"},
                  {"key": "Z91", "title": "Neu", "theme": "TF99", "lead": "MID"}],
    }), encoding="utf-8")  # fmt: skip
    assert _run(qtbot, window.file_actions, window.file_actions.import_paths([bad])) is False
    report = window.file_actions.last_report
    lines = report.text.toPlainText().splitlines()
    assert len(lines) == 2, lines
    assert any("Z90" in line and "Titel" in line for line in lines)
    assert any("TF99" in line for line in lines)
    assert "nichts wurde übernommen" in report.head.text()
    report.close()
    assert "Z91" not in window.bridge.snapshot().goals
    good = tmp_path / "gut.json"
    good.write_text(json.dumps({
        "format": "sa2030-portfolio", "version": 1,
        "goals": [{"key": "Z91", "title": "Neues Ziel", "theme": "TF01", "lead": "MID"}],
    }), encoding="utf-8")  # fmt: skip
    assert _run(qtbot, window.file_actions, window.file_actions.import_paths([good]))
    text = window.file_actions.last_report.text.toPlainText()
    assert "Ziel: 1 neu, 0 geändert, 0 unverändert" in text
    assert window.file_actions.last_report.head.text() == "Der Import wurde übernommen."
    assert "Z91" in visible_keys(window)
    window.undo_stack.undo()  # the import is one undo step
    assert "Z91" not in window.bridge.snapshot().goals


def test_export_json_of_the_filtered_goals(window, qtbot, tmp_path):
    window.table.set_selection(Selection(ministry="MB"))
    target = tmp_path / "mb.json"
    assert _run(qtbot, window.file_actions, window.file_actions.export_to(target, filtered=True))
    assert "Exportiert" in window.statusBar().currentMessage()
    data = json.loads(target.read_text(encoding="utf-8"))
    visible = visible_keys(window)
    exported = {g["key"] for g in data["goals"]}
    # the visible goals, plus as context the goals at the other end of their dependencies
    assert set(visible) <= exported
    assert {g["lead"] for g in data["goals"] if g["key"] in visible} == {"MB"}
    deps = {(d["dependent"], d["prerequisite"]) for d in data["dependencies"]}
    assert deps and all(a in visible or b in visible for a, b in deps)
    assert exported == set(visible) | {k for pair in deps for k in pair}


def test_a_routine_backup_does_not_hide_the_export_confirmation(window, qtbot, tmp_path):
    """The backup on open (or every ten minutes) ends in a worker at its own time; its note
    used to replace „Exportiert …“ at once, so the user missed the confirmation."""
    safety = window.feature("safety").safety
    qtbot.waitUntil(lambda: not safety.backing_up, timeout=20_000)
    target = tmp_path / "alle.json"
    assert _run(qtbot, window.file_actions, window.file_actions.export_to(target, filtered=False))
    assert safety.backup_now()  # the routine backup ends right after the export
    qtbot.waitUntil(lambda: not safety.backing_up, timeout=20_000)
    assert "Exportiert" in window.statusBar().currentMessage()
    assert safety.last_report  # the backup's note stays in Datei > Sicherungen…


def test_saved_views_come_back(window, qtbot):
    bar = window.table.filter_bar
    bar.set_selection(Selection(theme="TF09", only_slipped=False, text="daten"))
    bar.save_view_as("Open Data")
    bar.reset()
    assert len(visible_keys(window)) == 50
    combo = bar.ui.viewCombo
    combo.setCurrentIndex(combo.findData("Open Data"))
    combo.activated.emit(combo.currentIndex())
    assert bar.selection() == Selection(theme="TF09", text="daten")
    assert window.table.selection() == Selection(theme="TF09", text="daten")


def test_reload_with_f5_and_window_layout_is_remembered(window, qtbot):
    with qtbot.waitSignal(window.bridge.changed):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    window.history_dock.hide()
    window.close()
    from sa2030_desktop.gui import settings

    size = window.screen().availableGeometry().size()
    assert settings.settings().value(f"window/{size.width()}x{size.height()}/state") is not None


def test_start_opens_the_demo_portfolio_the_first_time(qtbot, tmp_path, monkeypatch):
    from sa2030_desktop.gui import application, settings

    monkeypatch.setenv("SA2030_DATA_DIR", str(tmp_path / "daten"))
    store = application.choose_store(None)
    try:
        assert store.path == tmp_path / "daten" / application.DEMO_NAME
        assert store.snapshot().info.demo and len(store.snapshot().goals) == 50
    finally:
        store.close()
    settings.remember_file(store.path)
    again = application.choose_store(None)  # the last opened file
    assert again.path == store.path.resolve()
    again.close()


def test_start_with_a_bad_file_explains_and_offers_another(qtbot, tmp_path, monkeypatch):
    from sa2030_desktop.gui import application

    bad = tmp_path / "kaputt.sa2030"
    bad.write_bytes(b"")
    asked: list[str] = []
    monkeypatch.setattr(application, "ask_other_file", lambda parent, msg, **_: asked.append(msg))
    assert application.choose_store(str(bad)) is None
    assert asked == [f"Die Datei „{bad}“ ist leer – sie ist keine SA2030-Portfoliodatei."]
    assert bad.read_bytes() == b""
    assert Path(bad).exists()


def test_start_on_a_file_another_instance_writes_offers_read_only(qtbot, tmp_path, monkeypatch):
    from sa2030_desktop.gui import application
    from sa2030_desktop.persistence import locking
    from sa2030_desktop.services.portfolio import create_portfolio

    path = tmp_path / "geteilt.sa2030"
    create_portfolio(path, demo=True).close()
    # another live process on this host holds the writer lock (pid 1 is always alive)
    now = locking._now()
    holder = locking.LockInfo("kollegin", locking._host(), 1, locking.process_started(1), now, now)
    locking.lock_path(path).write_text(holder.to_json(), encoding="utf-8")
    offered: list[bool] = []

    def answer(parent, message, offer_readonly=False):
        offered.append(offer_readonly)
        assert "kollegin" in message and "bearbeitet" in message
        return ("", True)

    monkeypatch.setattr(application, "ask_other_file", answer)
    store = application.choose_store(str(path))
    try:
        assert offered == [True]
        assert store.readonly and len(store.snapshot().goals) == 50
    finally:
        store.close()


def test_file_open_of_a_locked_file_offers_read_only(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from sa2030_desktop.persistence import locking
    from sa2030_desktop.services.portfolio import create_portfolio

    path = tmp_path / "kollegin.sa2030"
    create_portfolio(path).close()
    now = locking._now()
    holder = locking.LockInfo("kollegin", locking._host(), 1, locking.process_started(1), now, now)
    locking.lock_path(path).write_text(holder.to_json(), encoding="utf-8")
    asked = []

    def yes(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    assert window.file_actions.open_path(path)
    assert "kollegin" in asked[0] and asked[0].endswith("Schreibgeschützt öffnen?")
    assert window.bridge.store.readonly
    assert "[schreibgeschützt]" in window.windowTitle()


def test_qt_standard_texts_are_german(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from sa2030_desktop.gui.application import make_application

    make_application()
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Close
    )
    qtbot.addWidget(box)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert texts == {"Abbrechen", "Schließen"}
