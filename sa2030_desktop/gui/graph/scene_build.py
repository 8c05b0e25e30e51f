"""A graph scene built in slices between event-loop turns.

Building the items of 5,000 goals and 10,000 edges takes seconds of the GUI thread; in one go the
window would freeze meanwhile. A slice adds items for about SLICE_MS, then the event loop runs
(painting, input, the progress hint) before the next slice. The items are those of the one-go
build (GraphScene._build makes both), in the same order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QCoreApplication, QElapsedTimer

SLICE_MS = 30  # GUI-thread time per slice: well under the 100 ms a user notices as a stall
SLICED_FROM = 400  # goals: a smaller graph is built in one go (under about 0.1 s)


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
                hint = QCoreApplication.translate("GraphScene", "Graph wird aufgebaut … {0} %")
                self.scene.build_progress.emit(hint.format(100 * added // total))
                self.scene.build_timer.start()
                return
        self.active = False
        if self.scene._building is self:
            self.scene._building = None
        if self._done is not None:
            self._done()
