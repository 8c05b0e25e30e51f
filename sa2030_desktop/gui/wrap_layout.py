"""WrapLayout: widgets side by side that wrap into further rows when the width runs out.

Used by the filter bar so that it fits a laptop screen (two or three rows) and stays one or two
rows on a wide screen. Each row is filled left to right at the widgets' size hints; space left in
a row goes to the widgets whose horizontal size policy expands (the search field, the count).
A widget alone in a row that is narrower than its hint shrinks down to its minimum size hint.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QWidget


class WrapLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 12, row_spacing: int = 4):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._h_space = spacing
        self._v_space = row_spacing

    # -- QLayout interface ---------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt override)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt override)
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt override)
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 (Qt override)
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt override)
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """Everything in one row (what a wide window shows)."""
        visible = self._visible()
        m = self.contentsMargins()
        width = sum(i.sizeHint().width() for i in visible)
        width += self._h_space * max(len(visible) - 1, 0)
        height = max((i.sizeHint().height() for i in visible), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 (Qt override)
        """As narrow as the widest single widget: everything else wraps."""
        m = self.contentsMargins()
        width = max((i.minimumSize().width() for i in self._visible()), default=0)
        return QSize(width + m.left() + m.right(), self.heightForWidth(width))

    # -- layout --------------------------------------------------------------------------------
    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def rows(self, width: int) -> list[list[QLayoutItem]]:
        """The items per row at `width` (inner width, without margins)."""
        rows: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._visible():
            need = item.sizeHint().width()
            if rows[-1] and used + self._h_space + need > width:
                rows.append([])
                used = 0
            used += (self._h_space if rows[-1] else 0) + need
            rows[-1].append(item)
        return [r for r in rows if r]

    def _arrange(self, rect: QRect, apply: bool) -> int:
        m = self.contentsMargins()
        inner = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        y = inner.y()
        for row in self.rows(inner.width()):
            widths = [max(i.sizeHint().width(), i.minimumSize().width()) for i in row]
            free = inner.width() - sum(widths) - self._h_space * (len(row) - 1)
            if free < 0:  # a single widget wider than the row: shrink towards its minimum
                for n, item in enumerate(row):
                    give = min(-free, widths[n] - item.minimumSize().width())
                    widths[n] -= give
                    free += give
            growing = [n for n, i in enumerate(row) if _expands(i)]
            if free > 0 and growing:
                share, rest = divmod(free, len(growing))
                for k, n in enumerate(growing):
                    widths[n] += share + (1 if k < rest else 0)
            height = max(i.sizeHint().height() for i in row)
            if apply:
                x = inner.x()
                for item, w in zip(row, widths, strict=True):
                    h = min(height, max(item.sizeHint().height(), item.minimumSize().height()))
                    top = y + (height - h) // 2
                    item.setGeometry(QRect(QPoint(x, top), QSize(w, h)))
                    x += w + self._h_space
            y += height + self._v_space
        used = y - inner.y() - (self._v_space if y > inner.y() else 0)
        return used + m.top() + m.bottom()


def _expands(item: QLayoutItem) -> bool:
    widget = item.widget()
    if widget is None:
        return False
    return widget.sizePolicy().horizontalPolicy() in _GROWING


_GROWING = (QSizePolicy.Policy.Expanding, QSizePolicy.Policy.MinimumExpanding)
