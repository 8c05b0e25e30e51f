"""A date with an optional or required comment (Ist-Datum, Neuer Basistermin)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QFormLayout, QLineEdit

from sa2030_desktop.gui.dialog_parts import error_label, ok_cancel


class DateCommentDialog(QDialog):
    def __init__(
        self,
        title: str,
        initial: date,
        comment_required: bool,
        latest: date | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("DateCommentDialog")
        self.setMinimumWidth(440)  # room for a sentence of comment, not a dozen letters
        self.required = comment_required
        self.date_edit = QDateEdit(QDate(initial), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd.MM.yyyy")
        self.date_edit.setAccessibleName(self.tr("Datum"))
        if latest is not None:  # an actual date cannot lie in the future
            self.date_edit.setMaximumDate(QDate(latest))
        self.comment_edit = QLineEdit(self)
        self.comment_edit.setAccessibleName(self.tr("Kommentar"))
        self.hint = error_label(self)  # wraps: the dialog keeps its width at 200 %
        buttons = ok_cancel(self, self.tr("Übernehmen"))
        form = QFormLayout(self)
        form.addRow(self.tr("&Datum:"), self.date_edit)
        form.addRow(
            self.tr("&Kommentar (Pflicht):") if comment_required else self.tr("&Kommentar:"),
            self.comment_edit,
        )
        form.addRow(self.hint)
        form.addRow(buttons)

    def accept(self) -> None:
        if self.required and not self.comment_edit.text().strip():
            self.hint.setText(self.tr("Bitte einen Kommentar angeben – er wird protokolliert."))
            return
        super().accept()

    def day(self) -> date:
        return self.date_edit.date().toPython()

    def comment(self) -> str:
        return self.comment_edit.text().strip()
