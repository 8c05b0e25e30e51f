"""Qt fixtures for the folders with window tests (gui, graph, detail, table, safety): private
QSettings for every test of the folder and a main window on a real portfolio file. A folder's
conftest.py imports them."""

from __future__ import annotations

import json
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path):
    """Recent files, saved views and window layout go to tmp_path, never the user's settings."""
    folder = tmp_path / "einstellungen"
    folder.mkdir()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture
def window(qtbot, demo_store, isolated_settings):
    with window_on(qtbot, demo_store) as win:
        yield win


@contextmanager
def window_on(qtbot, store):
    """The main window on `store`, shown at 1600×900; closed (with its bridge) afterwards."""
    from sa2030_desktop.gui.main_window import MainWindow
    from sa2030_desktop.gui.store_bridge import StoreBridge

    bridge = StoreBridge(store)
    win = MainWindow(bridge)
    qtbot.addWidget(win)
    win.resize(1600, 900)
    win.show()
    qtbot.waitExposed(win)
    try:
        yield win
    finally:
        win.close()
        bridge.close()


def start_in_child(child: str, path: Path, folder: Path, platform: str = "offscreen") -> dict:
    """Run `child` (Python code given the portfolio path) as a fresh process with a user's
    environment of its own below `folder` (data, home, settings) and return the JSON of its
    last line – the real start of `sa2030 FILE`, without this test process's imports."""
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
        "QT_QPA_PLATFORM": platform,
        "SA2030_DATA_DIR": str(folder / "daten"),
        "HOME": str(folder),
        "XDG_CONFIG_HOME": str(folder / "einstellungen"),
    }
    done = subprocess.run([sys.executable, "-c", child, str(path)], env=env, cwd=folder,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def presentation_at(window, qtbot, size: tuple[int, int]):
    """The graph's presentation (F11) of `window`, as a normal window of `size` – the
    offscreen test screen is not the projector's size – shown and laid out."""
    from PySide6.QtWidgets import QApplication

    from sa2030_desktop.gui.graph import actions

    page = window.feature("graph").page
    window.tabs.setCurrentWidget(page)
    shown = actions.start_presentation(page)
    qtbot.addWidget(shown)
    shown.showNormal()
    shown.resize(*size)
    qtbot.waitExposed(shown)
    QApplication.processEvents()
    return shown


def graph_page(window, qtbot):
    """The graph tab of `window`, shown, with its scene built and fitted."""
    from PySide6.QtWidgets import QApplication

    page = window.feature("graph").page
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.scene.nodes and not page.view.fit_pending, timeout=20000)
    QApplication.processEvents()
    return page
