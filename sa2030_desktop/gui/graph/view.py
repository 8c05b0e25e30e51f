"""QGraphicsView of the graph: zoom with the wheel or keys, pan by dragging the background.

Fitting: `request_fit()` fits the content as soon as the view is shown at its real size (a
hidden tab has a tiny viewport, fitting there gives a stamp-sized graph); until the user zooms
or pans, a resize fits again. A fit never zooms in beyond FIT_MAX_ZOOM (three goals are not
blown up to fill the screen)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPen, QTransform, QWheelEvent
from PySide6.QtWidgets import QGraphicsView

from sa2030_desktop.gui.graph.items import LOD_TEXT
from sa2030_desktop.gui.graph.keyboard import KeyboardNavigator
from sa2030_desktop.gui.graph.overview import OVERVIEW_MIN_NODES

MIN_ZOOM, MAX_ZOOM = 0.02, 6.0
FIT_MAX_ZOOM = 1.4  # 10-unit text at 14 px: a fit shows small graphs at a natural size


class GraphView(QGraphicsView):
    delete_requested = Signal()
    escape_pressed = Signal()
    detail_requested = Signal(str)  # Eingabe on the keyboard goal
    announced = Signal(str)  # what the keyboard goal is (also the view's accessible description)
    roomless_changed = Signal(int)  # conflicts in sight whose label has no room (draws nothing)

    bars_follow_fit = True  # (the presentation has no scroll bars at all)

    def __init__(self, scene, parent=None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlags(QGraphicsView.OptimizationFlag.DontSavePainterState)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.min_zoom = MIN_ZOOM
        self.fit_pending = False  # fit once the view is shown at its real size
        self.auto_fit = False  # the user has not zoomed or panned since the last fit
        self._fitting = False
        self._in_fit = False  # in fit_all: no bars, and the bars' resize does not fit again
        self.keys = KeyboardNavigator(self)
        self.roomless = 0  # (see roomless_changed)
        # goals moved carry their conflicts' labels along: the count follows once the edges
        # are redrawn (queued: _arranged comes before the moved goals' update_edges)
        scene.arranged.connect(self.place_labels, Qt.ConnectionType.QueuedConnection)

    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, value: float) -> None:
        self.auto_fit = False  # a chosen zoom stays when the window is resized (fit_all resets)
        if not self._in_fit:  # (a fit's own zoom limit keeps the fitted view's bars off)
            self._scroll_bars(fitted=False)
        value = max(self.min_zoom, min(MAX_ZOOM, value))
        # the exact zoom, not a product of factors: 0.6 must not come out as 0.5999…, just
        # below the zoom from which the boxes draw their text (LOD_TEXT)
        self._fitting = True  # the labels search once, below, in the sight at the new zoom –
        try:  # not also in each scroll step setTransform makes on the way (1,000 goals: 2-3x)
            self.setTransform(QTransform.fromScale(value, value))
        finally:
            self._fitting = False
        self._update_hints()

    def refresh_lod(self) -> None:
        """After the scene was rebuilt: choose item drawing or the overview for this zoom."""
        self._update_hints()

    def _update_hints(self) -> None:
        # Antialiasing costs most when thousands of tiny items are drawn; zoomed out it adds
        # nothing the eye can see.
        self.setRenderHint(QPainter.RenderHint.Antialiasing, self.zoom() >= LOD_TEXT)
        scene = self.scene()
        overview = (
            self.zoom() < LOD_TEXT
            and scene.goal_count() >= OVERVIEW_MIN_NODES
            and not scene.style.presentation
        )
        if overview != scene.overview_on:
            scene.set_overview(overview)
        self._labels_in_sight()  # after the overview: hidden edges' labels wait

    def place_labels(self) -> None:
        """The view shows what it will show for a while (fitted, framed, resized): conflict
        labels in sight find their place in it."""
        self._labels_in_sight()

    def _labels_in_sight(self, settled: bool = True) -> None:
        scene = self.scene()  # (none yet while the view is built)
        if scene is not None and not getattr(self, "_fitting", False):
            seen = self.mapToScene(self.viewport().rect()).boundingRect()
            scene.set_label_zoom(self.zoom(), seen, settled)
            if scene.label_sight.roomless != self.roomless:  # said in the info line: no
                self.roomless = scene.label_sight.roomless  # conflict vanishes silently
                self.roomless_changed.emit(self.roomless)

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 (Qt override)
        super().scrollContentsBy(dx, dy)
        self._labels_in_sight(settled=False)  # labels coming into sight find their place

    def drawBackground(self, painter: QPainter, rect) -> None:  # noqa: N802
        super().drawBackground(painter, rect)
        scene = self.scene()
        if scene.overview_on:
            scene.overview.refresh(scene)
            scene.overview.paint(painter, rect, scene.style.bold)

    def zoom_by(self, factor: float) -> None:
        self.set_zoom(self.zoom() * factor)

    def fit_all(self) -> None:
        rect = self.scene().content_rect()
        self._in_fit = True
        try:
            self._scroll_bars(fitted=True)  # (before the fit: it fills the viewport without them)
            self.fit_rect(rect)
            if not self.mapToScene(self.viewport().rect()).boundingRect().contains(rect):
                self._scroll_bars(fitted=False)  # held at the zoom limit: the rest by scrolling
        finally:
            self._in_fit = False
        self.fit_pending = False
        self.auto_fit = True

    def _scroll_bars(self, fitted: bool) -> None:
        """Fitted, the whole picture is in sight: no scroll bars. The scene's rectangle has a
        margin round the content (and long titles widen it), so a bar showed up for a few
        pixels at fit-all, which also took the height the fit had counted on. Any other zoom
        (wheel, keys, a goal zoomed to) has them again as needed."""
        if self.bars_follow_fit:
            off, needed = (
                Qt.ScrollBarPolicy.ScrollBarAlwaysOff,
                Qt.ScrollBarPolicy.ScrollBarAsNeeded,
            )
            policy = off if fitted else needed
            if self.horizontalScrollBarPolicy() != policy:
                self.setHorizontalScrollBarPolicy(policy)
                self.setVerticalScrollBarPolicy(policy)

    def fit_ahead(self, rect: QRectF) -> None:
        """While a large graph is still being built: the zoom of the coming fit, if the view is
        on screen (the fit proper follows the build)."""
        if self._can_fit():
            self.fit_rect(rect)

    def request_fit(self) -> None:
        """Fit the content now if the view is on screen at a usable size, else when it is."""
        self.fit_pending = True
        if self._can_fit():
            self.fit_all()

    def _can_fit(self) -> bool:
        port = self.viewport()
        return self.isVisible() and port.width() >= 120 and port.height() >= 80

    def fit_rect(self, rect: QRectF, max_zoom: float = FIT_MAX_ZOOM) -> None:
        if rect.isEmpty():
            return
        self._fitting = True  # labels search once, in the fitted sight, not on the way there
        try:
            self.fitInView(rect.adjusted(-20, -20, 20, 20), Qt.AspectRatioMode.KeepAspectRatio)
        finally:
            self._fitting = False
        self._update_hints()
        if self.zoom() < self.min_zoom or self.zoom() > min(max_zoom, MAX_ZOOM):
            self.set_zoom(min(self.zoom(), max_zoom))
            self.centerOn(rect.center())
            self.place_labels()  # in the sight as centred

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self.fit_pending and self._can_fit():
            self.fit_all()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._in_fit:
            return  # the scroll bars just went: fit_all fits in the new size next
        if (self.fit_pending or self.auto_fit) and self._can_fit():
            self.fit_all()  # (places the labels too)
        else:  # a wider view without a scroll (maximized, the detail folded): new labels in sight
            self._labels_in_sight()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self.auto_fit = False  # panning or dragging: the user's view from now on
        super().mousePressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        self.zoom_by(1.15 ** (event.angleDelta().y() / 120))
        event.accept()

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 (Qt names)
        """Tab walks the goals; after the last one it leaves the graph (no keyboard trap)."""
        if self.hasFocus() and self.keys.step(1 if next else -1):
            return True
        return super().focusNextPrevChild(next)

    def focusInEvent(self, event) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.scene().set_focus_shown(True)
        self.viewport().update()

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.scene().set_focus_shown(False)
        self.viewport().update()

    def drawForeground(self, painter: QPainter, rect) -> None:  # noqa: N802
        super().drawForeground(painter, rect)
        scene = self.scene()
        if self.hasFocus() and scene.focus_item() is None and not scene.style.presentation:
            # focused, but no goal chosen yet: the frame goes round the whole picture (not on
            # the projector, which is the whole screen and has the focus anyway)
            painter.save()
            painter.resetTransform()
            pen = QPen(scene.style.colour("focus"), 3)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.viewport().rect().adjusted(2, 2, -3, -3))
            painter.restore()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self.keys.handle(event):
            event.accept()
            return
        key = event.key()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_requested.emit()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.25)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(0.8)
        elif key == Qt.Key.Key_0:
            self.fit_all()
        elif key == Qt.Key.Key_Escape:
            self.scene().cancel_gesture()
            self.escape_pressed.emit()
        else:
            super().keyPressEvent(event)
