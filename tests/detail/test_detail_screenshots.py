"""Screenshots of the goal detail at 1920×1080 (demo portfolio, goal Z04), one per tab.

Pictures go to $SA2030_SHOTS (e.g. /tmp/shots) when set, else to the test's tmp folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from tests.support.detail import make_window


def test_goal_detail_screenshots(qtbot, demo_store, tmp_path):
    out = Path(os.environ.get("SA2030_SHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    window = make_window(qtbot, demo_store, tmp_path)
    window.resize(1920, 1080)
    window.show()
    qtbot.wait(50)
    assert window.select_goal("Z04")
    panel = window.feature("detail").panel
    qtbot.waitUntil(lambda: panel.goal_key == "Z04")
    names = ["stammdaten", "meilensteine", "indikatoren", "abhaengigkeiten", "historie"]
    for index, name in enumerate(names):
        panel.tabs.setCurrentIndex(index)
        qtbot.wait(50)
        image = window.grab().toImage()
        assert (image.width(), image.height()) == (1920, 1080)
        path = out / f"goal_detail_Z04_{index + 1}_{name}.png"
        assert image.save(str(path))
        assert path.stat().st_size > 10_000


def test_dialog_screenshots(qtbot, demo_store, tmp_path):
    from sa2030_desktop.gui.detail.link_dialog import LinkDialog
    from sa2030_desktop.gui.reference_dialog import ReferenceDialog, RenameMinistryDialog

    out = Path(os.environ.get("SA2030_SHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    window = make_window(qtbot, demo_store, tmp_path)
    window.resize(1920, 1080)
    window.show()
    link = LinkDialog(window, window.bridge, "Z04")
    link.show()
    link.select_goal("Z14")  # Z14 already needs Z04: a cycle
    link.accept()
    assert link.error.text().endswith("Z04 → Z14 → Z04.")
    assert link.grab().save(str(out / "dialog_link_cycle.png"))
    link.close()
    reference = ReferenceDialog(window, window.bridge, window.undo_stack)
    reference.show()
    assert reference.grab().save(str(out / "dialog_reference_ministries.png"))
    reference.tabs.setCurrentIndex(2)
    assert reference.grab().save(str(out / "dialog_reference_themes.png"))
    rename = RenameMinistryDialog(reference, window.bridge, "MI")
    rename.show()
    assert rename.grab().save(str(out / "dialog_rename_ministry.png"))
    rename.close()
    reference.close()
    window.dock("change_log").show()
    window.feature("detail").change_log.refresh()
    qtbot.wait(50)
    assert window.grab().save(str(out / "change_log_dock.png"))
