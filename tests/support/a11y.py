"""Walking the accessibility tree as a screen reader does (QAccessible interfaces, not widgets):
what a blind user hears is the interface's role and name, whatever the widget class."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget

R = QAccessible.Role
# Controls a user operates: each must say what it is for.
INTERACTIVE = {
    R.Button, R.CheckBox, R.RadioButton, R.ComboBox, R.EditableText, R.SpinBox, R.Slider,
    R.Dial, R.PageTab, R.ButtonMenu, R.ButtonDropDown, R.Table, R.List, R.Tree, R.Canvas,
    R.Graphic, R.HotkeyField,
}  # fmt: skip
# Their children are data (cells, rows, list entries): named by the data, not by us.
CONTAINERS = {R.Table, R.List, R.Tree, R.ComboBox, R.ScrollBar, R.MenuBar, R.PopupMenu}


def _describe(iface) -> str:
    obj = iface.object()
    cls = type(obj).__name__ if obj is not None else "?"
    name = obj.objectName() if isinstance(obj, QWidget) else ""
    parent = obj.parent() if obj is not None else None
    trail = []
    while parent is not None and len(trail) < 4:
        trail.append(parent.objectName() or type(parent).__name__)
        parent = parent.parent()
    return f"{cls}#{name} role={iface.role().name} in {'/'.join(trail)}"


def walk(widget: QWidget):
    """Every visible interface below `widget` (depth first), without the data of tables."""
    root = QAccessible.queryAccessibleInterface(widget)
    stack = [root]
    seen = 0
    while stack:
        iface = stack.pop()
        if iface is None or not iface.isValid():
            continue
        seen += 1
        if iface.state().invisible:
            continue
        yield iface
        if iface.role() in CONTAINERS and iface is not root:
            continue
        for i in range(iface.childCount() - 1, -1, -1):
            stack.append(iface.child(i))
        assert seen < 50_000, "accessibility tree without end"


def is_control(iface) -> bool:
    """A control by its role, or any widget the Tab key stops at (a custom-painted canvas is
    announced as „Client“, yet the user works in it). A message box's icon is decoration: the
    box itself is announced as an alert or a question."""
    obj = iface.object()
    if isinstance(obj, QWidget) and obj.objectName().startswith("qt_msgbox"):
        return False
    if iface.role() in INTERACTIVE:
        return True
    return (
        isinstance(obj, QWidget)
        and bool(obj.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and iface.role() not in CONTAINERS
    )


def unnamed_controls(widget: QWidget) -> list[str]:
    """The interactive controls below `widget` that a screen reader announces without a name."""
    missing = []
    for iface in walk(widget):
        if is_control(iface) and not iface.text(QAccessible.Text.Name).strip():
            missing.append(_describe(iface))
    return missing


def interactive_count(widget: QWidget) -> int:
    return sum(1 for iface in walk(widget) if is_control(iface))


def _ground(widget: QWidget):
    """The colour behind `widget`: its own or its nearest ancestor's filled background."""
    from PySide6.QtWidgets import QAbstractScrollArea

    node = widget
    while node is not None:
        if node.isWindow() or node.autoFillBackground() or "background" in node.styleSheet():
            # a style sheet's background lands in the palette as the background role
            return node.palette().color(node.backgroundRole())
        parent = node.parentWidget()
        if parent is not None and isinstance(parent.parentWidget(), QAbstractScrollArea):
            if parent is parent.parentWidget().viewport():  # a scroll area's page: its viewport
                return parent.palette().color(parent.backgroundRole())
        node = parent
    return widget.palette().color(widget.backgroundRole())


def _placeholder(widget: QWidget) -> str:
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit

    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        return widget.placeholderText().strip()
    return ""


def _placeholder_colours(widget: QWidget):
    """The placeholder's colour as painted (its alpha laid over the field's ground) and that
    ground."""
    from PySide6.QtGui import QColor, QPalette

    palette = widget.palette()
    fg, bg = (
        palette.color(QPalette.ColorRole.PlaceholderText),
        palette.color(QPalette.ColorRole.Base),
    )
    a = fg.alphaF()
    shown = QColor(
        *(round(f * a + b * (1 - a)) for f, b in zip(fg.getRgb()[:3], bg.getRgb()[:3], strict=True))
    )
    return shown, bg


def low_contrast(root: QWidget, minimum: float = 4.5) -> list[str]:
    """Visible, enabled label and check/radio texts and field placeholders of `root` below `minimum`:1 to the colour
    behind them (WCAG 1.4.3; disabled controls are exempt), with the colours the palette and
    style sheets really give them."""
    from PySide6.QtWidgets import QCheckBox, QLabel, QRadioButton

    from sa2030_desktop.domain.contrast import contrast_ratio

    low = []
    for widget in root.findChildren(QWidget):
        if _placeholder(widget) and widget.isVisible() and widget.isEnabled():
            # shown whenever the field is empty: the text colour (often half transparent) over
            # the field's ground
            fg, bg = _placeholder_colours(widget)
            ratio = contrast_ratio(fg.name(), bg.name())
            if ratio < minimum:
                low.append(f"{type(widget).__name__}#{widget.objectName()} Platzhalter "
                           f"„{_placeholder(widget)[:30]}“: {fg.name()} auf {bg.name()} = "
                           f"{ratio:.2f}")  # fmt: skip
        if not isinstance(widget, QLabel | QCheckBox | QRadioButton):
            continue
        if not widget.isVisible() or not widget.isEnabled() or not widget.text().strip():
            continue
        fg = widget.palette().color(widget.foregroundRole())
        bg = _ground(widget)
        ratio = contrast_ratio(fg.name(), bg.name())
        if ratio < minimum:
            low.append(f"{type(widget).__name__}#{widget.objectName()} „{widget.text()[:30]}“: "
                       f"{fg.name()} auf {bg.name()} = {ratio:.2f}")  # fmt: skip
    return low


def mouse_only(widget: QWidget) -> list[str]:
    """Enabled controls below `widget` that the keyboard cannot reach: an interactive role on
    a widget that never takes the focus (BITV 2.0 / WCAG 2.1.1 Tastatur). A button of a
    dialog's button box counts too: Tab must reach „Abbrechen“."""
    from PySide6.QtWidgets import QLabel

    missing = []
    for iface in walk(widget):
        obj = iface.object()
        if not isinstance(obj, QWidget) or obj is widget or iface.role() not in INTERACTIVE:
            continue
        if obj.objectName().startswith("qt_") or not obj.isEnabled() or isinstance(obj, QLabel):
            continue  # a picture in a label (a status sign) is read, not operated
        if obj.focusPolicy() == Qt.FocusPolicy.NoFocus and obj.focusProxy() is None:
            missing.append(_describe(iface))
    return missing
