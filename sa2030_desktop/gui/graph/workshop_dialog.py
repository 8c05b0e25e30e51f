"""Dialog „Workshop-Protokoll erstellen“: the session, what it decided, Ort, Teilnehmende,
Geschäftszeichen, VS-NfD, figure and target; the Vermerk is written in a worker."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDateTime, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sa2030_desktop.gui.briefing.job import BriefingJob
from sa2030_desktop.services import workshop
from sa2030_desktop.services.briefing import SUFFIXES, BriefingOptions

KIND = "workshopprotokoll"


class WorkshopDialog(QDialog, BriefingJob):
    def __init__(self, page, session: workshop.WorkshopSession) -> None:
        super().__init__(page.window())
        self.setObjectName("workshopDialog")
        self.setWindowTitle(self.tr("Workshop-Protokoll erstellen"))
        self.setMinimumWidth(520)
        self.page = page
        self.bridge = page.bridge
        self.session = session
        self.job = None
        self.result = None
        self.changes = workshop.session_changes(self.bridge.store, session)
        self.decisions = workshop.decisions(self.changes)

        end = session.ended.astimezone() if session.ended else None
        self.start = QDateTimeEdit(
            QDateTime(session.started.astimezone().replace(tzinfo=None)), self
        )
        self.start.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.start.setCalendarPopup(True)
        self.start.setToolTip(self.tr("Früher setzen, wenn die Sitzung schon mit einer vorigen "
                                      "Präsentation begann; es zählen die Änderungen ab dann."))  # fmt: skip
        self.until = QLabel(
            self.tr("bis {0} Uhr").format(f"{end:%H:%M}") if end else self.tr("(läuft noch)"), self
        )
        self.summary = QLabel("\n".join(workshop.summary_lines(self.decisions)), self)
        self.summary.setObjectName("workshopSummary")
        self.summary.setWordWrap(True)
        self.place = QLineEdit(self.tr("Magdeburg"), self)
        self.participants = QPlainTextEdit(self)
        self.participants.setPlaceholderText(self.tr("optional, eine Person oder Stelle je Zeile"))
        self.participants.setTabChangesFocus(True)
        self.participants.setFixedHeight(self.fontMetrics().lineSpacing() * 5)
        self.reference = QLineEdit(self)
        self.author = QLineEdit(self)
        self.classified = QCheckBox(self.tr("VS – NUR FÜR DEN DIENSTGEBRAUCH"), self)
        self.figure = QCheckBox(self.tr("Abbildung der berührten Ziele"), self)
        self.figure.setChecked(True)
        self.target = QLineEdit(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self._layout()

    def _layout(self) -> None:
        box = QGroupBox(self.tr("Entscheidungen der Sitzung"), self)
        inner = QVBoxLayout(box)
        when = QWidget(self)
        row = QHBoxLayout(when)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("Sitzung &ab:"), self)
        label.setBuddy(self.start)
        for widget in (label, self.start, self.until):
            row.addWidget(widget)
        row.addStretch(1)
        inner.addWidget(when)
        inner.addWidget(self.summary)
        form = QFormLayout()
        form.addRow(self.tr("&Ort:"), self.place)
        form.addRow(self.tr("&Teilnehmende:"), self.participants)
        form.addRow(self.tr("&Geschäftszeichen:"), self.reference)
        form.addRow(self.tr("&Bearbeitung:"), self.author)
        form.addRow(self.tr("Ein&stufung:"), self.classified)
        form.addRow("", self.figure)
        browse = QPushButton(self.tr("Speichern &unter…"), self)
        browse.clicked.connect(self.choose_target)
        row = QWidget(self)
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.target)
        lay.addWidget(browse)
        form.addRow(self.tr("&Datei:"), row)
        self.start.dateTimeChanged.connect(self._start_changed)
        names = {self.start: "Beginn der Sitzung", self.place: "Ort", self.participants: "Teilnehmende",
                 self.reference: "Geschäftszeichen", self.author: "Bearbeitung",
                 self.target: "Zieldatei", self.summary: "Entscheidungen der Sitzung"}  # fmt: skip
        for widget, name in names.items():
            widget.setAccessibleName(name)
        self.buttons = QDialogButtonBox(self)
        self.create = self.buttons.addButton(
            self.tr("&Erstellen"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.create.clicked.connect(self.run)
        self.cancel.clicked.connect(self.cancel_or_close)
        main = QVBoxLayout(self)
        main.addWidget(box)
        main.addLayout(form)
        main.addWidget(self.progress)
        main.addWidget(self.status)
        main.addWidget(self.buttons)

    def _start_changed(self) -> None:
        """Another start: the changes from then on (the change log's times, to the minute)."""
        moment = self.start.dateTime().toPython().astimezone()
        if moment.replace(second=0) == self.session.started.astimezone().replace(
            second=0, microsecond=0
        ):
            self.changes = workshop.session_changes(self.bridge.store, self.session)
        else:
            self.changes = workshop.changes_since(self.bridge.store, moment, self.session.ended)
        self.decisions = workshop.decisions(self.changes)
        self.summary.setText("\n".join(workshop.summary_lines(self.decisions)))

    def started(self):
        """The session's start as the Protokoll names it (the edited one, if changed)."""
        moment = self.start.dateTime().toPython().astimezone()
        mark = self.session.started.astimezone()
        return mark if moment.replace(second=0) == mark.replace(second=0, microsecond=0) else moment

    def options(self) -> BriefingOptions:
        return BriefingOptions(
            classified=self.classified.isChecked(),
            reference=self.reference.text(),
            author=self.author.text(),
            place=self.place.text(),
            participants=self.participants.toPlainText(),
            figures=self.figure.isChecked(),
            session_since=self.started(),
            session_until=self.session.ended,
            changes=self.changes,
        )

    def choose_target(self) -> None:
        # the suggested name never carries the classification (VSA: file names stay unclassified)
        filters = {self.tr("Word-Dokument (*.docx)"): ".docx",
                   self.tr("PDF/A für die E-Akte (*.pdf)"): ".pdf",
                   self.tr("OpenDocument-Text (*.odt)"): ".odt"}  # fmt: skip
        name, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Workshop-Protokoll speichern"), "Workshop-Protokoll.docx",
            ";;".join(filters),
        )  # fmt: skip
        if name:
            known = Path(name).suffix.lower() in SUFFIXES
            self.target.setText(name if known else name + filters.get(chosen, ".docx"))

    def run(self) -> None:
        target = self.target.text().strip()
        if not target:
            self.choose_target()
            target = self.target.text().strip()
            if not target:
                return
        args = (self.bridge.snapshot(), Path(target), KIND, None, self.bridge.as_of,
                self.options())  # fmt: skip
        self.start_write(args, self.tr("Workshop-Protokoll wird erstellt …"))

    def written(self, result) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Workshop-Protokoll erstellt"),
                          self.tr("Workshop-Protokoll geschrieben:\n{0}").format(result.path),
                          parent=self)  # fmt: skip
        box.setObjectName("workshopDone")
        self.open_file = box.addButton(self.tr("Datei ö&ffnen"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.buttonClicked.connect(
            lambda button: (
                button is self.open_file
                and QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path)))
            )
        )
        box.open()
        self.done_box = box
