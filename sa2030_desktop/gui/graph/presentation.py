"""Presentation mode for a projector: full screen, large labels, thick lines, a legend that
stays visible, step-by-step reveal by ministry or theme field, focus on one goal's chain.
Read-only unless editing is switched on (E); Esc leaves."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QPainter, QPen, QShortcut
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from sa2030_desktop.domain import graph_layout as gl
from sa2030_desktop.domain.graph_view import chain_of
from sa2030_desktop.domain.model import STATUS_COLOURS, Status
from sa2030_desktop.gui.graph.jobs import compute_now
from sa2030_desktop.gui.graph.paging import bounding, split_into_parts
from sa2030_desktop.gui.graph.scene import GraphScene
from sa2030_desktop.gui.graph.view import GraphView

# 10-unit text drawn at 2.4 × = 24 px = 18 pt on a 96-dpi 1920 × 1080 screen.
READABLE_ZOOM = 18 / 72 * 96 / gl.FONT_SIZE
PRESENT_MAX_ZOOM = 3.2  # a step with few goals is shown large, but not absurdly so
MARGIN = 24.0  # scene units kept free around the framed goals


class PresentationView(GraphView):
    step = Signal(int)  # +1 next, -1 previous
    focus_requested = Signal()
    editing_toggled = Signal()
    leave = Signal()
    resized = Signal()  # the viewport has its new size: frame the step again

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.resized.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Down):
            self.step.emit(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Up):
            self.step.emit(-1)
        elif key == Qt.Key.Key_F:
            self.focus_requested.emit()
        elif key == Qt.Key.Key_E:
            self.editing_toggled.emit()
        elif key == Qt.Key.Key_Escape:
            self.scene().cancel_gesture()
            self.leave.emit()
        else:
            super().keyPressEvent(event)


class Legend(QFrame):
    """Always on top of the projected graph: status colours with their names, edge styles."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("presentationLegend")
        self.setStyleSheet(
            "#presentationLegend { background: white; border: 2px solid #263238; }"
            " QLabel { color: black; font-size: 18pt; }"
        )
        self.info = QLabel(self)
        self.info.setStyleSheet("font-weight: bold")
        self.hint = QLabel(
            self.tr("→/Bild↓ weiter · ←/Bild↑ zurück · F Kette · E Bearbeiten · Esc Ende"), self
        )
        self.hint.setStyleSheet("font-size: 14pt; color: #263238")
        for label in (self.info, self.hint):
            label.setWordWrap(True)  # a narrow projector: wrap instead of widening the window
        self.swatches = _Swatches(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.swatches)
        layout.addWidget(self.hint)


class _Swatches(QWidget):
    """Status colours and edge styles in as many rows as the screen width needs."""

    ITEMS = [(s.label, STATUS_COLOURS[s], None) for s in Status] + [
        ("hart", "#263238", Qt.PenStyle.SolidLine),
        ("weich", "#455A64", Qt.PenStyle.DashLine),
        ("Konflikt", "#C62828", Qt.PenStyle.SolidLine),
    ]
    ROW = 40

    def __init__(self, parent) -> None:
        super().__init__(parent)
        font = self.font()
        font.setPointSizeF(18)
        self.setFont(font)
        self.setMinimumHeight(self.ROW)

    def _placed(self, width: int) -> list[tuple[float, float, str, str, object, float]]:
        """(x, y, label, colour, pen style, label width) of every item, wrapped at width."""
        metrics = self.fontMetrics()
        x, y, placed = 4.0, 0.0, []
        for label, colour, pen in self.ITEMS:
            text_w = metrics.horizontalAdvance(label)
            item_w = (48 if pen is not None else 30) + text_w + 26
            if x > 4 and x + item_w - 22 > width:
                x, y = 4.0, y + self.ROW
            placed.append((x, y, label, colour, pen, text_w))
            x += item_w
        return placed

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        rows = int(max(y for _x, y, *_rest in self._placed(self.width())) // self.ROW) + 1
        self.setMinimumHeight(rows * self.ROW)

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font())
        for x, y, label, colour, pen, text_w in self._placed(self.width()):
            if pen is None:
                painter.fillRect(QRectF(x, y + 8, 22, 26), QColor(colour))
            else:
                painter.setPen(QPen(QColor(colour), 5, pen))
                painter.drawLine(int(x), int(y + 21), int(x + 40), int(y + 21))
            x += 48 if pen is not None else 30
            painter.setPen(QColor("black"))
            painter.drawText(
                QRectF(x, y, text_w + 4, self.ROW), Qt.AlignmentFlag.AlignVCenter, label
            )


