"""Working the graph without a mouse (BITV 2.0, WCAG 2.1.1): the keyboard goal and its keys.

Tab / Umschalt+Tab   next / previous goal in reading order (lane by lane, left to right);
                     after the last goal Tab leaves the graph (no keyboard trap)
→ / ←                along an edge: to a goal that needs this one / that this one needs
↑ / ↓                the next goal above / below (same column first); after → / ← the
                     next / previous of the goals that edge step could reach (a goal with 30
                     neighbours in several columns: each is reached)
Eingabe              open the goal's detail
V                    „Verbinden“: this goal is the prerequisite; move to the goal that needs it,
                     Eingabe links them (the kind is asked as after a drag), Esc cancels

The keyboard goal is the scene's selection (the table and the detail follow it) and carries a
focus frame while the view has the focus. A state machine outside the items, like the mouse
gestures in interactions.py.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLineF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsLineItem

from sa2030_desktop.domain.dates import de_short
from sa2030_desktop.domain.grammar import count_de, goals_de
from sa2030_desktop.domain.rules import last_milestone, next_milestone
from sa2030_desktop.gui.accessibility import announce
from sa2030_desktop.gui.graph.items import LOD_TEXT, NodeItem

K = Qt.Key
# For the shortcut overview of the help (gui/help/shortcuts.py): key, what it does.
KEYS = [
    ("Tab / Umschalt+Tab", "nächstes / voriges Ziel (nach dem letzten verlässt Tab den Graphen)"),
    ("→ / ←", "entlang einer Kante: zu einem abhängigen Ziel / zu einer Voraussetzung"),
    ("↑ / ↓", "nächstes Ziel darüber / darunter; nach → / ←: nächster Nachbar desselben Ziels"),
    ("Eingabe", "Zieldetails öffnen (bei einer Gruppe: aufklappen)"),
    ("V", "Verbinden: dieses Ziel ist Voraussetzung; zum abhängigen Ziel gehen, Eingabe"),
    ("Esc", "Verbinden abbrechen, Hervorhebungen aufheben"),
    ("Entf", "gewählte Abhängigkeiten entfernen"),
]
READABLE = LOD_TEXT  # the zoom from which a box shows its text


def tr(text: str) -> str:
    return QCoreApplication.translate("GraphKeyboard", text)


class KeyboardNavigator:
    """Moves the keyboard goal of one GraphView; `handle(event)` says whether a key was used."""

    def __init__(self, view) -> None:
        self.view = view
        self.link_source: str | None = None
        self._line: QGraphicsLineItem | None = None
        self.portfolio = None  # () -> Portfolio: the goal's dates in what is read out
        # after an edge step: the goals that step could reach, in reading order (↑/↓ walk them)
        self._ring: list[str] = []
        self._ring_of: tuple[str, bool] | None = None  # (the goal stepped from, forward)

    @property
    def scene(self):
        return self.view.scene()

    def current(self) -> NodeItem | None:
        key = self.scene.focus_key
        return self.scene.nodes.get(key) if key else None

    # -- keys ----------------------------------------------------------------------------------
    def handle(self, event) -> bool:
        key, mods = event.key(), event.modifiers()
        if mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        if key == K.Key_Tab:
            return self.step(+1)
        if key == K.Key_Backtab:
            return self.step(-1)
        if key in (K.Key_Right, K.Key_Left):
            return self.along_edge(key == K.Key_Right)
        if key in (K.Key_Up, K.Key_Down):
            return self.vertical(key == K.Key_Down)
        if key in (K.Key_Return, K.Key_Enter):
            return self.activate()
        if key == K.Key_V:
            return self.start_link()
        if key == K.Key_Escape and self.link_source is not None:
            self.cancel_link()
            return True
        return False

    def _shown(self, item: NodeItem) -> bool:
        # a large graph zoomed out hides every item behind the overview picture, yet every
        # goal is there to be chosen (choosing one zooms in to where its box is drawn)
        return self.scene.overview_on or item.isVisible()

    def _visible(self) -> list[NodeItem]:
        return [n for n in self.scene.nodes.values() if self._shown(n)]

    def reading_order(self) -> list[NodeItem]:
        """Lane by lane (top to bottom), inside a lane by column, then top to bottom."""
        lane_of = {lane.value: i for i, lane in enumerate(self.scene.lanes)}
        return sorted(
            self._visible(),
            key=lambda n: (lane_of.get(n.node.lane, 0), round(n.pos().x()), n.pos().y()),
        )

    def step(self, direction: int) -> bool:
        order = self.reading_order()
        if not order:
            return False
        current = self.current()
        if current is None or current not in order:
            self.set_current(order[0] if direction > 0 else order[-1])
            return True
        index = order.index(current) + direction
        if not 0 <= index < len(order):
            return False  # Tab leaves the graph: the focus chain goes on
        self.set_current(order[index])
        return True

    def along_edge(self, forward: bool) -> bool:
        current = self.current()
        if current is None:
            return self.step(+1)
        ends = [e.target if forward else e.source for e in current.edges]
        ends = [n for n in ends if n is not current and self._shown(n)]
        if not ends:
            self._announce(
                (tr("{0} hat keine abhängigen Ziele im Bild") if forward
                 else tr("{0} hat keine Voraussetzungen im Bild")).format(current.key)
            )  # fmt: skip
            return True
        # the nearest in height first; ↑/↓ then reach the others that step could reach
        y = current.pos().y()
        chosen = min(ends, key=lambda n: (abs(n.pos().y() - y), n.pos().x(), n.key))
        ring = sorted(ends, key=lambda n: (round(n.pos().x()), n.pos().y(), n.key))
        self._walk_ring([n.key for n in ring], (current.key, forward), ring.index(chosen))
        return True

    def _walk_ring(self, ring: list[str], ring_of: tuple[str, bool], index: int) -> None:
        item = self.scene.nodes[ring[index]]
        note = ""
        if len(ring) > 1:
            origin, forward = ring_of
            note = (tr("; abhängiges Ziel {0} von {1} von {2}") if forward
                    else tr("; Voraussetzung {0} von {1} von {2}")
                    ).format(index + 1, len(ring), origin)  # fmt: skip
        self.set_current(item, note)
        self._ring, self._ring_of = ring, ring_of

    def _ring_step(self, down: bool) -> bool:
        """↑/↓ after an edge step: the neighbour after / before in the step's reading order."""
        ring, key, ring_of = self._ring, self.scene.focus_key, self._ring_of
        if len(ring) < 2 or key not in ring or ring_of is None:
            return False
        index = ring.index(key) + (1 if down else -1)
        index = min(max(index, 0), len(ring) - 1)  # at an end: stay, and hear the count again
        item = self.scene.nodes.get(ring[index])
        if item is None or not self._shown(item):
            return False
        self._walk_ring(ring, ring_of, index)
        return True

    def vertical(self, down: bool) -> bool:
        current = self.current()
        if current is None:
            return self.step(+1)
        if self._ring_step(down):
            return True
        x, y = current.pos().x(), current.pos().y()
        sign = 1 if down else -1
        candidates = [n for n in self._visible() if sign * (n.pos().y() - y) > 1]
        if not candidates:
            return True
        chosen = min(candidates, key=lambda n: abs(n.pos().x() - x) * 3 + abs(n.pos().y() - y))
        self.set_current(chosen)
        return True

    def activate(self) -> bool:
        current = self.current()
        if current is None:
            return self.step(+1)
        if self.link_source is not None:
            return self.finish_link()
        if current.node.is_group:
            self.scene.group_toggled.emit(current.node.key)
        else:
            self.view.detail_requested.emit(current.key)
        return True

    # -- linking -------------------------------------------------------------------------------
    def start_link(self) -> bool:
        current = self.current()
        if current is None or current.node.is_group or not self.scene.editable:
            return current is not None
        self.cancel_link()
        self.link_source = current.key
        self._line = QGraphicsLineItem()
        self._line.setPen(QPen(self.scene.style.colour("focus"), 2.5, Qt.PenStyle.DashLine))
        self._line.setZValue(10)
        self.scene.addItem(self._line)
        self._update_line()
        self._announce(
            tr("Verbinden: {0} ist Voraussetzung. Ziel wählen, das sie benötigt, dann Eingabe; "
               "Esc bricht ab.").format(current.key)
        )  # fmt: skip
        return True

    def finish_link(self) -> bool:
        source, target = self.link_source, self.current()
        self.cancel_link()
        if target is None or target.key == source or target.node.is_group:
            self._announce(tr("Verbinden abgebrochen: bitte ein anderes Ziel wählen."))
            return True
        self.scene.link_requested.emit(source, target.key)
        return True

    def cancel_link(self) -> None:
        self.link_source = None
        if self._line is not None and self._line.scene() is not None:
            self.scene.removeItem(self._line)
        self._line = None

    def _update_line(self) -> None:
        source = self.scene.nodes.get(self.link_source or "")
        current = self.current()
        if self._line is None or source is None or current is None:
            return
        self._line.setLine(QLineF(source.pos(), current.pos()))

    # -- the keyboard goal ---------------------------------------------------------------------
    def set_current(
        self, item: NodeItem, note: str = "", prefix: str = "", select: bool = True
    ) -> None:
        """Make `item` the keyboard goal; `select=False` shows only its focus ring (a new
        presentation step: no selection frame on the projector unless the user selects)."""
        self._ring, self._ring_of = [], None
        self.scene.set_focus_key(item.key)
        if select:
            self.scene.clearSelection()
            item.setSelected(True)
        if self.view.zoom() < READABLE and not self.scene.style.presentation:
            # a whole portfolio fitted into the view: the focus frame would be a few pixels
            # round a stamp-sized box — zoom in to where the boxes' text is readable
            self.view.set_zoom(READABLE)
            self.view.centerOn(item)
        margin = 0 if self.scene.style.presentation else 40  # (a framed step stays framed)
        self.view.ensureVisible(item, margin, margin)
        self._update_line()
        portfolio = self.portfolio() if self.portfolio else None
        self._announce(prefix + describe(item, portfolio) + note)

    def say(self, text: str) -> None:
        """A message for the keyboard user (a refused link): read out, as the keyboard goal."""
        self._announce(text)

    def _announce(self, text: str) -> None:
        """What a screen reader reads for the keyboard goal (the view's description)."""
        announce(self.view, text)
        self.view.announced.emit(text)


