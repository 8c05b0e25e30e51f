"""Presentation mode for a projector (F11): one step per ministry or theme field, each laid out
on its own — the step's goals in the middle, their neighbours in other lanes dimmed left and
right — fitted to the screen with labels of at least 18 pt; a final „Gesamtbild“; optional
build-up (earlier steps stay, dimmed); a dark high-contrast theme; a pointer spot; focus on one
goal's chain. Read-only unless editing is switched on (E); Esc leaves."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from sa2030_desktop.domain import graph_layout as gl
from sa2030_desktop.domain import presentation_steps as steps
from sa2030_desktop.domain.graph_view import chain_of, highlight
from sa2030_desktop.gui.accessibility import name_view
from sa2030_desktop.gui.graph.jobs import compute_now
from sa2030_desktop.gui.graph.presentation_parts import LANE_NAME_PX, Legend, PresentationView
from sa2030_desktop.gui.graph.presentation_speech import speak, step_title
from sa2030_desktop.gui.graph.scene import GraphScene
from sa2030_desktop.gui.graph.scene_build import why_empty
from sa2030_desktop.gui.graph.style import DARK, LIGHT, Style

# 10-unit text drawn at 2.4 × = 24 px = 18 pt on a 96-dpi screen.
READABLE_ZOOM = 18 / 72 * 96 / gl.FONT_SIZE
PRESENT_MAX_ZOOM = 3.6  # a step with few goals is shown large, but not absurdly so
SMALLEST_SCREEN = (1280, 720)  # below this a step cannot be readable: the title says so


class PresentationWindow(QWidget):
    closed = Signal()

    def __init__(self, page) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("graphPresentation")
        self.setWindowTitle(self.tr("Abhängigkeiten – Präsentation"))
        self.setAccessibleName(self.tr("Präsentation der Abhängigkeiten"))
        self.page = page
        self.theme = LIGHT
        self.build_up = False
        self.scene = GraphScene(self, style=self._style(steps_layout=True))
        self.scene.set_editable(False)
        self.view = PresentationView(self.scene, self)
        name_view(self.view, self.tr("Abhängigkeitsgraph (Präsentation)"))
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.legend = Legend(self)
        self.too_small = QLabel(self)  # a screen below 1280 × 720: said, not silently cut
        self.too_small.setWordWrap(True)
        self.too_small.setStyleSheet("background: #FFF3CD; color: black; font-size: 16pt")
        self.too_small.hide()
        self.whole = None  # the portfolio's layout (Gesamtbild, build-up)
        self.step_index = 0
        self.part_index = 0
        self.parts: list[steps.StepPart] = []
        self._parts_key = None  # (what, screen) the parts were planned for
        self._spoken = None  # (step, part, chain, whole) last read out
        self.focus_key: str | None = None  # showing this goal's chain instead of a step
        self.groups: list[str] = []
        self.editing = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.too_small)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        self.view.step.connect(self.go)
        self.view.command.connect(self._command)
        self.view.leave.connect(self.close)
        self.view.resized.connect(self._resized)
        self.view.roomless_changed.connect(lambda _n: self.legend.info.setText(step_title(self)))
        self.view.delete_requested.connect(self._delete)
        self.view.keys.portfolio = page.bridge.snapshot  # the keyboard goal's dates, read out
        # the main window's shortcuts do not reach this full-screen window
        for keys, slot in (
            (QKeySequence.StandardKey.Undo, page.undo_stack.undo),
            (QKeySequence.StandardKey.Redo, page.undo_stack.redo),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda slot=slot: self.editing and slot())
        self.scene.link_requested.connect(page.ask_kind)
        self.scene.nodes_moved.connect(self._moved)
        page.bridge.changed.connect(self._rebuild)
        self._follow = page.positions.follow(self.scene, self._followed_view)
        self._rebuild()

    # -- model ---------------------------------------------------------------------------------
    def _style(self, steps_layout: bool) -> Style:
        style = Style(presentation=True, theme=self.theme)
        if steps_layout:
            metrics = steps.StepMetrics()
            style.line, style.pad, style.route = metrics.line, metrics.pad, steps.step_route
            style.focus_room = metrics.margin - 1  # inside the frame of a step (zoom ≥ 1.2)
            style.set_families(["Arial", "Liberation Sans", "DejaVu Sans"])  # narrow, common
        return style

    def options(self):
        options = self.page.options()
        return dataclasses.replace(options, swimlanes=options.swimlanes or "lead")

    def view_name(self) -> str:
        return self.options().view_name()

    def _followed_view(self) -> str:
        # only the portfolio's picture follows stored positions; a step is laid out on its own
        return self.view_name() if self.showing_whole() else "\0step"

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
        self.whole = model
        self.groups = [lane.value for lane in model.lanes]
        self.step_index = min(self.step_index, len(self.groups))
        if self.focus_key not in model.nodes:
            self.focus_key = None
        self._parts_key = None
        self._show()

    def showing_whole(self) -> bool:
        return self.focus_key is None and (self.is_overall() or self.build_up)

    def is_overall(self) -> bool:
        return self.step_index >= len(self.groups)

    # -- steps and parts -----------------------------------------------------------------------
    def go(self, delta: int) -> None:
        """Next/previous: first through the parts of this step, then to the next step; the
        step after the last ministry is the „Gesamtbild“."""
        if delta == 0 or not self.groups:
            self._show()
            return
        part = self.part_index + delta
        if 0 <= part < len(self.parts) and not self.showing_whole():
            self.part_index = part
            self._show()
            return
        step = max(0, min(len(self.groups), self.step_index + delta))
        if step == self.step_index and self.focus_key is None:
            return  # first part of the first step / the Gesamtbild
        self.focus_key = None
        self.step_index = step
        self.part_index = -1 if delta < 0 else 0  # backwards: the previous step's last part
        self._parts_key = None
        self._show()

    def _device_ratio(self) -> float:
        """Device pixels per logical pixel (2 at 200 % scaling). Readable from the back of the
        room is a share of the projected picture, which has the projector's pixels whatever
        the laptop's scaling: 18 pt are measured in device pixels, so that 200 % scaling on a
        1920 × 1080 projector shows the steps as 100 % does, not in twice as many parts."""
        return max(1.0, self.view.devicePixelRatioF())

    def _readable_zoom(self) -> float:
        return READABLE_ZOOM / self._device_ratio()

    def _screen(self) -> tuple[float, float]:
        port = self.view.viewport()
        if port.width() >= 200 and port.height() >= 150:
            return (float(port.width()), float(port.height()))
        geometry = (self.screen() or self.page.screen()).geometry()
        return (float(geometry.width()), float(geometry.height() - 140))

    def _plan(self) -> None:
        """The step's parts for the screen the legend leaves under its title: in one part its
        title is shorter, with „Teil 1/2“ it may need a second row (then planned again) – the
        same parts whatever was shown before."""
        screen = self._screen()
        what = (self.focus_key, self.step_index, self.theme.name)
        if self._parts_key == (what, screen):
            return
        self._parts_key = (what, screen)
        room, self.parts = screen, []
        if self.view.viewport().height() >= 150:  # a real viewport: the legend's room is free
            room = (screen[0], screen[1] + self.legend.height())
        planned = None
        for _ in range(2):
            legend = self.legend.height_for(step_title(self))
            if planned == legend:
                break
            planned = legend
            self.parts = self._plan_for((room[0], room[1] - legend) if room != screen else room)

    def _plan_for(self, screen: tuple[float, float]) -> list[steps.StepPart]:
        measure = self.scene.style.measure
        if self.focus_key is not None:
            chain = chain_of(self.page.bridge.snapshot(), self.focus_key) & set(self.whole.nodes)
            goals = steps.step_goals(self.whole, chain)
            return steps.plan_goals(
                self.whole, goals, screen, self._readable_zoom(), measure, neighbours=False
            )
        lane = self.groups[self.step_index]
        return steps.plan_step(self.whole, lane, screen, self._readable_zoom(), measure)

    def _show(self) -> None:
        """Lay out and frame what the current step shows; the legend names step and part."""
        if self.whole is None:
            return
        self._check_screen()
        highlight(self.whole, None)
        keyboard_goal = self.scene.focus_key  # (a new step moves it to one of its own goals)
        if self.showing_whole() or not self.groups:
            self.parts = []
            self._show_whole()
        else:
            self.scene.style = self._style(steps_layout=True)
            self._plan()
            self.part_index %= max(len(self.parts), 1)
            if self.focus_key is not None and self.part_index == 0:
                self.part_index = next(
                    (i for i, p in enumerate(self.parts) if self.focus_key in p.goals), 0
                )
            part = self.parts[self.part_index]
            self.scene.set_model(part.model, self.tr("Keine Ziele in diesem Schritt."))
            if self.focus_key in self.scene.nodes:
                self.scene.nodes[self.focus_key].setSelected(True)
            self._frame(QRectF(0, 0, part.width, part.height), PRESENT_MAX_ZOOM)
        self.scene.set_editable(self.editing)
        self.view.setBackgroundBrush(QColor(self.theme.background))
        self.legend.set_theme(self.theme)
        # boxes of a step say their status in words; the portfolio's small boxes only by sign
        self.legend.statuses.setVisible(self.showing_whole())
        self.legend.info.setText(step_title(self))
        shown = (self.step_index, self.part_index, self.focus_key, self.showing_whole())
        if shown != self._spoken:  # a new step or part, not a resize or theme: read it out
            self._spoken = shown
            speak(self, keyboard_goal)

    def _show_whole(self) -> None:
        """The portfolio's picture: all of it (Gesamtbild) or, building up, the steps so far
        with the earlier ones dimmed."""
        self.scene.style = self._style(steps_layout=False)
        text = why_empty(
            self.scene, self.page.bridge.snapshot(), self.tr("Keine Ziele in dieser Auswahl.")
        )
        self.scene.set_model(self.whole, text)
        if self.is_overall() or not self.groups:
            self.scene.set_revealed(None)
            self._frame(self.scene.content_rect(), PRESENT_MAX_ZOOM)
            return
        current = self.groups[self.step_index]
        shown = set(self.groups[: self.step_index + 1])
        self.scene.set_revealed(shown)
        for node in self.whole.nodes.values():
            node.dimmed = node.lane in shown and node.lane != current
        for edge in self.whole.edges:
            edge.dimmed = (
                self.whole.nodes[edge.source].dimmed or self.whole.nodes[edge.target].dimmed
            )
        self.scene._refresh()
        rect = QRectF()
        for item in self.scene.nodes.values():
            if item.isVisible():
                rect = rect.united(item.sceneBoundingRect())
        self._frame(rect, PRESENT_MAX_ZOOM)

    def _frame(self, rect: QRectF, max_zoom: float) -> None:
        """Show this scene rectangle whole and centred, as large as the screen allows; lanes
        too small for their names at 18 pt get them in a strip directly left of the picture
        (strip and picture centred together), and no conflict label is placed under it."""
        port = self.view.viewport()
        names, left = self.view.lane_names, 0.0
        names.clear()
        self.scene.label_blocked = None
        if rect.isEmpty() or port.width() < 50:
            return
        fit = min(port.height() / rect.height(), max_zoom / self._device_ratio())
        zoom = min(port.width() / rect.width(), fit)
        if self.scene.lanes and self.showing_whole() and zoom < self._readable_zoom():
            px = LANE_NAME_PX / self._device_ratio()
            left = names.set(self.scene.lanes, self.scene.style.bold, px, port.width() / 5)
            boxes = min(n.sceneBoundingRect().left() for n in self.scene.nodes.values())
            rect.setLeft(max(rect.left(), boxes - gl.PAD))  # the lanes' own names: under it
            zoom = min((port.width() - left) / rect.width(), fit)
            # everything left of the picture is the strip (or the margin before it)
            far = 1e7
            self.scene.label_blocked = QRectF(rect.left() - far, -far, far, 2 * far)
        self.view.min_zoom = 0.02
        self.view.set_zoom(zoom)
        z = self.view.zoom()
        if left:  # a picture narrower than the screen: the strip beside it, not at the edge
            names.x = max(0.0, (port.width() - left - rect.width() * z) / 2)
            centre = QPointF(
                rect.left() + (port.width() / 2 - names.x - left) / z, rect.center().y()
            )
        else:
            centre = rect.center()
        sight = QRectF(0, 0, port.width() / z, port.height() / z)
        sight.moveCenter(centre)  # (the strip's room left of the scene: scrolled to, not cut)
        self.view.setSceneRect(self.scene.sceneRect().united(sight) if left else QRectF())
        self.view.centerOn(centre)
        self.view.place_labels()  # in the framed sight (the zoom step saw it uncentred)

    def _check_screen(self) -> None:
        ratio = self._device_ratio()  # the screen's own pixels, as its user knows it
        geometry = self.geometry().size() * ratio  # full screen: the screen's size
        small = geometry.width() < SMALLEST_SCREEN[0] or geometry.height() < SMALLEST_SCREEN[1]
        self.too_small.setVisible(small)
        if small:
            self.too_small.setText(
                self.tr(
                    "Der Bildschirm ({0} × {1}) ist kleiner als 1280 × 720: Schritte werden in "
                    "mehr Teile geteilt, damit die Schrift lesbar bleibt."
                ).format(geometry.width(), geometry.height())
            )

    def visible_part(self) -> list[str]:
        """The goals on screen now (the step's own and the neighbours)."""
        if self.showing_whole():
            return [k for k, i in self.scene.nodes.items() if i.isVisible()]
        return list(self.scene.nodes)

    # -- commands ------------------------------------------------------------------------------
    def _command(self, name: str) -> None:
        if name == "focus":
            self.focus_chain()
        elif name == "editing":
            self.toggle_editing()
        elif name == "build_up":
            self.build_up = not self.build_up
            self._show()
        elif name == "theme":
            self.theme = DARK if self.theme is LIGHT else LIGHT
            self._parts_key = None
            self._show()
        elif name == "pointer":
            self.view.pointer_on = not self.view.pointer_on
            self.view.viewport().update()
        elif name == "help":
            self.legend.hint.setVisible(not self.legend.hint.isVisible())
        elif name in ("first", "last"):
            self.focus_key = None
            self.step_index = 0 if name == "first" else len(self.groups)
            self.part_index = 0
            self._parts_key = None
            self._show()

    def focus_chain(self) -> None:
        key = self.scene.selected_node() or self.scene.focus_key  # (or the keyboard goal)
        self.focus_key = key if key and not key.startswith("grp:") else None
        self.part_index = 0
        self._parts_key = None
        self._show()

    def _moved(self, before: dict, after: dict) -> None:
        if self.showing_whole():  # a step's own layout is not stored
            self.page.push_move(before, after, self.view_name())

    def _delete(self) -> None:
        if self.editing:
            self.page.delete_selected_edges(self.scene.selected_edges())

    def toggle_editing(self) -> None:
        self.editing = not self.editing
        self.scene.set_editable(self.editing)
        self.legend.info.setText(step_title(self))

    def _resized(self) -> None:
        if self.whole is not None:
            self._show()  # parts and zoom for the viewport's real size

    def show_full_screen(self, screen=None) -> None:
        """Full screen on the given screen. Without a window manager the full-screen state
        alone does nothing (the window keeps its size hint), so the geometry is set to the
        screen's explicitly beforehand."""
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
