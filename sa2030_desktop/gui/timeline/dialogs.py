"""A date with an optional or required comment (Ist-Datum, Neuer Basistermin)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit


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
        self.required = comment_required
        self.date_edit = QDateEdit(QDate(initial), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd.MM.yyyy")
        self.date_edit.setAccessibleName(self.tr("Datum"))
        if latest is not None:  # an actual date cannot lie in the future
            self.date_edit.setMaximumDate(QDate(latest))
        self.comment_edit = QLineEdit(self)
        self.comment_edit.setAccessibleName(self.tr("Kommentar"))
        self.hint = QLabel(self)
        self.hint.setStyleSheet("color: #B71C1C;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        form = QFormLayout(self)
        form.addRow(self.tr("&Datum:"), self.date_edit)
        form.addRow(
            self.tr("&Kommentar (Pflicht):") if comment_required else self.tr("&Kommentar:"),
            self.comment_edit,
        )
        form.addRow(self.hint)
        form.addRow(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def accept(self) -> None:
        if self.required and not self.comment_edit.text().strip():
            self.hint.setText(self.tr("Bitte einen Kommentar angeben – er wird protokolliert."))
            return
        super().accept()

    def day(self) -> date:
        return self.date_edit.date().toPython()

    def comment(self) -> str:
        return self.comment_edit.text().strip()
