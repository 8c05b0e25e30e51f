"""Dialogs of the „Berichtsrunden“ view: open a round, return a report with a comment, confirm
closing. The rules stay in the core: a dialog builds the operation, asks its `check` and shows
the German refusal inside the dialog; nothing is pushed until the check passes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from sa2030_desktop.domain.dates import de_short
from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.grammar import reports_de, verb_de
from sa2030_desktop.domain.model import Portfolio
from sa2030_desktop.domain.reporting import MISSING, Report, ReportingRound
from sa2030_desktop.gui.detail.qdates import from_qdate, make_date_edit
from sa2030_desktop.gui.dialog_parts import error_label, ok_cancel
from sa2030_desktop.messages import format_error

Check = Callable[[object], None]  # raises DomainError


class OpenRoundDialog(QDialog):
    """Key, title, Stichtag, Meldeschluss and the ministries in scope (none ticked: all goals).
    `check(round)` is the core's rule; the dialog closes only when it passes."""

    def __init__(self, parent: QWidget | None, portfolio: Portfolio, as_of: date,
                 check: Check) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("OpenRoundDialog")
        self.setWindowTitle(self.tr("Berichtsrunde eröffnen"))
        self.setMinimumWidth(560)
        self._check = check
        self.key_edit = QLineEdit(self)
        self.key_edit.setPlaceholderText(self.tr("z. B. 2026-Q4"))
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("z. B. Umsetzungsbericht 2026"))
        self.as_of_edit = make_date_edit(self, accessible=self.tr("Stichtag"))
        self.as_of_edit.setDate(QDate(as_of.year, as_of.month, as_of.day))
        deadline = as_of + timedelta(days=30)
        self.deadline_edit = make_date_edit(self, accessible=self.tr("Meldeschluss"))
        self.deadline_edit.setDate(QDate(deadline.year, deadline.month, deadline.day))
        self.ministries = QListWidget(self)
        self.ministries.setObjectName("scopeMinistries")
        self.ministries.setAccessibleName(self.tr("Ressorts im Umfang"))
        for code, ministry in sorted(portfolio.ministries.items()):
            if not ministry.valid_at(as_of):
                continue
            item = QListWidgetItem(f"{code} – {ministry.name}", self.ministries)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.ministries.setMaximumHeight(200)
        self.ministries.setWordWrap(True)  # long ministry names wrap, never scroll sideways
        self.ministries.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.key_edit.setAccessibleName(self.tr("Schlüssel der Runde"))
        self.title_edit.setAccessibleName(self.tr("Titel der Runde"))
        self.error = error_label(self)
        form = QFormLayout(self)
        form.addRow(self.tr("&Schlüssel:"), self.key_edit)
        form.addRow(self.tr("&Titel:"), self.title_edit)
        form.addRow(self.tr("S&tichtag:"), self.as_of_edit)
        form.addRow(self.tr("&Meldeschluss:"), self.deadline_edit)
        hint = QLabel(self.tr("Ohne Häkchen fragt die Runde alle Ziele ab; mit Häkchen nur die "
                              "Ziele, die am Stichtag von diesen Ressorts geführt werden."), self)  # fmt: skip
        hint.setWordWrap(True)
        form.addRow(self.tr("&Ressorts:"), self.ministries)
        form.addRow(hint)
        form.addRow(self.error)
        form.addRow(ok_cancel(self, self.tr("Eröffnen")))
        self.result_round: ReportingRound | None = None

    def build(self) -> ReportingRound:
        scope = []
        for row in range(self.ministries.count()):
            item = self.ministries.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                scope.append(item.data(Qt.ItemDataRole.UserRole))
        as_of = from_qdate(self.as_of_edit.date()) or date.today()
        deadline = from_qdate(self.deadline_edit.date()) or as_of
        return ReportingRound(self.key_edit.text().strip(), self.title_edit.text().strip(),
                              as_of, deadline, scope)  # fmt: skip

    def accept(self) -> None:
        rnd = self.build()
        try:
            self._check(rnd)
        except DomainError as exc:
            self.error.setText(format_error(exc))
            return
        self.result_round = rnd
        super().accept()


class ReturnDialog(QDialog):
    """Return a report: the reviewer says why (required by the core)."""

    def __init__(self, parent: QWidget | None, report: Report, check: Check) -> None:
        super().__init__(parent)
        self.setObjectName("ReturnDialog")
        self.setWindowTitle(self.tr("Meldung zurückgeben"))
        self.setMinimumWidth(440)
        self._check = check
        self.comment = QPlainTextEdit(self)
        self.comment.setTabChangesFocus(True)
        self.comment.setAccessibleName(self.tr("Kommentar der Prüfung"))
        self.comment.setPlaceholderText(self.tr("Was fehlt oder ist zu korrigieren?"))
        self.error = error_label(self)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Meldung zu {0} ({1}) an das Ressort zurückgeben.").format(
            report.goal, report.ministry), self))  # fmt: skip
        form.addRow(self.tr("&Kommentar:"), self.comment)
        form.addRow(self.error)
        form.addRow(ok_cancel(self, self.tr("Zurückgeben")))
        self.text = ""

    def accept(self) -> None:
        text = self.comment.toPlainText().strip()
        try:
            self._check(text)
        except DomainError as exc:
            self.error.setText(format_error(exc))
            return
        self.text = text
        super().accept()


def close_question(parent: QWidget, rnd: ReportingRound, reports: list[Report]) -> QMessageBox:
    """The confirmation before closing. With missing answers it names them and asks for the
    explicit „Trotzdem abschließen“ (the --force of the command line)."""
    missing = [r.goal for r in reports if r.state in MISSING]
    tr = parent.tr
    if missing:
        names = ", ".join(missing[:12]) + (" …" if len(missing) > 12 else "")
        n = len(missing)
        text = tr("In der Berichtsrunde {0} {1} noch {2}: {3}.\n\n{4} mit {5} aktuellen Stand "
                  "als „keine Meldung“ eingefroren. Trotzdem abschließen?").format(
            rnd.key, verb_de(n, tr("fehlt"), tr("fehlen")), reports_de(n), names,
            tr("Dieses Ziel wird") if n == 1 else tr("Diese Ziele werden"),
            tr("seinem") if n == 1 else tr("ihrem"))  # fmt: skip
        ok = tr("Trotzdem abschließen")
    else:
        text = tr("Berichtsrunde {0} (Stichtag {1}) abschließen? Der Berichtsstand wird "
                  "eingefroren; Meldungen nimmt die Runde danach nicht mehr an.").format(
            rnd.key, de_short(rnd.as_of))  # fmt: skip
        ok = tr("Abschließen")
    box = QMessageBox(QMessageBox.Icon.Warning if missing else QMessageBox.Icon.Question,
                      tr("Berichtsrunde abschließen"), text, QMessageBox.StandardButton.NoButton,
                      parent)  # fmt: skip
    box.setObjectName("closeRoundQuestion")
    box.confirm = box.addButton(ok, QMessageBox.ButtonRole.AcceptRole)
    box.cancel = box.addButton(tr("Abbrechen"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(box.cancel)
    box.force = bool(missing)
    return box
