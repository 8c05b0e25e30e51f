"""Screenshots of the goal detail at 1920×1080 (demo portfolio, goal Z04), one per tab.

Pictures go to $SA2030_SHOTS (e.g. /tmp/shots) when set, else to the test's tmp folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from tests.gui.detail_support import make_window


def test_goal_detail_screenshots(qtbot, demo_store, tmp_path):
    out = Path(os.environ.get("SA2030_SHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    window = make_window(qtbot, demo_store, tmp_path)
    window.resize(1920, 1080)
    window.show()
    qtbot.wait(50)
    assert window.select_goal("Z04")
    panel = window.goal_detail
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
