"""The graph inside the main window: tab, menus, selection both ways, presentation mode."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from sa2030_desktop.domain.model import DependencyKind
from sa2030_desktop.domain.selection import Selection
from sa2030_desktop.gui.graph import actions
from sa2030_desktop.gui.graph.presentation import READABLE_ZOOM
from tests.support.detail import on_next_modal
from tests.support.graph import drag, node_point, show_both

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def _texts(menu):
    return [a.text() for a in menu.actions()]


def test_graph_tab_and_menu_entries(window):
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "Abhängigkeiten" in titles
    assert "&Abhängigkeiten" in _texts(window.menus["view"])
    assert any("Längste Kette" in t for t in _texts(window.menus["analysis"]))
    assert any("Abhängigkeitsgraph" in t for t in _texts(window.menu("exchange/export")))


def test_selection_follows_table_and_back(window, qtbot):
    page = window.feature("graph").page
    window.tabs.setCurrentWidget(page)
    assert window.select_goal("Z16")
    assert page.scene.selected_node() == "Z16"
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=node_point(page, "Z05"))
    assert page.scene.selected_node() == "Z05"
    assert window.current_goal() == "Z05"


def test_graph_follows_the_table_filter(window):
    page = window.feature("graph").page
    window.table.set_selection(Selection(ministry="MF"))
    assert page.scene.nodes == {}  # a hidden tab builds nothing (lazy views, issue 3)
    window.tabs.setCurrentWidget(page)
    expected = set(Selection(ministry="MF").apply(window.bridge.snapshot(), window.bridge.as_of))
    assert set(page.scene.nodes) == expected
    window.tabs.setCurrentWidget(window.table)
    window.table.set_selection(Selection(ministry="MI"))
    assert set(page.scene.nodes) == expected  # hidden again: only marked out of date
    window.tabs.setCurrentWidget(page)
    mi = set(Selection(ministry="MI").apply(window.bridge.snapshot(), window.bridge.as_of))
    assert set(page.scene.nodes) == mi


def test_presentation_mode_steps_through_ministries(window, qtbot):
    page = window.feature("graph").page
    window.tabs.setCurrentWidget(page)  # as the menu entry does
    present = actions.start_presentation(page)
    qtbot.addWidget(present)
    assert present.isFullScreen()
    present.showNormal()  # the offscreen test screen is smaller than a projector
    present.resize(1920, 1080)
    qtbot.waitExposed(present)
    assert present.view.zoom() >= READABLE_ZOOM
    first = set(present.scene.nodes)  # step 1 laid out on its own: its goals and neighbours
    lanes = {i.node.lane for i in present.scene.nodes.values() if not i.node.context}
    assert len(lanes) == 1
    for _part in present.parts[1:]:  # the step's further parts first
        qtbot.keyClick(present.view, Qt.Key.Key_PageDown)
    qtbot.keyClick(present.view, Qt.Key.Key_PageDown)
    assert present.step_index == 1
    assert set(present.scene.nodes) != first
    qtbot.keyClick(present.view, Qt.Key.Key_Left)
    assert present.step_index == 0  # back to the previous step's last part
    assert not present.scene.editable
    for item in present.scene.nodes.values():
        assert not item.flags() & item.GraphicsItemFlag.ItemIsMovable
    qtbot.keyClick(present.view, Qt.Key.Key_E)
    assert present.scene.editable
    # live capture during the workshop: link two goals, then undo with Ctrl+Z
    present.step_index = len(present.groups)  # the Gesamtbild holds both goals
    present.go(0)
    before = len(window.bridge.snapshot().dependencies)
    start, end = show_both(present, "Z01", "Z28")
    drag(present, start, end, Qt.KeyboardModifier.ShiftModifier)
    page.kind_popup.buttons[DependencyKind.SOFT].click()
    assert len(window.bridge.snapshot().dependencies) == before + 1
    assert ("Z01", "Z28") in present.scene.edges
    qtbot.keyClick(present.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(window.bridge.snapshot().dependencies) == before
    qtbot.keyClick(present.view, Qt.Key.Key_Escape)
    assert not present.isVisible()


@pytest.mark.parametrize("name", ["all", "tf09_hops1", "lanes_lead", "presentation"])
def test_screenshots_1920x1080(window, qtbot, name):
    """Pictures to look at (build/screenshots); they also prove the views render."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = window.feature("graph").page
    window.resize(1920, 1080)
    window.tabs.setCurrentWidget(page)
    if name == "tf09_hops1":
        page.set_options(selection=Selection(theme="TF09"), hops=1)
    elif name == "lanes_lead":
        page.set_options(swimlanes="lead")
    if name == "presentation":
        present = actions.start_presentation(page)
        qtbot.addWidget(present)
        present.showNormal()
        present.resize(1920, 1080)
        qtbot.waitExposed(present)
        qtbot.keyClick(present.view, Qt.Key.Key_PageDown)
        assert present.view.zoom() >= READABLE_ZOOM
        image = present.grab()
        present.close()
    else:
        page.view.fit_all()
        image = window.grab()
    assert image.width() >= 1900
    assert image.save(str(SHOTS / f"graph_{name}.png"))


