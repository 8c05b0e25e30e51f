"""Lane names of the graph at fit-all (issue 14): with Themenfeld lanes at 1366×768 every name
was cut to „TF0…“ – the whole name does not fit the name column at the reading size, but the
code does. Zoomed out, a lane shows its whole name, else its code, smaller if need be, and is
cut only where not even that fits."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from sa2030_desktop.gui.graph.items import MIN_NAME_PIXELS
from tests.support.qt import graph_page


@pytest.mark.parametrize("lanes", [1, 2], ids=["Federfuehrung", "Themenfeld"])
def test_lane_names_at_fit_all_are_whole(window, qtbot, lanes):
    window.resize(1366, 740)
    page = graph_page(window, qtbot)
    page.lanes.setCurrentIndex(lanes)
    qtbot.waitUntil(lambda: page.scene.lanes and not page.view.fit_pending, timeout=20000)
    page.view.fit_all()
    QApplication.processEvents()
    zoom = page.view.zoom()
    assert zoom < 0.6  # zoomed out: the names at a size of their own
    for lane in page.scene.lanes:
        font, text = lane.zoomed_name(zoom)
        assert "…" not in text
        assert text in (lane.label, lane.value)
        assert font.pixelSize() * zoom >= MIN_NAME_PIXELS - 0.5
