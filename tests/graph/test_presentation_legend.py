"""The presentation's legend (issue 14) at the projector and laptop sizes: found on a trial at
1366 × 768, the step's title wrapped („· Teil 1/2 · nur / Ansicht“), its second line sat on the
screen's bottom edge and the first almost touched the „hart“ swatch. The legend lies whole
inside the window, every line of the title with it, and the title keeps clear of the swatches."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from tests.support.qt import presentation_at

GAP = 12  # clear room between the title's text and the swatches, in pixels


def _text_rect(label) -> QRect:
    """Where the label's (wrapped) text is drawn, in the legend's coordinates."""
    height = label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height()
    return QRect(label.mapTo(label.parent(), label.rect().topLeft()), label.size()).adjusted(
        0, 0, 0, max(0, height - label.height())
    )


@pytest.mark.parametrize(
    "size", [(1280, 720), (1366, 768), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}"
)
@pytest.mark.parametrize("step", ["erster", "Teil 2"])
@pytest.mark.parametrize("theme", ["hell", "dunkel"])
def test_the_legend_fits_the_screen_and_clears_the_swatches(window, qtbot, size, step, theme):
    present = presentation_at(window, qtbot, size)
    if theme == "dunkel":
        present._command("theme")  # (a new style sheet: the title's font measured anew)
    for _ in range(len(present.groups) + 1):  # a step in parts: the longest title
        if len(present.parts) > 1:
            break
        present.go(1)
    if step == "Teil 2" and len(present.parts) > 1:
        present.go(1)
    QApplication.processEvents()
    legend, info, lines = present.legend, present.legend.info, present.legend.lines
    inside = present.rect()
    assert inside.contains(legend.geometry()), (legend.geometry(), inside)
    text = _text_rect(info)
    assert text.height() <= info.height(), (info.text(), text, info.geometry())  # not cut
    assert legend.rect().contains(text), (text, legend.rect())
    swatches = QRect(lines.mapTo(legend, lines.rect().topLeft()), lines.size())
    drawn = info.fontMetrics().boundingRect(text, info.alignment() | 0x1000, info.text())
    assert not drawn.adjusted(-GAP, -GAP // 2, GAP, GAP // 2).intersects(swatches), (
        drawn,
        swatches,
    )
    assert not present.view.geometry().intersects(legend.geometry())
    present.close()