def test_the_graph_takes_the_tables_goal_on_its_first_showing(window, qtbot):
    """Chosen in the table before the graph was ever built: the graph's what-if works on it."""
    assert window.select_goal("Z16")
    assert not window.feature("graph").lazy.is_built()
    asked = on_next_modal(lambda dialog: (dialog.setIntValue(30), dialog.accept()))
    window.action("graph.whatif").trigger()  # Analyse → Was-wäre-wenn für das gewählte Ziel
    page = window.feature("graph").page
    assert asked, page.message.text()  # not „Bitte zuerst ein Ziel im Graphen wählen.“
    assert page.scene.selected_node() == "Z16"
    # Z16 holds up one goal: counted in German (not „1 Ziele“)
    assert page.message.text().startswith("Was-wäre-wenn: Z16 um 30 Tage später betrifft 1 Ziel (")


def test_a_screen_reader_hears_counts_in_german(window, qtbot):
    from sa2030_desktop.gui.graph.keyboard import describe

    page = window.feature("graph").page
    window.show_view(page)
    text = describe(page.scene.nodes["Z20"])  # Z20 needs one goal and is needed by one
    assert text.endswith("Federführung MWU; 1 Voraussetzung, 1 abhängiges Ziel"), text


def test_table_and_graph_stay_in_step_after_the_first_showing(window, qtbot):
    page = window.feature("graph").page
    window.show_view(page)
    window.show_view(window.table)
    assert window.select_goal("Z05")  # chosen while the graph is hidden
    window.show_view(page)
    assert page.scene.selected_node() == "Z05"
    page.set_options(cross_ministry=True)  # Z15's dependencies all stay within its ministry
    assert "Z15" not in page.scene.nodes
    shown = sorted(page.scene.nodes)
    assert window.select_goal(shown[0])
    assert page.scene.selected_node() == shown[0]
    qtbot.mouseClick(
        page.view.viewport(), Qt.MouseButton.LeftButton, pos=node_point(page, shown[1])
    )
    assert window.current_goal() == shown[1]
    assert window.select_goal("Z15")
    assert page.scene.selected_node() is None  # not shown: no other goal stays chosen
    page.set_options(cross_ministry=False)
    assert page.scene.selected_node() == "Z15"


def test_a_graph_laid_out_in_the_worker_takes_the_tables_goal_too(window, qtbot, monkeypatch):
    from sa2030_desktop.gui.graph import page as page_module

    monkeypatch.setattr(page_module, "SYNC_LIMIT", 10)  # the demo's 50 goals: as 1,000 would
    assert window.select_goal("Z16")
    page = window.feature("graph").page
    window.show_view(page)
    qtbot.waitUntil(lambda: page.model is not None and bool(page.scene.nodes), timeout=20000)
    assert page.scene.selected_node() == "Z16"
    assert window.select_goal("Z05")
    assert page.scene.selected_node() == "Z05"


def test_a_rebuild_keeps_several_chosen_goals(window, qtbot):
    """Goals chosen together (to move them as one) stay chosen when an edit rebuilds the
    scene: the table's single goal does not replace them."""
    page = window.feature("graph").page
    window.show_view(page)
    assert window.select_goal("Z05")
    for key in ("Z01", "Z02"):
        page.scene.nodes[key].setSelected(True)
    page.scene.nodes["Z05"].setSelected(False)
    page.refresh()  # as after an edit
    chosen = {i.key for i in page.scene.selectedItems() if hasattr(i, "key")}
    assert chosen == {"Z01", "Z02"}


def test_the_graph_opens_undimmed_when_no_goal_was_chosen(window, qtbot):
    """The table starts on its first row so that the detail has content; that row is no choice
    of the user's: the graph opens on the whole portfolio, no goal chosen, none dimmed by
    „Kette des Ziels“. A goal clicked in the table – even the start's row – is taken."""
    first = window.current_goal()
    assert first and not window.table.goal_chosen
    page = window.feature("graph").page
    window.show_view(page)
    assert page.chain_action.isChecked()
    assert page.scene.selected_node() is None
    assert not [k for k, item in page.scene.nodes.items() if item.node.dimmed]
    window.show_view(window.table)
    view = window.table.view
    index = view.model().index(0, 1)
    assert index.data() and window.current_goal() == first
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    assert window.table.goal_chosen
    assert page.scene.selected_node() == first
    page.refresh()  # a rebuild (as after an edit) keeps it
    assert page.scene.selected_node() == first
    assert [k for k, item in page.scene.nodes.items() if item.node.dimmed]  # its chain stands out
