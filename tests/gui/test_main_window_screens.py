"""Screenshots of the main window at 1920×1080 (table and overview) with the demo portfolio.

Set SA2030_SHOT_DIR to keep the pictures (e.g. /tmp/shots); otherwise they go to tmp_path.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QLabel


def _not_clipped(widget) -> list[str]:
    """Labels and buttons narrower than their text need (what a user sees as cut off)."""
    clipped = []
    for child in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton):
        if not child.isVisible() or not child.text():
            continue
        if isinstance(child, QLabel) and child.wordWrap():
            continue
        need = child.minimumSizeHint().width()
        if child.width() + 1 < need:
            clipped.append(f"{child.objectName() or child.text()!r}: {child.width()} < {need}")
    return clipped


def test_screenshots_at_full_hd(window, qtbot, tmp_path):
    folder = Path(os.environ.get("SA2030_SHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    window.resize(1920, 1080)
    window.select_goal("Z04")
    qtbot.wait(50)
    table_png = folder / "main_table.png"
    assert window.grab().save(str(table_png))
    assert _not_clipped(window.table.filter_bar) == []
    window.tabs.setCurrentWidget(window.overview)
    qtbot.wait(50)
    overview_png = folder / "main_overview.png"
    assert window.grab().save(str(overview_png))
    assert _not_clipped(window.overview) == []
    for png in (table_png, overview_png):
        image = QImage(str(png))
        assert image.width() >= 1920 and image.height() >= 1080
    # status is readable without colour: every status cell has its German label as text
    from sa2030_desktop.gui.table.goal_table_model import Column

    labels = {window.table.proxy.index(r, Column.STATUS).data() for r in range(50)}
    assert labels == {"nicht begonnen", "im Plan", "verzögert", "gefährdet", "abgeschlossen"}
