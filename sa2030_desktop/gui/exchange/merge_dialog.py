"""Merge review: every conflict side by side (field, base, mine, theirs), decided one by one or
in bulk; the merge is written as one undoable step only when everything is decided."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sa2030_desktop.domain.grammar import count_de, verb_de
from sa2030_desktop.domain.model import Status
from sa2030_desktop.gui.commands import OperationCommand
from sa2030_desktop.gui.dialog_parts import CancelsItsJob, fit_to_screen, note_label, record_table
from sa2030_desktop.messages import (
    ENTITY,
    FIELD,
    format_error,
    format_issue,
    format_report_note,
    format_reports_taken,
)
from sa2030_desktop.services import merge
from sa2030_desktop.services import operations as ops
from sa2030_desktop.services.merge_engine import MINE, THEIRS

_ROOT = QModelIndex()


class Column(IntEnum):
    ENTITY = 0
    KEY = 1
    FIELD = 2
    BASE = 3
    MINE = 4
    THEIRS = 5
    DECISION = 6


def show_side(value: dict | None, base: dict | None) -> str:
    """A whole record of one side: deleted, or which fields it changed against the base."""
    if value is None:
        return QWidget.tr("(gelöscht)")
    if base is None:
        return show_value(value, True)
    changed = [FIELD.get(k, k) for k, v in value.items() if base.get(k) != v]
    return (
        QWidget.tr("geändert: {0}").format(", ".join(changed))
        if changed
        else QWidget.tr("unverändert")
    )


def show_field(name: str, value: object) -> str:
    if name == "status" and isinstance(value, str):
        try:
            return Status.parse(value).label
        except ValueError:
            return value
    if name == "kind" and isinstance(value, str):
        return {"hard": "hart", "soft": "weich"}.get(value, value)
    return show_value(value, False)


def show_value(value: object, whole: bool) -> str:
    if value is None:
        return QWidget.tr("(gelöscht)") if whole else "–"
    if isinstance(value, dict):
        title = value.get("title") or value.get("name") or value.get("rationale") or ""
        return QWidget.tr("vorhanden: {0}").format(title) if title else QWidget.tr("vorhanden")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "–"
    if isinstance(value, bool):
        return QWidget.tr("ja") if value else QWidget.tr("nein")
    text = str(value)
    if len(text) == 10 and text[4] == "-" and text[7] == "-":  # ISO date → DIN 5008
        return f"{text[8:10]}.{text[5:7]}.{text[:4]}"
    return text


class ConflictModel(QAbstractTableModel):
    def __init__(self, mine_label: str, theirs_label: str, parent=None) -> None:
        super().__init__(parent)
        self.conflicts: list = []
        self.decisions: dict = {}
        self.labels = [
            self.tr("Objekt"),
            self.tr("Schlüssel"),
            self.tr("Feld"),
            self.tr("Basis"),
            mine_label,
            theirs_label,
            self.tr("Entscheidung"),
        ]

    def set_conflicts(self, conflicts: list, decisions: dict) -> None:
        self.beginResetModel()
        self.conflicts, self.decisions = list(conflicts), decisions
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self.conflicts)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.labels[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        c = self.conflicts[index.row()]
        col = Column(index.column())
        choice = self.decisions.get(c.ident)
        if role == Qt.ItemDataRole.DisplayRole and c.kind == "cycle":
            return self._cycle_text(c, col, choice)
        if role == Qt.ItemDataRole.DisplayRole:
            whole = c.field == "*"
            if col is Column.ENTITY:
                return ENTITY.get(c.entity, c.entity)
            if col is Column.KEY:
                return c.key
            if col is Column.FIELD:
                return self.tr("Eintrag") if whole else FIELD.get(c.field, c.field)
            if col is Column.BASE:
                return show_value(c.base, True) if whole else show_field(c.field, c.base)
            if col in (Column.MINE, Column.THEIRS):
                value = c.mine if col is Column.MINE else c.theirs
                text = show_side(value, c.base) if whole else show_field(c.field, value)
                mark = (col is Column.MINE and choice == MINE) or (
                    col is Column.THEIRS and choice == THEIRS
                )
                return text + ("  ✔" if mark else "")
            return {MINE: self.labels[Column.MINE], THEIRS: self.labels[Column.THEIRS]}.get(
                choice, self.tr("offen")
            )
        if role == Qt.ItemDataRole.BackgroundRole:
            if (col is Column.MINE and choice == MINE) or (
                col is Column.THEIRS and choice == THEIRS
            ):
                return QBrush(QColor("#C8E6C9"))
            if col is Column.DECISION and choice is None:
                return QBrush(QColor("#FFF3E0"))
        if role == Qt.ItemDataRole.ToolTipRole and col in (Column.BASE, Column.MINE, Column.THEIRS):
            return str([c.base, c.mine, c.theirs][col - Column.BASE])
        return None

    def _cycle_text(self, c, col: Column, choice: str | None) -> str:
        """A dependency only one side has that closes a cycle: „übernehmen“ or not."""
        if col is Column.ENTITY:
            return ENTITY.get(c.entity, c.entity)
        if col is Column.KEY:
            return c.key
        if col is Column.FIELD:
            return self.tr("schließt einen Kreis")
        if col is Column.BASE:
            return show_value(c.base, False)
        if col in (Column.MINE, Column.THEIRS):
            value = c.mine if col is Column.MINE else c.theirs
            text = show_value(value, False) if value is not None else self.tr("nicht vorhanden")
            mark = choice == (MINE if col is Column.MINE else THEIRS)
            return text + ("  ✔" if mark else "")
        if choice is None:
            return self.tr("offen")
        if c.mine is None:  # the other side added it
            return self.tr("nicht übernehmen") if choice == MINE else self.tr("übernehmen")
        return self.tr("behalten") if choice == MINE else self.tr("entfernen")


class MergeDialog(CancelsItsJob, QDialog):
    def __init__(
        self,
        bridge,
        undo_stack,
        report: merge.MergeReport,
        mine_label: str | None = None,
        theirs_label: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.bridge, self.undo_stack, self.report = bridge, undo_stack, report
        self.decisions: dict = {}
        self.job = None  # the merge being written (worker)
        what = (
            self.tr("Ressortpaket {0}").format(report.package_of)
            if report.package_of
            else report.other
        )
        self.setWindowTitle(self.tr("Zusammenführen mit {0}").format(what))
        self.model = ConflictModel(
            mine_label or self.tr("Meine Fassung"), theirs_label or self.tr("Andere Fassung"), self
        )
        self.view = record_table(self, self.model, "conflictTable", self.tr("Konflikte"))
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.summary = note_label(self, "mergeSummary")
        self.problems = note_label(self, "mergeProblems")
        self.problems.setStyleSheet("color: #B71C1C;")
        row = QHBoxLayout()
        self.take_mine = QPushButton(self.tr("&Meine Fassung"), self)
        self.take_theirs = QPushButton(self.tr("&Andere Fassung"), self)
        self.all_mine = QPushButton(self.tr("Alle offenen: m&eine"), self)
        self.all_theirs = QPushButton(self.tr("Alle offenen: a&ndere"), self)
        for button, side, bulk in (
            (self.take_mine, MINE, False),
            (self.take_theirs, THEIRS, False),
            (self.all_mine, MINE, True),
            (self.all_theirs, THEIRS, True),
        ):
            button.clicked.connect(lambda _=False, s=side, b=bulk: self.decide(s, b))
            row.addWidget(button)
        row.addStretch(1)
        self.buttons = QDialogButtonBox(self)
        self.apply_button = self.buttons.addButton(
            self.tr("&Zusammenführen"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Abbrechen"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 1000, 560)
        for col, width in (
            (Column.ENTITY, 95),
            (Column.KEY, 75),
            (Column.FIELD, 130),
            (Column.BASE, 185),
            (Column.MINE, 185),
            (Column.THEIRS, 185),
        ):
            self.view.setColumnWidth(col, width)
        self._show()

    def decide(self, side: str, everything: bool = False) -> None:
        if everything:  # the open ones: a decision made row by row stays
            rows = [
                r
                for r in range(self.model.rowCount())
                if self.model.conflicts[r].ident not in self.decisions
            ]
        else:
            rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        for r in rows:
            self.decisions[self.model.conflicts[r].ident] = side
        self.report = merge.redecide(self.bridge.store, self.report, self.decisions)
        self._show()

    def _show(self) -> None:
        r = self.report
        base = (
            self.tr("Gemeinsame Basis gefunden")
            if r.base_found
            else self.tr("Keine gemeinsame Basis – jede Abweichung ist ein Konflikt")
        )
        open_count = len(r.undecided)
        taken = len(r.outcome.taken)
        text = self.tr("{0}. {1} {2} ohne Konflikt übernommen. ").format(
            base,
            count_de(taken, self.tr("Änderung"), self.tr("Änderungen")),
            verb_de(taken, self.tr("wird"), self.tr("werden")),
        )
        if r.conflicts:
            text += self.tr(
                "{0}, davon {1} offen. Bitte jede Zeile entscheiden: "
                "Zeilen wählen, dann „Meine Fassung“ oder „Andere Fassung“."
            ).format(
                count_de(len(r.conflicts), self.tr("Konflikt"), self.tr("Konflikte")), open_count
            )
        else:
            text += self.tr("Keine Konflikte.")
        if any(c.kind == "cycle" for c in r.undecided):
            text += " " + self.tr(
                "Die Zusammenführung würde einen Kreis schließen: eine der Zeilen „schließt "
                "einen Kreis“ entscheiden – „Meine Fassung“ übernimmt die neue Abhängigkeit "
                "der anderen Fassung nicht."
            )
        elif r.issues:
            text += " " + self.tr(
                "Das Ergebnis wäre ungültig (siehe unten): bitte in einer der "
                "beiden Fassungen korrigieren und erneut zusammenführen."
            )
        if r.reports_taken or r.report_notes:
            text += " " + format_reports_taken(len(r.reports_taken))
        self.summary.setText(text)
        self.model.set_conflicts(r.conflicts, self.decisions)
        self.view.resizeRowsToContents()
        lines = [self.tr("Abgelehnt: ") + format_issue(i) for i in r.issues]
        lines += [
            self.tr("Entfällt mit dem gelöschten Ziel: {0} {1}").format(ENTITY.get(e, e), k)
            for e, k in r.outcome.dropped
        ]
        lines += [self.tr("Hinweis: ") + format_report_note(n) for n in r.report_notes]
        self.problems.setText("\n".join(lines))
        self.problems.setVisible(bool(lines))
        self.apply_button.setEnabled(r.ready)

    def accept(self) -> None:
        if not self.report.ready:
            return
        try:
            merge.check_fresh(self.bridge.store, self.report)
        except Exception as exc:  # the file moved on while the dialog was open
            QMessageBox.warning(self, self.windowTitle(), format_error(exc))
            return
        if self.job is not None:
            return
        from sa2030_desktop.gui.tasks import run_with_progress
        from sa2030_desktop.services.safety import store_work

        self.apply_button.setEnabled(False)
        self.job = run_with_progress(
            self, self.windowTitle(),
            self.tr("Zusammenführung wird geschrieben … (Abbrechen: nichts wird geändert)"),
            store_work(self.bridge.store, merge.apply, self.report), self._applied,
        )  # fmt: skip

    def _applied(self, outcome) -> None:
        """Worker done: one undo step, or the German reason (cancelled: nothing changed)."""
        self.job = None
        if not outcome.ok:
            self.apply_button.setEnabled(self.report.ready)
            QMessageBox.warning(self, self.windowTitle(), outcome.message)
            return
        command = OperationCommand(
            self.bridge,
            ops.ApplyMerge(self.report, applied=True),
            self.tr("Zusammenführung mit {0}").format(self.report.other),
            applied=True,
        )
        self.undo_stack.push(command)
        super().accept()