class PresentationWindow(QWidget):
    closed = Signal()

    def __init__(self, page) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("graphPresentation")
        self.setWindowTitle(self.tr("Abhängigkeiten – Präsentation"))
        self.setStyleSheet("background: white")
        self.page = page
        self.scene = GraphScene(self, presentation=True)
        self.scene.set_editable(False)
        self.view = PresentationView(self.scene, self)
        self.view.setAccessibleName(self.tr("Abhängigkeitsgraph (Präsentation)"))
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.legend = Legend(self)
        self.step_index = 0
        self.part_index = 0
        self.parts: list[list[str]] = []  # the current step's goals, one list per screenful
        self.focus_key: str | None = None  # showing this goal's chain instead of a step
        self._anchor_first = False  # focus: start with the part holding the focused goal
        self.groups: list[str] = []
        self.editing = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        self.view.step.connect(self.go)
        self.view.focus_requested.connect(self.focus_chain)
        self.view.editing_toggled.connect(self.toggle_editing)
        self.view.leave.connect(self.close)
        self.view.resized.connect(self._resized)
        self.view.delete_requested.connect(self._delete)
        # the main window's shortcuts do not reach this full-screen window
        for keys, slot in (
            (QKeySequence.StandardKey.Undo, page.undo_stack.undo),
            (QKeySequence.StandardKey.Redo, page.undo_stack.redo),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda slot=slot: self.editing and slot())
        self.scene.link_requested.connect(page.ask_kind)
        self.scene.nodes_moved.connect(lambda b, a: page.push_move(b, a, self.view_name()))
        page.bridge.changed.connect(self._rebuild)
        self._follow = page.positions.follow(self.scene, self.view_name)
        self._rebuild()

    def options(self):
        options = self.page.options()
        return dataclasses.replace(options, swimlanes=options.swimlanes or "lead")

    def view_name(self) -> str:
        return self.options().view_name()

    def _rebuild(self, _changes=None) -> None:
        options = self.options()
        positions = self.page.positions
        model, new = compute_now(
            self.page.bridge.snapshot(),
            options,
            self.page.bridge.as_of,
            positions.of(options.view_name()),
        )
        positions.placed(options.view_name(), new)  # written when the presentation closes
        self.scene.set_model(model, self.tr("Keine Ziele in dieser Auswahl."))
        self.scene.set_editable(self.editing)
        self.groups = [lane.value for lane in model.lanes]
        self.step_index = min(self.step_index, max(len(self.groups) - 1, 0))
        if self.focus_key not in self.scene.nodes:
            self.focus_key = None
        self._show()

    # -- steps and parts ---------------------------------------------------------------------------
    def go(self, delta: int) -> None:
        """Next/previous: first through the parts of this step, then to the next step."""
        if delta == 0 or not self.groups:
            self._show()
            return
        part = self.part_index + delta
        if 0 <= part < len(self.parts):
            self.part_index = part
            self._show()
            return
        step = max(0, min(len(self.groups) - 1, self.step_index + delta))
        if step == self.step_index and self.focus_key is None:
            return  # first part of the first step / last part of the last step
        if self.focus_key is not None:
            self.focus_key = None
            self.scene.set_highlight(None)
        self.step_index = step
        self.part_index = -1 if delta < 0 else 0  # backwards: the previous step's last part
        self._show()

    def _show(self) -> None:
        """Reveal up to the current step and frame the current part of its goals (or of the
        focused chain); the legend names the step and the part."""
        current = self.groups[self.step_index] if self.groups else ""
        if self.focus_key is not None:
            self.scene.set_revealed(None)
            keys = chain_of(self.page.bridge.snapshot(), self.focus_key) & set(self.scene.nodes)
        else:
            self.scene.set_revealed(
                set(self.groups[: self.step_index + 1]) if self.groups else None
            )
            keys = {k for k, i in self.scene.nodes.items() if i.node.lane == current}
        zoom = self._paginate(keys)
        if self.parts:
            self.part_index = self.part_index % len(self.parts)
            if self.focus_key is not None and self.part_index == 0 and self._anchor_first:
                self.part_index = next(
                    i for i, part in enumerate(self.parts) if self.focus_key in part
                )
            self._anchor_first = False
            self._frame(self.parts[self.part_index], zoom)
        self.legend.info.setText(self._title(current, len(keys)))

    def _title(self, current: str, count: int) -> str:
        part = ""
        if len(self.parts) > 1:
            part = self.tr(" · Teil {0}/{1}").format(self.part_index + 1, len(self.parts))
        if self.focus_key is not None:
            return self.tr("Kette von {0}: {1} Ziele{2}").format(self.focus_key, count, part)
        label = next((lane.label for lane in self.scene.model.lanes if lane.value == current), "")
        mode = self.tr("Bearbeiten an") if self.editing else self.tr("nur Ansicht")
        return self.tr("Schritt {0} von {1}: {2} ({3} Ziele){4} · {5}").format(
            self.step_index + 1, max(len(self.groups), 1), label, count, part, mode
        )

    def _boxes(self, keys) -> dict[str, tuple[float, float, float, float]]:
        rects = {k: self.scene.nodes[k].sceneBoundingRect() for k in keys}
        return {k: (r.left(), r.top(), r.right(), r.bottom()) for k, r in rects.items()}

    def _paginate(self, keys) -> float:
        """Split the goals into parts that each fit the screen at a readable size (18 pt);
        returns the zoom for all parts of this step (the same, so paging does not jump)."""
        boxes = self._boxes(keys)
        port = self.view.viewport()
        if not boxes or port.width() < 50 or port.height() < 50:
            self.parts = [sorted(boxes)] if boxes else []
            return READABLE_ZOOM
        width = port.width() / READABLE_ZOOM - 2 * MARGIN
        height = port.height() / READABLE_ZOOM - 2 * MARGIN
        self.parts = split_into_parts(boxes, width, height)
        fits = []
        for part in self.parts:
            x0, y0, x1, y1 = bounding([boxes[k] for k in part])
            fits.append(
                min(
                    port.width() / (x1 - x0 + 2 * MARGIN),
                    port.height() / (y1 - y0 + 2 * MARGIN),
                )
            )
        return max(READABLE_ZOOM, min(min(fits), PRESENT_MAX_ZOOM))

    def _frame(self, keys: list[str], zoom: float) -> None:
        """Show these goals whole, centred, at this zoom."""
        x0, y0, x1, y1 = bounding(list(self._boxes(keys).values()))
        self.view.min_zoom = READABLE_ZOOM
        self.view.set_zoom(zoom)
        self.view.centerOn((x0 + x1) / 2, (y0 + y1) / 2)

    def visible_part(self) -> list[str]:
        """The goals of the part on screen now (for tests and the facilitator's overview)."""
        return list(self.parts[self.part_index]) if self.parts else []

    def focus_chain(self) -> None:
        key = self.scene.selected_node()
        if not key:
            self.focus_key = None
            self.scene.set_highlight(None)
            self._show()
            return
        keys = chain_of(self.page.bridge.snapshot(), key) & set(self.scene.nodes)
        self.focus_key = key
        self.step_index = len(self.groups) - 1
        self.part_index = 0
        self._anchor_first = True  # start with the part that holds the chosen goal
        self.scene.set_highlight(keys)
        self._show()

    def _delete(self) -> None:
        if self.editing:
            self.page.delete_selected_edges(self.scene.selected_edges())

    def toggle_editing(self) -> None:
        self.editing = not self.editing
        self.scene.set_editable(self.editing)
        self._show()

    def _resized(self) -> None:
        if self.scene.model is not None:
            self._show()  # parts and zoom for the viewport's real size

    def show_full_screen(self, screen=None) -> None:
        """Full screen on the main window's screen. Without a window manager the full-screen
        state alone does nothing (the window keeps its size hint), so the geometry is set to
        the screen's explicitly beforehand."""
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())  # before: afterwards it would end full screen
        self.showFullScreen()
        if not self.isFullScreen():  # a geometry change while showing cleared the state
            self.setWindowState(self.windowState() | Qt.WindowState.WindowFullScreen)
        self.activateWindow()
        self.view.setFocus()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.page.bridge.changed.disconnect(self._rebuild)
        self.page.bridge.layout_changed.disconnect(self._follow)
        self.page.keep_layout()
        super().closeEvent(event)
        # back to the main window: its shortcuts (Ctrl+3, F11, Ctrl+Z …) work again at once
        self.page.window().activateWindow()
        self.page.view.setFocus()
        self.closed.emit()
