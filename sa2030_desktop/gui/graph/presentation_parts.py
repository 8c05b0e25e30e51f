"""Parts of the presentation window: the view with its keys and the pointer highlight, and the
legend bar (step title, status colours with their names, edge styles, key help)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from sa2030_desktop.domain.model import STATUS_COLOURS, Status
from sa2030_desktop.gui.graph.items import STATUS_SIGN
from sa2030_desktop.gui.graph.style import LIGHT, Theme
from sa2030_desktop.gui.graph.view import GraphView

LANE_NAME_PX = 24.0  # 18 pt: a lane's name on the projector, however small the picture
POINTER_RADIUS = 30  # pixels: a spot the back row sees, as a laser pointer would be

KEYS = {
    Qt.Key.Key_F: "focus",
    Qt.Key.Key_E: "editing",
    Qt.Key.Key_A: "build_up",
    Qt.Key.Key_T: "theme",
    Qt.Key.Key_Z: "pointer",
    Qt.Key.Key_H: "help",
    Qt.Key.Key_Home: "first",
    Qt.Key.Key_End: "last",
}


class PresentationView(GraphView):
    step = Signal(int)  # +1 next, -1 previous
    command = Signal(str)  # one of KEYS' values
    leave = Signal()
    resized = Signal()  # the viewport has its new size: frame the step again
    bars_follow_fit = False  # never any scroll bar on the projector

    def __init__(self, scene, parent=None) -> None:
        super().__init__(scene, parent)
        self.pointer_on = True
        self.pointer: QPointF | None = None  # viewport position of the mouse
        self.viewport().setMouseTracking(True)
        self.lane_names = LaneNames()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.resized.emit()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        old, self.pointer = self.pointer, event.position()
        if self.pointer_on:
            for spot in (old, self.pointer):
                if spot is not None:
                    r = POINTER_RADIUS + 4
                    self.viewport().update(int(spot.x() - r), int(spot.y() - r), 2 * r, 2 * r)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802
        self.pointer = None
        self.viewport().update()
        super().leaveEvent(event)

    def drawForeground(self, painter: QPainter, rect) -> None:  # noqa: N802
        super().drawForeground(painter, rect)
        self.lane_names.paint(painter, self)
        if not (self.pointer_on and self.pointer is not None):
            return
        painter.save()
        painter.resetTransform()  # the spot has a fixed size on screen, whatever the zoom
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(255, 64, 64, 230), 4))
        painter.setBrush(QColor(255, 64, 64, 60))
        painter.drawEllipse(self.pointer, POINTER_RADIUS, POINTER_RADIUS)
        painter.restore()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().keyPressEvent(event)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Down):
            self.step.emit(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Up):
            self.step.emit(-1)
        elif key in KEYS:
            self.command.emit(KEYS[key])
        elif key == Qt.Key.Key_Escape:
            self.scene().cancel_gesture()
            self.leave.emit()
        else:
            super().keyPressEvent(event)


class LaneNames:
    """The lanes' (ministries') names of the portfolio's picture when it is too small for the
    lanes' own: in a strip left of the picture at LANE_NAME_PX on screen, each beside its band
    – the full name where the strip (at most `budget` pixels) holds it, else the code. The
    picture is framed right of the strip, which covers the lanes' own name column."""

    def __init__(self) -> None:
        self.lanes: list = []  # the scene's LaneItems named
        self.texts: list[str] = []
        self.font = QFont()
        self.width = 0.0  # the strip's width on screen (0: no strip)
        self.x = 0.0  # its left edge on screen (a narrow picture: centred with it)

    def clear(self) -> None:
        self.lanes, self.texts, self.width, self.x = [], [], 0.0, 0.0

    def set(self, lanes, font: QFont, px: float, budget: float) -> float:
        """Name these lanes at `px` pixels; returns the strip's width."""
        self.font = QFont(font)
        self.font.setPixelSize(max(1, round(px)))
        metrics = QFontMetricsF(self.font)
        pad = px / 2
        full = max((metrics.horizontalAdvance(lane.label) for lane in lanes), default=0.0)
        use_full = full + 2 * pad <= budget
        self.lanes = list(lanes)
        self.texts = [lane.label if use_full else lane.value for lane in lanes]
        widest = max((metrics.horizontalAdvance(t) for t in self.texts), default=0.0)
        self.width = widest + 2 * pad if lanes else 0.0
        return self.width

    def paint(self, painter: QPainter, view) -> None:
        if not self.width:
            return
        painter.save()
        painter.resetTransform()  # screen pixels: the names keep their size
        height = view.viewport().height()
        theme = view.scene().style.theme
        painter.fillRect(QRectF(0, 0, self.x + self.width, height), QColor(theme.background))
        painter.setFont(self.font)
        for lane, text in zip(self.lanes, self.texts, strict=True):
            if not lane.isVisible():
                continue
            band = view.mapFromScene(lane.sceneBoundingRect()).boundingRect()
            row = QRectF(self.x, band.top(), self.width, band.height())
            painter.fillRect(row, QColor(theme.lane_a if lane.shade else theme.lane_b))
            painter.setPen(QColor(theme.text))
            painter.drawText(
                row.adjusted(self.font.pixelSize() / 2, -height, 0, height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
        painter.setPen(QPen(QColor(theme.border), 1))
        right = self.x + self.width
        painter.drawLine(QPointF(right, 0), QPointF(right, height))
        painter.restore()

    def text_rects(self, view) -> list[tuple[str, QRectF]]:
        """Each name's text box on screen (for checks)."""
        metrics = QFontMetricsF(self.font)
        rects = []
        for lane, text in zip(self.lanes, self.texts, strict=True):
            band = view.mapFromScene(lane.sceneBoundingRect()).boundingRect()
            w, h = metrics.horizontalAdvance(text), metrics.height()
            left = self.x + self.font.pixelSize() / 2
            rects.append((text, QRectF(left, band.center().y() - h / 2, w, h)))
        return rects


HELP = (
    "→/Bild↓ weiter · ←/Bild↑ zurück · Pos1/Ende erster Schritt/Gesamtbild · F Kette des "
    "gewählten Ziels · E Bearbeiten (Strg+Z rückgängig) · A Aufbau · T hell/dunkel · "
    "Z Zeiger · H Hilfe · Esc Ende"
)


class Legend(QFrame):
    """Always on screen below the projected graph: the step's title and the line styles in one
    row; the status colours (with their signs) only where boxes do not say the status in words;
    on request (H) the keys."""

    GAP = 18  # room between the title and the swatches

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("presentationLegend")
        self.info = _Title(self)
        self.info.setObjectName("presentationTitle")
        self.info.setWordWrap(True)  # a narrow projector: wrap instead of widening the window
        self.hint = QLabel(self.tr(HELP), self)
        self.hint.setWordWrap(True)
        self.hint.setVisible(False)
        self.lines = _Swatches(self, _Swatches.LINES)
        self.statuses = _Swatches(self, _Swatches.STATUSES)
        self.row = row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(self.GAP)
        row.addWidget(self.info, 1)
        row.addWidget(self.lines, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 6)
        layout.setSpacing(0)
        layout.addLayout(row)
        layout.addWidget(self.statuses)
        layout.addWidget(self.hint)
        self.setAccessibleName(self.tr("Legende der Präsentation"))
        self.set_theme(LIGHT)

    def arrange(self) -> None:
        """Title and swatches side by side where both fit on one line with clear room between
        them; else the swatches below the title (at 1366 × 768 „· Teil 1/2 · nur Ansicht“
        wrapped and its second line sat on the screen's edge)."""
        room = self.contentsRect().width()
        self.info.ensurePolished()  # the style sheet's bold 18 pt, not the default font
        wide = self.info.fontMetrics().horizontalAdvance(self.info.text())
        side = wide + self.GAP + self.lines.sizeHint().width() <= room
        direction = QBoxLayout.Direction.LeftToRight if side else QBoxLayout.Direction.TopToBottom
        if self.row.direction() != direction:
            self.row.setDirection(direction)
            self.row.setSpacing(self.GAP if side else self.GAP // 3)
        self.info.setMinimumHeight(0)  # (a label's height for a width is at least its minimum)
        if not side:
            self.info.setMinimumHeight(max(0, self.info.heightForWidth(max(room, 1))))

    def height_for(self, title: str) -> int:
        """The legend's height with this title at its width now: a step is planned for the
        screen the legend leaves (a title in parts may need a second row)."""
        shown = self.info.text()
        self.info.setText(title)
        self.layout().invalidate()
        frame = self.contentsMargins()  # (the style sheet's border line)
        height = self.layout().minimumSize().height() + frame.top() + frame.bottom()
        self.info.setText(shown)
        self.layout().invalidate()
        return height

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.arrange()

    def set_theme(self, theme: Theme) -> None:
        self.setStyleSheet(
            f"#presentationLegend {{ background: {theme.background};"
            f" border-top: 2px solid {theme.border}; }}"
            f" QLabel {{ color: {theme.text}; font-size: 18pt; }}"
            " #presentationTitle { font-weight: bold; }"
        )
        for swatches in (self.lines, self.statuses):
            swatches.theme = theme
            swatches.update()
        self.arrange()


class _Title(QLabel):
    """The step's title: a new text may no longer fit beside the swatches."""

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self.parent().arrange()


class _Swatches(QWidget):
    """Status colours and edge styles in as many rows as the screen width needs."""

    STATUSES = [
        (f"{STATUS_SIGN[s.value]} {s.label}".strip(), STATUS_COLOURS[s], None) for s in Status
    ]
    LINES = [
        ("hart", "edge_hard", Qt.PenStyle.SolidLine),
        ("weich", "edge_soft", Qt.PenStyle.DashLine),
        ("Konflikt", "conflict", Qt.PenStyle.SolidLine),
        ("Nachbarziel", "context", Qt.PenStyle.DashLine),
    ]
    ROW = 36
    MARK = 36  # a line's or neighbour box's sample and the room after it

    def __init__(self, parent, items) -> None:
        super().__init__(parent)
        self.items = items
        font = self.font()
        font.setPointSizeF(18)
        self.setFont(font)
        self.theme = LIGHT
        self.setMinimumHeight(self.ROW)
        self.setAccessibleName(self.tr("Farben und Linien"))
        self.setAccessibleDescription(", ".join(label for label, _c, _p in items))

    def _placed(self, width: int) -> list[tuple[float, float, str, str, object, float]]:
        """(x, y, label, colour, pen style, label width) of every item, wrapped at width."""
        metrics = self.fontMetrics()
        x, y, placed = 4.0, 0.0, []
        for label, colour, pen in self.items:
            text_w = metrics.horizontalAdvance(label)
            item_w = (self.MARK if pen is not None else 28) + text_w + 12
            if x > 4 and x + item_w - 16 > width:
                x, y = 4.0, y + self.ROW
            placed.append((x, y, label, colour, pen, text_w))
            x += item_w
        return placed

    def sizeHint(self) -> QSize:  # noqa: N802
        x, _y, _label, _colour, pen, text_w = self._placed(10**6)[-1]
        return QSize(int(x + (self.MARK if pen is not None else 28) + text_w + 8), self.ROW)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        rows = int(max(y for _x, y, *_rest in self._placed(self.width())) // self.ROW) + 1
        self.setMinimumHeight(rows * self.ROW)

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font())
        theme = self.theme
        for x, y, label, colour, pen, text_w in self._placed(self.width()):
            if pen is None:
                painter.setPen(QPen(QColor(theme.border), 1))
                painter.setBrush(QColor(colour))
                painter.drawRect(QRectF(x, y + 7, 20, 22))
            elif colour == "context":
                painter.setPen(QPen(QColor(theme.border), 2, pen))
                painter.setBrush(QColor(theme.context_box))
                painter.drawRect(QRectF(x, y + 7, 28, 22))
            else:
                painter.setPen(QPen(QColor(getattr(theme, colour)), 5, pen))
                painter.drawLine(int(x), int(y + 18), int(x + 28), int(y + 18))
            x += self.MARK if pen is not None else 28
            painter.setPen(QColor(theme.text))
            painter.drawText(
                QRectF(x, y, text_w + 4, self.ROW), Qt.AlignmentFlag.AlignVCenter, label
            )
