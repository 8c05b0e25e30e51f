"""A conflict label that finds no free place draws nothing (it never covers a goal or another
label, 28d14f1) – but no information may vanish silently: the graph's info line and the
presentation's legend say how many conflicts in sight have no room for their label, and the
count goes when zooming in gives them room."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from sa2030_desktop.gui.graph import actions
from tests.support import unseen
from tests.support.qt import graph_page, window_on


def _roomless_in_sight(view) -> int:
    scene = view.scene()
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    return sum(
        1
        for e in scene.edges.values()
        if e.label is not None
        and e.isVisible()
        and e.label.roomless
        and e.sceneBoundingRect().intersects(seen)
    )


def test_conflicts_without_room_are_counted_in_the_info_line(qtbot, tmp_path, isolated_settings):
    with window_on(qtbot, unseen.pdense(tmp_path / "pdense.sa2030")) as window:
        page = graph_page(window, qtbot)
        count = _roomless_in_sight(page.view)
        assert count >= 2
        note = page.roomless_note
        assert note.isVisible()
        assert note.text().startswith(f"{count} Konflikte ohne Platz")
        assert note.accessibleName()  # a screen reader finds it too
        page.view.set_zoom(3.0)  # zoomed in: room for the labels in sight
        page.view.centerOn(next(iter(page.scene.nodes.values())))
        QApplication.processEvents()
        count = _roomless_in_sight(page.view)
        assert note.isVisible() == bool(count)
        if count:
            assert note.text().startswith(f"{count} Konflikt")


def test_the_presentation_legend_counts_them_too(qtbot, tmp_path, isolated_settings):
    with window_on(qtbot, unseen.pdense(tmp_path / "pdense.sa2030")) as window:
        page = graph_page(window, qtbot)
        shown = actions.start_presentation(page)
        qtbot.addWidget(shown)
        shown.showNormal()
        shown.resize(1920, 1080)
        qtbot.waitExposed(shown)
        QApplication.processEvents()
        shown.go(len(shown.groups))  # the Gesamtbild: 343 dependencies on one screen
        QApplication.processEvents()
        count = _roomless_in_sight(shown.view)
        assert count >= 1
        said = "1 Konflikt ohne Platz" if count == 1 else f"{count} Konflikte ohne Platz"
        assert said in shown.legend.info.text()
        shown.close()


def test_the_count_follows_moved_goals(qtbot, tmp_path, isolated_settings):
    """Goals moved (a drag, or a move undone: both go through the scene's positions) carry
    their conflicts' labels to other places: the info line counts again without a zoom."""
    with window_on(qtbot, unseen.pdense(tmp_path / "pdense.sa2030")) as window:
        page = graph_page(window, qtbot)
        before = _roomless_in_sight(page.view)
        assert page.view.roomless == before >= 2
        spread = {k: (x * 4, y * 4) for k, (x, y) in page.scene.positions().items()}
        page.scene.apply_positions(spread)  # room between the goals: labels find places
        QApplication.processEvents()
        after = _roomless_in_sight(page.view)
        assert after != before
        assert page.view.roomless == after
        assert page.roomless_note.isVisible() == bool(after)
