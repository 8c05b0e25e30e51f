"""The graph scene: mirrors one laid-out GraphModel; gestures are delegated to interactions."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSceneMouseEvent

from sa2030_desktop.domain import graph_layout as gl
from sa2030_desktop.domain.graph_view import GraphModel, highlight
from sa2030_desktop.gui.graph.box_grid import BoxGrid, Extent, LabelGrid
from sa2030_desktop.gui.graph.edge_item import EdgeItem
from sa2030_desktop.gui.graph.interactions import ConnectInteraction, MoveInteraction, wants_connect
from sa2030_desktop.gui.graph.items import LaneItem, NodeItem, Style
from sa2030_desktop.gui.graph.label_sight import LabelSight
from sa2030_desktop.gui.graph.overview import OverviewPicture
from sa2030_desktop.gui.graph.scene_build import (
    MARGIN,
    SLICED_FROM,
    SceneBuild,
    empty_hint,
    expected_rect,
    index_depth,
)
from sa2030_desktop.gui.help.context import open_help_link


class GraphScene(QGraphicsScene):
    link_requested = Signal(str, str)  # prerequisite, dependent
    nodes_moved = Signal(object, object)  # before, after: {key: (x, y)}
    lane_toggled = Signal(str)  # lane value to collapse or expand
    group_toggled = Signal(str)
    context_requested = Signal(str, object)  # node id, screen position (QPoint)
    build_progress = Signal(str)  # a sliced build's hint: „Graph wird aufgebaut … 40 %“
    arranged = Signal()  # goals moved (a drag, positions applied): labels in sight look again

    def __init__(self, parent=None, presentation: bool = False, style: Style | None = None) -> None:
        super().__init__(parent)
        self.style = style or Style(presentation)
        self.model: GraphModel | None = None
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[tuple[str, str], EdgeItem] = {}
        self.lanes: list[LaneItem] = []
        self.editable = True
        self.connect_mode = False
        self.empty_text = ""
        self.empty_advice: str | None = None  # the empty state's advice if not „Filter lockern“
        self._connect: ConnectInteraction | None = None
        self._move: MoveInteraction | None = None
        self.overview = OverviewPicture()
        self._labels_placed = False  # conflict labels searched their place in this model
        self._box_grid: BoxGrid | None = None
        self._content: QRectF | None = None  # lanes, goals and edges (content_rect)
        self.label_area: QRectF | None = None  # the view's sight: where a leader may take a label
        self.label_blocked: QRectF | None = None  # under a strip over the picture: no label
        self.label_grid = LabelGrid()
        self.label_sight = LabelSight()
        self.leaders_allowed = True
        self.overview_on = False
        self.focus_key: str | None = None  # the keyboard goal (gui/graph/keyboard.py)
        self.focus_shown = False  # its frame shows while a view of this scene has the focus
        self._building: SceneBuild | None = None  # a sliced build still adding items
        # its next slice after this event-loop turn
        self.build_timer = QTimer(self, singleShot=True, interval=0)
        self.build_timer.timeout.connect(lambda: self._building and self._building.slice())
        self.selectionChanged.connect(self._follow_selection)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)

    # -- building ------------------------------------------------------------------------------
    def set_model(self, model: GraphModel, empty_text: str = "") -> None:
        """Build every item now (small graphs, the presentation, tests of the picture)."""
        self._stop_building()
        for _ in self._build(model, empty_text):
            pass

    def set_model_sliced(self, model: GraphModel, empty_text: str = "", done=None) -> None:
        """The same items as set_model, built in slices between event-loop turns (10,000 goals
        take seconds: the window stays responsive). `done()` runs once all items are in; a
        newer model (sliced or not) cancels the build and its `done`."""
        self._stop_building()
        self._building = SceneBuild(self, self._build(model, empty_text), done)
        self._building.start()

    def _stop_building(self) -> None:
        if self._building is not None:
            self._building.cancel()  # a newer model: the older build stops where it is
            self._building = None

    def goal_count(self) -> int:
        """The goals of the model shown – also those a sliced build has still to add."""
        return len(self.model.nodes) if self.model is not None else 0

    def building(self) -> bool:
        """A sliced build is still adding items."""
        return self._building is not None and self._building.active

    def _build(self, model: GraphModel, empty_text: str) -> Iterator[tuple[int, int]]:
        """Adds the items of `model`; yields (items added, items in all) after each one."""
        selected = {i.key for i in self.selectedItems() if isinstance(i, NodeItem)}
        self.nodes, self.edges, self.lanes = {}, {}, []
        self.blockSignals(True)  # clear() deselects dying items: nobody may look at them
        try:
            self.clear()
        finally:
            self.blockSignals(False)
        self._connect = self._move = None
        self.model = model
        self._labels_placed = False
        self._box_grid = None
        self.label_grid = LabelGrid()
        self.label_sight = LabelSight()
        self.overview.clear()  # filled below, in the first slices
        self.overview_on = False
        self._content = None
        if model.is_empty:
            self._empty_state(empty_text)
            return
        items = len(model.lanes) + len(model.nodes) + len(model.edges)
        total, count = items + len(model.nodes) + len(model.edges), 0  # (overview first)
        x0, _y0, x1, _y1 = gl.bounds(model)
        # what itemsBoundingRect() would find, collected as the items come (that walk over
        # every item took 55 ms at 5,000 goals, three times per showing)
        extent = Extent()
        self.setBspTreeDepth(index_depth(items))
        expected = expected_rect(model)
        self.setSceneRect(expected)
        for _ in self.overview.fill(model):  # the overview picture first: zoomed out, the
            count += 1  # whole graph shows while its items are still being added
            yield count, total
        if self.overview_on:
            self.update()
        for i, lane in enumerate(model.lanes):
            item = LaneItem(
                lane.value,
                lane.label,
                QRectF(x0, lane.y0, x1 - x0, lane.y1 - lane.y0),
                i % 2 == 0,
                self.style,
            )
            self.addItem(item)
            self.lanes.append(item)
            extent.add(item.sceneBoundingRect())
            count += 1
            yield count, total
        for node in model.nodes.values():
            item = NodeItem(node, self.style)
            item.set_movable(self.editable)
            item.setVisible(not self.overview_on)  # the view zoomed out during a sliced build
            self.addItem(item)
            self.nodes[node.id] = item
            extent.add(item.sceneBoundingRect())
            count += 1
            yield count, total
        for edge in model.edges:
            item = EdgeItem(edge, self.nodes[edge.source], self.nodes[edge.target], self.style)
            item.setVisible(not self.overview_on)
            self.addItem(item)
            self.edges[edge.id] = item
            extent.add(item.boundingRect())  # (an edge stays at the scene's origin)
            if item.label is not None:  # above goals and edges (z); it keeps its size on
                self.label_sight.add(item)  # screen, so it is not part of the scene's rectangle
                self.addItem(item.label)  # (hidden: shown once the view says where it looks)
            count += 1
            yield count, total
        self._content = extent.rect()
        needed = self._content.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        if len(model.nodes) < SLICED_FROM:  # re-indexing a few hundred goals costs little:
            self.setSceneRect(needed)  # the scene ends MARGIN beside its outermost item
        elif not expected.contains(needed):  # (goals placed by hand far out: never seen yet)
            self.setSceneRect(expected.united(needed))
        for key in selected & set(self.nodes):
            self.nodes[key].setSelected(True)

    def content_rect(self) -> QRectF:
        """Lanes, goals and edges (not conflict labels, sized on screen) until goals move."""
        if self._content is None:
            extent = Extent()
            for items in (self.lanes, self.nodes.values(), self.edges.values()):
                for item in items:
                    extent.add(item.sceneBoundingRect())
            if extent.empty():
                return self.itemsBoundingRect()  # the empty state's hint
            self._content = extent.rect()
        return QRectF(self._content)

    def _arranged(self) -> None:
        """Goals moved: what was derived from their places is measured again when asked."""
        self._box_grid = self._content = None
        self.overview.stale = True
        self.label_sight.moved()
        self.arranged.emit()

    def _empty_state(self, text: str) -> None:
        item = self.empty_item = empty_hint(
            text, lambda link: open_help_link(self._widget(), link), self.empty_advice
        )
        self.addItem(item)
        self.setSceneRect(item.boundingRect().adjusted(-20, -20, 20, 20))

    # -- the keyboard goal -------------------------------------------------------------------
    def focus_item(self) -> NodeItem | None:
        return self.nodes.get(self.focus_key) if self.focus_key else None

    def set_focus_key(self, key: str | None) -> None:
        old = self.focus_item()
        self.focus_key = key
        for item in (old, self.focus_item()):
            if item is not None:
                item.update()

    def set_focus_shown(self, on: bool) -> None:
        self.focus_shown = on
        item = self.focus_item()
        if item is not None:
            item.update()

    def _follow_selection(self) -> None:
        """A goal chosen with the mouse (or in the table) is where the keyboard goes on."""
        key = self.selected_node()
        if key is not None and key != self.focus_key:
            self.set_focus_key(key)

    def _widget(self):
        views = self.views()
        return views[0] if views else None

    def set_editable(self, on: bool) -> None:
        self.editable = on
        for item in self.nodes.values():
            item.set_movable(on)

    # -- analysis on the picture ------------------------------------------------------------
    def set_highlight(self, node_ids: set[str] | None, edge_ids=None) -> None:
        if self.model is None:
            return
        highlight(self.model, node_ids, edge_ids)
        self._refresh()

    def set_whatif(self, keys: set[str] | None) -> None:
        for key, item in self.nodes.items():
            item.whatif = bool(keys) and key in keys
        self._refresh()

    def mark_cycle(self, path: list[str] | None) -> None:
        pairs = set()
        if path:
            # path is in "needs" order: a needs b → edge b → a (flow)
            pairs = {(b, a) for a, b in zip(path, path[1:], strict=False)}
        keys = set(path or [])
        for key, item in self.nodes.items():
            item.cycle = key in keys
        for pair, item in self.edges.items():
            item.cycle = pair in pairs
        self._refresh()

    def set_revealed(self, lanes: set[str] | None) -> None:
        """Step-by-step reveal: only goals of these lanes (None: all)."""
        for item in self.nodes.values():
            item.setVisible(lanes is None or item.node.lane in lanes)
        for item in self.edges.values():
            item.setVisible(item.source.isVisible() and item.target.isVisible())
        for lane in self.lanes:
            lane.setVisible(lanes is None or lane.value in lanes)

    def set_overview(self, on: bool) -> None:
        """Large graph zoomed out: hide the items, the view draws the OverviewPicture."""
        self.overview_on = on
        self.overview.dirty = True
        for item in self.nodes.values():
            item.setVisible(not on)
        for item in self.edges.values():
            item.setVisible(not on)
        self.update()

    def box_grid(self) -> BoxGrid:
        """The goals' boxes for the conflict labels' search (built once per arrangement)."""
        if self._box_grid is None:
            self._box_grid = BoxGrid(self.nodes.values())
        return self._box_grid

    def set_label_zoom(self, zoom: float, seen: QRectF | None = None, settled: bool = True) -> None:
        """The view's zoom: conflict labels keep their reading size and find free places; only
        those whose edge is in `seen` (the view's scene rectangle) search now (at 5,000 goals
        there are thousands: gui/graph/label_sight.py)."""
        self.label_area = seen
        self.label_sight.update(self, zoom, seen, settled, force=not self._labels_placed)
        self._labels_placed = True

    def _refresh(self) -> None:
        self.overview.dirty = True
        if self.overview_on:  # the items are hidden (shown again, they paint anew): 15,000
            self.update()  # item updates took 15–25 ms at 5,000 goals, on every build
            return
        for item in self.nodes.values():
            item.update()
        for item in self.edges.values():
            item.update()

    # -- positions ---------------------------------------------------------------------------
    def positions(self) -> dict[str, tuple[float, float]]:
        return {k: (i.pos().x(), i.pos().y()) for k, i in self.nodes.items()}

    def apply_positions(self, positions: dict[str, tuple[float, float]]) -> None:
        self._arranged()
        for key, (x, y) in positions.items():
            item = self.nodes.get(key)
            if item is not None and (item.pos().x(), item.pos().y()) != (x, y):
                item.setPos(x, y)
                item.node.x, item.node.y = x, y
                item.update_edges()

    def node_at(self, pos: QPointF) -> NodeItem | None:
        for item in self.items(
            pos,
            Qt.ItemSelectionMode.IntersectsItemShape,
            Qt.SortOrder.DescendingOrder,
            QTransform(),
        ):
            if isinstance(item, NodeItem):
                return item
        return None

    def selected_node(self) -> str | None:
        keys = [i.key for i in self.selectedItems() if isinstance(i, NodeItem)]
        return keys[0] if len(keys) == 1 else None

    def selected_edges(self) -> list[EdgeItem]:
        return [i for i in self.selectedItems() if isinstance(i, EdgeItem)]

    # -- gestures ----------------------------------------------------------------------------
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        node = self.node_at(event.scenePos())
        if (
            node is not None
            and self.editable
            and event.button() == Qt.MouseButton.LeftButton
            and wants_connect(event, self.connect_mode)
            and not node.node.is_group
        ):
            self._connect = ConnectInteraction(self, node)
            event.accept()
            return
        super().mousePressEvent(event)
        if node is not None and self.editable and event.button() == Qt.MouseButton.LeftButton:
            moving = [i for i in self.selectedItems() if isinstance(i, NodeItem)] or [node]
            self._move = MoveInteraction(moving)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._connect is not None:
            self._connect.move(event.scenePos())
            event.accept()
            return
        super().mouseMoveEvent(event)
        if self._move is not None:
            for node in self._move.nodes:
                node.update_edges()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._connect is not None:
            source = self._connect.source
            target = self._connect.finish(event.scenePos())
            self._connect = None
            event.accept()
            if target is not None and not target.node.is_group:
                self.link_requested.emit(source.key, target.key)
            return
        super().mouseReleaseEvent(event)
        if self._move is not None:
            moved = self._move.finish()
            self._move = None
            if moved:
                self._arranged()
                for key, (x, y) in moved[1].items():
                    self.nodes[key].node.x, self.nodes[key].node.y = x, y
                    self.nodes[key].update_edges()  # labels look again among the moved boxes
                self.nodes_moved.emit(*moved)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        node = self.node_at(event.scenePos())
        if node is not None:
            self.context_requested.emit(node.key, event.screenPos())
            event.accept()

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        node = self.node_at(event.scenePos())
        if node is not None and node.node.is_group:
            self.group_toggled.emit(node.node.key)
            return
        for lane in self.lanes:
            if lane.isVisible() and lane.rect.contains(event.scenePos()) and node is None:
                self.lane_toggled.emit(lane.value)
                return
        super().mouseDoubleClickEvent(event)

    def cancel_gesture(self) -> None:
        if self._connect is not None:
            self._connect.cancel()
            self._connect = None
