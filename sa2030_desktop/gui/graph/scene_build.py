"""A graph scene built in slices between event-loop turns.

Building the items of 5,000 goals and 10,000 edges takes seconds of the GUI thread; in one go the
window would freeze meanwhile. A slice adds items for about SLICE_MS, then the event loop runs
(painting, input, the progress hint) before the next slice. The items are those of the one-go
build (GraphScene._build makes both), in the same order.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsTextItem

from sa2030_desktop.domain import graph_layout as gl
from sa2030_desktop.gui.help.context import help_link

SLICE_MS = 30  # GUI-thread time per slice: well under the 100 ms a user notices as a stall
SLICED_FROM = 400  # goals: a smaller graph is built in one go (under about 0.1 s)
MARGIN = 40.0  # the scene's rectangle round the lanes, goals and edges
# how far an edge's curve may leave the boxes' rows and the layers (a channel in a row gap,
# a backward edge's bend) – wider than any route of the layout
ROUTE_REACH = gl.ROW_PITCH + gl.LAYER_GAP


def expected_rect(model) -> QRectF:
    """The scene's rectangle before its items are built, from the layout's places: the scene's
    index (a BSP tree) is made for this rectangle and takes each slice's items as they come.
    Setting the rectangle after the build re-made the tree for every item at once: 0.1–0.25 s
    of the GUI thread at 5,000 goals."""
    x0, y0, x1, y1 = gl.bounds(model)
    for edge in model.edges:
        # a long edge's places in the layers between (graph_layout's via: start, end, exit_x,
        # passes, enter_x); other routes (the presentation's) say less, and a route that
        # leaves the rectangle after all only costs one re-indexing at the end
        if isinstance(edge.via, tuple) and len(edge.via) == 5:
            for _x_in, _x_out, y in edge.via[3]:
                y0, y1 = min(y0, y), max(y1, y)
    pad = MARGIN + ROUTE_REACH
    return QRectF(x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad)


def index_depth(items: int) -> int:
    """The BSP tree's depth Qt chooses for this many items (intmaxlog): set before the items
    come, else Qt takes the depth of the first slice's few items for the whole tree."""
    return max(5, math.ceil(math.log2(max(items, 1))))


class SceneBuild:
    """Runs one build generator of a GraphScene slice by slice on the scene's `build_timer`;
    cancelled by a newer model. (A plain object: nothing of Qt's to delete under a timer.)"""

    def __init__(
        self, scene, steps: Iterator[tuple[int, int]], done: Callable[[], None] | None
    ) -> None:
        self.scene = scene
        self._steps = steps
        self._done = done
        self.active = False

    def start(self) -> None:
        """The first slice now (the old items go at once), the rest between event-loop turns."""
        self.active = True
        self.slice()

    def _index(self) -> None:
        """Puts this slice's items into the scene's index now: Qt does it on the next query,
        which for items out of sight is the first frame after the build – all 15,000 items of
        5,000 goals in that one frame (0.1–0.2 s)."""
        self.scene.items(QRectF(0, 0, 1, 1))

    def cancel(self) -> None:
        self.active = False
        self.scene.build_timer.stop()
        self._steps.close()

    def slice(self) -> None:
        if not self.active:
            return
        clock = QElapsedTimer()
        clock.start()
        added = total = 0
        for added, total in self._steps:
            if clock.elapsed() >= SLICE_MS:
                self._index()
                hint = QCoreApplication.translate("GraphScene", "Graph wird aufgebaut … {0} %")
                self.scene.build_progress.emit(hint.format(100 * added // total))
                self.scene.build_timer.start()
                return
        self._index()
        self.active = False
        if self.scene._building is self:
            self.scene._building = None
        if self._done is not None:
            self._done()


def no_goals_yet() -> tuple[str, str]:
    """Heading and advice of the empty state when the portfolio has no goal at all: no filter
    hides anything then, so „Filter lockern“ would send the user looking in vain."""
    return (
        QCoreApplication.translate("GraphScene", "Dieses Portfolio enthält noch keine Ziele."),
        QCoreApplication.translate(
            "GraphScene",
            "Ziele anlegen mit „Bearbeiten → Neues Ziel …“ (Strg+N) oder aus einer "
            "JSON-Austauschdatei importieren; danach zeigt der Graph ihre Abhängigkeiten.",
        ),
    )


def why_empty(scene, portfolio, text: str) -> str:
    """The empty state's heading for `scene`, which also takes its advice: `text` (a selection
    without goals: „Filter lockern“) unless the portfolio has no goal at all."""
    scene.empty_advice = None
    if portfolio.goals:
        return text
    text, scene.empty_advice = no_goals_yet()
    return text


def empty_hint(
    text: str, open_link: Callable[[str], None], hint: str | None = None
) -> QGraphicsTextItem:
    """The friendly empty state: what to do when no goal is in the selection (`hint` when
    the reason is another than filters, e.g. no goal at all)."""
    item = QGraphicsTextItem()
    hint = hint or QCoreApplication.translate(
        "GraphScene",
        "Filter lockern (Auswahl in der Zieltabelle, Nachbarn, „nur ressortübergreifend“); "
        "neue Abhängigkeiten entstehen durch Ziehen von einem Ziel zum anderen.",
    )
    item.setHtml(
        "<div style='text-align:center'><p style='font-size:16px'><b>"
        + (text or QCoreApplication.translate("GraphScene", "Keine Ziele in dieser Auswahl."))
        + f"</b></p><p style='font-size:12px'>{hint}</p>"
        + f"<p style='font-size:12px'>{help_link('abhaengigkeitsgraph')}</p></div>"
    )
    item.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
    item.linkActivated.connect(open_link)
    item.setTextWidth(420)
    item.setDefaultTextColor(QColor("#37474F"))
    return item
