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
from sa2030_desktop.gui.graph.scene import GraphScene
from sa2030_desktop.gui.graph.view import GraphView
from sa2030_desktop.services import layout as layout_service

# 10-unit text drawn at 2.4 × = 24 px = 18 pt on a 96-dpi 1920 × 1080 screen.
READABLE_ZOOM = 18 / 72 * 96 / gl.FONT_SIZE


class PresentationView(GraphView):
    step = Signal(int)  # +1 next, -1 previous
    focus_requested = Signal()
    editing_toggled = Signal()
    leave = Signal()

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
        self.swatches = _Swatches(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.swatches)
        layout.addWidget(self.hint)


class _Swatches(QWidget):
    ITEMS = [(s.label, STATUS_COLOURS[s], None) for s in Status] + [
        ("hart", "#263238", Qt.PenStyle.SolidLine),
        ("weich", "#455A64", Qt.PenStyle.DashLine),
        ("Konflikt", "#C62828", Qt.PenStyle.SolidLine),
    ]

    def __init__(self, parent) -> None:
        super().__init__(parent)
        self.setMinimumSize(1500, 40)

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = painter.font()
        font.setPointSizeF(18)
        painter.setFont(font)
        x = 4.0
        for label, colour, pen in self.ITEMS:
            if pen is None:
                painter.fillRect(QRectF(x, 8, 22, 26), QColor(colour))
            else:
                painter.setPen(QPen(QColor(colour), 5, pen))
                painter.drawLine(int(x), 21, int(x + 40), 21)
            x += 48 if pen is not None else 30
            painter.setPen(QColor("black"))
            width = painter.fontMetrics().horizontalAdvance(label)
            painter.drawText(QRectF(x, 0, width + 4, 40), Qt.AlignmentFlag.AlignVCenter, label)
            x += width + 26


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
        page.bridge.layout_changed.connect(self._layout_changed)
        self._rebuild()

    def options(self):
        options = self.page.options()
        return dataclasses.replace(options, swimlanes=options.swimlanes or "lead")

    def view_name(self) -> str:
        return self.options().view_name()

    def _rebuild(self, _changes=None) -> None:
        store = self.page.bridge.store
        options = self.options()
        model, new = compute_now(
            self.page.bridge.snapshot(),
            options,
            self.page.bridge.as_of,
            layout_service.load_positions(store, options.view_name()),
        )
        if new:
            layout_service.save_positions(store, options.view_name(), new)
        self.scene.set_model(model, self.tr("Keine Ziele in dieser Auswahl."))
        self.scene.set_editable(self.editing)
        self.groups = [lane.value for lane in model.lanes]
        self.step_index = min(self.step_index, max(len(self.groups) - 1, 0))
        self._show_step()

    def _layout_changed(self, view: str) -> None:
        if view == self.view_name():
            self.scene.apply_positions(layout_service.load_positions(self.page.bridge.store, view))

    def go(self, delta: int) -> None:
        if not self.groups:
            return
        self.step_index = max(0, min(len(self.groups) - 1, self.step_index + delta))
        self._show_step()

    def _show_step(self) -> None:
        revealed = set(self.groups[: self.step_index + 1])
        self.scene.set_revealed(revealed if self.groups else None)
        current = self.groups[self.step_index] if self.groups else ""
        items = [i for i in self.scene.nodes.values() if i.node.lane == current]
        self._frame([i.sceneBoundingRect() for i in items])
        label = next((lane.label for lane in self.scene.model.lanes if lane.value == current), "")
        mode = self.tr("Bearbeiten an") if self.editing else self.tr("nur Ansicht")
        self.legend.info.setText(
            self.tr("Schritt {0} von {1}: {2} · {3}").format(
                self.step_index + 1, max(len(self.groups), 1), label, mode
            )
        )

    def _frame(self, rects: list[QRectF], anchor: QRectF | None = None) -> None:
        """Show these items as large as fits, never smaller than readable (18 pt); when they
        do not fit at that size, show their beginning (top left)."""
        if not rects:
            return
        rect = rects[0]
        for r in rects[1:]:
            rect = rect.united(r)
        rect = rect.adjusted(-20, -20, 20, 20)
        port = self.view.viewport()
        zoom = min(port.width() / rect.width(), port.height() / rect.height(), 4.0)
        self.view.min_zoom = READABLE_ZOOM
        self.view.set_zoom(max(zoom, READABLE_ZOOM))
        seen_w, seen_h = port.width() / self.view.zoom(), port.height() / self.view.zoom()
        cx = rect.left() + seen_w / 2 if rect.width() > seen_w else rect.center().x()
        cy = rect.top() + seen_h / 2 if rect.height() > seen_h else rect.center().y()
        if anchor is not None and (rect.width() > seen_w or rect.height() > seen_h):
            cx, cy = anchor.center().x(), anchor.center().y()  # too big: the goal itself first
        self.view.centerOn(cx, cy)

    def focus_chain(self) -> None:
        key = self.scene.selected_node()
        if not key:
            self.scene.set_highlight(None)
            return
        keys = chain_of(self.page.bridge.snapshot(), key) & set(self.scene.nodes)
        self.scene.set_revealed(None)
        self.step_index = len(self.groups) - 1
        self.scene.set_highlight(keys)
        self._frame(
            [self.scene.nodes[k].sceneBoundingRect() for k in keys],
            anchor=self.scene.nodes[key].sceneBoundingRect(),
        )
        self.legend.info.setText(
            self.tr("Kette von {0}: {1} Ziele (Voraussetzungen und abhängige Ziele)").format(
                key, len(keys)
            )
        )

    def _delete(self) -> None:
        if self.editing:
            self.page.delete_selected_edges(self.scene.selected_edges())

    def toggle_editing(self) -> None:
        self.editing = not self.editing
        self.scene.set_editable(self.editing)
        self._show_step()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.layout() is not None:
            self.layout().activate()  # frame with the new viewport size, not the old one
        if self.scene.model is not None:
            self._show_step()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.page.bridge.changed.disconnect(self._rebuild)
        self.page.bridge.layout_changed.disconnect(self._layout_changed)
        self.closed.emit()
        super().closeEvent(event)
