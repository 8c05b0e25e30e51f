"""BITV 2.0 / WCAG 2.1.1: the graph and the timeline worked with the keyboard alone — choose a
goal, follow its edges, link two goals, open the detail, move a forecast, undo — and the focus
is always visible (2.4.7). Every step is a key press; the test only reads what happened."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.model import Dependency, DependencyKind
from sa2030_desktop.gui.accessibility import FOCUS_COLOUR
from sa2030_desktop.services import operations as ops

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def _focus_pixels(widget) -> int:
    image = widget.grab().toImage()
    focus = QColor(FOCUS_COLOUR)
    return sum(
        1
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
        if image.pixelColor(x, y) == focus
    )


def _press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def _links(window) -> set[tuple[str, str]]:
    return {(d.dependent, d.prerequisite) for d in window.bridge.snapshot().dependencies}


def _open(window) -> None:
    window.resize(1366, 768)
    window.activateWindow()


def test_graph_by_keyboard_alone(window, qtbot):
    _open(window)
    qtbot.waitActive(window)
    qtbot.keyClick(window, K.Key_3, CTRL)  # Ansicht > Abhängigkeiten
    page = window.feature("graph").page
    view, scene = page.view, page.scene
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    qtbot.wait(50)
    assert _focus_pixels(view.viewport()) > 50  # focused, no goal yet: a frame round the graph

    _press(qtbot, K.Key_Tab)  # the first goal in reading order
    order = [n.key for n in view.keys.reading_order()]
    assert scene.focus_key == order[0] and scene.selected_node() == order[0]
    assert window.current_goal() == order[0]  # the table (and the detail) follow
    assert QApplication.focusWidget() is view  # Tab stayed in the graph
    assert order[0] in view.accessibleDescription()  # what a screen reader reads
    qtbot.wait(20)
    assert _focus_pixels(view.viewport()) > 20  # the goal's focus ring
    assert view.zoom() >= 0.6  # zoomed in far enough to read the goal the frame is round

    # → follows an edge to a goal that needs the current one
    while not any(e.source is scene.focus_item() for e in scene.focus_item().edges):
        _press(qtbot, K.Key_Tab)
    before = scene.focus_key
    _press(qtbot, K.Key_Right)
    assert (scene.focus_key, before) in _links(window)
    _press(qtbot, K.Key_Left)  # and back along an edge to a prerequisite
    assert scene.focus_key and (scene.focus_key in order)

    # link two goals: V on the prerequisite, Tab to the goal that needs it, Eingabe, Eingabe
    store = window.bridge.store
    order = [n.key for n in view.keys.reading_order()]

    def allowed(pre: str, dep: str) -> bool:
        try:
            ops.Link(Dependency(dep, pre, DependencyKind.HARD)).check(store)
        except DomainError:
            return False
        return True

    index = next(i for i in range(len(order) - 1) if allowed(order[i], order[i + 1]))
    prerequisite, dependent = order[index], order[index + 1]
    while scene.focus_key != prerequisite:
        _press(qtbot, K.Key_Tab if order.index(scene.focus_key) < index else K.Key_Backtab)
    links = _links(window)
    _press(qtbot, K.Key_V)
    assert view.keys.link_source == prerequisite
    _press(qtbot, K.Key_Tab)
    assert scene.focus_key == dependent
    _press(qtbot, K.Key_Return)
    chooser = page.kind_popup
    assert chooser is not None and chooser.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is chooser.buttons[DependencyKind.HARD])
    _press(qtbot, K.Key_Return)  # „hart“
    assert _links(window) == links | {(dependent, prerequisite)}
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)  # back in the graph

    qtbot.keyClick(view, K.Key_Z, CTRL)  # Bearbeiten > Rückgängig
    assert _links(window) == links

    # Eingabe opens the goal's detail, with the keyboard in it
    qtbot.waitUntil(lambda: page.scene.focus_key is not None)
    goal = scene.focus_key
    _press(qtbot, K.Key_Return)
    panel = window.feature("detail").panel
    qtbot.waitUntil(lambda: panel.goal_key == goal)
    assert window.dock("goal_detail").isVisible()
    assert panel.isAncestorOf(QApplication.focusWidget())

    # Esc during linking cancels; Tab after the last goal leaves the graph (no trap)
    view.setFocus()
    _press(qtbot, K.Key_V)
    _press(qtbot, K.Key_Escape)
    assert view.keys.link_source is None and _links(window) == links
    last = len(view.keys.reading_order())
    for _ in range(last + 1):
        if QApplication.focusWidget() is not view:
            break
        _press(qtbot, K.Key_Tab)
    assert QApplication.focusWidget() is not view


def test_timeline_by_keyboard_alone(window, qtbot):
    _open(window)
    qtbot.waitActive(window)
    qtbot.keyClick(window, K.Key_4, CTRL)  # Ansicht > Zeitplan
    view = window.feature("timeline").view
    canvas = view.canvas
    qtbot.waitUntil(lambda: QApplication.focusWidget() is canvas)
    qtbot.wait(20)
    assert _focus_pixels(canvas.viewport()) > 50  # focused: a frame round the plot

    _press(qtbot, K.Key_Right)
    first = canvas.keys.current
    assert first == canvas.keys.order[0].milestone
    assert first in canvas.accessibleDescription()
    _press(qtbot, K.Key_Down)  # the nearest milestone of the next row
    assert canvas.keys.marker().row > canvas.keys.order[0].row
    # on to a milestone with an open forecast
    while canvas.keys.current not in canvas.keys._forecasts:
        _press(qtbot, K.Key_Right)
    key = canvas.keys.current
    qtbot.wait(20)
    assert _focus_pixels(canvas.viewport()) > 20  # the dashed ring round the milestone

    milestones = lambda: window.bridge.snapshot().milestones  # noqa: E731
    start = milestones()[key].forecast
    for _ in range(3):
        _press(qtbot, K.Key_Plus)
    assert milestones()[key].forecast == start + timedelta(days=3)
    assert canvas.keys.current == key  # the keyboard stays on the milestone it moves
    _press(qtbot, K.Key_Minus)
    assert milestones()[key].forecast == start + timedelta(days=2)
    for _ in range(4):
        qtbot.keyClick(canvas, K.Key_Z, CTRL)  # each key press was one undoable step
    assert milestones()[key].forecast == start
    assert window.undo_stack.index() == window.undo_stack.count() - 4
    # the keys are in the help's shortcut overview
    table = window.feature("help").show_shortcuts().text.toPlainText()
    assert "Prognose einen Tag später" in table and "Verbinden: dieses Ziel" in table
    window.feature("help").shortcuts.close()
