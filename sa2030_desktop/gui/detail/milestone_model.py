"""The milestones of one goal as a real table model (Basistermin read-only here)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from sa2030_desktop.domain.dates import days_de, de_short
from sa2030_desktop.domain.model import Milestone
from sa2030_desktop.domain.rules import is_overdue, slip_days

Index = QModelIndex | QPersistentModelIndex
# (milestone key, field, new value) -> whether the edit was taken
EditHandler = Callable[[str, str, object], bool]


def _t(text: str) -> str:
    return QCoreApplication.translate("MilestoneTableModel", text)


class MilestoneColumn(IntEnum):
    KEY = 0
    TITLE = 1
    BASELINE = 2
    FORECAST = 3
    ACTUAL = 4
    SLIP = 5


HEADERS = {
    MilestoneColumn.KEY: "Schlüssel",
    MilestoneColumn.TITLE: "Titel",
    MilestoneColumn.BASELINE: "Basistermin",
    MilestoneColumn.FORECAST: "Prognose",
    MilestoneColumn.ACTUAL: "Ist",
    MilestoneColumn.SLIP: "Verzug\nTage",  # two lines: the title keeps the room in a laptop's dock
}
FIELD_OF = {
    MilestoneColumn.TITLE: "title",
    MilestoneColumn.FORECAST: "forecast",
    MilestoneColumn.ACTUAL: "actual",
}
_LATE = QColor("#B71C1C")


class MilestoneTableModel(QAbstractTableModel):
    """Rows are the goal's milestones in date order; edits go to `edit_handler` (a command)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Milestone] = []
        self.as_of = date.today()
        self.edit_handler: EditHandler | None = None

    def set_milestones(self, milestones: list[Milestone], as_of: date) -> None:
        self.beginResetModel()
        self._rows = list(milestones)
        self.as_of = as_of
        self.endResetModel()

    def milestone(self, row: int) -> Milestone | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, key: str) -> int:
        return next((i for i, m in enumerate(self._rows) if m.key == key), -1)

    # -- Qt model interface ----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(MilestoneColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(MilestoneColumn):
                return _t(HEADERS[MilestoneColumn(section)])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if MilestoneColumn(index.column()) in FIELD_OF:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        ms = self._rows[index.row()]
        col = MilestoneColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(ms, col)
        if role == Qt.ItemDataRole.EditRole:
            if col in FIELD_OF:
                return getattr(ms, FIELD_OF[col])
            return self._display(ms, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(ms, col)
        if role == Qt.ItemDataRole.ForegroundRole and col in (
            MilestoneColumn.SLIP,
            MilestoneColumn.FORECAST,
        ):
            if slip_days(ms) or is_overdue(ms, self.as_of):
                return QBrush(_LATE)
        if role == Qt.ItemDataRole.TextAlignmentRole and col is MilestoneColumn.SLIP:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, ms: Milestone, col: MilestoneColumn) -> str:
        if col is MilestoneColumn.KEY:
            return ms.key
        if col is MilestoneColumn.TITLE:
            return ms.title
        if col is MilestoneColumn.BASELINE:
            return de_short(ms.baseline)
        if col is MilestoneColumn.FORECAST:
            text = de_short(ms.forecast)
            return text + _t(" (überfällig)") if is_overdue(ms, self.as_of) else text
        if col is MilestoneColumn.ACTUAL:
            return de_short(ms.actual) or "–"
        days = slip_days(ms)
        return str(days) if days else ("–" if ms.actual is None else "")

    def _tooltip(self, ms: Milestone, col: MilestoneColumn) -> str | None:
        if col is MilestoneColumn.BASELINE:
            return _t("Der Basistermin ändert sich nur über „Neuer Basistermin …“.")
        if col is MilestoneColumn.SLIP and slip_days(ms):
            return _t("Prognose liegt {0} nach dem Basistermin.").format(days_de(slip_days(ms)))
        if col is MilestoneColumn.FORECAST and is_overdue(ms, self.as_of):
            return _t("Prognose ist verstrichen, aber kein Ist-Datum eingetragen.")
        if ms.note and col is MilestoneColumn.TITLE:
            return ms.note
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        col = MilestoneColumn(index.column())
        if col not in FIELD_OF or self.edit_handler is None:
            return False
        ms = self._rows[index.row()]
        name = FIELD_OF[col]
        if name == "title":
            value = str(value or "").strip()
        if getattr(ms, name) == value:
            return False
        # The handler pushes a command; the store's change notice rebuilds this model.
        return bool(self.edit_handler(ms.key, name, value))
