"""„Erste Schritte“: a short guide through the demo portfolio at the very first start.

Each page brings the view it talks about to the front, so the user sees where it is. It is
shown once (remembered in the settings, also when skipped) and again only from the Hilfe menu.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from sa2030_desktop.gui import settings
from sa2030_desktop.gui.dialog_parts import fit_to_screen, keep_on_screen

SEEN_KEY = "help/first_steps_seen"


def _t(text: str) -> str:
    return QCoreApplication.translate("FirstSteps", text)


@dataclass(frozen=True)
class Page:
    title: str
    text: str
    view: str  # the id of the declared view brought to the front ("" keeps the current one)
    section: str  # the handbook section „Mehr dazu im Handbuch“ opens


def pages(demo: bool = True) -> list[Page]:
    """The guide's pages; `demo`: the window shows the demo portfolio (else the user's own)."""
    opened = (
        _t(
            "Sie sehen das <b>Demoportfolio</b> – erfundene, aber plausible Ziele der Strategie "
            "„Sachsen-Anhalt Digital 2030“ (in der Titelleiste „Demodaten – illustrativ“). "
            "Hier können Sie alles gefahrlos ausprobieren.<br><br>"
        )
        if demo
        else _t(
            "Sie sehen Ihr Portfolio; das Demoportfolio mit erfundenen Beispieldaten öffnen Sie "
            "jederzeit über <b>Datei › Öffnen…</b> aus Ihrem Datenordner.<br><br>"
        )
    )
    return [
        Page(
            _t("Willkommen"),
            opened
            + _t(
                "Dieser kurze Rundgang zeigt, wo was zu finden ist. Sie können ihn "
                "jederzeit überspringen und später über <b>Hilfe › Erste Schritte</b> wieder "
                "aufrufen. <b>F1</b> öffnet überall das Handbuch an der passenden Stelle."
            ),
            "table",
            "erste-schritte",
        ),
        Page(
            _t("Die Zieltabelle"),
            _t(
                "Links stehen alle Ziele mit Themenfeld, Federführung, Status und Verzug. Über der "
                "Tabelle filtern Sie nach Zielkategorie, Themenfeld, Ressort und Status; "
                "<b>Strg+F</b> springt in die Suche.<br><br>"
                "Rechts, in den <b>Zieldetails</b>, bearbeiten Sie das gewählte Ziel: Stammdaten, "
                "Meilensteine (Basistermin, Prognose, Ist), Indikatoren und Abhängigkeiten. "
                "<b>Strg+Z</b> macht jede Änderung rückgängig."
            ),
            "table",
            "zieltabelle",
        ),
        Page(
            _t("Der Abhängigkeitsgraph"),
            _t(
                "Im Reiter <b>Abhängigkeiten</b> (<b>Strg+3</b>) sehen Sie, welche Ziele welche "
                "anderen benötigen – durchgezogen hart, gestrichelt weich. Ziehen Sie mit "
                "„Verbinden“ von einem Ziel zum anderen, um eine Abhängigkeit anzulegen.<br><br>"
                "Für Workshops: <b>F11</b> startet den Präsentationsmodus für den Beamer, Schritt "
                "für Schritt je Ressort oder Themenfeld."
            ),
            "graph",
            "abhaengigkeitsgraph",
        ),
        Page(
            _t("Der Zeitplan"),
            _t(
                "Im Reiter <b>Zeitplan</b> (<b>Strg+4</b>) stehen die Meilensteine auf einer "
                "Zeitachse: Basistermin und Prognose, dazwischen der Verzug. Ziehen verschiebt "
                "eine Prognose.<br><br>"
                "<b>Was-wäre-wenn</b> rechnet einen Verzug durch und zeigt, welche Ziele und "
                "Ressorts betroffen wären – gespeichert wird erst, wenn Sie übernehmen."
            ),
            "timeline",
            "zeitplan",
        ),
        Page(
            _t("Briefings"),
            _t(
                "Über <b>Austausch › Export › Briefing (Word, PDF/A, ODT)…</b> "
                "(<b>Strg+Umschalt+W</b>) entstehen Statusbericht, Sprechzettel, Vermerk, "
                "Kabinettsvorlage und Umsetzungsbericht – aus den Daten, zum gewählten Stichtag, "
                "auf Wunsch als „VS – NUR FÜR DEN DIENSTGEBRAUCH“.<br><br>"
                "Die Auswahl der Zieltabelle (Filter) wird dabei übernommen."
            ),
            "overview",
            "briefings",
        ),
        Page(
            _t("Ihr eigenes Portfolio"),
            _t(
                "Wenn Sie mit echten Daten beginnen wollen:<br>"
                "• <b>Datei › Neu…</b> legt ein leeres Portfolio an – mit den 3 Zielkategorien, "
                "18 Themenfeldern und 9 Ressorts.<br>"
                "• Ihre Ziele aus Excel übernehmen Sie mit <b>Austausch › Import › Excel/CSV "
                "(Vorlage)…</b>; eine leere Vorlage mit Erläuterungen gibt es unter "
                "<b>Austausch › Export › Leere Excel-Vorlage…</b>.<br><br>"
                "Das Demoportfolio bleibt erhalten und ist über <b>Datei › Zuletzt geöffnet</b> "
                "wieder erreichbar."
            ),
            "",
            "eigenes-portfolio",
        ),
    ]


def seen() -> bool:
    return bool(settings.settings().value(SEEN_KEY, False, type=bool))


def mark_seen() -> None:
    settings.settings().setValue(SEEN_KEY, True)


class FirstStepsDialog(QDialog):
    """Not modal: the window behind it stays usable while the guide points at it."""

    def __init__(
        self,
        parent,
        show_view: Callable[[str], None],
        open_help: Callable[[str], object],
        actions: dict[str, Callable[[], object]],
        demo: bool = True,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Dialog)
        self.setObjectName("firstSteps")
        self.setWindowTitle(self.tr("Erste Schritte"))
        self.setModal(False)
        self.pages = pages(demo)
        self.index = 0
        self._show_view = show_view
        self._open_help = open_help
        self.heading = QLabel(self)
        self.heading.setObjectName("firstStepsHeading")
        self.heading.setStyleSheet("font-size: 14pt; font-weight: bold")
        self.body = QLabel(self)
        self.body.setObjectName("firstStepsText")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.step = QLabel(self)
        self.more = QPushButton(self.tr("Mehr dazu im &Handbuch"), self)
        self.more.clicked.connect(lambda: self._open_help(self.pages[self.index].section))
        self.own = QHBoxLayout()
        self.own_buttons = []
        for text, handler in (
            (self.tr("&Neues Portfolio anlegen…"), actions.get("new")),
            (self.tr("Excel-Vorlage &importieren…"), actions.get("import")),
        ):
            button = QPushButton(text, self)
            button.setEnabled(handler is not None)
            if handler is not None:
                button.clicked.connect(lambda _=False, h=handler: self._leave_and(h))
            self.own.addWidget(button)
            self.own_buttons.append(button)
        self.own.addStretch(1)
        self.skip = QPushButton(self.tr("Über&springen"), self)
        self.skip.setObjectName("firstStepsSkip")
        self.skip.clicked.connect(self.reject)
        self.back = QPushButton(self.tr("< &Zurück"), self)
        self.back.clicked.connect(lambda: self.go(self.index - 1))
        self.next = QPushButton(self.tr("&Weiter >"), self)
        self.next.setObjectName("firstStepsNext")
        self.next.setDefault(True)
        self.next.clicked.connect(self._next)
        row = QHBoxLayout()
        row.addWidget(self.step)
        row.addStretch(1)
        row.addWidget(self.skip)
        row.addWidget(self.back)
        row.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.body, 1)
        layout.addLayout(self.own)
        layout.addWidget(self.more, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(row)
        self.setMinimumWidth(460)
        fit_to_screen(self, 520, 300)
        self.go(0)

    def place_beside(self, window) -> None:
        """In the lower right corner of the window: the views it talks about stay visible."""
        frame = window.frameGeometry()
        self.adjustSize()
        size = self.size().expandedTo(self.minimumSizeHint())
        self.move(frame.right() - size.width() - 24, frame.bottom() - size.height() - 48)
        keep_on_screen(self)  # a window larger than the screen would carry it over the edge

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        keep_on_screen(self)  # now the window frame's size is known too

    def go(self, index: int) -> None:
        self.index = max(0, min(index, len(self.pages) - 1))
        page = self.pages[self.index]
        self.heading.setText(page.title)
        self.body.setText(page.text)
        self.step.setText(self.tr("Schritt {0} von {1}").format(self.index + 1, len(self.pages)))
        self.back.setEnabled(self.index > 0)
        last = self.index == len(self.pages) - 1
        self.next.setText(self.tr("&Fertig") if last else self.tr("&Weiter >"))
        self.skip.setVisible(not last)
        for button in self.own_buttons:
            button.setVisible(last)
        if page.view:
            self._show_view(page.view)

    def _next(self) -> None:
        if self.index == len(self.pages) - 1:
            self.accept()
        else:
            self.go(self.index + 1)

    def _leave_and(self, handler: Callable[[], object]) -> None:
        self.accept()
        handler()
