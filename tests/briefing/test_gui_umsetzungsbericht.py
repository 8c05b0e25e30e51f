"""The briefing dialog with reporting rounds: the Umsetzungsbericht needs a closed round, a
round fixes the Stichtag and makes every kind read its frozen state, the public variant is
never classified."""

from __future__ import annotations

import pytest
from docx import Document
from PySide6.QtCore import QSettings, Qt

from tests.support.two_rounds import SACHSTAND_R2, later_edits, two_round_store


@pytest.fixture
def window(qtbot, tmp_path):
    from sa2030_desktop.gui.main_window import MainWindow
    from sa2030_desktop.gui.store_bridge import StoreBridge

    folder = tmp_path / "einstellungen"
    folder.mkdir()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    bridge = StoreBridge(two_round_store(tmp_path / "zwei.sa2030"))
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


def test_umsetzungsbericht_from_the_dialog(qtbot, window, tmp_path):
    dialog = _open(qtbot, window)
    assert [dialog.round.itemData(i) for i in range(dialog.round.count())] == [None, "R2", "R1"]
    dialog.kind.setCurrentIndex(dialog.kind.findData("umsetzungsbericht"))
    assert dialog.round.key == "R2"  # the kind starts from the newest closed round
    dialog.round.setCurrentIndex(0)  # the current state: refused
    assert dialog.summary.text().startswith("Ein Umsetzungsbericht entsteht aus einer "
                                            "abgeschlossenen Berichtsrunde")  # fmt: skip
    target = tmp_path / "Umsetzungsbericht.docx"
    dialog.target.setText(str(target))
    qtbot.mouseClick(dialog.create, Qt.MouseButton.LeftButton)
    assert "abgeschlossenen Berichtsrunde" in dialog.status.text()
    assert dialog.job is None and not target.exists()

    dialog.round.setCurrentIndex(dialog.round.findData("R2"))
    assert dialog.as_of.date().toString("dd.MM.yyyy") == "30.09.2026"
    assert not dialog.as_of.isEnabled()
    text = dialog.summary.text()
    assert "Umsetzungsbericht: 8 Ziele – Gesamtportfolio, Stichtag 30. September 2026" in text
    assert "Berichtsrunde R2 „Umsetzungsbericht 2026/II“ (eingefrorener Stand); Vergleich mit " \
           "der Berichtsrunde R1" in text  # fmt: skip
    qtbot.mouseClick(dialog.classified, Qt.MouseButton.LeftButton)
    assert dialog.classified.isChecked()
    qtbot.mouseClick(dialog.public, Qt.MouseButton.LeftButton)  # public: never classified
    assert not dialog.classified.isChecked() and not dialog.classified.isEnabled()
    assert "Öffentliche Fassung" in dialog.summary.text()
    # the live portfolio changes under the open dialog: the round's report does not
    later_edits(window.bridge.store)
    qtbot.mouseClick(dialog.create, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=60000)
    doc = Document(str(target))
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "Fassung: öffentliche Fassung" in body and "Interne Anmerkungen" not in body
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    # Z2 is renamed Z20 in the live portfolio; the report keeps the frozen key, title and text
    assert any(c.startswith(f"Ziel Z2\n{SACHSTAND_R2['Z2']}") for c in cells)


def test_a_round_makes_other_kinds_read_its_frozen_state(qtbot, window, tmp_path):
    dialog = _open(qtbot, window)
    dialog.kind.setCurrentIndex(dialog.kind.findData("status"))
    dialog.round.setCurrentIndex(dialog.round.findData("R1"))
    assert (
        "Statusbericht: 8 Ziele – Gesamtportfolio, Stichtag 31. März 2026" in dialog.summary.text()
    )  # fmt: skip  (Z8 is deleted live, but frozen in R1)
    assert not dialog.changes_on.isEnabled()
    dialog.round.setCurrentIndex(0)
    assert dialog.as_of.isEnabled() and dialog.changes_on.isEnabled()
