"""Meldebögen from the „Berichtsrunden“ view: written for the chosen round, collected back as one
undo step per workbook; a refused workbook is named by sheet, row and column and writes nothing."""

from __future__ import annotations

import openpyxl

from sa2030_desktop.domain.model import Status
from sa2030_desktop.services import reporting
from tests.support.rounds import AS_OF, DEADLINE, page_of


def _result(qtbot, page):
    qtbot.waitUntil(lambda: getattr(page, "dialog", None) is not None
                    and page.dialog.objectName() == "meldebogenResult", timeout=20_000)  # fmt: skip
    box = page.dialog
    page.dialog = None
    return box


def test_write_and_collect_meldeboegen_through_the_view_and_undo(rounds_window, qtbot, tmp_path):
    win, store = rounds_window, rounds_window.bridge.store
    reporting.open_round(store, "R1", "Runde 1", AS_OF, DEADLINE)
    page = page_of(win)
    page.tabs.setCurrentWidget(page.reports_tab)
    page.write_forms(tmp_path)
    box = _result(qtbot, page)
    names = sorted(p.name for p in tmp_path.glob("*.xlsx"))
    assert names == [f"Meldebogen_R1_{m}.xlsx" for m in ("MF", "MID", "MJ", "MS", "MWL")]
    assert (
        "5 Meldebögen der Runde R1" in box.text()
        and "MID: 2 Ziele · 3 Meilensteine · 0 Indikatoren" in box.text()
    )
    # MID answers: Z1 verzögert with a reason; Z2 row untouched („unverändert“)
    path = tmp_path / "Meldebogen_R1_MID.xlsx"
    wb = openpyxl.load_workbook(path)
    wb["Ziele"]["E5"], wb["Ziele"]["F5"] = "verzögert", "Lieferverzug"
    wb.save(path)
    # MF's workbook with an edited locked cell (the title): refused whole
    bad = tmp_path / "Meldebogen_R1_MF.xlsx"
    wb = openpyxl.load_workbook(bad)
    wb["Ziele"]["B5"] = "Anderer Titel"
    wb.save(bad)
    page.collect_forms([path, bad])
    box = _result(qtbot, page)
    text = box.text()
    assert "Meldebogen_R1_MID.xlsx (MID): 2 Meldungen abgegeben, davon 1 mit Änderungen." in text
    assert "Meldebogen_R1_MF.xlsx: abgelehnt, nichts übernommen." in text
    assert "Blatt Ziele, Zeile 5, Spalte B" in text
    states = {r.goal: r.state.value for r in reporting.reports(store, "R1")}
    assert (states["Z1"], states["Z2"], states["Z3"], states["Z4"]) == (
        "submitted", "submitted", "pending", "pending")  # fmt: skip
    assert store.snapshot().goals["Z1"].status is Status.DELAYED
    assert win.undo_stack.undoText() == "Meldebogen MID einsammeln (R1, 2 Meldungen)"
    mid = next(row for row in page.matrix_model.items if row.ministry == "MID")
    assert (mid.pending, mid.submitted) == (0, 2)
    win.undo_stack.undo()
    states = {r.goal: r.state.value for r in reporting.reports(store, "R1")}
    assert (states["Z1"], states["Z2"]) == ("pending", "pending")
    assert store.snapshot().goals["Z1"].status is Status.ON_TRACK
    win.undo_stack.redo()
    assert store.snapshot().goals["Z1"].status is Status.DELAYED


def test_meldeboegen_of_one_ministry_and_not_for_a_closed_round(rounds_window, qtbot, tmp_path):
    win, store = rounds_window, rounds_window.bridge.store
    reporting.open_round(store, "R1", "Runde 1", AS_OF, DEADLINE)
    page = page_of(win)
    page.ministry_filter.setCurrentIndex(page.ministry_filter.findData("MS"))
    page.write_forms(tmp_path)
    _result(qtbot, page)
    assert [p.name for p in tmp_path.glob("*.xlsx")] == ["Meldebogen_R1_MS.xlsx"]
    reporting.close(store, "R1", force=True)
    assert not page.write_forms_button.isEnabled()
    assert page.collect_forms([tmp_path / "Meldebogen_R1_MS.xlsx"]) is None
    assert "nur zu einer offenen Runde" in page.dialog.text()
    assert not reporting.get_round(store, "R1").is_open