def describe(item: NodeItem, portfolio=None) -> str:
    node = item.node
    if node.is_group:
        return tr("Gruppe {0}: {1} (Eingabe klappt auf)").format(node.key, goals_de(node.count))
    needs = sum(1 for e in item.edges if e.target is item)
    needed = sum(1 for e in item.edges if e.source is item)
    text = tr("{0} – {1}; Status: {2}; Federführung {3}; {4}, {5}").format(
        node.key, node.title, node.status.label if node.status else "–", node.lead,
        count_de(needs, "Voraussetzung", "Voraussetzungen"),
        count_de(needed, "abhängiges Ziel", "abhängige Ziele"))  # fmt: skip
    return text + (dates_of(portfolio, node.key) if portfolio is not None else "")


def dates_of(portfolio, goal_key: str) -> str:
    """The goal's dates as a screen reader reads them (DIN 5008): the next open milestone, or
    the last one reached."""
    if goal_key not in portfolio.goals:
        return ""
    upcoming = next_milestone(portfolio, goal_key)
    if upcoming is not None:
        text = tr("; nächster Meilenstein {0}: Prognose {1}, Basistermin {2}").format(
            upcoming.key, de_short(upcoming.forecast) or "–", de_short(upcoming.baseline) or "–"
        )
        return text
    last = last_milestone(portfolio, goal_key)
    if last is None:
        return tr("; keine Meilensteine")
    return tr("; alle Meilensteine erreicht, zuletzt {0} am {1}").format(
        last.key, de_short(last.actual)
    )
