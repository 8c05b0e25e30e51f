"""Feature modules that add their views, menus and actions to the main window.

Each module has `install(window: MainWindow) -> None`. The main window calls them in this order
after its own menus exist, so features stay in their own packages and the window stays small.
"""

FEATURES: list[str] = [
    "sa2030_desktop.gui.detail.feature",
    "sa2030_desktop.gui.graph.feature",
    "sa2030_desktop.gui.timeline.feature",
    "sa2030_desktop.gui.exchange.feature",
    "sa2030_desktop.gui.safety.feature",
    "sa2030_desktop.gui.briefing.feature",
]
