"""A main window on the hand-made reporting portfolio (tests/support/reporting.py) and helpers
to drive the „Berichtsrunden“ view as a user does."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.support.reporting import reporting_store

AS_OF, DEADLINE = date(2026, 3, 31), date(2026, 4, 30)
LATE = date(2026, 5, 15)  # after the deadline: missing answers make a ministry overdue


@pytest.fixture
def rounds_window(qtbot, tmp_path, isolated_settings):
    from sa2030_desktop.gui.main_window import MainWindow
    from sa2030_desktop.gui.store_bridge import StoreBridge

    store = reporting_store(tmp_path / "runden.sa2030")
    bridge = StoreBridge(store)
    win = MainWindow(bridge)
    qtbot.addWidget(win)
    win.resize(1600, 900)
    win.show()
    qtbot.waitExposed(win)
    win.action("view.rounds").trigger()
    page = win.feature("rounds").page
    page.today = LATE
    yield win
    win.close()
    bridge.close()


def page_of(win):
    return win.feature("rounds").page


def set_date(edit, day: date) -> None:
    edit.setDate(QDate(day.year, day.month, day.day))


def press_ok(qtbot, dialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def select_row(view, column: int, text: str) -> None:
    model = view.model()
    for row in range(model.rowCount()):
        if model.index(row, column).data() == text:
            view.setCurrentIndex(model.index(row, column))
            return
    raise AssertionError(f"{text!r} nicht in {view.objectName()}")


def table(view) -> list[list[str]]:
    model = view.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]  # fmt: skip
