"""The shortcut overview is generated from the actions themselves; „Erste Schritte“ comes once
at the first start and again only from the Hilfe menu (issue 17)."""

from __future__ import annotations

from PySide6.QtGui import QAction

from sa2030_desktop.gui import features
from sa2030_desktop.gui.features import ActionSpec, Feature
from sa2030_desktop.gui.help import first_steps
from sa2030_desktop.gui.help.shortcuts import german_keys


def _overview_rows(text: str) -> set[tuple[str, str]]:
    rows = set()
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3:
            rows.add((cells[0], cells[1]))
    return rows


def _expected(window) -> set[tuple[str, str]]:
    """Every action of the window with a shortcut, whoever made it."""
    expected = set()
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            text = action.text().replace("&", "")
            expected.add((german_keys(key.toString()), text))
    return expected


def test_every_action_with_a_shortcut_is_in_the_overview(window):
    markdown = window.feature("help").generated()["tastenkuerzel"]
    rows = _overview_rows(markdown)
    missing = {(k, t) for k, t in _expected(window) if not any(
        t == text and k in keys.split(", ") for keys, text in rows)}  # fmt: skip
    assert missing == set()
    assert ("F1", "Handbuch") in rows and (
        "Strg+Umschalt+W",
        "Briefing (Word, PDF/A, ODT)…",
    ) in rows
    assert ("Strg+B", "Neuer Basistermin …") in rows  # a part's own action, not in a menu
    assert "| Esc | Ende |" in markdown  # the presentation's keys


def test_the_overview_follows_a_new_declaration(qtbot, demo_store, monkeypatch):
    import sys
    import types

    def declare(window):
        feature = Feature("neu")
        feature.actions = [ActionSpec("test.new", "analysis", "&Neue Auswertung", lambda: None,
                                      "Ctrl+Shift+J")]  # fmt: skip
        return feature

    module = types.ModuleType("tests_help_new_feature")
    module.declare = declare
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setattr(features, "FEATURES", [*features.FEATURES, module.__name__])
    from sa2030_desktop.gui.main_window import MainWindow
    from sa2030_desktop.gui.store_bridge import StoreBridge

    window = MainWindow(StoreBridge(demo_store))
    qtbot.addWidget(window)
    rows = _overview_rows(window.feature("help").generated()["tastenkuerzel"])
    assert ("Strg+Umschalt+J", "Neue Auswertung") in rows


def test_the_hilfe_menu_shows_the_overview_and_the_handbook_has_it(window, qtbot):
    dialog = window.feature("help").show_shortcuts()
    qtbot.waitExposed(dialog)
    text = dialog.text.toPlainText()
    assert "Strg+Umschalt+L" in text and "Änderungsprotokoll" in text
    help_window = window.feature("help").controller.open("tastenkuerzel")
    body = help_window.text.toPlainText()
    assert "Strg+Umschalt+L" in body and "{{tastenkuerzel}}" not in body
    dialog.close()


def test_first_steps_never_in_a_window_of_the_tests_and_once_at_first_start(window, qtbot):
    assert window.findChild(first_steps.FirstStepsDialog) is None
    assert not first_steps.seen()
    help_feature = window.feature("help")
    guide = help_feature.first_start()
    assert guide is not None and guide.isVisible() and not guide.isModal()
    assert first_steps.seen()
    seen_views = []
    while guide.next.text() != "&Fertig":
        guide.next.click()
        seen_views.append(window.tabs.currentWidget())
    # (the graph and the timeline are built when first shown: here, by the guide)
    assert window.feature("graph").page in seen_views
    assert window.feature("timeline").view in seen_views
    assert all(button.isVisible() for button in guide.own_buttons)  # new / import template
    guide.next.click()
    assert not guide.isVisible()
    assert help_feature.first_start() is None  # the next start: not again
    again = window.menu("help")
    assert window.action("help.first_steps") in again.actions()
    window.action("help.first_steps").trigger()
    assert help_feature.guide.isVisible() and help_feature.guide.index == 0
    help_feature.guide.skip.click()
    assert not help_feature.guide.isVisible()


def test_first_steps_buttons_start_the_own_portfolio(window, qtbot, monkeypatch):
    called = []
    monkeypatch.setattr(window.file_actions, "new", lambda: called.append("neu"))
    # the declared action's handler was bound at build time: trigger goes through the action
    window.action("file.new").triggered.disconnect()
    window.action("file.new").triggered.connect(lambda: called.append("neu"))
    guide = window.feature("help").show_first_steps()
    guide.go(len(guide.pages) - 1)
    guide.own_buttons[0].click()
    assert called == ["neu"] and not guide.isVisible()


def test_first_steps_on_ones_own_portfolio_do_not_call_it_the_demo(qtbot, empty_store):
    from sa2030_desktop.gui.main_window import MainWindow
    from sa2030_desktop.gui.store_bridge import StoreBridge

    window = MainWindow(StoreBridge(empty_store))
    qtbot.addWidget(window)
    room = window.screen().availableGeometry()  # the test screen (offscreen: 800×800)
    window.resize(room.width() - 40, room.height() - 60)
    window.show()
    guide = window.feature("help").first_start()
    assert "Sie sehen Ihr Portfolio" in guide.body.text()
    assert "Sie sehen das <b>Demoportfolio" not in guide.body.text()
    # beside the views it explains, inside the window, not over its middle
    frame = window.frameGeometry()
    assert guide.geometry().right() <= frame.right() and guide.x() > frame.center().x() - 200
    guide.close()
    # a window larger than the screen does not carry the guide over the screen's edge
    window.resize(room.width() + 600, room.height() + 300)
    guide = window.feature("help").show_first_steps()
    assert room.contains(guide.frameGeometry()), (guide.frameGeometry(), room)
    guide.close()
    assert "Sie sehen das <b>Demoportfolio" in first_steps.pages(demo=True)[0].text
