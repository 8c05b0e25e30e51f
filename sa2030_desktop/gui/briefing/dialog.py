"""Dialog: kind, selection, classification, occasion and dates, template, target – with a summary
of what the briefing will contain; the export runs in a worker, then the file can be opened."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sa2030_desktop.domain.briefing_kinds import ROUND_KINDS, SESSION_KINDS
from sa2030_desktop.domain.selection import Selection, natural_key
from sa2030_desktop.gui.briefing.job import BriefingJob
from sa2030_desktop.gui.briefing.round_choice import RoundChoice
from sa2030_desktop.gui.dialog_parts import narrow_combo, natural_size, row_of
from sa2030_desktop.messages import format_error
from sa2030_desktop.services.briefing import (
    KIND_TITLES,
    KINDS,
    SUFFIXES,
    BriefingOptions,
    goals_dative,
    refusal,
    summary,
)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class BriefingDialog(QDialog, BriefingJob):
    def __init__(self, window, selection: Selection | None = None) -> None:
        super().__init__(window)
        self.setObjectName("briefingDialog")
        self.window_ = window
        self.bridge = window.bridge
        self.job = None  # the running Task
        self.result = None
        self.setWindowTitle(self.tr("Briefing erstellen (Word, PDF/A, OpenDocument)"))
        portfolio = self.bridge.snapshot()
        as_of = self.bridge.as_of

        self.kind = QComboBox(self)
        for kind in (k for k in KINDS if k not in SESSION_KINDS):  # a session's: from the graph
            self.kind.addItem(KIND_TITLES[kind], kind)
        self.ministry = self._combo(self.tr("alle Ressorts"),
                                    [(c, f"{c} – {m.name}") for c, m in portfolio.ministries.items()])  # fmt: skip
        self.involved = QCheckBox(self.tr("auch beteiligt (nicht nur federführend)"), self)
        self.theme = self._combo(self.tr("alle Themenfelder"),
                                 [(c, f"{c} {t.name}") for c, t in portfolio.themes.items()])  # fmt: skip
        self.category = self._combo(self.tr("alle Zielkategorien"),
                                    [(c, f"{c} {k.name}") for c, k in portfolio.categories.items()])  # fmt: skip
        goals = sorted(portfolio.goals.values(), key=lambda g: natural_key(g.key))
        self.goal = self._combo(self.tr("alle Ziele"), [(g.key, f"{g.key} {g.title[:70]}")
                                                        for g in goals])  # fmt: skip
        self.only_slipped = QCheckBox(self.tr("nur Ziele mit Verzug"), self)
        self.as_of = self._date(as_of)
        self.round = narrow_combo(RoundChoice(self.bridge.store, self))
        self.public = QCheckBox(self.tr("ö&ffentliche Fassung"), self)
        # the explanation on a line below the box: as its text it made the dialog too wide
        self.public_hint = QLabel(self.tr("ohne interne Anmerkungen, Prüfkommentare und Namen"),
                                  self)  # fmt: skip
        self.public_hint.setObjectName("briefingPublicHint")
        self.public.setAccessibleDescription(self.public_hint.text())
        self.public.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.classified = QCheckBox(self.tr("VS – NUR FÜR DEN DIENSTGEBRAUCH"), self)
        self.reference = QLineEdit(self)
        self.occasion = QLineEdit(self)
        self.meeting_on = QCheckBox(self.tr("Termin"), self)
        self.meeting = self._date(as_of)
        self.author = QLineEdit(self)
        self.place = QLineEdit(self.tr("Magdeburg"), self)
        self.place.setToolTip(self.tr("Ort vor dem Datum auf der ersten Seite"))
        self.changes_on = QCheckBox(self.tr("Änderungen seit"), self)
        self.changes_since = self._date(as_of.replace(day=1))
        self.template = QLineEdit(self)
        self.template.setPlaceholderText(self.tr("Standardvorlage"))
        self.target = QLineEdit(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("briefingSummary")
        self.summary.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self._layout()
        self._apply_selection(selection or Selection())
        for w in (self.kind, self.ministry, self.theme, self.category, self.goal):
            w.currentIndexChanged.connect(self.update_summary)
        for w in (self.involved, self.only_slipped, self.classified, self.changes_on, self.public):
            w.toggled.connect(self.update_summary)
        self.round.currentIndexChanged.connect(self._round_chosen)
        self.public.toggled.connect(self._public_chosen)
        self.goal.currentIndexChanged.connect(self._goal_chosen)
        self.kind.currentIndexChanged.connect(self._kind_chosen)
        self.as_of.dateChanged.connect(self.update_summary)
        self.changes_since.dateChanged.connect(self.update_summary)
        self.update_summary()
        natural_size(self)

    # -- building -----------------------------------------------------------------------------
    def _combo(self, everything: str, items: list[tuple[str, str]]) -> QComboBox:
        box = QComboBox(self)
        box.addItem(everything, None)
        for code, text in items:
            box.addItem(text, code)
        return narrow_combo(box)

    def _date(self, day: date) -> QDateEdit:
        edit = QDateEdit(_qdate(day), self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd.MM.yyyy")
        return edit

    def _row(self, *widgets) -> QWidget:
        return row_of(self, *widgets)

    def _layout(self) -> None:
        what = QGroupBox(self.tr("Art und Auswahl"), self)
        form = QFormLayout(what)
        form.addRow(self.tr("&Art:"), self.kind)
        form.addRow(self.tr("&Ressort:"), self.ministry)
        form.addRow("", self.involved)
        form.addRow(self.tr("&Themenfeld:"), self.theme)
        form.addRow(self.tr("&Zielkategorie:"), self.category)
        form.addRow(self.tr("Z&iel:"), self.goal)
        form.addRow("", self.only_slipped)
        form.addRow(self.tr("Berichtsrun&de:"), self.round)
        form.addRow(self.tr("&Stichtag:"), self.as_of)
        details = QGroupBox(self.tr("Kennzeichnung und Angaben"), self)
        form2 = QFormLayout(details)
        form2.addRow(self.tr("&Einstufung:"), self.classified)
        form2.addRow("", self.public)
        form2.addRow("", self.public_hint)
        form2.addRow(self.tr("&Geschäftszeichen:"), self.reference)
        form2.addRow(self.tr("A&nlass:"), self.occasion)
        form2.addRow(self.meeting_on, self.meeting)
        form2.addRow(self.tr("&Bearbeitung:"), self.author)
        form2.addRow(self.tr("&Ort:"), self.place)
        form2.addRow(self.changes_on, self.changes_since)
        browse_t = QPushButton(self.tr("&Vorlage wählen…"), self)
        browse_t.clicked.connect(self.choose_template)
        browse_o = QPushButton(self.tr("Speichern &unter…"), self)
        browse_o.clicked.connect(self.choose_target)
        form2.addRow(self.tr("Vorlage:"), self._row(self.template, browse_t))
        form2.addRow(self.tr("Datei:"), self._row(self.target, browse_o))
        names = {self.kind: "Art", self.ministry: "Ressort", self.theme: "Themenfeld",
                 self.category: "Zielkategorie", self.goal: "Ziel", self.as_of: "Stichtag",
                 self.reference: "Geschäftszeichen", self.occasion: "Anlass",
                 self.meeting: "Termin", self.author: "Bearbeitung", self.place: "Ort",
                 self.changes_since: "Änderungen seit", self.template: "Vorlage",
                 self.target: "Zieldatei", self.summary: "Inhalt des Briefings"}  # fmt: skip
        for widget, name in names.items():
            widget.setAccessibleName(name)
        self.buttons = QDialogButtonBox(self)
        self.create = self.buttons.addButton(self.tr("Erste&llen"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)  # fmt: skip
        self.cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.create.clicked.connect(self.run)
        self.cancel.clicked.connect(self.cancel_or_close)
        lay = QVBoxLayout(self)
        lay.addWidget(self._row(what, details))
        box = QGroupBox(self.tr("Das Briefing enthält"), self)
        QVBoxLayout(box).addWidget(self.summary)
        lay.addWidget(box)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        lay.addWidget(self.buttons)

    def _apply_selection(self, sel: Selection) -> None:
        for box, value in ((self.ministry, sel.ministry), (self.theme, sel.theme),
                           (self.category, sel.category), (self.goal, sel.goal)):  # fmt: skip
            index = box.findData(value) if value else 0
            box.setCurrentIndex(max(index, 0))
        self.involved.setChecked(sel.involved)
        self.only_slipped.setChecked(sel.only_slipped)

    def _goal_chosen(self) -> None:
        """One goal is an explicit choice: the other filters would only hide it."""
        if self.goal.currentData():
            for box in (self.ministry, self.theme, self.category):
                box.setCurrentIndex(0)
            self.involved.setChecked(False)
            self.only_slipped.setChecked(False)

    def _kind_chosen(self) -> None:
        """A kind that needs a round starts from the newest closed one (the user may pick
        another; without any closed round the summary says why nothing can be written)."""
        if self.kind.currentData() in ROUND_KINDS and self.round.key is None \
                and self.round.count() > 1:  # fmt: skip
            self.round.setCurrentIndex(1)

    def _round_chosen(self) -> None:
        """A round fixes the Stichtag: its frozen state is valid only at its as-of date."""
        source = self.round.source()
        if source is not None:
            self.as_of.setDate(_qdate(source.frozen.as_of))
        self.as_of.setEnabled(source is None)
        self.changes_on.setEnabled(source is None)  # a frozen state has no later change log
        if source is not None:
            self.changes_on.setChecked(False)
        self.update_summary()

    def _public_chosen(self, public: bool) -> None:
        """The public variant is never classified (REPORTING.md)."""
        if public:
            self.classified.setChecked(False)
        self.classified.setEnabled(not public)

    # -- state --------------------------------------------------------------------------------
    def selection(self) -> Selection:
        return Selection(category=self.category.currentData(), theme=self.theme.currentData(),
                         ministry=self.ministry.currentData(), involved=self.involved.isChecked(),
                         only_slipped=self.only_slipped.isChecked(), goal=self.goal.currentData())  # fmt: skip

    def options(self) -> BriefingOptions:
        template = self.template.text().strip()
        return BriefingOptions(
            classified=self.classified.isChecked(),
            reference=self.reference.text(),
            occasion=self.occasion.text(),
            meeting_date=_pydate(self.meeting.date()) if self.meeting_on.isChecked() else None,
            author=self.author.text(),
            place=self.place.text(),
            template=Path(template) if template else None,
            changes_since=_pydate(self.changes_since.date())
            if self.changes_on.isChecked()
            else None,
            public=self.public.isChecked(),
            round=self.round.source() if self.kind.currentData() in ROUND_KINDS else None,
        )

    def update_summary(self, *_args) -> None:
        snapshot, kind = self.round.portfolio(self.bridge.snapshot()), self.kind.currentData()
        day = _pydate(self.as_of.date())
        options = self.options()
        lines = summary(snapshot, kind, self.selection(), day, options)
        self.summary.setText("\n".join(lines))
        # A Vermerk is on exactly one goal; an empty selection gives nothing (summary says so).
        self.refused = refusal(snapshot, kind, self.selection(), day, options)

    def choose_template(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Hausvorlage wählen"), "",
                                              self.tr("Word-Vorlagen (*.docx *.dotx)"))  # fmt: skip
        if name:
            self.template.setText(name)

    def choose_target(self) -> None:
        # The suggested name never carries the classification (VSA: file names stay unclassified).
        suggestion = f"{KIND_TITLES[self.kind.currentData()]}.docx"
        filters = {self.tr("Word-Dokument (*.docx)"): ".docx",
                   self.tr("PDF/A für die E-Akte (*.pdf)"): ".pdf",
                   self.tr("OpenDocument-Text (*.odt)"): ".odt"}  # fmt: skip
        name, chosen = QFileDialog.getSaveFileName(self, self.tr("Briefing speichern"), suggestion,
                                                   ";;".join(filters))  # fmt: skip
        if name:  # the format follows the file name; without a known ending the chosen filter's
            known = Path(name).suffix.lower() in SUFFIXES
            self.target.setText(name if known else name + filters.get(chosen, ".docx"))

    # -- running ------------------------------------------------------------------------------
    def run(self) -> None:
        self.update_summary()
        if self.refused is not None:  # refused here, in German; nothing is written
            self.status.setText(format_error(self.refused))
            self.window_.show_error(self.refused)
            return
        target = self.target.text().strip()
        if not target:
            self.choose_target()
            target = self.target.text().strip()
            if not target:
                return
        options = self.options()
        if options.changes_since:  # the change log is read here: the worker only gets plain data
            options.changes = self.bridge.store.changes(since=options.changes_since.isoformat())
        args = (self.round.portfolio(self.bridge.snapshot()), Path(target),
                self.kind.currentData(), self.selection(), _pydate(self.as_of.date()),
                options)  # fmt: skip
        self.start_write(args, self.tr("Briefing wird erstellt …"))

    def failed(self, error: BaseException) -> None:
        self.window_.show_error(error)

    def written(self, result) -> None:
        self.offer_open(result)

    def offer_open(self, result) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Briefing erstellt"),
                          self.tr("{0} mit {1} geschrieben:\n{2}").format(
                              KIND_TITLES[result.kind], goals_dative(result.goals), result.path),
                          parent=self)  # fmt: skip
        box.setObjectName("briefingDone")
        notes = []
        if result.sanitized:  # real repairs, one line per text in the details
            n = len(result.sanitized)
            notes.append(self.tr("1 Text enthielt Zeichen, die Word nicht speichern kann; er wurde "
                                 "bereinigt.") if n == 1 else
                         self.tr("{0} Texte enthielten Zeichen, die Word nicht speichern kann; sie "
                                 "wurden bereinigt.").format(n))  # fmt: skip
            box.setDetailedText("\n".join(result.sanitized))
        if result.shortened:  # layout, not a repair: one line
            n = result.shortened
            notes.append(self.tr("1 langer Text wurde für das Layout gekürzt.") if n == 1 else
                         self.tr("{0} lange Texte wurden für das Layout gekürzt.").format(n))  # fmt: skip
        if notes:
            box.setInformativeText("\n".join(notes))
        self.open_file = box.addButton(self.tr("Datei ö&ffnen"), QMessageBox.ButtonRole.AcceptRole)
        self.open_folder = box.addButton(
            self.tr("&Ordner öffnen"), QMessageBox.ButtonRole.ActionRole
        )
        box.addButton(QMessageBox.StandardButton.Close)
        box.buttonClicked.connect(lambda button: self._opened(button, result.path))
        box.open()
        self.done_box = box
        return box

    def _opened(self, button, path: Path) -> None:
        if button is self.open_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif button is self.open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
