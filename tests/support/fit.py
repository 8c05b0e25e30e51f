"""What a user sees as cut off in a window: label and button text wider or taller than the room
the widget gives it (QFontMetrics of the text against the widget's contentsRect), controls that
lie outside their window, and a window larger than the screen's available area (WCAG 1.4.4 and
1.4.10: text resized to 200 % without loss of content)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QCheckBox,
    QGroupBox,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTabBar,
    QTableView,
    QTextEdit,
    QToolButton,
    QWidget,
)

SLACK = 1  # rounding of fractional advances at a scale factor
# The offscreen screen has no title bars and no taskbar; a laptop's desktop has both (about
# 32 + 40 px), and not every system subtracts the taskbar from the available geometry.
DESKTOP_ROOM = 70


def _name(widget: QWidget, text: str) -> str:
    short = text if len(text) <= 40 else text[:39] + "…"
    return f"{type(widget).__name__}#{widget.objectName()} „{short}“"


def _plain(text: str) -> str:
    """The text as drawn: a single „&“ marks the mnemonic and takes no room."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text or label.pixmap() is not None and not label.pixmap().isNull():
        return None
    room = label.contentsRect().adjusted(label.margin(), label.margin(), -label.margin(),
                                         -label.margin())  # fmt: skip
    room.adjust(label.indent() if label.indent() > 0 else 0, 0, 0, 0)
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    )
    if rich:
        doc = QTextDocument()
        doc.setDefaultFont(label.font())
        doc.setDocumentMargin(0)
        doc.setHtml(text)
        if label.wordWrap():
            doc.setTextWidth(room.width())
        width, height = doc.idealWidth(), doc.size().height()
    else:
        metrics = QFontMetrics(label.font())
        drawn = _plain(text) if label.buddy() is not None else text
        if label.buddy() is None and "&" in text.replace("&&", ""):
            return f"{_name(label, text)}: zeigt „&“ (Kürzel ohne Bezugsfeld: setBuddy fehlt)"
        flags = Qt.TextFlag.TextWordWrap if label.wordWrap() else 0
        box = QRect(0, 0, room.width() if label.wordWrap() else 100_000, 100_000)
        need = metrics.boundingRect(box, int(flags), drawn)
        width, height = need.width(), need.height()
    if width > room.width() + SLACK or height > room.height() + SLACK:
        return (f"{_name(label, text)}: braucht {width:.0f}×{height:.0f}, "
                f"hat {room.width()}×{room.height()}")  # fmt: skip
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    text = button.text()
    if not text:
        return None
    if isinstance(button, QToolButton) and (
        button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
        and not button.icon().isNull()
    ):
        return None
    metrics = QFontMetrics(button.font())
    need = metrics.horizontalAdvance(_plain(text))
    room = button.contentsRect()
    if isinstance(button, QPushButton | QCheckBox | QRadioButton):
        # the style's padding, the check mark and the icon belong to the size hint
        hint = button.minimumSizeHint()
        if button.width() + SLACK < hint.width() or button.height() + SLACK < hint.height():
            return (f"{_name(button, text)}: braucht {hint.width()}×{hint.height()}, "
                    f"hat {button.width()}×{button.height()}")  # fmt: skip
    if need > room.width() + SLACK or metrics.height() > room.height() + SLACK:
        return (f"{_name(button, text)}: Text {need}×{metrics.height()}, "
                f"Platz {room.width()}×{room.height()}")  # fmt: skip
    return None


def _group_problem(box: QGroupBox) -> str | None:
    title = _plain(box.title())
    need = QFontMetrics(box.font()).horizontalAdvance(title)
    if title and need > box.width() - 8:
        return f"{_name(box, title)}: Titel {need} breit, Rahmen {box.width()}"
    return None


def _tab_problems(bar: QTabBar) -> list[str]:
    metrics = QFontMetrics(bar.font())
    problems = []
    for i in range(bar.count()):
        text = _plain(bar.tabText(i))
        need = metrics.horizontalAdvance(text)
        if need > bar.tabRect(i).width():
            problems.append(f"{_name(bar, text)}: Reiter {bar.tabRect(i).width()} < {need}")
    return problems


def _scrolls(widget: QWidget, root: QWidget) -> bool:
    """Inside a scroll area's viewport: the user reaches the widget by scrolling."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent.parentWidget(), QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _sideways(area: QAbstractScrollArea) -> str | None:
    """A list or text whose lines run out of its box: the user scrolls sideways to read them
    (WCAG 1.4.10)."""
    if not isinstance(area, QListView | QTextEdit | QPlainTextEdit) or isinstance(area, QTableView):
        return None  # canvases (graph, timeline) pan, tables scroll by columns
    if not area.horizontalScrollBar().isVisible():
        return None
    bar = area.horizontalScrollBar()
    return (f"{type(area).__name__}#{area.objectName()}: Zeilen {bar.maximum()} px breiter als "
            f"das Feld (seitlich scrollen)")  # fmt: skip


def cut_text(root: QWidget) -> list[str]:
    """Every visible label, button, group title and tab of `root` whose text does not fit, and
    every visible control that lies (partly) outside `root` without a scroll area to reach it."""
    problems: list[str] = []
    whole = root.rect()
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not root.window():
            continue
        if isinstance(widget, QLabel):
            problems.append(_label_problem(widget))
        elif isinstance(widget, QAbstractButton):
            problems.append(_button_problem(widget))
        elif isinstance(widget, QGroupBox):
            problems.append(_group_problem(widget))
        elif isinstance(widget, QTabBar):
            problems.extend(_tab_problems(widget))
        elif isinstance(widget, QAbstractScrollArea):
            problems.append(_sideways(widget))
        if isinstance(widget, QLabel | QAbstractButton) and not _scrolls(widget, root):
            place = QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())
            if not whole.contains(place):
                problems.append(f"{_name(widget, getattr(widget, 'text', lambda: '')())}: "
                                f"liegt bei {place.getRect()} außerhalb von {whole.getRect()}")  # fmt: skip
    return [p for p in problems if p]


def off_screen(window: QWidget) -> list[str]:
    """The window larger than the available screen area or reaching over its edge (a panel
    inside another window: that window)."""
    window = window.window()
    screen = window.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry()
    frame = window.frameGeometry()
    problems = []
    whole = window.isMaximized() or window.isFullScreen()  # the system fits those itself
    if not whole and frame.height() + DESKTOP_ROOM > room.height():
        problems.append(f"{window.objectName() or type(window).__name__}: {frame.height()} hoch, "
                        f"mit Titel- und Taskleiste ({DESKTOP_ROOM}) mehr als {room.height()}")  # fmt: skip
    if frame.width() > room.width() or frame.height() > room.height():
        problems.append(f"{window.objectName() or type(window).__name__}: "
                        f"{frame.width()}×{frame.height()} größer als der Bildschirm "
                        f"{room.width()}×{room.height()}")  # fmt: skip
    elif not room.contains(frame):
        problems.append(f"{window.objectName() or type(window).__name__}: bei {frame.getRect()}"
                        f" über den Rand von {room.getRect()}")  # fmt: skip
    return problems
