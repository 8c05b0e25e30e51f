"""The what-if panel: before/after figures, changed suggestions, affected goals in sentences."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sa2030_desktop.domain.dates import days_de, de_short
from sa2030_desktop.domain.sentences import whatif_sentences
from sa2030_desktop.domain.whatif import WhatIfResult


class WhatIfPanel(QWidget):
    apply_requested = Signal(str)  # comment
    discard_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("whatIfPanel")
        self.setAccessibleName(self.tr("Was-wäre-wenn: Auswirkungen"))
        self.result: WhatIfResult | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        title = QLabel(self.tr("<b>Auswirkungen der Simulation</b>"), self)
        self.text = QTextBrowser(self)
        self.text.setObjectName("whatIfText")
        self.text.setAccessibleName(self.tr("Auswirkungen vorher und nachher"))
        self.comment = QLineEdit(self)
        self.comment.setObjectName("whatIfComment")
        self.comment.setPlaceholderText(self.tr("Kommentar für das Änderungsprotokoll (Pflicht)"))
        self.comment.setAccessibleName(self.tr("Kommentar zum Übernehmen"))
        self.apply_button = QPushButton(self.tr("Üb&ernehmen"), self)
        self.apply_button.setObjectName("whatIfApply")
        self.discard_button = QPushButton(self.tr("&Verwerfen"), self)
        self.discard_button.setObjectName("whatIfDiscard")
        self.message = QLabel(self)
        self.message.setObjectName("whatIfMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #B71C1C;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        layout.addWidget(title)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.comment)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.apply_button.clicked.connect(self._apply)
        self.discard_button.clicked.connect(self.discard_requested)
        self.show_result(None)

    def _apply(self) -> None:
        if not self.comment.text().strip():
            self.message.setText(
                self.tr("Bitte einen Kommentar angeben – er steht im Änderungsprotokoll.")
            )
            self.comment.setFocus()
            return
        self.message.clear()
        self.apply_requested.emit(self.comment.text().strip())

    def show_result(self, result: WhatIfResult | None) -> None:
        self.result = result
        has_changes = bool(result and result.changes)
        self.apply_button.setEnabled(has_changes)
        self.discard_button.setEnabled(has_changes)
        if not has_changes:
            self.text.setHtml(
                self.tr(
                    "<p>Ziehen Sie Prognosen (gefüllte Punkte) auf ein anderes Datum. "
                    "Die Folgen erscheinen hier; gespeichert wird erst mit „Übernehmen“.</p>"
                )
            )
            return
        self.text.setHtml(result_html(result))

    def clear(self) -> None:
        self.comment.clear()
        self.message.clear()
        self.show_result(None)


def result_html(result: WhatIfResult) -> str:
    b, a = result.before, result.after
    rows = [
        ("Meilensteine mit Verzug", len(b.slipped), len(a.slipped)),
        ("Terminkonflikte", len(b.conflicts), len(a.conflicts)),
        (
            "Ziele mit Statusvorschlag „verzögert“",
            sum(s.value == "delayed" for s in b.suggested.values()),
            sum(s.value == "delayed" for s in a.suggested.values()),
        ),
    ]
    html = [
        "<table cellpadding='3' border='1' style='border-collapse:collapse'>",
        "<tr><th align='left'>Kennzahl</th><th>vorher</th><th>nachher</th></tr>",
    ]
    for label, x, y in rows:
        mark = " ▲" if y > x else (" ▼" if y < x else "")
        html.append(
            f"<tr><td>{label}</td><td align='right'>{x}</td>"
            f"<td align='right'><b>{y}</b>{mark}</td></tr>"
        )
    html.append("</table>")
    slipped_after = {s["key"]: s for s in a.slipped}
    slipped_before = {s["key"]: s for s in b.slipped}
    changed = [k for k in slipped_after if slipped_before.get(k) != slipped_after[k]]
    if changed:
        html.append("<p><b>Verzug nachher</b></p><ul>")
        for k in changed:
            s = slipped_after[k]
            before = slipped_before.get(k)
            was = days_de(before["slip_days"]) if before else "kein Verzug"
            html.append(f"<li>{escape(k)}: {days_de(s['slip_days'])} (vorher {was})</li>")
        html.append("</ul>")
    if result.new_conflicts:
        html.append("<p><b style='color:#C62828'>Neue Terminkonflikte</b></p><ul>")
        for c in result.new_conflicts:
            html.append(
                f"<li>{escape(c.dependent)} wartet ab {de_short(c.waiting)} auf "
                f"{escape(c.prerequisite)} (fertig {de_short(c.needed)}, {days_de(c.days)})</li>"
            )
        html.append("</ul>")
    html.append("<p><b>In Sätzen</b></p><ul>")
    html.extend(f"<li>{escape(line)}</li>" for line in whatif_sentences(result))
    html.append("</ul>")
    return "".join(html)
