"""Screenshots of the „Berichtsrunden“ view at 1366×768 (laptop) and 1920×1080 on the demo
portfolio with two rounds: every tab, the report form and the open dialog. Nothing may be cut
off or need sideways scrolling at 1366×768.

Set SA2030_SHOT_DIR to keep the pictures (e.g. /tmp/shots); otherwise they go to tmp_path."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QTableView

from sa2030_desktop.domain.model import Status
from sa2030_desktop.domain.reporting import ReportContent
from sa2030_desktop.services import reporting


def _clipped(widget) -> list[str]:
    """Labels and buttons narrower than their text needs (what a user sees as cut off)."""
    out = []
    for child in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton):
        if (
            not child.isVisible()
            or not child.text()
            or (isinstance(child, QLabel) and child.wordWrap())
        ):
            continue
        if child.width() + 1 < child.minimumSizeHint().width():
            out.append(
                f"{child.objectName() or child.text()!r}: {child.width()} < {child.minimumSizeHint().width()}"
            )
    return out


def _sideways(widget) -> list[str]:
    return [t.objectName() for t in widget.findChildren(QTableView)
            if t.isVisible() and t.horizontalScrollBar().isVisible()]  # fmt: skip


def two_demo_rounds(store) -> None:
    """Round 1 closed (some answers, one returned), round 2 open with answers and changes."""
    p = store.snapshot()
    goals = sorted(p.goals)
    reporting.open_round(
        store, "2026-H1", "Halbjahresbericht 2026", date(2026, 6, 30), date(2026, 7, 31)
    )
    for key in goals[:30]:
        reporting.submit(
            store, "2026-H1", key, ReportContent(progress=f"Sachstand {key} zum Halbjahr.")
        )
    for key in goals[:20]:
        reporting.review(store, "2026-H1", key, True)
    reporting.review(store, "2026-H1", goals[25], False, "Bitte Sachstand ergänzen.")
    reporting.close(store, "2026-H1", force=True)
    reporting.open_round(
        store, "2026-Q4", "Umsetzungsbericht 2026", date(2026, 11, 30), date(2026, 12, 15)
    )
    p = store.snapshot()
    for n, key in enumerate(goals[:36]):
        goal = p.goals[key]
        content = ReportContent(progress=f"Sachstand {key}: Umsetzung läuft.")
        if n % 5 == 0 and goal.status in (Status.ON_TRACK, Status.NOT_STARTED):
            content.status, content.status_reason = Status.DELAYED, "Vergabe verzögert"
        if n % 7 == 0:
            for ms in p.milestones.values():
                if ms.goal == key and ms.forecast and not ms.actual:
                    content.forecasts[ms.key] = ms.forecast + timedelta(days=45)
        reporting.submit(store, "2026-Q4", key, content, today=date(2026, 12, 1))
    for key in goals[:10]:
        reporting.review(store, "2026-Q4", key, True)
    reporting.review(store, "2026-Q4", goals[12], False, "Begründung fehlt.")


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_rounds_view_screens(window, qtbot, tmp_path, size):
    folder = Path(os.environ.get("SA2030_SHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    two_demo_rounds(window.bridge.store)
    window.resize(*size)
    # as at a first start (MainWindow.show_on_screen): the goal detail dock beside the view
    detail = next(d for d in window.assembly.dock_specs() if d.id == "goal_detail")
    window.resizeDocks([window.dock("goal_detail")], [detail.first_start_width(size[0])],
                       Qt.Orientation.Horizontal)  # fmt: skip
    window.action("view.rounds").trigger()
    page = window.feature("rounds").page
    page.today = date(2026, 12, 20)  # after the deadline: overdue ministries
    page.refresh()
    qtbot.wait(50)
    assert window.width() == size[0]  # the view does not push the window wider than the screen
    tag = f"{size[0]}x{size[1]}"
    for index, name in enumerate(("matrix", "reports", "review", "compare")):
        page.tabs.setCurrentIndex(index)
        if name == "review":
            page.review.queue.selectRow(0)
        if name == "compare":
            page.compare.run("2026-H1", "aktuell")
            qtbot.waitUntil(lambda: page.compare.task is None, timeout=10_000)
        qtbot.wait(50)
        assert window.grab().save(str(folder / f"rounds_{tag}_{name}.png"))
        assert _clipped(page) == [], name
        assert _sideways(page) == [], name
    page.tabs.setCurrentIndex(1)
    page.state_filter.setCurrentIndex(page.state_filter.findText("zurückgegeben"))
    page.report_view.selectRow(0)
    form = page.edit_report()
    qtbot.waitExposed(form)
    assert form.grab().save(str(folder / f"rounds_{tag}_form.png"))
    assert form.height() <= size[1] - 40 and _clipped(form) == []
    form.reject()
    dialog = page.open_round()
    qtbot.waitExposed(dialog)
    assert dialog.grab().save(str(folder / f"rounds_{tag}_open.png"))
    dialog.reject()
