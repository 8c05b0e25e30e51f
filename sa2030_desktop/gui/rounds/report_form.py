"""The report form of one goal in one round (REPORTING.md „In the application“): the current
values prefilled — status with reason, Sachstand, internal remark, forecasts and actual dates of
the goal's milestones, new indicator values. „Meldung abgeben“ builds the SubmitReport
operation; its check (the core's rules) speaks inside the form; only then it is pushed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sa2030_desktop.domain.dates import de_short, number_de, parse_number
from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.model import Portfolio, Status
from sa2030_desktop.domain.reporting import (
    MAX_PROGRESS,
    Report,
    ReportContent,
    ReportingRound,
    ReportState,
)
from sa2030_desktop.gui.detail.qdates import from_qdate, make_date_edit, set_edit_date
from sa2030_desktop.gui.dialog_parts import error_label, fit_to_screen, ok_cancel
from sa2030_desktop.gui.status_icons import status_icon
from sa2030_desktop.messages import format_error

Check = Callable[[ReportContent], None]  # raises DomainError


class ReportFormDialog(QDialog):
    def __init__(self, parent: QWidget | None, portfolio: Portfolio, rnd: ReportingRound,
                 report: Report, check: Check) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("ReportFormDialog")
        self.setWindowTitle(self.tr("Meldung {0} – Berichtsrunde {1}").format(report.goal, rnd.key))
        self.setMinimumWidth(620)
        fit_to_screen(self, 720, 640)  # fits a 1366×768 screen with the taskbar
        self.portfolio, self.round, self.report = portfolio, rnd, report
        self._check = check
        goal = portfolio.goals[report.goal]
        again = report.state in (ReportState.SUBMITTED, ReportState.RETURNED)
        head = QLabel(self.tr("<b>{0}</b> – {1}<br>Federführung {2} · Stichtag {3} · "
                              "Meldeschluss {4} · Meldung {5}").format(
            report.goal, goal.title, report.ministry, de_short(rnd.as_of),
            de_short(rnd.deadline), report.state.label), self)  # fmt: skip
        head.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        if report.state is ReportState.RETURNED and report.review_comment:
            note = QLabel(self.tr("⚠ Zurückgegeben mit dem Kommentar: „{0}“").format(
                report.review_comment), self)  # fmt: skip
            note.setObjectName("returnedNote")
            note.setWordWrap(True)
            layout.addWidget(note)
        form = QFormLayout()
        layout.addLayout(form)
        self.status_combo = QComboBox(self)
        self.status_combo.setAccessibleName(self.tr("Status"))
        for status in Status:
            self.status_combo.addItem(status_icon(status), status.label, status)
        shown = report.status if again and report.status else goal.status
        self.status_combo.setCurrentIndex(list(Status).index(shown))
        self.reason_edit = QLineEdit(report.status_reason if again else goal.status_reason, self)
        self.reason_edit.setAccessibleName(self.tr("Begründung des Status"))
        self.progress_edit = QPlainTextEdit(report.progress, self)
        self.progress_edit.setTabChangesFocus(True)
        self.progress_edit.setAccessibleName(self.tr("Sachstand"))
        self.progress_edit.setPlaceholderText(self.tr("Was ist seit der letzten Meldung erreicht? "
                                                      "(wird veröffentlicht)"))  # fmt: skip
        self.progress_edit.setFixedHeight(96)
        self.progress_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.progress_edit.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.progress_count = QLabel(self)
        self.progress_edit.textChanged.connect(self._count)
        self.remark_edit = QLineEdit(report.remark, self)
        self.remark_edit.setAccessibleName(self.tr("Interne Bemerkung"))
        self.remark_edit.setPlaceholderText(self.tr("nur intern, wird nie veröffentlicht"))
        form.addRow(self.tr("&Status:"), self.status_combo)
        form.addRow(self.tr("&Begründung:"), self.reason_edit)
        form.addRow(self.tr("S&achstand:"), self.progress_edit)
        form.addRow("", self.progress_count)
        form.addRow(self.tr("&Interne Bemerkung:"), self.remark_edit)
        self._count()
        details = QWidget(self)
        inner = QVBoxLayout(details)
        inner.setContentsMargins(0, 0, 6, 0)  # clear of the vertical scroll bar
        inner.addWidget(self._milestone_box(goal.key))
        inner.addWidget(self._indicator_box(goal.key))
        inner.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setAccessibleName(self.tr("Meldebogen"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(details)
        scroll.setMinimumHeight(200)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(scroll, 1)
        self.error = error_label(self)
        layout.addWidget(self.error)
        buttons = ok_cancel(self, self.tr("Meldung abgeben"))
        self.submit_button = buttons.buttons()[0]
        layout.addWidget(buttons)
        self.content: ReportContent | None = None

    # -- parts -----------------------------------------------------------------------------------
    def _milestone_box(self, goal: str) -> QGroupBox:
        box = QGroupBox(self.tr("Meilensteine"), self)
        grid = QGridLayout(box)
        self.milestone_edits: dict[str, tuple] = {}
        milestones = sorted((m for m in self.portfolio.milestones.values() if m.goal == goal),
                            key=lambda m: m.key)  # fmt: skip
        if not milestones:
            grid.addWidget(QLabel(self.tr("Dieses Ziel hat keine Meilensteine."), box), 0, 0)
            return box
        for col, text in enumerate((self.tr("Meilenstein"), self.tr("Basistermin"),
                                    self.tr("Prognose"), self.tr("Ist"))):  # fmt: skip
            grid.addWidget(QLabel(f"<b>{text}</b>", box), 0, col)
        for row, ms in enumerate(milestones, start=1):
            name = QLabel(f"{ms.key} – {ms.title}", box)
            name.setWordWrap(True)
            forecast = make_date_edit(box, optional=True,
                                      accessible=self.tr("Prognose {0}").format(ms.key))  # fmt: skip
            actual = make_date_edit(box, optional=True,
                                    accessible=self.tr("Ist {0}").format(ms.key))  # fmt: skip
            set_edit_date(forecast, self.report.forecasts.get(ms.key, ms.forecast))
            set_edit_date(actual, self.report.actuals.get(ms.key, ms.actual))
            grid.addWidget(name, row, 0)
            grid.addWidget(QLabel(de_short(ms.baseline) or "–", box), row, 1)
            grid.addWidget(forecast, row, 2)
            grid.addWidget(actual, row, 3)
            self.milestone_edits[ms.key] = (ms, forecast, actual)
        grid.setColumnStretch(0, 1)
        return box

    def _indicator_box(self, goal: str) -> QGroupBox:
        box = QGroupBox(self.tr("Indikatoren (neuer Messwert)"), self)
        grid = QGridLayout(box)
        self.value_edits: dict[str, tuple] = {}
        indicators = sorted((i for i in self.portfolio.indicators if i.goal == goal),
                            key=lambda i: i.name)  # fmt: skip
        if not indicators:
            grid.addWidget(QLabel(self.tr("Dieses Ziel hat keine Indikatoren."), box), 0, 0)
            return box
        as_of = self.round.as_of
        for row, ind in enumerate(indicators):
            last = ind.values[-1] if ind.values else None
            # a non-breaking space: a wrapped line never parts „52“ from its „%“
            shown = (f"{number_de(last.value)}\u00a0{ind.unit}".strip() + f" ({de_short(last.date)})"
                     if last else self.tr("noch kein Wert"))  # fmt: skip
            value = QLineEdit(box)
            value.setAccessibleName(self.tr("Neuer Wert {0}").format(ind.name))
            value.setPlaceholderText(self.tr("Wert"))
            day = make_date_edit(box, accessible=self.tr("Messdatum {0}").format(ind.name))
            day.setDate(QDate(as_of.year, as_of.month, as_of.day))
            reported = self.report.values.get(ind.name)
            if reported:
                value.setText(number_de(reported[0]))
                set_edit_date(day, reported[1])
            label = QLabel(self.tr("{0} – zuletzt {1}").format(ind.name, shown), box)
            label.setWordWrap(True)
            grid.addWidget(label, row, 0)
            grid.addWidget(value, row, 1)
            grid.addWidget(QLabel(self.tr("am"), box), row, 2)
            grid.addWidget(day, row, 3)
            self.value_edits[ind.name] = (value, day)
        grid.setColumnStretch(0, 1)
        return box

    def _count(self) -> None:
        n = len(self.progress_edit.toPlainText())
        self.progress_count.setText(
            self.tr("{0} von {1} Zeichen").format(number_de(n), number_de(MAX_PROGRESS))
        )

    # -- result ----------------------------------------------------------------------------------
    def build(self) -> ReportContent:
        """The content; raises ValueError (German, naming the field) for a value no number."""
        content = ReportContent(
            status=Status(self.status_combo.currentData()),
            status_reason=self.reason_edit.text().strip(),
            progress=self.progress_edit.toPlainText().strip(),
            remark=self.remark_edit.text().strip(),
        )
        for key, (ms, forecast, actual) in self.milestone_edits.items():
            new_forecast, new_actual = from_qdate(forecast.date()), from_qdate(actual.date())
            if new_forecast and new_forecast != ms.forecast:
                content.forecasts[key] = new_forecast
            if new_actual and new_actual != ms.actual:
                content.actuals[key] = new_actual
        for name, (edit, day) in self.value_edits.items():
            if not edit.text().strip():
                continue
            try:
                number = parse_number(edit.text())
            except ValueError:
                number = None
            if number is None:
                raise ValueError(self.tr("„{0}“ beim Indikator {1} ist keine Zahl.").format(
                    edit.text(), name))  # fmt: skip
            content.values[name] = (number, from_qdate(day.date()) or self.round.as_of)
        return content

    def accept(self) -> None:
        try:
            content = self.build()
            self._check(content)
        except DomainError as exc:
            self.error.setText(format_error(exc))
            return
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        self.content = content
        super().accept()
