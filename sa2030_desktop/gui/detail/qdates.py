"""Dates between Python and Qt, and date editors in DIN 5008 form (31.03.2026)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import QDateEdit, QStyledItemDelegate, QWidget

DISPLAY_FORMAT = "dd.MM.yyyy"
# The smallest date of an optional editor stands for "no date" and shows as „–“.
EMPTY = QDate(1900, 1, 1)


def to_qdate(day: date | None) -> QDate:
    return QDate(day.year, day.month, day.day) if day else QDate()


def from_qdate(value: QDate | None) -> date | None:
    if value is None or not value.isValid() or value == EMPTY:
        return None
    return date(value.year(), value.month(), value.day())


def make_date_edit(
    parent: QWidget | None = None, optional: bool = False, accessible: str = ""
) -> QDateEdit:
    """A DIN 5008 date editor with calendar; optional ones can be cleared to „–“ (no date)."""
    edit = QDateEdit(parent)
    edit.setDisplayFormat(DISPLAY_FORMAT)
    edit.setCalendarPopup(True)
    if optional:
        edit.setMinimumDate(EMPTY)
        edit.setSpecialValueText("–")
    if accessible:
        edit.setAccessibleName(accessible)
    edit.setDate(EMPTY if optional else QDate.currentDate())
    return edit


def set_edit_date(edit: QDateEdit, day: date | None) -> None:
    edit.setDate(
        to_qdate(day) if day else (EMPTY if edit.minimumDate() == EMPTY else QDate.currentDate())
    )


class DateDelegate(QStyledItemDelegate):
    """Edits a date cell with a QDateEdit; `optional` cells (Ist) may be cleared with „–“.

    The model receives a Python `date` (or None) through setData with the EditRole.
    """

    def __init__(self, parent: QWidget | None = None, optional: bool = False) -> None:
        super().__init__(parent)
        self.optional = optional

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:  # noqa: N802
        edit = make_date_edit(parent, self.optional, self.tr("Datum bearbeiten"))
        edit.setFrame(False)
        return edit

    def setEditorData(self, editor: QDateEdit, index: QModelIndex) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        if value:
            editor.setDate(to_qdate(value))
        elif self.optional:
            # An empty Ist starts at today: clearing back to „–“ is one key (Pos1) away.
            editor.setDate(QDate.currentDate())

    def setModelData(self, editor: QDateEdit, model, index: QModelIndex) -> None:  # noqa: N802
        editor.interpretText()
        model.setData(index, from_qdate(editor.date()), Qt.ItemDataRole.EditRole)
