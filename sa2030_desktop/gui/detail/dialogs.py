"""Small dialogs of the goal detail: required reasons, new milestone, new baseline."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sa2030_desktop.domain.dates import de_short
from sa2030_desktop.gui.detail.qdates import from_qdate, make_date_edit, to_qdate
from sa2030_desktop.gui.dialog_parts import error_label, ok_cancel


class _RequiredTextDialog(QDialog):
    """OK stays disabled until the required text is filled in (so it can never be skipped)."""

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setFixedHeight(90)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.buttons = ok_cancel(self, self.tr("Übernehmen"))
        self.text_edit.textChanged.connect(self._update_ok)

    def _finish(self, label: str) -> None:
        self.form.addRow(label, self.text_edit)
        self.layout_.addWidget(self.hint)
        self.layout_.addWidget(self.buttons)
        self._update_ok()

    def text(self) -> str:
        return self.text_edit.toPlainText().strip()

    def _update_ok(self) -> None:
        ok = bool(self.text())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        self.hint.setText("" if ok else self.tr("Bitte eine Begründung eingeben (Pflichtfeld)."))

    def accept(self) -> None:
        if not self.text():  # e.g. Enter pressed with an empty field
            self.text_edit.setFocus()
            return
        super().accept()


class StatusReasonDialog(_RequiredTextDialog):
    """Asked whenever the Ampel changes: the reason is required."""

    def __init__(
        self,
        parent: QWidget | None,
        key: str,
        old_label: str,
        new_label: str,
        current_reason: str = "",
    ) -> None:
        super().__init__(parent, self.tr("Statusänderung begründen – {0}").format(key))
        self.setObjectName("StatusReasonDialog")
        intro = QLabel(
            self.tr("Status von „{0}“ auf „{1}“ ändern.").format(old_label, new_label), self
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.text_edit.setAccessibleName(self.tr("Begründung der Statusänderung"))
        if current_reason:
            self.text_edit.setPlaceholderText(current_reason)
        self._finish(self.tr("&Begründung:"))


class RebaselineDialog(_RequiredTextDialog):
    """Neuer Basistermin: new date plus a required comment (it is logged)."""

    def __init__(
        self,
        parent: QWidget | None,
        key: str,
        title: str,
        baseline: date | None,
        forecast: date | None,
    ) -> None:
        super().__init__(parent, self.tr("Neuer Basistermin – {0}").format(key))
        self.setObjectName("RebaselineDialog")
        info = QLabel(
            self.tr("{0}: bisheriger Basistermin {1}, Prognose {2}.").format(
                title, de_short(baseline) or "–", de_short(forecast) or "–"
            ),
            self,
        )
        info.setWordWrap(True)
        self.form.addRow(info)
        self.date_edit = make_date_edit(self, accessible=self.tr("Neuer Basistermin"))
        self.date_edit.setDate(to_qdate(forecast or baseline or date.today()))
        self.form.addRow(self.tr("&Neuer Basistermin:"), self.date_edit)
        self.text_edit.setAccessibleName(self.tr("Kommentar zum neuen Basistermin"))
        self._finish(self.tr("&Kommentar:"))

    def _update_ok(self) -> None:
        super()._update_ok()
        if not self.text():
            self.hint.setText(
                self.tr("Ein neuer Basistermin braucht einen Kommentar (Pflichtfeld).")
            )

    def new_date(self) -> date:
        return from_qdate(self.date_edit.date()) or date.today()


class NewMilestoneDialog(QDialog):
    def __init__(self, parent: QWidget | None, key: str) -> None:
        super().__init__(parent)
        self.setObjectName("NewMilestoneDialog")
        self.setWindowTitle(self.tr("Neuer Meilenstein"))
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        self.key_edit = QLineEdit(key, self)
        self.key_edit.setAccessibleName(self.tr("Schlüssel des Meilensteins"))
        self.title_edit = QLineEdit(self)
        self.title_edit.setAccessibleName(self.tr("Titel des Meilensteins"))
        self.baseline_edit = make_date_edit(self, accessible=self.tr("Basistermin"))
        self.forecast_edit = make_date_edit(self, accessible=self.tr("Prognose"))
        self.baseline_edit.dateChanged.connect(self.forecast_edit.setDate)
        self.error = error_label(self)
        form.addRow(self.tr("&Schlüssel:"), self.key_edit)
        form.addRow(self.tr("&Titel:"), self.title_edit)
        form.addRow(self.tr("&Basistermin:"), self.baseline_edit)
        form.addRow(self.tr("&Prognose:"), self.forecast_edit)
        form.addRow(self.error)
        buttons = ok_cancel(self, self.tr("Anlegen"))
        form.addRow(buttons)
        self.check = None  # callable(dialog) -> error text or ""

    def accept(self) -> None:
        message = self.check(self) if self.check else ""
        if message:
            self.error.setText(message)
            return
        super().accept()
