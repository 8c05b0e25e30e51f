"""The window path: start a presentation, edit live (link, unlink, move a forecast and undo a
second move), end it with Esc; the window offers the Protokoll and writes it in a worker."""

from __future__ import annotations

from datetime import timedelta

from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from sa2030_desktop.domain.model import DependencyKind
from sa2030_desktop.gui.commands.base import push_operation
from sa2030_desktop.gui.graph import actions
from sa2030_desktop.services import operations as ops


def test_presentation_session_gives_the_protokoll(window, qtbot, tmp_path):
    page = window.feature("graph").page
    window.tabs.setCurrentWidget(page)
    shown = actions.start_presentation(page)
    qtbot.addWidget(shown)
    qtbot.waitExposed(shown)
    qtbot.keyClick(shown.view, Qt.Key.Key_E)  # editing on
    assert shown.editing
    p = page.bridge.snapshot()
    assert page.link("Z40", "Z01", DependencyKind.HARD)
    assert push_operation(page, page.undo_stack, ops.Unlink("Z03", "Z02"), page.bridge)
    moved = p.milestones["Z01-M3"].forecast + timedelta(days=30)
    assert push_operation(page, page.undo_stack,
                          ops.UpdateMilestone("Z01-M3", {"forecast": moved}), page.bridge)  # fmt: skip
    undone = p.milestones["Z04-M3"].forecast + timedelta(days=10)
    assert push_operation(page, page.undo_stack,
                          ops.UpdateMilestone("Z04-M3", {"forecast": undone}), page.bridge)  # fmt: skip
    qtbot.keyClick(shown.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo
    assert page.bridge.snapshot().milestones["Z04-M3"].forecast == p.milestones["Z04-M3"].forecast
    qtbot.keyClick(shown.view, Qt.Key.Key_Escape)
    assert not shown.isVisible()

    offer = page.workshop_offer
    qtbot.waitUntil(offer.isVisible)
    assert offer.text() == "In der Sitzung wurden 3 Entscheidungen getroffen."
    assert "Z04-M3" not in offer.informativeText()
    assert "Abhängigkeiten hinzugefügt: 1 (Z01 benötigt Z40)" in offer.informativeText()
    offer.create.click()
    dialog = page.workshop_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert "Termine geändert: 1 (Z01-M3)" in dialog.summary.text()
    target = tmp_path / "Workshop-Protokoll.docx"
    dialog.target.setText(str(target))
    qtbot.keyClicks(dialog.participants, "Frau Beispiel (MID)")
    dialog.classified.setChecked(True)
    qtbot.mouseClick(dialog.create, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=60000)
    assert dialog.done_box.isVisible()
    dialog.done_box.close()
    doc = Document(str(target))
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert "Betreff: Workshop-Protokoll – Sitzung am" in text
    assert "2.1 Abhängigkeiten hinzugefügt (1)" in text and "2.3 Termine geändert (1)" in text
    assert "Frau Beispiel (MID)" in cells and "Z04-M3" not in cells
    assert "VS – NUR FÜR DEN DIENSTGEBRAUCH" in doc.sections[0].header.paragraphs[0].text

    # afterwards, from the menu: the same (last) session of this window, without later edits
    assert push_operation(page, page.undo_stack, ops.Unlink("Z01", "Z40"), page.bridge)
    window.action("graph.workshop_protocol").trigger()
    again = page.workshop_dialog
    assert "Abhängigkeiten hinzugefügt: 1 (Z01 benötigt Z40)" in again.summary.text()
    assert (
        again is not dialog
        and "Abhängigkeiten entfernt: 1 (Z03 benötigt Z02)" in again.summary.text()
    )
    again.reject()


def test_without_a_presentation_the_menu_explains(window, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    window.action("graph.workshop_protocol").trigger()
    assert shown and "noch keine Präsentation" in shown[0]
    assert not window.feature("graph").lazy.is_built()  # no graph laid out just to say so
    window.show_view(window.feature("graph").page)  # shown, but never presented
    shown.clear()
    window.action("graph.workshop_protocol").trigger()
    assert shown and "noch keine Präsentation" in shown[0]


def test_a_session_without_changes_offers_nothing(window, qtbot):
    page = window.feature("graph").page
    window.tabs.setCurrentWidget(page)
    shown = actions.start_presentation(page)
    qtbot.addWidget(shown)
    qtbot.waitExposed(shown)
    qtbot.keyClick(shown.view, Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert getattr(page, "workshop_offer", None) is None
    assert "nichts geändert" in page.message.text()


def test_an_earlier_start_takes_in_a_previous_presentation(window, qtbot):
    page = window.feature("graph").page
    window.tabs.setCurrentWidget(page)
    first = actions.start_presentation(page)
    qtbot.addWidget(first)
    assert page.link("Z40", "Z01", DependencyKind.SOFT)
    first.close()
    page.workshop_offer.reject()  # „Später“
    second = actions.start_presentation(page)  # closed by mistake and started again
    qtbot.addWidget(second)
    assert push_operation(page, page.undo_stack, ops.Unlink("Z03", "Z02"), page.bridge)
    second.close()
    window.action("graph.workshop_protocol").trigger()
    dialog = page.workshop_dialog
    assert "hinzugefügt" not in dialog.summary.text()
    assert "Abhängigkeiten entfernt: 1" in dialog.summary.text()
    dialog.start.setDateTime(dialog.start.dateTime().addSecs(-3600))
    assert "Abhängigkeiten hinzugefügt: 1 (Z01 benötigt Z40)" in dialog.summary.text()
    assert dialog.options().session_since < page.workshop_session.started
    dialog.reject()
