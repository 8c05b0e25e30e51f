"""„Abbrechen“ for a graph layout running in the worker (10,000 goals take seconds): the bar
shows the step and how far it is, a cancel keeps the picture shown before and writes nothing,
and the compiled network simplex – one call without the GIL – ends on a cancel too."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from sa2030_desktop.domain import graph_compiled, graph_layout, graph_rank, graph_simplex
from sa2030_desktop.domain.selection import Selection
from sa2030_desktop.domain.tasks import Cancelled, CancelToken, bound, current
from sa2030_desktop.gui.graph import page as page_module
from sa2030_desktop.gui.graph.page import GraphPage
from sa2030_desktop.gui.store_bridge import StoreBridge


@pytest.fixture
def page(qtbot, demo_store, monkeypatch):
    monkeypatch.setattr(page_module, "SYNC_LIMIT", 10)  # the demo's layout runs in the worker
    widget = GraphPage(StoreBridge(demo_store), QUndoStack())
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitUntil(lambda: widget.model is not None and not widget.progress.isVisible())
    yield widget
    widget.close()


def _held(monkeypatch) -> threading.Event:
    """The worker's next layout waits inside its step of the layers until it is cancelled."""
    entered, original = threading.Event(), graph_layout._assign_layers

    def waiting(*args):
        entered.set()
        token = current()
        while token is not None and not token.cancelled:
            token._event.wait(0.01)
        return original(*args)

    monkeypatch.setattr(graph_layout, "_assign_layers", waiting)
    return entered


def test_cancel_keeps_the_picture_and_writes_nothing(page, qtbot, monkeypatch):
    store = page.bridge.store
    before = page.view_name()
    changes, kept = len(store.changes()), page.positions.of(before)
    model, items = page.model, dict(page.scene.nodes)
    entered = _held(monkeypatch)
    page.set_options(selection=Selection(theme="TF09"), hops=1)
    qtbot.waitUntil(entered.is_set)
    bar = page.progress
    qtbot.waitUntil(lambda: "Ebenen der Ziele bestimmen" in bar.text.text())
    assert bar.isVisible() and bar.bar.value() > 0
    qtbot.mouseClick(bar.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not bar.isVisible())
    assert page.model is model and page.scene.nodes == items  # the picture before, unchanged
    assert "Layout abgebrochen" in page.message.text() and "vorige Bild" in page.message.text()
    assert len(store.changes()) == changes
    assert page.positions.of(before) == kept
    assert page.positions.of(page.view_name()) == {}  # no places of the cancelled layout
    monkeypatch.undo()  # the next refresh lays out the new filter in full
    monkeypatch.setattr(page_module, "SYNC_LIMIT", 10)
    with qtbot.waitSignal(page.model_ready, timeout=20_000):
        page.refresh(fit=True)
    assert page.model is not model and set(page.scene.nodes) != set(items)


def test_a_newer_layout_takes_over_the_bar(page, qtbot, monkeypatch):
    entered = _held(monkeypatch)
    page.set_options(hops=1)
    qtbot.waitUntil(entered.is_set)
    first = page.progress.task
    page.set_options(hops=2)  # supersedes the first: it is cancelled, no message about it
    assert page.progress.task is not first and first.token.cancelled
    page.progress.cancel()
    qtbot.waitUntil(lambda: not page.progress.isVisible())
    assert "abgebrochen" in page.message.text()


def _chain_with_pivots():
    """A graph whose longest-path start is not optimal: the simplex needs pivots."""
    edges = [(0, 1), (1, 2), (2, 3), (3, 4), (0, 5), (5, 4), (6, 4), (0, 6)]
    tail = np.array([0] + [u + 1 for u, _ in edges], dtype=np.int64)
    head = np.array([1] + [v + 1 for _, v in edges], dtype=np.int64)
    length = np.array([0] + [1] * len(edges), dtype=np.int64)
    return tail, head, length, length.copy(), 8, 200


@pytest.mark.parametrize("compiled", [False, True])
def test_the_network_simplex_ends_when_told_to_stop(compiled):
    solve = graph_simplex.network_simplex
    if compiled:
        kernels = graph_compiled.kernels(wait=True)
        if kernels is None:
            pytest.skip("numba not available")
        solve = kernels.network_simplex
    run = np.zeros(1, dtype=np.int64)
    assert len(solve(*_chain_with_pivots(), run)) == 8
    stop = np.ones(1, dtype=np.int64)
    assert len(solve(*_chain_with_pivots(), stop)) == 0


def test_a_cancelled_token_stops_the_layers_of_a_large_graph(monkeypatch):
    monkeypatch.setattr(graph_rank, "OPTIMAL_FROM", 1)
    calls = []
    real = graph_simplex.network_simplex

    def watched(*args):
        calls.append(int(args[-1][0]))  # the stop flag as the simplex sees it
        return real(*args)

    monkeypatch.setattr(graph_compiled, "kernels", lambda wait=False: None)
    monkeypatch.setattr(graph_simplex, "network_simplex", watched)
    token = CancelToken()
    token.cancel()
    with bound(token), pytest.raises(Cancelled):
        graph_rank.ranks(range(5), [(0, 1), (1, 2), (0, 3), (3, 4)])
    assert calls == [1]
