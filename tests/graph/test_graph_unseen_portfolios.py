"""The graph and its presentation on portfolios unlike the demo (acceptance trial of issue 14):
an empty portfolio, long titles, many cross-ministry dependencies, a large Gesamtbild."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QApplication

from sa2030_desktop.gui.graph import actions
from tests.support import unseen
from tests.support.qt import window_on

SHOTS = os.environ.get("SA2030_SHOTS")  # a folder: the tests save what they looked at


def _shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(os.path.join(SHOTS, name + ".png"))


def _empty_item(scene):
    item = getattr(scene, "empty_item", None)
    return item if item is not None and item.scene() is scene else None


def _present(page, qtbot, size=(1920, 1080)):
    page.window().tabs.setCurrentWidget(page)
    shown = actions.start_presentation(page)
    qtbot.addWidget(shown)
    shown.showNormal()
    shown.resize(*size)
    qtbot.waitExposed(shown)
    QApplication.processEvents()
    return shown


def test_presentation_of_a_portfolio_without_goals_says_so_not_filter_lockern(
    qtbot, empty_store, isolated_settings
):
    with window_on(qtbot, empty_store) as window:
        page = window.feature("graph").page
        shown = _present(page, qtbot)
        _shot(shown, "pempty_presentation")
        said = _empty_item(shown.scene).toPlainText()
        assert "noch keine Ziele" in said
        assert "Neues Ziel" in said  # what to do
        assert "Filter lockern" not in said
        shown.close()
        # the graph tab tells the same (its empty state is the same item)
        page.refresh(fit=True)
        qtbot.waitUntil(lambda: _empty_item(page.scene) is not None, timeout=5000)
        said = _empty_item(page.scene).toPlainText()
        assert "noch keine Ziele" in said and "Filter lockern" not in said


def test_a_selection_without_goals_still_suggests_loosening_filters(window, qtbot):
    page = window.feature("graph").page
    scene = page.scene
    from sa2030_desktop.gui.graph.scene_build import why_empty

    text = why_empty(scene, window.bridge.snapshot(), "Keine Ziele in dieser Auswahl.")
    assert text == "Keine Ziele in dieser Auswahl." and scene.empty_advice is None


def _graph(window, qtbot):
    page = window.feature("graph").page
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.scene.nodes and not page.view.fit_pending, timeout=20000)
    QApplication.processEvents()
    return page


def test_fit_all_of_long_titles_scrolls_nowhere(qtbot, tmp_path, isolated_settings):
    with window_on(qtbot, unseen.plong(tmp_path / "plong.sa2030")) as window:
        page = _graph(window, qtbot)
        view = page.view
        _shot(page, "plong_fit")
        assert view.auto_fit
        assert not view.horizontalScrollBar().isVisible()
        assert not view.verticalScrollBar().isVisible()
        sight = view.mapToScene(view.viewport().rect()).boundingRect()
        assert sight.contains(page.scene.content_rect())  # all of it in sight, none cut off
        view.zoom_by(3)  # zoomed in, the picture scrolls again
        QApplication.processEvents()
        assert view.horizontalScrollBar().isVisible()
        view.fit_all()  # „Einpassen“
        QApplication.processEvents()
        assert not view.horizontalScrollBar().isVisible()
