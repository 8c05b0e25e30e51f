"""Thousands of goals in the graph tab without long stalls (gui/graph/label_sight.py,
overview.py, scene_build.py): what the scene derives while it builds – its extent, the overview
picture, which conflict labels are shown – must be what a walk over all items would find."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QTransform
from PySide6.QtWidgets import QGraphicsView

from sa2030_desktop.gui.graph.conflict_label import READING_PX
from sa2030_desktop.gui.graph.overview import OverviewPicture
from sa2030_desktop.gui.graph.scene import GraphScene
from sa2030_desktop.gui.graph.scene_build import MARGIN, expected_rect
from sa2030_desktop.gui.graph.view import GraphView
from tests.graph.test_graph_sliced_build import big_model  # noqa: F401 (a fixture)


def _walked(scene: GraphScene) -> QRectF:
    """What itemsBoundingRect() finds for the lanes, goals and edges."""
    rect = QRectF()
    for items in (scene.lanes, scene.nodes.values(), scene.edges.values()):
        for item in items:
            rect = rect.united(item.sceneBoundingRect())
    return rect


def test_the_extent_is_known_from_the_build_and_follows_a_moved_goal(qtbot, big_model):  # noqa: F811
    scene = GraphScene()
    model = big_model()
    scene.set_model(model)
    assert scene.content_rect() == _walked(scene)
    # the index was made for the rectangle the layout fills; the build did not change it
    assert scene.sceneRect() == expected_rect(model)
    assert scene.sceneRect().contains(scene.content_rect().adjusted(-MARGIN, -MARGIN, 0, 0))
    key = next(iter(scene.nodes))
    far = scene.content_rect().right() + 5000
    scene.apply_positions({key: (far, 0.0)})
    assert scene.content_rect() == _walked(scene)
    assert scene.content_rect().right() > far


def _drawn(picture: OverviewPicture, scene: GraphScene) -> QImage:
    image = QImage(800, 300, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    rect = scene.sceneRect()  # (set before the build: the same during it and after)
    scale = min(800 / rect.width(), 300 / rect.height())
    painter.setTransform(QTransform.fromScale(scale, scale).translate(-rect.left(), -rect.top()))
    picture.paint(painter)
    painter.end()
    return image


def test_the_overview_built_in_slices_is_the_picture_of_all_items(qtbot, big_model):  # noqa: F811
    """Drawn from the layout before the first goal's item is added: zoomed out, the whole graph
    shows while the items are still coming."""
    scene = GraphScene()
    done, early = [], []

    def progress(_hint: str) -> None:
        if scene.nodes and not early:
            early.append(_drawn(scene.overview, scene))

    scene.build_progress.connect(progress)
    scene.set_model_sliced(big_model(), done=lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=60_000)
    whole = OverviewPicture()
    whole.rebuild(scene)
    scene.overview.refresh(scene)
    assert _drawn(scene.overview, scene) == _drawn(whole, scene)
    assert early == [_drawn(whole, scene)]

    # a chain highlighted: only the changing part is drawn again, the same as from scratch
    chain = set(list(scene.nodes)[:40])
    scene.set_highlight(chain)
    assert scene.overview.dirty
    scene.overview.refresh(scene)
    whole.rebuild(scene)
    assert _drawn(scene.overview, scene) == _drawn(whole, scene)
    assert _drawn(scene.overview, scene) != _drawn(OverviewPicture(), scene)  # (drawn at all)


@pytest.fixture
def view(qtbot, big_model):  # noqa: F811
    scene = GraphScene()
    scene.set_model(big_model())
    view = GraphView(scene)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    view.fit_all()
    return view


def _labels(scene: GraphScene) -> list:
    return [e.label for e in scene.edges.values() if e.label is not None]


def _near(view: QGraphicsView, label) -> bool:
    """The label's edge is within a leader's reach of the view's sight."""
    from sa2030_desktop.gui.graph.label_sight import SHOWN_PX

    pad = SHOWN_PX / view.transform().m11()
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    return label.edge_item.sceneBoundingRect().intersects(seen.adjusted(-pad, -pad, pad, pad))


