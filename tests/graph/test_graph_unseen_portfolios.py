"""The graph and its presentation on portfolios unlike the demo (acceptance trial of issue 14):
an empty portfolio, long titles, many cross-ministry dependencies, a large Gesamtbild."""

from __future__ import annotations

import os

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QApplication

from tests.support import unseen
from tests.support.qt import graph_page, presentation_at, window_on

SHOTS = os.environ.get("SA2030_SHOTS")  # a folder: the tests save what they looked at


def _shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(os.path.join(SHOTS, name + ".png"))


def _empty_item(scene):
    item = getattr(scene, "empty_item", None)
    return item if item is not None and item.scene() is scene else None


def test_presentation_of_a_portfolio_without_goals_says_so_not_filter_lockern(
    qtbot, empty_store, isolated_settings
):
    with window_on(qtbot, empty_store) as window:
        page = window.feature("graph").page
        shown = presentation_at(window, qtbot, (1920, 1080))
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


def test_fit_all_of_long_titles_scrolls_nowhere(qtbot, tmp_path, isolated_settings):
    with window_on(qtbot, unseen.plong(tmp_path / "plong.sa2030")) as window:
        page = graph_page(window, qtbot)
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


def test_fit_held_at_the_zoom_limit_keeps_its_scroll_bars(qtbot, tmp_path, isolated_settings):
    """10,000 goals do not fit even at the smallest zoom: without bars the rest of the picture
    could not be reached by scrolling. (A raised zoom limit stands in for the huge graph.)"""
    with window_on(qtbot, unseen.plong(tmp_path / "plong.sa2030")) as window:
        page = graph_page(window, qtbot)
        view = page.view
        view.min_zoom = view.zoom() * 3  # the fit cannot zoom out far enough
        view.fit_all()
        QApplication.processEvents()
        sight = view.mapToScene(view.viewport().rect()).boundingRect()
        assert not sight.contains(page.scene.content_rect())
        assert view.horizontalScrollBar().isVisible()
        assert view.horizontalScrollBar().maximum() > 0


def _drawn_labels(scene) -> list[tuple[object, QRectF]]:
    """The conflict labels drawn now, each with its box in scene units (without the margin)."""
    drawn = []
    for item in scene.edges.values():
        label = item.label if item.edge.conflict else None
        if label is None or not label.isVisible() or label.boundingRect().isEmpty():
            continue
        rect = label.boundingRect().adjusted(1, 1, -1, -1)
        z = label.zoom
        size = QRectF(0, 0, rect.width() / z, rect.height() / z)
        size.moveCenter(label.pos())
        drawn.append((label, size))
    return drawn


def _covered(scene) -> tuple[list, list]:
    boxes = [n.mapRectToScene(n.box()) for n in scene.nodes.values() if n.isVisible()]
    drawn = _drawn_labels(scene)
    on_goal = [lb.edge_item.edge.id for lb, r in drawn if any(r.intersects(b) for b in boxes)]
    on_label = [
        (a.edge_item.edge.id, b.edge_item.edge.id)
        for i, (a, ra) in enumerate(drawn)
        for b, rb in drawn[i + 1 :]
        if ra.intersects(rb)
    ]
    return on_goal, on_label


def test_dense_conflicts_at_fit_all_cover_no_goal_and_no_label(qtbot, tmp_path, isolated_settings):
    """343 dependencies across 9 ministries fitted into the window: where not even the „⚠“ finds
    room on its route, the label draws nothing (the edge stays red and thick, with its
    tooltip) instead of covering goals; zoomed in, the labels come back."""
    with window_on(qtbot, unseen.pdense(tmp_path / "pdense.sa2030")) as window:
        page = graph_page(window, qtbot)
        _shot(page, "pdense_fit")
        scene = page.scene
        conflicts = [e for e in scene.edges.values() if e.edge.conflict]
        assert len(conflicts) > 50
        drawn = _drawn_labels(scene)
        assert len(drawn) >= 10  # some still say it in the picture
        assert _covered(scene) == ([], [])
        roomless = [e.label for e in conflicts if e.label.roomless]
        assert roomless and all(e.label.toolTip() for e in conflicts)
        page.view.set_zoom(1.5)
        QApplication.processEvents()
        assert _covered(scene) == ([], [])
        assert len(_drawn_labels(scene)) >= 1


def test_gesamtbild_of_220_goals_keeps_lane_names_readable_and_boxes_free(
    qtbot, tmp_path, isolated_settings
):
    """One ministry of 200 goals and 20 goals of eight others: the Gesamtbild is fitted so small
    that the lanes' own names shrank to „M…“ and ⚠ covered the boxes. The names stand in a
    strip left of the picture at 18 pt, whole; no marker covers a goal."""
    with window_on(qtbot, unseen.pwhole(tmp_path / "pwhole.sa2030")) as window:
        graph_page(window, qtbot)
        shown = presentation_at(window, qtbot, (1920, 1080))
        shown.go(len(shown.groups))  # to the Gesamtbild
        QApplication.processEvents()
        assert shown.is_overall()
        _shot(shown, "pwhole_gesamtbild")
        view, scene = shown.view, shown.scene
        assert view.zoom() < shown._readable_zoom()  # the lanes' own names would be tiny
        names = view.lane_names
        ratio = max(1.0, view.devicePixelRatioF())
        assert names.font.pixelSize() * ratio >= 24  # 18 pt on the projector
        lanes = {lane.value: lane.label for lane in scene.lanes}
        assert len(lanes) == 9
        texts = dict(zip([lane.value for lane in names.lanes], names.texts, strict=True))
        assert texts.keys() == lanes.keys()
        assert all(texts[v] in (lanes[v], v) and "…" not in texts[v] for v in lanes)
        for _text, rect in names.text_rects(view):
            assert rect.right() <= names.width and rect.left() >= 0
        boxes = [
            view.mapFromScene(n.sceneBoundingRect()).boundingRect() for n in scene.nodes.values()
        ]
        assert min(b.left() for b in boxes) >= names.width  # no goal under the strip
        assert max(b.right() for b in boxes) <= view.viewport().width()  # nor cut at the right
        assert _covered(scene) == ([], [])
        shown.go(-len(shown.groups))  # a step at the reading size: no strip
        QApplication.processEvents()
        assert not view.lane_names.width
        shown.close()
