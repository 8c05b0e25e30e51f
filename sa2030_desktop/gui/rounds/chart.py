"""The status-transition chart of a comparison (QPainter): one bar per from→to pair with the
status shapes at both ends, the count and the word „schlechter“/„besser“/„gleich“ — readable
without colour. `text_alternative()` is the same content as sentences (accessible description)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from sa2030_desktop.domain.model import Status
from sa2030_desktop.domain.reporting import CURRENT
from sa2030_desktop.domain.reporting_compare import RANK, Comparison
from sa2030_desktop.gui.status_icons import status_pixmap

DIRECTION_COLOURS = {"schlechter": "#C62828", "besser": "#2E7D32", "gleich": "#9E9E9E"}


def transition_rows(comparison: Comparison) -> list[tuple[Status, Status, int, str]]:
    """(from, to, count, direction) – changes first (worse, then better), then the unchanged,
    each by count (largest first)."""
    rows = []
    for pair, count in comparison.transitions.items():
        old, new = (Status(s) for s in pair.split(">"))
        if RANK[new] > RANK[old]:
            direction = "schlechter"
        elif RANK[new] < RANK[old]:
            direction = "besser"
        else:
            direction = "gleich"
        rows.append((old, new, count, direction))
    order = {"schlechter": 0, "besser": 1, "gleich": 2}
    return sorted(rows, key=lambda r: (order[r[3]], -r[2], r[0].value, r[1].value))


class TransitionChart(QWidget):
    ROW = 28

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transitionChart")
        self.setAccessibleName(self.tr("Diagramm der Statusübergänge"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # reachable by keyboard (its text)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.rows: list[tuple[Status, Status, int, str]] = []
        self.title = ""

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.rows = transition_rows(comparison) if comparison else []
        later = comparison.to_key if comparison else ""
        if later == CURRENT:
            later = self.tr("aktueller Stand")
        self.title = (self.tr("Statusübergänge {0} → {1}").format(comparison.from_key, later)
                      if comparison else "")  # fmt: skip
        text = self.text_alternative()
        self.setAccessibleDescription(text)
        self.setToolTip(text)
        self.updateGeometry()
        self.update()

    def text_alternative(self) -> str:
        if not self.rows:
            return self.tr("Kein Vergleich gewählt.")
        lines = [self.title + ":"]
        for old, new, count, direction in self.rows:
            goals = self.tr("1 Ziel") if count == 1 else self.tr("{0} Ziele").format(count)
            lines.append(f"{old.label} → {new.label}: {goals} ({direction})")
        return "\n".join(lines)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, 40 + self.ROW * max(len(self.rows), 3))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(300, 40 + self.ROW * max(len(self.rows), 1))

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        painter.setPen(text_colour)
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(QRectF(8, 4, self.width() - 16, 24), Qt.AlignmentFlag.AlignLeft,
                         self.title or self.tr("Kein Vergleich gewählt"))  # fmt: skip
        painter.setFont(self.font())
        if not self.rows:
            return
        metrics = QFontMetrics(self.font())
        labels = [f"{o.label} → {n.label}" for o, n, _c, _d in self.rows]
        label_w = max(metrics.horizontalAdvance(t) for t in labels) + 44
        tail_w = metrics.horizontalAdvance("999 schlechter") + 16
        bar_space = max(40, self.width() - label_w - tail_w - 16)
        top = 34
        most = max(r[2] for r in self.rows)
        for i, ((old, new, count, direction), label) in enumerate(
            zip(self.rows, labels, strict=True)
        ):
            y = top + i * self.ROW
            painter.drawPixmap(8, y + 5, status_pixmap(old, 14))
            painter.drawText(
                QRectF(26, y, label_w - 44, self.ROW - 4),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                label,
            )
            painter.drawPixmap(label_w - 16, y + 5, status_pixmap(new, 14))
            width = max(2.0, bar_space * count / most)
            painter.fillRect(QRectF(label_w + 4, y + 5, width, self.ROW - 12),
                             QColor(DIRECTION_COLOURS[direction]))  # fmt: skip
            painter.setPen(text_colour)
            painter.drawText(QRectF(label_w + 10 + width, y, tail_w, self.ROW - 4),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             f"{count} {direction}")  # fmt: skip
        painter.end()