def test_zoomed_out_no_label_is_shown_and_in_sight_each_shown_label_is_placed(view):
    scene = view.scene()
    labels = _labels(scene)
    assert len(labels) > 100 and scene.overview_on
    assert not [lb for lb in labels if lb.isVisible()]  # the overview draws no label

    view.set_zoom(1.0)
    view.centerOn(scene.content_rect().center())
    shown = [lb for lb in labels if lb.isVisible()]
    assert shown and len(shown) < len(labels) / 3
    assert shown == [lb for lb in labels if _near(view, lb)]
    for label in shown:
        assert label.placed() and label.pixel_size() == READING_PX


def test_a_label_out_of_sight_while_the_zoom_changed_searches_when_it_comes_into_sight(view):
    """Labels out of sight are not visited at a zoom step; coming into sight later they have
    the size of the zoom now and a place free of goals, as if told at every step."""
    scene = view.scene()
    labels = _labels(scene)
    content = scene.content_rect()
    view.set_zoom(1.0)
    view.centerOn(QPointF(content.left() + 400, content.center().y()))
    left = {id(lb) for lb in labels if lb.isVisible()}
    view.set_zoom(2.5)  # the goals' text at 25 px: labels in sight grow with it
    view.centerOn(QPointF(content.right() - 400, content.center().y()))
    shown = [lb for lb in labels if lb.isVisible()]
    assert shown and not left & {id(lb) for lb in shown}  # another part of the picture
    grid = scene.box_grid()
    for label in shown:
        assert label.placed() and label.pixel_size() >= 25
        if label.text() == "Konflikt" and not label.has_leader():
            assert not grid.covers(label.scene_rect().adjusted(1, 1, -1, -1))


def test_a_large_graph_is_zoomed_out_while_it_builds_and_its_goals_come_hidden(
    qtbot, tmp_path, isolated_settings
):
    """Fitted ahead to the rectangle the layout fills: the overview from the first slices on,
    so the goals and edges are added hidden (not hidden all at once after the build) and the
    view does not jump when the build ends."""
    from PySide6.QtGui import QUndoStack

    from benchmarks.generate import portfolio_file
    from sa2030_desktop.gui.graph.page import GraphPage
    from sa2030_desktop.gui.store_bridge import StoreBridge
    from sa2030_desktop.services.portfolio import open_portfolio

    bridge = StoreBridge(open_portfolio(portfolio_file(tmp_path, 1500)))
    page = GraphPage(bridge, QUndoStack())
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.scene.building(), timeout=60_000)
    assert page.scene.overview_on
    zoom = page.view.zoom()
    seen = []
    page.scene.build_progress.connect(
        lambda _t: seen.append([i.isVisible() for i in page.scene.nodes.values()])
    )
    qtbot.waitUntil(lambda: page.model is not None and not page.scene.building(), timeout=60_000)
    assert seen and not any(any(shown) for shown in seen)  # hidden as they came
    assert len(page.scene.nodes) == 1500
    assert page.view.zoom() == pytest.approx(zoom, rel=0.05)  # the fit after the build
    assert page.scene.overview_on
    page.close()
    bridge.close()


def test_the_overview_tells_each_goals_status_by_a_sign_where_the_boxes_hold_a_word(view):
    """Zoomed out to 0.3 a large graph is the overview picture; its boxes carry the key and the
    status sign as the goals' own boxes do from LOD_KEY on (status never by colour alone)."""
    from sa2030_desktop.gui.graph.items import LOD_KEY, STATUS_SIGN

    scene = view.scene()
    view.set_zoom(0.3)
    view.centerOn(scene.content_rect().center())
    assert scene.overview_on
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    items = scene.nodes.values()
    in_sight = [i.node for i in items if i.mapRectToScene(i.box()).intersects(seen)]
    texts = {text for _box, text, _colour in scene.overview.keys_in(seen, 0.3)}
    assert in_sight and len(texts) == len(in_sight)
    for node in in_sight:
        sign = STATUS_SIGN[node.status.value]
        assert f"{node.key} {sign}".strip() in texts
    assert {node.status.value for node in in_sight} >= {"delayed", "at_risk", "done"}
    assert scene.overview.keys_in(seen, LOD_KEY * 0.9) == []  # too small for a word
