"""The Gesamtbild of the presentation (issue 14): the strip of lane names at 18 pt stands
directly left of the picture – not at the screen's edge with a gap, where the lanes' own tiny
names showed between strip and picture – and no conflict label lies under it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QApplication

from tests.support.qt import presentation_at


def _label_rects(view) -> list[QRectF]:
    rects = []
    for item in view.scene().edges.values():
        label = item.label
        if label is None or not label.isVisible() or label.roomless:
            continue
        centre = view.mapFromScene(label.pos())
        box = label.boundingRect()
        rects.append(box.translated(centre.x(), centre.y()))
    return rects


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("theme", ["hell", "dunkel"])
def test_lane_names_beside_the_picture_and_no_label_under_them(window, qtbot, size, theme):
    present = presentation_at(window, qtbot, size)
    if theme == "dunkel":
        present._command("theme")
    present._command("last")
    QApplication.processEvents()
    assert present.is_overall()
    view, names = present.view, present.view.lane_names
    assert names.width > 0  # the demo's Gesamtbild is below the reading size
    strip_right = names.x + names.width
    boxes = [
        view.mapFromScene(n.mapRectToScene(n.box())).boundingRect()
        for n in present.scene.nodes.values()
    ]
    first = min(b.left() for b in boxes)
    assert 0 <= first - strip_right <= 60, (strip_right, first)  # beside it, no gap
    assert max(b.right() for b in boxes) <= view.viewport().width()
    for lane in present.scene.lanes:  # the lanes' own small names lie under the strip
        assert view.mapFromScene(lane.rect.topLeft()).x() <= strip_right + 1
    strip = QRectF(0, 0, strip_right, view.viewport().height())
    assert not [r for r in _label_rects(view) if r.intersects(strip)]
    present.close()
