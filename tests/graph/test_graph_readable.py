"""Issue 14 item 3: the graph in the window reads at the reading size. Conflict labels are at
least 12 pt (16 px) on screen and never smaller than the goals' text, they cover no goal and lie
above the edges; an edge of the graph fitted into a laptop window is at least 1.5 px wide."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor

from sa2030_desktop.domain import graph_layout as gl
from sa2030_desktop.gui.graph.conflict_label import PROJECTOR_PX, READING_PX

LAPTOP = (1366 - 29, 768)  # the window's width less the folded detail's strip


@pytest.fixture
def page(window, qtbot):
    window.resize(*LAPTOP)
    page = window.feature("graph").page
    window.show_view(page)
    qtbot.waitUntil(lambda: page.view.isVisible() and bool(page.scene.edges))
    page.view.fit_all()
    return page


def _labels(page):
    labels = [e.label for e in page.scene.edges.values() if e.edge.conflict]
    assert len(labels) == 4  # the demo's four date conflicts
    return labels


def _on_screen(page, label) -> QRectF:
    centre = page.view.mapFromScene(label.pos())
    return label.boundingRect().translated(QPointF(centre))


def _node_boxes(page) -> list[QRectF]:
    view = page.view
    return [
        QRectF(view.mapFromScene(n.mapRectToScene(n.box())).boundingRect())
        for n in page.scene.nodes.values()
    ]


@pytest.mark.parametrize("zoom", [None, 1.0, 2.5])  # None: fit-all in a laptop window
def test_conflict_labels_read_at_the_reading_size_and_cover_no_goal(page, qtbot, zoom):
    if zoom is not None:
        page.view.set_zoom(zoom)
    goals_px = gl.FONT_SIZE * page.view.zoom()  # the goals' text on screen
    boxes = _node_boxes(page)
    shown = [label for label in _labels(page) if label.isVisible()]
    assert len(shown) >= 2  # (labels far out of sight are hidden: gui/graph/label_sight.py)
    for label in shown:
        assert label.pixel_size() >= READING_PX  # 12 pt
        assert label.pixel_size() >= goals_px - 0.5
        assert label.text() in ("Konflikt", "⚠")
        assert label.zValue() > max(e.zValue() for e in page.scene.edges.values())
        assert label.zValue() > max(n.zValue() for n in page.scene.nodes.values())
        rect = _on_screen(page, label)
        assert not [b for b in boxes if b.intersects(rect)], label.edge_item.edge.id
    if zoom == 2.5:  # zoomed in there is room: the word, at the goals' size
        assert all(lb.text() == "Konflikt" for lb in shown)
        assert all(lb.pixel_size() >= 25 for lb in shown)


def test_a_label_keeps_its_size_on_screen_however_far_out(page, qtbot):
    page.view.set_zoom(0.3)
    for label in _labels(page):
        assert label.pixel_size() == READING_PX
        assert "Tage zu spät" in label.toolTip()


def test_the_projector_reads_18_pt(page, qtbot):
    from sa2030_desktop.gui.graph.conflict_label import ConflictLabel
    from sa2030_desktop.gui.graph.style import Style

    edge = next(e for e in page.scene.edges.values() if e.edge.conflict)
    label = ConflictLabel(edge, Style(presentation=True))
    label.set_zoom(0.5)
    assert label.pixel_size() == PROJECTOR_PX


def _ink(image, colour: QColor, x: int, y0: int, y1: int) -> float:
    """How many pixels of edge colour a column holds (antialiased pixels count in part)."""
    edge = colour.lightness()
    total = 0.0
    for y in range(y0, y1):
        total += max(0.0, (255 - image.pixelColor(x, y).lightness()) / (255 - edge))
    return total


@pytest.mark.parametrize("zoom", [None, 0.9])  # fit-all; a larger window's fit (text shown)
def test_edges_of_the_fitted_graph_are_at_least_1_5_px(page, qtbot, zoom):
    scene, view = page.scene, page.view
    if zoom is not None:
        view.set_zoom(zoom)
    # a plain hard edge between two goals on one row, nothing else in the gap between them
    for item in scene.edges.values():
        a, b = item.source, item.target
        if item.edge.conflict or a.pos().y() != b.pos().y():
            continue
        left, right = (a, b) if a.pos().x() < b.pos().x() else (b, a)
        x0 = left.mapRectToScene(left.box()).right()
        x1 = right.mapRectToScene(right.box()).left()
        third = (x1 - x0) / 3
        gap = QRectF(QPointF(x0 + third, a.pos().y() - 10), QPointF(x1 - third, a.pos().y() + 10))
        others = scene.items(gap, Qt.ItemSelectionMode.IntersectsItemShape)
        if [i for i in others if i is not item and i.zValue() >= 1]:
            continue
        break
    else:
        pytest.fail("no plain edge alone between two goals of one row")
    view.centerOn(gap.center())
    assert view.viewport().rect().contains(view.mapFromScene(gap.center()))
    image = view.viewport().grab().toImage()
    colour = scene.style.colour("edge_hard" if item.edge.kind.value == "hard" else "edge_soft")
    left, right = view.mapFromScene(gap.topLeft()), view.mapFromScene(gap.bottomRight())
    y = (left.y() + right.y()) // 2
    # the widest column of the middle third (a soft edge is dashed: some columns are gaps)
    third = (right.x() - left.x()) // 3
    ink = max(
        _ink(image, colour, x, y - 8, y + 8) for x in range(left.x() + third, right.x() - third)
    )
    assert ink >= 1.4, (item.edge.id, ink)


def test_labels_coming_into_sight_as_the_view_grows_find_their_place(window, qtbot):
    """The window widened (maximized, the detail folded) without a scroll or zoom: the labels
    now in sight are placed for this zoom – not left where the fitted small window put them,
    with a leader line that no longer reaches the word."""
    window.resize(900, 600)
    page = window.feature("graph").page
    window.show_view(page)
    qtbot.waitUntil(lambda: page.view.isVisible() and bool(page.scene.edges))
    view = page.view
    view.fit_all()
    assert any(label.has_leader() for label in _labels(page))  # no room on the routes
    view.centerOn(page.scene.sceneRect().topLeft())
    view.set_zoom(2.5)
    view.centerOn(page.scene.sceneRect().topLeft())

    def in_sight():
        seen = view.mapToScene(view.viewport().rect()).boundingRect()
        return [lb for lb in _labels(page) if lb.edge_item.sceneBoundingRect().intersects(seen)]

    before = in_sight()
    window.resize(1900, 600)  # wider only: the scroll position stays where it is
    qtbot.waitUntil(lambda: view.viewport().width() > 1100)
    assert [lb for lb in in_sight() if lb not in before]  # a conflict edge came into sight
    boxes = _node_boxes(page)
    for label in in_sight():
        name = label.edge_item.edge.id
        rect = _on_screen(page, label)
        assert label.text() == "Konflikt", name  # zoomed in there is room for the word
        assert not [b for b in boxes if b.intersects(rect)], name
        if label.has_leader():  # the line starts at the word's border
            start = QPointF(view.mapFromScene(label.leader.line()[0]))
            assert rect.adjusted(-3, -3, 3, 3).contains(start), name
            assert not rect.adjusted(3, 3, -3, -3).contains(start), name


@pytest.mark.parametrize("size", [LAPTOP, (1920, 1080)])
def test_at_fit_all_every_conflict_reads_the_word(window, qtbot, size):
    """The gaps between the boxes are narrower than „Konflikt“: the word goes to the nearest
    free place in sight with a leader line to its edge, instead of a ⚠ with a tooltip."""
    window.resize(*size)
    page = window.feature("graph").page
    window.show_view(page)
    qtbot.waitUntil(lambda: page.view.isVisible() and bool(page.scene.edges))
    page.view.fit_all()
    view = page.view
    boxes = _node_boxes(page)
    rects = []
    for label in _labels(page):
        name = label.edge_item.edge.id
        assert label.text() == "Konflikt", name
        rect = _on_screen(page, label)
        assert view.viewport().rect().contains(rect.toRect()), name  # in sight
        assert not [b for b in boxes if b.intersects(rect)], name
        assert not [r for r in rects if r.intersects(rect)], name  # labels apart
        rects.append(rect)
        line = label.leader.line()
        if line is None:  # on its route
            assert label.edge_item.shape().contains(label.pos()) or label.has_leader() is False
            continue
        start, end = (QPointF(view.mapFromScene(p)) for p in line)
        assert label.edge_item.shape().contains(line[1]), name  # it leads to the edge
        assert (start - rect.center()).manhattanLength() <= rect.width(), name  # from the word
        for t in range(1, 20):  # through no goal's box
            point = start + (end - start) * (t / 20)
            assert not [b for b in boxes if b.contains(point)], name
    assert sum(1 for lb in _labels(page) if lb.has_leader()) >= 1


def test_with_many_conflicts_in_sight_labels_stay_on_their_routes(window, qtbot, monkeypatch):
    """Leader lines for dozens of labels would clutter the picture (and stall a zoom step at
    1,000 goals): over MAX_LEADERS labels in sight, those without room on the route read ⚠."""
    from sa2030_desktop.gui.graph import label_sight

    monkeypatch.setattr(label_sight, "MAX_LEADERS", 3)  # the demo has four
    window.resize(*LAPTOP)
    page = window.feature("graph").page
    window.show_view(page)
    qtbot.waitUntil(lambda: page.view.isVisible() and bool(page.scene.edges))
    page.view.fit_all()
    labels = _labels(page)
    assert not [lb for lb in labels if lb.has_leader() or lb.leader.line() is not None]
    assert "⚠" in [lb.text() for lb in labels]


def test_labels_of_a_dense_portfolio_stand_apart(qtbot, tmp_path, isolated_settings):
    """150 synthetic goals with 100 date conflicts at the reading zoom: where routes crowd,
    two labels never cover each other (nor a goal)."""
    from benchmarks.generate import portfolio_file
    from sa2030_desktop.services.portfolio import open_portfolio
    from tests.support.qt import window_on

    with window_on(qtbot, open_portfolio(portfolio_file(tmp_path, 150))) as window:
        window.resize(*LAPTOP)
        page = window.feature("graph").page
        window.show_view(page)
        qtbot.waitUntil(lambda: page.model is not None and bool(page.scene.edges), timeout=30000)
        view = page.view
        view.set_zoom(1.0)
        checked = 0
        area = page.scene.sceneRect()
        for x in (0.3, 0.5, 0.7):  # three places in the picture
            view.centerOn(QPointF(area.left() + x * area.width(), area.center().y()))
            boxes = _node_boxes(page)
            port = QRectF(view.viewport().rect())
            rects = []
            for edge in page.scene.edges.values():
                label = edge.label
                if label is None or not edge.isVisible():
                    continue
                rect = _on_screen(page, label)
                if not port.intersects(rect):
                    continue
                assert label.pixel_size() >= READING_PX
                assert not [b for b in boxes if b.intersects(rect)], edge.edge.id
                assert not [r for r in rects if r.intersects(rect)], edge.edge.id
                rects.append(rect)
            checked += len(rects)
        assert checked >= 20
