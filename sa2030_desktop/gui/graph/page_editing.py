"""The graph tab's editing: linking two goals (with the kind chosen in a small popup),
removing dependencies, moving goals – each an undoable operation (a mixin of GraphPage)."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from sa2030_desktop.domain.errors import CycleError, DomainError
from sa2030_desktop.domain.model import Dependency, DependencyKind
from sa2030_desktop.gui.commands import MoveNodesCommand, OperationCommand, push_operation
from sa2030_desktop.gui.graph.kind_chooser import KindChooser
from sa2030_desktop.messages import format_error
from sa2030_desktop.services import operations as ops


class GraphEditing:
    def _set_connect_mode(self, on: bool) -> None:
        self.scene.connect_mode = on
        self.view.setDragMode(
            self.view.DragMode.NoDrag if on else self.view.DragMode.ScrollHandDrag
        )

    def ask_kind(self, prerequisite: str, dependent: str) -> None:
        """The small popup after a drag: which kind of dependency (non-blocking)."""
        if self.kind_popup is not None:
            self.kind_popup.close()
        view = self.sender().views()[0] if self.sender() is not None else self.view
        chooser = self.kind_popup = KindChooser(view.viewport(), dependent, prerequisite)
        chooser.chosen.connect(lambda kind: self.link(prerequisite, dependent, kind))
        chooser.destroyed.connect(lambda _o=None: setattr(self, "kind_popup", None))
        chooser.closed.connect(view.setFocus)
        item = view.scene().nodes.get(dependent)
        chooser.show_at(view.mapFromScene(item.pos()) if item is not None else QPoint(20, 20))

    def link(self, prerequisite: str, dependent: str, kind: DependencyKind) -> bool:
        operation = ops.Link(Dependency(dependent, prerequisite, kind))
        try:
            operation.check(self.bridge.store)
        except DomainError as exc:
            if isinstance(exc, CycleError):
                self.scene.mark_cycle(exc.path)
            self.show_message(format_error(exc), error=True)
            self.view.keys.say(format_error(exc))  # a keyboard user hears why (WCAG 4.1.3)
            return False
        self.scene.mark_cycle(None)
        return push_operation(self, self.undo_stack, operation, self.bridge)

    def delete_selected_edges(self, items=None) -> None:
        """Delete key: remove the selected dependencies (one undo step)."""
        items = [
            e
            for e in (self.scene.selected_edges() if items is None else items)
            if len(e.edge.dependencies) == 1
            and not e.pair[0].startswith("grp:")
            and not e.pair[1].startswith("grp:")
        ]
        if not items:
            return
        pairs = [item.edge.dependencies[0].pair for item in items]
        if len(pairs) == 1:
            operation: ops.Operation = ops.Unlink(*pairs[0])
        else:  # one action, one transaction: a refusal or failure leaves every edge in place
            operation = ops.Unlinks(pairs)
        command = OperationCommand(self.bridge, operation, self.tr("Abhängigkeiten entfernen"))
        push_operation(self, self.undo_stack, command)

    def _moved(self, before: dict, after: dict) -> None:
        self.push_move(before, after)
        store = self.bridge.store
        if store.readonly and getattr(self, "_told_readonly", None) is not store:
            self._told_readonly = store  # once per opened file
            window = self.window()
            if hasattr(window, "statusBar"):  # a move there keeps nothing: say so once
                window.statusBar().showMessage(
                    self.tr("Datei ist schreibgeschützt – Positionen werden nicht gespeichert"),
                    8000,
                )

    def push_move(self, before: dict, after: dict, view: str | None = None) -> None:
        """Manual positions (or a new layout) as one undoable step, stored per named view."""
        before = {k: v for k, v in before.items() if not k.startswith("grp:")}
        after = {k: v for k, v in after.items() if not k.startswith("grp:")}
        if before != after and after:
            self.undo_stack.push(
                MoveNodesCommand(self.bridge, view or self.view_name(), before, after)
            )
