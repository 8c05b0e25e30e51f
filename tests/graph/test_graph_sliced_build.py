"""A graph of thousands of goals is built between event-loop turns (gui/graph/scene_build.py):
the window answers meanwhile, and the picture is the one the one-go build makes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer

from sa2030_desktop.domain.graph_view import GraphOptions
from sa2030_desktop.gui.graph.jobs import compute_now
from sa2030_desktop.gui.graph.scene import GraphScene
from sa2030_desktop.gui.graph.scene_build import SLICED_FROM


@pytest.fixture(scope="module")
def big_model(tmp_path_factory):
    """A laid-out view of 1,500 synthetic goals (about 3,000 dependencies), lanes by ministry."""
    from benchmarks.generate import portfolio_file
    from sa2030_desktop.services.portfolio import default_as_of, open_portfolio

    store = open_portfolio(portfolio_file(tmp_path_factory.mktemp("big"), 1500))
    try:
        portfolio = store.snapshot()
        as_of = default_as_of(portfolio, None)
        return lambda: compute_now(portfolio, GraphOptions(swimlanes="lead"), as_of, {})[0]
    finally:
        store.close()


def _picture(scene: GraphScene) -> dict:
    """What the user sees: every item with its place, route and label."""
    return {
        "lanes": [(lane.value, lane.rect.getRect()) for lane in scene.lanes],
        "nodes": {
            k: (i.pos().x(), i.pos().y(), i.boundingRect().getRect())
            for k, i in scene.nodes.items()
        },
        "edges": {
            k: (
                [
                    (e.x, e.y)
                    for e in (i.path().elementAt(j) for j in range(i.path().elementCount()))
                ],
                i.label is not None and i.label.scene() is scene,
            )
            for k, i in scene.edges.items()
        },
        "rect": scene.sceneRect().getRect(),
        "items": len(scene.items()),
    }


def test_a_big_scene_yields_to_the_event_loop_and_equals_the_one_go_build(qtbot, big_model):
    model = big_model()
    assert len(model.nodes) == 1500 >= SLICED_FROM
    whole = GraphScene()
    whole.set_model(big_model())

    sliced = GraphScene()
    ticks, hints, done = [], [], []
    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(lambda: ticks.append(len(sliced.edges)))
    sliced.build_progress.connect(lambda text: hints.append(text))
    timer.start()
    sliced.set_model_sliced(model, done=lambda: done.append(len(sliced.edges)))
    assert sliced.building() and not done  # only the first slice ran
    qtbot.waitUntil(lambda: bool(done), timeout=60_000)
    timer.stop()

    assert not sliced.building()
    assert done == [len(model.edges)]  # `done` once, with every edge in
    # the timer fired while the build was half way: the event loop ran between slices
    assert [t for t in ticks if 0 < t < len(model.edges)]
    assert hints and all(h.startswith("Graph wird aufgebaut … ") for h in hints)
    assert _picture(sliced) == _picture(whole)


def test_a_newer_model_cancels_the_build_in_progress(qtbot, big_model):
    scene = GraphScene()
    done = []
    scene.set_model_sliced(big_model(), done=lambda: done.append("alt"))
    assert scene.building()
    newer = big_model()
    scene.set_model(newer)  # a newer layout arrives: it replaces the half-built picture
    assert not scene.building()
    qtbot.wait(50)
    assert done == []  # the older build never finishes
    assert set(scene.nodes) == set(newer.nodes) and len(scene.edges) == len(newer.edges)
    assert all(i.scene() is scene for i in scene.nodes.values())


def test_items_added_after_the_view_zoomed_out_into_the_overview_stay_hidden(qtbot, big_model):
    """Zoomed out during the build, the view draws the overview picture: goals and edges that
    come later must not be drawn over it."""
    scene = GraphScene()
    done = []
    scene.set_model_sliced(big_model(), done=lambda: done.append(True))
    assert scene.building()
    scene.set_overview(True)
    qtbot.waitUntil(lambda: bool(done), timeout=60_000)
    shown = [k for k, i in {**scene.nodes, **scene.edges}.items() if i.isVisible()]
    assert shown == []
    scene.set_overview(False)
    assert all(i.isVisible() for i in scene.nodes.values())
