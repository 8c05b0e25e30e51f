"""The briefing dialog in the real main window: choose, see the summary, export in a worker."""

from __future__ import annotations

import pytest
from docx import Document
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from tests.briefing.conftest import MARK, part_text


@pytest.fixture
def window(qtbot, demo_store, tmp_path):
    from sa2030_desktop.gui.main_window import MainWindow
    from sa2030_desktop.gui.store_bridge import StoreBridge

    folder = tmp_path / "einstellungen"
    folder.mkdir()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    bridge = StoreBridge(demo_store)
    win = MainWindow(bridge)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    bridge.close()


def _open(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    dialog = window.feature("briefing").dialog
    qtbot.waitExposed(dialog)
    return dialog


def test_dialog_exports_a_classified_sprechzettel(qtbot, window, tmp_path, monkeypatch):
    dialog = _open(qtbot, window)
    dialog.kind.setCurrentIndex(dialog.kind.findData("sprechzettel"))
    dialog.ministry.setCurrentIndex(dialog.ministry.findData("MID"))
    dialog.as_of.setDate(QDate(2026, 3, 31))
    qtbot.mouseClick(dialog.classified, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.occasion, "Jour fixe")
    qtbot.keyClicks(dialog.reference, "12-3/2026")
    dialog.meeting_on.setChecked(True)
    dialog.meeting.setDate(QDate(2026, 4, 14))
    assert "Sprechzettel: 12 Ziele – Ressort MID (federführend), Stichtag 31. März 2026" in \
        dialog.summary.text()  # fmt: skip
    assert f"Einstufung: {MARK} auf jeder Seite" in dialog.summary.text()
    target = tmp_path / "Sprechzettel.docx"
    dialog.target.setText(str(target))
    dialog.grab().save("/tmp/brf/dialog.png")
    qtbot.mouseClick(dialog.create, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30000)
    doc = Document(str(target))
    assert part_text(doc.sections[0].first_page_header).startswith(MARK)
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "Anlass: Jour fixe" in body and "Termin: 14. April 2026" in body
    box = dialog.done_box
    assert isinstance(box, QMessageBox) and str(target) in box.text()
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    qtbot.mouseClick(dialog.open_folder, Qt.MouseButton.LeftButton)
    assert opened == [str(tmp_path)]


def test_dialog_shows_refusals_in_german_and_writes_nothing(qtbot, window, tmp_path):
    dialog = _open(qtbot, window)
    dialog.theme.setCurrentIndex(dialog.theme.findData("TF04"))
    dialog.ministry.setCurrentIndex(dialog.ministry.findData("MJ"))
    assert dialog.summary.text().startswith("Die Auswahl enthält keine Ziele")
    dialog.target.setText(str(tmp_path / "leer.docx"))
    qtbot.mouseClick(dialog.create, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is None and dialog.create.isEnabled(), timeout=20000)
    assert dialog.status.text() == "Die Auswahl enthält keine Ziele."
    assert window.last_error.text() == "Die Auswahl enthält keine Ziele."
    assert not (tmp_path / "leer.docx").exists()


def test_dialog_starts_from_the_table_selection_and_vermerk_goal(qtbot, window):
    from sa2030_desktop.domain.selection import Selection

    window.table.set_selection(Selection(ministry="MS", involved=True))
    dialog = _open(qtbot, window)
    assert dialog.ministry.currentData() == "MS" and dialog.involved.isChecked()
    dialog.kind.setCurrentIndex(dialog.kind.findData("vermerk"))
    dialog.goal.setCurrentIndex(dialog.goal.findData("Z03"))
    assert dialog.selection().goal == "Z03"
    assert "1. Sachverhalt (aus den Daten)" in dialog.summary.text()
    assert dialog.ministry.currentData() is None and not dialog.involved.isChecked()


def test_cancelled_export_writes_nothing(qtbot, demo_store, tmp_path):
    from sa2030_desktop.domain.selection import Selection
    from sa2030_desktop.domain.tasks import Cancelled, CancelToken
    from sa2030_desktop.export.briefing import BriefingOptions
    from sa2030_desktop.services.briefing import write_briefing

    out = tmp_path / "aus"
    out.mkdir()
    target = out / "abgebrochen.docx"
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):  # the first progress step notices the cancel
        write_briefing(demo_store.snapshot(), target, "status", Selection(), None,
                       BriefingOptions(), token=token)  # fmt: skip
    assert list(out.iterdir()) == []


def test_dialog_refuses_a_vermerk_without_one_goal_and_takes_the_place(qtbot, window, tmp_path):
    dialog = _open(qtbot, window)
    dialog.kind.setCurrentIndex(dialog.kind.findData("vermerk"))
    assert dialog.summary.text().startswith("Ein Vermerk behandelt genau ein Ziel")
    dialog.target.setText(str(tmp_path / "vermerk.docx"))
    qtbot.mouseClick(dialog.create, Qt.MouseButton.LeftButton)
    expected = "Ein Vermerk behandelt genau ein Ziel, die Auswahl enthält aber 50 Ziele."
    assert dialog.status.text().startswith(expected)
    assert window.last_error.text().startswith(expected)
    assert dialog.job is None and not (tmp_path / "vermerk.docx").exists()
    # one goal: accepted, with the place typed in the dialog on the first page
    dialog.goal.setCurrentIndex(dialog.goal.findData("Z03"))
    assert dialog.place.text() == "Magdeburg" and dialog.place.accessibleName() == "Ort"
    dialog.place.setText("Halle (Saale)")
    assert dialog.options().place == "Halle (Saale)"
    qtbot.mouseClick(dialog.create, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30000)
    doc = Document(str(tmp_path / "vermerk.docx"))
    assert "Halle (Saale), " in part_text(doc.sections[0].first_page_header)


def test_done_box_lists_repairs_and_counts_shortenings_in_one_line(qtbot, window, tmp_path):
    from datetime import date

    from sa2030_desktop.services.briefing import BriefingResult

    dialog = _open(qtbot, window)
    line = "Ziel Z99, Titel: 1 nicht speicherbares Zeichen ersetzt"
    box = dialog.offer_open(BriefingResult(tmp_path / "b.docx", "status", 2, date(2026, 3, 31),
                                           sanitized=[line], shortened=12))  # fmt: skip
    assert box.informativeText() == ("1 Text enthielt Zeichen, die Word nicht speichern kann; er "
                                     "wurde bereinigt.\n12 lange Texte wurden für das Layout "
                                     "gekürzt.")  # fmt: skip
    assert box.detailedText() == line
    assert "Statusbericht mit 2 Zielen geschrieben" in box.text()
    box.close()
