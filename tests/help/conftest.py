"""The help tests build real main windows on the demo portfolio, with private settings."""

from __future__ import annotations

import pytest

from tests.support.qt import isolated_settings  # noqa: F401 (private QSettings, autouse)


@pytest.fixture
def window(qtbot, demo_store):
    from sa2030_desktop.gui.main_window import MainWindow
    from sa2030_desktop.gui.store_bridge import StoreBridge

    bridge = StoreBridge(demo_store)
    win = MainWindow(bridge)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    yield win
    help_window = win.feature("help").controller.window
    if help_window is not None:
        help_window.close()
    win.close()
    bridge.close()


@pytest.fixture
def help_controller(window):
    return window.feature("help").controller
