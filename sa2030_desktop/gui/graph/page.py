"""The „Abhängigkeiten“ tab: graph view with its toolbar (toolbar.py), mirroring the store.

Writes go only through undo commands (operations Link/Unlink, MoveNodesCommand); positions
the layout places are kept by ViewPositions (positions.py) and written when the user leaves
the graph, never while it rebuilds.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMenu, QVBoxLayout, QWidget

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.graph_view import GraphOptions, chain_of
from sa2030_desktop.domain.selection import Selection
from sa2030_desktop.gui.accessibility import name_view
from sa2030_desktop.gui.dialog_parts import note_label
from sa2030_desktop.gui.graph.jobs import SYNC_LIMIT, compute_now
from sa2030_desktop.gui.graph.kind_chooser import KindChooser
from sa2030_desktop.gui.graph.label_sight import roomless_de
from sa2030_desktop.gui.graph.layout_progress import LayoutProgress
from sa2030_desktop.gui.graph.page_editing import GraphEditing
from sa2030_desktop.gui.graph.positions import ViewPositions
from sa2030_desktop.gui.graph.scene import GraphScene
from sa2030_desktop.gui.graph.scene_build import SLICED_FROM, why_empty
from sa2030_desktop.gui.graph.toolbar import GraphToolbar
from sa2030_desktop.gui.graph.view import GraphView
from sa2030_desktop.gui.tasks import TaskRunner
from sa2030_desktop.messages import format_error


class GraphPage(GraphEditing, QWidget):
    goal_selected = Signal(str)
    detail_requested = Signal(str)  # Eingabe on a goal in the graph
    model_ready = Signal()  # after every (re)build of the scene
    exported = Signal(object)
    export_failed = Signal(str)

    def __init__(
        self, bridge, undo_stack: QUndoStack | None = None, parent=None, active: bool = True
    ) -> None:
        super().__init__(parent)
        self._active, self._dirty = active, True  # hidden tab: rebuilt when shown (set_active)
        self.setObjectName("graphPage")
        self.bridge = bridge
        self.undo_stack = undo_stack or QUndoStack(self)
        self.selection = Selection()
        self.collapsed: frozenset[str] = frozenset()
        self.focus: tuple[str, str] | None = None  # (goal, "both"|"predecessors"|"dependents")
        self.model = None
        self.kind_popup: KindChooser | None = None
        self._token = 0
        self._job = None  # the running layout Task
        self._syncing = False
        self.wanted: str | None = None  # the window's current goal, mirrored (select_goal)
        self._first = True
        self._shown: tuple | None = None  # (view name, goal keys) of the scene as built
        self.positions = ViewPositions(bridge, self)

        self.scene = GraphScene(self)
        self.view = GraphView(self.scene, self)
        self.view.keys.portfolio = bridge.snapshot  # the keyboard goal's dates, read out
        name_view(self.view, self.tr("Abhängigkeitsgraph"))
        self.message = note_label(self, "graphMessage")
        self.roomless_note = note_label(self, "graphRoomless")  # (GraphView.roomless_changed)
        self.roomless_note.setAccessibleName(self.tr("Konflikte ohne Beschriftung"))
        self.roomless_note.hide()
        self.view.roomless_changed.connect(self._roomless)
        self.progress = LayoutProgress(self)  # a layout in the worker: step, bar, „Abbrechen“
        self._build_toolbar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.progress)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.roomless_note)

        self.scene.selectionChanged.connect(self._scene_selection)
        self.scene.link_requested.connect(self.ask_kind)
        self.scene.nodes_moved.connect(self._moved)
        self.scene.lane_toggled.connect(self.toggle_collapsed)
        self.scene.group_toggled.connect(self.toggle_collapsed)
        self.scene.context_requested.connect(self.context_menu)
        self.scene.build_progress.connect(self.show_message)  # „Graph wird aufgebaut … 40 %“
        self.view.delete_requested.connect(self.delete_selected_edges)
        self.view.detail_requested.connect(self.detail_requested)
        self.view.escape_pressed.connect(self.clear_analysis)
        bridge.changed.connect(lambda _c: self.refresh())
        bridge.as_of_changed.connect(lambda _d: self.refresh())
        self.positions.follow(self.scene, self.view_name)
        self.refresh()

    # -- toolbar -----------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        bar = self.toolbar = GraphToolbar(self)
        self.hops, self.lanes = bar.hops, bar.lanes
        self.neighbour_edges, self.cross = bar.neighbour_edges, bar.cross
        self.chain_action = bar.add_action(
            self.tr("Kette des Ziels"),
            checkable=True,
            slot=lambda _on: self._scene_selection(),
            checked=True,
            tip=self.tr("Voraussetzungen und abhängige Ziele des gewählten Ziels hervorheben"),
        )
        self.longest_action = bar.add_action(
            self.tr("Längste Kette"), checkable=True, slot=lambda _on: self.refresh()
        )
        self.connect_action = bar.add_action(
            self.tr("Verbinden"),
            checkable=True,
            slot=self._set_connect_mode,
            tip=self.tr(
                "Von einem Ziel zum abhängigen Ziel ziehen (auch mit gedrückter Umschalttaste)"
            ),
        )
        bar.addSeparator()
        self.unfocus_action = bar.add_action(
            self.tr("Fokus aufheben"), slot=lambda: self.set_focus(None)
        )
        self.unfocus_action.setEnabled(False)
        self.relayout_action = bar.add_action(self.tr("Layout neu berechnen"), slot=self.relayout)
        bar.add_action(self.tr("Einpassen"), slot=self.view.fit_all)
        bar.options_changed.connect(lambda fit: self.refresh(fit=fit))
        bar.lanes_changed.connect(self._lanes_changed)

    # -- state -------------------------------------------------------------------------------
    def options(self) -> GraphOptions:
        return GraphOptions(
            selection=self.selection,
            **self.toolbar.filters(),
            longest_chain=self.longest_action.isChecked(),
            collapsed=self.collapsed,
            focus=self.focus[0] if self.focus else None,
            focus_mode=self.focus[1] if self.focus else "both",
        )

    def view_name(self) -> str:
        return self.options().view_name()

    def set_selection(self, selection: Selection) -> None:
        # The search text filters too; positions stay those of the unfiltered view (stable).
        self.selection = selection or Selection()
        self.refresh(fit=True)

    def set_options(self, **values) -> None:
        """Set several toolbar filters at once (used by the presentation and by tests)."""
        if "longest_chain" in values:
            self.longest_action.setChecked(values.pop("longest_chain"))
        if "selection" in values:
            self.selection = values.pop("selection")
        self.toolbar.set_filters(values)
        self.refresh(fit=True)

    def set_focus(self, key: str | None, mode: str = "both") -> None:
        """Show only this goal's chain (its predecessors and/or dependents); None: everything."""
        self.focus = (key, mode) if key else None
        self.unfocus_action.setEnabled(self.focus is not None)
        self.unfocus_action.setText(
            self.tr("Fokus {0} aufheben").format(key) if key else self.tr("Fokus aufheben")
        )
        self._first = True
        self.refresh()

    def context_menu(self, key: str, screen_pos) -> QMenu:
        """Right click on a node: focus, grouping and what-if for this goal."""
        from sa2030_desktop.gui.graph.context_menu import goal_menu

        return goal_menu(self, key, screen_pos)

    def _lanes_changed(self) -> None:
        self.collapsed = frozenset()
        self.refresh(fit=True)

    def toggle_collapsed(self, value: str) -> None:
        self.collapsed = self.collapsed ^ {value}
        self.refresh(fit=True)

    # -- building the scene --------------------------------------------------------------------
    def set_active(self, active: bool) -> None:
        """Main window: the tab is shown (rebuild if something changed meanwhile) or hidden."""
        self._active = active
        if active and self._dirty:
            self.refresh(fit=True)
        if not active:
            self.keep_layout()

    def keep_layout(self) -> None:
        """Write the positions the layout placed since (the user leaves the graph, the window
        closes): the next opening shows the same picture. Never part of a refresh."""
        self.positions.keep()

    def refresh(self, relayout: bool = False, fit: bool = False) -> None:
        """Rebuild the scene. fit: a filter changed — fit the view if the visible goals or the
        view changed (an edit alone keeps the user's zoom and scroll position)."""
        if not self._active:  # a hidden tab only notes that it is out of date
            self._dirty = True
            return
        self._dirty = False
        portfolio = self.bridge.snapshot()
        options = self.options()
        stored = {} if relayout else self.positions.of(options.view_name())
        self._token += 1
        if self._job is not None:
            self._job.cancel()
        if len(portfolio.goals) <= SYNC_LIMIT:
            try:
                result = compute_now(portfolio, options, self.bridge.as_of, stored)
            except DomainError as exc:
                self.show_message(format_error(exc), error=True)
                return
            self._apply(self._token, result, relayout, fit)
            return
        self.show_message("")  # (the progress bar tells what happens)
        token, as_of = self._token, self.bridge.as_of
        self._job = TaskRunner.of(self).submit(
            lambda _progress, cancel: compute_now(portfolio, options, as_of, stored, cancel),
            lambda outcome: self._laid_out(token, outcome, relayout, fit),
        )
        self.progress.follow(self._job)

    def _laid_out(self, token: int, outcome, relayout: bool, fit: bool) -> None:
        if outcome.ok:
            self._apply(token, outcome.result, relayout, fit)
        elif token != self._token:  # a superseded layout's cancel is no news
            return
        elif outcome.cancelled:  # „Abbrechen“: the scene keeps the picture it shows
            self._job = None
            self._dirty = True  # shown again, the tab lays out its filter anew
            text = self.tr("Layout abgebrochen – es wurde nichts geändert.")
            if self.model is not None:
                text += " " + self.tr("Der Graph zeigt weiter das vorige Bild.")
            self.show_message(text)
        else:
            self.show_message(outcome.message, True)

    def _apply(self, token: int, result, relayout: bool, fit: bool = False) -> None:
        if token != self._token:
            return  # a newer filter superseded this layout
        self._job = None
        model, new = result
        before = self.scene.positions() if relayout else {}
        if not relayout:
            self.positions.placed(self.view_name(), new)  # in memory: a refresh never writes
        self.model = model
        # an edit (not a new filter: `fit`): the scene does not shrink under the user (new routes)
        kept = self.scene.sceneRect() if not (relayout or fit or model.is_empty) else None
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        args = (token, model, relayout, fit, before, kept, centre)
        if len(model.nodes) < SLICED_FROM:
            self.scene.set_model(model, self._empty_text())
            self._built(*args)
        else:  # thousands of items: built between event-loop turns, with a progress hint
            self.scene.set_model_sliced(model, self._empty_text(), lambda: self._built(*args))
            if self._will_fit(model, relayout, fit) and self.scene.building():
                # fitted now to the rectangle the layout will fill: a large graph turns into
                # the overview before its items come, so they come hidden (hiding 15,000 items
                # after the build took 30–60 ms), and the view does not jump at the end
                self.view.fit_ahead(self.scene.sceneRect())

    def _will_fit(self, model, relayout: bool, fit: bool) -> bool:
        """Whether _built fits the view: a new layout, a first showing, other goals or view."""
        if model.is_empty:
            return False
        shown = (self.view_name(), frozenset(model.nodes))
        return self._first or relayout or (fit and shown != self._shown)

    def _built(self, token, model, relayout, fit, before, kept, centre) -> None:
        if token != self._token:
            return  # a newer layout is on its way: it replaces this picture
        if relayout:
            self.push_move(before, {k: (n.x, n.y) for k, n in model.nodes.items()})
        elif kept is not None:
            self.scene.setSceneRect(self.scene.sceneRect().united(kept))
            self.view.centerOn(centre)
        self.show_message("" if not model.is_empty else self._empty_text())
        fits = self._will_fit(model, relayout, fit)  # (asked before _shown is the new one)
        self._shown = (self.view_name(), frozenset(model.nodes))
        if not self.scene.selectedItems():  # (a rebuild keeps the goals chosen before)
            self._show_wanted(scroll=False)  # the table's goal, also on the first showing
        self._scene_selection()
        if model.is_empty:  # the friendly empty state at its natural size, centred
            self.view.fit_pending = self.view.auto_fit = False
            self.view.set_zoom(1.0)
            self.view.centerOn(self.scene.sceneRect().center())
            self._first = True
        elif fits:
            self.view.request_fit()  # now, or when the tab is first shown at its real size
            self._first = False
        self.view.refresh_lod()
        self.model_ready.emit()

    def _empty_text(self) -> str:  # (sets the scene's advice: filters, or no goal yet)
        text = self.tr("Keine Ziele in dieser Auswahl.")
        return why_empty(self.scene, self.bridge.snapshot(), text)

    def relayout(self) -> None:
        """„Layout neu berechnen“: a fresh layout for this view, undoable like a manual move."""
        self.refresh(relayout=True)

    # -- selection and highlighting ------------------------------------------------------------
    def select_goal(self, key: str) -> None:
        """The window's current goal (the table's; "" for none) is the graph's chosen goal: now
        if the scene shows it, else on the next build (a hidden tab, a graph built on its first
        showing, a layout still in the worker)."""
        if self._syncing:
            return
        self.wanted = key or None
        self._show_wanted(scroll=True)

    def chosen_goal(self) -> str | None:
        """The goal a what-if or a menu entry works on: the one selected in the graph, else the
        window's current goal while the graph's layout is still being computed."""
        key = self.scene.selected_node()
        if key and not key.startswith("grp:"):
            return key
        return self.wanted if self.model is None else None

    def _show_wanted(self, scroll: bool) -> None:
        key = self.wanted
        if key is None or self.scene.selected_node() == key:
            return
        item = self.scene.nodes.get(key)
        self._syncing = True
        try:
            self.scene.clearSelection()  # a goal the graph does not show: no other stays chosen
            if item is not None:
                item.setSelected(True)
                if scroll:
                    self.view.ensureVisible(item)
        finally:
            self._syncing = False

    def _scene_selection(self) -> None:
        key = self.scene.selected_node()
        if self.model is None:
            return
        if key and self.chain_action.isChecked() and not key.startswith("grp:"):
            self.scene.set_highlight(chain_of(self.bridge.snapshot(), key) & set(self.model.nodes))
        elif not self.longest_action.isChecked():
            self.scene.set_highlight(None)
        if key and not self._syncing and not key.startswith("grp:"):
            self.wanted = key  # chosen here: the table follows, and a rebuild keeps it
            self._syncing = True
            try:
                self.goal_selected.emit(key)
            finally:
                self._syncing = False

    def clear_analysis(self) -> None:
        self.scene.mark_cycle(None)
        self.scene.set_whatif(None)
        self.scene.clearSelection()
        self.show_message("")

    def show_whatif(self, keys: set[str], text: str) -> None:
        self.scene.set_whatif(keys)
        self.show_message(text)

    def _roomless(self, count: int) -> None:
        self.roomless_note.setText(
            self.tr("{0} für die Beschriftung: rot und dick gezeichnet, beim Hineinzoomen "
                    "beschriftet").format(roomless_de(count))
        )  # fmt: skip
        self.roomless_note.setVisible(count > 0)

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #B71C1C; font-weight: bold" if error else "")
        self.message.setVisible(bool(text))
