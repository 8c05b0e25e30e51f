"""The „Berichtsrunden“ view driven as a user does, on real widgets and a real file: open a round
through its dialog, submit a report through the form, accept and return in the review queue,
close with the confirmation — each undone and redone — and the completeness matrix against
figures counted by hand."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QMessageBox

from sa2030_desktop.domain.model import Status
from sa2030_desktop.domain.reporting import ReportContent, ReportState
from sa2030_desktop.services import reporting
from tests.support.rounds import (
    AS_OF,
    DEADLINE,
    page_of,
    press_ok,
    select_row,
    set_date,
    table,
)


def _states(store, key="R1") -> dict[str, str]:
    return {r.goal: r.state.value for r in reporting.reports(store, key)}


def _open_r1(win, qtbot):
    page = page_of(win)
    qtbot.keyClick(
        win, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    dialog = page.dialog
    assert dialog.objectName() == "OpenRoundDialog" and dialog.isVisible()
    qtbot.keyClicks(dialog.key_edit, "R1")
    qtbot.keyClicks(dialog.title_edit, "Runde 1")
    set_date(dialog.as_of_edit, AS_OF)
    set_date(dialog.deadline_edit, DEADLINE)
    press_ok(qtbot, dialog)
    return page


def test_empty_view_says_what_to_do(rounds_window):
    page = page_of(rounds_window)
    assert rounds_window.tabs.currentWidget() is page
    assert page.stack.currentIndex() == 0
    assert "Runde eröffnen" in page.empty.text() and "Strg+Umschalt+R" in page.empty.text()


def test_open_a_round_through_the_view_and_undo_it(rounds_window, qtbot):
    win, store = rounds_window, rounds_window.bridge.store
    page = _open_r1(win, qtbot)
    assert [s.round.key for s in reporting.list_rounds(store)] == ["R1"]
    assert set(_states(store).values()) == {"pending"} and len(_states(store)) == 8
    assert page.stack.currentIndex() == 1
    assert table(page.round_view)[0][:5] == ["R1", "Runde 1", "31.03.2026", "30.04.2026", "offen"]
    assert table(page.round_view)[0][5] == "0 von 8 gemeldet (0,0\u00a0%)"
    assert win.undo_stack.undoText() == "Berichtsrunde R1 eröffnen"
    win.undo_stack.undo()
    assert reporting.list_rounds(store) == [] and page.stack.currentIndex() == 0
    win.undo_stack.redo()
    assert [s.round.key for s in reporting.list_rounds(store)] == ["R1"]
    assert table(page.round_view)[0][0] == "R1"


def test_the_open_dialog_names_a_refusal_and_writes_nothing(rounds_window, qtbot):
    win, store = rounds_window, rounds_window.bridge.store
    page = page_of(win)
    page.open_round()
    dialog = page.dialog
    qtbot.keyClicks(dialog.key_edit, "R 1")  # a space: no key
    qtbot.keyClicks(dialog.title_edit, "Runde 1")
    press_ok(qtbot, dialog)
    assert dialog.isVisible() and "taugt nicht als Schlüssel" in dialog.error.text()
    dialog.key_edit.setText("R1")
    set_date(dialog.as_of_edit, date(2026, 5, 1))
    set_date(dialog.deadline_edit, date(2026, 4, 1))
    press_ok(qtbot, dialog)
    assert "liegt vor ihrem Stichtag" in dialog.error.text()
    assert reporting.list_rounds(store) == [] and win.undo_stack.count() == 0


def test_a_round_of_some_ministries(rounds_window, qtbot):
    win, store = rounds_window, rounds_window.bridge.store
    page = page_of(win)
    page.open_round()
    dialog = page.dialog
    dialog.key_edit.setText("MF-1")
    dialog.title_edit.setText("Nur MF und MJ")
    codes = {}
    for row in range(dialog.ministries.count()):
        item = dialog.ministries.item(row)
        codes[item.data(Qt.ItemDataRole.UserRole)] = item
    codes["MF"].setCheckState(Qt.CheckState.Checked)
    codes["MJ"].setCheckState(Qt.CheckState.Checked)
    press_ok(qtbot, dialog)
    assert sorted(_states(store, "MF-1")) == ["Z3", "Z4", "Z6"]
    assert [row[0] for row in table(page.matrix_view)] == ["MF", "MJ"]


def test_submit_a_report_through_the_form_and_undo_it(rounds_window, qtbot):
    win, store = rounds_window, rounds_window.bridge.store
    page = _open_r1(win, qtbot)
    page.tabs.setCurrentIndex(1)
    select_row(page.report_view, 0, "Z4")
    qtbot.keyClick(
        win, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    form = page.dialog
    assert form.objectName() == "ReportFormDialog"
    # prefilled with the current values
    assert form.status_combo.currentText() == "verzögert"
    assert form.reason_edit.text() == "Vergabe verzögert"
    form.status_combo.setCurrentIndex(form.status_combo.findText("gefährdet"))
    form.reason_edit.setText("Klage gegen die Vergabe")
    qtbot.keyClicks(form.progress_edit, "Vergabe ausgesetzt.")
    _ms, forecast, _actual = form.milestone_edits["Z4-M1"]
    set_date(forecast, date(2026, 9, 30))
    press_ok(qtbot, form)
    assert not form.isVisible()
    report = next(r for r in reporting.reports(store, "R1") if r.goal == "Z4")
    assert report.state is ReportState.SUBMITTED and report.progress == "Vergabe ausgesetzt."
    snap = store.snapshot()
    assert snap.goals["Z4"].status is Status.AT_RISK
    assert snap.milestones["Z4-M1"].forecast == date(2026, 9, 30)
    mf = next(row for row in table(page.matrix_view) if row[0] == "MF")
    assert mf[1:5] == ["1", "1", "0", "0"]
    assert win.undo_stack.undoText() == "Meldung Z4 abgeben (R1)"
    win.undo_stack.undo()
    snap = store.snapshot()
    assert _states(store)["Z4"] == "pending" and snap.goals["Z4"].status is Status.DELAYED
    assert snap.milestones["Z4-M1"].forecast == date(2026, 7, 31)
    mf = next(row for row in table(page.matrix_view) if row[0] == "MF")
    assert mf[1:5] == ["2", "0", "0", "0"]
    win.undo_stack.redo()
    assert _states(store)["Z4"] == "submitted"
    assert store.snapshot().goals["Z4"].status is Status.AT_RISK


def test_the_form_names_a_bad_value_and_submits_nothing(rounds_window, qtbot):
    win, store = rounds_window, rounds_window.bridge.store
    page = _open_r1(win, qtbot)
    page.tabs.setCurrentIndex(1)
    select_row(page.report_view, 0, "Z5")
    page.edit_report()
    form = page.dialog
    form.value_edits["Quote"][0].setText("zwanzig")
    press_ok(qtbot, form)
    assert form.isVisible() and "„zwanzig“ beim Indikator Quote ist keine Zahl" in form.error.text()
    form.value_edits["Quote"][0].setText("20")
    form.status_combo.setCurrentIndex(form.status_combo.findText("gefährdet"))
    form.reason_edit.setText("")
    press_ok(qtbot, form)
    assert form.isVisible() and form.error.text()  # the core: a reason for „gefährdet“
    assert _states(store)["Z5"] == "pending" and win.undo_stack.count() == 1
    form.reason_edit.setText("Personal fehlt")
    press_ok(qtbot, form)
    ind = next(i for i in store.snapshot().indicators if i.name == "Quote")
    assert [(v.date, v.value) for v in ind.values][-1] == (AS_OF, 20.0)


def _submitted(store):
    reporting.open_round(store, "R1", "Runde 1", AS_OF, DEADLINE)
    reporting.submit(store, "R1", "Z4", ReportContent(status=Status.AT_RISK, status_reason="Klage",
                                                      forecasts={"Z4-M1": date(2026, 9, 30)}))  # fmt: skip
    reporting.submit(store, "R1", "Z5", ReportContent(values={"Quote": (20.0, AS_OF)}))


def test_accept_and_return_in_the_review_queue_each_undone(rounds_window, qtbot):
    win, store = rounds_window, rounds_window.bridge.store
    _submitted(store)
    page = page_of(win)
    page.tabs.setCurrentWidget(page.review)
    assert [row[0] for row in table(page.review.queue)] == ["Z4", "Z5"]
    assert page.review.current().goal == "Z4"  # the first waiting report is shown at once
    assert win.current_goal() == "Z4"  # and its goal in the detail dock
    select_row(page.review.queue, 0, "Z4")
    sides = {row[0]: row[1:] for row in table(page.review.pair_view)}
    assert sides["Status"] == ["verzögert", "gefährdet", "geändert"]
    assert sides["Begründung"] == ["Vergabe verzögert", "Klage", "geändert"]
    assert sides["Meilenstein Z4-M1"] == ["Prognose 31.07.2026", "Prognose 30.09.2026", "geändert"]
    qtbot.mouseClick(page.review.accept_button, Qt.MouseButton.LeftButton)
    assert _states(store)["Z4"] == "accepted"
    assert [row[0] for row in table(page.review.queue)] == ["Z5"]  # the queue: still to review
    assert page.review.current().goal == "Z5"  # the next one is shown at once
    assert win.undo_stack.undoText() == "Meldung Z4 bestätigen (R1)"
    win.undo_stack.undo()
    assert _states(store)["Z4"] == "submitted"
    # by keyboard: Strg+Umschalt+B accepts the shown report, Strg+Z takes it back
    select_row(page.review.queue, 0, "Z4")
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(win, Qt.Key.Key_B, ctrl_shift)
    assert _states(store)["Z4"] == "accepted"
    qtbot.keyClick(win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _states(store)["Z4"] == "submitted"
    select_row(page.review.queue, 0, "Z5")
    sides = {row[0]: row[1:] for row in table(page.review.pair_view)}
    assert sides["Indikator Quote"] == ["5 (31.01.2026)", "20 (31.03.2026)", "geändert"]
    qtbot.mouseClick(page.review.return_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    press_ok(qtbot, dialog)  # no comment: refused inside the dialog
    assert dialog.isVisible() and "Kommentar fehlt" in dialog.error.text()
    qtbot.keyClicks(dialog.comment, "Quelle fehlt")
    press_ok(qtbot, dialog)
    report = next(r for r in reporting.reports(store, "R1") if r.goal == "Z5")
    assert report.state is ReportState.RETURNED and report.review_comment == "Quelle fehlt"
    win.undo_stack.undo()
    assert _states(store)["Z5"] == "submitted"
    win.undo_stack.redo()
    assert _states(store)["Z5"] == "returned"
    page.review.show_all.setChecked(True)
    row = next(r for r in table(page.review.queue) if r[0] == "Z5")
    assert row[3] == "zurückgegeben"  # (the title column is hidden in the queue)


def test_matrix_figures_are_those_counted_by_hand(rounds_window, qtbot):
    win, store = rounds_window, rounds_window.bridge.store
    _submitted(store)  # Z4 (MF) and Z5 (MS) submitted
    reporting.submit(store, "R1", "Z1", ReportContent(status=Status.ON_TRACK))  # MID
    reporting.review(store, "R1", "Z4", True)  # MF: accepted
    reporting.review(store, "R1", "Z1", False, "Sachstand fehlt")  # MID: returned
    page = page_of(win)
    page.refresh()
    for model in (page.matrix_model, page.matrix_view.model()):
        QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    # by hand: MF Z3 pending, Z4 accepted · MID Z1 returned, Z2 pending · MJ Z6 pending ·
    # MS Z5 submitted · MWL Z7, Z8 pending; after the deadline every ministry with a pending
    # or returned report is overdue: all but MS
    assert table(page.matrix_view) == [
        ["MF", "1", "0", "1", "0", "2", "50,0\u00a0%", "überfällig"],
        ["MID", "1", "0", "0", "1", "2", "0,0\u00a0%", "überfällig"],
        ["MJ", "1", "0", "0", "0", "1", "0,0\u00a0%", "überfällig"],
        ["MS", "0", "1", "0", "0", "1", "100,0\u00a0%", "nein"],
        ["MWL", "2", "0", "0", "0", "2", "0,0\u00a0%", "überfällig"],
    ]
    model = page.matrix_view.model()
    assert model.index(0, 7).data(Qt.ItemDataRole.DecorationRole) is not None  # sign, not colour
    assert model.index(3, 7).data(Qt.ItemDataRole.DecorationRole) is None
    assert "überfällig" in page.matrix_head.text() and "MF, MID, MJ, MWL" in page.matrix_head.text()
    assert page.matrix_total.text() == (
        "Summe: 8 Ziele im Umfang · ausstehend 5 · gemeldet 1 · bestätigt 1 · zurückgegeben 1 · "
        "gemeldet in % 25,0\u00a0%"
    )
    assert table(page.round_view)[0][5] == "2 von 8 gemeldet (25,0\u00a0%)"
    # sortable: by pending, most first
    page.matrix_view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert [row[0] for row in table(page.matrix_view)][0] == "MWL"
    page.matrix_view.sortByColumn(6, Qt.SortOrder.DescendingOrder)
    assert [row[0] for row in table(page.matrix_view)][:2] == ["MS", "MF"]
    # before the deadline nobody is overdue
    page.today = date(2026, 4, 15)
    page.refresh()
    assert {row[7] for row in table(page.matrix_view)} == {"nein"}


def test_the_reports_list_filters_by_ministry_and_state(rounds_window):
    win, store = rounds_window, rounds_window.bridge.store
    _submitted(store)
    page = page_of(win)
    page.refresh()
    page.ministry_filter.setCurrentIndex(page.ministry_filter.findData("MF"))
    assert [row[0] for row in table(page.report_view)] == ["Z3", "Z4"]
    page.state_filter.setCurrentIndex(page.state_filter.findText("gemeldet"))
    assert [row[0] for row in table(page.report_view)] == ["Z4"]
    assert page.report_count.text() == "1 von 8 Meldungen"


def test_close_asks_for_the_force_confirmation_and_undo_reopens(rounds_window, qtbot):
    win, store = rounds_window, rounds_window.bridge.store
    _submitted(store)
    page = page_of(win)
    page.refresh()
    box = page.close_round()
    assert "fehlen noch 6 Meldungen" in box.text() and box.force
    qtbot.mouseClick(box.cancel, Qt.MouseButton.LeftButton)
    assert reporting.get_round(store, "R1").is_open
    box = page.close_round()
    qtbot.mouseClick(box.confirm, Qt.MouseButton.LeftButton)
    assert not reporting.get_round(store, "R1").is_open
    assert reporting.frozen(store, "R1").reports["Z3"].no_report
    assert table(page.round_view)[0][4] == "abgeschlossen"
    assert not page.close_button.isEnabled()
    assert win.undo_stack.undoText() == "Berichtsrunde R1 abschließen"
    win.undo_stack.undo()
    assert reporting.get_round(store, "R1").is_open
    assert page.close_button.isEnabled()


def test_a_closed_round_takes_no_report(rounds_window, qtbot):
    win, store = rounds_window, rounds_window.bridge.store
    _submitted(store)
    reporting.close(store, "R1", force=True)
    page = page_of(win)
    page.refresh()
    page.tabs.setCurrentIndex(1)
    assert not page.form_button.isEnabled()
    page.edit_report()
    assert isinstance(page.dialog, QMessageBox) and "abgeschlossen" in page.dialog.text()


def test_a_submit_refreshes_only_its_report_and_the_counts(rounds_window, qtbot, monkeypatch):
    """After an action on a few reports the view re-reads only those (10,000 reports are not
    read again) — and shows the same as a full rebuild."""
    win, store = rounds_window, rounds_window.bridge.store
    _submitted(store)
    page = page_of(win)
    page.refresh()
    fatal = QAbstractItemModelTester.FailureReportingMode.Fatal
    testers = [QAbstractItemModelTester(m, fatal) for m in (  # noqa: F841 (kept alive)
        page.report_model, page.report_view.model(), page.round_model, page.round_view.model(),
        page.review.queue_model, page.review.proxy, page.review.pair_model)]  # fmt: skip
    full_reads = []
    monkeypatch.setattr(reporting, "rounds_overview", lambda *a, **k: full_reads.append(a))
    from sa2030_desktop.gui.commands import push_operation
    from sa2030_desktop.services.operations.reporting import ReviewReport

    assert push_operation(win, win.undo_stack, ReviewReport("R1", "Z4", True), win.bridge)
    assert full_reads == []
    shown = (table(page.matrix_view), table(page.report_view), table(page.round_view),
             page.matrix_total.text())  # fmt: skip
    assert next(r for r in shown[1] if r[0] == "Z4")[3] == "bestätigt"
    monkeypatch.undo()
    page.refresh()  # the full rebuild shows exactly the same
    assert shown == (table(page.matrix_view), table(page.report_view), table(page.round_view),
                     page.matrix_total.text())  # fmt: skip


def test_a_ministry_answers_on_its_ressortpaket(qtbot, tmp_path, isolated_settings):
    """In the Ressortpaket of MF the list starts at MF's reports; MF submits its own goal
    through the form; reports of other ministries' (context) goals are not in the package."""
    from sa2030_desktop.gui.main_window import MainWindow
    from sa2030_desktop.gui.store_bridge import StoreBridge
    from sa2030_desktop.services.package import export_package
    from sa2030_desktop.services.portfolio import open_portfolio
    from tests.support.reporting import reporting_store

    main = reporting_store(tmp_path / "haupt.sa2030")
    reporting.open_round(main, "R1", "Runde 1", AS_OF, DEADLINE)
    path = export_package(main, "MF", tmp_path / "paket_mf.sa2030")
    main.close()
    store = open_portfolio(path)
    win = MainWindow(StoreBridge(store))
    qtbot.addWidget(win)
    win.show()
    win.action("view.rounds").trigger()
    page = page_of(win)
    page.tabs.setCurrentWidget(page.reports_tab)
    assert page.package_note.isVisible() and "Ressortpaket MF" in page.package_note.text()
    assert page.ministry_filter.currentData() == "MF"
    assert [row[0] for row in table(page.report_view)] == ["Z3", "Z4"]
    select_row(page.report_view, 0, "Z4")
    form = page.edit_report()
    form.status_combo.setCurrentIndex(form.status_combo.findText("gefährdet"))
    form.reason_edit.setText("Vergabe gestoppt")
    press_ok(qtbot, form)
    report = next(r for r in reporting.reports(store, "R1") if r.goal == "Z4")
    assert (report.state, report.submitted_ministry) == (ReportState.SUBMITTED, "MF")
    # the package carries only MF's own reports: other ministries' answers, internal remarks
    # and review comments do not travel in it, so „alle Ressorts“ still lists MF's two
    page.ministry_filter.setCurrentIndex(0)
    assert [row[0] for row in table(page.report_view)] == ["Z3", "Z4"]
    assert "Z6" not in _states(store)  # Z6 (MJ) is a context goal without its report here
    win.close()
    win.bridge.close()
