"""The keyboard goal's focus frame is clearly visible in every theme (BITV 2.0, WCAG 2.4.7 and
1.4.11): a solid, unbroken ring at least 4 px thick on the projector (3 px in the window's
graph), in the theme's focus colour (≥ 3:1 to the background), set off from the selection's
border by a gap – on the dark projector theme the thin dashed frame touched the selected box's
violet border and the two ran together."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from sa2030_desktop.domain.contrast import GRAPHIC_MIN, contrast_ratio
from sa2030_desktop.gui.graph.style import DARK, LIGHT
from tests.support.qt import presentation_at


def _near(a: QColor, b: QColor, tolerance: int = 60) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < (
        tolerance
    )


def _ring_runs(view, key: str, colour: str) -> list[int]:
    """For columns across the goal's box: the longest run of focus-coloured pixels directly
    above the box (within 16 px), in device pixels of the grabbed viewport."""
    QApplication.processEvents()
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    item = view.scene().nodes[key]
    box = view.mapFromScene(item.mapRectToScene(item.box())).boundingRect()
    focus, runs = QColor(colour), []
    top = int(box.top() * ratio)
    for i in range(1, 20):
        x = int((box.left() + box.width() * (0.1 + 0.8 * i / 20)) * ratio)
        best = run = 0
        for y in range(top, max(0, top - int(16 * ratio)), -1):
            run = run + 1 if _near(image.pixelColor(x, y), focus) else 0
            best = max(best, run)
        runs.append(best)
    return runs


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=lambda t: t.name)
def test_presentation_focus_ring_is_solid_and_thick(window, qtbot, theme):
    present = presentation_at(window, qtbot, (1366, 768))
    present.activateWindow()
    present.view.setFocus()
    qtbot.waitUntil(lambda: present.view.hasFocus())
    if present.theme is not theme:
        qtbot.keyClick(present.view, Qt.Key.Key_T)
    qtbot.keyClick(present.view, Qt.Key.Key_Tab)
    key = present.scene.focus_key
    assert key and present.scene.focus_shown
    assert contrast_ratio(theme.focus, theme.background) >= GRAPHIC_MIN
    runs = _ring_runs(present.view, key, theme.focus)
    assert min(runs) >= 4, runs  # unbroken (no dashes) and thick


def test_window_graph_focus_ring_is_solid(window, qtbot):
    page = window.feature("graph").page
    window.tabs.setCurrentWidget(page)
    view = page.view
    view.setFocus()
    qtbot.waitUntil(lambda: view.hasFocus())
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    key = view.scene().focus_key
    for zoom in (0.6, 1.0):
        view.set_zoom(zoom)
        view.centerOn(view.scene().nodes[key])
        runs = _ring_runs(view, key, view.scene().style.theme.focus)
        assert min(runs) >= 3, (zoom, runs)
